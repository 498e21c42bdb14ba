"""BM25 kept up to date without reading the whole store again: after a write, a refresh reads only the chunks that
are new or were written since the last refresh, and sees replaced and deleted articles (a real embedded Chroma)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.lexical import LexicalIndex, content_words, is_stopword, tokenize
from index.models import Article, ArticleMeta, Chunk
from index.store import CLOCK_MARGIN_S, ChunkStore


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def store_article(store: ChunkStore, name: str, passages: list[str]) -> None:
    article = Article(text=" ".join(passages), meta=ArticleMeta(title=f"{name} report", source=f"{name}.txt"))
    chunks = [Chunk(article, i, text) for i, text in enumerate(passages)]
    vectors = np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (len(chunks), 1))
    store.replace_article(article, chunks, vectors)


def top(index: LexicalIndex, query: str) -> list[str]:
    """The sources of the best chunks' articles, best first."""
    source_of = {a.article_id: a.meta.source for a in index.store.articles()}
    return [source_of[chunk_id.rsplit(":", 1)[0]] for chunk_id, _ in index.search(query, 3)]


def test_an_embedded_stores_key_follows_every_processs_writes_without_counting(tmp_path: Path) -> None:
    store = ChunkStore(path=tmp_path, embedder_name="test")
    store_article(store, "bakery", ["The bakery guild crowned a rye loaf."])
    before = store.changes()
    assert store.changes() == before
    other = ChunkStore(path=tmp_path, embedder_name="test")  # another process's handle on the same data dir
    store_article(other, "harbour", ["The harbour of Port Elda reopened on Monday."])
    after = store.changes()
    assert after != before and store.changes() == after


def test_a_refresh_reads_only_what_changed(tmp_path: Path) -> None:
    clock = Clock()
    store = ChunkStore(path=tmp_path, embedder_name="test", clock=clock)
    index = LexicalIndex(store)
    store_article(store, "harbour", ["The harbour of Port Elda reopened on Monday.", "Ferries left at six."])
    store_article(store, "bakery", ["The bakery guild crowned a rye loaf.", "The jury tasted 200 loaves."])
    clock.now += 2 * CLOCK_MARGIN_S  # the search comes later than the writes
    assert top(index, "rye loaf") and index.chunks_read == 4

    store_article(store, "storm", ["A winter storm closed the port of Hamburg."])
    clock.now += 2 * CLOCK_MARGIN_S
    assert top(index, "Hamburg storm") == ["storm.txt"]
    assert index.chunks_read == 5

    # the same article (same chunk ids) with new text, and another deleted: both are seen
    store_article(store, "harbour", ["The harbour of Port Elda closed again on Friday.", "No ferries left."])
    store.delete_articles([a.article_id for a in store.articles() if a.meta.source == "bakery.txt"])
    clock.now += 2 * CLOCK_MARGIN_S
    assert top(index, "again on Friday") == ["harbour.txt"]
    assert top(index, "reopened Monday") == []
    assert top(index, "rye loaf") == []
    assert index.chunks_read == 7


def test_a_write_by_another_process_is_seen(tmp_path: Path) -> None:
    mine = ChunkStore(path=tmp_path, embedder_name="test")
    index = LexicalIndex(mine)
    store_article(mine, "harbour", ["The harbour of Port Elda reopened on Monday."])
    assert top(index, "harbour") and not top(index, "Hamburg")
    other = ChunkStore(path=tmp_path, embedder_name="test")  # another process's handle on the same data dir
    store_article(other, "storm", ["A winter storm closed the port of Hamburg."])
    assert top(index, "Hamburg storm")[0] == "storm.txt"


def test_the_next_process_starts_from_the_kept_tokens_and_reads_only_what_was_written_since(tmp_path: Path) -> None:
    clock = Clock()
    store = ChunkStore(path=tmp_path, embedder_name="test", clock=clock)
    store_article(store, "harbour", ["The harbour of Port Elda reopened on Monday.", "Ferries left at six."])
    store_article(store, "bakery", ["The bakery guild crowned a rye loaf.", "The jury tasted 200 loaves."])
    clock.now += 2 * CLOCK_MARGIN_S
    first = LexicalIndex(store)
    assert top(first, "rye loaf") == ["bakery.txt"] and first.chunks_read == 4
    assert first.cache_path is not None and first.cache_path.exists()

    clock.now += 2 * CLOCK_MARGIN_S
    store_article(store, "storm", ["A winter storm closed the port of Hamburg."])  # after the tokens were kept
    clock.now += 2 * CLOCK_MARGIN_S
    restarted = LexicalIndex(ChunkStore(path=tmp_path, embedder_name="test", clock=clock))
    assert top(restarted, "rye loaf") == ["bakery.txt"]
    assert top(restarted, "Hamburg storm") == ["storm.txt"]
    assert restarted.chunks_read == 1  # only the chunk written after the first process kept its tokens


def harbour_and_bakery(tmp_path: Path) -> tuple[Clock, ChunkStore]:
    """A store of two one-chunk articles, and a clock moved on past the margin kept for other hosts' clocks."""
    clock = Clock()
    store = ChunkStore(path=tmp_path, embedder_name="test", clock=clock)
    store_article(store, "harbour", ["The harbour of Port Elda reopened on Monday."])
    store_article(store, "bakery", ["The bakery guild crowned a rye loaf."])
    clock.now += 2 * CLOCK_MARGIN_S
    return clock, store


def test_the_next_process_uses_the_kept_index_while_no_chunk_changed(tmp_path: Path) -> None:
    clock, store = harbour_and_bakery(tmp_path)
    first = LexicalIndex(store)
    assert top(first, "rye loaf") == ["bakery.txt"] and first.indexes_built == 1

    clock.now += 2 * CLOCK_MARGIN_S
    unchanged = LexicalIndex(ChunkStore(path=tmp_path, embedder_name="test", clock=clock))
    assert top(unchanged, "rye loaf") == ["bakery.txt"] and top(unchanged, "harbour") == ["harbour.txt"]
    assert unchanged.indexes_built == 0 and unchanged.chunks_read == 0

    store_article(store, "storm", ["A winter storm closed the harbour of Hamburg."])
    clock.now += 2 * CLOCK_MARGIN_S
    changed = LexicalIndex(ChunkStore(path=tmp_path, embedder_name="test", clock=clock))
    assert top(changed, "Hamburg storm") == ["storm.txt"] and changed.indexes_built == 1
    store.delete_articles(store.find_article_ids("storm.txt"))
    clock.now += 2 * CLOCK_MARGIN_S
    after_delete = LexicalIndex(ChunkStore(path=tmp_path, embedder_name="test", clock=clock))
    assert top(after_delete, "Hamburg storm") == [] and after_delete.indexes_built == 1


def test_a_new_process_reads_the_kept_index_before_the_store_opens_and_then_only_checks_it(tmp_path: Path) -> None:
    clock, store = harbour_and_bakery(tmp_path)
    assert top(LexicalIndex(store), "rye loaf") == ["bakery.txt"]

    clock.now += 2 * CLOCK_MARGIN_S
    fresh = ChunkStore(path=tmp_path, embedder_name="test", clock=clock)
    index = LexicalIndex(fresh)
    index.load_kept()  # while the store opens (Newsroom.warm_up): no Chroma call
    assert fresh._collection is None
    index.warm_up()
    assert top(index, "rye loaf") == ["bakery.txt"] and index.chunks_read == 0 and index.indexes_built == 0

    store_article(store, "storm", ["A winter storm closed the harbour of Hamburg."])
    clock.now += 2 * CLOCK_MARGIN_S
    changed = LexicalIndex(ChunkStore(path=tmp_path, embedder_name="test", clock=clock))
    changed.load_kept()  # the kept index is older than the store: warm_up reads what was written since
    changed.warm_up()
    assert top(changed, "Hamburg storm") == ["storm.txt"] and changed.chunks_read == 1


def test_a_process_on_a_kept_index_takes_the_newest_kept_tokens_when_the_store_changes(tmp_path: Path) -> None:
    clock, store = harbour_and_bakery(tmp_path)
    assert top(LexicalIndex(store), "rye loaf") == ["bakery.txt"]

    clock.now += 2 * CLOCK_MARGIN_S
    bot = LexicalIndex(ChunkStore(path=tmp_path, embedder_name="test", clock=clock))
    assert top(bot, "rye loaf") == ["bakery.txt"] and bot.chunks_read == 0 and bot.indexes_built == 0

    store_article(store, "storm", ["A winter storm closed the port of Hamburg."])
    clock.now += 2 * CLOCK_MARGIN_S
    other = LexicalIndex(ChunkStore(path=tmp_path, embedder_name="test", clock=clock))  # keeps newer tokens
    assert top(other, "Hamburg storm") == ["storm.txt"] and other.chunks_read == 1

    clock.now += 2 * CLOCK_MARGIN_S
    store_article(store, "ferry", ["The ferry to Port Elda runs again."])
    clock.now += 2 * CLOCK_MARGIN_S
    assert top(bot, "ferry")[0] == "ferry.txt" and top(bot, "Hamburg storm") == ["storm.txt"]
    assert bot.chunks_read == 1  # the ferry only: it started from the other process's tokens, not every chunk


def test_an_unreadable_cache_means_reading_the_store(tmp_path: Path) -> None:
    store = ChunkStore(path=tmp_path, embedder_name="test")
    store_article(store, "harbour", ["The harbour of Port Elda reopened on Monday."])
    index = LexicalIndex(store)
    assert index.cache_path is not None
    index.cache_path.write_bytes(b"not a pickle")
    assert top(index, "harbour") == ["harbour.txt"] and index.chunks_read == 1


def test_document_frequencies_count_the_chunks_holding_a_token_and_follow_deletes(tmp_path: Path) -> None:
    clock = Clock()
    store = ChunkStore(path=tmp_path, embedder_name="test", clock=clock)
    index = LexicalIndex(store)
    assert index.document_frequencies(["harbour"]) == {"harbour": 0}  # nothing indexed yet
    store_article(
        store, "harbour", ["The harbour of Port Elda reopened, its harbour master said.", "Ferries left the harbour."]
    )
    store_article(store, "bakery", ["The bakery guild crowned a rye loaf in Elda."])
    clock.now += 2 * CLOCK_MARGIN_S

    # chunks, not occurrences: "harbour" is said three times in two chunks
    assert index.document_frequencies(["harbour", "elda", "rye", "hamburg"]) == {
        "harbour": 2,
        "elda": 2,
        "rye": 1,
        "hamburg": 0,
    }
    store.delete_articles([a.article_id for a in store.articles() if a.meta.source == "harbour.txt"])
    clock.now += 2 * CLOCK_MARGIN_S
    assert index.document_frequencies(["harbour", "elda", "rye"]) == {"harbour": 0, "elda": 1, "rye": 1}


def test_the_article_listing_follows_other_processes_adds_replacements_and_deletes(tmp_path: Path) -> None:
    clock = Clock()
    mine = ChunkStore(path=tmp_path, embedder_name="test", clock=clock)
    store_article(mine, "harbour", ["The harbour of Port Elda reopened on Monday."])
    first = mine.current_articles()
    assert [a.meta.source for a in first] == ["harbour.txt"]
    assert mine.current_articles() == first  # unchanged store: the kept listing

    clock.now += 2 * CLOCK_MARGIN_S
    other = ChunkStore(path=tmp_path, embedder_name="test", clock=clock)  # another process's handle
    store_article(other, "storm", ["A winter storm closed the port of Hamburg."])
    store_article(other, "harbour", ["The harbour of Port Elda reopened on Tuesday."])  # replaced: same id
    listed = {a.meta.source: a for a in mine.current_articles()}
    assert sorted(listed) == ["harbour.txt", "storm.txt"]
    assert listed["harbour.txt"].text_hash != first[0].text_hash

    clock.now += 2 * CLOCK_MARGIN_S
    other.delete_articles(other.find_article_ids("storm.txt"))
    assert [a.meta.source for a in mine.current_articles()] == ["harbour.txt"]


def test_a_name_that_folds_onto_a_stop_word_is_a_token(tmp_path: Path) -> None:
    # "über" folds to "uber": the company "Uber" was dropped with it, and found by no word of its own
    assert tokenize("Uber-Fahrer reden über UBER, uber und Über") == ["fahrer", "reden", "uber", "uber"]
    assert content_words("Streit über Uber") == ["Streit", "Uber"]
    assert is_stopword("über") and is_stopword("Über") and is_stopword("uber") and not is_stopword("Uber")
    index = LexicalIndex(ChunkStore(path=tmp_path, embedder_name="test"))
    store_article(index.store, "taxi", ["Der Fahrdienst Uber senkt die Preise."])
    store_article(index.store, "dispute", ["Die Fahrer streiten über die Preise."])
    assert top(index, "What about Uber?") == ["taxi.txt"]
