"""Sentence vectors read once: in memory, in a SQLite file other processes share, and filled at ingest
(NEWSBOT_READ_AHEAD) so that a question embeds no sentence, only itself (and its words, which the evidence model
looks for in each sentence). The real USE encoder throughout. And paragraphs split once, kept as spans beside the
vectors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from index.answerers import sentences
from index.answerers.evidence import rendered_words
from index.answerers.extractive import ExtractiveAnswerer
from index.answerers.sentences import SentenceSplits, SentenceVectors
from index.newsroom import Newsroom
from index.segmentation import split_sentences
from tests.answerers.conftest import NORTH_KOREA, QUESTION, WEATHER, CountingEncoder
from tests.conftest import SEED_ARTICLE, SEED_QUESTION, make_settings

SENTENCES = [
    "Nordkorea hat Berichte über Waffenlieferungen an Russland zurückgewiesen.",
    "Heavy rain is expected in the north of England on Saturday.",
    "The town council met on Monday.",
]


def test_a_sentence_is_embedded_once_and_its_vector_is_the_models(encoder: CountingEncoder) -> None:
    vectors = SentenceVectors()
    before = len(encoder.passages)
    first = vectors.of(encoder, SENTENCES)
    again = vectors.of(encoder, list(reversed(SENTENCES)))
    assert encoder.passages[before:] == SENTENCES  # the second call embedded nothing
    np.testing.assert_allclose(first, encoder.embed_documents(SENTENCES), atol=1e-6)
    np.testing.assert_allclose(again, first[::-1], atol=1e-6)


def test_the_file_keeps_vectors_for_the_next_process(encoder: CountingEncoder, tmp_path: Path) -> None:
    path = tmp_path / "sentences.sqlite3"
    first = SentenceVectors(path).of(encoder, SENTENCES)
    before = len(encoder.passages)
    reopened = SentenceVectors(path)  # another process: nothing in memory
    assert reopened.missing(encoder, [*SENTENCES, "A sentence never read."]) == ["A sentence never read."]
    np.testing.assert_allclose(reopened.of(encoder, SENTENCES), first, atol=1e-6)
    assert len(encoder.passages) == before


def test_the_file_keeps_at_most_max_stored_vectors(encoder: CountingEncoder, tmp_path: Path) -> None:
    path = tmp_path / "sentences.sqlite3"
    vectors = SentenceVectors(path, max_stored=10)
    vectors.of(encoder, [f"Sentence number {n} says something new." for n in range(15)])
    with sqlite3.connect(path) as connection:
        (count,) = connection.execute("SELECT COUNT(*) FROM vectors").fetchone()
    assert 0 < count <= 10


def test_read_ahead_embeds_what_an_answer_reads_so_the_answer_embeds_no_sentence(encoder: CountingEncoder) -> None:
    answerer = ExtractiveAnswerer(encoder, reader=encoder)
    hits = [WEATHER, NORTH_KOREA]
    embedded = answerer.read_ahead(hits[:1]) + answerer.read_ahead(hits[1:])
    assert embedded > 0
    before = len(encoder.passages)
    answer = answerer.answer(QUESTION, hits)
    assert len(encoder.passages) == before
    assert not answer.abstained and answer.text.startswith("Nordkorea hat Berichte")
    assert answerer.read_ahead(hits) == 0  # all read already


def test_ingest_with_read_ahead_leaves_questions_only_themselves_to_embed(
    encoder: CountingEncoder, tmp_path: Path
) -> None:
    # the question and, for the evidence model, its own words in USE (the encoder): no sentence, no article's word
    room = Newsroom(make_settings(tmp_path / "data", read_ahead=True), embedder=encoder)
    room.ingest([str(SEED_ARTICLE)])
    assert (tmp_path / "data" / "sentences.sqlite3").exists()
    before = len(encoder.passages)
    answer = room.ask(SEED_QUESTION)
    assert not answer.abstained and answer.sources
    assert encoder.passages[before:] == rendered_words(SEED_QUESTION)

    plain = Newsroom(make_settings(tmp_path / "plain"), embedder=encoder)
    plain.ingest([str(SEED_ARTICLE)])
    before = len(encoder.passages)
    assert plain.ask(SEED_QUESTION).text == answer.text  # the same answer, read at question time instead
    assert len(encoder.passages) > before


PARAGRAPHS = [
    "Nordkorea hat Berichte über Waffenlieferungen an Russland zurückgewiesen. Pjöngjang habe Moskau nie Waffen "
    "geliefert, erklärte das Ministerium am Dienstag in einer Mitteilung.",
    "  Ein Absatz   ohne Satzzeichen  ",
    "",
]


@pytest.fixture
def splitting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paragraphs the real splitter splits from now on."""
    split: list[str] = []

    def counted(paragraph: str, language: str = "en") -> list[str]:
        split.append(paragraph)
        return split_sentences(paragraph, language)

    monkeypatch.setattr(sentences, "split_sentences", counted)
    return split


def test_a_paragraph_is_split_once_as_the_splitter_splits_it_and_the_file_keeps_no_words(
    splitting: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "sentences.sqlite3"
    expected = [tuple(split_sentences(p, "de")) for p in PARAGRAPHS]
    assert SentenceSplits(path).of(PARAGRAPHS, "de") == expected
    assert len(expected[0]) == 2 and expected[1] == ("Ein Absatz ohne Satzzeichen",)
    assert splitting == PARAGRAPHS
    reopened = SentenceSplits(path)  # another process: nothing in memory
    assert reopened.of(list(reversed(PARAGRAPHS)), "de") == list(reversed(expected))
    assert reopened.of(PARAGRAPHS[:1], "en") == [tuple(split_sentences(PARAGRAPHS[0], "en"))]  # split anew
    assert splitting == [*PARAGRAPHS, PARAGRAPHS[0]]
    kept = b"".join(f.read_bytes() for f in tmp_path.iterdir())
    assert b"Waffenlieferungen" not in kept and "Waffenlieferungen".encode("utf-16-le") not in kept

    assert reopened.forget(PARAGRAPHS, "de") == 3
    assert SentenceSplits(path).of(PARAGRAPHS, "de") == expected
    assert splitting == [*PARAGRAPHS, PARAGRAPHS[0], *PARAGRAPHS]


def test_a_sentence_the_splitter_changed_is_split_again_not_kept_wrong(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[str] = []

    def rewriting(paragraph: str, language: str = "en") -> list[str]:
        calls.append(paragraph)
        return [paragraph.upper()]

    monkeypatch.setattr(sentences, "split_sentences", rewriting)
    path = tmp_path / "sentences.sqlite3"
    assert SentenceSplits(path).of(["Kim denied it."], "en") == [("KIM DENIED IT.",)]
    assert SentenceSplits(path).of(["Kim denied it."], "en") == [("KIM DENIED IT.",)]
    assert len(calls) == 2  # no span holds it: nothing kept in the file


def test_read_ahead_splits_what_an_answer_reads_and_forgetting_drops_it(
    encoder: CountingEncoder, splitting: list[str], tmp_path: Path
) -> None:
    answerer = ExtractiveAnswerer(encoder, reader=encoder, sentence_vectors=tmp_path / "sentences.sqlite3")
    hits = [WEATHER, NORTH_KOREA]
    answerer.read_ahead(hits[:1])
    answerer.read_ahead(hits[1:])
    assert splitting
    fresh = ExtractiveAnswerer(encoder, reader=encoder, sentence_vectors=tmp_path / "sentences.sqlite3")
    splitting.clear()
    answer = fresh.answer(QUESTION, hits)
    assert not answer.abstained and answer.text.startswith("Nordkorea hat Berichte")
    assert splitting == []  # every paragraph the answer read was split ahead

    fresh.forget(hits[1:])
    reopened = ExtractiveAnswerer(encoder, reader=encoder, sentence_vectors=tmp_path / "sentences.sqlite3")
    assert reopened.answer(QUESTION, hits) == answer
    assert NORTH_KOREA.text in splitting and WEATHER.text not in splitting
