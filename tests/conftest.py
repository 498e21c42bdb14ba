"""Shared fixtures: every test's state lives in a temp dir, nothing reaches a model hub or the network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"

from bot.settings import Settings  # noqa: E402

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "index" / "samples"
SEED_ARTICLE = SAMPLES_DIR / "000_69f38e4b299e07f8.txt"
SEED_QUESTION = "Who denied supplying arms?"


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for a test: no .env file, no environment, a temp data dir, the fast multilingual embedder."""
    values: dict[str, object] = {"data_dir": data_dir, "embedder": "use"}
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Settings read the environment: clear what a developer's shell may have set, and work in a temp dir."""
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")
