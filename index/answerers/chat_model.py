"""Answers from any chat model LangChain's `init_chat_model` builds: OpenAI and every OpenAI-compatible server
(vLLM, llama.cpp server, Ollama's /v1), Ollama's own API, Anthropic, and the other providers LangChain knows.

NEWSBOT_LLM_MODEL names the model as `provider:model` — `openai:gpt-4o-mini`, `ollama:qwen2.5`,
`anthropic:claude-sonnet-4-5`. A model without a known provider prefix and with NEWSBOT_LLM_BASE_URL set is served
by an OpenAI-compatible endpoint (`qwen2.5:7b` on `http://127.0.0.1:11434/v1`). Each provider's integration package
is an optional extra (`pip install 'newsbot[ollama]'`); a missing one is a ConfigError that says which.
"""

from __future__ import annotations

import importlib
from typing import Any

from index.answerers.llm import LLMAnswerer, check_options
from index.errors import ConfigError

NO_KEY_PLACEHOLDER = "not-needed"
#: the providers `init_chat_model` builds (langchain 1.x), so that "qwen2.5:7b" is not mistaken for one
PROVIDERS = frozenset(
    """
    anthropic anthropic_bedrock azure_ai azure_openai baseten bedrock bedrock_converse cohere deepseek fireworks
    google_anthropic_vertex google_genai google_vertexai groq huggingface ibm litellm meta mistralai nvidia ollama
    openai openrouter perplexity together upstage xai
    """.split()
)
#: newsbot's extra for a provider's integration package, where it has one
EXTRAS = {"openai": "openai", "azure_openai": "openai", "ollama": "ollama", "anthropic": "anthropic"}
#: a provider's own client errors (module, attribute), mapped to AnswerError like LangChain's
CLIENT_ERRORS = {
    "openai": [("openai", "OpenAIError")],
    "azure_openai": [("openai", "OpenAIError")],
    "anthropic": [("anthropic", "AnthropicError")],
    "ollama": [("ollama", "ResponseError")],
}


def split_model(model: str, base_url: str = "") -> tuple[str, str]:
    """(provider, model name): the provider prefix when it is one; "openai" for a bare name served at a base
    URL; "" when `init_chat_model` should infer it from the name (gpt-… is OpenAI, claude-… Anthropic)."""
    prefix, sep, rest = model.partition(":")
    if sep and prefix in PROVIDERS and rest:
        return prefix, rest
    return ("openai" if base_url else ""), model


class ChatModelAnswerer(LLMAnswerer):
    """An LLMAnswerer over the chat model a setting names; no retries, so a failure falls back at once."""

    def __init__(
        self, *, model: str, base_url: str = "", api_key: str = "", timeout: float, temperature: float = 0.0
    ) -> None:
        model, base_url = model.strip(), base_url.strip()
        if not model:
            raise ConfigError(
                "set NEWSBOT_LLM_MODEL to provider:model, e.g. openai:gpt-4o-mini or ollama:qwen2.5, or to the "
                "model name your NEWSBOT_LLM_BASE_URL serves"
            )
        if base_url and not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"NEWSBOT_LLM_BASE_URL must start with http:// or https://, got {base_url!r}")
        check_options(temperature=temperature, timeout=timeout)
        provider, name = split_model(model, base_url)
        if not provider:
            from langchain.chat_models.base import _attempt_infer_model_provider

            provider = _attempt_infer_model_provider(name) or ""
        if not provider:
            raise ConfigError(
                f"NEWSBOT_LLM_MODEL={model}: cannot tell its provider; write it as provider:model "
                "(openai:…, ollama:…, anthropic:…) or set NEWSBOT_LLM_BASE_URL for an OpenAI-compatible server"
            )
        self.provider, self.model_name, self.base_url = provider, name, base_url
        from langchain.chat_models import init_chat_model

        try:
            chat_model = init_chat_model(
                name, model_provider=provider, **_options(provider, base_url, api_key, timeout, temperature)
            )
        except ImportError as exc:
            extra = EXTRAS.get(provider)
            hint = f"pip install 'newsbot[{extra}]'" if extra else str(exc)
            raise ConfigError(f"NEWSBOT_LLM_MODEL={model} needs the {provider} integration: {hint}") from exc
        except ValueError as exc:
            raise ConfigError(f"NEWSBOT_LLM_MODEL={model}: {exc}") from exc
        self.backend_errors = (
            *_client_errors(provider),
            *((ValueError, KeyError, TypeError) if provider == "openai" else ()),
        )
        super().__init__(chat_model, name=provider, deadline_s=timeout)

    def _explain(self, exc: BaseException) -> str:
        message = super()._explain(exc)
        if self.provider != "openai":
            return message
        import openai

        if isinstance(exc, openai.AuthenticationError):
            return f"{message} (check NEWSBOT_LLM_API_KEY)"
        if isinstance(exc, openai.NotFoundError):
            where = f"NEWSBOT_LLM_BASE_URL={self.base_url} ends in /v1 and " if self.base_url else ""
            return f"{message} (check that {where}the endpoint serves NEWSBOT_LLM_MODEL={self.model_name})"
        if isinstance(exc, openai.APIConnectionError):
            return f"{message} (is the server at NEWSBOT_LLM_BASE_URL={self.base_url} running?)"
        return message


def _options(provider: str, base_url: str, api_key: str, timeout: float, temperature: float) -> dict[str, Any]:
    """Constructor options of the provider's chat model class."""
    options: dict[str, Any] = {"temperature": temperature}
    if provider == "ollama":
        # Ollama's own API lives at the server root, not under /v1; its client takes the timeout as a kwarg.
        if base_url:
            options["base_url"] = base_url.removesuffix("/").removesuffix("/v1")
        options["client_kwargs"] = {"timeout": timeout}
        return options
    options.update(timeout=timeout, max_retries=0)
    if base_url:
        options["base_url"] = base_url
    if provider == "openai":
        # Local servers ignore the key but the client needs one; they implement chat completions, not the
        # newer Responses API.
        options.update(api_key=api_key or NO_KEY_PLACEHOLDER, use_responses_api=False)
    elif api_key:
        options["api_key"] = api_key
    return options


def _client_errors(provider: str) -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = []
    for module, attribute in CLIENT_ERRORS.get(provider, []):
        try:
            errors.append(getattr(importlib.import_module(module), attribute))
        except (ImportError, AttributeError):
            continue
    return tuple(errors)
