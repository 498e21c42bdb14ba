"""The backends of the bot's state (`BotState` in state.py), chosen by TELEGRAM_STATE_URL (`open_state`):

    ""  or  sqlite:///PATH     SQLite (default: bot_state.sqlite3 in NEWSBOT_DATA_DIR), WAL, safe for several
                               processes on one host
    postgresql://...           PostgreSQL (psycopg 3), for replicas on several hosts

and the followed feeds kept in the state when it is shared (`StateDocument`, `open_feed_registry`).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.telegram.state import ADDED_COLUMNS, SCHEMA, BotState, Cursor
from index.errors import ConfigError

if TYPE_CHECKING:
    from bot.settings import Settings
    from index.feeds import FeedRegistry

log = logging.getLogger(__name__)

STATE_FILE = "bot_state.sqlite3"
BUSY_TIMEOUT_MS = 10_000


class SqliteState(BotState):
    """A SQLite file in WAL mode: one connection per process (calls from threads take turns), and every
    transaction that writes takes the write lock up front (BEGIN IMMEDIATE), so processes on one host never
    interleave; reads see the last commit without waiting."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._lock = threading.Lock()
            with self._transaction() as cur:
                for statement in SCHEMA:
                    cur.execute(statement)
                for table, column, kind in ADDED_COLUMNS:
                    if column not in {row[1] for row in cur.execute(f"PRAGMA table_info({table})").fetchall()}:
                        cur.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"cannot open the bot's state file {self.path}: {exc}. Check that NEWSBOT_DATA_DIR is writable, "
                "or set TELEGRAM_STATE_URL"
            ) from exc

    @contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[Cursor]:
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield cur
            except BaseException:
                self._db.rollback()
                raise
            else:
                self._db.commit()
            finally:
                cur.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @property
    def location(self) -> str:
        return f"SQLite {self.path}"

    def __repr__(self) -> str:
        return f"SqliteState({str(self.path)!r})"


class PostgresState(BotState):
    """A PostgreSQL database shared by the replicas (psycopg 3). One connection per process, reopened when the
    server drops it; a user's rate checks are serialized with a transaction-scoped advisory lock."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - the extra is part of dev
            raise ConfigError(
                "TELEGRAM_STATE_URL names PostgreSQL but psycopg is not installed: pip install 'newsbot[postgres]'"
            ) from exc
        self._psycopg = psycopg
        self.url = url
        self._lock = threading.Lock()
        self._db: Any = None
        with self._transaction() as cur:
            for statement in SCHEMA:
                cur.execute(statement)
            for table, column, kind in ADDED_COLUMNS:
                # looked up first: ALTER TABLE locks the table even when the column is there (replicas start together)
                cur.execute(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND table_name = %s AND column_name = %s",
                    (table, column),
                )
                if cur.fetchone() is None:
                    cur.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")

    def _connect(self) -> Any:
        if self._db is None or self._db.closed or self._db.broken:
            try:
                self._db = self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            except self._psycopg.Error as exc:
                raise ConfigError(
                    f"cannot connect to the bot's state database (TELEGRAM_STATE_URL={redact_url(self.url)}): {exc}"
                ) from exc
        return self._db

    @contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[Cursor]:
        """A transaction on this process's connection; a connection the server dropped (a restart, a failover,
        an idle timeout) is found at BEGIN and replaced once, before anything else is sent."""
        with self._lock, ExitStack() as stack:
            try:
                stack.enter_context(self._connect().transaction())
            except self._psycopg.OperationalError:
                self._db.close()
                stack.enter_context(self._connect().transaction())
            yield stack.enter_context(self._db.cursor())

    def _sql(self, query: str) -> str:
        return query.replace("?", "%s")

    def _serialize(self, cursor: Cursor, name: str) -> None:
        digest = hashlib.sha256(f"newsbot:{name}".encode()).digest()
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (int.from_bytes(digest[:8], "big", signed=True),))

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()

    @property
    def location(self) -> str:
        return f"PostgreSQL {redact_url(self.url)}"

    def __repr__(self) -> str:
        return f"PostgresState({redact_url(self.url)!r})"


def open_state(settings: Settings) -> BotState:
    """The backend TELEGRAM_STATE_URL names; empty means the SQLite file in the data dir."""
    url = settings.telegram_state_url.get_secret_value().strip()
    if not url:
        return SqliteState(settings.data_dir / STATE_FILE)
    if url.startswith("sqlite:///"):
        return SqliteState(Path(url.removeprefix("sqlite:///")))
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresState(url)
    raise ConfigError(
        f"TELEGRAM_STATE_URL={redact_url(url)!r} is neither sqlite:///PATH nor postgresql://USER@HOST/DB; "
        "leave it empty for the SQLite file in NEWSBOT_DATA_DIR"
    )


@dataclass(frozen=True)
class StateDocument:
    """A named JSON document in the state (index/feeds.py `FeedListDocument`): what replicas on several hosts share."""

    state: BotState
    name: str

    def read(self) -> dict[str, Any]:
        return self.state.read_document(self.name)

    def locked(self) -> AbstractContextManager[dict[str, Any]]:
        return self.state.locked_document(self.name)


FEEDS_DOCUMENT = "feeds"
#: the suffix a file an older newsbot kept (subscriptions.json, feeds.json) gets once its content is in the state
IMPORTED_SUFFIX = ".imported"


def open_feed_registry(settings: Settings, state: BotState | None = None) -> FeedRegistry:
    """The followed feeds: `feeds.json` in the data dir by default (shared by the processes of one host); in the
    state when TELEGRAM_STATE_URL names one, so replicas on several hosts poll one list (the bot, `newsbot feeds`
    and `newsbot watch` alike). A `feeds.json` left in the data dir then joins the state's list once, and is
    renamed. `state`: the one already open (the bot's); else it is opened here."""
    from index.feeds import FEEDS_FILE, FeedRegistry

    if not settings.telegram_state_url.get_secret_value().strip():
        return FeedRegistry(settings.data_dir)
    registry = FeedRegistry(document=StateDocument(state or open_state(settings), FEEDS_DOCUMENT))
    _import_feeds_file(settings.data_dir / FEEDS_FILE, registry)
    return registry


def _import_feeds_file(path: Path, registry: FeedRegistry) -> None:
    if not path.exists():
        return
    from index import jsonfile

    with jsonfile.locked(path) as kept:  # the lock this host's processes take for the file
        if not path.exists():  # another process imported it while this one waited
            return
        with registry.document.locked() as data:
            feeds = data.setdefault("feeds", [])
            followed = {value.get("url") for value in feeds}
            feeds.extend(value for value in kept.get("feeds", []) if value.get("url") not in followed)
        path.rename(path.with_name(path.name + IMPORTED_SUFFIX))
    log.info("moved the feeds of %s into the bot's state", path)


def redact_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in credentials:
        return url
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"
