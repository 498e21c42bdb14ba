"""Short messages that are not questions for the news, tried as a new user would (each below got a cited sentence, or
the wrong reply, over 127 articles): greetings by the time of day, maybes and not knowing, a laugh, the bot's age,
and a request for more before any story."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.answerers.gate import AnswerGate, past_small_talk
from index.answerers.replies import REPLIES
from index.models import Turn
from index.newsroom import Newsroom
from tests.conftest import make_settings
from tests.fakes.counting_answerer import CountingAnswerer
from tests.fakes.scripted_embedder import ScriptedEmbedder


@pytest.mark.parametrize(
    ("text", "kind", "language"),
    [
        # "Guten Tag", "Guten Abend" and "Good evening" greet: they were told "Tschüss!" and "Bye!"
        ("Guten Tag", "greeting", "de"),
        ("Guten Tag!", "greeting", "de"),
        ("Guten Abend", "greeting", "de"),
        ("Good evening", "greeting", "en"),
        ("Good day", "greeting", "en"),
        ("Guten Mittag", "greeting", "de"),
        # wished on leaving, they still say goodbye
        ("Have a good evening", "goodbye", "en"),
        ("Einen guten Tag noch", "goodbye", "de"),
        ("Guten Abend noch", "goodbye", "de"),
        ("Schönen Abend noch", "goodbye", "de"),
        ("Good night", "goodbye", "en"),
        ("Gute Nacht", "goodbye", "de"),
        # greetings that went to the news
        ("Buona sera", "greeting", "it"),
        ("Dobry wieczór", "greeting", "pl"),
        ("Добрий вечір", "greeting", "uk"),
        ("Goede avond", "greeting", "nl"),
        ("Huhu", "greeting", "de"),
        ("Tach", "greeting", "de"),
        ("Mahlzeit", "greeting", "de"),
        ("Hello world", "greeting", "en"),
        ("Hey there, how's it going?", "greeting", "en"),
        ("Na, alles klar?", "greeting", "de"),
        ("Hallo, jemand da?", "greeting", "de"),
        # maybe, not knowing, yes to what was said, a laugh ("vielleicht" got "Vielleicht liegt ja darin die
        # eigentliche Identitätskrise Klosterneuburgs.")
        ("vielleicht", "nod", "de"),
        ("maybe", "nod", "en"),
        ("Perhaps", "nod", "en"),
        ("Peut-être", "nod", "fr"),
        ("Quizás", "nod", "es"),
        ("Forse", "nod", "it"),
        ("Misschien", "nod", "nl"),
        ("Talvez", "nod", "pt"),
        ("Może", "nod", "pl"),
        ("Может быть", "nod", "ru"),
        ("Можливо", "nod", "uk"),
        ("I don't know", "nod", "en"),
        ("Ich weiß nicht", "nod", "de"),
        ("Richtig", "nod", "de"),
        ("True", "nod", "en"),
        ("That's right", "nod", "en"),
        ("hahaha", "nod", "en"),
        ("Prost", "nod", "de"),
        # the bot's age, home and wits, and not understanding it ("Wie alt bist du?" got a sentence on managers aged
        # 31 to 40, "Das verstehe ich nicht" one from an interview)
        ("Wie alt bist du?", "help", "de"),
        ("How old are you?", "help", "en"),
        ("Quel âge as-tu ?", "help", "fr"),
        ("¿Cuántos años tienes?", "help", "es"),
        ("Quanti anni hai?", "help", "it"),
        ("Hoe oud ben je?", "help", "nl"),
        ("Quantos anos você tem?", "help", "pt"),
        ("Ile masz lat?", "help", "pl"),
        ("Сколько тебе лет?", "help", "ru"),
        ("Скільки тобі років?", "help", "uk"),
        ("Where do you live?", "help", "en"),
        ("Wo wohnst du?", "help", "de"),
        ("Are you ChatGPT?", "help", "en"),
        ("Bist du schlau?", "help", "de"),
        ("Das verstehe ich nicht", "help", "de"),
        ("Versteh ich nicht", "help", "de"),
        ("I don't get it", "help", "en"),
        ("Halt", "help", "de"),
        ("Stopp", "help", "de"),
        # what the bot is, does and feels ("Do you dream?", "Zeig mir was", "Bist du glücklich?" got a sentence)
        ("Do you dream?", "help", "en"),
        ("Träumst du?", "help", "de"),
        ("Who are you working for?", "help", "en"),
        ("Für wen arbeitest du?", "help", "de"),
        ("Show me something", "help", "en"),
        ("Zeig mir was", "help", "de"),
        ("Tell me about yourself", "help", "en"),
        ("Erzähl mir von dir", "help", "de"),
        ("Hi, I have a question", "help", "en"),
        ("Hallo, ich hätte eine Frage", "help", "de"),
        ("Antworte auf Deutsch", "help", "de"),
        ("Are you happy?", "help", "en"),
        ("Bist du glücklich?", "help", "de"),
        ("How was your day?", "greeting", "en"),
        ("Wie war dein Tag?", "greeting", "de"),
        ("Hello? Anyone?", "greeting", "en"),
        ("Buongiorno a tutti", "greeting", "it"),
        ("Vielen lieben Dank", "thanks", "de"),
        ("Merci, au revoir", "thanks", "fr"),
        ("Okay, next question", "nod", "en"),
        ("Nächste Frage", "nod", "de"),
        ("Let's talk about something else", "nod", "en"),
        ("Lass uns über was anderes reden", "nod", "de"),
        ("Check", "nod", "en"),
        ("Mir ist langweilig", "joke", "de"),
        ("Ich bin traurig", "joke", "de"),
        ("I'm bored", "joke", "en"),
        ("Du nervst", "doubt", "de"),
        ("Halt die Klappe", "doubt", "de"),
        ("Shut up", "doubt", "en"),
        # English small talk stays English with the other languages' words added ("so" of Italian "non lo so")
        ("thank you so much!!", "thanks", "en"),
        ("Non lo so", "nod", "it"),
    ],
)
def test_short_messages_get_the_reply_of_their_kind_in_their_language(text: str, kind: str, language: str) -> None:
    decision = AnswerGate(min_relevance=0.5).screen_question(text, alone=True)

    assert decision.reason == "not_a_question" and decision.text == REPLIES[kind][language]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Why not?", "en"),
        ("Warum nicht?", "de"),
        ("Wie bitte?", "de"),
        ("Pardon?", "en"),
        ("Sorry, what?", "en"),
        ("What now?", "en"),
        ("Und jetzt?", "de"),
        ("Ok und jetzt?", "de"),
    ],
)
def test_asking_what_was_meant_alone_is_unclear(text: str, language: str) -> None:
    # each got a cited sentence of whatever story its words matched
    decision = AnswerGate(min_relevance=0.5).screen_question(text, alone=True)

    assert decision.reason == "not_a_question" and decision.text == REPLIES["unclear"][language]


def test_a_letter_alone_is_unclear_but_a_name_of_one_letter_is_asked() -> None:
    gate = AnswerGate(min_relevance=0.5)

    assert gate.screen_question("a").text == REPLIES["unclear"]["en"]
    assert gate.screen_question("X?").answer


MORE_ALONE_CASES = [
    ("More", "en"),
    ("Again", "en"),
    ("Again please", "en"),
    ("Continue", "en"),
    ("Go on", "en"),
    ("Tell me more", "en"),
    ("Mehr", "de"),
    ("Nochmal", "de"),
    ("Noch mal bitte", "de"),
    ("Weiter", "de"),
    ("Encore", "fr"),
    ("Más", "es"),
    ("Ancora", "it"),
    ("Meer", "nl"),
    ("Mais", "pt"),
    ("Więcej", "pl"),
    ("Ещё", "ru"),
    ("Ще", "uk"),
]


@pytest.mark.parametrize(("text", "language"), MORE_ALONE_CASES)
def test_more_before_any_story_is_asked_which_story(text: str, language: str) -> None:
    # "More", "Mehr" and "Nochmal" on their own got a sentence of whatever story the word matched
    gate = AnswerGate(min_relevance=0.5)

    alone = gate.screen_question(text, alone=True)

    assert alone.reason == "no_story" and alone.text == REPLIES["no_story"][language]
    assert gate.screen_question(text).answer  # in a conversation it asks for more of the story


def test_through_the_newsroom_more_is_asked_which_story_first_and_gets_more_after_an_answer(tmp_path: Path) -> None:
    answerer = CountingAnswerer()
    newsroom = Newsroom(make_settings(tmp_path / "data"), embedder=ScriptedEmbedder("scripted", {}), answerer=answerer)
    asked = Turn(question="Wer hat Waffenlieferungen bestritten?", answer="Nordkorea bestritt die Lieferungen. [1]")

    first = newsroom.ask("Mehr")
    later = newsroom.ask("Mehr", history=[asked])

    assert first.text == REPLIES["no_story"]["de"] and first.abstained and answerer.calls == 0
    assert later.text != REPLIES["no_story"]["de"]


@pytest.mark.parametrize(
    ("text", "asker", "kind", "language"),
    [
        # "Hallo" is German and Dutch: German unless the asker's client says Dutch (it was German for everyone)
        ("Hallo", "", "greeting", "de"),
        ("Hallo!", "nl", "greeting", "nl"),
        ("Hallo", "de", "greeting", "de"),
        ("Hallo", "en", "greeting", "de"),  # a language the words are not in settles nothing
        ("Dank", "nl", "thanks", "nl"),
        ("Dank je", "", "thanks", "nl"),  # "je" is Dutch: it was German's "dank" first
        ("Danke", "nl", "thanks", "de"),  # words of one language are that language's, whoever asks
        ("Porque?", "pt", "unclear", "pt"),  # Spanish "porqué" and Portuguese "porquê" unaccented
        ("Porque?", "", "unclear", "es"),
        ("Porquê?", "es", "unclear", "pt"),  # as written, Portuguese
    ],
)
def test_words_two_languages_share_are_answered_in_the_askers_language(
    text: str, asker: str, kind: str, language: str
) -> None:
    decided = AnswerGate(min_relevance=0.5).screen_question(text, alone=True, asker=asker)
    assert not decided.answer and decided.text == REPLIES[kind][language]


def test_through_the_newsroom_the_askers_language_settles_a_shared_word(tmp_path: Path) -> None:
    answerer = CountingAnswerer()
    newsroom = Newsroom(make_settings(tmp_path / "data"), embedder=ScriptedEmbedder("scripted", {}), answerer=answerer)
    assert newsroom.ask("Hallo", asker="nl").text == REPLIES["greeting"]["nl"]
    assert newsroom.ask("Hallo").text == REPLIES["greeting"]["de"]
    assert answerer.calls == 0


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("Hi! Who denied supplying arms?", "Who denied supplying arms?"),
        ("Good morning! What's new?", "What's new?"),  # "does not say" before; now the newest articles
        ("Guten Morgen, was gibt's Neues?", "was gibt's Neues?"),
        ("Cool, thanks. What about Puerto Rico?", "What about Puerto Rico?"),
        ("Danke! Und was ist mit Philae passiert?", "Und was ist mit Philae passiert?"),
        ("Hi, how are you? Who won?", "Who won?"),
        # all small talk, none, or an opening that asks: as sent
        ("Hi, thanks!", "Hi, thanks!"),
        ("Who denied supplying arms?", "Who denied supplying arms?"),
        ("What? Nordkorea hat das bestritten?", "What? Nordkorea hat das bestritten?"),
        ("Really? Who said that?", "Really? Who said that?"),
        ("Merkel, Macron und Biden: wer traf sich?", "Merkel, Macron und Biden: wer traf sich?"),
    ],
)
def test_a_question_is_asked_past_the_small_talk_it_opens_with(message: str, asked: str) -> None:
    assert past_small_talk(message) == asked
