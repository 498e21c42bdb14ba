"""Commands that ask: `ask` for one question, `chat` for a conversation in the terminal. The terminal's locale
names the asker's language, as Telegram's language_code does in the bot: it settles only which of two languages
that share a word a reply speaks ("Hallo" in a Dutch locale)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from bot.cli.common import end_one_shot, err_console, handles_errors, out_console, print_json, settings_of
from bot.settings import Settings
from bot.texts import SOURCE_WORDS, framing_language, read_as_line, terminal_language, written_by
from index.answerers.gate import asks_for_sources
from index.conversation import questions_in
from index.dates import parse_now
from index.errors import ConfigError, NewsbotError
from index.models import Answer, Source, Turn
from index.newsroom import Newsroom
from index.text import join_names, printable, reporter_name

CHAT_HISTORY_TURNS = 4
CHAT_HELP = "Ask about the news. /sources shows the last answer's sources in full, /help this help, /quit ends."


NOW_HELP = 'What "today" means, ISO (2026-12-02 or 2026-12-02T09:30+01:00); default NEWSBOT_NOW, else the clock.'


def settings_with_now(ctx: typer.Context, now: str) -> Settings:
    """The run's settings, with `--now` in place of NEWSBOT_NOW when given."""
    settings = settings_of(ctx)
    if not now.strip():
        return settings
    try:
        parse_now(now)
    except ValueError as exc:
        raise ConfigError(f"--now: {exc}") from exc
    return settings.model_copy(update={"now": now.strip()})


def register(app: typer.Typer) -> None:
    app.command()(ask)
    app.command()(chat)


def format_sources(sources: list[Source], language: str = "en") -> str:
    """Numbered sources, each with outlet, date, author and link where known, and who else reported the story."""
    words = SOURCE_WORDS[language]
    lines = []
    for s in sources:
        meta = s.meta
        byline = ", ".join(
            part for part in (meta.outlet, meta.published_iso[:10], written_by(meta.author, language)) if part
        )
        lines.append(f"[{s.n}] {meta.title or meta.url or meta.source}" + (f" — {byline}" if byline else ""))
        if meta.url:
            lines.append(f"    {meta.url}")
        if s.also_reported_by:
            others = [
                reporter_name(m.outlet, m.url, m.title) + (f" <{m.url}>" if m.url else "") for m in s.also_reported_by
            ]
            lines.append(f"    {words['also']} {join_names(others, words['and'])}")
    return printable("\n".join(lines))


def format_answer(answer: Answer) -> str:
    """The answer (after how its question's words were read, when the news spells them otherwise), then its
    numbered sources, headed in the question's language."""
    language = framing_language(answer.question)
    read = read_as_line(answer.read_as, language)
    unsure = SOURCE_WORDS[language]["unsure"] if answer.unsure and not answer.abstained else ""
    text = printable("\n".join(line for line in (f"({read})" if read else "", unsure, answer.text) if line))
    if not answer.sources:
        return text
    heading = SOURCE_WORDS[language]["sources"]
    return f"{text}\n\n{heading}:\n{format_sources(answer.sources, language)}"


@handles_errors
def ask(
    ctx: typer.Context,
    question: Annotated[str, typer.Argument(help='e.g. "Who denied supplying arms?"')],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON only on stdout.")] = False,
    now: Annotated[str, typer.Option("--now", help=NOW_HELP)] = "",
) -> None:
    """Answer one question from the indexed news, with numbered sources."""
    newsroom = Newsroom(settings_with_now(ctx, now))
    with err_console.status(f"loading the embedder ({newsroom.embedder.name}) and the store…"):
        newsroom.warm_up(language_tools=False)
    with err_console.status("answering…"):
        answer = newsroom.ask(question, asker=terminal_language(os.environ))
    if as_json:
        print_json(answer.to_dict())
    else:
        out_console.print(format_answer(answer), highlight=False, markup=False)
    end_one_shot()


@handles_errors
def chat(ctx: typer.Context, now: Annotated[str, typer.Option("--now", help=NOW_HELP)] = "") -> None:
    """A conversation in the terminal: follow-up questions keep their context. /sources, /help, /quit."""
    newsroom = Newsroom(settings_with_now(ctx, now))
    with err_console.status(f"loading the embedder ({newsroom.embedder.name}), the answerer and the store…"):
        newsroom.warm_up()
    err_console.print(CHAT_HELP)
    history: list[Turn] = []
    last: Answer | None = None
    asker = terminal_language(os.environ)
    while True:
        try:
            question = input("you> ").strip()
        except EOFError:
            break
        if not question:
            continue
        if question in {"/quit", "/exit", "/q"}:
            break
        if question in {"/help", "/h", "/?"}:
            err_console.print(CHAT_HELP)
            continue
        if question == "/sources" or asks_for_sources(question):
            if not last or not last.sources:
                err_console.print("no sources yet: ask a question first")
            language = framing_language(last.question) if last else "en"
            for s in last.sources if last else []:
                out_console.print(
                    format_sources([s], language) + f"\n    {printable(s.snippet)}", highlight=False, markup=False
                )
            continue
        if question.startswith("/"):
            err_console.print(f"unknown command {question.split()[0]}; {CHAT_HELP}", highlight=False)
            continue
        for asked in questions_in(question):  # "Who denied it? Who criticised it?": an answer each
            try:
                with err_console.status("answering…"):
                    last = newsroom.ask(asked, history=history[-CHAT_HISTORY_TURNS:], asker=asker)
            except NewsbotError as exc:
                err_console.print(f"[red]error:[/] {exc}", highlight=False)
                break
            history.append(Turn(question=asked, answer=last.text))
            out_console.print(format_answer(last), highlight=False, markup=False)
