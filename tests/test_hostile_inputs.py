"""Hostile inputs (tests/hostile_corpus.py: 35+ kinds beside three good articles) ingested in one go through the
real Newsroom (the real `use` embedder, embedded Chroma): each gets a clear failed entry naming it, or a sensible
article; nothing hangs or crashes; the good articles are stored and answered from. How fast and how much memory
with the default settings: benchmarks/hostile_ingest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingestion import IngestReport
from index.newsroom import Newsroom
from tests.conftest import make_settings
from tests.hostile_corpus import QUESTIONS, Kind, build_hostile_folder


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Kind], Newsroom, IngestReport]:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "inbox"
    kinds = build_hostile_folder(folder)
    newsroom = Newsroom(make_settings(root / "data"))
    return folder, kinds, newsroom, newsroom.ingest([str(folder)])


def test_the_corpus_has_every_kind_the_issue_lists(ingested: tuple[Path, list[Kind], Newsroom, IngestReport]) -> None:
    _, kinds, _, _ = ingested
    assert len(kinds) >= 37
    assert {kind.expect for kind in kinds} == {"stored", "refused", "skipped", "duplicate"}


def test_each_hostile_input_is_refused_with_a_message_naming_it(
    ingested: tuple[Path, list[Kind], Newsroom, IngestReport],
) -> None:
    folder, kinds, _, report = ingested
    failed: dict[str, list[str]] = {}
    for failure in report.failed:
        failed.setdefault(failure.source, []).append(failure.error)
    for kind in (k for k in kinds if k.expect == "refused"):
        source = kind.source(folder)
        errors = [e for s, es in failed.items() if s == source or s.startswith(f"{source}:") for e in es]
        assert len(errors) == max(kind.records, 1), (kind.path, errors[:3])
        assert all(kind.reason in error for error in errors), (kind.path, errors[:3])
    accounted = {k.source(folder) for k in kinds if k.expect == "refused"}
    strays = [f for f in report.failed if f.source.split(":line ")[0].split(":row ")[0] not in accounted]
    assert strays == []


def test_every_sensible_input_is_stored_and_nothing_else(
    ingested: tuple[Path, list[Kind], Newsroom, IngestReport],
) -> None:
    folder, kinds, newsroom, report = ingested
    stored = sorted(article.meta.source for article in newsroom.store.articles())
    expected = sorted(
        f"{kind.source(folder)}:line {n}" if kind.records else kind.source(folder)
        for kind in kinds
        if kind.expect == "stored"
        for n in range(1, max(kind.records, 1) + 1)
    )
    assert stored == expected
    duplicates = sum(1 for kind in kinds if kind.expect == "duplicate")
    assert (report.added, report.updated, report.unchanged, report.duplicates) == (len(expected), 0, 0, duplicates)


def test_text_in_odd_encodings_and_scripts_reads_right(
    ingested: tuple[Path, list[Kind], Newsroom, IngestReport],
) -> None:
    _, _, newsroom, _ = ingested
    titles = {article.meta.title for article in newsroom.store.articles()}
    assert {
        "Ölpreis steigt",
        "Fähre fährt wieder",
        "Bürgermeister gewählt",
        "افتتاح الميناء",
        "הנמל נפתח מחדש",
    } <= titles
    assert "Broken emoji \ufffd" in titles  # the lone surrogate is replaced, its record stored with the others
    assert "Very old news" in titles


@pytest.mark.parametrize("path", sorted(QUESTIONS))
def test_the_good_articles_beside_them_are_answered_from(
    ingested: tuple[Path, list[Kind], Newsroom, IngestReport], path: str
) -> None:
    folder, _, newsroom, _ = ingested
    answer = newsroom.ask(QUESTIONS[path])
    assert not answer.abstained
    assert newsroom.search(QUESTIONS[path], k=1)[0].meta.source == str(folder / path)
    assert answer.sources[0].meta.title == newsroom.search(QUESTIONS[path], k=1)[0].meta.title
