"""The `newsbot` command: a thin shell over `index` (and `bot.telegram` for `newsbot bot`).

Commands live by area: library.py (ingest, stats, latest, delete), asking.py (ask, chat),
running.py (start, bot), evaluate.py (eval), bench.py (bench). Logs go to stderr; with --json, stdout
carries only JSON.
"""

from __future__ import annotations

import typer

from bot.cli import asking, bench, library, running
from bot.cli.common import run_app

app = typer.Typer(
    name="newsbot",
    help="Ask the news in plain language: sourced answers over the articles you add.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
library.register(app)
asking.register(app)
running.register(app)
bench.register(app)
try:
    from bot.cli import evaluate
except ImportError as exc:  # pragma: no cover - evaluate.py is part of the package; this guards a broken install
    raise ImportError(f"newsbot's eval command failed to import: {exc}") from exc
evaluate.register(app)


def main() -> None:
    run_app(app)
