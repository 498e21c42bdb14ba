"""Admins' ingest jobs (/add URL, uploaded files), each in a thread of its own, so none of them waits on another.

    refusal = jobs.claim(sources)        # None, or why not now: "busy" (being read) or "full" (too many at once)
    jobs.run(sources, work, report, on_abandon=notice)   # work(stop) in a thread, then await report(result or error)
    await jobs.abandon()                 # at shutdown: tell what still runs to stop; await each notice()

A page may take up to NEWSBOT_FETCH_DEADLINE to download, and a trickling server takes all of it. So a job
holds no lock: adds of different sources run side by side, the same source twice at once is refused, and at
most `max_running` run at a time (a further one is refused, not queued, so nothing waits on another add).
Jobs run in daemon threads of their own, not in the event loop's executor, whose few threads answer questions,
and at background priority (background.py): a question asked meanwhile gets the cores first.

The handler that starts a job returns at once; the report arrives through a task PTB does not track. That is
what lets `Application.stop` finish in seconds while a download is still running: the job is abandoned (the
process exits without waiting for a download), the log says which sources, and their admins are told. Its `stop`
event is set: the job reads no further input and stores nothing more (Newsroom.ingest checks it between articles),
and a job in the middle of writing an article gets up to ABANDON_WRITE_WAIT_S to finish that write.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from bot.telegram.background import start_in_background

log = logging.getLogger(__name__)

T = TypeVar("T")
Refusal = Literal["busy", "full"]  # a source is being read already; `max_running` jobs run already

MAX_RUNNING_INGESTS = 4
ABANDON_NOTICE_TIMEOUT_S = 3.0  # telling admins their add was cut short must not hold up shutdown either
ABANDON_WRITE_WAIT_S = 2.0  # an article's store write takes well under this; a download is not waited for


@dataclass
class _Job(Generic[T]):
    sources: tuple[str, ...]
    future: asyncio.Future[T]
    on_abandon: Callable[[], Awaitable[None]] | None
    task: asyncio.Task[None] | None = field(default=None)
    stop: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = field(default=None)


class IngestJobs:
    """The ingest jobs running now; one per application (in `Services`)."""

    def __init__(self, max_running: int = MAX_RUNNING_INGESTS) -> None:
        if max_running < 1:
            raise ValueError(f"max_running must be at least 1, got {max_running}")
        self.max_running = max_running
        self._claimed: set[str] = set()
        self._claims = 0
        self._jobs: list[_Job[Any]] = []
        self._numbers = itertools.count(1)

    @property
    def running(self) -> int:
        """Jobs started and not yet reported (or about to start: claimed)."""
        return self._claims

    def claim(self, sources: Sequence[str]) -> Refusal | None:
        """Reserve `sources` for one job; returns None, or (claiming nothing) why they cannot be read now.

        Claiming and checking are one step, with no await between them, so two adds of one source that arrive
        together cannot both pass.
        """
        if any(source in self._claimed for source in sources):
            return "busy"
        if self._claims >= self.max_running:
            return "full"
        self._claimed.update(sources)
        self._claims += 1
        return None

    def reading(self, source: str) -> bool:
        """Whether a job has `source` claimed: it is being read now."""
        return source in self._claimed

    def release(self, sources: Sequence[str]) -> None:
        """Give back a claim: when its job has reported, or when the job never started (its handler failed
        before `run`)."""
        self._claimed.difference_update(sources)
        self._claims -= 1

    def run(
        self,
        sources: Sequence[str],
        work: Callable[[threading.Event], T],
        report: Callable[[T | BaseException], Awaitable[None]],
        *,
        on_abandon: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """Run `work(stop)` for claimed `sources` in a daemon thread; then `report(result)` (or the exception it
        raised) on the event loop, and the claim is released. If the bot stops first, `stop` is set and
        `on_abandon` awaited."""
        loop = asyncio.get_running_loop()
        job: _Job[T] = _Job(tuple(sources), loop.create_future(), on_abandon)
        job.task = loop.create_task(self._finish(job, report), name=f"newsbot-ingest-report-{sources[0]}")
        self._jobs.append(job)
        # whatever `work` raises, the admin hears of it: the future carries it to `report` on the loop
        job.thread = start_in_background(
            loop,
            job.future,
            work,
            job.stop,
            name=f"newsbot-ingest-{next(self._numbers)}",
            late=f"ingest of {list(job.sources)}",
        )

    async def _finish(self, job: _Job[T], report: Callable[[T | BaseException], Awaitable[None]]) -> None:
        try:
            try:
                outcome: T | BaseException = await job.future
            except Exception as exc:
                outcome = exc
            try:
                await report(outcome)
            except Exception:  # no PTB error handler sees this task: say it here
                log.exception("could not report the add of %s", list(job.sources))
        finally:
            self._jobs.remove(job)
            self.release(job.sources)

    async def abandon(self) -> None:
        """Tell the jobs still running to stop and stop waiting for them (a thread still downloading dies with the
        process); tell their admins."""
        jobs = list(self._jobs)
        if not jobs:
            return
        sources = [source for job in jobs for source in job.sources]
        log.warning(
            "stopping with %d add(s) still running, abandoned (what they had not stored is lost; send them again): %s",
            len(jobs),
            ", ".join(sources),
        )
        for job in jobs:
            job.stop.set()
            if job.task is not None:
                job.task.cancel()
        threads = [job.thread for job in jobs if job.thread is not None]
        await asyncio.to_thread(_join_all, threads, ABANDON_WRITE_WAIT_S)
        notices = [job.on_abandon() for job in jobs if job.on_abandon is not None]
        if notices:
            try:
                await asyncio.wait_for(asyncio.gather(*notices, return_exceptions=True), ABANDON_NOTICE_TIMEOUT_S)
            except TimeoutError:
                log.warning("could not tell every admin that their add was stopped")
        await asyncio.gather(*(job.task for job in jobs if job.task is not None), return_exceptions=True)


def _join_all(threads: Sequence[threading.Thread], timeout: float) -> None:
    """Wait for the threads to end, `timeout` seconds in all."""
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
