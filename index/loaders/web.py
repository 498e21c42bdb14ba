"""Articles from the web: an http(s) URL is an HTML page (one article) or an RSS/Atom feed (one per entry).

Each feed entry's linked page is fetched and extracted like any page; when that fails, the entry's own
title, summary or content stands in, with its link and date. Every download, the first URL, each redirect hop
and each entry's link, passes the egress guard (egress.py: public http(s) addresses only, a wall-clock deadline).
httpx and guard errors are mapped to SourceError here.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import feedparser
import httpx

from index.errors import SourceError, UnsupportedSourceError
from index.loaders.common import author_line, build_article, decode_bytes, normalize_language, parse_date
from index.loaders.documents import html_fragment_text, html_to_article, sniff_html_charset
from index.loaders.egress import (
    DEFAULT_FETCH_DEADLINE_S,
    DeadlineExceeded,
    EgressGuard,
    EgressRefused,
    Network,
    deadline,
    guarded_transport,
    within_deadline,
)
from index.models import Article
from index.text import host_of

log = logging.getLogger(__name__)

USER_AGENT = "newsbot/0.1"
DEFAULT_HTTP_TIMEOUT_S = 20.0
MAX_RESPONSE_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 10
# A feed's entries read at the most, the newest (by their dates; in feed order without): a feed of 100,000 entries
# would otherwise mean as many page downloads.
MAX_FEED_ENTRIES = 200
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
_FIRST_TAG = re.compile(rb"<([a-z][a-z0-9:._-]*)")
_PAGE_HINT = "give the address of an article page or of an RSS/Atom feed"


@dataclass(frozen=True)
class Download:
    """One response: its final URL, content type and body; `status` 304 (Not Modified) comes with no body."""

    url: str  # after redirects
    content_type: str  # media type only, lower-case: "text/html"
    content_type_header: str
    charset: str | None
    body: bytes
    status: int = 200
    etag: str = ""
    last_modified: str = ""

    @property
    def kind(self) -> str:
        """ "feed", "html" or "other", from the content type, else from the document's first element."""
        root = _first_element(self.body)
        if self.content_type in _FEED_TYPES or root in _FEED_ROOTS:
            return "feed"
        if self.content_type in _HTML_TYPES or root == "html" or (not self.content_type and root):
            return "html"
        return "other"


@dataclass(frozen=True)
class FeedDocument:
    """A parsed RSS/Atom feed: its title and language (for entries that name neither), final URL, entries."""

    title: str
    language: str
    url: str
    entries: list[Any]


class WebLoader:
    """Loads http(s) URLs with one shared client: redirects followed hop by hop through the egress guard, a size
    cap, a deadline per download, errors that say what to check.

    A `transport` passed in belongs to the caller and is not closed by `close()`; the guard then checks each
    URL, while where the transport connects is its own business. `network` replaces the system's resolver and
    TCP stack under the guard (tests).
    """

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_HTTP_TIMEOUT_S,
        transport: httpx.BaseTransport | None = None,
        max_bytes: int = MAX_RESPONSE_BYTES,
        allow_private_hosts: bool = False,
        fetch_deadline: float = DEFAULT_FETCH_DEADLINE_S,
        network: Network | None = None,
    ) -> None:
        if timeout <= 0:
            raise ValueError(f"http_timeout must be positive, got {timeout}")
        if max_bytes < 1:
            raise ValueError(f"max_bytes must be at least 1, got {max_bytes}")
        if fetch_deadline <= 0:
            raise ValueError(f"fetch_deadline must be positive, got {fetch_deadline}")
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._deadline = fetch_deadline
        self._guard = EgressGuard(allow_private=allow_private_hosts, network=network)
        self._owns_transport = transport is None
        self._client = httpx.Client(
            transport=transport or guarded_transport(self._guard),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
        )

    def close(self) -> None:
        if self._owns_transport:
            self._client.close()

    def load(self, url: str) -> Iterator[Article | SourceError]:
        """The page's article, or one article (or SourceError) per feed entry."""
        download = self._fetch(url, url)
        kind = download.kind
        if kind == "feed":
            yield from self._feed_articles(download, url)
        elif kind == "html":
            yield self._page_article(download, url)
        else:
            raise UnsupportedSourceError(
                url, f"returned {download.content_type or 'an unknown content type'}, not HTML or a feed: {_PAGE_HINT}"
            )

    def fetch(self, url: str, *, etag: str = "", last_modified: str = "") -> Download:
        """GET `url` through the guard; with `etag` / `last_modified` a conditional GET (If-None-Match /
        If-Modified-Since), where status 304 means nothing changed. Failures raise SourceError."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._fetch(url, url, headers)

    def parse_feed(self, download: Download, source: str) -> FeedDocument:
        """The feed's title, language and entries; SourceError when it is not a readable feed."""
        parsed = feedparser.parse(
            io.BytesIO(download.body),
            response_headers={"content-location": download.url, "content-type": download.content_type_header},
        )
        if not parsed.entries:
            if parsed.bozo:
                raise SourceError(
                    source, f"is not a readable RSS/Atom feed ({parsed.get('bozo_exception')}): check the address"
                )
            raise SourceError(source, "is a feed without entries: there is nothing to load yet")
        entries = list(parsed.entries)
        if len(entries) > MAX_FEED_ENTRIES:
            log.warning("%s has %d entries: reading the newest %d", source, len(entries), MAX_FEED_ENTRIES)
            entries = newest_entries(entries, MAX_FEED_ENTRIES)
        return FeedDocument(
            title=" ".join(str(parsed.feed.get("title", "")).split()),
            language=normalize_language(parsed.feed.get("language", "")),
            url=download.url,
            entries=entries,
        )

    def _page_article(self, download: Download, source: str) -> Article:
        declared = download.charset or sniff_html_charset(download.body)
        return html_to_article(decode_bytes(download.body, source, declared), source, url=download.url)

    def _feed_articles(self, download: Download, source: str) -> Iterator[Article | SourceError]:
        feed = self.parse_feed(download, source)
        for number, entry in enumerate(feed.entries, start=1):
            entry_source = f"{source}#entry {number}"
            try:
                yield self.entry_article(entry, entry_source, feed)
            except SourceError as exc:
                yield exc

    def entry_article(self, entry: Any, source: str, feed: FeedDocument, *, fetch_page: bool = True) -> Article:
        """The linked page's article with the entry's title and date; else (or without `fetch_page`) the entry's
        own text."""
        feed_title, feed_language, feed_url = feed.title, feed.language, feed.url
        link = str(entry.get("link", "")).strip()
        title = " ".join(str(entry.get("title", "")).split())
        published = _entry_date(entry)
        page_problem = "the entry has no link" if fetch_page else "its page was not fetched"
        if fetch_page and link.startswith(("http://", "https://")):
            try:
                download = self._fetch(link, source)
                if download.kind != "html":
                    raise SourceError(source, f"its link returned {download.content_type or 'no content type'}")
                article = self._page_article(download, source)
            except SourceError as exc:
                page_problem = f"its page could not be loaded ({exc.reason})"
                log.info("%s: %s; using the feed's own text", source, page_problem)
            else:
                meta = article.meta
                return replace(
                    article,
                    meta=replace(
                        meta,
                        title=title or meta.title,
                        published_at=published or meta.published_at,
                        language=meta.language or feed_language,
                        author=meta.author or author_line(_entry_authors(entry)),
                    ),
                )
        return build_article(
            source,
            title=title,
            text=entry_text(entry),
            url=link,
            outlet=feed_title or host_of(link or feed_url),
            published_at=published,
            language=normalize_language(entry.get("language", "")) or feed_language,
            author=_entry_authors(entry),
            empty_hint=f"{page_problem}, and the entry has no summary or content of its own",
        )

    def _fetch(self, url: str, source: str, headers: dict[str, str] | None = None) -> Download:
        """The response body, at most `max_bytes` of it, within the deadline; every failure becomes SourceError."""
        try:
            with deadline(self._deadline):
                return self._follow(url, source, headers or {})
        except DeadlineExceeded as exc:
            raise SourceError(
                source,
                f"took longer than the {self._deadline:g} s download deadline (NEWSBOT_FETCH_DEADLINE): the site "
                "is too slow; try again later or raise the deadline",
            ) from exc
        except EgressRefused as exc:
            raise SourceError(source, str(exc)) from exc
        except httpx.TimeoutException as exc:
            raise SourceError(
                source, f"no answer within {self._timeout:g} s: check the address, or raise the HTTP timeout"
            ) from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise SourceError(source, f"is not a valid http(s) URL ({exc}): check the address") from exc
        except httpx.ConnectError as exc:
            raise SourceError(
                source, f"cannot connect ({exc}): check the address and that this machine can reach the site"
            ) from exc
        except httpx.HTTPError as exc:
            raise SourceError(
                source, f"download failed ({type(exc).__name__}: {exc}): check the address and the network"
            ) from exc

    def _follow(self, url: str, source: str, headers: dict[str, str]) -> Download:
        """GET `url`, following redirects one hop at a time, each hop checked by the guard before it is asked."""
        for hop in range(MAX_REDIRECTS + 1):
            try:
                self._guard.check_url(url)
                request = self._client.build_request(
                    "GET", url, headers=headers, timeout=within_deadline(self._timeout)
                )
                response = self._send(request)
            except EgressRefused as exc:
                raise EgressRefused(f"redirects to {url}: {exc}" if hop else str(exc)) from exc
            try:
                if response.next_request is None:
                    return self._download(response, source)
                url = str(response.next_request.url)
            finally:
                response.close()
        raise SourceError(source, "redirects too many times: open it in a browser to see where it leads")

    def _send(self, request: httpx.Request) -> httpx.Response:
        """Send a GET; once more when the server closed the kept-alive connection it went out on before
        answering (servers close idle connections whenever they like, and a GET asked twice does nothing twice;
        the pool then opens a new connection)."""
        try:
            return self._client.send(request, stream=True)
        except httpx.RemoteProtocolError as exc:
            log.debug("%s: %s; asking once more", request.url, exc)
            return self._client.send(request, stream=True)

    def _download(self, response: httpx.Response, source: str) -> Download:
        if response.status_code >= 400:
            raise SourceError(source, _status_message(response.status_code, response.reason_phrase))
        validators = {
            "etag": response.headers.get("etag", ""),
            "last_modified": response.headers.get("last-modified", ""),
        }
        if response.status_code == 304:
            return Download(str(response.url), "", "", None, b"", status=304, **validators)
        declared_size = response.headers.get("content-length", "")
        if declared_size.isdigit() and int(declared_size) > self._max_bytes:
            raise SourceError(source, self._too_large_message())
        body = bytearray()
        for chunk in response.iter_bytes():
            within_deadline(None)  # a transport passed in does not keep the deadline itself
            body += chunk
            if len(body) > self._max_bytes:
                raise SourceError(source, self._too_large_message())
        header = response.headers.get("content-type", "")
        return Download(
            url=str(response.url),
            content_type=header.split(";", 1)[0].strip().lower(),
            content_type_header=header,
            charset=response.charset_encoding,
            body=bytes(body),
            status=response.status_code,
            **validators,
        )

    def _too_large_message(self) -> str:
        return f"is larger than {self._max_bytes // (1024 * 1024)} MB: save the article itself as a file and load that"


def _status_message(status: int, reason: str) -> str:
    if status in (401, 403):
        hint = "the site needs a login or refuses automated downloads; save the page from a browser and load the file"
    elif status == 429:
        hint = "the site limits how often it may be asked; try again later"
    elif status >= 500:
        hint = "the site has a problem of its own; try again later"
    else:
        hint = "check the address"
    return f"the server answered HTTP {status} {reason}".rstrip() + f": {hint}"


def _first_element(body: bytes) -> str:
    """The name of the document's first element ("html", "rss", ...), skipping declarations and comments."""
    match = _FIRST_TAG.search(body[:4096].lower())
    return match.group(1).decode("ascii") if match else ""


def newest_entries(entries: list[Any], n: int) -> list[Any]:
    """The n newest entries in feed order; undated ones count as older than every dated one, and among
    themselves the feed's order (feeds list their newest first) decides."""
    stamps = [(date is not None, date.timestamp() if date else 0.0) for date in map(_entry_date, entries)]
    order = sorted(range(len(entries)), key=lambda i: (*stamps[i], -i), reverse=True)
    return [entries[i] for i in sorted(order[:n])]


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published", "updated", "created"):
        parsed = parse_date(entry.get(key))
        if parsed is not None:
            return parsed
    for key in ("published_parsed", "updated_parsed"):
        moment = entry.get(key)
        if moment:
            return datetime(*moment[:6]).replace(tzinfo=UTC)
    return None


def _entry_authors(entry: Any) -> object:
    """An entry's authors: its author line (RSS's author, dc:creator, Atom's first author), or Atom's several
    authors. RSS writes an e-mail address and the name in brackets ("jane@example.org (Jane Doe)"): the name only
    (feedparser 6 cuts such a name in two), and no address alone."""
    line, authors = entry.get("author"), entry.get("authors") or []
    if isinstance(line, str) and "@" in line:
        named = _NAME_IN_BRACKETS.search(line)
        return named.group(1) if named else ""
    return authors if len(authors) > 1 or not line else line


_NAME_IN_BRACKETS = re.compile(r"\(([^()@]+)\)")


def entry_text(entry: Any) -> str:
    """The entry's fullest text: its longest content block, else its summary, as plain text."""
    contents = [str(block.get("value", "")) for block in entry.get("content", []) or []]
    best = max(contents, key=len, default="") or str(entry.get("summary", ""))
    return html_fragment_text(best)
