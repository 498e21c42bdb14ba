"""Retrieval: rank fusion, diversity across articles, and what hybrid search finds that dense search alone misses."""

from __future__ import annotations

from pathlib import Path

from index.models import ArticleMeta, Hit
from index.newsroom import Newsroom
from index.retrieval import diversify, fuse
from tests.conftest import SAMPLES_DIR, make_settings


def hit(chunk: str, article: str) -> Hit:
    return Hit(chunk_id=chunk, article_id=article, text="", meta=ArticleMeta(language="de"), score=0.5)


def test_fusion_rewards_ids_ranked_well_by_both_rankings() -> None:
    assert fuse([["a", "b", "c"], ["b", "d", "a"]]) == ["b", "a", "d", "c"]


def test_a_weight_scales_what_one_ranking_contributes() -> None:
    assert fuse([["a", "b"], ["b", "a"]], [{}, {"b": 0.1}])[0] == "a"
    assert fuse([["a", "b"], ["b", "a"]], [{"a": 0.1}, {}])[0] == "b"


def test_diversify_takes_at_most_n_chunks_per_article() -> None:
    hits = [hit("a0", "a"), hit("a1", "a"), hit("a2", "a"), hit("b0", "b"), hit("c0", "c")]
    assert [h.chunk_id for h in diversify(hits, 4, per_article=2)] == ["a0", "a1", "b0", "c0"]


def test_hybrid_search_finds_a_rare_name_that_dense_search_ranks_lower(tmp_path: Path) -> None:
    philae = "Der womöglich letzte Anlauf"  # the story quoting Stephan Ulamec
    dense = Newsroom(make_settings(tmp_path / "data", retrieval_mode="dense"))
    dense.ingest([str(SAMPLES_DIR)])
    assert not dense.search("Was sagte Ulamec?", k=1)[0].meta.title.startswith(philae)
    hybrid = Newsroom(make_settings(tmp_path / "data", retrieval_mode="hybrid"))
    for question in ("Was sagte Ulamec?", "What did Ulamec say?"):
        assert hybrid.search(question, k=1)[0].meta.title.startswith(philae)


def test_hits_another_query_found_are_scored_by_the_question_in_their_order(tmp_path: Path) -> None:
    newsroom = Newsroom(make_settings(tmp_path / "data"))
    newsroom.ingest([str(SAMPLES_DIR)])
    hits = newsroom.search("Philae Komet Landeroboter Kontakt", k=3)
    question = "Until when do researchers hope for signals?"
    scored = newsroom.searcher.scored(question, hits)
    assert [h.chunk_id for h in scored] == [h.chunk_id for h in hits]
    # each as relevant to the question as a search for the question finds it
    alone = {h.chunk_id: h.score for h in newsroom.search(question, k=20)}
    assert alone.keys() & {h.chunk_id for h in scored}
    for h in scored:
        if h.chunk_id in alone:
            assert abs(h.score - alone[h.chunk_id]) < 1e-5
    assert any(abs(h.score - o.score) > 1e-3 for h, o in zip(scored, hits, strict=True))
    assert newsroom.searcher.scored(question, []) == []
