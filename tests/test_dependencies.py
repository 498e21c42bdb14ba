"""Every third-party package that index/, bot/ and benchmarks/ import is declared in pyproject.toml.

An import that works only because another package happens to pull it in (numpy through torch, openai through
langchain-openai) breaks the day that package drops it. Each import found in the code, lazy ones inside functions
included, is mapped to the distribution that provides it; that distribution must be a dependency or in an optional
extra.
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.conftest import require_llama_cpp

REPO_ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("index", "bot", "benchmarks")
LOCAL = {"index", "bot", "benchmarks", "tests"}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.cache
def providers() -> Mapping[str, list[str]]:
    """Top-level module name -> the installed distributions that provide it (one scan of site-packages)."""
    return importlib.metadata.packages_distributions()


@functools.cache
def declared_distributions() -> set[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"].values()
    requirements = [*project["dependencies"], *(r for extra in extras for r in extra)]
    return {normalise(re.split(r"[^A-Za-z0-9._-]", r, maxsplit=1)[0]) for r in requirements}


def third_party_imports() -> dict[str, set[str]]:
    """Top-level module name -> the files that import it."""
    found: dict[str, set[str]] = {}
    for folder in SCANNED:
        for path in sorted((REPO_ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.partition(".")[0]
                    if top not in sys.stdlib_module_names and top not in LOCAL:
                        found.setdefault(top, set()).add(str(path.relative_to(REPO_ROOT)))
    return found


IMPORTS = third_party_imports()


def test_the_scan_finds_the_imports_the_code_is_built_on() -> None:
    assert {"numpy", "chromadb", "telegram", "langchain_core", "llama_cpp", "dateutil"} <= IMPORTS.keys()


@pytest.mark.parametrize("module", sorted(IMPORTS))
def test_an_imported_package_is_declared_in_pyproject(module: str) -> None:
    where = ", ".join(sorted(IMPORTS[module]))
    distributions = providers().get(module)
    if distributions is None and module == "llama_cpp":
        require_llama_cpp()
    assert distributions, f"{module} (imported in {where}) is not installed, so no distribution can be checked"
    assert any(normalise(d) in declared_distributions() for d in distributions), (
        f"{module} is imported in {where} but its distribution ({', '.join(distributions)}) is not in "
        "pyproject.toml: add it to dependencies or an optional extra"
    )
