"""What every loader shares: decoding bytes, dates, languages, field names, building the Article."""

from __future__ import annotations

import codecs
import email.utils
import re
from datetime import UTC, datetime

from dateutil import parser as dateutil_parser

from index.errors import SourceError
from index.models import Article, ArticleMeta
from index.text import shorten

#: Field names a record (JSON object, front matter) may use for each Article field, matched case-insensitively,
#: first match wins. "publishedat" is NewsAPI's `publishedAt`.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "text": ("text", "body", "content"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site"),
    "published_at": ("published_at", "date", "published", "publishedat"),
    "language": ("language", "lang"),
    "author": ("author", "authors", "byline", "creator"),
}

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
CONVERT_HINT = "convert it to .txt, .md, .html, .json, .jsonl or .csv"

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# What a binary file saved under a text extension starts with, and what to do about it.
_BINARY_SIGNATURES = (
    (b"\x1f\x8b", "gzip-compressed data, not text: unpack it (gunzip) and load what comes out"),
    (b"PK\x03\x04", f"a ZIP archive (or an Office document), not text: unpack it or {CONVERT_HINT}"),
    (b"%PDF", f"a PDF document, not text: {CONVERT_HINT}"),
    (b"\x89PNG", "a PNG image, not text: newsbot reads articles, not images"),
    (b"\xff\xd8\xff", "a JPEG image, not text: newsbot reads articles, not images"),
    (b"GIF8", "a GIF image, not text: newsbot reads articles, not images"),
)
# UTF-16 without a byte-order mark: most text in Latin script has a NUL in every other byte.
_UTF16_SAMPLE_BYTES = 4096
_UTF16_NUL_SHARE = 0.3
_SURROGATE = re.compile("[\ud800-\udfff]")
# A title is embedded with every chunk of its article: a first line of a megabyte is cut to a title's length.
MAX_TITLE_CHARS = 300
#: an author line longer than this is cut (a page's byline field holding a paragraph)
MAX_AUTHOR_CHARS = 200
# Seconds since 1970 beyond this are taken as milliseconds (JavaScript's Date.now()).
_EPOCH_MILLIS_THRESHOLD = 100_000_000_000
_YEAR = re.compile(r"\d{4}")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else the declared charset, else Windows-1252.

    UTF-16 is read when it starts with a byte-order mark, or when every other byte is NUL (Latin-script
    UTF-16 without one). Known binary formats (gzip, ZIP, PDF, images) are named. Line endings come out as "\\n".
    """
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise SourceError(source, f"is {what}")
    utf16 = "utf-16" if data.startswith(_UTF16_BOMS) else _utf16_without_bom(data)
    if utf16:
        try:
            return _normalize_newlines(data.decode(utf16))
        except UnicodeDecodeError as exc:
            raise SourceError(source, "starts like UTF-16 but is not valid UTF-16: re-save it as UTF-8") from exc
    if b"\x00" in data:
        raise SourceError(source, f"contains NUL bytes, so it is binary data, not text: {CONVERT_HINT}")
    encodings = ["utf-8-sig"]
    if declared and _known_codec(declared):
        encodings.append(declared)
    encodings.append("cp1252")
    for encoding in encodings:
        try:
            return _normalize_newlines(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise SourceError(
        source,
        "is neither UTF-8 nor Windows-1252 text: re-save it as UTF-8 (e.g. iconv -f <its encoding> -t UTF-8)",
    )


def parse_date(value: object) -> datetime | None:
    """A datetime from ISO-8601, RFC 2822 (feeds, e-mail), other common formats, or a Unix timestamp.

    Unparseable values give None: a bad date never costs the article. A string needs a four-digit year, so
    that "March 5" is not silently placed in the current year. Offsets are kept; naive stays naive. A date
    that has no Unix timestamp (year 1, naive, in local time) is dropped too, since the store sorts by it.
    """
    parsed = _parse_date(value)
    if parsed is not None:
        try:
            parsed.timestamp()
        except (OverflowError, OSError, ValueError):
            return None
    return parsed


def _parse_date(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > _EPOCH_MILLIS_THRESHOLD else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not _YEAR.search(value):
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed: datetime = dateutil_parser.parse(text)
        return parsed
    except (ValueError, OverflowError):
        return None


def normalize_language(value: object) -> str:
    """The primary language subtag, lower-case ("de-CH" -> "de", "en_US" -> "en"); "" when not a language."""
    if not isinstance(value, str):
        return ""
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return primary if _LANGUAGE.fullmatch(primary) else ""


def build_article(
    source: str,
    *,
    title: str,
    text: str,
    url: str = "",
    outlet: str = "",
    published_at: datetime | None = None,
    language: str = "",
    author: object = None,
    empty_hint: str = "add the article text",
) -> Article:
    """An Article with its title on one line (cut to MAX_TITLE_CHARS) and its raw text trimmed at both ends, lone
    surrogates replaced; no text is an error."""
    body = _without_surrogates(text.strip())
    if not body:
        raise SourceError(source, f"has no article text: {empty_hint}")
    meta = ArticleMeta(
        title=_without_surrogates(shorten(title[: MAX_TITLE_CHARS * 4], MAX_TITLE_CHARS)),
        outlet=_without_surrogates(" ".join(outlet.split())),
        url=_without_surrogates(url.strip()),
        published_at=published_at,
        language=language,
        source=source,
        author=_without_surrogates(author_line(author)),
    )
    return Article(text=body, meta=meta)


def author_line(value: object) -> str:
    """Who wrote an article, on one line: a name as given ("By Jane Doe" -> "Jane Doe"), or several (a list, of
    names or of objects with a "name" as NewsAPI, JSON Feed and feedparser give them) joined with ", "; "" for
    anything else. A byline is no reason to refuse an article, so a strange one is left out."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, (list, tuple)):
        names = [author_line(item) for item in value]
        value = ", ".join(dict.fromkeys(name for name in names if name))
    if not isinstance(value, str):
        return ""
    line = _BY.sub("", " ".join(value.split()))
    return shorten(line, MAX_AUTHOR_CHARS) if line.strip(" ,;") else ""


_BY = re.compile(r"^(?:by|von|text:|autor(?:in)?:?)\s+", re.IGNORECASE)


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when NULs fill the high bytes of the text's characters, else None."""
    sample = data[:_UTF16_SAMPLE_BYTES]
    if len(sample) < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0) / (len(sample) // 2), sample[1::2].count(0) / (len(sample) // 2)
    if odd >= _UTF16_NUL_SHARE and even == 0:
        return "utf-16-le"
    if even >= _UTF16_NUL_SHARE and odd == 0:
        return "utf-16-be"
    return None


def _without_surrogates(text: str) -> str:
    """Lone surrogates (JSON's "\\ud83d" without its pair) cannot be encoded or stored: U+FFFD stands in."""
    return _SURROGATE.sub("\ufffd", text)


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
