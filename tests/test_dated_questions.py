"""Questions with dates, end to end on the embedded Chroma store: "yesterday" finds yesterday's article, "today"
with nothing from today says so, "latest" cites the newest article, and an undated article is never the newest."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.dates import parse_now, parse_question
from index.models import Source, Turn
from index.newsroom import Newsroom
from tests.conftest import make_settings
from tests.conftest import news_article as article

NOW = "2026-12-02T10:00:00+00:00"


def at(day: int, hour: int, month: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


ECB_TODAY = article(
    "ECB raises its key interest rate",
    "The European Central Bank raised its deposit rate by a quarter point on Wednesday to 2.5 percent. "
    "ECB President Christine Lagarde said inflation in the euro area remained too high.",
    at(2, 8),
)
ECB_UNDATED = article(
    "ECB news: the European Central Bank and its interest rates",
    "The latest news about the ECB: the European Central Bank keeps its interest rates unchanged at 2.25 percent. "
    "The ECB said it would watch inflation in the euro area closely.",
    None,
)
STORM_TODAY = article(
    "Storm closes the port of Hamburg",
    "A winter storm with gusts of 120 kilometres per hour closed the port of Hamburg on Wednesday morning. "
    "Ferries stopped and two container ships waited off the coast.",
    at(2, 9),
)
BUDGET_YESTERDAY = article(
    "Parliament passes the 2027 budget",
    "Parliament passed the budget for 2027 on Tuesday with 380 votes to 250. "
    "Spending on schools and railways rises, the defence budget stays level.",
    at(1, 16),
)
FLOODS_YESTERDAY = article(
    "Heavy rain floods streets in Porto",
    "Heavy rain flooded streets in the Portuguese city of Porto on Tuesday. Firefighters pumped water out of "
    "cellars and one bridge was closed.",
    at(1, 12),
)
FLOODS_2024 = article(
    "Floods kill dozens in Valencia",
    "Devastating floods killed dozens of people in Valencia, Spain, yesterday. Torrential rain and flash floods "
    "swept away cars and flooded streets, and rescue teams searched for the missing after the floods.",
    at(30, 10, month=10, year=2024),
)
FIRE_UNDATED = article(
    "Fire destroys a warehouse",
    "Yesterday a fire destroyed a warehouse near the station. What happened yesterday shocked the neighbours; "
    "nobody was hurt.",
    None,
)
ARTICLES = [ECB_TODAY, ECB_UNDATED, STORM_TODAY, BUDGET_YESTERDAY, FLOODS_YESTERDAY, FLOODS_2024, FIRE_UNDATED]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    newsroom = Newsroom(make_settings(tmp_path_factory.mktemp("dated") / "data", now=NOW))
    report = newsroom.ingest_articles(ARTICLES)
    assert report.added == len(ARTICLES) and not report.failed
    return newsroom


def titles(sources: Sequence[Source]) -> list[str]:
    return [source.meta.title for source in sources]


def assert_answered_from(newsroom: Newsroom, question: str, title: str, words: str) -> None:
    """The answer cites `title` first and quotes `words`."""
    answer = newsroom.ask(question)
    assert not answer.abstained
    assert titles(answer.sources)[0] == title
    assert words in answer.text


def assert_no_article_from(newsroom: Newsroom, question: str, days: str) -> None:
    """The question is refused as being about dates no indexed article is from: `days` is "2013-01-01 to …"."""
    answer = newsroom.ask(question)
    assert answer.abstained and not answer.sources
    assert answer.text.startswith(f"No article from {days}")


def test_what_happened_yesterday_lists_yesterdays_articles_only(newsroom: Newsroom) -> None:
    answer = newsroom.ask("What happened yesterday?")
    assert not answer.abstained
    assert titles(answer.sources) == [BUDGET_YESTERDAY.meta.title, FLOODS_YESTERDAY.meta.title]
    assert answer.text.splitlines() == [
        "Articles from 2026-12-01 (yesterday):",
        f"• {BUDGET_YESTERDAY.meta.title} [1]",
        f"• {FLOODS_YESTERDAY.meta.title} [2]",
    ]
    # asked in French, Spanish, Italian: headed in that language
    for question, heading in [
        ("Qu'est-ce qui s'est passé hier ?", "Articles du 2026-12-01 (hier) :"),
        ("¿Qué pasó ayer?", "Artículos del 2026-12-01 (ayer):"),
        ("Cosa è successo ieri?", "Articoli del 2026-12-01 (ieri):"),
        ("Wat gebeurde er gisteren?", "Artikelen van 2026-12-01 (gisteren):"),
        ("O que aconteceu ontem?", "Artigos de 2026-12-01 (ontem):"),
        ("Co się stało wczoraj?", "Artykuły z 2026-12-01 (wczoraj):"),
        ("Что случилось вчера?", "Статьи за 2026-12-01 (вчера):"),
        ("Що сталося вчора?", "Статті за 2026-12-01 (вчора):"),
    ]:
        asked = newsroom.ask(question)
        assert asked.text.splitlines()[0] == heading and titles(asked.sources) == titles(answer.sources)


def test_what_happened_today_lists_both_of_todays_articles_newest_first(newsroom: Newsroom) -> None:
    answer = newsroom.ask("What happened today?")
    assert titles(answer.sources) == [STORM_TODAY.meta.title, ECB_TODAY.meta.title]


def test_the_german_question_gets_a_german_heading(newsroom: Newsroom) -> None:
    answer = newsroom.ask("Was ist heute passiert?")
    assert answer.text.startswith("Artikel vom 2026-12-02 (heute):")
    assert len(answer.sources) == 2


def test_today_with_no_article_from_today_says_so_and_names_the_newest(newsroom: Newsroom) -> None:
    answer = newsroom.ask("What happened today?", now="2026-12-05T08:00:00+00:00")
    assert answer.abstained and not answer.sources
    assert answer.text == (
        f"No article from 2026-12-05 (today) is indexed; the newest is from 2026-12-02: “{STORM_TODAY.meta.title}”."
    )
    german = newsroom.ask("Was ist heute passiert?", now="2026-12-05T08:00:00+00:00")
    assert german.text.startswith("Kein indexierter Artikel ist vom 2026-12-05 (heute); der neueste ist vom 2026-12-02")
    summary = newsroom.ask("Give me a summary of today's news", now="2026-12-05T08:00:00+00:00")
    assert summary.text.startswith("No article from 2026-12-05 (today) is indexed")  # "(of today)" before
    spanish = newsroom.ask("¿Noticias de hoy?", now="2026-12-05T08:00:00+00:00")
    assert spanish.text.startswith("No hay ningún artículo del 2026-12-05 (hoy) indexado")
    # a year alone says no language: the question's does
    year = newsroom.ask("Wer kaufte 2022 den Hafen von Hamburg?")
    assert year.abstained and year.text.startswith("Kein indexierter Artikel ist vom 2022-01-01 bis 2022-12-31 (2022)")


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("Qu'est-ce qui s'est passé aujourd'hui ?", "Aucun article du 2026-12-05 (aujourd'hui) n’est indexé ; le plus"),
        ("¿Qué pasó hoy?", "No hay ningún artículo del 2026-12-05 (hoy) indexado; el más reciente es del 2026-12-02"),
        ("Cosa è successo oggi?", "Nessun articolo del 2026-12-05 (oggi) è indicizzato; il più recente è del 2026-12"),
        ("Wat gebeurde er vandaag?", "Er is geen artikel van 2026-12-05 (vandaag) geïndexeerd; het nieuwste is van"),
        ("O que aconteceu hoje?", "Nenhum artigo de 2026-12-05 (hoje) está indexado; o mais recente é de 2026-12-02"),
        ("Co się stało dzisiaj?", "Brak zaindeksowanych artykułów z 2026-12-05 (dzisiaj); najnowszy jest z 2026-12"),
        ("Что случилось сегодня?", "Нет проиндексированных статей за 2026-12-05 (сегодня); самая новая — от 2026-12"),
        ("Що сталося сьогодні?", "Немає проіндексованих статей за 2026-12-05 (сьогодні); найновіша — від 2026-12"),
    ],
)
def test_a_day_no_article_is_from_is_told_in_the_questions_language(
    newsroom: Newsroom, question: str, told: str
) -> None:
    answer = newsroom.ask(question, now="2026-12-05T08:00:00+00:00")
    assert answer.abstained and answer.text.startswith(told)


def test_tomorrow_is_asked_of_the_past_weeks_news_and_stale_news_says_so(newsroom: Newsroom) -> None:
    answer = newsroom.ask("Which port will the storm close tomorrow?", now="2026-12-03T08:00:00+00:00")
    assert not answer.abstained and "Hamburg" in answer.text
    assert titles(answer.sources)[0] == STORM_TODAY.meta.title
    # old news said "tomorrow" of another day: it is no forecast for this one
    stale = newsroom.ask("Which port will the storm close tomorrow?", now="2026-12-20T08:00:00+00:00")
    assert stale.abstained and not stale.sources
    assert stale.text.startswith("No article from 2026-12-14 to 2026-12-20 (tomorrow) is indexed; the newest is from")


def test_asking_the_date_gets_the_date_today_means(newsroom: Newsroom) -> None:
    assert newsroom.ask("What day is it today?").text.startswith("Today is Wednesday, 2 December 2026.")
    later = newsroom.ask("Welcher Tag ist heute?", now="2026-12-05T08:00:00+00:00")
    assert later.text.startswith("Heute ist Samstag, 5. Dezember 2026.") and not later.sources


def test_a_dated_question_is_answered_from_that_days_articles_though_older_news_is_closer(newsroom: Newsroom) -> None:
    question = "Which city was hit by floods yesterday?"
    # unfiltered, the 2024 floods in Valencia are the closest match: the filter is what finds Porto
    assert newsroom.search(question, k=1)[0].meta.title == FLOODS_2024.meta.title
    assert_answered_from(newsroom, question, FLOODS_YESTERDAY.meta.title, "Porto")


def test_when_the_asker_read_of_it_does_not_filter_the_news_by_that_day(newsroom: Newsroom) -> None:
    # the asker read of the Hamburg storm yesterday; the article is from today: before, "no article from yesterday"
    answer = newsroom.ask("I read yesterday that a storm closed a port. Which port was it?")
    assert not answer.abstained and "Hamburg" in answer.text, answer.text
    assert titles(answer.sources)[0] == STORM_TODAY.meta.title


def test_a_dated_question_about_something_else_is_not_answered_from_other_days(newsroom: Newsroom) -> None:
    assert_no_article_from(
        newsroom, "Which city was hit by floods in September?", "2026-09-01 to 2026-09-30 (in September)"
    )


def test_a_question_about_the_latest_is_answered_from_the_newest_article_not_the_undated_one(
    newsroom: Newsroom,
) -> None:
    question = "What is the ECB's latest interest rate?"
    # without the date step, the undated article is the closest match
    assert newsroom.search(question, k=1)[0].meta.title == ECB_UNDATED.meta.title
    answer = newsroom.ask(question)
    assert not answer.abstained
    assert titles(answer.sources) == [ECB_TODAY.meta.title]


def test_latest_news_about_a_topic_lists_its_articles_newest_first_the_undated_last(newsroom: Newsroom) -> None:
    answer = newsroom.ask("Latest news about the ECB")
    assert answer.text.splitlines() == [
        "Articles about “the ECB”, newest first:",
        f"• {ECB_TODAY.meta.title} [1]",
        f"• {ECB_UNDATED.meta.title} [2]",
    ]
    assert titles(answer.sources) == [ECB_TODAY.meta.title, ECB_UNDATED.meta.title]


def test_news_about_a_topic_lists_the_articles_that_name_it(newsroom: Newsroom) -> None:
    floods = newsroom.ask("Tell me about the floods")
    assert titles(floods.sources) == [FLOODS_YESTERDAY.meta.title, FLOODS_2024.meta.title]
    # a German request over English articles: no article says "EZB", the relevance decides; German heading
    german = newsroom.ask("Was gibt es Neues zur EZB?")
    assert german.text.startswith("Artikel zu „EZB“, die neuesten zuerst:")
    assert titles(german.sources)[0] == ECB_TODAY.meta.title


def test_and_about_another_topic_after_a_topics_list_lists_that_topics_articles(newsroom: Newsroom) -> None:
    floods = newsroom.ask("News about the floods")
    history = [Turn("News about the floods", floods.text)]
    for follow_up in ("And about the ECB?", "What about the ECB?"):
        ecb = newsroom.ask(follow_up, history=history)
        assert ecb.text.startswith("Articles about “the ECB”, newest first:")
        assert titles(ecb.sources) == [ECB_TODAY.meta.title, ECB_UNDATED.meta.title]
    german = newsroom.ask("Und zur EZB?", history=[Turn("Was gibt es Neues zu den Fluten?", floods.text)])
    assert german.text.startswith("Artikel zu „EZB“, die neuesten zuerst:")
    # a question after the list is a question, and picking an item picks it
    assert not newsroom.ask("And when did it rain?", history=history).text.startswith("Articles about")
    assert newsroom.ask("And the second?", history=history).sources[0].meta.title == FLOODS_2024.meta.title


def test_a_summary_of_a_topic_lists_its_articles_not_one_sentence(newsroom: Newsroom) -> None:
    for request in ["Can you summarise the news about the floods?", "Give me an overview of the floods"]:
        floods = newsroom.ask(request)
        assert floods.text.startswith("Articles about “the floods”, newest first:")
        assert titles(floods.sources) == [FLOODS_YESTERDAY.meta.title, FLOODS_2024.meta.title]
    german = newsroom.ask("Fasse die Nachrichten zur EZB zusammen")
    assert german.text.startswith("Artikel zu „EZB“, die neuesten zuerst:")
    assert titles(german.sources)[0] == ECB_TODAY.meta.title


def test_a_name_sent_alone_lists_the_articles_that_name_it(newsroom: Newsroom) -> None:
    # "ECB" alone got one sentence of one article; a user who sends a name wants the news on it
    answer = newsroom.ask("ECB")
    assert answer.text.splitlines()[0] == "Articles about “ECB”, newest first:"
    assert titles(answer.sources) == [ECB_TODAY.meta.title, ECB_UNDATED.meta.title]
    hamburg = newsroom.ask("hamburg")  # the newsroom capitalises a message's first letter
    assert hamburg.text.splitlines()[0] == "Articles about “Hamburg”, newest first:"
    assert titles(hamburg.sources) == [STORM_TODAY.meta.title]
    # after other turns a name may follow them up ("Hamburg" after the storm): no list then
    storm = newsroom.ask("What closed the port?")
    follow_up = newsroom.ask("Hamburg", history=[Turn("What closed the port?", storm.text)])
    assert not follow_up.text.startswith("Articles about")


def test_news_about_a_topic_the_news_does_not_cover_is_refused(newsroom: Newsroom) -> None:
    # each was told "The indexed news does not say."
    for request, topic in [
        ("Any news about volcanoes in Iceland?", "volcanoes in Iceland"),
        ("What's new with the Pope?", "the Pope"),
        ("NATO", "NATO"),
    ]:
        answer = newsroom.ask(request)
        assert answer.abstained and not answer.sources
        assert answer.text == f"No indexed article is about “{topic}”."
    german = newsroom.ask("Nachrichten über Vulkane")
    assert german.abstained and german.text == "Kein indexierter Artikel handelt von „Vulkane“."
    # the answerer finds a sentence for "Bitcoin" (about the ECB): no article names it, in any language
    for request in ["Bitcoin", "News about Bitcoin"]:
        bitcoin = newsroom.ask(request)
        assert bitcoin.abstained and bitcoin.text == "No indexed article is about “Bitcoin”.", request


def test_the_headlines_are_the_newest_articles(newsroom: Newsroom) -> None:
    for request in ["What are the headlines?", "Summarize the news"]:
        answer = newsroom.ask(request)
        assert answer.text.startswith("The newest articles:")
        assert titles(answer.sources)[:2] == [STORM_TODAY.meta.title, ECB_TODAY.meta.title]
    assert newsroom.ask("Fasse die Nachrichten zusammen").text.startswith("Die neuesten Artikel:")


def test_a_request_for_a_number_of_headlines_gets_that_many(newsroom: Newsroom) -> None:
    for request in ["Top 2 headlines", "Show me the 2 latest articles", "Die 2 neuesten Artikel"]:
        answer = newsroom.ask(request)
        assert titles(answer.sources) == [STORM_TODAY.meta.title, ECB_TODAY.meta.title], request
        assert answer.text.splitlines()[-1].startswith(("… and", "… und"))
    assert len(newsroom.ask("What are the top stories?").sources) > 2


def test_a_follow_up_picking_a_listed_article_gets_its_lead(newsroom: Newsroom) -> None:
    headlines = newsroom.ask("What are the headlines?")
    history = [Turn("What are the headlines?", headlines.text)]
    second = newsroom.ask("Tell me more about the second one", history=history)
    assert titles(second.sources) == [ECB_TODAY.meta.title]
    assert second.text.startswith("The European Central Bank raised its deposit rate by a quarter point")
    assert second.text.endswith("[1]")
    assert titles(newsroom.ask("Und der erste?", history=history).sources) == [STORM_TODAY.meta.title]
    history.append(Turn("Tell me more about the second one", second.text))  # the list is an answer back now
    assert titles(newsroom.ask("And the first?", history=history).sources) == [STORM_TODAY.meta.title]


def test_what_the_article_is_about_gets_the_lead_of_the_article_the_last_answer_quoted(newsroom: Newsroom) -> None:
    # after an answer these got "The indexed news does not say." or a sentence of whatever story "Artikel" matched
    asked = "How strong were the gusts of the storm in Hamburg?"
    answer = newsroom.ask(asked)
    assert titles(answer.sources)[:1] == [STORM_TODAY.meta.title] and "120 kilometres" in answer.text
    history = [Turn(asked, answer.text)]
    for question in [
        "What is the article about?",
        "What's it about?",
        "Worum geht es in dem Artikel?",
        "Worum geht's?",
    ]:
        lead = newsroom.ask(question, history=history)
        assert titles(lead.sources) == [STORM_TODAY.meta.title], question
        assert lead.text == f"{STORM_TODAY.text} [1]", question
    # after a refusal the story is still the one the last quoting answer told
    history.append(Turn("Who owns the port?", "The indexed news does not say."))
    assert titles(newsroom.ask("What is this story about?", history=history).sources) == [STORM_TODAY.meta.title]
    # before any answer it is asked which story is meant
    alone = newsroom.ask("What is the article about?")
    assert alone.abstained and not alone.sources
    assert alone.text.startswith("Which story do you mean?")
    assert newsroom.ask("Worum geht es?").text.startswith("Welche Meldung meinen Sie?")


def test_what_the_article_is_about_over_one_article_gets_its_lead(tmp_path: Path) -> None:
    newsroom = Newsroom(make_settings(tmp_path / "data", now=NOW))
    assert newsroom.ingest_articles([FLOODS_YESTERDAY]).added == 1
    lead = newsroom.ask("What is the article about?")
    assert titles(lead.sources) == [FLOODS_YESTERDAY.meta.title] and lead.text == f"{FLOODS_YESTERDAY.text} [1]"


def test_a_question_about_what_the_bot_has_read_gets_the_archives_figures(newsroom: Newsroom) -> None:
    answer = newsroom.ask("How many articles have you read?")
    assert answer.text == (
        f"I have read 7 articles from 1 outlet (Wire); the newest is from 2026-12-02: “{STORM_TODAY.meta.title}” [1]."
    )
    assert titles(answer.sources) == [STORM_TODAY.meta.title]
    german = newsroom.ask("Welche Medien liest du?")
    assert german.text.startswith("Ich habe 7 Artikel aus 1 Medium gelesen (Wire); der neueste ist vom 2026-12-02")
    languages = newsroom.ask("Hast du Artikel auf Deutsch?")
    assert languages.text.startswith(
        "Ich habe 7 Artikel aus 1 Medium gelesen (Wire): 7 auf Englisch, keiner auf Deutsch;"
    )


def test_whats_new_lists_the_newest_articles_with_undated_ones_last(newsroom: Newsroom) -> None:
    answer = newsroom.ask("What's new?")
    assert answer.text.startswith("The newest articles:")
    assert titles(answer.sources)[:3] == [STORM_TODAY.meta.title, ECB_TODAY.meta.title, BUDGET_YESTERDAY.meta.title]
    assert set(titles(answer.sources)[-2:]) == {ECB_UNDATED.meta.title, FIRE_UNDATED.meta.title}
    # asked in French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian: the same list, headed in
    # that language
    for question, heading in [
        ("Quoi de neuf ?", "Les articles les plus récents :"),
        ("¿Qué hay de nuevo?", "Los artículos más recientes:"),
        ("Cosa c'è di nuovo?", "Gli articoli più recenti:"),
        ("Wat is er nieuw?", "De nieuwste artikelen:"),
        ("O que há de novo?", "Os artigos mais recentes:"),
        ("Co nowego?", "Najnowsze artykuły:"),
        ("Что нового?", "Самые новые статьи:"),
        ("Що нового?", "Найновіші статті:"),
    ]:
        asked = newsroom.ask(question)
        assert asked.text.splitlines()[0] == heading and titles(asked.sources) == titles(answer.sources)
    for question, heading in [
        ("Noticias sobre el puerto de Hamburgo", "Artículos sobre «puerto de Hamburgo»"),
        ("Nieuws over de haven van Hamburg", "Artikelen over “haven van Hamburg”"),
        ("Notícias sobre o porto de Hamburgo", "Artigos sobre “porto de Hamburgo”"),
        ("Wiadomości o porcie w Hamburgu", "Artykuły o „porcie w Hamburgu”"),
        ("Новости о порте Гамбурга", "Статьи по запросу «порте Гамбурга»"),
        ("Новини про порт Гамбурга", "Статті за запитом «порт Гамбурга»"),
    ]:
        storm = newsroom.ask(question)
        assert storm.text.startswith(heading) and STORM_TODAY.meta.title in titles(storm.sources)


def test_an_undated_article_is_never_the_latest(newsroom: Newsroom) -> None:
    latest = [a.meta.title for a in newsroom.latest(len(ARTICLES))]
    assert latest[:2] == [STORM_TODAY.meta.title, ECB_TODAY.meta.title]
    assert set(latest[-2:]) == {ECB_UNDATED.meta.title, FIRE_UNDATED.meta.title}


@pytest.mark.parametrize("recent", [False, True])
@pytest.mark.parametrize("mode", ["dense", "lexical", "hybrid"])
def test_search_with_a_date_range_returns_only_articles_from_it(newsroom: Newsroom, mode: str, recent: bool) -> None:
    dates = parse_question("floods yesterday", parse_now(NOW))
    assert dates.published is not None
    searcher = newsroom.searcher
    saved = searcher.mode
    searcher.mode = mode  # type: ignore[assignment]
    try:
        hits = searcher.search("flooded streets", 5, published=dates.published, recent=recent)
    finally:
        searcher.mode = saved
    assert hits
    assert {hit.meta.title for hit in hits} <= {FLOODS_YESTERDAY.meta.title, BUDGET_YESTERDAY.meta.title}
    assert hits[0].meta.title == FLOODS_YESTERDAY.meta.title


def test_a_question_without_dates_still_finds_undated_articles(newsroom: Newsroom) -> None:
    answer = newsroom.ask("What did the fire destroy?")
    assert titles(answer.sources) == [FIRE_UNDATED.meta.title]


def test_a_bad_now_is_named_with_the_fix(tmp_path: Path) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="2026-12-02T09:30"):
        make_settings(tmp_path, now="tomorrow")


CONCORDIA_2015 = article(
    "Concordia captain appeals his sentence",
    "The former captain of the Costa Concordia appealed his sentence on Monday. The cruise ship struck a rock off "
    "the island of Giglio in January 2012 and capsized; 32 people died.",
    at(4, 9, month=5, year=2015),
)
CRUISES_2012 = article(
    "Cruise season starts with record bookings",
    "The cruise season in the Mediterranean started with record bookings. Operators of cruise ships expect more "
    "passengers than ever this winter.",
    at(2, 9, month=1, year=2012),
)
WARSAW_UNDATED = article(
    "Warsaw at the turn of the century",
    "In 1901 Warsaw had 711,988 inhabitants, of whom 56.2 percent were Catholics and 35.7 percent Jews.",
    None,
)
STADIUM_2024 = article(
    "City plans a stadium for 2030",
    "The city council approved plans for a new football stadium. It is to open in 2030 with 40,000 seats.",
    at(3, 9, month=6, year=2024),
)
BRIDGE_UNDATED = article(
    "Port Elda opens its harbour bridge",
    "The mayor of Port Elda, Anna Berg, opened the new harbour bridge on Tuesday. The bridge cost 40 million euros "
    "and carries 12,000 cars a day.",
    None,
)
LANDER_UNDATED = article(
    "Last call to the comet lander",
    "At the weekend the space agency sent the lander Philae a command to start its flywheel. The lander did not "
    "answer, and the chances that it ever will are fading.",
    None,
)
PROTEST_UNDATED = article(
    "Tausende protestieren in Reykjavík",
    "In Reykjavík waren am Montagabend bis zu 12.000 Menschen gegen den Regierungschef auf die Straße gegangen. Es "
    "waren die größten Proteste in der Geschichte der Inselrepublik.",
    None,
)
LOOKING_BACK = [
    CONCORDIA_2015,
    CRUISES_2012,
    WARSAW_UNDATED,
    STADIUM_2024,
    BRIDGE_UNDATED,
    LANDER_UNDATED,
    PROTEST_UNDATED,
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    newsroom = Newsroom(make_settings(tmp_path_factory.mktemp("archive") / "data", now=NOW))
    assert newsroom.ingest_articles(LOOKING_BACK).added == len(LOOKING_BACK)
    return newsroom


def test_a_question_about_a_year_is_answered_by_a_later_article_that_names_it(archive: Newsroom) -> None:
    # January 2012 has an article of its own, about cruises, but the 2015 article tells what happened then
    assert_answered_from(
        archive, "What did the Costa Concordia hit in January 2012?", CONCORDIA_2015.meta.title, "Giglio"
    )


def test_an_undated_article_that_names_the_year_answers_for_it(archive: Newsroom) -> None:
    assert_answered_from(archive, "What was the population of Warsaw in 1901?", WARSAW_UNDATED.meta.title, "711,988")


def test_an_article_from_before_the_year_does_not_answer_for_it(archive: Newsroom) -> None:
    # the 2024 article names 2030 as a plan: it cannot report what happened then
    assert_no_article_from(
        archive, "How many seats did the new football stadium have in 2030?", "2030-01-01 to 2030-12-31 (in 2030)"
    )


def test_a_later_article_that_does_not_name_the_year_does_not_answer_for_it(archive: Newsroom) -> None:
    assert_no_article_from(
        archive, "Which cruise ship capsized off Giglio in 2013?", "2013-01-01 to 2013-12-31 (in 2013)"
    )


def test_an_undated_article_that_names_the_weekday_answers_for_it(archive: Newsroom) -> None:
    # no indexed article is from Tuesday (2026-12-01), and the question names no year: the undated article that
    # says "on Tuesday" may be from any week
    question = "Who opened the new harbour bridge in Port Elda on Tuesday?"
    assert_answered_from(archive, question, BRIDGE_UNDATED.meta.title, "Anna Berg")
    german = "Wer hat am Dienstag die neue Hafenbrücke in Port Elda eröffnet?"
    assert_answered_from(archive, german, BRIDGE_UNDATED.meta.title, "Anna Berg")


def test_an_undated_article_that_names_the_weekday_with_its_part_of_the_day_answers_for_it(archive: Newsroom) -> None:
    # German joins the part of the day to the weekday ("am Montagabend"); the English question's "Monday" is found
    # in it (it was told no article is from Monday)
    question = "How many people took to the streets in Reykjavík on Monday evening?"
    assert_answered_from(archive, question, PROTEST_UNDATED.meta.title, "12.000")


def test_an_undated_article_that_says_at_the_weekend_answers_for_it(archive: Newsroom) -> None:
    # no indexed article is from last weekend (2026-11-28 and 29); the undated one says "at the weekend"
    question = "What command did the space agency send the lander Philae at the weekend?"
    assert_answered_from(archive, question, LANDER_UNDATED.meta.title, "flywheel")
    german = "Welches Kommando schickte die Raumfahrtagentur am Wochenende an den Lander Philae?"
    assert_answered_from(archive, german, LANDER_UNDATED.meta.title, "flywheel")


def test_an_undated_article_that_does_not_name_the_month_does_not_answer_for_it(archive: Newsroom) -> None:
    assert_no_article_from(
        archive,
        "Who opened the new harbour bridge in Port Elda in September?",
        "2026-09-01 to 2026-09-30 (in September)",
    )
