"""Followed feeds: the registry in the data dir, and polling real RSS/Atom feeds from a loopback HTTP server into a
real Newsroom (embedded Chroma, the USE embedder) with a fake clock: conditional GET, only new entries, teasers,
undated entries, back-off, the egress guard, a topic's matching articles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from index.embedders import Embedder, load_embedder
from index.errors import FeedError
from index.feeds import FeedPoller, FeedRegistry, topic_hits
from index.loaders.web import MAX_FEED_ENTRIES, WebLoader
from index.newsroom import Newsroom
from tests.conftest import SAMPLES_DIR, make_settings
from tests.fakes.news_site import LoopbackSite, Route, serving

INTERVAL = 600.0
START = 1_800_000_000.0  # 2027-01-15, the fake clock's first reading

HARBOUR_TEXT = (
    "The harbour of Port Elda reopened on Monday, a week after a storm tore two cranes from the quay. "
    "Harbour master Ilse Varga said the first ferry left at six in the morning with 140 passengers aboard. "
    "Repairs to the northern pier will take until the summer, the town council said. "
) * 3
HARBOUR_PAGE = f"""<!doctype html><html lang="en"><head><title>Harbour of Port Elda reopens</title>
<meta property="og:title" content="Harbour of Port Elda reopens after storm">
<meta property="article:published_time" content="2024-03-04T09:00:00+00:00"></head>
<body><nav>Home | World</nav><article><h1>Harbour of Port Elda reopens after storm</h1>
<p>{HARBOUR_TEXT}</p></article><footer>Elda Courier</footer></body></html>"""
BAKERY_TEXT = (
    "The bakery guild of Lindholm crowned its bread of the year on Saturday: a rye loaf with caraway from a family "
    "bakery in the old town. The jury tasted two hundred loaves over three days, the guild's chairwoman said, and "
    "praised the crust, the crumb and the scent. The winning bakers plan to sell the loaf across the region. "
) * 3


def rss(*items: str, title: str = "Elda Courier") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>https://elda.example/</link><language>en</language>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def rss_item(guid: str, title: str, *, link: str = "", summary: str = "", content: str = "", date: str = "") -> str:
    parts = [f"<guid>{guid}</guid>", f"<title>{title}</title>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if summary:
        parts.append(f"<description>{summary}</description>")
    if content:
        parts.append(f"<content:encoded><![CDATA[<p>{content}</p>]]></content:encoded>")
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    return "<item>" + "".join(parts) + "</item>"


ATOM = (
    b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Lindholm Post</title><id>urn:lindholm</id><updated>2024-05-01T10:00:00Z</updated>
<entry><id>urn:lindholm:bread</id><title>Rye loaf is bread of the year</title>
<content type="html">&lt;p&gt;"""
    + BAKERY_TEXT.encode()
    + b"""&lt;/p&gt;</content></entry></feed>"""
)


class FakeClock:
    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    model = load_embedder("use")
    model.warm_up()
    return model


@pytest.fixture
def newsroom(tmp_path: Path, embedder: Embedder) -> Newsroom:
    settings = make_settings(tmp_path / "data", allow_private_hosts=True, feeds_poll_interval=INTERVAL)
    return Newsroom(settings, embedder=embedder)


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with serving(LoopbackSite()) as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def poller(newsroom: Newsroom, clock: FakeClock) -> Iterator[FeedPoller]:
    poller = FeedPoller(newsroom, FeedRegistry(newsroom.settings.data_dir), clock=clock)
    yield poller
    poller.close()


def paths(site: LoopbackSite) -> list[str]:
    return [request.path for request in site.requests]


def test_a_feed_is_read_into_the_index_with_teasers_replaced_by_their_pages(
    site: LoopbackSite, poller: FeedPoller, newsroom: Newsroom
) -> None:
    site.routes["/harbour"] = Route(HARBOUR_PAGE.encode())
    site.routes["/feed.xml"] = Route(
        rss(
            rss_item(
                "h1",
                "Harbour reopens",
                link=f"{site.base}/harbour",
                summary="The harbour reopened.",
                date="Mon, 04 Mar 2024 10:00:00 GMT",
            ),
            rss_item(
                "b1",
                "Bread of the year",
                link=f"{site.base}/bread",
                content=BAKERY_TEXT,
                date="Sat, 04 May 2024 08:00:00 GMT",
            ),
        ),
        "application/rss+xml",
    )
    poller.registry.add(f"{site.base}/feed.xml")

    result = poller.poll_due().results[0]

    assert result.outcome == "stored" and result.report.added == 2 and not result.report.failed
    assert paths(site) == ["/feed.xml", "/harbour"]  # the full entry's page (/bread) is never asked for
    by_title = {a.meta.title: a for a in newsroom.latest(10)}
    assert set(by_title) == {"Harbour reopens", "Bread of the year"}
    assert by_title["Harbour reopens"].meta.url == f"{site.base}/harbour"
    assert by_title["Bread of the year"].meta.published_at == datetime(2024, 5, 4, 8, tzinfo=UTC)
    hit = newsroom.search("Who is the harbour master of Port Elda?", 1)[0]
    assert "Ilse Varga" in hit.text  # the page's text, not the feed's one-line teaser
    feed = poller.registry.feeds()[0]
    assert feed.articles == 2 and feed.failures == 0 and feed.next_at == START + INTERVAL


def test_entries_already_read_are_not_read_again(site: LoopbackSite, poller: FeedPoller, clock: FakeClock) -> None:
    item = rss_item("h1", "Harbour reopens", link=f"{site.base}/harbour", summary="Teaser.")
    site.routes["/harbour"] = Route(HARBOUR_PAGE.encode())
    site.routes["/feed.xml"] = Route(rss(item), "application/rss+xml")  # no ETag: the server always sends it
    poller.registry.add(f"{site.base}/feed.xml")
    assert poller.poll_due().results[0].report.added == 1

    assert poller.poll_due().results == []  # not due yet
    clock.now += INTERVAL
    site.routes["/feed.xml"] = Route(
        rss(item, rss_item("b1", "Bread of the year", content=BAKERY_TEXT)), "application/rss+xml"
    )
    again = poller.poll_due().results[0]

    assert again.outcome == "stored" and again.report.added == 1 and again.report.unchanged == 0
    assert paths(site) == ["/feed.xml", "/harbour", "/feed.xml"]


@pytest.mark.parametrize(
    ("validator", "request_header"),
    [("ETag", "If-None-Match"), ("Last-Modified", "If-Modified-Since")],
)
def test_an_unchanged_feed_answers_304_and_nothing_is_done(
    site: LoopbackSite, poller: FeedPoller, clock: FakeClock, validator: str, request_header: str
) -> None:
    value = '"v1"' if validator == "ETag" else "Wed, 01 May 2024 10:00:00 GMT"
    site.routes["/feed.xml"] = Route(
        rss(rss_item("b1", "Bread of the year", content=BAKERY_TEXT)), "application/rss+xml", headers={validator: value}
    )
    poller.registry.add(f"{site.base}/feed.xml")
    assert poller.poll_due().results[0].outcome == "stored"
    assert request_header not in site.requests[0].headers

    clock.now += INTERVAL
    result = poller.poll_due().results[0]

    assert result.outcome == "not modified"
    assert site.requests[1].headers[request_header] == value
    feed = poller.registry.feeds()[0]
    assert feed.ok_at == clock.now and feed.next_at == clock.now + INTERVAL


def test_an_atom_entry_without_a_date_gets_the_fetch_time_marked_as_such(
    site: LoopbackSite, poller: FeedPoller, newsroom: Newsroom
) -> None:
    site.routes["/atom"] = Route(ATOM, "application/atom+xml")
    poller.registry.add(f"{site.base}/atom")

    assert poller.poll_due().results[0].report.added == 1

    [article] = newsroom.latest(5)
    assert article.meta.title == "Rye loaf is bread of the year" and article.meta.outlet == "Lindholm Post"
    assert article.meta.published_at == datetime.fromtimestamp(START, UTC)
    assert article.meta.published_is_fetch_time


def test_a_failing_feed_backs_off_and_never_stops_the_others(
    site: LoopbackSite, poller: FeedPoller, clock: FakeClock
) -> None:
    site.routes["/good.xml"] = Route(rss(rss_item("b1", "Bread", content=BAKERY_TEXT)), "application/rss+xml")
    site.routes["/broken.xml"] = Route(b"<rss><channel><title>Cut off && <<", "application/rss+xml")
    site.routes["/down.xml"] = Route(b"oops", "text/plain", status=503)
    for name in ("broken", "down", "good"):
        poller.registry.add(f"{site.base}/{name}.xml")

    outcomes = {r.url.rsplit("/", 1)[1]: r for r in poller.poll_due().results}

    assert {k: r.outcome for k, r in outcomes.items()} == {
        "broken.xml": "failed",
        "down.xml": "failed",
        "good.xml": "stored",
    }
    assert "not a readable RSS/Atom feed" in outcomes["broken.xml"].error
    assert "HTTP 503" in outcomes["down.xml"].error
    down = poller.registry.get(f"{site.base}/down.xml")
    assert down is not None and down.failures == 1 and down.next_at == START + 2 * INTERVAL
    assert "failing (1 time in a row, next try in 20 min): the server answered HTTP 503" in down.status(START)

    clock.now = START + INTERVAL  # the good feed is due, the failing ones wait
    assert [r.url for r in poller.poll_due().results] == [f"{site.base}/good.xml"]
    clock.now = START + 2 * INTERVAL
    assert poller.poll_due().results[1].outcome == "failed"
    down = poller.registry.get(f"{site.base}/down.xml")
    assert down is not None and down.failures == 2 and down.next_at == clock.now + 4 * INTERVAL

    site.routes["/down.xml"] = Route(rss(rss_item("h1", "Harbour", content=HARBOUR_TEXT)), "application/rss+xml")
    clock.now += 4 * INTERVAL
    recovered = {r.url: r for r in poller.poll_due().results}[f"{site.base}/down.xml"]
    assert recovered.outcome == "stored"
    down = poller.registry.get(f"{site.base}/down.xml")
    assert down is not None and down.failures == 0 and down.error == ""


def test_back_off_doubles_up_to_the_cap(newsroom: Newsroom) -> None:
    poller = FeedPoller(newsroom, FeedRegistry(newsroom.settings.data_dir), interval_s=60, max_backoff_s=1000)
    assert [poller.backoff(n) for n in (1, 2, 3, 4, 50)] == [120, 240, 480, 960, 1000]


def test_a_feed_slower_than_the_deadline_fails_alone(
    site: LoopbackSite, embedder: Embedder, tmp_path: Path, clock: FakeClock
) -> None:
    settings = make_settings(tmp_path / "slow", allow_private_hosts=True, fetch_deadline=0.5)
    room = Newsroom(settings, embedder=embedder)
    site.routes["/slow.xml"] = Route(
        rss(rss_item("b1", "Bread", content=BAKERY_TEXT)), "application/rss+xml", trickle_s=0.05
    )
    site.routes["/good.xml"] = Route(rss(rss_item("h1", "Harbour", content=HARBOUR_TEXT)), "application/rss+xml")
    poller = FeedPoller(room, FeedRegistry(settings.data_dir), clock=clock)
    poller.registry.add(f"{site.base}/slow.xml")
    poller.registry.add(f"{site.base}/good.xml")

    slow, good = poller.poll_due().results
    poller.close()

    assert slow.outcome == "failed" and "download deadline" in slow.error
    assert good.outcome == "stored"


def test_the_egress_guard_applies_to_followed_feeds(site: LoopbackSite, embedder: Embedder, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "guarded")  # private hosts not allowed: loopback is refused
    site.routes["/feed.xml"] = Route(rss(rss_item("b1", "Bread", content=BAKERY_TEXT)), "application/rss+xml")
    registry = FeedRegistry(settings.data_dir)
    registry.add(f"{site.base}/feed.xml")
    poller = FeedPoller(Newsroom(settings, embedder=embedder), registry)

    [result] = poller.poll_due().results
    poller.close()

    assert result.outcome == "failed" and "127.0.0.1" in result.error
    assert site.requests == []


def test_a_page_that_is_not_a_feed_is_a_failure_that_says_so(site: LoopbackSite, poller: FeedPoller) -> None:
    site.routes["/harbour"] = Route(HARBOUR_PAGE.encode())
    poller.registry.add(f"{site.base}/harbour")
    [result] = poller.poll_due().results
    assert result.outcome == "failed" and "not an RSS/Atom feed" in result.error


def test_the_registry_keeps_feeds_in_the_data_dir(tmp_path: Path) -> None:
    registry = FeedRegistry(tmp_path / "data")
    registry.add(" https://elda.example/feed.xml ", now=5.0)
    with pytest.raises(FeedError, match="already followed"):
        registry.add("https://elda.example/feed.xml")
    with pytest.raises(FeedError, match="not an http"):
        registry.add("ftp://elda.example/feed.xml")

    again = FeedRegistry(tmp_path / "data")  # another process, the same file
    assert [(f.url, f.added_at) for f in again.feeds()] == [("https://elda.example/feed.xml", 5.0)]
    assert [f.url for f in again.claim_due(10.0, 60.0)] == ["https://elda.example/feed.xml"]
    assert registry.claim_due(10.0, 60.0) == []  # claimed: a second poller leaves it alone
    assert registry.remove("https://elda.example/feed.xml") and not registry.remove("https://elda.example/feed.xml")
    assert again.feeds() == []


def test_a_corrupt_feeds_file_is_named_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "feeds.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception, match=r"feeds.json is not valid JSON .*move it away"):
        FeedRegistry(tmp_path).feeds()


def test_topic_hits_are_the_new_articles_as_relevant_as_answers_must_be(
    site: LoopbackSite, poller: FeedPoller, newsroom: Newsroom
) -> None:
    site.routes["/feed.xml"] = Route(
        rss(rss_item("h1", "Harbour reopens", content=HARBOUR_TEXT), rss_item("b1", "Bread", content=BAKERY_TEXT)),
        "application/rss+xml",
    )
    poller.registry.add(f"{site.base}/feed.xml")
    stored = poller.poll_due().stored_ids
    assert len(stored) == 2

    harbour = topic_hits(newsroom, "ferries and ports", stored)
    bread = topic_hits(newsroom, "Brot und Bäckereien", stored)

    assert [h.meta.title for h in harbour] == ["Harbour reopens"]
    assert [h.meta.title for h in bread] == ["Bread"]
    assert topic_hits(newsroom, "ferries and ports", []) == []


def test_a_followed_topic_matches_only_the_new_articles_that_name_it(newsroom: Newsroom) -> None:
    # the seven sample articles; before, "Trump", "Iran" and "China" matched the seed article on North Korea by
    # similarity alone, and a follower's digest listed it
    newsroom.ingest([str(SAMPLES_DIR)])
    stored = [article.article_id for article in newsroom.store.current_articles()]
    seed = (SAMPLES_DIR / "000_69f38e4b299e07f8.txt").read_text(encoding="utf-8").splitlines()[0]
    for topic in ("Trump", "Iran", "China", "Elon Musk"):
        assert topic_hits(newsroom, topic, stored) == [], topic
    for topic in ("Nordkorea", "North Korea", "Putin"):  # as written, in English, a name the article gives
        assert seed in [hit.meta.title for hit in topic_hits(newsroom, topic, stored)], topic


def test_a_poll_told_to_stop_hands_the_unread_feeds_back(site: LoopbackSite, poller: FeedPoller) -> None:
    site.routes["/a.xml"] = Route(rss(rss_item("b1", "Bread", content=BAKERY_TEXT)), "application/rss+xml")
    site.routes["/b.xml"] = Route(rss(rss_item("h1", "Harbour", content=HARBOUR_TEXT)), "application/rss+xml")
    poller.registry.add(f"{site.base}/a.xml")
    poller.registry.add(f"{site.base}/b.xml")
    polled: list[str] = []

    def stop() -> bool:  # the bot begins to stop while the first feed is read
        polled.append("asked")
        return len(polled) > 1

    report = poller.poll_due(stop)

    assert [r.url for r in report.results] == [f"{site.base}/a.xml"]
    assert paths(site) == ["/a.xml"]
    unread = poller.registry.get(f"{site.base}/b.xml")
    assert unread is not None and unread.next_at == 0.0 and unread.checked_at == 0.0  # due at the next start


def test_an_entry_that_fails_to_be_stored_is_tried_once_more(
    site: LoopbackSite, embedder: Embedder, tmp_path: Path, clock: FakeClock
) -> None:
    settings = make_settings(
        tmp_path / "tight",
        allow_private_hosts=True,
        max_chunks_per_article=1,
        chunk_tokens=32,
        feeds_poll_interval=INTERVAL,
    )
    room = Newsroom(settings, embedder=embedder)
    site.routes["/feed.xml"] = Route(
        rss(rss_item("h1", "Harbour", content=HARBOUR_TEXT), rss_item("s1", "Short", content="A" * 20 + " short.")),
        "application/rss+xml",
        headers={"ETag": '"v1"'},
    )
    poller = FeedPoller(room, FeedRegistry(settings.data_dir), clock=clock)
    poller.registry.add(f"{site.base}/feed.xml")

    first = poller.poll_due().results[0]
    assert first.report.added == 1 and len(first.report.failed) == 1  # the long one needs more than one chunk
    clock.now += INTERVAL
    second = poller.poll_due().results[0]
    clock.now += INTERVAL
    third = poller.poll_due().results[0]
    poller.close()

    assert "If-None-Match" not in site.requests[1].headers  # the retry is not hidden by a 304
    assert second.outcome == "nothing new" and len(second.report.failed) == 1
    assert third.outcome == "not modified"  # given up after the second try


def test_a_feed_with_more_entries_than_the_limit_is_read_for_its_newest(site: LoopbackSite) -> None:
    count = MAX_FEED_ENTRIES + 25
    # listed oldest first, so the cut cannot simply keep the feed's first entries
    items = [
        rss_item(
            f"urn:item:{i}",
            f"Item {i}",
            summary=f"Short notice number {i} about the harbour.",
            date=format_datetime(datetime.fromtimestamp(START + i * 60, tz=UTC)),
        )
        for i in range(count)
    ]
    site.routes["/many.xml"] = Route(rss(*items), "application/rss+xml")
    loader = WebLoader(allow_private_hosts=True)
    try:
        download = loader.fetch(f"{site.base}/many.xml")
        feed = loader.parse_feed(download, "many")
    finally:
        loader.close()
    assert len(feed.entries) == MAX_FEED_ENTRIES
    assert [e["title"] for e in feed.entries[:2]] == ["Item 25", "Item 26"]  # the 25 oldest are left out
    assert feed.entries[-1]["title"] == f"Item {count - 1}"
