"""Answers from any server that speaks OpenAI's chat-completions API: OpenAI, Ollama, vLLM, llama.cpp server."""

from __future__ import annotations

import openai
from langchain_openai import ChatOpenAI

from index.answerers.llm import LLMAnswerer
from index.errors import ConfigError
from index.settings import DEFAULT_LLM_TIMEOUT_S

NO_KEY_PLACEHOLDER = "not-needed"
MAX_TEMPERATURE = 2.0


class OpenAICompatibleAnswerer(LLMAnswerer):
    """An LLMAnswerer over `ChatOpenAI` pointed at `base_url`; no retries, so a failure falls back at once.

    `api_key` may be empty: local servers (Ollama, llama.cpp) ignore it, the client still needs a value.
    """

    name = "openai"
    # langchain-openai raises these for malformed replies of compatible servers, e.g. vLLM's HTTP 200 with an
    # `error` body or `choices: null`.
    backend_errors = (ValueError, KeyError, TypeError)

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        model: str,
        timeout: float = DEFAULT_LLM_TIMEOUT_S,
        temperature: float = 0.0,
    ) -> None:
        base_url, model = base_url.strip(), model.strip()
        if not base_url:
            raise ConfigError(
                "set NEWSBOT_LLM_BASE_URL to the OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 "
                "or http://localhost:11434/v1 for Ollama"
            )
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"NEWSBOT_LLM_BASE_URL must start with http:// or https://, got {base_url!r}")
        if not model:
            raise ConfigError("set NEWSBOT_LLM_MODEL to the model name the endpoint serves, e.g. gpt-4o-mini")
        if timeout <= 0:
            raise ConfigError(f"NEWSBOT_LLM_TIMEOUT must be a positive number of seconds, got {timeout}")
        if not 0 <= temperature <= MAX_TEMPERATURE:
            raise ConfigError(
                f"NEWSBOT_LLM_TEMPERATURE must be between 0 and {MAX_TEMPERATURE}, got {temperature}"
            )
        self.base_url = base_url
        self.model_name = model
        chat_model = ChatOpenAI(
            base_url=base_url,
            api_key=api_key or NO_KEY_PLACEHOLDER,
            model=model,
            timeout=timeout,
            max_retries=0,
            temperature=temperature,
            # Compatible servers implement chat completions, not OpenAI's newer Responses API.
            use_responses_api=False,
        )
        super().__init__(chat_model)

    def _explain(self, exc: BaseException) -> str:
        message = super()._explain(exc)
        if isinstance(exc, openai.AuthenticationError):
            return f"{message} (check NEWSBOT_LLM_API_KEY)"
        if isinstance(exc, openai.NotFoundError):
            return (
                f"{message} (check that NEWSBOT_LLM_BASE_URL={self.base_url} ends in /v1 and serves "
                f"NEWSBOT_LLM_MODEL={self.model_name})"
            )
        if isinstance(exc, openai.APIConnectionError):
            return f"{message} (is the server at NEWSBOT_LLM_BASE_URL={self.base_url} running?)"
        return message
