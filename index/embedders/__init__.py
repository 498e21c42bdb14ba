"""Embedders: one base class, swappable backends side by side, one profile per model (profiles.py).

`load_embedder(spec)` builds what a setting names: a bundled model, bundled models joined by "+" (one vector per
chunk from all of them, combined.py), or `st:<model id or path>`. Loading the weights is lazy (`warm_up`).
"""

from __future__ import annotations

from index.embedders.base import Embedder
from index.embedders.profiles import PROFILES, ModelProfile, choices_text, parse_spec
from index.errors import ConfigError


def load_embedder(spec: str, *, threads: int = 2, batch_size: int = 32) -> Embedder:
    try:
        names = parse_spec(spec)
    except ValueError as exc:
        raise ConfigError(f"NEWSBOT_EMBEDDER: {exc}") from exc
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
