"""The egress guard: newsbot fetches only from public http(s) addresses, checked before every hop and at connect
time, and every download ends by its deadline. Real httpx against real loopback servers; public names and
addresses come from a made-up internet (tests/fakes/news_site.py) that leads them to those servers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.errors import SourceError
from index.loaders.egress import address_problem
from index.loading import LoadOptions, iter_articles
from index.models import Article
from index.newsroom import Newsroom
from tests.conftest import make_settings
from tests.fakes.news_site import FakeInternet, LoopbackSite, Route, serving

PUBLIC = "93.184.216.34"
ARTICLE = b"""<html lang="en"><head><title>Ferry back</title></head><body><article><h1>Ferry back</h1>
<p>The night ferry between Portwell and Eastholm resumes service on Friday after the winter break, the operator
said, with two crossings a night and bicycles carried free of charge until the end of May.</p></article></body></html>"""  # noqa: E501
SECRET = (
    b"<html><body><article><h1>Internal</h1><p>Database password: hunter2. "
    + b"Internal only. " * 30
    + b"</p></article></body></html>"
)
ALLOW_PRIVATE = LoadOptions(allow_private_hosts=True)


def feed(entries: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><description>The feed's own summary of {title}, which "
        f"stands in when the page cannot be read.</description></item>"
        for title, link in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


@pytest.fixture
def intranet() -> Iterator[LoopbackSite]:
    """A private server on loopback that nothing from outside should ever reach."""
    routes = {"/secret": Route(SECRET), "/latest/meta-data": Route(b"iam-role", "text/plain")}
    with serving(LoopbackSite(routes)) as site:
        yield site


@pytest.fixture
def news() -> Iterator[LoopbackSite]:
    """The public news site (news.example at 93.184.216.34, as the made-up internet tells it)."""
    with serving(LoopbackSite({"/story": Route(ARTICLE)})) as site:
        yield site


@pytest.fixture
def internet(news: LoopbackSite) -> FakeInternet:
    net = FakeInternet()
    net.names["news.example"] = [PUBLIC]
    net.routes[(PUBLIC, 80)] = ("127.0.0.1", news.port)
    return net


def load(*sources: str, **kwargs: object) -> list[Article | SourceError]:
    return list(iter_articles(list(sources), **kwargs))  # type: ignore[arg-type]


def refusal(results: list[Article | SourceError]) -> SourceError:
    assert len(results) == 1 and isinstance(results[0], SourceError), results
    return results[0]


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.1", "a private address"),
        ("192.168.1.1", "a private address"),
        ("100.64.0.1", "a reserved (not public) address"),
        ("169.254.169.254", "a link-local address"),
        ("0.0.0.0", "an unspecified address"),
        ("224.0.0.1", "a multicast address"),
        ("::1", "a loopback address"),
        ("::", "an unspecified address"),
        ("fe80::1", "a link-local address"),
        ("fe80::1%eth0", "a link-local address"),
        ("fd12:3456::1", "a unique-local address"),
        ("ff02::1", "a multicast address"),
        ("::ffff:127.0.0.1", "a loopback address inside an IPv6 address"),
        ("::ffff:169.254.169.254", "a link-local address inside an IPv6 address"),
        ("2002:7f00:1::", "a loopback address inside an IPv6 address"),
        ("64:ff9b::a00:1", "a private address inside an IPv6 address"),
        ("93.184.216.34", None),
        ("8.8.8.8", None),
        ("::ffff:8.8.8.8", None),
        ("2606:4700::1111", None),
    ],
)
def test_addresses_are_public_or_named_for_what_they_are(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "[::1]", "0.0.0.0"])
def test_a_url_that_leads_to_this_machine_is_refused_before_any_request(intranet: LoopbackSite, host: str) -> None:
    url = f"http://{host}:{intranet.port}/secret"
    error = refusal(load(url))
    assert error.source == url
    assert "refused:" in error.reason and "NEWSBOT_ALLOW_PRIVATE_HOSTS=true" in error.reason
    assert intranet.requests == []


def test_allow_private_hosts_lets_loopback_through(intranet: LoopbackSite) -> None:
    [article] = load(f"http://localhost:{intranet.port}/secret", options=ALLOW_PRIVATE)
    assert isinstance(article, Article) and "hunter2" in article.text


def test_a_public_page_loads_through_the_guarded_connection(news: LoopbackSite, internet: FakeInternet) -> None:
    [article] = load("http://news.example/story", network=internet)
    assert isinstance(article, Article) and article.meta.url == "http://news.example/story"
    assert internet.connections == [(PUBLIC, 80)]
    assert news.requests[0].host == "news.example"  # the Host header names the site, not the address


@pytest.mark.parametrize(
    ("location", "named"),
    [
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:169.254.169.254]/latest/meta-data", "a link-local address inside an IPv6 address"),
        ("http://localhost:{port}/secret", "localhost (127.0.0.1) is a loopback address"),
        ("file:///etc/passwd", "is not an http(s) URL"),
    ],
)
def test_a_redirect_to_a_private_address_is_refused_at_that_hop(
    news: LoopbackSite, internet: FakeInternet, intranet: LoopbackSite, location: str, named: str
) -> None:
    news.routes["/moved"] = Route(status=302, headers={"Location": location.format(port=intranet.port)})
    error = refusal(load("http://news.example/moved", network=internet))
    assert error.source == "http://news.example/moved"
    assert "redirects to" in error.reason and named in error.reason
    assert intranet.requests == []
    assert internet.connections == [(PUBLIC, 80)]  # only the public hop was ever connected to


def test_a_feed_entry_linking_to_a_private_address_is_not_fetched(
    news: LoopbackSite, internet: FakeInternet, intranet: LoopbackSite
) -> None:
    news.routes["/feed"] = Route(
        feed([("Ferry back", "http://news.example/story"), ("Inside", f"http://127.0.0.1:{intranet.port}/secret")]),
        "application/rss+xml",
    )
    public, private = load("http://news.example/feed", network=internet)
    assert isinstance(public, Article) and "night ferry" in public.text  # the entry's page was read
    assert isinstance(private, Article) and private.text.startswith("The feed's own summary of Inside")
    assert "hunter2" not in private.text
    assert intranet.requests == []


def test_a_name_that_turns_private_after_the_check_is_refused_at_connect_time(
    internet: FakeInternet, intranet: LoopbackSite
) -> None:
    """DNS rebinding: public when the URL is checked, 127.0.0.1 when httpx connects."""
    internet.names["rebind.example"] = [[PUBLIC], ["127.0.0.1"]]
    error = refusal(load(f"http://rebind.example:{intranet.port}/secret", network=internet))
    assert "rebind.example (127.0.0.1) is a loopback address" in error.reason
    assert intranet.requests == [] and internet.connections == []


@pytest.mark.parametrize("headers_too", [False, True], ids=["slow body", "slow headers"])
def test_a_server_that_trickles_bytes_is_cut_off_at_the_deadline(intranet: LoopbackSite, headers_too: bool) -> None:
    """Each byte comes well within the read timeout, and the whole would take a minute: only the deadline for
    the whole download, kept on every read, stops it."""
    padding = {"X-Padding": "x" * 1000} if headers_too else {}
    intranet.routes["/drip"] = Route(ARTICLE, headers=padding, trickle_s=0.05, trickle_headers=headers_too)
    options = LoadOptions(allow_private_hosts=True, fetch_deadline=0.6)
    url = f"http://127.0.0.1:{intranet.port}/drip"
    results: list[Article | SourceError] = []
    worker = threading.Thread(target=lambda: results.extend(load(url, options=options, http_timeout=5)), daemon=True)
    worker.start()
    worker.join(timeout=15)
    assert not worker.is_alive(), "the download outlived its deadline"
    error = refusal(results)
    assert error.source == url
    assert "took longer than the 0.6 s download deadline (NEWSBOT_FETCH_DEADLINE)" in error.reason


def test_the_newsroom_refuses_private_urls_by_default_and_reports_them(tmp_path: Path, intranet: LoopbackSite) -> None:
    """The CLI's ingest and the bot's /add both go through Newsroom.ingest, with the settings' guard."""
    url = f"http://127.0.0.1:{intranet.port}/secret"
    newsroom = Newsroom(make_settings(tmp_path / "data"))
    report = newsroom.ingest([url])
    assert (report.added, [f.source for f in report.failed]) == (0, [url])
    assert "loopback" in report.failed[0].error and intranet.requests == []
