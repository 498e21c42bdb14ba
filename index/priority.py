"""A thread's own CPU priority, for background work (ingest in the bot, reading behind ingest) that must leave the
cores to answers.

    lower_priority()      # in the background thread itself: from now on it, and the threads it starts, run at nice 19

On Linux a thread's nice value is its own, and the threads it starts later inherit it — the OpenMP team e5 runs
on among them. At BACKGROUND_NICE a thread still gets every core the answers leave idle. Raising one's nice value
needs no privilege; lowering it back would, so it is only ever raised in a thread that does nothing else.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

BACKGROUND_NICE = 19


def lower_priority(nice: int = BACKGROUND_NICE) -> bool:
    """Give the calling thread this nice value (and the threads it starts from now on); False where a thread
    cannot have a priority of its own (not Linux) or the system refuses."""
    if not sys.platform.startswith("linux"):  # elsewhere PRIO_PROCESS with a thread id would be the whole process
        return False
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except OSError as exc:
        log.debug("could not lower the priority of %s: %s", threading.current_thread().name, exc)
        return False
    return True
