"""Answers from a local GGUF chat model through llama-cpp-python, wired in as a LangChain chat model.

llama-cpp-python is optional (`pip install 'newsbot[local-llm]'`); it is imported only when the model loads,
in `warm_up()`. The model runs in-process on the CPU, so calls are serialized with a lock: a `Llama` object
must not generate from two threads at once.
"""

from __future__ import annotations

import importlib.util
import threading
import time
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.exceptions import ContextOverflowError, ModelError, ModelTimeoutError
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, ChatMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

from index.answerers.llm import LLMAnswerer, check_options
from index.errors import ConfigError

INSTALL_HINT = (
    "llama-cpp-python is not installed: run pip install 'newsbot[local-llm]', or set NEWSBOT_ANSWERER=extractive"
)
DEFAULT_N_CTX = 4096
DEFAULT_MAX_TOKENS = 256
DEFAULT_DEADLINE_S = 30.0
MIN_N_CTX = 512
_ROLES = {"system": "system", "human": "user", "ai": "assistant", "tool": "tool"}


class LlamaCppChatModel(BaseChatModel):
    """A LangChain chat model over `llama_cpp.Llama.create_chat_completion` (langchain-community not needed).

    The chat template comes from the GGUF file's metadata. llama.cpp's own errors become LangChain's
    `ModelError` types, which `LLMAnswerer` maps to AnswerError like any other backend's.
    """

    model_path: str
    n_ctx: int = DEFAULT_N_CTX
    threads: int = 2
    temperature: float = 0.0
    max_tokens: int = DEFAULT_MAX_TOKENS
    #: wall-clock seconds for one reply: when they pass, the model is made to end its reply at the next token
    deadline_s: float = DEFAULT_DEADLINE_S

    _llama: Any = PrivateAttr(default=None)
    _lock: Any = PrivateAttr(default_factory=threading.RLock)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {
            "model_path": self.model_path,
            "n_ctx": self.n_ctx,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }

    @property
    def loaded(self) -> bool:
        return self._llama is not None

    def load(self) -> None:
        """Load the GGUF model once; raises ConfigError when llama-cpp-python or the model cannot load."""
        with self._lock:
            if self._llama is not None:
                return
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise ConfigError(INSTALL_HINT) from exc
            try:
                self._llama = Llama(
                    model_path=self.model_path,
                    n_ctx=self.n_ctx,
                    n_threads=self.threads,
                    n_threads_batch=self.threads,
                    verbose=False,
                )
            except (ValueError, RuntimeError, OSError) as exc:
                raise ConfigError(
                    f"NEWSBOT_LLM_GGUF_PATH={self.model_path} could not be loaded as a GGUF model: {exc}"
                ) from exc

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.load()
        request = [_to_llama_message(message) for message in messages]
        with self._lock:
            deadline = time.monotonic() + self.deadline_s
            try:
                response = self._llama.create_chat_completion(
                    messages=request,
                    temperature=kwargs.get("temperature", self.temperature),
                    max_tokens=kwargs.get("max_tokens", self.max_tokens),
                    stop=stop or [],
                    logits_processor=_until(deadline, self._llama.token_eos()),
                )
            except ValueError as exc:
                if "context window" in str(exc):
                    raise ContextOverflowError(str(exc)) from exc
                raise ModelError(str(exc)) from exc
            except RuntimeError as exc:
                raise ModelError(str(exc)) from exc
        if time.monotonic() > deadline:
            raise ModelTimeoutError(f"the local model did not finish its reply within {self.deadline_s:g} s")
        choice = response["choices"][0]
        usage = response.get("usage") or {}
        message = AIMessage(
            content=choice["message"].get("content") or "",
            response_metadata={
                "finish_reason": choice.get("finish_reason"),
                "model_name": response.get("model"),
            },
            usage_metadata={
                "input_tokens": usage.get("prompt_tokens", 0),
                "output_tokens": usage.get("completion_tokens", 0),
                "total_tokens": usage.get("total_tokens", 0),
            },
        )
        return ChatResult(generations=[ChatGeneration(message=message)], llm_output={"token_usage": usage})


def _until(deadline: float, eos: int) -> Any:
    """A logits processor that lets the model say nothing but end-of-text once `deadline` has passed: llama.cpp
    has no way to stop a chat completion from outside, but it ends a reply at that token."""
    from llama_cpp import LogitsProcessorList

    def _process(input_ids: Any, scores: Any) -> Any:
        if time.monotonic() > deadline:
            scores[:] = -float("inf")
            scores[eos] = 0.0
        return scores

    return LogitsProcessorList([_process])


def _to_llama_message(message: BaseMessage) -> dict[str, str]:
    role = message.role if isinstance(message, ChatMessage) else _ROLES.get(message.type)
    if role is None:
        raise ValueError(f"llama.cpp chat models take system, user and assistant messages, not {message.type}")
    return {"role": role, "content": message.text}


class LlamaCppAnswerer(LLMAnswerer):
    """An LLMAnswerer over a local GGUF chat model; the constructor only checks, `warm_up()` loads."""

    name = "llama-cpp"

    def __init__(
        self,
        *,
        model_path: str | Path,
        threads: int = 2,
        temperature: float = 0.0,
        deadline_s: float = DEFAULT_DEADLINE_S,
        n_ctx: int = DEFAULT_N_CTX,
        max_tokens: int = DEFAULT_MAX_TOKENS,
    ) -> None:
        path = Path(model_path).expanduser()
        if not path.is_file():
            what = "is a directory, not a .gguf file" if path.is_dir() else "does not exist"
            raise ConfigError(
                f"NEWSBOT_LLM_GGUF_PATH={path} {what}; point it at a GGUF chat model file "
                "(or unset it to use the extractive answerer)"
            )
        if threads < 1:
            raise ConfigError(f"NEWSBOT_LLM_THREADS must be at least 1, got {threads}")
        check_options(temperature=temperature, timeout=deadline_s)
        if n_ctx < MIN_N_CTX:
            raise ConfigError(f"n_ctx must be at least {MIN_N_CTX} tokens to fit the sources, got {n_ctx}")
        if max_tokens < 1:
            raise ConfigError(f"max_tokens must be at least 1, got {max_tokens}")
        if importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError(INSTALL_HINT)
        self.chat_model = LlamaCppChatModel(
            model_path=str(path),
            n_ctx=n_ctx,
            threads=threads,
            temperature=temperature,
            max_tokens=max_tokens,
            deadline_s=deadline_s,
        )
        super().__init__(self.chat_model, deadline_s=deadline_s)

    def warm_up(self) -> None:
        """Load the model into memory (a few seconds for a small GGUF); later calls do nothing."""
        self.chat_model.load()
