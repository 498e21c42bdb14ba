"""The Chroma collection under the store (index/store.py): embedded on disk, or a `chroma run` server.

Both modes share every line below but the client's construction. Chroma never embeds anything itself:
the collection is created without an embedding function and always receives our vectors. The collection
remembers which embedder built it, so a store is never queried with vectors from another model.

Several processes on one embedded store (the bot, `newsbot ingest`, a feed poller) take turns: Chroma's embedded
client keeps its vector index in memory and does not see another process's writes (a question after someone
else's ingest failed with "Error finding id", issue #12). So every operation holds a lock on `store.lock` in the
data dir: shared to read, exclusive to write, one Chroma call at a time. A writer leaves a new token in
`store.generation`; whoever next takes the lock and finds another token reopens Chroma, and the lexical index,
keyed on `revision`, is rebuilt. A Chroma server needs none of this: it is the one process that holds the data.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from index.errors import NewsbotError, StoreError, StoreUnavailableError
from index.models import StoredArticle

log = logging.getLogger(__name__)

CHROMA_SUBDIR = "chroma"
LOCK_FILE = "store.lock"
GENERATION_FILE = "store.generation"
DEFAULT_COLLECTION = "newsbot"
# Candidates HNSW explores per query. Chroma's default (100) misses some of the true nearest chunks, and which ones
# varies from build to build; 500 returns the exact neighbours of news-sized stores (tests/test_store.py) at a cost
# of well under a millisecond per query. Older collections are widened when opened.
SEARCH_EF = 500
# How stale a Chroma server store's chunk count may be when deciding whether another host changed the store.
COUNT_INTERVAL_S = 1.0


class ChromaCollection:
    """A Chroma collection that holds our vectors, reached under the data dir's lock (above). Cheap to construct;
    connects on first use."""

    def __init__(
        self,
        *,
        path: Path | None = None,
        host: str = "",
        port: int = 8000,
        collection: str = DEFAULT_COLLECTION,
        embedder_name: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not host and path is None:
            raise ValueError("give a path for the embedded store or a host for a Chroma server")
        if not embedder_name:
            raise ValueError("embedder_name must name the embedder whose vectors the store holds")
        self.path = path
        self.host = host
        self.port = port
        self.collection_name = collection
        self.embedder_name = embedder_name
        self.clock = clock
        self._collection: Any = None
        self._max_batch_size = 0
        #: changes whenever this process writes or finds another's writes: derived indexes rebuild on it
        self.revision = 0
        self._generation: str | None = None
        self._held = threading.local()
        self._reopen_lock = threading.Lock()
        self._counted: tuple[int, float, int] | None = None  # (revision, when, count) of a server store
        # the article listing ChunkStore.current_articles keeps (index/store.py)
        self._listing: tuple[tuple[int, int], float, dict[str, StoredArticle]] | None = None
        self._listing_lock = threading.Lock()

    @property
    def location(self) -> str:
        where = f"http://{self.host}:{self.port}" if self.host or self.path is None else str(self.path / CHROMA_SUBDIR)
        return f"{where} (collection {self.collection_name})"

    @property
    def collection(self) -> Any:
        with self._reopen_lock:
            if self._collection is None:
                self._collection = self._open()
            return self._collection

    @contextlib.contextmanager
    def _locked(self, *, write: bool) -> Iterator[None]:
        """Hold the data dir's lock (shared to read, exclusive to write) around Chroma calls, reopening Chroma
        first when another process wrote since; a write leaves a new generation token. Re-entrant per thread;
        without a lock (a Chroma server), it only marks writes."""
        depth = getattr(self._held, "depth", 0)
        if depth:
            if write and not self._held.write:
                raise RuntimeError("a store read cannot turn into a write: take the write lock first")
            self._held.depth = depth + 1
            try:
                yield
            finally:
                self._held.depth = depth
            return
        if self.host or self.path is None:
            try:
                yield
            finally:
                if write:
                    with self._reopen_lock:  # as the embedded store's: += is not atomic without the GIL
                        self.revision += 1
            return
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if write else fcntl.LOCK_SH)
            self._held.depth, self._held.write = 1, write
            self._follow_generation()
            try:
                yield
            finally:
                if write:
                    self._new_generation()
        finally:
            self._held.depth = 0
            os.close(fd)  # releases the lock

    def _follow_generation(self) -> None:
        """Reopen Chroma when the store's generation is not the one this handle last saw."""
        assert self.path is not None
        try:
            current = (self.path / GENERATION_FILE).read_text(encoding="ascii").strip()
        except FileNotFoundError:
            current = ""
        with self._reopen_lock:
            if current == self._generation:
                return
            if self._generation is not None and self._collection is not None:
                log.info("the store %s changed in another process: reopening it", self.location)
                self._collection = None
                _forget_client(self.path / CHROMA_SUBDIR)
                self.revision += 1
            self._generation = current

    def _new_generation(self) -> None:
        assert self.path is not None
        token = uuid.uuid4().hex
        target = self.path / GENERATION_FILE
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(token + "\n", encoding="ascii")
        os.replace(temporary, target)
        with self._reopen_lock:
            self._generation = token
            self.revision += 1

    def _open(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        try:
            if self.host:
                client = chromadb.HttpClient(host=self.host, port=self.port, settings=chroma_settings)
                client.heartbeat()
            else:
                assert self.path is not None
                (self.path / CHROMA_SUBDIR).mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(self.path / CHROMA_SUBDIR), settings=chroma_settings)
            # Chroma refuses larger adds ("Batch size of 9490 is greater than max batch size of 5461").
            self._max_batch_size = int(client.get_max_batch_size())
            collection = client.get_or_create_collection(
                name=self.collection_name,
                embedding_function=None,
                metadata={"hnsw:space": "cosine", "hnsw:search_ef": SEARCH_EF, "embedder": self.embedder_name},
            )
        except Exception as exc:
            if self.host:
                raise StoreUnavailableError(
                    f"cannot reach the Chroma server at {self.host}:{self.port} ({exc}); start it with "
                    f"'chroma run --path DIR --host {self.host} --port {self.port}' or unset NEWSBOT_CHROMA_HOST "
                    "to use the embedded store"
                ) from exc
            raise StoreError(f"cannot open the Chroma store at {self.location}: {exc}") from exc
        built_with = (collection.metadata or {}).get("embedder")
        if built_with and built_with != self.embedder_name:
            raise StoreError(
                f"the store {self.location} was built with embedder {built_with!r}, not {self.embedder_name!r}: "
                f"set NEWSBOT_EMBEDDER={built_with}, or use another NEWSBOT_DATA_DIR / NEWSBOT_CHROMA_COLLECTION "
                "and ingest again"
            )
        _widen_search(collection)
        return collection

    def _call(self, what: str, method: str, *args: Any, write: bool = False, **kwargs: Any) -> Any:
        """collection.`method`(...) under the store's lock, its failure a StoreError saying what failed."""
        with self._locked(write=write):
            try:
                return getattr(self.collection, method)(*args, **kwargs)
            except NewsbotError:
                raise
            except Exception as exc:
                raise StoreError(f"Chroma failed to {what} in {self.location}: {exc}") from exc

    def count(self) -> int:
        return int(self._call("count chunks", "count"))

    def changes(self, *, fresh: bool = False) -> tuple[int, int]:
        """A key that changes whenever the stored chunks may have, for indexes derived from them (BM25, stories).

        An embedded store: this handle's revision, which counts its own writes and, through the data dir's
        generation token, those of other processes (no Chroma call: counting 50,000 chunks costs 5 ms, paid by
        every search before). A Chroma server other hosts may write to: the revision and the chunk count, counted
        at most once every COUNT_INTERVAL_S, so a search on a busy bot does not count the store each time; `fresh`
        counts now (what /stats shows must include another host's write of a moment ago).
        """
        if not self.host and self.path is not None:
            with self._locked(write=False):
                return self.revision, 0
        now = self.clock()
        revision = self.revision
        counted = self._counted
        if fresh or counted is None or counted[0] != revision or now - counted[1] >= COUNT_INTERVAL_S:
            counted = self._counted = (revision, now, self.count())
        return revision, counted[2]


def _forget_client(chroma_dir: Path) -> None:
    """Drop Chroma's cached client of `chroma_dir`, so the next one reads the store from disk again. The old
    client is not stopped: a thread may still be reading through it; it is freed with its last reference."""
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(str(chroma_dir), None)


def _widen_search(collection: Any) -> None:
    """Give a collection made with a narrower HNSW search (older newsbot, another client) SEARCH_EF.

    Chroma applies it when it next loads the index: at once for an embedded store opened in a new process (tested);
    a `chroma run` server that already holds the index in memory presumably only after a restart (not tested). A
    failure only costs exactness, so it is logged.
    """
    hnsw = (getattr(collection, "configuration_json", None) or {}).get("hnsw") or {}
    if hnsw.get("ef_search", SEARCH_EF) >= SEARCH_EF:
        return
    try:
        collection.modify(configuration={"hnsw": {"ef_search": SEARCH_EF}})
    except Exception as exc:  # an older server without configuration updates: approximate search still works
        log.warning("could not widen the search of collection %s to %d: %s", collection.name, SEARCH_EF, exc)
