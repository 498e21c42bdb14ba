"""What handlers reach through their context: the shared services and each chat's memory (in `BotState`).

Built once in `app.build_application` and stored in `bot_data`; `NewsContext` (registered through PTB's
`ContextTypes`, as in examples/contexttypesbot.py) gives handlers typed access instead of dictionary lookups.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from telegram.ext import CallbackContext, ExtBot

from bot.settings import Settings
from bot.telegram.access import Access, RateLimiter
from bot.telegram.ingesting import IngestJobs
from bot.telegram.state import BotState
from index.models import Answer, Turn

if TYPE_CHECKING:
    from index.newsroom import Newsroom
    from index.reading import Reading

SERVICES_KEY = "services"
LOCK_KEY = "lock"
REFUSAL_EVERY_S = 600.0  # a refused user is told once per ten minutes, not once per message


@dataclass
class Services:
    """One per application: the Newsroom, the access rules, the rate limiters, the admins' ingest jobs, a few
    counters."""

    settings: Settings
    newsroom: Newsroom
    state: BotState
    access: Access
    limiter: RateLimiter
    #: a refused user is told once per REFUSAL_EVERY_S, not once per message
    refusals: RateLimiter
    upload_dir: Path
    ingests: IngestJobs = field(default_factory=IngestJobs)
    started_at: float = field(default_factory=time.monotonic)
    questions_answered: int = 0
    #: the thread reading the stored sentences behind ingest (index/reading.py)
    reading: Reading | None = None


class ChatMemory:
    """A chat's recent turns (for follow-ups) and its recent answers (for /sources and the Sources button), kept
    in the bot's state (`BotState`), so a restart or another replica sees them. Each call runs in a thread.

    `lock` keeps one chat's questions in order within this process, so a follow-up sent right after a question
    sees its answer; different chats never wait for each other.
    """

    def __init__(
        self,
        state: BotState,
        chat_id: int,
        max_turns: int,
        lock: asyncio.Lock,
        max_minutes: float = 0.0,
    ) -> None:
        self.state = state
        self.chat_id = chat_id
        self.max_turns = max_turns
        self.lock = lock
        self.max_minutes = max_minutes

    async def remember(self, question: str, answer: Answer) -> int:
        """Keep the turn and the answer; returns the key the Sources button refers to."""
        return await asyncio.to_thread(
            self.state.remember, self.chat_id, question, answer, max_turns=self.max_turns, at=time.time()
        )

    async def history(self) -> tuple[Turn, ...]:
        """The turns a question follows up: the chat's last ones, asked within `max_minutes` (0: however old)."""
        # wall-clock time, as `remember` keeps it: replicas on several hosts compare it
        since = time.time() - 60 * self.max_minutes if self.max_minutes > 0 else None
        return await asyncio.to_thread(self.state.history, self.chat_id, self.max_turns, since)

    async def answer(self, key: int) -> Answer | None:
        return await asyncio.to_thread(self.state.answer, self.chat_id, key)

    async def last_answer(self) -> Answer | None:
        return await asyncio.to_thread(self.state.last_answer, self.chat_id)


class NewsContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The callback context of every newsbot handler."""

    @property
    def services(self) -> Services:
        return self.bot_data[SERVICES_KEY]

    def memory(self, chat_id: int) -> ChatMemory:
        """The memory of the chat this update comes from."""
        chat_data = self.chat_data
        lock = asyncio.Lock() if chat_data is None else chat_data.setdefault(LOCK_KEY, asyncio.Lock())
        services = self.services
        settings = services.settings
        return ChatMemory(
            services.state, chat_id, settings.telegram_history_turns, lock, settings.telegram_history_minutes
        )
