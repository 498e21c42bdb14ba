"""A word model that knows spelling only: a word's vector is its folded spelling's, so two words are the same word
(cosine 1) or unrelated (0). It stands in for USE where a test weighs evidence but not translations."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import numpy as np

from index.embedders import Embedder
from index.embedders.profiles import GENERIC
from index.lexical import fold

DIMENSIONS = 1 << 14


class SpelledWords(Embedder):
    """One-hot vectors by a hash of the folded word ("Titel" and "titel" alike; "Titel" and "title" orthogonal)."""

    def __init__(self) -> None:
        super().__init__(replace(GENERIC, name="spelled"))

    def _load(self) -> None:
        pass

    def _dim(self) -> int:
        return DIMENSIONS

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            digest = hashlib.sha1(fold(text).encode()).digest()
            vectors[row, int.from_bytes(digest[:4], "big") % DIMENSIONS] = 1.0
        return vectors

    def _count_tokens(self, text: str) -> int:
        return len(text.split())
