"""One profile per embedding model: the loader, the settings, the eval help and the docs all read the registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from index.embedders import PROFILES, load_embedder, parse_spec
from index.settings import IndexSettings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_every_profile_builds_its_model_lazily_with_the_profiles_numbers(name: str) -> None:
    embedder = load_embedder(name)

    assert embedder.profile is PROFILES[name] and embedder.name == name
    assert not embedder._loaded  # building is cheap; weights load in warm_up
    assert embedder.profile.max_tokens == PROFILES[name].max_tokens


def test_the_settings_accept_exactly_what_the_loader_builds() -> None:
    for name in PROFILES:
        assert IndexSettings(_env_file=None, embedder=name).embedder == name
    assert IndexSettings(_env_file=None, embedder=" use + e5 ").embedder == "use+e5"
    assert parse_spec("st:./model") == ("st:./model",)
    with pytest.raises(ValueError, match=", ".join(PROFILES)):
        IndexSettings(_env_file=None, embedder="word2vec")


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_every_profile_is_documented(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert f"`{name}`" in readme and f" {name} " in example.replace("(", " ").replace(",", " ")


def test_the_eval_help_lists_the_profiles() -> None:
    result = CliRunner().invoke(app, ["eval", "--help"], env={"COLUMNS": "200"})
    assert all(name in result.stdout for name in PROFILES)
