"""Two webhook replicas behind a load balancer: two real Applications over one state database (a SQLite file, then
a PostgreSQL server), both talking HTTP to the loopback fake Bot API.

Each update goes to one replica, as a load balancer would post it to one: either handed to `process_update`
(what the webhook server of `run_webhook` calls with the update it received), or, in the webhook test, through a
loopback load balancer to the replicas' real webhook servers.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from aiohttp import web
from telegram import Update

from bot.telegram.app import NewsApplication, build_application, webhook_options
from index.newsroom import Newsroom
from tests.bot.conftest import ADA, ADMIN, assert_answers_the_seed_question, bot_settings
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


async def test_a_feed_an_admin_adds_on_one_replica_is_followed_by_all(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path, state_url: str
) -> None:
    async with replicas(2, api, newsroom, tmp_path, telegram_state_url=state_url) as (a, b):
        api.user_message(user=ADMIN, chat=private_chat(ADMIN), text="/feed_add https://elda.example/feed.xml")
        [added] = await deliver(api, a)
        assert "https://elda.example/feed.xml" in added.text
        api.user_message(user=ADMIN, chat=private_chat(ADMIN), text="/feeds")
        [listed] = await deliver(api, b)  # another host's replica: its own data dir, the same state
        assert "https://elda.example/feed.xml" in listed.text
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


class LoadBalancer:
    """A loopback HTTP load balancer in front of webhook replicas: each POST goes to the replica `route` names next
    (round robin once it is empty), headers and body as received."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.route: list[int] = []
        self.delivered: list[int] = []
        self._runner: web.AppRunner | None = None
        self.port = free_port()

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/{path:.*}", self._forward)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _forward(self, request: web.Request) -> web.Response:
        replica = self.route.pop(0) if self.route else len(self.delivered) % len(self.ports)
        self.delivered.append(replica)
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith(("x-telegram", "content-type"))}
        async with httpx.AsyncClient() as http:
            response = await http.post(
                f"http://127.0.0.1:{self.ports[replica]}{request.path}", content=await request.read(), headers=headers
            )
        return web.Response(status=response.status_code, body=response.content)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_replicas_behind_a_load_balancer_share_one_conversation(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path, state_url: str
) -> None:
    """`run_webhook`'s steps on two replicas with the same public URL and secret; the load balancer sends the
    question to A, the follow-up and the button press on A's answer to B."""
    ports = [free_port(), free_port()]
    balancer = LoadBalancer(ports)
    await balancer.start()
    try:
        async with contextlib.AsyncExitStack() as stack:
            for n, port in enumerate(ports):
                settings = bot_settings(
                    tmp_path / f"replica{n}",
                    telegram_base_url=api.base_url,
                    telegram_state_url=state_url,
                    telegram_mode="webhook",
                    telegram_webhook_listen="127.0.0.1",
                    telegram_webhook_port=port,
                    telegram_webhook_url=f"http://127.0.0.1:{balancer.port}",
                    telegram_webhook_secret="shared-secret_1",
                )
                application = build_application(settings, newsroom)
                assert application.post_shutdown is not None and application.updater is not None
                stack.push_async_callback(application.post_shutdown, application)
                await stack.enter_async_context(application)
                await application.updater.start_webhook(**webhook_options(settings))
                stack.push_async_callback(application.updater.stop)
                await application.start()
                stack.push_async_callback(application.stop)
            balancer.route = [0, 1, 1]
            api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
            [answer] = await api.replies(ADA["id"])
            api.user_message(user=ADA, chat=private_chat(ADA), text=FOLLOW_UP)
            [follow_up] = await api.replies(ADA["id"], after=1)
            api.press_button(user=ADA, message=answer, data=answer.buttons[0]["callback_data"])
            [full] = await api.replies(ADA["id"], after=2)
    finally:
        await balancer.stop()
    assert balancer.delivered == [0, 1, 1] and api.webhook["deliveries"] == [200, 200, 200]
    assert_answers_the_seed_question(answer.text)
    assert "Nordkorea" in follow_up.text and "[1]" in follow_up.text
    assert full.text.startswith("Sources for") and SEED_QUESTION in full.text
    assert not api.errors
