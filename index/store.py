"""The store: chunks, their vectors and metadata in Chroma — embedded on disk, or a `chroma run` server.

Both modes share every line below but the client's construction. Chroma never embeds anything itself:
the collection is created without an embedding function and always receives our vectors. The collection
remembers which embedder built it, so a store is never queried with vectors from another model.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import StoreError, StoreUnavailableError
from index.models import Article, ArticleMeta, Chunk, Hit, StoredArticle

log = logging.getLogger(__name__)

CHROMA_SUBDIR = "chroma"
DEFAULT_COLLECTION = "newsbot"
# Candidates HNSW explores per query. Chroma's default (100) misses some of the true nearest chunks, and which ones
# varies from build to build; 500 returns the exact neighbours of news-sized stores (tests/test_store.py) at a cost
# of well under a millisecond per query. Older collections are widened when opened.
SEARCH_EF = 500


class ChunkStore:
    """Chunks in a Chroma collection. Cheap to construct; connects on first use."""

    def __init__(
        self,
        *,
        path: Path | None = None,
        host: str = "",
        port: int = 8000,
        collection: str = DEFAULT_COLLECTION,
        embedder_name: str,
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
        self._collection: Any = None
        self._max_batch_size = 0
        self.revision = 0

    @property
    def location(self) -> str:
        where = f"http://{self.host}:{self.port}" if self.host or self.path is None else str(self.path / CHROMA_SUBDIR)
        return f"{where} (collection {self.collection_name})"

    @property
    def collection(self) -> Any:
        if self._collection is None:
            self._collection = self._open()
        return self._collection

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

    def _call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            raise StoreError(f"Chroma failed to {what} in {self.location}: {exc}") from exc

    def stored_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """article id -> text hash, for the given articles that are already stored."""
        if not article_ids:
            return {}
        result = self._call(
            "look up articles", self.collection.get, ids=[f"{a}:0" for a in article_ids], include=["metadatas"]
        )
        return {m["article_id"]: m["text_hash"] for m in result["metadatas"] or []}

    def replace_article(self, article: Article, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Store the article's chunks, removing any older version of the article first."""
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        self._call("delete an article", self.collection.delete, where={"article_id": article.id})
        now = time.time()
        vectors = np.asarray(vectors, dtype=np.float32)
        step = self._max_batch_size if self._max_batch_size > 0 else max(len(chunks), 1)
        for start in range(0, len(chunks), step):
            part = chunks[start : start + step]
            self._call(
                "add chunks",
                self.collection.add,
                ids=[c.id for c in part],
                documents=[c.text for c in part],
                embeddings=vectors[start : start + step],
                metadatas=[_chunk_metadata(c, len(chunks), now) for c in part],
            )
        self.revision += 1

    def delete_articles(self, article_ids: Iterable[str]) -> int:
        ids = list(dict.fromkeys(article_ids))
        found = self.stored_hashes(ids)
        for article_id in found:
            self._call("delete an article", self.collection.delete, where={"article_id": article_id})
        if found:
            self.revision += 1
        return len(found)

    def find_article_ids(self, ref: str) -> list[str]:
        """Ids of stored articles whose id, url or source is `ref`."""
        ids: list[str] = []
        for field in ("article_id", "url", "source"):
            result = self._call(
                "find articles", self.collection.get, where={"$and": [{field: ref}, {"chunk_index": 0}]},
                include=["metadatas"],
            )
            ids.extend(m["article_id"] for m in result["metadatas"] or [])
        return list(dict.fromkeys(ids))

    def query(self, vector: np.ndarray, k: int) -> list[Hit]:
        """The k chunks nearest to `vector`, best first; score is cosine similarity."""
        total = self.count()
        if total == 0:
            return []
        result = self._call(
            "query",
            self.collection.query,
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(k, total),
            include=["documents", "metadatas", "distances"],
        )
        return [
            _hit(chunk_id, doc, meta, 1.0 - float(dist))
            for chunk_id, doc, meta, dist in zip(
                result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0], strict=True
            )
        ]

    def get_hits(self, chunk_ids: Sequence[str], vector: np.ndarray) -> list[Hit]:
        """The given chunks as hits scored by cosine similarity to `vector` (for lexical-only candidates)."""
        if not chunk_ids:
            return []
        result = self._call(
            "get chunks", self.collection.get, ids=list(chunk_ids), include=["documents", "metadatas", "embeddings"]
        )
        query = np.asarray(vector, dtype=np.float32)
        by_id = {
            chunk_id: _hit(chunk_id, doc, meta, float(np.dot(np.asarray(emb, dtype=np.float32), query)))
            for chunk_id, doc, meta, emb in zip(
                result["ids"], result["documents"], result["metadatas"], result["embeddings"], strict=True
            )
        }
        return [by_id[c] for c in chunk_ids if c in by_id]

    def best_hits(self, article_ids: Sequence[str], vector: np.ndarray) -> list[Hit]:
        """Each given article's chunk most similar to `vector` (cosine), best first; articles not stored are left
        out. For checking new articles against a topic, whatever else the store holds."""
        if not article_ids:
            return []
        result = self._call(
            "get chunks",
            self.collection.get,
            where={"article_id": {"$in": list(dict.fromkeys(article_ids))}},
            include=["documents", "metadatas", "embeddings"],
        )
        query = np.asarray(vector, dtype=np.float32)
        best: dict[str, Hit] = {}
        for chunk_id, doc, meta, emb in zip(
            result["ids"], result["documents"], result["metadatas"], result["embeddings"], strict=True
        ):
            hit = _hit(chunk_id, doc, meta, float(np.dot(np.asarray(emb, dtype=np.float32), query)))
            if hit.article_id not in best or hit.score > best[hit.article_id].score:
                best[hit.article_id] = hit
        return sorted(best.values(), key=lambda h: h.score, reverse=True)

    def all_chunks(self) -> tuple[list[str], list[str]]:
        """Every chunk's id and text, for the lexical index."""
        ids: list[str] = []
        docs: list[str] = []
        page = 5000
        offset = 0
        while True:
            result = self._call(
                "read chunks", self.collection.get, include=["documents"], limit=page, offset=offset
            )
            ids.extend(result["ids"])
            docs.extend(result["documents"] or [])
            if len(result["ids"]) < page:
                return ids, docs
            offset += page

    def articles(
        self, article_ids: Sequence[str] | None = None, *, ingested_after: float | None = None
    ) -> list[StoredArticle]:
        """Every stored article; or those of `article_ids` that are stored; or those stored (added or changed)
        after the time `ingested_after`, by this process or another."""
        if article_ids is not None:
            if not article_ids:
                return []
            result = self._call(
                "list articles", self.collection.get, ids=[f"{a}:0" for a in article_ids], include=["metadatas"]
            )
        else:
            where: dict[str, Any] = {"chunk_index": 0}
            if ingested_after is not None:
                where = {"$and": [where, {"ingested_at": {"$gt": ingested_after}}]}
            result = self._call("list articles", self.collection.get, where=where, include=["metadatas"])
        return [
            StoredArticle(
                article_id=str(m["article_id"]),
                meta=ArticleMeta.from_record(m),
                text_hash=str(m.get("text_hash", "")),
                chunks=int(m.get("n_chunks", 0)),
                ingested_at=float(m.get("ingested_at", 0.0)),
            )
            for m in result["metadatas"] or []
        ]

    def count(self) -> int:
        return int(self._call("count chunks", self.collection.count))


def _chunk_metadata(chunk: Chunk, n_chunks: int, ingested_at: float) -> dict[str, str | int | float]:
    """A chunk's Chroma record: its article's description plus where the chunk sits and when it was stored."""
    article = chunk.article
    return {
        **article.meta.to_record(),
        "article_id": article.id,
        "chunk_index": chunk.index,
        "n_chunks": n_chunks,
        "text_hash": article.text_hash,
        "ingested_at": ingested_at,
    }


def _hit(chunk_id: str, text: str, record: dict[str, Any], score: float) -> Hit:
    return Hit(
        chunk_id=chunk_id,
        article_id=str(record.get("article_id", "")),
        text=text,
        meta=ArticleMeta.from_record(record),
        score=score,
    )


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
