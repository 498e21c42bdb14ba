"""What users see: real `Update`s through `Application.process_update`, the real Newsroom behind the bot, and a
request object that never touches the network but holds the bot to Telegram's rules (tests/fakes/bot_api.py)."""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from collections.abc import Sequence
from pathlib import Path

import pytest
from telegram import Bot, Update

from bot.telegram.admin import render_report
from bot.telegram.context import SERVICES_KEY
from bot.telegram.handlers import keep_typing
from index.answerers.base import Answerer, build_answer
from index.answerers.replies import EXAMPLE_QUESTIONS, REPLIES
from index.ingestion import Failure, IngestReport
from index.models import Answer, Article, ArticleMeta, Hit, Turn
from index.newsroom import Newsroom
from tests.bot.conftest import (
    ADA,
    ADMIN,
    EVE,
    MakeOfflineBot,
    OfflineBot,
    assert_answers_the_seed_question,
    newsroom_like,
    visible_texts,
)
from tests.conftest import SEED_ARTICLE, SEED_QUESTION
from tests.fakes.bot_api import checked_text, group_chat, private_chat
from tests.fakes.openai_api import FakeOpenAI
from tests.fakes.telegram_rules import make_user

GROUP = group_chat(-100123, "Newsroom friends")
HANS = {**make_user(103, "Hans"), "language_code": "de"}


async def test_a_private_message_is_a_question_answered_with_sources(offline_bot: OfflineBot) -> None:
    [reply] = await offline_bot.send(SEED_QUESTION)
    assert_answers_the_seed_question(reply.text)
    assert "<b>Sources</b>" in reply.html
    assert [b["callback_data"] for b in reply.buttons] == ["src:1"]
    calls = [call.method for call in offline_bot.api.calls]
    assert calls.index("sendChatAction") < calls.index("sendMessage")  # "typing…" while the answer is prepared
    assert set(offline_bot.api.chat_actions) == {(ADA["id"], "typing")}  # renewed every 4 s on a slow machine
    assert not offline_bot.api.errors


async def test_a_greeting_two_languages_share_is_answered_in_the_users_telegram_language(
    offline_bot: OfflineBot,
) -> None:
    daan = {**make_user(104, "Daan"), "language_code": "nl-BE"}
    [dutch] = await offline_bot.send("Hallo", user=daan)
    [german] = await offline_bot.send("Hallo", user=HANS)
    # the whole message: no "Try rephrasing, or see what I have read with /latest." after a greeting (it was, in
    # English, after every reply to small talk)
    assert dutch.text == REPLIES["greeting"]["nl"] and german.text == REPLIES["greeting"]["de"]
    [abstained] = await offline_bot.send("Who won the 2026 FIFA World Cup?")
    assert "/latest" in abstained.text  # after "the news does not say" it still suggests what to do
    assert not offline_bot.api.errors


async def test_a_name_sent_alone_lists_its_articles_framed_in_the_names_language(offline_bot: OfflineBot) -> None:
    # "Nordkorea" got three sentences of the seed article, with an English "All sources" button
    [listed] = await offline_bot.send("Nordkorea")
    assert listed.text.startswith("Artikel zu „Nordkorea“, die neuesten zuerst:\n[1] Nordkorea dementiert")
    assert listed.buttons[0]["text"] == "📰 Alle Quellen"
    assert not offline_bot.api.errors


async def test_two_questions_in_one_message_get_an_answer_each_the_second_after_the_first(
    offline_bot: OfflineBot,
) -> None:
    first, second = await offline_bot.send("Who denied supplying arms?  Where to?")
    assert_answers_the_seed_question(first.text)
    # asked alone, "Where to?" gets "Which story do you mean?"; asked after the first, the story's sentences
    assert "Russland" in second.text.split("\n\n")[0] and "[1]" in second.text
    assert [first.buttons[0]["callback_data"], second.buttons[0]["callback_data"]] == ["src:1", "src:2"]
    # a question mark in quotes, or a first "question" of one word, leave the message one question
    [quoted] = await offline_bot.send('What does "Who denied it?" mean? And why?')
    [one] = await offline_bot.send("What? Nordkorea hat Waffenlieferungen bestritten?")
    assert quoted.text and one.text
    assert not offline_bot.api.errors


async def test_the_sources_button_and_sources_command_show_full_sources(offline_bot: OfflineBot) -> None:
    [answer] = await offline_bot.send(SEED_QUESTION)
    [full] = await offline_bot.press(answer, answer.buttons[0]["callback_data"])
    assert full.text.startswith(f"Sources for {SEED_QUESTION}")
    assert "[1] Nordkorea dementiert" in full.text
    assert len(offline_bot.api.callback_answers) == 1
    [again] = await offline_bot.send("/sources")
    assert again.text == full.text
    assert not offline_bot.api.errors


async def test_the_headlines_come_as_one_list_of_linked_titles(offline_bot: OfflineBot) -> None:
    [headlines] = await offline_bot.send("What are the headlines?")
    lines = headlines.text.splitlines()
    assert lines[0] == "The newest articles:" and lines[1].startswith("[1] Nordkorea dementiert")
    assert "Sources" not in headlines.text and headlines.buttons  # the full sources stay one press away
    [lead] = await offline_bot.send("Tell me more about the first one")
    assert "[1]" in lead.text and "Sources\n[1] Nordkorea dementiert" in lead.text


async def test_a_question_about_what_the_bot_has_read_gets_its_figures(offline_bot: OfflineBot) -> None:
    [figures] = await offline_bot.send("How many articles have you read?")
    assert figures.text.startswith("I have read 1 article")
    assert "\nSources\n[1] Nordkorea dementiert" in figures.text


async def test_asking_for_the_sources_in_words_shows_them_like_the_command(offline_bot: OfflineBot) -> None:
    [hint] = await offline_bot.send("Woher hast du das?")
    assert hint.text.startswith("Fragen Sie mich zuerst etwas")
    await offline_bot.send(SEED_QUESTION)
    [by_command] = await offline_bot.send("/sources")
    for request in ["sources?", "Where is that from?", "Quellen bitte"]:
        [shown] = await offline_bot.send(request)
        assert shown.text == by_command.text
    # asking for the sources is no question: the last answer stays the one whose sources they are
    [again] = await offline_bot.send("/sources")
    assert again.text == by_command.text


async def test_sources_before_any_answer_and_a_forgotten_button_are_explained(offline_bot: OfflineBot) -> None:
    [hint] = await offline_bot.send("/sources")
    assert "Ask me something first" in hint.text
    [answer] = await offline_bot.send(SEED_QUESTION)
    assert await offline_bot.press(answer, "src:99") == []
    assert "no longer remember" in offline_bot.api.callback_answers[-1]["text"]


async def test_start_says_what_the_bot_knows_and_how_to_ask(offline_bot: OfflineBot) -> None:
    [welcome] = await offline_bot.send("/start")
    assert "Hi Ada!" in welcome.text and "I have read 1 news article" in welcome.text
    assert "Just send me a question" in welcome.text
    [in_group] = await offline_bot.send("/start@newsbot_test_bot", chat=GROUP)
    assert "mention me (@newsbot_test_bot)" in in_group.text and "/ask" in in_group.text


async def test_a_german_user_gets_start_and_help_in_german(offline_bot: OfflineBot) -> None:
    greta = {**make_user(102, "Greta"), "language_code": "de-AT"}
    [welcome] = await offline_bot.send("/start", user=greta)
    assert welcome.text.startswith("Hallo Greta! Ich beantworte Fragen zu den Nachrichten")
    assert "Ich habe 1 Artikel gelesen" in welcome.text
    assert EXAMPLE_QUESTIONS["de"] in welcome.text
    [help_text] = await offline_bot.send("/help", user=greta)
    assert "/sources - alle Quellen meiner letzten Antwort" in help_text.text


@pytest.mark.parametrize(
    ("language_code", "hello", "read", "help_line", "language"),
    [
        ("fr", "Bonjour Léa ! Je réponds", "J’ai lu <b>1</b> article", "/sources - toutes les sources", "fr"),
        ("pt-BR", "Olá, Léa! Respondo", "Li <b>1</b> artigo", "/sources - todas as fontes", "pt"),
        ("uk", "Вітаю, Léa! Я відповідаю", "Прочитано статей: <b>1</b>", "/sources - усі джерела", "uk"),
    ],
)
async def test_a_user_of_another_language_gets_start_and_help_in_it(
    offline_bot: OfflineBot, language_code: str, hello: str, read: str, help_line: str, language: str
) -> None:
    """Before, anyone but a German user got them in English."""
    lea = {**make_user(104, "Léa"), "language_code": language_code}
    [welcome] = await offline_bot.send("/start", user=lea)
    assert welcome.text.startswith(hello) and read in welcome.html
    assert EXAMPLE_QUESTIONS[language] in welcome.text
    [help_text] = await offline_bot.send("/help", user=lea)
    assert help_line in help_text.text and EXAMPLE_QUESTIONS[language] in help_text.text


async def test_an_admin_of_another_language_gets_the_admin_lines_in_it(offline_bot: OfflineBot) -> None:
    """Before, anyone but a German admin got them in English."""
    [help_text] = await offline_bot.send("/help", user={**ADMIN, "language_code": "fr"})
    assert "/sources - toutes les sources" in help_text.text and "/stats - l’index et le bot" in help_text.text
    assert "<b>Administration</b>" in help_text.html


async def test_follow_stats_and_latest_speak_french_to_a_french_admin(offline_bot: OfflineBot) -> None:
    """Before, /follow, /stats and /latest fell back to English for anyone but German users."""
    french_admin = {**ADMIN, "language_code": "fr"}
    [following] = await offline_bot.send("/follow elections", user=french_admin)
    assert following.text.startswith("Vous suivez elections. Quand de nouveaux articles à ce sujet arrivent")
    assert "au plus une fois toutes les 60 minutes" in following.text
    [stats] = await offline_bot.send("/stats", user=french_admin)
    assert "Articles : 1 · passages : " in stats.text and "Le plus récent : inconnu" in stats.text
    assert "En marche depuis 0 min · questions traitées : 0" in stats.text
    [latest] = await offline_bot.send("/latest", user=french_admin)
    assert latest.text.startswith("Derniers articles\n1. Nordkorea dementiert")
    assert re.search(
        r" · ajouté le \d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) 20\d\d$",
        latest.text,
    )


async def test_a_polish_admin_gets_stats_and_an_add_report_in_polish(
    make_offline_bot: MakeOfflineBot, empty_newsroom: Newsroom
) -> None:
    bot = await make_offline_bot(empty_newsroom)
    polish_admin = {**ADMIN, "language_code": "pl"}
    [refused] = await bot.send("/stats", user={**make_user(105, "Zofia"), "language_code": "pl"})
    assert refused.text == "Przepraszam, /stats jest tylko dla administratorów bota."
    [usage] = await bot.send("/add", user=polish_admin)
    assert usage.text == "Wyślij /add URL, aby dodać stronę z wiadomościami, albo wyślij mi plik."
    story = "Prom wraca\n\nPort Elda jest znowu otwarty od poniedziałku."
    [progress] = await bot.upload("port.md", story.encode(), user=polish_admin)
    assert progress.text == "✅ Dodano 1 artykuł.\nTeraz znam 1 artykuł."
    [stats] = await bot.send("/stats", user=polish_admin)
    assert stats.text.startswith("Indeks\nArtykuły: 1 · fragmenty: ")
    assert "Działa od 0 min · odpowiedzi na pytania: 0" in stats.text
    [deleted] = await bot.send("/delete port.md", user=polish_admin)
    assert deleted.text == "🗑 Usunięto 1 artykuł. Teraz znam 0 artykułów."


async def test_a_german_question_gets_german_around_its_answer(offline_bot: OfflineBot) -> None:
    [answer] = await offline_bot.send(EXAMPLE_QUESTIONS["de"])
    assert "\nQuellen\n[1] Nordkorea dementiert" in answer.text
    assert answer.buttons[0]["text"] == "📰 Alle Quellen"
    [full] = await offline_bot.press(answer, answer.buttons[0]["callback_data"])
    assert full.text.startswith(f"Quellen zu {EXAMPLE_QUESTIONS['de']}")


async def test_help_lists_admin_commands_only_to_admins(offline_bot: OfflineBot) -> None:
    [for_ada] = await offline_bot.send("/help")
    [for_admin] = await offline_bot.send("/help", user=ADMIN)
    assert "/sources" in for_ada.text and "/add" not in for_ada.text
    assert "/add URL" in for_admin.text and "/stats" in for_admin.text


async def test_latest_lists_the_newest_articles(offline_bot: OfflineBot) -> None:
    [latest] = await offline_bot.send("/latest 3")
    assert latest.text.startswith("Latest articles\n1. Nordkorea dementiert")
    [default] = await offline_bot.send("/latest")
    assert default.text == latest.text  # one article in the index


@pytest.mark.parametrize("argument", ["-3", "99999999999999999999", "0", "21", "٣", "3 4", "derStandard 5 5"])
async def test_latest_with_a_count_it_cannot_take_says_how_to_ask(offline_bot: OfflineBot, argument: str) -> None:
    [usage] = await offline_bot.send(f"/latest {argument}")
    assert usage.text == (
        "Send /latest for the 5 newest articles, /latest N for the N newest (N from 1 to 20), /latest OUTLET for one "
        "outlet's: e.g. /latest 10, /latest derStandard."
    )
    assert not offline_bot.api.errors


@pytest.mark.parametrize("argument", ["abc", "²", "1e3"])
async def test_latest_of_an_outlet_it_has_not_read_says_so(offline_bot: OfflineBot, argument: str) -> None:
    [reply] = await offline_bot.send(f"/latest {argument}")
    assert reply.text == f"I have no article from {argument}, nor from any outlet yet."


async def test_latest_of_an_outlet_lists_its_newest_in_the_users_language(
    make_offline_bot: MakeOfflineBot, empty_newsroom: Newsroom
) -> None:
    articles = [
        Article(text=f"Meldung {n} über den Hafen.", meta=ArticleMeta(title=f"Meldung {n}", outlet=outlet))
        for n, outlet in enumerate(["derStandard.at", "Wire", "derStandard.at"], start=1)
    ]
    assert empty_newsroom.ingest_articles(articles).added == 3
    bot = await make_offline_bot(empty_newsroom)
    [standard] = await bot.send("/latest 5 der Standard")
    assert standard.text.splitlines()[0] == "Latest articles from derStandard.at"
    assert [line.split(" · ")[0] for line in standard.text.splitlines()[1:]] == ["1. Meldung 3", "2. Meldung 1"]
    [german] = await bot.send("/latest Wire", user=HANS)
    assert german.text.splitlines()[0] == "Neueste Artikel von Wire"
    assert "hinzugefügt am" in german.text
    [stats] = await bot.send("/stats", user=ADMIN)
    assert "Outlets: derStandard.at (2), Wire (1)" in stats.text
    [unknown] = await bot.send("/latest Guardian", user=HANS)
    assert (
        unknown.text == "Von Guardian habe ich keinen Artikel. Die Medien, die ich gelesen habe: derStandard.at, Wire."
    )
    assert not bot.api.errors


async def test_groups_answer_mentions_replies_and_ask_and_stay_quiet_otherwise(offline_bot: OfflineBot) -> None:
    assert await offline_bot.send(SEED_QUESTION, chat=GROUP) == []
    assert await offline_bot.send("/ask@some_other_bot " + SEED_QUESTION, chat=GROUP) == []
    assert await offline_bot.send("@someone_else what do you think?", chat=GROUP) == []
    [mentioned] = await offline_bot.send(f"@newsbot_test_bot {SEED_QUESTION}", chat=GROUP)
    assert_answers_the_seed_question(mentioned.text)
    assert mentioned.reply_to is not None  # in a group the answer quotes the question
    [asked] = await offline_bot.send(f"/ask {SEED_QUESTION}", chat=GROUP)
    assert_answers_the_seed_question(asked.text)
    [replied] = await offline_bot.send(SEED_QUESTION, chat=GROUP, reply_to=asked)
    assert_answers_the_seed_question(replied.text)
    assert not offline_bot.api.errors


async def test_ask_without_a_question_shows_an_example(offline_bot: OfflineBot) -> None:
    [hint] = await offline_bot.send("/ask")
    assert hint.text.startswith("Ask me about the news, e.g.")


async def test_a_refused_user_gets_one_polite_answer_and_nothing_else(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot(telegram_allowed_user_ids=[ADA["id"]])
    [refusal] = await bot.send(SEED_QUESTION, user=EVE)
    assert refusal.text.startswith("Sorry, this bot only answers") and str(EVE["id"]) in refusal.text
    assert await bot.send(SEED_QUESTION, user=EVE) == []  # told once, not once per message
    assert await bot.send("@newsbot_test_bot hello", user=EVE, chat=GROUP) == []
    assert not bot.api.chat_actions  # nothing was prepared for Eve
    [answer] = await bot.send(SEED_QUESTION, user=ADA)
    assert_answers_the_seed_question(answer.text)
    assert await bot.press(answer, "src:1", user=EVE) == []
    assert bot.api.callback_answers[-1]["text"] == "Sorry, this bot is private."


async def test_allowed_chats_let_everyone_in_them_ask(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot(telegram_allowed_chat_ids=[GROUP["id"]])
    [answer] = await bot.send(f"/ask {SEED_QUESTION}", user=EVE, chat=GROUP)
    assert_answers_the_seed_question(answer.text)
    [refusal] = await bot.send(SEED_QUESTION, user=EVE)
    assert refusal.text.startswith("Sorry")


async def test_rate_limit_answers_with_a_friendly_message_once(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot(telegram_rate_limit_per_minute=2)
    for _ in range(2):
        assert_answers_the_seed_question(visible_texts(await bot.send(SEED_QUESTION)))
    [slow_down] = await bot.send(SEED_QUESTION)
    assert "up to 2 messages a minute" in slow_down.text and "try again in" in slow_down.text
    assert await bot.send(SEED_QUESTION) == []
    assert_answers_the_seed_question(visible_texts(await bot.send(SEED_QUESTION, user=EVE)))  # per user
    for _ in range(3):
        assert await bot.send(SEED_QUESTION, user=ADMIN)  # admins are not limited


async def test_commands_and_buttons_share_the_rate_limit(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot(telegram_rate_limit_per_minute=10)
    [answer] = await bot.send(SEED_QUESTION)
    replies = [reply for _ in range(100) for reply in await bot.send("/latest")]
    assert [r.text.startswith("Latest articles") for r in replies] == [True] * 9 + [False]
    assert "up to 10 messages a minute" in replies[-1].text
    for command in ("/start", "/help", "/sources", "/ask " + SEED_QUESTION, "/frobnicate", SEED_QUESTION):
        assert await bot.send(command) == []
    assert await bot.press(answer, answer.buttons[0]["callback_data"]) == []
    assert "up to 10 messages a minute" in bot.api.callback_answers[-1]["text"]  # a button is always answered
    assert len([r for _ in range(30) for r in await bot.send("/latest", user=ADMIN)]) == 30  # admins are exempt
    [for_eve] = await bot.send("/latest", user=EVE)  # the limit is per user
    assert for_eve.text.startswith("Latest articles")
    assert not [c for c in bot.api.errors if not c.error.startswith("Too Many Requests")]  # 30 at once: retried


async def test_group_chatter_not_addressed_to_the_bot_does_not_count(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot(telegram_rate_limit_per_minute=2)
    for _ in range(20):
        assert await bot.send("what a day, huh?", chat=GROUP) == []
    for _ in range(2):
        assert_answers_the_seed_question(visible_texts(await bot.send(f"/ask {SEED_QUESTION}", chat=GROUP)))


class RecordingAnswerer(Answerer):
    """Cites the first hit and records the history each follow-up came with (an LLM would condense it)."""

    name = "recording"

    def __init__(self) -> None:
        self.histories: list[list[Turn]] = []

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        return build_answer(question, f"About {question} [1].", hits, answerer=self.name)

    def condense(self, question: str, history: Sequence[Turn]) -> str | None:
        self.histories.append(list(history))
        return None


async def test_an_llm_that_passes_its_deadline_is_replaced_by_the_extractive_answer_not_an_apology(
    make_offline_bot: MakeOfflineBot, newsroom: Newsroom, tmp_path: Path
) -> None:
    with FakeOpenAI() as llm:
        llm.enqueue_trickle(every_s=0.2)
        room = newsroom_like(
            newsroom,
            tmp_path / "slow-llm",
            llm_base_url=llm.base_url,
            llm_api_key=llm.api_key,
            llm_model=llm.model,
            llm_timeout=1.0,
        )
        room.ingest([str(SEED_ARTICLE)])
        bot = await make_offline_bot(room)

        [reply] = await bot.send(SEED_QUESTION)

    assert_answers_the_seed_question(reply.text)
    assert "Sorry" not in reply.text


async def test_follow_ups_are_asked_with_the_chats_recent_turns(
    make_offline_bot: MakeOfflineBot, newsroom: Newsroom, tmp_path: Path
) -> None:
    answerer = RecordingAnswerer()
    room = newsroom_like(newsroom, tmp_path / "recording", answerer=answerer, min_relevance=-1.0)
    room.ingest([str(newsroom.latest(1)[0].meta.source)])
    bot = await make_offline_bot(room, telegram_history_turns=2)
    for question in ("Who denied supplying arms?", "What did Kirby say?", "Where were shells delivered?"):
        await bot.send(question)
    await bot.send("And what did the US say?")
    await bot.send("Who denied supplying arms?", user=EVE)
    assert [[turn.question for turn in h] for h in answerer.histories] == [
        ["Who denied supplying arms?"],
        ["Who denied supplying arms?", "What did Kirby say?"],
        ["What did Kirby say?", "Where were shells delivered?"],  # TELEGRAM_HISTORY_TURNS=2
    ]  # Eve's chat has no history, so nothing to condense
    assert answerer.histories[-1][-1].answer == "About Where were shells delivered? [1]."


async def test_a_follow_up_without_llm_is_understood_from_the_chat_history(offline_bot: OfflineBot) -> None:
    await offline_bot.send(SEED_QUESTION)
    [follow_up] = await offline_bot.send("And what did the US say?")
    assert "[1]" in follow_up.text and "Nordkorea dementiert" in follow_up.text


async def test_a_chat_that_paused_longer_than_the_history_minutes_starts_afresh(
    make_offline_bot: MakeOfflineBot,
) -> None:
    # a chat's turns were followed up however old: "Nordkorea" the next day was read as a follow-up
    bot = await make_offline_bot(telegram_history_minutes=0.002)  # 0.12 s
    await bot.send(SEED_QUESTION)
    await asyncio.sleep(0.5)
    [afresh] = await bot.send("And what did the US say?")
    assert "Nordkorea dementiert" not in afresh.text  # no story to follow: asked on its own
    [listed] = await bot.send("Nordkorea")  # right after a turn: a follow-up, no list
    assert not listed.text.startswith("Artikel zu")
    await asyncio.sleep(0.5)
    [listed] = await bot.send("Nordkorea")
    assert listed.text.startswith("Artikel zu „Nordkorea“")


async def test_admins_see_stats_others_are_told_politely(offline_bot: OfflineBot) -> None:
    [refused] = await offline_bot.send("/stats")
    assert refused.text == "Sorry, /stats is for the bot's admins."
    await offline_bot.send(SEED_QUESTION)
    [stats] = await offline_bot.send("/stats", user=ADMIN)
    assert "Articles: 1" in stats.text and "questions answered: 1" in stats.text and "Embedder: use" in stats.text
    assert re.search(r"State: SQLite /\S+/bot_state\.sqlite3", stats.text)
    # 1 once a bot's reader has read it while idle ("of 1 articles" before)
    assert re.search(r"Articles read ahead: [01] of 1\b", stats.text)
    # how old a turn it still follows up (TELEGRAM_HISTORY_MINUTES, 60 by default)
    assert "turns in history: 4 (asked in the last 1 h 0 min)" in stats.text


async def test_only_admins_may_add_and_nothing_is_ingested_for_others(
    make_offline_bot: MakeOfflineBot, empty_newsroom: Newsroom
) -> None:
    bot = await make_offline_bot(empty_newsroom)
    [refused] = await bot.send("/add https://example.org/story")
    assert refused.text.startswith("Sorry, only the bot's admins can add articles")
    [refused_file] = await bot.upload("story.txt", b"Title\nSome text.", user=ADA)
    assert refused_file.text.startswith("Sorry, only the bot's admins")
    assert empty_newsroom.stats().articles == 0
    [usage] = await bot.send("/add", user=ADMIN)
    assert "/add URL" in usage.text
    [not_url] = await bot.send("/add example", user=ADMIN)
    assert "not a web address" in not_url.text
    [wrong_kind] = await bot.upload("photo.png", b"\x89PNG")
    assert ".txt, .md" in wrong_kind.text and "photo.png" in wrong_kind.text


async def test_an_upload_over_the_size_limit_is_refused_before_it_is_downloaded(
    make_offline_bot: MakeOfflineBot, empty_newsroom: Newsroom
) -> None:
    bot = await make_offline_bot(empty_newsroom, max_input_mb=0.001)  # 1,048 bytes
    [refused] = await bot.upload("long.txt", b"Long story\n\n" + b"word " * 400)
    assert refused.text == "That file is too big: I read files up to 0.001 MB (NEWSBOT_MAX_INPUT_MB)."
    assert not any(call.method == "getFile" for call in bot.api.calls)
    [progress] = await bot.upload("short.txt", b"Short story\n\nThe harbour of Port Elda reopened on Monday.")
    assert progress.text.startswith("✅ Added 1 article.")


async def test_the_admin_commands_speak_the_users_language(
    make_offline_bot: MakeOfflineBot, empty_newsroom: Newsroom
) -> None:
    bot = await make_offline_bot(empty_newsroom)
    greta = {**make_user(102, "Greta"), "language_code": "de-AT"}
    [refused] = await bot.send("/add https://example.org/story", user=greta)
    assert refused.text.startswith("Entschuldigung, nur die Admins des Bots können Artikel hinzufügen.")
    [refused_file] = await bot.upload("story.txt", b"Title\nSome text.", user=greta)
    assert refused_file.text == refused.text
    [refused_feeds] = await bot.send("/feeds", user=greta)
    assert refused_feeds.text.startswith("Entschuldigung, nur die Admins des Bots verwalten die Feeds")
    assert empty_newsroom.stats().articles == 0
    admin = {**ADMIN, "language_code": "de"}
    [usage] = await bot.send("/add", user=admin)
    assert usage.text == "Senden Sie /add URL, um eine Nachrichtenseite hinzuzufügen, oder schicken Sie mir eine Datei."
    [wrong_kind] = await bot.upload("foto.png", b"\x89PNG", user=admin)
    assert (
        wrong_kind.text.startswith("Ich kann Dateien vom Typ .txt, .md")
        and "foto.png gehört nicht dazu" in wrong_kind.text
    )
    story = "Hafen wieder offen\n\nDer Hafen von Port Elda ist seit Montag wieder offen."
    [progress] = await bot.upload("hafen.md", story.encode(), user=admin)
    assert progress.text == "✅ 1 Artikel hinzugefügt.\nIch kenne jetzt 1 Artikel."
    [again] = await bot.upload("hafen.md", story.encode(), user=admin)
    assert again.text == "☑️ 1 schon vorhanden, unverändert.\nIch kenne jetzt 1 Artikel."
    [stats] = await bot.send("/stats", user=admin)
    assert "Artikel: 1 · Passagen: " in stats.text and "Läuft seit 0 min · beantwortete Fragen: 0" in stats.text
    [refused_stats] = await bot.send("/stats", user=greta)
    assert refused_stats.text == "Entschuldigung, /stats ist den Admins des Bots vorbehalten."
    [no_match] = await bot.send("/delete nichts.txt", user=admin)
    assert no_match.text.startswith("Kein Artikel passt zu nichts.txt.")
    [deleted] = await bot.send("/delete hafen.md", user=admin)
    assert deleted.text == "🗑 1 Artikel gelöscht. Ich kenne jetzt 0 Artikel."
    assert empty_newsroom.stats().articles == 0
    # an English-speaking admin's report, for comparison
    [english] = await bot.upload("hafen.md", story.encode())
    assert english.text == "✅ Added 1 article.\nI now know 1 article."


async def test_what_an_add_is_still_reading_is_not_deleted_under_it(
    make_offline_bot: MakeOfflineBot, empty_newsroom: Newsroom
) -> None:
    bot = await make_offline_bot(empty_newsroom)
    [added] = await bot.upload("hafen.md", b"Hafen wieder offen\n\nDer Hafen von Port Elda ist wieder offen.")
    assert added.text.startswith("✅ Added 1 article.")
    services = bot.application.bot_data[SERVICES_KEY]
    being_read = [str(services.upload_dir / "hafen.md"), "https://example.org/story"]
    assert services.ingests.claim(being_read) is None  # as a second add of both would, while it reads them
    [busy] = await bot.send("/delete https://example.org/story", user=ADMIN, wait_for_adds=False)
    assert busy.text == "I'm still reading https://example.org/story. Send /delete again when its report has come."
    german = {**ADMIN, "language_code": "de"}
    [busy_file] = await bot.send("/delete hafen.md", user=german, wait_for_adds=False)
    assert busy_file.text.startswith("Ich lese hafen.md noch.")
    assert empty_newsroom.stats().articles == 1
    services.ingests.release(being_read)
    [deleted] = await bot.send("/delete hafen.md", user=ADMIN)
    assert deleted.text == "🗑 Deleted 1 article. I now know 0 articles."


async def test_hostile_lengths_get_replies_telegram_accepts(make_offline_bot: MakeOfflineBot) -> None:
    bot = await make_offline_bot()
    [unknown] = await bot.send("/" + "x" * 4000)
    assert unknown.text.startswith("I don't know /xxx") and unknown.text.endswith("/help lists what I can do.")
    [not_url] = await bot.send("/add " + "y" * 4000, user=ADMIN)
    assert not_url.text.startswith("That is not a web address")
    [too_many] = await bot.send("/add " + " ".join(f"https://example.org/{i}" for i in range(100)), user=ADMIN)
    assert too_many.text == "Please add at most 10 pages at a time."
    [named] = await bot.upload("z" * 250 + ".exe", b"MZ")
    assert "is not one of them" in named.text
    assert not bot.api.errors


def test_an_add_report_with_many_long_failures_is_one_message_telegram_accepts() -> None:
    report = IngestReport(failed=[Failure("https://example.org/" + "p" * 3000, "e" * 5000) for _ in range(300)])
    text = render_report(report, 7)
    assert checked_text(text, "HTML").endswith("… and 295 more failures.\nI now know 7 articles.")


async def test_an_admin_document_is_downloaded_and_ingested(
    make_offline_bot: MakeOfflineBot, empty_newsroom: Newsroom
) -> None:
    bot = await make_offline_bot(empty_newsroom)
    story = "Harbour reopens\n\nThe harbour of Port Elda reopened on Monday after a storm closed it for a week."
    [progress] = await bot.upload("port elda.md", story.encode())
    assert progress.edits == 1 and progress.text.startswith("✅ Added 1 article.")
    assert "I now know 1 article." in progress.text
    assert empty_newsroom.stats().articles == 1
    [answer] = await bot.send("When did the harbour of Port Elda reopen?")
    assert "Monday" in answer.text


async def test_edited_messages_unknown_commands_and_stickers(offline_bot: OfflineBot) -> None:
    [unknown] = await offline_bot.send("/frobnicate")
    assert unknown.text == "I don't know /frobnicate. /help lists what I can do."
    [sticker] = await offline_bot.send(extra={"sticker": _STICKER})
    assert sticker.text.startswith("I read text")
    offline_bot.api.user_message(user=ADA, chat=private_chat(ADA), text="Who won?")
    [update] = offline_bot.api.take_updates()
    edited = {"update_id": update["update_id"] + 1, "edited_message": {**update["message"], "edit_date": 1}}
    before = len(offline_bot.api.messages)
    await offline_bot.application.process_update(Update.de_json(edited, offline_bot.application.bot))
    assert len(offline_bot.api.messages) == before  # an edited question is not answered again


async def test_a_german_user_is_told_in_german(offline_bot: OfflineBot) -> None:
    greta = {**make_user(102, "Greta"), "language_code": "de"}
    [unknown] = await offline_bot.send("/frobnicate", user=greta)
    assert unknown.text == "/frobnicate kenne ich nicht. /help zeigt, was ich kann."
    [sticker] = await offline_bot.send(user=greta, extra={"sticker": _STICKER})
    assert sticker.text.startswith("Ich lese Text")
    [long] = await offline_bot.send("Wer? " * 300, user=greta)
    assert long.text.startswith("Das ist eine lange Frage")


_STICKER = {
    "file_id": "s1",
    "file_unique_id": "us1",
    "type": "regular",
    "width": 512,
    "height": 512,
    "is_animated": False,
    "is_video": False,
}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_an_error_is_logged_with_traceback_and_the_user_gets_a_short_apology(
    make_offline_bot: MakeOfflineBot, newsroom: Newsroom, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    down = newsroom_like(newsroom, tmp_path / "down", chroma_host="127.0.0.1", chroma_port=_closed_port())
    bot = await make_offline_bot(down)
    with caplog.at_level(logging.ERROR, logger="bot.telegram.handlers"):
        [apology] = await bot.send(SEED_QUESTION)
    assert apology.text == "Sorry, I can't reach my news archive right now. Please try again in a minute."
    [record] = [r for r in caplog.records if r.name == "bot.telegram.handlers"]
    assert record.exc_info and "StoreUnavailableError" in caplog.text
    assert "Traceback" not in apology.text and "Chroma" not in apology.text
    [still_there] = await bot.send("/help")  # the bot keeps running
    assert "/sources" in still_there.text


async def test_typing_is_renewed_while_an_answer_takes_long(offline_bot: OfflineBot) -> None:
    bot: Bot = offline_bot.application.bot
    offline_bot.api.open_chat(private_chat(ADA))
    async with keep_typing(bot, ADA["id"], every_s=0.05):
        await asyncio.sleep(0.22)
    count = len(offline_bot.api.chat_actions)
    await asyncio.sleep(0.1)
    assert count >= 4 and len(offline_bot.api.chat_actions) == count  # renewed, and stopped with the block
