"""Two webhook replicas behind a load balancer: two real Applications over one state database (a SQLite file, then
a PostgreSQL server), both talking HTTP to the loopback fake Bot API.

Each update goes to one replica, as a load balancer would post it to one; `process_update` is what the webhook
server of `run_webhook` calls with the update it received.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from telegram import Update

from bot.telegram.app import NewsApplication, build_application
from index.newsroom import Newsroom
from tests.bot.conftest import ADA, assert_answers_the_seed_question, bot_settings
from tests.conftest import SEED_QUESTION
from tests.fakes.bot_api import FakeBotApi, SentMessage, private_chat

#: a follow-up the index cannot answer on its own: only the chat's history says who "they" are
FOLLOW_UP = "What did they deny?"

@contextlib.asynccontextmanager
async def replicas(
    count: int, api: FakeBotApi, newsroom: Newsroom, tmp_path: Path, **overrides: Any
) -> AsyncIterator[list[NewsApplication]]:
    """`count` Applications with the same settings (so the same state database), each its own process's worth:
    own connection, own chat_data; closed (post_shutdown closes the state) on exit."""
    async with contextlib.AsyncExitStack() as stack:
        built = []
        for n in range(count):
            settings = bot_settings(tmp_path / f"replica{n}", telegram_base_url=api.base_url, **overrides)
            application = build_application(settings, newsroom)
            assert application.post_shutdown is not None
            stack.push_async_callback(application.post_shutdown, application)
            await stack.enter_async_context(application)
            built.append(application)
        yield built


async def deliver(api: FakeBotApi, replica: NewsApplication) -> list[SentMessage]:
    """Hand the pending updates to one replica; returns what the bot sent."""
    before = len(api.messages)
    for payload in api.take_updates():
        await replica.process_update(Update.de_json(payload, replica.bot))
    return api.messages[before:]


async def test_a_follow_up_and_a_button_work_on_the_other_replica(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path, state_url: str
) -> None:
    assert (await asyncio.to_thread(newsroom.ask, FOLLOW_UP)).abstained  # so only A's history lets B answer
    async with replicas(2, api, newsroom, tmp_path, telegram_state_url=state_url) as (a, b):
        api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
        [answer] = await deliver(api, a)
        assert_answers_the_seed_question(answer.text)
        api.user_message(user=ADA, chat=private_chat(ADA), text=FOLLOW_UP)
        [follow_up] = await deliver(api, b)
        assert "Nordkorea" in follow_up.text and "[1]" in follow_up.text
        api.press_button(user=ADA, message=answer, data=answer.buttons[0]["callback_data"])
        [full] = await deliver(api, b)
        assert full.text.startswith("Sources for") and SEED_QUESTION in full.text
        api.user_message(user=ADA, chat=private_chat(ADA), text="/sources")
        [last] = await deliver(api, a)  # the last answer of the chat is B's
        assert last.text.startswith("Sources for") and FOLLOW_UP in last.text
    assert not api.errors


async def test_a_restart_keeps_history_and_buttons(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path, state_url: str
) -> None:
    async with replicas(1, api, newsroom, tmp_path, telegram_state_url=state_url) as [before]:
        api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
        [answer] = await deliver(api, before)
    async with replicas(1, api, newsroom, tmp_path, telegram_state_url=state_url) as [after]:
        api.press_button(user=ADA, message=answer, data=answer.buttons[0]["callback_data"])
        [full] = await deliver(api, after)
        assert full.text.startswith("Sources for") and SEED_QUESTION in full.text
        api.user_message(user=ADA, chat=private_chat(ADA), text=FOLLOW_UP)
        [follow_up] = await deliver(api, after)
        assert "Nordkorea" in follow_up.text
    assert not api.errors



async def test_the_rate_limit_holds_across_replicas_and_a_restart(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path, state_url: str
) -> None:
    limited = {"telegram_state_url": state_url, "telegram_rate_limit_per_minute": 2}
    async with replicas(2, api, newsroom, tmp_path, **limited) as (a, b):
        for replica in (a, b):
            api.user_message(user=ADA, chat=private_chat(ADA), text="/help")
            [help_text] = await deliver(api, replica)
            assert "/sources" in help_text.text
        api.user_message(user=ADA, chat=private_chat(ADA), text="/help")
        [slow_down] = await deliver(api, a)
        assert "2 messages a minute" in slow_down.text
        api.user_message(user=ADA, chat=private_chat(ADA), text="/help")
        assert await deliver(api, b) == []  # told once per stretch, by whichever replica
    async with replicas(1, api, newsroom, tmp_path, **limited) as [restarted]:
        api.user_message(user=ADA, chat=private_chat(ADA), text="/help")
        assert await deliver(api, restarted) == []
    assert not api.errors
