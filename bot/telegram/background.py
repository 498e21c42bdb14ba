"""Background work (feed polls, admins' ingest jobs) runs in threads of its own at a low CPU priority, so that a
question asked meanwhile gets the cores first.

    report = await in_background(poller.poll_due, should_stop, name="newsbot-feeds")   # fn(*args) in a new thread
    thread = start_in_background(loop, future, work, stop, name=..., late=...)         # settles `future` when done

Ingest is CPU-bound for as long as it lasts (e5 embeds ~6 chunks a second on 2 cores), and an answer needs the
same cores for a moment: at an equal priority both get half, and the answer takes twice as long. A background
thread runs at `index.priority.BACKGROUND_NICE` (README, "The Telegram bot under load", has the figures); its
priority is only ever lowered in a thread that does nothing else (never in the event loop's executor, which
answers questions).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from index.priority import lower_priority

log = logging.getLogger(__name__)

T = TypeVar("T")


async def in_background(fn: Callable[..., T], *args: Any, name: str) -> T:
    """`fn(*args)` in a new daemon thread at background priority; its result, or the exception it raised."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()
    start_in_background(loop, future, fn, *args, name=name, late=name)
    return await future


def start_in_background(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[T],
    fn: Callable[..., T],
    *args: Any,
    name: str,
    late: str,
) -> threading.Thread:
    """Start `fn(*args)` in a new daemon thread named `name`, at background priority; its result, or whatever it
    raised, settles `future` on `loop`. When the loop has closed meanwhile (the bot stopped), it logs that `late`
    finished after the bot stopped."""

    def target() -> None:
        lower_priority()
        try:
            outcome: Any = fn(*args)
        except BaseException as exc:  # whatever it is, whoever awaits the future hears of it
            outcome = exc
        try:
            loop.call_soon_threadsafe(settle, future, outcome)
        except RuntimeError:  # the loop is closed: the bot stopped meanwhile
            log.debug("%s finished after the bot stopped", late)

    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    return thread


def settle(future: asyncio.Future[Any], outcome: object) -> None:
    """Set an outcome computed in another thread (called on the loop); a future given up on is left as it is."""
    if future.done():
        return
    if isinstance(outcome, BaseException):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
