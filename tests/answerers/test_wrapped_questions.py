"""A question asked inside a polite wrapper ("Do you know what happened to Philae?") is asked alone: the wrapper's
words pulled the search and the reader to other sentences ("Woher wissen Sie das?", from a court report). And one
typed without its question mark gets it: the answer model was fitted on questions that have one."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.answerers.gate import as_asked, unwrapped, with_question_mark
from index.newsroom import Newsroom
from tests.conftest import make_settings
from tests.fakes.counting_answerer import CountingAnswerer
from tests.fakes.scripted_embedder import ScriptedEmbedder


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("Do you know what happened to Philae?", "What happened to Philae?"),
        ("Can you tell me who denied supplying arms?", "Who denied supplying arms?"),
        ("I'd like to know when the pensions rise", "When the pensions rise"),
        ("pls tell me who denied supplying arms", "Who denied supplying arms"),
        ("Tell me, who won?", "Who won?"),
        ("Do you know in which year Philae landed?", "In which year Philae landed?"),
        ("Do you know if Philae woke up?", "Philae woke up?"),
        ("Weißt du, was mit Philae passiert ist?", "Was mit Philae passiert ist?"),
        (
            "Kannst du mir sagen, wer bestritten hat, Waffen geliefert zu haben?",
            "Wer bestritten hat, Waffen geliefert zu haben?",
        ),
        ("Sagen Sie mir bitte, wann das war", "Wann das war"),
        ("Ich möchte wissen, um wie viel das Rennen verlängert wurde", "Um wie viel das Rennen verlängert wurde"),
        ("Weißt du, ob Philae aufgewacht ist?", "Philae aufgewacht ist?"),
        ("Sais-tu qui a nié avoir fourni des armes ?", "Qui a nié avoir fourni des armes ?"),
        ("Sais-tu dans quelle ville il est né ?", "Dans quelle ville il est né ?"),
        ("¿Sabes quién negó haber suministrado armas?", "¿Quién negó haber suministrado armas?"),
        ("Weet je wie dat ontkende?", "Wie dat ontkende?"),
        ("Ты знаешь, кто это отрицал?", "Кто это отрицал?"),
        # no question inside: as sent
        ("Do you know a joke?", "Do you know a joke?"),
        ("Can you tell me more?", "Can you tell me more?"),
        ("Do you know?", "Do you know?"),
        ("Tell me about Philae", "Tell me about Philae"),
        ("Tell me about what happened to Philae", "Tell me about what happened to Philae"),
        ("What do you know about Philae?", "What do you know about Philae?"),
        ("Who do you know?", "Who do you know?"),
    ],
)
def test_a_question_inside_a_polite_wrapper_is_asked_alone(message: str, asked: str) -> None:
    assert unwrapped(message) == asked


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("who denied supplying arms", "who denied supplying arms?"),
        ("Wer hat Waffenlieferungen bestritten", "Wer hat Waffenlieferungen bestritten?"),
        ("In welchem Jahr landete Philae", "In welchem Jahr landete Philae?"),
        ("Qui a nié avoir fourni des armes", "Qui a nié avoir fourni des armes?"),
        ("Womit stieß der Güterzug zusammen", "Womit stieß der Güterzug zusammen?"),
        ("Ab welchem Preis fliegt man", "Ab welchem Preis fliegt man?"),
        ("How long is the short film 'Alles wird gut'", "How long is the short film 'Alles wird gut'?"),
        ("According to the report, how much did Google pay", "According to the report, how much did Google pay?"),
        # a preposition other than the commonest before the question word, and German's "wieviele" in one word
        ("Near which German city is the Wendelstein 7-X", "Near which German city is the Wendelstein 7-X?"),
        ("During which year did Rocco win an Emmy", "During which year did Rocco win an Emmy?"),
        ("Während welcher Saison gewann Bayern", "Während welcher Saison gewann Bayern?"),
        ("Wieviele km nördlich von Utrecht ist Hilversum", "Wieviele km nördlich von Utrecht ist Hilversum?"),
        ("Pendant quelle guerre", "Pendant quelle guerre?"),
        # a question mark, other punctuation, or no question word: as typed
        ("Who denied supplying arms?", "Who denied supplying arms?"),
        ("What a day.", "What a day."),
        ("Puerto Rico", "Puerto Rico"),
        ("Tell me about Philae", "Tell me about Philae"),
    ],
)
def test_a_question_typed_without_its_question_mark_gets_it(typed: str, asked: str) -> None:
    assert with_question_mark(typed) == asked


@pytest.mark.parametrize(
    ("message", "searched"),
    [
        ("Guten Morgen! Wer hat Waffenlieferungen bestritten?", "Wer hat Waffenlieferungen bestritten?"),
        ("Hi! Weißt du, wer Waffenlieferungen bestritten hat?", "Wer Waffenlieferungen bestritten hat?"),
        ("Wer hat Waffenlieferungen bestritten", "Wer hat Waffenlieferungen bestritten?"),
    ],
)
def test_through_the_newsroom_the_question_is_searched_for_as_asked(
    tmp_path: Path, message: str, searched: str
) -> None:
    # not the greeting, not the wrapper, and with its question mark
    embedder = ScriptedEmbedder("scripted", {})
    newsroom = Newsroom(make_settings(tmp_path / "data"), embedder=embedder, answerer=CountingAnswerer())

    newsroom.ask(message)

    assert embedder.queries == [searched]


def test_a_message_is_read_once_as_the_newsroom_and_the_evaluation_read_it() -> None:
    # Newsroom.ask and `newsbot eval`'s search with the gold article removed both read `as_asked`
    assert as_asked("  hi!  DO YOU KNOW WHO DENIED SUPPLYING ARMS  ") == "Who denied supplying arms?"
    assert as_asked("Wer hat Waffenlieferungen bestritten?") == "Wer hat Waffenlieferungen bestritten?"
