"""Real HTTP servers on loopback that play news sites, and a made-up internet that leads public names to them.

- `LoopbackSite`: a threaded http.server on 127.0.0.1 serving `routes`; it records each request (path, Host,
  User-Agent, all headers), so a test can tell that a refused address was never asked. A route may answer late
  (`delay_s`) or trickle its body, or its whole response, one byte at a time (`trickle_s`). A route with an
  `ETag` or `Last-Modified` header answers conditional GETs as HTTP servers do (RFC 9110): 304 Not Modified when
  If-None-Match names its ETag, or (without If-None-Match) when it has not changed since If-Modified-Since.
- `FakeInternet`: the egress guard's `Network` with made-up DNS answers and routes: "news.example" can resolve to
  a public address that is in truth the loopback site. It fakes only what cannot run here (public DNS and
  routing); the guard, httpx and the servers are the real ones.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpcore

from index.loaders.egress import Network


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    send_length: bool = True
    #: seconds between single bytes of the body (of the whole response with `trickle_headers`); 0: all at once
    trickle_s: float = 0.0
    trickle_headers: bool = False


@dataclass(frozen=True)
class Request:
    path: str
    host: str
    user_agent: str
    headers: dict[str, str] = field(default_factory=dict)


class LoopbackSite(ThreadingHTTPServer):
    """A real HTTP server on 127.0.0.1 serving `routes`; it records every request it gets."""

    daemon_threads = True

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.port = int(self.server_address[1])
        self.base = f"http://127.0.0.1:{self.port}"
        self.routes: dict[str, Route] = routes or {}
        self.requests: list[Request] = []

    @property
    def user_agents(self) -> list[str]:
        return [request.user_agent for request in self.requests]


@contextmanager
def serving(site: LoopbackSite) -> Iterator[LoopbackSite]:
    """The site answering in a background thread until the block ends."""
    threading.Thread(target=site.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield site
    finally:
        site.shutdown()
        site.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: LoopbackSite

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.requests.append(
            Request(self.path, self.headers.get("Host", ""), self.headers.get("User-Agent", ""), dict(self.headers))
        )
        route = self.server.routes.get(self.path, Route(b"not here", "text/plain", 404))
        time.sleep(route.delay_s)
        if _not_modified(route, self.headers):
            validators = "".join(
                f"{k}: {v}\r\n" for k, v in route.headers.items() if k.lower() in ("etag", "last-modified")
            )
            head = f"HTTP/1.1 304 Not Modified\r\n{validators}Content-Length: 0\r\nConnection: close\r\n\r\n"
            self.wfile.write(head.encode("latin-1"))
            return
        length = {"Content-Length": str(len(route.body))} if route.send_length else {}
        # http.server closes the connection after each response: say so, as an HTTP/1.1 server must (RFC 9112
        # section 9.6), or a client reuses the connection and races the close
        headers = {"Content-Type": route.content_type, **length, "Connection": "close", **route.headers}
        head = "".join(
            [
                f"HTTP/1.1 {route.status} {HTTPStatus(route.status).phrase}\r\n",
                *(f"{k}: {v}\r\n" for k, v in headers.items()),
                "\r\n",
            ]
        )
        try:
            if route.trickle_headers:
                self._trickle(head.encode("latin-1") + route.body, route.trickle_s)
            elif route.trickle_s:
                self.wfile.write(head.encode("latin-1"))
                self._trickle(route.body, route.trickle_s)
            else:
                self.wfile.write(head.encode("latin-1") + route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, size cap, deadline): that is what the test checks

    def _trickle(self, data: bytes, pause_s: float) -> None:
        for byte in data:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(pause_s)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        pass


def _not_modified(route: Route, headers: Any) -> bool:
    """RFC 9110 section 13.2.2: If-None-Match decides when present, else If-Modified-Since; only for a 200 route."""
    if route.status != 200:
        return False
    validators = {k.lower(): v for k, v in route.headers.items()}
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        etag = validators.get("etag")
        tags = [tag.strip() for tag in if_none_match.split(",")]
        return etag is not None and ("*" in tags or etag in tags)
    since, modified = headers.get("If-Modified-Since"), validators.get("last-modified")
    if since is None or modified is None:
        return False
    try:
        return email.utils.parsedate_to_datetime(modified) <= email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False  # an unreadable date is ignored, as servers do


class FakeInternet(Network):
    """Made-up DNS answers and routes in front of the real TCP stack.

    `names[host]`: the addresses `host` resolves to; a list of such lists is answered in turn, the last one
    forever after (a name that changes its answer: DNS rebinding). `routes[(address, port)]`: the loopback
    (host, port) that really serves a public address. Unknown names resolve as the system resolves them
    (localhost), unrouted addresses are connected to as they are. Every connection is recorded.
    """

    def __init__(self) -> None:
        self.names: dict[str, list[Any]] = {}
        self.routes: dict[tuple[str, int], tuple[str, int]] = {}
        self.connections: list[tuple[str, int]] = []

    def resolve(self, host: str, port: int) -> list[str]:
        answers = self.names.get(host)
        if answers is None:
            return super().resolve(host, port)
        if answers and isinstance(answers[0], list):
            return list(answers.pop(0) if len(answers) > 1 else answers[0])
        return list(answers)

    def connect(
        self, address: str, port: int, timeout: float | None, local_address: str | None, options: Iterable[Any]
    ) -> httpcore.NetworkStream:
        self.connections.append((address, port))
        real_address, real_port = self.routes.get((address, port), (address, port))
        return super().connect(real_address, real_port, timeout, local_address, options)
