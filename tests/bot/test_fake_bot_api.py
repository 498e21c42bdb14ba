"""The fake Bot API behaves like Telegram where the bot depends on it: long polling, offsets, and refusals."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Conflict, InvalidToken, RetryAfter

from tests.fakes.bot_api import (
    BotApiError,
    FakeBotApi,
    FloodRule,
    make_user,
    parse_telegram_html,
    private_chat,
)

TOKEN = "424242:fake-api-TOKEN"
ADA = make_user(101)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    fake = FakeBotApi(TOKEN)
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def client(api: FakeBotApi) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"{api.base_url}{TOKEN}/", timeout=10) as http:
        yield http


@pytest.mark.parametrize(
    ("html", "visible"),
    [
        ("<b>bold</b> &amp; <i>it</i> &lt;3 &quot;q&quot; &#60; &#x3C;", 'bold & it <3 "q" < <'),
        ('<a href="https://x.org/?a=1&amp;b=2">link</a>', "link"),
        ('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', "st"),
        ('<pre><code class="language-py">c</code></pre><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "c👍"),
        ("<blockquote>q</blockquote><u>u</u><s>s</s><code>x</code>", "qusx"),
    ],
)
def test_telegram_html_is_accepted(html: str, visible: str) -> None:
    assert parse_telegram_html(html) == visible


@pytest.mark.parametrize(
    "html",
    [
        "<div>no</div>",
        "<b>unclosed",
        "<b><i>crossed</b></i>",
        "a < b",
        "fish & chips",
        "&nbsp;",
        "&amp without semicolon",
        "<a>no href</a>",
        '<span class="x">plain span</span>',
        "line<br/>break",
        "<!-- comment -->",
    ],
)
def test_html_telegram_refuses_is_refused(html: str) -> None:
    with pytest.raises(BotApiError, match="can't parse entities"):
        parse_telegram_html(html)


async def test_long_polling_waits_for_an_update_and_offsets_confirm_it(
    api: FakeBotApi, client: httpx.AsyncClient
) -> None:
    assert (await client.post("getUpdates", data={"timeout": "0"})).json() == {"ok": True, "result": []}
    poll = asyncio.create_task(client.post("getUpdates", data={"timeout": "5"}))
    await asyncio.sleep(0.2)
    assert not poll.done()  # held open: long polling
    started = time.monotonic()
    api.user_message(user=ADA, chat=private_chat(ADA), text="hello")
    [update] = (await poll).json()["result"]
    assert time.monotonic() - started < 1 and update["message"]["text"] == "hello"
    again = (await client.post("getUpdates", data={"timeout": "0"})).json()["result"]
    assert [u["update_id"] for u in again] == [update["update_id"]]  # not confirmed yet
    confirmed = await client.post("getUpdates", data={"offset": str(update["update_id"] + 1), "timeout": "0"})
    assert confirmed.json()["result"] == []


async def test_a_newer_poll_terminates_the_older_one(client: httpx.AsyncClient) -> None:
    old = asyncio.create_task(client.post("getUpdates", data={"timeout": "5"}))
    await asyncio.sleep(0.1)
    await client.post("getUpdates", data={"timeout": "0"})
    response = await old
    assert response.status_code == 409 and "terminated by other getUpdates" in response.json()["description"]


async def test_flooding_a_chat_gets_429_with_retry_after(client: httpx.AsyncClient, api: FakeBotApi) -> None:
    api.chat_flood = FloodRule(2, 1.0)
    api.user_message(user=ADA, chat=private_chat(ADA), text="hi")
    statuses = [(await client.post("sendMessage", data={"chat_id": "101", "text": f"m{i}"})) for i in range(3)]
    assert [r.status_code for r in statuses] == [200, 200, 429]
    assert statuses[2].json()["parameters"] == {"retry_after": 1}
    await asyncio.sleep(1.05)
    assert (await client.post("sendMessage", data={"chat_id": "101", "text": "later"})).status_code == 200


async def test_ptb_sees_telegram_errors_as_telegram_sends_them(api: FakeBotApi) -> None:
    api.chat_flood = FloodRule(1, 1.0)
    api.user_message(user=ADA, chat=private_chat(ADA), text="hi")
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_file_url) as bot:
        assert bot.username == api.username
        with pytest.raises(BadRequest, match="(?i)too long"):
            await bot.send_message(101, "x" * 4097)
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(101, "<b>oops", parse_mode="HTML")
        with pytest.raises(BadRequest, match="(?i)empty"):
            await bot.send_message(101, "<b> </b>", parse_mode="HTML")
        with pytest.raises(BadRequest, match="(?i)chat not found"):
            await bot.send_message(555, "who?")
        with pytest.raises(BadRequest, match="(?i)to be replied not found"):
            await bot.send_message(101, "re", reply_to_message_id=999)
        sent = await bot.send_message(101, "x" * 4000 + "&amp;" * 96, parse_mode="HTML")  # 4096 after parsing
        with pytest.raises(RetryAfter) as flooded:
            await bot.send_message(101, "again")
        assert flooded.value.retry_after == 1
        await asyncio.sleep(1.05)
        with pytest.raises(BadRequest, match="(?i)not modified"):
            await bot.edit_message_text(sent.text or "", 101, sent.message_id)
        with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
            too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
            await bot.send_message(101, "b", reply_markup=too_long)
    async with httpx.AsyncClient() as http:
        with pytest.raises(InvalidToken):
            async with Bot("1:wrong", base_url=api.base_url) as wrong:
                await wrong.get_me()
        assert (await http.get(f"{api.base_url}{TOKEN}/noSuchMethod")).status_code == 404


async def test_files_are_served_through_get_file(api: FakeBotApi) -> None:
    message = api.user_document(user=ADA, chat=private_chat(ADA), file_name="notes.md", content=b"# Notes\n")
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_file_url) as bot:
        telegram_file = await bot.get_file(message["document"]["file_id"])
        assert (telegram_file.file_path or "").startswith(api.base_file_url)
        assert bytes(await telegram_file.download_as_bytearray()) == b"# Notes\n"
        with pytest.raises(BadRequest, match="(?i)invalid file_id"):
            await bot.get_file("nope")


async def test_getupdates_is_refused_while_a_webhook_is_set(client: httpx.AsyncClient) -> None:
    assert (await client.post("setWebhook", data={"url": "https://bot.example.org/hook"})).status_code == 200
    response = await client.post("getUpdates", data={"timeout": "0"})
    assert response.status_code == 409
    assert (await client.post("deleteWebhook")).status_code == 200
    assert (await client.post("getUpdates", data={"timeout": "0"})).status_code == 200


async def test_conflict_is_what_ptb_raises_for_409(client: httpx.AsyncClient, api: FakeBotApi) -> None:
    await client.post("setWebhook", data={"url": "https://bot.example.org/hook"})
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        with pytest.raises(Conflict):
            await bot.get_updates()
