"""Answers, sources and article lists as Telegram HTML, and splitting HTML into messages Telegram accepts.

Everything user-facing that comes from the index (answer text, titles, outlets, snippets, URLs) is escaped here;
handlers only send what this module returns. Telegram measures the 4096-character limit on the text *after*
entity parsing, in UTF-16 code units, so `split_html` counts visible characters that way and closes and reopens
the tags that are open where it cuts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath
from urllib.parse import urlsplit

from telegram.constants import MessageLimit

from bot.telegram.formatting_texts import DATE_FORMATS, LATEST_TEXTS, MONTHS, TEXTS
from bot.texts import framing_language, primary_language, read_as_line, written_by
from index.answerers.base import CITATION_RE
from index.models import BOT_REPLY, Answer, ArticleMeta, Source, StoredArticle
from index.outlets import outlet_name
from index.text import join_names, reporter_name, shorten

MAX_MESSAGE_CHARS = int(MessageLimit.MAX_TEXT_LENGTH)
TITLE_CHARS = 90


def user_language(code: str | None) -> str:
    """The language of TEXTS for a Telegram user's `language_code` ("de", "de-AT", "pt-BR", "uk"); English for any
    other."""
    language = primary_language(code)
    return language if language in TEXTS else "en"


def escape(text: str) -> str:
    """Text for Telegram HTML: only &, < and > need escaping outside attributes."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """A double-quoted attribute value, with only the named entities Telegram knows."""
    return escape(text).replace('"', "&quot;")


def link(url: str, label: str) -> str:
    """`label` linked to `url` when it is a web address Telegram will open; escaped label otherwise."""
    if not is_web_url(url):
        return escape(label)
    return f'<a href="{escape_attribute(url)}">{escape(label)}</a>'


def is_web_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def format_date(moment: datetime | None, language: str = "en") -> str:
    """`12 Sep 2023` in `language` (`12. Sept. 2023`, `12 sept. 2023`, `12 de set. de 2023`, `12 września 2023`…;
    English for a language without its months); "" when undated."""
    if moment is None:
        return ""
    months = MONTHS.get(language, MONTHS["en"])
    shape = DATE_FORMATS.get(language, "{day} {month} {year}")
    return shape.format(day=moment.day, month=months[moment.month - 1], year=moment.year)


def _byline(meta: ArticleMeta, language: str = "en") -> str:
    return ", ".join(
        part for part in (escape(outlet_name(meta.outlet, meta.url)), format_date(meta.published_at, language)) if part
    )


# --- answers and sources -------------------------------------------------------------------------------------


def answer_body(answer: Answer) -> str:
    """The answer text, escaped, with each [n] linked to its source's page when it has one."""
    urls = {source.n: source.meta.url for source in answer.sources}

    def _cite(match: re.Match[str]) -> str:
        return "".join(_citation(int(part), urls.get(int(part), "")) for part in match.group(1).split(","))

    return CITATION_RE.sub(_cite, escape(answer.text.strip()))


def _citation(n: int, url: str) -> str:
    return f'<a href="{escape_attribute(url)}">[{n}]</a>' if is_web_url(url) else f"[{n}]"


def compact_source_line(source: Source, language: str = "en") -> str:
    byline = _byline(source.meta, language)
    title = link(source.meta.url, shorten(_label(source.meta), TITLE_CHARS))
    others = also_reported_by(source, language)
    return f"[{source.n}] {title}" + (f" · {byline}" if byline else "") + (f" · {others}" if others else "")


def also_reported_by(source: Source, language: str = "en") -> str:
    """ "also reported by A, B and C", each outlet linked to its article; "" for a story with one source."""
    names = [link(m.url, reporter_name(outlet_name(m.outlet, m.url), m.url, m.title)) for m in source.also_reported_by]
    return f"{TEXTS[language]['also']} {join_names(names, TEXTS[language]['and'])}" if names else ""


def render_answer(answer: Answer, language: str = "") -> str:
    """The answer, then a compact list of its sources: outlet, date and a link for each; what frames it in
    `language`, by default the question's."""
    language = language or framing_language(answer.question)
    texts = TEXTS[language]
    parts = [f"<i>{escape(read_as_line(answer.read_as, language))}</i>"] if answer.read_as else []
    if answer.answerer == "headlines" and answer.sources:
        return "\n\n".join([*parts, _render_headlines(answer, language)])
    if answer.unsure and not answer.abstained:
        parts.append(f"<i>{escape(texts['unsure'])}</i>")
    parts.append(answer_body(answer) or escape(texts["no_answer"]))
    # not after "Hello!", "You're welcome!", nor after a refusal that quotes the news ("The indexed news gives no
    # amount in euros. What it gives: …", "The indexed news says this is not known: …")
    if answer.abstained and answer.answerer != BOT_REPLY and not answer.sources:
        parts.append(f"<i>{escape(texts['rephrase'])}</i>")
    if answer.sources:
        lines = (compact_source_line(s, language) for s in answer.sources)
        parts.append(f"<b>{texts['sources']}</b>\n" + "\n".join(lines))
    return "\n\n".join(parts)


def _render_headlines(answer: Answer, language: str) -> str:
    """A list of headlines (index/answerers/headlines.py: a heading, a "• title [n]" line per source, perhaps "…
    and N more") with each title linked and its outlet and date, once: the sources are the list."""
    heading, *lines = answer.text.splitlines()
    more = [escape(line) for line in lines if not line.startswith("•")]
    listed = (compact_source_line(s, language) for s in answer.sources)
    return "\n".join([f"<b>{escape(heading)}</b>", *listed, *more])


def render_full_sources(sources: Sequence[Source], question: str = "") -> str:
    """Every source with title, outlet, date, author, link and the passage the answer drew on (framed in the
    question's language)."""
    language = framing_language(question)
    texts = TEXTS[language]
    if not sources:
        return texts["no_sources"]
    heading = f"<b>{texts['sources']}</b>" + (
        f" {texts['for']} <i>{escape(shorten(question, 200))}</i>" if question else ""
    )
    blocks = [heading]
    for source in sources:
        lines = [f"<b>[{source.n}] {escape(shorten(_label(source.meta), 200))}</b>"]
        author = escape(written_by(source.meta.author, language))
        byline = ", ".join(part for part in (_byline(source.meta, language), author) if part)
        if byline:
            lines.append(byline)
        if is_web_url(source.meta.url):
            lines.append(link(source.meta.url, shorten(source.meta.url, 120)))
        others = also_reported_by(source, language)
        if others:
            lines.append(others[0].upper() + others[1:])
        if source.snippet.strip():
            lines.append(f"<blockquote>{escape(source.snippet.strip())}</blockquote>")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _label(meta: ArticleMeta) -> str:
    """What names an article: its title (every article ingested now has one), else its link or file."""
    return meta.title or meta.url or PurePath(meta.source).name or "article"


def render_latest(articles: Sequence[StoredArticle], *, language: str = "en", outlet: str = "") -> str:
    """/latest: the articles, numbered and linked, each with its outlet and date (or when it was added), under a
    heading that names `outlet` when they are its own."""
    texts = LATEST_TEXTS.get(language, LATEST_TEXTS["en"])
    if not articles:
        return texts["none"]
    lines = [f"<b>{escape(texts['from'].format(outlet=outlet)) if outlet else texts['heading']}</b>"]
    for i, article in enumerate(articles, start=1):
        meta = article.meta
        title = link(meta.url, shorten(_label(meta), TITLE_CHARS))
        byline = _byline(meta, language)
        if meta.published_at is None and article.ingested_at:
            added = texts["added"].format(date=format_date(datetime.fromtimestamp(article.ingested_at, UTC), language))
            byline = f"{byline}, {added}" if byline else added
        lines.append(f"{i}. {title}" + (f" · {byline}" if byline else ""))
    return "\n".join(lines)


# --- splitting -------------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"<[^<>]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);|.", re.DOTALL)
_TAG_NAME_RE = re.compile(r"</?\s*([a-zA-Z][\w-]*)")


@dataclass(frozen=True)
class _Token:
    raw: str
    text: str = ""  # the visible text after entity parsing; "" for tags
    tag: str = ""
    closing: bool = False

    @property
    def width(self) -> int:
        return utf16_len(self.text)


@dataclass(frozen=True)
class _Cut:
    end: int
    width: int
    stack: tuple[_Token, ...]


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN_RE.finditer(text):
        raw = match.group(0)
        if raw.startswith("<") and len(raw) > 1:
            name = _TAG_NAME_RE.match(raw)
            if name:
                tokens.append(_Token(raw, tag=name.group(1).lower(), closing=raw.startswith("</")))
                continue
        tokens.append(_Token(raw, text=html.unescape(raw) if raw.startswith("&") else raw))
    return tokens


def visible_length(text: str) -> int:
    """The length Telegram checks against its limit: the text after parsing the HTML, in UTF-16 units."""
    return sum(token.width for token in _tokenize(text))


def _close(stack: list[_Token], tag: str) -> None:
    for i in range(len(stack) - 1, -1, -1):
        if stack[i].tag == tag:
            del stack[i]
            return


def _best_cut(tokens: list[_Token], start: int, reopen: Sequence[_Token], limit: int) -> _Cut:
    """Where the message starting at `start` ends: after a paragraph, a line or a word if it can."""
    stack = list(reopen)
    width = 0
    found: dict[str, _Cut] = {}
    previous_newline = False
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token.tag:
            if token.closing:
                _close(stack, token.tag)
            else:
                stack.append(token)
            continue
        if width + token.width > limit:
            break
        width += token.width
        cut = _Cut(i + 1, width, tuple(stack))
        found["hard"] = cut
        if token.text == "\n":
            found["paragraph" if previous_newline else "line"] = cut
        elif token.text.isspace():
            found["word"] = cut
        previous_newline = token.text == "\n"
    else:
        return _Cut(len(tokens), width, tuple(stack))
    half = limit // 2
    for kind in ("paragraph", "line", "word"):
        if kind in found and found[kind].width >= half:
            return found[kind]
    for kind in ("paragraph", "line", "word", "hard"):
        if kind in found:
            return found[kind]
    raise ValueError(f"limit {limit} is too small to hold a single character")


def split_html(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split Telegram HTML into messages of at most `limit` visible characters each.

    Cuts go after a paragraph, else a line, else a word; only a word longer than half a message is cut
    inside. Tags open at a cut are closed at the end of one message and reopened at the start of the next,
    and an entity (`&amp;`) is never cut. Messages that would hold only whitespace are dropped.
    """
    tokens = _tokenize(text)
    messages: list[str] = []
    start = 0
    reopen: tuple[_Token, ...] = ()
    while start < len(tokens):
        cut = _best_cut(tokens, start, reopen, limit)
        end, stack = cut.end, list(cut.stack)
        while end < len(tokens) and tokens[end].closing:
            _close(stack, tokens[end].tag)
            end += 1
        body = tokens[start:end]
        if any(token.text.strip() for token in body):
            closing = "".join(f"</{token.tag}>" for token in reversed(stack))
            messages.append("".join(t.raw for t in reopen) + "".join(t.raw for t in body) + closing)
        start, reopen = end, tuple(stack)
        while start < len(tokens) and tokens[start].text.isspace():
            start += 1
    return messages
