"""Admins' ingest jobs: a job the bot abandons at shutdown is told to stop, and its admin is told."""

from __future__ import annotations

import asyncio
import threading

from bot.telegram.ingesting import IngestJobs


async def test_abandoning_a_job_sets_its_stop_and_waits_for_the_write_in_progress() -> None:
    jobs = IngestJobs()
    started = threading.Event()
    seen: list[str] = []
    noticed: list[str] = []

    def work(stop: threading.Event) -> int:
        started.set()
        stop.wait(30)  # a write in progress, which ends when told to stop
        seen.append("stopped" if stop.is_set() else "timed out")
        return 1

    async def report(outcome: int | BaseException) -> None:
        seen.append(f"reported {outcome}")

    async def notice() -> None:
        noticed.append("told")

    assert jobs.claim(["https://example.org/a"]) is None
    jobs.run(["https://example.org/a"], work, report, on_abandon=notice)
    await asyncio.to_thread(started.wait, 5)
    await jobs.abandon()

    assert seen == ["stopped"]  # the thread ended before abandon returned; its report is not sent
    assert noticed == ["told"]
    assert jobs.running == 0


async def test_a_job_that_finishes_is_reported_and_its_stop_never_set() -> None:
    jobs = IngestJobs()
    outcomes: list[object] = []
    done = asyncio.Event()

    async def report(outcome: bool | BaseException) -> None:
        outcomes.append(outcome)
        done.set()

    assert jobs.claim(["a.txt"]) is None
    jobs.run(["a.txt"], lambda stop: stop.is_set(), report)
    await asyncio.wait_for(done.wait(), 5)
    assert outcomes == [False] and jobs.running == 0
