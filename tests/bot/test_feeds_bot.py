"""Feeds and subscriptions in the bot: admins manage followed feeds, chats follow topics, the poll job reads a real
loopback feed into the real Newsroom and the digest reaches the follower through the loopback fake Bot API."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application, Job

from bot.telegram.feed_texts import FEEDS_SAY
from bot.telegram.feeds import JOB_NAME, feed_status
from index.feeds import Feed, FeedPoller, FeedRegistry
from index.newsroom import Newsroom
from index.priority import BACKGROUND_NICE
from tests.bot.conftest import (
    ADA,
    ADMIN,
    EVE,
    MakeOfflineBot,
    bot_settings,
    newsroom_like,
    polling_bot,
)
from tests.fakes.bot_api import FakeBotApi, SentMessage, private_chat
from tests.fakes.news_site import LoopbackSite, Route, serving
from tests.test_feeds import BAKERY_TEXT, HARBOUR_TEXT, rss, rss_item

DIGEST = "New on the topics you follow"


async def ask(api: FakeBotApi, user: dict[str, Any], text: str) -> SentMessage:
    before = len(api.messages_to(user["id"]))
    api.user_message(user=user, chat=private_chat(user), text=text)
    return (await api.replies(user["id"], after=before))[0]


def digest_to(api: FakeBotApi, user: dict[str, Any]) -> SentMessage | None:
    return next((m for m in api.messages_to(user["id"]) if DIGEST in m.text), None)


def jobs(application: Application[Any, Any, Any, Any, Any, Any]) -> tuple[Job[Any], ...]:
    assert application.job_queue is not None, "python-telegram-bot[job-queue] is a dependency"
    return application.job_queue.jobs(JOB_NAME)


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with serving(LoopbackSite()) as running:
        yield running


async def test_an_admin_sees_the_feeds_status_in_their_language(make_offline_bot: MakeOfflineBot) -> None:
    # the status line was English whatever the admin's language ("not read yet" under "Feeds, denen ich folge")
    grace = {**ADMIN, "language_code": "de"}
    bot = await make_offline_bot()
    await bot.send("/feed_add https://elda.example/feed.xml", user=grace)
    [listed] = await bot.send("/feeds", user=grace)
    assert listed.text == "Feeds, denen ich folge\n1. ⏳ https://elda.example/feed.xml\nnoch nicht gelesen"


@pytest.mark.parametrize(
    ("language", "failing", "ok"),
    [
        ("en", "failing (1 time in a row, next try in 12 min): HTTP 503", "ok, read 3 h ago, 1 article"),
        (
            "de",
            "fehlerhaft (1-mal in Folge, nächster Versuch in 12 min): HTTP 503",
            "ok, vor 3 Std. gelesen, 1 Artikel",
        ),
        ("fr", "en échec (1 fois de suite, prochain essai dans 12 min) : HTTP 503", "ok, lu il y a 3 h, 1 article"),
        ("ru", "ошибки (1 раз подряд, следующая попытка через 12 мин): HTTP 503", "ok, прочитан 3 ч назад, 1 статья"),
    ],
)
def test_a_feeds_status_is_said_in_the_users_language_but_for_the_indexs_error(
    language: str, failing: str, ok: str
) -> None:
    now = 1_000_000.0
    broken = Feed("https://elda.example/feed.xml", checked_at=now, next_at=now + 720, failures=1, error="HTTP 503")
    assert feed_status(broken, now, language) == failing
    read = Feed("https://elda.example/feed.xml", checked_at=now, ok_at=now - 3 * 3600, articles=1)
    assert feed_status(read, now, language) == ok


@pytest.mark.parametrize(
    ("language", "failures", "days", "expected"),
    [
        ("en", 3, 2, "failing (3 times in a row, next try in 2 days): x"),
        ("de", 3, 3, "fehlerhaft (3-mal in Folge, nächster Versuch in 3 Tagen): x"),
        ("pl", 2, 5, "błędy (2 razy z rzędu, następna próba za 5 dni): x"),
        ("ru", 2, 2, "ошибки (2 раза подряд, следующая попытка через 2 дня): x"),
        ("uk", 5, 21, "помилки (5 разів поспіль, наступна спроба через 21 день): x"),
    ],
)
def test_a_feeds_failures_and_days_are_counted_with_the_languages_plural_forms(
    language: str, failures: int, days: int, expected: str
) -> None:
    broken = Feed(
        "https://elda.example/feed.xml", checked_at=1.0, next_at=1.0 + days * 86400, failures=failures, error="x"
    )
    assert feed_status(broken, 1.0, language) == expected
    assert feed_status(Feed("https://elda.example/feed.xml"), 1.0, language) == FEEDS_SAY[language]["status_unread"]


async def test_admins_add_list_and_remove_feeds(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot()
    [refused] = await bot.send("/feed_add https://elda.example/feed.xml", user=EVE)
    assert refused.text == "Sorry, only the bot's admins manage the feeds I follow."
    [usage] = await bot.send("/feed_add not-a-url", user=ADMIN)
    assert usage.text == "Send /feed_add URL with the address of an RSS or Atom feed."
    [added] = await bot.send("/feed_add https://elda.example/feed.xml", user=ADMIN)
    assert added.text.startswith("Following https://elda.example/feed.xml. I'll read it within a minute")
    [twice] = await bot.send("/feed_add https://elda.example/feed.xml", user=ADMIN)
    assert "already followed" in twice.text
    [listed] = await bot.send("/feeds", user=ADMIN)
    assert listed.text == "Feeds I follow\n1. ⏳ https://elda.example/feed.xml\nnot read yet"
    [removed] = await bot.send("/feed_remove https://elda.example/feed.xml", user=ADMIN)
    assert removed.text.startswith("No longer following https://elda.example/feed.xml.")
    [unknown] = await bot.send("/feed_remove https://elda.example/feed.xml", user=ADMIN)
    assert unknown.text.startswith("I don't follow")
    [empty] = await bot.send("/feeds", user=ADMIN)
    assert empty.text == "I follow no feeds yet. /feed_add URL adds one."
    # nine replies in a second to one chat pass Telegram's flood limit: the bot waits as told and retries
    assert all(call.error.startswith("Too Many Requests") for call in bot.api.errors)


async def test_topics_are_followed_listed_unfollowed_and_survive_a_restart(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot()
    [usage] = await bot.send("/follow")
    assert usage.text.startswith("Send /follow TOPIC")
    [followed] = await bot.send("/follow  Harbours   and ferries ")
    assert followed.text.startswith("Following Harbours and ferries. When new articles about it arrive")
    assert "at most once every 60 minutes" in followed.text
    [again] = await bot.send("/follow harbours and ferries")
    assert again.text == "This chat follows harbours and ferries already."
    await bot.send("/follow bread")

    restarted = await make_offline_bot()  # a new application on the same data dir
    [listed] = await restarted.send("/following")
    assert listed.text == "Topics this chat follows\n• Harbours and ferries\n• bread\n\n/unfollow TOPIC stops one."
    [other_chat] = await restarted.send("/following", user=EVE)
    assert other_chat.text == "This chat follows no topics. Send /follow TOPIC to start."
    [one] = await restarted.send("/unfollow BREAD")
    assert one.text == "No longer following bread."
    [missing] = await restarted.send("/unfollow bread")
    assert missing.text == "This chat does not follow bread. /following lists its topics."
    [rest] = await restarted.send("/unfollow")
    assert rest.text == "No longer following Harbours and ferries."
    assert not restarted.api.errors


async def test_topics_are_followed_in_the_users_language(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot()
    greta = {**ADA, "id": 4711, "first_name": "Greta", "language_code": "de-AT"}
    [usage] = await bot.send("/follow", user=greta)
    assert usage.text.startswith("Senden Sie /follow THEMA, z. B. /follow Wahlen in Deutschland")
    [followed] = await bot.send("/follow Häfen und Fähren", user=greta)
    assert followed.text.startswith("Sie folgen Häfen und Fähren. Wenn neue Artikel dazu eintreffen")
    assert "höchstens alle 60 Minuten" in followed.text
    [listed] = await bot.send("/following", user=greta)
    assert listed.text == "Themen, denen dieser Chat folgt\n• Häfen und Fähren\n\n/unfollow THEMA beendet eines."
    [stopped] = await bot.send("/unfollow", user=greta)
    assert stopped.text == "Sie folgen Häfen und Fähren nicht mehr."
    [none] = await bot.send("/unfollow", user=greta)
    assert none.text == "Dieser Chat folgt keinem Thema. Senden Sie /follow THEMA, um zu beginnen."
    [new] = await bot.send("/new", user=greta)
    assert new.text.startswith("Neu seit gestern\n1. ")
    [nothing] = await bot.send("/new", user=greta)
    assert nothing.text == "Nichts Neues seit Ihrer letzten Frage."
    assert all(call.error.startswith("Too Many Requests") for call in bot.api.errors)  # retried: 7 replies at once


@pytest.mark.parametrize(
    ("language_code", "usage", "followed", "listed"),
    [
        (
            "fr",
            "Envoyez /follow SUJET, par exemple /follow élections en Allemagne : je vous enverrai",
            "Vous suivez ports et ferries. Quand de nouveaux articles à ce sujet arrivent",
            "Sujets suivis dans cette conversation\n• ports et ferries\n\n/unfollow SUJET en arrête un.",
        ),
        (
            "es-ES",
            "Envíe /follow TEMA, por ejemplo /follow elecciones en Alemania: le enviaré",
            "Sigue ports et ferries. Cuando lleguen artículos nuevos sobre ello",
            "Temas que sigue este chat\n• ports et ferries\n\n/unfollow TEMA deja de seguir uno.",
        ),
    ],
)
async def test_topics_are_followed_in_other_languages_too(
    make_offline_bot: MakeOfflineBot, language_code: str, usage: str, followed: str, listed: str
) -> None:
    """Before, anyone but a German user was told in English."""
    bot = await make_offline_bot()
    lea = {**ADA, "id": 4712, "first_name": "Léa", "language_code": language_code}
    [usage_reply] = await bot.send("/follow", user=lea)
    assert usage_reply.text.startswith(usage)
    [followed_reply] = await bot.send("/follow ports et ferries", user=lea)
    assert followed_reply.text.startswith(followed)
    [listed_reply] = await bot.send("/following", user=lea)
    assert listed_reply.text == listed


async def test_a_new_feed_entry_reaches_a_follower_as_a_digest(
    api: FakeBotApi, newsroom: Newsroom, site: LoopbackSite, tmp_path: Path
) -> None:
    harbour = rss_item(
        "h1",
        "Harbour of Port Elda reopens",
        link="https://elda.example/harbour",
        content=HARBOUR_TEXT,
        date="Mon, 04 Mar 2024 10:00:00 GMT",
    )
    bread = rss_item("b1", "Rye loaf is bread of the year", content=BAKERY_TEXT)
    site.routes["/feed.xml"] = Route(rss(harbour, bread), "application/rss+xml")
    room = newsroom_like(newsroom, tmp_path / "room", allow_private_hosts=True)
    settings = bot_settings(tmp_path, telegram_base_url=api.base_url, allow_private_hosts=True)

    async with polling_bot(settings, room) as application:
        api.user_message(user=ADA, chat=private_chat(ADA), text="/follow ferries and harbours")
        await api.replies(ADA["id"])
        api.user_message(user=ADMIN, chat=private_chat(ADMIN), text=f"/feed_add {site.base}/feed.xml")
        digest = await api.wait_for(lambda: digest_to(api, ADA), timeout=60, what="the digest")
        assert digest is not None
        assert digest.text == (
            f"📰 {DIGEST}\n\nferries and harbours\n• Harbour of Port Elda reopens · Elda Courier, 4 Mar 2024"
        )
        assert '<a href="https://elda.example/harbour">Harbour of Port Elda reopens</a>' in digest.html
        titles = {a.meta.title for a in room.latest(5)}
        assert titles == {"Harbour of Port Elda reopens", "Rye loaf is bread of the year"}

        # another harbour story an interval later: queued, but the chat had its digest this hour
        site.routes["/feed.xml"] = Route(
            rss(
                rss_item("h2", "Second ferry line opens in Port Elda", content=HARBOUR_TEXT.replace("cranes", "masts")),
                harbour,
                bread,
            ),
            "application/rss+xml",
        )
        poller = application.bot_data["feeds"].poller
        poller.clock = lambda: 10**10  # the feed is due again
        priorities: list[int] = []
        poll_due = poller.poll_due

        def watched(*args: Any) -> Any:
            priorities.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
            return poll_due(*args)

        poller.poll_due = watched
        [job] = jobs(application)
        await job.run(application)
        assert len(room.latest(5)) == 3
        assert priorities == [BACKGROUND_NICE]  # ingesting the feeds leaves the cores to questions first
        assert [m for m in api.messages_to(ADA["id"]) if DIGEST in m.text] == [digest]

        new = await ask(api, ADA, "/new")
        assert new.text.startswith("New in the last day\n1. ")
        assert "Second ferry line opens in Port Elda" in new.text and "fetched" in new.text  # undated: fetch time
        nothing = await ask(api, ADA, "/new")
        assert nothing.text == "Nothing new since you last asked."
        stats = await ask(api, ADMIN, "/stats")
        assert "Feeds: 1 followed · 0 failing" in stats.text
    assert not api.errors


async def test_articles_another_process_stored_reach_followers_too(
    api: FakeBotApi, newsroom: Newsroom, site: LoopbackSite, tmp_path: Path
) -> None:
    """`newsbot watch` (here its poller, on another registry) may read a feed before the bot does."""
    site.routes["/feed.xml"] = Route(
        rss(
            rss_item(
                "b1",
                "Rye loaf is bread of the year",
                link="https://lindholm.example/bread",
                content=BAKERY_TEXT,
                date="Sat, 04 May 2024 08:00:00 GMT",
            ),
            rss_item("h1", "Harbour of Port Elda reopens", content=HARBOUR_TEXT),
        ),
        "application/rss+xml",
    )
    room = newsroom_like(newsroom, tmp_path / "room", allow_private_hosts=True)
    settings = bot_settings(tmp_path, telegram_base_url=api.base_url)

    async with polling_bot(settings, room) as application:
        await ask(api, EVE, "/follow Brot und Bäckereien")
        watch = FeedPoller(room, FeedRegistry(tmp_path / "watch"))
        watch.registry.add(f"{site.base}/feed.xml")
        assert watch.poll_due().results[0].report.added == 2
        watch.close()
        [job] = jobs(application)
        await job.run(application)
        digest = await api.wait_for(lambda: digest_to(api, EVE), what="the digest")
    assert digest is not None and digest.text == (
        f"📰 {DIGEST}\n\nBrot und Bäckereien\n• Rye loaf is bread of the year · Elda Courier, 4 May 2024"
    )
    assert not api.errors
