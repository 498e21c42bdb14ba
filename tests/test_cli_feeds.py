"""`newsbot feeds add|list|remove` and `newsbot watch --once`, as a user runs them, against a loopback feed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app
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
