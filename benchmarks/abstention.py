"""Sweep an abstention threshold over the per-question results of `newsbot eval --details`.

    NEWSBOT_MIN_RELEVANCE=0 NEWSBOT_MIN_SENTENCE_RELEVANCE=0 newsbot eval DATASET.jsonl --details DETAILS.jsonl
    .venv/bin/python benchmarks/abstention.py DETAILS.jsonl [--mode hybrid] [--signal relevance|sentence]

The extractive answerer abstains when the best hit's relevance (cosine) is below `min_relevance`, or the best
sentence's similarity to the question is below `min_sentence_relevance`. `eval` records, per question, both
signals with the gold paragraph (`top_score`, `confidence`) and without it (`top_score_without_gold`,
`confidence_without_gold`); `--signal` picks which one to sweep. For each threshold this prints the share of
answerable questions the bot would abstain on, the share of gold-removed questions it would abstain on, and the
containment it would keep (an answer whose sentence contains the gold answer stays correct only when the bot
still answers), so a threshold can be chosen against the targets (≤ 5 % and ≥ 90 %) without re-running the
evaluation. Run `eval` with both thresholds at 0 (add --distractors as for the README's table) so that every
answer is recorded: containment is unknown for questions the run itself abstained on, and counts as 0 here.

It ignores the answerer's other reason to abstain (no candidate sentence), which is rare.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from index.answerers.base import CITATION_RE  # noqa: E402
from index.evaluation.metrics import containment  # noqa: E402

SIGNALS = {"relevance": ("top_score", "top_score_without_gold"), "sentence": ("confidence", "confidence_without_gold")}
SETTINGS = {"relevance": "min_relevance", "sentence": "min_sentence_relevance"}


def sweep(rows: list[dict[str, Any]], thresholds: list[float], signal: str = "relevance") -> list[dict[str, float]]:
    with_gold, without_gold = SIGNALS[signal]
    # A question that never reached the sentence reader (no relevant hit) has no confidence: it abstains anyway.
    scores = [_score(r[with_gold]) for r in rows]
    removed = [_score(r[without_gold]) for r in rows]
    # Containment of the answer given when the bot answered; an abstained answer's sentence is unknown.
    contained = [
        0.0 if r["abstained"] else containment([CITATION_RE.sub(" ", str(r["answer"]))], [r["answers"]]).score
        for r in rows
    ]
    table = []
    for t in thresholds:
        n = len(rows)
        table.append(
            {
                "threshold": t,
                "abstain_answerable": sum(s < t for s in scores) / n,
                "abstain_unanswerable": sum(s < t for s in removed) / n,
                "containment": sum(c for c, s in zip(contained, scores, strict=True) if s >= t) / n,
            }
        )
    return table


def _score(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else float("-inf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("details", type=Path, help="the JSONL written by `newsbot eval --details`")
    parser.add_argument("--mode", default="hybrid")
    parser.add_argument("--signal", choices=sorted(SIGNALS), default="relevance", help="which threshold to sweep")
    parser.add_argument("--steps", type=int, default=20, help="thresholds between the lowest and highest score")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.details.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("mode") == args.mode]
    keys = SIGNALS[args.signal]
    values = [_score(r.get(key)) for r in rows for key in keys]
    values = [v for v in values if v != float("-inf")]
    if not values:
        parser.error(f"no results with {' or '.join(keys)} for mode {args.mode!r} in {args.details}")
    low, high = min(values), max(values)
    thresholds = [round(low + (high - low) * i / args.steps, 3) for i in range(args.steps + 1)]
    answered = [r for r in rows if not r["abstained"]]
    print(f"{args.mode}: {len(rows)} questions, {len(answered)} answered at the run's own threshold\n")
    print(f"| {SETTINGS[args.signal]} | abstain (answerable) | abstain (gold removed) | containment |")
    print("|---:|---:|---:|---:|")
    for row in sweep(rows, thresholds, args.signal):
        print(
            f"| {row['threshold']:.3f} | {row['abstain_answerable']:.3f} | {row['abstain_unanswerable']:.3f} "
            f"| {row['containment']:.3f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
