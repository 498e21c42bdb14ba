"""Do follow-ups without an LLM stay with the story they follow?

Four conversations over the bundled samples (written for this check, each opening with a question that names its
story, then follow-ups as a chat user types them), asked turn by turn with the default offline answerer, then six
follow-ups that change the story ("What about Puerto Rico?", "Und die Pensionen?"), each after the first
conversation's opening. A follow-up counts when its first source is its story's article. Everything runs twice: as
this release retrieves a follow-up (with the questions it follows and, when it asks about that story, the last
answer's quoted words; index/conversation.py), and with the previous question alone, as before. The samples are
ingested into a temporary store, with `--distractors FILE` (a 10kGNAD csv) also its rows `--skip` to `--skip +
--limit`.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/follow_ups.py
    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/follow_ups.py --distractors ../shared/data/news/10kGNAD/test.csv
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.answerers.base import Answerer  # noqa: E402
from index.conversation import looks_like_follow_up, standalone_question  # noqa: E402
from index.evaluation.datasets import read_10kgnad_csv  # noqa: E402
from index.models import Answer, Turn  # noqa: E402
from index.newsroom import Newsroom  # noqa: E402
from index.settings import DEFAULT_EMBEDDER  # noqa: E402
from tests.conftest import SAMPLES_DIR, make_settings  # noqa: E402

# (the conversation, the title its story's article starts with)
CONVERSATIONS = [
    (
        [
            "Who denied supplying arms?",
            "And who accused them?",
            "Wann war das?",
            "Why?",
            "How many missiles?",
            "What did the US say?",
        ],
        "Nordkorea dementiert",
    ),
    (
        [
            "Why did the helicopter make an emergency landing in Afghanistan?",
            "How many people were on board?",
            "Where did it land?",
            "Who owned it?",
        ],
        "18 Menschen",
    ),
    (
        ["Wie hoch sind die Schulden von Puerto Rico?", "Und wer ist der Gouverneur?", "Was hat er gesagt?"],
        "Staatsschulden",
    ),
    (["What did Philae's team try at the weekend?", "Did it work?", "Who sent the command?"], "Der womöglich letzte"),
]


# Follow-ups that change the story, each asked after the first conversation's first answer: (question, title).
SWITCHES = [
    ("What about Puerto Rico?", "Staatsschulden"),
    ("Und Afghanistan?", "18 Menschen"),
    ("And the comet lander Philae?", "Der womöglich letzte"),
    ("What about the Turkish cabinet?", "Ministerpräsident soll"),
    ("Und die Pensionen?", "Inflationswert"),
    ("And Syria's chemical weapons?", "Aufständische verwendeten"),
]


def previous_question_only(question: str, history: Sequence[Turn], answerer: Answerer) -> tuple[str, str]:
    """How follow-ups were retrieved before: with the previous question alone."""
    if history and looks_like_follow_up(question):
        return question, f"{question} {history[-1].question}"
    return question, question


Rewrite = Callable[[str, Sequence[Turn], Answerer], tuple[str, str]]


def turn(newsroom: Newsroom, rewrite: Rewrite, question: str, history: Sequence[Turn]) -> Answer:
    """`Newsroom.ask` with this way of making a follow-up standalone; prints the turn."""
    asked_as, query = rewrite(question, history, newsroom.answerer)
    answer = newsroom.chain.invoke({"question": asked_as, "search_query": query, "now": None})
    title = answer.sources[0].meta.title if answer.sources else "(refused)"
    print(f"  {question[:50]:<50} -> {title[:40]:<40} | {' '.join(answer.text.split())[:60]}")
    return answer


def from_story(answer: Answer, story: str) -> bool:
    return bool(answer.sources) and answer.sources[0].meta.title.startswith(story)


def run(newsroom: Newsroom, rewrite: Rewrite) -> dict[str, tuple[int, int]]:
    """{"same story" | "new story": (follow-ups answered from their story, follow-ups asked)}: the conversations'
    follow-ups, then each of SWITCHES after the first conversation's opening question and answer."""
    kept: list[bool] = []
    for conversation, story in CONVERSATIONS:
        history: list[Turn] = []
        for n, question in enumerate(conversation):
            answer = turn(newsroom, rewrite, question, history)
            if n:
                kept.append(from_story(answer, story))
            history.append(Turn(question, answer.text))
    opening = CONVERSATIONS[0][0][0]
    first = [Turn(opening, turn(newsroom, rewrite, opening, []).text)]
    switched = [from_story(turn(newsroom, rewrite, question, first), story) for question, story in SWITCHES]
    return {"same story": (sum(kept), len(kept)), "new story": (sum(switched), len(switched))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--distractors", type=Path, help="a 10kGNAD csv whose rows join the samples")
    parser.add_argument("--skip", type=int, default=100)
    parser.add_argument("--limit", type=int, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        newsroom = Newsroom(make_settings(Path(tmp) / "data", embedder=DEFAULT_EMBEDDER))
        report = newsroom.ingest([str(SAMPLES_DIR)])
        if args.distractors:
            rows = list(read_10kgnad_csv(args.distractors, limit=args.skip + args.limit))[args.skip :]
            report.added += newsroom.ingest_articles(rows).added
        print(f"{report.added} articles")
        results = {}
        for name, rewrite in (
            ("previous question only", previous_question_only),
            ("this release", standalone_question),
        ):
            print(name)
            results[name] = run(newsroom, rewrite)
        for name, counts in results.items():
            cells = ", ".join(f"{kind} {kept} of {asked}" for kind, (kept, asked) in counts.items())
            print(f"{name}: follow-ups answered from their story: {cells}")


if __name__ == "__main__":
    main()
