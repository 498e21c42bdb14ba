"""One story, many outlets (issue #12): near-duplicates are grouped at ingest, retrieved once, cited once.

tests/data/stories/ holds one 10kGNAD article as three outlets run it (other headline, dateline, paragraphs dropped
and reordered, words swapped, sentences shortened) and two other articles on the same topic (see its README).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.cli.asking import format_answer
from bot.telegram.formatting import render_answer, render_full_sources
from index.answerers.base import build_answer
from index.loading import iter_articles
from index.models import Answer, Article, ArticleMeta, Hit, Source
from index.newsroom import Newsroom
from index.retrieval import diversify, document_to_hit, hit_to_document
from index.stories import (
    DEFAULT_THRESHOLD,
    MIN_SHINGLES,
    NUM_PERM,
    Fingerprint,
    StoryIndex,
    StoryMembers,
    collapse,
    fingerprint,
    shingles,
    story_score,
    story_scores,
)
from tests.bot.conftest import ADA, ADMIN, TOKEN, bot_settings, polling_bot
from tests.conftest import make_settings
from tests.fakes.bot_api import FakeBotApi, private_chat
from tests.fakes.telegram_rules import checked_text

STORIES = Path(__file__).resolve().parent / "data" / "stories"
COPIES = ("standard.txt", "alpenpost.txt", "donauzeitung.txt")
SAME_TOPIC = ("same_topic_demirtas-ermittlungen.txt", "same_topic_koza-ipek-razzia.txt")
QUESTION = "Wann finden in der Türkei die Neuwahlen statt?"
STUB = (
    "Der Volltext dieses auf Agenturmeldungen basierenden Artikels steht aus rechtlichen Gründen nicht mehr zur "
    "Verfügung."
)
THREE_OUTLETS = ["Alpenpost", "Donau-Zeitung", "derStandard.at"]


def load(name: str) -> Article:
    [article] = list(iter_articles([str(STORIES / name)]))
    assert isinstance(article, Article), article
    return article


# --- grouping ----------------------------------------------------------------------------------------------------


def test_three_outlets_versions_of_one_wire_story_are_one_story() -> None:
    copies = [load(name) for name in COPIES]
    prints = [fingerprint(article.text) for article in copies]
    for a in range(3):
        for b in range(a + 1, 3):
            assert story_score(prints[a], prints[b]) >= DEFAULT_THRESHOLD, (COPIES[a], COPIES[b])
    index = StoryIndex()
    assert [index.assign(article.id, fp) for article, fp in zip(copies, prints, strict=True)] == [copies[0].id] * 3


def test_articles_on_the_same_topic_by_other_authors_stay_separate_stories() -> None:
    articles = [load(name) for name in (*COPIES, *SAME_TOPIC)]
    prints = [fingerprint(article.text) for article in articles]
    for other in prints[3:]:
        for copy in prints[:3]:
            assert story_score(copy, other) < DEFAULT_THRESHOLD / 3
    index = StoryIndex()
    stories = [index.assign(article.id, fp) for article, fp in zip(articles, prints, strict=True)]
    assert stories == [articles[0].id] * 3 + [articles[3].id, articles[4].id]


def test_case_punctuation_and_dashes_do_not_matter() -> None:
    same = shingles("istanbul der TÜRKISCHE präsident erdoğan")
    assert shingles("Istanbul – Der türkische Präsident, Erdoğan!") == same
    text = load("standard.txt").text
    assert np.array_equal(fingerprint(text).signature, fingerprint(text.upper().replace(",", "")).signature)


def test_stubs_that_share_only_boilerplate_are_not_one_story() -> None:
    """10kGNAD holds agency stubs: one sub-headline and the same 14-word notice. Half their text is equal."""
    first = fingerprint(f"Explosion auf der Einkaufsstraße Istiklal Caddesi: 40 Verletzte. {STUB}")
    second = fingerprint(f"Obama will das umstrittene Gefangenenlager vor Ende seiner Amtszeit schließen. {STUB}")
    assert first.size < MIN_SHINGLES and story_score(first, second) == 0.0
    index = StoryIndex()
    assert (index.assign("a", first), index.assign("b", second)) == ("a", "b")


def test_a_few_chance_equal_values_between_a_short_and_a_long_text_are_no_match() -> None:
    """Two equal values of 128 between 60 and 5,000 shingles would estimate full containment: too few to tell."""
    short = Fingerprint(np.arange(NUM_PERM, dtype=np.uint32), 60)
    long_signature = np.arange(NUM_PERM, dtype=np.uint32) + 1000
    long_signature[:2] = short.signature[:2]
    assert story_scores(long_signature[None, :], np.array([5000]), short)[0] == 0.0
    long_signature[:40] = short.signature[:40]  # a third of the values: the short text is in the long one
    assert story_scores(long_signature[None, :], np.array([5000]), short)[0] == 1.0


def test_a_changed_article_is_not_its_own_duplicate() -> None:
    original = load("standard.txt")
    index = StoryIndex()
    assert index.assign(original.id, fingerprint(original.text)) == original.id
    assert index.assign(original.id, fingerprint(original.text + " Ein Satz mehr.")) == original.id
    assert len(index) == 1


def test_fingerprints_survive_the_store_record() -> None:
    fp = fingerprint(load("alpenpost.txt").text)
    restored = Fingerprint.from_record(fp.to_record())
    assert restored is not None and restored.size == fp.size and np.array_equal(restored.signature, fp.signature)
    assert Fingerprint.from_record({}) is None and Fingerprint.from_record({"story_fingerprint": "AAAA"}) is None


def test_a_threshold_outside_0_to_1_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="story threshold"):
        StoryIndex(1.5)


# --- retrieval and citation --------------------------------------------------------------------------------------


def hit(chunk_id: str, article_id: str, story_id: str, outlet: str, score: float = 0.5) -> Hit:
    url = f"https://{outlet.lower()}.example/a"
    meta = ArticleMeta(title=f"{outlet} title", outlet=outlet, url=url, story_id=story_id)
    return Hit(chunk_id=chunk_id, article_id=article_id, text=f"text of {chunk_id}", meta=meta, score=score)


def test_copies_do_not_crowd_the_hits() -> None:
    hits = [
        hit("a:0", "a", "s", "A"),
        hit("b:0", "b", "s", "B"),
        hit("a:1", "a", "s", "A"),
        hit("c:0", "c", "c", "C"),
        hit("d:0", "d", "", "D"),
        hit("b:1", "b", "s", "B"),
    ]
    assert [h.chunk_id for h in diversify(collapse(hits), 3, per_article=2)] == ["a:0", "a:1", "c:0"]


def test_cited_copies_become_one_source_reported_by_the_others() -> None:
    hits = [hit("a:0", "a", "s", "Standard"), hit("c:0", "c", "c", "Other"), hit("b:0", "b", "s", "Alpenpost")]
    answer = build_answer("q", "Am 1. November [1][3]. Anderes [2].", hits, answerer="test")
    assert answer.text == "Am 1. November [1]. Anderes [2]."
    assert [(s.n, s.meta.outlet, [m.outlet for m in s.also_reported_by]) for s in answer.sources] == [
        (1, "Standard", ["Alpenpost"]),
        (2, "Other", []),
    ]


def test_also_reported_by_survives_the_langchain_document() -> None:
    reported = hit("b:0", "b", "s", "Alpenpost").meta
    original = Hit("a:0", "a", "text", hit("a:0", "a", "s", "Standard").meta, 0.7, also_reported_by=(reported,))
    assert document_to_hit(hit_to_document(original)) == original


# --- end to end --------------------------------------------------------------------------------------------------


@pytest.fixture
def newsroom(tmp_path: Path) -> Newsroom:
    return Newsroom(make_settings(tmp_path / "data"))


def test_three_outlets_one_cited_source_reported_by_the_two_others(newsroom: Newsroom) -> None:
    # One outlet first, the two others in a later run: the story is found from the fingerprint in the store.
    assert newsroom.ingest([str(STORIES / "standard.txt")]).added == 1
    assert not any(h.also_reported_by for h in newsroom.search(QUESTION))  # alone, for now
    report = newsroom.ingest([str(STORIES / name) for name in (*COPIES, *SAME_TOPIC)])
    assert (report.added, report.unchanged, report.failed) == (4, 1, [])
    standard = load("standard.txt")
    articles = newsroom.store.articles()
    grouped = [a for a in articles if a.meta.story_id == standard.id]
    assert sorted(a.meta.outlet for a in grouped) == THREE_OUTLETS
    assert all(a.meta.story_id == a.article_id for a in articles if a not in grouped)  # same topic, own story

    hits = newsroom.search(QUESTION, k=5)
    assert [h.meta.story_id for h in hits].count(standard.id) <= 2  # chunks of one article of the story at most
    assert len({h.article_id for h in hits if h.meta.story_id == standard.id}) == 1

    answer = newsroom.ask(QUESTION)
    assert not answer.abstained and "1. November" in answer.text
    [source] = [s for s in answer.sources if s.meta.story_id == standard.id]
    outlets = [source.meta.outlet, *(m.outlet for m in source.also_reported_by)]
    assert sorted(outlets) == THREE_OUTLETS
    dates = [m.published_ts or 0.0 for m in source.also_reported_by]
    assert dates == sorted(dates)  # oldest first


def reports(hits: list[Hit]) -> dict[str, list[str]]:
    """article id -> the other reports of its story a search named, by url."""
    return {h.article_id: [m.url for m in h.also_reported_by] for h in hits if h.also_reported_by}


def test_with_the_article_listing_kept_a_search_names_the_other_reports_without_reading_the_store(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    newsroom.ingest([str(STORIES / name) for name in (*COPIES, *SAME_TOPIC)])
    hits = newsroom.search(QUESTION, k=5)
    assert len(reports(hits)) == 1 and len(next(iter(reports(hits).values()))) == 2
    assert newsroom.store.kept_articles() is None  # no listing kept yet: stories were read from the store

    newsroom.store.current_articles()  # what the bot's reader behind ingest does while idle
    story_reads: list[object] = []
    read_stories = newsroom.store.story_records

    def counted(story_ids: list[str]) -> list[dict[str, object]]:
        story_reads.append(story_ids)
        return read_stories(story_ids)

    monkeypatch.setattr(newsroom.store, "story_records", counted)
    newsroom.searcher.stories = StoryMembers(newsroom.store)  # nothing remembered from the search before
    again = newsroom.search(QUESTION, k=5)
    assert [(h.chunk_id, h.also_reported_by) for h in again] == [(h.chunk_id, h.also_reported_by) for h in hits]
    assert story_reads == []

    assert newsroom.delete([str(STORIES / SAME_TOPIC[0])]) == 1  # the store changed: the kept listing is stale
    assert newsroom.store.kept_articles() is None
    assert reports(newsroom.search(QUESTION, k=5)) == reports(hits)
    assert story_reads  # read from the store again


def test_a_copy_joins_the_story_another_process_stored_and_fingerprints_are_read_only_then(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Newsroom(make_settings(tmp_path / "data"))
    reads: list[object] = []
    read_records = first.store.article_records

    def counted(where: object = None) -> list[dict[str, object]]:
        reads.append(where)
        return read_records(where)  # type: ignore[arg-type]

    monkeypatch.setattr(first.store, "article_records", counted)
    first.ingest([str(STORIES / SAME_TOPIC[0])])
    first.ingest([str(STORIES / SAME_TOPIC[1])])
    assert len(reads) == 1  # its own writes need no reread
    other = Newsroom(make_settings(tmp_path / "data"), embedder=first.embedder)  # another process, one store
    assert other.ingest([str(STORIES / "standard.txt")]).added == 1
    first.ingest([str(STORIES / "alpenpost.txt")])
    assert len(reads) == 2
    story = {a.meta.outlet: a.meta.story_id for a in first.store.articles() if a.meta.url}
    assert story == {"derStandard.at": load("standard.txt").id, "Alpenpost": load("standard.txt").id}


def test_a_story_run_by_many_outlets_leaves_room_for_other_stories(newsroom: Newsroom) -> None:
    """25 outlets' copies fill the first candidates many times over: retrieval fetches more, not fewer stories."""
    original = load("standard.txt")
    copies = [
        Article(
            text=f"{original.text}\n\nMeldung {n} des Tages.",
            meta=ArticleMeta(title=original.meta.title, outlet=f"Blatt {n}", url=f"https://blatt{n}.example/tuerkei"),
        )
        for n in range(25)
    ]
    newsroom.ingest_articles(copies)
    newsroom.ingest([str(STORIES / name) for name in SAME_TOPIC])
    hits = newsroom.search("Neuwahl in der Türkei: Davutoğlu, Erdoğan, HDP und die Polizei", k=5)
    assert len(hits) == 5 and len({h.meta.story_id for h in hits}) == 3
    [copy] = {h.article_id: h for h in hits if h.meta.story_id == copies[0].id}.values()
    assert len(copy.also_reported_by) == 24


def test_grouping_off_cites_each_outlet_on_its_own(tmp_path: Path) -> None:
    newsroom = Newsroom(make_settings(tmp_path / "data", story_threshold=0))
    newsroom.ingest([str(STORIES / name) for name in COPIES])
    assert len({a.meta.story_id for a in newsroom.store.articles()}) == 3
    hits = newsroom.search(QUESTION, k=5)
    assert len({h.article_id for h in hits}) >= 2 and all(not h.also_reported_by for h in hits)


async def test_telegram_answer_names_the_other_outlets(tmp_path: Path) -> None:
    """A real Application long-polling the loopback fake Bot API, which refuses what Telegram refuses."""
    room = Newsroom(make_settings(tmp_path / "data"))
    room.ingest([str(STORIES / name) for name in COPIES])
    room.warm_up()
    room.ask(QUESTION)  # loads the reader before the bot's clock starts
    api = FakeBotApi(TOKEN)
    api.open_chat(private_chat(ADMIN))  # the admin started the bot once, so the admin command menu can be set
    await api.start()
    try:
        async with polling_bot(bot_settings(tmp_path, telegram_base_url=api.base_url), room):
            api.user_message(user=ADA, chat=private_chat(ADA), text=QUESTION)
            [answer] = await api.replies(ADA["id"], timeout=120)
    finally:
        await api.stop()
    [source_line] = [line for line in answer.text.splitlines() if line.startswith("[1] ")]
    # the question is German: so is what frames the answer
    assert "auch berichtet von " in source_line and " und " in source_line
    assert sum(outlet in source_line for outlet in THREE_OUTLETS) == 3
    assert not [line for line in answer.text.splitlines() if line.startswith("[2] ")]  # one story, one source
    assert answer.html.count('href="https://') >= 3 and not api.errors


def test_cli_ask_json_and_text_name_the_other_outlets(tmp_path: Path) -> None:
    env = {"NEWSBOT_DATA_DIR": str(tmp_path / "data"), "NEWSBOT_EMBEDDER": "use"}
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", *(str(STORIES / n) for n in COPIES)], env=env).exit_code == 0
    result = runner.invoke(app, ["ask", QUESTION, "--json"], env=env, catch_exceptions=False)
    [source] = json.loads(result.stdout)["sources"]  # three outlets, one story: one source
    reports = source["also_reported_by"]
    assert sorted([source["outlet"], *(r["outlet"] for r in reports)]) == THREE_OUTLETS
    for report in reports:
        assert set(report) == {"outlet", "url", "published_at"}
        assert report["url"].startswith("https://") and report["published_at"].startswith("2015-08-2")
    text = runner.invoke(app, ["ask", QUESTION], env=env, catch_exceptions=False).stdout
    also = [line for line in text.splitlines() if line.startswith("    auch berichtet von ")]  # a German question
    assert len(also) == 1 and " und " in also[0]
    assert all(f"{r['outlet']} <{r['url']}>" in also[0] for r in reports)


# --- rendering ---------------------------------------------------------------------------------------------------

STORY_SOURCE = Source(
    n=1,
    article_id="standard",
    meta=ArticleMeta(title="Übergangsregierung", outlet="derStandard.at", url="https://derstandard.example/a"),
    snippet="Die Wahlkommission hat den 1. November festgelegt.",
    score=0.8,
    also_reported_by=(
        ArticleMeta(title="Neuwahl am 1. November", outlet="Alpen & <Post>", url="https://alpenpost.example/b"),
        ArticleMeta(title="Übergangskabinett", url="https://www.donau-zeitung.example/c"),
        ArticleMeta(title="Ein Blatt ohne Link", outlet="Tagblatt"),
    ),
)


def test_telegram_names_the_other_outlets_with_links() -> None:
    html = render_answer(Answer(text="Am 1. November [1].", sources=[STORY_SOURCE]))
    text = checked_text(html, "HTML")  # Telegram would accept it
    assert "also reported by Alpen & <Post>, donau-zeitung.example and Tagblatt" in text
    assert '<a href="https://alpenpost.example/b">Alpen &amp; &lt;Post&gt;</a>' in html
    full = checked_text(render_full_sources([STORY_SOURCE], "When?"), "HTML")
    assert "Also reported by Alpen & <Post>, donau-zeitung.example and Tagblatt" in full
    # a German question's full sources are framed in German, one question word is enough to tell
    german = checked_text(render_full_sources([STORY_SOURCE], "Wann?"), "HTML")
    assert "Auch berichtet von Alpen & <Post>, donau-zeitung.example und Tagblatt" in german


def test_a_source_of_one_outlet_says_nothing_more() -> None:
    alone = Source(n=1, article_id="x", meta=STORY_SOURCE.meta, snippet="", score=0.5)
    assert "also reported" not in render_answer(Answer(text="x [1]", sources=[alone]))
    assert "also reported" not in format_answer(Answer(text="x [1]", sources=[alone]))


def test_cli_lists_the_other_outlets_under_the_source() -> None:
    lines = format_answer(Answer(text="Am 1. November [1].", sources=[STORY_SOURCE])).splitlines()
    assert lines[-1] == (
        "    also reported by Alpen & <Post> <https://alpenpost.example/b>, donau-zeitung.example "
        "<https://www.donau-zeitung.example/c> and Tagblatt"
    )
