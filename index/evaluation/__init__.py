"""Evaluation: how well newsbot finds and answers, measured on question-answer sets through the real product.

datasets.py   read question-answer JSONL (XQuAD or generic layout) and distractor corpora
metrics.py    pure metric functions: per-item scores and an aggregate
harness.py    build a fresh store, ingest, ask every question, score it (used by `newsbot eval`)
"""
