"""The answerability model (evidence.py's features weighed): the fitted logistic models, the answer thresholds
per language pair, and loading them from answerability.json next to this file (benchmarks/fit_answerability.py
writes it)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.answerers.evidence import QUESTION_FEATURES, SENTENCE_FEATURES

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("answerability.json")
MODEL_VERSION = 7


@dataclass(frozen=True)
class Logistic:
    """A fitted logistic model: standardise, dot, sigmoid."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def logit(self, rows: np.ndarray) -> np.ndarray:
        logits: np.ndarray = ((rows - self.mean) / self.scale) @ self.weights + self.bias
        return logits

    @classmethod
    def from_dict(cls, data: dict[str, object], features: tuple[str, ...]) -> Logistic:
        if tuple(data["features"]) != features:  # type: ignore[arg-type]
            raise ValueError(f"the model's features {data['features']} are not this code's {list(features)}")
        return cls(
            features,
            np.asarray(data["mean"], dtype=float),
            np.asarray(data["scale"], dtype=float),
            np.asarray(data["weights"], dtype=float),
            float(data["bias"]),  # type: ignore[arg-type]
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "features": list(self.features),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [round(float(v), 6) for v in self.weights],
            "bias": round(float(self.bias), 6),
        }


def language_pair(question_language: str, article_language: str) -> str:
    """Whether the question is in the article's language ("same", also when its language is unknown) or not
    ("cross")."""
    return "same" if question_language == article_language or not question_language else "cross"


@dataclass(frozen=True)
class AnswerModel:
    """The sentence model, the question models and the answer thresholds for one reader model.

    `question` decides for a question in its article's language; `cross_question` (default: `question`) across
    languages, the only one that reads the latent-term features: fitted with them, one model for both pairs
    abstained less within one language (German questions' absent topics 0.9 -> 0.7 out of fold).
    `thresholds` maps "<question language>-<article language>" (or "cross"/"same") to the probability below
    which the answerer abstains; `extra_sentence` is the share of the best sentence's probability (softmax over
    the candidates) another sentence of the same article needs to join the answer.
    """

    reader: str
    sentence: Logistic
    question: Logistic
    thresholds: dict[str, float]
    extra_sentence: float
    max_sentences: int
    cross_question: Logistic | None = None

    def question_model(self, question_language: str, article_language: str) -> Logistic:
        if language_pair(question_language, article_language) == "cross" and self.cross_question is not None:
            return self.cross_question
        return self.question

    def threshold(self, question_language: str, article_language: str) -> float:
        pair = language_pair(question_language, article_language)
        return self.thresholds.get(f"{question_language}-{article_language}", self.thresholds[pair])


def load_models(path: Path = MODEL_PATH) -> dict[str, AnswerModel]:
    """The fitted models by reader name ({} when there is no model file: similarity alone then decides)."""
    if not path.exists():
        log.warning("no answer model at %s: answers are chosen by similarity alone", path)
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("version") != MODEL_VERSION:
        raise ValueError(f"{path}: version {data.get('version')}, this code reads version {MODEL_VERSION}")
    return {
        reader: AnswerModel(
            reader=reader,
            sentence=Logistic.from_dict(model["sentence"], SENTENCE_FEATURES),
            question=Logistic.from_dict(model["question"], QUESTION_FEATURES),
            cross_question=Logistic.from_dict(model["cross_question"], QUESTION_FEATURES),
            thresholds={k: float(v) for k, v in model["thresholds"].items()},
            extra_sentence=float(model["extra_sentence"]),
            max_sentences=int(model["max_sentences"]),
        )
        for reader, model in data["readers"].items()
    }


def sigmoid(x: np.ndarray | float) -> np.ndarray:
    probabilities: np.ndarray = 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))
    return probabilities
