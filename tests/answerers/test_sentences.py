"""Sentence vectors read once: in memory, in a SQLite file other processes share, and filled at ingest
(NEWSBOT_READ_AHEAD) so that a question embeds no sentence, only itself. The real USE encoder throughout."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from index.answerers.extractive import ExtractiveAnswerer
from index.answerers.sentences import SentenceVectors
from index.newsroom import Newsroom
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
    room = Newsroom(make_settings(tmp_path / "data", read_ahead=True), embedder=encoder)
    room.ingest([str(SEED_ARTICLE)])
    assert (tmp_path / "data" / "sentences.sqlite3").exists()
    before = len(encoder.passages)
    answer = room.ask(SEED_QUESTION)
    assert not answer.abstained and answer.sources
    assert encoder.passages[before:] == []

    plain = Newsroom(make_settings(tmp_path / "plain"), embedder=encoder)
    plain.ingest([str(SEED_ARTICLE)])
    before = len(encoder.passages)
    assert plain.ask(SEED_QUESTION).text == answer.text  # the same answer, read at question time instead
    assert len(encoder.passages) > before
