"""The question's words in each candidate sentence, in any language (evidence.py `rendered_terms`), from USE's
vectors of single words (index/word_vectors.py): embedded once, kept in the data dir's file for the next process,
and never loaded by an answerer that has no evidence model to read them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.answerers.evidence import RENDERED_MATCH, Candidate, rendered_terms, rendered_words
from index.answerers.extractive import ExtractiveAnswerer
from index.embedders import Embedder
from index.word_vectors import WordVectors
from tests.answerers.conftest import NORTH_KOREA, WEATHER, CountingEncoder
from tests.fakes.scripted_embedder import ScriptedEmbedder

QUESTION = "Which actor plays the crook from Frankfurt?"
SERIES = [
    Candidate(0, "Der Frankfurter Ganove wird von Georg Friedrich gespielt."),
    Candidate(0, "Die Serie startet am 2. Jänner im ZDF."),
]


def test_a_word_and_its_translation_lie_close_and_a_word_is_embedded_once(
    encoder: CountingEncoder, tmp_path: Path
) -> None:
    words = WordVectors(lambda: encoder, tmp_path / "sentences.sqlite3")
    vectors = words.of(["title", "Titel", "weather", "title"])
    assert float(vectors["title"] @ vectors["Titel"]) >= RENDERED_MATCH
    assert float(vectors["title"] @ vectors["weather"]) < RENDERED_MATCH
    before = len(encoder.passages)
    again = WordVectors(lambda: encoder, tmp_path / "sentences.sqlite3")  # another process: only the file
    np.testing.assert_allclose(again.of(["Titel"])["Titel"], vectors["Titel"], atol=1e-6)
    assert words.fill(["title", "Serie"]) == 1
    assert encoder.passages[before:] == ["Serie"]


def test_the_sentence_that_renders_the_question_s_words_scores_higher(encoder: CountingEncoder) -> None:
    words = WordVectors(lambda: encoder)
    texts = [QUESTION, *(c.text for c in SERIES)]

    vectors = words.of([w for text in texts for w in rendered_words(text)])
    rendered = rendered_terms(QUESTION, SERIES, vectors)
    # "crook" / "Ganove", "plays" / "gespielt", "Frankfurt" / "Frankfurter": the answer's sentence, in German
    assert rendered[0, 0] > rendered[1, 0] + 0.1
    assert rendered[0, 1] >= 0.5 > rendered[1, 1]
    # the second sentence read after the first renders no less of the question than it does alone
    assert rendered[1, 2] > 0 and rendered[0, 2] == 0


def test_an_answerer_without_an_evidence_model_loads_no_word_model() -> None:
    def no_model() -> Embedder:
        pytest.fail("an answerer deciding by similarity alone loaded USE for the question's words")

    denied = "Nordkorea hat Berichte über Waffenlieferungen an Russland zurückgewiesen."
    scripted = ScriptedEmbedder("scripted", {denied: 0.9})
    answerer = ExtractiveAnswerer(scripted, model=None, min_sentence=0.5)
    answerer.use_words(WordVectors(no_model))
    assert answerer.read_ahead([NORTH_KOREA]) > 0  # its sentences, not their words
    answer = answerer.answer("Did North Korea deliver weapons to Russia?", [NORTH_KOREA, WEATHER])
    assert answer.text.startswith(denied)
