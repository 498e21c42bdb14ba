"""What the evidence features (evidence.py) need of a question: its anchors (names and numbers), content words and
the kind of answer it asks for (`Question`), and the words and patterns it is read with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.language import WORD_LANGUAGES, is_known_word
from index.lexical import STOPWORDS, fold

WORD_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
NUMBER_RE = re.compile(r"\d")
QUESTION_WORDS = frozenset(
    fold(w)
    for w in """
    who whom whose what which when where why how wer wen wem wessen was welche welcher welches welchen welchem wann
    wo wohin woher warum weshalb wieso weswegen wie wieviel wieviele viele viel many much long old high
    """.split()
)

QTYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "why",
        re.compile(
            r"\b(why|warum|weshalb|wieso|weswegen|for what reason|aus welchem grund"
            r"|what did(?:\s+\S+){1,4}\s+die (?:of|from)"
            r"|woran(?:\s+\S+){0,3}\s+(?:starb|stirbt|gestorben|lag|liegt|scheiterte?|gescheitert))\b",
            re.I,
        ),
    ),
    (
        "when",
        re.compile(
            r"\b(when|wann|what year|which year|what date|welche[mn]? (?:jahr|datum|tag|monat)|seit wann|bis wann|"
            r"in welchem jahr|an welchem tag)\b",
            re.I,
        ),
    ),
    (
        "number",
        re.compile(
            r"\b(how (?:many|much|long|old|high|large|big|far|often|fast)|what (?:percentage|share|amount|sum|price)|"
            r"wie (?:viele?|hoch|lange?|alt|groß|gross|weit|oft|schnell|teuer)|wieviele?|welche[rnm]? (?:betrag|summe|"
            r"anteil|preis)|um wie viel)\b",
            re.I,
        ),
    ),
    (
        "where",
        re.compile(
            r"\b(where|wo|wohin|woher|in which (?:city|country|town|place)|in welche[rmn]? "
            r"(?:stadt|land|ort|region))\b",
            re.I,
        ),
    ),
    ("who", re.compile(r"\b(who|whom|whose|wer|wen|wem|wessen)\b", re.I)),
)


@dataclass(frozen=True)
class Question:
    """What the features need of a question: its anchors, content words and the kind of answer it asks for."""

    text: str
    language: str
    anchors: frozenset[str]
    terms: frozenset[str]
    numbers: frozenset[str]
    qtype: str
    #: anchors that are no word of the question's language (Sedol, AlphaGo, F-22, 2018): proper names and
    #: numbers, spelled alike in every language, so an article that lacks them is likely about something else
    names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str, language: str) -> Question:
        words = WORD_RE.findall(text)
        anchors: set[str] = set()
        terms: set[str] = set()
        for position, word in enumerate(words):
            folded = fold(word)
            if folded in STOPWORDS or folded in QUESTION_WORDS or (len(folded) < 2 and not folded.isdigit()):
                continue
            terms.add(folded)
            # Names and numbers carry over between languages. The first word is capitalised anyway.
            if NUMBER_RE.search(word) or (position > 0 and word[:1].isupper()) or any(c.isupper() for c in word[1:]):
                anchors.add(folded)
        qtype = next((name for name, pattern in QTYPES if pattern.search(text)), "other")
        numbers = frozenset(w for w in anchors if NUMBER_RE.search(w))
        # Looked up folded, so a German noun with an umlaut ("gefangnis", "ubernahme") is no known word and counts
        # as a name. The models were fitted so; looking words up as written cost absent-topic abstention (README).
        names = frozenset(w for w in anchors if w in numbers or not _is_word(w, language))
        return cls(text, language, frozenset(anchors), frozenset(terms), numbers, qtype, names)


def _is_word(word: str, language: str) -> bool:
    """Whether simplemma knows the word in the question's language (or, unsure of it, in English or German)."""
    return is_known_word(word, (language,) if language in WORD_LANGUAGES else WORD_LANGUAGES)
