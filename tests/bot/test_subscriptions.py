"""The subscriptions file: topics per chat, digests queued and taken at most once per interval, /new times; kept
on disk, so another process (or a restart) sees the same."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.telegram.subscriptions import Subscriptions, render_digest
from index.models import ArticleMeta, StoredArticle


def test_digests_are_taken_at_most_once_per_interval(tmp_path: Path) -> None:
    subscriptions = Subscriptions(tmp_path)
    assert subscriptions.follow(7, "Harbours") and not subscriptions.follow(7, "harbours")
    subscriptions.queue({7: {"a1": "Harbours"}})

    assert subscriptions.take_due(1000.0, 3600.0) == {7: {"a1": "Harbours"}}
    subscriptions.queue({7: {"a2": "Harbours"}})
    assert subscriptions.take_due(1000.0 + 3599, 3600.0) == {}  # the chat had its digest less than an hour ago
    subscriptions.queue({7: {"a3": "Harbours"}})
    assert Subscriptions(tmp_path).take_due(1000.0 + 3600, 3600.0) == {7: {"a2": "Harbours", "a3": "Harbours"}}
    assert subscriptions.take_due(10_000.0, 3600.0) == {}  # nothing queued

    subscriptions.requeue(7, {"a4": "Harbours"})  # a digest that could not be sent
    assert subscriptions.take_due(20_000.0, 3600.0) == {7: {"a4": "Harbours"}}


def test_unfollowing_everything_drops_the_queue_and_new_remembers_each_user(tmp_path: Path) -> None:
    subscriptions = Subscriptions(tmp_path)
    subscriptions.follow(7, "Harbours")
    subscriptions.follow(8, "Bread")
    subscriptions.queue({7: {"a1": "Harbours"}})
    assert subscriptions.unfollow(7, None) == ["Harbours"]
    assert subscriptions.take_due(1e9, 60.0) == {}
    assert subscriptions.all_topics() == {8: ["Bread"]}

    assert subscriptions.last_new(42, 100.0) is None
    assert subscriptions.last_new(42, 200.0) == 100.0
    assert Subscriptions(tmp_path).last_new(43, 300.0) is None


def test_a_digest_groups_articles_by_topic_and_marks_fetch_time_dates() -> None:
    def stored(article_id: str, title: str, day: int, *, fetched: bool = False) -> StoredArticle:
        meta = ArticleMeta(title=title, outlet="Elda Courier", url=f"https://elda.example/{article_id}",
                           published_at=datetime(2026, 12, day, tzinfo=UTC), published_is_fetch_time=fetched)
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
