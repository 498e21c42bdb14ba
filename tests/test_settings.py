"""Settings: every one is documented in .env.example, and the example as shipped loads to the defaults."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from index.answerers import load_answerer
from index.answerers.extractive import UNSURE_BELOW, ExtractiveAnswerer
from tests.fakes.scripted_embedder import ScriptedEmbedder

ENV_EXAMPLE = Path(__file__).resolve().parents[1] / ".env.example"


def env_name(field: str) -> str:
    return field.upper() if field.startswith("telegram_") else f"NEWSBOT_{field.upper()}"


def test_every_setting_is_listed_in_env_example() -> None:
    listed = set(re.findall(r"^([A-Z_]+)=", ENV_EXAMPLE.read_text(encoding="utf-8"), re.MULTILINE))
    assert {env_name(f) for f in Settings.model_fields} == listed


def test_the_example_env_file_loads_to_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(ENV_EXAMPLE, tmp_path / ".env")
    monkeypatch.chdir(tmp_path)
    loaded = Settings()
    assert loaded == Settings(_env_file=None)
    assert loaded.resolved_answerer == "extractive"


def test_how_unsure_an_answer_may_be_before_it_says_so_reaches_the_offline_answerer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = ScriptedEmbedder("fast", {}, cosine_spread=0.05)
    default = load_answerer(Settings(_env_file=None, data_dir=tmp_path, reader="same"), embedder)
    assert isinstance(default, ExtractiveAnswerer) and default.unsure_below == UNSURE_BELOW == 0.3
    monkeypatch.setenv("NEWSBOT_UNSURE_BELOW", "0")
    never = load_answerer(Settings(_env_file=None, data_dir=tmp_path, reader="same"), embedder)
    assert isinstance(never, ExtractiveAnswerer) and never.unsure_below == 0.0
    with pytest.raises(ValidationError, match="unsure_below"):
        Settings(_env_file=None, unsure_below=1.5)


def test_id_lists_accept_commas_and_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_ADMIN_IDS", "12, 34 56")
    assert Settings(_env_file=None).telegram_admin_ids == [12, 34, 56]


def test_id_lists_accept_a_json_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_ADMIN_IDS", "[1,2]")
    assert Settings(_env_file=None).telegram_admin_ids == [1, 2]


def test_a_bad_id_list_names_the_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_ADMIN_IDS", "12,alice")
    with pytest.raises(ValidationError, match="Telegram ids"):
        Settings(_env_file=None)


def test_answerer_auto_follows_the_llm_settings() -> None:
    assert Settings(_env_file=None, llm_base_url="http://127.0.0.1:11434/v1").resolved_answerer == "llm"
    assert Settings(_env_file=None, llm_model="ollama:qwen2.5").resolved_answerer == "llm"
    assert Settings(_env_file=None, answerer="openai").resolved_answerer == "llm"
    assert Settings(_env_file=None, llm_gguf_path=Path("model.gguf")).resolved_answerer == "llama-cpp"
    assert Settings(_env_file=None, answerer="extractive", llm_base_url="http://x/v1").resolved_answerer == "extractive"


def test_an_unknown_embedder_is_refused_with_the_choices() -> None:
    with pytest.raises(ValidationError, match="use, e5, minilm"):
        Settings(_env_file=None, embedder="word2vec")
    assert Settings(_env_file=None, reader="same").reader == "same"


def test_openblas_workers_stop_spinning_before_any_entry_point_loads_numpy() -> None:
    # Spinning OpenBLAS workers took a core from e5 after every USE call (README, "Speed and scale"): the setting
    # must be in place before numpy loads OpenBLAS, in the command line and in the bot alike; the user's own wins.
    import subprocess
    import sys

    probe = (
        "import os, sys; import bot.cli, bot.telegram.app; keys = list(sys.modules); "
        "print(keys.index('index') < keys.index('numpy'), os.environ['OPENBLAS_THREAD_TIMEOUT'])"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_THREAD_TIMEOUT"}
    ours = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert ours.stdout.split() == ["True", "4"]
    theirs = subprocess.run(
        [sys.executable, "-c", probe], env={**env, "OPENBLAS_THREAD_TIMEOUT": "20"}, capture_output=True, text=True
    )
    assert theirs.stdout.split() == ["True", "20"]
