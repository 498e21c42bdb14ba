"""The evaluation harness end to end: a fresh store through the real Newsroom, the fast multilingual embedder,
11 XQuAD questions (English, over 4 German paragraphs) and a few German news distractors."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import Settings
from index.evaluation.datasets import read_articles_jsonl, read_qa_jsonl
from index.evaluation.harness import (
    METRIC_KEYS,
    MODES,
    UNSURE_KEYS,
    EvalReport,
    QuestionResult,
    evaluate,
    loss_breakdown,
    unsure_shares,
)
from index.models import Article
from tests.conftest import make_settings

Run = tuple[EvalReport, Settings]

SLICE = Path(__file__).resolve().parents[1] / "data" / "xquad_slice.jsonl"
DISTRACTORS = [
    {"title": "Regierung plant Steuerreform", "text": "Die Regierung in Wien hat am Dienstag eine Steuerreform "
     "vorgestellt. Die Entlastung soll fünf Milliarden Euro betragen. Die Opposition kritisierte die Pläne."},
    {"title": "Rapid gewinnt Derby", "text": "Rapid Wien hat das Derby gegen die Austria mit 2:1 gewonnen. "
     "Vor 25.000 Zuschauern erzielte der Stürmer in der Nachspielzeit das Siegtor."},
    {"title": "Neues Smartphone vorgestellt", "text": "Der Hersteller hat ein neues Smartphone vorgestellt. "
     "Es hat eine bessere Kamera und einen größeren Akku als das Vorgängermodell und kostet 800 Euro."},
]  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One evaluation of all three modes, shared by the tests below (building the store is the slow part)."""
    tmp = tmp_path_factory.mktemp("eval")
    distractors = tmp / "news.jsonl"
    distractors.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DISTRACTORS), encoding="utf-8")
    settings = make_settings(tmp / "user-data")
    return evaluate(
        read_qa_jsonl(SLICE), settings, modes=MODES, distractors=read_articles_jsonl(distractors), work_dir=tmp / "work"
    ), settings


def test_the_store_holds_paragraphs_and_distractors_and_the_users_store_is_untouched(report: Run) -> None:
    result, settings = report

    assert (result.question_count, result.paragraph_count, result.distractor_count) == (11, 4, 3)
    assert result.chunks >= 7
    assert result.embedder == "use"
    assert not Path(settings.data_dir).exists()


def test_every_mode_reports_every_metric_in_range(report: Run) -> None:
    result, _ = report

    assert list(result.modes) == list(MODES)
    for mode in result.modes.values():
        assert set(mode.metrics) == {*METRIC_KEYS, *UNSURE_KEYS}
        for key, value in mode.metrics.items():
            assert value >= 0
            if not key.endswith("_ms"):
                assert value <= 1, key
        assert mode.metrics["latency_p50_ms"] > 0
        assert len(mode.questions) == 11


def test_the_gold_paragraph_is_found_and_answered_from(report: Run) -> None:
    result, _ = report
    hybrid = result.modes["hybrid"]

    # 4 paragraphs and 3 unrelated distractors: the gold paragraph is within the first five for nearly all.
    assert hybrid.metrics["recall@5"] >= 0.9
    assert hybrid.metrics["recall@10"] == 1.0
    assert hybrid.metrics["containment"] >= 0.5
    answered = [q for q in hybrid.questions if not q.abstained]
    assert answered and all(q.cited for q in answered)
    # What min_sentence is compared with is recorded, so benchmarks/abstention.py can sweep it.
    assert all(q.confidence is not None and 0 < q.confidence <= 1 for q in answered)
    first = hybrid.questions[0]
    assert first.ranking[0] in {"01_0", "03_2", "12_0", "16_1"}, "hits map back to paragraph ids"


def test_removing_the_gold_paragraph_leaves_it_out_of_the_answer(report: Run) -> None:
    result, _ = report

    for mode in result.modes.values():
        for q in mode.questions:
            assert q.context_id not in q.cited_without_gold
            assert q.abstained_without_gold or q.cited_without_gold


def test_json_report_has_the_top_level_keys_and_ratios(report: Run) -> None:
    result, _ = report
    data = json.loads(json.dumps(result.to_dict()))

    assert {"recall@1", "recall@5", "recall@10", "mrr", "containment", "abstain_answerable",
            "abstain_unanswerable", "latency_p50_ms", "latency_p95_ms"} <= set(data)  # fmt: skip
    assert data["mode"] == "hybrid"
    assert set(data["modes"]) == set(MODES)
    assert set(data["ratios"]) == {"hybrid/dense", "hybrid/lexical"}
    assert "| hybrid/dense |" in result.to_markdown()


def test_the_eval_command_prints_only_json_on_stdout(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["eval", str(SLICE), "--json", "--limit", "3", "--question-field", "question_de", "--embedder", "use",
         "--details", str(tmp_path / "details.jsonl")],
        env={"NEWSBOT_DATA_DIR": str(tmp_path / "data")},
    )  # fmt: skip

    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["questions"] == 3 and data["paragraphs"] == 4
    assert 0 <= data["recall@5"] <= 1
    assert len((tmp_path / "details.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert "questions" in result.stderr


def test_the_eval_command_explains_a_bad_dataset(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "x"}\n', encoding="utf-8")

    result = CliRunner().invoke(app, ["eval", str(bad)])

    assert result.exit_code == 1
    assert "unknown layout" in result.stderr


def _result(context_id: str, ranking: list[str], answer: str, abstained: bool = False) -> QuestionResult:
    return QuestionResult(
        id="q", question="When?", context_id=context_id, answers=("1773",), ranking=ranking, answer=answer,
        abstained=abstained, cited=[], latency_ms=1.0, abstained_without_gold=True, answer_without_gold="",
    )  # fmt: skip


def test_loss_breakdown_says_where_each_answerable_question_was_lost() -> None:
    questions = [
        _result("p", ["p", "x"], "Scheele fand ihn 1773 [1]."),
        _result("p", ["x", "y", "p"], "Etwas anderes [1]."),
        _result("p", ["p"], "Die Nachrichten sagen nichts.", abstained=True),
        _result("p", ["p"], "Ein Satz ohne die Jahreszahl [1]."),
    ]

    assert loss_breakdown(questions, k=2) == {
        "answered": 0.25,
        "not_retrieved": 0.25,
        "abstained": 0.25,
        "wrong_sentence": 0.25,
    }


def test_unsure_shares_count_right_answers_apart_from_wrong_ones_with_and_without_the_gold() -> None:
    right = replace(_result("p", ["p"], "Scheele fand ihn 1773 [1]."), unsure=True)
    wrong = _result("p", ["p"], "Etwas anderes [1].")
    abstained = replace(_result("p", ["p"], "Nichts.", abstained=True), unsure=True)  # no answer given: not counted
    without_gold = replace(wrong, abstained_without_gold=False, unsure_without_gold=True)  # a second wrong answer
    unanswerable = replace(wrong, kind="same_story", unsure=True)
    shares = unsure_shares([right, wrong, abstained, without_gold, unanswerable])
    # right: 1 of 1 unsure; wrong: `wrong`, `without_gold` answered and its gold-removed answer, `unanswerable`
    assert shares == {"unsure_right": 1.0, "unsure_wrong": 0.5}
    assert unsure_shares([]) == {"unsure_right": 0.0, "unsure_wrong": 0.0}


NEWS_QA = SLICE.with_name("news_qa_slice.jsonl")
NEWS_CORPUS = SLICE.with_name("news_qa_corpus.csv")


@pytest.fixture(scope="module")
def news_qa_report(tmp_path_factory: pytest.TempPathFactory) -> EvalReport:
    from index.evaluation.datasets import read_distractors

    tmp = tmp_path_factory.mktemp("news-qa")
    return evaluate(
        read_qa_jsonl(NEWS_QA),
        make_settings(tmp / "user"),
        distractors=read_distractors(NEWS_CORPUS),
        work_dir=tmp / "work",
    )


def test_news_qa_lines_are_read_with_their_kinds_and_german_gold_only() -> None:
    data = read_qa_jsonl(NEWS_QA)

    assert data.layout == "news_qa" and len(data.paragraphs) == 2
    assert [item.kind for item in data.items] == ["answerable", "answerable", "same_story", "absent_topic"]
    assert data.items[0].answers == ("72 Mrd. Dollar",) and data.items[3].answers == ()
    assert all(item.verbatim for item in data.items)


def test_a_news_qa_file_of_answerable_lines_alone_is_still_news_qa(tmp_path: Path) -> None:
    """Told by its answerable lines' `qtype` too, so its gold stays German only and its articles untitled."""
    answerable = [line for line in NEWS_QA.read_text(encoding="utf-8").splitlines() if '"answerable"' not in line]
    path = tmp_path / "answerable.jsonl"
    path.write_text("\n".join(answerable) + "\n", encoding="utf-8")

    data = read_qa_jsonl(path)

    assert data.layout == "news_qa" and [item.kind for item in data.items] == ["answerable", "answerable"]
    assert data.items[0].answers == ("72 Mrd. Dollar",)
    assert all(p.title == "" for p in data.paragraphs)


def test_a_gold_article_among_the_distractors_is_indexed_once(news_qa_report: EvalReport) -> None:
    assert (news_qa_report.paragraph_count, news_qa_report.distractor_count) == (2, 0)


def test_news_qa_reports_abstention_by_kind_and_scores_answers_verbatim(news_qa_report: EvalReport) -> None:
    metrics = news_qa_report.modes["hybrid"].metrics
    questions = news_qa_report.modes["hybrid"].questions

    assert {"abstain_unanswerable", "abstain_unanswerable_same_story", "abstain_unanswerable_absent_topic"} <= set(
        metrics
    )
    unanswerable = [q for q in questions if q.kind != "answerable"]
    assert metrics["abstain_unanswerable"] == sum(q.abstained for q in unanswerable) / 2
    assert metrics["abstain_unanswerable_absent_topic"] == float(unanswerable[1].abstained)
    answerable = [q for q in questions if q.kind == "answerable"]
    assert metrics["containment"] == sum(q.contains_gold for q in answerable) / 2
    assert metrics["recall@5"] == 1.0  # two articles: each gold one is found
    # verbatim: "72 Mrd Dollar" (normalised) would not count, "72 Mrd. Dollar" does
    assert answerable[0].score_answer("Es sind 72 Mrd Dollar [1].", answerable[0].answers) == 0.0
    assert answerable[0].score_answer("Es sind 72 Mrd.  Dollar [1].", answerable[0].answers) == 1.0


ABSENT_TOPICS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "absent_topics.jsonl"


@pytest.mark.parametrize("field", ["question_en", "question_de"])
def test_the_bundled_absent_topic_questions_evaluate_without_paragraphs(tmp_path: Path, field: str) -> None:
    """benchmarks/data/absent_topics.jsonl (README: a check on questions no model saw): only unanswerable lines,
    no article of their own; the harness indexes the distractors alone and reports abstention for the kind."""
    from index.evaluation.datasets import read_distractors

    data = read_qa_jsonl(ABSENT_TOPICS, question_field=field)
    assert data.layout == "news_qa" and not data.paragraphs
    assert len(data.items) == 27 and len({item.id for item in data.items}) == 27
    assert all(item.kind == "absent_topic" and not item.answerable and item.question for item in data.items)

    report = evaluate(
        data, make_settings(tmp_path / "user"), distractors=read_distractors(NEWS_CORPUS), work_dir=tmp_path / "work"
    )

    assert (report.paragraph_count, report.distractor_count) == (0, 2)
    hybrid = report.modes["hybrid"]
    assert len(hybrid.questions) == 27
    assert hybrid.metrics["abstain_unanswerable_absent_topic"] == sum(q.abstained for q in hybrid.questions) / 27


def test_a_kept_store_holds_only_the_articles_of_the_run(tmp_path: Path) -> None:
    """Two question files of one layout share a kept store's collection. A run of the absent-topic file over
    other copies of the news slice's articles (a later edition: a sentence more) stores them under other ids; left
    in the store, they would answer the slice's questions with their gold article removed."""
    from dataclasses import replace

    from index.evaluation.datasets import read_distractors

    corpus = list(read_distractors(NEWS_CORPUS))
    edition = [
        replace(
            a, text=a.text + " Dieser Artikel wurde aktualisiert.", meta=replace(a.meta, source=a.meta.source + "#2")
        )
        for a in corpus
    ]

    def run(path: Path, distractors: list[Article]) -> EvalReport:
        return evaluate(
            read_qa_jsonl(path), make_settings(tmp_path / "user"), distractors=distractors, work_dir=tmp_path / "kept"
        )

    first = run(NEWS_QA, corpus)
    other = run(ABSENT_TOPICS, edition)
    again = run(NEWS_QA, corpus)

    assert other.chunks == first.chunks  # the edition's two articles only
    assert again.chunks == first.chunks  # the slice's two articles only: the edition's were removed
    before, after = first.modes["hybrid"], again.modes["hybrid"]
    quality = [k for k in before.metrics if not k.startswith("latency")]
    assert [after.metrics[k] for k in quality] == [before.metrics[k] for k in quality]
    assert [q.answer_without_gold for q in after.questions] == [q.answer_without_gold for q in before.questions]
