"""Many articles per file: JSON (.json), JSON Lines (.jsonl) and CSV (.csv, columns mapped by `CsvColumns`).

A bad record costs only itself: it comes out as a SourceError naming the file and the entry, line or row,
and the records after it still load.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields

from index.errors import SourceError
from index.loaders.common import (
    FIELD_ALIASES,
    build_article,
    decode_bytes,
    normalize_language,
    parse_date,
)
from index.models import Article

log = logging.getLogger(__name__)

ARTICLE_FIELDS = ("title", "text", "url", "outlet", "published_at", "language", "author")
# A CSV whose first rows all hold a single word in the text column was most likely mapped to the wrong column
# (10kGNAD's `label;text` read with text=1): the first rows up to this many are looked at.
ONE_WORD_SAMPLE_ROWS = 20
# A header cell is a name: one longer than this, or of more words, is taken for data.
HEADER_CELL_MAX_CHARS = 60
HEADER_CELL_MAX_WORDS = 6
_KNOWN_HEADER_NAMES = {alias for aliases in FIELD_ALIASES.values() for alias in aliases}
_TOO_DEEP = "nests its JSON too deeply to be read: an article is one object of strings"
_TEXT_FIELD_NAMES = "'text', 'body' or 'content'"
_DELIMITER_NAMES = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|", "space": " "}
_BOOLEANS = {"true": True, "yes": True, "1": True, "on": True, "false": False, "no": False, "0": False, "off": False}
# Article texts can exceed the csv module's default 128 KiB per field.
_CSV_FIELD_LIMIT = 16 * 1024 * 1024

RecordResult = Article | SourceError


@dataclass(frozen=True)
class CsvColumns:
    """Which CSV column holds which Article field, and how the file is delimited.

    Columns are header names (matched exactly, else ignoring case), or 1-based column numbers ("3" is the
    third column), which a file without a header row must use. An empty name means "no such column". Only
    `text` is required; a renamed column that the header lacks is an error, a default one is simply absent.
    """

    title: str = "title"
    text: str = "text"
    url: str = "url"
    outlet: str = "outlet"
    published_at: str = "published_at"
    language: str = "language"
    author: str = "author"
    delimiter: str = ","
    quotechar: str = '"'
    header: bool = True

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("the text column cannot be empty: name it, e.g. 'text=body'")
        for name in ("delimiter", "quotechar"):
            value = getattr(self, name)
            if len(value) != 1:
                raise ValueError(f"{name} must be one character, got {value!r}")
        if self.delimiter == self.quotechar:
            raise ValueError(f"delimiter and quotechar are both {self.delimiter!r}: they must differ")

    @classmethod
    def parse(cls, spec: str) -> CsvColumns:
        """Columns from a CLI string like "title=headline,text=body,url=link,delimiter=;".

        Keys are the field names of this class. A delimiter that is a comma or a tab is written by name:
        delimiter=comma|semicolon|tab|pipe|space. header takes true/false (also yes/no, 1/0, on/off).
        A bad spec raises ValueError naming the bad part and the valid keys.
        """
        names = [field.name for field in fields(cls)]
        valid = f"valid keys: {', '.join(names)}"
        values: dict[str, str | bool] = {}
        for part in (part.strip() for part in spec.split(",")):
            if not part:
                continue
            key, separator, raw = part.partition("=")
            key = key.strip().lower()
            try:
                if not separator:
                    raise ValueError("expected key=value")
                if key not in names:
                    raise ValueError(f"unknown key {key!r}")
                if key in values:
                    raise ValueError(f"{key!r} is given twice")
                values[key] = _parse_spec_value(key, raw)
            except ValueError as exc:
                raise ValueError(f"bad CSV column spec part {part!r}: {exc}; {valid}") from None
        try:
            return cls(**values)  # type: ignore[arg-type]
        except ValueError as exc:
            raise ValueError(f"bad CSV column spec {spec!r}: {exc}; {valid}") from None


def read_json(data: bytes, source: str) -> Iterator[RecordResult]:
    """A JSON object (one article) or a list of objects; list entries get the source suffix "#entry N"."""
    content = decode_bytes(data, source)
    try:
        data = json.loads(content)
    except RecursionError as exc:
        raise SourceError(source, _TOO_DEEP) from exc
    except json.JSONDecodeError as exc:
        raise SourceError(
            source,
            f"is not valid JSON ({exc.msg}; line {exc.lineno}, column {exc.colno}): fix it there, "
            "or use .jsonl for one object per line",
        ) from exc
    if isinstance(data, dict):
        yield record_to_article(data, source)
    elif isinstance(data, list):
        if not data:
            raise SourceError(source, "is an empty JSON list: it holds no articles")
        for number, item in enumerate(data, start=1):
            yield _record_result(item, f"{source}#entry {number}")
    else:
        raise SourceError(source, f"holds a JSON {_json_type(data)}: expected an object or a list of objects")


def read_jsonl(data: bytes, source: str) -> Iterator[RecordResult]:
    """One JSON object per line; blank lines are skipped; each article's source ends in ":line N"."""
    content = decode_bytes(data, source)
    found = False
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        found = True
        line_source = f"{source}:line {number}"
        try:
            item = json.loads(line)
        except RecursionError:
            yield SourceError(line_source, _TOO_DEEP)
            continue
        except json.JSONDecodeError as exc:
            yield SourceError(
                line_source, f"is not valid JSON ({exc.msg}; column {exc.colno}): each line must be one object"
            )
            continue
        yield _record_result(item, line_source)
    if not found:
        raise SourceError(source, "is empty: write one JSON object per line")


def read_csv(data: bytes, source: str, columns: CsvColumns) -> Iterator[RecordResult]:
    """One article per row; rows are numbered as a spreadsheet shows them (the header is row 1)."""
    content = decode_bytes(data, source)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=columns.delimiter, quotechar=columns.quotechar)
    header = next(reader, None) if columns.header else None
    if columns.header and header is None:
        raise SourceError(source, "is empty: it needs a header row and one row per article")
    positions = _column_positions(columns, header, source)
    if header is not None and _looks_like_data(header):
        log.warning(
            "%s: row 1 is read as the header, but it looks like an article (%s), which is then not loaded: "
            "if the file has no header row, add header=false to --csv-columns and name columns by number, "
            "e.g. text=2",
            source,
            _excerpt(max(header, key=len)),
        )
    number = 1 if columns.header else 0
    found = False
    one_word = _OneWordTexts(source, columns)
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield SourceError(
                f"{source}:row {number}",
                f"cannot be read as CSV ({exc}), so the rows after it were not loaded: "
                f"check its quotes ({columns.quotechar!r}) and delimiter ({columns.delimiter!r})",
            )
            return
        if not any(cell.strip() for cell in row):
            continue
        if not found and not columns.header and _looks_like_header(row):
            log.warning(
                "%s: row 1 looks like a header (%s) but is loaded as an article, since header=false: "
                "remove header=false from --csv-columns (and name columns by header name or number)",
                source,
                ", ".join(cell.strip() for cell in row),
            )
        found = True
        one_word.see(row, positions)
        yield _row_result(row, positions, columns, f"{source}:row {number}")
    one_word.done()
    if not found:
        raise SourceError(source, "has no data rows: add one row per article")


def record_to_article(record: Mapping[object, object], source: str) -> Article:
    """An Article from a JSON-like object, its keys matched case-insensitively against FIELD_ALIASES."""
    by_name = {key.strip().lower(): value for key, value in record.items() if isinstance(key, str)}

    def pick(field: str) -> object:
        for alias in FIELD_ALIASES[field]:
            value = by_name.get(alias)
            if value not in (None, ""):
                return value
        return None

    text = _as_text(pick("text"), "text", source)
    if not text.strip():
        found = ", ".join(repr(key) for key in by_name) or "none"
        raise SourceError(source, f"has no article text: put it in a {_TEXT_FIELD_NAMES} field (fields found: {found})")
    outlet = pick("outlet")
    if isinstance(outlet, Mapping):  # NewsAPI: "source": {"id": ..., "name": "Example Times"}
        outlet = outlet.get("name")
    return build_article(
        source,
        title=_as_text(pick("title"), "title", source),
        text=text,
        url=_as_text(pick("url"), "url", source),
        outlet=_as_text(outlet, "outlet", source),
        published_at=parse_date(pick("published_at")),
        language=normalize_language(pick("language")),
        author=pick("author"),
    )


def _record_result(item: object, source: str) -> RecordResult:
    if not isinstance(item, dict):
        return SourceError(source, f"is a JSON {_json_type(item)}, not an object with 'title' and 'text' fields")
    try:
        return record_to_article(item, source)
    except SourceError as exc:
        return exc


def _row_result(row: list[str], positions: dict[str, int], columns: CsvColumns, source: str) -> RecordResult:
    values = {field: (row[index] if index < len(row) else "") for field, index in positions.items()}
    if not values.get("text", "").strip():
        return SourceError(source, f"has no text in column {columns.text!r}: fill it in or remove the row")
    return build_article(
        source,
        title=values.get("title", ""),
        text=values["text"],
        url=values.get("url", ""),
        outlet=values.get("outlet", ""),
        published_at=parse_date(values.get("published_at")),
        language=normalize_language(values.get("language", "")),
        author=values.get("author", ""),
    )


def _column_positions(columns: CsvColumns, header: list[str] | None, source: str) -> dict[str, int]:
    """The 0-based column index of each mapped Article field, checked against the header."""
    defaults = CsvColumns()
    positions: dict[str, int] = {}
    for field in ARTICLE_FIELDS:
        name = getattr(columns, field).strip()
        if not name:
            continue
        index = _header_index(header, name) if header is not None else None
        if index is None and name.isdigit() and int(name) >= 1:
            index = int(name) - 1
        if index is not None:
            positions[field] = index
        elif field == "text" or name != getattr(defaults, field):
            raise SourceError(source, _missing_column_message(field, name, header, columns.delimiter))
    return positions


def _header_index(header: list[str], name: str) -> int | None:
    """Where `name` is in the header: an exact match first, else one that ignores case."""
    cleaned = [cell.strip() for cell in header]
    if name in cleaned:
        return cleaned.index(name)
    lowered = [cell.lower() for cell in cleaned]
    return lowered.index(name.lower()) if name.lower() in lowered else None


def _looks_like_data(header: list[str]) -> bool:
    """A header row names columns in a word or two; a cell of a sentence or more is an article's data."""
    cells = [cell.strip() for cell in header]
    return any(len(cell) > HEADER_CELL_MAX_CHARS or len(cell.split()) > HEADER_CELL_MAX_WORDS for cell in cells)


def _looks_like_header(row: list[str]) -> bool:
    """Short cells, one of them a field name newsbot knows (title, text, body, url, date, ...)."""
    cells = [cell.strip().lower() for cell in row if cell.strip()]
    return bool(cells) and not _looks_like_data(cells) and any(cell in _KNOWN_HEADER_NAMES for cell in cells)


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


class _OneWordTexts:
    """Warns once when the first rows' text column holds a single word each: most likely the wrong column."""

    def __init__(self, source: str, columns: CsvColumns) -> None:
        self.source = source
        self.columns = columns
        self.words: list[str] = []
        self.first_row: list[str] | None = None
        self.decided = False

    def see(self, row: list[str], positions: dict[str, int]) -> None:
        if self.decided:
            return
        if self.first_row is None:
            self.first_row = row
        index = positions.get("text")
        text = row[index].strip() if index is not None and index < len(row) else ""
        if text:
            self.words.append(text)
        if len(self.words) >= ONE_WORD_SAMPLE_ROWS:
            self.done()

    def done(self) -> None:
        if self.decided:
            return
        self.decided = True
        if not self.words or any(len(text.split()) > 1 for text in self.words):
            return
        examples = ", ".join(_excerpt(text, 20) for text in dict.fromkeys(self.words[:5]))
        widest = max(range(len(self.first_row or [])), key=lambda i: len((self.first_row or [])[i]), default=None)
        hint = f"; the widest cell of the first row is in column {widest + 1}" if widest is not None else ""
        log.warning(
            "%s: the text column %r holds one word per row (%s): is it the right column? "
            "Map the article text with --csv-columns text=<column>%s",
            self.source,
            self.columns.text,
            examples,
            hint,
        )


def _missing_column_message(field: str, name: str, header: list[str] | None, delimiter: str) -> str:
    if header is None:
        return f"has no header row, so columns are numbered from 1: set {field}=<number> (got {name!r})"
    message = f"has no column {name!r} for the {field} (columns: {', '.join(header)}): map it, e.g. '{field}=<column>'"
    if len(header) == 1:
        other = next((d for d in ";\t|," if d != delimiter and d in header[0]), None)
        if other:
            message += f"; the header looks {other!r}-separated: add delimiter={_delimiter_name(other)}"
    elif _looks_like_data(header):
        message += "; the first row looks like an article: without a header, add header=false and text=<number>"
    return message


def _parse_spec_value(key: str, raw: str) -> str | bool:
    value = raw.strip()
    if key == "header":
        if value.lower() not in _BOOLEANS:
            raise ValueError(f"header takes true or false, got {value!r}")
        return _BOOLEANS[value.lower()]
    if key == "delimiter":
        value = _DELIMITER_NAMES.get(value.lower(), value)
        if len(value) != 1:
            raise ValueError(f"delimiter takes one character or one of {', '.join(_DELIMITER_NAMES)}")
    if key == "quotechar" and len(value) != 1:
        raise ValueError("quotechar takes one character")
    return value


def _delimiter_name(delimiter: str) -> str:
    return next((name for name, value in _DELIMITER_NAMES.items() if value == delimiter), delimiter)


def _as_text(value: object, field: str, source: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and field == "title":
        return str(value)
    if isinstance(value, list) and field == "text" and all(isinstance(item, str) for item in value):
        return "\n\n".join(value)  # a list of paragraphs
    raise SourceError(source, f"field {field!r} is a JSON {_json_type(value)}: expected a string")


def _json_type(value: object) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
