"""The default offline answerer over the bundled samples (the user's article and six 10kGNAD articles), with the
real default models: it answers what the news says, and says so when it does not (issue #10's examples)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.newsroom import Newsroom
from index.settings import DEFAULT_EMBEDDER
from tests.conftest import SAMPLES_DIR, SEED_QUESTION, make_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsroom]:
    newsroom = Newsroom(make_settings(Path(tmp_path_factory.mktemp("trust")) / "data", embedder=DEFAULT_EMBEDDER))
    report = newsroom.ingest([str(SAMPLES_DIR)])
    assert report.added == 7 and not report.failed
    yield newsroom


def test_the_seed_question_is_answered_from_the_seed_article(newsroom: Newsroom) -> None:
    answer = newsroom.ask(SEED_QUESTION)
    assert not answer.abstained
    assert "Nordkorea" in answer.text and answer.text.rstrip().endswith("]")
    assert answer.sources[0].meta.title.startswith("Nordkorea dementiert")
    # no sentence of another article pads the answer
    assert len({source.article_id for source in answer.sources}) == 1


@pytest.mark.parametrize(
    "question",
    [
        "Who won the 2026 FIFA World Cup?",
        "Wie hoch ist der Leitzins in Japan?",
        "What is the capital of France?",
        "How many people died when the Morandi bridge collapsed in Genoa?",
    ],
)
def test_news_the_samples_do_not_hold_gets_an_honest_no(newsroom: Newsroom, question: str) -> None:
    answer = newsroom.ask(question)
    assert answer.abstained, answer.text
    assert not answer.sources


@pytest.mark.parametrize("question", ["asdf qwer", "hi", "?", "Hallo!"])
def test_non_questions_never_get_a_cited_sentence(newsroom: Newsroom, question: str) -> None:
    answer = newsroom.ask(question)
    assert answer.abstained and not answer.sources and "[1]" not in answer.text
