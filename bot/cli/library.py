"""Commands that manage the indexed articles: ingest, stats, latest, delete."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bot.cli.common import err_console, handles_errors, out_console, print_json, settings_of
from index.errors import ConfigError
from index.newsroom import IngestReport, Newsroom
from index.text import printable

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON only on stdout.")]
PROGRESS_MIN_INPUTS = 3
# Failures listed one by one after an ingest; a file of 300,000 bad records lists its first ones and a count.
SHOWN_FAILURES = 20


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(stats)
    app.command()(latest)
    app.command()(delete)


@handles_errors
def ingest(
    ctx: typer.Context,
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive) and http(s) URLs of pages or feeds.")
    ],
    csv_columns: Annotated[
        str,
        typer.Option(help="CSV column mapping, e.g. 'title=headline,text=body,url=link,delimiter=;'."),
    ] = "",
    as_json: JsonOption = False,
    follow_symlinks: Annotated[
        bool, typer.Option("--follow-symlinks", help="Also read symlinks in folders that lead outside the folder.")
    ] = False,
) -> None:
    """Add articles; unchanged ones are skipped, changed ones replaced, bad ones reported."""
    settings = settings_of(ctx)
    from index.loading import CsvColumns

    try:
        columns = CsvColumns.parse(csv_columns) if csv_columns else None
    except ValueError as exc:
        raise ConfigError(f"--csv-columns: {exc}") from exc
    newsroom = Newsroom(settings)
    with Progress(
        TextColumn("[bold]ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None)

        def _advance(done: int, total: int) -> None:
            if total >= PROGRESS_MIN_INPUTS:
                progress.update(task, completed=done, total=total)

        report = newsroom.ingest(
            sources, on_progress=_advance, csv_columns=columns, follow_symlinks=follow_symlinks or None
        )
    if as_json:
        print_json(report.to_dict())
    else:
        _print_report(report)
    if report.failed and not (report.added or report.updated or report.unchanged):
        raise typer.Exit(1)


def _print_report(report: IngestReport) -> None:
    out_console.print(
        f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, failed {len(report.failed)}"
    )
    for failure in report.failed[:SHOWN_FAILURES]:
        err_console.print(
            f"[yellow]skipped[/] {escape(failure.source)}: {escape(failure.error)}", highlight=False, soft_wrap=True
        )
    if len(report.failed) > SHOWN_FAILURES:
        err_console.print(f"… and {len(report.failed) - SHOWN_FAILURES} more skipped; --json lists them all")


@handles_errors
def stats(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """How many articles and chunks are indexed, the newest date, and where the store is."""
    settings = settings_of(ctx)
    result = Newsroom(settings).stats()
    newest = result.newest_published_at.isoformat() if result.newest_published_at else ""
    if as_json:
        print_json({**result.__dict__, "newest_published_at": newest})
        return
    out_console.print(
        f"{result.articles} articles in {result.chunks} chunks; newest {newest or 'undated'}\n"
        f"store: {result.location}\nembedder: {result.embedder}, answerer: {result.answerer}",
        highlight=False,
    )


@handles_errors
def latest(
    ctx: typer.Context,
    n: Annotated[int, typer.Option("-n", min=1, help="How many articles.")] = 10, as_json: JsonOption = False
) -> None:
    """The newest articles (by publication date, else by when they were added)."""
    settings = settings_of(ctx)
    articles = Newsroom(settings).latest(n)
    if as_json:
        print_json([a.to_dict() for a in articles])
        return
    table = Table("date", "outlet", "title", "id / url")
    for a in articles:
        meta = a.meta
        cells = (meta.published_iso[:10] or "—", meta.outlet or "—", meta.title, meta.url or a.article_id)
        table.add_row(*(escape(printable(cell)) for cell in cells))
    out_console.print(table)


@handles_errors
def delete(
    ctx: typer.Context,
    refs: Annotated[list[str], typer.Argument(help="Article ids, URLs or source paths (as ingested).")],
    as_json: JsonOption = False,
) -> None:
    """Remove articles and all their chunks."""
    settings = settings_of(ctx)
    deleted = Newsroom(settings).delete(refs)
    if as_json:
        print_json({"deleted": deleted})
    else:
        out_console.print(f"deleted {deleted} article(s)")
    if deleted == 0:
        err_console.print("nothing matched: list articles with 'newsbot latest' and pass an id, URL or path")
        raise typer.Exit(1)
