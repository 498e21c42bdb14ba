"""news_qa dev with its questions asked inside polite wrappers, as chat users ask them, for `newsbot eval`.

Writes OUT/dev.jsonl: the lines of SHARED/data/news_qa/dev.jsonl with two more fields, `question_en_wrapped` and
`question_de_wrapped`. A question that opens with a question word (85 English, 102 German; a German one may have a
preposition before it, "In welchem Jahr ...") is wrapped in one of four wrappers by turns, keeping its own word
order ("Do you know which ...?", "Weißt du, welcher ... unterlag ...?"); any other question is left as it is.
`--turn N` starts the turns at the N-th wrapper, so each question gets another one. The file keeps the news_qa
layout, so `newsbot eval` reads it as news_qa (with the 10kGNAD test split as distractors; with `--store DIR`, into
the same store as news_qa's own runs):

    .venv/bin/python benchmarks/wrapped_questions.py ../shared --out /tmp/wrapped
    HF_HUB_OFFLINE=1 .venv/bin/newsbot eval /tmp/wrapped/dev.jsonl --question-field question_en_wrapped \\
        --distractors ../shared/data/news/10kGNAD/test.csv --json
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

WRAPPERS = {
    "question_en": ("Do you know {}", "Can you tell me {}", "I'd like to know {}", "Tell me {}"),
    "question_de": ("Weißt du, {}", "Kannst du mir sagen, {}", "Ich möchte wissen, {}", "Sag mir, {}"),
}
_PREPOSITIONS_DE = r"(?:(?:um|in|an|mit|für|aus|bei|von|auf|gegen|zu|nach|seit|bis) )?"
QUESTION_WORD = {
    "question_en": re.compile(r"^(?:who|whom|whose|what|which|when|where|why|how)\b", re.IGNORECASE),
    "question_de": re.compile(
        rf"^{_PREPOSITIONS_DE}(?:wer|wen|wem|wessen|was|welche[rsmn]?|wann|wo|woher|wohin|warum|wieso|weshalb"
        r"|weswegen|wie)\b",
        re.IGNORECASE,
    ),
}


def wrapped(row: dict[str, object], n: int) -> dict[str, object]:
    """The row with `<field>_wrapped` for each field of WRAPPERS: the n-th wrapper (by turns) around its question
    when it opens with a question word, else the question as it is."""
    out = dict(row)
    for field, wrappers in WRAPPERS.items():
        question = str(row[field])
        if QUESTION_WORD[field].match(question):
            question = wrappers[n % len(wrappers)].format(question[:1].lower() + question[1:])
        out[f"{field}_wrapped"] = question
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared folder (holds data/news_qa/dev.jsonl)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write dev.jsonl to")
    parser.add_argument("--turn", type=int, default=0, help="start the wrappers' turns at this one (0-3)")
    args = parser.parse_args()
    source = args.shared / "data" / "news_qa" / "dev.jsonl"
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    args.out.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(wrapped(row, n + args.turn), ensure_ascii=False) for n, row in enumerate(rows)]
    (args.out / "dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for field in WRAPPERS:
        changed = sum(row[field] != json.loads(line)[f"{field}_wrapped"] for row, line in zip(rows, lines, strict=True))
        print(f"{field}: {changed} of {len(rows)} wrapped")


if __name__ == "__main__":
    main()
