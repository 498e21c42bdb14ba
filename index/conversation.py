"""Follow-up questions: make "And what did the US say?" standalone using the conversation so far.

With an LLM, the answerer rewrites the follow-up (`Answerer.condense`). Without one, a heuristic: a question
that looks like a follow-up — it is short, or starts with "and"/"und"/"what about"/…, or leans on a pronoun and
names nothing of its own — gets the previous question appended, so retrieval still finds the story the
conversation is about. A question that stands on its own is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.answerers.base import Answerer
from index.models import Turn

FOLLOW_UP_START = re.compile(
    r"^\s*(and|but|also|so|what about|how about|and what|und|aber|auch|was ist mit|und was|wie steht es mit"
    r"|et|mais|et si|y|pero|e|ma)\b",
    re.IGNORECASE,
)
# Words that point back to what was said before. Not the demonstratives and articles that also open standalone
# questions ("this year", "Gibt es …", "Was kostet das neue …", "Are there …").
REFERRING = re.compile(
    r"\b(it|its|they|them|their|he|him|his|she|her"
    r"|er|sie|ihm|ihn|ihnen|dort|damals|dazu|darüber|davon|daran|deshalb|deswegen)\b",
    re.IGNORECASE,
)
SHORT_QUESTION_WORDS = 4


def looks_like_follow_up(question: str) -> bool:
    """Short, opening like a follow-up ("And …", "Und was …"), or pointing back ("he", "dort") without naming a
    subject of its own: a name or a number ("What did Scholz say there?" stands on its own)."""
    words = question.split()
    if len(words) <= SHORT_QUESTION_WORDS or FOLLOW_UP_START.match(question):
        return True
    return bool(REFERRING.search(question)) and not _names_its_subject(question)


def _names_its_subject(question: str) -> bool:
    from index.answerers.evidence import Question
    from index.language import detect_language

    return bool(Question.of(question, detect_language(question) or "en").names)


def standalone_question(question: str, history: Sequence[Turn], answerer: Answerer) -> tuple[str, str]:
    """(the question to answer, the query to retrieve with) for a question asked after `history`.

    With an LLM both are its standalone rewrite. Without one, a follow-up is retrieved together with the previous
    question but answered as asked; a question that stands on its own is left as it is.
    """
    if not history:
        return question, question
    rewritten = answerer.condense(question, history)
    if rewritten and rewritten.strip():
        return rewritten.strip(), rewritten.strip()
    if looks_like_follow_up(question):
        return question, f"{question} {history[-1].question}"
    return question, question
