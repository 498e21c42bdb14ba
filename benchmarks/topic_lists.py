"""Requests for the news on a topic: which get a list of articles and which are refused, over a kept store.

Asks "News about <topic>" for each topic of benchmarks/data/topic_names.txt through `Newsroom.ask` and prints,
per set and expectation, how many were listed and how many refused, then each topic with the first titles listed.
The store is one `newsbot eval --store DIR` kept (news_qa over the 10kGNAD test split is collection
newsbot-eval-news_qa):

    HF_HUB_OFFLINE=1 .venv/bin/newsbot eval ../shared/data/news_qa/dev.jsonl \\
        --distractors ../shared/data/news/10kGNAD/test.csv --store /tmp/evalstore
    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/topic_lists.py /tmp/evalstore newsbot-eval-news_qa
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path

TOPICS = Path(__file__).parent / "data" / "topic_names.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a data dir `newsbot eval --store` kept")
    parser.add_argument("collection", help="its Chroma collection, e.g. newsbot-eval-news_qa")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from index.newsroom import Newsroom
    from index.settings import IndexSettings

    newsroom = Newsroom(IndexSettings(data_dir=args.store, chroma_collection=args.collection, chroma_host=""))
    counts: Counter[tuple[str, str, str]] = Counter()
    lines = []
    seconds_each = []
    for line in TOPICS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group, expected, topics = line.split(" ", 2)
        for topic in topics.split("|"):
            started = time.perf_counter()
            answer = newsroom.ask(f"News about {topic}")
            seconds = time.perf_counter() - started
            seconds_each.append(seconds)
            outcome = "listed" if answer.sources else "refused"
            counts[group, expected, outcome] += 1
            titles = " / ".join(source.meta.title[:40] for source in answer.sources[:3])
            lines.append(f"{group:5} {expected:6} {outcome:7} {seconds:5.2f}s {topic} | {titles or answer.text}")
    for (group, expected, outcome), n in sorted(counts.items()):
        print(f"{group} {expected}: {outcome} {n}")
    ranked = sorted(seconds_each)
    print(
        f"{len(ranked)} requests: p50 {ranked[len(ranked) // 2]:.2f} s, p90 {ranked[int(len(ranked) * 0.9)]:.2f} s, "
        f"max {ranked[-1]:.2f} s (the first loads the models)"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
