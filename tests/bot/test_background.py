"""Background work (feed polls, admins' ingest jobs) runs at a low CPU priority in threads of its own, so that
questions get the cores first; the threads that answer questions keep theirs."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

import pytest

from bot.telegram.background import in_background
from bot.telegram.ingesting import IngestJobs
from index.priority import BACKGROUND_NICE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own priority is Linux's")


def own_nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def nice_of_a_thread_it_starts() -> int:
    seen: list[int] = []
    child = threading.Thread(target=lambda: seen.append(own_nice()))  # as OpenMP's workers are started
    child.start()
    child.join()
    return seen[0]


async def test_background_work_runs_at_low_priority_and_so_do_the_threads_it_starts() -> None:
    before = own_nice()
    assert await in_background(lambda: (own_nice(), nice_of_a_thread_it_starts()), name="t") == (
        BACKGROUND_NICE,
        BACKGROUND_NICE,
    )
    assert own_nice() == before  # the event loop's thread is untouched
    assert await asyncio.to_thread(own_nice) == before  # and so is the executor that answers questions


async def test_what_background_work_raises_reaches_whoever_awaits_it() -> None:
    def fail() -> None:
        raise ValueError("bad feed")

    with pytest.raises(ValueError, match="bad feed"):
        await in_background(fail, name="t")


async def test_an_admins_ingest_job_runs_at_low_priority() -> None:
    jobs = IngestJobs()
    outcomes: list[object] = []
    done = asyncio.Event()

    async def report(outcome: int | BaseException) -> None:
        outcomes.append(outcome)
        done.set()

    assert jobs.claim(["a.txt"]) is None
    jobs.run(["a.txt"], lambda stop: own_nice(), report)
    await asyncio.wait_for(done.wait(), 5)
    assert outcomes == [BACKGROUND_NICE]
