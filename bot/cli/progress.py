"""`newsbot ingest`'s progress: a bar on a terminal, a plain line every so often when stderr is a file or a pipe.

Both show the inputs read (of how many), the chunks embedded, their rate and the time left. The time left is
estimated from the inputs (files and URLs) read so far, so it is shown only when there are several: a single
.csv or .jsonl of many articles counts as one input, and then the rate of chunks is the figure to watch.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn

# A plain line at most this often (seconds); an ingest that ends sooner prints none.
PLAIN_INTERVAL_S = 10.0
# The time left needs at least this many inputs to be worth estimating.
ETA_MIN_INPUTS = 2


class IngestProgress:
    """Receives Newsroom.ingest's callbacks (`inputs` as on_progress, `chunks` as on_embedded) and shows them.

    `clock` and `interval_s` are there for tests: the figures depend only on the clock's readings.
    """

    def __init__(
        self,
        console: Console,
        *,
        clock: Callable[[], float] = time.monotonic,
        interval_s: float = PLAIN_INTERVAL_S,
    ) -> None:
        self.console = console
        self.clock = clock
        self.interval_s = interval_s
        self.inputs_done = 0
        self.inputs_total = 0
        self.chunks_embedded = 0
        self._start = 0.0
        self._last_line = 0.0
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> IngestProgress:
        self._start = self._last_line = self.clock()
        if self.console.is_terminal:
            self._bar = Progress(
                TextColumn("[bold]ingesting"),
                BarColumn(),
                TextColumn("{task.fields[figures]}"),
                console=self.console,
                transient=True,
                auto_refresh=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("ingest", total=None, figures="")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, error, trace)
            self._bar = None

    def inputs(self, done: int, total: int) -> None:
        """Newsroom.ingest's on_progress: `done` of `total` inputs read."""
        self.inputs_done, self.inputs_total = done, total
        self._show()

    def chunks(self, embedded: int) -> None:
        """Newsroom.ingest's on_embedded: `embedded` more chunks were embedded."""
        self.chunks_embedded += embedded
        self._show()

    @property
    def elapsed_s(self) -> float:
        return max(self.clock() - self._start, 0.0)

    @property
    def rate(self) -> float:
        """Chunks embedded per second since the start."""
        elapsed = self.elapsed_s
        return self.chunks_embedded / elapsed if elapsed > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        """Seconds left, from the pace of the inputs read so far; None when there is nothing to go by."""
        done, total = self.inputs_done, self.inputs_total
        if total < ETA_MIN_INPUTS or done <= 0:
            return None
        return self.elapsed_s * max(total - done, 0) / done

    def figures(self) -> str:
        """E.g. "3/10 inputs, 1,204 chunks embedded, 96.3 chunks/s, ETA 0:00:42"."""
        eta = self.eta_s
        return (
            f"{self.inputs_done}/{self.inputs_total} inputs, {self.chunks_embedded:,} chunks embedded, "
            f"{self.rate:.1f} chunks/s, ETA {'?' if eta is None else _clock_time(eta)}"
        )

    def _show(self) -> None:
        if self._bar is not None and self._task is not None:
            total = self.inputs_total if self.inputs_total >= ETA_MIN_INPUTS else None
            self._bar.update(self._task, completed=self.inputs_done, total=total, figures=self.figures())
            self._bar.refresh()
            return
        now = self.clock()
        if now - self._last_line >= self.interval_s:
            self._last_line = now
            self.console.print(f"ingest: {self.figures()}", highlight=False, soft_wrap=True)


def _clock_time(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
