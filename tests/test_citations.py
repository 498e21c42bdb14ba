"""Citations: every [n] a user sees maps to a source, each article is listed once, numbered by first citation."""

from datetime import datetime
from pathlib import Path

from index.answerers.base import build_answer, cited_numbers
from index.models import ArticleMeta, Hit


def hit(chunk: int, article: str) -> Hit:
    meta = ArticleMeta(
        title=f"Title {article}",
        outlet="Example Times",
        url=f"https://example.org/{article}",
        published_at=datetime(2026, 11, 1),
        language="en",
    )
    return Hit(
        chunk_id=f"{article}:{chunk}", article_id=article, text=f"passage {chunk} of {article}", meta=meta, score=0.5
    )


def test_cited_numbers_in_order_of_first_appearance() -> None:
    assert cited_numbers("a [3] b [1, 3] c [2][3]") == [3, 1, 2]


def test_sources_are_renumbered_by_first_citation() -> None:
    answer = build_answer("q", "First [3]. Second [1].", [hit(0, "a"), hit(0, "b"), hit(0, "c")], answerer="t")
    assert answer.text == "First [1]. Second [2]."
    assert [(s.n, s.meta.title) for s in answer.sources] == [(1, "Title c"), (2, "Title a")]


def test_two_chunks_of_one_article_become_one_source() -> None:
    answer = build_answer("q", "One [1]. Two [3].", [hit(0, "a"), hit(0, "b"), hit(1, "a")], answerer="t")
    assert answer.text == "One [1]. Two [1]."
    assert [(s.n, s.snippet) for s in answer.sources] == [(1, "passage 0 of a")]


def test_citations_without_a_source_are_dropped() -> None:
    answer = build_answer("q", "Claim [7]. Other claim [2].", [hit(0, "a"), hit(0, "b")], answerer="t")
    assert answer.text == "Claim. Other claim [1]."
    assert [s.meta.title for s in answer.sources] == ["Title b"]


def test_every_extractive_citation_points_to_a_passage_that_contains_the_cited_text(tmp_path: Path) -> None:
    import re

    from index.newsroom import Newsroom
    from index.segmentation import split_sentences
    from tests.conftest import SAMPLES_DIR, make_settings

    newsroom = Newsroom(make_settings(tmp_path / "data"))
    newsroom.ingest([str(SAMPLES_DIR)])
    questions = [
        "Who denied supplying arms?",
        "What did John Kirby criticize?",
        "Wie hoch sind die Staatsschulden von Puerto Rico?",
        "Who is the project leader of Philae?",
        "Um wie viel Prozent steigen die Pensionen?",
    ]
    checked = 0
    for question in questions:
        hits = newsroom.search(question)
        answer = newsroom.answer_from_hits(question, hits)
        if answer.abstained:
            continue
        # the answerer reads the best articles whole (not only their retrieved chunks): the cited article's text
        passages = {
            s.n: [f"{h.meta.title}\n{h.text}" for h in newsroom.store.article_chunks(s.article_id)]
            for s in answer.sources
        }
        for cited, numbers in re.findall(r"(.+?)((?:\s*\[\d+\])+)", answer.text):
            for n in map(int, re.findall(r"\d+", numbers)):
                for sentence in split_sentences(cited, "de"):
                    assert any(sentence in passage for passage in passages[n]), (question, sentence, n)
                    checked += 1
    assert checked >= 4
