"""Reading behind ingest: the sentences answers will read, embedded while the Newsroom is idle
(NEWSBOT_READ_AHEAD=idle, the default).

Most of an answer's time is the reader model reading the candidate sentences (e5: ~25 sentences, ~20 ms each on
2 cores). Reading them at ingest (NEWSBOT_READ_AHEAD=ingest) takes the reader out of the answer but makes ingest
~1.6 times as long. Reading them behind ingest costs ingest nothing: the bot and `newsbot watch` run a reader in a
thread of its own, at the lowest CPU priority, that reads only while no question is being answered and nothing
ingested, and answers stop waiting for the reader once it has caught up.

    reader = newsroom.reader_behind()               # None when the answerer reads nothing ahead (an LLM's)
    reading = reader.start()                        # a thread reads until reading.stop(); a new ingest wakes it
    reader.read_pending(threading.Event(), wait=False)   # or: read what is stored now, then return

Where it got to is a cursor per store and reading models in `read-behind.json` in the data dir: every article
stored (its `ingested_at`) at or after the cursor may be unread. Articles are read oldest first, one chunk at a
time, each after QUIET_S without a question or an ingest; what answers or ingest read already is not read again
(`SentenceVectors` keeps sentences by text, shared by every process on the host). Another process's ingest into
a shared store is found by looking again every RESCAN_S. Before reading, it also brings the store's listing of
its articles up to date (`ChunkStore.current_articles`), from which searches then take each hit's story.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from index import jsonfile
from index.answerers import Answerer
from index.errors import NewsbotError
from index.models import StoredArticle
from index.priority import lower_priority
from index.store import ChunkStore

log = logging.getLogger(__name__)

#: in the data dir: store and reading models -> the `ingested_at` every article stored before has been read by
CURSOR_FILE = "read-behind.json"
#: seconds without a question or an ingest before the reader reads the next chunk (a conversation's questions
#: come a few seconds apart; one chunk's sentences take ~0.1 s of e5)
QUIET_S = 2.0
#: seconds between looks for articles another process stored (this process's own ingests wake the reader at once)
RESCAN_S = 60.0
#: seconds the reader waits after its store failed before it tries again
RETRY_S = 30.0
#: how often a waiting reader looks at its stop event
STOP_POLL_S = 0.5
#: the longest `Reading.stop` waits for the chunk being read
STOP_TIMEOUT_S = 10.0


class Activity:
    """What a Newsroom is busy with (questions, ingests), for work that waits until it is idle; thread-safe."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._changed = threading.Condition()
        self._busy = 0
        self._idle_since = clock()
        #: bumped whenever an ingest stored articles: a waiting reader wakes on it
        self.stored = 0

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        """Mark the block as work that background reading waits for."""
        with self._changed:
            self._busy += 1
        try:
            yield
        finally:
            with self._changed:
                self._busy -= 1
                self._idle_since = self._clock()
                self._changed.notify_all()

    def note_stored(self) -> None:
        with self._changed:
            self.stored += 1
            self._changed.notify_all()

    def wait_idle(self, quiet_s: float, stop: threading.Event) -> bool:
        """Block until nothing has been busy for `quiet_s` seconds; False when `stop` was set first."""
        with self._changed:
            while not stop.is_set():
                left = self._idle_since + quiet_s - self._clock() if self._busy == 0 else STOP_POLL_S
                if left <= 0:
                    return True
                self._changed.wait(min(left, STOP_POLL_S))
        return False

    def wake(self) -> None:
        """Wake whatever waits, so that it looks at its stop event now."""
        with self._changed:
            self._changed.notify_all()

    def wait_stored(self, seen: int, timeout_s: float, stop: threading.Event) -> None:
        """Block until an ingest stored something after `seen` (a value of `stored`), `timeout_s` passed, or
        `stop` was set."""
        deadline = self._clock() + timeout_s
        with self._changed:
            while not stop.is_set() and self.stored == seen and (left := deadline - self._clock()) > 0:
                self._changed.wait(min(left, STOP_POLL_S))


class ReadBehind:
    """Reads the stored articles' sentences ahead of the questions, behind ingest (module docstring)."""

    def __init__(
        self,
        store: ChunkStore,
        answerer: Answerer,
        cursor_file: Path,
        activity: Activity,
        *,
        quiet_s: float = QUIET_S,
        rescan_s: float = RESCAN_S,
    ) -> None:
        self.store = store
        self.answerer = answerer
        self.cursor_file = cursor_file
        self.activity = activity
        self.quiet_s = quiet_s
        self.rescan_s = rescan_s
        #: what the cursor is for: what is read ahead for one store and models is unread for others
        self.key = f"{store.location} read by {answerer.reads_with}"

    @property
    def cursor(self) -> float:
        """Every article stored before this time (seconds since 1970) has been read."""
        return float(jsonfile.read(self.cursor_file).get(self.key, 0.0))

    def unread(self, articles: Sequence[StoredArticle]) -> int:
        """How many of these stored articles the reader has not read yet."""
        cursor = self.cursor
        return sum(1 for a in articles if a.ingested_at > cursor)

    def pending(self) -> list[tuple[float, str]]:
        """(ingested_at, article id) of the articles that may be unread, oldest first."""
        cursor = self.cursor
        # from the store's kept listing of its articles, brought up to date (a read of what changed, if anything)
        return sorted((a.ingested_at, a.article_id) for a in self.store.current_articles() if a.ingested_at >= cursor)

    def read_pending(self, stop: threading.Event, *, wait: bool = True) -> int:
        """Read every article that may be unread, each chunk (with `wait`) only once the Newsroom has been idle
        for `quiet_s`; returns how many sentences and words were embedded. Returns early when `stop` is set."""
        embedded = 0
        for ingested_at, article_id in self.pending():
            for hit in self.store.article_chunks(article_id):  # none when it was deleted meanwhile
                if stop.is_set() or (wait and not self.activity.wait_idle(self.quiet_s, stop)):
                    return embedded
                embedded += self.answerer.read_ahead([hit])
            with jsonfile.locked(self.cursor_file) as cursors:
                cursors[self.key] = max(float(cursors.get(self.key, 0.0)), ingested_at)
        return embedded

    def run(self, stop: threading.Event) -> None:
        """Read behind ingest until `stop` is set, at the lowest CPU priority (call it in a thread of its own)."""
        lower_priority()
        while not stop.is_set():
            seen = self.activity.stored
            try:
                # pending() first brings the listing of the stored articles up to date: searches then name a
                # hit's other reports from it without reading the store (index/stories.py)
                embedded = self.read_pending(stop) if self.activity.wait_idle(self.quiet_s, stop) else 0
            except NewsbotError as exc:
                log.warning("reading behind ingest paused for %.0f s: %s", RETRY_S, exc)
                stop.wait(RETRY_S)
                continue
            if embedded:
                log.info("read %d sentences of the stored articles ahead of the questions", embedded)
            self.activity.wait_stored(seen, self.rescan_s, stop)

    def start(self) -> Reading:
        """`run` in a new daemon thread, until its `stop()`."""
        stop = threading.Event()
        thread = threading.Thread(target=self._run_logged, args=(stop,), name="newsbot-read-behind", daemon=True)
        thread.start()
        return Reading(thread, stop, self.activity)

    def _run_logged(self, stop: threading.Event) -> None:
        try:
            self.run(stop)
        except Exception:
            # a bug here must not go unseen, but it costs only speed: answers read what they need when asked
            log.exception("reading behind ingest stopped; answers read their sentences when asked")


@dataclass(frozen=True)
class Reading:
    """A reader behind ingest running in its thread."""

    thread: threading.Thread
    stop_event: threading.Event
    activity: Activity

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> bool:
        """Stop the reader: it finishes the chunk it is reading (~0.1 s) and returns; False when it had not
        within `timeout_s`."""
        self.stop_event.set()
        self.activity.wake()
        self.thread.join(timeout_s)
        return not self.thread.is_alive()
