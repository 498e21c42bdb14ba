"""A loopback fake of the OpenAI chat API that scripts replies, for tests of anything that talks to an LLM.

It serves `POST /v1/chat/completions` (plain and streaming) and `GET /v1/models` on 127.0.0.1 with an
ephemeral port, from an aiohttp app in a background thread, so sync tests can point a real client at it:

    with FakeOpenAI() as fake:
        fake.enqueue("North Korea denied the deliveries [1].")
        model = ChatOpenAI(base_url=fake.base_url, api_key=fake.api_key, model=fake.model, max_retries=0)
        model.invoke("...")
        assert "[1]" in fake.requests[-1].prompt

or take the `fake_openai` fixture (import it into a test module or a conftest.py).

It enforces the rules a real server would, so a client that works here works there: a Bearer key when one is
configured (401 otherwise), a JSON body with `model` and non-empty `messages` whose entries have a known
`role` (400 otherwise), a known model when `models` is given (404 otherwise); errors use OpenAI's JSON shape
`{"error": {"message", "type", "param", "code"}}`. Replies are played in the order they were enqueued; a
request with nothing enqueued gets a 500 that says so, so a test never passes on a reply it did not script.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import pytest
from aiohttp import web

DEFAULT_API_KEY = "sk-test-fake-key"
DEFAULT_MODEL = "fake-gpt"
KNOWN_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
START_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received; `body` is the parsed JSON (None when it was not JSON)."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any

    @property
    def messages(self) -> list[dict[str, Any]]:
        if isinstance(self.body, dict) and isinstance(self.body.get("messages"), list):
            return self.body["messages"]
        return []

    @property
    def prompt(self) -> str:
        """All message contents joined, for asserting on what the model was told."""
        return "\n\n".join(_content_text(message.get("content")) for message in self.messages)

    def content_of(self, role: str) -> str:
        """The joined contents of the messages with `role` (e.g. "system" or "user")."""
        return "\n\n".join(
            _content_text(message.get("content")) for message in self.messages if message.get("role") == role
        )


@dataclass(frozen=True)
class _Reply:
    text: str = ""
    status: int = 200
    message: str = ""
    delay: float = 0.0
    raw: Any = None
    trickle: float = 0.0


class FakeOpenAI:
    """A scripted OpenAI-compatible server on loopback; start with `with` or `start()`/`stop()`.

    `api_key=""` accepts requests without a key, like Ollama or a llama.cpp server; `models` lists the
    model ids it knows (any model is accepted when None).
    """

    def __init__(
        self, *, api_key: str = DEFAULT_API_KEY, model: str = DEFAULT_MODEL, models: Sequence[str] | None = None
    ) -> None:
        self.api_key = api_key
        self.model = model
        self.models = models
        self.requests: list[RecordedRequest] = []
        self._replies: deque[_Reply] = deque()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._port = 0

    # -- scripting ---------------------------------------------------------------------------------------

    def enqueue(self, text: str) -> None:
        """The next completion request is answered with `text`."""
        self._push(_Reply(text=text))

    def enqueue_error(self, status: int = 500, message: str = "The server had an error.") -> None:
        """The next completion request fails with HTTP `status` and OpenAI's error JSON."""
        self._push(_Reply(status=status, message=message))

    def enqueue_delay(self, seconds: float, text: str = "") -> None:
        """The next completion request is answered with `text` after `seconds` (to provoke client timeouts)."""
        self._push(_Reply(text=text, delay=seconds))

    def enqueue_trickle(self, every_s: float, text: str = "North Korea denied it [2].") -> None:
        """The next completion request is answered with `text`, one byte every `every_s` seconds: each read
        arrives well within any read timeout, only a deadline on the whole reply stops it."""
        self._push(_Reply(text=text, trickle=every_s))

    def enqueue_raw(self, body: Any, status: int = 200) -> None:
        """The next completion request gets `body` as JSON, as is (to imitate a misbehaving server)."""
        self._push(_Reply(status=status, raw=body))

    @property
    def pending(self) -> int:
        """How many scripted replies have not been played yet."""
        with self._lock:
            return len(self._replies)

    @property
    def completions(self) -> list[RecordedRequest]:
        """The recorded chat-completion requests, oldest first."""
        return [request for request in self.requests if request.path.endswith("/chat/completions")]

    # -- lifecycle ---------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What an OpenAI client takes as `base_url`, e.g. http://127.0.0.1:54321/v1."""
        if not self._port:
            raise RuntimeError("FakeOpenAI is not started; use it as a context manager or call start()")
        return f"http://127.0.0.1:{self._port}/v1"

    def start(self) -> FakeOpenAI:
        ready = threading.Event()
        failure: list[BaseException] = []
        self._thread = threading.Thread(target=self._serve, args=(ready, failure), name="fake-openai", daemon=True)
        self._thread.start()
        if not ready.wait(START_TIMEOUT_S):
            raise RuntimeError("FakeOpenAI did not start in time")
        if failure:
            raise RuntimeError("FakeOpenAI failed to start") from failure[0]
        return self

    def stop(self) -> None:
        loop, runner, thread = self._loop, self._runner, self._thread
        if loop is None or runner is None or thread is None:
            return
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=START_TIMEOUT_S)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=START_TIMEOUT_S)
        self._loop = self._runner = self._thread = None
        self._port = 0

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- server ------------------------------------------------------------------------------------------

    def _push(self, reply: _Reply) -> None:
        with self._lock:
            self._replies.append(reply)

    def _pop(self) -> _Reply | None:
        with self._lock:
            return self._replies.popleft() if self._replies else None

    def _serve(self, ready: threading.Event, failure: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            app = web.Application()
            app.router.add_post("/v1/chat/completions", self._chat_completions)
            app.router.add_get("/v1/models", self._list_models)
            # A client that gave up on a delayed reply disconnects; cancel its handler instead of finishing it.
            runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=0.5, access_log=None)
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            server = site._server
            assert isinstance(server, asyncio.Server) and server.sockets  # noqa: S101 - set by site.start()
            self._port = server.sockets[0].getsockname()[1]
            self._loop, self._runner = loop, runner
        except BaseException as exc:  # noqa: BLE001 - reported to the starting thread
            failure.append(exc)
            ready.set()
            loop.close()
            return
        ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    def _record(self, request: web.Request, body: Any) -> None:
        self.requests.append(RecordedRequest(request.method, request.path, dict(request.headers), body))

    def _unauthorized(self, request: web.Request) -> web.Response | None:
        if not self.api_key:
            return None
        header = request.headers.get("Authorization", "")
        if not header:
            return _error(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization header "
                "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                code=None,
            )
        if header != f"Bearer {self.api_key}":
            return _error(401, "Incorrect API key provided.", code="invalid_api_key")
        return None

    async def _list_models(self, request: web.Request) -> web.Response:
        self._record(request, None)
        if (denied := self._unauthorized(request)) is not None:
            return denied
        ids = list(self.models) if self.models is not None else [self.model]
        data = [{"id": model, "object": "model", "created": 0, "owned_by": "newsbot-tests"} for model in ids]
        return web.json_response({"object": "list", "data": data})

    async def _chat_completions(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        body: Any
        try:
            body = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            body = None
        self._record(request, body)
        if (denied := self._unauthorized(request)) is not None:
            return denied
        if (invalid := self._invalid(body)) is not None:
            return invalid
        reply = self._pop()
        if reply is None:
            return _error(500, "FakeOpenAI: no reply enqueued for this request", kind="server_error")
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.trickle:
            return await self._trickle(request, body["model"], reply)
        if reply.raw is not None:
            return web.json_response(reply.raw, status=reply.status)
        if reply.status != 200:
            kind = "server_error" if reply.status >= 500 else "invalid_request_error"
            return _error(reply.status, reply.message, kind=kind)
        model = body["model"]
        if body.get("stream"):
            return await self._stream(request, model, reply.text, body.get("stream_options") or {})
        return web.json_response(self._completion(model, reply.text, body))

    def _invalid(self, body: Any) -> web.Response | None:
        if not isinstance(body, dict):
            return _error(400, "We could not parse the JSON body of your request.", code=None)
        model = body.get("model")
        if not isinstance(model, str) or not model:
            return _error(400, "you must provide a model parameter", code=None)
        messages = body.get("messages")
        if messages is None:
            return _error(
                400, "Missing required parameter: 'messages'.", param="messages", code="missing_required_parameter"
            )
        if not isinstance(messages, list) or not messages:
            return _error(400, f"{messages!r} is too short - 'messages'", param="messages", code="empty_array")
        for i, message in enumerate(messages):
            if not isinstance(message, dict) or message.get("role") not in KNOWN_ROLES:
                return _error(
                    400,
                    f"Invalid value for 'messages[{i}].role'.",
                    param=f"messages[{i}].role",
                    code="invalid_value",
                )
        if self.models is not None and model not in self.models:
            return _error(
                404,
                f"The model `{model}` does not exist or you do not have access to it.",
                code="model_not_found",
            )
        return None

    def _completion(self, model: str, text: str, body: dict[str, Any]) -> dict[str, Any]:
        prompt_tokens = sum(len(_content_text(m.get("content")).split()) for m in body["messages"])
        completion_tokens = len(text.split())
        return {
            "id": f"chatcmpl-fake{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": None,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text, "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }

    async def _trickle(self, request: web.Request, model: str, reply: _Reply) -> web.StreamResponse:
        payload = json.dumps(self._completion(model, reply.text, {"messages": []})).encode()
        response = web.StreamResponse(headers={"Content-Type": "application/json", "Content-Length": str(len(payload))})
        await response.prepare(request)
        for byte in payload:
            await response.write(bytes([byte]))
            await asyncio.sleep(reply.trickle)
        await response.write_eof()
        return response

    async def _stream(self, request: web.Request, model: str, text: str, options: dict[str, Any]) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
        await response.prepare(request)
        chunk_id = f"chatcmpl-fake{next(self._ids)}"

        def chunk(delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
            return {
                "id": chunk_id,
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": model,
                "system_fingerprint": None,
                "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
            }

        events: list[dict[str, Any]] = [chunk({"role": "assistant", "content": ""}, None)]
        events += [chunk({"content": piece}, None) for piece in _pieces(text)]
        events.append(chunk({}, "stop"))
        if options.get("include_usage"):
            events.append(
                {
                    "id": chunk_id,
                    "object": "chat.completion.chunk",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [],
                    "usage": {"prompt_tokens": 0, "completion_tokens": len(text.split()), "total_tokens": 0},
                }
            )
        for event in events:
            await response.write(f"data: {json.dumps(event)}\n\n".encode())
        await response.write(b"data: [DONE]\n\n")
        await response.write_eof()
        return response


def _error(
    status: int,
    message: str,
    *,
    kind: str = "invalid_request_error",
    param: str | None = None,
    code: str | None = None,
) -> web.Response:
    return web.json_response({"error": {"message": message, "type": kind, "param": param, "code": code}}, status=status)


def _content_text(content: Any) -> str:
    """Message content is a string or a list of parts ({"type": "text", "text": ...})."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def _pieces(text: str) -> list[str]:
    """Split a reply into word-sized stream deltas that join back to exactly `text`."""
    words = text.split(" ")
    return [word if i == 0 else f" {word}" for i, word in enumerate(words)] if text else []


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A started FakeOpenAI with the default key and model; stopped after the test."""
    with FakeOpenAI() as fake:
        yield fake
