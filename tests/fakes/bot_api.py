"""A fake Telegram Bot API on loopback, strict where Telegram is strict, and its in-process twin for handler tests.

    api = FakeBotApi(TOKEN)
    await api.start()                       # http://127.0.0.1:<port>/bot<token>/<method>, /file/bot<token>/<path>
    settings = make_settings(..., telegram_base_url=api.base_url)
    api.user_message(user=ADA, chat=private_chat(ADA), text="Who denied supplying arms?")
    [reply] = await api.replies(chat_id=ADA["id"])

Methods: getMe, getUpdates (long polling, offsets, allowed_updates, 409 when superseded or a webhook is set),
sendMessage, editMessageText, sendChatAction, answerCallbackQuery, setMyCommands, getFile and file download,
setWebhook / deleteWebhook / getWebhookInfo (with a webhook set, updates are POSTed to it with the secret header).

Rules enforced as Telegram does: HTML parse mode with only Telegram's tags, attributes and entities, checked by
`html.parser`; 1-4096 characters of text *after* entity parsing, counted in UTF-16 code units; callback data of
1-64 bytes; replies to existing messages; and flood control: 429 with `retry_after` beyond the per-chat, per-group
or global rate. Every refused call is kept in `errors`, so a test can assert the bot never broke a rule.

`OfflineRequest(api)` (offline_request.py) is a PTB request object that hands calls straight to the same fake: no
socket is opened. Telegram's text rules and the user/chat builders live in telegram_rules.py.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import re
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from aiohttp import ClientSession, ClientTimeout, web

from tests.fakes.telegram_rules import (  # noqa: F401 - tests import the rules and builders from here too
    MAX_TEXT,
    BotApiError,
    FloodRule,
    checked_text,
    group_chat,
    make_user,
    parse_telegram_html,
    private_chat,
    text_entities,
    utf16_len,
)

T = TypeVar("T")

BOT_ID = 7_000_001
MAX_CALLBACK_DATA = 64
CHAT_ACTIONS = frozenset(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document choose_sticker "
    "find_location record_video_note upload_video_note".split()
)
COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,32}$")


@dataclass
class SentMessage:
    """A message the bot sent (edits applied): its HTML as sent, its text as the user sees it."""

    chat_id: int
    message_id: int
    html: str
    text: str
    reply_markup: dict[str, Any] | None = None
    reply_to: int | None = None
    edits: int = 0

    @property
    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def as_dict(self, bot_user: dict[str, Any], chat: dict[str, Any]) -> dict[str, Any]:
        message = {
            "message_id": self.message_id,
            "from": bot_user,
            "chat": chat,
            "date": int(time.time()),
            "text": self.text,
        }
        if self.reply_markup:
            message["reply_markup"] = self.reply_markup
        return message


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    error: str = ""


@dataclass
class FakeBotApi:
    """The fake server; its state (chats, messages, updates, files) is in plain attributes tests can read."""

    token: str
    username: str = "newsbot_test_bot"
    chat_flood: FloodRule = field(default_factory=lambda: FloodRule(5, 1.0))
    group_flood: FloodRule = field(default_factory=lambda: FloodRule(20, 60.0))
    global_flood: FloodRule = field(default_factory=lambda: FloodRule(30, 1.0))
    calls: list[ApiCall] = field(default_factory=list)
    messages: list[SentMessage] = field(default_factory=list)
    chat_actions: list[tuple[int, str]] = field(default_factory=list)
    callback_answers: list[dict[str, Any]] = field(default_factory=list)
    commands: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.bot_user = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Newsbot",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self._chats: dict[int, dict[str, Any]] = {}
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._known_messages: set[tuple[int, int]] = set()
        self._updates: deque[dict[str, Any]] = deque()
        self._update_ids = itertools.count(1000)
        self._poll_generation = 0
        self._allowed_updates: list[str] | None = None
        self._files: dict[str, tuple[str, bytes]] = {}
        self._queries: set[str] = set()
        self._sent_at: dict[object, deque[float]] = {}
        self._changed = asyncio.Condition()
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None
        self._client: ClientSession | None = None
        self.port = 0

    # --- server --------------------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._serve_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._serve_file)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._client:
            await self._client.close()
        if self._runner:
            await self._runner.cleanup()

    async def _serve_method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            params.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
        return await self._respond(request.match_info["method"], params)

    async def _respond(self, method: str, params: dict[str, Any]) -> web.Response:
        status, body = await self.answer(method, params)
        return web.json_response(body, status=status)

    async def answer(self, method: str, params: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """The HTTP status and JSON body Telegram would send for this call."""
        try:
            result = await self.call(method, params)
        except BotApiError as exc:
            body: dict[str, Any] = {"ok": False, "error_code": exc.status, "description": exc.description}
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            return exc.status, body
        return 200, {"ok": True, "result": result}

    async def _serve_file(self, request: web.Request) -> web.Response:
        content = self.file_content(request.match_info["token"], request.match_info["path"])
        return web.Response(body=content) if content is not None else web.Response(status=404, text="Not Found")

    def file_content(self, token: str, path: str) -> bytes | None:
        """What a file download returns; None (404) for an unknown path or a wrong token."""
        if token != self.token:
            return None
        return next((content for name, content in self._files.values() if name == path), None)

    # --- the Bot API ---------------------------------------------------------------------------------------------

    async def call(self, method: str, params: Mapping[str, Any]) -> Any:
        """One Bot API call: the result, or BotApiError as Telegram would answer."""
        handler = getattr(self, f"_api_{method.lower()}", None)
        record = ApiCall(method, dict(params))
        self.calls.append(record)
        try:
            if handler is None:
                raise BotApiError(404, "Not Found: method not found")
            return await handler(params)
        except BotApiError as exc:
            record.error = exc.description
            raise
        finally:
            await self._notify()

    @property
    def errors(self) -> list[ApiCall]:
        return [call for call in self.calls if call.error]

    async def _api_getme(self, params: Mapping[str, Any]) -> Any:
        return self.bot_user

    async def _api_getupdates(self, params: Mapping[str, Any]) -> Any:
        if self.webhook.get("url"):
            raise BotApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset, limit = int(params.get("offset") or 0), int(params.get("limit") or 100)
        if "allowed_updates" in params:
            self._allowed_updates = _json(params["allowed_updates"]) or None
        while self._updates and offset and self._updates[0]["update_id"] < offset:
            self._updates.popleft()
        self._poll_generation += 1
        generation = self._poll_generation
        timeout = float(params.get("timeout") or 0)
        if not self._updates and timeout > 0:
            async with self._changed:
                try:
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._updates) or generation != self._poll_generation),
                        timeout,
                    )
                except TimeoutError:
                    pass
        if generation != self._poll_generation:
            raise BotApiError(409, "Conflict: terminated by other getUpdates request")
        return list(itertools.islice(self._updates, limit))

    async def _api_sendmessage(self, params: Mapping[str, Any]) -> Any:
        chat = self._chat(params)
        reply_to = _json(params.get("reply_parameters")) or {}
        if reply_to and (chat["id"], int(reply_to["message_id"])) not in self._known_messages:
            if not reply_to.get("allow_sending_without_reply"):
                raise BotApiError(400, "Bad Request: message to be replied not found")
        html = str(params.get("text", ""))
        text = checked_text(html, params.get("parse_mode"))
        markup = self._markup(params)
        self._flood_check(chat["id"])
        message = SentMessage(
            chat["id"],
            self._next_message_id(chat["id"]),
            html,
            text,
            markup,
            reply_to=int(reply_to["message_id"]) if reply_to else None,
        )
        self.messages.append(message)
        return message.as_dict(self.bot_user, chat)

    async def _api_editmessagetext(self, params: Mapping[str, Any]) -> Any:
        chat = self._chat(params)
        message_id = int(params.get("message_id") or 0)
        found = [m for m in self.messages if m.chat_id == chat["id"] and m.message_id == message_id]
        if not found:
            raise BotApiError(400, "Bad Request: message to edit not found")
        html = str(params.get("text", ""))
        text, markup = checked_text(html, params.get("parse_mode")), self._markup(params)
        message = found[0]
        if text == message.text and markup == message.reply_markup:
            raise BotApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message",
            )
        self._flood_check(chat["id"])
        message.html, message.text, message.reply_markup = html, text, markup
        message.edits += 1
        return message.as_dict(self.bot_user, chat)

    async def _api_sendchataction(self, params: Mapping[str, Any]) -> Any:
        chat = self._chat(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise BotApiError(400, "Bad Request: wrong parameter action in request")
        self.chat_actions.append((chat["id"], str(params["action"])))
        return True

    async def _api_answercallbackquery(self, params: Mapping[str, Any]) -> Any:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._queries:
            raise BotApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        if len(str(params.get("text") or "")) > 200:
            raise BotApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self._queries.discard(query_id)
        self.callback_answers.append(dict(params))
        return True

    async def _api_setmycommands(self, params: Mapping[str, Any]) -> Any:
        commands = _json(params.get("commands")) or []
        scope = _json(params.get("scope")) or {"type": "default"}
        if len(commands) > 100:
            raise BotApiError(400, "Bad Request: too many commands")
        for command in commands:
            name = command.get("command", "")
            if not COMMAND_RE.match(f"/{name}") or name.lower() != name:
                raise BotApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise BotApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        if scope["type"] == "chat" and int(scope["chat_id"]) not in self._chats:
            raise BotApiError(400, "Bad Request: chat not found")
        language = str(params.get("language_code") or "")
        if language and not re.fullmatch(r"[a-z]{2}", language):  # a two-letter ISO 639-1 code, or none
            raise BotApiError(400, "Bad Request: invalid language code specified")
        key = scope["type"] + (f":{scope['chat_id']}" if "chat_id" in scope else "")
        key += f"@{language}" if language else ""
        self.commands[key] = commands
        return True

    async def _api_getfile(self, params: Mapping[str, Any]) -> Any:
        file_id = str(params.get("file_id", ""))
        if file_id not in self._files:
            raise BotApiError(400, "Bad Request: invalid file_id")
        path, content = self._files[file_id]
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(content), "file_path": path}

    async def _api_deletewebhook(self, params: Mapping[str, Any]) -> Any:
        self.webhook = {}
        if str(params.get("drop_pending_updates", "")).lower() == "true":
            self._updates.clear()
        return True

    async def _api_setwebhook(self, params: Mapping[str, Any]) -> Any:
        url = str(params.get("url", ""))
        if urlsplit(url).scheme not in {"http", "https"}:
            raise BotApiError(400, "Bad Request: bad webhook: invalid URL")
        self.webhook = {
            "url": url,
            "secret_token": params.get("secret_token"),
            "allowed_updates": _json(params.get("allowed_updates")),
        }
        for update in list(self._updates):
            self._background(self._post_to_webhook(update))
        self._updates.clear()
        return True

    async def _api_getwebhookinfo(self, params: Mapping[str, Any]) -> Any:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    # --- rules ---------------------------------------------------------------------------------------------------

    def _chat(self, params: Mapping[str, Any]) -> dict[str, Any]:
        try:
            return self._chats[int(params.get("chat_id") or 0)]
        except (KeyError, ValueError):
            raise BotApiError(400, "Bad Request: chat not found") from None

    def _markup(self, params: Mapping[str, Any]) -> dict[str, Any] | None:
        markup = _json(params.get("reply_markup"))
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                    raise BotApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return markup

    def _flood_check(self, chat_id: int) -> None:
        now = time.monotonic()
        rules = [("all", self.global_flood), (chat_id, self.group_flood if chat_id < 0 else self.chat_flood)]
        for key, rule in rules:
            sent = self._sent_at.setdefault(key, deque())
            while sent and sent[0] <= now - rule.per_s:
                sent.popleft()
            if len(sent) >= rule.limit:
                retry_after = max(1, math.ceil(sent[0] + rule.per_s - now))
                raise BotApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)
        for key, _ in rules:
            self._sent_at[key].append(now)

    def _next_message_id(self, chat_id: int) -> int:
        message_id = next(self._message_ids.setdefault(chat_id, itertools.count(1)))
        self._known_messages.add((chat_id, message_id))
        return message_id

    # --- users ---------------------------------------------------------------------------------------------------

    def open_chat(self, chat: dict[str, Any]) -> None:
        """A chat that exists already (its user started the bot earlier), without a new message in it."""
        self._chats[chat["id"]] = chat

    def user_message(
        self,
        *,
        user: dict[str, Any],
        chat: dict[str, Any],
        text: str = "",
        reply_to: SentMessage | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A user sends a message; it becomes an update the bot can fetch. Returns the message."""
        self._chats[chat["id"]] = chat
        message_id = self._next_message_id(chat["id"])
        message: dict[str, Any] = {"message_id": message_id, "from": user, "chat": chat, "date": int(time.time())}
        if text:
            message["text"] = text
            if entities := text_entities(text):
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to.as_dict(self.bot_user, chat)
        message.update(extra or {})
        self._push({"message": message})
        return message

    def user_document(
        self,
        *,
        user: dict[str, Any],
        chat: dict[str, Any],
        file_name: str,
        content: bytes,
        mime_type: str = "text/plain",
    ) -> dict[str, Any]:
        """A user sends a file; the bot can fetch it with getFile and download it."""
        file_id = f"file{len(self._files) + 1}"
        self._files[file_id] = (f"documents/{file_id}_{file_name}", content)
        document = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(content),
        }
        return self.user_message(user=user, chat=chat, extra={"document": document})

    def press_button(self, *, user: dict[str, Any], message: SentMessage, data: str) -> str:
        query_id = f"q{len(self.callback_answers) + len(self._queries) + 1}"
        self._queries.add(query_id)
        chat = self._chats[message.chat_id]
        query = {
            "id": query_id,
            "from": user,
            "chat_instance": f"ci{chat['id']}",
            "message": message.as_dict(self.bot_user, chat),
            "data": data,
        }
        self._push({"callback_query": query})
        return query_id

    def take_updates(self) -> list[dict[str, Any]]:
        """The pending updates, removed from the queue: for driving a bot without polling."""
        updates = list(self._updates)
        self._updates.clear()
        return updates

    def _push(self, payload: dict[str, Any]) -> None:
        update = {"update_id": next(self._update_ids), **payload}
        allowed = self._allowed_updates
        if allowed and not any(kind in update for kind in allowed):
            return
        if self.webhook.get("url"):
            self._background(self._post_to_webhook(update))
        else:
            self._updates.append(update)
        self._background(self._notify())

    def _background(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _post_to_webhook(self, update: dict[str, Any]) -> None:
        self._client = self._client or ClientSession(timeout=ClientTimeout(total=10))
        secret = self.webhook.get("secret_token")
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        try:
            async with self._client.post(self.webhook["url"], json=update, headers=headers) as response:
                status = response.status
        except OSError as exc:
            status = 0
            self.calls.append(ApiCall("(webhook delivery)", update, error=repr(exc)))
        self.webhook.setdefault("deliveries", []).append(status)
        await self._notify()

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # --- waiting -------------------------------------------------------------------------------------------------

    def messages_to(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.messages if m.chat_id == chat_id]

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 15.0, what: str = "") -> T:
        async with self._changed:
            try:
                return await asyncio.wait_for(self._changed.wait_for(predicate), timeout)
            except TimeoutError:
                sent = [(m.chat_id, m.text[:80]) for m in self.messages[-5:]]
                errors = [c.error for c in self.errors][-5:]
                message = f"timed out waiting for {what or predicate}; last sent: {sent}; errors: {errors}"
                raise AssertionError(message) from None

    async def replies(
        self, chat_id: int, count: int = 1, *, after: int = 0, timeout: float = 15.0
    ) -> list[SentMessage]:
        """Wait until the bot has sent `count` messages to the chat beyond the first `after`; returns those."""
        what = f"{count} replies to {chat_id}"
        await self.wait_for(lambda: len(self.messages_to(chat_id)) >= after + count, timeout, what)
        return self.messages_to(chat_id)[after:]


def _json(value: Any) -> Any:
    if isinstance(value, str):
        return json.loads(value) if value else None
    return value
