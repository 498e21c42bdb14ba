"""An answerer that serves a second answerer's answer when the first one (an LLM) fails."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from index.answerers.base import Answerer, ArticleStore
from index.answerers.evidence import Corpus
from index.errors import AnswerError
from index.models import Answer, Hit, Turn
from index.word_vectors import WordVectors

log = logging.getLogger(__name__)


class FallbackAnswerer(Answerer):
    """Tries `primary`; when it raises AnswerError (failure, timeout, unsupported answer) serves `fallback`.

    The answer keeps the name of the answerer that wrote it, so callers can tell which one was served.
    Other errors (a ConfigError, a bug) are not hidden.
    """

    def __init__(self, primary: Answerer, fallback: Answerer) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = f"{primary.name}+{fallback.name} fallback"
        self.writes = primary.writes

    def warm_up(self) -> None:
        self.primary.warm_up()
        self.fallback.warm_up()

    # Nothing is read ahead for the fallback (the base's defaults): it answers only when the LLM fails, and
    # reading every stored sentence for that would cost the reader's time and the disk for little.

    def forget(self, hits: Sequence[Hit]) -> int:
        return self.fallback.forget(hits)

    def use_corpus(self, corpus: Corpus) -> None:
        self.primary.use_corpus(corpus)
        self.fallback.use_corpus(corpus)

    def use_store(self, store: ArticleStore) -> None:
        self.primary.use_store(store)
        self.fallback.use_store(store)

    def use_words(self, words: WordVectors) -> None:
        self.primary.use_words(words)
        self.fallback.use_words(words)

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        try:
            return self.primary.answer(question, hits)
        except AnswerError as exc:
            log.warning(
                "The %s answerer failed (%s); serving the %s answer instead",
                self.primary.name,
                exc,
                self.fallback.name,
            )
            return self.fallback.answer(question, hits)

    def condense(self, question: str, history: Sequence[Turn]) -> str | None:
        """The primary's rewrite of a follow-up, or None when it cannot; never raises."""
        try:
            return self.primary.condense(question, history)
        except Exception as exc:  # noqa: BLE001 - rewriting is an optional improvement, never a reason to fail
            log.warning("The %s answerer could not rewrite the follow-up: %s", self.primary.name, exc)
            return None
