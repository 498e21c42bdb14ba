"""What a slow site, a dead archive or an impatient user does to a running bot: a real Application long-polling
the loopback fake Bot API, real news sites on loopback (tests/fakes/news_site.py), a real `chroma run` server."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import pytest

from bot.telegram.ingesting import MAX_RUNNING_INGESTS
from index.newsroom import Newsroom
from tests.bot.conftest import (
    ADA,
    ADMIN,
    NEWS_PAGE,
    assert_answers_the_seed_question,
    bot_settings,
    newsroom_like,
    polling_bot,
)
from tests.conftest import SEED_ARTICLE, SEED_QUESTION
from tests.fakes.bot_api import FakeBotApi, private_chat
from tests.fakes.news_site import LoopbackSite, Route, serving
from tests.test_chroma_server import chroma_run

ARCHIVE_DOWN = "Sorry, I can't reach my news archive right now. Please try again in a minute."


def trickling_page(pause_s: float) -> Route:
    """The news page, one byte every `pause_s` seconds: about 1,000 bytes, so it takes 1,000 pauses."""
    return Route(NEWS_PAGE.encode(), trickle_s=pause_s)


async def site_asked(site: LoopbackSite, requests: int, timeout: float = 30.0) -> None:
    """Wait until the site has been asked `requests` times (it notifies no one, so look every few ms)."""
    async with asyncio.timeout(timeout):
        while len(site.requests) < requests:
            await asyncio.sleep(0.02)


def admin_says(api: FakeBotApi, text: str) -> None:
    api.user_message(user=ADMIN, chat=private_chat(ADMIN), text=text)


async def test_a_slow_add_holds_up_no_question_no_other_add_and_not_the_bot_stopping(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    room = newsroom_like(newsroom, tmp_path / "room", allow_private_hosts=True, fetch_deadline=60.0)
    room.ingest([str(SEED_ARTICLE)])
    site = LoopbackSite({"/slow.html": trickling_page(0.2), "/fast.html": Route(NEWS_PAGE.encode())})
    settings = bot_settings(tmp_path, telegram_base_url=api.base_url)
    with serving(site), caplog.at_level(logging.WARNING, logger="bot.telegram.ingesting"):
        async with polling_bot(settings, room):
            admin_says(api, f"/add {site.base}/slow.html")
            [slow] = await api.replies(ADMIN["id"])
            await site_asked(site, 1)

            admin_says(api, f"/add {site.base}/slow.html")
            [busy] = await api.replies(ADMIN["id"], after=1)
            admin_says(api, f"/add {site.base}/fast.html")
            [fast] = await api.replies(ADMIN["id"], after=2)
            await api.wait_for(lambda: fast.edits, timeout=60, what="the fast add's report")

            api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
            [answer] = await api.replies(ADA["id"], timeout=60)
            stopping = time.monotonic()
        stopped_in = time.monotonic() - stopping

    assert busy.text == "I'm already reading that page: its report comes when I'm done."
    assert fast.text.startswith("✅ Added 1 article.") and "I now know 2 articles." in fast.text
    assert_answers_the_seed_question(answer.text)
    # the download has 60 s left: stopping did not wait for it, it abandoned it and said so
    assert stopped_in < 20, f"stopping took {stopped_in:.1f} s"
    assert slow.text.startswith("⏹ I stopped before I finished reading") and "Send it again" in slow.text
    assert f"{site.base}/slow.html" in caplog.text and "abandoned" in caplog.text
    assert [r.path for r in site.requests].count("/slow.html") == 1  # the refused duplicate fetched nothing
    assert not api.errors


async def test_a_trickling_page_ends_at_the_fetch_deadline_with_a_report(
    api: FakeBotApi, empty_newsroom: Newsroom, tmp_path: Path
) -> None:
    room = newsroom_like(empty_newsroom, tmp_path / "room", allow_private_hosts=True, fetch_deadline=2.0)
    site = LoopbackSite({"/slow.html": trickling_page(0.2)})
    with serving(site):
        async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), room):
            admin_says(api, f"/add {site.base}/slow.html")
            [progress] = await api.replies(ADMIN["id"])
            await api.wait_for(lambda: progress.edits, timeout=60, what="the report")
            admin_says(api, f"/add {site.base}/slow.html")  # the same page again: the first add is over
            [again] = await api.replies(ADMIN["id"], after=1)
    assert progress.text.startswith("⚠️ Could not read")
    assert "took longer than the 2 s download deadline (NEWSBOT_FETCH_DEADLINE)" in progress.text
    assert "I now know 0 articles." in progress.text
    assert again.text.startswith("⏹ I stopped before I finished reading")  # started, not refused


async def test_adds_beyond_the_running_limit_are_refused_not_queued(
    api: FakeBotApi, empty_newsroom: Newsroom, tmp_path: Path
) -> None:
    room = newsroom_like(empty_newsroom, tmp_path / "room", allow_private_hosts=True, fetch_deadline=15.0)
    pages = [f"/slow{i}.html" for i in range(MAX_RUNNING_INGESTS + 1)]
    site = LoopbackSite({page: trickling_page(0.2) for page in pages})
    with serving(site):
        async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), room):
            for page in pages[:-1]:
                admin_says(api, f"/add {site.base}{page}")
            await site_asked(site, len(pages) - 1)
            admin_says(api, f"/add {site.base}{pages[-1]}")
            [full] = await api.replies(ADMIN["id"], after=len(pages) - 1)
    assert full.text == (
        f"I'm reading {MAX_RUNNING_INGESTS} things already. Please send this again when one of them is done."
    )
    assert len(site.requests) == len(pages) - 1


async def test_a_chroma_server_that_dies_under_the_bot_gets_the_archive_apology(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path
) -> None:
    with chroma_run(tmp_path / "chroma") as (server, port):
        room = newsroom_like(newsroom, tmp_path / "unused", chroma_host="127.0.0.1", chroma_port=port)
        room.ingest([str(SEED_ARTICLE)])
        async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), room):
            api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
            [answer] = await api.replies(ADA["id"])
            server.kill()
            await asyncio.to_thread(server.wait)
            for text in (SEED_QUESTION, "/latest", "/start"):
                api.user_message(user=ADA, chat=private_chat(ADA), text=text)
            apologies = await api.replies(ADA["id"], 3, after=1, timeout=60)
            admin_says(api, "/stats")
            [stats] = await api.replies(ADMIN["id"], timeout=60)
    assert_answers_the_seed_question(answer.text)
    assert [m.text for m in apologies] == [ARCHIVE_DOWN] * 3
    assert stats.text == ARCHIVE_DOWN
    assert not api.errors
