"""One article per file: plain text (.txt), Markdown (.md), HTML (.html, .htm); HTML pages from the web too."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urlsplit

import trafilatura
from trafilatura.settings import Document

from index.errors import SourceError
from index.loaders.common import (
    FIELD_ALIASES,
    build_article,
    decode_bytes,
    normalize_language,
    parse_date,
)
from index.models import Article
from index.text import host_of

#: front-matter keys and the Article field each one sets (the text itself never lives in front matter)
FRONT_MATTER_KEYS: dict[str, str] = {
    alias: field for field, aliases in FIELD_ALIASES.items() if field != "text" for alias in aliases
}
_FRONT_MATTER_FENCE = "---"
_HAS_WORD = re.compile(r"\w")
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")
# trafilatura's time grows faster than the page (on the busy 2-core machine: 20,000 paragraphs 9 s, 40,000 37 s,
# 100,000 190 s); news pages, live blogs included, have a few thousand elements.
MAX_HTML_ELEMENTS = 20_000
_TEXT_HINT = "put the title on the first line and the article text below it"
_HTML_HINT = "check that it is an article page; pages that build their text with JavaScript have none to read"

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_MD_TITLE_HEADING = re.compile(r"^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_RULE_OR_UNDERLINE = re.compile(r"^ {0,3}([-=*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~).*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE)
_MD_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]+\S.*$", re.MULTILINE)
_MD_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_STAR_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_MD_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_MD_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section table td th tr ul".split()
)


def read_text(data: bytes, source: str) -> Article:
    """A .txt file: optional front matter, then the title on the first non-empty line, then the text."""
    meta, body = split_front_matter(decode_bytes(data, source), source)
    title = meta.pop("title", "")
    if not title:
        title, body = _first_line(body)
    return _article_from_meta(source, title, body, meta)


def read_markdown(data: bytes, source: str) -> Article:
    """A .md file: optional front matter; title from it, else the first "# " heading, else the first line."""
    meta, body = split_front_matter(decode_bytes(data, source), source)
    title = meta.pop("title", "")
    if not title:
        title, body = _markdown_title(body)
    return _article_from_meta(source, strip_markdown(title), strip_markdown(body), meta)


def read_html(data: bytes, source: str) -> Article:
    """A saved web page: its main text, and the title, date, site, URL and language its markup states."""
    return html_to_article(decode_bytes(data, source, sniff_html_charset(data)), source)


#: the reader of each file kind that holds one article, by suffix (`newsbot ingest`; evaluation's `context_file`)
READERS: dict[str, Callable[[bytes, str], Article]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}


def html_to_article(html: str, source: str, *, url: str = "") -> Article:
    """The article body of an HTML page (trafilatura's main-text extraction) and its metadata.

    `url` is where the page was fetched from; without it, the page's canonical URL is used, if it has one.
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        raise SourceError(source, f"is not an HTML document: {_HTML_HINT}")
    if sum(1 for _ in itertools.islice(tree.iter(), MAX_HTML_ELEMENTS + 1)) > MAX_HTML_ELEMENTS:
        raise SourceError(
            source,
            f"has more than {MAX_HTML_ELEMENTS:,} HTML elements, far more than an article page: save the "
            "article's text as .txt (or .md) and load that",
        )
    page_title = " ".join((tree.findtext(".//title") or "").split())
    language = normalize_language(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"))
    document = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False)
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise SourceError(source, f"no article text found in the page: {_HTML_HINT}")
    title = " ".join((document.title or page_title).split())
    page_url = url or document.url or ""
    return build_article(
        source,
        title=title,
        text=_without_leading_title(document.text or "", title),
        url=page_url,
        outlet=_site_name(document.sitename, page_url) or host_of(page_url),
        published_at=parse_date(document.date),
        language=language,
        author=_authors(document.author),
        empty_hint=_HTML_HINT,
    )


def sniff_html_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top, if any."""
    match = _HTML_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML snippet (a feed entry's summary): block elements become line breaks."""
    parser = _TextCollector()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def split_front_matter(content: str, source: str) -> tuple[dict[str, str], str]:
    """`key: value` lines between a "---" first line and the next "---" line, and the rest of the file.

    Keys are matched case-insensitively against FRONT_MATTER_KEYS; other lines (YAML lists, unknown keys,
    comments) are ignored, so Jekyll- or Hugo-style front matter loads as it is. A "---" block without a
    single `key:` line is not front matter but text that starts with a rule, and is kept.
    """
    lines = content.split("\n")
    if lines[0].strip() != _FRONT_MATTER_FENCE:
        return {}, content
    end = next((index for index in range(1, len(lines)) if lines[index].strip() == _FRONT_MATTER_FENCE), None)
    block = lines[1:end]
    if not any(_FRONT_MATTER_LINE.match(line) for line in block):
        return {}, content
    if end is None:
        raise SourceError(source, "front matter opened with '---' on line 1 is never closed: add a '---' line after it")
    meta: dict[str, str] = {}
    for line in block:
        match = _FRONT_MATTER_LINE.match(line)
        field = FRONT_MATTER_KEYS.get(match.group(1).lower()) if match else None
        if match and field and field not in meta:
            meta[field] = _unquote((match.group(2) or "").strip())
    return meta, "\n".join(lines[end + 1 :])


def strip_markdown(text: str) -> str:
    """Markdown made plain, lightly: heading and quote markers, emphasis, code ticks go; links keep their text."""
    text = _MD_FENCE.sub("", text)
    text = _MD_LINK_DEFINITION.sub("", text)
    text = _MD_RULE_OR_UNDERLINE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_IMAGE_OR_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_STAR_EMPHASIS.sub(r"\1", text)
    text = _MD_UNDERSCORE_EMPHASIS.sub(r"\1", text)
    return _MD_STRIKE.sub(r"\1", text)


def _article_from_meta(source: str, title: str, body: str, meta: dict[str, str]) -> Article:
    return build_article(
        source,
        title=title,
        text=body,
        url=meta.get("url", ""),
        outlet=meta.get("outlet", ""),
        published_at=parse_date(meta.get("published_at")),
        language=normalize_language(meta.get("language", "")),
        author=meta.get("author", ""),
        empty_hint=_TEXT_HINT,
    )


def _first_line(body: str) -> tuple[str, str]:
    """The first line with a word in it (not a blank line or a "---" rule), and everything after it."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if _HAS_WORD.search(line):
            return line.strip(), "\n".join(lines[index + 1 :])
    return "", ""


def _markdown_title(body: str) -> tuple[str, str]:
    """The first level-1 heading and the body without it; else the first non-empty line."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        match = _MD_TITLE_HEADING.match(line)
        if match:
            return match.group(1), "\n".join(lines[:index] + lines[index + 1 :])
    return _first_line(body)


def _without_leading_title(text: str, title: str) -> str:
    """The extracted text without its first line when that line repeats the title (the page's headline)."""
    first, _, rest = text.strip().partition("\n")
    return rest if title and " ".join(first.split()) == title else text


def _authors(author: str | None) -> list[str]:
    """trafilatura's authors ("Jane Doe; John Roe") as a list of names."""
    return [name for name in (author or "").split(";") if name.strip()]


def _site_name(sitename: str | None, page_url: str) -> str:
    """The site's own name; trafilatura's stand-in, the URL's host (with port), is left to `host_of`."""
    netloc = urlsplit(page_url).netloc.lower()
    if not sitename or sitename.lower() in (netloc, netloc.removeprefix("www."), host_of(page_url)):
        return ""
    return sitename


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


class _TextCollector(HTMLParser):
    """Collects text, with a line break for each block element, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)
