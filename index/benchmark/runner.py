"""`run_benchmark`: ingest, re-ingest, raw encode, the LangChain peer, query latency at several store sizes
(embedded Chroma and a `chroma run` server), peak RSS, and the time from launch to the first answer.

    subset of the corpus -> child "ingest" (newsbot) and child "peer" (LangChain)      -> ingest figures
    whole corpus -> cache store (ingested once, reused)  -> child "fill" per size / server collection per size
    per size and store: Newsroom.search (retrieval) and Newsroom.ask (answer) on distinct questions
    largest embedded store: child "first-answer" (launch -> first answer), `newsbot ask` and `newsbot stats`
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from index.answerers import SENTENCE_VECTORS_FILE
from index.benchmark.corpus import (
    corpus_key,
    fill_store,
    read_corpus,
    read_questions,
    read_rows,
    write_subset,
)
from index.benchmark.processes import ChromaServer, run_command, run_job
from index.benchmark.report import BenchReport, IngestFigures, LatencyFigures
from index.errors import BenchmarkError
from index.evaluation.metrics import percentile
from index.newsroom import Newsroom
from index.settings import IndexSettings
from index.store import ChunkStore

DEFAULT_SIZES = (1000, 10000, 50000)
T = TypeVar("T")
DEFAULT_SUBSET_ARTICLES = 250
DEFAULT_QUERIES = 30


@dataclass(frozen=True)
class BenchOptions:
    """What to measure. `cli` is the `newsbot` command to time (`ask`, `stats`); None skips it."""

    corpus: Path
    cache_dir: Path
    questions: Path | None = None
    sizes: Sequence[int] = DEFAULT_SIZES
    subset_articles: int = DEFAULT_SUBSET_ARTICLES
    cache_articles: int | None = None
    queries: int = DEFAULT_QUERIES
    server: bool = True
    peer: bool = True
    cli: Sequence[str] | None = None
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not Path(self.corpus).is_file():
            raise BenchmarkError(f"corpus {self.corpus} not found: pass a 10kGNAD test.csv or a JSONL of title/text")
        if not self.sizes or min(self.sizes) < 1:
            raise BenchmarkError(f"sizes must be positive chunk counts, got {list(self.sizes)}")
        if self.subset_articles < 1 or self.queries < 2:
            raise BenchmarkError("the subset needs at least 1 article and the latency runs at least 2 queries")
        if self.peer and not all(importlib.util.find_spec(m) for m in ("langchain_chroma", "langchain_text_splitters")):
            raise BenchmarkError(
                "the LangChain peer needs langchain-chroma and langchain-text-splitters: pip install 'newsbot[bench]', "
                "or pass --no-peer"
            )


def run_benchmark(
    settings: IndexSettings, options: BenchOptions, on_progress: Callable[[str], None] = lambda _: None
) -> BenchReport:
    """Run every measurement in a temporary work dir; only the cache store (under options.cache_dir) stays."""
    settings.apply_process_defaults()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="newsbot-bench-") as work_name:
        work = Path(work_name)
        cache_path, how, cached_chunks, embedder_name = _cache_store(settings, options, on_progress)
        report = BenchReport(
            embedder=embedder_name,
            read_ahead=settings.read_ahead,
            corpus=str(options.corpus),
            subset_articles=options.subset_articles,
            cache={"path": str(cache_path), "chunks": cached_chunks, "how": how},
        )
        subset = write_subset(options.corpus, options.subset_articles, work)
        _measure_ingest(report, settings, options, subset, work, on_progress)
        questions = read_questions(options.questions, read_corpus(options.corpus), 2 * options.queries + 1)
        stores = _fill_stores(report, settings, options, cache_path, embedder_name, work, on_progress)
        if options.server:
            with ChromaServer(work / "server") as server:
                server_settings = settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": server.port})
                stores += _fill_server(report, server_settings, options, cache_path, embedder_name, work, on_progress)
                _measure_latency(report, stores, questions, on_progress)
            report.processes["chroma_server_peak_rss_mb"] = server.peak_rss_mb
        else:
            _measure_latency(report, stores, questions, on_progress)
        largest = settings.model_copy(update={"data_dir": work / f"embedded-{max(options.sizes)}", "chroma_host": ""})
        _measure_processes(report, largest, options, questions[0], work, on_progress)
    report.load_average = (load_before, os.getloadavg()[0])
    return report


def _cache_store(
    settings: IndexSettings, options: BenchOptions, on_progress: Callable[[str], None]
) -> tuple[Path, str, int, str]:
    """The corpus ingested once through the real pipeline into the cache dir; later runs find it complete."""
    newsroom = Newsroom(settings)
    name = newsroom.embedder.name
    key = corpus_key(
        options.corpus, name, settings.chunk_tokens, options.cache_articles, read_ahead=settings.read_ahead != "off"
    )
    path = options.cache_dir / key
    newsroom = Newsroom(settings.model_copy(update={"data_dir": path, "chroma_host": ""}), embedder=newsroom.embedder)
    articles = read_corpus(options.corpus, limit=options.cache_articles)
    on_progress(f"cache store {path}: checking {len(articles)} articles (encodes only what is missing)")
    start = time.perf_counter()
    result = newsroom.ingest_articles(articles)
    reader = newsroom.reader_behind()
    if reader is not None:  # the state it reaches when the bot has been idle: every sentence read
        reader.read_pending(threading.Event(), wait=False)
    elapsed = time.perf_counter() - start
    how = f"encoded now in {elapsed:.0f} s" if result.added or result.updated else "reused from the cache dir"
    if result.failed:
        on_progress(f"cache store: {len(result.failed)} articles failed, e.g. {result.failed[0].error}")
    return path, how, newsroom.store.count(), name


def _measure_ingest(
    report: BenchReport,
    settings: IndexSettings,
    options: BenchOptions,
    subset: Path,
    work: Path,
    on_progress: Callable[[str], None],
) -> None:
    on_progress(f"ingest: newsbot pipeline on {options.subset_articles} articles, then raw encode")
    target = settings.model_copy(update={"data_dir": work / "ingest", "chroma_host": ""})
    job = run_job("ingest", {"subset": str(subset)}, target, options.env, work)
    r = job.result
    if r["reingest_unchanged"] != r["articles"]:
        raise BenchmarkError(f"re-ingest embedded again: {r['reingest_unchanged']} of {r['articles']} unchanged")
    report.ingest.append(
        IngestFigures(
            "newsbot",
            r["articles"],
            r["chunks"],
            r["ingest_s"],
            r["raw_s"],
            job.peak_rss_mb,
            r["reingest_s"],
            r.get("read_behind_s"),
        )
    )
    report.processes["model_load_s"] = r["load_s"]
    if options.peer:
        on_progress("ingest: LangChain peer (RecursiveCharacterTextSplitter 1000/200, Chroma.from_documents)")
        job = run_job("peer", {"subset": str(subset)}, settings, options.env, work)
        r = job.result
        report.ingest.append(
            IngestFigures("langchain", r["articles"], r["chunks"], r["ingest_s"], r["raw_s"], job.peak_rss_mb)
        )


@dataclass(frozen=True)
class _Store:
    size: int
    kind: str
    settings: IndexSettings
    fill_s: float


def _fill_stores(
    report: BenchReport,
    settings: IndexSettings,
    options: BenchOptions,
    cache_path: Path,
    embedder_name: str,
    work: Path,
    on_progress: Callable[[str], None],
) -> list[_Store]:
    stores = []
    for size in sorted(options.sizes):
        on_progress(f"fill: embedded store of {size} chunks")
        target = settings.model_copy(update={"data_dir": work / f"embedded-{size}", "chroma_host": ""})
        args = {"cache": str(cache_path), "embedder_name": embedder_name, "size": size}
        job = run_job("fill", args, target, options.env, work)
        _copy_read_sentences(cache_path, target)
        stores.append(_Store(size, "embedded", target, job.result["fill_s"]))
        if size == max(options.sizes):
            report.processes["fill_peak_rss_mb"] = job.peak_rss_mb
    return stores


def _fill_server(
    report: BenchReport,
    settings: IndexSettings,
    options: BenchOptions,
    cache_path: Path,
    embedder_name: str,
    work: Path,
    on_progress: Callable[[str], None],
) -> list[_Store]:
    rows = read_rows(ChunkStore(path=cache_path, embedder_name=embedder_name))
    stores = []
    for size in sorted(options.sizes):
        on_progress(f"fill: chroma server collection of {size} chunks")
        # its own data dir too: what a Newsroom keeps there (read sentences, BM25 tokens) must not carry over
        # from one measured store to the next, nor land in the user's data dir
        target = settings.model_copy(update={"chroma_collection": f"bench-{size}", "data_dir": work / f"server-{size}"})
        start = time.perf_counter()
        store = ChunkStore(
            host=target.chroma_host,
            port=target.chroma_port,
            collection=target.chroma_collection,
            embedder_name=embedder_name,
        )
        fill_store(store, rows, size)
        _copy_read_sentences(cache_path, target)
        stores.append(_Store(size, "server", target, time.perf_counter() - start))
    return stores


def _copy_read_sentences(cache_path: Path, target: IndexSettings) -> None:
    """Read ahead (at ingest, or behind it once caught up), the cache store holds every sentence an answer may
    read: a filled store repeats those chunks' texts under new ids, and sentence vectors are kept by text, so the
    store starts with them as if it had been read ahead."""
    source = cache_path / SENTENCE_VECTORS_FILE
    if target.read_ahead != "off" and source.exists():
        target.data_dir.mkdir(parents=True, exist_ok=True)
        # SQLite's backup, not a file copy: the vectors may still be in the write-ahead log beside the file
        with contextlib.closing(sqlite3.connect(source)) as kept:
            with contextlib.closing(sqlite3.connect(target.data_dir / SENTENCE_VECTORS_FILE)) as copy:
                kept.backup(copy)


def _measure_latency(
    report: BenchReport, stores: list[_Store], questions: list[str], on_progress: Callable[[str], None]
) -> None:
    """Retrieval and answers on distinct questions: the embedder caches a question's vector, and a repeated
    question would time a cache hit. Each store gets a fresh Newsroom (fresh caches); its warm-up (models, the
    store, and the BM25 index, built the first time a store is opened) and its first search are reported apart.
    Reading behind ingest (NEWSBOT_READ_AHEAD=idle), the store's article listing is read first, as the bot's
    reader does while idle."""
    warm, rest = questions[0], questions[1:]
    half = len(rest) // 2
    for store in sorted(stores, key=lambda s: (s.size, s.kind)):
        on_progress(f"latency: {store.size} chunks, {store.kind} store, {half} + {half} questions")
        newsroom = Newsroom(store.settings)
        start = time.perf_counter()
        newsroom.warm_up()
        warm_up_s = time.perf_counter() - start
        if newsroom.reader_behind() is not None:
            # what the bot's reader behind ingest does first, while idle: the article listing stories come from
            newsroom.store.current_articles()
        start = time.perf_counter()
        newsroom.search(warm)
        first_ms = (time.perf_counter() - start) * 1000
        newsroom.ask(warm)
        retrieval = [_timed_ms(newsroom.search, q) for q in rest[:half]]
        answers = [_timed_ms(newsroom.ask, q) for q in rest[half : 2 * half]]
        # embed_documents: the same encoding as a question's (e5's prefix aside), past the question cache
        embeddings = [_timed_ms(newsroom.embedder.embed_documents, [q]) for q in rest[:half]]
        report.latency.append(
            LatencyFigures(
                size=store.size,
                store=store.kind,
                chunks=newsroom.store.count(),
                fill_s=store.fill_s,
                warm_up_s=warm_up_s,
                first_search_ms=first_ms,
                retrieval_ms=(percentile(retrieval, 50), percentile(retrieval, 95)),
                answer_ms=(percentile(answers, 50), percentile(answers, 95)),
                queries=half,
                embed_ms=(percentile(embeddings, 50), percentile(embeddings, 95)),
            )
        )


def _timed_ms(fn: Callable[[T], object], argument: T) -> float:
    start = time.perf_counter()
    fn(argument)
    return (time.perf_counter() - start) * 1000


def _measure_processes(
    report: BenchReport,
    settings: IndexSettings,
    options: BenchOptions,
    question: str,
    work: Path,
    on_progress: Callable[[str], None],
) -> None:
    on_progress(f"processes: launch -> first answer over {settings.data_dir.name}")
    job = run_job("first-answer", {"question": question}, settings, options.env, work)
    report.processes["ready_s"] = job.result["ready_at"] - job.launched_at
    report.processes["first_answer_s"] = job.result["answered_at"] - job.launched_at
    report.processes["bot_peak_rss_mb"] = job.peak_rss_mb
    if options.cli:
        on_progress("processes: newsbot ask / newsbot stats, launch to exit")
        ask = run_command([*options.cli, "ask", question, "--json"], settings, options.env, work)
        stats = run_command([*options.cli, "stats", "--json"], settings, options.env, work)
        report.processes["cli_ask_s"] = ask.wall_s
        report.processes["cli_ask_peak_rss_mb"] = ask.peak_rss_mb
        report.processes["cli_stats_s"] = stats.wall_s
