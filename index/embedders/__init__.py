"""Embedders: one base class, swappable backends side by side, one profile per model (profiles.py).

`load_embedder(spec)` builds what a setting names: a bundled model, bundled models joined by "+" (one vector per
chunk from all of them, combined.py), or `st:<model id or path>`. Loading the weights is lazy (`warm_up`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.embedders.base import Embedder
from index.embedders.profiles import OPENAI_PREFIX, PROFILES, ModelProfile, choices_text, parse_spec
from index.errors import ConfigError

if TYPE_CHECKING:
    from index.settings import IndexSettings


def load_embedder(
    spec: str, *, threads: int = 2, batch_size: int = 32, settings: IndexSettings | None = None
) -> Embedder:
    """`settings` give an embeddings endpoint's URL and key (`openai:<model>`)."""
    try:
        names = parse_spec(spec)
    except ValueError as exc:
        raise ConfigError(f"NEWSBOT_EMBEDDER: {exc}") from exc
    if names[0].startswith(OPENAI_PREFIX):
        from index.embedders.openai_endpoint import OpenAIEndpointEmbedder

        return OpenAIEndpointEmbedder.from_settings(
            names[0].removeprefix(OPENAI_PREFIX), settings, batch_size=batch_size
        )
    if len(names) > 1:
        from index.embedders.combined import CombinedEmbedder

        parts = [PROFILES[name].build(threads=threads, batch_size=batch_size) for name in names]
        return CombinedEmbedder(parts, batch_size=batch_size)
    name = names[0]
    if name in PROFILES:
        return PROFILES[name].build(threads=threads, batch_size=batch_size)
    from index.embedders.sentence_transformers import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(name.removeprefix("st:"), threads=threads, batch_size=batch_size)


__all__ = ["PROFILES", "Embedder", "ModelProfile", "choices_text", "load_embedder", "parse_spec"]
