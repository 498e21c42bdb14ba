"""Every word the bot says in Telegram exists in each of the ten languages it speaks, with the placeholders, HTML tags
and command names of the English: a translation that drops `{n}` or a `</b>` fails here, not in a user's chat."""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Mapping, Sequence

import pytest

from bot.telegram import (
    admin_texts,
    feed_texts,
    formatting_texts,
    handler_texts,
    introduction,
    menu,
    stats_texts,
    subscription_texts,
)
from bot.texts import OUTLET_COUNTS, count_form

LANGUAGES = {"en", "de", "fr", "es", "it", "nl", "pt", "pl", "ru", "uk"}
# the English plural ending ("article{s}"): the other languages say their plurals their own way
ENGLISH_ONLY_FIELDS = {"s"}
WORDS: dict[str, Mapping[str, Mapping[str, str]]] = {
    "handler_texts.SAY": handler_texts.SAY,
    "introduction.START_TEXTS": introduction.START_TEXTS,
    "subscription_texts.SAY": subscription_texts.SAY,
    "admin_texts.ADMIN_SAY": admin_texts.ADMIN_SAY,
    "stats_texts.STATS_SAY": stats_texts.STATS_SAY,
    "feed_texts.FEEDS_SAY": feed_texts.FEEDS_SAY,
    "formatting_texts.TEXTS": formatting_texts.TEXTS,
    "formatting_texts.LATEST_TEXTS": formatting_texts.LATEST_TEXTS,
    "menu.MENU": menu.MENU,
    "texts.OUTLET_COUNTS": OUTLET_COUNTS,
}
# the counted words, each language's forms for `count_form`: (one, other), or (one, a few, many) in these three
COUNTS: dict[str, Mapping[str, Sequence[str]]] = {
    "admin_texts.COUNTED_FORMS articles": admin_texts.COUNTED_FORMS["articles"],
    "admin_texts.COUNTED_FORMS pages": admin_texts.COUNTED_FORMS["pages"],
    "handler_texts.MESSAGE_FORMS": handler_texts.MESSAGE_FORMS,
    "feed_texts.FEED_TIMES": feed_texts.FEED_TIMES,
    "feed_texts.FEED_DAYS": feed_texts.FEED_DAYS,
}
THREE_FORMS = {"pl", "ru", "uk"}
LINES: dict[str, Mapping[str, Sequence[str]]] = {
    "introduction.HELP_LINES": introduction.HELP_LINES,
    "introduction.ADMIN_LINES": introduction.ADMIN_LINES,
}
TAG_RE = re.compile(r"</?[a-z]+\b[^<>]*>")
COMMAND_RE = re.compile(r"(?<![\w./<])/[a-z_]+\b")


def fields(text: str) -> Counter[str]:
    """The `{name:spec}` fields of a format string, as `name:spec`."""
    return Counter(f"{name}:{spec}" for _, name, spec, _ in string.Formatter().parse(text) if name is not None)


def shape(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """What a translation must keep of the English: its fields, its HTML tags and the commands it names."""
    kept = Counter({field: n for field, n in fields(text).items() if field.split(":")[0] not in ENGLISH_ONLY_FIELDS})
    return kept, Counter(TAG_RE.findall(text)), Counter(COMMAND_RE.findall(text))


@pytest.mark.parametrize("name", WORDS)
def test_every_text_is_in_all_ten_languages_with_the_englishs_placeholders_tags_and_commands(name: str) -> None:
    words = WORDS[name]
    assert set(words) == LANGUAGES
    english = words["en"]
    for language, texts in words.items():
        assert set(texts) == set(english), f"{name}[{language!r}] has other keys than the English"
        for key, text in texts.items():
            assert shape(text) == shape(english[key]), f"{name}[{language!r}][{key!r}]: {text!r}"


@pytest.mark.parametrize("name", LINES)
def test_every_list_of_lines_is_in_all_ten_languages_line_by_line(name: str) -> None:
    lines = LINES[name]
    assert set(lines) == LANGUAGES
    english = lines["en"]
    for language, translated in lines.items():
        assert len(translated) == len(english), f"{name}[{language!r}]"
        for line, english_line in zip(translated, english, strict=True):
            assert shape(line) == shape(english_line), f"{name}[{language!r}]: {line!r}"
            # a help line starts with the command it explains, untranslated
            assert line.split(" ", 1)[0] == english_line.split(" ", 1)[0] or line.startswith("<b>")


def test_every_language_has_twelve_months() -> None:
    assert set(formatting_texts.MONTHS) == LANGUAGES
    assert all(len(months) == 12 and len(set(months)) == 12 for months in formatting_texts.MONTHS.values())


@pytest.mark.parametrize("name", COUNTS)
def test_every_count_has_each_languages_plural_forms(name: str) -> None:
    assert set(COUNTS[name]) == LANGUAGES
    for language, forms in COUNTS[name].items():
        n_forms = 3 if language in THREE_FORMS else 2
        assert [fields(form) for form in forms] == [Counter({"n:": 1})] * n_forms, language


def test_the_check_catches_a_dropped_placeholder_a_lost_tag_and_a_renamed_command() -> None:
    english = "Send <code>/follow TOPIC</code> in under {n} characters."
    assert shape("Envoyez <code>/follow SUJET</code> en moins de {n} caractères.") == shape(english)
    assert shape("Envoyez <code>/follow SUJET</code> en moins de n caractères.") != shape(english)
    assert shape("Envoyez /follow SUJET en moins de {n} caractères.") != shape(english)
    assert shape("Envoyez <code>/suivre SUJET</code> en moins de {n} caractères.") != shape(english)
    assert shape("{n:g} minutes") != shape("{n} minutes")


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("pl", {1: "1 artykuł", 2: "2 artykuły", 5: "5 artykułów", 12: "12 artykułów", 21: "21 artykułów"}),
        ("pl", {22: "22 artykuły", 104: "104 artykuły", 0: "0 artykułów"}),
        ("ru", {1: "1 статья", 3: "3 статьи", 11: "11 статей", 21: "21 статья", 25: "25 статей"}),
        ("uk", {1: "1 стаття", 4: "4 статті", 14: "14 статей", 31: "31 стаття"}),
        ("fr", {0: "0 article", 1: "1 article", 2: "2 articles"}),
        ("en", {0: "0 articles", 1: "1 article", 2: "2 articles"}),
        ("de", {0: "0 Artikel", 1: "1 Artikel", 7: "7 Artikel"}),
    ],
)
def test_articles_are_counted_with_the_languages_plural_forms(language: str, counts: dict[int, str]) -> None:
    assert {n: admin_texts.article_count(n, language) for n in counts} == counts


def test_pages_are_counted_with_the_languages_plural_forms() -> None:
    assert [admin_texts.counted("pages", n, "pl") for n in (2, 5)] == ["2 strony", "5 stron"]
    assert [admin_texts.counted("pages", n, "ru") for n in (3, 10)] == ["3 страницы", "10 страниц"]
    assert admin_texts.counted("pages", 3, "nl") == "3 pagina’s"
    assert [admin_texts.counted("pages", n, "fr") for n in (0, 1, 2)] == ["0 page", "1 page", "2 pages"]


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("en", {1: "1 message", 2: "2 messages", 10: "10 messages"}),
        ("de", {1: "1 Nachricht", 3: "3 Nachrichten"}),
        ("pl", {1: "1 wiadomość", 2: "2 wiadomości", 21: "21 wiadomości"}),
        ("ru", {1: "1 сообщение", 2: "2 сообщения", 5: "5 сообщений", 21: "21 сообщение", 12: "12 сообщений"}),
        ("uk", {1: "1 повідомлення", 3: "3 повідомлення", 25: "25 повідомлень"}),
    ],
)
def test_the_rate_limits_messages_are_counted_with_the_languages_plural_forms(
    language: str, counts: dict[int, str]
) -> None:
    # "up to 1 messages", "не более чем на 2 сообщений" before
    forms = handler_texts.MESSAGE_FORMS[language]
    assert {n: count_form(n, language, forms) for n in counts} == counts


def test_a_feeds_status_units_are_in_all_ten_languages() -> None:
    assert set(feed_texts.FEED_UNITS) == LANGUAGES
