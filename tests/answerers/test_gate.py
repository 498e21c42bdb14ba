"""The answer gate: non-questions get a helpful reply, an empty store says how to ingest, irrelevant hits abstain,
and an answerer is asked only when the gate lets the question through."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from index.answerers.base import ABSTAIN_TEXTS
from index.answerers.gate import AnswerGate, names_no_story
from index.answerers.replies import EXAMPLE_QUESTIONS, REPLIES
from index.chain import AnswerStep
from index.newsroom import Newsroom
from tests.answerers.conftest import NORTH_KOREA, QUESTION, WEATHER
from tests.conftest import make_settings
from tests.fakes.counting_answerer import CountingAnswerer
from tests.fakes.scripted_embedder import ScriptedEmbedder


@pytest.mark.parametrize(
    # "A" and "X" as the newsroom asks "a" and "x" (capitalised): answered with a cited sentence before
    "text",
    ["", "?", "...", "🙂🙂", "hi", "Hallo!", "thanks", "Danke", "asdf qwer", "sdfg hjkl jjj", "a", "A", "X"],
)
def test_non_questions_get_a_reply_not_an_answer(text: str) -> None:
    decision = AnswerGate(min_relevance=0.5).screen_question(text)

    assert not decision.answer and decision.reason == "not_a_question"
    assert decision.text in {text for kind in REPLIES.values() for text in kind.values()}


@pytest.mark.parametrize(
    ("text", "kind", "language"),
    [
        # each of these went to the answerer before, and most got a cited sentence ("Vielen Dank!" one from an
        # interview, "Wer bist du?" a sentence asking "Wer hat wann, was, wo gemacht?")
        ("Vielen Dank!", "thanks", "de"),
        ("thanks a lot", "thanks", "en"),
        ("great, thanks", "thanks", "en"),
        ("Danke für die Antwort", "thanks", "de"),
        ("ok, thanks, bye", "thanks", "en"),
        ("see you later", "goodbye", "en"),
        ("Bis bald!", "goodbye", "de"),
        ("Gute Nacht", "goodbye", "de"),
        ("super", "nod", "en"),
        ("ok", "nod", "en"),
        ("lol", "nod", "en"),
        ("Genau!", "nod", "de"),
        ("hi, super", "greeting", "en"),
        ("What can I ask?", "help", "en"),
        ("What do you know?", "help", "en"),
        ("Was kann ich dich fragen?", "help", "de"),
        ("What's your name?", "help", "en"),
        # quoted sentences cannot be translated: say so (a gate whose answerer writes lets these through)
        ("Translate that to English", "translate", "en"),
        ("in English please", "translate", "en"),
        ("Übersetze das bitte", "translate", "de"),
        ("Wie heißt du?", "help", "de"),
        # outside a chat that shows them: where the sources are
        ("sources?", "sources", "en"),
        ("Where did you get that?", "sources", "en"),
        ("Woher hast du das?", "sources", "de"),
        ("Quellen?", "sources", "de"),
        ("How are you?", "greeting", "en"),
        ("Wie geht es dir?", "greeting", "de"),
        ("help", "help", "en"),
        ("Hilfe", "help", "de"),
        ("who are you?", "help", "en"),
        ("Wer bist du?", "help", "de"),
        ("What can you do?", "help", "en"),
        ("Was kannst du?", "help", "de"),
        # before: the greeting, whatever was said
        ("thanks", "thanks", "en"),
        ("Tschüss", "goodbye", "de"),
        # each of these got a cited sentence ("Can you help me?" one on an assistant coach, "Are you sure?" one
        # from an interview: "Behr: Nein, und das wissen auch alle.")
        ("Can you help me?", "help", "en"),
        ("Kannst du mir helfen?", "help", "de"),
        ("I don't understand", "help", "en"),
        ("Ich verstehe das nicht", "help", "de"),
        ("Are you sure?", "doubt", "en"),
        ("That's wrong", "doubt", "en"),
        ("That doesn't answer my question", "doubt", "en"),
        ("Das stimmt nicht!", "doubt", "de"),
        ("Bist du sicher?", "doubt", "de"),
        ("Wirklich?", "doubt", "de"),
        ("Really?", "doubt", "en"),
        ("Tell me a joke", "joke", "en"),
        ("Erzähl mir einen Witz", "joke", "de"),
        ("1+1", "unclear", "en"),
        # each of these got a cited sentence over 127 articles ("Are you a robot?" one on a comet lander's robot,
        # "Translate hello to German" one on a literature project in Helsinki)
        ("Are you a robot?", "help", "en"),
        ("Bist du ein Bot?", "help", "de"),
        ("Who made you?", "help", "en"),
        ("You are stupid", "doubt", "en"),
        ("Du bist dumm", "doubt", "de"),
        ("This bot is useless", "doubt", "en"),
        ("Translate hello to German", "translate", "en"),
        ("Übersetze Hallo ins Englische", "translate", "de"),
        ("Write me a poem about cats", "joke", "en"),
        ("Schreib mir ein Gedicht über Katzen", "joke", "de"),
        ("lorem ipsum dolor sit amet", "unclear", "en"),
        ("Hi bot", "greeting", "en"),
        ("Hallo zusammen", "greeting", "de"),
        # and these, of 55 more tried: "Bist du da?" got "Wie viel da reinpasst? …", "Passt" got "Dazu passt
        # Englisch doch!", "Start" a sentence on a TV show's start
        ("Grüß Gott", "greeting", "de"),
        ("Bist du da?", "greeting", "de"),
        ("Anyone there?", "greeting", "en"),
        ("Alles klar", "nod", "de"),
        ("Passt", "nod", "de"),
        ("Weiß nicht", "nod", "de"),
        ("Egal", "nod", "de"),
        ("testing 123", "nod", "en"),
        ("whatever", "nod", "en"),
        ("Erzähl was", "help", "de"),
        ("Start", "help", "en"),
        ("Einstellungen", "help", "de"),
        ("What do you think?", "help", "en"),
        ("Wer bin ich?", "help", "de"),
        ("Good bot", "praise", "en"),
        ("Guter Bot", "praise", "de"),
        ("Bad bot", "doubt", "en"),
        ("Do you like cats?", "help", "en"),
        ("Magst du Katzen?", "help", "de"),
        # and these were told the news does not say: a number alone, a nod, bewilderment, affection, sums
        ("1234", "unclear", "en"),
        ("I see", "nod", "en"),
        ("Got it", "nod", "en"),
        ("Ach so", "nod", "de"),
        ("Verstanden", "nod", "de"),
        ("wtf", "doubt", "en"),
        ("Seriously?", "doubt", "en"),
        ("Echt jetzt?", "doubt", "de"),
        ("I hate you", "doubt", "en"),
        ("I love you", "help", "en"),
        ("Ich mag dich", "help", "de"),
        ("What is 2+2?", "joke", "en"),
        ("what is 10 / 2", "joke", "en"),
        ("Wie viel ist 2 plus 2?", "joke", "de"),
        # what a news bot cannot know: "Wie ist das Wetter?" got "… wie ein Echo entsteht …", "Recommend me a movie"
        # a sentence on a film, "What should I cook tonight?" that no article from tonight is indexed
        ("Wie ist das Wetter?", "joke", "de"),
        ("What's the weather like today?", "joke", "en"),
        ("Will it rain tomorrow?", "joke", "en"),
        ("Recommend me a movie", "joke", "en"),
        ("Kannst du mir einen Film empfehlen?", "joke", "de"),
        ("What should I cook tonight?", "joke", "en"),
        ("Was soll ich heute kochen?", "joke", "de"),
        # of 35 more chat messages, these got a cited sentence ("Darf ich dich was fragen?": "Die fragen: Wer hat
        # wann, was, wo gemacht?", "Entschuldigung": "(Und er hat sich dafür entschuldigt.)") or "does not say"
        ("What's up?", "greeting", "en"),
        ("Na, alles gut?", "greeting", "de"),
        ("you there?", "greeting", "en"),
        ("Are you working?", "greeting", "en"),
        ("Funktionierst du?", "greeting", "de"),
        ("Can I ask you something?", "help", "en"),
        ("Darf ich dich was fragen?", "help", "de"),
        ("I have a question", "help", "en"),
        ("Ich habe eine Frage", "help", "de"),
        ("Never mind", "nod", "en"),
        ("Vergiss es", "nod", "de"),
        ("Sorry", "nod", "en"),
        ("Entschuldigung", "nod", "de"),
        ("Abbrechen", "nod", "de"),
        ("yes please", "nod", "en"),
        ("Ja bitte", "nod", "de"),
        # "no" was German: "nö" folds to it
        ("no thanks", "thanks", "en"),
        ("no problem", "nod", "en"),
        ("kein Problem", "nod", "de"),
        # and of 26 more, 13 got a cited sentence ("Gut gemacht": one on handball referees, "Do you speak German?" one
        # on a project's bad English) and 4 "does not say"
        ("You're great", "praise", "en"),
        ("Du bist toll", "praise", "de"),
        ("Well done", "praise", "en"),
        ("Gut gemacht", "praise", "de"),
        ("That was helpful", "praise", "en"),
        ("Das war hilfreich", "praise", "de"),
        ("Not helpful", "doubt", "en"),
        ("Nicht hilfreich", "doubt", "de"),
        ("I don't care", "nod", "en"),
        ("Mir egal", "nod", "de"),
        ("Do you speak German?", "help", "en"),
        ("Sprichst du Englisch?", "help", "de"),
        ("Can you answer in English?", "help", "en"),
        ("Kannst du auf Deutsch antworten?", "help", "de"),
        # and of 34 more, 4 got a cited sentence ("bis später": one on a lawsuit, "Schönen Abend noch" one on New
        # Year's Eve), "spannend" a list of headlines, and 7 were told the news does not say or that it was unclear
        ("helo", "greeting", "en"),
        ("Hallöchen", "greeting", "de"),
        ("merci beaucoup", "thanks", "fr"),
        ("spannend", "nod", "de"),
        ("krass", "nod", "de"),
        ("Schade", "nod", "de"),
        ("too bad", "nod", "en"),
        ("wow really?", "doubt", "en"),
        ("Bis später", "goodbye", "de"),
        ("Schönen Abend noch", "goodbye", "de"),
        ("Have a nice day", "goodbye", "en"),
        ("Schönes Wochenende!", "goodbye", "de"),
        ("Hallo Welt", "greeting", "de"),  # sent alone, a list of headlines about it
        # a remark on the question, surprise, a grudging yes, a question announced, a verdict: each got a cited
        # sentence, and sent alone was listed as a topic
        ("Gute Frage", "nod", "de"),
        ("Good question!", "nod", "en"),
        ("omg", "nod", "en"),
        ("Naja", "nod", "de"),
        ("Jawohl", "nod", "de"),
        ("Frage", "help", "de"),
        ("Question?", "help", "en"),
        ("Schlechte Antwort", "doubt", "de"),
        ("Bitte", "nod", "de"),
        ("Warte", "nod", "de"),
        ("Jetzt", "nod", "de"),
        ("Ende", "goodbye", "de"),
        ("Scheiße", "doubt", "de"),
        ("Fuck", "doubt", "en"),
        ("Info", "help", "en"),
        ("Awesome", "nod", "en"),
        ("Please", "nod", "en"),
        ("Oops", "nod", "en"),
        ("Juhu", "nod", "de"),
        ("Schön", "nod", "de"),
        ("Tschö", "goodbye", "de"),
        # wishes, thanked for: each got a cited sentence, sent alone a list of headlines about it
        ("Merry Christmas!", "praise", "en"),
        ("Happy New Year to you too", "praise", "en"),
        ("Frohe Weihnachten", "praise", "de"),
        ("Guten Rutsch!", "praise", "de"),
        ("Guten Appetit", "praise", "de"),
        ("Gesundheit!", "praise", "de"),
        ("Joyeux Noël à tous", "praise", "fr"),
        ("Feliz Navidad", "praise", "es"),
        ("Feliz Natal", "praise", "pt"),
        ("Buon Natale", "praise", "it"),
        ("Prettige feestdagen", "praise", "nl"),
        ("Wesołych Świąt", "praise", "pl"),
        ("С Новым годом!", "praise", "ru"),
        ("З Різдвом", "praise", "uk"),
        # the article behind the last answer: "Link?" was told the news does not say, "When was the article
        # published?" got a sentence of another story
        ("Link?", "sources", "en"),
        ("Where can I read the full article?", "sources", "en"),
        ("Wer hat den Artikel geschrieben?", "sources", "de"),
        ("When was the article published?", "sources", "en"),
        ("Aus welcher Zeitung ist das?", "sources", "de"),
        ("Give me the link", "sources", "en"),
        ("Gib mir den Link", "sources", "de"),
        ("When was that published?", "sources", "en"),
        ("Wann wurde das veröffentlicht?", "sources", "de"),
        # a summary: "Summarize" and "Fass das zusammen" got a list of the newest headlines
        ("Summarize", "summary", "en"),
        ("Can you summarize it?", "summary", "en"),
        ("Fass das zusammen", "summary", "de"),
        ("In short?", "summary", "en"),
    ],
)
def test_small_talk_gets_the_reply_of_its_kind_in_its_language(text: str, kind: str, language: str) -> None:
    decision = AnswerGate(min_relevance=0.5).screen_question(text)

    assert not decision.answer and decision.text == REPLIES[kind][language]


@pytest.mark.parametrize(
    ("text", "kind", "language"),
    [
        # "¿Fuentes?" got a line of a satire, "Źródła?" was told in English that the news does not say
        ("¿Fuentes?", "sources", "es"),
        ("Fonti?", "sources", "it"),
        ("Bronnen?", "sources", "nl"),
        ("Fontes, por favor", "sources", "pt"),
        ("Źródła?", "sources", "pl"),
        ("Источники?", "sources", "ru"),
        ("Джерела?", "sources", "uk"),
        ("Le lien svp", "sources", "fr"),
        ("¿El enlace?", "sources", "es"),
        ("Ссылку, пожалуйста", "sources", "ru"),
        # "Traduis en français" got a line of a satire, "Résume l'article" a sentence on copyright
        ("Traduis en français", "translate", "fr"),
        ("Traduce esto al español", "translate", "es"),
        ("Traduci in italiano", "translate", "it"),
        ("Vertaal naar het Nederlands", "translate", "nl"),
        ("Traduza para português", "translate", "pt"),
        ("Przetłumacz na polski", "translate", "pl"),
        ("Переведи на русский", "translate", "ru"),
        ("Переклади українською", "translate", "uk"),
        ("Résume l'article", "summary", "fr"),
        ("Resumen, por favor", "summary", "es"),
        ("Riassumi", "summary", "it"),
        ("Vat het samen", "summary", "nl"),
        ("Resuma o artigo", "summary", "pt"),
        ("Podsumuj", "summary", "pl"),
        ("Перескажи статью", "summary", "ru"),
        ("Підсумуй", "summary", "uk"),
    ],
)
def test_requests_for_sources_translation_and_summary_get_their_reply_in_other_languages(
    text: str, kind: str, language: str
) -> None:
    decision = AnswerGate(min_relevance=0.5).screen_question(text)

    assert not decision.answer and decision.text == REPLIES[kind][language]


@pytest.mark.parametrize(
    "text",
    [
        "Qui a nié avoir fourni des armes ?",
        "Quelles sources d'énergie utilise l'Autriche ?",
        "¿Quién tradujo el libro?",
        "¿Qué fuentes cita el informe?",
        "Wat zegt de samenvatting van het rapport?",
        "Кто перевёл книгу?",
        "Co się stało z Philae?",
        "Comment va Philae ?",
    ],
)
def test_questions_in_other_languages_about_sources_or_translations_pass_the_first_screen(text: str) -> None:
    assert AnswerGate(min_relevance=0.5).screen_question(text, alone=True).answer


@pytest.mark.parametrize(
    "text",
    [
        "Who denied supplying arms?",
        "Wer gewann?",
        "Kohlschreiber?",
        "2016",
        "Was ist heute passiert?",
        "lufthansa tarife",
        "Who won the Super Bowl?",
        "Super Bowl?",
        "Wer hilft den Flüchtlingen?",
        "Wie geht es Nordkorea?",
        "How is the Pope?",
        "Good news for Lufthansa?",
        "Who?",
        "What sources of energy does Austria use?",
        "Welche Quellen nennt der Bericht?",
        "Who translated the book?",
        "English Premier League?",
        "Who is wrong?",
        "Is the minister sure of a majority?",
        "What is the time difference between Vienna and New York?",
        "Wer erzählt die Geschichte des Films?",
        "2:1?",
        "Are robots taking jobs?",
        "Is this a bot attack?",
        "Who made the decision?",
        "Who wrote the letter?",
        "Bist du für die Reform?",
        "Are you sure the minister resigned?",
        "Write-off of Greek debt?",
        "Start of the season?",
        "Who will stop the war?",
        "What do you think the minister meant?",
        "Klar Sieg für Bayern?",
        "Test results of the vaccine?",
        "Do voters like the new chancellor?",
        "Was mögen die Wähler an Kurz?",
        "What is 9/11?",
        "Wie viel ist 1 Euro in Dollar?",
        "What is 3:1 in the series?",
        "Who said wtf?",
        "Do I see the minister's point?",
        "Ich verstehe die Reform nicht: was ändert sich?",
        "1989",
        "Wie war das Wetter beim Rennen?",
        "What did the weather service say about the storm?",
        "Which film did the critics recommend?",
        "Did it work?",
        "Does the new law work?",
        "One question: who won?",
        "Sorry, who denied supplying arms?",
        "Is the reset of the pension system planned?",
        "Was ist die Frage?",
        "Was the minister's plan helpful?",
        "Who speaks German in the cabinet?",
        "Is the new law not helpful for pensioners?",
        "Have a nice day at the beach, says the minister?",
        "Was ist spannend an der Wahl?",
        "Too bad for whom?",
        "Who wrote the letter?",
        "When was the law published?",
        "Which link did the minister share?",
        "Summarize the news about North Korea",
        "Was ist die Zusammenfassung des Berichts?",
    ],
)
def test_questions_pass_the_first_screen(text: str) -> None:
    assert AnswerGate(min_relevance=0.5).screen_question(text).answer
    assert AnswerGate(min_relevance=0.5).screen_question(text, alone=True).answer or text == "Who?"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What did he say?", "en"),
        ("How much does it cost?", "en"),
        ("Where is it?", "en"),
        ("Why did he resign?", "en"),
        ("Who won?", "en"),
        ("What happened?", "en"),
        ("Who was arrested?", "en"),
        ("What was stolen?", "en"),
        ("Was hat sie gesagt?", "de"),
        ("Wie viel kostet es?", "de"),
        ("Wer gewann?", "de"),
        ("Was ist passiert?", "de"),
        ("Wer ist zurückgetreten?", "de"),
        # a word pointing back or a filler is no content word: these got "The indexed news does not say."
        ("What about him?", "en"),
        ("What happened then?", "en"),
        ("Was sagt er dazu?", "de"),
        ("Was hat er darüber gesagt?", "de"),
        ("Was ist denn passiert?", "de"),
        # a word asking only for what happened, its cause or who is to blame names no story either: these got "does
        # not say" ("Who is responsible?" a sentence on UN experts looking for those responsible for gas attacks)
        ("When did this happen?", "en"),
        ("What happens next?", "en"),
        ("Who is responsible?", "en"),
        ("Who is to blame?", "en"),
        ("What was the reason?", "en"),
        ("Was war der Grund?", "de"),
        ("Was sind die Folgen?", "de"),
        # a demonstrative that ends the question points back ("this year" names a time)
        ("What was the reaction to this?", "en"),
        ("What was the verdict on that?", "en"),
        # French, Spanish, Italian: a past form alone, or nothing but pronouns (these got "does not say"; "Chi ha
        # vinto?", Catalan to the identifier, in English)
        ("Qui a gagné ?", "fr"),
        ("Qui a perdu ?", "fr"),  # English to the language step before 7 December, later the same day
        ("Que s'est-il passé ?", "fr"),
        ("Qu'a-t-il dit ?", "fr"),
        ("¿Quién ganó?", "es"),
        ("¿Qué pasó?", "es"),
        ("Chi ha vinto?", "it"),
        ("Cosa è successo?", "it"),
    ],
)
def test_a_question_that_names_no_story_is_asked_which_one_it_means(text: str, language: str) -> None:
    # over 127 articles each got a sentence of whatever story its one word matched ("Wer gewann?" Luxembourg's win
    # over North Macedonia)
    assert names_no_story(text)
    decision = AnswerGate(min_relevance=0.5).screen_story(text)
    assert not decision.answer and decision.reason == "no_story" and decision.text == REPLIES["no_story"][language]


@pytest.mark.parametrize(
    "text",
    [
        "Who denied supplying arms?",
        "What did Kirby say?",
        "What did the minister say?",
        "Who won the match?",
        "Wer gewann das Spiel?",
        "What is inflation?",
        "Wer ist der Bundeskanzler?",
        "Wer ist Kohlschreiber?",
        "Inflation?",
        "Brexit?",
        "Who won in 2016?",
        "Tell me more",
        "What about the strike?",
        "Was sagt Merkel dazu?",
        "What did he say about the election?",
        "Who is responsible for the attack?",
        "What was the reason for the strike?",
        "Was ist der Grund für den Streik?",
        "What caused the crash?",
        "Qui est le président ?",
        "Qui a gagné le match ?",
        "Qui a nié avoir fourni des armes ?",
        "¿Quién es el presidente?",
        "Chi è il presidente?",
    ],
)
def test_a_question_that_names_its_story_names_one(text: str) -> None:
    assert not names_no_story(text)
    assert AnswerGate(min_relevance=0.5).screen_story(text).answer


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Why?", "en"),
        ("What?", "en"),
        ("How?", "en"),
        ("Was?", "de"),
        ("Warum?", "de"),
        ("Und?", "de"),
        ("Na?", "de"),
        ("and why?", "en"),
        # "Pourquoi ?" and "Qui ?" on their own got a cited sentence over 127 articles
        ("Pourquoi ?", "fr"),
        ("Qui ?", "fr"),
        ("Et alors ?", "fr"),
        ("¿Por qué?", "es"),
        ("¿Dónde?", "es"),
        ("Perché?", "it"),
        ("Chi?", "it"),
        ("Waarom?", "nl"),
        ("En wat?", "nl"),
        ("Quem?", "pt"),
        ("Onde?", "pt"),
        # Portuguese and Spanish fold "porquê" and "porqué" alike: each is answered in the language that spells it so
        ("Porquê?", "pt"),
        ("Porqué?", "es"),
        ("Quê?", "pt"),  # was read as a question and answered
        ("Qué?", "es"),
        ("Dlaczego?", "pl"),
        ("Kto?", "pl"),
        ("Почему?", "ru"),
        ("Кто?", "ru"),
        ("Чому?", "uk"),
        ("Хто?", "uk"),
    ],
)
def test_a_question_word_alone_is_unclear_unless_it_follows_a_conversation(text: str, language: str) -> None:
    # "Was?" and "How?" on their own got a cited sentence over 127 articles; after an answer they ask about its story
    alone = AnswerGate(min_relevance=0.5).screen_question(text, alone=True)
    assert not alone.answer and alone.text == REPLIES["unclear"][language]
    assert AnswerGate(min_relevance=0.5).screen_question(text).answer


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("What time is it?", "Today is Friday, 4 December 2026."),
        ("What's the date today?", "Today is Friday, 4 December 2026."),
        ("Welcher Tag ist heute?", "Heute ist Freitag, 4. Dezember 2026."),
        ("Wie spät ist es?", "Heute ist Freitag, 4. Dezember 2026."),
    ],
)
def test_a_question_about_the_date_gets_today(text: str, reply: str) -> None:
    """ "What time is it?" got a cited sentence about New Year's Eve in Cologne; "What day is it today?" was told
    that no article from today is indexed."""
    decision = AnswerGate(min_relevance=0.5).screen_question(text, datetime(2026, 12, 4, 20, tzinfo=UTC))
    assert not decision.answer and decision.text.startswith(reply)


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("Quelle heure est-il ?", "Nous sommes le vendredi 4 décembre 2026."),
        ("¿Qué día es hoy?", "Hoy es viernes, 4 de diciembre de 2026."),
        ("Che giorno è oggi?", "Oggi è venerdì 4 dicembre 2026."),
        ("Hoe laat is het?", "Vandaag is het vrijdag 4 december 2026."),
        ("Que dia é hoje?", "Hoje é sexta-feira, 4 de dezembro de 2026."),
        ("Która godzina?", "Dziś jest piątek, 4 grudnia 2026."),
        ("Какой сегодня день?", "Сегодня пятница, 4 декабря 2026 года."),
        ("Котра година?", "Сьогодні п’ятниця, 4 грудня 2026 року."),
    ],
)
def test_a_question_about_the_date_gets_today_in_its_language(text: str, reply: str) -> None:
    decision = AnswerGate(min_relevance=0.5).screen_question(text, datetime(2026, 12, 4, 20, tzinfo=UTC))
    assert not decision.answer and decision.text.startswith(reply)


# Small talk and questions about the bot in the other languages the bot frames answers in: before, "Merci beaucoup"
# was thanked in English, and "Qui es-tu ?", "¿Quién eres?", "Как дела?" went to the news and could get a cited
# sentence.
SMALL_TALK_ELSEWHERE = {
    "fr": [
        ("Merci beaucoup", "thanks"),
        ("Bonjour !", "greeting"),
        ("Comment ça va ?", "greeting"),
        ("Qui es-tu ?", "help"),
        ("Qu'est-ce que tu peux faire ?", "help"),
        ("Tu es un robot ?", "help"),
        ("Tu es sûr ?", "doubt"),
        ("C'est faux", "doubt"),
        ("Au revoir", "goodbye"),
        ("D'accord", "nod"),
        ("Bien joué !", "praise"),
        # these were told the news does not say
        ("Salut, ça va ?", "greeting"),
        ("Raconte-moi une blague", "joke"),
        ("Tu connais une blague ?", "joke"),
    ],
    "es": [
        ("Muchas gracias", "thanks"),
        ("¡Hola!", "greeting"),
        ("¿Qué tal?", "greeting"),
        ("¿Quién eres?", "help"),
        ("¿Qué puedes hacer?", "help"),
        ("Ayuda", "help"),
        ("¿Estás seguro?", "doubt"),
        ("Eso no es verdad", "doubt"),
        ("Hasta luego", "goodbye"),
        ("Vale", "nod"),
        ("Buen trabajo", "praise"),
        ("Hola, ¿qué tal?", "greeting"),
        ("Cuéntame un chiste", "joke"),
        ("¿Sabes algún chiste?", "joke"),
    ],
    "it": [
        ("Grazie mille", "thanks"),
        ("Buongiorno", "greeting"),
        ("Come stai?", "greeting"),
        ("Chi sei?", "help"),
        ("Cosa sai fare?", "help"),
        ("Sei un bot?", "help"),
        ("Sei sicuro?", "doubt"),
        ("Arrivederci", "goodbye"),
        ("Va bene", "nod"),
        ("Ottimo lavoro", "praise"),
        ("Ciao, come stai?", "greeting"),
        ("Dimmi una barzelletta", "joke"),
        ("Raccontami una storia", "joke"),
    ],
    "nl": [
        ("Dank je wel", "thanks"),
        ("Bedankt!", "thanks"),
        ("Goedemorgen", "greeting"),
        ("Hoe gaat het?", "greeting"),
        ("Wie ben jij?", "help"),
        ("Wat kun je?", "help"),
        ("Ben je een bot?", "help"),
        ("Weet je het zeker?", "doubt"),
        ("Dat klopt niet", "doubt"),
        ("Tot ziens", "goodbye"),
        ("Goed gedaan", "praise"),
    ],
    "pt": [
        ("Obrigado", "thanks"),
        ("Muito obrigada!", "thanks"),
        ("Olá", "greeting"),
        ("Tudo bem?", "greeting"),
        ("Quem é você?", "help"),
        ("O que você pode fazer?", "help"),
        ("Não entendi", "help"),
        ("Tem certeza?", "doubt"),
        ("Tchau", "goodbye"),
        ("Até logo", "goodbye"),
        ("Beleza", "nod"),
        ("Bom trabalho", "praise"),
    ],
    "pl": [
        ("Dzięki!", "thanks"),
        ("Dziękuję bardzo", "thanks"),
        ("Dzień dobry", "greeting"),
        ("Jak się masz?", "greeting"),
        ("Kim jesteś?", "help"),
        ("Co potrafisz?", "help"),
        ("Jesteś botem?", "help"),
        ("Jesteś pewien?", "doubt"),
        ("Do widzenia", "goodbye"),
        ("Rozumiem", "nod"),
        ("Dobra robota", "praise"),
    ],
    "ru": [
        ("Спасибо большое!", "thanks"),
        ("Привет", "greeting"),
        ("Как дела?", "greeting"),
        ("Кто ты?", "help"),
        ("Что ты умеешь?", "help"),
        ("Ты бот?", "help"),
        ("Ты уверен?", "doubt"),
        ("Это неправда", "doubt"),
        ("До свидания", "goodbye"),
        ("Понятно", "nod"),
        ("Молодец", "praise"),
    ],
    "uk": [
        ("Дякую", "thanks"),
        ("Привіт", "greeting"),
        ("Як справи?", "greeting"),
        ("Хто ти?", "help"),
        ("Що ти вмієш?", "help"),
        ("Ти бот?", "help"),
        ("Ти впевнений?", "doubt"),
        ("Це неправда", "doubt"),
        ("До побачення", "goodbye"),
        ("Зрозуміло", "nod"),
        ("Молодець", "praise"),
    ],
}


@pytest.mark.parametrize(
    ("text", "kind", "language"),
    [(text, kind, language) for language, said in SMALL_TALK_ELSEWHERE.items() for text, kind in said],
)
def test_small_talk_in_other_languages_gets_the_reply_of_its_kind_in_its_language(
    text: str, kind: str, language: str
) -> None:
    decision = AnswerGate(min_relevance=0.5).screen_question(text)

    assert decision.reason == "not_a_question" and decision.text == REPLIES[kind][language]


@pytest.mark.parametrize(
    "text",
    [
        "Qui a gagné les élections en Autriche ?",
        "Que dit le gouvernement ?",
        "Quel est le bilan ?",
        "¿Cuántas personas murieron?",
        "¿Qué dijo el presidente?",
        "Ayuda humanitaria para Gaza?",
        "Chi ha vinto la partita?",
        "Come sta il Papa?",
        "Wat zei de minister?",
        "Hoe is het met de economie?",
        "Tot wanneer geldt de lockdown?",
        "Quem ganhou as eleições?",
        "Como está o presidente?",
        "Kto wygrał wybory w Polsce?",
        "Jak działa nowa ustawa?",
        "Dobry wynik dla Polski?",
        "Кто победил на выборах?",
        "Как работает новый закон?",
        "Хто переміг на виборах?",
        "Як працює новий закон?",
    ],
)
def test_news_questions_in_other_languages_pass_the_first_screen(text: str) -> None:
    assert AnswerGate(min_relevance=0.5).screen_question(text).answer


def test_every_reply_speaks_every_language_answers_are_framed_in() -> None:
    assert all(set(replies) == set(ABSTAIN_TEXTS) for replies in REPLIES.values())
    assert set(EXAMPLE_QUESTIONS) == set(ABSTAIN_TEXTS)


def test_an_answerer_that_writes_is_asked_to_translate() -> None:
    assert AnswerGate(min_relevance=0.5, translates=True).screen_question("Translate that to English").answer


def test_a_greeting_is_answered_in_its_language() -> None:
    assert AnswerGate(min_relevance=0.5).screen_question("Guten Morgen").text == REPLIES["greeting"]["de"]


def test_an_empty_store_says_how_to_ingest() -> None:
    decision = AnswerGate(min_relevance=0.5).screen_hits(QUESTION, [], store_is_empty=True)

    assert decision.reason == "empty_store" and "newsbot ingest" in decision.text


def test_hits_below_the_relevance_threshold_are_not_read() -> None:
    answerer = CountingAnswerer()
    step = AnswerStep(AnswerGate(min_relevance=0.5), answerer, store_is_empty=lambda: False)

    refused = step(QUESTION, [WEATHER])  # score 0.41
    answered = step(QUESTION, [WEATHER, NORTH_KOREA])  # 0.78

    assert refused.abstained and refused.text == ABSTAIN_TEXTS["en"] and refused.sources == []
    assert not answered.abstained and answerer.calls == 1


def test_through_the_chain_no_answerer_is_asked_about_a_greeting_or_an_empty_store(tmp_path: Path) -> None:
    answerer = CountingAnswerer()
    embedder = ScriptedEmbedder("scripted", {})
    newsroom = Newsroom(make_settings(tmp_path / "data"), embedder=embedder, answerer=answerer)

    greeting = newsroom.ask("hello")
    empty = newsroom.ask("Wer hat Waffenlieferungen bestritten?")

    assert greeting.text == REPLIES["greeting"]["en"] and greeting.abstained
    assert empty.text == REPLIES["empty_store"]["de"]
    assert answerer.calls == 0 and embedder.queries == ["Wer hat Waffenlieferungen bestritten?"]


@pytest.mark.parametrize(("text", "language"), [("Why not?", "en"), ("Warum nicht?", "de"), ("How come?", "en")])
def test_why_not_after_a_reply_that_quoted_no_news_is_told_where_answers_come_from(text: str, language: str) -> None:
    # after "the news does not say", "Why not?" got a sentence of whatever story its words matched
    gate = AnswerGate(min_relevance=0.5)
    decision = gate.screen_question(text, unanswered=True)
    assert not decision.answer and decision.text == REPLIES["why_not"][language]
    # after an answer, it asks about the story ("Why not the ECB?" asks about it either way)
    assert gate.screen_question(text).answer
    assert gate.screen_question("Why not the ECB?", unanswered=True).answer
