"""Retrieval: question -> the k most relevant chunks, by dense vectors, BM25, or both fused (hybrid).

Hybrid retrieval fuses the two rankings by reciprocal rank fusion (RRF), which needs no score calibration
between them, then keeps at most `per_article` chunks of one article so that the k sources are diverse.
RRF_K is 10, not the customary 60: a smaller constant lets the first places of each ranking count for more, which
raised recall@1 at equal recall@5. BM25 only counts fully where question and chunk share a language: an English
question's words rarely occur in a German article, and what does match across languages (names, numbers) is
weighed at CROSS_LINGUAL_LEXICAL_WEIGHT; unweighted, fusion lost recall to dense retrieval alone. The measurements
behind both choices are in benchmarks/README.md ("Retrieval choices").
Every hit's `score` is its cosine similarity to the question, whichever ranking found it, so abstention
thresholds mean the same in every mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.embedders import Embedder
from index.language import detect_language
from index.lexical import LexicalIndex
from index.models import ArticleMeta, Hit
from index.store import ChunkStore
from index.stories import StoryMembers, collapse

RRF_K = 10
FETCH_FACTOR = 4
MIN_FETCH = 20
#: the most candidates fetched when copies of a story or one article's chunks fill the first ones
MAX_FETCH = 500
DEFAULT_PER_ARTICLE = 2
CROSS_LINGUAL_LEXICAL_WEIGHT = 0.25

Mode = Literal["hybrid", "dense", "lexical"]


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
        self.lexical = LexicalIndex(store)
        self.stories = StoryMembers(store)

    def search(self, question: str, k: int | None = None, *, exclude_articles: Sequence[str] = ()) -> list[Hit]:
        """The best `k` hits (default: the searcher's k), best first, from at most `per_article` chunks each and
        one article per story (stories.py), which names the story's other articles."""
        k = k or self.k
        fetch = max(MIN_FETCH, FETCH_FACTOR * k)
        vector = self.embedder.embed_query(question)
        while True:
            ranked, more = self._ranked(question, vector, fetch, exclude_articles)
            # Copies of one story would crowd the k places: the best ranked article stands for the story. When
            # copies (or one article's chunks) fill the candidates, more are fetched.
            taken = diversify(collapse(ranked), k, self.per_article)
            if len(taken) == k or not more or fetch >= MAX_FETCH:
                return self.stories.attach(taken)
            fetch *= FETCH_FACTOR

    def _ranked(
        self, question: str, vector: np.ndarray, fetch: int, exclude_articles: Sequence[str]
    ) -> tuple[list[Hit], bool]:
        """The fused candidates, best first, and whether a ranking came back full (there may be more)."""
        rankings: list[list[str]] = []
        hits: dict[str, Hit] = {}
        more = False
        if self.mode in ("hybrid", "dense"):
            wanted = fetch + len(exclude_articles) * 4
            dense = self.store.query(vector, wanted)
            more = len(dense) == wanted
            hits.update((h.chunk_id, h) for h in dense)
            rankings.append([h.chunk_id for h in dense])
        weights: list[dict[str, float]] = [{}]
        if self.mode in ("hybrid", "lexical"):
            lexical = [chunk_id for chunk_id, _ in self.lexical.search(question, fetch)]
            more = more or len(lexical) == fetch
            missing = [c for c in lexical if c not in hits]
            hits.update((h.chunk_id, h) for h in self.store.get_hits(missing, vector))
            rankings.append(lexical)
            if self.mode == "hybrid":
                language = detect_language(question)
                weights.append(
                    {
                        c: CROSS_LINGUAL_LEXICAL_WEIGHT
                        for c in lexical
                        if c in hits and language and hits[c].meta.language and hits[c].meta.language != language
                    }
                )
        excluded = set(exclude_articles)
        ranked = [c for c in fuse(rankings, weights) if c in hits and hits[c].article_id not in excluded]
        return [hits[c] for c in ranked], more


def fuse(
    rankings: Sequence[Sequence[str]], weights: Sequence[dict[str, float]] = (), rrf_k: int = RRF_K
) -> list[str]:
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
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [hit_to_document(hit) for hit in self.searcher.search(query, self.k)]


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
