"""`newsbot bench`: speed, scale and memory figures in one run (a measurement, not a test).

    newsbot bench --data ../shared/data --sizes 1000,10000,50000 [--json]

Progress goes to stderr; the tables (or with --json one object) to stdout.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import err_console, handles_errors, out_console, print_json, settings_of
from index.benchmark.runner import DEFAULT_QUERIES, DEFAULT_SIZES, DEFAULT_SUBSET_ARTICLES
from index.errors import ConfigError

CORPUS_IN_DATA = Path("news") / "10kGNAD" / "test.csv"
QUESTIONS_IN_DATA = Path("news_qa") / "dev.jsonl"
DEFAULT_CACHE_DIR = Path.home() / ".cache" / "newsbot-bench"


def register(app: typer.Typer) -> None:
    """Add the `bench` command to the CLI."""
    app.command("bench")(bench)


@handles_errors
def bench(
    ctx: typer.Context,
    data: Annotated[
        Path | None, typer.Option(help="The data folder holding news/10kGNAD/test.csv (and news_qa/dev.jsonl).")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option(help="The corpus itself: a 10kGNAD-style .csv or a .jsonl of title/text.")
    ] = None,
    questions: Annotated[
        Path | None,
        typer.Option(
            help="Questions (.jsonl with question_en/question_de/question); default: "
            "news_qa/dev.jsonl in --data, else the opening words of articles."
        ),
    ] = None,
    sizes: Annotated[str, typer.Option(help="Store sizes in chunks, comma-separated.")] = ",".join(
        str(size) for size in DEFAULT_SIZES
    ),
    subset: Annotated[
        int, typer.Option(min=1, help="Articles in the timed ingest (encoded for real).")
    ] = DEFAULT_SUBSET_ARTICLES,
    cache_articles: Annotated[
        int | None, typer.Option(min=1, help="Articles of the corpus whose vectors fill the stores (default all).")
    ] = None,
    cache_dir: Annotated[
        Path, typer.Option(help="Where the corpus vectors are kept between runs (a Chroma store per embedder).")
    ] = DEFAULT_CACHE_DIR,
    queries: Annotated[
        int, typer.Option(min=2, help="Questions timed per store for retrieval, and as many for answers.")
    ] = DEFAULT_QUERIES,
    embedder: Annotated[str | None, typer.Option(help="Default: the configured embedder.")] = None,
    server: Annotated[bool, typer.Option(help="Also measure a `chroma run` server on loopback.")] = True,
    peer: Annotated[bool, typer.Option(help="Also measure the naive LangChain pipeline.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")] = False,
) -> None:
    """Measure ingest, re-ingest, query latency at several store sizes, memory and time to the first answer."""
    from index.benchmark import BenchOptions, run_benchmark

    settings = settings_of(ctx)
    if embedder:
        settings = settings.model_copy(update={"embedder": embedder})
    if corpus is None:
        if data is None:
            raise ConfigError("give --data (the folder holding news/10kGNAD/test.csv) or --corpus FILE")
        corpus = data / CORPUS_IN_DATA
    if questions is None and data is not None and (data / QUESTIONS_IN_DATA).is_file():
        questions = data / QUESTIONS_IN_DATA
    try:
        size_list = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError as exc:
        raise ConfigError(f"--sizes: expected chunk counts like 1000,10000,50000, got {sizes!r}") from exc
    cli = shutil.which("newsbot", path=str(Path(sys.executable).parent)) or shutil.which("newsbot")
    options = BenchOptions(
        corpus=corpus,
        cache_dir=cache_dir,
        questions=questions,
        sizes=size_list,
        subset_articles=subset,
        cache_articles=cache_articles,
        queries=queries,
        server=server,
        peer=peer,
        cli=[cli] if cli else None,
        env=dict(os.environ),
    )
    with contextlib.redirect_stdout(sys.stderr) if as_json else contextlib.nullcontext():
        report = run_benchmark(settings, options, on_progress=lambda m: err_console.print(m, style="dim"))
    if as_json:
        print_json(report.to_dict())
    else:
        out_console.print(report.to_markdown(), highlight=False, markup=False)
