"""Reading evaluation data: the XQuAD and generic question layouts, and distractor corpora."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.errors import DatasetError
from index.evaluation.datasets import (
    read_10kgnad_csv,
    read_distractors,
    read_qa_jsonl,
)
from index.language import question_language

SLICE = Path(__file__).resolve().parents[1] / "data" / "xquad_slice.jsonl"


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def test_xquad_layout_reads_english_questions_german_paragraphs_and_both_answer_languages() -> None:
    dataset = read_qa_jsonl(SLICE)

    assert dataset.layout == "xquad"
    assert len(dataset.items) == 11
    assert [p.context_id for p in dataset.paragraphs] == ["01_0", "03_2", "12_0", "16_1"]
    first = dataset.items[1]
    assert first.question == "Where was the Summer Theatre located?"
    assert first.answers == ("Sächsischer Garten", "Saxon Garden"), "German gold first, then English"
    assert dataset.paragraphs[0].text.startswith("In der Nähe, in Ogród Saski")


def test_question_field_picks_the_german_questions() -> None:
    dataset = read_qa_jsonl(SLICE, question_field="question_de")

    assert dataset.items[1].question.startswith("Wo ")


def test_paragraph_articles_have_stable_distinct_ids_named_by_the_paragraph() -> None:
    dataset = read_qa_jsonl(SLICE)
    articles = [p.to_article(dataset.name) for p in dataset.paragraphs]

    assert articles[0].meta.source == "xquad:01_0"
    assert articles[0].meta.title == "Warsaw"
    assert len({a.id for a in articles}) == 4
    assert [a.id for a in articles] == [p.to_article("xquad").id for p in read_qa_jsonl(SLICE).paragraphs]


def test_generic_layout(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "mine.jsonl",
        [
            {"question": "Wer gewann?", "answers": ["Denver"], "context": "Denver gewann.", "context_id": "p1"},
            {"question": "Wann?", "answers": ["2016"], "context": "Denver gewann.", "context_id": "p1", "title": "T"},
        ],
    )

    dataset = read_qa_jsonl(path)

    assert dataset.layout == "generic"
    assert dataset.name == "mine"
    assert [(i.id, i.question, i.answers) for i in dataset.items] == [
        ("1", "Wer gewann?", ("Denver",)),
        ("2", "Wann?", ("2016",)),
    ]
    assert [(p.context_id, p.text) for p in dataset.paragraphs] == [("p1", "Denver gewann.")]


def test_mlqa_layout_identifies_paragraphs_by_their_text(tmp_path: Path) -> None:
    berlin = "Berlin ist die Hauptstadt Deutschlands. Sie hat rund 3,7 Millionen Einwohner."
    path = _write_jsonl(
        tmp_path / "mlqa_de_de_dev.jsonl",
        [
            {
                "id": "a",
                "context_de": berlin,
                "question_de": "Wie viele Einwohner hat Berlin?",
                "answers_de": ["rund 3,7 Millionen"],
                "answer_start_de": [52],
            },
            {
                "id": "b",
                "context_de": berlin,
                "question_de": "Wovon ist Berlin die Hauptstadt?",
                "answers_de": ["Deutschlands"],
                "answer_start_de": [26],
            },
            {
                "id": "c",
                "context_de": "Wien liegt an der Donau.",
                "question_de": "Woran liegt Wien?",
                "answers_de": ["an der Donau"],
                "answer_start_de": [11],
            },
        ],
    )
    dataset = read_qa_jsonl(path)

    assert (dataset.layout, dataset.name) == ("mlqa", "mlqa")
    assert [p.text for p in dataset.paragraphs] == [berlin, "Wien liegt an der Donau."]
    assert dataset.items[0].context_id == dataset.items[1].context_id != dataset.items[2].context_id
    assert dataset.items[0].question == "Wie viele Einwohner hat Berlin?"
    assert dataset.items[0].answers == ("rund 3,7 Millionen",)


def test_limited_keeps_the_first_questions_and_every_paragraph() -> None:
    dataset = read_qa_jsonl(SLICE).limited(4)

    assert [i.context_id for i in dataset.items] == ["01_0", "01_0", "01_0", "03_2"]
    assert len(dataset.paragraphs) == 4


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"title": "no layout"}], "unknown layout"),
        ([{"question": "", "answers": ["a"], "context": "c", "context_id": "1"}], "no question"),
        ([{"question": "q", "answers": [], "context": "c", "context_id": "1"}], "no gold answers"),
        ([{"question": "q", "answers": [1], "context": "c", "context_id": "1"}], "list of strings"),
        (
            [
                {"question": "q", "answers": ["a"], "context": "c", "context_id": "1"},
                {"question": "q", "answers": ["a"], "context": "other", "context_id": "1"},
            ],
            "two different paragraph texts",
        ),
    ],
)
def test_bad_files_fail_with_a_message_naming_the_problem(
    tmp_path: Path, rows: list[dict[str, object]], message: str
) -> None:
    with pytest.raises(DatasetError, match=message):
        read_qa_jsonl(_write_jsonl(tmp_path / "bad.jsonl", rows))


def test_missing_and_empty_files_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="cannot read"):
        read_qa_jsonl(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="no questions"):
        read_qa_jsonl(tmp_path / "empty.jsonl")


def test_a_row_may_name_its_article_as_a_file_read_as_ingest_reads_it(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "pool.txt").write_text(
        "---\noutlet: Example\nlanguage: de\n---\nHallenbad wird saniert\nDas Hallenbad wird um 12 Millionen Euro "
        "saniert.\n",
        encoding="utf-8",
    )
    rows: list[dict[str, object]] = [
        {
            "question_en": "How much will the pool cost?",
            "question_de": "Wie viel kostet das Hallenbad?",
            "answers_de": ["12 Millionen Euro"],
            "context_file": "articles/pool.txt",
            "context_id": "pool",
            "qtype": "number",
        },
        {"question_en": "Who will build it?", "answerable": False, "kind": "same_story", "context_id": "pool"},
    ]
    dataset = read_qa_jsonl(_write_jsonl(tmp_path / "set.jsonl", rows))
    assert dataset.layout == "news_qa"
    [paragraph] = dataset.paragraphs
    # front matter off, the first line the title, which is indexed with it even in the news_qa layout
    assert paragraph.title == "Hallenbad wird saniert"
    assert paragraph.text == "Das Hallenbad wird um 12 Millionen Euro saniert."
    assert [item.kind for item in dataset.items] == ["answerable", "same_story"]

    (tmp_path / "articles" / "pool.htm").write_text(
        "<html><head><title>Hallenbad wird saniert</title></head><body><article><h1>Hallenbad wird saniert</h1>"
        "<p>Das Hallenbad wird um 12 Millionen Euro saniert.</p></article></body></html>",
        encoding="utf-8",
    )
    rows[0]["context_file"] = "articles/pool.htm"
    [from_page] = read_qa_jsonl(_write_jsonl(tmp_path / "set.jsonl", rows)).paragraphs
    assert "12 Millionen Euro" in from_page.text and from_page.title == "Hallenbad wird saniert"

    rows[0]["context_file"] = "articles/missing.txt"
    with pytest.raises(DatasetError, match=r"set.jsonl:1: cannot read context_file 'articles/missing.txt'"):
        read_qa_jsonl(_write_jsonl(tmp_path / "set.jsonl", rows))
    rows[0]["context_file"] = "articles/pool.pdf"
    with pytest.raises(DatasetError, match=r"not a \.txt, \.md, \.html or \.htm file"):
        read_qa_jsonl(_write_jsonl(tmp_path / "set.jsonl", rows))


def test_the_short_questions_about_the_samples_find_every_gold_answer_in_its_article() -> None:
    # benchmarks/data/short_questions.jsonl (README "Short questions"): its articles are the bundled samples
    dataset = read_qa_jsonl(Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "short_questions.jsonl")
    texts = {p.context_id: p.title + "\n" + p.text for p in dataset.paragraphs}
    assert len(texts) == 7 and len(dataset.items) == 41
    for item in dataset.items:
        assert item.context_id in texts
        if item.answerable:
            assert any(answer in texts[item.context_id] for answer in item.answers), item.id


def test_10kgnad_csv_rows_become_untitled_german_articles(tmp_path: Path) -> None:
    path = tmp_path / "test.csv"
    path.write_text(
        "Sport;'Rapid gewinnt; Fans jubeln. Der Text geht weiter.'\nWeb;'Ein zweiter Artikel über \"Apps\".'\n",
        encoding="utf-8",
    )

    articles = list(read_10kgnad_csv(path))

    assert [a.text for a in articles] == [
        "Rapid gewinnt; Fans jubeln. Der Text geht weiter.",
        'Ein zweiter Artikel über "Apps".',
    ]
    assert all(a.meta.language == "de" and a.meta.title == "" for a in articles)
    assert len({a.id for a in articles}) == 2
    assert len(list(read_10kgnad_csv(path, limit=1))) == 1


def test_distractors_from_jsonl_and_unknown_suffixes(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "news.jsonl", [{"title": "T", "text": "Body"}, {"title": "U", "text": "More"}])

    assert [(a.meta.title, a.text) for a in read_distractors(path)] == [("T", "Body"), ("U", "More")]
    with pytest.raises(DatasetError, match="10kGNAD .csv or a .jsonl"):
        read_distractors(tmp_path / "news.txt")


def test_the_short_questions_about_news_qa_ask_three_answerable_and_one_same_story_question_of_each_article() -> None:
    # benchmarks/data/short_news_qa.jsonl (benchmarks/fit_answerability.py --short): its articles are news_qa's, in
    # ../shared, which the tests never read; the file names them by context_id and holds no text
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "short_news_qa.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len({row["id"] for row in rows}) == len(rows) == 100
    by_article: dict[str, list[str]] = {}
    for row in rows:
        assert "context_de" not in row
        answerable = row["answerable"] is True
        assert row["kind"] == ("answerable" if answerable else "same_story")
        assert bool(row["answers_de"]) == bool(row["answers_en"]) == answerable, row["id"]
        for field in ("question_en", "question_de"):
            assert 3 <= len(row[field].split()) <= 8 and row[field].endswith("?"), row["id"]
        by_article.setdefault(row["context_id"], []).append(row["kind"])
    assert len(by_article) == 25
    assert all(sorted(kinds) == ["answerable"] * 3 + ["same_story"] for kinds in by_article.values())


@pytest.mark.parametrize("name", ["fresh_news_qa", "fresh2_news_qa"])
def test_the_held_out_news_questions_read_as_news_qa_and_find_every_gold_answer_in_its_article(name: str) -> None:
    # benchmarks/data/fresh*_news_qa.jsonl (README "Held-out questions"): news_qa's layout over 20 other articles each
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / f"{name}.jsonl"
    for field in ("question_en", "question_de"):
        dataset = read_qa_jsonl(path, question_field=field)
        texts = {p.context_id: p.text for p in dataset.paragraphs}
        kinds = [item.kind for item in dataset.items]
        assert len(texts) == 20 and (kinds.count("same_story"), kinds.count("absent_topic")) == (20, 10)
        answerable = [item for item in dataset.items if item.answerable]
        assert len(answerable) == 60 and all(any(a in texts[i.context_id] for a in i.answers) for i in answerable)
        assert all(item.question.endswith("?") for item in dataset.items)


@pytest.mark.parametrize("language", ["fr", "es", "it"])
def test_news_qa_translated_asks_every_question_in_its_language(language: str) -> None:
    # benchmarks/data/news_qa_<language>.jsonl: news_qa dev's 110 questions translated, merged into news_qa's lines
    # by benchmarks/translated_questions.py for `newsbot eval --question-field question_<language>`
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / f"news_qa_{language}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    field = f"question_{language}"
    assert len({row["id"] for row in rows}) == len(rows) == 110
    assert all(set(row) == {"id", field} and row[field].endswith("?") for row in rows)
    assert [row["id"] for row in rows if question_language(row[field]) != language] == []


def test_translated_questions_join_news_qa_by_id_and_refuse_a_question_without_one(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "benchmarks" / "translated_questions.py"
    news_qa = _write_jsonl(
        tmp_path / "dev.jsonl",
        [
            {"id": "a", "question_en": "Who won?", "answerable": False, "kind": "absent_topic"},
            {"id": "b", "question_en": "Who lost?", "answerable": False, "kind": "absent_topic"},
        ],
    )
    translations = _write_jsonl(tmp_path / "fr.jsonl", [{"id": "b", "question_fr": "Qui a perdu ?"}])
    out = tmp_path / "out.jsonl"
    refused = subprocess.run(
        [sys.executable, str(script), str(news_qa), str(translations), str(out)], capture_output=True, text=True
    )
    assert refused.returncode == 1 and "no translation for a" in refused.stderr and not out.exists()
    _write_jsonl(
        translations, [{"id": "a", "question_fr": "Qui a gagné ?"}, {"id": "b", "question_fr": "Qui a perdu ?"}]
    )
    subprocess.run([sys.executable, str(script), str(news_qa), str(translations), str(out)], check=True)
    merged = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["question_en"], row["question_fr"]) for row in merged] == [
        ("a", "Who won?", "Qui a gagné ?"),
        ("b", "Who lost?", "Qui a perdu ?"),
    ]
    assert merged[0]["kind"] == "absent_topic"
