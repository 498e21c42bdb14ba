"""The benchmark's corpus: news articles, questions about them, and stores of any size filled from cached vectors.

A store of 50,000 chunks needs 50,000 vectors; with `use+e5` (about 8 chunks/s on 2 cores) encoding them would
take close to two hours. So the corpus is ingested once, through the real pipeline, into a cache store
(`<cache dir>/<embedder>-<corpus hash>/`), and larger stores are filled from its rows: copy 0 is the cache
itself, copy c > 0 repeats every chunk under a new article id with its vector nudged (cosine about 0.98 to the
original), so that the index holds no exact duplicates. The text of a copy is the original text.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import DatasetError
from index.models import Article, content_hash
from index.store import ChunkStore

#: Chroma refuses batches above about 5,400 rows.
FILL_BATCH = 4000
#: Length of the random nudge given to the vector of a copied chunk, before normalising (cosine ~0.98).
COPY_NOISE = 0.2
QUESTION_WORDS = 14


@dataclass(frozen=True)
class CachedRows:
    """Every chunk of the cache store: ids, texts, metadata and vectors, in store order."""

    ids: list[str]
    documents: list[str]
    metadatas: list[dict[str, Any]]
    vectors: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


def read_corpus(path: Path, limit: int | None = None) -> list[Article]:
    """Articles of a 10kGNAD-style CSV or a JSONL of title/text, as the evaluation reads distractors."""
    from index.evaluation.datasets import read_distractors

    articles = list(read_distractors(Path(path), limit=limit))
    if not articles:
        raise DatasetError(f"{path} holds no articles: pass a 10kGNAD test.csv or a JSONL of title/text")
    return articles


def read_questions(path: Path | None, articles: Sequence[Article], count: int) -> list[str]:
    """`count` questions: from a JSONL question set (English and German alternating where both are given,
    e.g. news_qa/dev.jsonl), else the opening words of evenly spaced articles, as a user might paste them."""
    questions: list[str] = []
    if path is not None:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise DatasetError(f"cannot read questions from {path}: {exc}") from exc
        rows = [json.loads(line) for line in lines if line.strip()]
        for field in ("question_en", "question_de", "question"):
            questions.extend(str(row[field]) for row in rows if row.get(field))
        if not questions:
            raise DatasetError(f"{path}: no question_en, question_de or question fields")
    else:
        step = max(1, len(articles) // max(1, count))
        for article in articles[::step]:
            words = article.text.split()[:QUESTION_WORDS]
            if words:
                questions.append(" ".join(words) + "?")
    if len(questions) < count:
        questions = (questions * (count // max(1, len(questions)) + 1))[:count]
    # Spread the picks over the set so English and German, and many articles, are represented.
    step = max(1, len(questions) // count)
    return questions[::step][:count]


def corpus_key(
    path: Path, embedder_name: str, chunk_tokens: int | None, limit: int | None, *, read_ahead: bool = False
) -> str:
    """Names the cache store: the same corpus file, embedder and chunk size give the same vectors; read ahead, the
    store also holds its sentences' vectors (sentences.sqlite3)."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    safe = "".join(ch if ch.isalnum() or ch in "+-_" else "_" for ch in embedder_name)
    key = f"{safe}-{digest}-t{chunk_tokens or 'auto'}-n{limit if limit is not None else 'all'}"
    return f"{key}-ra" if read_ahead else key


def read_rows(store: ChunkStore) -> CachedRows:
    """Every row of a store, vectors included."""
    ids: list[str] = []
    documents: list[str] = []
    metadatas: list[dict[str, Any]] = []
    vectors: list[np.ndarray] = []
    offset = 0
    while True:
        page = store.collection.get(include=["documents", "metadatas", "embeddings"], limit=FILL_BATCH, offset=offset)
        ids.extend(page["ids"])
        documents.extend(page["documents"] or [])
        metadatas.extend(dict(m) for m in page["metadatas"] or [])
        if len(page["ids"]):
            vectors.append(np.asarray(page["embeddings"], dtype=np.float32))
        if len(page["ids"]) < FILL_BATCH:
            break
        offset += FILL_BATCH
    matrix = np.vstack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)
    return CachedRows(ids, documents, metadatas, matrix)


def replicate(rows: CachedRows, size: int, seed: int = 0) -> Iterator[CachedRows]:
    """Batches of `size` rows in all: the cached rows, then copies under new article ids with nudged vectors."""
    if not len(rows):
        raise DatasetError("the cache store is empty: nothing to fill a store from")
    rng = np.random.default_rng(seed)
    produced = 0
    copy = 0
    while produced < size:
        for start in range(0, len(rows), FILL_BATCH):
            take = min(FILL_BATCH, len(rows) - start, size - produced)
            if take <= 0:
                return
            yield _copy_of(rows, start, take, copy, rng)
            produced += take
        copy += 1


def _copy_of(rows: CachedRows, start: int, take: int, copy: int, rng: np.random.Generator) -> CachedRows:
    end = start + take
    vectors = rows.vectors[start:end]
    if copy == 0:
        return CachedRows(rows.ids[start:end], rows.documents[start:end], rows.metadatas[start:end], vectors)
    noise = rng.standard_normal(vectors.shape).astype(np.float32)
    noise *= COPY_NOISE / np.linalg.norm(noise, axis=1, keepdims=True)
    nudged = vectors + noise
    nudged /= np.linalg.norm(nudged, axis=1, keepdims=True)
    ids: list[str] = []
    metadatas: list[dict[str, Any]] = []
    for meta in rows.metadatas[start:end]:
        article_id = content_hash(f"{meta['article_id']}#copy{copy}")
        ids.append(f"{article_id}:{meta['chunk_index']}")
        # A copy stands for another article, not for another outlet's report of the same story (index/stories.py).
        metadatas.append(
            {**meta, "article_id": article_id, "story_id": article_id, "source": f"{meta.get('source', '')}#copy{copy}"}
        )
    return CachedRows(ids, rows.documents[start:end], metadatas, nudged)


def fill_store(store: ChunkStore, rows: CachedRows, size: int) -> int:
    """Add `size` rows (replicated as needed) to the store's collection; returns the chunks it then holds."""
    for batch in replicate(rows, size):
        store.collection.add(
            ids=batch.ids, documents=batch.documents, metadatas=batch.metadatas, embeddings=batch.vectors
        )
    store.revision += 1
    return store.count()


def write_subset(corpus: Path, articles: int, dest_dir: Path) -> Path:
    """The first `articles` records of the corpus file, in its own format, for the timed ingest to load."""
    corpus = Path(corpus)
    dest = Path(dest_dir) / f"subset-{articles}{corpus.suffix.lower()}"
    if corpus.suffix.lower() == ".csv":
        with corpus.open(encoding="utf-8", newline="") as src, dest.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=";", quotechar="'")
            for number, row in enumerate(csv.reader(src, delimiter=";", quotechar="'")):
                if number >= articles:
                    break
                writer.writerow(row)
    else:
        lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        dest.write_text("\n".join(lines[:articles]) + "\n", encoding="utf-8")
    return dest
