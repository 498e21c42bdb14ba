"""How much ingesting in the bot's process slows its answers, with the ingest thread at the bot's background
priority (bot/telegram/background.py) and without.

    python benchmarks/answers_while_ingesting.py ../shared [--questions 30] [--embedder use+e5]

One process, as in the bot: a thread embeds 10kGNAD chunks (120 words) in batches of 8 without pause, as a feed
poll or an /add does, while the main thread does what answering a question costs the models: embed the question
(German news_qa questions) and read 25 candidate sentences with the reader (e5). Each phase times both steps per
question: first with nothing else running, then with the ingest thread at the same priority, then with the
ingest thread at BACKGROUND_NICE. Prints p50/p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")  # what importing `index` sets, before numpy loads OpenBLAS

import numpy as np  # noqa: E402

from index.embedders import load_embedder  # noqa: E402
from index.priority import BACKGROUND_NICE, lower_priority  # noqa: E402
from index.settings import IndexSettings  # noqa: E402

CHUNK_WORDS = 120
BATCH = 8
SENTENCES = 25


def chunks_of(csv_path: Path, articles: int = 200) -> list[str]:
    csv.field_size_limit(10**9)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = [row for _, row in zip(range(articles), csv.reader(handle, delimiter=";", quotechar="'"), strict=False)]
    words = " ".join(row[-1] for row in rows).split()
    return [" ".join(words[i : i + CHUNK_WORDS]) for i in range(0, len(words), CHUNK_WORDS)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared", type=Path, help="path to ../shared")
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--embedder", default="use+e5")
    args = parser.parse_args()
    data = args.shared / "data"
    chunks = chunks_of(data / "news" / "10kGNAD" / "test.csv")
    sentences = [s for chunk in chunks[:60] for s in chunk.split(". ") if len(s.split()) >= 4]
    with (data / "news_qa" / "dev.jsonl").open(encoding="utf-8") as handle:
        questions = [json.loads(line)["question_de"] for line in handle][: args.questions]
    embedder = load_embedder(args.embedder, settings=IndexSettings())
    embedder.warm_up()
    reader = embedder.parts[-1]
    print(f"embedder {embedder.name}, reader {reader.name}; {len(questions)} questions, {len(chunks)} chunks")

    def answer_costs(label: str) -> None:
        question_ms, read_ms = [], []
        for n, question in enumerate(questions):
            # a number of its own per round: no cache answers for the models
            start = time.perf_counter()
            embedder.embed_documents([f"{question} {label} {n}"])
            question_ms.append((time.perf_counter() - start) * 1000)
            batch = [f"{s} {label} {n}" for s in sentences[n * 5 : n * 5 + SENTENCES]]
            start = time.perf_counter()
            reader.embed_documents(batch)
            read_ms.append((time.perf_counter() - start) * 1000)
            time.sleep(0.2)
        print(
            f"| {label} | {np.percentile(question_ms, 50):.0f} / {np.percentile(question_ms, 95):.0f} "
            f"| {np.percentile(read_ms, 50):.0f} / {np.percentile(read_ms, 95):.0f} |",
            flush=True,
        )

    def with_ingest(label: str, prepare: Callable[[], object]) -> None:
        stop = threading.Event()
        embedded = [0]

        def ingest() -> None:
            prepare()
            i = 0
            while not stop.is_set():
                embedder.embed_documents(chunks[i : i + BATCH])
                embedded[0] += BATCH
                i = (i + BATCH) % len(chunks)

        thread = threading.Thread(target=ingest, daemon=True)
        thread.start()
        time.sleep(1)
        started, before = time.perf_counter(), embedded[0]
        answer_costs(label)
        rate = (embedded[0] - before) / (time.perf_counter() - started)
        stop.set()
        thread.join()
        print(f"  (ingest meanwhile: {rate:.1f} chunks/s)", flush=True)

    print("| while | question embedding p50 / p95 ms | reading 25 sentences p50 / p95 ms |\n|---|---:|---:|")
    answer_costs("nothing else runs")
    with_ingest("ingesting, same priority", lambda: None)
    with_ingest(f"ingesting at nice {BACKGROUND_NICE}", lower_priority)
    os._exit(0)  # the models' threads need no teardown


if __name__ == "__main__":
    main()
