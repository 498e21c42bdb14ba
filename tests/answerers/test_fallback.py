"""When the LLM fails, times out or answers without sources, the extractive answer is served and a warning logged."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import pytest

from index.answerers.base import Answerer
from index.answerers.chat_model import ChatModelAnswerer
from index.answerers.fallback import FallbackAnswerer
from index.errors import ConfigError
from index.models import Answer, Hit, Turn
from tests.answerers.conftest import QUESTION, TEST_TIMEOUT_S
from tests.fakes.openai_api import FakeOpenAI


@pytest.fixture
def answerer(llm: ChatModelAnswerer, extractive: Answerer) -> FallbackAnswerer:
    return FallbackAnswerer(llm, extractive)


def assert_extractive_served(answer: Answer, caplog: pytest.LogCaptureFixture) -> None:
    assert answer.answerer == "extractive"
    assert [s.article_id for s in answer.sources] == ["nk"]
    warnings = [r for r in caplog.records if r.name == "index.answerers.fallback" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "The openai answerer failed" in warnings[0].getMessage()
    assert "serving the extractive answer" in warnings[0].getMessage()


def test_name_says_which_answerer_backs_up_which(answerer: FallbackAnswerer) -> None:
    assert answerer.name == "openai+extractive fallback"


def test_the_llm_writes_its_answers_the_extractive_answerer_quotes(
    answerer: FallbackAnswerer, extractive: Answerer
) -> None:
    # a request to translate reaches a writer; the quoting answerer's gate says it cannot
    assert answerer.writes and not extractive.writes


def test_the_llms_answer_is_served_when_it_is_supported(
    answerer: FallbackAnswerer, fake_openai: FakeOpenAI, hits: list[Hit], caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.enqueue("North Korea denied delivering weapons to Russia [2].")

    with caplog.at_level(logging.WARNING, logger="index.answerers.fallback"):
        answer = answerer.answer(QUESTION, hits)

    assert answer.answerer == "openai"
    assert answer.text == "North Korea denied delivering weapons to Russia [1]."
    assert caplog.records == []


def test_an_answer_without_citations_falls_back(
    answerer: FallbackAnswerer, fake_openai: FakeOpenAI, hits: list[Hit], caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.enqueue("Yes, North Korea supplies Russia with shells.")

    with caplog.at_level(logging.WARNING, logger="index.answerers.fallback"):
        answer = answerer.answer(QUESTION, hits)

    assert_extractive_served(answer, caplog)
    assert "without support" in caplog.records[0].getMessage()


def test_a_server_error_falls_back(
    answerer: FallbackAnswerer, fake_openai: FakeOpenAI, hits: list[Hit], caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.enqueue_error(status=500)

    with caplog.at_level(logging.WARNING, logger="index.answerers.fallback"):
        answer = answerer.answer(QUESTION, hits)

    assert_extractive_served(answer, caplog)


def test_a_timeout_falls_back(
    answerer: FallbackAnswerer, fake_openai: FakeOpenAI, hits: list[Hit], caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.enqueue_delay(TEST_TIMEOUT_S + 2, "too late [2]")

    with caplog.at_level(logging.WARNING, logger="index.answerers.fallback"):
        answer = answerer.answer(QUESTION, hits)

    assert_extractive_served(answer, caplog)
    assert "did not answer in time" in caplog.records[0].getMessage()


def test_an_abstention_is_an_answer_not_a_failure(
    answerer: FallbackAnswerer, fake_openai: FakeOpenAI, hits: list[Hit], caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.enqueue("NOT_IN_SOURCES")

    with caplog.at_level(logging.WARNING, logger="index.answerers.fallback"):
        answer = answerer.answer("Who won the election in Bavaria?", hits)

    assert answer.abstained
    assert answer.answerer == "openai"
    assert caplog.records == []


class _Broken(Answerer):
    """An answerer whose every call fails with an error that is not an AnswerError."""

    name = "broken"

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        raise ConfigError("set NEWSBOT_SOMETHING")

    def condense(self, question: str, history: Sequence[Turn]) -> str | None:
        raise RuntimeError("condense exploded")


def test_errors_other_than_answer_errors_are_not_hidden(extractive: Answerer, hits: list[Hit]) -> None:
    with pytest.raises(ConfigError):
        FallbackAnswerer(_Broken(), extractive).answer(QUESTION, hits)


def test_condense_delegates_to_the_primary(answerer: FallbackAnswerer, fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue("What did Russia say about North Korean weapons deliveries?")

    rewritten = answerer.condense("And Russia?", [Turn(question=QUESTION, answer="It denied it [1].")])

    assert rewritten == "What did Russia say about North Korean weapons deliveries?"


def test_condense_returns_none_on_any_error(extractive: Answerer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="index.answerers.fallback"):
        assert FallbackAnswerer(_Broken(), extractive).condense("And Russia?", [Turn(question=QUESTION)]) is None

    assert "condense exploded" in caplog.records[0].getMessage()


def test_the_corpus_reaches_both_answerers(answerer: FallbackAnswerer) -> None:
    class NoWords:
        def document_frequencies(self, tokens: object) -> dict[str, int]:
            return {}

    corpus = NoWords()
    answerer.use_corpus(corpus)
    assert getattr(answerer.fallback, "corpus", None) is corpus  # the extractive answerer's
