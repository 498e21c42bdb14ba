"""Who may use the bot, who administers it, and how often one user may ask.

    allowed   TELEGRAM_ALLOWED_USER_IDS and TELEGRAM_ALLOWED_CHAT_IDS; both empty = open to everyone.
              Otherwise a user listed in the first may ask anywhere, and anyone may ask in a chat listed in
              the second (a private chat's id is its user's id).
    admins    TELEGRAM_ADMIN_IDS may always use the bot, add articles and see /stats; they are not rate limited.
    rate      TELEGRAM_RATE_LIMIT_PER_MINUTE messages the bot answers (questions, commands, buttons, files) per
              user in any 60 seconds.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.settings import Settings

RATE_WINDOW_S = 60.0


class Access:
    """The access lists, checked for every update before any handler runs."""

    def __init__(
        self,
        *,
        allowed_user_ids: Iterable[int] = (),
        allowed_chat_ids: Iterable[int] = (),
        admin_ids: Iterable[int] = (),
    ) -> None:
        self.allowed_user_ids = frozenset(allowed_user_ids)
        self.allowed_chat_ids = frozenset(allowed_chat_ids)
        self.admin_ids = frozenset(admin_ids)

    @classmethod
    def from_settings(cls, settings: Settings) -> Access:
        return cls(
            allowed_user_ids=settings.telegram_allowed_user_ids,
            allowed_chat_ids=settings.telegram_allowed_chat_ids,
            admin_ids=settings.telegram_admin_ids,
        )

    @property
    def is_open(self) -> bool:
        return not self.allowed_user_ids and not self.allowed_chat_ids

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids

    def allows(self, user_id: int | None, chat_id: int | None) -> bool:
        if self.is_admin(user_id) or self.is_open:
            return True
        return (user_id is not None and user_id in self.allowed_user_ids) or (
            chat_id is not None and chat_id in self.allowed_chat_ids
        )


@dataclass(frozen=True)
class Verdict:
    """`allowed`, or the seconds to wait; `warn` is true only for the first refusal of a stretch."""

    allowed: bool
    retry_after: float = 0.0
    warn: bool = False

    @property
    def retry_after_s(self) -> int:
        return max(1, math.ceil(self.retry_after))


class RateLimiter:
    """At most `per_minute` messages per user in any sliding 60-second window.

    A user who keeps asking while limited is told once, not once per message: replying to every message of
    a flood would itself flood the chat.
    """

    def __init__(
        self, per_minute: int, *, window_s: float = RATE_WINDOW_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if per_minute < 1:
            raise ValueError(f"per_minute must be at least 1, got {per_minute}")
        if window_s <= 0:
            raise ValueError(f"window_s must be positive, got {window_s}")
        self.per_minute = per_minute
        self.window_s = window_s
        self._clock = clock
        self._asked: dict[int, deque[float]] = {}
        self._warned_until: dict[int, float] = {}

    def check(self, user_id: int) -> Verdict:
        """Count a question if the user may ask now; otherwise say how long until they may."""
        now = self._clock()
        asked = self._asked.setdefault(user_id, deque())
        while asked and asked[0] <= now - self.window_s:
            asked.popleft()
        if len(asked) < self.per_minute:
            asked.append(now)
            self._warned_until.pop(user_id, None)
            self._forget_idle(now)
            return Verdict(allowed=True)
        free_at = asked[0] + self.window_s
        warn = self._warned_until.get(user_id, -math.inf) < now
        if warn:
            self._warned_until[user_id] = free_at
        return Verdict(allowed=False, retry_after=free_at - now, warn=warn)

    def _forget_idle(self, now: float) -> None:
        """Drop users with no question in the window, so memory follows active users, not all users ever."""
        if len(self._asked) < 1024:
            return
        for user_id in [u for u, asked in self._asked.items() if not asked or asked[-1] <= now - self.window_s]:
            del self._asked[user_id]
            self._warned_until.pop(user_id, None)
