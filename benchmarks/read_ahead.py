"""What NEWSBOT_READ_AHEAD costs at ingest and saves per answer, with the default models (or --embedder).

    python benchmarks/read_ahead.py ../shared [--distractors 100] [--questions 40] [--embedder use+e5]

Builds three stores from the same articles — news_qa dev's 25 articles plus the first --distractors 10kGNAD test
articles — one per NEWSBOT_READ_AHEAD (`off`, `ingest`, `idle`), and times each ingest; for `idle` also the reading
behind it, all at once (what the bot and `newsbot watch` do while idle). Then, in a fresh Newsroom over each store
(no sentence read in memory), asks the first --questions news_qa questions in English and in German and prints the
answer latency p50/p95: with `off` the reader embeds each answer's candidate sentences; otherwise they come from
sentences.sqlite3. A measurement, not a test: numbers depend on the machine and its load (printed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from index.evaluation.datasets import read_10kgnad_csv, read_qa_jsonl  # noqa: E402
from index.evaluation.harness import dataset_articles  # noqa: E402
from index.newsroom import Newsroom  # noqa: E402
from index.settings import IndexSettings  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared", type=Path, help="path to ../shared")
    parser.add_argument("--distractors", type=int, default=100, help="10kGNAD test articles besides news_qa's")
    parser.add_argument("--questions", type=int, default=40, help="news_qa questions, each asked in EN and DE")
    parser.add_argument("--embedder", default="use+e5")
    args = parser.parse_args()
    data = args.shared / "data"
    news_qa = read_qa_jsonl(data / "news_qa" / "dev.jsonl", question_field="question_en")
    articles, _ = dataset_articles(news_qa)
    texts = {" ".join(a.text.split()) for a in articles}
    gnad = read_10kgnad_csv(data / "news" / "10kGNAD" / "test.csv", limit=args.distractors + len(articles))
    articles += [a for a in gnad if " ".join(a.text.split()) not in texts][: args.distractors]
    questions = [
        text
        for field in ("question_en", "question_de")
        for item in read_qa_jsonl(data / "news_qa" / "dev.jsonl", question_field=field).items[: args.questions]
        for text in [item.question]
    ]
    print(
        f"{len(articles)} articles, {len(questions)} questions, embedder {args.embedder}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="newsbot-read-ahead-") as work:
        rows = []
        for read_ahead in ("off", "ingest", "idle"):
            settings = IndexSettings(
                data_dir=Path(work) / f"read_ahead_{read_ahead}", embedder=args.embedder, read_ahead=read_ahead
            )
            room = Newsroom(settings)
            room.warm_up()
            started = time.perf_counter()
            report = room.ingest_articles(articles)
            ingest_s = time.perf_counter() - started
            reader = room.reader_behind()
            started = time.perf_counter()
            if reader is not None:
                reader.read_pending(threading.Event(), wait=False)
            behind_s = time.perf_counter() - started if reader is not None else None
            fresh = Newsroom(settings)  # nothing read in memory: what a new bot process finds
            fresh.warm_up()
            fresh.ask("Wer hat die Waffenlieferungen dementiert?")  # first search builds BM25
            latencies = []
            for question in questions:
                started = time.perf_counter()
                fresh.ask(question)
                latencies.append((time.perf_counter() - started) * 1000)
            rows.append((read_ahead, report.added, room.store.count(), ingest_s, behind_s, latencies))
        print(
            "| NEWSBOT_READ_AHEAD | articles | chunks | ingest s | reading behind ingest s "
            "| answer p50 ms | answer p95 ms |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for read_ahead, added, chunks, ingest_s, behind_s, latencies in rows:
            behind = "–" if behind_s is None else f"{behind_s:.0f}"
            print(
                f"| `{read_ahead}` | {added} | {chunks} | {ingest_s:.0f} | {behind} | "
                f"{percentile(latencies, 0.5):.0f} | {percentile(latencies, 0.95):.0f} |"
            )
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
