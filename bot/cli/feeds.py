"""Feeds newsbot follows itself: `newsbot feeds add|list|remove`, and `newsbot watch`, which polls them.

The list lives in the data dir (feeds.json), shared with the Telegram bot, which polls the same feeds; both may
run at once (a feed is claimed before it is fetched, so it is not fetched twice).
"""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.markup import escape

from bot.cli.common import (
    err_console,
    handles_errors,
    out_console,
    print_json,
    settings_of,
)
from bot.telegram.state_backends import open_feed_registry
from index.errors import FeedError
from index.feeds import FeedPoller, FeedRegistry, PollReport
from index.newsroom import Newsroom
from index.priority import lower_priority
from index.text import printable

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON only on stdout.")]
#: the longest `newsbot watch` sleeps at once, so that a feed added meanwhile is read soon
MAX_SLEEP_S = 60.0

feeds_app = typer.Typer(
    name="feeds",
    help="Feeds newsbot follows: `newsbot watch` and the bot read their new entries on an interval.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app)
    app.command()(watch)


@feeds_app.command("add")
@handles_errors
def add(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="Addresses of RSS or Atom feeds.")],
) -> None:
    """Follow feeds; they are read at the next poll of `newsbot watch` or the bot."""
    registry = open_feed_registry(settings_of(ctx))
    for url in urls:
        feed = registry.add(url)
        out_console.print(f"following {escape(feed.url)}", highlight=False)


@feeds_app.command("list")
@handles_errors
def list_feeds(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The followed feeds: when each was last read, or how it fails and when it is tried again."""
    feeds = open_feed_registry(settings_of(ctx)).feeds()
    if as_json:
        print_json([feed.to_dict() for feed in feeds])
        return
    if not feeds:
        err_console.print("no feeds followed yet: add one with `newsbot feeds add URL`")
        return
    now = time.time()
    for feed in feeds:
        line = f"{escape(printable(feed.url))}\n  {escape(feed.status(now))}"
        out_console.print(line, highlight=False, soft_wrap=True)


@feeds_app.command("remove")
@handles_errors
def remove(
    ctx: typer.Context,
    urls: Annotated[list[str], typer.Argument(help="Addresses as `newsbot feeds list` shows them.")],
) -> None:
    """Stop following feeds; the articles already read stay in the index (`newsbot delete` removes those)."""
    registry = open_feed_registry(settings_of(ctx))
    for url in urls:
        if not registry.remove(url):
            raise FeedError(f"{url} is not followed: `newsbot feeds list` shows the followed feeds")
        out_console.print(f"no longer following {escape(url.strip())}", highlight=False)


@handles_errors
def watch(
    ctx: typer.Context,
    once: Annotated[
        bool, typer.Option("--once", help="Poll the feeds that are due once, then exit (for cron).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Poll the followed feeds every NEWSBOT_FEEDS_POLL_INTERVAL seconds and ingest their new entries; between
    polls, read the stored sentences ahead of the questions (NEWSBOT_READ_AHEAD=idle)."""
    settings = settings_of(ctx)
    registry = open_feed_registry(settings)
    if not registry.feeds():
        err_console.print("no feeds followed yet: add one with `newsbot feeds add URL`")
        if once:
            raise typer.Exit(1)
    if not once:
        # a background job: its ingest leaves the cores to whatever else runs here first (a bot's answers), and
        # still gets every core nothing else uses; the threads the models start later inherit it (for cron's
        # --once, `nice` in the crontab line does the same)
        lower_priority()
    newsroom = Newsroom(settings)
    poller = FeedPoller(newsroom, registry)
    # not with --once: a cron job should end when its poll has; the bot reads what it stored
    reader = None if once else newsroom.reader_behind()
    reading = reader.start() if reader is not None else None
    try:
        while True:
            report = poller.poll_due()
            _print_poll(report, as_json=as_json)
            if once:
                if report.results and all(r.outcome == "failed" for r in report.results):
                    raise typer.Exit(1)
                return
            time.sleep(_sleep_for(registry, poller.interval_s))
    except KeyboardInterrupt:
        err_console.print("stopped")
    finally:
        if reading is not None:
            reading.stop()
        poller.close()


def _sleep_for(registry: FeedRegistry, interval_s: float) -> float:
    """Seconds until the next feed is due (at most MAX_SLEEP_S, so feeds added meanwhile are seen)."""
    next_at = min((feed.next_at for feed in registry.feeds()), default=time.time() + interval_s)
    return min(max(next_at - time.time(), 1.0), MAX_SLEEP_S)


def _print_poll(report: PollReport, *, as_json: bool) -> None:
    if as_json:
        print_json(
            [{"url": r.url, "outcome": r.outcome, "error": r.error, **r.report.to_dict()} for r in report.results]
        )
        return
    for result in report.results:
        counts = result.report
        line = f"{escape(result.url)}: {result.outcome}"
        if result.outcome == "failed":
            line += f" ({escape(result.error)})"
        elif counts.added or counts.updated or counts.failed:
            line += f" (added {counts.added}, updated {counts.updated}, failed {len(counts.failed)})"
        out_console.print(line, highlight=False, soft_wrap=True)
        for failure in counts.failed:
            err_console.print(f"[yellow]skipped[/] {escape(failure.source)}: {escape(failure.error)}", soft_wrap=True)
