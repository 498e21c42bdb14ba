"""The handlers users meet: questions, /ask, /sources, /latest, the Sources button, errors.

/start, /help and the hello to a group live in `introduction.py`; what these handlers say, in `handler_texts.py`;
admin handlers (/add, documents, /delete, /stats) live in `admin.py`. Every blocking call into the Newsroom runs in a
thread (`asyncio.to_thread`), so the event loop keeps serving other chats while one question is answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import AsyncIterator

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ChatType
from telegram.error import Forbidden, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.telegram.context import NewsContext
from bot.telegram.formatting import (
    escape,
    render_answer,
    render_full_sources,
    render_latest,
    split_html,
    user_language,
)
from bot.telegram.formatting_texts import TEXTS
from bot.telegram.handler_texts import MESSAGE_FORMS, SAY
from bot.texts import count_form, framing_language, language_of, primary_language
from index.answerers.gate import asks_for_sources
from index.answerers.replies import EXAMPLE_QUESTIONS
from index.conversation import questions_in
from index.errors import MAX_OUTLETS_LISTED, StoreError, UnknownOutletError
from index.outlets import outlet_name
from index.text import shorten

log = logging.getLogger(__name__)

TYPING_RENEW_S = 4.0  # Telegram shows "typing…" for 5 s; renew a little earlier
MAX_QUESTION_CHARS = 1000
LATEST_DEFAULT = 5
LATEST_MAX = 20
LATEST_ARGUMENT = re.compile(r"[0-9]{1,3}")  # ASCII digits only: int() also takes "²"-like digits and "-3"
SOURCES_PREFIX = "src:"
SOURCES_PATTERN = re.compile(rf"^{SOURCES_PREFIX}\d+$")

# An LLM that fails or passes its deadline never reaches the user: the extractive answer is served instead.
APOLOGIES: tuple[tuple[type[BaseException], str], ...] = ((StoreError, "store_down"),)


def apology_for(error: BaseException, language: str = "en") -> str:
    """The short, kind message a user gets for an error; the traceback goes to the log."""
    return SAY[language][next((key for kind, key in APOLOGIES if isinstance(error, kind)), "apology")]


def language_of_user(update: Update) -> str:
    """The language of the bot's words for the update's user (their Telegram language_code): one of the ten every
    text of bot/telegram/ has (tests/bot/test_translations.py), else English."""
    user = update.effective_user
    return user_language(user.language_code if user else None)


def asker_language(update: Update) -> str:
    """The language the user's Telegram client names ("nl" for "nl-BE"), whether the bot's texts have it or not;
    "" when it names none. It settles a message two languages share ("Hallo"), not the language of an answer."""
    user = update.effective_user
    return primary_language(user.language_code) if user else ""


# --- access --------------------------------------------------------------------------------------------------


async def guard(update: Update, context: NewsContext) -> None:
    """Stop updates from users the access lists leave out, and from users over the rate limit; tell them
    politely, once in a while."""
    user, chat = update.effective_user, update.effective_chat
    access = context.services.access
    if access.allows(user.id if user else None, chat.id if chat else None):
        await _rate_limit(update, context)
        return
    log.info("refused user %s in chat %s", user.id if user else "?", chat.id if chat else "?")
    say = SAY[language_of_user(update)]
    if update.callback_query:
        await update.callback_query.answer(say["private_alert"], show_alert=True)
    elif (
        user is not None
        and update.effective_message
        and _is_addressed(update, context.bot)
        and (await asyncio.to_thread(context.services.refusals.check, user.id)).allowed
    ):
        await update.effective_message.reply_html(say["private"].format(id=user.id))
    raise ApplicationHandlerStop


async def _rate_limit(update: Update, context: NewsContext) -> None:
    """Everything the bot would reply to counts: questions, commands, buttons, files. Admins are exempt."""
    user = update.effective_user
    services = context.services
    if user is None or services.access.is_admin(user.id) or not _is_addressed(update, context.bot):
        return
    verdict = await asyncio.to_thread(services.limiter.check, user.id)
    if verdict.allowed:
        return
    log.info("rate limited user %s for %d s", user.id, verdict.retry_after_s)
    language = language_of_user(update)
    messages = count_form(services.limiter.per_minute, language, MESSAGE_FORMS[language])
    slow_down = SAY[language]["slow_down"].format(messages=messages, s=verdict.retry_after_s)
    if update.callback_query:  # a pressed button waits for an answer: give it, it does not flood the chat
        await update.callback_query.answer(slow_down)
    elif verdict.warn and update.effective_message:
        await update.effective_message.reply_text(slow_down)
    raise ApplicationHandlerStop


def _is_addressed(update: Update, bot: Bot) -> bool:
    """Would the bot reply to this update if the user were allowed? Groups only get replies when addressed."""
    if update.callback_query:
        return True
    message = update.effective_message
    if message is None or update.edited_message is not None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    text = message.text or ""
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        return "@" not in command or command.lower().endswith(f"@{bot.username.lower()}")
    return question_in_group(message, bot) is not None


# --- asking --------------------------------------------------------------------------------------------------


def mentions_bot(message: Message, bot: Bot) -> bool:
    handle = f"@{bot.username}".lower()
    mentions = message.parse_entities([MessageEntity.MENTION])
    if any(text.lower() == handle for text in mentions.values()):
        return True
    text_mentions = message.parse_entities([MessageEntity.TEXT_MENTION])
    return any(entity.user and entity.user.id == bot.id for entity in text_mentions)


def without_mention(text: str, bot: Bot) -> str:
    return " ".join(re.sub(rf"@{re.escape(bot.username)}\b", " ", text, flags=re.IGNORECASE).split())


def question_in_group(message: Message, bot: Bot) -> str | None:
    """The question a group message asks the bot, or None when it is not addressed to the bot."""
    replied = message.reply_to_message
    if mentions_bot(message, bot) or (replied and replied.from_user and replied.from_user.id == bot.id):
        return without_mention(message.text or "", bot)
    return None


async def admin_message(update: Update, context: NewsContext, refusal: str) -> Message | None:
    """The message of an update from one of the bot's admins; anyone else is told `refusal` and gets None."""
    message = update.effective_message
    if message is None:
        return None
    user = update.effective_user
    if not context.services.access.is_admin(user.id if user else None):
        await message.reply_text(refusal)
        return None
    return message


def command_argument(message: Message) -> str:
    """What follows the command, newlines kept: `/ask@newsbot  Who …?` -> `Who …?`."""
    text = message.text or ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


@contextlib.asynccontextmanager
async def keep_typing(
    bot: Bot, chat_id: int, *, thread_id: int | None = None, every_s: float = TYPING_RENEW_S
) -> AsyncIterator[None]:
    """Show "typing…" in the chat, renewed until the block ends; a failed chat action never fails the answer."""

    async def _renew() -> None:
        while True:
            try:
                await bot.send_chat_action(chat_id, ChatAction.TYPING, message_thread_id=thread_id)
            except TelegramError as exc:
                log.debug("chat action failed in %s: %s", chat_id, exc)
            await asyncio.sleep(every_s)

    task = asyncio.create_task(_renew())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def send_html(message: Message, text: str, *, reply_markup: InlineKeyboardMarkup | None = None) -> None:
    """Reply with HTML split into messages Telegram accepts; only the first quotes, the last carries buttons."""
    parts = split_html(text)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        await message.reply_html(part, reply_markup=reply_markup if last else None, do_quote=None if i == 0 else False)


def sources_button(key: int, language: str = "en") -> InlineKeyboardMarkup:
    label = TEXTS[language]["button"]
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=f"{SOURCES_PREFIX}{key}")]])


async def answer_question(update: Update, context: NewsContext, question: str) -> None:
    """Answer in the chat: show typing, ask the Newsroom with the chat's history, reply. (`guard` has counted
    the question against the user's rate limit.)"""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    question = question.strip()
    language = language_of_user(update)
    if not question:
        await message.reply_html(SAY[language]["empty"].format(example=escape(EXAMPLE_QUESTIONS[language])))
        return
    if len(question) > MAX_QUESTION_CHARS:
        await message.reply_text(SAY[language]["too_long"].format(n=MAX_QUESTION_CHARS))
        return
    if asks_for_sources(question):
        await send_last_sources(message, context)
        return
    services = context.services
    memory = context.memory(message.chat_id)
    async with memory.lock:
        thread_id = message.message_thread_id if message.is_topic_message else None
        # two or three questions in one message get an answer each, each asked after the ones before it
        for asked in questions_in(question):
            started = time.monotonic()
            async with keep_typing(context.bot, message.chat_id, thread_id=thread_id):
                answer = await asyncio.to_thread(
                    services.newsroom.ask, asked, history=await memory.history(), asker=asker_language(update)
                )
            elapsed = time.monotonic() - started
            outcome = "abstained" if answer.abstained else f"{len(answer.sources)} sources"
            log.info("answered in chat %s in %.2f s: %s", message.chat_id, elapsed, outcome)
            key = await memory.remember(asked, answer)
            services.questions_answered += 1
            # the answer's frame speaks the question's language, not the user's
            framing = framing_language(answer.question)
            button = sources_button(key, framing) if answer.sources else None
            await send_html(message, render_answer(answer, framing), reply_markup=button)


async def on_private_text(update: Update, context: NewsContext) -> None:
    """In a private chat, every text message is a question."""
    if update.effective_message:
        await answer_question(update, context, without_mention(update.effective_message.text or "", context.bot))


async def on_group_text(update: Update, context: NewsContext) -> None:
    """In a group, answer only when mentioned or replied to; stay quiet otherwise."""
    message = update.effective_message
    if message is None:
        return
    question = question_in_group(message, context.bot)
    if question is not None:
        await answer_question(update, context, question)


async def ask(update: Update, context: NewsContext) -> None:
    """/ask QUESTION, the way to ask in groups without mentioning the bot."""
    if update.effective_message:
        await answer_question(update, context, command_argument(update.effective_message))


# --- commands ------------------------------------------------------------------------------------------------
async def sources(update: Update, context: NewsContext) -> None:
    """/sources: the full sources of the last answer in this chat."""
    if update.effective_message:
        await send_last_sources(update.effective_message, context)


async def send_last_sources(message: Message, context: NewsContext) -> None:
    """The full sources of the last answer in this chat: /sources, or asked for ("sources?", "Woher hast du das?")."""
    answer = await context.memory(message.chat_id).last_answer()
    if answer is None:
        await message.reply_text(SAY[language_of(message.text or "")]["nothing_asked"])
        return
    await send_html(message, render_full_sources(answer.sources, answer.question))


async def on_sources_button(update: Update, context: NewsContext) -> None:
    """The "Full sources" button under an answer: send that answer's sources in full."""
    query = update.callback_query
    if query is None or not query.data:
        return
    key = int(query.data.removeprefix(SOURCES_PREFIX))
    answer = None if query.message is None else await context.memory(query.message.chat.id).answer(key)
    if answer is None:
        await query.answer(SAY[language_of_user(update)]["forgotten"], show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await send_html(query.message, render_full_sources(answer.sources, answer.question))


async def latest(update: Update, context: NewsContext) -> None:
    """/latest [N] [OUTLET]: the newest articles (of one outlet), with links, in the user's Telegram language."""
    message = update.effective_message
    if message is None:
        return
    language = language_of_user(update)
    asked = latest_request(command_argument(message))
    if asked is None:
        usage = SAY[language]["latest_usage"].format(default=LATEST_DEFAULT, max=LATEST_MAX)
        await message.reply_html(usage)
        return
    n, outlet = asked
    try:
        articles = await asyncio.to_thread(context.services.newsroom.latest, n, outlet=outlet)
    except UnknownOutletError as exc:
        known = ", ".join(escape(name) for name in exc.known[:MAX_OUTLETS_LISTED])
        key = "unknown_outlet" if known else "no_outlets"
        await message.reply_html(SAY[language][key].format(outlet=escape(exc.outlet), known=known))
        return
    named = outlet_name(articles[0].meta.outlet, articles[0].meta.url) if outlet and articles else ""
    await send_html(message, render_latest(articles, language=language, outlet=named))


def latest_request(argument: str) -> tuple[int, str] | None:
    """How many articles `/latest ARGUMENT` asks for, and of which outlet ("" for all): "", "10", "derStandard",
    "5 derStandard", "der Standard 5". None when the number is not from 1 to LATEST_MAX, or there are two."""
    words = argument.split()
    n = LATEST_DEFAULT
    if words and LATEST_ARGUMENT.fullmatch(words[0]):
        n = int(words.pop(0))
    elif words and LATEST_ARGUMENT.fullmatch(words[-1]):
        n = int(words.pop())
    if not 1 <= n <= LATEST_MAX or any(re.fullmatch(r"[+-]?\d+", word) for word in words):
        return None
    return n, " ".join(words)


async def unknown_command(update: Update, context: NewsContext) -> None:
    """A command the bot does not have, in a private chat."""
    if update.effective_message:
        command = escape(shorten((update.effective_message.text or "").split(maxsplit=1)[0], 64))
        await update.effective_message.reply_html(
            SAY[language_of_user(update)]["unknown_command"].format(command=command)
        )


async def unsupported(update: Update, context: NewsContext) -> None:
    """A photo, sticker, voice message… in a private chat: say what the bot reads."""
    if update.effective_message:
        await update.effective_message.reply_text(SAY[language_of_user(update)]["unsupported"])


# --- errors --------------------------------------------------------------------------------------------------


async def on_error(update: object, context: NewsContext) -> None:
    """Log the error with its traceback, then tell the user something short and kind; the bot keeps running."""
    error = context.error
    if isinstance(error, Forbidden):
        log.info("cannot write to a chat any more (blocked or removed): %s", error)
        return
    if isinstance(error, NetworkError) and update is None:  # polling retries by itself; no traceback per retry
        log.warning("cannot reach the Bot API, retrying: %s", error)
        return
    where = f"update {update.update_id}" if isinstance(update, Update) else "the bot"
    log.error("error while handling %s", where, exc_info=error)
    if not isinstance(update, Update):
        return
    language = language_of_user(update)
    apology = apology_for(error, language) if error is not None else SAY[language]["apology"]
    try:
        if update.callback_query:
            await update.callback_query.answer(apology, show_alert=True)
        elif update.effective_message:
            await update.effective_message.reply_text(apology)
    except TelegramError as exc:
        log.warning("could not send the apology for %s: %s", where, exc)
