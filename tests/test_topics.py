"""Requests for the news on a topic ("News about Greece", "Was gibt es Neues zu Griechenland?"): what counts as one,
and which retrieved articles its list of headlines shows. End to end over a store: tests/test_dated_questions.py."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from index.answerers.headlines import asked_topic, on_topic, topic_answer
from index.models import ArticleMeta, Hit


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
        ("Die neuesten Nachrichten zur EZB?", "EZB"),
        ("Nachrichten aus Wien", "Wien"),
        ("Erzähl mir etwas über Pluto", "Pluto"),
        ("Was weißt du über „Merkel“?", "Merkel"),
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
        # a question that starts like a request
        "Tell me about the man who denied supplying arms to Russia in the summer of last year",
    ],
)
def test_a_question_is_no_request_for_a_topic(question: str) -> None:
    assert asked_topic(question) == ""


def hit(article_id: str, title: str, text: str, score: float, published: datetime | None = None) -> Hit:
    meta = ArticleMeta(title=title, outlet="Wire", url=f"https://news.example/{article_id}", published_at=published)
    return Hit(chunk_id=f"{article_id}-0", article_id=article_id, text=text, meta=meta, score=score)


TRUMP = hit("a", "Arzt bescheinigt Gesundheit", "Donald Trump ist nach Bekunden seines Arztes gesund.", 0.74)
CANDIDATE = hit("b", "Die Ansichten liegen auseinander", "sagt der ehemalige Präsidentschaftskandidat.", 0.72)
KOREA = hit("c", "Nordkorea dementiert", "Nordkorea dementiert, Waffen geliefert zu haben.", 0.67)


def test_articles_holding_the_topics_words_are_listed_and_those_the_answerer_cited() -> None:
    hits = [TRUMP, CANDIDATE, KOREA]
    assert on_topic("Donald Trump", hits, cited=set(), floor=0.6) == [TRUMP]
    assert on_topic("Donald Trump", hits, cited={"b"}, floor=0.6) == [TRUMP, CANDIDATE]
    # a word matches the start of a longer one: "Fußball" in "Fußballs"
    football = hit("d", "Beckenbauer", "die Lichtgestalt des deutschen Fußballs", 0.7)
    assert on_topic("Fußball", [KOREA, football], cited=set(), floor=0.6) == [football]


def test_a_topic_no_article_holds_lists_the_articles_above_the_floor() -> None:
    # "Greece" over German news: no article says it, the relevance decides
    hits = [TRUMP, CANDIDATE, KOREA]
    assert on_topic("Greece", hits, cited=set(), floor=0.7) == [TRUMP, CANDIDATE]
    assert on_topic("Greece", hits, cited={"c"}, floor=0.7) == hits


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
