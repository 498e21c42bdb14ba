"""Subscriptions in the bot's state (a SQLite file, then PostgreSQL): topics per chat, digests queued and taken at
most once per interval, /new times; another process (or a restart) sees the same. An older subscriptions.json is
imported once."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.telegram.state import BotState
from bot.telegram.subscriptions import (
    IMPORTED_SUFFIX,
    SUBSCRIPTIONS_FILE,
    import_json,
    match_new_articles,
    render_digest,
)
from index.models import ArticleMeta, StoredArticle
from index.newsroom import Newsroom
from tests.bot.test_state import connect
from tests.conftest import SEED_ARTICLE, news_article


def test_digests_are_taken_at_most_once_per_interval(state_url: str) -> None:
    subscriptions = connect(state_url)
    assert subscriptions.follow(7, "Harbours") and not subscriptions.follow(7, "harbours")
    subscriptions.queue({7: {"a1": "Harbours"}})

    assert subscriptions.take_due(1000.0, 3600.0) == {7: {"a1": "Harbours"}}
    subscriptions.queue({7: {"a2": "Harbours"}})
    assert subscriptions.take_due(1000.0 + 3599, 3600.0) == {}  # the chat had its digest less than an hour ago
    subscriptions.queue({7: {"a3": "Harbours"}})
    assert connect(state_url).take_due(1000.0 + 3600, 3600.0) == {7: {"a2": "Harbours", "a3": "Harbours"}}
    assert subscriptions.take_due(10_000.0, 3600.0) == {}  # nothing queued

    subscriptions.requeue(7, {"a4": "Harbours"})  # a digest that could not be sent
    assert subscriptions.take_due(20_000.0, 3600.0) == {7: {"a4": "Harbours"}}


def test_a_chats_digests_are_in_its_last_followers_language(state_url: str) -> None:
    state = connect(state_url)
    assert state.digest_language(7) == "en"  # nobody followed anything yet
    state.follow(7, "Häfen", "de")
    assert connect(state_url).digest_language(7) == "de"
    assert not state.follow(7, "häfen", "en")  # followed already, but the language is the latest follower's
    assert state.digest_language(7) == "en" and state.digest_language(8) == "en"


def test_unfollowing_everything_drops_the_queue_and_new_remembers_each_user(state_url: str) -> None:
    subscriptions = connect(state_url)
    subscriptions.follow(7, "Harbours")
    subscriptions.follow(8, "Bread")
    subscriptions.queue({7: {"a1": "Harbours"}})
    assert subscriptions.unfollow(7, None) == ["Harbours"]
    assert subscriptions.take_due(1e9, 60.0) == {}
    assert subscriptions.all_topics() == {8: ["Bread"]}

    assert subscriptions.last_new(42, 100.0) is None
    assert subscriptions.last_new(42, 200.0) == 100.0
    assert connect(state_url).last_new(43, 300.0) is None


def test_topics_keep_their_order_and_unfollow_ignores_case(state_url: str) -> None:
    state = connect(state_url)
    for topic in ("Harbours", "Bread", "Elections in Germany"):
        assert state.follow(7, topic)
    assert state.topics(7) == ["Harbours", "Bread", "Elections in Germany"]
    assert state.unfollow(7, "bread") == ["Bread"] and state.unfollow(7, "bread") == []
    assert state.topics(7) == ["Harbours", "Elections in Germany"] and state.topics(8) == []
    assert state.matched_until(500.0) == 500.0 and state.matched_until(900.0) == 500.0
    state.set_matched_until(700.0)
    state.set_matched_until(600.0)  # never back
    assert connect(state_url).matched_until(0.0) == 700.0


def test_two_replicas_taking_digests_at_once_send_each_once(state_url: str) -> None:
    replicas = [connect(state_url), connect(state_url)]
    replicas[0].follow(7, "Harbours")
    replicas[0].queue({7: {f"a{n}": "Harbours" for n in range(20)}, 8: {"b1": "Bread"}})
    taken: list[dict[int, dict[str, str]]] = []
    start = threading.Barrier(4)

    def take(state: BotState) -> None:
        start.wait()
        taken.append(state.take_due(1000.0, 3600.0))

    threads = [threading.Thread(target=take, args=(replicas[n % 2],)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    chats = [chat for result in taken for chat in result]
    assert sorted(chats) == [7, 8]
    assert {article for result in taken for articles in result.values() for article in articles} == {
        *(f"a{n}" for n in range(20)),
        "b1",
    }


def test_an_older_subscriptions_file_is_imported_once(tmp_path: Path, state_url: str) -> None:
    legacy = {
        "chats": {
            "7": {"topics": ["Harbours", "Bread"], "pending": {"a1": "Harbours"}, "digest_at": 1000.0},
            "8": {"topics": [], "pending": {}},
        },
        "matched_until": 1234.5,
        "users": {"42": 99.0},
    }
    (tmp_path / SUBSCRIPTIONS_FILE).write_text(json.dumps(legacy), encoding="utf-8")
    state = connect(state_url)
    assert import_json(tmp_path, state)
    assert not (tmp_path / SUBSCRIPTIONS_FILE).exists()
    assert (tmp_path / (SUBSCRIPTIONS_FILE + IMPORTED_SUFFIX)).exists()
    assert not import_json(tmp_path, state)  # once
    assert state.all_topics() == {7: ["Harbours", "Bread"]}
    assert state.take_due(1000.0 + 10, 3600.0) == {}  # the last digest's time came along
    assert state.take_due(1000.0 + 3600, 3600.0) == {7: {"a1": "Harbours"}}
    assert state.matched_until(0.0) == 1234.5
    assert state.last_new(42, 200.0) == 99.0


def test_a_digest_groups_articles_by_topic_and_marks_fetch_time_dates() -> None:
    def stored(article_id: str, title: str, day: int, *, fetched: bool = False) -> StoredArticle:
        meta = ArticleMeta(
            title=title,
            outlet="Elda Courier",
            url=f"https://elda.example/{article_id}",
            published_at=datetime(2026, 12, day, tzinfo=UTC),
            published_is_fetch_time=fetched,
        )
        return StoredArticle(article_id, meta, "hash", 1)

    text = render_digest(
        [stored("a", "Ferry <returns>", 2), stored("b", "Rye loaf wins", 3, fetched=True)],
        {"a": "harbours", "b": "bread"},
    )

    assert text == (
        "📰 <b>New on the topics you follow</b>\n"
        "\n<b>bread</b>\n"
        '• <a href="https://elda.example/b">Rye loaf wins</a> · Elda Courier, fetched 3 Dec 2026\n'
        "\n<b>harbours</b>\n"
        '• <a href="https://elda.example/a">Ferry &lt;returns&gt;</a> · Elda Courier, 2 Dec 2026'
    )


@pytest.mark.parametrize(
    ("language", "title", "outlet", "topic", "expected"),
    [
        (
            "de",
            "Fähre kehrt zurück",
            "Elda-Kurier",
            "harbours",
            "📰 <b>Neues zu Ihren Themen</b>\n"
            "\n<b>harbours</b>\n"
            '• <a href="https://elda.example/a">Fähre kehrt zurück</a> · Elda-Kurier, abgerufen 2. März 2026',
        ),
        # before, a digest for a chat whose last follower spoke Ukrainian was in English
        (
            "uk",
            "Пором повертається",
            "Elda Courier",
            "порти",
            "📰 <b>Нове за темами, за якими ви стежите</b>\n"
            "\n<b>порти</b>\n"
            '• <a href="https://elda.example/a">Пором повертається</a> · Elda Courier, отримано 2 березня 2026',
        ),
    ],
)
def test_a_digest_in_the_followers_language(language: str, title: str, outlet: str, topic: str, expected: str) -> None:
    meta = ArticleMeta(
        title=title,
        outlet=outlet,
        url="https://elda.example/a",
        published_at=datetime(2026, 3, 2, tzinfo=UTC),
        published_is_fetch_time=True,
    )
    assert render_digest([StoredArticle("a", meta, "hash", 1)], {"a": topic}, language) == expected


def test_two_replicas_finding_the_same_new_articles_queue_them_once(newsroom: Newsroom, state_url: str) -> None:
    """The real Newsroom with the sample article (about North Korea denying arms deliveries to Russia)."""
    one, two = connect(state_url), connect(state_url)
    one.follow(7, "Nordkorea Waffen Russland")
    seed = next(a for a in newsroom.store.articles(ingested_after=0.0) if a.meta.source.endswith(SEED_ARTICLE.name))
    since = one.matched_until(0.0)  # both replicas read the clock before either matched
    assert match_new_articles(newsroom, one, since) >= 1
    assert match_new_articles(newsroom, two, since) == 0  # replica one moved the clock first
    assert two.take_due(1e12, 60.0)[7][seed.article_id] == "Nordkorea Waffen Russland"
    assert match_new_articles(newsroom, two, two.matched_until(0.0)) == 0  # nothing newer


def test_following_an_outlet_queues_its_new_articles_whatever_they_are_about(
    empty_newsroom: Newsroom, state_url: str
) -> None:
    state = connect(state_url)
    state.follow(7, "derStandard")
    state.follow(8, "harbour storm")
    day = datetime(2026, 12, 2, tzinfo=UTC)
    ingested = empty_newsroom.ingest_articles(
        [
            news_article(
                "Vienna passes its budget", "The city council passed its budget for 2027.", day, "derStandard.at"
            ),
            news_article(
                "Railway workers walk out", "Railway workers walked out over pay on Monday.", day, "derStandard.at"
            ),
            news_article("Storm closes the harbour", "A winter storm closed the harbour of Hamburg on Monday.", day),
        ]
    )
    assert ingested.added == 3
    by_title = {a.meta.title: a.article_id for a in empty_newsroom.store.articles(ingested_after=0.0)}
    assert match_new_articles(empty_newsroom, state, state.matched_until(0.0)) == 3
    assert state.take_due(1e12, 60.0) == {
        7: {by_title["Vienna passes its budget"]: "derStandard", by_title["Railway workers walk out"]: "derStandard"},
        8: {by_title["Storm closes the harbour"]: "harbour storm"},
    }


def test_the_clock_moves_only_from_where_it_stands(state_url: str) -> None:
    state = connect(state_url)
    assert not state.move_matched_until(0.0, 5.0)  # not started yet
    state.matched_until(100.0)
    assert state.move_matched_until(100.0, 200.0) and not state.move_matched_until(100.0, 300.0)
    assert state.matched_until(0.0) == 200.0
