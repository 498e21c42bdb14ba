"""The store: chunks, their vectors and metadata in Chroma — embedded on disk, or a `chroma run` server.

The store's Chroma collection, its lock and its changes are index/chroma.py's.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from index.chroma import ChromaCollection
from index.models import Article, ArticleMeta, Chunk, Hit, StoredArticle
from index.text import same_page, title_from_text

# Chunks written this long before a listing's last refresh are read again: writers on other hosts (a shared Chroma
# server) may have clocks a little apart.
CLOCK_MARGIN_S = 300.0
#: articles read by one `get` when listing them
ARTICLE_PAGE = 1000


class ChunkStore(ChromaCollection):
    """Chunks in a Chroma collection. Cheap to construct; connects on first use."""

    def stored_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """article id -> text hash, for the given articles that are already stored."""
        if not article_ids:
            return {}
        result = self._call("look up articles", "get", ids=[f"{a}:0" for a in article_ids], include=["metadatas"])
        return {m["article_id"]: m["text_hash"] for m in result["metadatas"] or []}

    def twins(self, body_hashes: Sequence[str]) -> dict[str, str]:
        """body hash -> the id of a stored article with that text (see `Article.body_hash`)."""
        if not body_hashes:
            return {}
        result = self._call(
            "look up texts",
            "get",
            where={"$and": [{"body_hash": {"$in": list(body_hashes)}}, {"chunk_index": 0}]},
            include=["metadatas"],
        )
        return {str(m["body_hash"]): str(m["article_id"]) for m in result["metadatas"] or []}

    def add_article(
        self,
        article: Article,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *,
        first_chunk_extra: Mapping[str, str | int | float] | None = None,
    ) -> str:
        """Store the article's chunks, replacing an older version of it, unless another article with the same
        text is stored. Returns "added", "updated" or "duplicate"; one write, so two processes adding one text
        at once store it once."""
        with self._locked(write=True):
            twin = self.twins([article.body_hash]).get(article.body_hash)
            if twin is not None and twin != article.id:
                return "duplicate"
            existed = bool(self.stored_hashes([article.id]))
            self.replace_article(article, chunks, vectors, first_chunk_extra=first_chunk_extra)
        return "updated" if existed else "added"

    def replace_article(
        self,
        article: Article,
        chunks: Sequence[Chunk],
        vectors: np.ndarray,
        *,
        first_chunk_extra: Mapping[str, str | int | float] | None = None,
    ) -> None:
        """Store the article's chunks, removing any older version of the article first (duplicates or not).
        `first_chunk_extra` goes into the first chunk's record only (what is kept once per article: its story
        fingerprint)."""
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        first_extra = dict(first_chunk_extra or {})
        with self._locked(write=True):
            self._call("delete an article", "delete", where={"article_id": article.id}, write=True)
            now = self.clock()
            vectors = np.asarray(vectors, dtype=np.float32)
            step = self._max_batch_size if self._max_batch_size > 0 else max(len(chunks), 1)
            for start in range(0, len(chunks), step):
                part = chunks[start : start + step]
                self._call(
                    "add chunks",
                    "add",
                    ids=[c.id for c in part],
                    documents=[c.text for c in part],
                    embeddings=vectors[start : start + step],
                    metadatas=[
                        {**_chunk_metadata(c, len(chunks), now), **(first_extra if c.index == 0 else {})} for c in part
                    ],
                    write=True,
                )

    def delete_articles(self, article_ids: Iterable[str]) -> int:
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return 0
        with self._locked(write=True):
            found = self.stored_hashes(ids)
            for article_id in found:
                self._call("delete an article", "delete", where={"article_id": article_id}, write=True)
        return len(found)

    def article_chunks(self, article_id: str, vector: np.ndarray | None = None) -> list[Hit]:
        """One stored article's chunks, in order, as hits scored by cosine similarity to `vector` (as `get_hits`;
        0 without one)."""
        include = ["documents", "metadatas", *(["embeddings"] if vector is not None else [])]
        result = self._call("read an article's chunks", "get", where={"article_id": article_id}, include=include)
        hits = _scored(result, vector)
        return self._titled(sorted(hits, key=lambda h: h.position))

    def find_article_ids(self, ref: str) -> list[str]:
        """Ids of stored articles whose id, url or source is `ref`, or that were read from the file or folder
        `ref` (a CSV's rows, a JSON list's entries: sources `FILE:row N`, `FILE#entry N`). A web address also
        finds the article of the same page written otherwise (`same_page`: "www.", a trailing slash, utm_*)."""
        ids: list[str] = []
        with self._locked(write=False):
            for field in ("article_id", "url", "source"):
                result = self._call(
                    "find articles", "get", where={"$and": [{field: ref}, {"chunk_index": 0}]}, include=["metadatas"]
                )
                ids.extend(m["article_id"] for m in result["metadatas"] or [])
            ids.extend(
                a.article_id
                for a in self.articles()
                if _read_from(a.meta.source, ref) or ("://" in ref and same_page(a.meta.url, ref))
            )
        return list(dict.fromkeys(ids))

    def query(self, vector: np.ndarray, k: int, *, where: dict[str, Any] | None = None) -> list[Hit]:
        """The k chunks nearest to `vector`, best first; score is cosine similarity. `where` is a Chroma metadata
        filter (e.g. a publication-date range): only chunks it matches are searched."""
        with self._locked(write=False):
            # No count first (5 ms at 50,000 chunks, every search): Chroma returns what there is, none when empty.
            filters: dict[str, Any] = {"where": where} if where else {}
            result = self._call(
                "query",
                "query",
                query_embeddings=[np.asarray(vector, dtype=np.float32)],
                n_results=k,
                include=["documents", "metadatas", "distances"],
                **filters,
            )
            hits = [
                _hit(chunk_id, doc, meta, 1.0 - float(dist))
                for chunk_id, doc, meta, dist in zip(
                    result["ids"][0],
                    result["documents"][0],
                    result["metadatas"][0],
                    result["distances"][0],
                    strict=True,
                )
            ]
            return self._titled(hits)

    def get_hits(self, chunk_ids: Sequence[str], vector: np.ndarray) -> list[Hit]:
        """The given chunks as hits scored by cosine similarity to `vector` (for lexical-only candidates)."""
        if not chunk_ids:
            return []
        with self._locked(write=False):
            result = self._call(
                "get chunks", "get", ids=list(chunk_ids), include=["documents", "metadatas", "embeddings"]
            )
            by_id = {hit.chunk_id: hit for hit in _scored(result, vector)}
            return self._titled([by_id[c] for c in chunk_ids if c in by_id])

    def _titled(self, hits: list[Hit]) -> list[Hit]:
        """Hits of articles stored without a title (before titles were made from first sentences) get one."""
        titles = self._derived_titles({h.article_id: h.meta.language for h in hits if not h.meta.title})
        if not titles:
            return hits
        return [
            replace(h, meta=replace(h.meta, title=titles.get(h.article_id, ""))) if not h.meta.title else h
            for h in hits
        ]

    def _derived_titles(self, languages: dict[str, str]) -> dict[str, str]:
        """article id -> a title made of its first chunk's first sentence, for articles stored without a title
        (before titles were made from first sentences), given with their languages; only those first chunks are
        read."""
        untitled = list(languages)
        if not untitled:
            return {}
        result = self._call("get chunks", "get", ids=[f"{a}:0" for a in untitled], include=["documents"])
        firsts = zip(result["ids"], result["documents"] or [], strict=True)
        titles = {}
        for chunk_id, text in firsts:
            article_id = chunk_id.rsplit(":", 1)[0]
            titles[article_id] = title_from_text(text, languages[article_id] or "en")
        return titles

    def best_hits(self, article_ids: Sequence[str], vector: np.ndarray) -> list[Hit]:
        """Each given article's chunk most similar to `vector` (cosine), best first; articles not stored are left
        out. For checking new articles against a topic, whatever else the store holds."""
        if not article_ids:
            return []
        result = self._call(
            "get chunks",
            "get",
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

    def article_ids(self) -> list[str]:
        """Every stored article's id (from the chunk ids: no text, no metadata)."""
        return [chunk_id.rsplit(":", 1)[0] for chunk_id in self.chunk_ids() if chunk_id.endswith(":0")]

    def chunk_ids(self, *, written_after: float | None = None) -> list[str]:
        """Every chunk's id (cheap: no text, no metadata), or those written after the time `written_after`."""
        where = {"ingested_at": {"$gt": written_after}} if written_after is not None else None
        result = self._call("list chunks", "get", where=where, include=[])
        return [str(chunk_id) for chunk_id in result["ids"]]

    def chunk_texts(self, chunk_ids: Sequence[str]) -> dict[str, str]:
        """chunk id -> text, for those of `chunk_ids` that are stored."""
        texts: dict[str, str] = {}
        page = 1000
        with self._locked(write=False):
            for start in range(0, len(chunk_ids), page):
                part = list(chunk_ids[start : start + page])
                result = self._call("read chunks", "get", ids=part, include=["documents"])
                texts.update(zip(result["ids"], result["documents"] or [], strict=True))
        return texts

    def article_records(self, where: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """The first chunk's metadata record of every stored article (that also matches `where`)."""
        condition: dict[str, Any] = {"chunk_index": 0}
        if where:
            condition = {"$and": [condition, dict(where)]}
        result = self._call("list articles", "get", where=condition, include=["metadatas"])
        return [dict(m) for m in result["metadatas"] or []]

    def story_records(self, story_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The first chunk's metadata record of every stored article of these stories."""
        if not story_ids:
            return []
        # story_id alone, not with chunk_index: Chroma answers the single condition five times faster
        result = self._call("list stories", "get", where={"story_id": {"$in": list(story_ids)}}, include=["metadatas"])
        return [dict(m) for m in result["metadatas"] or [] if m.get("chunk_index") == 0]

    def articles(
        self, article_ids: Sequence[str] | None = None, *, ingested_after: float | None = None
    ) -> list[StoredArticle]:
        """Every stored article; or those of `article_ids` that are stored; or those stored (added or changed)
        after the time `ingested_after`, by this process or another. One stored without a title (by an older
        newsbot) gets its first sentence."""
        if ingested_after is not None and article_ids is None:
            where = {"$and": [{"chunk_index": 0}, {"ingested_at": {"$gt": ingested_after}}]}
            metas = self._call("list articles", "get", where=where, include=["metadatas"])["metadatas"] or []
        else:
            if article_ids is None:
                # By id, page by page: one `get(where chunk_index=0)` over 50,000 chunks took as long and left the
                # process 300-400 MB larger (Chroma's buffers stay with the allocator); pages leave ~60 MB.
                article_ids = self.article_ids()
            metas = []
            for start in range(0, len(article_ids), ARTICLE_PAGE):
                ids = [f"{a}:0" for a in article_ids[start : start + ARTICLE_PAGE]]
                metas += self._call("list articles", "get", ids=ids, include=["metadatas"])["metadatas"] or []
        # The first chunk's text only for an article stored without a title: reading every article's first chunk
        # took 2 of 3.2 s for 12,000 articles.
        titles = self._derived_titles(
            {str(m["article_id"]): str(m.get("language") or "") for m in metas if not m.get("title")}
        )
        articles = []
        for m in metas:
            article_id = str(m["article_id"])
            meta = ArticleMeta.from_record(m)
            articles.append(
                StoredArticle(
                    article_id=article_id,
                    meta=meta if meta.title else replace(meta, title=titles.get(article_id, "")),
                    text_hash=str(m.get("text_hash", "")),
                    chunks=int(m.get("n_chunks", 0)),
                    ingested_at=float(m.get("ingested_at", 0.0)),
                )
            )
        return articles

    def current_articles(self, *, fresh: bool = False) -> list[StoredArticle]:
        """Every stored article, as `articles()` reads them, kept while the store does not change and brought up to
        date by reading only what was written since (and listing ids to see deletions): date questions, the
        headlines, /latest and /stats read it (12,000 articles take 2.8 s to read whole). `fresh`: see `changes`."""
        with self._listing_lock:
            key = self.changes(fresh=fresh)
            if self._listing is not None and self._listing[0] == key:
                return list(self._listing[2].values())
            started = self.clock()
            if self._listing is None:
                listed = {a.article_id: a for a in self.articles()}
            else:
                _, synced_at, kept = self._listing
                present = set(self.article_ids())
                listed = {article_id: a for article_id, a in kept.items() if article_id in present}
                listed.update((a.article_id, a) for a in self.articles(ingested_after=synced_at - CLOCK_MARGIN_S))
                listed.update((a.article_id, a) for a in self.articles(sorted(present - listed.keys())))
            self._listing = (key, started, listed)
            return list(listed.values())

    def kept_articles(self) -> tuple[tuple[int, int], dict[str, StoredArticle]] | None:
        """The article listing `current_articles` keeps, with its `changes` key, while it is up to date; None
        when none is kept or the store changed since. Reads nothing from the store: a search may ask."""
        with self._listing_lock:
            if self._listing is None:
                return None
            key, _, listed = self._listing
            return (key, listed) if key == self.changes() else None


def _chunk_metadata(chunk: Chunk, n_chunks: int, ingested_at: float) -> dict[str, str | int | float]:
    """A chunk's Chroma record: its article's description plus where the chunk sits and when it was stored. An
    article without a title is shown with its first sentence; its id and embedded text stay as they were (ids
    derive from the title: a re-ingest still finds it, and evaluation maps ids back to its paragraphs)."""
    article = chunk.article
    return {
        **_with_title(article.meta, article.text).to_record(),
        "article_id": article.id,
        "chunk_index": chunk.index,
        "n_chunks": n_chunks,
        "text_hash": article.text_hash,
        "body_hash": article.body_hash,
        "ingested_at": ingested_at,
    }


def shown_meta(article: Article) -> ArticleMeta:
    """The article's metadata as stored and shown: with its first sentence as title when it has none."""
    return _with_title(article.meta, article.text)


def _with_title(meta: ArticleMeta, first_chunk: str) -> ArticleMeta:
    return meta if meta.title else replace(meta, title=title_from_text(first_chunk, meta.language or "en"))


def _read_from(source: str, ref: str) -> bool:
    """Whether an article's `source` was read from the file or folder `ref` (as given, or the same path)."""
    if not source or not ref:
        return False
    for suffix in (":row ", "#entry "):
        head, found, number = source.rpartition(suffix)
        if found and number.isdigit():
            source = head
            break
    if "://" in source or "://" in ref:
        return source == ref
    if os.path.normpath(source) == os.path.normpath(ref):
        return True
    try:
        path, target = Path(source).resolve(), Path(ref).resolve()
    except (OSError, ValueError):
        return False
    return path == target or target in path.parents


def _hit(chunk_id: str, text: str, record: dict[str, Any], score: float) -> Hit:
    return Hit(
        chunk_id=chunk_id,
        article_id=str(record.get("article_id", "")),
        text=text,
        meta=ArticleMeta.from_record(record),
        score=score,
    )


def _scored(result: Any, vector: np.ndarray | None) -> list[Hit]:
    """The hits of a Chroma get, scored by cosine similarity to `vector` (its embeddings included), else 0."""
    rows = zip(result["ids"], result["documents"], result["metadatas"], strict=True)
    if vector is None:
        return [_hit(chunk_id, doc, meta, 0.0) for chunk_id, doc, meta in rows]
    query = np.asarray(vector, dtype=np.float32)
    return [
        _hit(chunk_id, doc, meta, float(np.dot(np.asarray(embedding, dtype=np.float32), query)))
        for (chunk_id, doc, meta), embedding in zip(rows, result["embeddings"], strict=True)
    ]
