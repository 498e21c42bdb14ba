"""Housekeeping of the store: one copy per text, a title for every article, deleting a file's rows, retention.

The articles are made up for these tests (tests/data/README.md: no licence needed).
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.telegram.admin import render_report
from bot.telegram.formatting import render_latest
from index.embedders import Embedder
from index.ingestion import DAY_S, IngestReport
from index.models import Article, ArticleMeta, Chunk
from index.newsroom import Newsroom
from index.store import ChunkStore
from index.text import title_from_text
from tests.conftest import make_settings

BRIDGE = (
    "The new bridge over the Vessa river in Port Elda will open to traffic on 14 May, the town council said on "
    "Tuesday. Work on the crossing began two years ago and cost 40 million euros."
)
APPLES = (
    "Farmers near Lake Orrin brought in a record apple harvest this autumn. The cooperative said its members "
    "picked 4,000 tonnes, a third more than last year."
)
PRINT = (
    "The Elda Courier will stop printing its paper edition at the end of the year. Its editor said that nine in "
    "ten readers now read the news on their phones."
)
TWO_ROWS = [{"text": BRIDGE, "published_at": ""}, {"text": APPLES, "published_at": ""}]
NOW = datetime(2024, 6, 1, tzinfo=UTC).timestamp()


class Clock:
    """A clock the test sets: seconds since 1970."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    """The fast multilingual model, loaded once for the module."""
    room = Newsroom(make_settings(tmp_path_factory.mktemp("embedder") / "data"))
    room.embedder.warm_up()
    return room.embedder


def newsroom(data_dir: Path, embedder: Embedder, clock: Clock | None = None, **settings: object) -> Newsroom:
    return Newsroom(make_settings(data_dir, **settings), embedder=embedder, clock=clock or Clock(NOW))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["text", "published_at"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_an_article_without_a_title_is_named_by_its_first_sentence(tmp_path: Path, embedder: Embedder) -> None:
    room = newsroom(tmp_path / "data", embedder)
    news = write_csv(tmp_path / "news.csv", TWO_ROWS)
    assert room.ingest([str(news)]).added == 2
    titles = {a.meta.source: a.meta.title for a in room.latest(10)}
    assert titles == {
        f"{news}:row 2": "The new bridge over the Vessa river in Port Elda will open to traffic on 14 May, the…",
        f"{news}:row 3": "Farmers near Lake Orrin brought in a record apple harvest this autumn.",
    }
    # the title is for people: ids (derived from source and title) stay as before, so re-ingests find the rows
    assert {a.article_id for a in room.latest(10)} == {
        Article("", ArticleMeta(source=f"{news}:row {n}")).id for n in (2, 3)
    }
    assert room.ingest([str(news)]).unchanged == 2
    answer = room.ask("When will the bridge over the Vessa open?")
    assert answer.sources and answer.sources[0].meta.title.startswith("The new bridge over the Vessa river")


def test_a_title_is_cut_at_a_sentence_not_at_an_abbreviation() -> None:
    assert title_from_text("Dr. Smith said the U.S. will send aid. The aid arrives soon.") == (
        "Dr. Smith said the U.S. will send aid."
    )
    assert title_from_text("\n\nShort. Then a second sentence.") == "Short. Then a second sentence."
    assert title_from_text("word " * 40).endswith("…") and len(title_from_text("word " * 40)) <= 90


def test_a_german_title_is_not_cut_at_an_ordinal() -> None:
    # 10kGNAD's untitled articles were listed as "Der Außenseiter aus Denver gewinnt die 50." and "Die Slowakei
    # übernimmt am 1."
    assert title_from_text("Der Außenseiter aus Denver gewinnt die 50. Super Bowl. Die Broncos jubeln.", "de") == (
        "Der Außenseiter aus Denver gewinnt die 50. Super Bowl."
    )
    assert title_from_text("Die Slowakei übernimmt am 1. Juli die EU-Präsidentschaft. Fico ist skeptisch.", "de") == (
        "Die Slowakei übernimmt am 1. Juli die EU-Präsidentschaft."
    )
    assert title_from_text("Juppé ist bereits 70. Also ein dritter Mann? Vielleicht.", "de") == "Juppé ist bereits 70."


def test_latest_shows_when_an_undated_article_was_added(tmp_path: Path, embedder: Embedder) -> None:
    room = newsroom(tmp_path / "data", embedder)
    room.ingest([str(write_csv(tmp_path / "news.csv", [{"text": PRINT, "published_at": ""}]))])
    html = render_latest(room.latest(5))
    assert html == (
        "<b>Latest articles</b>\n1. The Elda Courier will stop printing its paper edition at the end of the year."
        " · added 1 Jun 2024"
    )


def test_the_same_text_from_two_paths_is_stored_once(tmp_path: Path, embedder: Embedder) -> None:
    room = newsroom(tmp_path / "data", embedder)
    first = write_csv(tmp_path / "a" / "news.csv", [{"text": BRIDGE, "published_at": ""}])
    assert room.ingest([str(first)]).added == 1
    # the same story elsewhere, with other line breaks, spacing and case, and in a batch with a copy of itself
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "bridge.txt").write_text("The new bridge\n" + "  ".join(BRIDGE.upper().split()), "utf-8")
    copy = write_csv(tmp_path / "c" / "copy.csv", TWO_ROWS)
    report = room.ingest([str(copy), str(tmp_path / "c" / "copy.csv")])
    assert (report.added, report.duplicates, report.unchanged) == (1, 1, 2)
    assert report.to_dict()["duplicates"] == 1
    assert len(room.latest(10)) == 2


def test_a_text_that_differs_in_words_is_not_a_duplicate(tmp_path: Path, embedder: Embedder) -> None:
    room = newsroom(tmp_path / "data", embedder)
    write_csv(tmp_path / "news.csv", [{"text": BRIDGE, "published_at": ""}])
    write_csv(tmp_path / "other.csv", [{"text": BRIDGE.replace("14 May", "15 May"), "published_at": ""}])
    report = room.ingest([str(tmp_path / "news.csv"), str(tmp_path / "other.csv")])
    assert (report.added, report.duplicates) == (2, 0)


def test_delete_a_file_deletes_all_its_rows_and_nothing_else(tmp_path: Path, embedder: Embedder) -> None:
    room = newsroom(tmp_path / "data", embedder)
    news = write_csv(tmp_path / "news.csv", TWO_ROWS)
    other = write_csv(tmp_path / "more" / "other.csv", [{"text": PRINT, "published_at": ""}])
    room.ingest([str(news), str(other)])
    assert room.delete([str(news)]) == 2
    assert [a.meta.source for a in room.latest(10)] == [f"{other}:row 2"]
    assert room.store.count() == room.latest(10)[0].chunks
    assert room.delete(["more"]) == 1  # a folder, as given relative to the working directory
    assert room.latest(10) == [] and room.store.count() == 0


def test_delete_by_a_web_address_finds_the_page_written_otherwise(tmp_path: Path, embedder: Embedder) -> None:
    room = newsroom(tmp_path / "data", embedder)
    page = "https://www.example.org/news/bridge?utm_source=rss&id=7"
    rows = [
        {"text": BRIDGE, "published_at": "", "url": page},
        {"text": APPLES, "published_at": "", "url": "https://www.example.org/news/bridge-2?id=7"},
    ]
    room.ingest([str(write_csv(tmp_path / "news.csv", rows))])
    assert room.delete(["https://example.org/news/bridge?id=8"]) == 0  # another page
    # no "www.", a trailing slash, no tracking parameter: the same page as /latest links it
    assert room.delete(["http://example.org/news/bridge/?id=7"]) == 1
    assert [a.meta.url for a in room.latest(10)] == ["https://www.example.org/news/bridge-2?id=7"]


def test_newsbot_delete_takes_a_csv_file(tmp_path: Path) -> None:
    news = write_csv(tmp_path / "news.csv", TWO_ROWS)
    env = {"NEWSBOT_DATA_DIR": str(tmp_path / "data"), "NEWSBOT_EMBEDDER": "use"}
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(news)], env=env).exit_code == 0
    listed = json.loads(runner.invoke(app, ["latest", "--json"], env=env).stdout)
    assert {(a["title"][:22], a["source"]) for a in listed} == {
        ("The new bridge over th", f"{news}:row 2"),
        ("Farmers near Lake Orri", f"{news}:row 3"),
    }
    deleted = runner.invoke(app, ["delete", "news.csv", "--json"], env=env)  # relative to the working directory
    assert json.loads(deleted.stdout) == {"deleted": 2}


def test_retention_drops_old_articles_and_their_chunks(tmp_path: Path, embedder: Embedder) -> None:
    clock = Clock(NOW)
    room = newsroom(tmp_path / "data", embedder, clock, retention_days=30)
    news = write_csv(
        tmp_path / "news.csv",
        [
            {"text": BRIDGE, "published_at": "2024-05-20T08:00:00+00:00"},  # 12 days old: kept
            {"text": APPLES, "published_at": "2024-03-01T08:00:00+00:00"},  # 92 days old: not stored
            {"text": PRINT, "published_at": ""},  # undated: its age counts from now, when it is ingested
        ],
    )
    report = room.ingest([str(news)])
    assert (report.added, report.expired) == (2, 1)
    assert {a.meta.title[:9] for a in room.latest(10)} == {"The new b", "The Elda "}

    clock.now = NOW + 20 * DAY_S  # the bridge story is 32 days old now, the undated one 20
    assert room.expire() == 1
    [left] = room.latest(10)
    assert left.meta.title.startswith("The Elda Courier") and room.store.count() == left.chunks

    clock.now = NOW + 31 * DAY_S
    report = room.ingest([])  # every ingest applies retention
    assert report.expired == 1 and room.latest(10) == [] and room.store.count() == 0


def test_retention_zero_keeps_everything(tmp_path: Path, embedder: Embedder) -> None:
    room = newsroom(tmp_path / "data", embedder, Clock(NOW + 3650 * DAY_S))
    room.ingest([str(write_csv(tmp_path / "news.csv", [{"text": APPLES, "published_at": "2024-03-01"}]))])
    assert room.expire() == 0 and len(room.latest(10)) == 1


def test_newsbot_expire_needs_a_period_and_takes_days(tmp_path: Path) -> None:
    news = write_csv(tmp_path / "news.csv", [{"text": APPLES, "published_at": "2001-03-01T08:00:00+00:00"}])
    env = {"NEWSBOT_DATA_DIR": str(tmp_path / "data"), "NEWSBOT_EMBEDDER": "use"}
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(news)], env=env).exit_code == 0
    refused = runner.invoke(app, ["expire"], env=env)
    assert refused.exit_code == 1 and "NEWSBOT_RETENTION_DAYS" in refused.output
    expired = runner.invoke(app, ["expire", "--days", "365", "--json"], env=env)
    assert json.loads(expired.stdout) == {"deleted": 1}


def test_newsbot_ingest_says_what_it_did_not_store_again(tmp_path: Path) -> None:
    rows = [{"text": BRIDGE, "published_at": ""}]
    env = {"NEWSBOT_DATA_DIR": str(tmp_path / "data"), "NEWSBOT_EMBEDDER": "use"}
    runner = CliRunner()
    first = write_csv(tmp_path / "a.csv", rows)
    assert runner.invoke(app, ["ingest", str(first)], env=env).stdout == "added 1, updated 0, unchanged 0, failed 0\n"
    again = runner.invoke(app, ["ingest", str(write_csv(tmp_path / "b.csv", rows))], env=env)
    assert again.exit_code == 0
    assert again.stdout == "added 0, updated 0, unchanged 0, failed 0, duplicates 1\n"
    assert "1 article(s) not stored again: the same text is stored under another path or URL" in again.stderr


def test_a_feed_or_file_reference_matches_its_entries_only(tmp_path: Path) -> None:
    store = ChunkStore(path=tmp_path / "data", embedder_name="random")
    sources = [
        "https://example.org/feed.xml#entry 1",
        "https://example.org/feed.xml#entry 2",
        "https://example.org/feed.xml2",
        "news/a.jsonl#entry 3",
        "news/a.jsonl.bak",
        "news/b.csv:row 2",
        "newsroom/c.txt",
    ]
    for i, source in enumerate(sources):
        article = Article(f"text {i}", ArticleMeta(title=f"t{i}", source=source))
        store.add_article(article, [Chunk(article, 0, f"text {i}")], np.eye(len(sources))[i : i + 1])

    def titles(ref: str) -> set[str]:
        ids = set(store.find_article_ids(ref))
        return {a.meta.title for a in store.articles() if a.article_id in ids}

    assert titles("https://example.org/feed.xml") == {"t0", "t1"}
    assert titles("news/a.jsonl") == {"t3"} and titles("./news/b.csv") == {"t5"}
    assert titles("news") == {"t3", "t4", "t5"} and titles(str(tmp_path / "news")) == {"t3", "t4", "t5"}
    assert titles("new") == set()


def test_the_bots_add_report_names_duplicates_and_expired_articles() -> None:
    text = render_report(IngestReport(added=1, duplicates=2, expired=3), 9)
    assert text.splitlines() == [
        "✅ Added 1 article.",
        "♊ Already had the same text of 2 under another name: not added again.",
        "🗑 Dropped 3 older than the retention period.",
        "I now know 9 articles.",
    ]
    german = render_report(IngestReport(updated=1, unchanged=4, duplicates=2, expired=3), 1, language="de")
    assert german.splitlines() == [
        "🔄 1 Artikel aktualisiert.",
        "☑️ 4 schon vorhanden, unverändert.",
        "♊ 2 mit demselben Text schon unter anderem Namen vorhanden: nicht noch einmal hinzugefügt.",
        "🗑 3 älter als die Aufbewahrungsfrist: verworfen.",
        "Ich kenne jetzt 1 Artikel.",
    ]


def test_articles_stored_untitled_by_an_older_newsbot_show_their_first_sentence(tmp_path: Path) -> None:
    store = ChunkStore(path=tmp_path / "data", embedder_name="random")
    article = Article(BRIDGE, ArticleMeta(source="gnad15.csv:row 15"))  # as stored before titles were made
    first, second = BRIDGE.split("Tuesday. ")
    store.add_article(article, [Chunk(article, 0, first + "Tuesday."), Chunk(article, 1, second)], np.eye(2, 4))
    title = "The new bridge over the Vessa river in Port Elda will open to traffic on 14 May, the…"
    assert [a.meta.title for a in store.articles()] == [title]
    hits = store.query(np.array([0.0, 1.0, 0.0, 0.0]), 2)
    assert [(h.chunk_id[-1], h.meta.title) for h in hits] == [("1", title), ("0", title)]
    titled = Article("Ferry fares stay the same this year.", ArticleMeta(source="fares.txt", title="Fares frozen"))
    store.add_article(titled, [Chunk(titled, 0, titled.text)], np.eye(1, 4))
    # only the untitled one's first chunk is read for its title; a titled one keeps its own
    assert sorted(a.meta.title for a in store.articles()) == ["Fares frozen", title]
    assert [a.meta.title for a in store.articles([article.id])] == [title]
    ordinal = "Die Slowakei übernimmt am 1. Juli die EU-Präsidentschaft. Premier Fico ist skeptisch."
    german = Article(ordinal, ArticleMeta(source="gnad15.csv:row 16", language="de"))
    store.add_article(german, [Chunk(german, 0, ordinal)], np.eye(1, 4))
    assert [a.meta.title for a in store.articles([german.id])] == [ordinal.split(" Premier")[0]]
