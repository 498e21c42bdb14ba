"""What the evidence features (evidence.py) need of a question: its anchors (names and numbers), content words and
the kind of answer it asks for (`Question`), and the words and patterns it is read with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.answerers import romance_questions
from index.language import WORD_LANGUAGES, is_known_word
from index.lexical import STOPWORDS, fold, is_stopword

WORD_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)
NUMBER_RE = re.compile(r"\d")
QUESTION_WORDS = frozenset(
    fold(w)
    for w in """
    who whom whose what which when where why how wer wen wem wessen was welche welcher welches welchen welchem wann
    wo wohin woher warum weshalb wieso weswegen wie wieviel wieviele viele viel many much long old high
    """.split()
)

# A question for someone's age: news give it as "72 Jahre alt", "im Alter von 72 Jahren", "der 72-Jährige", "a
# 72-year-old", or in brackets after the name ("Tim Hunt (72)")
AGE = re.compile(r"\b(how old|what age|wie alt|welches alter|in welchem alter|mit wie viel(?:en)? jahren)\b", re.I)
# A question for a cause that does not open with "why": answered as a why-question is (extractive.py
# `_with_following`), though its type stays "other" (the evidence model was fitted so)
ASKS_CAUSE = re.compile(
    r"^\s*(?:what (?:caused|causes|led to|leads to|(?:was|is) the (?:reason|cause))"
    r"|was (?:war|ist|waren|sind) (?:der grund|die ursache|die gründe|die ursachen)|was führte dazu"
    r"|welche[nr]? (?:grund|gründe|ursache))\b",
    re.I,
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
            r"anteil|preis)|um wie viel)\b|" + AGE.pattern,  # a question for an age asks for a number
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
# A question for a quantity names what it counts: "How many spectators …" (the words after it, up to a function
# word; in German the nouns, "Wie viele zweisprachige Ortstafeln …"), or asks for an amount of money, a duration or
# a size (`asked_quantity`). The answer holds a number with that unit (evidence.py `quantity_held`).
COUNTED = re.compile(
    r"\b(?:(how many|number of)|(wie viele?n?|wieviele?|welche anzahl(?: an| von)?|anzahl (?:an|von|der)))\s+"
    r"((?:[^\W_][\w'’.-]*\s+){0,2}[^\W_][\w'’.-]*)",
    re.I,
)
# at most this many words counted: the last of an English question's, the first of a German one's (below)
MAX_COUNTED = 2
AMOUNT = re.compile(
    r"\b(how much|wie viel(?!e)|how (?:large|big|high)|wie (?:hoch|groß|gross)|what (?:price|amount|sum)|"
    r"welche[nrm]? (?:preis|betrag|summe))\b",
    re.I,
)
MONEY = re.compile(
    r"\b(cost|costs|pay|paid|charge|charged|price|invest\w*|fine|compensation|prize|money|worth|spend|spent|earn\w*|"
    r"offered|fee|euros?|dollars?|kost\w*|gekostet|zahl\w*|bezahl\w*|verlang\w*|investier\w*|preis\w*|geld\w*|"
    r"entschädigung|strafe|gebühr\w*|angeboten|verdien\w*)\b",
    re.I,
)
DURATION = re.compile(r"\b(how long|wie lange?)\b", re.I)
# A penalty may be a term: "Wie hoch ist Warmbiers Strafe?" asks for "15 Jahren Arbeitslager" as readily as for an
# amount (a "Geldstrafe" is money only)
TERM = re.compile(r"\b(strafe|haftstrafe|freiheitsstrafe|gefängnisstrafe|haft|sentence|penalty|jail term)\b", re.I)
SIZE = re.compile(
    r"\b(how (?:large|big|high|tall|far|long|deep|wide)|wie (?:groß|gross|hoch|weit|tief|breit|lang))\b", re.I
)
# English words that end what a question counts ("How many people were …")
COUNT_ENDS = frozenset("do does did are were is was will would can could have has had be been being".split())


@dataclass(frozen=True)
class UnitWords:
    """How questions in some languages ask for a quantity's kind of unit (`asked_quantity`): for an amount (with a
    word of money, money; with a penalty, a duration: a term), a duration, an age or a size."""

    amount: re.Pattern[str]
    money: re.Pattern[str]
    term: re.Pattern[str]
    duration: re.Pattern[str]
    age: re.Pattern[str]
    size: re.Pattern[str]

    def units(self, text: str) -> set[str]:
        amount = bool(self.amount.search(text))
        kinds = {
            "money": amount and bool(self.money.search(text)),
            "duration": bool(self.duration.search(text)) or (amount and bool(self.term.search(text))),
            "age": bool(self.age.search(text)),
            "size": bool(self.size.search(text)),
        }
        return {kind for kind, asked in kinds.items() if asked}


ENGLISH_GERMAN_UNITS = UnitWords(AMOUNT, MONEY, TERM, DURATION, AGE, SIZE)
ROMANCE_UNITS = UnitWords(
    romance_questions.AMOUNT,
    romance_questions.MONEY,
    romance_questions.TERM,
    romance_questions.DURATION,
    romance_questions.AGE,
    romance_questions.SIZE,
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
    #: what a question for a quantity counts in (`asked_quantity`): kinds of unit ("money", "duration", "age", "size")
    #: and the words it counts, as written ("Zuschauer"); both empty for any other question
    units: frozenset[str] = frozenset()
    counted: tuple[str, ...] = ()

    @property
    def asks_quantity(self) -> bool:
        return bool(self.units or self.counted)

    @classmethod
    def of(cls, text: str, language: str) -> Question:
        words = WORD_RE.findall(text)
        other = _romance(words, language)
        anchors: set[str] = set()
        terms: set[str] = set()
        for position, word in enumerate(words):
            if other and not NUMBER_RE.search(word):
                word = romance_questions.content_word(word)
            folded = fold(word)
            if is_stopword(word) or folded in QUESTION_WORDS or (len(folded) < 2 and not folded.isdigit()):
                continue
            terms.add(folded)
            # Names and numbers carry over between languages. The first word is capitalised anyway.
            if NUMBER_RE.search(word) or (position > 0 and word[:1].isupper()) or any(c.isupper() for c in word[1:]):
                anchors.add(folded)
        qtype = question_type(text, other=other)
        numbers = frozenset(w for w in anchors if NUMBER_RE.search(w))
        # Looked up folded, so a German noun with an umlaut ("gefangnis", "ubernahme") is no known word and counts
        # as a name. The models were fitted so; looking words up as written cost absent-topic abstention (README).
        names = frozenset(w for w in anchors if w in numbers or not _is_word(w, language))
        units, counted = asked_quantity(text)
        if other and not (units or counted):
            units, counted = _romance_quantity(text)
        return cls(text, language, frozenset(anchors), frozenset(terms), numbers, qtype, names, units, counted)


def _romance(words: list[str], language: str) -> bool:
    """Whether a question is read with romance_questions' words: it is in another language than English or German,
    or has no English or German question word but one that only French, Spanish or Italian has."""
    if language and language not in WORD_LANGUAGES:
        return True
    folded = {fold(word) for word in words}
    return not folded & QUESTION_WORDS and bool(folded & romance_questions.TELLING)


def question_type(text: str, *, other: bool = False) -> str:
    """The kind of answer a question asks for (QTYPES' names, else "other"); `other`: the question is in another
    language than English or German, and French, Spanish and Italian question words count too."""
    for name, pattern in QTYPES:
        if pattern.search(text) or (other and romance_questions.QTYPES[name].search(text)):
            return name
    return "other"


def asked_quantity(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The kinds of unit and the counted words of a question for a quantity: ({"money"}, ()) for "How much did
    Google pay?", (∅, ("Zuschauer",)) for "Wie viele Zuschauer sahen …?", ({"duration", "size"}, ()) for "How
    long is the film?", ({"age"}, ()) for "How old is he?"; both empty for another question."""
    counted: list[str] = []
    german = False
    if match := COUNTED.search(text):
        german = bool(match.group(2))
        for word in match.group(3).split():
            folded = fold(word.strip("'’."))
            if german:  # its nouns, after at most adjectives ("zweisprachige Ortstafeln"), not a verb ("hat")
                if word[:1].isupper():
                    counted.append(word)
                    continue
                if counted or not folded.endswith(("e", "en", "er", "es", "em")):
                    break
                continue
            if folded in COUNT_ENDS or folded in STOPWORDS:
                break
            counted.append(word)
    units = ENGLISH_GERMAN_UNITS.units(text)
    if "age" in units:
        # an age, not any span of years: "zu zehn Jahren Gefängnis" does not say how old Badawi is (evidence.py
        # `AGE_STATED`); the years "Mit wie vielen Jahren …" counts are the age's
        counted.clear()
    # English names what it counts last ("bilingual place-name signs"), German first ("Megawatt Heizleistung")
    kept = counted[:MAX_COUNTED] if german else counted[-MAX_COUNTED:]
    return frozenset(units), tuple(word.strip("'’.") for word in kept)


def _romance_quantity(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """`asked_quantity` for a French, Spanish or Italian question: ({"money"}, ()) for "Combien Google a-t-il payé
    ?", (∅, ("spectateurs",)) for "Combien de spectateurs …?", ({"duration"}, ()) for "Combien de temps …?",
    ({"age"}, ()) for "¿Qué edad tiene?"."""
    units, counted = romance_questions.counted(text)
    units |= ROMANCE_UNITS.units(text)
    return frozenset(units), () if "age" in units else counted


def _is_word(word: str, language: str) -> bool:
    """Whether simplemma knows the word in the question's language; for a question in another language, in English,
    as an English question's capitalised words are read ("Super Bowl" is no name; German's dictionary knows "Merkel",
    which a French question names); unsure of its language, in English or German."""
    if language in WORD_LANGUAGES:
        return is_known_word(word, (language,))
    return is_known_word(word, ("en",) if language else WORD_LANGUAGES)
