"""Sentence vectors the extractive answerer has read, kept so a sentence is embedded once; and where its paragraphs
split into sentences, kept so a paragraph is split once.

Reading candidate sentences with the reader model is most of an answer's time (e5: ~1.5 s for the ~30 sentences
of five hits on 2 cores). The vectors are kept in memory (the most recent SENTENCE_CACHE) and, with a path, in a
SQLite file in the data dir, so they outlive the process and are shared by every process on the host (the bot,
`newsbot ask`). With NEWSBOT_READ_AHEAD, ingest fills the file for every stored chunk (and the words of its
sentences in USE, index/word_vectors.py), and questions then read only the question itself.

    vectors = SentenceVectors(data_dir / "sentences.sqlite3")
    matrix = vectors.of(reader, ["Kim denied it.", ...])   # one row per sentence, from cache or embedded now

Splitting (pysbd, `index.segmentation.split_sentences`) takes ~2 ms a paragraph, which made it a fifth of an answer's
time once the vectors were kept (~60 paragraphs: the hits and the two best articles read whole). `SentenceSplits`
keeps each paragraph's split in the same file, as the spans of its sentences (no text: a deleted article leaves no
words behind), so the reader behind ingest splits every stored paragraph once and answers only look them up.

    splits = SentenceSplits(data_dir / "sentences.sqlite3")
    splits.of(["Kim denied it. Seoul did not.", ...], "en")   # [["Kim denied it.", "Seoul did not."], ...]
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from importlib.metadata import version
from pathlib import Path

import numpy as np

from index.embedders import Embedder
from index.segmentation import normalize_spaces, split_sentences

# Kept in memory: 384 floats each for e5, ~30 MB in all.
SENTENCE_CACHE = 20_000
# Kept on disk at the most (~1.5 KB each for e5, ~600 MB): beyond it the tenth written longest ago is dropped.
MAX_STORED = 400_000
SQLITE_TIMEOUT_S = 30.0
# Paragraph splits kept in memory (a few hundred bytes each), and on disk at the most (~50 bytes each).
SPLIT_CACHE = 8_192
MAX_SPLITS = 1_000_000
# Named in each split's key: another splitter (a pysbd release with other rules, or newsbot's German number ends
# and rejoined pieces, index/segmentation.py) splits every paragraph anew. 5: splits kept before it may miss
# sentences, when two threads split at once on one pysbd segmenter. 6: a question mark before a lower-case word ends
# no sentence.
SPLITTER = f"pysbd-{version('pysbd')}-ordinals-rejoined-6"
# Keys looked up or deleted by one statement (SQLite's default limit on parameters is 999 in older builds).
KEY_BATCH = 500


class _KeptTable:
    """One table of the file, (key, value, time used) rows (`table`, its value's `column`): each thread's connection,
    and reads, writes and deletes by key. Without a path nothing is kept on disk."""

    table = ""
    column = ""

    def __init__(self, path: Path | None, max_stored: int) -> None:
        self.path = path
        self.max_stored = max_stored
        self._lock = threading.Lock()
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        assert self.path is not None
        return _connect(self._local, self.path)

    def _select(self, keys: list[bytes]) -> Iterator[tuple[bytes, bytes]]:
        """(key, value) of the keys the table holds."""
        connection = self._connection()
        for marks, part in _key_batches(keys):
            query = f"SELECT key, {self.column} FROM {self.table} WHERE key IN ({marks})"
            for key, blob in connection.execute(query, part).fetchall():
                yield bytes(key), blob

    def _put(self, rows: list[tuple[bytes, bytes, float]]) -> None:
        """Write (key, value, time used) rows; beyond `max_stored` rows, the tenth used longest ago is dropped."""
        connection = self._connection()
        with connection:
            connection.executemany(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?, ?)", rows)
            (count,) = connection.execute(f"SELECT COUNT(*) FROM {self.table}").fetchone()
            if count > self.max_stored:
                drop = count - self.max_stored + self.max_stored // 10
                connection.execute(
                    f"DELETE FROM {self.table} WHERE key IN (SELECT key FROM {self.table} ORDER BY used LIMIT ?)",
                    (drop,),
                )

    def _delete(self, keys: list[bytes]) -> int | None:
        """Delete the keys' rows; how many there were (None when there is no file)."""
        if self.path is None or not self.path.exists():
            return None
        dropped = 0
        connection = self._connection()
        with connection:
            for marks, part in _key_batches(keys):
                dropped += connection.execute(f"DELETE FROM {self.table} WHERE key IN ({marks})", part).rowcount
        return dropped


class SentenceVectors(_KeptTable):
    """Vectors of sentences by model; thread-safe, and several processes may share the file."""

    table, column = "vectors", "vector"

    def __init__(self, path: Path | None = None, *, max_stored: int = MAX_STORED) -> None:
        super().__init__(path, max_stored)
        self._memory: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()

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
        in_file = self._delete([_key(name, s) for name, s in pairs])
        return dropped if in_file is None else in_file

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

    def _read(self, model_name: str, sentences: Sequence[str]) -> dict[str, np.ndarray]:
        keys = {_key(model_name, s): s for s in sentences}
        return {keys[key]: np.frombuffer(blob, dtype=np.float32) for key, blob in self._select(list(keys))}

    def _write(self, model_name: str, sentences: Sequence[str], vectors: np.ndarray) -> None:
        now = time.time()
        rows = [
            (_key(model_name, s), np.asarray(v, dtype=np.float32).tobytes(), now)
            for s, v in zip(sentences, vectors, strict=True)
        ]
        self._put(rows)


class SentenceSplits(_KeptTable):
    """Each paragraph's sentences, as `split_sentences` gives them; thread-safe, and several processes may share the
    file."""

    table, column = "splits", "spans"

    def __init__(self, path: Path | None = None, *, max_stored: int = MAX_SPLITS) -> None:
        super().__init__(path, max_stored)
        self._memory: OrderedDict[bytes, tuple[str, ...]] = OrderedDict()

    def of(self, paragraphs: Sequence[str], language: str) -> list[tuple[str, ...]]:
        """Each paragraph's sentences: kept, else split now (and kept)."""
        keys = [_split_key(language, paragraph) for paragraph in paragraphs]
        with self._lock:
            found = {key: self._memory[key] for key in keys if key in self._memory}
        missing = {key: paragraph for key, paragraph in zip(keys, paragraphs, strict=True) if key not in found}
        if missing and self.path is not None:
            found.update(self._read(missing))
        fresh = {key: tuple(split_sentences(missing[key], language)) for key in missing if key not in found}
        if fresh and self.path is not None:
            self._write({key: (missing[key], sentences) for key, sentences in fresh.items()})
        found.update(fresh)
        with self._lock:
            for key in keys:
                self._memory[key] = found[key]
                self._memory.move_to_end(key)
            while len(self._memory) > SPLIT_CACHE:
                self._memory.popitem(last=False)
        return [found[key] for key in keys]

    def forget(self, paragraphs: Sequence[str], language: str) -> int:
        """Drop the kept splits of these paragraphs; returns how many the file held (memory's, without a file)."""
        keys = list(dict.fromkeys(_split_key(language, paragraph) for paragraph in paragraphs))
        with self._lock:
            dropped = sum(self._memory.pop(key, None) is not None for key in keys)
        in_file = self._delete(keys)
        return dropped if in_file is None else in_file

    def _read(self, paragraphs: dict[bytes, str]) -> dict[bytes, tuple[str, ...]]:
        found: dict[bytes, tuple[str, ...]] = {}
        for key, blob in self._select(list(paragraphs)):
            text = normalize_spaces(paragraphs[key])
            spans = np.frombuffer(blob, dtype=np.uint32).reshape(-1, 2)
            found[key] = tuple(text[start:end] for start, end in spans.tolist())
        return found

    def _write(self, splits: dict[bytes, tuple[str, tuple[str, ...]]]) -> None:
        rows = []
        now = time.time()
        for key, (paragraph, sentences) in splits.items():
            spans = _spans(normalize_spaces(paragraph), sentences)
            if spans is not None:  # a sentence that is no piece of its paragraph is split again next time
                rows.append((key, np.asarray(spans, dtype=np.uint32).tobytes(), now))
        if not rows:
            return
        self._put(rows)


def _spans(text: str, sentences: Sequence[str]) -> list[tuple[int, int]] | None:
    """Where each sentence stands in the text, in order; None when one is not there as it is."""
    spans, start = [], 0
    for sentence in sentences:
        found = text.find(sentence, start)
        if found < 0:
            return None
        start = found + len(sentence)
        spans.append((found, start))
    return spans


def _connect(local: threading.local, path: Path) -> sqlite3.Connection:
    """This thread's connection to the file, its tables made on first use."""
    connection: sqlite3.Connection | None = getattr(local, "connection", None)
    if connection is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=SQLITE_TIMEOUT_S)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL, used REAL NOT NULL)"
        )
        connection.execute(
            "CREATE TABLE IF NOT EXISTS splits (key BLOB PRIMARY KEY, spans BLOB NOT NULL, used REAL NOT NULL)"
        )
        local.connection = connection
    return connection


def _key_batches(keys: list[bytes]) -> Iterator[tuple[str, list[bytes]]]:
    """The keys in batches SQLite takes as one statement's parameters, each with its `?, ?, …` placeholders."""
    for start in range(0, len(keys), KEY_BATCH):
        part = keys[start : start + KEY_BATCH]
        yield ",".join("?" * len(part)), part


def _key(model_name: str, sentence: str) -> bytes:
    return hashlib.blake2b(f"{model_name}\0{sentence}".encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _split_key(language: str, paragraph: str) -> bytes:
    return _key(f"{SPLITTER}\0{language}", paragraph)
