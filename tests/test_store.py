"""The Chroma store answers nearest-neighbour queries exactly on stores of news size, not approximately."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import chromadb
import numpy as np
import pytest

from index import chroma as chroma_module
from index.chroma import CHROMA_SUBDIR, SEARCH_EF
from index.models import Article, ArticleMeta, Chunk
from index.store import ChunkStore

DIM = 64
ARTICLES = 120
CHUNKS_PER_ARTICLE = 25


def test_queries_return_the_exact_nearest_chunks(tmp_path: Path) -> None:
    # Random vectors are the hard case for HNSW: with Chroma's default search breadth this misses some of the
    # true 20 nearest among 3,000 chunks.
    rng = np.random.default_rng(7)
    store = ChunkStore(path=tmp_path, embedder_name="test")
    vectors = []
    for a in range(ARTICLES):
        meta = ArticleMeta(title=f"Story {a}", source=f"test:{a}", published_at=datetime(2024, 1, 1, tzinfo=UTC))
        article = Article(text="…", meta=meta)
        chunks = [Chunk(article, i, f"passage {a}.{i}") for i in range(CHUNKS_PER_ARTICLE)]
        block = rng.normal(size=(CHUNKS_PER_ARTICLE, DIM)).astype(np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        store.replace_article(article, chunks, block)
        vectors.append((chunks, block))
    ids = [c.id for chunks, _ in vectors for c in chunks]
    matrix = np.vstack([block for _, block in vectors])

    missed = 0
    for query in rng.normal(size=(40, DIM)).astype(np.float32):
        query /= np.linalg.norm(query)
        exact = {ids[i] for i in np.argsort(-(matrix @ query))[:20]}
        missed += len(exact - {hit.chunk_id for hit in store.query(query, 20)})

    assert missed == 0


def test_a_store_made_with_a_narrower_search_is_widened_when_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(chroma_module, "SEARCH_EF", 100)
        ChunkStore(path=tmp_path, embedder_name="test").count()

    ChunkStore(path=tmp_path, embedder_name="test").count()

    collection = chromadb.PersistentClient(path=str(tmp_path / CHROMA_SUBDIR)).get_collection("newsbot")
    assert collection.configuration_json["hnsw"]["ef_search"] == SEARCH_EF
    assert collection.metadata["embedder"] == "test", "widening keeps what the store remembers"


def test_an_article_with_more_chunks_than_chromas_batch_limit_is_stored_whole(tmp_path: Path) -> None:
    """Chroma refused one add of 9,490 chunks ("greater than max batch size of 5461"): adds go in batches."""
    store = ChunkStore(path=tmp_path, embedder_name="test")
    limit = store.collection._client.get_max_batch_size()
    article = Article(text="…", meta=ArticleMeta(title="A very long report", source="report.txt"))
    chunks = [Chunk(article, i, f"passage {i}") for i in range(limit + 100)]
    vectors = np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (len(chunks), 1))
    store.replace_article(article, chunks, vectors)
    assert store.count() == limit + 100
    assert store.articles()[0].chunks == limit + 100


def test_an_articles_chunks_come_in_order_scored_like_retrieved_chunks(tmp_path: Path) -> None:
    store = ChunkStore(path=tmp_path, embedder_name="test")
    rng = np.random.default_rng(3)
    stored: dict[str, np.ndarray] = {}
    for a in range(2):
        article = Article(text="…", meta=ArticleMeta(title=f"Story {a}", source=f"test:{a}"))
        chunks = [Chunk(article, i, f"passage {a}.{i}") for i in range(12)]  # chunk 10 sorts after 9, not after 1
        block = rng.normal(size=(len(chunks), DIM)).astype(np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        store.replace_article(article, chunks, block)
        stored.update((c.id, v) for c, v in zip(chunks, block, strict=True))
    query = rng.normal(size=DIM).astype(np.float32)
    first = store.query(query, 1)[0].article_id

    hits = store.article_chunks(first, query)
    assert [h.text for h in hits] == [f"passage {hits[0].text[8]}.{i}" for i in range(12)]
    assert {h.article_id for h in hits} == {first}
    retrieved = {h.chunk_id: h.score for h in store.get_hits([h.chunk_id for h in hits], query)}
    for hit in hits:
        assert hit.score == pytest.approx(retrieved[hit.chunk_id]) == pytest.approx(float(stored[hit.chunk_id] @ query))
    assert store.article_chunks("no-such-article", query) == []
    assert [(h.chunk_id, h.score) for h in store.article_chunks(first)] == [(h.chunk_id, 0.0) for h in hits]
