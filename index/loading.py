"""Loading: sources (files, folders, URLs, feeds) -> Article, with the raw text; cleaning comes later.

`iter_articles(sources)` yields one `Article` per article found and one `SourceError` per input (or row,
line, entry) that failed; it never raises for a bad input, so one bad file never loses the rest.

Sources
    file        read by its extension (case-insensitive), as below; only regular files, at most
                `LoadOptions.max_file_bytes` (NEWSBOT_MAX_INPUT_MB, checked before reading; loaders/files.py)
    folder      every supported file below it, recursively, in sorted path order; other files are skipped,
                and so are hidden files and folders (names starting with "."). Symlinks leading outside the
                folder are refused unless `follow_symlinks`.
    URL         http:// or https://, fetched with httpx (User-Agent "newsbot/0.1", up to 10 redirects,
                at most 10 MB, within `fetch_deadline` seconds per download). Only public addresses, checked
                on every redirect hop and on the address connected to (loaders/egress.py), unless
                `allow_private_hosts`. An RSS/Atom feed (by content type, or by its root element) gives one
                article per entry: the entry's linked page is fetched and extracted, and if that fails the
                entry's own summary/content stands in. Any other page is extracted as HTML, url = final URL.

Formats
    .txt        the first non-empty line is the title, the rest is the text (a line of only "---" or other
                punctuation is passed over). Optional front matter at the very top: a "---" line,
                "key: value" lines, a closing "---" line. Keys, case-insensitive: title, outlet (or
                source, site), url (or link), published_at (or date, published), language (or lang);
                other keys (tags, layout, ...) are ignored.
    .md         the same front matter; title from it, else the first "# " heading, else the first line.
                Markdown is lightly stripped: heading/quote markers, emphasis, code ticks; links and
                images keep their text.
    .html .htm  the main text as trafilatura extracts it (menus, footers, comments left out); title, date,
                site name, canonical URL from the page's metadata (title falls back to <title>), language
                from <html lang>.
    .json       one object, or a list of objects (sources "file.json#entry N", counted from 1).
    .jsonl      one object per line (sources "file.jsonl:line N"); blank lines are skipped.
                Object fields, case-insensitive, first match wins: title; text | body | content (a string,
                or a list of paragraphs); url | link; outlet | source | site (NewsAPI's
                {"name": ...} works); published_at | date | published | publishedAt; language | lang.
    .csv        one article per row (sources "file.csv:row N", counted like a spreadsheet: the header is
                row 1). Columns are mapped by `CsvColumns`; by default the header names title, text, url,
                outlet, published_at, language. Only text is required; a row without text is an error.

CSV mapping (`CsvColumns`, or `CsvColumns.parse("title=headline,text=body,url=link,delimiter=;")`)
    keys        title, text, url, outlet, published_at, language: a header name (exact, else ignoring
                case) or a 1-based column number; an empty value means "no such column".
                delimiter (default ","; or by name: comma, semicolon, tab, pipe, space), quotechar
                (default '"'), header (true/false; without a header, columns must be numbers).

Values
    Text is decoded as UTF-8 (a BOM is fine), else as the charset an HTML page declares, else as
    Windows-1252; UTF-16 is read too (with a BOM, or Latin-script text without one). Lone surrogates
    (from JSON escapes) become U+FFFD. Dates are parsed from ISO-8601, RFC 2822 and other common
    formats (python-dateutil) or Unix timestamps; an unparseable date is dropped, never fatal. Languages
    are reduced to their primary subtag ("de-CH" -> "de") and left "" unless the source states one. For
    URLs the outlet falls back to the host name without "www.".

`Article.source` is the path as given (joined with the relative path for files in a folder; bytes of a file
name that are not UTF-8 shown as \\xNN) or the URL,
plus the "#entry N" / ":line N" / ":row N" suffix for files and feeds that hold several articles, so that
articles without a URL still get distinct, stable ids.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from index.errors import SourceError, UnsupportedSourceError
from index.loaders.common import CONVERT_HINT, SUPPORTED_EXTENSIONS
from index.loaders.documents import READERS
from index.loaders.egress import DEFAULT_FETCH_DEADLINE_S, Network
from index.loaders.files import DEFAULT_MAX_INPUT_MB, MB, folder_files, printable, read_file
from index.loaders.records import CsvColumns, read_csv, read_json, read_jsonl
from index.loaders.web import DEFAULT_HTTP_TIMEOUT_S, WebLoader
from index.models import Article

if TYPE_CHECKING:
    from index.settings import IndexSettings

__all__ = ["SUPPORTED_EXTENSIONS", "CsvColumns", "LoadOptions", "count_inputs", "iter_articles"]

log = logging.getLogger(__name__)

_URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
LoadResult = Article | SourceError
_RECORD_READERS = {".json": read_json, ".jsonl": read_jsonl}


@dataclass(frozen=True)
class LoadOptions:
    """What one input may cost and reach (the settings of the same names)."""

    max_file_bytes: int = int(DEFAULT_MAX_INPUT_MB * MB)
    follow_symlinks: bool = False
    allow_private_hosts: bool = False
    fetch_deadline: float = DEFAULT_FETCH_DEADLINE_S

    def __post_init__(self) -> None:
        if self.max_file_bytes < 1 or self.fetch_deadline <= 0:
            raise ValueError(f"max_file_bytes and fetch_deadline must be positive: {self}")

    @classmethod
    def from_settings(cls, settings: IndexSettings, *, follow_symlinks: bool | None = None) -> LoadOptions:
        """The settings' limits; `follow_symlinks` (a command-line flag) overrides the setting when given."""
        return cls(
            max_file_bytes=int(settings.max_input_mb * MB),
            follow_symlinks=settings.follow_symlinks if follow_symlinks is None else follow_symlinks,
            allow_private_hosts=settings.allow_private_hosts,
            fetch_deadline=settings.fetch_deadline,
        )


def iter_articles(
    sources: Sequence[str],
    *,
    csv_columns: CsvColumns | None = None,
    options: LoadOptions | None = None,
    http_timeout: float = DEFAULT_HTTP_TIMEOUT_S,
    transport: httpx.BaseTransport | None = None,
    network: Network | None = None,
) -> Iterator[Article | SourceError]:
    """Yield one Article per article found, or a SourceError (index.errors) per input that failed.

    Never raises for a bad input: one bad file never loses the rest. `transport` replaces httpx's network
    transport (proxies); it stays open for the caller to close, and the egress guard then checks URLs but not
    where the transport connects. `network` replaces the resolver and TCP stack under the guard (tests).
    """
    _check_sources(sources)
    columns = csv_columns or CsvColumns()
    options = options or LoadOptions()
    with contextlib.ExitStack() as stack:
        web: WebLoader | None = None
        for raw in sources:
            source = str(raw)
            if _is_url(source) and not source.lower().startswith(("http://", "https://")):
                scheme = source.split("://", 1)[0]
                yield UnsupportedSourceError(
                    source, f"{scheme}:// is not supported: use an http(s) URL, or download the file and give its path"
                )
            elif _is_url(source):
                source = printable(source)
                if web is None:
                    web = WebLoader(
                        timeout=http_timeout,
                        transport=transport,
                        allow_private_hosts=options.allow_private_hosts,
                        fetch_deadline=options.fetch_deadline,
                        network=network,
                    )
                    stack.callback(web.close)
                yield from _guarded(source, functools.partial(web.load, source))
            else:
                yield from _guarded(printable(source), functools.partial(_load_local, source, columns, options))


def count_inputs(sources: Sequence[str], *, follow_symlinks: bool = False) -> int:
    """How many files and URLs the sources name (folders count their supported files), for a progress bar.

    An estimate of inputs, not of articles: a feed, a .json list or a .csv file counts once.
    """
    _check_sources(sources)
    total = 0
    for raw in sources:
        source = str(raw)
        path = Path(source).expanduser()
        if not _is_url(source) and path.is_dir():
            total += len(folder_files(path, follow_symlinks=follow_symlinks)[0])
        else:
            total += 1
    return total


def _guarded(source: str, load: Callable[[], Iterable[LoadResult]]) -> Iterator[LoadResult]:
    """The results of loading one input; whatever goes wrong becomes a SourceError for that input."""
    try:
        yield from load()
    except SourceError as exc:
        yield exc
    except Exception as exc:  # a parser failing on one odd input must not stop the others
        log.debug("unexpected error while loading %s", source, exc_info=True)
        yield SourceError(source, f"could not be loaded ({type(exc).__name__}: {exc}): check the input's format")


def _load_local(raw: str, columns: CsvColumns, options: LoadOptions) -> Iterator[LoadResult]:
    source = printable(raw)
    if not raw.strip():
        raise SourceError(repr(raw), "is an empty source: give a file, a folder or an http(s) URL")
    path = Path(raw).expanduser()
    if path.is_dir():
        yield from _load_folder(path, source, columns, options)
    elif not path.exists() and not path.is_symlink():
        raise SourceError(source, "no such file or folder: check the path")
    else:
        yield from _load_file(path, source, columns, options)


def _load_folder(folder: Path, source: str, columns: CsvColumns, options: LoadOptions) -> Iterator[LoadResult]:
    files, refused = folder_files(folder, follow_symlinks=options.follow_symlinks)
    for path, reason in refused:
        yield SourceError(_file_source(source, folder, path), reason)
    if not files and not refused:
        raise SourceError(
            source, f"folder has no {', '.join(SUPPORTED_EXTENSIONS)} files (hidden files and folders are skipped)"
        )
    for path in files:
        file_source = _file_source(source, folder, path)
        yield from _guarded(file_source, functools.partial(_load_file, path, file_source, columns, options))


def _load_file(path: Path, source: str, columns: CsvColumns, options: LoadOptions) -> Iterator[LoadResult]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        kind = f"file type {printable(suffix)!r}" if suffix else "file without an extension"
        raise UnsupportedSourceError(source, f"unsupported {kind}: {CONVERT_HINT}")
    data = read_file(path, source, options.max_file_bytes)
    if suffix in READERS:
        yield READERS[suffix](data, source)
    elif suffix in _RECORD_READERS:
        yield from _RECORD_READERS[suffix](data, source)
    else:
        yield from read_csv(data, source, columns)


def _file_source(source: str, folder: Path, path: Path) -> str:
    """The source name of a file in a folder: the folder as given, joined with the file's relative path."""
    return os.path.join(source, *(printable(part) for part in path.relative_to(folder).parts))


def _check_sources(sources: Sequence[str]) -> None:
    if isinstance(sources, (str, bytes)):
        raise TypeError(f"sources must be a list of paths and URLs, not one string: wrap it as [{sources!r}]")


def _is_url(source: str) -> bool:
    return _URL_SCHEME.match(source) is not None
