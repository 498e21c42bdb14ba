"""Date expressions in English and German questions become publication-date ranges relative to a fixed now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from index.dates import DateRange, parse_now, parse_question

# A Wednesday.
NOW = parse_now("2026-12-02T10:00:00+00:00")


@pytest.mark.parametrize(
    ("question", "days", "rest"),
    [
        ("What happened yesterday?", "2026-12-01", "What happened?"),
        ("Was ist gestern passiert?", "2026-12-01", "Was ist passiert?"),
        ("What happened today?", "2026-12-02", "What happened?"),
        ("Was ist heute passiert?", "2026-12-02", "Was ist passiert?"),
        ("What did the ECB say this morning?", "2026-12-02", "What did the ECB say?"),
        ("Was geschah heute morgen in Berlin?", "2026-12-02", "Was geschah in Berlin?"),
        ("What happened the day before yesterday?", "2026-11-30", "What happened?"),
        ("Was war vorgestern?", "2026-11-30", "Was war?"),
        # what is to happen tomorrow, the past week's news may tell (a preview, a forecast); older news cannot
        ("What is the weather tomorrow?", "2026-11-26 to 2026-12-02", "What is the weather?"),
        ("What's tomorrow's weather?", "2026-11-26 to 2026-12-02", "What's weather?"),
        ("Wie wird das Wetter morgen?", "2026-11-26 to 2026-12-02", "Wie wird das Wetter?"),
        ("Wer spielt übermorgen gegen Bayern?", "2026-11-26 to 2026-12-02", "Wer spielt gegen Bayern?"),
        ("What happened 3 days ago?", "2026-11-29", "What happened?"),
        ("Was geschah vor zwei Tagen?", "2026-11-30", "Was geschah?"),
        ("What happened last week?", "2026-11-23 to 2026-11-29", "What happened?"),
        ("Was geschah letzte Woche?", "2026-11-23 to 2026-11-29", "Was geschah?"),
        ("Was geschah vorige Woche?", "2026-11-23 to 2026-11-29", "Was geschah?"),
        ("Was geschah vergangene Woche in Paris?", "2026-11-23 to 2026-11-29", "Was geschah in Paris?"),
        ("What happened in the past week?", "2026-11-25 to 2026-12-02", "What happened?"),
        ("Was war in der letzten Woche los?", "2026-11-25 to 2026-12-02", "Was war los?"),
        ("Floods in the last 3 days?", "2026-11-29 to 2026-12-02", "Floods?"),
        ("Hochwasser in den letzten 3 Tagen?", "2026-11-29 to 2026-12-02", "Hochwasser?"),
        ("What happened this week?", "2026-11-30 to 2026-12-02", "What happened?"),
        ("Was geschah diese Woche?", "2026-11-30 to 2026-12-02", "Was geschah?"),
        ("Was geschah in dieser Woche?", "2026-11-30 to 2026-12-02", "Was geschah?"),
        ("What has the ECB said since Monday?", "2026-11-30 to 2026-12-02", "What has the ECB said?"),
        ("Was sagt die EZB seit Montag?", "2026-11-30 to 2026-12-02", "Was sagt die EZB?"),
        ("What happened on Monday?", "2026-11-30", "What happened?"),
        ("Was war am Montag?", "2026-11-30", "Was war?"),
        ("What happened on Wednesday?", "2026-12-02", "What happened?"),
        ("What happened last Wednesday?", "2026-11-25", "What happened?"),
        ("Was war am Wochenende?", "2026-11-28 to 2026-11-29", "Was war?"),
        ("What happened in September?", "2026-09-01 to 2026-09-30", "What happened?"),
        ("Was geschah im September?", "2026-09-01 to 2026-09-30", "Was geschah?"),
        ("Was geschah im Dezember?", "2026-12-01 to 2026-12-31", "Was geschah?"),
        ("Elections in September 2024?", "2024-09-01 to 2024-09-30", "Elections?"),
        ("What happened on 1 December?", "2026-12-01", "What happened?"),
        ("What happened on the 1st of December?", "2026-12-01", "What happened?"),
        ("What happened on December 1?", "2026-12-01", "What happened?"),
        ("What happened on 5 December?", "2025-12-05", "What happened?"),
        ("Was geschah am 1. Dezember?", "2026-12-01", "Was geschah?"),
        ("Was geschah am 1.12.?", "2026-12-01", "Was geschah?"),
        ("Was geschah am 24.11.2025?", "2025-11-24", "Was geschah?"),
        ("What happened on 2026-11-30?", "2026-11-30", "What happened?"),
        ("What happened in 2024?", "2024-01-01 to 2024-12-31", "What happened?"),
        ("Was geschah im Jahr 2024?", "2024-01-01 to 2024-12-31", "Was geschah?"),
        # today and yesterday in French, Spanish and Italian ("hier" only in French: German's is "here")
        ("Qu'est-ce qui s'est passé hier ?", "2026-12-01", "Qu'est-ce qui s'est passé?"),
        ("¿Qué pasó ayer?", "2026-12-01", "¿Qué pasó?"),
        ("Cosa è successo ieri?", "2026-12-01", "Cosa è successo?"),
        ("Les nouvelles d'aujourd'hui", "2026-12-02", "Les nouvelles"),
        # and in Dutch, Portuguese, Polish, Russian and Ukrainian
        ("Wat gebeurde er gisteren?", "2026-12-01", "Wat gebeurde er?"),
        ("O que aconteceu ontem?", "2026-12-01", "O que aconteceu?"),
        ("Co się stało wczoraj?", "2026-12-01", "Co się stało?"),
        ("Что случилось вчера?", "2026-12-01", "Что случилось?"),
        ("Що сталося вчора?", "2026-12-01", "Що сталося?"),
        ("Nieuws van vandaag", "2026-12-02", "Nieuws"),
        ("Notícias de hoje", "2026-12-02", "Notícias"),
        ("Wiadomości z dzisiaj", "2026-12-02", "Wiadomości"),
        ("Новости за сегодня", "2026-12-02", "Новости"),
        ("Новини за сьогодні", "2026-12-02", "Новини"),
        # a bare year after a verb, as German says when (was a question of no date)
        ("Wer kaufte 2022 den Fußballklub Chelsea?", "2022-01-01 to 2022-12-31", "Wer kaufte den Fußballklub Chelsea?"),
        ("Wer erhielt 2018 den Friedensnobelpreis?", "2018-01-01 to 2018-12-31", "Wer erhielt den Friedensnobelpreis?"),
        ("Wen heiratete er 1909?", "1909-01-01 to 1909-12-31", "Wen heiratete er?"),
        # and between an article and a participle, as German says "held in 2021" (was a question of no date)
        (
            "Welches Land führte den Medaillenspiegel bei den 2021 ausgetragenen Spielen an?",
            "2021-01-01 to 2021-12-31",
            "Welches Land führte den Medaillenspiegel bei den ausgetragenen Spielen an?",
        ),
        ("Wer führt die 2013 gegründete Partei?", "2013-01-01 to 2013-12-31", "Wer führt die gegründete Partei?"),
        ("Who has led the party since 2024?", "2024-01-01 to 2026-12-02", "Who has led the party?"),
        ("What happened this month?", "2026-12-01 to 2026-12-02", "What happened?"),
        ("Was geschah letzten Monat?", "2026-11-01 to 2026-11-30", "Was geschah?"),
        ("What happened last year?", "2025-01-01 to 2025-12-31", "What happened?"),
        ("Was geschah dieses Jahr?", "2026-01-01 to 2026-12-02", "Was geschah?"),
    ],
)
def test_a_date_expression_becomes_a_range_and_leaves_the_question(question: str, days: str, rest: str) -> None:
    query = parse_question(question, NOW)
    assert query.published is not None, question
    assert query.published.days == days
    assert query.text == rest


@pytest.mark.parametrize(
    "question",
    [
        "How many people died in the 2024 floods?",
        "Who denied supplying arms?",
        "Wer hat Waffenlieferungen bestritten?",
        "What may the court decide?",
        "Wie viele Menschen starben in New York?",
        "Was the 2019 report published?",
        "What is the Good Friday Agreement?",
        "How much did shoppers spend on Black Friday?",
        # these days, not one day's news
        "Whose wall has fragments visible in places around Newcastle even today?",
        "Von welcher Mauer sind noch heute an Orten rund um Newcastle Fragmente sichtbar?",
        "Which buildings still stand today?",
        "Was ist bis heute über den Täter bekannt?",
        # "letzten Jahre" (her last years) is no "letzten Jahr"
        "Wo verbrachte Victoria einen Teil ihrer letzten Jahre?",
        "Was passiert hier?",
        # a bare year that is an amount or a bound, or after a name, which it may belong to ("Windows 2000")
        "Wie viele der 2000 Soldaten kamen zurück?",
        "Er zahlte rund 2000 Euro?",
        "Wann gewann Polonia Warschau vor 2000 die Landesmeisterschaft?",
        "Welche Band gewann den Eurovision Song Contest 2021 in Rotterdam?",
        "Wer führte die Panthers 2015 bei den Tackles an?",
        # a round year before a participle may count what it names; a year before a noun names the event
        "Wie viele der 2000 verletzten Soldaten kamen zurück?",
        "Wer schrieb den 2015 Bericht?",
    ],
)
def test_questions_without_a_date_have_no_range(question: str) -> None:
    query = parse_question(question, NOW)
    assert query.published is None
    assert query.text == question


@pytest.mark.parametrize(
    ("question", "dated"),
    [
        # when the asker read or heard of it: no date of the news
        ("I read yesterday that North Korea denied supplying arms. Is that true?", False),
        ("Yesterday I heard that the Taliban shot down a helicopter. Who was on board?", False),
        ("I've just read today that the minister resigned. Why?", False),
        ("We saw on TV last week that prices rose. By how much?", False),
        ("Ich habe gestern gelesen, dass die Pensionen steigen. Um wie viel?", False),
        ("Gestern habe ich gehört, dass es in Wien brennt. Wo genau?", False),
        # the news of that day, whoever read it
        ("I read that yesterday the army took the town. Which town?", True),
        ("I want to read yesterday's news", True),
        ("I read the news from yesterday about Kabul", True),
        ("What happened yesterday? I have not read the news.", True),
        ("Was ist gestern passiert? Ich habe es nicht gelesen.", True),
    ],
)
def test_when_the_asker_read_of_it_is_no_date_of_the_news(question: str, dated: bool) -> None:
    query = parse_question(question, NOW)
    assert (query.published is not None) == dated
    if not dated:
        assert query.text == question


def test_ranges_are_whole_local_days_in_the_time_zone_of_now() -> None:
    berlin = timezone(timedelta(hours=1))
    query = parse_question("What happened today?", datetime(2026, 12, 2, 0, 30, tzinfo=berlin))
    assert query.published == DateRange(
        datetime(2026, 12, 2, tzinfo=berlin), datetime(2026, 12, 3, tzinfo=berlin), "today"
    )
    assert query.published.contains(datetime(2026, 12, 1, 23, 30, tzinfo=UTC).timestamp())
    assert not query.published.contains(datetime(2026, 12, 1, 22, 59, tzinfo=UTC).timestamp())
    assert not query.published.contains(None)


def test_only_the_first_date_expression_counts() -> None:
    query = parse_question("What happened yesterday and last week?", NOW)
    assert query.published is not None and query.published.expression == "yesterday"


@pytest.mark.parametrize(
    ("question", "recent", "broad"),
    [
        ("Latest news about the ECB", True, False),
        ("Die neuesten Nachrichten zur EZB?", True, False),
        ("Was gibt es Neues?", True, True),
        ("What's new?", True, True),
        ("Any recent news?", True, True),
        ("Was ist aktuell los?", True, True),
        ("What happened today?", False, True),
        ("Was ist heute passiert?", False, True),
        ("Tell me the news from yesterday", False, True),
        ("What did the ECB decide yesterday?", False, False),
        ("Who denied supplying arms?", False, False),
        ("Fire in New York?", False, False),
        ("What new rules did the EU pass?", False, False),
        ("Welche neuen Regeln hat die EU beschlossen?", False, False),
        ("What is the current inflation rate?", True, False),
        # only the newest news tells what is to happen
        ("What will happen tomorrow?", True, True),
        ("Was passiert morgen?", True, True),
        ("Who plays Bayern tomorrow?", True, False),
        ("Wer spielt morgen gegen Bayern?", True, False),
        ("Was geschah am Morgen des Anschlags?", False, False),
        ("Wer sprach gestern Morgen?", False, False),
        ("Morgen spielt Bayern gegen wen?", True, False),
        ("Wie viele Zuschauer sahen die erste Folge der ZDF-Serie Morgen hör ich auf?", False, False),
        # asking for the news as a whole is asking for the newest
        ("What are the headlines?", True, True),
        ("What's in the news?", True, True),
        ("Summarize the news", True, True),
        ("Top stories", True, True),
        ("Fasse die Nachrichten zusammen", True, True),
        ("Was steht in den Nachrichten?", True, True),
        ("Gibt es Schlagzeilen?", True, True),
        ("list articles", True, True),
        ("Tell me something interesting", True, True),
        ("Gibt es was Spannendes?", True, True),
        ("What is interesting about the ECB's decision?", False, False),
        # the most important news, the main topics: the newest headlines (each got a doubted sentence)
        ("What is the most important news?", True, True),
        ("Was sind die wichtigsten Nachrichten?", True, True),
        ("What are the main topics?", True, True),
        ("Was sind die Top-Themen?", True, True),
        ("Breaking news", True, True),
        ("What are the main topics of the summit?", False, False),
        ("Welche Themen sprach Merkel an?", False, False),
        # what is going on, in the world: the newest headlines (each got a sentence or "Which story do you mean?")
        ("What's going on?", True, True),
        ("What is happening in the world?", True, True),
        ("Was ist los?", True, True),
        ("Was ist los in der Welt?", True, True),
        ("What is happening in Syria?", False, False),
        ("Was ist mit Apple los?", False, False),
        # but not the news on something, nor a question that names news
        ("News about the ECB", False, False),
        ("Which news agency reported the fire?", False, False),
        ("Wie lautet die Zusammenfassung des Berichts?", False, False),
    ],
)
def test_questions_about_the_present_prefer_new_articles(question: str, recent: bool, broad: bool) -> None:
    query = parse_question(question, NOW)
    assert (query.recent, query.broad) == (recent, broad)


def test_a_question_starting_with_morgen_may_name_the_series_and_keeps_every_date() -> None:
    query = parse_question("Morgen hör ich auf: Wer spielt den Vater?", NOW)
    assert query.published is None and query.recent
    assert parse_question("Wer spielt morgen den Vater?", NOW).published is not None


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("What are the headlines?", "en"),
        ("Nachrichten", "de"),
        ("Was sind die Schlagzeilen?", "de"),
        ("Anything interesting?", "en"),
        ("Erzähl mir was Interessantes", "de"),
        # French, Spanish, Italian (each got a doubted sentence)
        ("Quoi de neuf ?", "fr"),
        ("Quelles sont les dernières nouvelles ?", "fr"),
        ("¿Qué hay de nuevo?", "es"),
        ("¿Cuáles son las últimas noticias?", "es"),
        ("Cosa c'è di nuovo?", "it"),
        ("Le ultime notizie", "it"),
        # Dutch, Portuguese, Polish, Russian, Ukrainian (each got a doubted sentence); "últimas" is Spanish and
        # Portuguese, "нового" Russian and Ukrainian: the question's language decides
        ("Wat is er nieuw?", "nl"),
        ("Wat is het laatste nieuws?", "nl"),
        ("Wat gebeurde er gisteren?", "nl"),
        ("O que há de novo?", "pt"),
        ("Quais são as últimas notícias?", "pt"),
        ("Notícias de hoje", "pt"),
        ("Co nowego?", "pl"),
        ("Jakie są najnowsze wiadomości?", "pl"),
        ("Wiadomości z dzisiaj", "pl"),
        ("Что нового?", "ru"),
        ("Какие последние новости?", "ru"),
        ("Новости за сегодня", "ru"),
        ("Що нового?", "uk"),
        ("Які останні новини?", "uk"),
        ("Що сталося вчора?", "uk"),
        # an update, an overview: each was listed as a topic ("Articles about “Updates”")
        ("Updates", "en"),
        ("Any updates?", "en"),
        ("Gibt es Updates?", "de"),
        ("Übersicht", "de"),
        # the top of the news sent alone: each was listed as a topic ("Articles about “Top”")
        ("Top", "en"),
        ("Topnews", "en"),
        ("Breaking", "en"),
        ("Top-Meldungen", "de"),
    ],
)
def test_a_request_for_the_news_is_answered_in_its_language(question: str, language: str) -> None:
    query = parse_question(question, NOW)
    assert query.broad and query.language == language


@pytest.mark.parametrize(
    "question",
    [
        "Was ist das Neue an Apples Stift?",
        "Quelles sont les nouvelles règles de l'UE ?",
        "Nueva York",
        "Wat zijn de nieuwe regels van de EU?",
        "Что нового в законе о выборах?",
    ],
)
def test_a_question_that_names_something_new_asks_for_no_headlines(question: str) -> None:
    assert not parse_question(question, NOW).broad


def test_top_with_a_number_alone_asks_for_that_many_headlines() -> None:
    query = parse_question("Top 5", NOW)
    assert query.broad and query.count == 5
    for question in ("Who is top of the Bundesliga?", "What was the top speed?", "Breaking Bad"):
        assert not parse_question(question, NOW).broad, question


def test_now_is_an_iso_date_or_time_or_the_clock() -> None:
    assert parse_now("2026-12-02") == datetime(2026, 12, 2, 12, tzinfo=UTC)
    assert parse_now("2026-12-02T09:30+01:00").utcoffset() == timedelta(hours=1)
    assert abs(parse_now("").timestamp() - datetime.now(UTC).timestamp()) < 60
    with pytest.raises(ValueError, match="2026-12-02T09:30"):
        parse_now("yesterday")


def test_the_range_filters_chroma_on_the_published_timestamp() -> None:
    query = parse_question("What happened yesterday?", NOW)
    assert query.published is not None
    start = datetime(2026, 12, 1, tzinfo=UTC).timestamp()
    assert query.published.where() == {
        "$and": [{"published_ts": {"$gte": start}}, {"published_ts": {"$lt": start + 86400}}]
    }


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a reply says "No article from 2026-12-02 (today)": "(of today)", "(von heute)" before
        ("Give me a summary of today's news", "today"),
        ("Was sind die Nachrichten von heute?", "heute"),
        ("Was gab es vom 1. Dezember?", "1. Dezember"),
        ("What happened on the day before yesterday?", "the day before yesterday"),
        ("Noticias de hoy?", "hoy"),
        ("Nouvelles d'aujourd'hui ?", "aujourd'hui"),
        ("Новости за сегодня?", "сегодня"),
        # words that are not "of" or "from" stay
        ("What happened in September?", "in September"),
        ("What happened since Monday?", "since Monday"),
        ("What happened yesterday?", "yesterday"),
        # a message's first capital is not repeated on a word written in lower case ("(Heute)" before)
        ("Heute", "heute"),
        ("Gestern?", "gestern"),
        ("Today's news", "today"),
        ("Monday's news", "Monday"),
        ("Im Januar?", "im Januar"),
        ("Letzte Woche?", "letzte Woche"),
    ],
)
def test_a_range_is_repeated_without_its_of_or_from(question: str, said: str) -> None:
    published = parse_question(question, NOW).published
    assert published is not None and published.said == said


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("What did the Costa Concordia hit in January 2012?", ("2012",)),
        ("Wie viele Einwohner hatte Warschau im Jahr 1901?", ("1901",)),
        ("What happened on 2026-11-30?", ("2026",)),
        ("What happened yesterday?", ()),
        ("Which city was flooded in September?", ()),
    ],
)
def test_a_range_knows_the_years_its_expression_names(question: str, years: tuple[str, ...]) -> None:
    published = parse_question(question, NOW).published
    assert published is not None and published.years == years


WEEKEND_NAMES = ("saturday", "samstag", "sonnabend", "sunday", "sonntag", "weekend", "wochenende")


@pytest.mark.parametrize(
    ("question", "names", "named", "not_named"),
    [
        ("What did the Costa Concordia hit in January 2012?", ("2012",), "ran aground in 2012", "im Jänner"),
        ("Wer sprach am Dienstag?", ("tuesday", "dienstag"), "sagte sie am Dienstag.", "Dienstags-Zug"),
        ("Who spoke last Tuesday?", ("tuesday", "dienstag"), "Am Dienstag sprach", "Donnerstag"),
        ("How many marched on Monday evening?", ("monday", "montag"), "Am Montagabend waren", "Montagewerke"),
        ("Wer sprach am Sonntag?", ("sunday", "sonntag"), "sagte er Sonntagfrüh", "Sonntagsfrage"),
        ("Was geschah im Jänner?", ("january", "januar", "jänner"), "Anfang Jänner", "Juni"),
        ("Unter welchem Namen ist der 14. Februar bekannt?", ("february", "februar"), "am 14. Februar", "Feber"),
        ("What happened yesterday?", (), "", "yesterday"),
        (
            "What did the team try at the weekend?",
            WEEKEND_NAMES,
            "Am Wochenende hatte das DLR ein Kommando geschickt",
            "Wochenendbeilage",
        ),
        ("Wer spielte am Wochenende?", WEEKEND_NAMES, "spielte am Samstag", "am Freitag"),
    ],
)
def test_a_range_knows_how_a_text_names_it(question: str, names: tuple[str, ...], named: str, not_named: str) -> None:
    published = parse_question(question, NOW).published
    assert published is not None and published.names == names
    assert published.named_in(named) == bool(names) and not published.named_in(not_named)


def test_later_and_undated_articles_may_report_a_range_earlier_ones_may_not() -> None:
    published = parse_question("What did the Costa Concordia hit in January 2012?", NOW).published
    assert published is not None
    start = datetime(2012, 1, 1, tzinfo=UTC).timestamp()
    assert published.may_report(datetime(2015, 5, 4, tzinfo=UTC).timestamp()) and published.may_report(None)
    assert published.may_report(0.0) and published.may_report(start)
    assert not published.may_report(start - 1)
    # the range itself still ends with January, and still filters on it
    assert not published.contains(datetime(2015, 5, 4, tzinfo=UTC).timestamp()) and not published.contains(None)
    end = datetime(2012, 2, 1, tzinfo=UTC).timestamp()
    assert published.where() == {"$and": [{"published_ts": {"$gte": start}}, {"published_ts": {"$lt": end}}]}
