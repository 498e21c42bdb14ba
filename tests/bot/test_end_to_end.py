"""End to end: a real Application long-polling (or behind a webhook) the loopback fake Bot API, the real Newsroom
behind it. The fake refuses what Telegram refuses, so `not api.errors` means the bot never broke a rule."""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import httpx
import pytest
from aiohttp import web

from bot.telegram.app import build_application, webhook_options
from bot.telegram.context import SERVICES_KEY
from index.answerers.base import Answerer, build_answer
from index.answerers.extractive import ExtractiveAnswerer
from index.models import Answer, Hit
from index.newsroom import Newsroom
from tests.bot.conftest import (
    ADA,
    ADMIN,
    EVE,
    NEWS_PAGE,
    TOKEN,
    assert_answers_the_seed_question,
    bot_settings,
    newsroom_like,
    polling_bot,
)
from tests.conftest import SEED_ARTICLE, SEED_QUESTION
from tests.fakes.bot_api import (
    FakeBotApi,
    FloodRule,
    SentMessage,
    group_chat,
    make_user,
    private_chat,
    utf16_len,
)
from tests.test_dated_questions import (
    ARTICLES,
    BUDGET_YESTERDAY,
    ECB_TODAY,
    FLOODS_YESTERDAY,
    NOW,
)

GROUP = group_chat(-100777, "Newsroom friends")


async def test_question_with_sources_button_and_follow_up(api: FakeBotApi, newsroom: Newsroom, tmp_path: Path) -> None:
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), newsroom):
        api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
        [answer] = await api.replies(ADA["id"])
        assert_answers_the_seed_question(answer.text)
        api.press_button(user=ADA, message=answer, data=answer.buttons[0]["callback_data"])
        [full] = await api.replies(ADA["id"], after=1)
        assert full.text.startswith("Sources for") and "Nordkorea dementiert" in full.text
        api.user_message(user=ADA, chat=private_chat(ADA), text="And what did the US say?")
        [follow_up] = await api.replies(ADA["id"], after=2)
        assert "[1]" in follow_up.text and "Nordkorea dementiert" in follow_up.text
        # a request for more gets sentences no answer of the chat quoted yet (the chat's turns, kept by the bot)
        api.user_message(user=ADA, chat=private_chat(ADA), text="Tell me more")
        [more] = await api.replies(ADA["id"], after=3)
        api.user_message(user=ADA, chat=private_chat(ADA), text="Mehr dazu")
        [again] = await api.replies(ADA["id"], after=4)
        before = _quoted_sentences(answer.text) | _quoted_sentences(follow_up.text)
        first, second = _quoted_sentences(more.text), _quoted_sentences(again.text)
        assert first and second and not first & before and not second & (before | first)
    assert ("typing" in dict(api.chat_actions).values()) and len(api.callback_answers) == 1
    assert [c["command"] for c in api.commands["default"]] == [
        "ask",
        "sources",
        "latest",
        "help",
        "start",
        "follow",
        "unfollow",
        "following",
        "new",
    ]
    assert "start" not in [c["command"] for c in api.commands["all_group_chats"]]
    # German users get the same menu in German
    assert [c["command"] for c in api.commands["default@de"]] == [c["command"] for c in api.commands["default"]]
    assert api.commands["default@de"][1]["description"] == "Alle Quellen meiner letzten Antwort"
    assert [c["command"] for c in api.commands["all_group_chats@de"]] == ["ask", "sources", "latest", "help"]
    assert {"add", "stats"} <= {c["command"] for c in api.commands[f"chat:{ADMIN['id']}"]}
    admin_de = api.commands[f"chat:{ADMIN['id']}@de"]
    assert [c["command"] for c in admin_de] == [c["command"] for c in api.commands[f"chat:{ADMIN['id']}"]]
    assert admin_de[-1]["description"] == "Einem Feed nicht mehr folgen: /feed_remove URL"
    # and so do the users of the other eight languages the bot speaks
    for language in ("fr", "es", "it", "nl", "pt", "pl", "ru", "uk"):
        assert [c["command"] for c in api.commands[f"default@{language}"]] == [
            c["command"] for c in api.commands["default"]
        ]
        assert len(api.commands[f"all_group_chats@{language}"]) == 4
        assert len(api.commands[f"chat:{ADMIN['id']}@{language}"]) == len(api.commands[f"chat:{ADMIN['id']}"])
    assert api.commands["default@pl"][1]["description"] == "Wszystkie źródła mojej ostatniej odpowiedzi"
    assert api.commands[f"chat:{ADMIN['id']}@uk"][-1]["description"] == "Перестати читати стрічку: /feed_remove URL"
    assert not api.errors


def _quoted_sentences(reply: str) -> set[str]:
    """The sentences a reply's answer quoted (its first paragraph, before the sources), without citation marks."""
    answer = re.sub(r"\[\d+\]", " ", reply.split("\n\n")[0])
    return {s.strip() for s in re.split(r"(?<=[.!?»])\s+", answer) if len(s.split()) > 3}


class LongAnswerer(Answerer):
    """An answerer that writes far more than one Telegram message, with characters HTML must escape."""

    name = "long"

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        sentences = [f'Point {i}: the <ministry> & "Pyongyang" denied it again [1].' for i in range(150)]
        paragraphs = [" ".join(sentences[i : i + 10]) for i in range(0, len(sentences), 10)]
        return build_answer(question, "\n\n".join(paragraphs), hits, answerer=self.name)


@pytest.fixture
def long_newsroom(newsroom: Newsroom, tmp_path: Path) -> Newsroom:
    room = newsroom_like(newsroom, tmp_path / "long", answerer=LongAnswerer(), min_relevance=-1.0)
    room.ingest([str(SEED_ARTICLE)])
    return room


async def test_an_over_long_answer_is_split_without_breaking_tags_or_words(
    api: FakeBotApi, long_newsroom: Newsroom, tmp_path: Path
) -> None:
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), long_newsroom):
        api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
        await api.wait_for(lambda: any(m.buttons for m in api.messages_to(ADA["id"])), what="the last part")
    parts = api.messages_to(ADA["id"])
    assert len(parts) >= 3 and all(utf16_len(p.text) <= 4096 for p in parts)
    assert [bool(p.buttons) for p in parts] == [False] * (len(parts) - 1) + [True]
    assert parts[0].reply_to is None  # no quote in a private chat
    words = " ".join(p.text for p in parts).split()
    assert words.count('"Pyongyang"') == 150 and words.count("<ministry>") == 150  # escaped, none lost or cut
    assert not api.errors


async def test_flooding_is_met_with_retry_after_and_every_part_still_arrives(
    api: FakeBotApi, long_newsroom: Newsroom, tmp_path: Path
) -> None:
    api.chat_flood = FloodRule(1, 1.0)
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), long_newsroom):
        api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
        await api.wait_for(lambda: any(m.buttons for m in api.messages_to(ADA["id"])), what="the last part")
    floods = [c for c in api.errors if c.error.startswith("Too Many Requests")]
    assert floods and len(floods) == len(api.errors)
    points = [int(n) for n in re.findall(r"Point (\d+):", " ".join(p.text for p in api.messages_to(ADA["id"])))]
    assert points == list(range(150))  # every part arrived, in order


async def test_in_a_group_the_bot_answers_mentions_and_stays_quiet_otherwise(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path
) -> None:
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), newsroom):
        api.user_message(user=EVE, chat=GROUP, text=SEED_QUESTION)
        question = api.user_message(user=ADA, chat=GROUP, text=f"@newsbot_test_bot {SEED_QUESTION}")
        [answer] = await api.replies(GROUP["id"])
        await asyncio.sleep(0.3)
    assert answer.reply_to == question["message_id"]
    assert_answers_the_seed_question(answer.text)
    assert len(api.messages_to(GROUP["id"])) == 1 and not api.errors


async def test_a_refused_user_is_told_politely_and_nothing_is_done_for_them(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path
) -> None:
    settings = bot_settings(tmp_path, telegram_base_url=api.base_url, telegram_allowed_user_ids=[ADA["id"]])
    articles = newsroom.stats().articles
    async with polling_bot(settings, newsroom):
        api.user_message(user=EVE, chat=private_chat(EVE), text="/add https://example.org/fake-news")
        [refusal] = await api.replies(EVE["id"])
        api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
        [answer] = await api.replies(ADA["id"])
    assert "only answers the people its owner has let in" in refusal.text
    assert_answers_the_seed_question(answer.text)
    assert newsroom.stats().articles == articles and all(chat != EVE["id"] for chat, _ in api.chat_actions)


@pytest.fixture
async def news_site() -> AsyncIterator[str]:
    """A made-up news page on loopback: what /add URL reads in these tests."""

    async def page(_: web.Request) -> web.Response:
        return web.Response(text=NEWS_PAGE, content_type="text/html")

    app = web.Application()
    app.router.add_get("/2024/port-elda.html", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    await runner.cleanup()


BAKERY_NOTE = b"Bakery prize\n\nThe Elda bakery Kornhaus won the national rye bread prize on Friday."


async def add_a_page_and_a_file(api: FakeBotApi, url: str) -> None:
    """The admin adds the page at `url` with /add, then sends bakery.txt; returns once both are reported."""
    api.user_message(user=ADMIN, chat=private_chat(ADMIN), text=f"/add {url}")
    await api.wait_for(lambda: any(m.edits for m in api.messages_to(ADMIN["id"])), what="the /add report")
    api.user_document(user=ADMIN, chat=private_chat(ADMIN), file_name="bakery.txt", content=BAKERY_NOTE)
    await api.wait_for(lambda: sum(m.edits for m in api.messages_to(ADMIN["id"])) == 2, what="the upload report")


async def test_an_admin_adds_a_page_and_a_document_and_both_are_answered_from(
    api: FakeBotApi, newsroom: Newsroom, news_site: str, tmp_path: Path
) -> None:
    # the news site listens on loopback, which the egress guard refuses unless told otherwise
    empty_newsroom = newsroom_like(newsroom, tmp_path / "empty", allow_private_hosts=True)
    url = f"{news_site}/2024/port-elda.html"
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), empty_newsroom):
        await add_a_page_and_a_file(api, url)
        api.user_message(user=ADA, chat=private_chat(ADA), text="When did the harbour of Port Elda reopen?")
        [harbour] = await api.replies(ADA["id"])
        api.user_message(user=ADA, chat=private_chat(ADA), text="Which bakery won the rye bread prize?")
        [bakery] = await api.replies(ADA["id"], after=1)
    page_report, file_report = api.messages_to(ADMIN["id"])
    assert page_report.text.startswith("✅ Added 1 article.") and "I now know 1 article." in page_report.text
    assert file_report.text.startswith("✅ Added 1 article.") and "I now know 2 articles." in file_report.text
    assert "Monday" in harbour.text and f'href="{url}"' in harbour.html and "Elda Courier, 4 Mar 2024" in harbour.text
    assert "Kornhaus" in bakery.text
    assert any(c.method == "getFile" for c in api.calls) and not api.errors


async def test_an_admin_deletes_a_page_and_an_upload_and_their_news_is_gone(
    api: FakeBotApi, newsroom: Newsroom, news_site: str, tmp_path: Path
) -> None:
    room = newsroom_like(newsroom, tmp_path / "room", allow_private_hosts=True)
    url = f"{news_site}/2024/port-elda.html"
    settings = bot_settings(tmp_path, telegram_base_url=api.base_url)
    async with polling_bot(settings, room):
        await add_a_page_and_a_file(api, url)
        upload = settings.data_dir / "uploads" / "bakery.txt"
        assert upload.exists() and room.stats().articles == 2

        api.user_message(user=ADA, chat=private_chat(ADA), text=f"/delete {url}")
        [refused] = await api.replies(ADA["id"])
        replies: list[SentMessage] = []
        for text in ("/delete", "/delete /", f"/delete {url}", "/delete bakery.txt"):
            api.user_message(user=ADMIN, chat=private_chat(ADMIN), text=text)
            replies += await api.replies(ADMIN["id"], after=2 + len(replies))
        api.user_message(user=ADA, chat=private_chat(ADA), text="Which bakery won the rye bread prize?")
        [after] = await api.replies(ADA["id"], after=1)
    assert refused.text == "Sorry, only the bot's admins can delete articles."
    usage, nothing, page, file = (reply.text for reply in replies)
    assert usage.startswith("Send /delete URL with an article's link")
    assert nothing.startswith("No article matched /.")  # a path on the server is no file sent to the bot
    assert page == "🗑 Deleted 1 article. I now know 1 article."
    assert file == "🗑 Deleted 1 article. I now know 0 articles."
    assert room.stats().articles == 0 and not upload.exists()
    assert "Kornhaus" not in after.text and "/add URL" in after.text  # nothing read: an admin can add some
    # five replies in a few seconds meet Telegram's flood limit for one chat: the bot waits as told and sends again
    assert all(call.error.startswith("Too Many Requests") for call in api.errors)


async def test_the_bot_reads_what_it_stores_while_idle_and_stops_reading_when_it_stops(
    api: FakeBotApi, newsroom: Newsroom, news_site: str, tmp_path: Path
) -> None:
    room = newsroom_like(newsroom, tmp_path / "room", allow_private_hosts=True)
    answerer = room.answerer
    assert isinstance(answerer, ExtractiveAnswerer) and room.settings.read_ahead == "idle"  # the defaults
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), room) as application:
        reading = application.bot_data[SERVICES_KEY].reading
        assert reading is not None and reading.thread.is_alive()
        api.user_message(user=ADMIN, chat=private_chat(ADMIN), text=f"/add {news_site}/2024/port-elda.html")
        await api.wait_for(lambda: any(m.edits for m in api.messages_to(ADMIN["id"])), what="the /add report")
        [article] = room.store.articles()
        sentences = answerer._readable(room.store.article_chunks(article.article_id))
        models = answerer._reading_models()
        for _ in range(600):  # at most 60 s: the reader runs at the lowest priority, after 2 s without work
            if not any(answerer.vectors.missing(model, sentences) for model in models):
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("the page's sentences were not read behind ingest within 60 s")
    assert not reading.thread.is_alive() and not api.errors


async def test_fifty_chats_asking_at_once_are_all_answered(api: FakeBotApi, newsroom: Newsroom, tmp_path: Path) -> None:
    users = [make_user(5000 + i, f"Reader{i}") for i in range(50)]
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), newsroom):
        for user in users:
            api.user_message(user=user, chat=private_chat(user), text=SEED_QUESTION)
        await api.wait_for(
            lambda: all(api.messages_to(u["id"]) for u in users), timeout=180, what="an answer in all 50 chats"
        )
    for user in users:
        [answer] = api.messages_to(user["id"])
        assert_answers_the_seed_question(answer.text)
    assert not [c for c in api.errors if not c.error.startswith("Too Many Requests")]
    # how fast: benchmarks/bot_load.py measures it (a timed test would only measure how busy the machine is)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_mode_receives_updates_and_checks_the_secret(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path
) -> None:
    port = _free_port()
    settings = bot_settings(
        tmp_path,
        telegram_base_url=api.base_url,
        telegram_mode="webhook",
        telegram_webhook_listen="127.0.0.1",
        telegram_webhook_port=port,
        telegram_webhook_url=f"http://127.0.0.1:{port}",
        telegram_webhook_secret="hook-secret_1",
    )
    application = build_application(settings, newsroom)
    async with application:
        await application.post_init(application)  # type: ignore[misc]
        await application.updater.start_webhook(**webhook_options(settings))  # type: ignore[union-attr]
        await application.start()
        try:
            assert api.webhook["url"] == f"http://127.0.0.1:{port}/telegram"
            assert api.webhook["secret_token"] == "hook-secret_1"
            api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
            [answer] = await api.replies(ADA["id"])
            async with httpx.AsyncClient() as http:
                forged = await http.post(api.webhook["url"], json={"update_id": 1}, headers={})
        finally:
            await application.updater.stop()  # type: ignore[union-attr]
            await application.stop()
    assert_answers_the_seed_question(answer.text)
    assert forged.status_code == 403 and api.webhook["deliveries"] == [200]


async def test_the_token_never_appears_in_logs(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), newsroom):
        api.user_message(user=ADA, chat=private_chat(ADA), text=SEED_QUESTION)
        await api.replies(ADA["id"])
    assert "/bot<redacted>/sendMessage" in caplog.text  # httpx logged the request, without the token
    assert TOKEN not in caplog.text and TOKEN.split(":")[1] not in caplog.text


async def test_a_question_about_yesterday_lists_its_articles_with_their_dates(
    api: FakeBotApi, newsroom: Newsroom, tmp_path: Path
) -> None:
    room = newsroom_like(newsroom, tmp_path / "dated", now=NOW)
    room.ingest_articles(ARTICLES)
    async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), room):
        api.user_message(user=ADA, chat=private_chat(ADA), text="What happened yesterday?")
        [yesterday] = await api.replies(ADA["id"])
        api.user_message(user=ADA, chat=private_chat(ADA), text="Latest news about the ECB")
        [latest] = await api.replies(ADA["id"], after=1)
    assert yesterday.text.startswith("Articles from 2026-12-01 (yesterday):")
    assert f"[1] {BUDGET_YESTERDAY.meta.title} · Wire, 1 Dec 2026" in yesterday.text
    assert f"[2] {FLOODS_YESTERDAY.meta.title} · Wire, 1 Dec 2026" in yesterday.text
    assert f"[1] {ECB_TODAY.meta.title} · Wire, 2 Dec 2026" in latest.text
    assert not api.errors
