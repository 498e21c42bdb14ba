"""`newsbot feeds add|list|remove` and `newsbot watch --once`, as a user runs them, against a loopback feed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app
from index.priority import BACKGROUND_NICE
from index.reading import CURSOR_FILE
from index.store import ChunkStore
from tests.fakes.news_site import LoopbackSite, Route, serving
from tests.test_feeds import BAKERY_TEXT, HARBOUR_TEXT, rss, rss_item


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "NEWSBOT_DATA_DIR": str(tmp_path / "data"),
        "NEWSBOT_EMBEDDER": "use",
        "NEWSBOT_ALLOW_PRIVATE_HOSTS": "true",
        "NEWSBOT_FEEDS_POLL_INTERVAL": "600",
    }


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with serving(LoopbackSite()) as running:
        yield running


def invoke(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def test_feeds_are_added_listed_and_removed(env: dict[str, str]) -> None:
    assert "no feeds followed yet" in invoke(env, "feeds", "list").stderr
    added = invoke(env, "feeds", "add", "https://elda.example/feed.xml", "https://lindholm.example/atom")
    assert added.exit_code == 0
    assert added.stdout.splitlines() == [
        "following https://elda.example/feed.xml",
        "following https://lindholm.example/atom",
    ]

    listed = json.loads(invoke(env, "feeds", "list", "--json").stdout)
    assert [(f["url"], f["failures"], f["articles"]) for f in listed] == [
        ("https://elda.example/feed.xml", 0, 0),
        ("https://lindholm.example/atom", 0, 0),
    ]
    assert "not read yet" in invoke(env, "feeds", "list").stdout

    again = invoke(env, "feeds", "add", "https://elda.example/feed.xml")
    assert again.exit_code == 1 and "is already followed" in again.stderr
    bad = invoke(env, "feeds", "add", "file:///etc/passwd")
    assert bad.exit_code == 1 and "is not an http(s) address" in bad.stderr

    assert invoke(env, "feeds", "remove", "https://elda.example/feed.xml").exit_code == 0
    missing = invoke(env, "feeds", "remove", "https://elda.example/feed.xml")
    assert missing.exit_code == 1 and "is not followed" in missing.stderr
    assert [f["url"] for f in json.loads(invoke(env, "feeds", "list", "--json").stdout)] == [
        "https://lindholm.example/atom"
    ]


def test_watch_once_reads_new_entries_and_reports_failing_feeds(env: dict[str, str], site: LoopbackSite) -> None:
    site.routes["/feed.xml"] = Route(
        rss(rss_item("h1", "Harbour reopens", content=HARBOUR_TEXT), rss_item("b1", "Bread", content=BAKERY_TEXT)),
        "application/rss+xml",
    )
    site.routes["/gone.xml"] = Route(b"gone", "text/plain", status=410)
    invoke(env, "feeds", "add", f"{site.base}/feed.xml", f"{site.base}/gone.xml")

    watched = invoke(env, "watch", "--once", "--json")

    assert watched.exit_code == 0
    results = {r["url"]: r for r in json.loads(watched.stdout)}
    assert results[f"{site.base}/feed.xml"]["outcome"] == "stored" and results[f"{site.base}/feed.xml"]["added"] == 2
    assert results[f"{site.base}/gone.xml"]["outcome"] == "failed"
    assert "HTTP 410" in results[f"{site.base}/gone.xml"]["error"]
    listing = invoke(env, "feeds", "list").stdout
    assert "ok, read" in listing and "2 articles" in listing
    assert "failing (1 time in a row, next try in 20 min)" in listing
    titles = {a["title"] for a in json.loads(invoke(env, "latest", "--json").stdout)}
    assert titles == {"Harbour reopens", "Bread"}

    nothing_due = invoke(env, "watch", "--once")
    assert nothing_due.exit_code == 0 and nothing_due.stdout == ""


def test_watch_once_without_feeds_says_how_to_add_one(env: dict[str, str]) -> None:
    result = invoke(env, "watch", "--once")
    assert result.exit_code == 1 and "newsbot feeds add URL" in result.stderr


def test_with_a_shared_state_the_commands_keep_the_feeds_there(env: dict[str, str], tmp_path: Path) -> None:
    shared = {**env, "TELEGRAM_STATE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}"}
    assert invoke(shared, "feeds", "add", "https://elda.example/feed.xml").exit_code == 0
    assert not (tmp_path / "data" / "feeds.json").exists()
    assert "no feeds followed yet" in invoke(env, "feeds", "list").stderr  # not in this host's file
    listed = json.loads(invoke(shared, "feeds", "list", "--json").stdout)
    assert [f["url"] for f in listed] == ["https://elda.example/feed.xml"]


def test_watch_reads_the_stored_sentences_between_polls_and_stops_on_ctrl_c(
    env: dict[str, str], site: LoopbackSite
) -> None:
    site.routes["/feed.xml"] = Route(
        rss(rss_item("h1", "Harbour reopens", content=HARBOUR_TEXT), rss_item("b1", "Bread", content=BAKERY_TEXT)),
        "application/rss+xml",
    )
    invoke(env, "feeds", "add", f"{site.base}/feed.xml")
    assert invoke(env, "watch", "--once").exit_code == 0  # stores both; --once reads nothing behind
    cursor_file = Path(env["NEWSBOT_DATA_DIR"]) / CURSOR_FILE
    assert not cursor_file.exists()
    store = ChunkStore(path=Path(env["NEWSBOT_DATA_DIR"]), embedder_name="use")
    newest = max(float(r["ingested_at"]) for r in store.article_records())

    child_env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "TELEGRAM_"))}
    child_env.update(env, HF_HUB_OFFLINE="1", PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    # Ctrl-C as a terminal sends it; a test run started in the background inherits SIGINT ignored, which Python
    # then keeps: the child takes the usual KeyboardInterrupt handler back
    start = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); from bot.cli import main; main()"
    watch = subprocess.Popen(
        [sys.executable, "-c", start, "watch"],
        env=child_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120  # start-up, 2 s without work, then the reading at the lowest priority
        while time.monotonic() < deadline and watch.poll() is None:
            if cursor_file.exists() and newest in json.loads(cursor_file.read_text()).values():
                break
            time.sleep(0.2)
        assert watch.poll() is None, watch.communicate()[1][-2000:]
        assert os.getpriority(os.PRIO_PROCESS, watch.pid) == BACKGROUND_NICE  # its main thread: polls and ingest
        watch.send_signal(signal.SIGINT)
        _, err = watch.communicate(timeout=60)
    finally:
        watch.kill()
    assert "stopped" in err and watch.returncode == 0, err[-2000:]
    assert list(json.loads(cursor_file.read_text()).values()) == [newest]  # every stored article read
