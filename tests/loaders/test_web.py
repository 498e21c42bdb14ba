"""The web loader's HTTP behaviour that no loopback server shows on demand: a server closing a kept-alive
connection just as the next request goes out on it (httpx's MockTransport raises what httpx then raises)."""

from __future__ import annotations

import httpx
import pytest

from index.errors import SourceError
from index.loaders.web import WebLoader

PAGE = """<html><head><title>Harbour of Port Elda reopens</title></head><body><article>
<h1>Harbour of Port Elda reopens after storm</h1>
<p>The harbour of Port Elda reopened on Monday, a week after a storm tore two cranes from the quay.</p>
<p>Harbour master Ilse Varga said the first ferry left at six in the morning with 140 passengers aboard.</p>
<p>Repairs to the northern pier will take until the summer, the town council said.</p>
</article></body></html>"""
URL = "http://127.0.0.1/2024/port-elda.html"


def loader_dropping(times: int, asked: list[str]) -> WebLoader:
    """A loader whose connections the server drops unanswered `times` times, then answers."""

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        if len(asked) <= times:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        return httpx.Response(200, html=PAGE)

    return WebLoader(transport=httpx.MockTransport(handler), allow_private_hosts=True)


def test_a_get_dropped_unanswered_on_a_kept_alive_connection_is_asked_once_more() -> None:
    asked: list[str] = []
    [article] = list(loader_dropping(1, asked).load(URL))
    assert asked == ["/2024/port-elda.html"] * 2
    assert not isinstance(article, SourceError) and "140 passengers" in article.text


def test_a_server_that_drops_it_again_is_reported_not_asked_forever() -> None:
    asked: list[str] = []
    with pytest.raises(SourceError, match=r"download failed \(RemoteProtocolError"):
        list(loader_dropping(2, asked).load(URL))
    assert len(asked) == 2
