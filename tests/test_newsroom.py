"""The index end to end on the embedded Chroma store: ingest, ask with sources, re-ingest, update, delete."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from index.embedders import PROFILES
from index.embedders.use import UniversalSentenceEncoder
from index.errors import IngestCancelled, NewsbotError
from index.newsroom import Newsroom
from index.settings import DEFAULT_EMBEDDER
from tests.conftest import SAMPLES_DIR, SEED_ARTICLE, SEED_QUESTION, make_settings


class CountingEncoder(UniversalSentenceEncoder):
    """The real multilingual encoder, counting the texts it embeds."""

    def __init__(self) -> None:
        super().__init__(PROFILES["use"], threads=2)
        self.embedded = 0

    def _embed(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        if not is_query:
            self.embedded += len(texts)
        return super()._embed(texts, is_query=is_query)


@pytest.fixture
def encoder() -> CountingEncoder:
    return CountingEncoder()


@pytest.fixture
def newsroom(tmp_path: Path, encoder: CountingEncoder) -> Newsroom:
    return Newsroom(make_settings(tmp_path / "data"), embedder=encoder)


def write_article(path: Path, title: str, body: str) -> Path:
    path.write_text(f"{title}\n{body}\n", encoding="utf-8")
    return path


def library_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "libraries"
    folder.mkdir()
    for n, town in enumerate(["Portwell", "Eastholm", "Northby"]):
        (folder / f"{n}.txt").write_text(
            f"{town} opens a library\n\nThe town of {town} opened a library on the quay on Monday. "
            "It lends books, bicycles and tools, and stays open late on Fridays.\n",
            encoding="utf-8",
        )
    return folder


@pytest.mark.slow
def test_seed_question_is_answered_with_north_korea_and_its_source(tmp_path: Path) -> None:
    """With the default embedder (use+e5), as `make run` answers it."""
    newsroom = Newsroom(make_settings(tmp_path / "data", embedder=DEFAULT_EMBEDDER))
    report = newsroom.ingest([str(SAMPLES_DIR)])
    assert report.added == 7 and not report.failed
    answer = newsroom.ask(SEED_QUESTION)
    assert not answer.abstained
    assert "Nordkorea" in answer.text or "North Korea" in answer.text
    assert "[1]" in answer.text
    assert answer.sources[0].n == 1
    assert answer.sources[0].meta.title.startswith("Nordkorea dementiert")


def test_no_ad_or_caption_chunk_competes_for_the_seed_question(newsroom: Newsroom) -> None:
    newsroom.ingest([str(SEED_ARTICLE)])
    hits = newsroom.search(SEED_QUESTION, k=10)
    assert hits
    for hit in hits:
        lines = hit.text.splitlines()
        assert "Ad" not in lines
        assert "Keystone" not in hit.text and "keystone" not in hit.text
        assert "Mehr zum Thema" not in hit.text


def test_reingesting_unchanged_articles_embeds_nothing(newsroom: Newsroom, encoder: CountingEncoder) -> None:
    first = newsroom.ingest([str(SAMPLES_DIR)])
    embedded = encoder.embedded
    chunks = newsroom.stats().chunks
    second = newsroom.ingest([str(SAMPLES_DIR)])
    assert (first.added, second.added, second.updated, second.unchanged) == (7, 0, 0, 7)
    assert encoder.embedded == embedded
    assert newsroom.stats().chunks == chunks


def test_a_changed_article_replaces_its_old_chunks(newsroom: Newsroom, tmp_path: Path) -> None:
    path = write_article(tmp_path / "story.txt", "Council closes bridge", "The old bridge closes on Monday. " * 3)
    newsroom.ingest([str(path)])
    write_article(path, "Council closes bridge", "The bridge stays open until the new one is built in 2027.")
    report = newsroom.ingest([str(path)])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    texts = [h.text for h in newsroom.search("When is the new bridge built?", k=10)]
    assert texts and all("old bridge" not in t for t in texts)
    assert any("2027" in t for t in texts)
    assert newsroom.stats().articles == 1


def test_one_bad_input_is_reported_and_the_rest_ingest(newsroom: Newsroom, tmp_path: Path) -> None:
    good = write_article(tmp_path / "good.txt", "Rail strike ends", "The rail strike ended after three days.")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    report = newsroom.ingest(
        [str(tmp_path / "missing.txt"), str(tmp_path / "report.pdf"), str(tmp_path / "empty.txt"), str(good)]
    )
    assert report.added == 1
    failed = {Path(f.source).name: f.error for f in report.failed}
    assert set(failed) == {"missing.txt", "report.pdf", "empty.txt"}
    assert all(error for error in failed.values())
    assert newsroom.stats().articles == 1


def test_delete_removes_an_article_and_its_chunks(newsroom: Newsroom) -> None:
    newsroom.ingest([str(SAMPLES_DIR)])
    before = newsroom.stats()
    assert newsroom.delete([str(SEED_ARTICLE)]) == 1
    after = newsroom.stats()
    assert after.articles == before.articles - 1 and after.chunks < before.chunks
    assert all("Nordkorea dementiert" not in h.meta.title for h in newsroom.search(SEED_QUESTION, k=10))
    assert newsroom.delete(["no-such-article"]) == 0


def test_deleting_an_article_drops_the_sentence_vectors_answers_kept_of_it(newsroom: Newsroom) -> None:
    from index.answerers.extractive import ExtractiveAnswerer
    from index.answerers.sentences import SentenceVectors

    newsroom.ingest([str(SAMPLES_DIR)])
    answerer = newsroom.answerer
    assert isinstance(answerer, ExtractiveAnswerer) and answerer.vectors.path is not None
    (seed,) = newsroom.store.find_article_ids(str(SEED_ARTICLE))
    other = next(a.article_id for a in newsroom.store.articles() if a.article_id != seed)
    seed_chunks, other_chunks = newsroom.store.article_chunks(seed), newsroom.store.article_chunks(other)
    assert answerer.read_ahead(seed_chunks) > 0 and answerer.read_ahead(other_chunks) > 0
    seed_sentences, other_sentences = answerer._readable(seed_chunks), answerer._readable(other_chunks)
    assert answerer.vectors.missing(answerer.reader, seed_sentences) == []

    assert newsroom.delete([seed]) == 1
    for vectors in (answerer.vectors, SentenceVectors(answerer.vectors.path)):  # in memory and in the file
        assert vectors.missing(answerer.reader, seed_sentences) == list(dict.fromkeys(seed_sentences))
        assert vectors.missing(answerer.reader, other_sentences) == []


def test_the_answerer_asks_the_stores_bm25_index_which_names_any_chunk_holds(newsroom: Newsroom) -> None:
    from index.answerers.evidence import stored_names
    from index.answerers.extractive import ExtractiveAnswerer
    from index.answerers.question import Question

    assert isinstance(newsroom.answerer, ExtractiveAnswerer)
    assert newsroom.answerer.corpus is newsroom.searcher.lexical
    question = Question.of("Did Pjöngjang deliver arms to Gaddafi in 2017?", "en")
    assert stored_names(question, newsroom.answerer.corpus) == frozenset()  # nothing ingested yet
    newsroom.ingest([str(SEED_ARTICLE)])
    assert {"pjongjang", "gaddafi", "2017"} <= question.names
    # the seed article names North Korea's capital, not Gaddafi, and no 2017
    assert stored_names(question, newsroom.answerer.corpus) == frozenset({"pjongjang"})


def test_warm_up_opens_the_store_and_its_bm25_index_before_the_first_question(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    newsroom.ingest([str(SEED_ARTICLE)])
    restarted = Newsroom(make_settings(tmp_path / "data"), embedder=newsroom.embedder)
    restarted.warm_up(language_tools=False)
    lexical = restarted.searcher.lexical
    assert lexical.chunks_read + lexical.indexes_built > 0  # the kept index, brought up to date in warm-up
    before = (lexical.chunks_read, lexical.indexes_built)
    assert restarted.search(SEED_QUESTION)
    assert (lexical.chunks_read, lexical.indexes_built) == before


def test_a_store_that_fails_to_open_fails_warm_up(tmp_path: Path, encoder: CountingEncoder) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "chroma").write_text("not a Chroma directory")
    with pytest.raises(NewsbotError, match="chroma"):
        Newsroom(make_settings(tmp_path / "data"), embedder=encoder).warm_up(language_tools=False)


def test_latest_lists_dated_articles_newest_first(newsroom: Newsroom, tmp_path: Path) -> None:
    for day, title in [(3, "Third"), (1, "First"), (2, "Second")]:
        (tmp_path / f"{title}.txt").write_text(
            f"---\npublished_at: 2026-11-0{day}T10:00:00+00:00\noutlet: Example Times\n---\n{title} story\n"
            f"Something happened on day {day} of the month.\n",
            encoding="utf-8",
        )
    newsroom.ingest([str(tmp_path)])
    assert [a.meta.title for a in newsroom.latest(2)] == ["Third story", "Second story"]
    assert newsroom.stats().newest_published_at == datetime(2026, 11, 3, 10, tzinfo=UTC)


def test_an_unrelated_question_is_answered_with_an_abstention(newsroom: Newsroom) -> None:
    newsroom.ingest([str(SEED_ARTICLE)])
    answer = newsroom.ask("What is the recipe for a good sourdough bread?")
    assert answer.abstained and not answer.sources
    assert "does not say" in answer.text


def test_a_typo_in_a_name_is_read_as_the_stored_news_spells_it(newsroom: Newsroom) -> None:
    newsroom.ingest([str(SAMPLES_DIR)])
    answer = newsroom.ask("Was ist mit dem Landeroboter Phliae passiert?")
    assert not answer.abstained
    assert "Philae" in answer.question and answer.read_as == {"Phliae": "Philae"}
    assert answer.to_dict()["read_as"] == {"Phliae": "Philae"}
    assert answer.sources[0].meta.title.startswith("Der womöglich letzte Anlauf zur Kontaktaufnahme")


def test_an_empty_question_is_refused(newsroom: Newsroom) -> None:
    with pytest.raises(NewsbotError, match="empty"):
        newsroom.ask("   ")


def test_a_follow_up_finds_the_story_of_the_previous_question(newsroom: Newsroom, tmp_path: Path) -> None:
    from index.models import Turn

    newsroom.ingest([str(SAMPLES_DIR)])
    first = newsroom.ask(SEED_QUESTION)
    follow_up = newsroom.ask("And what did the US say?", history=[Turn(SEED_QUESTION, first.text)])
    assert not follow_up.abstained
    assert follow_up.sources[0].meta.title.startswith("Nordkorea dementiert")


def test_ingest_reports_every_chunk_it_embeds(newsroom: Newsroom, encoder: CountingEncoder, tmp_path: Path) -> None:
    folder = library_folder(tmp_path)
    inputs: list[tuple[int, int]] = []
    embedded: list[int] = []

    report = newsroom.ingest([str(folder)], on_progress=lambda d, t: inputs.append((d, t)), on_embedded=embedded.append)

    assert report.added == 3
    assert inputs[-1] == (3, 3)
    assert embedded and all(n > 0 for n in embedded)
    assert sum(embedded) == newsroom.store.count() == encoder.embedded
    again: list[int] = []
    newsroom.ingest([str(folder)], on_embedded=again.append)
    assert again == []  # unchanged articles are not embedded again


def test_a_stopped_ingest_reads_no_further_input_and_stores_nothing_more(
    newsroom: Newsroom, encoder: CountingEncoder, tmp_path: Path
) -> None:
    folder = library_folder(tmp_path)
    newsroom.ingest([str(folder / "0.txt")])
    embedded_before = encoder.embedded
    stop = threading.Event()
    inputs: list[int] = []

    def progress(done: int, total: int) -> None:
        inputs.append(done)
        if done == 2:
            stop.set()  # the bot shutting down while the second file is read

    with pytest.raises(IngestCancelled):
        newsroom.ingest([str(folder)], on_progress=progress, stop=stop)
    assert inputs == [1, 2]  # the third file was not read
    assert encoder.embedded == embedded_before and newsroom.stats().articles == 1


def test_a_stop_during_embedding_writes_no_article(newsroom: Newsroom, tmp_path: Path) -> None:
    stop = threading.Event()
    with pytest.raises(IngestCancelled):
        newsroom.ingest([str(library_folder(tmp_path))], on_embedded=lambda n: stop.set(), stop=stop)
    assert newsroom.stats().articles == 0 and newsroom.store.count() == 0


def test_a_question_naming_nothing_stays_with_the_story_talked_of(newsroom: Newsroom) -> None:
    from index.models import Turn
    from tests.conftest import news_article

    newsroom.ingest_articles(
        [
            news_article(
                "Schettino appeal opens in Florence",
                "Prosecutors demand 27 years in prison for captain Francesco Schettino, who ran the Costa Concordia "
                "aground. The court in Florence is expected to deliver its verdict in July.",
                None,
            ),
            news_article(
                "Telekom trial nears its end",
                "The verdict in the Telekom trial is expected on Wednesday. The former managers deny the charges.",
                None,
            ),
            news_article(
                "Cold snap in Vienna",
                "Temperatures in Vienna fell to minus twelve degrees. Schools stay open.",
                None,
            ),
        ]
    )
    first = "How many years in prison do prosecutors demand for Francesco Schettino?"
    answer = newsroom.ask(first)
    assert answer.sources[0].meta.title == "Schettino appeal opens in Florence"
    history = [Turn(first, answer.text)]
    # on its own the question finds the Telekom trial; after Schettino it asks about his
    alone = newsroom.ask("When is the verdict expected?")
    assert alone.sources[0].meta.title == "Telekom trial nears its end"
    followed = newsroom.ask("When is the verdict expected?", history=history)
    assert followed.sources[0].meta.title == "Schettino appeal opens in Florence"
    assert "July" in followed.text
    # a question about something the story does not tell is asked of the news at large
    other = newsroom.ask("How low did temperatures fall?", history=history)
    assert other.sources[0].meta.title == "Cold snap in Vienna"
