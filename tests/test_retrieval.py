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
