"""Admin handlers: /add URL, documents sent to the bot, /delete, /stats. Everyone else gets a polite no.

Each add is a job of its own (`ingesting.IngestJobs`): the handler returns once the job has started, adds of
different sources run side by side, and a slow download holds up neither questions, nor other adds, nor
shutdown. The job reports progress by editing one message ("Reading…" -> "Added 1 article."), so a long CSV
does not leave the admin guessing. An upload larger than what newsbot reads is refused before it is downloaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from telegram import Message, Update
from telegram.error import TelegramError

from bot.telegram.admin_texts import ADMIN_SAY, article_count, counted
from bot.telegram.context import NewsContext
from bot.telegram.feeds import feeds_summary
from bot.telegram.formatting import escape, format_date, is_web_url
from bot.telegram.handlers import admin_message, apology_for, language_of_user
from bot.telegram.stats_texts import STATS_SAY
from bot.texts import outlets_line
from index.errors import NewsbotError, StoreError
from index.text import shorten

if TYPE_CHECKING:
    from index.ingestion import IngestReport

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # the Bot API lets bots download files up to 20 MB
MAX_URLS_PER_ADD = 10
MAX_FAILURES_LISTED = 5
MAX_ERROR_CHARS = 300  # with MAX_FAILURES_LISTED and 120-character sources, a report stays one message
PROGRESS_EVERY_S = 3.0
ARTICLE_ID_RE = re.compile(r"[0-9a-f]{24}")  # index/models.py `article_id`


async def add(update: Update, context: NewsContext) -> None:
    """/add URL [URL…]: read web pages into the index (admins only)."""
    language = language_of_user(update)
    say = ADMIN_SAY[language]
    message = await admin_message(update, context, say["not_admin_add"])
    if message is None:
        return
    urls = list(dict.fromkeys(context.args or []))
    if not urls:
        await message.reply_html(say["add_usage"])
        return
    not_urls = [u for u in urls if not is_web_url(u)]
    if not_urls:
        await message.reply_html(say["not_url"].format(url=escape(shorten(not_urls[0], 200))))
        return
    if len(urls) > MAX_URLS_PER_ADD:
        await message.reply_text(say["too_many"].format(n=MAX_URLS_PER_ADD))
        return
    label = escape(shorten(urls[0], 120)) if len(urls) == 1 else counted("pages", len(urls), language)
    if not await _claim(context, message, urls, say["that_page" if len(urls) == 1 else "one_of_pages"], language):
        return
    try:
        progress = await message.reply_html(say["reading"].format(label=label))
    except BaseException:
        context.services.ingests.release(urls)
        raise
    _start_ingest(context, urls, progress, label, language)


async def on_document(update: Update, context: NewsContext) -> None:
    """A .txt/.md/.html/.json/.csv file sent in a private chat: download it and add it (admins only)."""
    if update.effective_message is None or update.effective_message.document is None:
        return
    language = language_of_user(update)
    say = ADMIN_SAY[language]
    message = await admin_message(update, context, say["not_admin_add"])
    if message is None or message.document is None:
        return
    document = message.document
    name = document.file_name or f"{document.file_unique_id}.txt"
    if Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
        kinds = ", ".join(DOCUMENT_SUFFIXES)
        await message.reply_html(say["wrong_kind"].format(kinds=escape(kinds), name=escape(shorten(name, 120))))
        return
    limit, why = _upload_limit(context, language)
    if document.file_size and document.file_size > limit:  # Telegram says the size: no need to download it
        await message.reply_text(say["too_big"].format(why=why))
        return
    target = context.services.upload_dir / _safe_name(name, document.file_unique_id)
    label = f"<code>{escape(shorten(name, 120))}</code>"
    if not await _claim(context, message, [str(target)], say["that_file"], language):
        return
    try:
        progress = await message.reply_html(say["reading"].format(label=label))
        telegram_file = await document.get_file()
        too_big = bool(telegram_file.file_size and telegram_file.file_size > limit)  # the update may not say
        if not too_big:
            target.parent.mkdir(parents=True, exist_ok=True)
            await telegram_file.download_to_drive(target)
    except BaseException:
        context.services.ingests.release([str(target)])
        raise
    if too_big:
        context.services.ingests.release([str(target)])
        await progress.edit_text(say["too_big"].format(why=escape(why)))
        return
    _start_ingest(context, [str(target)], progress, label, language)


def _upload_limit(context: NewsContext, language: str) -> tuple[int, str]:
    """The largest upload read, in bytes, and why: the Bot API's download limit or NEWSBOT_MAX_INPUT_MB."""
    max_input_mb = context.services.settings.max_input_mb
    if max_input_mb * 1024 * 1024 < MAX_DOWNLOAD_BYTES:
        return int(max_input_mb * 1024 * 1024), ADMIN_SAY[language]["limit_setting"].format(mb=f"{max_input_mb:g}")
    return MAX_DOWNLOAD_BYTES, ADMIN_SAY[language]["limit_telegram"]


def _safe_name(name: str, unique_id: str) -> str:
    """A file name safe on disk; the same name sent again replaces the earlier upload (and its article)."""
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._")[:80]
    return f"{stem or unique_id}{suffix}"


async def _claim(context: NewsContext, message: Message, sources: Sequence[str], what: str, language: str) -> bool:
    """Reserve the sources for this add, or tell the admin why not now."""
    jobs = context.services.ingests
    refusal = jobs.claim(sources)
    if refusal == "busy":
        await message.reply_text(ADMIN_SAY[language]["busy"].format(what=what))
    elif refusal == "full":
        await message.reply_text(ADMIN_SAY[language]["full"].format(n=jobs.max_running))
    return refusal is None


def _start_ingest(context: NewsContext, sources: Sequence[str], progress: Message, label: str, language: str) -> None:
    """Read the sources in a job of their own; the progress message becomes the report when it is done."""
    services = context.services
    say = ADMIN_SAY[language]
    reporter = _ProgressEditor(progress, say["reading_progress"], label, asyncio.get_running_loop())

    def work(stop: threading.Event) -> tuple[IngestReport, int]:
        report = services.newsroom.ingest(sources, on_progress=reporter, stop=stop)
        return report, services.newsroom.stats().articles

    async def report(outcome: tuple[IngestReport, int] | BaseException) -> None:
        reporter.close()
        if isinstance(outcome, BaseException):
            await reporter.finish(_failure_text(sources, label, outcome, language))
            return
        log.info("admin ingest of %s: %s", list(sources), outcome[0].to_dict())
        await reporter.finish(render_report(*outcome, language=language))

    async def on_abandon() -> None:
        reporter.close()
        await reporter.finish(say["abandoned"].format(label=label))

    services.ingests.run(sources, work, report, on_abandon=on_abandon)


def _failure_text(sources: Sequence[str], label: str, error: BaseException, language: str) -> str:
    """What the admin reads when an add failed as a whole; the traceback goes to the log."""
    could_not_add = ADMIN_SAY[language]["could_not_add"]
    if isinstance(error, StoreError):
        log.warning("ingest of %s failed", list(sources), exc_info=error)
        return could_not_add.format(label=label, why=escape(apology_for(error, language)))
    if isinstance(error, NewsbotError):
        log.warning("ingest of %s failed", list(sources), exc_info=error)
        return could_not_add.format(label=label, why=escape(shorten(str(error), MAX_ERROR_CHARS)))
    log.error("ingest of %s failed", list(sources), exc_info=error)
    return escape(apology_for(error, language))


def render_report(report: IngestReport, total_articles: int, language: str = "en") -> str:
    """The report of an add, a line for each outcome; why each failed source failed is the index's (English)."""
    say = ADMIN_SAY[language]
    lines = []
    if report.added:
        lines.append(say["added"].format(articles=article_count(report.added, language)))
    if report.updated:
        lines.append(say["updated"].format(articles=article_count(report.updated, language)))
    for outcome in ("unchanged", "duplicates", "expired"):
        if n := getattr(report, outcome):
            lines.append(say[outcome].format(n=n))
    for failure in report.failed[:MAX_FAILURES_LISTED]:
        source = escape(shorten(failure.source, 120))
        lines.append(say["failed"].format(source=source, error=escape(shorten(failure.error, MAX_ERROR_CHARS))))
    if len(report.failed) > MAX_FAILURES_LISTED:
        lines.append(say["more_failures"].format(n=len(report.failed) - MAX_FAILURES_LISTED))
    if not lines:
        lines.append(say["nothing_found"])
    lines.append(say["now_know"].format(articles=article_count(total_articles, language)))
    return "\n".join(lines)


class _ProgressEditor:
    """`on_progress` for Newsroom.ingest: called in the ingest thread, it edits the progress message at most
    every few seconds. `close()` then waits for edits in flight, so none lands after the final report."""

    def __init__(self, message: Message, progress: str, label: str, loop: asyncio.AbstractEventLoop) -> None:
        self.message = message
        self.progress = progress  # "Reading {label}… {done} of {total}"
        self.label = label
        self.loop = loop
        self._last = time.monotonic()
        self._pending: list[Future[None]] = []
        self._closed = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self._closed or done >= total or now - self._last < PROGRESS_EVERY_S:
            return
        self._last = now
        edit = self._edit(self.progress.format(label=self.label, done=done, total=total))
        try:
            self._pending.append(asyncio.run_coroutine_threadsafe(edit, self.loop))
        except RuntimeError:  # the loop is closed: the bot stopped, and this job was abandoned
            edit.close()

    async def _edit(self, text: str) -> None:
        try:
            await self.message.edit_text(text)
        except TelegramError as exc:
            log.debug("progress edit failed: %s", exc)

    def close(self) -> None:
        self._closed = True

    async def finish(self, text: str) -> None:
        for future in self._pending:
            with contextlib.suppress(Exception):
                await asyncio.wrap_future(future)
        try:
            await self.message.edit_text(text)
        except TelegramError as exc:  # no handler is left to catch it: this runs after the handler returned
            log.warning("could not report the add of %s in chat %s: %s", self.label, self.message.chat_id, exc)


async def stats(update: Update, context: NewsContext) -> None:
    """/stats: the index and the bot in numbers (admins only)."""
    language = language_of_user(update)
    say = STATS_SAY[language]
    message = await admin_message(update, context, say["not_admin_stats"])
    if message is None:
        return
    services = context.services
    index = await asyncio.to_thread(services.newsroom.stats)
    access = services.access
    allowed = (
        say["stats_open"]
        if access.is_open
        else say["stats_allowed"].format(users=len(access.allowed_user_ids), chats=len(access.allowed_chat_ids))
    )
    settings = services.settings
    up = _duration(time.monotonic() - services.started_at, language)
    lines = [
        say["stats_index"],
        say["stats_articles"].format(articles=index.articles, chunks=index.chunks),
        say["stats_newest"].format(date=format_date(index.newest_published_at, language) or say["stats_unknown"]),
        say["stats_models"].format(embedder=escape(index.embedder), answerer=escape(index.answerer)),
        *_read_ahead_line(index.articles, index.unread_articles, language),
        *(
            [say["stats_outlets"].format(outlets=escape(outlets_line(index.outlets, index.articles, language)))]
            if index.outlets
            else []
        ),
        say["stats_store"].format(location=escape(index.location)),
        "",
        say["stats_bot"],
        say["stats_up"].format(
            duration=up,
            questions=services.questions_answered,
            chats=len(context.application.chat_data),
            adds=services.ingests.running,
        ),
        say["stats_access"].format(allowed=allowed, admins=len(access.admin_ids)),
        say["stats_limits"].format(
            rate=settings.telegram_rate_limit_per_minute,
            turns=settings.telegram_history_turns,
            window=_history_window(settings.telegram_history_minutes, language),
            mode=settings.telegram_mode,
        ),
        say["stats_state"].format(location=escape(services.state.location)),
        *feeds_summary(context, language),
    ]
    await message.reply_html("\n".join(lines))


async def delete(update: Update, context: NewsContext) -> None:
    """/delete REF [REF…]: remove articles by their link (as /latest shows it), a feed's or site's address (all
    read from it), the name of a file sent to the bot, or an article id (admins only). A deleted upload's file
    goes too."""
    language = language_of_user(update)
    say = ADMIN_SAY[language]
    message = await admin_message(update, context, say["not_admin_delete"])
    if message is None:
        return
    refs = list(dict.fromkeys(context.args or []))
    if not refs:
        await message.reply_html(say["delete_usage"])
        return
    services = context.services
    wanted: list[str] = []
    uploads: list[Path] = []
    for ref in refs:
        if is_web_url(ref) or ARTICLE_ID_RE.fullmatch(ref):
            wanted.append(ref)
        else:  # the name of a file sent to the bot, never a path on the server: "/delete /" deletes nothing
            uploads.append(services.upload_dir / _safe_name(ref, "upload"))
    # an add still reading one would store it again after the delete
    reading = [*((ref, ref) for ref in wanted), *((path.name, str(path)) for path in uploads)]
    busy = next((shown for shown, source in reading if services.ingests.reading(source)), None)
    if busy is not None:
        await message.reply_html(say["delete_busy"].format(ref=escape(shorten(busy, 200))))
        return
    try:
        deleted = await asyncio.to_thread(services.newsroom.delete, [*wanted, *map(str, uploads)])
    except NewsbotError as exc:
        await message.reply_text(say["could_not_delete"].format(why=apology_for(exc, language)))
        return
    for path in uploads:
        with contextlib.suppress(OSError):  # not an upload, or already gone: nothing to clean up
            path.unlink()
    if not deleted:
        more = say["no_match_more"].format(n=len(refs) - 1) if len(refs) > 1 else ""
        await message.reply_html(say["no_match"].format(ref=escape(shorten(refs[0], 200)), more=more))
        return
    left = (await asyncio.to_thread(services.newsroom.stats)).articles
    await message.reply_text(
        say["deleted"].format(deleted=article_count(deleted, language), left=article_count(left, language))
    )


def _duration(seconds: float, language: str) -> str:
    say = STATS_SAY[language]
    minutes = int(seconds // 60)
    if minutes < 60:
        return say["minutes"].format(m=minutes)
    hours, minutes = divmod(minutes, 60)
    return say["hours"].format(h=hours, m=minutes) if hours < 48 else say["days"].format(d=hours // 24)


def _history_window(minutes: float, language: str) -> str:
    """ " (asked in the last 60 min)": how old a turn the bot still follows up (TELEGRAM_HISTORY_MINUTES); "" for
    however old."""
    if minutes <= 0:
        return ""
    return STATS_SAY[language]["stats_history_window"].format(duration=_duration(60 * minutes, language))


def _read_ahead_line(articles: int, unread: int | None, language: str) -> list[str]:
    """How far the reader behind ingest got: answers about articles it has read are the fast ones."""
    if unread is None:
        return []
    say = STATS_SAY[language]
    read = say["stats_read_ahead"].format(read=articles - unread, articles=articles)
    return [read + (say["stats_reading"] if unread else "")]
