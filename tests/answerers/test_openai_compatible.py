"""Constructing the OpenAI-compatible answerer: cheap, and precise about which setting is wrong."""

from __future__ import annotations

from typing import Any

import pytest

from index.answerers.openai_compatible import NO_KEY_PLACEHOLDER, OpenAICompatibleAnswerer
from index.errors import ConfigError
from index.models import Hit
from tests.answerers.conftest import QUESTION
from tests.fakes.openai_api import FakeOpenAI

VALID: dict[str, Any] = {"base_url": "http://127.0.0.1:9/v1", "api_key": "", "model": "llama3.2"}


@pytest.mark.parametrize(
    ("overrides", "setting"),
    [
        ({"base_url": ""}, "NEWSBOT_LLM_BASE_URL"),
        ({"base_url": "localhost:11434/v1"}, "NEWSBOT_LLM_BASE_URL must start with http"),
        ({"model": "  "}, "set NEWSBOT_LLM_MODEL"),
        ({"timeout": 0}, "NEWSBOT_LLM_TIMEOUT"),
        ({"temperature": 3.0}, "NEWSBOT_LLM_TEMPERATURE"),
    ],
)
def test_invalid_settings_are_named(overrides: dict[str, Any], setting: str) -> None:
    with pytest.raises(ConfigError, match=setting):
        OpenAICompatibleAnswerer(**{**VALID, **overrides})


def test_the_constructor_does_not_touch_the_network() -> None:
    answerer = OpenAICompatibleAnswerer(**VALID)

    assert answerer.name == "openai"
    assert answerer.model_name == "llama3.2"


def test_a_local_server_without_a_key_gets_a_placeholder(hits: list[Hit]) -> None:
    with FakeOpenAI(api_key="", model="llama3.2", models=["llama3.2"]) as server:
        server.enqueue("North Korea denied it [2].")
        answerer = OpenAICompatibleAnswerer(base_url=server.base_url, api_key="", model="llama3.2")

        answer = answerer.answer(QUESTION, hits)

    assert answer.sources[0].article_id == "nk"
    assert server.completions[-1].headers["Authorization"] == f"Bearer {NO_KEY_PLACEHOLDER}"
