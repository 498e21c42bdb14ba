"""`newsbot ingest`'s progress: a bar on a terminal, plain periodic lines otherwise, fed by Newsroom.ingest."""

from __future__ import annotations

import io

from rich.console import Console

from bot.cli.progress import IngestProgress


class Clock:
    """A clock the test moves by hand: the figures depend on its readings only."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _console(*, terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=200, color_system=None), out


def test_plain_lines_come_at_most_once_per_interval_with_rate_and_eta() -> None:
    console, out = _console(terminal=False)
    clock = Clock()
    with IngestProgress(console, clock=clock, interval_s=5) as progress:
        clock.now += 1
        progress.inputs(1, 4)  # 1 s in: too soon for a line
        clock.now += 5
        progress.chunks(120)  # 6 s in: 120 chunks, 20/s; 1 of 4 inputs took 6 s, so 18 s to go
        clock.now += 2
        progress.chunks(30)  # 8 s in: within the interval of the last line
        clock.now += 4
        progress.inputs(4, 4)  # 12 s in: done
    assert out.getvalue().splitlines() == [
        "ingest: 1/4 inputs, 120 chunks embedded, 20.0 chunks/s, ETA 0:00:18",
        "ingest: 4/4 inputs, 150 chunks embedded, 12.5 chunks/s, ETA 0:00:00",
    ]


def test_a_short_ingest_prints_no_plain_line() -> None:
    console, out = _console(terminal=False)
    clock = Clock()
    with IngestProgress(console, clock=clock, interval_s=10) as progress:
        clock.now += 3
        progress.inputs(1, 1)
        progress.chunks(7)
    assert out.getvalue() == ""


def test_one_input_has_no_eta_only_the_rate() -> None:
    console, out = _console(terminal=False)
    clock = Clock()
    with IngestProgress(console, clock=clock, interval_s=0) as progress:
        progress.inputs(0, 1)
        clock.now += 4
        progress.chunks(1000)
    assert out.getvalue().splitlines()[-1] == "ingest: 0/1 inputs, 1,000 chunks embedded, 250.0 chunks/s, ETA ?"


def test_a_terminal_gets_a_bar_with_the_same_figures() -> None:
    console, out = _console(terminal=True)
    clock = Clock()
    with IngestProgress(console, clock=clock, interval_s=0) as progress:
        clock.now += 10
        progress.inputs(2, 8)
        progress.chunks(300)
        shown = out.getvalue()
    assert "ingesting" in shown
    assert "━" in shown  # the bar
    assert "2/8 inputs, 300 chunks embedded, 30.0 chunks/s, ETA 0:00:30" in shown
    assert "ingest: " not in shown  # no plain lines on a terminal
