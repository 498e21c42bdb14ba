"""An embedder whose cosine with every question is scripted per text: the answerer's and the combination's
arithmetic can be checked exactly, without a model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from index.embedders import Embedder
from index.embedders.profiles import GENERIC


class ScriptedEmbedder(Embedder):
    """Unit vectors whose dot product with every question is the similarity scripted for the text (0 else)."""

    def __init__(
        self,
        name: str,
        similarities: dict[str, float],
        *,
        cosine_spread: float | None = None,
        max_tokens: int = 256,
        latents: dict[str, dict[int, float]] | None = None,
    ) -> None:
        super().__init__(replace(GENERIC, name=name, cosine_spread=cosine_spread, max_tokens=max_tokens))
        self.similarities = similarities
        self.queries: list[str] = []
        #: scripted latent terms per text (None: the model has none, as most do); the texts asked, in order,
        #: and those asked ahead
        self.latents = latents
        self.latents_read: list[list[str]] = []
        self.latents_ahead: list[list[str]] = []

    def latent_terms(self, texts: Sequence[str]) -> list[dict[int, float]] | None:
        if self.latents is None:
            return None
        self.latents_read.append(list(texts))
        return [self.latents.get(text, {}) for text in texts]

    def read_latent_terms_ahead(self, texts: Sequence[str]) -> None:
        if self.latents is not None:
            self.latents_ahead.append(list(texts))

    def _load(self) -> None:
        pass

    def _dim(self) -> int:
        return 2

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        if is_query:
            self.queries.extend(texts)
            return np.array([[1.0, 0.0]] * len(texts))
        sims = [self.similarities.get(text, 0.0) for text in texts]
        return np.array([[s, np.sqrt(1 - s * s)] for s in sims])

    def _count_tokens(self, text: str) -> int:
        return len(text.split())
