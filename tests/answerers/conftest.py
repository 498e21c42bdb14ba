"""Fixtures for answerer tests: hand-built hits, a scripted OpenAI-compatible server, the real extractive answerer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import numpy as np
import pytest

from index.answerers.base import Answerer
from index.answerers.chat_model import ChatModelAnswerer
from index.embedders import PROFILES
from index.embedders.use import UniversalSentenceEncoder
from index.models import ArticleMeta, Hit
from tests.fakes.openai_api import FakeOpenAI, fake_openai  # noqa: F401 - the fixture is used by the tests

TEST_TIMEOUT_S = 1.0

WEATHER = Hit(
    chunk_id="weather:0",
    article_id="weather",
    text="Heavy rain is expected in the north of England on Saturday, the Met Office said.",
    meta=ArticleMeta(
        title="Rain warning for the weekend",
        outlet="BBC News",
        url="https://example.org/weather",
        published_at=datetime(2023, 9, 7, 8, 0, tzinfo=UTC),
        language="en",
    ),
    score=0.41,
)
NORTH_KOREA = Hit(
    chunk_id="nk:0",
    article_id="nk",
    text=(
        "Nordkorea hat Berichte über Waffenlieferungen an Russland zurückgewiesen. "
        "Pjöngjang habe Moskau nie Waffen oder Munition geliefert, erklärte das Verteidigungsministerium."
    ),
    meta=ArticleMeta(
        title="Nordkorea bestreitet Waffenlieferungen an Russland",
        outlet="tagesschau.de",
        url="https://example.org/nordkorea",
        published_at=datetime(2023, 9, 8, 10, 30, tzinfo=UTC),
        language="de",
    ),
    score=0.78,
)
QUESTION = "Did North Korea deliver weapons to Russia?"


@pytest.fixture
def hits() -> list[Hit]:
    """Two hits in retrieval order: [1] is off-topic English, [2] the German article that answers."""
    return [WEATHER, NORTH_KOREA]


@pytest.fixture
def llm(fake_openai: FakeOpenAI) -> ChatModelAnswerer:  # noqa: F811 - pytest fixture injection
    """The OpenAI-compatible answerer pointed at the fake, with a short timeout."""
    return ChatModelAnswerer(
        base_url=fake_openai.base_url, api_key=fake_openai.api_key, model=fake_openai.model, timeout=TEST_TIMEOUT_S
    )


@pytest.fixture(scope="module")
def extractive() -> Iterator[Answerer]:
    """The real offline answerer with the fast multilingual embedder (loads in about a second)."""
    from index.answerers.extractive import ExtractiveAnswerer
    from index.embedders import load_embedder

    yield ExtractiveAnswerer(load_embedder("use"))


class CountingEncoder(UniversalSentenceEncoder):
    """The real multilingual encoder, counting the passages (not questions) it embeds."""

    def __init__(self, name: str = "use") -> None:
        super().__init__(PROFILES["use"], threads=2)
        self.passages: list[str] = []
        self.counted_name = name

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        if not is_query:
            self.passages.extend(texts)
        return super()._embed(texts, is_query=is_query)


@pytest.fixture(scope="module")
def encoder() -> CountingEncoder:
    model = CountingEncoder()
    model.warm_up()
    return model
