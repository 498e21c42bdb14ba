"""Loading: sources (files, folders, URLs, feeds) -> Article, with the raw text; cleaning comes later.

`iter_articles(sources)` yields one `Article` per article found and one `SourceError` per input (or row,
line, entry) that failed; it never raises for a bad input, so one bad file never loses the rest.

Sources
    file        read by its extension (case-insensitive), as below
    folder      every supported file below it, recursively, in sorted path order; other files are skipped,
                and so are hidden files and folders (names starting with ".")
    URL         http:// or https://, fetched with httpx (User-Agent "newsbot/0.1", redirects followed,
                at most 10 MB). An RSS/Atom feed (by content type, or by its root element) gives one
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
    Windows-1252; UTF-16 with a BOM is read too. Dates are parsed from ISO-8601, RFC 2822 and other common
    formats (python-dateutil) or Unix timestamps; an unparseable date is dropped, never fatal. Languages
    are reduced to their primary subtag ("de-CH" -> "de") and left "" unless the source states one. For
    URLs the outlet falls back to the host name without "www.".

`Article.source` is the path as given (joined with the relative path for files in a folder) or the URL,
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
from pathlib import Path

import httpx

from index.errors import SourceError, UnsupportedSourceError
from index.loaders.common import CONVERT_HINT, SUPPORTED_EXTENSIONS
from index.loaders.documents import load_html_file, load_markdown_file, load_text_file
from index.loaders.records import CsvColumns, load_csv_file, load_json_file, load_jsonl_file
from index.loaders.web import DEFAULT_HTTP_TIMEOUT_S, WebLoader
from index.models import Article

__all__ = ["SUPPORTED_EXTENSIONS", "CsvColumns", "count_inputs", "iter_articles"]

log = logging.getLogger(__name__)

_URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
LoadResult = Article | SourceError


def iter_articles(
    sources: Sequence[str],
    *,
    csv_columns: CsvColumns | None = None,
    http_timeout: float = DEFAULT_HTTP_TIMEOUT_S,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[Article | SourceError]:
    """Yield one Article per article found, or a SourceError (index.errors) per input that failed.

    Never raises for a bad input: one bad file never loses the rest. `transport` replaces httpx's network
    transport (tests, proxies); it stays open for the caller to close.
    """
    _check_sources(sources)
    columns = csv_columns or CsvColumns()
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
                if web is None:
                    web = WebLoader(timeout=http_timeout, transport=transport)
                    stack.callback(web.close)
                yield from _guarded(source, functools.partial(web.load, source))
            else:
                yield from _guarded(source, functools.partial(_load_local, source, columns))


def count_inputs(sources: Sequence[str]) -> int:
    """How many files and URLs the sources name (folders count their supported files), for a progress bar.

    An estimate of inputs, not of articles: a feed, a .json list or a .csv file counts once.
    """
    _check_sources(sources)
    total = 0
    for raw in sources:
        source = str(raw)
        path = Path(source).expanduser()
        if not _is_url(source) and path.is_dir():
            total += len(_folder_files(path)[0])
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
        log.warning("unexpected error while loading %s", source, exc_info=True)
        yield SourceError(source, f"could not be loaded ({type(exc).__name__}: {exc}): check the input's format")


def _load_local(source: str, columns: CsvColumns) -> Iterator[LoadResult]:
    if not source.strip():
        raise SourceError(repr(source), "is an empty source: give a file, a folder or an http(s) URL")
    path = Path(source).expanduser()
    if path.is_dir():
        yield from _load_folder(path, source, columns)
    elif not path.exists():
        raise SourceError(source, "no such file or folder: check the path")
    else:
        yield from _load_file(path, source, columns)


def _load_folder(folder: Path, source: str, columns: CsvColumns) -> Iterator[LoadResult]:
    files, unreadable = _folder_files(folder)
    for error in unreadable:
        yield SourceError(error.filename or source, f"folder cannot be read ({error.strerror}): check its permissions")
    if not files and not unreadable:
        raise SourceError(
            source, f"folder has no {', '.join(SUPPORTED_EXTENSIONS)} files (hidden files and folders are skipped)"
        )
    for path in files:
        file_source = os.path.join(source, *path.relative_to(folder).parts)
        yield from _guarded(file_source, functools.partial(_load_file, path, file_source, columns))


def _load_file(path: Path, source: str, columns: CsvColumns) -> Iterator[LoadResult]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield load_text_file(path, source)
    elif suffix == ".md":
        yield load_markdown_file(path, source)
    elif suffix in (".html", ".htm"):
        yield load_html_file(path, source)
    elif suffix == ".json":
        yield from load_json_file(path, source)
    elif suffix == ".jsonl":
        yield from load_jsonl_file(path, source)
    elif suffix == ".csv":
        yield from load_csv_file(path, source, columns)
    else:
        kind = f"file type {suffix!r}" if suffix else "file without an extension"
        raise UnsupportedSourceError(source, f"unsupported {kind}: {CONVERT_HINT}")


def _folder_files(folder: Path) -> tuple[list[Path], list[OSError]]:
    """Supported, non-hidden files below `folder` in sorted order, and the sub-folders that could not be read."""
    found: list[Path] = []
    unreadable: list[OSError] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable.append):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found.extend(
            Path(root, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS
        )
    return sorted(found, key=lambda path: path.relative_to(folder).parts), unreadable


def _check_sources(sources: Sequence[str]) -> None:
    if isinstance(sources, (str, bytes)):
        raise TypeError(f"sources must be a list of paths and URLs, not one string: wrap it as [{sources!r}]")


def _is_url(source: str) -> bool:
    return _URL_SCHEME.match(source) is not None
