"""The embedder base class: backends implement `_embed` (and say their token limit); batching lives here."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

import numpy as np

from index.embedders.profiles import ModelProfile
from index.errors import EmbeddingError

DEFAULT_BATCH_SIZE = 32
QUERY_CACHE_SIZE = 256

T = TypeVar("T")


class Recent(Generic[T]):
    """What a model computed for the last `size` texts, the least recently used forgotten first. Shared by the
    threads that answer at once, so it is locked (the computing is not: two threads may compute the same new text;
    both get the same result)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[str, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> T | None:
        with self._lock:
            kept = self._kept.get(text)
            if kept is not None:
                self._kept.move_to_end(text)
            return kept

    def put(self, text: str, value: T) -> None:
        with self._lock:
            self._kept[text] = value
            self._kept.move_to_end(text)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    def __contains__(self, text: str) -> bool:
        with self._lock:
            return text in self._kept


class Embedder(ABC):
    """Turns texts into L2-normalised vectors. Constructors are cheap; the model loads in `warm_up()`, once.

    What the model is — its name, limits and calibrated thresholds — is its `profile` (profiles.py).
    """

    def __init__(self, profile: ModelProfile, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.profile = profile
        self.batch_size = batch_size
        self._lock = threading.Lock()
        self._loaded = False
        self._queries: Recent[np.ndarray] = Recent(QUERY_CACHE_SIZE)

    @property
    def name(self) -> str:
        """Stored with the collection, so a store built with one model is never queried with another."""
        return self.profile.name

    @property
    def max_tokens(self) -> int:
        """The longest input, in the model's own tokens, that a chunk may have."""
        return self.profile.max_tokens

    @property
    def cosine_spread(self) -> float | None:
        return self.profile.cosine_spread

    def warm_up(self) -> None:
        """Load the model once; safe to call from several threads."""
        with self._lock:
            if not self._loaded:
                try:
                    self._load()
                except EmbeddingError:
                    raise
                except Exception as exc:  # model files missing, native engine failing, ...
                    raise EmbeddingError(f"embedder {self.name!r} failed to load: {exc}") from exc
                self._loaded = True

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed_batched(texts, is_query=False)

    def embed_query(self, text: str) -> np.ndarray:
        """The question's vector; the last few are kept, since retrieval and answering both need it."""
        kept = self._queries.get(text)
        if kept is not None:
            return kept
        vector: np.ndarray = self._embed_batched([text], is_query=True)[0]
        self._queries.put(text, vector)
        return vector

    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for `text`; chunking sizes passages by this."""
        self.warm_up()
        return self._count_tokens(text)

    def _embed_batched(self, texts: Sequence[str], *, is_query: bool) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            try:
                vectors = np.asarray(self._embed(batch, is_query=is_query), dtype=np.float32)
            except Exception as exc:
                raise EmbeddingError(f"embedder {self.name!r} failed on a batch of {len(batch)}: {exc}") from exc
            parts.append(vectors.reshape(len(batch), -1))
        matrix = np.vstack(parts)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        normalised: np.ndarray = matrix / np.maximum(norms, 1e-12)
        return normalised

    def latent_terms(self, texts: Sequence[str]) -> list[dict[int, float]] | None:
        """Each text's strongest "latent terms" (a sparse code of its tokens, the same in every language the model
        reads: "price" and "Preis" share some), or None when the model has none."""
        return None

    def read_latent_terms_ahead(self, texts: Sequence[str]) -> None:
        """Start computing the latent terms of texts `latent_terms` will be asked for soon, in the background
        (a model without them, or without a background, does nothing)."""
        return None

    @property
    def parts(self) -> tuple[Embedder, ...]:
        """The models this embedder runs: itself, or a combination's parts."""
        return (self,)

    @property
    def weights(self) -> tuple[float, ...]:
        """Each part's share of the cosine similarity (they sum to 1)."""
        return (1.0,)

    @property
    def dim(self) -> int:
        self.warm_up()
        return self._dim()

    @abstractmethod
    def _load(self) -> None: ...

    @abstractmethod
    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray: ...

    @abstractmethod
    def _count_tokens(self, text: str) -> int: ...

    @abstractmethod
    def _dim(self) -> int: ...


class ThreadedEmbedder(Embedder):
    """An in-process model that computes on a set number of CPU threads."""

    def __init__(self, profile: ModelProfile, *, threads: int = 2, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        super().__init__(profile, batch_size)
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self.threads = threads
        self._model: Any = None
