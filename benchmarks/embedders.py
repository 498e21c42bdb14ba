"""Compare the embedders on cross-lingual retrieval quality and speed; prints a Markdown table.

    .venv/bin/python benchmarks/embedders.py ../shared/data [--embedders use,e5,minilm] [--limit N]

Quality (XQuAD dev, 632 questions over 120 German paragraphs): each paragraph (`context_de`, without its title)
is one document; the English questions (EN→DE) and then the German questions (DE→DE) are the queries, each
embedded alone with `embed_query` as the bot does. Reported: recall@1/5/10 and MRR of the gold paragraph (MRR
cut at 10), and how many paragraphs are longer than the embedder's `max_tokens` (the product would chunk them;
here the model truncates or averages them).

Speed: the first 200 articles of 10kGNAD test.csv, each cut to its first 1,500 characters at a word boundary,
embedded with `embed_documents` (passages/s); the median time of one `embed_query`; load time (`warm_up`).
Cosine spread: the standard deviation of one English question's cosines over those 200 news passages, averaged
over the first 200 questions; `Embedder.cosine_spread` holds it, and a combination (use+e5) weighs its models by
its inverse.
Each embedder runs in its own process, so its peak RSS (max resident set size of that process, which includes
Python and numpy) is its own.

This is a measurement, not a test: it reads the data only from the directory given on the command line.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

if TYPE_CHECKING:
    from index.embedders import Embedder

DEFAULT_EMBEDDERS = ("use", "e5", "use+e5", "minilm")
SPEED_ARTICLES = 200
SPEED_CHARS = 1500
SPREAD_QUESTIONS = 200
CUTOFF = 10


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cut(text: str, limit: int = SPEED_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def _rank(
    embedder: Embedder, questions: list[str], doc_ids: list[str], doc_matrix: np.ndarray
) -> tuple[list[list[str]], list[float]]:
    """Each question's top paragraph ids, and the milliseconds each `embed_query` took."""
    rankings: list[list[str]] = []
    latencies_ms: list[float] = []
    for question in questions:
        start = time.perf_counter()
        vector = embedder.embed_query(question)
        latencies_ms.append((time.perf_counter() - start) * 1000)
        order = np.argsort(-(doc_matrix @ vector))[:CUTOFF]
        rankings.append([doc_ids[i] for i in order])
    return rankings, latencies_ms


def measure(spec: str, data_dir: str, limit: int | None, threads: int) -> dict[str, object]:
    """Everything for one embedder; runs in a fresh process."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from index.embedders import load_embedder
    from index.evaluation.datasets import read_10kgnad_csv, read_qa_jsonl
    from index.evaluation.metrics import mean_reciprocal_rank, percentile, recall_at_k

    root = Path(data_dir)
    result: dict[str, object] = {"embedder": spec}
    embedder = load_embedder(spec, threads=threads)
    start = time.perf_counter()
    embedder.warm_up()
    result["load_s"] = time.perf_counter() - start
    result["max_tokens"] = embedder.max_tokens
    _log(f"[{spec}] loaded in {result['load_s']:.1f}s")

    en = read_qa_jsonl(root / "xquad" / "dev.jsonl", question_field="question_en")
    de = read_qa_jsonl(root / "xquad" / "dev.jsonl", question_field="question_de")
    # --limit cuts questions only: all paragraphs stay candidates, or retrieval would get easier.
    en_items, de_items = en.items[:limit], de.items[:limit]
    doc_ids = [p.context_id for p in en.paragraphs]
    texts = [p.text for p in en.paragraphs]
    result["paragraphs"] = len(texts)
    result["questions"] = len(en_items)
    result["over_max_tokens"] = sum(embedder.count_tokens(t) > embedder.max_tokens for t in texts)
    start = time.perf_counter()
    doc_matrix = embedder.embed_documents(texts)
    _log(f"[{spec}] {len(texts)} paragraphs in {time.perf_counter() - start:.1f}s")

    latencies: list[float] = []
    for label, items in (("en_de", en_items), ("de_de", de_items)):
        start = time.perf_counter()
        rankings, lat = _rank(embedder, [i.question for i in items], doc_ids, doc_matrix)
        latencies.extend(lat)
        golds = [i.context_id for i in items]
        for k in (1, 5, 10):
            result[f"{label}_recall@{k}"] = recall_at_k(rankings, golds, k).score
        result[f"{label}_mrr"] = mean_reciprocal_rank(rankings, golds).score
        _log(f"[{spec}] {label}: {len(rankings)} questions in {time.perf_counter() - start:.1f}s")
    result["query_ms_p50"] = percentile(latencies, 50)

    articles = [_cut(a.text) for a in read_10kgnad_csv(root / "news" / "10kGNAD" / "test.csv", limit=SPEED_ARTICLES)]
    start = time.perf_counter()
    news_matrix = embedder.embed_documents(articles)
    elapsed = time.perf_counter() - start
    result["passages_per_s"] = len(articles) / elapsed
    result["speed_passages"] = len(articles)
    _log(f"[{spec}] {len(articles)} news passages in {elapsed:.1f}s")
    # How widely one question's cosines over news spread: a combination weighs its models by the inverse.
    questions = np.vstack([embedder.embed_query(i.question) for i in en.items[:SPREAD_QUESTIONS]])
    result["cosine_spread"] = float((questions @ news_matrix.T).std(axis=1).mean())
    # ru_maxrss is in KiB on Linux.
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def markdown_table(results: list[dict[str, object]]) -> str:
    header = (
        "| embedder | EN→DE R@1 | R@5 | R@10 | MRR | DE→DE R@1 | R@5 | R@10 | MRR | paragraphs > max_tokens "
        "| passages/s | query ms (p50) | load s | peak RSS MB | cosine spread |"
    )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for r in results:
        lines.append(
            f"| {r['embedder']} "
            + "".join(f"| {r[f'en_de_{m}']:.3f} " for m in ("recall@1", "recall@5", "recall@10", "mrr"))
            + "".join(f"| {r[f'de_de_{m}']:.3f} " for m in ("recall@1", "recall@5", "recall@10", "mrr"))
            + f"| {r['over_max_tokens']}/{r['paragraphs']} (max {r['max_tokens']}) "
            + f"| {r['passages_per_s']:.1f} | {r['query_ms_p50']:.0f} | {r['load_s']:.1f} | {r['peak_rss_mb']:.0f} "
            + f"| {r['cosine_spread']:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", help="the shared data folder holding xquad/ and news/10kGNAD/")
    parser.add_argument(
        "--embedders", default=",".join(DEFAULT_EMBEDDERS), help="comma-separated: use,e5,use+e5,minilm,st:<path>"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N questions (all paragraphs stay)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    args = parser.parse_args(argv)
    data_dir = Path(args.data_dir)
    for needed in (data_dir / "xquad" / "dev.jsonl", data_dir / "news" / "10kGNAD" / "test.csv"):
        if not needed.is_file():
            parser.error(f"{needed} not found: pass the folder that holds xquad/ and news/10kGNAD/")

    load_before = os.getloadavg()[0]
    context = multiprocessing.get_context("spawn")
    results = []
    for spec in [s.strip() for s in args.embedders.split(",") if s.strip()]:
        with context.Pool(1) as pool:
            results.append(pool.apply(measure, (spec, str(data_dir), args.limit, args.threads)))
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        r0 = results[0]
        print(
            f"XQuAD dev: {r0['questions']} questions over {r0['paragraphs']} German paragraphs; speed: "
            f"{r0['speed_passages']} 10kGNAD passages of <= {SPEED_CHARS} chars; {args.threads} threads; "
            f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (speed is only comparable "
            f"on an idle machine)\n"
        )
        print(markdown_table(results), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
