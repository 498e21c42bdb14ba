"""The values that flow through newsbot: Article -> Chunk -> Hit -> Answer (+ Source)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


def content_hash(*parts: str) -> str:
    """A short stable hash of text parts; ids and change detection are derived from it.

    Never fails on text: lone surrogates (from JSON escapes, or a file name's bytes that are not UTF-8) are
    hashed as they stand instead of raising UnicodeEncodeError; valid text hashes exactly as before.
    """
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()[:24]


@dataclass(frozen=True)
class Article:
    """One cleaned news article with its metadata.

    `id` is stable for the article's identity (its URL, or else its source path and title), so a changed
    text replaces the old version; `text_hash` tells whether the text changed.
    """

    title: str
    text: str
    source: str
    url: str = ""
    outlet: str = ""
    published_at: datetime | None = None
    language: str = ""

    @property
    def id(self) -> str:
        return content_hash(self.url or f"{self.source}#{self.title}")

    @property
    def text_hash(self) -> str:
        return content_hash(self.title, self.text, self.outlet, self.url, self.published_iso)

    @property
    def published_iso(self) -> str:
        return self.published_at.isoformat() if self.published_at else ""


@dataclass(frozen=True)
class Chunk:
    """A passage of an article, small enough for the embedder; `index` counts from 0 within the article."""

    article: Article
    index: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.article.id}:{self.index}"

    @property
    def embed_text(self) -> str:
        """What the embedder sees: the title carries the article's topic into every chunk."""
        return f"{self.article.title}\n{self.text}" if self.article.title else self.text


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its metadata and a relevance score (higher is better)."""

    chunk_id: str
    article_id: str
    text: str
    title: str
    outlet: str
    url: str
    published_at: str
    language: str
    score: float
    source: str = ""


@dataclass(frozen=True)
class Source:
    """A numbered source of an answer, as shown to the user: [n] in the answer maps to `n` here."""

    n: int
    title: str
    outlet: str
    url: str
    published_at: str
    snippet: str
    score: float
    article_id: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published_at": self.published_at,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Answer:
    """An answer with citations [n] into `sources`; `abstained` when the indexed news does not say."""

    text: str
    sources: list[Source] = field(default_factory=list)
    abstained: bool = False
    answerer: str = ""
    question: str = ""
    #: how sure the answerer is, where it can tell: the extractive answerer's best sentence similarity (what
    #: `min_sentence_relevance` is compared with); None for LLM answers
    confidence: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "answer": self.text,
            "abstained": self.abstained,
            "sources": [source.to_dict() for source in self.sources],
        }


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation, kept so a follow-up question can be understood."""

    question: str
    answer: str = ""
