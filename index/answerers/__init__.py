"""Answerers: turn a question and numbered hits into an Answer that cites [n]. Backends side by side:

- `extractive.ExtractiveAnswerer`: offline, picks the answering sentences; the default and the fallback.
- `chat_model.ChatModelAnswerer`: any chat model `init_chat_model` builds (OpenAI and compatible servers, Ollama,
  Anthropic, ...), named by NEWSBOT_LLM_MODEL.
- `llama_cpp.LlamaCppAnswerer`: a local GGUF model through llama-cpp-python.
- `fallback.FallbackAnswerer`: an LLM answerer that falls back to the extractive one when the LLM fails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.answerers.base import Answerer
from index.errors import ConfigError

#: the sentence vectors the extractive answerer has read, in the data dir (answerers/sentences.py)
SENTENCE_VECTORS_FILE = "sentences.sqlite3"

if TYPE_CHECKING:
    from index.embedders import Embedder
    from index.settings import IndexSettings


def load_answerer(settings: IndexSettings, embedder: Embedder, *, fitted: bool = True) -> Answerer:
    """The configured answerer: the extractive one, or an LLM answerer that falls back to it. `fitted=False`: an
    extractive answerer without the evidence model file (benchmarks/fit_answerability.py, which writes it)."""
    from index.answerers.extractive import READER_SHORTLIST, ExtractiveAnswerer

    reader = None
    shortlist: int | None = READER_SHORTLIST
    parts = {part.name: part for part in embedder.parts}
    if settings.reader in ("same", embedder.name):
        pass
    elif settings.reader in parts:
        # The reader is already loaded as part of a combination, and its vectors are paid for: it reads every
        # candidate sentence, no shortlist by the faster model.
        reader, shortlist = parts[settings.reader], None
    else:
        from index.embedders import load_embedder

        reader = load_embedder(settings.reader, batch_size=settings.embed_batch_size)
    extractive = ExtractiveAnswerer(
        embedder,
        min_sentence=settings.min_sentence_relevance,
        reader=reader,
        shortlist=shortlist,
        # A sentence threshold of one's own means: decide by similarity, as before the evidence model.
        model="fitted" if settings.min_sentence_relevance is None and fitted else None,
        sentence_vectors=settings.data_dir / SENTENCE_VECTORS_FILE,
        unsure_below=settings.unsure_below,
    )
    kind = settings.resolved_answerer
    if kind == "extractive":
        return extractive
    primary: Answerer
    if kind == "llm":
        from index.answerers.chat_model import ChatModelAnswerer

        primary = ChatModelAnswerer(
            model=settings.llm_model,
            base_url=settings.llm_base_url,
            api_key=settings.llm_api_key.get_secret_value(),
            timeout=settings.llm_timeout,
            temperature=settings.llm_temperature,
        )
    else:
        if not settings.llm_gguf_path:
            raise ConfigError("NEWSBOT_ANSWERER=llama-cpp needs NEWSBOT_LLM_GGUF_PATH, the path of a .gguf model")
        from index.answerers.llama_cpp import LlamaCppAnswerer

        primary = LlamaCppAnswerer(
            model_path=settings.llm_gguf_path,
            threads=settings.llm_threads,
            temperature=settings.llm_temperature,
            deadline_s=settings.llm_timeout,
        )
    from index.answerers.fallback import FallbackAnswerer

    return FallbackAnswerer(primary, extractive)


__all__ = ["Answerer", "load_answerer"]
