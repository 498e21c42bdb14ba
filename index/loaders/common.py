"""What every loader shares: reading and decoding bytes, dates, languages, field names, building the Article."""

from __future__ import annotations

import codecs
import email.utils
import re
from datetime import datetime, timezone
from pathlib import Path

from dateutil import parser as dateutil_parser

from index.errors import SourceError
from index.models import Article, ArticleMeta

#: Field names a record (JSON object, front matter) may use for each Article field, matched case-insensitively,
#: first match wins. "publishedat" is NewsAPI's `publishedAt`.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "text": ("text", "body", "content"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site"),
    "published_at": ("published_at", "date", "published", "publishedat"),
    "language": ("language", "lang"),
}

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
CONVERT_HINT = "convert it to .txt, .md, .html, .json, .jsonl or .csv"

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Seconds since 1970 beyond this are taken as milliseconds (JavaScript's Date.now()).
_EPOCH_MILLIS_THRESHOLD = 100_000_000_000
_YEAR = re.compile(r"\d{4}")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def read_bytes(path: Path, source: str) -> bytes:
    """The file's bytes, or a SourceError that says what to check."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(source, "no such file or folder: check the path") from exc
    except PermissionError as exc:
        raise SourceError(source, "permission denied: check the file's permissions") from exc
    except OSError as exc:
        raise SourceError(source, f"cannot be read ({exc.strerror or exc}): check the file") from exc


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else the declared charset, else Windows-1252.

    UTF-16 is read when it starts with a byte-order mark. Line endings come out as "\\n".
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return _normalize_newlines(data.decode("utf-16"))
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
    that "March 5" is not silently placed in the current year. Offsets are kept; naive stays naive.
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > _EPOCH_MILLIS_THRESHOLD else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
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
        return dateutil_parser.parse(text)
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
    empty_hint: str = "add the article text",
) -> Article:
    """An Article with its title on one line and its raw text trimmed at both ends; no text is an error."""
    body = text.strip()
    if not body:
        raise SourceError(source, f"has no article text: {empty_hint}")
    meta = ArticleMeta(
        title=" ".join(title.split()),
        outlet=" ".join(outlet.split()),
        url=url.strip(),
        published_at=published_at,
        language=language,
        source=source,
    )
    return Article(text=body, meta=meta)


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
