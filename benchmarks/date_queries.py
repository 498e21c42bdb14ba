"""Does removing the date expression from a question ("yesterday", "heute") help retrieval once the date is a filter?

For each question about a day, the gold article's rank and cosine score among the hits filtered to that day, with
the question as asked and with its date expression removed. The articles and questions are the small dated case of
tests/test_dated_questions.py (written for this purpose, no licence concerns); the store is a temporary embedded
Chroma.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/date_queries.py --embedder use
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.dates import parse_now, parse_question
from index.newsroom import Newsroom
from tests.conftest import make_settings
from tests.test_dated_questions import (
    ARTICLES,
    BUDGET_YESTERDAY,
    ECB_TODAY,
    FLOODS_YESTERDAY,
    NOW,
    STORM_TODAY,
)

CASES = [
    ("What did parliament pass yesterday?", BUDGET_YESTERDAY),
    ("Was hat das Parlament gestern beschlossen?", BUDGET_YESTERDAY),
    ("Which city was hit by floods yesterday?", FLOODS_YESTERDAY),
    ("Welche Stadt wurde gestern überflutet?", FLOODS_YESTERDAY),
    ("What did the ECB decide today?", ECB_TODAY),
    ("Was hat die EZB heute entschieden?", ECB_TODAY),
    ("What closed the port of Hamburg today?", STORM_TODAY),
    ("Why did ferries stop this morning?", STORM_TODAY),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default="use")
    parser.add_argument("--mode", default="hybrid", choices=["hybrid", "dense", "lexical"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        newsroom = Newsroom(make_settings(Path(tmp) / "data", embedder=args.embedder, retrieval_mode=args.mode))
        newsroom.ingest_articles(ARTICLES)
        print(f"embedder {args.embedder}, mode {args.mode}, min_relevance {newsroom.gate.min_relevance:.2f}")
        print("| question | as asked: rank, score | date removed: rank, score |\n| --- | --- | --- |")
        totals = [0.0, 0.0]
        for question, gold in CASES:
            dates = parse_question(question, parse_now(NOW))
            cells = []
            for i, query in enumerate((question, dates.text)):
                hits = newsroom.searcher.search(query, 5, published=dates.published)
                titles = [hit.meta.title for hit in hits]
                rank = titles.index(gold.meta.title) + 1 if gold.meta.title in titles else 0
                score = max((h.score for h in hits if h.meta.title == gold.meta.title), default=0.0)
                totals[i] += score
                cells.append(f"{rank}, {score:.3f}")
            print(f"| {question} | {cells[0]} | {cells[1]} |")
        print(f"| mean score | {totals[0] / len(CASES):.3f} | {totals[1] / len(CASES):.3f} |")


if __name__ == "__main__":
    main()
