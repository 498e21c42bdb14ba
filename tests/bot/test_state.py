"""The bot's state (bot/telegram/state.py) on both real backends: a SQLite file and a PostgreSQL server.

Two `BotState` objects over one database stand for two processes (each has its own connection): what one
writes, the other reads, and the rate limit holds across both.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.telegram.state import REMEMBERED_ANSWERS, BotState
from bot.telegram.state_backends import (
    FEEDS_DOCUMENT,
    STATE_FILE,
    PostgresState,
    SqliteState,
    StateDocument,
    open_feed_registry,
    open_state,
    redact_url,
)
from index.errors import ConfigError
from index.models import Answer, ArticleMeta, Source, Turn
from tests.conftest import make_settings

CHAT, OTHER_CHAT, ADA, EVE = 101, -1002, 101, 666


def connect(url: str) -> BotState:
    if url.startswith("sqlite:///"):
        return SqliteState(Path(url.removeprefix("sqlite:///")))
    return PostgresState(url)


@pytest.fixture
def state(state_url: str) -> BotState:
    return connect(state_url)


def answer(text: str, *, sources: int = 1) -> Answer:
    meta = ArticleMeta(
        title="Nordkorea dementiert",
        outlet="Elda Courier",
        url="https://example.org/a",
        published_at=datetime(2024, 3, 4, 9, 0, tzinfo=UTC),
        language="de",
        source="https://example.org/a",
        story_id="s1",
    )
    other = ArticleMeta(outlet="Other Post", url="https://example.org/b", published_is_fetch_time=False)
    return Answer(
        text=text,
        sources=[
            Source(
                n=n,
                article_id=f"a{n}",
                meta=meta,
                snippet=f"snippet {n} – ünïcode",
                score=0.75,
                also_reported_by=(other,),
            )
            for n in range(1, sources + 1)
        ],
        answerer="extractive",
        question=f"question of {text}",
        confidence=0.25,
        unsure=True,
    )


def test_history_keeps_the_last_turns_in_order_per_chat(state: BotState) -> None:
    for n in range(1, 6):
        state.remember(CHAT, f"q{n}", answer(f"a{n}"), max_turns=3)
    state.remember(OTHER_CHAT, "elsewhere", answer("other"), max_turns=3)
    assert state.history(CHAT, 3) == (Turn("q3", "a3"), Turn("q4", "a4"), Turn("q5", "a5"))
    assert state.history(CHAT, 2) == (Turn("q4", "a4"), Turn("q5", "a5"))
    assert state.history(OTHER_CHAT, 3) == (Turn("elsewhere", "other"),)
    assert state.history(999, 3) == ()


def test_history_off_keeps_no_turns_but_still_the_answers(state: BotState) -> None:
    key = state.remember(CHAT, "q", answer("a"), max_turns=0)
    assert state.history(CHAT, 0) == () and state.history(CHAT, 4) == ()
    assert state.answer(CHAT, key) == answer("a")


def test_history_since_a_moment_ends_at_the_first_older_turn(state: BotState) -> None:
    for n, at in enumerate((1_000.0, 5_000.0, 5_060.0), start=1):
        state.remember(CHAT, f"q{n}", answer(f"a{n}"), max_turns=4, at=at)
    assert state.history(CHAT, 4, since=4_000.0) == (Turn("q2", "a2"), Turn("q3", "a3"))
    assert state.history(CHAT, 4, since=5_060.0) == (Turn("q3", "a3"),)
    assert state.history(CHAT, 4, since=9_000.0) == ()
    assert len(state.history(CHAT, 4)) == 3  # no moment: however old


def test_turns_of_a_state_made_before_their_time_was_kept_are_kept_untimed(state_url: str) -> None:
    # the turns table of an older release has no "at": opening the state adds it; those turns are never recent
    old_turns = "CREATE TABLE turns (chat_id BIGINT NOT NULL, seq BIGINT NOT NULL, question TEXT NOT NULL, "
    old_turns += "answer TEXT NOT NULL, PRIMARY KEY (chat_id, seq))"
    old_row = "INSERT INTO turns (chat_id, seq, question, answer) VALUES (101, 0, 'old question', 'old answer')"
    if state_url.startswith("sqlite:///"):
        path = Path(state_url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(path) as db:
            db.execute(old_turns)
            db.execute(old_row)
    else:
        import psycopg

        with psycopg.connect(state_url, autocommit=True) as db:
            db.execute(old_turns)
            db.execute(old_row)
    state = connect(state_url)
    assert state.history(CHAT, 4) == (Turn("old question", "old answer"),)
    assert state.history(CHAT, 4, since=0.0) == ()
    state.remember(CHAT, "new question", answer("new answer"), max_turns=4, at=100.0)
    assert state.history(CHAT, 4, since=50.0) == (Turn("new question", "new answer"),)
    assert connect(state_url).history(CHAT, 4, since=50.0) == (Turn("new question", "new answer"),)  # added once


def test_an_answer_comes_back_exactly_with_its_sources(state: BotState) -> None:
    original = answer("Die Antwort [1] [2]", sources=2)
    key = state.remember(CHAT, "q", original, max_turns=4)
    restored = state.answer(CHAT, key)
    assert restored == original
    assert restored is not None and restored.sources[0].meta.published_at == datetime(2024, 3, 4, 9, tzinfo=UTC)
    assert state.last_answer(CHAT) == original
    assert state.answer(OTHER_CHAT, key) is None  # keys are per chat
    assert state.last_answer(OTHER_CHAT) is None


def test_only_the_last_answers_are_kept_for_their_buttons(state: BotState) -> None:
    keys = [state.remember(CHAT, f"q{n}", answer(f"a{n}"), max_turns=2) for n in range(REMEMBERED_ANSWERS + 2)]
    assert keys == list(range(1, REMEMBERED_ANSWERS + 3))
    assert state.answer(CHAT, keys[0]) is None and state.answer(CHAT, keys[1]) is None
    assert state.answer(CHAT, keys[2]) == answer("a2")
    last = state.last_answer(CHAT)
    assert last is not None and last.text == f"a{REMEMBERED_ANSWERS + 1}"


def test_rate_limit_counts_a_sliding_window_per_user_and_bucket(state: BotState) -> None:
    def check(user: int, now: float, bucket: str = "ask") -> tuple[bool, int, bool]:
        verdict = state.check_rate(bucket, user, limit=3, window_s=60, now=now)
        return verdict.allowed, verdict.retry_after_s if not verdict.allowed else 0, verdict.warn

    assert [check(ADA, 1000)[0] for _ in range(3)] == [True, True, True]
    assert check(ADA, 1020) == (False, 40, True)
    assert check(ADA, 1021) == (False, 39, False)  # told once per stretch
    assert check(EVE, 1020)[0]  # per user
    assert check(ADA, 1020, bucket="refusal")[0]  # per bucket
    assert check(ADA, 1060)[0]  # the first three left the window
    assert check(ADA, 1060)[0] and check(ADA, 1060)[0]
    assert check(ADA, 1061) == (False, 59, True)  # a new stretch gets a new warning


def test_two_processes_share_history_answers_and_rate_limits(state_url: str) -> None:
    one, two = connect(state_url), connect(state_url)
    key = one.remember(CHAT, "q1", answer("a1"), max_turns=4)
    assert two.history(CHAT, 4) == (Turn("q1", "a1"),)
    assert two.answer(CHAT, key) == answer("a1")
    assert two.remember(CHAT, "q2", answer("a2"), max_turns=4) == key + 1  # one running key per chat
    assert one.history(CHAT, 4) == (Turn("q1", "a1"), Turn("q2", "a2"))
    assert one.check_rate("ask", ADA, limit=2, window_s=60, now=1000).allowed
    assert two.check_rate("ask", ADA, limit=2, window_s=60, now=1001).allowed
    assert not one.check_rate("ask", ADA, limit=2, window_s=60, now=1002).allowed
    assert not two.check_rate("ask", ADA, limit=2, window_s=60, now=1002).allowed


def test_state_survives_a_restart(state_url: str) -> None:
    before = connect(state_url)
    key = before.remember(CHAT, "q", answer("a"), max_turns=4)
    before.check_rate("ask", ADA, limit=1, window_s=60, now=1000)
    before.close()
    after = connect(state_url)
    assert after.history(CHAT, 4) == (Turn("q", "a"),)
    assert after.answer(CHAT, key) == answer("a")
    assert not after.check_rate("ask", ADA, limit=1, window_s=60, now=1010).allowed


def test_concurrent_checks_from_two_processes_never_exceed_the_limit(state_url: str) -> None:
    """Eight threads over two connections race for one user's 5 requests: exactly 5 are allowed."""
    backends = [connect(state_url), connect(state_url)]
    allowed: list[bool] = []
    start = threading.Barrier(8)

    def ask(backend: BotState) -> None:
        start.wait()
        for _ in range(5):
            allowed.append(backend.check_rate("ask", ADA, limit=5, window_s=60, now=1000).allowed)

    threads = [threading.Thread(target=ask, args=(backends[n % 2],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(allowed) == 40 and allowed.count(True) == 5


def test_keys_stay_unique_when_two_processes_answer_in_one_chat_at_once(state_url: str) -> None:
    backends = [connect(state_url), connect(state_url)]
    keys: list[int] = []

    def remember(backend: BotState, n: int) -> None:
        for i in range(5):
            keys.append(backend.remember(CHAT, f"q{n}.{i}", answer(f"a{n}.{i}"), max_turns=4))

    threads = [threading.Thread(target=remember, args=(backends[n % 2], n)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(keys) == list(range(1, 21))
    assert len(backends[0].history(CHAT, 20)) == 4


def test_the_default_state_is_a_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    state = open_state(make_settings(tmp_path / "data"))
    assert isinstance(state, SqliteState) and state.path == tmp_path / "data" / STATE_FILE
    state.remember(CHAT, "q", answer("a"), max_turns=1)
    assert (tmp_path / "data" / STATE_FILE).is_file()
    other = open_state(make_settings(tmp_path / "x", telegram_state_url=f"sqlite:///{tmp_path / 'elsewhere.db'}"))
    assert isinstance(other, SqliteState) and other.path == tmp_path / "elsewhere.db"


def test_a_bad_state_url_is_a_config_error_naming_the_setting_without_the_password(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_STATE_URL") as error:
        open_state(make_settings(tmp_path, telegram_state_url="mysql://bot:hunter2@db/newsbot"))
    assert "hunter2" not in str(error.value) and "sqlite:///PATH" in str(error.value)
    assert redact_url("postgresql://bot:hunter2@db:5432/newsbot") == "postgresql://bot:***@db:5432/newsbot"
    assert redact_url("postgresql://bot@db/newsbot") == "postgresql://bot@db/newsbot"


def test_an_unreachable_postgres_is_a_config_error_without_the_password(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://bot:hunter2@127.0.0.1:{port}/newsbot"
    with pytest.raises(ConfigError, match="TELEGRAM_STATE_URL") as error:
        open_state(make_settings(tmp_path, telegram_state_url=url))
    assert "hunter2" not in str(error.value)


def test_an_unwritable_state_file_says_what_to_do(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(ConfigError, match="NEWSBOT_DATA_DIR is writable"):
        SqliteState(blocker / "bot_state.sqlite3")


CHILD = """
import sys
from pathlib import Path
from bot.telegram.state_backends import SqliteState
from index.models import Answer
state = SqliteState(Path(sys.argv[1]))
allowed = sum(state.check_rate("ask", 101, limit=10, window_s=60, now=1000).allowed for _ in range(25))
keys = [state.remember(7, "q", Answer(text="a"), max_turns=3) for _ in range(10)]
print(allowed, *keys)
"""


def test_separate_processes_share_one_sqlite_file_safely(tmp_path: Path) -> None:
    """Three OS processes at once on one file: 10 requests allowed in all, 30 distinct answer keys."""
    path = tmp_path / "shared" / STATE_FILE
    SqliteState(path).close()  # created once, as the first bot to start would
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True, env=env)
        for _ in range(3)
    ]
    outputs = [child.communicate(timeout=120)[0].split() for child in children]
    assert all(child.returncode == 0 for child in children)
    assert sum(int(out[0]) for out in outputs) == 10
    keys = sorted(int(key) for out in outputs for key in out[1:])
    assert keys == list(range(1, 31))
    assert len(SqliteState(path).history(7, 10)) == 3


def test_the_location_names_the_backend_without_the_password(tmp_path: Path, postgres_url: str) -> None:
    assert SqliteState(tmp_path / STATE_FILE).location == f"SQLite {tmp_path / STATE_FILE}"
    with_password = postgres_url.replace("://newsbot@", "://newsbot:hunter2@")  # the test server trusts loopback
    state = PostgresState(with_password)
    assert state.location == "PostgreSQL " + with_password.replace("hunter2", "***")
    assert "hunter2" not in repr(state)


def test_a_dropped_postgres_connection_is_replaced_without_losing_a_call(postgres_url: str) -> None:
    import psycopg

    state = PostgresState(postgres_url)
    key = state.remember(CHAT, "q", answer("a"), max_turns=4)
    with psycopg.connect(postgres_url, autocommit=True) as admin:  # what a server restart does to the connection
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
    assert state.answer(CHAT, key) == answer("a")


def test_replicas_share_one_list_of_followed_feeds_in_the_state(state_url: str) -> None:
    from index.errors import FeedError
    from index.feeds import FeedRegistry

    first = FeedRegistry(document=StateDocument(connect(state_url), FEEDS_DOCUMENT))
    second = FeedRegistry(document=StateDocument(connect(state_url), FEEDS_DOCUMENT))
    first.add("https://elda.example/feed.xml", now=100.0)
    assert [f.url for f in second.feeds()] == ["https://elda.example/feed.xml"]
    with pytest.raises(FeedError, match="already followed"):
        second.add("https://elda.example/feed.xml")  # refused, and nothing written
    assert len(first.feeds()) == 1

    # a due feed is claimed by one replica only
    assert [f.url for f in first.claim_due(now=200.0, lease_s=60.0)] == ["https://elda.example/feed.xml"]
    assert second.claim_due(now=200.0, lease_s=60.0) == []
    second.update("https://elda.example/feed.xml", lambda f: replace(f, articles=3, ok_at=210.0))
    seen = first.get("https://elda.example/feed.xml")
    assert seen is not None and (seen.articles, seen.ok_at, seen.next_at) == (3, 210.0, 260.0)
    assert second.remove("https://elda.example/feed.xml") and first.feeds() == []


def test_with_a_state_url_the_followed_feeds_live_in_the_state_and_feeds_json_joins_them_once(
    tmp_path: Path,
) -> None:
    from index.feeds import FEEDS_FILE, FeedRegistry, JsonFileDocument

    data = tmp_path / "data"
    assert isinstance(open_feed_registry(make_settings(data)).document, JsonFileDocument)  # the default: the file
    FeedRegistry(data).add("https://elda.example/feed.xml")
    FeedRegistry(data).add("https://lindholm.example/atom")
    url = f"sqlite:///{tmp_path / 'shared' / 'state.sqlite3'}"
    settings = make_settings(data, telegram_state_url=url)
    shared = FeedRegistry(document=StateDocument(connect(url), FEEDS_DOCUMENT))
    shared.add("https://lindholm.example/atom", now=5.0)  # another host follows it already

    registry = open_feed_registry(settings)
    assert [f.url for f in registry.feeds()] == ["https://lindholm.example/atom", "https://elda.example/feed.xml"]
    assert registry.get("https://lindholm.example/atom").added_at == 5.0  # type: ignore[union-attr]
    assert not (data / FEEDS_FILE).exists() and (data / f"{FEEDS_FILE}.imported").exists()
    assert len(open_feed_registry(settings).feeds()) == 2  # imported once
