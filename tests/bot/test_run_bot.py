"""The bot in its own process, polling the fake Bot API until SIGTERM: `run_bot` itself, and `newsbot bot` as
users run it, when it cannot start and when it is stopped in the middle of a slow /add."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from asyncio.subprocess import Process
from pathlib import Path
from typing import IO

from tests.bot.conftest import ADA, ADMIN, NEWS_PAGE, TOKEN, assert_answers_the_seed_question
from tests.fakes.bot_api import FakeBotApi, private_chat
from tests.fakes.news_site import LoopbackSite, Route, serving
from tests.test_chroma_server import free_port

ROOT = Path(__file__).resolve().parents[2]
NEWSBOT = Path(sys.executable).with_name("newsbot")
SCRIPT = """
import logging, sys
from pathlib import Path
from bot.telegram.app import run_bot
from index.errors import ConfigError
from index.newsroom import Newsroom
from tests.conftest import SEED_ARTICLE, make_settings

logging.basicConfig(level=logging.DEBUG)
settings = make_settings(Path(sys.argv[1]), telegram_bot_token=sys.argv[2], telegram_base_url=sys.argv[3])
newsroom = Newsroom(settings)
if sys.argv[4] == "with-seed":
    newsroom.ingest([str(SEED_ARTICLE)])
try:
    run_bot(settings, newsroom)
except ConfigError as exc:  # what the CLI does with it
    print(f"error: {exc}", file=sys.stderr)
    sys.exit(1)
"""


async def run_bot_process(
    api: FakeBotApi, tmp_path: Path, token: str, log_file: IO[bytes], *, seed: bool = True
) -> Process:
    """`run_bot` in a child process, its log in `log_file`; with the sample article ingested if `seed`."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        SCRIPT,
        str(tmp_path / "data"),
        token,
        api.base_url,
        "with-seed" if seed else "empty",
        cwd=tmp_path,
        stdout=log_file,
        stderr=log_file,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


async def test_run_bot_answers_until_sigterm_and_keeps_the_token_out_of_its_logs(
    api: FakeBotApi, tmp_path: Path
) -> None:
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log_file:
        process = await run_bot_process(api, tmp_path, TOKEN, log_file)
        try:
            await api.wait_for(lambda: "default" in api.commands, timeout=40, what="the bot to start")
            api.user_message(user=ADA, chat=private_chat(ADA), text="Who denied supplying arms?")
            [answer] = await api.replies(ADA["id"], timeout=20)
            process.send_signal(signal.SIGTERM)
            returncode = await asyncio.wait_for(process.wait(), 20)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    log = log_path.read_text(encoding="utf-8", errors="replace")
    assert returncode == 0, log[-3000:]
    assert_answers_the_seed_question(answer.text)
    assert "newsbot is up as @newsbot_test_bot" in log and "<redacted>" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log


async def newsbot_bot(tmp_path: Path, log_file: IO[bytes], **settings: str) -> Process:
    """`newsbot bot`, the command users run, in a child process configured by environment variables (as
    `TELEGRAM_BOT_TOKEN="…"`); its output in `log_file`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "NEWSBOT_EMBEDDER": "use"}
    env.update({"NEWSBOT_DATA_DIR": str(tmp_path / "data"), **settings})
    return await asyncio.create_subprocess_exec(
        str(NEWSBOT), "bot", cwd=tmp_path, stdout=log_file, stderr=log_file, env=env
    )


async def finished(process: Process, timeout: float) -> int:
    """The exit code, once the process has ended within `timeout` seconds (killed and failed otherwise)."""
    try:
        return await asyncio.wait_for(process.wait(), timeout)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def output_of(log_path: Path) -> str:
    """The child's output with rich's line wrapping undone (it wraps at 80 columns when not on a terminal)."""
    return " ".join(log_path.read_text(encoding="utf-8", errors="replace").split())


async def failed_start(tmp_path: Path, **settings: str) -> str:
    """Run `newsbot bot` that cannot start: it must exit 1 with one error line and no traceback; its output."""
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log_file:
        returncode = await finished(await newsbot_bot(tmp_path, log_file, **settings), 90)
    log = output_of(log_path)
    assert returncode == 1, log[-3000:]
    assert "Traceback" not in log and log.count("error:") == 1, log[-3000:]
    return log


async def test_a_rejected_token_stops_the_bot_with_a_hint_and_without_the_token_or_a_traceback(
    api: FakeBotApi, tmp_path: Path
) -> None:
    wrong = "555000:REJECTED-token-value"
    log = await failed_start(tmp_path, TELEGRAM_BOT_TOKEN=wrong, TELEGRAM_BASE_URL=api.base_url)
    assert "error: Telegram rejected TELEGRAM_BOT_TOKEN: copy the token @BotFather gave you into .env" in log
    assert f"(or check TELEGRAM_BASE_URL: is {api.base_url} a Bot API server?)" in log
    assert wrong not in log and wrong.split(":")[1] not in log


async def test_an_unreachable_bot_api_is_one_line_and_exit_1(tmp_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}/bot"
    log = await failed_start(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=closed)
    assert f"error: cannot reach the Telegram Bot API at {closed} (" in log
    assert log.endswith("check the network or TELEGRAM_BASE_URL") and TOKEN not in log


async def test_a_chroma_server_down_at_start_is_one_line_and_exit_1(api: FakeBotApi, tmp_path: Path) -> None:
    port = free_port()
    log = await failed_start(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=api.base_url,
        NEWSBOT_CHROMA_HOST="127.0.0.1",
        NEWSBOT_CHROMA_PORT=str(port),
    )
    assert f"error: cannot reach the Chroma server at 127.0.0.1:{port}" in log


async def test_a_webhook_port_in_use_is_one_line_and_exit_1(api: FakeBotApi, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        log = await failed_start(
            tmp_path,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
            TELEGRAM_MODE="webhook",
            TELEGRAM_WEBHOOK_PORT=str(port),
            TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{port}",
        )
    assert f"error: cannot listen for Telegram's webhook on 127.0.0.1:{port} (" in log


async def test_sigterm_during_a_slow_add_stops_newsbot_bot_within_seconds(api: FakeBotApi, tmp_path: Path) -> None:
    site = LoopbackSite({"/slow.html": Route(NEWS_PAGE.encode(), trickle_s=0.5)})  # 500 s, deadline 300 s
    log_path = tmp_path / "bot.log"
    with serving(site), log_path.open("wb") as log_file:
        process = await newsbot_bot(
            tmp_path,
            log_file,
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=api.base_url,
            TELEGRAM_ADMIN_IDS=str(ADMIN["id"]),
            NEWSBOT_ALLOW_PRIVATE_HOSTS="true",
            NEWSBOT_FETCH_DEADLINE="300",
        )
        try:
            await api.wait_for(lambda: "default" in api.commands, timeout=90, what="the bot to start")
            api.user_message(user=ADMIN, chat=private_chat(ADMIN), text=f"/add {site.base}/slow.html")
            [progress] = await api.replies(ADMIN["id"], timeout=30)
            async with asyncio.timeout(30):
                while not site.requests:
                    await asyncio.sleep(0.05)
            await asyncio.sleep(1)  # a second into the download
            process.send_signal(signal.SIGTERM)
            stopping = time.monotonic()
        finally:
            returncode = await finished(process, 30)
        stopped_in = time.monotonic() - stopping
    log = output_of(log_path)
    assert returncode == 0, log[-3000:]
    assert stopped_in < 15, f"stopping took {stopped_in:.1f} s"  # the download had minutes left
    assert "abandoned" in log and f"{site.base}/slow.html" in log
    assert progress.text.startswith("⏹ I stopped before I finished reading")
