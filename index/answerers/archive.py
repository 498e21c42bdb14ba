"""The archive: a question about what the bot has read ("How many articles have you read?", "Welche Medien liest
du?", "Do you have articles in English?") gets the archive's own figures, not a sentence from it.

    How many articles have you read?  ->  I have read 127 articles, 6 of them from 1 outlet (derStandard.at); none
                                          of them has a date, the last added is “…” [1].
    Do you have articles in English?  ->  I have read 127 articles …: 127 in German, none in English; …
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.answerers.headlines import headline, newest_first
from index.language import LANGUAGE_NAMES, language_name
from index.models import Answer, Source, StoredArticle
from index.outlets import Outlets

# Questions about what the bot has read, whole ("How many articles have you read?", "What is your newest article?",
# "Which outlets do you read?", "Wie viele Artikel kennst du?", "Wie aktuell bist du?").
ABOUT_THE_ARCHIVE = re.compile(
    r"^\W*(?:"
    r"how many (?:news )?(?:articles|stories|news|reports) (?:(?:have|do|did) you (?:read|have|know|index)\w*|"
    r"(?:are|have you) (?:there|indexed|stored|read))(?: so far)?"
    r"|what(?:'s|’s| is| are) your (?:newest|latest|most recent|oldest|last) (?:article|story|news|headlines?)"
    r"|which (?:outlets|sources|newspapers|papers|sites|websites|media|feeds) (?:do|did|have) you"
    r" (?:read|use|know|cover|follow|have)\w*"
    r"|when (?:was|were) (?:the|your) (?:last|latest|newest|most recent) (?:update|article|story|news)"
    r"(?: (?:published|added|indexed|read|written))?"
    r"|how (?:up to date|current|recent|old) (?:are you|is your (?:news|data|archive|index))"
    r"|what (?:news|articles) do you (?:have|know)"
    r"|wie viele (?:artikel|nachrichten|meldungen|berichte) (?:kennst|hast|liest|kennen|haben|lesen) (?:du|sie)"
    r"(?: gelesen)?"
    r"|was ist (?:dein|ihr) (?:neuester|aktuellster|letzter|ältester) (?:artikel|bericht)"
    r"|welche (?:medien|zeitungen|seiten|webseiten|nachrichtenquellen|feeds) (?:liest|kennst|nutzt|verwendest|hast"
    r"|lesen|kennen|nutzen|verwenden|haben) (?:du|sie)"
    r"|wann war (?:das|dein|ihr|die) letzte[sn]? (?:update|aktualisierung|artikel|meldung)"
    r"|wann wurde (?:der|dein|ihr) (?:neueste|letzte|aktuellste) artikel (?:veröffentlicht|hinzugefügt|gelesen)"
    r"|wie aktuell (?:bist du|sind sie|sind deine (?:nachrichten|daten))"
    # and "When were you last updated?", "What topics do you cover?", "Welche Nachrichten hast du?" (each got a cited
    # sentence)
    r"|when (?:were you|was it|was this bot) (?:last )?updated|what (?:topics|subjects|stories) do you (?:cover|have"
    r"|know)|wann wurdest du (?:zuletzt |das letzte mal )?aktualisiert|welche (?:nachrichten|themen|artikel)"
    r" (?:hast|kennst|deckst) du(?: ab)?|welche themen (?:behandelst|deckst) du(?: ab)?"
    r")\W*$",
    re.IGNORECASE,
)
# Questions about the languages of what it has read ("Do you have articles in English?", "Which languages do you
# read?", "Hast du Artikel auf Englisch?"): each got a cited sentence. The language asked for, if any, is a name in
# English or German.
_LANGUAGE = r"(?P<language{n}>[^\W\d_]+)"
_TEXTS = r"(?:news|articles|stories|reports|sources|texts)"
_TEXTE = r"(?:artikel|nachrichten|meldungen|berichte|quellen|texte)"
ABOUT_LANGUAGES = re.compile(
    r"^\W*(?:"
    rf"(?:do|did) you (?:have|read|know|cover|index|store) (?:any |some )?(?:{_TEXTS} )?(?:written )?in "
    rf"{_LANGUAGE.format(n=1)}"
    rf"|(?:are|is) there (?:any |some )?{_TEXTS} (?:written )?in {_LANGUAGE.format(n=2)}(?: here)?"
    r"|(?:which|what) languages? (?:do|can|did) you (?:read|cover|have|know|index|understand)\w*"
    rf"|(?:in )?(?:which|what) languages? (?:are|is) (?:your|the) {_TEXTS}(?: written)?(?: in)?"
    rf"|(?:hast|haben|kennst|liest) (?:du|sie) (?:auch |denn |überhaupt )?(?:{_TEXTE} )?(?:auf|in) "
    rf"{_LANGUAGE.format(n=3)}"
    rf"|gibt es (?:auch |denn |überhaupt )?{_TEXTE} (?:auf|in) {_LANGUAGE.format(n=4)}"
    r"|(?:in )?welche[nr]? sprachen? (?:liest|kennst|hast|verstehst|lesen|kennen|haben|verstehen) (?:du|sie)"
    rf"|in welchen sprachen sind (?:deine|ihre|die) {_TEXTE}(?: geschrieben)?"
    r")\W*$",
    re.IGNORECASE,
)
# the languages' names in German, for the question and the reply ("auf Englisch")
GERMAN_LANGUAGE_NAMES = {
    "ar": "Arabisch",
    "cs": "Tschechisch",
    "de": "Deutsch",
    "en": "Englisch",
    "es": "Spanisch",
    "fr": "Französisch",
    "hr": "Kroatisch",
    "hu": "Ungarisch",
    "it": "Italienisch",
    "nl": "Niederländisch",
    "pl": "Polnisch",
    "pt": "Portugiesisch",
    "ru": "Russisch",
    "sr": "Serbisch",
    "tr": "Türkisch",
    "uk": "Ukrainisch",
    "zh": "Chinesisch",
}
_LANGUAGE_CODES = {name.lower(): code for code, name in LANGUAGE_NAMES.items()} | {
    name.lower(): code for code, name in GERMAN_LANGUAGE_NAMES.items()
}
MAX_OUTLETS = 5
ARCHIVE_TEXTS = {
    "en": {
        "read": "I have read {articles} article{s}",
        "read_from": "I have read {articles} article{s} from {n} {outlets} ({names})",
        "read_some_from": "I have read {articles} article{s}, {known} of them from {n} {outlets} ({names})",
        "outlet": "outlet",
        "outlets": "outlets",
        "newest": "; the newest is from {day}: “{title}” [1].",
        "undated": "; none of them has a date, the last added is “{title}” [1].",
        "in": "{n} in {language}",
        "none_in": "none in {language}",
        "unknown": "{n} in a language not identified",
    },
    "de": {
        "read": "Ich habe {articles} Artikel gelesen",
        "read_from": "Ich habe {articles} Artikel aus {n} {outlets} gelesen ({names})",
        "read_some_from": "Ich habe {articles} Artikel gelesen, {known} davon aus {n} {outlets} ({names})",
        "outlet": "Medium",
        "outlets": "Medien",
        "newest": "; der neueste ist vom {day}: „{title}“ [1].",
        "undated": "; keiner hat ein Datum, zuletzt hinzugefügt wurde „{title}“ [1].",
        "in": "{n} auf {language}",
        "none_in": "keiner auf {language}",
        "unknown": "{n} in einer nicht erkannten Sprache",
    },
}


def asks_about_the_archive(question: str) -> bool:
    """Whether a question asks what the bot has read ("How many articles have you read?", "Do you have articles in
    English?"), not about the news."""
    return ABOUT_THE_ARCHIVE.match(question) is not None or asked_languages(question) is not None


def asked_languages(question: str) -> str | None:
    """For a question about the languages of what the bot has read, the language it asks for ("en" for "Do you
    have articles in English?", "" for "Which languages do you read?"); None for any other question, and for one
    whose "language" is no language's name ("Do you have articles in detail?")."""
    match = ABOUT_LANGUAGES.match(question)
    if match is None:
        return None
    named = next((value for value in match.groupdict().values() if value), None)
    if named is None:
        return ""
    return _LANGUAGE_CODES.get(named.lower())


def archive_answer(question: str, articles: Sequence[StoredArticle], *, language: str) -> Answer:
    """How many articles are stored, from which outlets (the most frequent first), and the newest, cited; for a
    question about their languages, how many are in each (and none in the one asked for, when so)."""
    texts = ARCHIVE_TEXTS.get(language, ARCHIVE_TEXTS["en"])
    sizes = Outlets(articles).sizes
    plural = "" if len(articles) == 1 else "s"
    text = texts["read"].format(articles=len(articles), s=plural)
    if sizes:
        names = ", ".join(name for name, _ in sizes[:MAX_OUTLETS]) + (", …" if len(sizes) > MAX_OUTLETS else "")
        outlets = texts["outlet" if len(sizes) == 1 else "outlets"]
        known = sum(n for _, n in sizes)  # articles with neither an outlet nor a link count for none
        form = texts["read_from" if known == len(articles) else "read_some_from"]
        text = form.format(articles=len(articles), s=plural, known=known, n=len(sizes), outlets=outlets, names=names)
    asked = asked_languages(question)
    if asked is not None:
        text += ": " + languages_read(articles, asked, language=language)
    newest = newest_first(articles)[0]
    label = headline(newest.meta)
    if newest.meta.published_at is not None:
        text += texts["newest"].format(day=newest.meta.published_iso[:10], title=label)
    else:
        text += texts["undated"].format(title=label)
    source = Source(n=1, article_id=newest.article_id, meta=newest.meta, snippet="", score=0.0)
    return Answer(text=text, sources=[source], answerer="archive", question=question)


def languages_read(articles: Sequence[StoredArticle], asked: str, *, language: str) -> str:
    """ "120 in German, 7 in English" (the most frequent first), then "none in French" when `asked` is a language
    none of them is in; in German for `language` "de"."""
    texts = ARCHIVE_TEXTS.get(language, ARCHIVE_TEXTS["en"])
    names = GERMAN_LANGUAGE_NAMES if language == "de" else LANGUAGE_NAMES
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.meta.language] = counts.get(article.meta.language, 0) + 1
    unknown = counts.pop("", 0)
    parts = [
        texts["in"].format(n=counts[code], language=names.get(code, language_name(code)))
        for code in sorted(counts, key=lambda code: (-counts[code], code))
    ]
    if unknown:
        parts.append(texts["unknown"].format(n=unknown))
    if asked and asked not in counts:
        parts.append(texts["none_in"].format(language=names.get(asked, language_name(asked))))
    return ", ".join(parts)
