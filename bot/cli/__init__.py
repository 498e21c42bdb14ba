"""The `newsbot` command: a thin shell over `index` (and `bot.telegram` for `newsbot bot`).

Commands live by area: library.py (ingest, stats, latest, delete), asking.py (ask, chat),
running.py (start, bot), feeds.py (feeds add|list|remove, watch), evaluate.py (eval), bench.py
(bench). Logs go to stderr; with --json, stdout
carries only JSON.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

from bot.cli import asking, bench, feeds, library, running
from bot.cli.common import err_console, handles_errors, load_settings, own_process, run_app, setup_logging

app = typer.Typer(
    name="newsbot",
    help="Ask the news in plain language: sourced answers over the articles you add.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        try:
            err_console.print(f"newsbot {version('newsbot')}", highlight=False)
        except PackageNotFoundError:
            err_console.print("newsbot (not installed as a package)")
        raise typer.Exit()


@app.callback()
@handles_errors
def configure(
    ctx: typer.Context,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show newsbot's debug log on stderr.")] = False,
    show_version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Settings come from the environment and .env (see .env.example); logs go to stderr."""
    settings = load_settings()
    setup_logging(settings.log_level, verbose=verbose)
    ctx.obj = settings


library.register(app)
asking.register(app)
running.register(app)
feeds.register(app)
bench.register(app)
try:
    from bot.cli import evaluate
except ImportError as exc:  # pragma: no cover - evaluate.py is part of the package; this guards a broken install
    raise ImportError(f"newsbot's eval command failed to import: {exc}") from exc
evaluate.register(app)


def main() -> None:
    own_process()
    run_app(app)
