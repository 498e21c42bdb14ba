"""Evidence that a sentence answers *this* question, and whether the retrieved news answers it at all.

Similarity alone cannot tell "the sentence about the painting sale" from "the sentence giving the sale's price":
both are close to the question. So each candidate sentence gets a few more signals, in every language pair the
multilingual reader handles:

- anchors: the question's names and numbers ("Lee Sedol", "2017", "F-22"), which carry over between languages,
  and, for a question in the article's language, its content words; how many the sentence and its article hold;
- the answer type: a date for "when"/"wann", a number for "how many"/"wie viele", a new name for "who"/"wer", a
  place for "where", a cause for "why" — whether the sentence holds something of that kind that the question does
  not already say;
- the reader's similarity, absolute and relative to the best candidate, and the hit's relevance and rank;
- the whole indexed store (the BM25 index's document frequencies, `Corpus`): a name or number of the question
  that the store holds, but in none of the retrieved articles ("2020" in a question about Beirut, over news that
  says "2020" only elsewhere), is one no article names alongside the rest: news that is not there;
- how far the best article's relevance is ahead of the next article's;
- the question's words in the sentence, in any language: each word's closest word of the sentence in USE, which
  puts a word and its translation close ("title" and "Titel", "convicted" and "verurteilt"; `rendered_terms`),
  alone and with the sentence before it (an answer often names its subject in the sentence before: "Die
  Staatsanwaltschaft fordert für ihn 27 Jahre Haft" after the one naming Schettino);
- across languages, where the question's content words are no words of the article: how much of the question's
  "latent terms" (the reader's sparse code of its tokens, shared between languages: "price" and "Preis") the best
  article's best sentences hold. A question asking for something the article never mentions leaves some unheld.

Two small linear models weigh them (`AnswerModel`, answer_model.py): a conditional logit ranks the sentences (which
one answers), a logistic regression decides from the best sentence and the hits whether to answer at all. Their
weights are fitted on dev data by benchmarks/fit_answerability.py and kept, versioned, in answerability.json next to
this file. What they need of the question (its names, numbers and the kind of answer asked for) is question.py's
`Question`. Beside the models, rules refuse an answer that plainly lacks the kind asked for: a time to a question
opening with "when" (one not told as past to "When will …"), an amount of money, a count, a share, a span of time, a
number in the unit of measure asked for, the currency a question names (`time_unanswered`,
`time_to_come_unanswered`, `quantity_unanswered`, `share_unanswered`, `duration_unanswered`, `measure_unanswered`,
`currency_unanswered`; extractive.py `lacks_kind`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

import numpy as np

from index.answerers.question import NUMBER_RE, WORD_RE, Question, question_type
from index.lexical import STOPWORDS, content_words, fold, is_stopword, tokenize

if TYPE_CHECKING:
    from index.embedders import Embedder

# A model whose profile does not say how its cosines spread: about USE's.
DEFAULT_SPREAD = 0.05

YEAR_RE = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
MONTHS = frozenset(
    fold(m)
    for m in """
    january february march april may june july august september october november december jänner januar februar
    feber märz april mai juni juli august september oktober november dezember monday tuesday wednesday thursday
    friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag
    """.split()
)
NUMBER_WORDS = frozenset(
    fold(w)
    for w in """
    zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend million millionen
    milliarde milliarden prozent euro dollar two three four five six seven eight nine ten eleven twelve twenty
    hundred thousand million billion percent halb hälfte half dutzend dozen
    """.split()
)
CAUSE_RE = re.compile(
    r"\b(weil|denn|wegen|aufgrund|grund|gründe[n]?|begründ\w*|zurückzuführen|deshalb|daher|darum|folge|infolge|"
    r"sodass|damit|um\s+\w+(?:\s+\w+){0,4}\s+zu|because|due to|reason|since|as a result|so that|in order to|"
    r"owing to|thanks to|dank|angesichts|nachdem|"
    # a cause stated, not one asked about ("Todesursache sei …", not "was die Ursache war")
    r"\w*ursache\s+(?:sei|war|ist|waren|sind|seien)|verursacht|ausgelöst\s+(?:durch|von)|caused by)\b",
    re.IGNORECASE,
)
# What a number is counted in, by kind of unit a question asks for (question.py `asked_quantity`), folded: "money"
# its currencies, "duration" its spans of time (and "-jährige"), "size" lengths, areas, weights and also money and
# shares ("Wie hoch war der Siegerscheck?")
CURRENCIES = frozenset(
    fold(w) for w in "euro eur dollar dollars usd franken pfund pound pounds cent yen rubel lira kronen € $ £".split()
)
DURATIONS = frozenset(
    fold(w)
    for w in """
    sekunde sekunden minute minuten stunde stunden tag tage tagen woche wochen monat monate monaten jahr jahre jahren
    second seconds minutes hour hours day days week weeks month months year years
    """.split()
)
DURATION_ENDINGS = ("sekunde", "minuten", "stunden", "jahre", "jahrig", "jahrige", "jahrigen")
LENGTHS = frozenset(
    fold(w)
    for w in """
    meter metern metre metres kilometer kilometern kilometre kilometres km m cm zentimeter millimeter mm
    quadratmeter m2 hektar fuß feet foot mile
    miles meilen yards kubikmeter tonnen tonne kilo kilogramm kg gramm liter prozent percent %
    """.split()
)
# What a measure a question counts is given in, when its units are words of their own: "Über wie viel elektrische
# Leistung verfügte Philae?" is answered by "24 Watt". Keys and units folded; a unit of four letters or more matches
# the words it starts ("Quadratmetern"), a shorter one only itself ("km").
_MEASURES = {
    "leistung power output": "watt kilowatt megawatt gigawatt kw mw gw ps",
    "energie energy strom electricity": "watt kilowatt megawatt gigawatt kwh mwh gwh",
    "gewicht weight masse mass": "tonne tons ton kilo kg gramm gram pfund pound",
    "lange hohe tiefe breite entfernung distanz strecke length height depth width distance": (
        "meter metre km cm mm meile mile feet foot fuß yard"
    ),
    "flache area": "quadrat square hektar hectare acre km2 m2 km² m²",
    "temperatur temperature": "grad degree",
    "geschwindigkeit tempo speed": "stundenkilometer km mph knoten knots",
    "volumen volume": "liter litre kubikmeter barrel fass hektoliter",
}
MEASURE_UNITS = {measure: tuple(units.split()) for measures, units in _MEASURES.items() for measure in measures.split()}
# A question for a quantity whose likeliest sentence holds none is answered from the likeliest sentence of the same
# article that holds one, when its logit is at most this much lower (`quantity_first`): "How many participants are
# attending the Bilderberg meeting in Telfs?" was refused, its likeliest sentence the lead on the meeting, "Die 140
# Teilnehmer aus 22 Ländern …" 1.05 lower. Not tuned: 1.2 was the one value measured (README, "Quantities first").
QUANTITY_MARGIN = 1.2
# Words that stand for a number in a quantity ("eine Zehntel-Sekunde", "zwölf Nominierungen", "500 Millionen
# Dollar", "80 Prozent")
QUANTITY_WORDS = frozenset(
    fold(w)
    for w in """
    ein eine einen einer zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig fünfzig
    hundert tausend dutzend one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand dozen halb half zehntel mio mrd millionen million milliarden milliarde millions billion billions
    prozent percent
    """.split()
)
QUANTITY_TOKEN_RE = re.compile(r"[^\W_][\w'’.-]*|[€$£%]")
# How far from its number a unit may stand, function words not counted: one word before ("Euro 500"), three after
# ("453 zweisprachige Ortstafeln")
UNIT_BEFORE, UNIT_AFTER = 1, 3
# A counted word matches a sentence's word that starts like it (all but its last two letters, at least four:
# "Haushalte", "Haushalten") or ends with it ("Fernsehzuschauer" for "zuschauer")
COUNTED_STEM = 4
# Words for a number that count things: not "ein", "one" (any German noun's article, "one of"), nor parts; and
# the ones that count vaguely ("häufig mehrere Male" for "Zu wie vielen Wiedergeburten …?", "Hunderten")
COUNT_WORDS = QUANTITY_WORDS - frozenset(
    fold(w) for w in "ein eine einen einer one halb half zehntel prozent percent".split()
) | frozenset(
    fold(w)
    for w in """
    mehrere etliche zahlreiche dutzende hunderte hunderten tausende tausenden several numerous dozens hundreds
    thousands
    """.split()
)
# What a number is not a count of things in: money, time, a share, a temperature ("494.310 Euro", "23-sekündige",
# "21.45 Uhr", "100 Millionen Grad")
NOT_COUNTED = CURRENCIES | DURATIONS | MONTHS | frozenset(fold(w) for w in "uhr prozent percent % grad degrees".split())
# ... and, of those of five letters or more, any word that starts like them but for their last letter
# ("sekündige", "Dollarnoten")
NOT_COUNTED_STEMS = tuple(sorted(unit[:-1] for unit in NOT_COUNTED if len(unit) > COUNTED_STEM))
# A German ordinal or day of the month ("19. Jahrhundert", "am 2. Jänner"), a score or a time ("2:6", "1:41 Stunden"),
# an age in brackets ("Peyton Manning (39)")
NOT_A_COUNT = re.compile(r"\b\d{1,3}\.(?=\s+[^\W\d_])|\b\d+:\d+\b|\(\d{1,3}\)")
# An age in brackets after a name: "Tim Hunt (72)", "Prinz William (32)"
BRACKETED_AGE = re.compile(r"[^\W\d_]\s\((\d{1,3})[),]")
# What an "N-jährige" before it makes a span of years, not an age: "die 15-jährige Haftstrafe", "nach 20-jähriger
# Ehe", "die 30-jährige Amtszeit", "ihr 100-jähriges Bestehen"
YEARS_OF = (
    r"\w*(?:haft|strafe|gefängnis|ehe|geschichte|bestehen|jubiläum|pause|karriere|zeit|vertrag|arbeit|tradition"
    r"|beziehung|herrschaft|erfahrung|krieg|frist|planung|mitgliedschaft|partnerschaft)\b"
)
# An age stated: "72 Jahre alt", "ein 43 Jahre alter Ungar", "im Alter von 72 Jahren", "der 72-Jährige", "a
# 72-year-old", "72 years old", "aged 72"; not a span of years ("zu zehn Jahren Gefängnis", "die 15-jährige Haftstrafe")
AGE_STATED = re.compile(
    rf"\b(\d{{1,3}})(?:-j[aä]hrig\w*+(?!\s+{YEARS_OF})|-years?-old\b|\s+(?:jahre|years)\s+(?:alt(?:e[nrms]?)?|old)\b)"
    r"|\b(?:im\s+alter\s+von|at\s+the\s+age\s+of|at\s+age|aged)\s+(\d{1,3})\b",
    re.IGNORECASE,
)
# the oldest age of a person (`ages_someone`)
MAX_AGE = 120
# how many words before it may name whom an age in brackets is of
AGE_NAME_WORDS = 4
PLACE_RE = re.compile(r"\b(?:in|im|nach|aus|bei|vor|near|at|from|to)\s+(?:der\s+|dem\s+|the\s+)?([^\W\d_]\w+)")

SENTENCE_FEATURES = (
    "sim",  # the reader's similarity, in units of its cosine spread above its calibrated minimum
    "sim_gap",  # how far below the best candidate's similarity, same units
    "hit_gap",  # how far the hit's relevance is below the best hit's, same units (retrieval's spread)
    "hit_rank",  # 1 / (1 + rank of the hit)
    # (No "title" feature since version 6: the fitting data's gold answers are spans of body text, XQuAD's and MLQA's
    # paragraphs have no news title, and a title weight learned that habit, -2.2 a title, without out-of-fold gain;
    # it demoted the title a request for a topic's news is best decided by, "ECB news: …" for "EZB".)
    "lead",  # the first sentence of the article's first chunk
    "anchors_sentence",  # share of the question's anchors in the sentence
    "anchors_article",  # share of the question's anchors in the article's retrieved text
    "terms_sentence",  # share of the question's content words in the sentence
    "answer_type",  # the sentence holds something of the kind asked for, that the question does not say
    "new_words",  # share of the sentence's content words the question does not have
    "words",  # log of the sentence's length in words
    "sim_rank",  # 1 / (1 + the rank of its similarity among the candidates)
    "before_gap",  # `sim_gap` of the sentence before it in the same passage (the answer often follows the match)
    "after_gap",  # `sim_gap` of the sentence after it
    "type_who",  # `answer_type`, split by the kind of question: each kind's cue is worth its own weight
    "type_when",
    "type_number",
    "type_where",
    "type_why",
    "article_gap",  # how far below the best candidate of its own article (`sim_gap` within the article)
    "unique_term",  # it holds a question word (anchor or content word) no other sentence of its article holds
    "rendered",  # mean over the question's words of the closest word of the sentence (`rendered_terms`)
    "rendered_share",  # share of the question's words with a word of the sentence at least RENDERED_MATCH close
    "rendered_before",  # how much `rendered` rises when the sentence before it in its passage is read with it
)
NO_NEIGHBOUR_GAP = -4.0
# USE cosine from which a sentence's word renders a question's word (`rendered_share`). Most translations of single
# words lie at 0.6 or more ("prosecutors" / "Staatsanwaltschaft" 0.69, "actor" / "Schauspieler" 0.88), not all
# ("crook" / "Ganove" 0.53): the threshold was not tuned, and the mean beside it (`rendered`) keeps the rest.
RENDERED_MATCH = 0.6
# The words `rendered_terms` compares: content words of three letters or more, no numbers (the anchors count those)
RENDERED_LETTERS = 3
QUESTION_FEATURES = (
    "best",  # the sentence model's share (softmax) for the best sentence
    "margin",  # how far ahead of the second best (score)
    "sim",  # the best sentence's similarity (sentence feature `sim`)
    "hit",  # the best hit's relevance above the retrieval threshold, in units of its spread
    "anchors",  # log(1 + number of anchors in the question)
    "anchors_article",  # share of anchors in the best sentence's article
    "anchors_best_article",  # the highest share of anchors any retrieved article holds
    "anchors_sentence",  # share of anchors in the best sentence
    "answer_type",  # the best sentence holds the kind of answer asked for
    "typed",  # the question asks for a kind of answer (who, when, how many, where, why)
    "cross_lingual",  # question and article are in different languages
    "terms_sentence",  # share of the question's content words in the best sentence
    "typed_support",  # some sentence of the best article holds the kind of answer and shares a name or word
    "missing_anchors",  # log(1 + anchors the best sentence's article lacks)
    "names_article",  # share of the question's names and numbers in the best sentence's article (1: none asked)
    "names_any",  # the highest such share of any retrieved article
    "numbers_article",  # share of the question's numbers in the best sentence's article (1: none asked)
    "names_missing",  # names and numbers no retrieved article holds
    "names_elsewhere",  # log(1 + names and numbers no retrieved article holds that some other stored chunk does)
    "article_margin",  # how far the best article's relevance is ahead of the next article's (or the threshold's)
    # A question for a quantity ("How many spectators …", "Wie viel hat … gekostet?"): its answer is a number with
    # the unit asked for. Same-story questions often ask for one the article does not give (version 7).
    "quantity_missing",  # the question asks for a quantity (question.py `asked_quantity`) its best sentence lacks
    # Across languages only (0 when question and article share one, where the words above do this): the reader's
    # latent terms (`latent_coverage`) of the question, against its best article's LATENT_SENTENCES best sentences
    "latent_cover",  # the share of the question's latent-term weight those sentences hold
    "latent_missing",  # the share none of them holds at all
)
# What only the cross-language question model reads (`AnswerModel.cross_question`): 0 within one language.
CROSS_LANGUAGE_FEATURES = ("latent_cover", "latent_missing")
# The sentences of the best article (the sentence model's best) whose latent terms `latent_cover` pools: out of
# fold, four did as well as all of them, and each is one more pass of the reader.
LATENT_SENTENCES = 4
# Endings a corpus word may have that the question's does not, or the reverse ("Kohlschreibers", "Olympischen"),
# tried for words of at least five letters: a dict lookup each.
CORPUS_ENDINGS = ("s", "es", "n", "en", "e", "er", "ern", "ns")


class Corpus(Protocol):
    """The indexed chunks, as the answerer may consult them: how many hold a token (index/lexical.py
    `LexicalIndex` is one)."""

    def document_frequencies(self, tokens: Iterable[str]) -> dict[str, int]: ...


def stored_names(question: Question, corpus: Corpus | None) -> frozenset[str] | None:
    """The question's names and numbers that some stored chunk holds (None without a corpus to ask). A name of
    several words ("James-Webb-Weltraumteleskop") is held when each of its words is."""
    if corpus is None:
        return None
    if not question.names:
        return frozenset()
    words = {name: tokenize(name) for name in question.names}
    forms = {word: _forms(word) for parts in words.values() for word in parts}
    frequency = corpus.document_frequencies({form for variants in forms.values() for form in variants})
    return frozenset(
        name for name, parts in words.items() if parts and all(any(frequency[f] for f in forms[w]) for w in parts)
    )


def _forms(word: str) -> set[str]:
    if word.isdigit() or len(word) < 5:
        return {word}
    return (
        {word}
        | {word[: -len(ending)] for ending in CORPUS_ENDINGS if word.endswith(ending)}
        | {word + ending for ending in CORPUS_ENDINGS}
    )


class Vocabulary:
    """The folded words of a text, matched loosely enough for inflection: "Kohlschreibers" finds
    "Kohlschreiber", "Wahlen" finds "Wahl"-less "Wahlen" only; numbers match exactly."""

    def __init__(self, text: str) -> None:
        self.words = {fold(w) for w in WORD_RE.findall(text)}

    @cached_property
    def prefixes(self) -> set[str]:
        return {w[:n] for w in self.words if not NUMBER_RE.search(w) for n in range(4, len(w) + 1)}

    def has(self, word: str) -> bool:
        if word in self.words:
            return True
        if NUMBER_RE.search(word) or len(word) < 5:
            return False
        return word[: max(4, len(word) - 3)] in self.prefixes

    def share(self, words: frozenset[str]) -> float:
        return sum(self.has(w) for w in words) / len(words) if words else 0.0


def answer_type(question: Question, sentence: str, *, title: bool = False) -> float:
    """Whether the sentence holds an answer of the kind the question asks for, beyond what the question says (a
    `title`: the article's headline)."""
    kind = question.qtype
    if kind == "other":
        return 0.0
    words = WORD_RE.findall(sentence)
    folded = [fold(w) for w in words]
    if kind == "why":
        return 1.0 if CAUSE_RE.search(sentence) else 0.0
    if kind == "number":
        new_numbers = any(NUMBER_RE.search(w) and w not in question.numbers for w in folded)
        return 1.0 if new_numbers or any(w in NUMBER_WORDS for w in folded) else 0.0
    if kind == "when":
        years = {y for y in YEAR_RE.findall(sentence) if y not in question.numbers}
        return 1.0 if years or any(w in MONTHS for w in folded) or re.search(r"\b\d{1,2}\.\s", sentence) else 0.0
    if kind == "where":
        places = [m.group(1) for m in PLACE_RE.finditer(sentence) if m.group(1)[0].isupper()]
        return 1.0 if any(fold(place) not in question.terms for place in places) else 0.0

    # who: a name — two capitalised words in a row, past the first word, neither a function word (German
    # capitalises every noun: one capitalised word is no name) — that the question does not hold
    def name_word(position: int) -> bool:
        return position > 0 and words[position][:1].isupper() and not is_stopword(words[position])

    for position in range(1, len(words) - 1):
        if name_word(position) and name_word(position + 1):
            if folded[position] not in question.terms or folded[position + 1] not in question.terms:
                return 1.0
    # A headline leads with who acted ("Nordkorea dementiert, Waffen … geliefert zu haben", "Russia denies …"): its
    # capitalised first word before a lower-case one. Not in body text, where German starts many a sentence with a
    # noun (out of fold, the cue there cost German answers: README). The datasets' articles are untitled.
    if title and len(words) > 1 and words[0][:1].isupper() and words[1][:1].islower():
        return float(not is_stopword(words[0]) and folded[0] not in question.terms)
    return 0.0


@dataclass(frozen=True)
class Candidate:
    """A sentence that may answer: which hit it comes from, and where in its article."""

    hit: int
    text: str
    title: bool = False
    lead: bool = False


def quantity_held(question: Question, sentence: str, vectors: Mapping[str, np.ndarray]) -> float:
    """1 when the sentence holds a number, not one the question says, next to a unit of the kind the question asks
    for or to a word that renders what it counts (USE cosine at least RENDERED_MATCH, `vectors` of the sentence's
    and the counted words as written): "… vor mehr als 71.000 Zuschauern" for "How many spectators …?". A number
    may carry its unit in a compound ("eine 500-Euro-Strafe"). An age is stated (`AGE_STATED`: "des 72-Jährigen",
    "72 Jahre alt") or stands in brackets after a name ("Tim Hunt (72)"), for "How old …?". Else 0."""
    if not question.asks_quantity:
        return 0.0
    tokens = _quantity_tokens(sentence)
    numbers = _numbers_of(question, tokens)
    if not numbers:
        return 0.0
    counted = [(fold(word), vectors.get(word)) for word in question.counted]

    def unit(word: str, vector: np.ndarray | None) -> bool:
        if "money" in question.units and (word in CURRENCIES or word.rsplit("-", 1)[-1] in CURRENCIES):
            return True  # "1.000 US-Dollar"
        if "duration" in question.units and (word in DURATIONS or word.endswith(DURATION_ENDINGS)):
            return True
        if "size" in question.units and (word in LENGTHS or word in CURRENCIES or word.endswith(("meter", "metern"))):
            return True
        for asked, asked_vector in counted:
            if any(word == u or (len(u) >= 4 and word.startswith(u)) for u in MEASURE_UNITS.get(asked, ())):
                return True
            stem = asked[: max(COUNTED_STEM, len(asked) - 2)]
            if len(asked) >= COUNTED_STEM and (word.startswith(stem) or word.endswith(asked)):
                return True
            if vector is not None and asked_vector is not None and float(vector @ asked_vector) >= RENDERED_MATCH:
                return True
        return False

    def carries_unit(i: int) -> bool:  # "50-Euro-Scheine", "eine 500-Euro-Strafe"
        return any(unit(fold(part), None) for part in tokens[i].split("-")[1:])

    if "age" in question.units and (
        any(
            match.group(1) not in question.numbers and _ages_whom_asked(question, sentence[: match.start() + 1])
            for match in BRACKETED_AGE.finditer(sentence)
        )
        or any((match.group(1) or match.group(2)) not in question.numbers for match in AGE_STATED.finditer(sentence))
    ):
        return 1.0
    return float(
        any(
            carries_unit(i) or any(unit(fold(token), vectors.get(token)) for token in _beside(tokens, i))
            for i in numbers
        )
    )


def _numbers_of(question: Question, tokens: Sequence[str]) -> list[int]:
    """The positions of the tokens (`_quantity_tokens`) that are a number the question does not say, or a word for
    one."""
    return [
        i
        for i, token in enumerate(tokens)
        if (NUMBER_RE.search(token) and fold(token) not in question.numbers) or fold(token) in QUANTITY_WORDS
    ]


def _beside(tokens: Sequence[str], i: int) -> list[str]:
    """The tokens that may be the unit of the number at `i`: UNIT_BEFORE before it, UNIT_AFTER after it."""
    return [*tokens[max(0, i - UNIT_BEFORE) : i], *tokens[i + 1 : i + UNIT_AFTER + 1]]


def quantity_first(
    question: Question, logits: np.ndarray, articles: Sequence[str], held: Callable[[int], float]
) -> tuple[np.ndarray, int, float]:
    """(the sentence logits, the best candidate, whether it holds the quantity asked for: `held(i)`, `quantity_held`
    of candidate i). For a question for a quantity whose likeliest sentence holds none, the likeliest sentence of the
    same article (`articles`: each candidate's) that holds one, at most QUANTITY_MARGIN less likely, takes its place:
    the two swap logits."""
    best = int(np.argmax(logits))
    if not question.asks_quantity:
        return logits, best, 0.0
    if held(best):
        return logits, best, 1.0
    for i in (int(i) for i in np.argsort(-logits)[1:]):
        if logits[i] < logits[best] - QUANTITY_MARGIN:
            break
        if articles[i] == articles[best] and held(i):
            swapped = logits.copy()
            swapped[[best, i]] = logits[[i, best]]
            return swapped, i, 1.0
    return logits, best, 0.0


def counts_something(question: Question, sentence: str) -> bool:
    """For a question that counts things (`counts_things`): whether the sentence holds a number, not one the
    question says, that may count them though its word does not render what is counted ("zwölf Nominierungen" for
    "How many nominations …?", "165 Mal angeklagt" for "On how many counts …?"): not a year, an ordinal or a date
    ("19. Jahrhundert", "2. Jänner"), nor a number of `NOT_COUNTED` ("494.310 Euro", "23-sekündige",
    "100 Millionen Grad")."""
    if not counts_things(question):
        return False
    tokens = _quantity_tokens(NOT_A_COUNT.sub(" ", sentence))
    folded = [fold(token) for token in tokens]

    def number(word: str) -> bool:
        head = word.split("-", 1)[0]  # "sechs-malige"
        return (bool(NUMBER_RE.search(word)) and word not in question.numbers) or head in COUNT_WORDS

    def not_counted(word: str) -> bool:  # "Euro", "US-Dollar", "23-sekündige", "Grad"
        return any(
            part in NOT_COUNTED or part.endswith(DURATION_ENDINGS) or part.startswith(NOT_COUNTED_STEMS)
            for part in word.split("-")
        )

    def counts(i: int) -> bool:
        if not number(folded[i]) or YEAR_RE.fullmatch(folded[i]) or not_counted(folded[i]):
            return False
        if i > 0 and not_counted(folded[i - 1]):  # "Euro 500"
            return False
        after = i + 1
        while after < len(folded) and folded[after] in QUANTITY_WORDS:  # "100 Millionen Grad"
            after += 1
        return after == len(folded) or not not_counted(folded[after])

    return any(counts(i) for i in range(len(folded)))


# A counted word names a unit when it is the unit or the unit with one of these endings ("megawatts", "Tonnen";
# "Grammys" is no "Gramm")
PLURAL_ENDINGS = ("s", "es", "e", "n", "en")
# A question that opens asking for a number, whatever it says later ("How many people died when …" is typed "when",
# "Zu wie vielen Wiedergeburten …" is not typed)
OPENS_ASKING_NUMBER = re.compile(
    r"^\W*(?:(?:mit|zu|an|auf|von|für|bei|um|in|on|at|for|by|to|with|from)\s+)?"
    r"(?:how (?:many|much)|wie viele?[nm]?|wieviele?[nm]?)\b",
    re.IGNORECASE,
)


def asks_number(question: Question) -> bool:
    """Whether the question asks for a number: its type, or its opening ("How many people died when …?")."""
    return question.qtype == "number" or bool(OPENS_ASKING_NUMBER.search(question.text))


def counts_things(question: Question) -> bool:
    """Whether the question asks how many of something there are ("How many nominations …", "Wie viele Zuschauer
    …"), not for an amount in a unit of measure ("How many kilometres …", "Wie viele Megawatt …"), nor for another
    kind of answer ("Wann war die Anzahl der Angriffe am höchsten?")."""
    return (
        asks_number(question)
        and bool(question.counted)
        and not question.units
        and not any(
            word in unit or any(word[len(u) :] in PLURAL_ENDINGS and word.startswith(u) for u in unit)
            for word in (fold(w) for w in question.counted)
            for unit in (CURRENCIES, DURATIONS, LENGTHS, *(frozenset(u) for u in MEASURE_UNITS.values()))
        )
    )


def quantity_unanswered(question: Question, sentences: Sequence[str], held: Callable[[str], float]) -> bool:
    """Whether an answer of `sentences` leaves a question for an amount of money or for how many things there are
    without one: none of them holds the quantity (`held`: `quantity_held`), nor, for a count, a number that may
    count what is asked (`counts_something`). "How much prize money did Jan Frodeno receive …?" is not answered by
    the lead on his win, nor "How many spectators watched the final …?" by the tournament's prize money. A question
    for a duration (`duration_unanswered` reads it as a span, not a count: "bis weit ins 19. Jahrhundert" answers
    "For how long …?"), a size or an age is not judged so."""
    if not ("money" in question.units and asks_number(question)) and not counts_things(question):
        return False
    return not any(held(sentence) or counts_something(question, sentence) for sentence in sentences)


# A question that opens by asking when: "When …", "On what date …", "Seit wann …", "In welchem Jahr …" (not "How many
# died when …", nor one that asks it in passing: those are not judged by `time_unanswered`)
ASKS_WHEN = re.compile(
    r"^\W*(?:when|wann|(?:seit|bis|ab) wann|(?:at )?what time|um wie viel uhr"
    r"|(?:(?:in|on|from|since|until|by) )?(?:what|which) (?:year|date|day|month)"
    r"|(?:in|an|ab|seit|bis zu|zu) welche[mn]? (?:jahr|datum|tag|monat|zeitpunkt))\b",
    re.IGNORECASE,
)
# A time named in a sentence: a year or decade ("1519", "in den 1950er Jahren", "im 16. Jahrhundert"), a date or
# day of the month ("am 2. Jänner", "4.8."), a clock time, a month, weekday or season, or a time relative to the
# report's ("gestern", "nächste Woche", "vor 66 Millionen Jahren", "two years ago")
TIME_NAMED = re.compile(
    r"\b(?:1\d{3}|20\d\d|\d{2,4}er|\d{1,2}\.(?:\s|\d{1,2}\.)|\d{1,2}(?:[.:]\d\d)?\s*uhr|\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\b"
    r"|\w*jahrhundert\w*|century|centuries|jahrzehnt\w*|decades?"
    r"|frühling|frühjahr\w*|sommer\w*|herbst\w*|winter\w*|spring|summer|autumn|"
    r"heute|gestern|morgen|vorgestern|übermorgen|today|yesterday|tomorrow|tonight|ostern|weihnacht\w*|silvester|"
    r"neujahr|easter|christmas"
    r"|(?:nächste|kommende|vergangene|letzte|diese|vorige)[nmrs]? (?:woche|monat|jahr|jahres|wochenende|saison)"
    r"|(?:next|last|this|coming|past) (?:week|month|year|weekend|season)"
    r"|vor (?:\S+ ){1,4}(?:jahren|monaten|wochen|tagen|stunden)|\w+ (?:years|months|weeks|days) ago)\b",
    re.IGNORECASE,
)


def ages_someone(question: Question, sentence: str) -> bool:
    """Whether the sentence tells the age of someone the question does not describe so (`AGE_STATED`, at most
    MAX_AGE years, not the end of a larger number: "ein über 2.500 Jahre altes Wohnhaus" is no one): news gives the
    age of someone it names ("der 72-Jährige") and describes someone it does not name so ("ein 43 Jahre alter
    Ungar"). The question's numbers are compared by their digits ("dem 45-jährigen Jogger" gives 45)."""
    given = {digits.group() for number in question.numbers if (digits := re.match(r"\d+", number))}
    return any(
        age not in given and int(age) <= MAX_AGE and not re.search(r"\d[.,]$", sentence[: match.start()])
        for match in AGE_STATED.finditer(sentence)
        if (age := match.group(1) or match.group(2))
    )


def names_time(sentence: str) -> bool:
    """Whether the sentence names a time (`TIME_NAMED`, or a month or weekday: `MONTHS`)."""
    return bool(TIME_NAMED.search(sentence)) or any(fold(word) in MONTHS for word in WORD_RE.findall(sentence))


def time_unanswered(question: Question, sentences: Sequence[str]) -> bool:
    """Whether an answer of `sentences` leaves a question that opens by asking when (`ASKS_WHEN`) without a time:
    none of them names one (`names_time`). "When will the court deliver its verdict?" is not answered by the
    sentence saying the trial went on."""
    return bool(ASKS_WHEN.search(question.text)) and not any(names_time(sentence) for sentence in sentences)


# A question for when something is to happen: "When will …", "When is … expected / due / scheduled / going to …",
# "On what date is … to …", "Wann wird / soll …", "An welchem Datum soll …", "Ab wann soll …" (not "When did …",
# "When does …", "Wann wurde …", "Wann beginnt …": the news may well tell those as past)
ASKS_TO_COME = re.compile(
    r"^\W*(?:(?:(?:on|at|by|in|from|until) )?(?:what|which) (?:date|day|time|year|month) will\b|when will\b"
    r"|(?:when|(?:(?:on|at|by|in|from|until) )?(?:what|which) (?:date|day|time|year|month)) (?:is|are)\b.*"
    r"\b(?:expected|due|scheduled|set to|planned|to be|going to)\b"
    r"|(?:(?:ab|bis) )?wann (?:wird|werden|soll|sollen)\b"
    r"|(?:an|ab|bis zu|in) welche[mn]? (?:datum|tag|jahr|monat|zeitpunkt) (?:wird|werden|soll|sollen)\b)",
    re.IGNORECASE,
)
# A sentence that tells of the past: a past tense's auxiliary, a verb news reports with in the past tense, or a word
# placing it before the report ("hat … drei Jahre Haft gefordert", "wurde … verurteilt", "erhielt … die Genehmigung,
# wie … am Freitag bestätigten", "im vergangenen Sommer", "yesterday", "two years ago")
TOLD_AS_PAST = re.compile(
    r"\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|vergangene[nmrs]?|gestern|vorgestern|zuvor"
    r"|sagten?|erklärten?|teilten?|bestätigten?|meldeten?|berichteten?|erhielten?|begannen?|kamen?|gaben?"
    r"|folgten?|fanden?|gingen?"
    r"|has|have|had|was|were|did|yesterday|ago|earlier|said|told|announced|confirmed|reported|began|opened|ended"
    r"|received|came|took|held)\b",
    re.IGNORECASE,
)
# ... and one that tells of what is to come, or of a time from or until which ("wird … verliehen", "soll im Februar
# 2016 auf den Markt kommen", "wird für Donnerstag erwartet", "ab 2018", "will", "is due")
TOLD_AS_COMING = re.compile(
    r"\b(?:wird|werden|soll|sollen|will|wollen|geplant|erwartet|voraussichtlich|künftig"
    r"|kommende[nmrs]?|nächste[nmrs]?|morgen|übermorgen|demnächst|ab|bis|frühestens|spätestens|angesetzt"
    r"|anberaumt|vorgesehen|dürfte|dürften|könnte|könnten|sollte|sollten|würde|würden"
    r"|shall|would|could|may|might|expected|due|scheduled|planned|plans?|next|tomorrow|upcoming|from|until)\b",
    re.IGNORECASE,
)


def time_to_come_unanswered(question: Question, sentences: Sequence[str]) -> bool:
    """Whether an answer of `sentences` leaves a question for when something is to happen (`ASKS_TO_COME`) with
    times of the past alone: each of its sentences that names a time (`names_time`) tells of the past
    (`TOLD_AS_PAST`) and of nothing to come (`TOLD_AS_COMING`). "When will the court in Bolzano deliver its
    verdict?" is not answered by "… hat Staatsanwalt Igor Secco am Freitag … drei Jahre Haft … gefordert". A
    sentence that tells the future in the present ("Am 28. November verteidigt der Ukrainer …") is no past one. An
    answer naming no time is left to `time_unanswered`."""
    if not ASKS_TO_COME.search(question.text):
        return False
    timed = [sentence for sentence in sentences if names_time(sentence)]
    return bool(timed) and all(TOLD_AS_PAST.search(s) and not TOLD_AS_COMING.search(s) for s in timed)


# A question for a share: "What percentage …", "What share …", "Wie viel Prozent …", "Welcher Anteil …", "Quel
# pourcentage …" (anywhere in it: "Um wie viel Prozent stieg …")
ASKS_SHARE = re.compile(
    r"\b(?:what|which) (?:percentage|per ?cent|share(?! price)|proportion|fraction)\b|\bhow (?:many|much) per ?cent\b"
    r"|\bwie ?viele? prozent\b|\bwelche[nrm]? (?:anteil|prozentsatz|prozentzahl)\b"
    r"|\bwie (?:hoch|groß|gross) (?:ist|war|lag) der anteil\b"
    r"|\bquel(?:le)? (?:pourcentage|part|proportion)\b|\bqué (?:porcentaje|proporción|parte)\b"
    r"|\bquale (?:percentuale|quota|parte)\b",
    re.IGNORECASE,
)
# A share named in a sentence: a percentage or a fraction in words
SHARE_NAMED = re.compile(
    r"%|\bprozent\w*|\bper ?cent\w*|\bpour ?cent\b|\bpor ?ciento\b|\bper ?cento\b|\bpourcentage\b|\bporcentaje\b"
    r"|\bpercentual\w*|\bhälfte\b|\b\w*(?:drittel|viertel|fünftel|sechstel|achtel|zehntel)\b"
    r"|\bhalf\b|\bthirds?\b|\bquarters?\b|\bfifths?\b|\btenths?\b",
    re.IGNORECASE,
)


def share_unanswered(question: Question, sentences: Sequence[str]) -> bool:
    """Whether an answer of `sentences` leaves a question for a share (`ASKS_SHARE`) without one: none of them
    names a percentage or a fraction ("40 Prozent", "zwei Drittel", "die Hälfte"). The sentence holding the gold
    answer of every such question in news_qa dev (also in French, Spanish, Italian), the held-out sets, XQuAD dev and
    MLQA de names one (21 of 21)."""
    return bool(ASKS_SHARE.search(question.text)) and not any(SHARE_NAMED.search(s) for s in sentences)


# A question for how long something lasts: "Wie lange …", "How long did/will …", "For how long …", "Combien de temps
# …", "¿Cuánto tiempo …", "Per quanto tempo …"; not "How long is/was …", which may ask a length ("the bridge")
ASKS_DURATION = re.compile(
    r"\bwie lange\b|\bhow long\b(?! (?:is|was|are|were)\b)|\bcombien de temps\b|\bcu[aá]nto tiempo\b"
    r"|\bquanto tempo\b",
    re.IGNORECASE,
)
# A span of time in a sentence: a number of seconds to centuries ("eine Zehntel-Sekunde", "fünf bis zehn Jahre", "16
# Jahre", "half an hour"), a "-tägige" or "neunjährige" span, one from or until a time ("seit 2010", "bis Freitag",
# "von 1870 bis 1939") or one without end ("lebenslang", "unbefristet")
DURATION_NAMED = re.compile(
    r"\b(?:\d[\d.,]*|ein\w*|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig"
    r"|hundert|einige[nm]?|mehrere[nm]?|wenige[nm]?|halbe[nmr]?|anderthalb|eineinhalb|ganze[nmr]?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|twelve|twenty|thirty|several|few|a|an|all|half an?)\s+(?:\w+[\s-]+)?"
    r"(?:sekunden?|minuten?|stunden?|tag|tage|tagen|wochen?|monat|monate|monaten|jahr|jahre|jahren|jahrzehnt\w*"
    r"|jahrhundert\w*|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b"
    r"|\b\w*(?:tägig|wöchig|monatig|jährig|stündig|minütig)\w*"
    r"|\b(?:seit|bis|ab|since|until|till|from)\b"
    r"|\b(?:lebenslang\w*|dauerhaft\w*|unbefristet\w*|vorübergehend\w*|permanent\w*|indefinitely|forever)\b",
    re.IGNORECASE,
)


def duration_unanswered(question: Question, sentences: Sequence[str]) -> bool:
    """Whether an answer of `sentences` leaves a question for how long something lasts (`ASKS_DURATION`) without a
    span of time (`DURATION_NAMED`): "How long will the jets stay at the air base?" is not answered by "… sind am
    Montag zwei US-Tarnkappenjets … gelandet. Die knapp 19 Meter lange …"; "dauerte eine Zehntel-Sekunde", "von 1870
    bis 1939" and "bis weit ins 19. Jahrhundert" answer one."""
    return bool(ASKS_DURATION.search(question.text)) and not any(DURATION_NAMED.search(s) for s in sentences)


# The units a measure is given in, by dimension, folded (`unit_dimensions`): a question that counts in one ("How many
# megawatts …", "Wie viele Quadratmeilen …") is answered by a number next to a unit of the same dimension, whichever
# ("4 kg (8.8 lb.)" answers "Wie viele Kilogramm Dampf …?", "1,5 Gigatonnen" "How many tons …?").
UNIT_DIMENSIONS = {
    dimension: tuple(units.split())
    for dimension, units in {
        "length": "meter metre metro metri m km cm mm meile mile milla miglio miglia mi feet foot ft fuß yard inch",
        "area": "quadrat square hektar hectare acre km2 m2 km² m²",
        "weight": "tonne ton tonelada tonnellata tonnellate t kilo kg gramm gram g mg pfund pound lb",
        "power": "watt vatio w kw mw gw ps",
        "energy": "wattstunde kwh mwh gwh joule",
        "temperature": "grad degree grado gradi celsius fahrenheit c f",
        "speed": "stundenkilometer mph knoten knot",
        "volume": "liter litre litro litri l ml kubikmeter barrel hektoliter gallon",
    }.items()
}
# The number a unit written onto it follows: "39MW", "100km"
NUMBER_PREFIX = re.compile(r"^\d[\d.,]*")
# A pound may be money or weight: a question counting pounds is not judged by its unit ("£5,000" answers "How many
# pounds did he pay?")
MONEY_OR_WEIGHT = frozenset({"pound", "pounds", "pfund"})
# Dimensions a question's unit may be answered in by another's: "How many miles per hour …" counts miles, "70 mph" is
# a speed; "How many kilowatt hours …" counts kilowatts, "500 kWh" is energy
RELATED_DIMENSIONS = {"length": ("speed",), "speed": ("length",), "power": ("energy",), "energy": ("power",)}
# A unit's word: the unit after at most a square or cubic and a metric prefix, inflected ("Quadratkilometern",
# "Gigatonnen", "megawatts", "kilowatt", "megavatios", "chilometri"), not a word that merely ends like one
# ("Programme", "Grammys", "Metropole"); a unit of one letter alone ("m", not "men")
_UNIT_WORD = re.compile(
    r"(?P<raised>quadrat|square|kubik|cubic)?(?:kilo|chilo|mega|giga|tera|milli|zenti|centi|hekto)?(?P<unit>"
    + "|".join(sorted({re.escape(u) for units in UNIT_DIMENSIONS.values() for u in units if len(u) > 1}))
    + r")(?:s|es|e|n|en|er|ern)?|(?P<letter>"
    + "|".join(sorted({u for units in UNIT_DIMENSIONS.values() for u in units if len(u) == 1}))
    + r")"
)
# ... of which a square or cubic one measures an area or a volume too ("Quadratmeilen": an area, in miles)
_RAISED = {"quadrat": "area", "square": "area", "kubik": "volume", "cubic": "volume"}


def unit_dimensions(word: str) -> frozenset[str]:
    """The dimensions (UNIT_DIMENSIONS) of a unit's word: {"power"} for "Megawatt", {"area", "length"} for
    "Quadratmeilen", {"energy"} for "Kilowattstunden"; none for another word."""
    match = _UNIT_WORD.fullmatch(fold(word))
    if match is None:
        return frozenset()
    unit = match["unit"] or match["letter"]
    dimensions = {dimension for dimension, units in UNIT_DIMENSIONS.items() if unit in units}
    if match["raised"]:
        dimensions.add(_RAISED[match["raised"]])
    return frozenset(dimensions)


def measure_unanswered(question: Question, sentences: Sequence[str]) -> bool:
    """Whether an answer of `sentences` leaves a question for how many units of a measure there are ("How many
    megawatts …", "Wie viele Kilometer …") without a number next to a unit of that dimension (the counted word's
    `unit_dimensions`: "Gigatonnen" answers "How many tons …?", "100 Millionen Grad" does not answer "How many
    megawatts …?"). A duration is not judged so: a span of years is given by its years as often as counted."""
    if not asks_number(question):
        return False
    asked = frozenset().union(
        *(unit_dimensions(word) for word in question.counted if fold(word) not in MONEY_OR_WEIGHT)
    )
    if not asked:
        return False
    asked |= {related for dimension in asked for related in RELATED_DIMENSIONS.get(dimension, ())}

    def measured(sentence: str) -> bool:
        tokens = _quantity_tokens(sentence)
        return any(
            unit_dimensions(word) & asked
            for i in _numbers_of(question, tokens)
            for word in [
                *_beside(tokens, i),
                *tokens[i].split("-")[1:],  # "50-Megawatt-Anlage"
                NUMBER_PREFIX.sub("", tokens[i]),  # "39MW", "100km"
            ]
        )

    return not any(measured(sentence) for sentence in sentences)


# A question that names the currency it asks an amount in: "… cost in euros?", "Mit wie viel Dollar …", "How many
# million dollars …", "in Swiss francs", "Quanto costerà in euro …", "¿Cuántos euros …"
NAMED_CURRENCY = re.compile(
    r"\b(?:(?:in|into|en|how many|wie ?viele?n?|mit wie ?viele?n?|cu[aá]ntos|quanti)\s+|combien d(?:e\s+|['’]))"
    r"(?:(?:million|millionen|milliarden|billion|billionen|mio\.?|mrd\.?|thousand|tausend)\s+)?"
    r"(?:us[- ]|swiss |schweizer )?"
    r"(euros?|dollars?|d[oó]lares|dollari|franken|francs?|yen|rubel|roubles?|rubles?)\b",
    re.IGNORECASE,
)
# Each currency's words and signs, folded, by the first of them
CURRENCY_FORMS = tuple(
    frozenset(fold(word) for word in forms.split())
    for forms in (
        "euro euros eur €",
        "dollar dollars dolares dollari usd $",
        "franken franc francs chf",
        "yen",
        "rubel rouble roubles ruble rubles",
    )
)
ANY_CURRENCY = CURRENCIES.union(*CURRENCY_FORMS)


def named_currency(question: Question) -> str | None:
    """The currency the question asks an amount in (`NAMED_CURRENCY`), as the question writes it ("euros", "Dollar",
    "franken"), or None."""
    match = NAMED_CURRENCY.search(question.text)
    return match.group(1) if match else None


def names_currency(question: Question, sentence: str) -> bool:
    """Whether the sentence names the currency the question asks an amount in, in any of its words or signs
    ("Euro", "EUR", "€"; "50-Euro-Scheine"); False for a question that names none."""
    if (named := named_currency(question)) is None:
        return False
    forms = next((forms for forms in CURRENCY_FORMS if fold(named) in forms), frozenset({fold(named)}))
    return any(part in forms for token in _quantity_tokens(sentence) for part in fold(token).split("-"))


def amount_given(question: Question, sentence: str) -> bool:
    """Whether the sentence gives an amount of money in any currency: a number the question does not say next to a
    currency's word or sign, or with one written onto it ("799 Dollar", "einer Million Dollar", "5 Mio. $",
    "50-Euro-Scheine")."""
    tokens = _quantity_tokens(sentence)

    def currency(token: str) -> bool:
        return any(part in ANY_CURRENCY for part in fold(token).split("-"))

    return any(
        currency(tokens[i]) or any(currency(token) for token in _beside(tokens, i))
        for i in _numbers_of(question, tokens)
    )


def currency_unanswered(question: Question, sentences: Sequence[str]) -> bool:
    """Whether an answer of `sentences` leaves a question that names the currency it asks an amount in
    (`NAMED_CURRENCY`) without that currency: "799 Dollar" does not answer "How much will it cost in euros?", "1,5
    Millionen Dollar (umgerechnet 1,3 Millionen Euro)" does."""
    return named_currency(question) is not None and not any(names_currency(question, s) for s in sentences)


# What a sentence tells is not known, and how it says so: a clause before "ist / bleibt / war (noch) unklar /
# unbekannt / ungewiss / offen / nicht bekannt" ("Was sie geladen hatten, ist vorerst noch unklar."), one after
# "Unklar ist, …" or "It is still unclear …", a subject before a subordinate clause's "unbekannt bleibt" ("Während
# die Todesursache des Popstars weiter unbekannt bleibt, …"), one "not named" ("Der Euro-Preis wurde nicht genannt").
_NOT_KNOWN = (
    r"(?:unklar|ungewiss|unbekannt|nicht bekannt|ungeklärt|nicht geklärt|nicht entschieden"
    r"|(?:(?<=noch )|(?<=weiter )|(?<=weiterhin )|(?<=vorerst )|(?<=derzeit )|(?<=zunächst )|(?<=bislang ))offen"
    r"|unclear|uncertain|unknown|not (?:yet )?known|not (?:yet )?clear|undecided)"
)
_STILL = (
    r"(?:\s+(?:noch|vorerst|weiter|weiterhin|zunächst|bislang|bisher|derzeit|allerdings|jedoch|aber|völlig|ebenfalls"
    r"|auch|still|yet|as yet|so far|also))*"
)
_IS = (
    r"(?:ist|sind|sei|seien|wäre|bleibt|bleiben|blieb|blieben|war|waren|scheint"
    r"|is|are|remains|remain|remained|was|were)"
)
_ASKING = (
    r"(?:wann|wie|was|wer|wo|woher|wohin|wozu|warum|weshalb|wieso|welche[mnrs]?|ob"
    r"|when|how|what|who|where|why|whether|which|if)"
)
TOLD_NOT_KNOWN = (
    # "Unklar ist, ob …", "Noch ist unklar, wann …", "It is still unclear how many …"
    re.compile(rf"^(?:\w+\s+){{0,2}}{_NOT_KNOWN}\s+{_IS}{_STILL},?\s+(?P<clause>{_ASKING}\b.+)", re.I),
    re.compile(
        rf"(?:^(?:\w+\s+){{0,2}}|\b(?:it|es)\s+){_IS}{_STILL}\s+{_NOT_KNOWN},?\s+(?P<clause>{_ASKING}\b.+)", re.I
    ),
    # "Was sie geladen hatten, ist vorerst noch unklar.", "Die näheren Hintergründe seien noch unklar, sagte …"
    re.compile(rf"^(?P<clause>.+?),?\s+{_IS}{_STILL}\s+{_NOT_KNOWN}(?=\s*(?:[.,;:!–—-]|$|und\b|and\b))", re.I),
    # "Während die Todesursache des Popstars weiter unbekannt bleibt, …"
    re.compile(
        rf"\b(?:während|weil|da|dass|obwohl|wobei|while|as)\s+(?P<clause>.+?){_STILL}\s+{_NOT_KNOWN}\s+{_IS}\b", re.I
    ),
    # "Der Euro-Preis wurde nicht genannt", "Seine Identität wurde zunächst nicht bekanntgegeben"
    re.compile(
        r"(?P<clause>[^,;:]+?)\s+(?:(?:wurden?|was|were)(?:\s+\w+)?\s+(?:nicht|not)|(?:has|have) not been)"
        r"(?:\s+yet)?\s+(?:genannt|bekanntgegeben|bekannt gegeben|mitgeteilt|veröffentlicht"
        r"|disclosed|released|named|made public)\b",
        re.I,
    ),
)
_OPENS_ASKING = re.compile(rf"^\W*(?:{_ASKING}|dass)\b", re.I)


# A place a text is about: a capitalised word after "in", "im", "aus", "nach" ("in Asien", "in Nepal"; in German any
# noun, "im Oktober", "nach Angaben", which errs toward answering)
_PLACE = re.compile(r"\b(?:in|im|aus|nach)\s+([A-ZÄÖÜ][\w-]+)")


def _places(text: str) -> set[str]:
    return {fold(place) for place in _PLACE.findall(text)}


def not_known_clause(sentence: str) -> str | None:
    """What the sentence tells is not known (`TOLD_NOT_KNOWN`), or None: "Was sie geladen hatten" of "Was sie
    geladen hatten, ist vorerst noch unklar.", "die Ursache" of "Die Polizei sagte, die Ursache sei noch unklar"."""
    for pattern in TOLD_NOT_KNOWN:
        if match := pattern.search(sentence):
            clause = match.group("clause").strip()
            if not _OPENS_ASKING.match(clause):  # a subject after what someone said: its last part
                clause = re.split(r"[,;:–—]\s*", clause)[-1]
            return clause or None
    return None


def told_not_known(question: Question, sentence: str) -> bool:
    """Whether the sentence tells that what the question asks for is not known: what it says is unknown
    (`not_known_clause`) asks for the question's kind of answer when it opens with a question word ("Wann die
    Testfahrten losgehen" for a question for a time), shares a word of the question that is no name, in one of its
    forms ("geladen": "Welche Ladung hatte der Güterzug geladen?"), names no name the question does not, and no other
    place ("Wie viele wilde Tiger in Asien leben" is no answer to how many live in Nepal)."""
    clause = not_known_clause(sentence)
    if clause is None:
        return False
    told = Question.of(clause, question.language)
    asked = question_type(clause) if _OPENS_ASKING.match(clause) else "other"
    if asked != "other" and asked != question.qtype:
        return False
    if any(name not in question.anchors for name in told.names if not NUMBER_RE.search(name)):
        return False
    where, asked_where = _places(clause), _places(question.text)
    if where and asked_where and not where & asked_where:
        return False
    # inflected alike ("Gericht", "Gerichte"), not by a shared start: "Geldbuße" is no "Geldbeträge"
    return any(_forms(term) & told.terms for term in question.terms - question.names)


_CAPITALISED = re.compile(r"[A-ZÄÖÜ][a-zäöüßéèáàíóúñç]{2,}")


def bare_surnames(sentences: Sequence[str], question: Question) -> list[str]:
    """The capitalised words the sentences name someone by alone, as news names a person after the first mention
    ("Bravo parierte …", "…, betonte Bravo."): after nothing or a lower-case word that is no function word ("der
    Tormann" is a noun), before no capitalised word (a first name), not a function word, not the question's, and
    named in full in none of the sentences. Nouns after a verb pass too ("vor 48.000 Zuschauern"), as does a word
    that starts a sentence ("Dann"): the answerer takes a sentence only where an article first names the word in full
    (`named_in_full`)."""
    found: list[str] = []
    for sentence in sentences:
        words = WORD_RE.findall(sentence)
        for i, word in enumerate(words):
            if not _CAPITALISED.fullmatch(word) or is_stopword(word) or fold(word) in question.terms:
                continue
            before = words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            if before and (before[:1].isupper() or is_stopword(before)):
                continue
            if after[:1].isupper() or any(named_in_full(word, other) for other in sentences):
                continue
            if word not in found:
                found.append(word)
    return found


def named_in_full(surname: str, sentence: str) -> bool:
    """Whether the sentence names `surname` after a capitalised word that is no function word and does not start
    the sentence: "Claudio Bravo", "Carlin Q. Williams"; not "Elfter Weltcupsieg für …", a title's adjective."""
    return any(
        match.start() > 0 and not is_stopword(match.group(1))
        for match in re.finditer(rf"\b([A-ZÄÖÜ][\w.'’-]*)\s+{re.escape(surname)}\b", sentence)
    )


def names_someone(sentence: str) -> bool:
    """Whether the sentence names someone in full: two capitalised words in a row, neither a function word, the
    first not starting the sentence ("die Japanerin Sara Takanashi")."""
    words = WORD_RE.findall(sentence)
    return any(
        _CAPITALISED.fullmatch(first) is not None
        and second[:1].isupper()
        and not is_stopword(first)
        and not is_stopword(second)
        for first, second in zip(words[1:], words[2:], strict=False)
    )


def _ages_whom_asked(question: Question, before: str) -> bool:
    """Whether an age in brackets after `before` is of whom the question asks: one of its names stands among the
    AGE_NAME_WORDS words before it ("Tim Hunt (72)", "die Bürgermeisterin von Oberwaldau, Anna Berger (61)" for the
    mayor of Oberwaldau, not for "Karl Huber"), or the question names no one ("How old is the mayor?")."""
    names = question.anchors - question.numbers
    return not names or any(fold(word) in names for word in WORD_RE.findall(before)[-AGE_NAME_WORDS:])


def quantity_vocabulary(question: Question, sentence: str) -> list[str]:
    """The words whose vectors `quantity_held` reads: the counted words and the sentence's; none when the question
    counts no words (an amount of money, a duration: units of their own)."""
    if not question.counted:
        return []
    return list(dict.fromkeys([*question.counted, *(t for t in _quantity_tokens(sentence) if t.isalpha())]))


def _quantity_tokens(sentence: str) -> list[str]:
    """The sentence's words and numbers as written, a word's hyphens kept ("Zehntel-Sekunde", "F-22"), and its
    currency and percent signs; function words are passed over ("Millionen von Artilleriegeschossen und Raketen"
    counts the rockets), but for the ones that stand for a number ("eine Zehntel-Sekunde")."""
    tokens = (token.strip("'’.") for token in QUANTITY_TOKEN_RE.findall(sentence))
    return [token for token in tokens if fold(token) not in STOPWORDS or fold(token) in QUANTITY_WORDS]


def rendered_words(text: str) -> list[str]:
    """The words of `text` `rendered_terms` compares, as written, each once."""
    return list(dict.fromkeys(w for w in content_words(text) if len(w) >= RENDERED_LETTERS and not w.isdigit()))


def rendered_vocabulary(texts: Iterable[str]) -> list[str]:
    """The `rendered_words` of all the texts, each once: the words whose vectors `rendered_terms` reads."""
    return list(dict.fromkeys(word for text in texts for word in rendered_words(text)))


def rendered_terms(question: str, candidates: Sequence[Candidate], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    """Per candidate: the mean over the question's `rendered_words` of the cosine of the sentence's closest word
    (1 for the word itself, in any case and with or without accents: `tokenize` folds it), the share of them at least
    RENDERED_MATCH close, and how much the mean rises when the sentence before it in its passage is read with it
    (each question word's closest in either sentence). `vectors` holds the USE vector of every word of the question
    and the candidates."""
    out = np.zeros((len(candidates), 3))
    words = rendered_words(question)
    if not words:
        return out
    asked = np.vstack([vectors[w] for w in words])
    folded = [fold(w) for w in words]
    previous = np.zeros(len(words))
    for i, candidate in enumerate(candidates):
        own = rendered_words(candidate.text)
        best = (asked @ np.vstack([vectors[w] for w in own]).T).max(axis=1) if own else np.zeros(len(words))
        tokens = set(tokenize(candidate.text))
        best = np.where([w in tokens for w in folded], 1.0, best)
        out[i, 0] = float(best.mean())
        out[i, 1] = float((best >= RENDERED_MATCH).mean())
        if i > 0 and candidates[i - 1].hit == candidate.hit:
            out[i, 2] = float(np.maximum(previous, best).mean()) - out[i, 0]
        previous = best
    return out


def sentence_features(
    question: Question,
    candidates: Sequence[Candidate],
    similarity: np.ndarray,
    hit_scores: Sequence[float],
    article_of_hit: Sequence[str],
    article_vocabularies: dict[str, Vocabulary],
    *,
    min_sentence: float,
    sentence_spread: float,
    hit_spread: float,
    word_vectors: Mapping[str, np.ndarray],
) -> np.ndarray:
    """One row of SENTENCE_FEATURES per candidate; `word_vectors` holds the USE vector of each of the question's and
    the candidates' `rendered_words`."""
    best_sim = float(similarity.max()) if len(similarity) else 0.0
    best_hit = max(hit_scores) if hit_scores else 0.0
    rows = np.zeros((len(candidates), len(SENTENCE_FEATURES)))
    rank = np.empty(len(candidates))
    rank[np.argsort(-similarity)] = np.arange(len(candidates))
    gap = (similarity - best_sim) / sentence_spread
    articles = [article_of_hit[c.hit] for c in candidates]
    best_in_article: dict[str, float] = {}
    for article, sim in zip(articles, similarity, strict=True):
        best_in_article[article] = max(best_in_article.get(article, -math.inf), float(sim))
    vocabularies = [Vocabulary(c.text) for c in candidates]
    holds = _question_words_held(question, vocabularies, articles)
    rendered = rendered_terms(question.text, candidates, word_vectors)
    for i, candidate in enumerate(candidates):
        before = i > 0 and candidates[i - 1].hit == candidate.hit and not candidates[i - 1].title
        after = i + 1 < len(candidates) and candidates[i + 1].hit == candidate.hit and not candidate.title
        typed = answer_type(question, candidate.text, title=candidate.title)
        vocab = vocabularies[i]
        sentence_words = [fold(w) for w in WORD_RE.findall(candidate.text)]
        content = {w for w in sentence_words if w not in STOPWORDS}
        rows[i] = (
            (similarity[i] - min_sentence) / sentence_spread,
            (similarity[i] - best_sim) / sentence_spread,
            (hit_scores[candidate.hit] - best_hit) / hit_spread,
            1.0 / (1 + candidate.hit),
            float(candidate.lead),
            vocab.share(question.anchors),
            article_vocabularies[article_of_hit[candidate.hit]].share(question.anchors),
            vocab.share(question.terms),
            typed,
            len(content - question.terms) / len(content) if content else 0.0,
            math.log(1 + len(sentence_words)),
            1.0 / (1 + rank[i]),
            gap[i - 1] if before else NO_NEIGHBOUR_GAP,
            gap[i + 1] if after else NO_NEIGHBOUR_GAP,
            *(typed * (question.qtype == kind) for kind in ("who", "when", "number", "where", "why")),
            (similarity[i] - best_in_article[articles[i]]) / sentence_spread,
            float(holds[i]),
            *rendered[i],
        )
    return rows


def _question_words_held(question: Question, vocabularies: Sequence[Vocabulary], articles: Sequence[str]) -> np.ndarray:
    """For each sentence, whether it holds a word of the question (anchor or content word) that no other sentence
    of its article holds: of an article's sentences that all name the story's people, the one with the question's
    rarer word ("Haushalte", "MVP", "Betrag") is more likely the one that answers."""
    words = sorted(question.terms | question.anchors)
    held = np.zeros(len(vocabularies), dtype=bool)
    if not words:
        return held
    has = np.array([[v.has(w) for w in words] for v in vocabularies], dtype=bool)
    for article in set(articles):
        members = [i for i, a in enumerate(articles) if a == article]
        single = has[members].sum(axis=0) == 1
        held[members] = (has[members] & single).any(axis=1)
    return held


def question_features(
    question: Question,
    rows: np.ndarray,
    logits: np.ndarray,
    best: int,
    candidates: Sequence[Candidate],
    hit_scores: Sequence[float],
    hit_languages: Sequence[str],
    hit_articles: Sequence[str],
    article_anchor_shares: Sequence[float],
    article_vocabularies: dict[str, Vocabulary],
    *,
    min_relevance: float,
    hit_spread: float,
    stored: frozenset[str] | None = None,
    latent: tuple[float, float] = (0.0, 0.0),
    quantity: float = 0.0,
) -> np.ndarray:
    """QUESTION_FEATURES for the best candidate `best` (rows: its sentence features; logits: sentence scores;
    stored: the question's names some stored chunk holds, `stored_names`; None: unknown, none count as elsewhere;
    latent: `latent_coverage` of the best article's best sentences, (0, 0) within one language; quantity: its
    `quantity_held`)."""
    column = {name: i for i, name in enumerate(SENTENCE_FEATURES)}
    f = {name: rows[best, i] for name, i in column.items()}
    others = np.delete(logits, best)
    hit_language = hit_languages[candidates[best].hit]
    shares = np.exp(logits - logits.max())
    article = hit_articles[candidates[best].hit]
    same_article = np.array([hit_articles[c.hit] == article for c in candidates])
    support = rows[:, column["answer_type"]] * (
        (rows[:, column["anchors_sentence"]] > 0) | (rows[:, column["terms_sentence"]] >= 0.3)
    )
    missing = len(question.anchors) * (1.0 - f["anchors_article"])
    names = question.names
    vocab = article_vocabularies[article]
    unseen = [n for n in names if not any(v.has(n) for v in article_vocabularies.values())]
    relevance: dict[str, float] = {}
    for score, hit_article in zip(hit_scores, hit_articles, strict=True):
        relevance[hit_article] = max(relevance.get(hit_article, -math.inf), score)
    ranked = sorted(relevance.values(), reverse=True) + [min_relevance]
    return np.array(
        (
            shares[best] / shares.sum(),
            logits[best] - float(others.max()) if len(others) else 4.0,
            f["sim"],
            (max(hit_scores) - min_relevance) / hit_spread,
            math.log(1 + len(question.anchors)),
            f["anchors_article"],
            max(article_anchor_shares, default=0.0),
            f["anchors_sentence"],
            f["answer_type"],
            float(question.qtype != "other"),
            float(bool(question.language and hit_language and question.language != hit_language)),
            f["terms_sentence"],
            float((support * same_article).max()),
            math.log(1 + missing),
            vocab.share(names) if names else 1.0,
            max(v.share(names) for v in article_vocabularies.values()) if names else 1.0,
            vocab.share(question.numbers) if question.numbers else 1.0,
            float(len(unseen)),
            math.log(1 + sum(n in stored for n in unseen)) if stored else 0.0,
            max(0.0, ranked[0] - max(ranked[1], min_relevance)) / hit_spread,
            float(question.asks_quantity) * (1.0 - quantity),
            *latent,
        )
    )


def latent_coverage(question: Mapping[int, float], sentences: Sequence[Mapping[int, float]]) -> tuple[float, float]:
    """(the share of the question's latent-term weight the sentences hold, each term up to the most any sentence
    has of it; the share of its weight no sentence holds at all). (0, 0) for a question with no latent terms."""
    total = sum(question.values())
    if total <= 0:
        return 0.0, 0.0
    pooled: dict[int, float] = {}
    for terms in sentences:
        for term, weight in terms.items():
            pooled[term] = max(pooled.get(term, 0.0), weight)
    held = sum(min(weight, pooled.get(term, 0.0)) for term, weight in question.items())
    missing = sum(weight for term, weight in question.items() if term not in pooled)
    return held / total, missing / total


def spread_of(embedder: Embedder) -> float:
    """How widely the model's cosines spread (its profile); for a combination, the parts' spreads weighted like
    their cosines are."""
    if embedder.cosine_spread:
        return float(embedder.cosine_spread)
    if len(embedder.parts) > 1:
        return float(sum(w * spread_of(p) for p, w in zip(embedder.parts, embedder.weights, strict=True)))
    return DEFAULT_SPREAD
