"""Requests for the news on a topic ("News about Greece", "Was gibt es Neues zu Griechenland?"): what counts as one,
and which retrieved articles its list of headlines shows; and questions about what the bot has read. End to end over
a store: tests/test_dated_questions.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from index.answerers.archive import archive_answer, asks_about_the_archive
from index.answerers.headlines import HEADINGS, asked_topic, bare_topic, no_topic_text, on_topic, topic_answer
from index.lexical import content_words
from index.models import ArticleMeta, Hit, StoredArticle


@pytest.mark.parametrize(
    ("request_", "topic"),
    [
        ("News about Greece", "Greece"),
        ("Any news on the refugees?", "the refugees"),
        ("Tell me about Austria", "Austria"),
        ("Show me the latest headlines on football", "football"),
        ("What's new in Syria?", "Syria"),
        ("What is the news on Brexit?", "Brexit"),
        ("What is in the news about Syria?", "Syria"),
        ("Is there any news about Pluto?", "Pluto"),
        ("What do you know about Angela Merkel?", "Angela Merkel"),
        ("Was gibt es Neues zu Griechenland?", "Griechenland"),
        ("Gibt es Neuigkeiten von Tesla?", "Tesla"),
        ("Gibt es was Neues aus Österreich?", "Österreich"),
        ("Die neuesten Nachrichten zur EZB?", "EZB"),
        ("Nachrichten aus Wien", "Wien"),
        ("Erzähl mir etwas über Pluto", "Pluto"),
        ("Was weißt du über „Merkel“?", "Merkel"),
        # a summary of the news on a topic: its articles' headlines, as the answerer cannot write one
        ("Can you summarise the news about Apple?", "Apple"),
        ("Please sum up what you know about Angela Merkel", "Angela Merkel"),
        ("Give me a short summary of the latest news on Brexit", "Brexit"),
        ("An overview of the refugees", "the refugees"),
        ("Zusammenfassung der Nachrichten zu Apple", "Apple"),
        ("Gib mir einen Überblick über Griechenland", "Griechenland"),
        ("Fasse die Nachrichten zu Apple zusammen", "Apple"),
        ("Kannst du mir alles über Tesla zusammenfassen?", "Tesla"),
        # how many articles on a topic: its list says, with how many more
        ("How many articles about Apple do you have?", "Apple"),
        ("How many articles are there about the refugees?", "the refugees"),
        ("Wie viele Artikel gibt es über Flüchtlinge?", "Flüchtlinge"),
        # an opinion: the bot has none, the articles on the topic are what it has
        ("What do you think about Trump?", "Trump"),
        ("Was hältst du von Trump?", "Trump"),
        # the articles themselves, or where to read them
        ("Show me the article about Philae", "Philae"),
        ("Give me the links to the articles on Brexit", "Brexit"),
        ("Find stories mentioning Apple", "Apple"),
        ("Where can I read more about Puerto Rico?", "Puerto Rico"),
        ("Zeig mir den Artikel über Philae", "Philae"),
        ("Gib mir die Links zu den Artikeln über Griechenland", "Griechenland"),
        ("Wo kann ich mehr über Griechenland lesen?", "Griechenland"),
        # which outlets reported something: its articles, each with its outlet
        ("Which outlets reported on the crash?", "the crash"),
        ("Which newspapers wrote about Trump?", "Trump"),
        ("Welche Zeitungen haben über Trump berichtet?", "Trump"),
        ("Welche Medien berichten über den Absturz?", "den Absturz"),
        # in French, Spanish and Italian
        ("Des nouvelles de la Grèce ?", "Grèce"),
        ("Quoi de neuf sur Apple ?", "Apple"),
        ("Noticias sobre Grecia", "Grecia"),
        ("¿Qué hay de nuevo sobre Apple?", "Apple"),
        ("Notizie sulla Grecia", "Grecia"),
        ("Cosa c'è di nuovo su Apple?", "Apple"),
        # in Dutch, Portuguese, Polish, Russian and Ukrainian (a topic keeps the case it is asked in: "Grecji")
        ("Nieuws over Griekenland", "Griekenland"),
        ("Wat is er nieuw over Apple?", "Apple"),
        ("Notícias sobre a Grécia", "Grécia"),
        ("O que há de novo sobre a Apple?", "Apple"),
        ("Wiadomości o Grecji", "Grecji"),
        ("Co nowego w sprawie Apple?", "Apple"),
        ("Co słychać o Apple?", "Apple"),
        ("Новости о Греции", "Греции"),
        ("Что нового об Apple?", "Apple"),
        ("Что нового про Apple?", "Apple"),
        ("Новини про Грецію", "Грецію"),
        ("Що нового про Apple?", "Apple"),
        # news named by its subject
        ("Any sports news?", "sports"),
        ("Tech headlines", "Tech"),
        ("Do you have any Brexit news?", "Brexit"),
        ("Gibt es Sportnachrichten?", "Sport"),
        ("Wirtschaftsnachrichten", "Wirtschaft"),
        ("Die neuesten Fußballmeldungen", "Fußball"),
        # each got one sentence over 127 articles
        ("What's the latest on North Korea?", "North Korea"),
        ("What is the latest with Tesla?", "Tesla"),
        ("Was ist das Neueste zu Syrien?", "Syrien"),
        ("Infos zu Syrien", "Syrien"),
        ("Gibt es Informationen über Philae?", "Philae"),
        ("Und was weißt du über Afghanistan?", "Afghanistan"),
        ("And what's new in Syria?", "Syria"),
    ],
)
def test_a_request_for_the_news_on_a_topic_names_it(request_: str, topic: str) -> None:
    assert asked_topic(request_) == topic


@pytest.mark.parametrize(
    "question",
    [
        "Who denied supplying arms?",
        "What happened in Syria?",
        "What did the news say about Trump?",
        "Which news agency reported the fire?",
        "Wer hat Neuigkeiten über den Unfall verbreitet?",
        # a follow-up points back: it is no topic of its own
        "Tell me more about it",
        "Erzähl mir mehr darüber",
        "News about",
        "Give me a summary of it",
        "Fasse die Nachrichten zusammen",
        "Who summarised the report?",
        "Wer fasste die Lage zusammen?",
        "How many people died in the floods?",
        "How many articles did the Guardian publish about Syria?",
        # a question that starts like a request
        "Tell me about the man who denied supplying arms to Russia in the summer of last year",
        # kinds of news, not subjects
        "Breaking news",
        "Good news",
        "Any local news?",
        "Kurzmeldungen",
        "Gibt es Tagesnachrichten?",
        "Where did the reports come from?",
        "Which stories about Brexit were wrong?",
    ],
)
def test_a_question_is_no_request_for_a_topic(question: str) -> None:
    assert asked_topic(question) == ""


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        # a name or a noun or two sent alone: the news on it (it got one sentence that names it)
        ("Trump", "Trump"),
        ("Nordkorea", "Nordkorea"),
        ("Kim Jong Un", "Kim Jong Un"),
        ("Champions League?", "Champions League"),
        ("Brexit!", "Brexit"),
        ("U-Bahn", "U-Bahn"),
        ("F1", "F1"),
        ("Трамп", "Трамп"),
        # a lower-case word, a question word, a sentence, a letter or a number alone: no topic
        ("brexit", ""),
        ("Who", ""),
        ("Wer hat", ""),
        ("I love you", ""),
        ("Trump wall Mexico", ""),
        ("Donald Trump Mexico Wall Border", ""),
        ("X", ""),
        ("2022", ""),
        ("", ""),
    ],
)
def test_a_name_alone_is_a_topic(message: str, topic: str) -> None:
    assert bare_topic(message) == topic


def test_a_topic_no_article_is_about_is_told_so_in_every_language_a_heading_speaks() -> None:
    assert no_topic_text("NATO", "en") == "No indexed article is about “NATO”."
    assert (
        no_topic_text("NATO", "de", "derStandard.at")
        == "Kein indexierter Artikel von derStandard.at handelt von „NATO“."
    )
    assert no_topic_text("NATO", "xx") == "No indexed article is about “NATO”."
    for language in HEADINGS:
        said = no_topic_text("NATO", language, "Wire")
        assert "NATO" in said and "Wire" in said, language


def hit(article_id: str, title: str, text: str, score: float, published: datetime | None = None) -> Hit:
    meta = ArticleMeta(title=title, outlet="Wire", url=f"https://news.example/{article_id}", published_at=published)
    return Hit(chunk_id=f"{article_id}-0", article_id=article_id, text=text, meta=meta, score=score)


TRUMP = hit("a", "Arzt bescheinigt Gesundheit", "Donald Trump ist nach Bekunden seines Arztes gesund.", 0.74)
CANDIDATE = hit("b", "Die Ansichten liegen auseinander", "sagt der ehemalige Präsidentschaftskandidat.", 0.72)
KOREA = hit("c", "Nordkorea dementiert", "Nordkorea dementiert, Waffen geliefert zu haben.", 0.67)


def rendered_nowhere(topic: str, texts: Sequence[str]) -> list[tuple[bool, ...]]:
    """No text names the topic, nor a word of it, in another language (the real check, with USE:
    tests/test_renderings.py)."""
    return [(False,) * (1 + len(content_words(topic)))] * len(texts)


def test_the_articles_that_name_the_topic_are_listed() -> None:
    # not the one the answerer cited ("the former candidate"): it does not name him
    assert on_topic("Donald Trump", [TRUMP, CANDIDATE, KOREA], rendered=rendered_nowhere, floor=0.6) == [TRUMP]
    # an inflected name, and a longer word at the start of a compound: "Nordkoreas", "Fußball" in "Fußballs"
    assert (
        on_topic("Nordkorea", [TRUMP, hit("e", "Ruf", "dem Ruf Nordkoreas", 0.6)], rendered_nowhere, 0.6)[0].article_id
        == "e"
    )
    football = hit("d", "Beckenbauer", "die Lichtgestalt des deutschen Fußballverbands", 0.7)
    assert on_topic("Fußball", [KOREA, football], rendered=rendered_nowhere, floor=0.6) == [football]


def test_a_name_that_folds_onto_a_stop_word_names_its_topic() -> None:
    taxi = hit("u", "Fahrdienst", "Der Fahrdienst Uber senkt die Preise.", 0.66)
    dispute = hit("d", "Streit", "Die Fahrer streiten über die Preise.", 0.7)
    assert on_topic("Uber", [dispute, taxi], rendered=rendered_nowhere, floor=0.6) == [taxi]


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        ("Musk", "Der Muskel schmerzt."),  # a short word is not the start of another
        ("Mars", "Der Marsch beginnt."),
        ("Harry Potter", "Prinz Harry besucht Wien."),  # one word of a name is not the name
        ("Kim Kardashian", "Kim Jong Un droht."),
    ],
)
def test_a_part_or_a_longer_word_does_not_name_the_topic(topic: str, text: str) -> None:
    assert on_topic(topic, [hit("a", "Meldung", text, 0.7)], rendered=rendered_nowhere, floor=0.6) == []


def test_a_hit_that_names_part_of_a_name_counts_when_its_article_names_it_whole() -> None:
    merkel = hit("m", "Berlin", "Merkel sagte am Montag, die Lage sei ernst.", 0.7)
    harris = hit("h", "Festival", "Harris legte bis zum Morgen auf.", 0.7)
    articles = {
        "m": "Angela Merkel reist nach Paris.\nMerkel sagte am Montag, die Lage sei ernst.",
        "h": "Calvin Harris spielt in Wien.\nHarris legte bis zum Morgen auf.",
        "c": KOREA.text,
    }
    assert on_topic("Angela Merkel", [KOREA, merkel], rendered_nowhere, 0.6, articles.__getitem__) == [merkel]
    assert on_topic("Kamala Harris", [KOREA, harris], rendered_nowhere, 0.6, articles.__getitem__) == []
    assert on_topic("Angela Merkel", [KOREA, merkel], rendered_nowhere, 0.6) == []  # the hit alone does not


def test_what_another_language_names_is_listed_and_no_article_naming_it_lists_none() -> None:
    # "Greece" over German news: no article says it; the renderings check finds "Griechenland"
    greece = hit("g", "Athen", "Griechenland will Hilfe.", 0.66)
    asked: list[tuple[str, list[str]]] = []

    def in_german(topic: str, texts: Sequence[str]) -> list[tuple[bool, ...]]:  # the whole topic, its one word
        asked.append((topic, list(texts)))
        return [(topic == "Greece" and "Griechenland" in text,) * 2 for text in texts]

    assert on_topic("Greece", [TRUMP, greece, KOREA], rendered=in_german, floor=0.6) == [greece]
    assert asked == [("Greece", [f"{h.meta.title}\n{h.text}" for h in (TRUMP, greece, KOREA)])]
    # "Bitcoin" over the same news: none, though the answerer would cite a sentence of one
    assert on_topic("Bitcoin", [TRUMP, greece, KOREA], rendered=in_german, floor=0.6) == []
    # the texts that hold the topic's own words are not asked about
    asked.clear()
    on_topic("Nordkorea", [TRUMP, KOREA], rendered=in_german, floor=0.6)
    assert asked == [("Nordkorea", [f"{TRUMP.meta.title}\n{TRUMP.text}"])]


def test_a_description_no_article_names_lists_the_articles_above_the_floor() -> None:
    # "the strike" over German news: "Streik" is too far from it for the renderings check; the relevance decides
    strike = hit("s", "Streik", "Die Piloten streiken.", 0.7)
    assert on_topic("the strike", [strike, KOREA], rendered=rendered_nowhere, floor=0.68) == [strike]
    # a name is refused instead
    assert on_topic("Bitcoin", [strike, KOREA], rendered=rendered_nowhere, floor=0.68) == []


def test_the_list_is_newest_first_one_line_per_article_undated_last() -> None:
    old = hit("old", "Older news", "text", 0.9, published=datetime(2026, 11, 30, tzinfo=UTC))
    new = hit("new", "Newer news", "text", 0.8, published=datetime(2026, 12, 1, tzinfo=UTC))
    undated = hit("undated", "Undated news", "text", 0.95)
    second_chunk = Hit(chunk_id="old-1", article_id="old", text="more", meta=old.meta, score=0.85)
    answer = topic_answer("News about news?", "news", [undated, old, second_chunk, new], language="en")
    assert answer.text.splitlines() == [
        "Articles about “news”, newest first:",
        "• Newer news [1]",
        "• Older news [2]",
        "• Undated news [3]",
    ]
    assert [source.article_id for source in answer.sources] == ["new", "old", "undated"]
    german = topic_answer("Nachrichten zu Nachrichten", "Nachrichten", [old], language="de")
    assert german.text.splitlines()[0] == "Artikel zu „Nachrichten“, die neuesten zuerst:"


@pytest.mark.parametrize(
    ("question", "about_the_archive"),
    [
        ("How many articles have you read?", True),
        ("What is your newest article?", True),
        ("Which outlets do you read?", True),
        ("When was the last update?", True),
        ("Wie viele Artikel kennst du?", True),
        ("Welche Medien liest du?", True),
        ("Wie aktuell bist du?", True),
        # each got a cited sentence over the play store
        ("When were you last updated?", True),
        ("What topics do you cover?", True),
        ("Welche Nachrichten hast du?", True),
        ("Wann wurdest du zuletzt aktualisiert?", True),
        ("When was the newest article published?", True),
        ("Wann wurde der neueste Artikel veröffentlicht?", True),
        # the languages of what it has read (each got a cited sentence over the play store)
        ("Do you have articles in English?", True),
        ("Which languages do you read?", True),
        ("In which languages are your articles written?", True),
        ("Hast du auch Artikel auf Französisch?", True),
        ("In welchen Sprachen liest du?", True),
        # questions about the news
        ("How many articles did the Guardian publish about Syria?", False),
        ("Which outlets reported the crash?", False),
        ("Wie viele Artikel hat das Gesetz?", False),
        ("What topics did the summit cover?", False),
        ("Welche Nachrichten hat die Agentur bestätigt?", False),
        ("Do you have articles in detail?", False),
        ("Which languages does the new law cover?", False),
        ("Do you speak English?", False),
    ],
)
def test_questions_about_what_the_bot_has_read_are_told_apart(question: str, about_the_archive: bool) -> None:
    assert asks_about_the_archive(question) is about_the_archive


def stored(
    article_id: str, outlet: str, published: datetime | None, url: str = "", language: str = ""
) -> StoredArticle:
    meta = ArticleMeta(title=f"Title {article_id}", outlet=outlet, url=url, published_at=published, language=language)
    return StoredArticle(article_id=article_id, meta=meta, text_hash="h", chunks=1, ingested_at=1.0)


def test_the_archive_names_its_outlets_most_frequent_first_and_its_newest_article() -> None:
    articles = [
        stored("a", "Wire", datetime(2026, 11, 30, tzinfo=UTC)),
        stored("b", "", datetime(2026, 12, 1, tzinfo=UTC), url="https://www.derstandard.at/story/1"),
        stored("c", "", None, url="https://derstandard.at/story/2"),
        stored("d", "", None),
    ]
    answer = archive_answer("How many articles?", articles, language="en")
    assert answer.text == (
        "I have read 4 articles, 3 of them from 2 outlets (derstandard.at, Wire); the newest is from 2026-12-01: "
        "“Title b” [1]."
    )
    assert [source.article_id for source in answer.sources] == ["b"]
    all_known = archive_answer("How many articles?", articles[:3], language="en")
    assert all_known.text.startswith("I have read 3 articles from 2 outlets (derstandard.at, Wire);")
    german = archive_answer("Wie viele?", articles, language="de")
    assert german.text.startswith("Ich habe 4 Artikel gelesen, 3 davon aus 2 Medien (derstandard.at, Wire);")
    undated = archive_answer("Wie viele?", [stored("d", "", None)], language="de")
    assert undated.text == "Ich habe 1 Artikel gelesen; keiner hat ein Datum, zuletzt hinzugefügt wurde „Title d“ [1]."


@pytest.mark.parametrize(
    ("question", "language", "figures"),
    [
        ("Which languages do you read?", "en", "3 in German, 1 in English, 1 in a language not identified"),
        ("Do you have articles in English?", "en", "3 in German, 1 in English, 1 in a language not identified"),
        (
            "Do you have any news in French?",
            "en",
            "3 in German, 1 in English, 1 in a language not identified, none in French",
        ),
        (
            "Hast du auch Artikel auf Französisch?",
            "de",
            "3 auf Deutsch, 1 auf Englisch, 1 in einer nicht erkannten Sprache, keiner auf Französisch",
        ),
    ],
)
def test_the_archive_counts_its_languages_when_asked(question: str, language: str, figures: str) -> None:
    articles = [
        stored("a", "Wire", datetime(2026, 11, 30, tzinfo=UTC), language="de"),
        stored("b", "Wire", datetime(2026, 12, 1, tzinfo=UTC), language="en"),
        stored("c", "Wire", None, language="de"),
        stored("d", "Wire", None, language="de"),
        stored("e", "Wire", None),
    ]
    answer = archive_answer(question, articles, language=language)
    head = "I have read 5 articles from 1 outlet (Wire)" if language == "en" else "Ich habe 5 Artikel aus 1 Medium"
    assert answer.text.startswith(head)
    assert f": {figures}; " in answer.text
    assert "German" not in archive_answer("How many articles have you read?", articles, language="en").text
