"""Feeds newsbot follows itself: a list kept in the data dir, polled on an interval, new entries ingested.

    registry = FeedRegistry(settings.data_dir)        # feeds.json in the data dir, shared by processes
    registry = FeedRegistry(document=shared)          # or in any FeedListDocument (the bot's state, for replicas)
    registry.add("https://example.org/news/feed.xml")
    poller = FeedPoller(newsroom, registry)
    poller.poll_due()                                  # each feed that is due, once; returns what was stored

Polling asks politely and does little when nothing changed:

    conditional GET   the feed's last ETag and Last-Modified go out as If-None-Match / If-Modified-Since;
                      304 Not Modified means nothing to do
    only new entries  entries already seen (by id, else link, else title and text) are skipped, so an
                      unchanged entry's page is never fetched again; an entry whose article failed to be
                      stored is tried once more at the next poll
    teasers           an entry whose own text is shorter than TEASER_CHARS is a teaser: its linked page is
                      fetched and its main text extracted (web.py); a fuller entry is taken as it is
    no date           an entry without a date (and whose page has none) gets the fetch time as its date,
                      marked `published_is_fetch_time`
    back-off          a feed that fails waits `interval x 2^failures` (at most `max_backoff_s`) before its next
                      try; its error and failure count are kept for `newsbot feeds list` and /stats; the other
                      feeds are polled as usual

Every download goes through the web loader and so through the egress guard (loaders/egress.py). A feed is
claimed before it is fetched (its next poll moved one interval ahead, under the file's lock), so the bot and a
`newsbot watch` on the same data dir do not fetch it twice.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from index import jsonfile
from index.answerers.headlines import on_topic
from index.errors import FeedError, NewsbotError, SourceError
from index.ingestion import Failure, IngestReport
from index.loaders.web import FeedDocument, WebLoader, entry_text
from index.models import Article, Hit, content_hash
from index.newsroom import Newsroom

log = logging.getLogger(__name__)

FEEDS_FILE = "feeds.json"
#: an entry's own text shorter than this (in characters) is a teaser, and its linked page is read instead
TEASER_CHARS = 600
#: entry keys remembered per feed; feeds show their newest 10-100 entries, so this spans many polls
SEEN_KEPT = 2000
MAX_ERROR_CHARS = 300

Outcome = Literal["stored", "not modified", "nothing new", "failed"]


@dataclass
class Feed:
    """A followed feed and what polling it has learnt (times are seconds since 1970)."""

    url: str
    added_at: float = 0.0
    etag: str = ""
    last_modified: str = ""
    checked_at: float = 0.0
    ok_at: float = 0.0
    next_at: float = 0.0
    failures: int = 0
    error: str = ""
    articles: int = 0
    seen: list[str] = field(default_factory=list)
    retrying: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Feed:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in value.items() if k in known})

    def to_dict(self) -> dict[str, object]:
        """The public view (`newsbot feeds list --json`): everything but the remembered entry keys."""
        return {k: v for k, v in asdict(self).items() if k not in ("seen", "retrying")}

    def status(self, now: float) -> str:
        """One line: when it was last read, or how it fails and when it is tried again."""
        if self.failures:
            wait = max(0.0, self.next_at - now)
            return (
                f"failing ({self.failures} time{'s' if self.failures != 1 else ''} in a row, next try in "
                f"{_duration(wait)}): {self.error}"
            )
        if not self.checked_at:
            return "not read yet"
        return f"ok, read {_duration(max(0.0, now - self.ok_at))} ago, {self.articles} articles"


class FeedListDocument(Protocol):
    """Where the list of followed feeds is kept: one JSON object, read whole, changed whole under a lock that
    every process using it respects."""

    def read(self) -> dict[str, Any]: ...

    def locked(self) -> AbstractContextManager[dict[str, Any]]:
        """The object, to change in place: written back when the block ends, not at all when it raises."""
        ...


@dataclass(frozen=True)
class JsonFileDocument:
    """A JSON file, locked for the processes of one host (jsonfile.py): `feeds.json` in the data dir."""

    path: Path

    def read(self) -> dict[str, Any]:
        return jsonfile.read(self.path)

    def locked(self) -> AbstractContextManager[dict[str, Any]]:
        return jsonfile.locked(self.path)


class FeedRegistry:
    """The followed feeds, in `feeds.json` in the data dir or in another `document`; every change is made under
    the document's lock."""

    def __init__(self, data_dir: Path | None = None, *, document: FeedListDocument | None = None) -> None:
        if document is None:
            if data_dir is None:
                raise ValueError("a FeedRegistry needs a data dir or a document")
            document = JsonFileDocument(Path(data_dir) / FEEDS_FILE)
        self.document = document

    def feeds(self) -> list[Feed]:
        return [Feed.from_json(value) for value in self.document.read().get("feeds", [])]

    def get(self, url: str) -> Feed | None:
        url = normalize_feed_url(url)
        return next((feed for feed in self.feeds() if feed.url == url), None)

    def add(self, url: str, *, now: float | None = None) -> Feed:
        """Follow a feed (due at once); FeedError when the URL is not http(s) or already followed."""
        url = normalize_feed_url(url)
        with self.document.locked() as data:
            feeds = data.setdefault("feeds", [])
            if any(value.get("url") == url for value in feeds):
                raise FeedError(f"{url} is already followed: `newsbot feeds list` shows it")
            feed = Feed(url=url, added_at=time.time() if now is None else now)
            feeds.append(asdict(feed))
        return feed

    def remove(self, url: str) -> bool:
        """Stop following a feed (its articles stay in the index); False when it was not followed."""
        url = normalize_feed_url(url)
        with self.document.locked() as data:
            feeds = data.get("feeds", [])
            kept = [value for value in feeds if value.get("url") != url]
            data["feeds"] = kept
        return len(kept) != len(feeds)

    def claim_due(self, now: float, lease_s: float) -> list[Feed]:
        """The feeds due at `now`, each moved `lease_s` ahead so that another poller leaves them alone."""
        claimed: list[Feed] = []
        with self.document.locked() as data:
            for value in data.get("feeds", []):
                feed = Feed.from_json(value)
                if feed.next_at <= now:
                    value["next_at"] = now + lease_s
                    claimed.append(feed)
        return claimed

    def update(self, url: str, change: Callable[[Feed], Feed]) -> None:
        """Apply `change` to the feed's current record (if it is still followed)."""
        with self.document.locked() as data:
            feeds = data.get("feeds", [])
            for number, value in enumerate(feeds):
                if value.get("url") == url:
                    feeds[number] = asdict(change(Feed.from_json(value)))


def normalize_feed_url(url: str) -> str:
    """The URL as followed: trimmed, an http(s) address with a host; FeedError otherwise."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FeedError(f"{url!r} is not an http(s) address: give the feed's URL, e.g. https://example.org/feed.xml")
    return url


@dataclass(frozen=True)
class FeedResult:
    """What one poll of one feed did."""

    url: str
    outcome: Outcome
    report: IngestReport = field(default_factory=IngestReport)
    error: str = ""


@dataclass(frozen=True)
class PollReport:
    results: list[FeedResult] = field(default_factory=list)

    @property
    def stored_ids(self) -> list[str]:
        """Articles added or updated by this poll, for followers of topics."""
        return [article_id for result in self.results for article_id in result.report.stored_ids]


class FeedPoller:
    """Polls the registry's feeds into the Newsroom. Blocking (downloads, embedding): async callers use a thread.

    `clock` (seconds since 1970) decides what is due and when a failing feed is tried again; tests pass a fake one.
    `loader` replaces the web loader built from the settings (its guard, deadline, private-host rule).
    """

    def __init__(
        self,
        newsroom: Newsroom,
        registry: FeedRegistry,
        *,
        interval_s: float | None = None,
        max_backoff_s: float | None = None,
        clock: Callable[[], float] = time.time,
        loader: WebLoader | None = None,
    ) -> None:
        settings = newsroom.settings
        self.interval_s = interval_s or settings.feeds_poll_interval
        self.max_backoff_s = max(max_backoff_s or settings.feeds_max_backoff, self.interval_s)
        if self.interval_s <= 0:
            raise ValueError(f"interval_s must be positive, got {self.interval_s}")
        self.newsroom = newsroom
        self.registry = registry
        self.clock = clock
        self._loader = loader
        self._owns_loader = loader is None
        self._lock = threading.Lock()

    @property
    def loader(self) -> WebLoader:
        with self._lock:  # two polls may start at once (the bot's tick and a /feed_add)
            if self._loader is None:
                settings = self.newsroom.settings
                self._loader = WebLoader(
                    allow_private_hosts=settings.allow_private_hosts, fetch_deadline=settings.fetch_deadline
                )
            return self._loader

    def close(self) -> None:
        """Close the web loader this poller made (a loader passed in belongs to the caller)."""
        with self._lock:
            if self._loader is not None and self._owns_loader:
                self._loader.close()
                self._loader = None

    def poll_due(self, stop: Callable[[], bool] | None = None) -> PollReport:
        """Poll every feed that is due, one after another; a failing feed never stops the others. When `stop()`
        turns true (the bot is stopping), the feeds not yet read are handed back, due as they were."""
        now = self.clock()
        report = PollReport()
        for feed in self.registry.claim_due(now, self.interval_s):
            if stop is not None and stop():
                self.registry.update(feed.url, _due_at(feed.next_at))
                continue
            report.results.append(self._poll(feed))
        return report

    def _poll(self, feed: Feed) -> FeedResult:
        now = self.clock()
        try:
            result = self._read(feed, now)
        except Exception as exc:  # noqa: BLE001 - one feed's failure, whatever it is, must not stop the others
            return self._failed(feed, now, exc)
        log.info("feed %s: %s %s", feed.url, result.outcome, result.report.to_dict())
        return result

    def _read(self, feed: Feed, now: float) -> FeedResult:
        download = self.loader.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if download.status == 304:
            self.registry.update(feed.url, lambda f: self._succeeded(f, now))
            return FeedResult(feed.url, "not modified")
        if download.kind != "feed":
            raise SourceError(
                feed.url,
                f"returned {download.content_type or 'no content type'}, not an RSS/Atom feed: give the "
                "feed's own address (often linked as RSS on the site)",
            )
        document = self.loader.parse_feed(download, feed.url)
        seen = set(feed.seen)
        fresh = [(key, entry) for entry in document.entries if (key := entry_key(entry)) not in seen]
        report = IngestReport()
        keys_of: dict[str, str] = {}  # article source -> entry key
        articles: list[Article] = []
        for key, entry in fresh:
            article = self._article(key, entry, document, now, report)
            if article is not None:
                keys_of[article.source] = key
                articles.append(article)
        unreadable = len(report.failed)
        self.newsroom.ingest_articles(articles, report=report)
        # An entry whose article could not be chunked, embedded or stored is tried once more at the next poll (the
        # feed is then fetched without its validators, so a 304 does not hide it); an entry without text is not.
        failed = {keys_of[f.source] for f in report.failed[unreadable:] if f.source in keys_of}
        retry = failed - set(feed.retrying)
        keys = [key for key, _ in fresh if key not in retry]

        def _done(current: Feed) -> Feed:
            return replace(
                self._succeeded(current, now),
                etag="" if retry else download.etag,
                last_modified="" if retry else download.last_modified,
                retrying=sorted(retry),
                seen=(current.seen + [k for k in keys if k not in current.seen])[-SEEN_KEPT:],
                articles=current.articles + report.added,
            )

        self.registry.update(feed.url, _done)
        return FeedResult(feed.url, "stored" if report.stored_ids else "nothing new", report)

    def _article(
        self, key: str, entry: Any, document: FeedDocument, now: float, report: IngestReport
    ) -> Article | None:
        source = f"{document.url}#entry {content_hash(key)[:12]}"
        teaser = len(entry_text(entry)) < TEASER_CHARS
        try:
            article = self.loader.entry_article(entry, source, document, fetch_page=teaser)
        except SourceError as exc:
            report.failed.append(Failure(exc.source, exc.reason))
            return None
        if article.meta.published_at is not None:
            return article
        fetched = datetime.fromtimestamp(now, UTC).replace(microsecond=0)
        return replace(article, meta=replace(article.meta, published_at=fetched, published_is_fetch_time=True))

    def _succeeded(self, feed: Feed, now: float) -> Feed:
        return replace(feed, checked_at=now, ok_at=now, next_at=now + self.interval_s, failures=0, error="")

    def _failed(self, feed: Feed, now: float, error: Exception) -> FeedResult:
        if isinstance(error, SourceError):
            reason = error.reason
        elif isinstance(error, NewsbotError):
            reason = str(error)
        else:
            log.error("polling %s failed", feed.url, exc_info=error)
            reason = f"{type(error).__name__}: {error}"
        reason = reason if len(reason) <= MAX_ERROR_CHARS else reason[: MAX_ERROR_CHARS - 1] + "…"

        def _change(current: Feed) -> Feed:
            failures = current.failures + 1
            wait = self.backoff(failures)
            return replace(current, checked_at=now, next_at=now + wait, failures=failures, error=reason)

        self.registry.update(feed.url, _change)
        log.warning("feed %s failed (%s): %s", feed.url, _duration(self.backoff(feed.failures + 1)), reason)
        return FeedResult(feed.url, "failed", error=reason)

    def backoff(self, failures: int) -> float:
        """Seconds a feed that failed `failures` times in a row waits: the interval doubled each time, capped."""
        return float(min(self.interval_s * 2 ** min(failures, 32), self.max_backoff_s))


def _due_at(moment: float) -> Callable[[Feed], Feed]:
    def _change(feed: Feed) -> Feed:
        return replace(feed, next_at=moment)

    return _change


def entry_key(entry: Any) -> str:
    """What identifies a feed entry across polls: its id (guid), else its link, else a hash of its title and text."""
    for name in ("id", "link"):
        value = str(entry.get(name, "") or "").strip()
        if value:
            return value
    return "hash:" + content_hash(str(entry.get("title", "")), entry_text(entry))


def topic_hits(newsroom: Newsroom, topic: str, article_ids: Sequence[str]) -> list[Hit]:
    """Of the given articles, those about `topic`, best first: an article matches when one of its chunks is as
    similar to the topic as an answer's sources must be to a question (the embedder's calibrated min_relevance,
    or NEWSBOT_MIN_RELEVANCE) and it names the topic, as written or in another language, as an article a topic's
    list shows must (`on_topic`): a followed "Nordkorea" matched a fifth of the play store's articles by similarity
    alone. A description no new article names matches none (a list falls back to the closest articles; a digest
    has no closest to fall back to)."""
    topic = " ".join(topic.split())
    if not topic or not article_ids:
        return []
    vector = newsroom.embedder.embed_query(topic)
    threshold = newsroom.gate.min_relevance
    similar = [hit for hit in newsroom.store.best_hits(article_ids, vector) if hit.score >= threshold]
    step = newsroom.answer_from_hits
    return on_topic(topic, similar, step.renderings, math.inf, step.article_text) if similar else []


def span_in_units(seconds: float) -> tuple[float, str]:
    """A span of time in the unit a feed's status names it in: seconds below 90, minutes below 90, hours below 48,
    else days ("s", "min", "h", "days"); the log's `Feed.status` and the bot's status lines (bot/telegram/feeds.py)
    switch units alike."""
    if seconds < 90:
        return seconds, "s"
    if seconds < 90 * 60:
        return seconds / 60, "min"
    if seconds < 48 * 3600:
        return seconds / 3600, "h"
    return seconds / 86400, "days"


def _duration(seconds: float) -> str:
    value, unit = span_in_units(seconds)
    return f"{value:.1f} {unit}" if unit in ("h", "days") else f"{value:.0f} {unit}"
