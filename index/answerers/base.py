"""The answerer Protocol and what all answerers share: numbered sources and citation parsing."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from index.language import message_language, question_language
from index.models import Answer, ArticleMeta, Hit, Source, Turn
from index.stories import story_key
from index.text import shorten

if TYPE_CHECKING:
    import numpy as np

    from index.answerers.evidence import Corpus
    from index.word_vectors import WordVectors


class ArticleStore(Protocol):
    """Where an answerer reads the rest of a retrieved article (index/store.py `ChunkStore` is one)."""

    def article_chunks(self, article_id: str, vector: np.ndarray | None = None) -> list[Hit]: ...


CITATION_RE = re.compile(r"\[(\d{1,2}(?:\s*,\s*\d{1,2})*)\]")
SNIPPET_CHARS = 300


ABSTAIN_TEXTS = {
    "en": "The indexed news does not say.",
    "de": "Die indexierten Nachrichten sagen dazu nichts.",
    "fr": "Les actualités indexées ne le disent pas.",
    "es": "Las noticias indexadas no lo dicen.",
    "it": "Le notizie indicizzate non lo dicono.",
    "nl": "Het geïndexeerde nieuws zegt dat niet.",
    "pt": "As notícias indexadas não dizem isso.",
    "ru": "В проиндексированных новостях об этом не сказано.",
    "uk": "У проіндексованих новинах про це не сказано.",
    "pl": "Zindeksowane wiadomości tego nie mówią.",
}


def said_in_language_of(question: str, texts: dict[str, str]) -> str:
    """The text of `texts` (by language) in the question's language where we have it, else in English."""
    return texts.get(message_language(question), texts["en"])


def abstain_text(question: str) -> str:
    """ "The indexed news does not say." in the question's language where we have it, else in English."""
    return said_in_language_of(question, ABSTAIN_TEXTS)


# What a question for an amount in one currency gets when the news gives it only in another ("How much will it cost
# in euros?": "799 Dollar"), before the sentences that give it: {currency} is the question's word for its currency.
OTHER_CURRENCY_TEXTS = {
    "en": "The indexed news gives no amount in {currency}. What it gives:",
    "de": "Die indexierten Nachrichten nennen keinen Betrag in {currency}. Was sie nennen:",
    "fr": "Les actualités indexées ne donnent aucun montant en {currency}. Ce qu’elles donnent :",
    "es": "Las noticias indexadas no dan ninguna cantidad en {currency}. Lo que dan:",
    "it": "Le notizie indicizzate non danno alcun importo in {currency}. Ciò che danno:",
    "nl": "Het geïndexeerde nieuws noemt geen bedrag in {currency}. Wat het noemt:",
    "pt": "As notícias indexadas não indicam nenhum valor em {currency}. O que indicam:",
    "ru": "В проиндексированных новостях нет суммы в {currency}. Вот что в них есть:",
    "uk": "У проіндексованих новинах немає суми в {currency}. Ось що в них є:",
    "pl": "Zindeksowane wiadomości nie podają kwoty w {currency}. Podają to:",
}


def other_currency_text(question: str, currency: str) -> str:
    """ "The indexed news gives no amount in euros. What it gives:" in the question's language where we have it,
    else in English; `currency` as the question writes it."""
    return said_in_language_of(question, OTHER_CURRENCY_TEXTS).format(currency=currency)


# What a question gets when its answer's article tells that what it asks for is not known ("Was sie geladen hatten,
# ist vorerst noch unklar."), before that sentence.
NOT_KNOWN_TEXTS = {
    "en": "The indexed news says this is not known:",
    "de": "Laut den indexierten Nachrichten ist das nicht bekannt:",
    "fr": "Selon les actualités indexées, ce n’est pas connu :",
    "es": "Según las noticias indexadas, no se sabe:",
    "it": "Secondo le notizie indicizzate, non è noto:",
    "nl": "Volgens het geïndexeerde nieuws is dat niet bekend:",
    "pt": "Segundo as notícias indexadas, isso não se sabe:",
    "ru": "По данным проиндексированных новостей, это неизвестно:",
    "uk": "За даними проіндексованих новин, це невідомо:",
    "pl": "Według zindeksowanych wiadomości nie jest to znane:",
}


def not_known_text(question: str) -> str:
    """ "The indexed news says this is not known:" in the question's language where we have it, else in English."""
    return said_in_language_of(question, NOT_KNOWN_TEXTS)


# What a request for more of a story gets when the answers have quoted all the news says to its question.
NO_MORE_TEXTS = {
    "en": "That is all the indexed news says about it.",
    "de": "Mehr sagen die indexierten Nachrichten dazu nicht.",
    "fr": "C’est tout ce que les actualités indexées en disent.",
    "es": "Eso es todo lo que dicen las noticias indexadas al respecto.",
    "it": "È tutto ciò che le notizie indicizzate ne dicono.",
    "nl": "Meer zegt het geïndexeerde nieuws er niet over.",
    "pt": "Isso é tudo o que as notícias indexadas dizem a respeito.",
    "pl": "To wszystko, co zindeksowane wiadomości o tym mówią.",
    "ru": "Больше проиндексированные новости об этом ничего не говорят.",
    "uk": "Більше проіндексовані новини про це нічого не кажуть.",
}


def no_more_text(question: str) -> str:
    """ "That is all the indexed news says about it." in the question's language where we have it, else in
    English."""
    return NO_MORE_TEXTS.get(question_language(question, default="en"), NO_MORE_TEXTS["en"])


class Answerer(ABC):
    """Answers a question from hits numbered 1..n in the given order, citing them as [n]."""

    name: str = ""
    #: whether it writes its answers (an LLM: in the question's language, and it can translate one) rather than
    #: quoting the articles' sentences as written
    writes: bool = False

    def warm_up(self) -> None:  # noqa: B027  (an optional hook: the default does nothing)
        """Load models or check endpoints once; the default needs nothing."""

    @abstractmethod
    def answer(self, question: str, hits: Sequence[Hit]) -> Answer: ...

    def answer_more(self, question: str, hits: Sequence[Hit], said: Sequence[str]) -> Answer:
        """Answer a request for more of the story `question` asked about, telling what `said` (the texts the
        conversation's answers quoted) does not. The default answers the question again: an LLM's follow-ups are
        its own rewrites (`condense`)."""
        return self.answer(question, hits)

    def condense(self, question: str, history: Sequence[Turn]) -> str | None:
        """Rewrite a follow-up into a standalone question; None when this answerer cannot (no LLM)."""
        return None

    @property
    def reads_with(self) -> str:
        """The models `read_ahead` embeds with, by name, and what else it prepares with ("" when it prepares
        nothing): what is read ahead for one value is unread for another."""
        return ""

    def read_ahead(self, hits: Sequence[Hit]) -> int:
        """Prepare before a question what answering from these chunks will need; returns how many texts it
        embedded. The default needs nothing."""
        return 0

    def forget(self, hits: Sequence[Hit]) -> int:
        """Drop what `read_ahead` or answering kept of these chunks (one article's, being deleted); returns how
        many kept texts were dropped. The default keeps nothing."""
        return 0

    def use_corpus(self, corpus: Corpus) -> None:  # noqa: B027  (an optional hook: the default does nothing)
        """Let the answerer consult the whole indexed store (which words any chunk holds); the default does not."""

    def use_store(self, store: ArticleStore) -> None:  # noqa: B027  (an optional hook: the default does nothing)
        """Let the answerer read more of the retrieved articles than their retrieved chunks; the default does not."""

    def use_words(self, words: WordVectors) -> None:  # noqa: B027  (an optional hook: the default does nothing)
        """Let the answerer share the newsroom's word vectors (and the words they keep); the default reads none."""


def cited_numbers(text: str) -> list[int]:
    """The source numbers cited in `text`, in order of first appearance, without repeats."""
    seen: list[int] = []
    for match in CITATION_RE.finditer(text):
        for part in match.group(1).split(","):
            n = int(part)
            if n not in seen:
                seen.append(n)
    return seen


def build_answer(question: str, text: str, hits: Sequence[Hit], *, answerer: str, abstained: bool = False) -> Answer:
    """Keep only the cited hits as sources, one per story, numbered 1..m in order of first citation.

    Two cited chunks of one article become one source, so the list never shows an article twice; nor a story
    (index/stories.py): cited copies of it from other outlets join the source's `also_reported_by`. Citations to
    numbers no hit has are dropped from the text, so every [n] a user sees has a source.
    """
    valid = [n for n in cited_numbers(text) if 1 <= n <= len(hits)]
    story_number: dict[str, int] = {}
    renumber: dict[int, int] = {}
    for old in valid:
        renumber[old] = story_number.setdefault(story_key(hits[old - 1]), len(story_number) + 1)

    def _rewrite(match: re.Match[str]) -> str:
        numbers = [renumber[int(p)] for p in match.group(1).split(",") if int(p) in renumber]
        return "".join(f"[{n}]" for n in dict.fromkeys(numbers))

    # "[1][3]" citing two copies of one story (or two chunks of one article) is one source: "[1]".
    new_text = re.sub(r"(\[\d+\])(?:\s*\1)+", r"\1", CITATION_RE.sub(_rewrite, text))
    new_text = re.sub(r"[ \t]+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", new_text)).strip()
    first_hit = {new: old for old, new in reversed(list(renumber.items()))}
    sources = [
        Source(
            n=new,
            article_id=hits[old - 1].article_id,
            meta=hits[old - 1].meta,
            snippet=shorten(hits[old - 1].text, SNIPPET_CHARS),
            score=hits[old - 1].score,
            also_reported_by=_other_reports(hits[old - 1], [hits[o - 1] for o, n in renumber.items() if n == new]),
        )
        for new, old in sorted(first_hit.items())
    ]
    return Answer(text=new_text, sources=sources, abstained=abstained, answerer=answerer, question=question)


def _other_reports(hit: Hit, cited: Sequence[Hit]) -> tuple[ArticleMeta, ...]:
    """The other articles of `hit`'s story: those retrieval attached, and other articles of it that were cited."""
    others = list(hit.also_reported_by)
    seen = {hit.article_id}
    for other in cited:
        if other.article_id not in seen:
            seen.add(other.article_id)
            if other.meta not in others:
                others.append(other.meta)
    return tuple(others)
