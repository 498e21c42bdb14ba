"""Telling a person's name from two capitalised nouns (index/answerers/first_names.py)."""

from __future__ import annotations

import pytest

from index.answerers.first_names import first_names, names_person
from index.answerers.question import Question


def test_the_first_names_are_names_not_the_words_news_writes_capitalised() -> None:
    names = first_names()
    assert len(names) > 10_000
    assert {"Mirella", "Ingi", "Sigmundur", "Angela", "Peter", "Harriet", "Wladimir"} <= names
    # names many locales give, though a fake text made of real prose holds them too
    assert {"David", "Carlos", "John", "Pierre"} <= names
    # words of Faker's fake texts, months, stop words and nouns or places German news writes more often
    assert not {"Art", "Tor", "Chance", "Mio", "Mai", "August", "Sie", "Von", "Tore", "Uni", "London"} & names


@pytest.mark.parametrize(
    "sentence",
    [
        "Das bedeutet, dass Rom größer war, sagte die Ausgrabungsleiterin Mirella Serlorenzi.",
        "Er habe nur vorgeschlagen, dass sein Stellvertreter Ingi Johannsson das Amt vorübergehend übernehme.",
        "Kommissionspräsidentin Ursula von der Leyen reist nach Kiew.",  # particles between the two
        "Unter den Autoren ist auch Steven J. Fowler.",  # and initials
        "Peyton Manning became the first quarterback to lead two teams to several Super Bowls.",
        "Angela Merkel traf am Montag den Präsidenten.",  # a name may open the sentence
    ],
)
def test_a_first_name_before_a_capitalised_word_names_a_person(sentence: str) -> None:
    assert names_person(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Ruinen seien entdeckt worden, meldete die Nachrichtenagentur Ansa.",  # two nouns: no one
        "Im Forum Stadtpark in Graz treffen sich Teilnehmer zu einem Symposium.",
        "Der Konzern verdiente 40 Mio Euro mehr als im Vorjahr.",
        "Die Einigung vom Mai 2011 hält seit fünf Jahren.",
        "In London Die Zeitung berichtete darüber.",  # a stop word after it is no surname
        "Peter NASA",  # nor is an abbreviation
        "Die Kinder heißen Georg, Friedrich und Anna.",  # nor a name past a comma
    ],
)
def test_capitalised_words_that_name_no_one_are_no_person(sentence: str) -> None:
    assert not names_person(sentence)


def test_someone_the_question_names_is_no_one_new() -> None:
    known = Question.of("Wen schlug Sigmundur Davíð Gunnlaugsson statt Tim Hunt vor?", "de").terms
    assert not names_person("Der Nobelpreisträger Tim Hunt (72) legte sein Amt nieder.", known)
    # "Hunt" is a first name too; after "Tim" it is his surname, and "FRS" no name
    assert not names_person("Nobel scientist Tim Hunt FRS says he is a chauvinist.", known)
    assert not names_person("Regierungschef Sigmundur Davíð Gunnlaugsson trat zurück.", known)
    assert not names_person("Den Vorschlag machte Regierungschef Sigmundur Gunnlaugsson.", known)  # a full stop after
    assert names_person("Sigmundur Davíð Gunnlaugsson schlug seinen Stellvertreter Ingi Johannsson vor.", known)
    # a role's first name before the actor's name in brackets is no "Jochen Bastian"
    actor = Question.of("Welchen Ganoven spielt Bastian Pastewka?", "de").terms
    assert not names_person("Vater Jochen (Bastian Pastewka) gehört eine Druckerei.", actor)
    assert names_person("Der Nobelpreisträger Tim Hunt traf Mary Collins.", known)
