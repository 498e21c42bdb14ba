"""What a Newsroom (index/newsroom.py) writes: ingest sources and articles (load, clean, chunk, embed, store),
expire articles past the retention period, delete; and the IngestReport of what an ingest did.

Everything here blocks (embedding, Chroma): async callers run it in a thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from index.answerers import Answerer
from index.chunking import Chunker
from index.cleaning import clean_article
from index.embedders import Embedder
from index.errors import IngestCancelled, NewsbotError, SourceError
from index.language import detect_language
from index.models import Article, Chunk, Hit, StoredArticle
from index.reading import Activity
from index.settings import IndexSettings
from index.store import ChunkStore, shown_meta
from index.stories import StoryAssigner

if TYPE_CHECKING:
    from index.loading import CsvColumns

log = logging.getLogger(__name__)

INGEST_BATCH = 64
DAY_S = 86400.0


@dataclass(frozen=True)
class Failure:
    source: str
    error: str


@dataclass
class IngestReport:
    """What an ingest run did: articles added, updated (text changed), unchanged (nothing embedded), duplicates
    (the same text is stored under another path or URL: not stored again), expired (older than the retention
    period: new ones not stored, stored ones deleted), failed."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    duplicates: int = 0
    expired: int = 0
    #: ids of the articles this run added or updated (not in `to_dict`: for followers of feeds)
    stored_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "expired": self.expired,
            "failed": [{"source": f.source, "error": f.error} for f in self.failed],
        }


class Ingestion:
    """Ingest, expire, delete: the writing half of the Newsroom, its base class. The Newsroom builds what these
    methods use (below)."""

    settings: IndexSettings
    clock: Callable[[], float]
    embedder: Embedder
    answerer: Answerer
    store: ChunkStore
    stories: StoryAssigner
    activity: Activity
    _chunker: Chunker | None

    @property
    def chunker(self) -> Chunker:
        if self._chunker is None:
            self.embedder.warm_up()
            self._chunker = Chunker(
                self.embedder.count_tokens,
                self.settings.chunk_tokens or self.embedder.max_tokens,
                max_chunks=self.settings.max_chunks_per_article,
            )
        return self._chunker

    def ingest(
        self,
        sources: Sequence[str],
        *,
        on_progress: Callable[[int, int], None] | None = None,
        on_embedded: Callable[[int], None] | None = None,
        csv_columns: CsvColumns | None = None,
        follow_symlinks: bool | None = None,
        stop: threading.Event | None = None,
    ) -> IngestReport:
        """Load, clean, chunk, embed and store every article the sources hold; bad inputs are reported and
        skipped. `on_progress(done, total)` is called as inputs are read, `on_embedded(n)` each time n more
        chunks were embedded. `follow_symlinks` overrides the setting (a command-line flag). Once `stop` is set,
        no further input is read and nothing more is stored: IngestCancelled (the bot stopping abandons adds)."""
        from index.loading import LoadOptions, count_inputs, iter_articles

        options = LoadOptions.from_settings(self.settings, follow_symlinks=follow_symlinks)
        total = count_inputs(sources, follow_symlinks=options.follow_symlinks)
        report = IngestReport()
        done = 0

        def _articles() -> Iterable[Article]:
            nonlocal done
            for item in iter_articles(sources, csv_columns=csv_columns, options=options):
                _check(stop)
                done += 1
                if on_progress:
                    on_progress(min(done, max(total, done)), max(total, done))
                if isinstance(item, SourceError):
                    log.debug("skipped %s", item)  # the report lists it: a warning would say it twice
                    report.failed.append(Failure(item.source, item.reason))
                else:
                    yield item

        self.ingest_articles(_articles(), report=report, on_embedded=on_embedded, stop=stop)
        return report

    def ingest_articles(
        self,
        articles: Iterable[Article],
        *,
        report: IngestReport | None = None,
        on_embedded: Callable[[int], None] | None = None,
        stop: threading.Event | None = None,
    ) -> IngestReport:
        """Store articles; unchanged ones (same text hash) are not embedded again, changed ones replaced.
        `on_embedded(n)` is called each time n more chunks were embedded."""
        report = report or IngestReport()
        batch: list[Article] = []
        with self.activity.busy():
            try:
                for article in articles:
                    batch.append(article)
                    if len(batch) == INGEST_BATCH:
                        self._ingest_batch(batch, report, on_embedded, stop)
                        batch = []
                if batch:
                    self._ingest_batch(batch, report, on_embedded, stop)
                report.expired += self.expire()
            finally:
                if report.stored_ids:
                    self.activity.note_stored()
        return report

    def retention_cutoff(self) -> float | None:
        """Articles older than this (seconds since 1970) are not kept; None: NEWSBOT_RETENTION_DAYS is 0."""
        days = self.settings.retention_days
        return self.clock() - days * DAY_S if days > 0 else None

    def expire(self) -> int:
        """Delete the articles older than NEWSBOT_RETENTION_DAYS (by publication date, else by when they were
        ingested) with their chunks; returns how many. Ingests and the bot's start call it."""
        cutoff = self.retention_cutoff()
        if cutoff is None:
            return 0
        old = [a.article_id for a in self.store.articles() if _dated_at(a) < cutoff]
        deleted = self.delete_ids(old)
        if deleted:
            log.info("deleted %d article(s) older than %d days", deleted, self.settings.retention_days)
        return deleted

    def _ingest_batch(
        self,
        articles: list[Article],
        report: IngestReport,
        on_embedded: Callable[[int], None] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        # Each step runs per article, and whatever fails in it (odd text, a parser's or Chroma's exception)
        # costs that article only: a `failed` entry naming it, and the rest of the batch is stored.
        prepared: list[Article] = []
        for article in articles:
            try:
                prepared.append(self._prepare(article))
            except Exception as exc:
                report.failed.append(_failure(article, exc))
        cutoff = self.retention_cutoff()
        if cutoff is not None:
            kept = [a for a in prepared if (a.meta.published_ts or self.clock()) >= cutoff]
            report.expired += len(prepared) - len(kept)
            prepared = kept
        latest: dict[str, Article] = {a.id: a for a in prepared}  # a later duplicate in the batch wins
        stored = self.store.stored_hashes(list(latest))
        twins = self.store.twins(list({a.body_hash for a in latest.values()}))
        changed: list[tuple[Article, list[Chunk]]] = []
        for article_id, article in latest.items():
            if stored.get(article_id) == article.text_hash:
                report.unchanged += 1
                continue
            twin = twins.setdefault(article.body_hash, article_id)
            if twin != article_id:  # the same text under another path or URL, stored or earlier in the batch
                report.duplicates += 1
                continue
            try:
                article = self.stories.assign(article)  # near-duplicates of stored articles join their story
                chunks = self.chunker.chunk(article)
            except Exception as exc:
                report.failed.append(_failure(article, exc))
                continue
            if chunks:
                changed.append((article, chunks))
            else:
                report.failed.append(Failure(article.meta.source, "no text left after cleaning; is it an article?"))
        report.unchanged += len(prepared) - len(latest)
        for article, chunks, vectors in self._embed_all(changed, report, on_embedded):
            _check(stop)  # between two articles' writes, never inside one
            try:
                outcome = self.store.add_article(
                    article, chunks, vectors, first_chunk_extra=self.stories.record(article.id)
                )
            except Exception as exc:
                report.failed.append(_failure(article, exc))
                continue
            self.stories.stored()
            if outcome == "duplicate":  # another process stored the text meanwhile
                report.duplicates += 1
                continue
            report.stored_ids.append(article.id)
            if self.settings.read_ahead == "ingest":
                self._read_ahead(article, chunks)
            if outcome == "updated":
                report.updated += 1
            else:
                report.added += 1

    def _read_ahead(self, article: Article, chunks: Sequence[Chunk]) -> None:
        """Embed now the sentences answers from this article will read (NEWSBOT_READ_AHEAD=ingest); the article is
        stored already, so a failure here costs only speed later."""
        meta = shown_meta(article)
        hits = [Hit(chunk.id, article.id, chunk.text, meta, 1.0) for chunk in chunks]
        try:
            self.answerer.read_ahead(hits)
        except NewsbotError as exc:
            log.warning("could not read ahead %s (answers will read it when asked): %s", article.meta.source, exc)

    def _embed_all(
        self,
        changed: list[tuple[Article, list[Chunk]]],
        report: IngestReport,
        on_embedded: Callable[[int], None] | None = None,
    ) -> Iterator[tuple[Article, list[Chunk], np.ndarray]]:
        """Embed the chunks of many articles in one call (batching is much faster); if that fails, article by
        article, so one article the model cannot embed does not lose the others."""
        texts = [c.embed_text for _, chunks in changed for c in chunks]
        try:
            vectors = self.embedder.embed_documents(texts)
        except NewsbotError:
            for article, chunks in changed:
                try:
                    vectors = self.embedder.embed_documents([c.embed_text for c in chunks])
                except NewsbotError as exc:
                    log.debug("failed to embed %s: %s", article.source, exc)
                    report.failed.append(Failure(article.source, str(exc)))
                    continue
                if on_embedded:
                    on_embedded(len(chunks))
                yield article, chunks, vectors
            return
        if on_embedded and texts:
            on_embedded(len(texts))
        start = 0
        for article, chunks in changed:
            yield article, chunks, vectors[start : start + len(chunks)]
            start += len(chunks)

    def _prepare(self, article: Article) -> Article:
        cleaned = clean_article(article)
        if not cleaned.text.strip():
            raise SourceError(article.meta.source, "the article has no text after cleaning")
        if not cleaned.meta.language:
            language = detect_language(f"{cleaned.meta.title}\n{cleaned.text}")
            cleaned = replace(cleaned, meta=replace(cleaned.meta, language=language))
        return cleaned

    def delete(self, refs: Sequence[str]) -> int:
        """Delete articles by id, url or source, or all read from a file, folder or feed; returns how many."""
        ids: list[str] = []
        for ref in refs:
            ids.extend(self.store.find_article_ids(ref))
        return self.delete_ids(ids)

    def delete_ids(self, article_ids: Sequence[str]) -> int:
        """Delete the articles of these ids (no lookup by url or source, as `delete` does) with their chunks, and
        what the answerer kept of them (the sentence vectors it read, where their paragraphs split): a deleted article
        leaves nothing behind."""
        for article_id in dict.fromkeys(article_ids):
            try:
                self.answerer.forget(self.store.article_chunks(article_id))
            except NewsbotError as exc:  # the article goes anyway; its sentences' vectors age out of the cache
                log.warning("could not drop the kept sentence vectors of %s: %s", article_id, exc)
        return self.store.delete_articles(article_ids)


def _check(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise IngestCancelled("the ingest was stopped before it finished; what it had stored stays")


def _failure(article: Article, exc: Exception) -> Failure:
    """The report's entry for an article that failed; our errors say what to do, others are named."""
    if isinstance(exc, SourceError):
        return Failure(article.source, exc.reason)
    if isinstance(exc, NewsbotError):
        return Failure(article.source, str(exc))
    log.debug("unexpected error ingesting %s", article.source, exc_info=exc)
    return Failure(article.source, f"could not be ingested ({type(exc).__name__}: {exc}); run with -v for details")


def _dated_at(article: StoredArticle) -> float:
    """When an article counts as published for retention: its publication date, else when it was ingested."""
    published = article.meta.published_ts
    return article.ingested_at if published is None else published
