"""Evaluation metrics as pure functions: each takes per-question inputs and returns per-item scores and their mean.

Retrieval: `recall_at_k`, `mean_reciprocal_rank` over ranked lists of ids and the gold id(s) of each question.
Answers: `exact_match`, `token_f1`, `containment` after SQuAD-style normalisation (`normalize_answer`), each
against the best-matching of a question's gold answers. Abstention: `abstention_rate`. Speed: `percentile`.

Nothing here loads a model, reads a file or knows about the store; the harness feeds these with what it measured.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

# SQuAD removes English articles; MLQA's evaluation adds each language's own. We remove English and German
# articles together, because the harness asks English questions over German text and a gold answer may come in
# either language. The German list follows MLQA's evaluation script (facebookresearch/MLQA, mlqa_evaluation_v1.py).
_ARTICLES_RE = re.compile(r"\b(a|an|the|der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen)\b", flags=re.UNICODE)


@dataclass(frozen=True)
class MetricResult:
    """Per-item scores in input order and their mean (`score`, 0.0 when there are no items)."""

    scores: list[float]
    score: float

    @classmethod
    def from_scores(cls, scores: Sequence[float]) -> MetricResult:
        items = [float(s) for s in scores]
        return cls(scores=items, score=sum(items) / len(items) if items else 0.0)


def _gold_set(gold: str | Collection[str]) -> frozenset[str]:
    return frozenset([gold]) if isinstance(gold, str) else frozenset(gold)


def _check_lengths(name: str, left: Sequence[object], right: Sequence[object]) -> None:
    if len(left) != len(right):
        raise ValueError(f"{name}: got {len(left)} predictions but {len(right)} gold entries")


# --- retrieval ---------------------------------------------------------------------------------------------


def recall_at_k(rankings: Sequence[Sequence[str]], golds: Sequence[str | Collection[str]], k: int) -> MetricResult:
    """1.0 for a question when any of its gold ids is among the first `k` ranked ids, else 0.0."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    _check_lengths("recall_at_k", rankings, golds)
    return MetricResult.from_scores(
        [1.0 if _gold_set(gold) & set(ranked[:k]) else 0.0 for ranked, gold in zip(rankings, golds, strict=True)]
    )


def reciprocal_rank(ranked: Sequence[str], gold: str | Collection[str]) -> float:
    """1 / (position of the first gold id, counting from 1); 0.0 when no gold id was retrieved."""
    wanted = _gold_set(gold)
    for position, item in enumerate(ranked, start=1):
        if item in wanted:
            return 1.0 / position
    return 0.0


def mean_reciprocal_rank(rankings: Sequence[Sequence[str]], golds: Sequence[str | Collection[str]]) -> MetricResult:
    """Reciprocal rank per question; MRR is cut off at the length of each ranked list."""
    _check_lengths("mean_reciprocal_rank", rankings, golds)
    return MetricResult.from_scores(
        [reciprocal_rank(ranked, gold) for ranked, gold in zip(rankings, golds, strict=True)]
    )


# --- answers -----------------------------------------------------------------------------------------------


def normalize_answer(text: str) -> str:
    """SQuAD's normalisation, Unicode-aware: lower case, no punctuation, no (English or German) articles,
    single spaces. NFKC first, so a non-breaking space or a ligature compares equal to its plain form."""
    text = unicodedata.normalize("NFKC", text).lower()
    # Every Unicode punctuation character, not only ASCII: German text uses „…“ quotes and dashes. Removed, not
    # replaced by a space, as SQuAD does ("U.S." -> "us").
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))
    text = _ARTICLES_RE.sub(" ", text)
    return " ".join(text.split())


def _best(prediction: str, golds: Collection[str], score) -> float:  # type: ignore[no-untyped-def]
    if not golds:
        raise ValueError("every question needs at least one gold answer")
    return float(max(score(prediction, gold) for gold in golds))


def _exact(prediction: str, gold: str) -> float:
    return 1.0 if normalize_answer(prediction) == normalize_answer(gold) else 0.0


def _f1(prediction: str, gold: str) -> float:
    predicted = normalize_answer(prediction).split()
    expected = normalize_answer(gold).split()
    if not predicted or not expected:
        return 1.0 if predicted == expected else 0.0
    common = sum((Counter(predicted) & Counter(expected)).values())
    if common == 0:
        return 0.0
    precision = common / len(predicted)
    recall = common / len(expected)
    return 2 * precision * recall / (precision + recall)


def _contains(prediction: str, gold: str) -> float:
    expected = normalize_answer(gold)
    if not expected:
        return 0.0
    # Whole tokens only: gold "19" must not count as found inside "1990".
    return 1.0 if f" {expected} " in f" {normalize_answer(prediction)} " else 0.0


def exact_match(predictions: Sequence[str], golds: Sequence[Collection[str]]) -> MetricResult:
    """1.0 when the normalised prediction equals any normalised gold answer (SQuAD EM)."""
    _check_lengths("exact_match", predictions, golds)
    return MetricResult.from_scores([_best(p, g, _exact) for p, g in zip(predictions, golds, strict=True)])


def token_f1(predictions: Sequence[str], golds: Sequence[Collection[str]]) -> MetricResult:
    """Bag-of-tokens F1 between the normalised prediction and the best gold answer (SQuAD F1)."""
    _check_lengths("token_f1", predictions, golds)
    return MetricResult.from_scores([_best(p, g, _f1) for p, g in zip(predictions, golds, strict=True)])


def containment(predictions: Sequence[str], golds: Sequence[Collection[str]]) -> MetricResult:
    """1.0 when any normalised gold answer occurs, as whole tokens, inside the normalised prediction.

    The measure for answerers that return a sentence or a paragraph rather than a span.
    """
    _check_lengths("containment", predictions, golds)
    return MetricResult.from_scores([_best(p, g, _contains) for p, g in zip(predictions, golds, strict=True)])


# --- abstention and speed ----------------------------------------------------------------------------------


def substring_containment(predictions: Sequence[str], golds: Sequence[Collection[str]]) -> MetricResult:
    """1.0 when a gold answer occurs in the prediction verbatim, runs of whitespace collapsed on both sides: the
    scoring of news_qa (../shared/data/news_qa/README.md), stricter than `containment` about form."""
    _check_lengths("substring_containment", predictions, golds)

    def collapse(text: str) -> str:
        return " ".join(text.split())

    return MetricResult.from_scores(
        [
            1.0 if any(collapse(g) and collapse(g) in collapse(p) for g in gold) else 0.0
            for p, gold in zip(predictions, golds, strict=True)
        ]
    )


def abstention_rate(abstained: Sequence[bool]) -> MetricResult:
    """The share of questions the bot declined to answer."""
    return MetricResult.from_scores([1.0 if flag else 0.0 for flag in abstained])


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) with linear interpolation between closest ranks (numpy's default)."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be within 0..100, got {q}")
    ordered = sorted(float(v) for v in values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
