"""How the extractive answerer picks its sentences, with a scripted reader whose similarities are set per sentence."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from index.answerers.extractive import ExtractiveAnswerer
from index.embedders import Embedder
from index.models import Hit

QUESTION = "Who denied supplying arms?"
FIRST = "Nordkorea hat Berichte über Waffenlieferungen an Russland zurückgewiesen."
SECOND = "Pjöngjang habe Moskau nie Waffen oder Munition geliefert, erklärte das Ministerium."
THIRD = "Die USA hatten zuvor von Gesprächen zwischen beiden Ländern berichtet."
OTHER = "Heavy rain is expected in the north of England on Saturday, the Met Office said."


class ScriptedReader(Embedder):
    """Unit vectors whose dot product with every question is the similarity scripted for the sentence (0 else)."""

    def __init__(self, name: str, similarities: dict[str, float]) -> None:
        super().__init__()
        self.name = name
        self.similarities = similarities

    def _load(self) -> None:
        pass

    def _dim(self) -> int:
        return 2

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        if is_query:
            return np.array([[1.0, 0.0]] * len(texts))
        sims = [self.similarities.get(text, 0.0) for text in texts]
        return np.array([[s, np.sqrt(1 - s * s)] for s in sims])

    def _count_tokens(self, text: str) -> int:
        return len(text.split())


def _hit(article_id: str, text: str, title: str = "", score: float = 0.8) -> Hit:
    return Hit(
        chunk_id=f"{article_id}:0",
        article_id=article_id,
        text=text,
        title=title,
        outlet="example.org",
        url=f"https://example.org/{article_id}",
        published_at="2023-09-08T10:30:00+00:00",
        language="de" if article_id == "nk" else "en",
        score=score,
    )


HITS = [_hit("nk", f"{FIRST} {SECOND} {THIRD}"), _hit("weather", OTHER, score=0.5)]


def _answerer(similarities: dict[str, float], **options: float) -> ExtractiveAnswerer:
    shortlist = ScriptedReader("shortlist", {})
    return ExtractiveAnswerer(
        shortlist,
        reader=ScriptedReader("reader", similarities),
        min_relevance=0.3,
        min_sentence=options.get("min_sentence", 0.7),
        sentence_margin=options.get("margin", 0.03),
    )


def _sentences(text: str, candidates: Sequence[str]) -> list[str]:
    return [c for c in candidates if c in text]


def test_a_sure_reader_answers_with_its_one_best_sentence() -> None:
    answer = _answerer({FIRST: 0.90, SECOND: 0.80, THIRD: 0.75}).answer(QUESTION, HITS)

    assert answer.text == f"{FIRST} [1]"
    assert answer.confidence == pytest.approx(0.90)
    assert [s.article_id for s in answer.sources] == ["nk"]


def test_sentences_close_behind_the_best_join_it_in_article_order() -> None:
    answer = _answerer({FIRST: 0.86, SECOND: 0.88, THIRD: 0.87, OTHER: 0.70}).answer(QUESTION, HITS)

    # One citation for three sentences of one article, in the order the article tells them.
    assert answer.text == f"{FIRST} {SECOND} {THIRD} [1]"


def test_at_most_three_sentences_join() -> None:
    answer = _answerer({FIRST: 0.88, SECOND: 0.89, THIRD: 0.87, OTHER: 0.875}).answer(QUESTION, HITS)

    assert _sentences(answer.text, [FIRST, SECOND, THIRD, OTHER]) == [FIRST, SECOND, OTHER]


def test_a_close_sentence_below_the_threshold_does_not_join() -> None:
    hits = [*HITS[:1], _hit("weather", OTHER, score=0.79)]
    answer = _answerer({FIRST: 0.80, SECOND: 0.79, THIRD: 0.79, OTHER: 0.795}, min_sentence=0.795).answer(
        QUESTION, hits
    )

    assert _sentences(answer.text, [FIRST, SECOND, THIRD, OTHER]) == [FIRST, OTHER]
    assert answer.text == f"{FIRST} [1] {OTHER} [2]"
    assert [s.article_id for s in answer.sources] == ["nk", "weather"]


def test_below_the_sentence_threshold_it_abstains_and_says_how_close_it_came() -> None:
    answer = _answerer({FIRST: 0.65, SECOND: 0.60}).answer(QUESTION, HITS)

    assert answer.abstained
    assert answer.sources == []
    assert answer.confidence == pytest.approx(0.65)


def test_hits_below_min_relevance_are_not_read() -> None:
    answer = _answerer({FIRST: 0.95}).answer(QUESTION, [_hit("nk", FIRST, score=0.1)])

    assert answer.abstained
    assert answer.confidence is None
