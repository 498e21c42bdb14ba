"""The evaluation metrics: what each score means for one question, and how scores aggregate."""

from __future__ import annotations

import pytest

from index.evaluation.metrics import (
    MetricResult,
    abstention_rate,
    containment,
    exact_match,
    mean_reciprocal_rank,
    normalize_answer,
    percentile,
    recall_at_k,
    reciprocal_rank,
    token_f1,
)


def test_recall_at_k_counts_a_question_when_its_gold_is_within_the_first_k() -> None:
    rankings = [["a", "b", "c"], ["x", "y", "gold"], ["p", "q", "r"]]
    golds = ["a", "gold", "missing"]

    assert recall_at_k(rankings, golds, 1).scores == [1.0, 0.0, 0.0]
    assert recall_at_k(rankings, golds, 3).scores == [1.0, 1.0, 0.0]
    assert recall_at_k(rankings, golds, 3).score == pytest.approx(2 / 3)


def test_recall_accepts_several_gold_ids_per_question() -> None:
    assert recall_at_k([["b", "c"]], [{"a", "c"}], 2).scores == [1.0]


def test_recall_rejects_k_below_one_and_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="k must be at least 1"):
        recall_at_k([["a"]], ["a"], 0)
    with pytest.raises(ValueError, match="2 predictions but 1 gold"):
        recall_at_k([["a"], ["b"]], ["a"], 1)


def test_reciprocal_rank_is_one_over_the_first_gold_position_or_zero() -> None:
    assert reciprocal_rank(["g", "x"], "g") == 1.0
    assert reciprocal_rank(["x", "y", "g", "g"], "g") == pytest.approx(1 / 3)
    assert reciprocal_rank(["x", "y"], "g") == 0.0
    assert reciprocal_rank([], "g") == 0.0


def test_mrr_averages_reciprocal_ranks() -> None:
    result = mean_reciprocal_rank([["g"], ["x", "g"], ["x"], ["x", "y", "z", "g"]], ["g"] * 4)

    assert result.scores == pytest.approx([1.0, 0.5, 0.0, 0.25])
    assert result.score == pytest.approx(1.75 / 4)


def test_normalisation_follows_squad_and_knows_german_articles_and_quotes() -> None:
    assert normalize_answer("The  Denver Broncos!") == "denver broncos"
    assert normalize_answer("„Die Denver Broncos“") == "denver broncos"
    assert normalize_answer("415.000") == normalize_answer("415,000") == "415000"
    assert normalize_answer("U.S.") == "us"
    assert normalize_answer("Theatre") == "theatre", "articles are removed as whole words only"
    assert normalize_answer("1870\u00a0bis 1939") == "1870 bis 1939"


def test_exact_match_takes_the_best_of_several_gold_answers() -> None:
    golds = [["Sächsischer Garten", "Saxon Garden"]] * 3

    result = exact_match(["Sächsischer Garten", "the Saxon Garden", "Garten"], golds)

    assert result.scores == [1.0, 1.0, 0.0]


def test_token_f1_gives_partial_credit_for_overlapping_tokens() -> None:
    result = token_f1(["1870 bis 1939", "von 1870", "nichts"], [["1870 bis 1939"]] * 3)

    assert result.scores[0] == 1.0
    # "von 1870" against "1870 bis 1939": 1 common token, precision 1/2, recall 1/3.
    assert result.scores[1] == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    assert result.scores[2] == 0.0


def test_containment_finds_the_gold_answer_as_whole_tokens_inside_a_longer_answer() -> None:
    sentence = "Das Sommertheater stand von 1870 bis 1939 im Sächsischen Garten [1]."
    result = containment([sentence, sentence, sentence], [["1870 bis 1939"], ["187"], ["Garten", "1939"]])

    assert result.scores == [1.0, 0.0, 1.0]


def test_containment_of_an_empty_answer_is_zero() -> None:
    assert containment([""], [["1773"]]).scores == [0.0]


def test_answer_metrics_need_a_gold_answer_per_question() -> None:
    with pytest.raises(ValueError, match="at least one gold answer"):
        exact_match(["x"], [[]])


def test_abstention_rate_is_the_share_of_declined_questions() -> None:
    assert abstention_rate([True, False, False, True]).score == 0.5
    assert abstention_rate([]) == MetricResult(scores=[], score=0.0)


def test_percentile_interpolates_like_numpy() -> None:
    values = [10.0, 20.0, 30.0, 40.0]

    assert percentile(values, 50) == 25.0
    assert percentile(values, 95) == pytest.approx(38.5)
    assert percentile(values, 0) == 10.0
    assert percentile(values, 100) == 40.0
    assert percentile([7.0], 95) == 7.0


def test_percentile_rejects_no_values_and_out_of_range_q() -> None:
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)
    with pytest.raises(ValueError, match="within 0..100"):
        percentile([1.0], 101)
