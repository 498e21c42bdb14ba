"""Sweep the abstention threshold over the per-question results of `newsbot eval --details`.

    NEWSBOT_MIN_RELEVANCE=0 newsbot eval DATASET.jsonl --distractors ... --details DETAILS.jsonl
    .venv/bin/python benchmarks/abstention.py DETAILS.jsonl [--mode hybrid]

The extractive answerer abstains when the best hit's relevance (cosine) is below `min_relevance`. `eval` records,
per question, that best relevance with the gold paragraph (`top_score`) and without it
(`top_score_without_gold`). For each threshold this prints the share of answerable questions the bot would
abstain on, the share of gold-removed questions it would abstain on, and the containment it would keep (an
answer whose sentence contains the gold answer stays correct only when the bot still answers), so a threshold
can be chosen against the targets (≤ 5 % and ≥ 90 %) without re-running the evaluation. Run `eval` with
NEWSBOT_MIN_RELEVANCE=0 so that every answer is recorded: containment is unknown for questions the run itself
abstained on, and counts as 0 here.

It ignores the answerer's other reason to abstain (no candidate sentence), which is rare.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from index.answerers.base import CITATION_RE  # noqa: E402
from index.evaluation.metrics import containment  # noqa: E402


def sweep(rows: list[dict[str, object]], thresholds: list[float]) -> list[dict[str, float]]:
    scores = [float(r["top_score"]) for r in rows]  # type: ignore[arg-type]
    removed = [float(r["top_score_without_gold"]) for r in rows]  # type: ignore[arg-type]
    # Containment of the answer given when the bot answered; an abstained answer's sentence is unknown.
    contained = [
        0.0 if r["abstained"] else containment([CITATION_RE.sub(" ", str(r["answer"]))], [r["answers"]]).score
        for r in rows  # type: ignore[misc]
    ]
    table = []
    for t in thresholds:
        n = len(rows)
        table.append(
            {
                "threshold": t,
                "abstain_answerable": sum(s < t for s in scores) / n,
                "abstain_unanswerable": sum(s < t for s in removed) / n,
                "containment": sum(c for c, s in zip(contained, scores) if s >= t) / n,
            }
        )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("details", type=Path, help="the JSONL written by `newsbot eval --details`")
    parser.add_argument("--mode", default="hybrid")
    parser.add_argument("--steps", type=int, default=20, help="thresholds between the lowest and highest score")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.details.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("mode") == args.mode]
    if not rows or "top_score" not in rows[0]:
        parser.error(f"no results with top scores for mode {args.mode!r} in {args.details}")
    low = min(min(r["top_score"], r["top_score_without_gold"]) for r in rows)
    high = max(max(r["top_score"], r["top_score_without_gold"]) for r in rows)
    thresholds = [round(low + (high - low) * i / args.steps, 3) for i in range(args.steps + 1)]
    answered = [r for r in rows if not r["abstained"]]
    print(f"{args.mode}: {len(rows)} questions, {len(answered)} answered at the run's own threshold\n")
    print("| min_relevance | abstain (answerable) | abstain (gold removed) | containment |")
    print("|---:|---:|---:|---:|")
    for row in sweep(rows, thresholds):
        print(
            f"| {row['threshold']:.3f} | {row['abstain_answerable']:.3f} | {row['abstain_unanswerable']:.3f} "
            f"| {row['containment']:.3f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
