"""Who someone is: "Who is Jack Lew?", "Wer ist Francine Jordi?" ask what the news says about a person, and the
news says it where it names them ("… weil sich Finanzminister Jack Lew dem Willen … beugte", "Owen Williams,
Webentwickler und Autor bei The Next Web, hat …"). Such a question is all name: read as a question, its
similarity to any passage is low (the relevance threshold refused "Who is Jack Lew?" over the article that names
him), and the evidence model looks for a name the question lacks, where the answer is a role. So the offline
answer quotes the first sentence of each of the (at most MAX_ARTICLES) best hits' articles that names the person
in full, in the order retrieval ranked them; when no hit names them in full, the question is answered as any other.

    Who is Owen Williams?  ->  Owen Williams, Webentwickler und Autor bei The Next Web, hat es … gebracht. [1]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.answerers.base import SNIPPET_CHARS, build_answer
from index.language import detect_language
from index.models import Answer, Hit
from index.segmentation import split_sentences
from index.text import shorten

MAX_ARTICLES = 2
# A sentence naming the person that closes a quote ('" (Heinz-Christian Strache).', an attribution) is quoted with
# the sentences of that quote, at most this many
MAX_QUOTED_SENTENCES = 3
MAX_NAME_WORDS = 5
# Words a name may hold in lower case ("Alexander Van der Bellen", "Ursula von der Leyen")
_PARTICLES = frozenset("van von der den de del della da di du le la bin al ibn".split())
# Capitalised words that start what is no name: "Who is He?", "Wer ist Der Mann?"
_NOT_NAMES = frozenset("he she it they this that the der die das er sie es dieser diese".split())
ASKED_PERSON = [
    re.compile(r"^\s*(?:who\s+(?:is|was)|who['’]s)\s+(?P<name>[^?!]+?)\s*\??\s*$", re.IGNORECASE),
    re.compile(r"^\s*wer\s+(?:ist|war)\s+(?:eigentlich\s+)?(?P<name>[^?!]+?)\s*\??\s*$", re.IGNORECASE),
]
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def asked_person(question: str) -> str:
    """The person a "Who is …?" question asks about ("Who is Jack Lew?" -> "Jack Lew"), or "": the rest of the
    question has to be a name, capitalised words (particles aside), none a pronoun or article."""
    for pattern in ASKED_PERSON:
        match = pattern.match(question)
        if match is None:
            continue
        name = match.group("name").rstrip(".")
        words = name.split()
        if (
            len(words) <= MAX_NAME_WORDS
            and all(_NAME_WORD.fullmatch(word) for word in words)
            and words[0][:1].isupper()
            and words[-1][:1].isupper()
            and all(word[:1].isupper() or word in _PARTICLES for word in words)
            and words[0].lower() not in _NOT_NAMES
        ):
            return name
    return ""


def _named(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def naming(name: str, hits: Sequence[Hit]) -> list[Hit]:
    """The hits whose text names the person in full, one per article, best first."""
    pattern = _named(name)
    seen: set[str] = set()
    named = []
    for hit in hits:
        if hit.article_id not in seen and pattern.search(hit.text):
            seen.add(hit.article_id)
            named.append(hit)
    return named


def person_answer(question: str, name: str, hits: Sequence[Hit]) -> Answer | None:
    """What the news says about `name`: the first sentence naming them in each of the best articles that do,
    cited; None when no hit names them in full."""
    named = naming(name, hits)[:MAX_ARTICLES]
    if not named:
        return None
    pattern = _named(name)
    parts = []
    for n, hit in enumerate(named, start=1):
        language = hit.meta.language or detect_language(hit.text, default="en")
        sentences = split_sentences(hit.text, language)
        first = next((i for i, s in enumerate(sentences) if pattern.search(s)), None)
        # a name the splitter cut ("J." | "Lew …") is in no one sentence: the passage's start then
        said = shorten(hit.text, SNIPPET_CHARS) if first is None else _with_what_they_said(sentences, first)
        parts.append(f"{said} [{n}]")
    return build_answer(question, " ".join(parts), named, answerer="people")


def _with_what_they_said(sentences: Sequence[str], first: int) -> str:
    """The sentence `first` that names the person, after those before it (at most MAX_QUOTED_SENTENCES) while it
    closes a quote it does not open: an attribution ('" (Heinz-Christian Strache).') follows the quote it
    attributes."""
    start = first
    while start > 0 and first - start < MAX_QUOTED_SENTENCES and _open_quote(" ".join(sentences[start : first + 1])):
        start -= 1
    return " ".join(sentences[start : first + 1])


def _open_quote(text: str) -> bool:
    """Whether the text holds an odd number of quotation marks: it starts or ends inside a quote."""
    return text.count('"') % 2 == 1 or sum(text.count(mark) for mark in "„“”") % 2 == 1
