"""Chunking: an article's sentences packed into passages that fit the embedder's real input limit.

Sizes are counted in the embedder's own tokens (not characters), with room left for the title, which is
prepended to every chunk's embedded text (`Chunk.embed_text`) so that each passage carries its article's topic.
Paragraph breaks are preferred as cut points; a sentence is never cut unless it alone exceeds the limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from index.language import split_sentences
from index.models import Article, Chunk

# Leaves room for special tokens and for the gap between the tokenizer's count of parts and of the whole.
TOKEN_MARGIN = 8
MIN_CHUNK_TOKENS = 32


@dataclass(frozen=True)
class Chunker:
    """Packs sentences greedily up to `max_tokens` (title included); a new paragraph starts a new chunk once
    the current one is at least half full."""

    count_tokens: Callable[[str], int]
    max_tokens: int

    def __post_init__(self) -> None:
        if self.max_tokens < MIN_CHUNK_TOKENS:
            raise ValueError(f"max_tokens must be at least {MIN_CHUNK_TOKENS}, got {self.max_tokens}")

    def chunk(self, article: Article) -> list[Chunk]:
        title_tokens = self.count_tokens(article.meta.title) if article.meta.title else 0
        budget = max(MIN_CHUNK_TOKENS // 2, self.max_tokens - title_tokens - TOKEN_MARGIN)
        passages: list[str] = []
        current: list[str] = []
        used = 0
        for paragraph in article.text.split("\n\n"):
            sentences = split_sentences(paragraph, article.meta.language or "en")
            if current and used >= budget // 2:
                passages.append(" ".join(current))
                current, used = [], 0
            for sentence in sentences:
                for piece, tokens in self._fit(sentence, budget):
                    if current and used + tokens > budget:
                        passages.append(" ".join(current))
                        current, used = [], 0
                    current.append(piece)
                    used += tokens
            if current:
                current[-1] = current[-1] + "\n"
        if current:
            passages.append(" ".join(current))
        # A sentence that ends a paragraph carries "\n"; joining put a space after it.
        texts = [p.replace("\n ", "\n").strip() for p in passages if p.strip()]
        return [Chunk(article=article, index=i, text=text) for i, text in enumerate(texts)]

    def _fit(self, sentence: str, budget: int) -> list[tuple[str, int]]:
        """The sentence with its token count, or word-bounded pieces of it when it alone exceeds the budget."""
        tokens = self.count_tokens(sentence)
        if tokens <= budget:
            return [(sentence, tokens)]
        pieces: list[tuple[str, int]] = []
        words: list[str] = []
        for word in sentence.split():
            candidate = " ".join([*words, word])
            if words and self.count_tokens(candidate) > budget:
                text = " ".join(words)
                pieces.append((text, self.count_tokens(text)))
                words = [word]
            else:
                words.append(word)
        if words:
            text = " ".join(words)
            pieces.append((text, self.count_tokens(text)))
        return pieces
