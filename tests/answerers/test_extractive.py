"""How the extractive answerer picks its sentences, with a scripted reader whose similarities are set per sentence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from index.answerers.extractive import ExtractiveAnswerer
from index.models import ArticleMeta, Hit
from tests.fakes.scripted_embedder import ScriptedEmbedder

QUESTION = "Who denied supplying arms?"
FIRST = "Nordkorea hat Berichte über Waffenlieferungen an Russland zurückgewiesen."
SECOND = "Pjöngjang habe Moskau nie Waffen oder Munition geliefert, erklärte das Ministerium."
THIRD = "Die USA hatten zuvor von Gesprächen zwischen beiden Ländern berichtet."
OTHER = "Heavy rain is expected in the north of England on Saturday, the Met Office said."


def _hit(article_id: str, text: str, title: str = "", score: float = 0.8) -> Hit:
    meta = ArticleMeta(
        title=title,
        outlet="example.org",
        url=f"https://example.org/{article_id}",
        published_at=datetime(2023, 9, 8, 10, 30, tzinfo=UTC),
        language="de" if article_id == "nk" else "en",
    )
    return Hit(chunk_id=f"{article_id}:0", article_id=article_id, text=text, meta=meta, score=score)


HITS = [_hit("nk", f"{FIRST} {SECOND} {THIRD}"), _hit("weather", OTHER, score=0.5)]


def _answerer(similarities: dict[str, float], **options: float) -> ExtractiveAnswerer:
    shortlist = ScriptedEmbedder("shortlist", {})
    return ExtractiveAnswerer(
        shortlist,
        reader=ScriptedEmbedder("reader", similarities),
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


MANY = [f"Sprecher {n} sagte, die Lage in der Region bleibe angespannt." for n in range(10)]


def _shortlisted(shortlist: int | None) -> ExtractiveAnswerer:
    # The faster model ranks the last sentence last; the reader rates it best.
    fast = ScriptedEmbedder("fast", {**{s: 0.5 for s in MANY[:9]}, MANY[9]: 0.0})
    reader = ScriptedEmbedder("reader", {**{s: 0.75 for s in MANY[:9]}, MANY[9]: 0.9})
    return ExtractiveAnswerer(fast, reader=reader, min_sentence=0.7, shortlist=shortlist)


def test_with_a_shortlist_the_reader_reads_only_what_the_faster_model_picked() -> None:
    answer = _shortlisted(8).answer(QUESTION, [_hit("nk", " ".join(MANY))])

    assert MANY[9] not in answer.text
    assert answer.confidence == pytest.approx(0.75)


def test_without_a_shortlist_the_reader_reads_every_candidate() -> None:
    answer = _shortlisted(None).answer(QUESTION, [_hit("nk", " ".join(MANY))])

    assert answer.text == f"{MANY[9]} [1]"
    assert answer.confidence == pytest.approx(0.9)


def test_a_shortlister_of_its_own_picks_what_the_reader_reads() -> None:
    # The retrieval embedder would pick the last sentence; the shortlister (use in use+e5) does not.
    embedder = ScriptedEmbedder("embedder", {**{s: 0.0 for s in MANY[:9]}, MANY[9]: 0.9})
    shortlister = ScriptedEmbedder("fast", {**{s: 0.5 for s in MANY[:9]}, MANY[9]: 0.0})
    reader = ScriptedEmbedder("reader", {**{s: 0.75 for s in MANY[:9]}, MANY[9]: 0.9})
    answerer = ExtractiveAnswerer(embedder, reader=reader, min_sentence=0.7, shortlist=8, shortlister=shortlister)
    hits = [_hit("nk", " ".join(MANY))]
    sentences = [c.text for c in answerer._candidates(hits)]

    assert list(answerer.shortlisted(QUESTION, sentences, hits, answerer._candidates(hits))) == list(range(8))
    assert MANY[9] not in answerer.answer(QUESTION, hits).text


def test_a_sentence_that_repeats_a_chosen_one_leaves_its_place_to_the_next() -> None:
    title = "Nordkorea dementiert, Waffen und Munition nach Russland geliefert zu haben"
    lead = "Nordkorea dementiert, Russland mit Waffen und Munition versorgt zu haben."
    hits = [_hit("nk", f"{lead} {SECOND} {THIRD}", title=title)]
    answer = _answerer({title: 0.90, lead: 0.89, SECOND: 0.88, THIRD: 0.80}).answer(QUESTION, hits)

    assert answer.text == f"{title} {SECOND} [1]"


def test_a_title_made_of_the_first_sentence_is_no_second_candidate() -> None:
    answerer = _answerer({})
    derived = [
        _hit("nk", f"{FIRST} {SECOND}", title=FIRST.removesuffix(".")),
        _hit("nk2", f"{FIRST} {SECOND}", title="Nordkorea hat Berichte über…"),
    ]
    for hit in derived:
        assert [c.text for c in answerer._candidates([hit])] == [FIRST, SECOND]
    # a title of its own stays a candidate
    own_title = "Nordkorea dementiert, Waffen und Munition nach Russland geliefert zu haben"
    titled = _hit("nk", f"{FIRST} {SECOND}", title=own_title)
    assert [c.title for c in answerer._candidates([titled])] == [True, False, False]


def test_reading_every_candidate_the_more_relevant_hit_breaks_a_near_tie() -> None:
    hits = [_hit("nk", FIRST, score=0.9), _hit("weather", OTHER, score=0.6)]
    reader = ScriptedEmbedder("reader", {FIRST: 0.80, OTHER: 0.84})
    answerer = ExtractiveAnswerer(
        ScriptedEmbedder("fast", {}),
        reader=reader,
        min_sentence=0.7,
        sentence_margin=0.03,
        shortlist=None,
    )

    # 0.80 + 0.3 * 0.9 beats 0.84 + 0.3 * 0.6; the other sentence is not within the margin to join.
    assert answerer.answer(QUESTION, hits).text == f"{FIRST} [1]"
    assert answerer.answer(QUESTION, hits).confidence == pytest.approx(0.84)
