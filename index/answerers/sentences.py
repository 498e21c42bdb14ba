"""Sentence vectors the extractive answerer has read, kept so a sentence is embedded once.

Reading candidate sentences with the reader model is most of an answer's time (e5: ~1.5 s for the ~30 sentences
of five hits on 2 cores). The vectors are kept in memory (the most recent SENTENCE_CACHE) and, with a path, in a
SQLite file in the data dir, so they outlive the process and are shared by every process on the host (the bot,
`newsbot ask`). With NEWSBOT_READ_AHEAD, ingest fills the file for every stored chunk, and questions then read
only the question itself.

    vectors = SentenceVectors(data_dir / "sentences.sqlite3")
    matrix = vectors.of(reader, ["Kim denied it.", ...])   # one row per sentence, from cache or embedded now
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from index.embedders import Embedder

# Kept in memory: 384 floats each for e5, ~30 MB in all.
SENTENCE_CACHE = 20_000
# Kept on disk at the most (~1.5 KB each for e5, ~600 MB): beyond it the tenth written longest ago is dropped.
MAX_STORED = 400_000
SQLITE_TIMEOUT_S = 30.0
# Keys looked up or deleted by one statement (SQLite's default limit on parameters is 999 in older builds).
KEY_BATCH = 500


class SentenceVectors:
    """Vectors of sentences by model; thread-safe, and several processes may share the file."""

    def __init__(self, path: Path | None = None, *, max_stored: int = MAX_STORED) -> None:
        self.path = path
        self.max_stored = max_stored
        self._memory: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._local = threading.local()

    def of(self, model: Embedder, sentences: Sequence[str]) -> np.ndarray:
        """The model's vector of each sentence, one row per sentence; only those never read are embedded."""
        if not sentences:
            return np.zeros((0, model.dim), dtype=np.float32)
        found = self._kept(model.name, sentences)
        found.update(self._embed(model, [s for s in dict.fromkeys(sentences) if s not in found]))
        self._remember(model.name, found)
        return np.vstack([found[s] for s in sentences])

    def fill(self, model: Embedder, sentences: Sequence[str]) -> int:
        """Embed and keep the sentences not kept yet (read-ahead); returns how many were embedded."""
        found = self._kept(model.name, sentences)
        fresh = self._embed(model, [s for s in dict.fromkeys(sentences) if s not in found])
        self._remember(model.name, fresh)
        return len(fresh)

    def forget(self, model_names: Sequence[str], sentences: Sequence[str]) -> int:
        """Drop the kept vectors of these sentences for these models, in memory and in the file; returns how many
        were kept (in the file when there is one: it holds whatever memory does)."""
        pairs = [(name, s) for name in model_names for s in dict.fromkeys(sentences)]
        with self._lock:
            dropped = sum(self._memory.pop(pair, None) is not None for pair in pairs)
        if self.path is None or not pairs or not self.path.exists():
            return dropped
        dropped = 0
        connection = self._connection()
        with connection:
            for marks, part in _key_batches([_key(name, s) for name, s in pairs]):
                dropped += connection.execute(f"DELETE FROM vectors WHERE key IN ({marks})", part).rowcount
        return dropped

    def missing(self, model: Embedder, sentences: Sequence[str]) -> list[str]:
        """The sentences this model's vectors are not kept for."""
        found = self._kept(model.name, sentences)
        return [s for s in dict.fromkeys(sentences) if s not in found]

    def _kept(self, model_name: str, sentences: Sequence[str]) -> dict[str, np.ndarray]:
        """The vectors kept for these sentences: in memory, else in the file."""
        found = self._remembered(model_name, sentences)
        rest = [s for s in dict.fromkeys(sentences) if s not in found]
        if rest and self.path is not None:
            found.update(self._read(model_name, rest))
        return found

    def _embed(self, model: Embedder, sentences: list[str]) -> dict[str, np.ndarray]:
        """Embed the sentences now and keep them in the file."""
        if not sentences:
            return {}
        fresh = model.embed_documents(sentences)
        if self.path is not None:
            self._write(model.name, sentences, fresh)
        return dict(zip(sentences, fresh, strict=True))

    def _remembered(self, model_name: str, sentences: Sequence[str]) -> dict[str, np.ndarray]:
        with self._lock:
            return {s: self._memory[(model_name, s)] for s in sentences if (model_name, s) in self._memory}

    def _remember(self, model_name: str, vectors: dict[str, np.ndarray]) -> None:
        with self._lock:
            for sentence, vector in vectors.items():
                self._memory[(model_name, sentence)] = vector
                self._memory.move_to_end((model_name, sentence))
            while len(self._memory) > SENTENCE_CACHE:
                self._memory.popitem(last=False)

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            assert self.path is not None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=SQLITE_TIMEOUT_S)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL, used REAL NOT NULL)"
            )
            self._local.connection = connection
        return connection

    def _read(self, model_name: str, sentences: Sequence[str]) -> dict[str, np.ndarray]:
        keys = {_key(model_name, s): s for s in sentences}
        found: dict[str, np.ndarray] = {}
        connection = self._connection()
        for marks, part in _key_batches(list(keys)):
            rows = connection.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", part).fetchall()
            for key, blob in rows:
                found[keys[bytes(key)]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def _write(self, model_name: str, sentences: Sequence[str], vectors: np.ndarray) -> None:
        now = time.time()
        rows = [
            (_key(model_name, s), np.asarray(v, dtype=np.float32).tobytes(), now)
            for s, v in zip(sentences, vectors, strict=True)
        ]
        connection = self._connection()
        with connection:
            connection.executemany("INSERT OR REPLACE INTO vectors (key, vector, used) VALUES (?, ?, ?)", rows)
            (count,) = connection.execute("SELECT COUNT(*) FROM vectors").fetchone()
            if count > self.max_stored:
                drop = count - self.max_stored + self.max_stored // 10
                connection.execute(
                    "DELETE FROM vectors WHERE key IN (SELECT key FROM vectors ORDER BY used LIMIT ?)", (drop,)
                )


def _key_batches(keys: list[bytes]) -> Iterator[tuple[str, list[bytes]]]:
    """The keys in batches SQLite takes as one statement's parameters, each with its `?, ?, …` placeholders."""
    for start in range(0, len(keys), KEY_BATCH):
        part = keys[start : start + KEY_BATCH]
        yield ",".join("?" * len(part)), part


def _key(model_name: str, sentence: str) -> bytes:
    return hashlib.blake2b(f"{model_name}\0{sentence}".encode("utf-8", "surrogatepass"), digest_size=16).digest()
