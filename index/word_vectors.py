"""Vectors of single words in USE, the multilingual model trained on translation pairs: a word and its rendering in
another language lie close ("Greece" / "Griechenland" 0.93, "title" / "Titel"), words of other subjects far. Two
readers use them: a request for a topic's news looks for the topic's name in another language (renderings.py), and
the offline answerer looks for the question's words in each candidate sentence (answerers/evidence.py
`rendered_terms`). A word is embedded once: its vector is kept like a sentence's (answerers/sentences.py), in
memory and in the data dir's file, which reading ahead of questions fills (NEWSBOT_READ_AHEAD)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from index.answerers.sentences import SentenceVectors
from index.embedders import load_embedder
from index.embedders.base import Embedder

if TYPE_CHECKING:
    from index.settings import IndexSettings


def use_model(embedder: Embedder, settings: IndexSettings | None = None) -> Embedder:
    """The embedder's own USE when it runs one (use+e5, the default), else a USE of its own (about 170 MB more)."""
    use = next((part for part in embedder.parts if part.name == "use"), None)
    return use or load_embedder("use", settings=settings)


class WordVectors:
    """A USE model's vectors of words (and short terms: "Europäische Union"). The model comes from `model` on first
    use; the vectors are L2-normalised, so a dot product is their cosine. With a `path` (the sentence vectors'
    file) they outlive the process."""

    def __init__(self, model: Callable[[], Embedder], path: Path | None = None) -> None:
        self._model_factory = model
        self._model: Embedder | None = None
        self._lock = threading.Lock()
        # words apart from sentences in memory: the many short words of a question do not push out its sentences
        self._kept = SentenceVectors(path)

    def model(self) -> Embedder:
        with self._lock:
            if self._model is None:
                self._model = self._model_factory()
            return self._model

    def of(self, words: Sequence[str]) -> dict[str, np.ndarray]:
        """Each word's vector; those not kept are embedded now, in one batch."""
        unique = list(dict.fromkeys(words))
        return dict(zip(unique, self._kept.of(self.model(), unique), strict=True))

    def fill(self, words: Sequence[str]) -> int:
        """Embed and keep the words not kept yet (reading ahead); returns how many were embedded."""
        return self._kept.fill(self.model(), words)

    def forget(self, words: Sequence[str]) -> int:
        """Drop the kept vectors of these words (a deleted article's); returns how many were kept."""
        return self._kept.forget([self.model().name], words)
