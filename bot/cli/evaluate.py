"""`newsbot eval`: measure retrieval, answers, abstention and latency on a question-answer set.

    newsbot eval ../shared/data/xquad/dev.jsonl --distractors ../shared/data/news/10kGNAD/test.csv --mode all

Results go to stdout (a Markdown table, or with --json one JSON object); progress goes to stderr.
"""

from __future__ import annotations

import contextlib
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import err_console, handles_errors, out_console, print_json, settings_of
from index.embedders.profiles import choices_text


class ModeChoice(str, Enum):  # noqa: UP042  (StrEnum would change str() of its members)
    hybrid = "hybrid"
    dense = "dense"
    lexical = "lexical"
    all = "all"


def register(app: typer.Typer) -> None:
    """Add the `eval` command to the CLI."""
    app.command("eval")(eval_command)


@handles_errors
def eval_command(
    ctx: typer.Context,
    dataset: Annotated[Path, typer.Argument(help="Question-answer JSONL in the news_qa, XQuAD, MLQA or generic layout.")],
    distractors: Annotated[
        Path | None, typer.Option(help="Other articles to index too: a 10kGNAD .csv or a .jsonl of title/text.")
    ] = None,
    distractor_limit: Annotated[int | None, typer.Option(min=0, help="Index only the first N distractors.")] = None,
    question_field: Annotated[
        str | None, typer.Option(help="XQuAD: question_en (default) or question_de; generic: question.")
    ] = None,
    embedder: Annotated[
        str | None, typer.Option(help=f"One of: {choices_text()}; default: the configured one.")
    ] = None,
    mode: Annotated[
        ModeChoice, typer.Option(help="Retrieval mode; `all` compares hybrid, dense and lexical.")
    ] = ModeChoice.hybrid,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N questions; all paragraphs are indexed.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
    details: Annotated[
        Path | None, typer.Option(help="Write every question's result (ranking, answer, ...) to this JSONL file.")
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            help="Keep the evaluation store in this folder: a rerun embeds only what changed (default: a temp dir)."
        ),
    ] = None,
) -> None:
    """Evaluate newsbot on a question-answer set in a fresh, temporary store; your index is not touched."""
    from index.evaluation.datasets import read_distractors, read_qa_jsonl
    from index.evaluation.harness import MODES, evaluate

    settings = settings_of(ctx)
    if embedder:
        # An unknown name fails in load_embedder with a ConfigError that lists the choices.
        settings = settings.model_copy(update={"embedder": embedder})
    data = read_qa_jsonl(dataset, question_field=question_field).limited(limit)
    extra = read_distractors(distractors, limit=distractor_limit) if distractors else ()
    modes = MODES if mode is ModeChoice.all else (mode.value,)
    err_console.print(
        f"{data.name}: {len(data.items)} questions over {len(data.paragraphs)} paragraphs"
        + (f", distractors from {distractors}" if distractors else ""),
        highlight=False,
    )
    # Third-party libraries sometimes print; with --json, stdout must carry the JSON object only.
    with contextlib.redirect_stdout(sys.stderr) if as_json else contextlib.nullcontext():
        report = evaluate(
            data,
            settings,
            modes=modes,
            distractors=extra,
            work_dir=store,
            on_progress=lambda m: err_console.print(m, style="dim"),
        )
    if details:
        with details.open("w", encoding="utf-8") as handle:
            for name, mode_report in report.modes.items():
                for result in mode_report.questions:
                    handle.write(json.dumps({"mode": name, **result.to_dict()}, ensure_ascii=False) + "\n")
        err_console.print(f"per-question results written to {details}", highlight=False)
    if as_json:
        print_json(report.to_dict())
    else:
        out_console.print(report.to_markdown(), highlight=False, markup=False)
