"""Shared fixtures: every test's state lives in a temp dir, nothing reaches a model hub or the network."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
# What newsbot derives from bundled models (the parsed USE tokenizer, index/embedders/use.py) is kept for one test
# session, in a temp dir, not in the user's ~/.cache.
_MODEL_CACHE = tempfile.TemporaryDirectory(prefix="newsbot-tests-cache-")
os.environ["XDG_CACHE_HOME"] = _MODEL_CACHE.name

from bot.settings import Settings  # noqa: E402
from index.models import Article, ArticleMeta  # noqa: E402

# Tests marked slow or native run in a child process, so a crash in native code fails one test (tests/isolation.py).
pytest_plugins = ["tests.isolation"]

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "index" / "samples"
SEED_ARTICLE = SAMPLES_DIR / "000_69f38e4b299e07f8.txt"
SEED_QUESTION = "Who denied supplying arms?"
# llama-cpp-python is the one dependency `make setup` may fail to install (it compiles llama.cpp, which needs a C
# compiler): there, its tests are skipped and say why. .ci/run sets this variable, so in CI a missing build fails.
REQUIRE_LLAMA_CPP_VARIABLE = "TESTS_REQUIRE_LLAMA_CPP"
LLAMA_CPP_MISSING = (
    "llama-cpp-python is not installed: `make setup` could not build it (see .venv/llama-cpp-python.log; "
    "it needs a C compiler and cmake)"
)


def news_article(title: str, text: str, published: datetime | None, outlet: str = "Wire") -> Article:
    """An English article at https://news.example/<title as a slug>, from `outlet`."""
    slug = title.lower().replace(" ", "-")
    url = f"https://news.example/{slug}"
    meta = ArticleMeta(title=title, outlet=outlet, url=url, published_at=published, language="en", source=url)
    return Article(text=text, meta=meta)


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a test: no .env file, no environment, a temp data dir, the fast multilingual embedder."""
    values: dict[str, Any] = {"data_dir": data_dir, "embedder": "use"}
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


def require_llama_cpp() -> None:
    """Skip the calling test when llama-cpp-python is not installed, or fail it where CI requires the package."""
    if importlib.util.find_spec("llama_cpp") is not None:
        return
    if os.environ.get(REQUIRE_LLAMA_CPP_VARIABLE) == "1":
        pytest.fail(f"{LLAMA_CPP_MISSING}, and {REQUIRE_LLAMA_CPP_VARIABLE}=1 requires it")
    pytest.skip(LLAMA_CPP_MISSING)
