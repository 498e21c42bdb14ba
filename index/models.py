"""The values that flow through newsbot: Article -> Chunk -> Hit -> Answer (+ Source).

An article's description — title, outlet, link, date, language, where it came from — is one `ArticleMeta`. It
travels unchanged from the loader through the store (as a Chroma metadata record) to hits, sources and the
messages users read, so a new field is added in one place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime


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
class ArticleMeta:
    """What is known about an article besides its text.

    `published_at` is None when the source gives no date; `source` is the file path or URL it was read from,
    with a `:row N` / `#entry N` suffix for files and feeds that hold several articles.
    `published_is_fetch_time`: the source gave no date and `published_at` is when newsbot fetched it (a followed
    feed's undated entry).
    """

    title: str = ""
    outlet: str = ""
    url: str = ""
    published_at: datetime | None = None
    language: str = ""
    source: str = ""
    #: the story the article belongs to: the id of the first stored article of the same wire story, set at ingest
    #: (index/stories.py); "" for articles not yet stored
    story_id: str = ""
    published_is_fetch_time: bool = False
    #: who wrote it, as its page, feed or record names them ("Jane Doe", "Jane Doe, John Roe"); "" when none does
    author: str = ""

    @property
    def published_iso(self) -> str:
        return self.published_at.isoformat() if self.published_at else ""

    @property
    def published_ts(self) -> float | None:
        """Seconds since 1970 (a naive date is taken as UTC), or None when undated."""
        if self.published_at is None:
            return None
        moment = self.published_at
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()

    def to_dict(self) -> dict[str, str]:
        """The public description, as `--json` and the bot show it (the local source path is left out)."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published_at": self.published_iso,
            "language": self.language,
            "author": self.author,
        }

    def to_report_dict(self) -> dict[str, str]:
        """Who else reported a story, as `also_reported_by` lists it."""
        return {"outlet": self.outlet, "url": self.url, "published_at": self.published_iso}

    def to_record(self) -> dict[str, str | float]:
        """Scalars for a Chroma metadata record; `from_record` reads them back."""
        record: dict[str, str | float] = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name != "published_at"
        }
        record["published_at"] = self.published_iso
        record["published_ts"] = self.published_ts or 0.0
        return record

    @classmethod
    def from_record(cls, record: dict[str, object]) -> ArticleMeta:
        values = {f.name: str(record.get(f.name) or "") for f in fields(cls) if f.name not in _NOT_TEXT}
        published = str(record.get("published_at") or "")
        try:
            moment = datetime.fromisoformat(published) if published else None
        except ValueError:
            moment = None
        fetch_time = record.get("published_is_fetch_time") is True and moment is not None
        return cls(published_at=moment, published_is_fetch_time=fetch_time, **values)


_NOT_TEXT = frozenset({"published_at", "published_is_fetch_time"})


@dataclass(frozen=True)
class Article:
    """One news article: its text and its description.

    `id` is stable for the article's identity (its URL, or else its source and title), so a changed text
    replaces the old version; `text_hash` tells whether the text changed.
    """

    text: str
    meta: ArticleMeta

    @property
    def id(self) -> str:
        return content_hash(self.meta.url or f"{self.meta.source}#{self.meta.title}")

    @property
    def source(self) -> str:
        """Where the article was read from; a loader's SourceError names its input the same way."""
        return self.meta.source

    @property
    def text_hash(self) -> str:
        meta = self.meta
        # the author only when there is one: articles stored before authors were read keep their hash
        byline = (meta.author,) if meta.author else ()
        return content_hash(meta.title, self.text, meta.outlet, meta.url, meta.published_iso, *byline)

    @property
    def body_hash(self) -> str:
        """The hash of the text alone, case-folded and with white space collapsed: two copies of one story (from
        two paths or URLs) share it, and the store keeps one."""
        return content_hash(" ".join(self.text.casefold().split()))


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
        title = self.article.meta.title
        return f"{title}\n{self.text}" if title else self.text


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk of an article and its relevance `score` (cosine similarity; higher is better)."""

    chunk_id: str
    article_id: str
    text: str
    meta: ArticleMeta
    score: float
    #: the other stored articles of the same story (index/stories.py), oldest first
    also_reported_by: tuple[ArticleMeta, ...] = ()

    @property
    def position(self) -> int:
        """Where the chunk stands in its article: 0 for the first (chunk ids end in ":<position>"; 0 without)."""
        tail = self.chunk_id.rsplit(":", 1)[-1]
        return int(tail) if tail.isdigit() else 0


@dataclass(frozen=True)
class Source:
    """A numbered source of an answer, as shown to the user: [n] in the answer maps to `n` here."""

    n: int
    article_id: str
    meta: ArticleMeta
    snippet: str
    score: float
    #: the other articles of the same story: one source, several outlets ("also reported by ...")
    also_reported_by: tuple[ArticleMeta, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            **self.meta.to_dict(),
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "also_reported_by": [meta.to_report_dict() for meta in self.also_reported_by],
        }


@dataclass(frozen=True)
class StoredArticle:
    """One stored article as `Newsroom.latest()` lists it."""

    article_id: str
    meta: ArticleMeta
    text_hash: str
    chunks: int
    ingested_at: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            **self.meta.to_dict(),
            "source": self.meta.source,
            "chunks": self.chunks,
            "ingested_at": self.ingested_at,
        }


#: `Answer.answerer` of the bot's own replies: to small talk, a request for help, a question that names no story, a
#: message to an empty store. No news was asked for, so the front ends suggest no rephrasing after them.
BOT_REPLY = "reply"


@dataclass(frozen=True)
class Answer:
    """An answer with citations [n] into `sources`; `abstained` when the indexed news does not say."""

    text: str
    sources: list[Source] = field(default_factory=list)
    abstained: bool = False
    answerer: str = ""
    question: str = ""
    #: how sure the answerer is that the answer answers the question, from 0 to 1, where it can tell (the
    #: answer gate's probability for extractive answers); None for LLM answers
    confidence: float | None = None
    #: words of the question read as the stored news spells them (asked -> read; index/spelling.py)
    read_as: dict[str, str] = field(default_factory=dict)
    #: the answerer quotes what comes closest but doubts it answers (extractive: `confidence` below its
    #: UNSURE_BELOW); the front ends say so before the answer
    unsure: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "answer": self.text,
            "abstained": self.abstained,
            "unsure": self.unsure,
            "sources": [source.to_dict() for source in self.sources],
            **({"read_as": self.read_as} if self.read_as else {}),
        }


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation, kept so a follow-up question can be understood."""

    question: str
    answer: str = ""
