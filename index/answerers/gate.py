"""The answer gate: the one place that decides whether newsbot answers a question, and says so when it does not.

    question ─ screen_question ─► not a question ("hi", "?", "asdf qwer")        -> a short helpful reply
        │
    retrieve hits ─ screen_hits ─► nothing indexed yet                           -> how to ingest
        │                      ├► asked about dates no indexed article is from    -> say so, and name the newest
        │                      └► no hit relevant enough                          -> "the news does not say"
    answerer ─ (extractive) evidence model ─► the hits do not answer *this* question -> "the news does not say"

The first two steps run before any answerer, so no LLM is asked about a greeting or about news nobody indexed. The
last step is the extractive answerer's: its fitted evidence model (evidence.py) weighs the best sentence and the
hits — the question's names and numbers, the kind of answer asked for — and answers only when the probability
that the hits answer reaches its calibrated threshold. LLM answerers decide that step themselves ("not in the
sources").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from index.answerers.base import abstain_text
from index.dates import DateQuery, DateRange
from index.language import detect_language, is_known_word
from index.lexical import STOPWORDS, fold
from index.models import Hit, StoredArticle

Reason = Literal["answer", "not_a_question", "empty_store", "no_article_in_range", "not_relevant", "weak_evidence"]

GREETINGS = frozenset(
    fold(word)
    for word in """
    hi hello hey hallo moin servus yo hiya howdy bonjour salut hola ciao thanks thank you danke dankeschön merci
    gracias grazie ok okay cool test bye tschüss ciao good morning guten morgen guten tag good evening guten abend
    """.split()
)
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

REPLIES: dict[str, dict[str, str]] = {
    "greeting": {
        "en": "Hi! Ask me about the news, e.g. “Who denied supplying arms?”",
        "de": "Hallo! Fragen Sie mich etwas zu den Nachrichten, z. B. „Wer hat Waffenlieferungen bestritten?“",
    },
    "unclear": {
        "en": "I did not understand that. Ask me a question about the news, e.g. “Who denied supplying arms?”",
        "de": "Das habe ich nicht verstanden. Stellen Sie eine Frage zu den Nachrichten, z. B. „Wer hat "
        "Waffenlieferungen bestritten?“",
    },
    "empty_store": {
        "en": "I have not read any news yet: add articles first (newsbot ingest FILES/URLS, or /add URL in Telegram).",
        "de": "Ich habe noch keine Nachrichten gelesen: fügen Sie zuerst Artikel hinzu (newsbot ingest DATEIEN/URLS "
        "oder /add URL in Telegram).",
    },
}


@dataclass(frozen=True)
class Decision:
    """Whether to answer, and why not: `text` is what to tell the user instead (in the question's language)."""

    answer: bool
    reason: Reason
    text: str = ""
    #: the gate's estimate that the answer is right, where it makes one (the extractive judge)
    probability: float | None = None


ANSWER = Decision(answer=True, reason="answer")


def no_article_text(published: DateRange, newest: StoredArticle | None, language: str) -> str:
    """ "No article from 2026-12-02 (today) is indexed; the newest is from 2026-12-01: “…”." (English, German)."""
    if language == "de":
        text = f"Kein indexierter Artikel ist vom {published.span(' bis ')} ({published.expression})"
        if newest is None or newest.meta.published_at is None:
            return text + "; kein indexierter Artikel hat ein Datum."
        return text + f"; der neueste ist vom {newest.meta.published_iso[:10]}: „{newest.meta.title}“."
    text = f"No article from {published.days} ({published.expression}) is indexed"
    if newest is None or newest.meta.published_at is None:
        return text + ", and no indexed article has a date."
    return text + f"; the newest is from {newest.meta.published_iso[:10]}: “{newest.meta.title}”."


def reply(kind: str, question: str) -> str:
    """One of REPLIES in the question's language where we have it, else in English."""
    texts = REPLIES[kind]
    return texts.get(detect_language(question, default="en"), texts["en"])


class AnswerGate:
    """Decides, step by step, whether a question gets an answer (see the module docstring)."""

    def __init__(self, *, min_relevance: float) -> None:
        self.min_relevance = min_relevance

    def screen_question(self, question: str) -> Decision:
        """Greetings, punctuation and gibberish get a short helpful reply instead of a cited sentence."""
        words = WORD_RE.findall(question)
        if not words:
            return Decision(False, "not_a_question", reply("unclear", question))
        if all(fold(word) in GREETINGS for word in words):
            return Decision(False, "not_a_question", reply("greeting", question))
        if not _has_meaning(words):
            return Decision(False, "not_a_question", reply("unclear", question))
        return ANSWER

    def screen_hits(self, question: str, hits: Sequence[Hit], *, store_is_empty: bool) -> Decision:
        """Nothing indexed, or nothing relevant enough to read: abstain before any answerer runs."""
        if store_is_empty:
            return Decision(False, "empty_store", reply("empty_store", question))
        if not hits or max(hit.score for hit in hits) < self.min_relevance:
            return Decision(False, "not_relevant", abstain_text(question))
        return ANSWER

    def screen_dates(self, question: str, dates: DateQuery, articles: Sequence[StoredArticle]) -> Decision:
        """A question about dates no indexed article is from gets told so, with the newest article's date,
        instead of older news; `articles` are all the stored articles. The newest is the newest before those dates
        where there is one: replaying an earlier `now`, later articles are not yet news."""
        published = dates.published
        if published is None or any(published.contains(a.meta.published_ts) for a in articles):
            return ANSWER
        dated = sorted((a for a in articles if a.meta.published_ts), key=lambda a: a.meta.published_ts or 0.0)
        before = [a for a in dated if (a.meta.published_ts or 0.0) < published.start_ts]
        newest = (before or dated)[-1] if dated else None
        language = dates.language or detect_language(question, default="en")
        return Decision(False, "no_article_in_range", no_article_text(published, newest, language))


def _has_meaning(words: Sequence[str]) -> bool:
    """Whether any word is a number, a name, a function word or a word of a language we read.

    Cheap checks first; the lemma dictionaries (simplemma) load only for questions the cheap checks cannot tell.
    """
    if any(word.isdigit() or fold(word) in STOPWORDS or word[:1].isupper() for word in words):
        return True
    return any(is_known_word(word) for word in words if len(word) > 1)
