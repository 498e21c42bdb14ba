"""Telling a question that asks for a person, by "who" or by role (index/answerers/roles.py)."""

from __future__ import annotations

import pytest

from index.answerers.question import Question
from index.answerers.roles import asks_for_someone


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Who heads the excavation on the Quirinal?", "en"),
        ("To whom did Haskell Wexler donate money?", "en"),  # after a preposition
        ("Wen schlug Gunnlaugsson als Nachfolger vor?", "de"),
        ("¿Quién puede presentar títulos al premio?", "es"),
        ("Which actor plays the shady crook from Frankfurt's underworld?", "en"),
        ("Which South Korean Go professional lost the third game?", "en"),  # past the adjectives, capitalised or not
        ("Which Polish defence minister said that the tanks would be housed in the west?", "en"),  # a compound
        ("Which two presenters will host the Stadlshow?", "en"),  # plural
        ("To which presidential hopeful did Haskell Wexler donate money?", "en"),
        ("Which judge announced the sentence for James Holmes, the gunman who attacked a cinema?", "en"),
        ("Welcher britische Archäologe vermutet das Grab der Nofretete hinter der Grabkammer?", "de"),
        ("Welcher polnische Verteidigungsminister erklärte das?", "de"),  # the end of a compound
        ("Mit welchem kanadischen Philosophen teilt sich Habermas den Preis?", "de"),  # inflected
        ("Welche BZÖ-Chefin kündigte eine Berufung an?", "de"),  # after a hyphen, feminine
        ("Welche Schweizerin gewann das Frauenrennen?", "de"),  # a feminine person noun the roles do not list
        ("Welcher Vorsitzender trat zurück?", "de"),
        ("What is the name of the University of Virginia student whom North Korea sentenced?", "en"),  # before "whom"
        ("What is the name of Saudi blogger Raif Badawi's wife, who fled to Canada?", "en"),
        ("Wie heißt der ORF-Mitarbeiter, der im Verdacht steht?", "de"),
    ],
)
def test_a_question_for_someone_by_who_or_by_role(question: str, language: str) -> None:
    assert asks_for_someone(Question.of(question, language))


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # "who" as a relative pronoun asks for no one
        ("What is the title of the series in which he plays a family man who prints money?", "en"),
        ("Which carmaker got official permission to test self-driving trucks?", "en"),  # a firm
        ("Which city's mayor resigned?", "en"),  # asks for the city
        ("Which year did the minister resign?", "en"),  # the role is past the noun asked about
        ("Which official language does Austria have?", "en"),  # an adjective
        ("Welcher Autobauer erhielt die Genehmigung?", "de"),  # "Bauer" is left out: a firm
        ("Welcher Öl-Produzent ist ein Verbündeter der USA?", "de"),
        ("Welche Konzerntochter wurde verkauft?", "de"),  # a subsidiary
        ("Welchen Preis erhielt der Schauspieler?", "de"),  # the noun asked about is the prize
        ("What is the name of the company in the British Virgin Islands?", "en"),
        ("Wie heißt die ZDF-Miniserie?", "de"),
    ],
)
def test_other_questions_ask_for_no_one(question: str, language: str) -> None:
    assert not asks_for_someone(Question.of(question, language))
