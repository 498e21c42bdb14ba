"""The answer gate: the one place that decides whether newsbot answers a question, and says so when it does not.

    question ─ screen_question ─► not a question ("hi", "?", "asdf qwer")        -> a short helpful reply
        │
    retrieve hits ─ screen_hits ─► nothing indexed yet                           -> how to ingest
        │                      ├► asked about dates no indexed article is from    -> say so, and name the newest
        │                      └► no hit relevant enough                          -> "the news does not say"
    answerer ─ (extractive) evidence model ─► the hits do not answer *this* question -> "the news does not say"
                                         └► no time, amount or count asked for     -> "the news does not say"

The first two steps run before any answerer, so no LLM is asked about a greeting or about news nobody indexed. The
last step is the extractive answerer's: its fitted evidence model (evidence.py) weighs the best sentence and the
hits — the question's names and numbers, the kind of answer asked for — and answers only when the probability
that the hits answer reaches its calibrated threshold, and the answer holds the kind asked for where that can be
read off its words: a time for "When …?", an amount of money or a count for "How much …?" / "How many …?"
(`ExtractiveAnswerer.lacks_kind`). LLM answerers decide that step themselves ("not in the sources").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from index.answerers import romance_questions
from index.answerers.base import abstain_text
from index.answerers.date_replies import clock_reply, no_article_text
from index.answerers.message_patterns import (
    ABOUT_THE_ARTICLE,
    ABOUT_THE_BOT,
    ARITHMETIC,
    ARITHMETIC_ASKED,
    BARE_QUESTION,
    CLOCK,
    DOUBT,
    ENDS_POINTING,
    ENTERTAIN,
    FAREWELL,
    GOOD_BOT,
    HOW_ARE_YOU,
    LEADING_PART,
    LINK_ONLY,
    MORE_ALONE,
    NOD,
    NOT_THE_NEWS,
    NUMBER_ONLY,
    PLACEHOLDER,
    POINTS_BACK,
    SOURCES_REQUEST,
    SUMMARY_REQUEST,
    TRANSLATE_REQUEST,
    WHY_NOT,
    WISHES,
    WORD_RE,
    YEAR,
)
from index.answerers.question import QUESTION_WORDS, Question
from index.answerers.question_openings import OPENS_WITH_QUESTION_WORD, POLITE_WRAPPER, YES_NO_CONNECTIVE
from index.answerers.replies import REPLIES, bare_language, reply
from index.answerers.word_lists import (
    ENGLISH_QUESTION_WORDS,
    MORE_WORDS,
    NO_STORY_FILLERS,
    PAST_FORMS_EN,
    SMALL_TALK,
    SMALL_TALK_FILLERS,
    SMALL_TALK_WORDS,
)
from index.conversation import ASKS_FOR_MORE
from index.dates import DateQuery
from index.language import is_known_word, question_language, recased
from index.lexical import STOPWORDS, fold
from index.models import Hit, StoredArticle

Reason = Literal[
    "answer", "not_a_question", "no_story", "empty_store", "no_article_in_range", "not_relevant", "weak_evidence"
]


@dataclass(frozen=True)
class Decision:
    """Whether to answer, and why not: `text` is what to tell the user instead (in the question's language)."""

    answer: bool
    reason: Reason
    text: str = ""
    #: the gate's estimate that the answer is right, where it makes one (the extractive judge)
    probability: float | None = None


ANSWER = Decision(answer=True, reason="answer")


class AnswerGate:
    """Decides, step by step, whether a question gets an answer (see the module docstring)."""

    def __init__(self, *, min_relevance: float, translates: bool = False) -> None:
        self.min_relevance = min_relevance
        #: whether the answerer can translate (an LLM); else a request to translate is told it cannot
        self.translates = translates

    def screen_question(
        self,
        question: str,
        now: datetime | None = None,
        *,
        alone: bool = False,
        unanswered: bool = False,
        asker: str = "",
    ) -> Decision:
        """Small talk, punctuation and gibberish get a short helpful reply instead of a cited sentence; `now` is
        what today is for a question about the date (default: the clock). A question `alone` follows no earlier
        turn: a question word alone ("Why?") is then unclear, where in a conversation it asks about the story. One
        that follows a reply that quoted no news (`unanswered`, "the news does not say") and asks why not is told
        where the answers come from. A request for more ("More", "Nochmal") `alone` is asked which story it means.
        `asker`: the language the asker's client names, for a reply to words two languages share ("Hallo").
        """
        words = WORD_RE.findall(question)
        number_only = NUMBER_ONLY.match(question) and not YEAR.match(question)
        # "a", "x", and "A", "X" as the newsroom asks them (`as_asked` capitalises): they were answered, cited; "X?"
        # may ask about the company
        letter_only = len(words) == 1 and len(words[0]) == 1 and (words[0].islower() or not question.endswith("?"))
        if not words or ARITHMETIC.match(question) or PLACEHOLDER.search(question) or number_only or letter_only:
            return Decision(False, "not_a_question", reply("unclear", question, asker))
        if ARITHMETIC_ASKED.match(" ".join(question.split())):
            return Decision(False, "not_a_question", reply("joke", question, asker))
        said = " ".join(words)
        if unanswered and WHY_NOT.match(said):
            return Decision(False, "not_a_question", reply("why_not", question, asker))
        if alone and BARE_QUESTION.match(said):
            return Decision(False, "not_a_question", REPLIES["unclear"][bare_language(question, words, asker=asker)])
        if alone and (MORE_ALONE.match(said) or ASKS_FOR_MORE.match(question)):
            return Decision(False, "no_story", REPLIES["no_story"][bare_language(question, words, MORE_WORDS, asker)])
        if alone and ABOUT_THE_ARTICLE.match(said):  # "What is the article about?" before any answer
            return Decision(False, "no_story", reply("no_story", question, asker))
        if CLOCK.match(said):
            return Decision(False, "not_a_question", clock_reply(question, now or datetime.now(UTC)))
        if not self.translates and TRANSLATE_REQUEST.match(question):
            return Decision(False, "not_a_question", reply("translate", question, asker))
        if not self.translates and SUMMARY_REQUEST.match(said):
            return Decision(False, "not_a_question", reply("summary", question, asker))
        kind = "sources" if asks_for_sources(question) else small_talk(words)
        if kind:
            return Decision(False, "not_a_question", reply(kind, question, asker))
        if not _has_meaning(words):
            return Decision(False, "not_a_question", reply("unclear", question, asker))
        return ANSWER

    def screen_story(self, question: str) -> Decision:
        """A question that follows no earlier turn and names no story (`names_no_story`) is asked which one it
        means, instead of getting a sentence of whatever story its one word matches."""
        if names_no_story(question):
            language = _asking_language(question)
            return Decision(False, "no_story", REPLIES["no_story"].get(language, REPLIES["no_story"]["en"]))
        return ANSWER

    def screen_hits(self, question: str, hits: Sequence[Hit], *, store_is_empty: bool) -> Decision:
        """Nothing indexed, or nothing relevant enough to read: abstain before any answerer runs."""
        if store_is_empty:
            return Decision(False, "empty_store", reply("empty_store", question))
        if not hits or max(hit.score for hit in hits) < self.min_relevance:
            return Decision(False, "not_relevant", abstain_text(question))
        return ANSWER

    def screen_dates(
        self, question: str, dates: DateQuery, articles: Sequence[StoredArticle], outlet: str = ""
    ) -> Decision:
        """A question about dates no indexed article is from gets told so, with the newest article's date,
        instead of older news; `articles` are all the stored articles (`outlet`'s, when the question names one).
        The newest is the newest before those dates where there is one: replaying an earlier `now`, later articles
        are not yet news."""
        published = dates.published
        if published is None or any(published.contains(a.meta.published_ts) for a in articles):
            return ANSWER
        dated = sorted((a for a in articles if a.meta.published_ts), key=lambda a: a.meta.published_ts or 0.0)
        before = [a for a in dated if (a.meta.published_ts or 0.0) < published.start_ts]
        newest = (before or dated)[-1] if dated else None
        language = dates.language or question_language(question, default="en")
        return Decision(False, "no_article_in_range", no_article_text(published, newest, language, outlet))


def linked_page(message: str) -> str:
    """The web address a message is made of, or "" when it is more (or less) than one."""
    match = LINK_ONLY.match(message)
    return match.group("url") if match else ""


def asks_for_sources(message: str) -> bool:
    """Whether a message asks for the sources of the last answer ("sources?", "Woher hast du das?")."""
    return SOURCES_REQUEST.match(message) is not None


def small_talk(words: Sequence[str]) -> str:
    """The kind of small talk a message of these words is (a key of REPLIES: thanks, praise, goodbye, greeting, nod,
    help, doubt, joke), or "" when it is more than that."""
    said = " ".join(words)
    if GOOD_BOT.match(said) or WISHES.match(said):  # thanked for: "Merry Christmas", "Guten Appetit"
        return "praise"
    if FAREWELL.match(said):
        return "goodbye"
    folded = {fold(word) for word in words if not word.isdigit()}  # "testing 123"
    if folded & SMALL_TALK_WORDS and folded <= SMALL_TALK_WORDS | SMALL_TALK_FILLERS:
        return next(kind for kind, vocabulary in SMALL_TALK.items() if folded & vocabulary)
    if HOW_ARE_YOU.match(said):
        return "greeting"
    if NOD.match(said):
        return "nod"
    if ABOUT_THE_BOT.match(said):
        return "help"
    if DOUBT.match(said):
        return "doubt"
    if ENTERTAIN.match(said) or NOT_THE_NEWS.match(said):
        return "joke"
    return ""


# What a message may open with before its question: small talk that asks nothing.
OPENING_KINDS = frozenset({"greeting", "thanks", "nod", "praise", "goodbye"})


def past_small_talk(message: str) -> str:
    """The message after the small talk it opens with: "Good morning! What's new?" asks "What's new?" ("does not
    say" before), "Cool, thanks. What about Puerto Rico?" "What about Puerto Rico?". A message that is all small talk,
    or opens with none, is returned as it is."""
    rest = message
    while match := LEADING_PART.match(rest):
        if small_talk(WORD_RE.findall(match.group(1))) not in OPENING_KINDS:
            break
        rest = rest[match.end() :]
    words = WORD_RE.findall(rest)
    return rest if words and not small_talk(words) else message


def unwrapped(message: str) -> str:
    """The question a polite wrapper asks ("Do you know what happened to Philae?": "What happened to Philae?",
    "Weißt du, wer das bestritten hat?": "Wer das bestritten hat?", "Do you know if Philae woke up?": "Philae woke
    up?"), its first letter a capital; the message as it is when it has none."""
    match = POLITE_WRAPPER.match(message)
    if match is None:
        return message
    question = YES_NO_CONNECTIVE.sub("", match.group("question"))  # "Do you know if …": "… ?"
    return ("¿" if message.lstrip().startswith("¿") else "") + question[:1].upper() + question[1:]


# Quotes that may close a question before its question mark ("… the short film 'Alles wird gut'").
CLOSING_QUOTES = "'\"’”»“"


def with_question_mark(question: str) -> str:
    """A question that opens with a question word (or has one after a comma) and ends in no punctuation, with its
    question mark ("who denied supplying arms": "who denied supplying arms?"). The answer model was fitted on
    questions that have one, and refused news_qa dev's less often without it (README, "Questions typed without a
    question mark")."""
    stripped = question.rstrip()
    if stripped.rstrip(CLOSING_QUOTES)[-1:].isalnum() and OPENS_WITH_QUESTION_WORD.search(stripped):
        return stripped + "?"
    return question


def as_asked(message: str) -> str:
    """A message as the Newsroom reads it: its spaces one each, past the small talk it opens with, cased as the news
    would write it (`recased`: "HI! WHO DENIED …" as "Who denied …"), out of a polite wrapper, with its question
    mark."""
    return with_question_mark(unwrapped(recased(past_small_talk(" ".join(message.split())))))


def names_no_story(question: str) -> bool:
    """Whether a question names no story: a question word, no name or number, and at most one content word (a word
    pointing back or a filler, `NO_STORY_FILLERS`, is none: "What about him?"), with a word pointing back ("What did
    he say?", "Wie viel kostet es?", "Where is it?"), or one that says only what happened: German written in lower
    case, a verb ("Wer gewann?", "Was ist passiert?"), English a past form ("Who won?", "What happened?"). "What is
    inflation?", "Wer ist der Bundeskanzler?" and "Inflation?" name one."""
    words = WORD_RE.findall(question)
    if not {fold(word) for word in words} & QUESTION_WORDS:
        return _romance_names_no_story(question, words)
    language = _asking_language(question)
    asked = Question.of(question, language)
    pointing = {fold(word) for word in words if POINTS_BACK.fullmatch(word)}
    terms = asked.terms - pointing - NO_STORY_FILLERS
    if asked.names or len(terms) > 1:
        return False
    if not terms or pointing or ENDS_POINTING.search(question):
        return True
    (term,) = terms
    if language == "de":
        return any(fold(word) == term and word[:1].islower() for word in words)
    return language == "en" and (term.endswith("ed") or term in PAST_FORMS_EN)


def _romance_names_no_story(question: str, words: list[str]) -> bool:
    """`names_no_story` for a question in French, Spanish or Italian: "Qui a gagné ?", "Que s'est-il passé ?",
    "¿Qué pasó?", "Chi ha vinto?" name none; "Qui est le président ?", "Qui a gagné le match ?" name one."""
    language = _asking_language(question)
    if language not in romance_questions.QUESTION_WORDS:
        return False
    asked = Question.of(question, language)
    terms = asked.terms - NO_STORY_FILLERS
    if asked.names or len(terms) > 1:
        return False
    if not terms:
        return True
    (term,) = terms
    return any(
        fold(word) == term and romance_questions.says_what_happened(word, language)
        for word in map(romance_questions.content_word, words)
    )


def _asking_language(question: str) -> str:
    """The question's language; when it is too short for the identifier ("Who won?", "Wer gewann?") or the
    identifier names a language the bot does not speak ("Chi ha vinto?" is Catalan to it), the language of its
    question word (English, else German, else French, Spanish or Italian), else the identifier's or ""."""
    folded = {fold(word) for word in WORD_RE.findall(question)}
    language = question_language(question, default="")
    if language in REPLIES["no_story"]:
        return language
    by_words = "en" if folded & ENGLISH_QUESTION_WORDS else "de" if folded & QUESTION_WORDS else ""
    return by_words or romance_questions.asking_language(folded) or language


def _has_meaning(words: Sequence[str]) -> bool:
    """Whether any word is a number, a name, a function word or a word of a language we read.

    Cheap checks first; the lemma dictionaries (simplemma) load only for questions the cheap checks cannot tell.
    """
    if any(word.isdigit() or fold(word) in STOPWORDS or word[:1].isupper() for word in words):
        return True
    return any(is_known_word(word) for word in words if len(word) > 1)
