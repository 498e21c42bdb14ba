"""'Who is …?' questions: which ask about a person, and what the articles that name them say. Over the samples with
the real models: tests/answerers/test_trust.py."""

from __future__ import annotations

import pytest

from index.answerers.chat_model import ChatModelAnswerer
from index.answerers.gate import AnswerGate
from index.answerers.people import asked_person, person_answer
from index.chain import AnswerStep
from index.models import ArticleMeta, Hit
from index.retrieval import NAME_ALONE
from tests.fakes.counting_answerer import CountingAnswerer
from tests.fakes.openai_api import FakeOpenAI


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Who is Jack Lew?", "Jack Lew"),
        ("Who was Harriet Tubman?", "Harriet Tubman"),
        ("Who's Owen Williams?", "Owen Williams"),
        ("Wer ist Francine Jordi?", "Francine Jordi"),
        ("Wer ist eigentlich Alexander Van der Bellen?", "Alexander Van der Bellen"),
        ("Who is Kirby", "Kirby"),
        ("Qui est Kim Jong Un ?", "Kim Jong Un"),
        ("C'est qui Heinz-Christian Strache ?", "Heinz-Christian Strache"),
        ("¿Quién es Kim Jong Un?", "Kim Jong Un"),
        ("Chi è Tim Hunt?", "Tim Hunt"),
        ("Qui est le président ?", ""),
        ("Qui est Il ?", ""),
        ("Qui est Marine Le Pen ?", "Marine Le Pen"),
        # no name alone: a pronoun, a role, more of a question, lower case (a typed one is recased first)
        ("Who is he?", ""),
        ("Who is the president of France?", ""),
        ("Wer ist der Chef?", ""),
        ("Who is Jack Lew and what did he do?", ""),
        ("who is lee Sedol?", ""),
        ("Who denied supplying arms?", ""),
    ],
)
def test_a_who_is_question_asks_about_the_person_it_names(question: str, person: str) -> None:
    assert asked_person(question) == person


def hit(article_id: str, chunk: int, text: str) -> Hit:
    meta = ArticleMeta(
        title=f"Story {article_id}", outlet="Wire", url=f"https://news.example/{article_id}", language="de"
    )
    return Hit(chunk_id=f"{article_id}-{chunk}", article_id=article_id, text=text, meta=meta, score=0.5)


TUBMAN = hit("a", 0, "Harriet Tubman wird die Ehre zuteil. Dafür sorgte Finanzminister Jack Lew. Lew beugte sich.")
TUBMAN_LATER = hit("a", 1, "Jack Lew sagte später mehr.")
BUDGET = hit("b", 0, "Der Haushalt steht. Jack Lew, US-Finanzminister, legte ihn vor.")
NOBODY = hit("c", 0, "Ein Jack Lewis ist jemand anderes. Lew allein auch.")


def test_the_first_sentence_naming_the_person_in_each_of_two_articles_is_quoted() -> None:
    answer = person_answer("Who is Jack Lew?", "Jack Lew", [NOBODY, TUBMAN, TUBMAN_LATER, BUDGET])
    assert answer is not None and not answer.abstained
    assert answer.text == "Dafür sorgte Finanzminister Jack Lew. [1] Jack Lew, US-Finanzminister, legte ihn vor. [2]"
    assert [source.article_id for source in answer.sources] == ["a", "b"]


def test_an_attribution_is_quoted_with_the_quote_it_attributes() -> None:
    # 10kGNAD's quote of the day: "Who is Strache?" quoted '" (Heinz-Christian Strache). [2]' alone
    quote = hit("q", 0, '"Wir brauchen keine Gulaschkanonen. Wir brauchen Rückführung. " (Heinz-Christian Strache).')
    german = hit("g", 0, "Die Lage ist ernst. Er sagte: „Wir kommen. Alle.“ (Jack Lew). Danach ging er.")
    short = hit("s", 0, "„Ein Zitat“, sagte er gestern. Jack Lew ist Minister.")  # a sentence of its own stays alone
    # a sentence that opens a quote and ends inside it (a tweet) starts it: nothing before it joins
    tweet = hit("t", 0, "Die Äußerungen stießen auf Kritik. Jack Lew says at lunch “I’m a chauvinist and keep it.")
    for name, passage, said in [
        (
            "Strache",
            quote,
            '"Wir brauchen keine Gulaschkanonen. Wir brauchen Rückführung. " (Heinz-Christian Strache).',
        ),
        ("Jack Lew", german, "Er sagte: „Wir kommen. Alle.“ (Jack Lew)."),
        ("Jack Lew", short, "Jack Lew ist Minister."),
        ("Jack Lew", tweet, "Jack Lew says at lunch “I’m a chauvinist and keep it."),
    ]:
        answer = person_answer(f"Who is {name}?", name, [passage])
        assert answer is not None and answer.text == f"{said} [1]"


def test_no_article_naming_the_person_in_full_leaves_the_question_to_the_answerer() -> None:
    assert person_answer("Who is Jack Lew?", "Jack Lew", [NOBODY]) is None
    assert person_answer("Who is Jack Lew?", "Jack Lew", []) is None


@pytest.mark.parametrize(
    ("query", "name"),
    [("Owen Williams", True), ("Alexander Van der Bellen", True), ("Trump", False), ("Who is Owen Williams?", False)],
)
def test_a_name_alone_is_searched_in_no_language(query: str, name: bool) -> None:
    assert bool(NAME_ALONE.fullmatch(query)) is name


def test_a_who_is_question_below_the_relevance_threshold_is_answered_from_the_articles_naming_the_person(
    llm: ChatModelAnswerer, fake_openai: FakeOpenAI
) -> None:
    gate = AnswerGate(min_relevance=0.6)  # every hit here scores 0.5
    offline = AnswerStep(gate, CountingAnswerer(), store_is_empty=lambda: False)
    assert offline("Who is Jack Lew?", [NOBODY, TUBMAN]).text == "Dafür sorgte Finanzminister Jack Lew. [1]"
    assert offline("Who is Jack Lew?", [NOBODY]).abstained  # no article names him in full: the gate decides
    assert offline("Who denied it?", [TUBMAN]).abstained
    # an LLM writes it, from the same hits
    fake_openai.enqueue("Jack Lew is the US finance minister [2].")
    written = AnswerStep(gate, llm, store_is_empty=lambda: False)("Who is Jack Lew?", [NOBODY, TUBMAN])
    assert written.text == "Jack Lew is the US finance minister [1]." and written.sources[0].article_id == "a"
