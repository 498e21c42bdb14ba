"""What handlers reach through their context: the shared services and each chat's memory.

Built once in `app.build_application` and stored in `bot_data`; `NewsContext` (registered through PTB's
`ContextTypes`, as in examples/contexttypesbot.py) gives handlers typed access instead of dictionary lookups.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from telegram.ext import CallbackContext, ExtBot

from bot.settings import Settings
from bot.telegram.access import Access, RateLimiter
from bot.telegram.ingesting import IngestJobs
from index.models import Answer, Turn

if TYPE_CHECKING:
    from index.newsroom import Newsroom

SERVICES_KEY = "services"
MEMORY_KEY = "memory"
REMEMBERED_ANSWERS = 20
REFUSAL_EVERY_S = 600.0  # a refused user is told once per ten minutes, not once per message


@dataclass
class Services:
    """One per application: the Newsroom, the access rules, the rate limiters, the admins' ingest jobs, a few
    counters."""

    settings: Settings
    newsroom: Newsroom
    access: Access
    limiter: RateLimiter
    upload_dir: Path
    refusals: RateLimiter = field(default_factory=lambda: RateLimiter(1, window_s=REFUSAL_EVERY_S))
    ingests: IngestJobs = field(default_factory=IngestJobs)
    started_at: float = field(default_factory=time.monotonic)
    questions_answered: int = 0


class ChatMemory:
    """A chat's recent turns (for follow-ups) and its recent answers (for /sources and the Sources button).

    `lock` keeps one chat's questions in order, so a follow-up sent right after a question sees its answer;
    different chats never wait for each other.
    """

    def __init__(self, max_turns: int) -> None:
        self.turns: deque[Turn] = deque(maxlen=max_turns)
        self.answers: OrderedDict[int, Answer] = OrderedDict()
        self.lock = asyncio.Lock()
        self._next_key = 1

    def remember(self, question: str, answer: Answer) -> int:
        """Keep the turn and the answer; returns the key the Sources button refers to."""
        self.turns.append(Turn(question=question, answer=answer.text))
        key = self._next_key
        self._next_key += 1
        self.answers[key] = answer
        while len(self.answers) > REMEMBERED_ANSWERS:
            self.answers.popitem(last=False)
        return key

    @property
    def history(self) -> tuple[Turn, ...]:
        return tuple(self.turns)

    @property
    def last_answer(self) -> Answer | None:
        return next(reversed(self.answers.values()), None)


class NewsContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The callback context of every newsbot handler."""

    @property
    def services(self) -> Services:
        return self.bot_data[SERVICES_KEY]

    @property
    def memory(self) -> ChatMemory:
        """This chat's memory, created on first use."""
        chat_data = self.chat_data
        if chat_data is None:
            raise RuntimeError("this update has no chat, so it has no chat memory")
        memory = chat_data.get(MEMORY_KEY)
        if memory is None:
            memory = chat_data[MEMORY_KEY] = ChatMemory(self.services.settings.telegram_history_turns)
        return memory
