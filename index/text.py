"""Small text helpers every layer shares: shortening at a word boundary, host names, terminal-safe text, titles,
lists."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from index.segmentation import iter_sentences

ELLIPSIS = "…"
#: the longest title made from an article's first sentence
DERIVED_TITLE_CHARS = 90
# A derived title is at least this long: a shorter first sentence ("Wien.") takes the next one with it.
_MIN_TITLE_CHARS = 20
# ... and is read from this much of the first paragraph (a 10kGNAD article is one paragraph of up to 32 KB).
_TITLE_SOURCE_CHARS = 1000
# C0/C1 control characters (ESC starts terminal escape sequences) except tab and newline.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shorten(text: str, limit: int) -> str:
    """`text` with runs of whitespace collapsed, cut at a word boundary to at most `limit` characters (an
    ellipsis included) when it is longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",.;:-–— ") + ELLIPSIS


def host_of(url: str) -> str:
    """The host a URL names, lower-case, without "www." ("https://www.example.org/a" -> "example.org")."""
    return (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")


def same_page(a: str, b: str) -> bool:
    """Whether two web addresses name the same page: scheme, "www.", a trailing slash, the fragment and utm_*
    tracking parameters aside."""
    return bool(a.strip()) and bool(b.strip()) and _page_key(a) == _page_key(b)


def _page_key(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url.strip())
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    return host_of(url), parts.path.rstrip("/") or "/", query


def printable(text: str) -> str:
    """Text safe to print to a terminal: control characters removed, so an article cannot send escape
    sequences (colours, cursor moves, window titles) to the reader's terminal. Tabs and newlines stay."""
    return _CONTROL_RE.sub("", unicodedata.normalize("NFC", text))


def title_from_text(text: str, language: str = "en", limit: int = DERIVED_TITLE_CHARS) -> str:
    """A title for an article that has none: its first sentence, cut at a word boundary to `limit` characters.
    Sentences are split as the answerer splits them (index/segmentation.py), so neither an abbreviation ("Dr.",
    "U.S.") nor a German ordinal ("am 5. Juli", "die 50. Super Bowl") ends one."""
    paragraph = next((p for p in text.strip().split("\n") if p.strip()), "")
    title = ""
    for sentence in iter_sentences(paragraph[:_TITLE_SOURCE_CHARS], language):
        title = f"{title} {sentence}".strip()
        if len(title) >= _MIN_TITLE_CHARS:
            break
    return shorten(title, limit)


def join_names(names: Sequence[str], last: str = "and") -> str:
    """ "A", "A and B", "A, B and C": names as a sentence lists them (`last` joins the last two: "und")."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def reporter_name(outlet: str, url: str, title: str = "") -> str:
    """Who published an article, for "also reported by": the outlet, else its site's host, else its title."""
    return outlet.strip() or host_of(url) or shorten(title, 60) or "another source"
