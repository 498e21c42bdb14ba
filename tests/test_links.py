"""A message that is only a web address: the lead of the article read from it, cited, or that the page is unread."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.answerers.gate import linked_page
from index.answerers.replies import REPLIES
from index.chain import lead_of
from index.models import Article, ArticleMeta
from index.newsroom import Newsroom
from index.text import same_page
from tests.conftest import make_settings

STORM_URL = "https://news.example/2026/storm-closes-the-port"
STORM = Article(
    text="A winter storm with gusts of 120 kilometres per hour closed the port of Hamburg on Wednesday morning. "
    "Ferries stopped and two container ships waited off the coast. The port reopened on Thursday. "
    "Dock workers cleared debris for hours.",
    meta=ArticleMeta(title="Storm closes the port of Hamburg", outlet="Wire", url=STORM_URL, language="en"),
)
BUDGET = Article(
    text="Parliament passed the budget for 2027 on Tuesday with 380 votes to 250.",
    meta=ArticleMeta(title="Parliament passes the budget", outlet="Wire", url="https://news.example/budget"),
)


@pytest.mark.parametrize(
    ("message", "url"),
    [
        (STORM_URL, STORM_URL),
        (f"<{STORM_URL}>?", STORM_URL),
        (f"  {STORM_URL}/  ", f"{STORM_URL}/"),
        (f"{STORM_URL} what happened?", ""),
        ("What did https://news.example say?", ""),
        ("news.example/2026/storm", ""),
    ],
)
def test_a_message_is_a_link_only_when_it_is_one_address(message: str, url: str) -> None:
    assert linked_page(message) == url


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ("http://www.news.example/2026/storm-closes-the-port/", True),
        (f"{STORM_URL}?utm_source=telegram&utm_medium=share#comments", True),
        (f"{STORM_URL}?page=2", False),
        ("https://news.example/2026/storm-closes-the-port-again", False),
        ("https://other.example/2026/storm-closes-the-port", False),
        ("", False),
    ],
)
def test_same_page_ignores_scheme_www_slash_fragment_and_tracking(other: str, same: bool) -> None:
    assert same_page(STORM_URL, other) is same


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    newsroom = Newsroom(make_settings(tmp_path_factory.mktemp("links") / "data"))
    assert newsroom.ingest_articles([STORM, BUDGET]).added == 2
    return newsroom


def test_a_read_pages_link_gets_its_lead_cited(newsroom: Newsroom) -> None:
    for message in [STORM_URL, "http://www.news.example/2026/storm-closes-the-port/?utm_source=x"]:
        answer = newsroom.ask(message)
        assert not answer.abstained
        assert answer.text == (
            "A winter storm with gusts of 120 kilometres per hour closed the port of Hamburg on Wednesday morning. "
            "Ferries stopped and two container ships waited off the coast. The port reopened on Thursday. [1]"
        )
        assert [source.meta.url for source in answer.sources] == [STORM_URL]


def test_an_unread_pages_link_says_how_to_add_it(newsroom: Newsroom) -> None:
    answer = newsroom.ask("https://news.example/2026/unknown-page")
    assert answer.abstained and not answer.sources
    assert answer.text == REPLIES["unread_link"]["en"]


def test_a_link_to_an_empty_store_says_how_to_ingest(tmp_path: Path) -> None:
    answer = Newsroom(make_settings(tmp_path / "data")).ask(STORM_URL)
    assert answer.abstained and answer.text == REPLIES["empty_store"]["en"]


def test_a_lead_skips_sentences_that_only_repeat_the_title() -> None:
    text = "Talks on a third bailout began after a plan to leave the euro. Athens – Talks began on Monday. They go on."
    assert lead_of(text, "en", title="Talks on a third bailout began after a plan to…") == (
        "Athens – Talks began on Monday. They go on."
    )
    # a text that is only its title keeps it
    assert lead_of("Storm closes the port.", "en", title="Storm closes the port.") == "Storm closes the port."


def test_a_lead_skips_headings() -> None:
    # the seed article's "Das Wichtigste in Kürze" ran into the sentence after it
    text = "Das Wichtigste in Kürze\nNordkorea dementiert, Waffen geliefert zu haben. Es gebe keinen Handel.\nMehr."
    assert (
        lead_of(text, "de", min_chars=60) == "Nordkorea dementiert, Waffen geliefert zu haben. Es gebe keinen Handel."
    )
    # a text of headings only keeps them
    assert lead_of("Breaking\nStorm closes the port", "en") == "Breaking Storm closes the port"
