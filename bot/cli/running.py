"""Commands that run newsbot: `start` (the main job) and `bot` (the Telegram bot)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.asking import format_answer
from bot.cli.common import err_console, handles_errors, out_console, settings_of
from bot.settings import Settings
from index.errors import ConfigError
from index.newsroom import Newsroom

SAMPLES_DIR = Path(__file__).resolve().parents[2] / "index" / "samples"
SEED_QUESTION = "Who denied supplying arms?"


def register(app: typer.Typer) -> None:
    app.command()(start)
    app.command(name="bot")(run_bot_command)


@handles_errors
def start(
    ctx: typer.Context, question: Annotated[str, typer.Argument(help="The question to answer.")] = SEED_QUESTION
) -> None:
    """The main job: with TELEGRAM_BOT_TOKEN set, run the bot; else ingest the bundled samples and answer."""
    settings = settings_of(ctx)
    if settings.telegram_bot_token.get_secret_value():
        _run_bot(settings)
        return
    newsroom = Newsroom(settings)
    with err_console.status("ingesting the bundled sample articles…"):
        report = newsroom.ingest([str(SAMPLES_DIR)])
    err_console.print(
        f"samples: added {report.added}, updated {report.updated}, unchanged {report.unchanged} "
        f"(store: {newsroom.store.location})",
        highlight=False,
    )
    out_console.print(f"Q: {question}\n", highlight=False, markup=False)
    out_console.print(format_answer(newsroom.ask(question)), highlight=False, markup=False)
    err_console.print('\nAsk more with: newsbot ask "…" or newsbot chat; set TELEGRAM_BOT_TOKEN to run the bot.')


@handles_errors
def run_bot_command(ctx: typer.Context) -> None:
    """Run the Telegram bot (long polling, or a webhook with TELEGRAM_MODE=webhook)."""
    settings = settings_of(ctx)
    _run_bot(settings)


def _run_bot(settings: Settings) -> None:
    if not settings.telegram_bot_token.get_secret_value():
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and put it in .env")
    from bot.telegram.app import run_bot

    run_bot(settings, Newsroom(settings))
