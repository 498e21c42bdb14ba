"""Telegram's rules for what a bot sends and what users send, as the fake Bot API enforces and builds them.

HTML parse mode with only Telegram's tags, attributes and entities, checked by `html.parser`; 1-4096 characters of
text *after* entity parsing, counted in UTF-16 code units (`checked_text`). Users, chats and the entities
Telegram's clients mark in a user's text (`make_user`, `private_chat`, `group_chat`, `text_entities`); `FloodRule`,
the rate limits behind 429 `retry_after`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

MAX_TEXT = 4096
TAGS = frozenset("b strong i em u ins s strike del span tg-spoiler a code pre blockquote tg-emoji".split())
ENTITY_RE = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#[xX][0-9a-fA-F]+);)")
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class BotApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.retry_after = status, description, retry_after


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _TelegramHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.stack: list[str] = []

    def _fail(self, reason: str) -> None:
        raise BotApiError(400, f"Bad Request: can't parse entities: {reason}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag not in TAGS or (tag == "span" and values.get("class") != "tg-spoiler"):
            self._fail(f'Unsupported start tag "{tag}"')
        if tag == "a" and not values.get("href"):
            self._fail('Can\'t find "href" attribute of "a" tag')
        if tag == "tg-emoji" and not values.get("emoji-id"):
            self._fail('Can\'t find "emoji-id" attribute of "tg-emoji" tag')
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._fail(f'Unsupported start tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            self._fail(f'Unexpected end tag "{tag}"')
        if self.stack[-1] != tag:
            self._fail(f'Can\'t find end tag corresponding to start tag "{self.stack[-1]}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data:
            self._fail("unescaped < or > in text; use &lt; and &gt;")
        self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in NAMED:
            self._fail(f'Unsupported HTML entity "&{name};"')
        self.parts.append(NAMED[name])

    def handle_charref(self, name: str) -> None:
        self.parts.append(chr(int(name[1:], 16) if name[:1] in "xX" else int(name)))

    def handle_comment(self, data: str) -> None:
        self._fail("comments are not supported")

    def handle_decl(self, decl: str) -> None:
        self._fail("declarations are not supported")

    def handle_pi(self, data: str) -> None:
        self._fail("processing instructions are not supported")

    def unknown_decl(self, data: str) -> None:
        self._fail("declarations are not supported")


def parse_telegram_html(text: str) -> str:
    """The visible text of Telegram HTML, or BotApiError(400) as Telegram would refuse it."""
    if ENTITY_RE.search(text):
        raise BotApiError(400, "Bad Request: can't parse entities: & must start &amp; &lt; &gt; &quot; or &#n;")
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.rawdata:
        parser._fail("unfinished tag at the end of the text")
    if parser.stack:
        parser._fail(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    return "".join(parser.parts)


def checked_text(text: str, parse_mode: str | None) -> str:
    """Apply Telegram's rules to a message text; returns the text as the user sees it."""
    if parse_mode and parse_mode.upper() != "HTML":
        raise BotApiError(400, f"Bad Request: the fake supports only HTML parse mode, not {parse_mode}")
    visible = parse_telegram_html(text) if parse_mode else text
    if not visible.strip():
        raise BotApiError(400, "Bad Request: message text is empty")
    if utf16_len(visible) > MAX_TEXT:
        raise BotApiError(400, "Bad Request: message is too long")
    return visible


@dataclass
class FloodRule:
    """At most `limit` messages in any `per_s` seconds."""

    limit: int
    per_s: float


# --- what users send ---------------------------------------------------------------------------------------------


def make_user(user_id: int, first_name: str = "Ada", username: str | None = None) -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}
    if username:
        user["username"] = username
    return user


def private_chat(user: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": user["id"], "type": "private", "first_name": user["first_name"]}


def group_chat(chat_id: int, title: str = "News club") -> dict[str, Any]:
    return {"id": chat_id, "type": "supergroup", "title": title}


def text_entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram's clients mark: a command at the start, @mentions; offsets in UTF-16 units."""
    entities = []
    for match in re.finditer(r"(?<![\w@])(/[A-Za-z0-9_]+(?:@\w+)?|@\w{5,32})", text):
        kind = "mention" if match.group(1).startswith("@") else "bot_command"
        if kind == "bot_command" and match.start() != 0:
            continue
        offset = utf16_len(text[: match.start()])
        entities.append({"type": kind, "offset": offset, "length": utf16_len(match.group(1))})
    return entities
