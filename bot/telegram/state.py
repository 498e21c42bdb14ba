"""The bot's state that matters, kept out of process memory so restarts and webhook replicas share it.

    turns      each chat's recent questions and answers, for follow-ups (capped at TELEGRAM_HISTORY_TURNS), each with
               when it was asked (followed up for TELEGRAM_HISTORY_MINUTES)
    answers    each chat's recent answers in full, behind /sources and the "Full sources" button (the last
               REMEMBERED_ANSWERS per chat; a key is the chat's running answer number, kept in `chats`)
    requests   who asked when, per bucket ("ask", "refusal"), for the sliding-window rate limits; counted and
               recorded in one transaction, so two replicas together allow no more than one would
    warned     when a limited user was last told to slow down
    topics     each chat's /follow topics; `pending`: matched articles waiting for the chat's next digest;
               `digests`: when each chat last had one; `digest_languages`: the language of the chat's digests (its
               last follower's); `new_asked`: each user's last /new; `moments`: up to when stored articles have
               been matched against the topics
    documents  named JSON objects changed whole under a lock: "feeds", the followed feeds when the state is
               shared (`StateDocument`, index/feeds.py `FeedRegistry`)

Two backends behind `BotState`, SQLite and PostgreSQL, chosen by TELEGRAM_STATE_URL (state_backends.py).

Every method blocks: handlers call them through `asyncio.to_thread`.
"""

from __future__ import annotations

import json
import math
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from index.models import Answer, ArticleMeta, Source, Turn

#: answers kept per chat for the Sources button; older buttons say "ask again"
REMEMBERED_ANSWERS = 20
SUBSCRIPTIONS_LOCK = "subscriptions"

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS chats (chat_id BIGINT PRIMARY KEY, next_key BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS turns (chat_id BIGINT NOT NULL, seq BIGINT NOT NULL, question TEXT NOT NULL, "
    "answer TEXT NOT NULL, at DOUBLE PRECISION, PRIMARY KEY (chat_id, seq))",
    "CREATE TABLE IF NOT EXISTS answers (chat_id BIGINT NOT NULL, answer_key BIGINT NOT NULL, "
    "payload TEXT NOT NULL, PRIMARY KEY (chat_id, answer_key))",
    "CREATE TABLE IF NOT EXISTS requests (bucket TEXT NOT NULL, user_id BIGINT NOT NULL, at DOUBLE PRECISION NOT NULL)",
    "CREATE INDEX IF NOT EXISTS requests_by_user ON requests (bucket, user_id, at)",
    "CREATE INDEX IF NOT EXISTS requests_by_time ON requests (bucket, at)",
    "CREATE TABLE IF NOT EXISTS warned (bucket TEXT NOT NULL, user_id BIGINT NOT NULL, "
    "until DOUBLE PRECISION NOT NULL, PRIMARY KEY (bucket, user_id))",
    "CREATE TABLE IF NOT EXISTS topics (chat_id BIGINT NOT NULL, folded TEXT NOT NULL, topic TEXT NOT NULL, "
    "position BIGINT NOT NULL, PRIMARY KEY (chat_id, folded))",
    "CREATE TABLE IF NOT EXISTS pending (chat_id BIGINT NOT NULL, article_id TEXT NOT NULL, topic TEXT NOT NULL, "
    "PRIMARY KEY (chat_id, article_id))",
    "CREATE TABLE IF NOT EXISTS digests (chat_id BIGINT PRIMARY KEY, sent_at DOUBLE PRECISION NOT NULL)",
    "CREATE TABLE IF NOT EXISTS digest_languages (chat_id BIGINT PRIMARY KEY, language TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS new_asked (user_id BIGINT PRIMARY KEY, at DOUBLE PRECISION NOT NULL)",
    "CREATE TABLE IF NOT EXISTS moments (name TEXT PRIMARY KEY, at DOUBLE PRECISION NOT NULL)",
    "CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, body TEXT NOT NULL)",
)


# Columns added after a table was first made: (table, column, type), added to a state of an older release. Its
# turns have no time ("at" NULL), so none of them is followed up.
ADDED_COLUMNS = (("turns", "at", "DOUBLE PRECISION"),)


@dataclass(frozen=True)
class Verdict:
    """`allowed`, or the seconds to wait; `warn` is true only for the first refusal of a stretch."""

    allowed: bool
    retry_after: float = 0.0
    warn: bool = False

    @property
    def retry_after_s(self) -> int:
        return max(1, math.ceil(self.retry_after))


class Cursor(Protocol):
    """What both drivers' cursors offer (sqlite3 and psycopg)."""

    def execute(self, query: Any, params: Sequence[Any] = ..., /) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class BotState(ABC):
    """The operations the bot needs; a backend supplies a transaction and a per-user lock, the SQL is shared.

    Queries are written with `?` placeholders; a backend with another style translates them in `_sql`.
    """

    @abstractmethod
    def _transaction(self, *, write: bool = True) -> AbstractContextManager[Cursor]:
        """A cursor inside one transaction, committed on success; one that may `write` holds the write lock it
        needs from its start (a read-only one need not wait for writers)."""

    def _serialize(self, cursor: Cursor, name: str) -> None:  # noqa: B027 - a no-op by default
        """Serialize the transactions that take the same named lock, across processes (SQLite's write
        transaction already serializes everything)."""

    def _sql(self, query: str) -> str:
        return query

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the state lives, for /stats and logs (a URL without its password)."""

    def close(self) -> None:  # noqa: B027 - nothing to release by default
        """Release the connection."""

    def _run(self, cursor: Cursor, query: str, params: Sequence[Any] = ()) -> Any:
        return cursor.execute(self._sql(query), params)

    # --- history and answers ---------------------------------------------------------------------------------

    def remember(self, chat_id: int, question: str, answer: Answer, *, max_turns: int, at: float | None = None) -> int:
        """Keep the turn (if `max_turns` > 0), asked `at` (Unix time, default now), and the answer; returns the key
        the Sources button refers to. Older turns and answers past the caps are dropped in the same transaction."""
        at = time.time() if at is None else at
        with self._transaction() as cur:
            self._run(cur, "INSERT INTO chats (chat_id, next_key) VALUES (?, 1) ON CONFLICT DO NOTHING", (chat_id,))
            self._run(cur, "UPDATE chats SET next_key = next_key + 1 WHERE chat_id = ? RETURNING next_key", (chat_id,))
            key = int(cur.fetchone()[0]) - 1
            if max_turns > 0:
                self._run(
                    cur,
                    "INSERT INTO turns (chat_id, seq, question, answer, at) VALUES (?, ?, ?, ?, ?)",
                    (chat_id, key, question, answer.text, at),
                )
            self._run(cur, "DELETE FROM turns WHERE chat_id = ? AND seq <= ?", (chat_id, key - max_turns))
            self._run(
                cur,
                "INSERT INTO answers (chat_id, answer_key, payload) VALUES (?, ?, ?)",
                (chat_id, key, answer_to_json(answer)),
            )
            self._run(
                cur, "DELETE FROM answers WHERE chat_id = ? AND answer_key <= ?", (chat_id, key - REMEMBERED_ANSWERS)
            )
        return key

    def history(self, chat_id: int, max_turns: int, since: float | None = None) -> tuple[Turn, ...]:
        """The chat's last `max_turns` turns, oldest first; with `since` (Unix time), only those asked since then
        (a turn kept by an older release has no time: never)."""
        if max_turns <= 0:
            return ()
        with self._transaction(write=False) as cur:
            self._run(
                cur,
                "SELECT question, answer, at FROM turns WHERE chat_id = ? ORDER BY seq DESC LIMIT ?",
                (chat_id, max_turns),
            )
            rows = []
            for question, answer, at in cur.fetchall():
                if since is not None and (at is None or at < since):
                    break
                rows.append((question, answer))
        return tuple(Turn(question=q, answer=a) for q, a in reversed(rows))

    def answer(self, chat_id: int, key: int) -> Answer | None:
        """The answer behind a Sources button; None once it is past the cap (or never was)."""
        with self._transaction(write=False) as cur:
            self._run(cur, "SELECT payload FROM answers WHERE chat_id = ? AND answer_key = ?", (chat_id, key))
            row = cur.fetchone()
        return None if row is None else answer_from_json(row[0])

    def last_answer(self, chat_id: int) -> Answer | None:
        with self._transaction(write=False) as cur:
            self._run(cur, "SELECT payload FROM answers WHERE chat_id = ? ORDER BY answer_key DESC LIMIT 1", (chat_id,))
            row = cur.fetchone()
        return None if row is None else answer_from_json(row[0])

    # --- rate limits -----------------------------------------------------------------------------------------

    def check_rate(self, bucket: str, user_id: int, *, limit: int, window_s: float, now: float) -> Verdict:
        """Count a request if the user made fewer than `limit` in the `window_s` before `now`; otherwise say how
        long until they may, and `warn` only the first time of a stretch. Atomic across processes."""
        with self._transaction() as cur:
            self._serialize(cur, f"rate:{bucket}:{user_id}")
            since = now - window_s
            self._run(cur, "DELETE FROM requests WHERE bucket = ? AND at <= ?", (bucket, since))
            self._run(cur, "SELECT COUNT(*), MIN(at) FROM requests WHERE bucket = ? AND user_id = ?", (bucket, user_id))
            count, first = cur.fetchone()
            if int(count) < limit:
                self._run(cur, "INSERT INTO requests (bucket, user_id, at) VALUES (?, ?, ?)", (bucket, user_id, now))
                self._run(
                    cur, "DELETE FROM warned WHERE bucket = ? AND (user_id = ? OR until < ?)", (bucket, user_id, since)
                )
                return Verdict(allowed=True)
            free_at = float(first) + window_s
            self._run(cur, "SELECT until FROM warned WHERE bucket = ? AND user_id = ?", (bucket, user_id))
            row = cur.fetchone()
            warn = row is None or float(row[0]) < now
            if warn:
                self._run(
                    cur,
                    "INSERT INTO warned (bucket, user_id, until) VALUES (?, ?, ?) "
                    "ON CONFLICT (bucket, user_id) DO UPDATE SET until = excluded.until",
                    (bucket, user_id, free_at),
                )
        return Verdict(allowed=False, retry_after=free_at - now, warn=warn)

    # --- subscriptions (/follow, digests, /new) ---------------------------------------------------------------
    # All writes take one lock: they are rare, and a digest must be taken by exactly one replica.

    def topics(self, chat_id: int) -> list[str]:
        with self._transaction(write=False) as cur:
            self._run(cur, "SELECT topic FROM topics WHERE chat_id = ? ORDER BY position", (chat_id,))
            return [row[0] for row in cur.fetchall()]

    def all_topics(self) -> dict[int, list[str]]:
        """Every chat that follows a topic, with its topics."""
        found: dict[int, list[str]] = {}
        with self._transaction(write=False) as cur:
            self._run(cur, "SELECT chat_id, topic FROM topics ORDER BY chat_id, position")
            for chat_id, topic in cur.fetchall():
                found.setdefault(int(chat_id), []).append(topic)
        return found

    def follow(self, chat_id: int, topic: str, language: str = "en") -> bool:
        """Add a topic; False when the chat follows it already (compared ignoring case). Either way the chat's
        digests are in `language` from now on."""
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            self._run(
                cur,
                "INSERT INTO digest_languages (chat_id, language) VALUES (?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language",
                (chat_id, language),
            )
            self._run(cur, "SELECT 1 FROM topics WHERE chat_id = ? AND folded = ?", (chat_id, topic.casefold()))
            if cur.fetchone() is not None:
                return False
            self._run(cur, "SELECT COALESCE(MAX(position), 0) FROM topics WHERE chat_id = ?", (chat_id,))
            position = int(cur.fetchone()[0]) + 1
            self._run(
                cur,
                "INSERT INTO topics (chat_id, folded, topic, position) VALUES (?, ?, ?, ?)",
                (chat_id, topic.casefold(), topic, position),
            )
        return True

    def digest_language(self, chat_id: int) -> str:
        """The language the chat's digests are in: its last follower's; English for a chat followed before
        newsbot kept it."""
        with self._transaction(write=False) as cur:
            self._run(cur, "SELECT language FROM digest_languages WHERE chat_id = ?", (chat_id,))
            row = cur.fetchone()
        return str(row[0]) if row else "en"

    def unfollow(self, chat_id: int, topic: str | None) -> list[str]:
        """Remove one topic (ignoring case), or all with None; returns what was removed. A chat that follows
        nothing any more loses its queued articles too."""
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            self._run(cur, "SELECT topic, folded FROM topics WHERE chat_id = ? ORDER BY position", (chat_id,))
            removed = [(t, f) for t, f in cur.fetchall() if topic is None or f == topic.casefold()]
            for _, folded in removed:
                self._run(cur, "DELETE FROM topics WHERE chat_id = ? AND folded = ?", (chat_id, folded))
            self._run(cur, "SELECT COUNT(*) FROM topics WHERE chat_id = ?", (chat_id,))
            if int(cur.fetchone()[0]) == 0:
                self._run(cur, "DELETE FROM pending WHERE chat_id = ?", (chat_id,))
        return [t for t, _ in removed]

    def queue(self, matches: dict[int, dict[str, str]]) -> None:
        """Add matched articles (chat -> article id -> topic) to the chats' next digests; an article already
        queued for a chat keeps its topic."""
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            for chat_id, articles in matches.items():
                for article_id, topic in articles.items():
                    self._run(
                        cur,
                        "INSERT INTO pending (chat_id, article_id, topic) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        (chat_id, article_id, topic),
                    )

    def requeue(self, chat_id: int, articles: dict[str, str]) -> None:
        """Put a digest that could not be sent back in the queue."""
        self.queue({chat_id: articles})

    def take_due(self, now: float, interval_s: float) -> dict[int, dict[str, str]]:
        """The queued articles of every chat whose last digest is at least `interval_s` old; taken off the queue
        and the digest time set, so each is sent once, by one replica."""
        due: dict[int, dict[str, str]] = {}
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            self._run(
                cur,
                "SELECT p.chat_id, p.article_id, p.topic, d.sent_at FROM pending p "
                "LEFT JOIN digests d ON d.chat_id = p.chat_id",
            )
            for chat_id, article_id, topic, sent_at in cur.fetchall():
                if sent_at is None or now - float(sent_at) >= interval_s:
                    due.setdefault(int(chat_id), {})[article_id] = topic
            for chat_id in due:
                self._run(cur, "DELETE FROM pending WHERE chat_id = ?", (chat_id,))
                self._set_digest_at(cur, chat_id, now)
        return due

    def set_digest_at(self, chat_id: int, moment: float) -> None:
        """When the chat last had a digest (for an import)."""
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            self._set_digest_at(cur, chat_id, moment)

    def _set_digest_at(self, cur: Cursor, chat_id: int, moment: float) -> None:
        self._run(
            cur,
            "INSERT INTO digests (chat_id, sent_at) VALUES (?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET sent_at = excluded.sent_at",
            (chat_id, moment),
        )

    # --- named JSON documents (the followed feeds, when replicas share them) ------------------------------------

    def read_document(self, name: str) -> dict[str, Any]:
        """The document's object ({} when it was never written)."""
        with self._transaction(write=False) as cur:
            self._run(cur, "SELECT body FROM documents WHERE name = ?", (name,))
            row = cur.fetchone()
        return dict(json.loads(row[0])) if row else {}

    @contextmanager
    def locked_document(self, name: str) -> Iterator[dict[str, Any]]:
        """The document's object to change in place, in one transaction that holds the document's lock: written
        back when the block ends (if it changed), rolled back when it raises."""
        with self._transaction() as cur:
            self._serialize(cur, f"document:{name}")
            self._run(cur, "SELECT body FROM documents WHERE name = ?", (name,))
            row = cur.fetchone()
            data: dict[str, Any] = dict(json.loads(row[0])) if row else {}
            before = json.dumps(data, sort_keys=True)
            yield data
            after = json.dumps(data, sort_keys=True)
            if after != before:
                self._run(
                    cur,
                    "INSERT INTO documents (name, body) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET body = excluded.body",
                    (name, after),
                )

    def matched_until(self, now: float) -> float:
        """Articles stored after this time are not yet matched against the topics; the first call starts the
        clock at `now` (the archive is not pushed to followers)."""
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            self._run(cur, "INSERT INTO moments (name, at) VALUES ('matched_until', ?) ON CONFLICT DO NOTHING", (now,))
            self._run(cur, "SELECT at FROM moments WHERE name = 'matched_until'")
            return float(cur.fetchone()[0])

    def set_matched_until(self, moment: float) -> None:
        """Move the matching clock forward (never back)."""
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            self._run(
                cur,
                "INSERT INTO moments (name, at) VALUES ('matched_until', ?) ON CONFLICT (name) DO UPDATE SET "
                "at = CASE WHEN excluded.at > moments.at THEN excluded.at ELSE moments.at END",
                (moment,),
            )

    def move_matched_until(self, expected: float, moment: float) -> bool:
        """Move the matching clock from `expected` to `moment`; False, changing nothing, when another process
        moved it first. The process that moves it matches the articles in between: each once, by one replica."""
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            self._run(cur, "SELECT at FROM moments WHERE name = 'matched_until'")
            row = cur.fetchone()
            if row is None or float(row[0]) != expected:
                return False
            self._run(cur, "UPDATE moments SET at = ? WHERE name = 'matched_until'", (moment,))
        return True

    def last_new(self, user_id: int, now: float) -> float | None:
        """When the user last asked /new (None: never), and remember `now` as the new last time."""
        with self._transaction() as cur:
            self._serialize(cur, SUBSCRIPTIONS_LOCK)
            self._run(cur, "SELECT at FROM new_asked WHERE user_id = ?", (user_id,))
            row = cur.fetchone()
            self._run(
                cur,
                "INSERT INTO new_asked (user_id, at) VALUES (?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET at = excluded.at",
                (user_id, now),
            )
        return None if row is None else float(row[0])


# --- answers as JSON (never pickle: the database may be shared) -------------------------------------------------


def answer_to_json(answer: Answer) -> str:
    return json.dumps(
        {
            "text": answer.text,
            "abstained": answer.abstained,
            "answerer": answer.answerer,
            "question": answer.question,
            "confidence": answer.confidence,
            "unsure": answer.unsure,
            "sources": [
                {
                    "n": s.n,
                    "article_id": s.article_id,
                    "meta": s.meta.to_record(),
                    "snippet": s.snippet,
                    "score": s.score,
                    "also_reported_by": [m.to_record() for m in s.also_reported_by],
                }
                for s in answer.sources
            ],
        },
        ensure_ascii=False,
    )


def answer_from_json(payload: str) -> Answer:
    data = json.loads(payload)
    return Answer(
        text=data["text"],
        abstained=data["abstained"],
        answerer=data["answerer"],
        question=data["question"],
        confidence=data["confidence"],
        unsure=data.get("unsure", False),
        sources=[
            Source(
                n=s["n"],
                article_id=s["article_id"],
                meta=ArticleMeta.from_record(s["meta"]),
                snippet=s["snippet"],
                score=s["score"],
                also_reported_by=tuple(ArticleMeta.from_record(m) for m in s["also_reported_by"]),
            )
            for s in data["sources"]
        ],
    )
