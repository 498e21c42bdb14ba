"""Combined embedders: one unit vector per text whose cosine is the parts' cosines, weighted by their spread."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import numpy as np
import pytest

from index.answerers import load_answerer
from index.answerers.extractive import ExtractiveAnswerer
from index.embedders import PROFILES, load_embedder
from index.embedders.combined import CombinedEmbedder
from index.errors import ConfigError
from index.settings import IndexSettings
from tests.conftest import make_settings
from tests.fakes.scripted_embedder import ScriptedEmbedder

NEWS = "Nordkorea dementiert Waffenlieferungen an Russland."
WEATHER = "Morgen scheint im ganzen Land die Sonne."


def _pair() -> CombinedEmbedder:
    wide = ScriptedEmbedder("wide", {NEWS: 0.5, WEATHER: 0.1}, cosine_spread=0.06, max_tokens=200)
    narrow = ScriptedEmbedder("narrow", {NEWS: 0.9, WEATHER: 0.7}, cosine_spread=0.02, max_tokens=512)
    return CombinedEmbedder([wide, narrow])


def test_weights_are_inverse_to_the_spread_of_each_models_cosines() -> None:
    combined = _pair()

    assert combined.name == "wide+narrow"
    assert combined.weights == pytest.approx((0.25, 0.75))
    assert sum(combined.weights) == pytest.approx(1.0)


def test_the_cosine_of_the_combined_vectors_is_the_weighted_sum_of_the_parts_cosines() -> None:
    combined = _pair()
    docs = combined.embed_documents([NEWS, WEATHER])
    query = combined.embed_query("Who denied supplying arms?")

    assert docs.shape == (2, 4) and combined.dim == 4
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0)
    assert docs @ query == pytest.approx([0.25 * 0.5 + 0.75 * 0.9, 0.25 * 0.1 + 0.75 * 0.7])


def test_questions_take_each_parts_own_query_path() -> None:
    combined = _pair()
    combined.embed_query("Who denied supplying arms?")
    combined.embed_query("Who denied supplying arms?")

    # Each part embedded the question once, as a query: a reader that is one of the parts reuses it.
    parts = cast("list[ScriptedEmbedder]", list(combined.parts))
    assert [part.queries for part in parts] == [["Who denied supplying arms?"]] * 2


def test_a_chunk_must_fit_the_part_with_the_tightest_limit() -> None:
    combined = _pair()
    text = " ".join(["Wort"] * 100)

    assert combined.max_tokens == 200
    # 100 tokens of each part: half the wide part's limit of 200, a fifth of the narrow part's 512.
    assert combined.count_tokens(text) == 100


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (["wide"], "at least two parts"),
        (["wide", "wide"], "appear once"),
        (["wide", "unmeasured"], "cosine spread is not measured"),
    ],
)
def test_combinations_that_cannot_be_weighed_are_refused(parts: list[str], message: str) -> None:
    spreads = {"wide": 0.06, "unmeasured": None}
    with pytest.raises(ValueError, match=message):
        CombinedEmbedder([ScriptedEmbedder(name, {}, cosine_spread=spreads[name]) for name in parts])


def test_bundled_models_combine_by_setting_without_loading_them() -> None:
    embedder = load_embedder("use+e5")

    assert embedder.name == "use+e5"
    assert [part.name for part in embedder.parts] == ["use", "e5"]
    assert embedder.weights[1] > 0.7  # e5's cosines spread a third as wide as USE's


@pytest.mark.parametrize("spec", ["use+use", "use+nomodel", "use+"])
def test_unknown_combinations_say_which_ones_work(spec: str) -> None:
    with pytest.raises(ConfigError, match="use\\+e5"):
        load_embedder(spec)
    with pytest.raises(ValueError, match="use\\+e5"):
        IndexSettings(_env_file=None, embedder=spec)


def test_the_reader_inside_a_combination_is_the_loaded_part_and_reads_every_sentence(tmp_path: Path) -> None:
    embedder = load_embedder("use+e5")
    extractive = load_answerer(make_settings(tmp_path, embedder="use+e5", reader="e5"), embedder)
    assert isinstance(extractive, ExtractiveAnswerer)

    assert extractive.reader is embedder.parts[1]
    assert extractive.shortlist is None


def test_a_combinations_relevance_threshold_weighs_the_parts_thresholds() -> None:
    embedder = load_embedder("use+e5")
    use_weight, e5_weight = embedder.weights

    assert embedder.profile.min_relevance == pytest.approx(
        use_weight * PROFILES["use"].min_relevance + e5_weight * PROFILES["e5"].min_relevance
    )
