"""Whether a text names a topic in another language: "Greece" in "Griechenland", "Islamic State" in "Islamischen
Staats", "Refugees" in "Flüchtlinge". A request for the news on a topic lists the articles that name it
(`on_topic` in answerers/headlines.py); an English name over German news is rarely spelled the same.

USE, multilingual and trained on translation pairs, puts a name and its rendering in another language close even for
a single word, and a word of another subject far:

    Greece / Griechenland           0.93        Bitcoin / Investoren     0.44
    Refugees / Flüchtlinge          0.74        Mars / Planeten          0.58
    Islamic State / Islamischen Staats  0.82    Taylor Swift / Alben     0.35

A text renders the topic when one of its words, or two capitalised words in a row ("Europäische Union"), is at least
RENDERING_COSINE from it (README, "A name sent alone"), and a word of the topic when one is that close to the word
("port" to "puerto" of "puerto de Hamburgo"). Two kinds of word are left out:
- a word the topic shares ("Kim Collins" for "Kim Kardashian", "Chat" for "ChatGPT"): the shared word makes them
  close, and `on_topic` has judged the topic's own words already; "Europäische Union" renders "European Union"
  through "Europäische", a rendering of "European";
- for the whole topic, a capitalised word followed by another, a first name or a title: "Donald" alone is 0.74
  from "Trump", "Barack" 0.85 from "Obama".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index.language import is_known_word
from index.lexical import INFLECTIONS, content_words, fold, is_stopword, one_letter_apart, tokenize
from index.word_vectors import WordVectors

# Chosen on the "dev" topics of benchmarks/data/topic_names.txt over the 1,028 10kGNAD test articles and the
# 127-article play store: the renderings there scored 0.74 or more (Refugees / Flüchtlinge, Hungary / Ungarn) but
# Asylum / Asylsuchende (0.60, missed), and ECB / EZB in a test's English news 0.71; the words of articles on other
# subjects 0.69 or less (COVID / SPÖ), once the words the topic shares and first names were left out, but
# Wildfires / Feuer (0.75).
RENDERING_COSINE = 0.70
#: a word this many letters short of a topic word is a part of it ("Chat" of "ChatGPT"), not its form in another
#: language ("Hamburg" of "Hamburgo")
SHARED_START = 3
#: in a name of two words or more, a word at least this long spelled alike but for one letter is the same word to
#: `shares` ("Grete", "Greta"); a shorter one, or one of a topic of one word, may be a rendering ("EZB" of "ECB",
#: "Sturm" of "Storm")
SPELLED_ALIKE = 5

_WORD = re.compile(r"[^\W\d_](?:[\w-]*[^\W_])?")
# words in a row with only spaces between them: a mark or a line break ends a name ("Syrien: Waffenruhe")
_RUN_BREAK = re.compile(r"[^\w\s-]+|\s*\n\s*")


@dataclass(frozen=True)
class Terms:
    """What of a text may render a topic (`terms_of`)."""

    #: its words (not stop words; of three letters or more unless in capitals: "EU") and each two capitalised words
    #: in a row ("Europäische Union")
    all: list[str]
    #: those that may render the whole topic: the pairs, and the words found at least once not starting one
    #: ("ECB raises", not only "ECB President")
    wholes: set[str]
    #: the pairs, as two words
    pairs: list[tuple[str, str]]


def terms_of(text: str) -> Terms:
    """The words and pairs of `text` that may render a topic."""
    terms: set[str] = set()
    wholes: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for run in _RUN_BREAK.split(text):
        words = _WORD.findall(run)
        for word, following in zip(words, [*words[1:], ""], strict=False):  # the last word has none following
            if is_stopword(word) or (len(word) < 3 and not word.isupper()):
                continue
            terms.add(word)
            if word[:1].isupper() and following[:1].isupper() and not is_stopword(following):
                pairs.append((word, following))
                terms.add(f"{word} {following}")
                wholes.add(f"{word} {following}")
            else:
                wholes.add(word)
    return Terms(sorted(terms), wholes, pairs)


def shares(term: str, topic_words: Sequence[str]) -> bool:
    """Whether a word of `term` is a topic word, inflected or not ("Kim" of "Kim Kardashian", "Bitcoins"), the start
    of one, SHARED_START letters or more short of it ("Chat" of "ChatGPT"; not "Hamburg" of "Hamburgo"), or, in a
    name, one spelled alike but for one letter ("Grete" of "Grete Petritsch" for "Greta" of "Greta Thunberg": 0.71
    from the whole name; a longer word so spelled counts as the topic's own, "Wladimir" for "Vladimir", in
    `on_topic`); `topic_words` folded."""
    return any(
        (word.startswith(topic) and word[len(topic) :] in INFLECTIONS)
        or (topic.startswith(word) and len(topic) - len(word) >= SHARED_START)
        or (len(topic_words) > 1 and len(topic) >= SPELLED_ALIKE and one_letter_apart(word, topic))
        for word in tokenize(term)
        for topic in topic_words
    )


def spelled_alike(term: str, name: str) -> bool:
    """Whether a word is a name written in another language's letters: at most a third of the name's letters
    (at least one) otherwise ("Selenskyj" for "Zelensky", "EZB" for "ECB"; not "Zelin", nor "Taxi" for "Uber")."""
    a, b = fold(term), fold(name)
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1] <= max(1, len(b) // 3)


def _beside(pairs: Sequence[tuple[str, str]], topic_words: Sequence[str]) -> set[str]:
    """The words of `pairs` that stand beside one the topic shares ("Europäische" of "Europäische Union")."""
    return {
        word
        for first, second in pairs
        for word, other in ((first, second), (second, first))
        if shares(other, topic_words) and not shares(word, topic_words)
    }


class Renderings:
    """Asks a USE model (`words`: the newsroom's, which its answerer reads with too) which of a topic's parts texts
    render in another language: the whole topic, then each of its words (`content_words`)."""

    def __init__(self, words: WordVectors, threshold: float = RENDERING_COSINE) -> None:
        self.words = words
        self.threshold = threshold

    def __call__(self, topic: str, texts: Sequence[str]) -> list[tuple[bool, ...]]:
        """For each text, whether a word of it renders the whole topic, then each of the topic's words. A capitalised
        word of the topic that is no German word (German writes its nouns so: "Brot" is rendered by "bread"
        anywhere), a part of a name, is rendered only by a word beside another of the name's ("Europäische" of
        "Europäische Union" for "European Union"; not "Sania" of "Sania Mirza" for "Sanna" of "Sanna Marin" in an
        article that names Marin Čilić too)."""
        words = content_words(topic)
        if not words or not texts:
            return [(False,) * (1 + len(words))] * len(texts)
        folded = [fold(word) for word in words]
        read = [terms_of(text) for text in texts]
        kept = [[term for term in terms.all if not shares(term, folded)] for terms in read]
        vectors = self.words.of(sorted({term for terms in kept for term in terms}))
        model = self.words.model()
        whole = model.embed_query(" ".join(words))
        parts = np.vstack([model.embed_query(word) for word in words]) if len(words) > 1 else whole[None, :]
        named = np.array([word[:1].isupper() and not is_known_word(word, ("de",)) for word in words])
        # a name of one word that no dictionary knows ("Uber", "Zelensky", "ECB") is rendered only as spelled alike
        known = len(words) > 1 or is_known_word(words[0])
        rendered = []
        for terms, found in zip(kept, read, strict=True):
            if not terms:
                rendered.append((False,) * (1 + len(words)))
                continue
            matrix = np.vstack([vectors[term] for term in terms])
            to_whole = matrix @ whole
            if len(words) == 1:
                by_whole = any(
                    c >= self.threshold and (known or spelled_alike(term, words[0]))
                    for term, c in zip(terms, to_whole, strict=True)
                    if term in found.wholes
                )
                rendered.append((by_whole, by_whole))
                continue
            to_parts = matrix @ parts.T
            # one word closer to a word of the topic than to the whole renders that word, not the whole: "Gretzn"
            # is 0.91 from "Greta", 0.74 from "Greta Thunberg"
            by_whole = any(
                c >= self.threshold and (" " in term or c >= float(np.max(p)))
                for term, c, p in zip(terms, to_whole, to_parts, strict=True)
                if term in found.wholes
            )
            beside = _beside(found.pairs, folded)
            close = to_parts >= self.threshold
            close[:, named] &= np.array([term in beside for term in terms])[:, None]
            rendered.append((by_whole, *(bool(b) for b in close.any(axis=0))))
        return rendered


# USE cosine from which a word of a text tells a word of a question (`words_told`). Single words and their
# translations in the bundled samples lie at 0.55 or more ("elections" / "Neuwahlen" 0.56, "owned" / "gehörte" 0.59,
# "cabinet" / "Kabinett" 0.66); "capital" and "France" came no closer than 0.44 to a word of an article on the
# Super Bowl. Generic words ("after", "asked", "year") find a word that close in most articles: the share below is
# a weak sign, a guard against a question about something else entirely, not a judge of the story.
WORD_TOLD_COSINE = 0.55


def words_told(question: str, text: str, words: WordVectors) -> float:
    """The share of the question's content words `text` holds, inflected or as a compound's start ("Kontakt" in
    "Kontaktaufnahme"), or has a word at least WORD_TOLD_COSINE close to ("elections" / "Neuwahlen"); 1 for a
    question without content words. An answer read for a question as a follow-up of a story (`Newsroom.ask`) must
    be about it: the story is found whatever is asked, "What is the capital of France?" after the Super Bowl too."""
    asked = list(dict.fromkeys(content_words(question)))
    if not asked:
        return 1.0
    tokens = set(tokenize(text))
    held = [any(token.startswith(folded) for token in tokens) for folded in map(fold, asked)]
    if not all(held):
        own = terms_of(text).wholes
        own_words = sorted(word for word in own if " " not in word)
        vectors = words.of([*asked, *own_words])
        if own_words:
            matrix = np.vstack([vectors[word] for word in own_words])
            closest = np.vstack([vectors[word] for word in asked]) @ matrix.T
            held = [h or float(closest[i].max()) >= WORD_TOLD_COSINE for i, h in enumerate(held)]
    return sum(held) / len(asked)
