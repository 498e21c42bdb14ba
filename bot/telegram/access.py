"""Who may use the bot, who administers it, and how often one user may ask.

allowed   TELEGRAM_ALLOWED_USER_IDS and TELEGRAM_ALLOWED_CHAT_IDS; both empty = open to everyone.
          Otherwise a user listed in the first may ask anywhere, and anyone may ask in a chat listed in
          the second (a private chat's id is its user's id).
admins    TELEGRAM_ADMIN_IDS may always use the bot, add articles and see /stats; they are not rate limited.
rate      TELEGRAM_RATE_LIMIT_PER_MINUTE messages the bot answers (questions, commands, buttons, files) per
          user in any 60 seconds, counted in the bot's state (bot/telegram/state.py) that replicas share.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from bot.settings import Settings
from bot.telegram.state import BotState, Verdict

__all__ = ["RATE_WINDOW_S", "Access", "RateLimiter", "Verdict"]

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


class RateLimiter:
    """At most `per_minute` messages per user in any sliding window (60 seconds unless told), per `bucket`.

    The requests are counted in the bot's state (`BotState.check_rate`, one transaction), so webhook replicas
    sharing it allow a user no more than one bot would, and a restart forgets nothing. A user who keeps asking
    while limited is told once, not once per message: replying to every message of a flood would itself flood
    the chat. `check` blocks: call it through `asyncio.to_thread`.
    """

    def __init__(
        self,
        per_minute: int,
        *,
        state: BotState,
        bucket: str,
        window_s: float = RATE_WINDOW_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if per_minute < 1:
            raise ValueError(f"per_minute must be at least 1, got {per_minute}")
        if window_s <= 0:
            raise ValueError(f"window_s must be positive, got {window_s}")
        self.per_minute = per_minute
        self.window_s = window_s
        self.state = state
        self.bucket = bucket
        self._clock = clock  # wall-clock time: replicas on several hosts compare it

    def check(self, user_id: int) -> Verdict:
        """Count a message if the user may send one now; otherwise say how long until they may."""
        return self.state.check_rate(
            self.bucket, user_id, limit=self.per_minute, window_s=self.window_s, now=self._clock()
        )
