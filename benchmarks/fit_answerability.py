"""Fit the extractive answerer's evidence models (index/answerers/evidence.py) and report them out of fold.

    python benchmarks/fit_answerability.py ../shared --work /tmp/fit [--xquad 200] [--mlqa 150] [--write]

Indexes the 10kGNAD test split (1,028 articles) with the gold paragraphs of news_qa, XQuAD dev and MLQA (de) into
one store in --work (kept: a second run reuses it), with the default embedder and reader. Then reads every
question, English and German, the way the answerer does, twice for answerable ones: with its gold article among
the hits, and with it excluded (the "gold removed" case: the news does not say). The readings are cached in --work.

Fitting: the sentence model learns which candidate holds a gold answer; the question model whether the hits hold
one at all. Both are logistic regressions with L2, fitted and scored by 5-fold cross-validation grouped by
article, so no article's questions are scored by a model that saw them. Every number printed is out of fold, per
dataset and language. The thresholds are chosen on the out-of-fold probabilities to keep abstention on answerable
questions at most --max-abstain per language pair. --write fits on everything and writes answerability.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.answerers.evidence import (  # noqa: E402
    MODEL_PATH,
    MODEL_VERSION,
    QUESTION_FEATURES,
    SENTENCE_FEATURES,
    AnswerModel,
    Logistic,
    sigmoid,
)
from index.answerers.extractive import ExtractiveAnswerer, Reading  # noqa: E402
from index.evaluation.datasets import QADataset, read_10kgnad_csv, read_qa_jsonl  # noqa: E402
from index.evaluation.harness import dataset_articles  # noqa: E402
from index.lexical import fold  # noqa: E402
from index.newsroom import Newsroom  # noqa: E402
from index.settings import IndexSettings  # noqa: E402

FOLDS = 5
L2 = 1.0


@dataclass
class Case:
    dataset: str
    field: str
    item_id: str
    group: str
    kind: str  # answerable | same_story | absent_topic
    gold_present: bool
    answers: tuple[str, ...]
    verbatim: bool
    reading: Reading | None

    @property
    def labels(self) -> np.ndarray:
        if self.reading is None or not self.gold_present:
            return np.zeros(0 if self.reading is None else len(self.reading.candidates))
        return np.array([float(holds(c.text, self.answers, self.verbatim)) for c in self.reading.candidates])

    @property
    def answerable(self) -> bool:
        return self.gold_present and bool(self.labels.sum())


def holds(text: str, answers: tuple[str, ...], verbatim: bool) -> bool:
    if verbatim:
        collapsed = " ".join(text.split())
        return any(" ".join(a.split()) in collapsed for a in answers if a.strip())
    norm = _norm(text)
    return any(_norm(a) and _norm(a) in norm for a in answers)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def datasets(shared: Path, xquad: int, mlqa: int) -> list[tuple[QADataset, str]]:
    data = shared / "data"
    out: list[tuple[QADataset, str]] = []
    for field in ("question_en", "question_de"):
        out.append((read_qa_jsonl(data / "news_qa" / "dev.jsonl", question_field=field), field))
        xq = read_qa_jsonl(data / "xquad" / "dev.jsonl", question_field=field)
        out.append((QADataset(xq.name, xq.layout, _spread(xq.items, xquad), xq.paragraphs), field))
    ml = read_qa_jsonl(data / "mlqa_de" / "mlqa_de_de_dev.jsonl")
    out.append((QADataset(ml.name, ml.layout, _spread(ml.items, mlqa), ml.paragraphs), "question_de"))
    return out


def _spread(items: list, n: int) -> list:
    """n items spread over the file (not its first titles only)."""
    if n >= len(items):
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def build(shared: Path, work: Path, xquad: int, mlqa: int) -> list[Case]:
    cache = work / f"cases-x{xquad}-m{mlqa}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    settings = IndexSettings(data_dir=work / "store", chroma_collection="fit")
    newsroom = Newsroom(settings)
    newsroom.warm_up()
    answerer = newsroom.answerer
    assert isinstance(answerer, ExtractiveAnswerer), answerer
    sets = datasets(shared, xquad, mlqa)
    paragraph_of: dict[str, str] = {}
    texts: set[str] = set()
    started = time.perf_counter()
    for dataset, _ in sets:
        articles, mapping = dataset_articles(dataset)
        new = [a for a in articles if a.id not in paragraph_of]
        paragraph_of.update(mapping)
        texts.update(" ".join(a.text.split()) for a in articles)
        if new:
            newsroom.ingest_articles(new)
    distractors = [
        a for a in read_10kgnad_csv(shared / "data" / "news" / "10kGNAD" / "test.csv")
        if " ".join(a.text.split()) not in texts
    ]
    report = newsroom.ingest_articles(distractors)
    print(f"store: {newsroom.store.count()} chunks ({report.added} new distractors, {time.perf_counter() - started:.0f}s)")
    article_of = {(ds.name, p): a for ds, _ in sets for a, p in dataset_articles(ds)[1].items()}
    cases: list[Case] = []
    started = time.perf_counter()
    total = sum(len(ds.items) for ds, _ in sets)
    for dataset, field in sets:
        for item in dataset.items:
            group = f"{dataset.name}:{item.context_id or item.id}"
            gold = article_of.get((dataset.name, item.context_id), "")
            hits = newsroom.search(item.question)
            present = bool(gold) and any(h.article_id == gold for h in hits)
            cases.append(
                Case(dataset.name, field, item.id, group, item.kind, present and item.answerable, item.answers,
                     item.verbatim, answerer.read(item.question, hits))
            )
            if item.answerable and gold:
                removed = newsroom.search(item.question, exclude_articles=[gold])
                cases.append(
                    Case(dataset.name, field, item.id, group, "gold_removed", False, item.answers, item.verbatim,
                         answerer.read(item.question, removed))
                )
            if len(cases) % 100 < 2:
                done = sum(1 for _ in {(c.dataset, c.field, c.item_id) for c in cases})
                print(f"read {done}/{total} questions ({time.perf_counter() - started:.0f}s)", flush=True)
    cache.write_bytes(pickle.dumps(cases))
    return cases


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None, l2: float = L2) -> Logistic:
    """L2-regularised logistic regression by Newton's method on standardised features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    sample = np.ones(len(x)) if weight is None else weight
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = sigmoid(z @ w)
        gradient = z.T @ (sample * (p - y)) + penalty * w
        hessian = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return Logistic(tuple(), mean, scale, w[:-1], float(w[-1]))


def fold_of(group: str) -> int:
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % FOLDS


def sentence_training(cases: list[Case]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidates of the cases whose hits hold the answer; each question weighs 1 in all."""
    xs, ys, ws = [], [], []
    for case in cases:
        if case.reading is None or not case.answerable:
            continue
        labels = case.labels
        xs.append(case.reading.rows)
        ys.append(labels)
        # positives and negatives of one question weigh half each: long articles do not dominate
        ws.append(np.where(labels > 0, 0.5 / labels.sum(), 0.5 / max(1, (labels == 0).sum())))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)


def question_rows(cases: list[Case], sentence: Logistic, answerer: ExtractiveAnswerer) -> tuple[np.ndarray, list[int]]:
    model = AnswerModel("fit", sentence, sentence, {"same": 0.0, "cross": 0.0}, 0.5, 2)
    rows, best = [], []
    for case in cases:
        assert case.reading is not None
        features, b = question_vector(answerer, case.reading, model)
        rows.append(features)
        best.append(b)
    return np.vstack(rows), best


def question_vector(answerer: ExtractiveAnswerer, reading: Reading, model: AnswerModel) -> tuple[np.ndarray, int]:
    from index.answerers.evidence import question_features, spread_of

    logits = model.sentence.logit(reading.rows)
    usable = reading.similarity > -1
    logits = np.where(usable, logits, -50.0)
    best = int(np.argmax(logits))
    features = question_features(
        reading.question, reading.rows, logits, best, reading.candidates, [h.score for h in reading.hits],
        [h.meta.language for h in reading.hits], list(reading.article_shares.values()),
        min_relevance=answerer.embedder.profile.min_relevance, hit_spread=spread_of(answerer.embedder),
    )
    return features, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared", type=Path, help="path to ../shared")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--xquad", type=int, default=200, help="XQuAD dev questions (of 632)")
    parser.add_argument("--mlqa", type=int, default=150, help="MLQA de questions (of 512)")
    parser.add_argument("--max-abstain", type=float, default=0.03)
    parser.add_argument("--extra", type=float, default=0.6, help="extra sentence: share of the best's probability")
    parser.add_argument("--max-sentences", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="fit on everything and write answerability.json")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    cases = [c for c in build(args.shared, args.work, args.xquad, args.mlqa) if c.reading is not None]
    settings = IndexSettings(data_dir=args.work / "store", chroma_collection="fit")
    answerer = Newsroom(settings).answerer
    assert isinstance(answerer, ExtractiveAnswerer)
    # The cache keeps what is slow to compute (hits, similarities); the features are computed by today's code.
    for case in cases:
        r = case.reading
        assert r is not None
        case.reading = answerer.weigh(r.question.text, r.hits, r.candidates, r.similarity, r.scores)

    # Out of fold: sentence model, then question model on out-of-fold sentence logits.
    oof_sentence: dict[int, Logistic] = {}
    for k in range(FOLDS):
        x, y, w = sentence_training([c for c in cases if fold_of(c.group) != k])
        oof_sentence[k] = replace(fit_logistic(x, y, w), features=SENTENCE_FEATURES)
    qx = np.zeros((len(cases), len(QUESTION_FEATURES)))
    for k in range(FOLDS):
        # the question model's training rows must come from sentence logits it did not see either: nested
        idx = [i for i, c in enumerate(cases) if fold_of(c.group) == k]
        rows, _ = question_rows([cases[i] for i in idx], oof_sentence[k], answerer)
        qx[idx] = rows
    qy = np.array([float(c.answerable) for c in cases])
    oof_p = np.zeros(len(cases))
    question_models: dict[int, Logistic] = {}
    for k in range(FOLDS):
        train = np.array([fold_of(c.group) != k for c in cases])
        weight = balance(cases, train)
        question_models[k] = replace(fit_logistic(qx[train], qy[train], weight), features=QUESTION_FEATURES)
        oof_p[~train] = sigmoid(question_models[k].logit(qx[~train]))

    thresholds = choose_thresholds(cases, oof_p, args.max_abstain)
    print("thresholds (out of fold, answerable abstention <= %.2f):" % args.max_abstain, thresholds)
    report(cases, oof_p, thresholds, oof_sentence, question_models, answerer, args)
    curve(cases, oof_p)

    if args.write:
        x, y, w = sentence_training(cases)
        sentence = replace(fit_logistic(x, y, w), features=SENTENCE_FEATURES)
        rows, _ = question_rows(cases, sentence, answerer)
        question = replace(fit_logistic(rows, qy, balance(cases, np.ones(len(cases), bool))), features=QUESTION_FEATURES)
        data = {
            "version": MODEL_VERSION,
            "about": "Fitted by benchmarks/fit_answerability.py on news_qa dev, XQuAD dev "
            f"({args.xquad} questions), MLQA de ({args.mlqa}); thresholds from out-of-fold probabilities.",
            "readers": {
                answerer.reader.name: {
                    "sentence": sentence.to_dict(),
                    "question": question.to_dict(),
                    "thresholds": {k: round(v, 4) for k, v in thresholds.items()},
                    "extra_sentence": args.extra,
                    "max_sentences": args.max_sentences,
                }
            },
        }
        MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")


def balance(cases: list[Case], mask: np.ndarray) -> np.ndarray:
    """Weights giving each dataset the same total weight, and within it answerable and not half each."""
    weight = np.zeros(len(cases))
    bins: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        if mask[i]:
            bins[(c.dataset, c.answerable)].append(i)
    for members in bins.values():
        for i in members:
            weight[i] = 1.0 / len(members)
    return weight[mask] * mask.sum() / max(1e-9, weight[mask].sum())


def pair(case: Case) -> str:
    lang = case.reading.question.language if case.reading else ""
    best_lang = case.reading.hits[0].meta.language if case.reading and case.reading.hits else ""
    return "same" if lang == best_lang or not lang else "cross"


def choose_thresholds(cases: list[Case], p: np.ndarray, max_abstain: float) -> dict[str, float]:
    out: dict[str, float] = {}
    for name in ("same", "cross"):
        answerable = np.sort([p[i] for i, c in enumerate(cases) if c.answerable and pair(c) == name])
        if not len(answerable):
            out[name] = 0.5
            continue
        index = int(np.floor(max_abstain * len(answerable)))
        out[name] = float(answerable[index]) - 1e-6 if index < len(answerable) else 0.5
    return out


def report(cases, p, thresholds, sentence_models, question_models, answerer, args) -> None:  # type: ignore[no-untyped-def]
    table: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for i, case in enumerate(cases):
        k = fold_of(case.group)
        model = AnswerModel(
            answerer.reader.name, sentence_models[k], question_models[k], thresholds, args.extra, args.max_sentences
        )
        lang = case.field[-2:]
        # the gate's relevance check runs before the answerer (index/chain.py)
        gated = max(h.score for h in case.reading.hits) < answerer.embedder.profile.min_relevance
        abstained = gated or p[i] < thresholds[pair(case)]
        table[(case.dataset, lang, f"gated_{case.kind}")].append(float(gated))
        if case.kind == "answerable":
            key = "answerable" if case.gold_present else "answerable_gold_missed"
            table[(case.dataset, lang, f"abstain_{key}")].append(float(abstained))
            if case.gold_present:
                answer = answerer._answer_by_evidence(case.reading, model)  # noqa: SLF001
                table[(case.dataset, lang, "contains_gold")].append(float(holds(answer.text, case.answers, case.verbatim)))
                old = answerer._answer_by_similarity(case.reading)  # noqa: SLF001
                table[(case.dataset, lang, "contains_gold_before")].append(float(holds(old.text, case.answers, case.verbatim)))
                table[(case.dataset, lang, "sentences")].append(float(answer.text.count("[") ))
        else:
            table[(case.dataset, lang, f"abstain_{case.kind}")].append(float(abstained))
    for key in sorted(table):
        values = table[key]
        print(f"{key[0]:>10} {key[1]} {key[2]:<34} {np.mean(values):.3f}  (n={len(values)})")


def curve(cases: list[Case], p: np.ndarray) -> None:
    print("trade-off (out of fold): threshold, abstain answerable / gold_removed / same_story / absent_topic")
    for t in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        cells = []
        for kind in ("answerable", "gold_removed", "same_story", "absent_topic"):
            v = [p[i] < t for i, c in enumerate(cases) if c.kind == kind and (kind != "answerable" or c.gold_present)]
            cells.append(f"{np.mean(v):.2f}" if v else "-")
        print(f"  {t:.2f}  " + " / ".join(cells))


if __name__ == "__main__":
    main()
