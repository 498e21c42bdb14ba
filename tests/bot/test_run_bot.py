"""`run_bot` itself, as `newsbot bot` calls it: in its own process, polling the fake Bot API until SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from asyncio.subprocess import Process
from pathlib import Path
from typing import IO

from tests.bot.conftest import ADA, TOKEN, assert_answers_the_seed_question
from tests.fakes.bot_api import FakeBotApi, private_chat

ROOT = Path(__file__).resolve().parents[2]
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


async def test_a_rejected_token_stops_the_bot_with_a_hint_and_without_the_token(
    api: FakeBotApi, tmp_path: Path
) -> None:
    wrong = "555000:REJECTED-token-value"
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log_file:
        process = await run_bot_process(api, tmp_path, wrong, log_file, seed=False)
        returncode = await asyncio.wait_for(process.wait(), 30)
    log = log_path.read_text(encoding="utf-8", errors="replace")
    assert returncode == 1
    assert "error: Telegram rejected TELEGRAM_BOT_TOKEN: copy the token @BotFather gave you into .env" in log
    assert wrong not in log and wrong.split(":")[1] not in log
