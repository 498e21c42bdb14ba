"""Commands that ask: `ask` for one question, `chat` for a conversation in the terminal."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.common import err_console, handles_errors, load_settings, out_console, print_json, setup_logging
from index.errors import NewsbotError
from index.models import Answer, Source, Turn
from index.newsroom import Newsroom

CHAT_HISTORY_TURNS = 4


def register(app: typer.Typer) -> None:
    app.command()(ask)
    app.command()(chat)


def format_sources(sources: list[Source]) -> str:
    """Numbered sources, each with outlet, date and link where known."""
    lines = []
    for s in sources:
        byline = ", ".join(part for part in (s.meta.outlet, s.meta.published_iso[:10]) if part)
        lines.append(f"[{s.n}] {s.meta.title}" + (f" — {byline}" if byline else ""))
        if s.meta.url:
            lines.append(f"    {s.meta.url}")
    return "\n".join(lines)


def format_answer(answer: Answer) -> str:
    """The answer, then its numbered sources."""
    if not answer.sources:
        return answer.text
    return f"{answer.text}\n\nSources:\n{format_sources(answer.sources)}"


@handles_errors
def ask(
    question: Annotated[str, typer.Argument(help='e.g. "Who denied supplying arms?"')],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON only on stdout.")] = False,
) -> None:
    """Answer one question from the indexed news, with numbered sources."""
    settings = load_settings()
    setup_logging(settings.log_level)
    answer = Newsroom(settings).ask(question)
    if as_json:
        print_json(answer.to_dict())
    else:
        out_console.print(format_answer(answer), highlight=False, markup=False)


@handles_errors
def chat() -> None:
    """A conversation in the terminal: follow-up questions keep their context. /sources, /quit."""
    settings = load_settings()
    setup_logging(settings.log_level)
    newsroom = Newsroom(settings)
    with err_console.status("loading models…"):
        newsroom.warm_up()
    err_console.print("Ask about the news. /sources shows the last sources in full, /quit ends.")
    history: list[Turn] = []
    last: Answer | None = None
    while True:
        try:
            question = input("you> ").strip()
        except EOFError:
            break
        if not question:
            continue
        if question in {"/quit", "/exit", "/q"}:
            break
        if question == "/sources":
            if not last or not last.sources:
                err_console.print("no sources yet: ask a question first")
            for s in last.sources if last else []:
                out_console.print(format_sources([s]) + f"\n    {s.snippet}", highlight=False, markup=False)
            continue
        try:
            last = newsroom.ask(question, history=history[-CHAT_HISTORY_TURNS:])
        except NewsbotError as exc:
            err_console.print(f"[red]error:[/] {exc}", highlight=False)
            continue
        history.append(Turn(question=question, answer=last.text))
        out_console.print(format_answer(last), highlight=False, markup=False)
