"""Assemble the bot: `build_application(settings, newsroom)` wires handlers to a PTB Application;
`run_bot(settings, newsroom)` runs it by long polling (default) or as a webhook, until stopped.

    newsroom = Newsroom(settings)                 # cheap; warmed up in post_init, off the event loop
    run_bot(settings, newsroom)                   # blocks; Ctrl-C or SIGTERM stops it within seconds

A stop waits for the questions being answered, not for admins' downloads (see ingesting.py). A Bot API that
cannot be reached at start, a token it rejects or a webhook port in use ends `run_bot` with one NewsbotError
that says what to check (PTB's own traceback of it is kept for the debug log).

TELEGRAM_BASE_URL / TELEGRAM_BASE_FILE_URL point the bot at a self-hosted Bot API server (or a test fake) in
the form PTB takes: `http://127.0.0.1:8081/bot`, the token appended.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from telegram import BotCommandScopeAllGroupChats, BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import MessageEntityType, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.settings import Settings
from bot.telegram import admin, feeds, handlers, introduction
from bot.telegram.access import Access, RateLimiter
from bot.telegram.context import REFUSAL_EVERY_S, SERVICES_KEY, NewsContext, Services
from bot.telegram.menu import (
    ADMIN_COMMAND_NAMES,
    ADMIN_COMMANDS,
    COMMANDS,
    GROUP_COMMAND_NAMES,
    GROUP_COMMANDS,
    MENU,
    USER_COMMANDS,
    menu,
)
from bot.telegram.state_backends import open_state
from index.errors import ConfigError, NewsbotError

if TYPE_CHECKING:
    from index.newsroom import Newsroom

log = logging.getLogger(__name__)

CONCURRENT_UPDATES = 64  # chats answered at once; each waits on a thread, not on the loop
FLOOD_RETRIES = 3  # times a request is retried after Telegram answers 429 "retry after"
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
TELEGRAM_API_URL = "https://api.telegram.org/bot"  # PTB's default base URL, the token appended
WEBHOOK_SECRET_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

NewsApplication = Application[Any, NewsContext, Any, Any, Any, Any]


def build_application(settings: Settings, newsroom: Newsroom, *, request: BaseRequest | None = None) -> NewsApplication:
    """A ready-to-run Application: handlers, error handler, rate limiter, command menu set in post_init.

    `request` replaces PTB's HTTP transport for every call (tests pass one that never opens a socket).
    """
    token = settings.telegram_bot_token.get_secret_value().strip()
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in .env")
    install_redaction(token, settings.telegram_webhook_secret.get_secret_value())
    builder = (
        ApplicationBuilder()
        .token(token)
        .context_types(ContextTypes(context=NewsContext))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .concurrent_updates(CONCURRENT_UPDATES)
        .rate_limiter(AIORateLimiter(max_retries=FLOOD_RETRIES))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url).base_file_url(
            settings.telegram_base_file_url or _file_url_for(settings.telegram_base_url)
        )
    elif settings.telegram_base_file_url:
        builder = builder.base_file_url(settings.telegram_base_file_url)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application: NewsApplication = builder.build()
    state = open_state(settings)
    application.bot_data[SERVICES_KEY] = Services(
        settings=settings,
        newsroom=newsroom,
        state=state,
        access=Access.from_settings(settings),
        limiter=RateLimiter(settings.telegram_rate_limit_per_minute, state=state, bucket="ask"),
        refusals=RateLimiter(1, state=state, bucket="refusal", window_s=REFUSAL_EVERY_S),
        upload_dir=settings.data_dir / "uploads",
    )
    add_handlers(application)
    feeds.install(application, settings, newsroom)
    return application


def _file_url_for(base_url: str) -> str:
    """A self-hosted Bot API serves files next to the methods: `…/bot` -> `…/file/bot`."""
    if base_url.endswith("/bot"):
        return base_url[: -len("/bot")] + "/file/bot"
    raise ConfigError(
        f"TELEGRAM_BASE_URL={base_url!r} does not end in /bot; set TELEGRAM_BASE_FILE_URL too "
        "(e.g. http://127.0.0.1:8081/file/bot)"
    )


def add_handlers(application: NewsApplication) -> None:
    """The guard first (group -1), then one handler per command and kind of message."""
    new = filters.UpdateType.MESSAGE
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    addressed = filters.Entity(MessageEntityType.MENTION) | filters.Entity(MessageEntityType.TEXT_MENTION)
    application.add_handler(TypeHandler(Update, handlers.guard), group=-1)
    application.add_handlers(
        [
            CommandHandler("start", introduction.start, filters=new),
            CommandHandler("help", introduction.help_command, filters=new),
            CommandHandler("ask", handlers.ask, filters=new),
            CommandHandler("sources", handlers.sources, filters=new),
            CommandHandler("latest", handlers.latest, filters=new),
            CommandHandler("add", admin.add, filters=new),
            CommandHandler("delete", admin.delete, filters=new),
            CommandHandler("stats", admin.stats, filters=new),
            *feeds.handlers(),
            CallbackQueryHandler(handlers.on_sources_button, pattern=handlers.SOURCES_PATTERN),
            MessageHandler(new & private & filters.TEXT & ~filters.COMMAND, handlers.on_private_text),
            MessageHandler(
                new & groups & filters.TEXT & ~filters.COMMAND & (addressed | filters.REPLY), handlers.on_group_text
            ),
            MessageHandler(new & private & filters.Document.ALL, admin.on_document),
            MessageHandler(new & private & filters.COMMAND, handlers.unknown_command),
            MessageHandler(new & filters.StatusUpdate.NEW_CHAT_MEMBERS, introduction.on_added_to_group),
            MessageHandler(new & private & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.unsupported),
        ]
    )
    application.add_error_handler(handlers.on_error)


async def _post_init(application: NewsApplication) -> None:
    """Warm the Newsroom up (slow: in a thread), drop articles past retention, and register the command menu,
    before the first update; then start reading the stored sentences behind ingest (NEWSBOT_READ_AHEAD=idle)."""
    services: Services = application.bot_data[SERVICES_KEY]
    await asyncio.to_thread(services.newsroom.warm_up)
    await asyncio.to_thread(services.newsroom.expire)
    await register_commands(application, services.access.admin_ids)
    reader = services.newsroom.reader_behind()
    if reader is not None:
        services.reading = reader.start()
    log.info("newsbot is up as @%s", application.bot.username)


async def _post_stop(application: NewsApplication) -> None:
    """Updates are all handled by now; admins' adds still downloading are abandoned, not waited for; reading
    behind ingest stops after the chunk it is reading."""
    services: Services = application.bot_data[SERVICES_KEY]
    await services.ingests.abandon()
    feeds.close(application)
    if services.reading is not None:
        await asyncio.to_thread(services.reading.stop)


async def _post_shutdown(application: NewsApplication) -> None:
    """Close the state's connection, after the last update."""
    services: Services = application.bot_data[SERVICES_KEY]
    await asyncio.to_thread(services.state.close)


async def register_commands(application: NewsApplication, admin_ids: Iterable[int]) -> None:
    """Telegram's command menu: everyone's, the groups' and, in each admin's private chat, the admin commands."""
    bot = application.bot
    languages = [language for language in MENU if language != "en"]  # English is the menu without a language
    await bot.set_my_commands(COMMANDS)
    await bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())
    for language in languages:
        await bot.set_my_commands(menu(language, USER_COMMANDS), language_code=language)
        groups = BotCommandScopeAllGroupChats()
        await bot.set_my_commands(menu(language, GROUP_COMMAND_NAMES), scope=groups, language_code=language)
    for admin_id in admin_ids:
        try:
            await bot.set_my_commands(ADMIN_COMMANDS, scope=BotCommandScopeChat(admin_id))
            for language in languages:
                admins = menu(language, ADMIN_COMMAND_NAMES)
                await bot.set_my_commands(admins, scope=BotCommandScopeChat(admin_id), language_code=language)
        except TelegramError as exc:  # an admin who never opened a chat with the bot
            log.warning("could not set the admin command menu for %s: %s", admin_id, exc)


def webhook_options(settings: Settings) -> dict[str, Any]:
    """Arguments of `run_webhook` (and `Updater.start_webhook`) from the settings.

    TELEGRAM_WEBHOOK_URL is the public address Telegram posts to; TELEGRAM_WEBHOOK_PATH is appended unless the
    URL already ends with it. Without TELEGRAM_WEBHOOK_SECRET a random secret is made for each start.
    """
    if not settings.telegram_webhook_url:
        raise ConfigError(
            "TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_URL, the public https address Telegram posts updates to"
        )
    path = settings.telegram_webhook_path.strip("/")
    url = settings.telegram_webhook_url.rstrip("/")
    if path and not url.endswith(f"/{path}"):
        url = f"{url}/{path}"
    secret = settings.telegram_webhook_secret.get_secret_value() or secrets.token_urlsafe(32)
    if not 1 <= len(secret) <= 256 or not set(secret) <= WEBHOOK_SECRET_CHARS:
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    install_redaction(secret)
    return {
        "listen": settings.telegram_webhook_listen,
        "port": settings.telegram_webhook_port,
        "url_path": path,
        "webhook_url": url,
        "secret_token": secret,
        "allowed_updates": ALLOWED_UPDATES,
    }


def run_bot(settings: Settings, newsroom: Newsroom) -> None:
    """Run the bot until Ctrl-C or SIGTERM: long polling by default, a webhook with TELEGRAM_MODE=webhook."""
    options = webhook_options(settings) if settings.telegram_mode == "webhook" else None
    application = build_application(settings, newsroom)
    api_url = settings.telegram_base_url or TELEGRAM_API_URL
    ptb_log = logging.getLogger("telegram.ext")
    ptb_log.addFilter(_start_failure_said_once)
    try:
        if options is None:
            log.info("starting newsbot (long polling)")
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
        else:
            log.info("starting newsbot (webhook on %s:%s)", options["listen"], options["port"])
            application.run_webhook(**options)
    except InvalidToken as exc:  # PTB's message quotes the token: say what to do instead, without it
        log.debug("the Bot API refused the token", exc_info=exc)
        hint = f" (or check TELEGRAM_BASE_URL: is {api_url} a Bot API server?)" if settings.telegram_base_url else ""
        raise ConfigError(
            f"Telegram rejected TELEGRAM_BOT_TOKEN: copy the token @BotFather gave you into .env{hint}"
        ) from None
    except NetworkError as exc:
        if isinstance(exc, BadRequest):  # a request Telegram refused is a bug to show, not a network problem
            raise
        log.debug("cannot reach the Bot API", exc_info=exc)
        raise NewsbotError(
            f"cannot reach the Telegram Bot API at {api_url} ({redact(exc.message)}); check the network or "
            "TELEGRAM_BASE_URL"
        ) from None
    except OSError as exc:
        if options is None:
            raise
        log.debug("cannot listen for the webhook", exc_info=exc)
        raise NewsbotError(
            f"cannot listen for Telegram's webhook on {options['listen']}:{options['port']} ({exc.strerror or exc}):"
            " is another program using the port? Set TELEGRAM_WEBHOOK_LISTEN / TELEGRAM_WEBHOOK_PORT"
        ) from None
    finally:
        ptb_log.removeFilter(_start_failure_said_once)


def _start_failure_said_once(record: logging.LogRecord) -> bool:
    """PTB logs a start that gives up with its whole traceback; run_bot says it in one line instead."""
    error = record.exc_info[1] if record.exc_info else None
    return not (isinstance(error, (InvalidToken, NetworkError)) and record.levelno >= logging.ERROR)


# --- keeping the token out of logs -----------------------------------------------------------------------------

_SECRETS: set[str] = set()
REDACTED = "<redacted>"


def install_redaction(*secret_values: str) -> None:
    """Replace the bot token (and webhook secret) in every log record, whichever logger or handler emits it.

    httpx logs each request URL at INFO, and Bot API URLs contain the token. A log record factory sees every
    record before any handler formats it, including handlers configured after the bot is built, so it
    covers what a filter on one logger or handler would miss. Tracebacks are redacted too.
    """
    fresh = {value for value in secret_values if value}
    if not fresh:
        return
    first = not _SECRETS
    _SECRETS.update(fresh)
    if first:
        previous = logging.getLogRecordFactory()

        def _factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            _redact_record(record)
            return record

        logging.setLogRecordFactory(_factory)
    httpx_logger = logging.getLogger("httpx")
    if httpx_logger.level == logging.NOTSET:
        httpx_logger.setLevel(logging.WARNING)  # one line per request is noise, token or not


def redact(text: str) -> str:
    for secret in _SECRETS:
        text = text.replace(secret, REDACTED)
    return text


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a malformed record is logging's to report, not ours
        return
    if any(secret in message for secret in _SECRETS):
        record.msg, record.args = redact(message), ()
    if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
        text = logging.Formatter().formatException(record.exc_info)
        if any(secret in text for secret in _SECRETS):
            record.exc_text = redact(text)
