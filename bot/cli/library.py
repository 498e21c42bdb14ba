"""Commands that manage the indexed articles: ingest, stats, latest, delete, expire."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bot.cli.common import end_one_shot, err_console, handles_errors, out_console, print_json, settings_of
from bot.cli.progress import IngestProgress
from bot.texts import count_form, outlets_line
from index.errors import ConfigError
from index.ingestion import IngestReport
from index.newsroom import Newsroom
from index.text import printable

# The CLI speaks English: "1 article", "7 articles"
ARTICLES = ("{n} article", "{n} articles")
CHUNKS = ("{n} chunk", "{n} chunks")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON only on stdout.")]
# Failures listed one by one after an ingest; a file of 300,000 bad records lists its first ones and a count.
SHOWN_FAILURES = 20


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(stats)
    app.command()(latest)
    app.command()(delete)
    app.command()(expire)


@handles_errors
def ingest(
    ctx: typer.Context,
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive) and http(s) URLs of pages or feeds.")
    ],
    csv_columns: Annotated[
        str,
        typer.Option(
            help="How .csv files map to articles: comma-separated key=value. Keys title, text, url, outlet, "
            "published_at, language, author take a header name or a column number from 1 (empty: no such column); "
            "delimiter (a character, or comma, semicolon, tab, pipe, space), quotechar, header (true/false). "
            "Default: a header row naming title, text, url, ... "
            "E.g. 'title=headline,text=body,url=link,delimiter=semicolon'; a headerless label;text file "
            '(10kGNAD): "text=2,header=false,delimiter=semicolon,quotechar=\'".'
        ),
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
    with IngestProgress(err_console) as progress:
        report = newsroom.ingest(
            sources,
            on_progress=progress.inputs,
            on_embedded=progress.chunks,
            csv_columns=columns,
            follow_symlinks=follow_symlinks or None,
        )
    if as_json:
        print_json(report.to_dict())
    else:
        _print_report(report)
    if report.failed and not (report.added or report.updated or report.unchanged or report.duplicates):
        raise typer.Exit(1)


def _print_report(report: IngestReport) -> None:
    out_console.print(
        f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, failed {len(report.failed)}"
        + (f", duplicates {report.duplicates}" if report.duplicates else "")
        + (f", expired {report.expired}" if report.expired else "")
    )
    if report.duplicates:
        err_console.print(
            f"{report.duplicates} article(s) not stored again: the same text is stored under another path or URL"
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
        outlets = [{"outlet": name, "articles": n} for name, n in result.outlets]
        print_json({**result.__dict__, "newest_published_at": newest, "outlets": outlets})
    else:
        out_console.print(
            f"{count_form(result.articles, 'en', ARTICLES)} in {count_form(result.chunks, 'en', CHUNKS)}; "
            f"newest {newest or 'undated'}\n"
            f"store: {result.location}\nembedder: {result.embedder}, answerer: {result.answerer}",
            highlight=False,
        )
        if result.unread_articles:
            read = result.articles - result.unread_articles
            out_console.print(
                f"read ahead: {read} of {count_form(result.articles, 'en', ARTICLES)} "
                "(the bot and `newsbot watch` read the rest while idle; until then answers about them read "
                "their sentences when asked)",
                highlight=False,
            )
        if result.outlets:
            out_console.print(f"outlets: {outlets_line(result.outlets, result.articles)}", highlight=False)
    end_one_shot()


@handles_errors
def latest(
    ctx: typer.Context,
    n: Annotated[int, typer.Option("-n", min=1, help="How many articles.")] = 10,
    outlet: Annotated[
        str, typer.Option("--outlet", help="Only this outlet's, as `stats` names it or as people say it: derStandard.")
    ] = "",
    as_json: JsonOption = False,
) -> None:
    """The newest articles (by publication date, else by when they were added)."""
    settings = settings_of(ctx)
    articles = Newsroom(settings).latest(n, outlet=outlet)
    if as_json:
        print_json([a.to_dict() for a in articles])
        return
    table = Table("date", "outlet", "title", "url / source")
    for a in articles:
        meta = a.meta
        cells = (meta.published_iso[:10] or "—", meta.outlet or "—", meta.title, meta.url or meta.source)
        table.add_row(*(escape(printable(cell)) for cell in cells))
    out_console.print(table)


@handles_errors
def delete(
    ctx: typer.Context,
    refs: Annotated[
        list[str],
        typer.Argument(help="Article ids, URLs, or files, folders and feeds as ingested (a CSV: all its rows)."),
    ],
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


@handles_errors
def expire(
    ctx: typer.Context,
    days: Annotated[int | None, typer.Option(min=1, help="Age limit in days; default NEWSBOT_RETENTION_DAYS.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Remove articles older than the retention period (by publication date, else by when they were added)."""
    settings = settings_of(ctx)
    if days is not None:
        settings = settings.model_copy(update={"retention_days": days})
    if settings.retention_days == 0:
        raise ConfigError("no retention period: set NEWSBOT_RETENTION_DAYS or pass --days N")
    deleted = Newsroom(settings).expire()
    if as_json:
        print_json({"deleted": deleted})
    else:
        out_console.print(f"deleted {deleted} article(s) older than {settings.retention_days} days")
