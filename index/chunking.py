"""Chunking: an article's sentences packed into passages that fit the embedder's real input limit.

Sizes are counted in the embedder's own tokens (not characters), with room left for the title, which is
prepended to every chunk's embedded text (`Chunk.embed_text`) so that each passage carries its article's topic.
Paragraph breaks are preferred as cut points; a sentence is never cut unless it alone exceeds the limit.

The work per article is bounded, whatever the input: an article that would need more than `max_chunks` chunks
(NEWSBOT_MAX_CHUNKS_PER_ARTICLE) is refused — at once when its length alone shows it, else as soon as packing
passes the cap — and so is a text without words or one that repeats a few words over and over. Sentences come
from bounded windows (`index.segmentation.iter_sentences`), and each piece's tokens are counted once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from index.errors import SourceError
from index.models import Article, Chunk
from index.segmentation import iter_sentences

# Leaves room for special tokens and for the gap between the tokenizer's count of parts and of the whole.
TOKEN_MARGIN = 8
MIN_CHUNK_TOKENS = 32
#: about 30,000 words in 200-token chunks (use, use+e5): far beyond a news article, and 25 s of use+e5 embedding
DEFAULT_MAX_CHUNKS_PER_ARTICLE = 200
# No tokenizer here averages more characters per token on text (cleaning has collapsed its whitespace), so a
# text longer than max_chunks x budget x this cannot fit, and is refused before it is split.
MAX_CHARS_PER_TOKEN = 16
# A text whose first REPETITION_SAMPLE_WORDS words hold fewer different words than this share repeats itself
# (news prose has 30-60 %): "word word word ..." is not embedded 5,000 times.
REPETITION_SAMPLE_WORDS = 5000
MIN_WORDS_TO_JUDGE_REPETITION = 100
MIN_DISTINCT_WORD_SHARE = 0.05
_WORD_CHARACTER = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Chunker:
    """Packs sentences greedily up to `max_tokens` (title included); a new paragraph starts a new chunk once
    the current one is at least half full. Refuses (SourceError) articles that need more than `max_chunks`."""

    count_tokens: Callable[[str], int]
    max_tokens: int
    max_chunks: int = DEFAULT_MAX_CHUNKS_PER_ARTICLE

    def __post_init__(self) -> None:
        if self.max_tokens < MIN_CHUNK_TOKENS:
            raise ValueError(f"max_tokens must be at least {MIN_CHUNK_TOKENS}, got {self.max_tokens}")
        if self.max_chunks < 1:
            raise ValueError(f"max_chunks must be at least 1, got {self.max_chunks}")

    def chunk(self, article: Article) -> list[Chunk]:
        _check_prose(article)
        title_tokens = self.count_tokens(article.meta.title) if article.meta.title else 0
        budget = max(MIN_CHUNK_TOKENS // 2, self.max_tokens - title_tokens - TOKEN_MARGIN)
        if len(article.text) > self.max_chunks * budget * MAX_CHARS_PER_TOKEN:
            raise self._too_long(article)
        passages: list[str] = []
        current: list[str] = []
        used = 0

        def close_passage() -> None:
            nonlocal current, used
            passages.append(" ".join(current))
            current, used = [], 0
            if len(passages) > self.max_chunks:
                raise self._too_long(article)

        for paragraph in article.text.split("\n\n"):
            if current and used >= budget // 2:
                close_passage()
            for sentence in iter_sentences(paragraph, article.meta.language or "en"):
                for piece, tokens in self._fit(sentence, budget):
                    if current and used + tokens > budget:
                        close_passage()
                    current.append(piece)
                    used += tokens
            if current:
                current[-1] = current[-1] + "\n"
        if current:
            close_passage()
        # A sentence that ends a paragraph carries "\n"; joining put a space after it.
        texts = [p.replace("\n ", "\n").strip() for p in passages if p.strip()]
        return [Chunk(article=article, index=i, text=text) for i, text in enumerate(texts)]

    def _fit(self, text: str, budget: int) -> Iterator[tuple[str, int]]:
        """The text with its token count, or pieces of it that fit the budget: cut into as many equal runs of
        words (of characters, for one endless word) as the count says are needed, each counted once, and cut
        again where one still does not fit."""
        tokens = self.count_tokens(text)
        if tokens <= budget or len(text) < 2:
            yield text, tokens
            return
        parts = math.ceil(tokens / budget)
        words = text.split()
        if len(words) > 1:
            size = math.ceil(len(words) / parts)
            runs = [" ".join(words[start : start + size]) for start in range(0, len(words), size)]
        else:
            size = math.ceil(len(text) / parts)
            runs = [text[start : start + size] for start in range(0, len(text), size)]
        for run in runs:
            yield from self._fit(run, budget)

    def _too_long(self, article: Article) -> SourceError:
        return SourceError(
            article.source,
            f"is too long for one article: more than {self.max_chunks} chunks of {self.max_tokens} tokens "
            "(NEWSBOT_MAX_CHUNKS_PER_ARTICLE): split it into several articles, or raise the limit",
        )


def _check_prose(article: Article) -> None:
    """Refuse texts that are not prose: no letter or digit at all, or a few words repeated over and over."""
    if not _WORD_CHARACTER.search(article.text):
        raise SourceError(article.source, "has no words, only symbols or emoji: it does not read as an article")
    words = article.text.split(maxsplit=REPETITION_SAMPLE_WORDS)[:REPETITION_SAMPLE_WORDS]
    distinct = len({word.lower() for word in words})
    if len(words) >= MIN_WORDS_TO_JUDGE_REPETITION and distinct < MIN_DISTINCT_WORD_SHARE * len(words):
        raise SourceError(
            article.source,
            f"repeats the same few words ({distinct} different in its first {len(words)}): it does not read as "
            "an article",
        )
