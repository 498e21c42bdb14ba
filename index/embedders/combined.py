"""Several embedders as one: each chunk's vector is the weighted concatenation of the parts' vectors.

With unit-length parts scaled by the square roots of weights that sum to 1, the concatenation has unit length
too, and its cosine with a question is the weighted sum of the parts' cosines: the store, HNSW search and every
threshold work unchanged, with one vector per chunk. A part's weight is inversely proportional to how widely
its cosines spread (`Embedder.cosine_spread`), so that each model moves the ranking about as much as the other.

Why: USE and e5 make different mistakes, so their sum finds the gold passage more often than either alone
(benchmarks/README.md, "Retrieval choices"). The price is the slower model's ingest speed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from index.embedders.base import DEFAULT_BATCH_SIZE, Embedder
from index.embedders.profiles import JOIN, ModelProfile


class CombinedEmbedder(Embedder):
    """Embeds with every part; a chunk must fit each part's token limit.

    Its profile is derived from the parts': the tightest token limit, and thresholds weighted like the cosines.
    """

    def __init__(self, parts: Sequence[Embedder], *, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        if len(parts) < 2:
            raise ValueError(f"a combined embedder needs at least two parts, got {len(parts)}")
        names = [part.name for part in parts]
        if len(set(names)) != len(names):
            raise ValueError(f"each model may appear once in a combined embedder, got {'+'.join(names)}")
        unknown = [p.name for p in parts if p.cosine_spread is None or p.cosine_spread <= 0]
        if unknown:
            raise ValueError(f"cannot weigh {', '.join(unknown)} in a combination: its cosine spread is not measured")
        inverse = [1.0 / (part.cosine_spread or 1.0) for part in parts]
        weights = tuple(value / sum(inverse) for value in inverse)

        def weighted(field: str) -> float:
            return float(sum(w * getattr(part.profile, field) for part, w in zip(parts, weights, strict=True)))

        profile = ModelProfile(
            name=JOIN.join(names),
            summary=" + ".join(part.profile.summary for part in parts),
            backend=f"{__name__}:CombinedEmbedder",
            package=", ".join(part.profile.package for part in parts),
            max_tokens=min(part.max_tokens for part in parts),
            cosine_spread=None,
            min_relevance=weighted("min_relevance"),
            min_sentence=weighted("min_sentence"),
            sentence_margin=weighted("sentence_margin"),
            multilingual=all(part.profile.multilingual for part in parts),
        )
        super().__init__(profile, batch_size)
        self._parts = tuple(parts)
        self._weights = weights

    @property
    def parts(self) -> tuple[Embedder, ...]:
        return self._parts

    @property
    def weights(self) -> tuple[float, ...]:
        return self._weights

    def _load(self) -> None:
        for part in self.parts:
            part.warm_up()

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        blocks = []
        for part, weight in zip(self.parts, self.weights, strict=True):
            # Questions go through the parts' own query path (and cache): a reader that is one of the parts
            # then embeds the question once.
            vectors = np.vstack([part.embed_query(t) for t in texts]) if is_query else part.embed_documents(texts)
            blocks.append(math.sqrt(weight) * vectors)
        return np.hstack(blocks)

    def _count_tokens(self, text: str) -> int:
        """Tokens on the scale of `max_tokens`: the part whose limit `text` fills most decides."""
        limit = self.max_tokens
        return max(math.ceil(part.count_tokens(text) * limit / part.max_tokens) for part in self.parts)

    def _dim(self) -> int:
        return sum(part.dim for part in self.parts)
