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
import threading
from collections.abc import Callable, Sequence

import numpy as np

from index.embedders.base import Embedder, Recent
from index.lexical import INFLECTIONS, STOPWORDS, content_words, fold, tokenize

# Over 96 topics asked of the 1,028 10kGNAD test articles and the 127-article play store, each rendering the README
# lists scored 0.74 or more (Refugees / Flüchtlinge, Hungary / Ungarn) and each word of an article on another
# subject 0.72 or less ("Greta Thunberg" / "Grete Petritsch"), a word of the topic itself left out.
RENDERING_COSINE = 0.70
#: a word this many letters short of a topic word is a part of it ("Chat" of "ChatGPT"), not its form in another
#: language ("Hamburg" of "Hamburgo")
SHARED_START = 3
#: the words whose vectors are kept between requests (about 2 kB each)
KEPT_TERMS = 50_000

_WORD = re.compile(r"[^\W\d_](?:[\w-]*[^\W_])?")
# words in a row with only spaces between them: a mark or a line break ends a name ("Syrien: Waffenruhe")
_RUN_BREAK = re.compile(r"[^\w\s-]+|\s*\n\s*")


def terms_of(text: str) -> tuple[list[str], set[str]]:
    """The words of `text` that may render a topic (not stop words; of three letters or more unless in capitals:
    "EU") and each two capitalised words in a row ("Europäische Union"); and those of them that may render the whole
    topic: the pairs, and the words found at least once not starting one ("ECB raises", not only "ECB President")."""
    terms: set[str] = set()
    wholes: set[str] = set()
    for run in _RUN_BREAK.split(text):
        words = _WORD.findall(run)
        for word, following in zip(words, [*words[1:], ""], strict=False):  # the last word has none following
            if fold(word) in STOPWORDS or (len(word) < 3 and not word.isupper()):
                continue
            terms.add(word)
            if word[:1].isupper() and following[:1].isupper() and fold(following) not in STOPWORDS:
                pair = f"{word} {following}"
                terms.add(pair)
                wholes.add(pair)
            else:
                wholes.add(word)
    return sorted(terms), wholes


def shares(term: str, topic_words: Sequence[str]) -> bool:
    """Whether a word of `term` is a topic word, inflected or not ("Kim" of "Kim Kardashian", "Bitcoins"), or the
    start of one, SHARED_START letters or more short of it ("Chat" of "ChatGPT"; not "Hamburg" of "Hamburgo");
    `topic_words` folded."""
    return any(
        word.startswith(topic)
        and word[len(topic) :] in INFLECTIONS
        or topic.startswith(word)
        and len(topic) - len(word) >= SHARED_START
        for word in tokenize(term)
        for topic in topic_words
    )


class Renderings:
    """Asks a USE model which of a topic's parts texts render in another language: the whole topic, then each of its
    words (`content_words`). The model comes from `model` on first use (the newsroom's own USE when its embedder
    has one)."""

    def __init__(self, model: Callable[[], Embedder], threshold: float = RENDERING_COSINE) -> None:
        self._model_factory = model
        self._model: Embedder | None = None
        self._lock = threading.Lock()
        self.threshold = threshold
        self._kept: Recent[np.ndarray] = Recent(KEPT_TERMS)

    def __call__(self, topic: str, texts: Sequence[str]) -> list[tuple[bool, ...]]:
        """For each text, whether a word of it renders the whole topic, then each of the topic's words."""
        words = content_words(topic)
        if not words or not texts:
            return [(False,) * (1 + len(words))] * len(texts)
        folded = [fold(word) for word in words]
        read = [terms_of(text) for text in texts]
        kept = [[term for term in terms if not shares(term, folded)] for terms, _ in read]
        vectors = self._vectors(sorted({term for terms in kept for term in terms}))
        model = self.model()
        whole = model.embed_query(" ".join(words))
        parts = np.vstack([model.embed_query(word) for word in words]) if len(words) > 1 else whole[None, :]
        rendered = []
        for terms, (_, whole_terms) in zip(kept, read, strict=True):
            matrix = np.vstack([vectors[term] for term in terms]) if terms else np.zeros((0, whole.shape[0]))
            wholes = [vector for term, vector in zip(terms, matrix, strict=True) if term in whole_terms]
            by_whole = bool(wholes) and float(np.max(np.vstack(wholes) @ whole)) >= self.threshold
            by_word = (matrix @ parts.T).max(axis=0) >= self.threshold if terms else np.zeros(len(parts), dtype=bool)
            rendered.append((by_whole, *(bool(b) for b in by_word)) if len(words) > 1 else (by_whole, by_whole))
        return rendered

    def model(self) -> Embedder:
        with self._lock:
            if self._model is None:
                self._model = self._model_factory()
            return self._model

    def _vectors(self, terms: Sequence[str]) -> dict[str, np.ndarray]:
        known = {term: vector for term in terms if (vector := self._kept.get(term)) is not None}
        new = [term for term in terms if term not in known]
        if new:
            for term, vector in zip(new, self.model().embed_documents(new), strict=True):
                self._kept.put(term, vector)
                known[term] = vector
        return known
