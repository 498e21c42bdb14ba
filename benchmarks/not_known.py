"""How often the news says something is not known, and whose questions' articles say it of what they ask.

Counts the sentences of the 10kGNAD test split that tell something is not known (`not_known_clause`: "Was sie
geladen hatten, ist vorerst noch unklar."), then reads, for each German question of news_qa dev, the held-out sets
and the short questions (benchmarks/data), of XQuAD dev and of MLQA de, every sentence of its article (news_qa: the
whole 10kGNAD article; XQuAD, MLQA: the paragraph) with `told_not_known`, as the answerer does when the article is
the best one. An answerable question whose article is found to say its answer is unknown would be refused wrongly;
a same-story one rightly. Prints one line per dataset and kind, and each question found:

    .venv/bin/python benchmarks/not_known.py ../shared
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from index.answerers.evidence import not_known_clause, told_not_known
from index.answerers.question import Question
from index.segmentation import split_sentences

HERE = Path(__file__).parent / "data"


def sentences(text: str) -> list[str]:
    return [sentence for paragraph in text.split("\n") for sentence in split_sentences(paragraph, "de")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared folder (holds data/news_qa, data/xquad, data/mlqa_de)")
    args = parser.parse_args()
    data = args.shared / "data"
    with (data / "news" / "10kGNAD" / "test.csv").open(encoding="utf-8", newline="") as handle:
        articles = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'")]
    split = [s for text in articles for s in sentences(text)]
    told = sum(bool(not_known_clause(s)) for s in split)
    print(f"10kGNAD test: {told} of {len(split)} sentences tell something is not known")
    files = {
        "news_qa dev": data / "news_qa" / "dev.jsonl",
        "fresh": HERE / "fresh_news_qa.jsonl",
        "fresh2": HERE / "fresh2_news_qa.jsonl",
        "short": HERE / "short_news_qa.jsonl",
        "xquad dev": data / "xquad" / "dev.jsonl",
        "mlqa de": data / "mlqa_de" / "mlqa_de_de_dev.jsonl",
    }
    counts: Counter[tuple[str, str, bool]] = Counter()
    for name, path in files.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            kind = row.get("kind", "answerable")
            if kind == "absent_topic":  # no article of its own
                continue
            article = row.get("context_id", "")
            text = articles[int(article.rsplit("-r", 1)[1])] if article.startswith("10kgnad") else row["context_de"]
            question = Question.of(row["question_de"], "de")
            found = [s for s in sentences(text) if told_not_known(question, s)]
            counts[name, kind, bool(found)] += 1
            for sentence in found:
                print(f"  {name} {kind} {row['id']}: {row['question_de']} | {sentence}")
    for name in files:
        for kind in ("answerable", "same_story"):
            total = counts[name, kind, True] + counts[name, kind, False]
            if total:
                print(f"{name}, {kind}: {counts[name, kind, True]} of {total} articles say the answer is not known")


if __name__ == "__main__":
    main()
