"""news_qa dev with its questions in another language, for `newsbot eval --question-field question_<language>`.

    python benchmarks/translated_questions.py ../shared/data/news_qa/dev.jsonl benchmarks/data/news_qa_fr.jsonl \
        /tmp/news_qa_fr.jsonl

Writes each line of news_qa with the translated question of the same id added (`question_fr`, `question_es` or
`question_it`, as the file names it: `news_qa_fr.jsonl`, `news_qa_es.jsonl`, `news_qa_it.jsonl`); a line of
news_qa without one is an error, so a translation never silently drops a question (a slice of news_qa is fine)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("news_qa", type=Path, help="news_qa's dev.jsonl")
    parser.add_argument("translations", type=Path, help="lines of id and question_<language>")
    parser.add_argument("out", type=Path, help="where to write news_qa with the translated questions")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.news_qa.read_text(encoding="utf-8").splitlines() if line.strip()]
    translated = {
        row.pop("id"): row
        for row in (json.loads(line) for line in args.translations.read_text(encoding="utf-8").splitlines())
    }
    if missing := [row["id"] for row in rows if row["id"] not in translated]:
        print(f"{args.translations}: no translation for {', '.join(missing[:5])}", file=sys.stderr)
        return 1
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row | translated[row["id"]], ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} questions to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
