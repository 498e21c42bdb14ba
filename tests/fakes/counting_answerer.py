"""An answerer that says "Yes [1]." to everything and counts how often it was asked: whether the gate and the chain's
steps ask the answerer at all, without a model."""

from __future__ import annotations

from collections.abc import Sequence

from index.answerers.base import Answerer
from index.models import Answer, Hit


class CountingAnswerer(Answerer):
    """Answers "Yes [1]." and counts how often it was asked."""

    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        self.calls += 1
        return Answer(text="Yes [1].", answerer=self.name, question=question)
