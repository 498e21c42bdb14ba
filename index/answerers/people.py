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
NAME_PARTICLES = frozenset("van von der den de del della da di du le la bin al ibn".split())
# Capitalised words that start what is no name: "Who is He?", "Wer ist Der Mann?", "Qui est Ce type ?"
_NOT_NAMES = frozenset(
    """he she it they this that the der die das er sie es dieser diese il elle ce cet cette lui él ella este esta
    lei questo questa""".split()
)
ASKED_PERSON = [
    re.compile(r"^\s*(?:who\s+(?:is|was)|who['’]s)\s+(?P<name>[^?!]+?)\s*\??\s*$", re.IGNORECASE),
    re.compile(r"^\s*wer\s+(?:ist|war)\s+(?:eigentlich\s+)?(?P<name>[^?!]+?)\s*\??\s*$", re.IGNORECASE),
    # French, Spanish, Italian: "Qui est Kim Jong Un ?", "¿Quién es Kim Jong Un?", "Chi è Kim Jong Un?"
    re.compile(
        r"^\s*¿?\s*(?:qui\s+(?:est|était)|c['’]est\s+qui|qui[ée]n\s+(?:es|era|fue)|chi\s+(?:è|e|era))\s+"
        r"(?P<name>[^?!]+?)\s*\??\s*$",
        re.IGNORECASE,
    ),
]
NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


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
            and all(NAME_WORD.fullmatch(word) for word in words)
            and words[0][:1].isupper()
            and words[-1][:1].isupper()
            and all(word[:1].isupper() or word in NAME_PARTICLES for word in words)
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
    """The sentence `first` that names the person; when its first quotation mark closes a quote, after the sentences
    before it back to one that holds a quotation mark (at most MAX_QUOTED_SENTENCES): an attribution ('"
    (Heinz-Christian Strache).') follows the quote it attributes. A sentence that opens a quote ('… says at lunch
    “I’m a chauvinist …', a tweet) stands alone: it was quoted after the sentence before it."""
    start = first
    marks = _quote_marks(sentences[first])
    if marks and not marks[0]:
        while start > 0 and first - start < MAX_QUOTED_SENTENCES:
            start -= 1
            if any(_quote_marks(sentences[start])):
                break
    return " ".join(sentences[start : first + 1])


_QUOTE_MARK = re.compile(r'["„“”]')


def _quote_marks(text: str) -> list[bool]:
    """The text's quotation marks in order, True for one that opens a quote: at the start or after a space or
    bracket, and before a word ('"Wir …', 'sagte: „Wir …', 'lunch “I’m …'); any other closes one ('Alle.“ (Jack
    Lew).', '" (Heinz-Christian Strache).')."""
    return [
        (at == 0 or text[at - 1] in " ([–-") and text[at + 1 : at + 2].isalnum()
        for at in (mark.start() for mark in _QUOTE_MARK.finditer(text))
    ]
