"""Reading behind ingest (NEWSBOT_READ_AHEAD=idle): the stored articles' sentences are read while the Newsroom is
idle, so that a later question embeds only itself; ingest itself reads nothing. The real USE encoder, a real
embedded Chroma store."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from index.answerers.extractive import ExtractiveAnswerer
from index.answerers.fallback import FallbackAnswerer
from index.answerers.sentences import SPLITTER
from index.newsroom import Newsroom
from index.reading import CURSOR_FILE, Activity
from tests.answerers.conftest import CountingEncoder
from tests.conftest import SAMPLES_DIR, SEED_ARTICLE, SEED_QUESTION, make_settings

OTHER_ARTICLE = SAMPLES_DIR / "10kgnad_0045_philae-kontakt.txt"
WAIT_S = 60.0  # generous: the reader runs at the lowest priority, on a machine that may be busy


def newsroom(data_dir: Path, encoder: CountingEncoder, **overrides: object) -> Newsroom:
    """A Newsroom whose reader is the counting encoder itself (no second model to load)."""
    return Newsroom(make_settings(data_dir, reader="same", **overrides), embedder=encoder)


def until(condition: Callable[[], bool], timeout_s: float = WAIT_S) -> bool:
    """Whether `condition()` came true within `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_ingest_reads_nothing_and_reading_behind_leaves_questions_only_themselves(
    encoder: CountingEncoder, tmp_path: Path
) -> None:
    room = newsroom(tmp_path / "data", encoder)
    assert room.settings.read_ahead == "idle"  # the default
    before = len(encoder.passages)
    room.ingest([str(SEED_ARTICLE)])
    chunks = room.store.count()
    assert len(encoder.passages) - before == chunks  # the chunks, not their sentences

    reader = room.reader_behind()
    assert reader is not None and room.stats().unread_articles == 1
    assert reader.read_pending(threading.Event(), wait=False) > 0
    assert room.stats().unread_articles == 0
    before = len(encoder.passages)
    answer = room.ask(SEED_QUESTION)
    assert not answer.abstained and answer.sources
    assert encoder.passages[before:] == []  # every sentence it read was read behind ingest

    unread = newsroom(tmp_path / "unread", encoder, read_ahead="off")
    unread.ingest([str(SEED_ARTICLE)])
    assert unread.reader_behind() is None and unread.stats().unread_articles is None
    before = len(encoder.passages)
    assert unread.ask(SEED_QUESTION).text == answer.text  # the same answer, read when asked instead
    assert len(encoder.passages) > before


def test_the_cursor_keeps_what_was_read_for_the_next_process(encoder: CountingEncoder, tmp_path: Path) -> None:
    now = [1_700_000_000.0]
    data = tmp_path / "data"
    room = Newsroom(make_settings(data, reader="same"), embedder=encoder, clock=lambda: now[0])
    room.ingest([str(SEED_ARTICLE)])
    reader = room.reader_behind()
    assert reader is not None and [at for at, _ in reader.pending()] == [now[0]]
    assert reader.read_pending(threading.Event(), wait=False) > 0
    assert reader.cursor == now[0] and (data / CURSOR_FILE).exists()

    again = Newsroom(make_settings(data, reader="same"), embedder=encoder).reader_behind()  # a new process
    assert again is not None and again.cursor == now[0]
    before = len(encoder.passages)
    assert again.read_pending(threading.Event(), wait=False) == 0  # read already: looked up, not embedded
    assert len(encoder.passages) == before

    now[0] += 60
    room.ingest([str(OTHER_ARTICLE)])
    assert [at for at, _ in again.pending()] == [now[0] - 60, now[0]]  # the last read one is only looked up
    assert again.read_pending(threading.Event(), wait=False) > 0
    assert again.cursor == now[0]


def test_the_reader_waits_while_a_question_is_answered_or_an_ingest_runs(
    encoder: CountingEncoder, tmp_path: Path
) -> None:
    room = newsroom(tmp_path / "data", encoder)
    room.ingest([str(SEED_ARTICLE)])
    reader = room.reader_behind()
    assert reader is not None
    reader.quiet_s = 0.3
    done: list[int] = []
    with room.activity.busy():  # as `ask` and `ingest` are
        before = len(encoder.passages)
        thread = threading.Thread(target=lambda: done.append(reader.read_pending(threading.Event())))
        thread.start()
        time.sleep(1.0)
        assert len(encoder.passages) == before and not done  # nothing read while busy
    thread.join(WAIT_S)
    assert done and done[0] > 0


def test_a_running_reader_reads_what_an_ingest_stores_and_stops_when_told(
    encoder: CountingEncoder, tmp_path: Path
) -> None:
    room = newsroom(tmp_path / "data", encoder)
    reader = room.reader_behind()
    assert reader is not None
    reader.quiet_s = 0.1
    reading = reader.start()
    try:
        room.ingest([str(SEED_ARTICLE)])  # wakes it: no waiting for the next rescan
        answerer = room.answerer
        assert isinstance(answerer, ExtractiveAnswerer)
        sentences = answerer._readable(room.store.article_chunks(room.store.articles()[0].article_id))
        assert until(lambda: not answerer.vectors.missing(encoder, sentences))
        assert room.store.kept_articles() is not None  # the listing searches take stories from, brought up to date
    finally:
        stopped_at = time.monotonic()
        assert reading.stop()
    assert time.monotonic() - stopped_at < 5.0 and not reading.thread.is_alive()


def test_nothing_is_read_behind_for_an_llm_or_with_read_ahead_at_ingest(
    encoder: CountingEncoder, tmp_path: Path
) -> None:
    extractive = ExtractiveAnswerer(encoder, reader=encoder)
    assert extractive.reads_with == f"{encoder.name}, {SPLITTER} splits"  # a new splitter reads everything again
    llm_with_fallback = FallbackAnswerer(extractive, ExtractiveAnswerer(encoder, reader=encoder))
    assert llm_with_fallback.reads_with == ""  # the fallback answers only when the LLM fails
    assert Newsroom(make_settings(tmp_path / "a"), embedder=encoder, answerer=llm_with_fallback).reader_behind() is None
    assert newsroom(tmp_path / "b", encoder, read_ahead="ingest").reader_behind() is None


def test_activity_is_idle_only_after_the_quiet_time() -> None:
    now = [0.0]
    activity = Activity(clock=lambda: now[0])
    stop = threading.Event()
    with activity.busy():
        now[0] = 10.0
    now[0] = 11.0
    results: list[bool] = []
    thread = threading.Thread(target=lambda: results.append(activity.wait_idle(2.0, stop)))
    thread.start()
    time.sleep(0.2)
    assert not results  # 1 s since the last work ended, 2 s asked for
    now[0] = 12.5
    thread.join(WAIT_S)
    assert results == [True]
    stop.set()
    with activity.busy():
        assert activity.wait_idle(0.0, stop) is False  # a stop ends the wait


@pytest.mark.parametrize(("value", "mode"), [(True, "ingest"), (False, "off"), ("true", "ingest"), ("idle", "idle")])
def test_read_ahead_takes_its_earlier_true_and_false(value: object, mode: str, tmp_path: Path) -> None:
    assert make_settings(tmp_path, read_ahead=value).read_ahead == mode
