"""The egress guard: what newsbot may download from, and for how long.

Anyone who can hand newsbot a URL (the CLI, an admin's /add, a feed's entry, a redirect) could otherwise make it
fetch from the machine it runs on or its private network: a cloud metadata service (169.254.169.254), an admin
page on 127.0.0.1, a router. So every fetch is checked twice:

    before each request    the URL's scheme is http(s) and every address its host resolves to is public
                           (`EgressGuard.check_url`, on the first URL and on each redirect hop, which WebLoader
                           follows itself)
    at connect time        the host is resolved once more, each address checked, and the socket connected to the
                           checked address itself (`GuardedBackend`), so a name that resolves to a public address
                           for the check and to 127.0.0.1 a moment later (DNS rebinding) reaches nothing; TLS
                           still verifies and sends (SNI) the host name, and the Host header is untouched

Refused: loopback, private (RFC 1918, CGNAT), link-local, unique-local, multicast, unspecified, reserved and
documentation ranges, IPv4 and IPv6 alike, IPv4 addresses inside IPv6 (::ffff:127.0.0.1, 6to4, NAT64) by the
address they carry. `allow_private=True` (NEWSBOT_ALLOW_PRIVATE_HOSTS) lifts the address rule, not the scheme rule.

Each download also has a wall-clock deadline (NEWSBOT_FETCH_DEADLINE): `deadline(seconds)` sets it for the
current thread, and every read and write on a guarded connection waits at most until then, so a server that
trickles one byte a second, in its headers or its body, costs at most the deadline.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

DEFAULT_FETCH_DEADLINE_S = 60.0
ALLOWED_SCHEMES = ("http", "https")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_UNIQUE_LOCAL = ipaddress.ip_network("fc00::/7")
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("newsbot_fetch_deadline", default=None)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class EgressRefused(Exception):
    """A URL or address newsbot must not (or cannot) fetch from; the message is whole, WebLoader adds the URL."""


class DeadlineExceeded(Exception):
    """The download's wall-clock deadline passed; WebLoader turns it into a SourceError naming the deadline."""


def address_problem(address: str) -> str | None:
    """Why newsbot must not connect to `address` ("a loopback address", ...), or None when it is public."""
    ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        carried = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if carried is None and ip in _NAT64:
            carried = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if carried is not None:
            problem = address_problem(str(carried))
            return f"{problem} inside an IPv6 address" if problem else None
    for kind, flag in (
        ("an unspecified", ip.is_unspecified),
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("a multicast", ip.is_multicast),
        ("a unique-local", ip in _UNIQUE_LOCAL),
        ("a private", ip.is_private),
    ):
        if flag:
            return f"{kind} address"
    return None if ip.is_global else "a reserved (not public) address"


class Network:
    """How names become addresses and addresses become connections: the system's resolver and TCP stack.

    Tests replace it with a made-up internet whose public names lead to loopback servers.
    """

    def resolve(self, host: str, port: int) -> list[str]:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        return list(dict.fromkeys(str(info[4][0]) for info in infos))

    def connect(
        self, address: str, port: int, timeout: float | None, local_address: str | None, options: Iterable[Any]
    ) -> httpcore.NetworkStream:
        return httpcore.SyncBackend().connect_tcp(address, port, timeout, local_address, options)


class EgressGuard:
    """Checks URLs and addresses against the rules above; connects only to addresses that pass."""

    def __init__(self, *, allow_private: bool = False, network: Network | None = None) -> None:
        self.allow_private = allow_private
        self.network = network or Network()

    def check_url(self, url: str) -> None:
        """Raise EgressRefused unless `url` is http(s) and its host resolves only to allowed addresses."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise EgressRefused(f"refused: {url} is not an http(s) URL, and only http(s) is fetched")
        if not parts.hostname:
            raise EgressRefused(f"refused: {url} has no host name")
        if not self.allow_private:
            self._allowed_addresses(parts.hostname, parts.port or (443 if scheme == "https" else 80))

    def connect(
        self, host: str, port: int, timeout: float | None, local_address: str | None, options: Iterable[Any]
    ) -> httpcore.NetworkStream:
        """A connection to an address of `host` that passed the check: the first one that answers."""
        addresses = self._resolve(host, port) if self.allow_private else self._allowed_addresses(host, port)
        options = list(options)
        for address in addresses[:-1]:
            with contextlib.suppress(httpcore.ConnectError):
                return self.network.connect(address, port, timeout, local_address, options)
        return self.network.connect(addresses[-1], port, timeout, local_address, options)

    def _allowed_addresses(self, host: str, port: int) -> list[str]:
        """Every address `host` resolves to; EgressRefused when any of them is not public."""
        addresses = self._resolve(host, port)
        for address in addresses:
            problem = address_problem(address)
            if problem:
                shown = host if host.strip("[]") == address else f"{host} ({address})"
                raise EgressRefused(
                    f"refused: {shown} is {problem}, and newsbot fetches only from public addresses "
                    "(NEWSBOT_ALLOW_PRIVATE_HOSTS=true allows private ones)"
                )
        return addresses

    def _resolve(self, host: str, port: int) -> list[str]:
        try:
            addresses = self.network.resolve(host.strip("[]"), port)
        except (OSError, UnicodeError) as exc:
            raise EgressRefused(f"cannot connect: the host {host} does not resolve ({exc}); check the address") from exc
        if not addresses:
            raise EgressRefused(f"cannot connect: the host {host} does not resolve; check the address")
        return addresses


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Every read and write on a guarded connection in this thread must finish within `seconds` from now."""
    until = time.monotonic() + seconds
    token = _deadline.set(until)
    try:
        yield until
    finally:
        _deadline.reset(token)


def guarded_transport(guard: EgressGuard) -> httpx.HTTPTransport:
    """httpx's own transport (TLS, HTTP/1.1, pooling) whose connections go through `guard` and keep the deadline.

    httpx 0.28 does not take an httpcore network backend, so the pool it builds is replaced by one that does.
    """
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False), network_backend=GuardedBackend(guard)
    )
    return transport


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend: TCP connections only through the guard, streams that keep the deadline."""

    def __init__(self, guard: EgressGuard) -> None:
        self.guard = guard

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        with _deadline_kept():
            stream = self.guard.connect(host, port, within_deadline(timeout), local_address, socket_options or ())
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise EgressRefused(f"refused: a unix socket ({path}) is not fetched from")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the thread's deadline, whatever the per-read timeout."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _deadline_kept():
            return self._stream.read(max_bytes, within_deadline(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        with _deadline_kept():
            self._stream.write(buffer, within_deadline(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        with _deadline_kept():
            return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, within_deadline(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def within_deadline(timeout: float | None) -> float | None:
    """`timeout` cut to what is left of the thread's deadline (if one is set); DeadlineExceeded when nothing is."""
    until = _deadline.get()
    if until is None:
        return timeout
    left = until - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded()
    return left if timeout is None else min(timeout, left)


@contextlib.contextmanager
def _deadline_kept() -> Iterator[None]:
    """A timeout that ran out because the deadline did is the deadline's doing, and says so."""
    try:
        yield
    except (httpcore.ReadTimeout, httpcore.WriteTimeout, httpcore.ConnectTimeout):
        until = _deadline.get()
        if until is not None and time.monotonic() >= until:
            raise DeadlineExceeded() from None
        raise
