"""A PTB request object that never opens a socket: every call goes straight to a FakeBotApi, which checks it."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from telegram.request import BaseRequest, RequestData

if TYPE_CHECKING:
    from tests.fakes.bot_api import FakeBotApi


class OfflineRequest(BaseRequest):
    """A PTB request object that never opens a socket: calls go straight to a FakeBotApi and are recorded there."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        file_match = re.fullmatch(r"/file/bot([^/]+)/(.+)", unquote(urlsplit(url).path))
        method_match = re.fullmatch(r"/bot([^/]+)/(\w+)", unquote(urlsplit(url).path))
        if file_match:
            content = self.api.file_content(file_match.group(1), file_match.group(2))
            return (200, content) if content is not None else (404, b"Not Found")
        if method_match is None:
            raise AssertionError(f"OfflineRequest: refusing a request outside the fake Bot API: {url}")
        if method_match.group(1) != self.api.token:
            return 401, b'{"ok": false, "error_code": 401, "description": "Unauthorized"}'
        params = dict(request_data.json_parameters) if request_data else {}
        status, body = await self.api.answer(method_match.group(2), params)
        return status, json.dumps(body).encode()
