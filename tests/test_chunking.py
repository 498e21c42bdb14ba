"""Chunks fit the embedder's real token limit, end at sentence boundaries, and carry the title; the work per
article is bounded, whatever its text."""

import random

import pytest

from index.chunking import MAX_CHARS_PER_TOKEN, Chunker
from index.errors import SourceError
from index.models import Article, ArticleMeta
from index.segmentation import SENTENCE_WINDOW_CHARS, iter_sentences


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
    long_sentence = " ".join(f"word{i}" for i in range(200)) + "."
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


class CountingTokenizer:
    """`word_count`, remembering how many characters it was asked to count: the chunker's work."""

    def __init__(self) -> None:
        self.characters = 0
        self.calls = 0

    def __call__(self, text: str) -> int:
        self.characters += len(text)
        self.calls += 1
        return word_count(text)


def prose(words: int, seed: int = 7) -> str:
    """Made-up sentences of made-up words: varied like prose, no two runs alike."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("abcdefghiklmnoprstuw") for _ in range(rng.randint(2, 9))) for _ in range(4000)]
    sentences, count = [], 0
    while count < words:
        length = rng.randint(5, 25)
        sentences.append(" ".join(rng.choice(vocabulary) for _ in range(length)).capitalize() + ".")
        count += length
    return " ".join(sentences)


def test_a_huge_paragraph_is_split_into_bounded_windows_and_loses_no_word() -> None:
    paragraph = prose(20_000)
    sentences = list(iter_sentences(paragraph))
    assert " ".join(sentences).split() == paragraph.split()
    assert max(len(s) for s in sentences) <= SENTENCE_WINDOW_CHARS
    # a window ends at a sentence end where one is near, so nearly every "sentence" is a real one
    assert sum(s.endswith(".") for s in sentences) >= len(sentences) - len(paragraph) // SENTENCE_WINDOW_CHARS - 1


def test_an_endless_word_is_cut_into_windows_and_chunks_within_the_limit() -> None:
    blob = "".join(random.Random(3).choice("ABCDEFGHIJKLMNOP0123456789+/") for _ in range(30_000))
    assert [len(w) for w in iter_sentences(blob)] == [SENTENCE_WINDOW_CHARS] * 7 + [2_000]
    chunks = Chunker(lambda text: len(text) // 4 + 2, 64).chunk(article(f"Attachment {blob}"))
    assert "".join(c.text for c in chunks).replace(" ", "") == f"Attachment{blob}"
    assert all(len(c.text) // 4 + 2 <= 64 for c in chunks)


def test_tokens_are_counted_once_per_piece_not_word_by_word() -> None:
    """The old `_fit` re-counted a growing piece for every word: quadratic in the sentence's length."""
    tokenizer = CountingTokenizer()
    run_on = " ".join(f"clause{i} and then" for i in range(3_000))  # 9,000 words, no full stop
    chunks = Chunker(tokenizer, 64, max_chunks=1_000).chunk(article(run_on))
    assert all(word_count(c.embed_text) <= 64 for c in chunks)
    assert sum(len(c.text.split()) for c in chunks) == 9_000
    assert tokenizer.characters <= 3 * len(run_on)
    assert tokenizer.calls <= 2 * len(chunks) + 2


def test_an_article_over_the_chunk_cap_is_refused_before_any_counting_when_its_length_shows_it() -> None:
    tokenizer = CountingTokenizer()
    text = prose(200_000)
    assert len(text) > 10 * 64 * MAX_CHARS_PER_TOKEN
    with pytest.raises(SourceError, match=r"more than 10 chunks .*NEWSBOT_MAX_CHUNKS_PER_ARTICLE"):
        Chunker(tokenizer, 64, max_chunks=10).chunk(article(text))
    assert tokenizer.calls == 1  # the title


def test_an_article_over_the_chunk_cap_stops_being_chunked_at_the_cap() -> None:
    tokenizer = CountingTokenizer()
    text = prose(3_000)  # 60 chunks' worth at 64 tokens, short enough to be looked at
    with pytest.raises(SourceError, match="more than 10 chunks"):
        Chunker(tokenizer, 64, max_chunks=10).chunk(article(text))
    assert tokenizer.characters < len(text) / 3
    assert len(Chunker(word_count, 64, max_chunks=100).chunk(article(text))) > 10


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("buffalo " * 5_000, r"repeats the same few words \(1 different in its first 5000\)"),
        ("Buy now! " * 300, "repeats the same few words"),
        ("😀🎉🔥 " * 50 + "\n\n❤️ ★ → ✓", "has no words, only symbols or emoji"),
    ],
)
def test_text_that_is_not_prose_is_refused(text: str, message: str) -> None:
    tokenizer = CountingTokenizer()
    with pytest.raises(SourceError, match=message):
        Chunker(tokenizer, 64).chunk(article(text))
    assert tokenizer.calls == 0


def test_short_repetition_and_other_scripts_are_prose() -> None:
    assert Chunker(word_count, 64).chunk(article("Yes, yes, yes. No, no, no."))
    arabic = (
        "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية. وقال الوزير إن الخطة ستبدأ الشهر المقبل."
    )
    assert Chunker(word_count, 64).chunk(article(arabic, title="خطة جديدة"))
    chinese = "今天政府宣布了一项支持农民的新计划。部长说，该计划将于下个月开始。" * 40
    chunks = Chunker(lambda text: len(text) // 2 + 2, 64).chunk(article(chinese, title="新计划"))
    assert "".join(c.text for c in chunks).replace(" ", "") == chinese
    assert all(len(c.embed_text) // 2 + 2 <= 64 for c in chunks)


def test_a_chunk_cap_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="max_chunks"):
        Chunker(word_count, 64, max_chunks=0)
