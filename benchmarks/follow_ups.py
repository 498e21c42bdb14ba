"""Do follow-ups without an LLM stay with the story they follow?

Four conversations over the bundled samples (written for this check, each opening with a question that names its
story, then follow-ups as a chat user types them), asked turn by turn with the default offline answerer, then six
follow-ups that change the story ("What about Puerto Rico?", "Und die Pensionen?"), each after the first
conversation's opening. Then five conversations whose follow-ups name nothing and read as questions of their own
("When are the new elections?", "Wer muss den Wert noch bestätigen?"), and five such questions that change the story
("How much will pensions rise next year?"), each after the first conversation's opening. A follow-up counts when its
first source is its story's article. Everything runs three times: with the previous question alone, as before 4
December; as `Newsroom.ask` answered until 7 December (a follow-up retrieved with the questions it follows and, when
it asks about that story, the last answer's quoted words; index/conversation.py `standalone_question`); and as it
answers now (a question naming nothing is also read as a follow-up: `follow_up_reading`, `better_reading`;
`Newsroom.follow_up_readings`). The samples are
ingested into a temporary store, with `--distractors FILE` (a 10kGNAD csv) also its rows `--skip` to `--skip +
--limit`, or into the store `--store` (its `--collection`).

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
from index.conversation import looks_like_follow_up  # noqa: E402
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


# Follow-ups that name nothing and read as questions of their own: (the conversation, its story's title)
NAMELESS_CONVERSATIONS = [
    (
        [
            "Who was asked to form an interim government in Turkey?",
            "When are the new elections?",
            "Until when must the cabinet be formed?",
        ],
        "Ministerpräsident soll",
    ),
    (
        [
            "Um wie viel steigen die Pensionen 2016?",
            "Wer muss den Wert noch bestätigen?",
            "Welcher Zeitraum ist für die Inflation maßgeblich?",
        ],
        "Inflationswert",
    ),
    (
        [
            "Where was mustard gas used in Syria?",
            "Which organisation confirmed the use?",
            "What does the opposition accuse the government troops of?",
        ],
        "Aufständische verwendeten",
    ),
    (
        [
            "What did Philae's team try at the weekend?",
            "Until when do the researchers hope for signals?",
            "Why are the chances of contact shrinking?",
        ],
        "Der womöglich letzte",
    ),
    (
        [
            "Why did the helicopter make an emergency landing in Afghanistan?",
            "Which company owned the machine?",
            "How many people were on board?",
        ],
        "18 Menschen",
    ),
]
# Questions that name nothing and change the story, each asked after the first conversation's first answer
NAMELESS_SWITCHES = [
    ("How much will pensions rise next year?", "Inflationswert"),
    ("Which chemical was used in the fighting?", "Aufständische verwendeten"),
    ("How many people were taken hostage after the helicopter crash?", "18 Menschen"),
    ("Who was asked to form an interim government?", "Ministerpräsident soll"),
    ("Why are the chances of contacting the comet lander shrinking?", "Der womöglich letzte"),
]


def previous_question_only(question: str, history: Sequence[Turn], answerer: Answerer) -> tuple[str, str]:
    """How follow-ups were retrieved before: with the previous question alone."""
    if history and looks_like_follow_up(question):
        return question, f"{question} {history[-1].question}"
    return question, question


Rewrite = Callable[[str, Sequence[Turn], Answerer], tuple[str, str]]


def turn(newsroom: Newsroom, rewrite: Rewrite | None, question: str, history: Sequence[Turn]) -> Answer:
    """The answer with this way of making a follow-up standalone (None: `Newsroom.ask`'s); prints the turn."""
    if rewrite is None:
        answer = newsroom.ask(question, history=history)
    else:
        asked_as, query = rewrite(question, history, newsroom.answerer)
        answer = newsroom.chain.invoke({"question": asked_as, "search_query": query, "now": None})
    title = answer.sources[0].meta.title if answer.sources else "(refused)"
    print(f"  {question[:50]:<50} -> {title[:40]:<40} | {' '.join(answer.text.split())[:60]}")
    return answer


def from_story(answer: Answer, story: str) -> bool:
    return bool(answer.sources) and answer.sources[0].meta.title.startswith(story)


def run(newsroom: Newsroom, rewrite: Rewrite | None) -> dict[str, tuple[int, int]]:
    """{kind: (follow-ups answered from their story, follow-ups asked)}: the conversations' follow-ups ("same story",
    "same story, naming nothing"), then each switch after the first conversation's opening question and answer ("new
    story", "new story, naming nothing")."""
    opening = CONVERSATIONS[0][0][0]
    first = [Turn(opening, turn(newsroom, rewrite, opening, []).text)]
    results = {}
    for kind, conversations, switches in (
        ("", CONVERSATIONS, SWITCHES),
        (", naming nothing", NAMELESS_CONVERSATIONS, NAMELESS_SWITCHES),
    ):
        kept: list[bool] = []
        for conversation, story in conversations:
            history: list[Turn] = []
            for n, question in enumerate(conversation):
                answer = turn(newsroom, rewrite, question, history)
                if n:
                    kept.append(from_story(answer, story))
                history.append(Turn(question, answer.text))
        switched = [from_story(turn(newsroom, rewrite, question, first), story) for question, story in switches]
        results[f"same story{kind}"] = (sum(kept), len(kept))
        results[f"new story{kind}"] = (sum(switched), len(switched))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--distractors", type=Path, help="a 10kGNAD csv whose rows join the samples")
    parser.add_argument("--skip", type=int, default=100)
    parser.add_argument("--limit", type=int, default=120)
    parser.add_argument(
        "--store",
        type=Path,
        help="an embedded store to ask over instead of a temporary one, e.g. a `newsbot eval --store` with the 1,028 "
        "test articles (the samples are ingested into it)",
    )
    parser.add_argument("--collection", help="the --store's Chroma collection (default: the settings' default)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = args.store or Path(tmp) / "data"
        collection = {"chroma_collection": args.collection} if args.collection else {}
        newsroom = Newsroom(make_settings(data, embedder=DEFAULT_EMBEDDER, **collection))
        report = newsroom.ingest([str(SAMPLES_DIR)])
        if args.distractors:
            rows = list(read_10kgnad_csv(args.distractors, limit=args.skip + args.limit))[args.skip :]
            report.added += newsroom.ingest_articles(rows).added
        print(f"{report.added} articles")
        results = {}
        modes: tuple[tuple[str, Rewrite | None, bool], ...] = (
            ("previous question only", previous_question_only, False),
            ("until 7 December", None, False),
            ("this release", None, True),
        )
        for name, rewrite, readings in modes:
            print(name)
            newsroom.follow_up_readings = readings
            results[name] = run(newsroom, rewrite)
        for name, counts in results.items():
            cells = ", ".join(f"{kind} {kept} of {asked}" for kind, (kept, asked) in counts.items())
            print(f"{name}: follow-ups answered from their story: {cells}")


if __name__ == "__main__":
    main()
