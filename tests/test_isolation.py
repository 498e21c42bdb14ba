"""Tests marked slow or native run in a child process: a crash in native code fails that test, and the run goes on.

Each test here runs a small suite in a fresh pytest (pytester) whose native tests really crash, and checks what
that pytest reported: the crashed tests fail with the signal named, every other test still runs, the summary is
printed, and the parent process was never taken down.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

REPO_ROOT = Path(__file__).resolve().parents[1]

CRASHING_MODULE = """
import ctypes
import os

import pytest


@pytest.fixture(scope="module")
def in_process_resource():
    return "kept until this module's in-process tests are done"


def test_in_process_before(in_process_resource):
    assert os.getpid() == PARENT_PID


@pytest.mark.native
def test_reads_address_zero():
    ctypes.string_at(0)


@pytest.mark.native
def test_after_the_crash_runs_in_a_fresh_child():
    assert os.getpid() != PARENT_PID


@pytest.mark.native
def test_aborts():
    os.abort()


@pytest.mark.native
def test_skips_with_its_reason():
    pytest.skip("no model on this machine")


@pytest.mark.native
def test_fails_like_any_test():
    assert 1 == 2, "an ordinary failure, replayed from the child"
"""

OTHER_MODULE = """
import os


def test_in_process_in_the_next_module():
    assert os.getpid() == PARENT_PID
"""


CONFTEST = """
import os

pytest_plugins = ["tests.isolation"]
os.environ.setdefault("PARENT_PID", str(os.getpid()))  # the children inherit the parent's
"""


@pytest.fixture
def suite(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A fresh directory whose pytest loads the isolation plugin from this repository."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))
    pytester.makeconftest(CONFTEST)
    pytester.makeini("[pytest]\nmarkers =\n    slow: loads a real model\n")
    return pytester


def with_parent_pid(source: str) -> str:
    return source.replace("import os\n", 'import os\n\nPARENT_PID = int(os.environ["PARENT_PID"])\n', 1)


def test_a_segfault_and_an_abort_fail_their_tests_and_every_other_test_still_runs(suite: pytest.Pytester) -> None:
    suite.makepyfile(test_crashes=with_parent_pid(CRASHING_MODULE), test_other=with_parent_pid(OTHER_MODULE))

    result = suite.runpytest_subprocess("-p", "no:cacheprovider", "-rfs")

    result.assert_outcomes(passed=3, failed=3, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "*native crash: SIGSEGV in test_crashes.py::test_reads_address_zero*",
            "*Fatal Python error: Segmentation fault*",
            "*native crash: SIGABRT in test_crashes.py::test_aborts*",
            "*Fatal Python error: Aborted*",
            "*an ordinary failure, replayed from the child*",
            "FAILED test_crashes.py::test_reads_address_zero*",
            "FAILED test_crashes.py::test_aborts*",
            "FAILED test_crashes.py::test_fails_like_any_test*",
            "SKIPPED [[]1] test_crashes.py:*: no model on this machine",
            "*3 failed, 3 passed, 1 skipped*",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_crash_while_loading_a_module_scoped_model_fails_the_test_that_needed_it_and_the_next_child_reloads(
    suite: pytest.Pytester,
) -> None:
    suite.makepyfile(
        test_model="""
import ctypes
from pathlib import Path

import pytest

LOADS = []


@pytest.fixture(scope="module")
def model():
    crashed_before = Path("crashed-once")
    if not crashed_before.exists():
        crashed_before.touch()
        ctypes.string_at(0)
    LOADS.append("loaded")
    return "model"


@pytest.mark.slow
def test_first(model):
    assert model == "model"


@pytest.mark.slow
def test_second(model):
    assert LOADS == ["loaded"]


@pytest.mark.slow
def test_third_shares_the_model_loaded_for_the_second(model):
    assert LOADS == ["loaded"]
"""
    )

    result = suite.runpytest_subprocess("-p", "no:cacheprovider", "-ra")

    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        ["*native crash: SIGSEGV in test_model.py::test_first*", "ERROR test_model.py::test_first*"]
    )
