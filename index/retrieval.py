"""Retrieval: question -> the k most relevant chunks, by dense vectors, BM25, or both fused (hybrid).

Hybrid retrieval fuses the two rankings by reciprocal rank fusion (RRF), which needs no score calibration
between them, then keeps at most `per_article` chunks of one article so that the k sources are diverse.
RRF_K is 10, not the customary 60: a smaller constant lets the first places of each ranking count for more, which
raised recall@1 at equal recall@5. BM25 only counts fully where question and chunk share a language: an English
question's words rarely occur in a German article, and what does match across languages (names, numbers) is
weighed at CROSS_LINGUAL_LEXICAL_WEIGHT; unweighted, fusion lost recall to dense retrieval alone. The measurements
behind both choices are in benchmarks/README.md ("Retrieval choices").
A date range (from a question's "yesterday", see dates.py) filters both sides: Chroma searches only chunks published
in the range, and BM25's candidates outside it are dropped, so the dated articles are found even when undated or
older ones are semantically closer. A question about the present ("latest") adds a third ranking to the fusion,
the candidates newest first (undated ones not at all), at RECENCY_WEIGHT.
Every hit's `score` is its cosine similarity to the question, whichever ranking found it, so abstention
thresholds mean the same in every mode.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.dates import DateRange
from index.embedders import Embedder
from index.language import question_language
from index.lexical import LexicalIndex
from index.models import ArticleMeta, Hit
from index.outlets import OutletQuery
from index.store import ChunkStore
from index.stories import StoryMembers, collapse

RRF_K = 10
FETCH_FACTOR = 4
MIN_FETCH = 20
#: the most candidates fetched when copies of a story or one article's chunks fill the first ones
MAX_FETCH = 500
DEFAULT_PER_ARTICLE = 2
CROSS_LINGUAL_LEXICAL_WEIGHT = 0.25
RECENCY_WEIGHT = 1.0
# A date filter leaves few of BM25's best chunks: it looks this many times further down its ranking.
FILTERED_LEXICAL_FACTOR = 10

Mode = Literal["hybrid", "dense", "lexical"]
#: two to five capitalised words and nothing else: a name ("Owen Williams", "Alexander Van der Bellen")
NAME_ALONE = re.compile(r"[A-ZÄÖÜ][\w'’.-]*(?:\s+(?:(?:van|von|der|de|da|di|le|la|al)\s+)?[A-ZÄÖÜ][\w'’.-]*){1,4}")


class Searcher:
    """Finds hits for a question in a store; `mode` picks dense, lexical or hybrid."""

    def __init__(
        self,
        store: ChunkStore,
        embedder: Embedder,
        *,
        mode: Mode = "hybrid",
        k: int = 5,
        per_article: int = DEFAULT_PER_ARTICLE,
        lexical_cache: Path | None = None,
    ) -> None:
        if mode not in ("hybrid", "dense", "lexical"):
            raise ValueError(f"mode must be hybrid, dense or lexical, got {mode!r}")
        if k < 1 or per_article < 1:
            raise ValueError(f"k and per_article must be at least 1, got k={k}, per_article={per_article}")
        self.store = store
        self.embedder = embedder
        self.mode = mode
        self.k = k
        self.per_article = per_article
        self.lexical = LexicalIndex(store, lexical_cache)
        self.stories = StoryMembers(store)

    def search(
        self,
        question: str,
        k: int | None = None,
        *,
        exclude_articles: Sequence[str] = (),
        published: DateRange | None = None,
        recent: bool = False,
        outlet: OutletQuery | None = None,
    ) -> list[Hit]:
        """The best `k` hits (default: the searcher's k), best first, from at most `per_article` chunks each and
        one article per story (stories.py), which names the story's other articles; only chunks published in
        `published` when given, newer ones ranked higher when `recent`; only `outlet`'s articles when given."""
        k = k or self.k
        fetch = max(MIN_FETCH, FETCH_FACTOR * k)
        vector = self.embedder.embed_query(question)
        while True:
            ranked, more = self._ranked(question, vector, fetch, exclude_articles, published, recent, outlet)
            # Copies of one story would crowd the k places: the best ranked article stands for the story. When
            # copies (or one article's chunks) fill the candidates, more are fetched.
            taken = diversify(collapse(ranked), k, self.per_article)
            if len(taken) == k or not more or fetch >= MAX_FETCH:
                return self.stories.attach(taken)
            fetch *= FETCH_FACTOR

    def scored(self, question: str, hits: Sequence[Hit]) -> list[Hit]:
        """The hits in their order, each scored by its cosine similarity to `question` itself: how relevant chunks
        another query found are to what is asked (`Newsroom.ask` reads a question as a follow-up with the words of
        the story followed, and judges what that finds by the question alone)."""
        if not hits:
            return []
        vector = self.embedder.embed_query(question)
        scores = {hit.chunk_id: hit.score for hit in self.store.get_hits([hit.chunk_id for hit in hits], vector)}
        return [replace(hit, score=scores.get(hit.chunk_id, hit.score)) for hit in hits]

    def _ranked(
        self,
        question: str,
        vector: np.ndarray,
        fetch: int,
        exclude_articles: Sequence[str],
        published: DateRange | None,
        recent: bool,
        outlet: OutletQuery | None = None,
    ) -> tuple[list[Hit], bool]:
        """The fused candidates, best first, and whether a ranking came back full (there may be more)."""
        rankings: list[list[str]] = []
        hits: dict[str, Hit] = {}
        more = False
        outlet = None if outlet is None or outlet.everything else outlet
        if self.mode in ("hybrid", "dense"):
            wanted = fetch + len(exclude_articles) * 4
            filters = [f for f in (published.where() if published else None, outlet.where() if outlet else None) if f]
            where = filters[0] if len(filters) == 1 else {"$and": filters} if filters else None
            dense = self.store.query(vector, wanted, where=where)
            more = len(dense) == wanted
            if outlet:  # the `where` may leave it to the search (OutletQuery.where)
                dense = [h for h in dense if outlet.holds(h.article_id, h.meta)]
            hits.update((h.chunk_id, h) for h in dense)
            rankings.append([h.chunk_id for h in dense])
        weights: list[dict[str, float]] = [{}]
        if self.mode in ("hybrid", "lexical"):
            lexical_fetch = fetch * FILTERED_LEXICAL_FACTOR if published or outlet else fetch
            lexical = [chunk_id for chunk_id, _ in self.lexical.search(question, lexical_fetch)]
            more = more or len(lexical) == lexical_fetch
            missing = [c for c in lexical if c not in hits]
            found = self.store.get_hits(missing, vector)
            if published:
                found = [h for h in found if published.contains(h.meta.published_ts)]
            if outlet:
                found = [h for h in found if outlet.holds(h.article_id, h.meta)]
            hits.update((h.chunk_id, h) for h in found)
            lexical = [c for c in lexical if c in hits]
            rankings.append(lexical)
            if self.mode == "hybrid":
                # a name alone ("Owen Williams", a "Who is …?" searched by its person) is in no language: names
                # carry over, so its BM25 ranking counts fully in every language
                language = "" if NAME_ALONE.fullmatch(question.strip()) else question_language(question)
                weights.append(
                    {
                        c: CROSS_LINGUAL_LEXICAL_WEIGHT
                        for c in lexical
                        if c in hits and language and hits[c].meta.language and hits[c].meta.language != language
                    }
                )
        if recent:
            rankings.append(newest_hits_first(hits.values()))
            weights.append({c: RECENCY_WEIGHT for c in rankings[-1]})
        excluded = set(exclude_articles)
        ranked = [c for c in fuse(rankings, weights) if c in hits and hits[c].article_id not in excluded]
        return [hits[c] for c in ranked], more


def newest_hits_first(hits: Iterable[Hit]) -> list[str]:
    """The chunk ids of the dated hits, newest first; undated hits are never the newest and are left out."""
    dated = [(hit.meta.published_ts, hit.chunk_id) for hit in hits if hit.meta.published_ts]
    return [chunk_id for _, chunk_id in sorted(dated, key=lambda item: -(item[0] or 0.0))]


def fuse(rankings: Sequence[Sequence[str]], weights: Sequence[dict[str, float]] = (), rrf_k: int = RRF_K) -> list[str]:
    """Reciprocal rank fusion of several rankings of ids, best first; `weights[i][id]` scales (default 1) what
    ranking i contributes for that id."""
    scores: dict[str, float] = {}
    for i, ranking in enumerate(rankings):
        scale = weights[i] if i < len(weights) else {}
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + scale.get(item, 1.0) / (rrf_k + rank + 1)
    return sorted(scores, key=lambda item: -scores[item])


def diversify(hits: Sequence[Hit], k: int, per_article: int) -> list[Hit]:
    """The first k hits taking at most `per_article` chunks from any one article."""
    taken: list[Hit] = []
    per: dict[str, int] = {}
    for hit in hits:
        if per.get(hit.article_id, 0) >= per_article:
            continue
        per[hit.article_id] = per.get(hit.article_id, 0) + 1
        taken.append(hit)
        if len(taken) == k:
            break
    return taken


class NewsRetriever(BaseRetriever):
    """newsbot's search as a LangChain retriever, for newsbot's own chain and for anyone's LangChain app.

    Each Document is one chunk: `page_content` is its text, `id` the chunk id, and `metadata` the article's
    description (title, outlet, url, published_at, language, source, story_id) with `article_id`, `score` (cosine
    similarity to the query) and `also_reported_by` (the same story's other articles: one Document per story).

        retriever = Newsroom(settings).retriever
        chain = {"context": retriever | format_docs, "question": RunnablePassthrough()} | prompt | llm
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    searcher: Searcher
    #: documents per query; None: the searcher's k (NEWSBOT_RETRIEVAL_K)
    k: int | None = None

    def _get_relevant_documents(
        self,
        query: str,
        *,
        run_manager: CallbackManagerForRetrieverRun,
        published: DateRange | None = None,
        recent: bool = False,
        k: int | None = None,
        outlet: OutletQuery | None = None,
    ) -> list[Document]:
        """`published` keeps only articles from those dates, `recent` ranks newer ones higher, `outlet` keeps only
        that outlet's articles (see Searcher); `k` overrides the retriever's for this query."""
        hits = self.searcher.search(query, k or self.k, published=published, recent=recent, outlet=outlet)
        return [hit_to_document(hit) for hit in hits]


def hit_to_document(hit: Hit) -> Document:
    """A hit as a Document: the text, the chunk id, and the article's metadata record (scalars), with
    `also_reported_by`: the metadata records of the story's other articles (a list, often empty)."""
    metadata = {
        **hit.meta.to_record(),
        "article_id": hit.article_id,
        "score": hit.score,
        "also_reported_by": [meta.to_record() for meta in hit.also_reported_by],
    }
    return Document(page_content=hit.text, metadata=metadata, id=hit.chunk_id)


def document_to_hit(document: Document) -> Hit:
    metadata = document.metadata
    return Hit(
        chunk_id=str(document.id),
        article_id=str(metadata["article_id"]),
        text=document.page_content,
        meta=ArticleMeta.from_record(metadata),
        score=float(metadata["score"]),
        also_reported_by=tuple(ArticleMeta.from_record(r) for r in metadata.get("also_reported_by") or ()),
    )
