"""How well near-duplicate articles are grouped into stories (index/stories.py): pairwise precision and recall.

    .venv/bin/python benchmarks/story_grouping.py ../shared/data/news/10kGNAD [--articles 500] [--seed 1]

From the 10kGNAD test split (CSV `label;text`, quote `'`) it takes `--articles` originals and derives up to
`--max-copies` rewritten copies of each, as another outlet would run the same wire story: a new headline, a
changed dateline, paragraphs dropped and reordered, words swapped for synonyms or for other words, sentences cut
short. The originals themselves are the unrelated articles: every pair of two originals with the same label is
an article on the same topic that is not the same story. Everything is fed, in a shuffled order, through the
ingest's grouping (`StoryIndex.assign`, one article at a time as ingest does), and each pair of articles counts
as grouped or not:

- precision: of the pairs put in one story, the share that are copies of one original;
- recall: of the pairs that are copies of one original (the original included), the share put in one story.

Printed for two edit strengths (light, heavy) at each threshold of `--thresholds`, with the estimated
containment of true pairs and of same-topic pairs, so the threshold's margin shows. Pure Python and numpy: no
model is loaded.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from index.stories import (  # noqa: E402
    DEFAULT_THRESHOLD,
    MIN_SHINGLES,
    Fingerprint,
    StoryIndex,
    fingerprint,
    story_scores,
)

DEFAULT_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7)
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[\"„A-ZÄÖÜ0-9])")
WORD_RE = re.compile(r"\w+")
DATELINE_RE = re.compile(r"^([A-ZÄÖÜ][\w./ -]{1,40}?) – ")
# A few of the rewrites an editor makes; the random word swaps below stand for the rest.
SYNONYMS = {
    "sagte": "erklärte",
    "erklärte": "sagte",
    "teilte": "gab",
    "mitteilte": "bekanntgab",
    "laut": "nach Angaben",
    "Montag": "Wochenbeginn",
    "bereits": "schon",
    "jedoch": "aber",
    "aber": "jedoch",
    "etwa": "rund",
    "rund": "etwa",
    "Prozent": "Prozentpunkte",
    "Regierung": "Regierungskoalition",
    "sowie": "und",
    "Millionen": "Mio.",
    "Milliarden": "Mrd.",
    "zudem": "außerdem",
    "außerdem": "zudem",
    "hatte": "habe",
    "wurde": "worden war",
    "soll": "solle",
    "kann": "könne",
    "nun": "jetzt",
    "derzeit": "gegenwärtig",
}
OUTLET_TAGS = ("(APA)", "(dpa)", "(Reuters)", "(AFP)", "(red)")


@dataclass(frozen=True)
class Strength:
    name: str
    drop: float  # chance that a paragraph (2-3 sentences) is dropped
    word_edit: float  # chance that a word is swapped for a synonym or another word
    cut: float  # chance that a sentence is cut short at a comma
    reorder: bool


LIGHT = Strength("light", drop=0.15, word_edit=0.03, cut=0.10, reorder=True)
HEAVY = Strength("heavy", drop=0.35, word_edit=0.10, cut=0.30, reorder=True)


def read_articles(path: Path) -> list[tuple[str, str]]:
    """(label, text) rows of a 10kGNAD CSV; `path` is the file or the folder holding test.csv."""
    if path.is_dir():
        path = path / "test.csv"
    if not path.is_file():
        raise SystemExit(f"{path}: not found; pass the 10kGNAD folder (../shared/data/news/10kGNAD) or its test.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row[0], row[1]) for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) >= 2]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_RE.split(text) if s.strip()]


def rewrite(text: str, rng: random.Random, strength: Strength, vocabulary: list[str]) -> str:
    """Another outlet's version of the article: its first sentence (10kGNAD's sub-headline) replaced by a new
    headline, the dateline tagged, paragraphs dropped and reordered, words swapped, sentences cut short."""
    parts = sentences(text)
    body = parts[1:] if len(parts) > 2 else parts
    words = WORD_RE.findall(text)
    headline = " ".join(rng.sample(words, min(len(words), rng.randint(4, 8)))).capitalize() + "."
    paragraphs: list[list[str]] = []
    i = 0
    while i < len(body):
        size = rng.randint(2, 3)
        paragraphs.append(body[i : i + size])
        i += size
    kept = [p for j, p in enumerate(paragraphs) if j == 0 or rng.random() >= strength.drop]
    if strength.reorder and len(kept) > 2:
        tail = kept[1:]
        a, b = rng.sample(range(len(tail)), 2)
        tail[a], tail[b] = tail[b], tail[a]
        kept = [kept[0], *tail]
    out: list[str] = []
    for paragraph in kept:
        edited = [_edit_sentence(s, rng, strength, vocabulary) for s in paragraph]
        out.append(" ".join(edited))
    if out:
        tag = rng.choice(OUTLET_TAGS)
        out[0] = DATELINE_RE.sub(lambda m: f"{m.group(1)} {tag} – ", out[0], count=1)
    return headline + "\n" + "\n\n".join(out)


def _edit_sentence(sentence: str, rng: random.Random, strength: Strength, vocabulary: list[str]) -> str:
    if rng.random() < strength.cut and "," in sentence[: int(len(sentence) * 0.8)]:
        head = sentence[: sentence.rindex(",", 0, int(len(sentence) * 0.8))]
        if len(head.split()) >= 5:
            sentence = head + "."
    tokens = sentence.split(" ")
    for k, token in enumerate(tokens):
        if rng.random() >= strength.word_edit:
            continue
        bare = token.strip('.,;:!?"„“')
        if bare in SYNONYMS:
            tokens[k] = token.replace(bare, SYNONYMS[bare])
        elif rng.random() < 0.5 and k + 1 < len(tokens):
            tokens[k], tokens[k + 1] = tokens[k + 1], tokens[k]
        else:
            tokens[k] = rng.choice(vocabulary)
    return " ".join(tokens)


@dataclass(frozen=True)
class Item:
    origin: int
    label: str
    text: str


def build_corpus(rows: list[tuple[str, str]], n: int, max_copies: int, strength: Strength, seed: int) -> list[Item]:
    rng = random.Random(seed)
    usable = [(label, text) for label, text in rows if len(WORD_RE.findall(text)) >= 80]
    originals = rng.sample(usable, min(n, len(usable)))
    vocabulary = [w for _, text in rng.sample(usable, min(50, len(usable))) for w in text.split(" ")[:200]]
    items: list[Item] = []
    for origin, (label, text) in enumerate(originals):
        items.append(Item(origin, label, text))
        for _ in range(rng.randint(0, max_copies)):
            items.append(Item(origin, label, rewrite(text, rng, strength, vocabulary)))
    rng.shuffle(items)
    return items


def group(prints: list[Fingerprint], threshold: float) -> list[str]:
    index = StoryIndex(threshold)
    return [index.assign(str(i), fp) for i, fp in enumerate(prints)]


def pair_scores(items: list[Item], stories: list[str]) -> tuple[float, float, int, int]:
    """(precision, recall, true pairs, predicted pairs) over all pairs of items."""

    def pairs(keys: Sequence[Hashable]) -> int:
        return sum(c * (c - 1) // 2 for c in Counter(keys).values())

    truth = pairs([item.origin for item in items])
    predicted = pairs(stories)
    both = pairs([(item.origin, story) for item, story in zip(items, stories, strict=True)])
    return both / predicted if predicted else 1.0, both / truth if truth else 1.0, truth, predicted


def score_matrix(prints: list[Fingerprint]) -> np.ndarray:
    """Every pair's score as grouping sees it: estimated containment, 0 for texts too short to tell."""
    signatures = np.stack([fp.signature for fp in prints])
    sizes = np.array([fp.size for fp in prints])
    return np.stack([story_scores(signatures, sizes, fp) for fp in prints])


def run(rows: list[tuple[str, str]], args: argparse.Namespace, strength: Strength) -> None:
    items = build_corpus(rows, args.articles, args.max_copies, strength, args.seed)
    start = time.perf_counter()
    prints = [fingerprint(item.text) for item in items]
    per_article_ms = 1000 * (time.perf_counter() - start) / len(items)
    copies = len(items) - len({item.origin for item in items})
    print(
        f"\n## {strength.name} edits: {len(items)} articles ({args.articles} originals, {copies} copies); "
        f"fingerprint {per_article_ms:.2f} ms per article"
    )
    print("| threshold | precision | recall | true pairs | grouped pairs |")
    print("|---:|---:|---:|---:|---:|")
    for threshold in args.thresholds:
        precision, recall, truth, predicted = pair_scores(items, group(prints, threshold))
        mark = " (default)" if threshold == DEFAULT_THRESHOLD else ""
        print(f"| {threshold:.2f}{mark} | {precision:.4f} | {recall:.4f} | {truth} | {predicted} |")
    matrix = score_matrix(prints)
    upper = np.triu_indices(len(items), k=1)
    origins = np.array([item.origin for item in items])
    labels = np.array([item.label for item in items])
    sizes = np.array([fp.size for fp in prints])
    valid = (sizes[upper[0]] >= MIN_SHINGLES) & (sizes[upper[1]] >= MIN_SHINGLES)
    same_story = (origins[upper[0]] == origins[upper[1]]) & valid
    same_topic = (labels[upper[0]] == labels[upper[1]]) & ~same_story & valid
    scores = matrix[upper]
    if same_story.any():
        true_scores = scores[same_story]
        print(
            f"containment of copy pairs: min {true_scores.min():.3f}, 5th percentile "
            f"{np.percentile(true_scores, 5):.3f}, median {np.median(true_scores):.3f} ({same_story.sum()} pairs)"
        )
    if same_topic.any():
        topic_scores = scores[same_topic]
        print(
            f"containment of same-topic pairs of different stories: median {np.median(topic_scores):.3f}, "
            f"99.9th percentile {np.percentile(topic_scores, 99.9):.3f}, max {topic_scores.max():.3f} "
            f"({same_topic.sum()} pairs)"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the 10kGNAD folder (../shared/data/news/10kGNAD) or its test.csv")
    parser.add_argument("--articles", type=int, default=500, help="originals drawn from the CSV (default 500)")
    parser.add_argument("--max-copies", type=int, default=3, help="rewritten copies per original: 0 to this")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--thresholds", type=float, nargs="+", default=list(DEFAULT_THRESHOLDS))
    args = parser.parse_args(argv)
    rows = read_articles(args.data)
    print(f"# story grouping on {args.data} ({len(rows)} articles read), seed {args.seed}")
    for strength in (LIGHT, HEAVY):
        run(rows, args, strength)
    # The unmodified corpus: different articles of one outlet, none of them a copy of another (as far as anyone
    # knows), so every pair grouped here is a false merge or a story the outlet really ran twice.
    prints = [fingerprint(text) for _, text in rows]
    print(f"\n## the {len(rows)} unmodified articles, no copies added")
    print("| threshold | pairs grouped |")
    print("|---:|---:|")
    for threshold in args.thresholds:
        stories = group(prints, threshold)
        grouped = sum(c * (c - 1) // 2 for c in Counter(stories).values())
        print(f"| {threshold:.2f} | {grouped} |")


if __name__ == "__main__":
    main()
