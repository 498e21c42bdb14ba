"""Client/server mode: the same code path against a real `chroma run` server on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from index.chroma import CHROMA_SUBDIR, COUNT_INTERVAL_S
from index.errors import StoreUnavailableError
from index.newsroom import Newsroom
from index.store import CLOCK_MARGIN_S, ChunkStore
from tests.conftest import SAMPLES_DIR, SEED_ARTICLE, SEED_QUESTION, make_settings
from tests.test_lexical import Clock, store_article

SERVER_START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def chroma_run(path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A real `chroma run` server storing in `path`, answering on a free port; stopped when the block ends."""
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chroma run did not start on port {port}")
            time.sleep(0.2)
        yield process, port
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    with chroma_run(tmp_path_factory.mktemp("chroma-server")) as (_, port):
        yield port


def test_ingest_and_ask_through_a_chroma_server(chroma_server: int, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server)
    newsroom = Newsroom(settings)
    report = newsroom.ingest([str(SAMPLES_DIR)])
    assert report.added == 7
    assert newsroom.ingest([str(SEED_ARTICLE)]).unchanged == 1
    hits = newsroom.search(SEED_QUESTION)
    assert hits[0].meta.title.startswith("Nordkorea dementiert")
    assert "127.0.0.1" in newsroom.stats().location
    assert not (tmp_path / "data" / CHROMA_SUBDIR).exists(), "server mode must not create an embedded store"

    # A second client (another process in real life) sees the same articles.
    other = Newsroom(make_settings(tmp_path / "other", chroma_host="127.0.0.1", chroma_port=chroma_server))
    assert other.stats().articles == 7
    assert other.delete([str(SEED_ARTICLE)]) == 1
    assert newsroom.stats().articles == 6


def test_a_restarted_process_starts_from_the_bm25_it_kept_for_a_server_store(
    chroma_server: int, tmp_path: Path
) -> None:
    clock = Clock()
    settings = make_settings(
        tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server, chroma_collection="kept-bm25"
    )
    first = Newsroom(settings, clock=clock)
    first.ingest([str(SEED_ARTICLE)])
    clock.now += 2 * CLOCK_MARGIN_S  # the first question comes later than the margin kept for other hosts' clocks
    hits = first.search(SEED_QUESTION)
    assert first.searcher.lexical.chunks_read > 0 and list((tmp_path / "data").glob("lexical-127.0.0.1-*.pickle"))

    restarted = Newsroom(settings, clock=clock)
    assert restarted.search(SEED_QUESTION)[0].chunk_id == hits[0].chunk_id
    assert restarted.searcher.lexical.chunks_read == 0 and restarted.searcher.lexical.indexes_built == 0


def test_another_clients_write_changes_the_store_key_within_the_count_interval(chroma_server: int) -> None:
    clock = Clock()
    mine = ChunkStore(host="127.0.0.1", port=chroma_server, collection="changes", embedder_name="test", clock=clock)
    before = mine.changes()
    assert mine.changes() == before
    other = ChunkStore(host="127.0.0.1", port=chroma_server, collection="changes", embedder_name="test")
    store_article(other, "harbour", ["The harbour of Port Elda reopened on Monday."])
    assert mine.changes() == before  # counted less than COUNT_INTERVAL_S ago: not asked again
    clock.now += COUNT_INTERVAL_S
    assert mine.changes() != before
    store_article(mine, "storm", ["A winter storm closed the port of Hamburg."])  # its own write: seen at once
    assert mine.changes()[1] == 2


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(StoreUnavailableError, match="chroma run"):
        Newsroom(settings).stats()


def test_one_outlets_articles_are_searched_on_a_server_store(chroma_server: int, tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server, chroma_collection="outlets"
    )
    newsroom = Newsroom(settings)
    assert newsroom.ingest([str(SAMPLES_DIR)]).added == 7  # six of derStandard's, the seed article of no outlet
    assert newsroom.ask(SEED_QUESTION).sources[0].meta.title.startswith("Nordkorea dementiert")
    filtered = newsroom.ask(f"{SEED_QUESTION[:-1]}, according to derStandard?")
    assert {source.meta.outlet for source in filtered.sources} <= {"derStandard.at"}
    listed = newsroom.ask("Articles from derStandard")
    assert len(listed.sources) == 6 and {source.meta.outlet for source in listed.sources} == {"derStandard.at"}
