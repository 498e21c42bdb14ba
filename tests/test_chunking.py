"""Chunks fit the embedder's real token limit, end at sentence boundaries, and carry the title."""

import pytest

from index.chunking import Chunker
from index.models import Article, ArticleMeta


def word_count(text: str) -> int:
    """A stand-in tokenizer: one token per word, plus two special tokens, like a real model's count."""
    return len(text.split()) + 2


def article(text: str, title: str = "Title of the story") -> Article:
    return Article(text=text, meta=ArticleMeta(title=title, source="t.txt", language="en"))


def test_every_chunk_with_its_title_fits_the_limit() -> None:
    text = " ".join(f"Sentence number {i} has exactly seven words." for i in range(60))
    chunks = Chunker(word_count, 64).chunk(article(text))
    assert len(chunks) > 3
    assert all(word_count(c.embed_text) <= 64 for c in chunks)


def test_chunks_end_at_sentence_boundaries_and_keep_every_sentence() -> None:
    sentences = [f"Sentence number {i} has exactly seven words." for i in range(30)]
    chunks = Chunker(word_count, 64).chunk(article(" ".join(sentences)))
    assert all(c.text.endswith(".") for c in chunks)
    assert " ".join(c.text for c in chunks).split() == " ".join(sentences).split()


def test_the_title_is_carried_into_every_chunk() -> None:
    text = " ".join(f"Sentence number {i} has exactly seven words." for i in range(30))
    chunks = Chunker(word_count, 64).chunk(article(text, title="Election results"))
    assert all(c.embed_text.startswith("Election results\n") for c in chunks)
    assert [c.index for c in chunks] == list(range(len(chunks)))


def test_a_sentence_longer_than_the_limit_is_cut_between_words() -> None:
    long_sentence = " ".join(["word"] * 200) + "."
    chunks = Chunker(word_count, 64).chunk(article(long_sentence))
    assert len(chunks) >= 4
    assert all(word_count(c.embed_text) <= 64 for c in chunks)
    assert sum(len(c.text.split()) for c in chunks) == 200


def test_paragraph_breaks_are_preferred_cut_points() -> None:
    para_a = " ".join(f"Alpha sentence {i} is here." for i in range(6))
    para_b = " ".join(f"Beta sentence {i} is here." for i in range(3))
    chunks = Chunker(word_count, 64).chunk(article(f"{para_a}\n\n{para_b}"))
    assert [("Alpha" in c.text, "Beta" in c.text) for c in chunks] == [(True, False), (False, True)]


def test_a_limit_too_small_is_refused() -> None:
    with pytest.raises(ValueError, match="max_tokens"):
        Chunker(word_count, 8)
