"""Bot fixtures: the real Newsroom with the sample article, and the bot driven two ways.

- `offline_bot`: real `Update` objects through `Application.process_update`; the request object is the fake Bot
  API in-process (`OfflineRequest`), so nothing touches the network and every call is recorded and checked.
- `polling_bot(settings, newsroom)`: a real Application long-polling the loopback fake Bot API, as `run_bot` does.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.settings import Settings
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.context import SERVICES_KEY
from index.newsroom import Newsroom
from tests.conftest import SEED_ARTICLE, make_settings
from tests.fakes.bot_api import FakeBotApi, SentMessage, make_user, private_chat
from tests.fakes.offline_request import OfflineRequest
from tests.postgres_server import find_binaries, postgres_server

TOKEN = "123456789:AAF-newsbot_TEST-token-never-logged"
#: .ci/run sets it: there a missing PostgreSQL fails its tests instead of skipping them
REQUIRE_POSTGRES_VARIABLE = "TESTS_REQUIRE_POSTGRES"

#: a made-up news page: what /add URL reads in these tests
NEWS_PAGE = """<!doctype html><html lang="en"><head><title>Harbour of Port Elda reopens | Elda Courier</title>
<meta property="og:title" content="Harbour of Port Elda reopens after storm">
<meta property="og:site_name" content="Elda Courier">
<meta property="article:published_time" content="2024-03-04T09:00:00+00:00"></head>
<body><nav>Home | World | Sport</nav><article><h1>Harbour of Port Elda reopens after storm</h1>
<p>The harbour of Port Elda reopened on Monday, a week after a storm tore two cranes from the quay.</p>
<p>Harbour master Ilse Varga said the first ferry left at six in the morning with 140 passengers aboard.</p>
<p>Repairs to the northern pier will take until the summer, the town council said.</p></article>
<footer>© Elda Courier</footer></body></html>"""

ADMIN = make_user(1, "Grace", "grace")
ADA = make_user(101, "Ada", "ada")
EVE = make_user(666, "Eve")


@pytest.fixture(scope="session")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    """The real Newsroom (multilingual embedder, embedded Chroma) with the sample article: built once."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith(("NEWSBOT_", "TELEGRAM_")):
                patch.delenv(name)
        settings = make_settings(tmp_path_factory.mktemp("newsroom") / "data")
    room = Newsroom(settings)
    room.warm_up()
    report = room.ingest([str(SEED_ARTICLE)])
    assert report.added == 1 and not report.failed
    return room


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A real PostgreSQL server for the session (about a second to start), from the binaries on this machine."""
    binaries = find_binaries()
    if binaries is None:
        missing = "no PostgreSQL binaries (initdb, postgres) on PATH or in /usr/lib/postgresql/*/bin"
        if os.environ.get(REQUIRE_POSTGRES_VARIABLE) == "1":
            pytest.fail(f"{missing}, and {REQUIRE_POSTGRES_VARIABLE}=1 requires them")
        pytest.skip(missing)
    with postgres_server(binaries) as url:
        yield url


_databases = itertools.count(1)


@pytest.fixture
def postgres_url(postgres_server_url: str) -> str:
    """A new, empty database on the session's server, for one test."""
    import psycopg

    name = f"test_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(postgres_server_url, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return postgres_server_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(params=["sqlite", "postgres"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """TELEGRAM_STATE_URL for each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state' / 'bot_state.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


def newsroom_like(newsroom: Newsroom, data_dir: Path, **overrides: Any) -> Newsroom:
    """Another real Newsroom with its own store, sharing the warmed-up embedder (it loads once per session)."""
    answerer = overrides.pop("answerer", None)
    return Newsroom(make_settings(data_dir, **overrides), embedder=newsroom.embedder, answerer=answerer)


@pytest.fixture
def empty_newsroom(newsroom: Newsroom, tmp_path: Path) -> Newsroom:
    """An empty index, for tests that add articles."""
    return newsroom_like(newsroom, tmp_path / "empty")


def bot_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"telegram_bot_token": TOKEN, "telegram_admin_ids": [ADMIN["id"]]}
    values.update(overrides)
    return make_settings(tmp_path / "bot", **values)


class OfflineBot:
    """Sends user messages to the bot as real `Update`s and returns what the bot sent back."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any], api: FakeBotApi) -> None:
        self.application = application
        self.api = api

    async def send(
        self,
        text: str = "",
        *,
        user: dict[str, Any] = ADA,
        chat: dict[str, Any] | None = None,
        reply_to: SentMessage | None = None,
        extra: dict[str, Any] | None = None,
        wait_for_adds: bool = True,
    ) -> list[SentMessage]:
        chat = chat or private_chat(user)
        self.api.user_message(user=user, chat=chat, text=text, reply_to=reply_to, extra=extra)
        return await self.deliver(wait_for_adds=wait_for_adds)

    async def upload(self, file_name: str, content: bytes, *, user: dict[str, Any] = ADMIN) -> list[SentMessage]:
        self.api.user_document(user=user, chat=private_chat(user), file_name=file_name, content=content)
        return await self.deliver()

    async def press(self, message: SentMessage, data: str, *, user: dict[str, Any] = ADA) -> list[SentMessage]:
        self.api.press_button(user=user, message=message, data=data)
        return await self.deliver()

    async def deliver(self, *, wait_for_adds: bool = True) -> list[SentMessage]:
        """Process the pending updates one by one, as the fake's users sent them; returns the bot's new messages
        (an admin's add included: its job has reported by then, unless told not to wait for it)."""
        before = len(self.api.messages)
        for payload in self.api.take_updates():
            await self.application.process_update(Update.de_json(payload, self.application.bot))
        if wait_for_adds:
            await self.adds_reported()
        return self.api.messages[before:]

    async def adds_reported(self, timeout: float = 60.0) -> None:
        """Wait until the admins' adds have reported: they run in jobs of their own, after their handler."""
        jobs = self.application.bot_data[SERVICES_KEY].ingests
        async with asyncio.timeout(timeout):
            while jobs.running:
                await asyncio.sleep(0.02)


MakeOfflineBot = Callable[..., Awaitable[OfflineBot]]


@pytest.fixture
async def make_offline_bot(newsroom: Newsroom, tmp_path: Path) -> AsyncIterator[MakeOfflineBot]:
    async with contextlib.AsyncExitStack() as stack:

        async def make(room: Newsroom | None = None, **overrides: Any) -> OfflineBot:
            api = FakeBotApi(TOKEN)
            application = build_application(
                bot_settings(tmp_path, **overrides), room or newsroom, request=OfflineRequest(api)
            )
            await stack.enter_async_context(application)
            assert application.post_shutdown is not None
            stack.push_async_callback(application.post_shutdown, application)  # after shutdown: closes the state
            return OfflineBot(application, api)

        yield make


@pytest.fixture
async def offline_bot(make_offline_bot: MakeOfflineBot) -> OfflineBot:
    return await make_offline_bot()


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    fake = FakeBotApi(TOKEN)
    fake.open_chat(private_chat(ADMIN))  # the admin started the bot once, so the admin command menu can be set
    await fake.start()
    yield fake
    await fake.stop()


@contextlib.asynccontextmanager
async def polling_bot(
    settings: Settings, newsroom: Newsroom
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """What `run_polling` does, step by step, on the test's event loop: initialize, post_init, poll, start; and
    at the end stop, post_stop, shutdown, post_shutdown."""
    application = build_application(settings, newsroom)
    async with contextlib.AsyncExitStack() as stack:
        assert application.post_shutdown is not None
        stack.push_async_callback(application.post_shutdown, application)
        await stack.enter_async_context(application)
        assert application.post_init is not None
        await application.post_init(application)
        updater = application.updater
        assert updater is not None
        await updater.start_polling(poll_interval=0, allowed_updates=ALLOWED_UPDATES)
        await application.start()
        try:
            yield application
        finally:
            await updater.stop()
            await application.stop()
            assert application.post_stop is not None
            await application.post_stop(application)


def visible_texts(messages: list[SentMessage]) -> str:
    return "\n".join(m.text for m in messages)


def assert_answers_the_seed_question(text: str) -> None:
    """The answer to SEED_QUESTION as the user sees it: about North Korea, with a cited source listed."""
    assert "Nordkorea" in text or "North Korea" in text
    assert "[1]" in text and "\nSources\n[1] Nordkorea dementiert" in text
