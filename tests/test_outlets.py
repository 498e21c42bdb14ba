"""Questions that name an outlet ("What does derStandard say about …?", "Artikel vom Standard", "According to the
BBC, …"): which stored outlet a question names and how it is read without it, then end to end on the embedded
Chroma store, where the answer comes from that outlet's articles alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from index import outlets
from index.answerers.gate import AnswerGate
from index.chain import AnswerStep
from index.models import Article, ArticleMeta, StoredArticle, Turn
from index.newsroom import Newsroom
from index.outlets import MAX_WHERE_IDS, OutletQuery, Outlets, may_name_an_outlet, outlet_keys
from tests.conftest import make_settings, news_article
from tests.fakes.counting_answerer import CountingAnswerer

NOW = "2026-12-02T10:00:00+00:00"


def stored(n: int, outlet: str, url: str = "") -> StoredArticle:
    return StoredArticle(
        article_id=f"a{n}", meta=ArticleMeta(title=f"t{n}", outlet=outlet, url=url), text_hash="", chunks=1
    )


ARCHIVE = [
    stored(1, "derStandard.at"),
    stored(2, "Spiegel Online"),
    stored(3, "", url="https://www.bbc.co.uk/news/world-1"),
    stored(4, "tagesschau.de"),
    stored(5, "The Guardian"),
    stored(6, "Die Welt"),
    stored(7, "derStandard.at"),
]


@pytest.mark.parametrize(
    ("outlet", "keys"),
    [
        ("derStandard.at", {"derstandard.at", "der standard", "derstandard", "standard"}),
        ("Spiegel Online", {"spiegel online", "spiegel"}),
        ("bbc.co.uk", {"bbc.co.uk", "bbc"}),
        ("www.tagesschau.de", {"tagesschau.de", "tagesschau"}),
        ("The Guardian", {"the guardian", "theguardian", "guardian"}),
        # a feed's title, by its name before a dash, bar or colon too
        ("BBC News - Home", {"bbc news - home", "bbc news home", "bbcnewshome", "bbc news", "bbc"}),
        ("Kurier: Nachrichten", {"kurier: nachrichten", "kurier nachrichten", "kurier"}),
        ("", set()),
    ],
)
def test_an_outlet_is_named_as_people_say_it(outlet: str, keys: set[str]) -> None:
    assert outlet_keys(outlet) == keys


@pytest.mark.parametrize(
    ("question", "read_as", "outlet"),
    [
        ("What does derStandard say about Trump?", "News about Trump?", "derStandard.at"),
        ("What did the BBC report yesterday?", "What's new yesterday?", "bbc.co.uk"),
        ("Show me the latest articles from the Guardian", "Show me the latest articles", "The Guardian"),
        ("Top 5 headlines from Tagesschau", "Top 5 headlines", "tagesschau.de"),
        ("Who won the election, according to derStandard?", "Who won the election?", "derStandard.at"),
        ("According to Spiegel, who won?", "Who won?", "Spiegel Online"),
        ("The Guardian's articles about Brexit", "Articles about Brexit", "The Guardian"),
        ("What's new on tagesschau.de?", "What's new?", "tagesschau.de"),
        ("Was schreibt der Standard über Trump?", "Nachrichten über Trump?", "derStandard.at"),
        ("Was hat der Standard über die Wahl geschrieben?", "Nachrichten über die Wahl?", "derStandard.at"),
        ("Was schrieb der Standard gestern?", "Was gibt es Neues gestern?", "derStandard.at"),
        ("Laut tagesschau.de, wer hat gewonnen?", "Wer hat gewonnen?", "tagesschau.de"),
        ("Die neuesten Artikel vom Standard", "Die neuesten Artikel", "derStandard.at"),
        ("Was wurde vom Standard berichtet?", "Was wurde berichtet?", "derStandard.at"),
        ("Was gibt es Neues vom Standard?", "Was gibt es Neues?", "derStandard.at"),
        ("Dem Standard zufolge ist wer zurückgetreten?", "Ist wer zurückgetreten?", "derStandard.at"),
        # nothing but the outlet: its newest articles
        ("From the BBC", "What's new?", "bbc.co.uk"),
        ("Von der Welt", "Was gibt es Neues?", "Die Welt"),
    ],
)
def test_a_question_naming_a_stored_outlet_is_read_without_it(question: str, read_as: str, outlet: str) -> None:
    assert may_name_an_outlet(question)
    named = Outlets(ARCHIVE).named(question)
    assert named is not None
    assert (named.question, named.name) == (read_as, outlet)


@pytest.mark.parametrize(
    "question",
    [
        "Who denied supplying arms?",
        # a plain word names an outlet only when capitalised, and only as a source, not a place
        "What is the standard rate of VAT in Austria?",
        "Was it done in the Standard way?",
        "In welchem Monat wurde das in die Welt gesetzt?",
        # the agent of a passive: who did it, not who reported it
        "Warum wurde er vom Standard kritisiert?",
        "Who was criticised by tagesschau.de?",
        # from whom, in a question about no news: German capitalises a common noun as it does a name
        "Was hat die Regierung von der Welt verlangt?",
        "What did the minister demand from the Standard?",
        "Was gibt es Neues in der Welt?",
        # an outlet the archive does not hold
        "What does the New York Times say about Trump?",
        "What does the president say about Trump?",
        "News from Reuters",
    ],
)
def test_a_question_naming_no_stored_outlet_is_read_as_asked(question: str) -> None:
    assert Outlets(ARCHIVE).named(question) is None


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("derStandard", "derStandard.at"),
        ("der  Standard", "derStandard.at"),
        ("BBC", "bbc.co.uk"),
        ("Spiegel", "Spiegel Online"),
    ],
)
def test_an_outlet_alone_is_called_by_any_of_its_names(name: str, outlet: str) -> None:
    called = Outlets(ARCHIVE).called(name)
    assert called is not None and called.name == outlet


def test_a_name_no_stored_outlet_has_calls_none_and_the_outlets_are_listed_most_articles_first() -> None:
    assert Outlets(ARCHIVE).called("Reuters") is None
    assert Outlets(ARCHIVE).names[0] == "derStandard.at"


def test_an_outlet_keeps_its_articles_by_outlet_or_by_link_when_it_has_no_outlet() -> None:
    standard = Outlets(ARCHIVE).named("Articles from derStandard")
    assert standard is not None and not standard.everything
    assert standard.where() == {"outlet": {"$in": ["derStandard.at"]}}
    assert [a.article_id for a in standard.articles(ARCHIVE)] == ["a1", "a7"]
    bbc = Outlets(ARCHIVE).named("Articles from the BBC")
    assert bbc is not None
    assert bbc.where() == {"article_id": {"$in": ["a3"]}}
    assert [a.article_id for a in bbc.articles(ARCHIVE)] == ["a3"]
    only = Outlets([ARCHIVE[0], ARCHIVE[6]]).named("Articles from derStandard")
    assert only is not None and only.everything and only.where() is None
    # more articles than a Chroma query takes: the search keeps the outlet's hits itself
    many = [stored(n, "", url=f"https://www.bbc.co.uk/news/{n}") for n in range(MAX_WHERE_IDS + 1)]
    crowded = Outlets([*many, ARCHIVE[0]]).named("Articles from the BBC")
    assert crowded is not None and crowded.where() is None and crowded.holds("a7", many[7].meta)


def test_the_outlets_are_listed_once_and_only_for_a_question_that_may_name_one() -> None:
    """Listing 12,000 articles takes seconds: a question that cannot name an outlet does not wait for it, and the
    listing the store keeps is read once for as long as it stays the same."""
    listings: list[int] = []
    kept: dict[str, tuple[object, dict[str, StoredArticle]]] = {}

    def articles() -> list[StoredArticle]:
        listings.append(1)
        kept["listing"] = ("revision 1", {a.article_id: a for a in ARCHIVE})
        return ARCHIVE

    step = AnswerStep(
        AnswerGate(min_relevance=0.5),
        CountingAnswerer(),
        store_is_empty=lambda: False,
        articles=articles,
        kept_articles=lambda: kept.get("listing"),
    )
    assert step.outlet("Who denied supplying arms?") is None and not listings
    named = step.outlet("What does derStandard say about Trump?")
    assert named is not None and named.name == "derStandard.at" and len(listings) == 1
    assert step.outlet("Who denied supplying arms, according to the BBC?") is not None
    assert step.outlet("What does the New York Times say?") is None
    assert len(listings) == 1


def article(title: str, text: str, outlet: str, day: int) -> Article:
    return news_article(title, text, datetime(2026, 12, day, 9, tzinfo=UTC), outlet)


# Two outlets report the same strike with different figures; the Wire's report is the closer match to the question
WIRE_STRIKE = article(
    "Rail strike halts trains across Austria",
    "A rail strike halted trains across Austria on Monday. The union said 40,000 railway workers joined the strike "
    "over wages, and trains across Austria stood still for the whole day.",
    "Wire",
    1,
)
STANDARD_STRIKE = article(
    "Railway workers walk out",
    "Railway workers walked out on Monday. According to the railway company, 12,000 workers took part in the "
    "walkout over pay.",
    "derStandard.at",
    1,
)
STANDARD_BUDGET = article(
    "Vienna passes its budget",
    "The Vienna city council passed its budget for 2027 on Tuesday. Spending on schools rises by 8 percent.",
    "derStandard.at",
    2,
)
WIRE_STORM = article(
    "Storm closes the port of Hamburg",
    "A winter storm with gusts of 120 kilometres per hour closed the port of Hamburg on Wednesday morning.",
    "Wire",
    2,
)
ARTICLES = [WIRE_STRIKE, STANDARD_STRIKE, STANDARD_BUDGET, WIRE_STORM]
# Jane Doe writes for both outlets; an article's author line may name several ("Jane Doe, John Roe")
JANE_DOE = [replace(STANDARD_STRIKE, meta=replace(STANDARD_STRIKE.meta, author="Jane Doe, John Roe"))]
JANE_DOE.append(replace(WIRE_STORM, meta=replace(WIRE_STORM.meta, author="Jane Doe")))


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    newsroom = Newsroom(make_settings(tmp_path_factory.mktemp("outlets") / "data", now=NOW))
    report = newsroom.ingest_articles([WIRE_STRIKE, STANDARD_BUDGET, *JANE_DOE])
    assert report.added == len(ARTICLES) and not report.failed
    return newsroom


def test_according_to_an_outlet_the_answer_is_that_outlets(newsroom: Newsroom) -> None:
    asked = "How many railway workers joined the strike across Austria?"
    assert newsroom.ask(asked).sources[0].meta.outlet == "Wire"
    answer = newsroom.ask(f"{asked[:-1]}, according to derStandard?")
    assert not answer.abstained
    assert {source.meta.outlet for source in answer.sources} == {"derStandard.at"}
    assert "12,000" in answer.text and "40,000" not in answer.text
    assert answer.question == f"{asked[:-1]}, according to derStandard?"


def test_what_an_outlet_says_about_a_topic_lists_its_articles_on_it(newsroom: Newsroom) -> None:
    answer = newsroom.ask("What does derStandard say about the rail strike?")
    assert answer.text.splitlines() == [
        "Articles about “the rail strike” from derStandard.at, newest first:",
        f"• {STANDARD_STRIKE.meta.title} [1]",
    ]
    assert [source.meta.outlet for source in answer.sources] == ["derStandard.at"]


def test_an_outlet_that_did_not_report_it_does_not_say(newsroom: Newsroom) -> None:
    assert not newsroom.ask("What closed the port of Hamburg?").abstained
    assert newsroom.ask("What closed the port of Hamburg according to derStandard?").abstained
    assert newsroom.ask("Was schreibt der Standard über den Sturm in Hamburg?").abstained


def test_an_outlets_headlines_and_figures_are_its_own(newsroom: Newsroom) -> None:
    answer = newsroom.ask("Was schreibt der Standard?")
    assert answer.text.splitlines() == [
        "Die neuesten Artikel von derStandard.at:",
        f"• {STANDARD_BUDGET.meta.title} [1]",
        f"• {STANDARD_STRIKE.meta.title} [2]",
    ]
    yesterday = newsroom.ask("What did the Wire report yesterday?")
    assert yesterday.text.splitlines() == [
        "Articles from Wire from 2026-12-01 (yesterday):",
        f"• {WIRE_STRIKE.meta.title} [1]",
    ]
    figures = newsroom.ask("How many articles from derStandard have you read?")
    assert figures.text.startswith("I have read 2 articles from 1 outlet (derStandard.at)")


def test_after_an_outlets_list_the_next_topic_is_the_same_outlets(newsroom: Newsroom) -> None:
    asked = "What does derStandard say about the rail strike?"
    history = [Turn(asked, newsroom.ask(asked).text)]
    vienna = newsroom.ask("What about Vienna?", history=history)
    assert vienna.text.splitlines()[0] == "Articles about “Vienna” from derStandard.at, newest first:"
    assert [source.meta.title for source in vienna.sources] == [STANDARD_BUDGET.meta.title]
    assert not newsroom.ask("What about Hamburg?", history=[]).abstained
    assert newsroom.ask("What about Hamburg?", history=history).abstained


def test_a_follow_up_keeps_the_outlet_its_story_was_asked_of(newsroom: Newsroom) -> None:
    asked = "How many railway workers joined the strike across Austria, according to derStandard?"
    history = [Turn(asked, newsroom.ask(asked).text)]
    why = newsroom.ask("What were they striking over?", history=history)
    assert [source.meta.outlet for source in why.sources] == ["derStandard.at"] and "over pay" in why.text
    assert why.question == "What were they striking over?"
    asked_of_any = "How many railway workers joined the strike across Austria?"
    history_of_any = [Turn(asked_of_any, newsroom.ask(asked_of_any).text)]
    assert newsroom.ask("What were they striking over?", history=history_of_any).sources[0].meta.outlet == "Wire"
    # a follow-up with a subject of its own is asked of every outlet
    assert not newsroom.ask("And what closed the port of Hamburg?", history=history).abstained


def test_an_authors_articles_are_asked_for_by_the_whole_name_as_an_outlets(newsroom: Newsroom) -> None:
    written = newsroom.ask("What did Jane Doe write?")
    assert written.text.splitlines() == [
        "The newest articles from Jane Doe:",
        f"• {WIRE_STORM.meta.title} [1]",
        f"• {STANDARD_STRIKE.meta.title} [2]",
    ]
    about = newsroom.ask("Was hat Jane Doe über den Sturm geschrieben?")
    assert about.text.splitlines() == [
        "Artikel zu „den Sturm“ von Jane Doe, die neuesten zuerst:",
        f"• {WIRE_STORM.meta.title} [1]",
    ]
    assert [source.meta.title for source in newsroom.ask("Articles by John Roe").sources] == [
        STANDARD_STRIKE.meta.title
    ]
    assert newsroom.ask("What did John Roe write about Hamburg?").abstained
    # the agent of a passive is who did it, not who wrote it up
    assert Outlets(newsroom.store.articles()).named("Who was interviewed by Jane Doe?") is None


def test_authors_are_no_outlets_and_one_word_names_no_author() -> None:
    written = [
        stored(1, "Wire"),
        StoredArticle("8", ArticleMeta(title="t", outlet="Wire", author="Jane Doe, APA"), "h", 1),
    ]
    named = Outlets(written)
    assert named.sizes == [("Wire", 2)]
    assert named.called("Jane Doe") == OutletQuery("", "Jane Doe", (), ("8",))
    assert named.named("What did APA write?") is None


def test_the_search_keeps_only_the_outlets_hits_when_the_store_cannot_filter_them(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    standard = [a.article_id for a in newsroom.latest(10) if a.meta.outlet == "derStandard.at"]
    by_id = OutletQuery(question="", name="by link", outlets=(), article_ids=tuple(standard))
    assert by_id.where() is not None
    monkeypatch.setattr(outlets, "MAX_WHERE_IDS", 0)  # as if it had more articles than a Chroma query takes
    assert by_id.where() is None
    hits = newsroom.searcher.search("How many railway workers joined the strike?", outlet=by_id)
    assert hits and {hit.article_id for hit in hits} <= set(standard)


def test_a_date_the_outlet_has_no_article_from_is_told_as_the_outlets(newsroom: Newsroom) -> None:
    listed = newsroom.ask("What did derStandard report on 30 November?")
    assert listed.abstained and listed.text == (
        "No article of derStandard.at from 2026-11-30 (30 November) is indexed; the newest is from 2026-12-02: "
        f"“{STANDARD_BUDGET.meta.title}”."
    )
    asked = newsroom.ask("Wie viele Eisenbahner streikten laut derStandard am 30. November?")
    assert asked.abstained and asked.text.startswith("Kein indexierter Artikel von derStandard.at ist vom 2026-11-30")


def test_which_outlets_reported_something_lists_its_articles_with_their_outlets(newsroom: Newsroom) -> None:
    answer = newsroom.ask("Which outlets reported on the rail strike?")
    assert answer.text.startswith("Articles about “the rail strike”, newest first:")
    assert {source.meta.outlet for source in answer.sources} == {"Wire", "derStandard.at"}
