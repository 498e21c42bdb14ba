"""The evaluation harness: build a fresh store through the real Newsroom, ask every question, score the answers.

    dataset (+ distractors) -> Articles -> Newsroom.ingest_articles (temp dir) -> for each question and mode:
        search(k=20)            -> ranked paragraph ids      -> recall@1/5/10, MRR
        ask(question)           -> Answer, latency           -> containment, EM, F1, abstention (answerable)
        search(k, exclude=gold) -> answer_from_hits          -> abstention (unanswerable)

Each paragraph is one Article whose source is `<dataset>:<context_id>`, so a hit's article id maps back to its
paragraph. Retrieval is scored per paragraph: hits of one paragraph's chunks count once, at the best rank.
The unanswerable setting asks the same questions with the gold paragraph left out of retrieval (`search(...,
exclude_articles=[gold])`), so the answerer sees the k best other passages, as if the news never carried it.

The store is built once and shared by the modes compared (`hybrid`, `dense`, `lexical`), which differ only in
how they search it. Latency is the wall time of `Newsroom.ask`, what a user waits for after the model is loaded.
"""

from __future__ import annotations

import logging
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from index.answerers.base import CITATION_RE
from index.answerers.gate import as_asked
from index.errors import NewsbotError
from index.evaluation.datasets import QADataset, QAItem
from index.evaluation.metrics import (
    MetricResult,
    abstention_rate,
    containment,
    exact_match,
    mean_reciprocal_rank,
    percentile,
    recall_at_k,
    substring_containment,
    token_f1,
)
from index.models import Article
from index.settings import IndexSettings

if TYPE_CHECKING:
    from index.newsroom import Newsroom

log = logging.getLogger(__name__)

MODES = ("hybrid", "dense", "lexical")
RECALL_KS = (1, 5, 10)
# Chunks retrieved to rank paragraphs: a paragraph may be split into chunks, so ask for more than 10.
RANKING_HITS = 2 * max(RECALL_KS)
EVAL_COLLECTION = "newsbot-eval"
# Rounding of reported fractions and milliseconds; per-question details keep full precision.
DIGITS = 4

#: The metrics every report carries, in the order tables show them, with their column headers.
HEADERS = {
    "recall@1": "R@1",
    "recall@5": "R@5",
    "recall@10": "R@10",
    "mrr": "MRR",
    "containment": "contains",
    "exact_match": "EM",
    "f1": "F1",
    "abstain_answerable": "abstain (answerable)",
    "abstain_gold_removed": "abstain (gold removed)",
    "abstain_unanswerable": "abstain (unanswerable)",
    "latency_p50_ms": "p50 ms",
    "latency_p95_ms": "p95 ms",
}
METRIC_KEYS = tuple(HEADERS)
#: unanswerable questions by kind (news_qa): reported when the dataset has them
UNANSWERABLE_KINDS = ("same_story", "absent_topic")
#: how often the answers given say they are unsure, of the right ones and of the wrong ones (`unsure_shares`)
UNSURE_KEYS = ("unsure_right", "unsure_wrong")
LOSSES = ("answered", "not_retrieved", "abstained", "wrong_sentence")


@dataclass(frozen=True)
class QuestionResult:
    """What happened to one question in one mode; enough to see why it was lost."""

    id: str
    question: str
    context_id: str
    answers: tuple[str, ...]
    ranking: list[str]
    answer: str
    abstained: bool
    cited: list[str]
    latency_ms: float
    abstained_without_gold: bool
    answer_without_gold: str
    cited_without_gold: list[str] = field(default_factory=list)
    #: the best relevance (cosine) among the k hits the answerer saw, with and without the gold paragraph:
    #: what an abstention threshold is compared with
    top_score: float = 0.0
    top_score_without_gold: float = 0.0
    #: the answerer's own confidence (extractive: its evidence model's probability that the hits answer, or
    #: without a model the best sentence's similarity), with and without the gold paragraph; None where the
    #: answerer cannot tell or never read a sentence
    confidence: float | None = None
    confidence_without_gold: float | None = None
    #: "answerable", or why the question cannot be answered (news_qa: same_story, absent_topic)
    kind: str = "answerable"
    #: answers are scored verbatim (news_qa), not after SQuAD normalisation
    verbatim: bool = False
    #: the answer (with and without the gold paragraph) was given but said to be unsure (`Answer.unsure`)
    unsure: bool = False
    unsure_without_gold: bool = False

    def to_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @property
    def contains_gold(self) -> bool:
        return not self.abstained and self.score_answer(self.answer, self.answers) == 1.0

    def score_answer(self, answer: str, answers: Sequence[str]) -> float:
        metric = substring_containment if self.verbatim else containment
        return metric([_without_citations(answer)], [answers]).score


@dataclass
class ModeReport:
    """Aggregate metrics of one retrieval mode, where answerable questions were lost, and each question."""

    mode: str
    metrics: dict[str, float]
    losses: dict[str, float] = field(default_factory=dict)
    questions: list[QuestionResult] = field(default_factory=list)


@dataclass
class EvalReport:
    """The whole run: the dataset, the store that was built, and one report per mode."""

    dataset: str
    question_count: int
    paragraph_count: int
    distractor_count: int
    embedder: str
    answerer: str
    chunks: int
    ingest_s: float
    modes: dict[str, ModeReport]

    def to_dict(self) -> dict[str, object]:
        """One JSON object: the first mode's metrics at the top level, every mode under `modes`, and the
        ratio of the first mode to each other mode under `ratios`."""
        first = next(iter(self.modes.values()))
        data: dict[str, object] = dict(first.metrics)
        data.update(
            mode=first.mode,
            dataset=self.dataset,
            questions=self.question_count,
            paragraphs=self.paragraph_count,
            distractors=self.distractor_count,
            embedder=self.embedder,
            answerer=self.answerer,
            chunks=self.chunks,
            ingest_s=round(self.ingest_s, 1),
        )
        data["losses"] = first.losses
        if len(self.modes) > 1:
            data["modes"] = {name: {**report.metrics, "losses": report.losses} for name, report in self.modes.items()}
            data["ratios"] = self.ratios()
        return data

    def to_markdown(self) -> str:
        """A summary line and a Markdown table: one row per mode, then one per ratio (first ÷ other)."""
        lines = [
            f"{self.dataset}: {self.question_count} questions over {self.paragraph_count} paragraphs + "
            f"{self.distractor_count} distractors ({self.chunks} chunks); embedder {self.embedder}, "
            f"answerer {self.answerer}; ingest {self.ingest_s:.0f}s",
            "",
            "| mode | " + " | ".join(HEADERS[key] for key in METRIC_KEYS) + " |",
            "|---|" + "---:|" * len(METRIC_KEYS),
        ]
        for name, mode in self.modes.items():
            cells = [f"{mode.metrics[k]:.0f}" if k.endswith("_ms") else f"{mode.metrics[k]:.3f}" for k in METRIC_KEYS]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        for name, ratio in self.ratios().items():
            cells = ["–" if ratio[k] is None else f"{ratio[k]:.2f}×" for k in METRIC_KEYS]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        kinds = sorted(
            {key for mode in self.modes.values() for key in mode.metrics if key.startswith("abstain_unanswerable_")}
        )
        if kinds:
            lines += [
                "",
                "Unanswerable questions, abstention by kind:",
                "",
                "| mode | " + " | ".join(k.removeprefix("abstain_unanswerable_") for k in kinds) + " |",
            ]
            lines.append("|---|" + "---:|" * len(kinds))
            for name, mode in self.modes.items():
                lines.append(f"| {name} | " + " | ".join(f"{mode.metrics.get(k, 0.0):.3f}" for k in kinds) + " |")
        lines += ["", "Answers given and said to be unsure (`unsure_shares`):", "", "| mode | of right | of wrong |"]
        lines.append("|---|---:|---:|")
        for name, mode in self.modes.items():
            lines.append(f"| {name} | " + " | ".join(f"{mode.metrics.get(k, 0.0):.3f}" for k in UNSURE_KEYS) + " |")
        lines += ["", "Answerable questions (see `loss_breakdown`):", "", "| mode | " + " | ".join(LOSSES) + " |"]
        lines.append("|---|" + "---:|" * len(LOSSES))
        for name, mode in self.modes.items():
            lines.append(f"| {name} | " + " | ".join(f"{mode.losses.get(k, 0.0):.3f}" for k in LOSSES) + " |")
        return "\n".join(lines)

    def ratios(self) -> dict[str, dict[str, float | None]]:
        """`<first>/<other>` for every other mode: each metric of the first mode divided by the other's
        (None where the other's is 0)."""
        names = list(self.modes)
        first = self.modes[names[0]].metrics
        result: dict[str, dict[str, float | None]] = {}
        for other_name in names[1:]:
            other = self.modes[other_name].metrics
            result[f"{names[0]}/{other_name}"] = {
                key: (round(first[key] / other[key], 3) if other[key] else None) for key in METRIC_KEYS
            }
        return result


def dataset_articles(dataset: QADataset) -> tuple[list[Article], dict[str, str]]:
    """The dataset's paragraphs as Articles, and a map from article id back to context id."""
    articles = [paragraph.to_article(dataset.name) for paragraph in dataset.paragraphs]
    return articles, {
        article.id: paragraph.context_id for article, paragraph in zip(articles, dataset.paragraphs, strict=True)
    }


def _without_citations(text: str) -> str:
    # "[1]" would become the token "1" after normalisation and match a gold answer "1".
    return CITATION_RE.sub(" ", text)


def score_mode(questions: Sequence[QuestionResult]) -> dict[str, float]:
    """The aggregate metrics of one mode from its questions' results, rounded to DIGITS.

    Retrieval, answers and `abstain_answerable` / `abstain_gold_removed` count the answerable questions;
    `abstain_unanswerable` the unanswerable ones (news_qa), also by kind (`abstain_unanswerable_<kind>`). A dataset
    without unanswerable questions reports the gold-removed rate as `abstain_unanswerable`, as before.
    """
    answerable = [q for q in questions if q.kind == "answerable"]
    unanswerable = [q for q in questions if q.kind != "answerable"]
    rankings = [q.ranking for q in answerable]
    golds = [q.context_id for q in answerable]
    answers = [q.answers for q in answerable]
    # An abstention is an answer that contains nothing, so containment, EM and F1 count it as 0.
    predictions = ["" if q.abstained else _without_citations(q.answer) for q in answerable]
    latencies = [q.latency_ms for q in questions]
    verbatim = any(q.verbatim for q in answerable)
    metrics: dict[str, float] = {f"recall@{k}": recall_at_k(rankings, golds, k).score for k in RECALL_KS}
    metrics["mrr"] = mean_reciprocal_rank(rankings, golds).score
    metrics["containment"] = (substring_containment if verbatim else containment)(predictions, answers).score
    metrics["exact_match"] = exact_match(predictions, answers).score
    metrics["f1"] = token_f1(predictions, answers).score
    metrics["abstain_answerable"] = abstention_rate([q.abstained for q in answerable]).score
    metrics["abstain_gold_removed"] = abstention_rate([q.abstained_without_gold for q in answerable]).score
    metrics["abstain_unanswerable"] = (
        abstention_rate([q.abstained for q in unanswerable]).score if unanswerable else metrics["abstain_gold_removed"]
    )
    metrics["latency_p50_ms"] = percentile(latencies, 50) if latencies else 0.0
    metrics["latency_p95_ms"] = percentile(latencies, 95) if latencies else 0.0
    result = {key: round(metrics[key], DIGITS) for key in METRIC_KEYS}
    for kind in sorted({q.kind for q in unanswerable}):
        of_kind = [q.abstained for q in unanswerable if q.kind == kind]
        result[f"abstain_unanswerable_{kind}"] = round(abstention_rate(of_kind).score, DIGITS)
    result.update(unsure_shares(questions))
    return result


def unsure_shares(questions: Sequence[QuestionResult]) -> dict[str, float]:
    """How often an answer given says it is unsure: `unsure_right` of the answers that contain the gold answer,
    `unsure_wrong` of the others given (to answerable questions, with the gold paragraph removed, and to
    unanswerable ones). A reply that warns well is unsure of the wrong answers and seldom of the right ones."""
    right: list[bool] = []
    wrong: list[bool] = []
    for q in questions:
        if q.kind != "answerable":
            if not q.abstained:
                wrong.append(q.unsure)
            continue
        if not q.abstained:
            (right if q.contains_gold else wrong).append(q.unsure)
        if not q.abstained_without_gold:
            wrong.append(q.unsure_without_gold)
    shares = (round(MetricResult.from_scores(flags).score, DIGITS) for flags in (right, wrong))
    return dict(zip(UNSURE_KEYS, shares, strict=True))


def loss_breakdown(questions: Sequence[QuestionResult], k: int) -> dict[str, float]:
    """Where answerable questions end up, as shares that sum to 1:

    answered        the answer contains a gold answer
    not_retrieved   the gold paragraph was not among the k hits the answerer saw (approximated by the first k
                    paragraphs of the ranking)
    abstained       it was, but the bot abstained (threshold too strict, or no candidate sentence)
    wrong_sentence  it was, the bot answered, but with a sentence that does not contain the gold answer
    """
    counts = dict.fromkeys(LOSSES, 0)
    questions = [q for q in questions if q.kind == "answerable"]
    for q in questions:
        if q.contains_gold:
            counts["answered"] += 1
        elif q.context_id not in q.ranking[:k]:
            counts["not_retrieved"] += 1
        elif q.abstained:
            counts["abstained"] += 1
        else:
            counts["wrong_sentence"] += 1
    total = max(1, len(questions))
    return {name: round(count / total, DIGITS) for name, count in counts.items()}


def evaluate(
    dataset: QADataset,
    settings: IndexSettings,
    *,
    modes: Sequence[str] = ("hybrid",),
    distractors: Iterable[Article] = (),
    work_dir: Path | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> EvalReport:
    """Ingest the dataset's paragraphs and the distractors into a fresh store and measure every mode.

    `settings` supplies the embedder, answerer, k and thresholds; its store location is replaced by a new
    embedded store in `work_dir` (default: a temp dir removed afterwards), so nothing a user indexed is touched.
    """
    from index.newsroom import Newsroom

    unknown = [m for m in modes if m not in MODES]
    if not modes or unknown:
        raise ValueError(f"modes must be some of {', '.join(MODES)}, got {list(modes)}")
    say = on_progress or (lambda message: log.info("%s", message))
    if work_dir is None:
        with tempfile.TemporaryDirectory(prefix="newsbot-eval-", ignore_cleanup_errors=True) as tmp:
            return evaluate(
                dataset, settings, modes=modes, distractors=distractors, work_dir=Path(tmp), on_progress=on_progress
            )

    base = settings.model_copy(
        # One collection per dataset, so that a kept store (`--store`) can serve several datasets.
        update={"data_dir": Path(work_dir), "chroma_host": "", "chroma_collection": _collection_name(dataset.name)}
    )
    newsrooms = {modes[0]: Newsroom(base.model_copy(update={"retrieval_mode": modes[0]}))}
    first = newsrooms[modes[0]]
    for mode in modes[1:]:
        # Modes share the models too: a second reader model per mode would only cost memory and load time.
        newsrooms[mode] = Newsroom(
            base.model_copy(update={"retrieval_mode": mode}),
            embedder=first.embedder,
            answerer=first.answerer,
            store=first.store,
        )
    say(f"loading the embedder {first.embedder.name!r} and the answerer {first.answerer.name!r}")
    first.warm_up()

    articles, paragraph_of = dataset_articles(dataset)
    paragraph_texts = {" ".join(article.text.split()) for article in articles}
    # a dataset article among the distractors (news_qa in 10kGNAD) is indexed once, as gold
    others = [a for a in distractors if " ".join(a.text.split()) not in paragraph_texts]
    started = time.perf_counter()
    # A kept store (`--store`) holds this run's articles only: what an earlier run of another file with the same
    # layout stored (its paragraphs, or its gold articles as distractors) would answer this run's questions too.
    wanted = {article.id for article in [*articles, *others]}
    stale = [article_id for article_id in first.store.article_ids() if article_id not in wanted]
    if stale:
        say(f"removed {first.delete_ids(stale)} articles an earlier run stored that this one does not index")
    report = first.ingest_articles(articles)
    if report.failed:
        first_failure = report.failed[0]
        raise NewsbotError(
            f"{len(report.failed)} paragraphs failed to ingest; {first_failure.source}: {first_failure.error}"
        )
    say(f"ingested {report.added} paragraphs in {time.perf_counter() - started:.1f}s")
    distractor_count = 0
    distractor_started = time.perf_counter()

    def _counted(items: Iterable[Article]) -> Iterable[Article]:
        nonlocal distractor_count
        for article in items:
            distractor_count += 1
            if distractor_count % 100 == 0:
                say(f"ingested {distractor_count} distractors ({time.perf_counter() - distractor_started:.0f}s)")
            yield article

    distractor_report = first.ingest_articles(_counted(others))
    if distractor_count:
        say(
            f"ingested {distractor_report.added} distractors ({len(distractor_report.failed)} failed) "
            f"in {time.perf_counter() - distractor_started:.1f}s"
        )
    ingest_s = time.perf_counter() - started
    article_of = {context_id: article_id for article_id, context_id in paragraph_of.items()}

    results: dict[str, ModeReport] = {}
    for mode, newsroom in newsrooms.items():
        questions: list[QuestionResult] = []
        for n, item in enumerate(dataset.items, start=1):
            questions.append(_ask(newsroom, item, paragraph_of, article_of.get(item.context_id, "")))
            if n % 50 == 0 or n == len(dataset.items):
                say(f"{mode}: {n}/{len(dataset.items)} questions")
        results[mode] = ModeReport(
            mode=mode,
            metrics=score_mode(questions),
            losses=loss_breakdown(questions, newsroom.settings.retrieval_k),
            questions=questions,
        )

    return EvalReport(
        dataset=dataset.name,
        question_count=len(dataset.items),
        paragraph_count=len(dataset.paragraphs),
        distractor_count=distractor_count,
        embedder=first.embedder.name,
        answerer=first.answerer.name,
        chunks=first.store.count(),
        ingest_s=ingest_s,
        modes=results,
    )


def _collection_name(dataset: str) -> str:
    """A Chroma collection name (3-63 characters of [a-zA-Z0-9._-]) for the dataset's store."""
    return (EVAL_COLLECTION + "-" + re.sub(r"[^a-zA-Z0-9._-]", "-", dataset))[:63].rstrip("-._")


def _ask(newsroom: Newsroom, item: QAItem, paragraph_of: dict[str, str], gold_article: str) -> QuestionResult:
    if not item.answerable:
        return _ask_unanswerable(newsroom, item, paragraph_of)
    asked = as_asked(item.question)  # as `Newsroom.ask` reads it ("WHO …?", "Hi! who …" as "Who …?")
    hits = newsroom.search(asked, k=RANKING_HITS)
    ranking = list(dict.fromkeys(paragraph_of.get(hit.article_id, hit.article_id) for hit in hits))
    started = time.perf_counter()
    answer = newsroom.ask(item.question)
    latency_ms = (time.perf_counter() - started) * 1000
    without_gold = newsroom.search(asked, exclude_articles=[gold_article])
    unanswerable = newsroom.answer_from_hits(asked, without_gold)
    answer_hits = hits[: newsroom.settings.retrieval_k]
    return QuestionResult(
        id=item.id,
        question=item.question,
        context_id=item.context_id,
        answers=item.answers,
        ranking=ranking[: max(RECALL_KS)],
        answer=answer.text,
        abstained=answer.abstained,
        cited=[paragraph_of.get(s.article_id, s.article_id) for s in answer.sources],
        latency_ms=latency_ms,
        abstained_without_gold=unanswerable.abstained,
        answer_without_gold=unanswerable.text,
        cited_without_gold=[paragraph_of.get(s.article_id, s.article_id) for s in unanswerable.sources],
        top_score=max((h.score for h in answer_hits), default=0.0),
        top_score_without_gold=max((h.score for h in without_gold), default=0.0),
        confidence=answer.confidence,
        confidence_without_gold=unanswerable.confidence,
        verbatim=item.verbatim,
        unsure=answer.unsure,
        unsure_without_gold=unanswerable.unsure,
    )


def _ask_unanswerable(newsroom: Newsroom, item: QAItem, paragraph_of: dict[str, str]) -> QuestionResult:
    """A question the news cannot answer: asked once; the bot should abstain."""
    started = time.perf_counter()
    answer = newsroom.ask(item.question)
    latency_ms = (time.perf_counter() - started) * 1000
    return QuestionResult(
        id=item.id,
        question=item.question,
        context_id=item.context_id,
        answers=(),
        ranking=[],
        answer=answer.text,
        abstained=answer.abstained,
        cited=[paragraph_of.get(s.article_id, s.article_id) for s in answer.sources],
        latency_ms=latency_ms,
        abstained_without_gold=answer.abstained,
        answer_without_gold="",
        confidence=answer.confidence,
        kind=item.kind,
        verbatim=item.verbatim,
        unsure=answer.unsure,
    )
