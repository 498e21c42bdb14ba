"""Building the chat-model answerer: `provider:model` picks the provider through LangChain's init_chat_model,
construction is cheap and offline, and each setting that is wrong is named."""

from __future__ import annotations

from typing import Any

import pytest

from index.answerers import load_answerer
from index.answerers.chat_model import NO_KEY_PLACEHOLDER, ChatModelAnswerer, split_model
from index.answerers.fallback import FallbackAnswerer
from index.errors import ConfigError
from index.models import Hit
from tests.answerers.conftest import QUESTION
from tests.conftest import make_settings
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.scripted_embedder import ScriptedEmbedder

VALID: dict[str, Any] = {"base_url": "http://127.0.0.1:9/v1", "api_key": "", "model": "llama3.2", "timeout": 5.0}


@pytest.mark.parametrize(
    ("overrides", "setting"),
    [
        ({"base_url": "localhost:11434/v1"}, "NEWSBOT_LLM_BASE_URL must start with http"),
        ({"model": "  "}, "set NEWSBOT_LLM_MODEL"),
        ({"base_url": "", "model": "my-model"}, "cannot tell its provider"),
        ({"timeout": 0}, "NEWSBOT_LLM_TIMEOUT"),
        ({"temperature": 3.0}, "NEWSBOT_LLM_TEMPERATURE"),
    ],
)
def test_invalid_settings_are_named(overrides: dict[str, Any], setting: str) -> None:
    with pytest.raises(ConfigError, match=setting):
        ChatModelAnswerer(**{**VALID, **overrides})


@pytest.mark.parametrize(
    ("model", "base_url", "expected"),
    [
        ("openai:gpt-4o-mini", "", ("openai", "gpt-4o-mini")),
        ("ollama:qwen2.5:7b", "", ("ollama", "qwen2.5:7b")),
        ("qwen2.5:7b", "http://127.0.0.1:11434/v1", ("openai", "qwen2.5:7b")),
        ("anthropic:claude-sonnet-4-5", "", ("anthropic", "claude-sonnet-4-5")),
        ("gpt-4o-mini", "", ("", "gpt-4o-mini")),
    ],
)
def test_the_provider_comes_from_the_prefix_or_the_endpoint(
    model: str, base_url: str, expected: tuple[str, str]
) -> None:
    assert split_model(model, base_url) == expected


@pytest.mark.parametrize(
    ("model", "base_url", "class_name"),
    [
        ("openai:gpt-4o-mini", "", "ChatOpenAI"),
        ("gpt-4o-mini", "", "ChatOpenAI"),
        ("qwen2.5:7b", "http://127.0.0.1:11434/v1", "ChatOpenAI"),
        ("ollama:qwen2.5", "http://127.0.0.1:11434/v1", "ChatOllama"),
        ("anthropic:claude-sonnet-4-5", "", "ChatAnthropic"),
    ],
)
def test_each_provider_gets_its_langchain_chat_model_without_touching_the_network(
    model: str, base_url: str, class_name: str
) -> None:
    answerer = ChatModelAnswerer(model=model, base_url=base_url, api_key="k", timeout=5.0)

    assert type(answerer.model).__name__ == class_name
    assert answerer.name == split_model(model, base_url)[0] or answerer.name == "openai"


def test_ollama_is_reached_at_the_server_root_not_its_openai_path() -> None:
    answerer = ChatModelAnswerer(model="ollama:qwen2.5", base_url="http://127.0.0.1:11434/v1", timeout=5.0)

    assert answerer.model.base_url == "http://127.0.0.1:11434"  # type: ignore[attr-defined]


def test_a_provider_without_its_package_names_the_extra_to_install() -> None:
    with pytest.raises(ConfigError, match="mistralai integration"):
        ChatModelAnswerer(model="mistralai:mistral-small", timeout=5.0)


def test_the_settings_build_an_llm_that_falls_back_to_the_extractive_answerer(tmp_path: Any) -> None:
    settings = make_settings(tmp_path, llm_model="openai:gpt-4o-mini", llm_api_key="k")

    answerer = load_answerer(settings, ScriptedEmbedder("scripted", {}))

    assert isinstance(answerer, FallbackAnswerer) and isinstance(answerer.primary, ChatModelAnswerer)
    assert answerer.fallback.name == "extractive"


def test_a_local_server_without_a_key_gets_a_placeholder(hits: list[Hit]) -> None:
    with FakeOpenAI(api_key="", model="llama3.2", models=["llama3.2"]) as server:
        server.enqueue("North Korea denied it [2].")
        answerer = ChatModelAnswerer(base_url=server.base_url, api_key="", model="llama3.2", timeout=5.0)

        answer = answerer.answer(QUESTION, hits)

    assert answer.sources[0].article_id == "nk"
    assert server.completions[-1].headers["Authorization"] == f"Bearer {NO_KEY_PLACEHOLDER}"
