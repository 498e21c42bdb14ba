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

from bot.telegram.context import NewsContext
from bot.telegram.feeds import feeds_summary
from bot.telegram.formatting import escape, format_date, is_web_url
from bot.telegram.handlers import admin_message, apology_for
from index.errors import NewsbotError, StoreError
from index.text import shorten

if TYPE_CHECKING:
    from index.newsroom import IngestReport

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # the Bot API lets bots download files up to 20 MB
MAX_URLS_PER_ADD = 10
MAX_FAILURES_LISTED = 5
MAX_ERROR_CHARS = 300  # with MAX_FAILURES_LISTED and 120-character sources, a report stays one message
PROGRESS_EVERY_S = 3.0
NOT_ADMIN = "Sorry, only the bot's admins can add articles. You can ask me about the news, though!"
ARTICLE_ID_RE = re.compile(r"[0-9a-f]{24}")  # index/models.py `article_id`


async def add(update: Update, context: NewsContext) -> None:
    """/add URL [URL…]: read web pages into the index (admins only)."""
    message = await admin_message(update, context, NOT_ADMIN)
    if message is None:
        return
    urls = list(dict.fromkeys(context.args or []))
    if not urls:
        await message.reply_html("Send <code>/add URL</code> to add a news page, or send me a file.")
        return
    not_urls = [u for u in urls if not is_web_url(u)]
    if not_urls:
        await message.reply_html(f"That is not a web address: <code>{escape(shorten(not_urls[0], 200))}</code>")
        return
    if len(urls) > MAX_URLS_PER_ADD:
        await message.reply_text(f"Please add at most {MAX_URLS_PER_ADD} pages at a time.")
        return
    label = escape(shorten(urls[0], 120)) if len(urls) == 1 else f"{len(urls)} pages"
    if not await _claim(context, message, urls, "that page" if len(urls) == 1 else "one of these pages"):
        return
    try:
        progress = await message.reply_html(f"Reading {label}…")
    except BaseException:
        context.services.ingests.release(urls)
        raise
    _start_ingest(context, urls, progress, label)


async def on_document(update: Update, context: NewsContext) -> None:
    """A .txt/.md/.html/.json/.csv file sent in a private chat: download it and add it (admins only)."""
    if update.effective_message is None or update.effective_message.document is None:
        return
    message = await admin_message(update, context, NOT_ADMIN)
    if message is None or message.document is None:
        return
    document = message.document
    name = document.file_name or f"{document.file_unique_id}.txt"
    if Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
        kinds = ", ".join(DOCUMENT_SUFFIXES)
        await message.reply_html(
            f"I can add {escape(kinds)} files; <code>{escape(shorten(name, 120))}</code> is not one of them."
        )
        return
    limit, why = _upload_limit(context)
    if document.file_size and document.file_size > limit:  # Telegram says the size: no need to download it
        await message.reply_text(f"That file is too big: {why}.")
        return
    target = context.services.upload_dir / _safe_name(name, document.file_unique_id)
    label = f"<code>{escape(shorten(name, 120))}</code>"
    if not await _claim(context, message, [str(target)], "a file of that name"):
        return
    try:
        progress = await message.reply_html(f"Reading {label}…")
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
        await progress.edit_text(f"That file is too big: {escape(why)}.")
        return
    _start_ingest(context, [str(target)], progress, label)


def _upload_limit(context: NewsContext) -> tuple[int, str]:
    """The largest upload read, in bytes, and why: the Bot API's download limit or NEWSBOT_MAX_INPUT_MB."""
    max_input = int(context.services.settings.max_input_mb * 1024 * 1024)
    if max_input < MAX_DOWNLOAD_BYTES:
        return max_input, f"I read files up to {context.services.settings.max_input_mb:g} MB (NEWSBOT_MAX_INPUT_MB)"
    return MAX_DOWNLOAD_BYTES, "Telegram lets bots download files up to 20 MB"


def _safe_name(name: str, unique_id: str) -> str:
    """A file name safe on disk; the same name sent again replaces the earlier upload (and its article)."""
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    stem = re.sub(r"[^\w.-]+", "_", stem).strip("._")[:80]
    return f"{stem or unique_id}{suffix}"


async def _claim(context: NewsContext, message: Message, sources: Sequence[str], what: str) -> bool:
    """Reserve the sources for this add, or tell the admin why not now."""
    jobs = context.services.ingests
    refusal = jobs.claim(sources)
    if refusal == "busy":
        await message.reply_text(f"I'm already reading {what}: its report comes when I'm done.")
    elif refusal == "full":
        await message.reply_text(
            f"I'm reading {jobs.max_running} things already. Please send this again when one of them is done."
        )
    return refusal is None


def _start_ingest(context: NewsContext, sources: Sequence[str], progress: Message, label: str) -> None:
    """Read the sources in a job of their own; the progress message becomes the report when it is done."""
    services = context.services
    reporter = _ProgressEditor(progress, label, asyncio.get_running_loop())

    def work(stop: threading.Event) -> tuple[IngestReport, int]:
        report = services.newsroom.ingest(sources, on_progress=reporter, stop=stop)
        return report, services.newsroom.stats().articles

    async def report(outcome: tuple[IngestReport, int] | BaseException) -> None:
        reporter.close()
        if isinstance(outcome, BaseException):
            await reporter.finish(_failure_text(sources, label, outcome))
            return
        log.info("admin ingest of %s: %s", list(sources), outcome[0].to_dict())
        await reporter.finish(render_report(*outcome))

    async def on_abandon() -> None:
        reporter.close()
        await reporter.finish(
            f"⏹ I stopped before I finished reading {label}: I am shutting down. Send it again when I'm back."
        )

    services.ingests.run(sources, work, report, on_abandon=on_abandon)


def _failure_text(sources: Sequence[str], label: str, error: BaseException) -> str:
    """What the admin reads when an add failed as a whole; the traceback goes to the log."""
    if isinstance(error, StoreError):
        log.warning("ingest of %s failed", list(sources), exc_info=error)
        return f"Could not add {label}: {escape(apology_for(error))}"
    if isinstance(error, NewsbotError):
        log.warning("ingest of %s failed", list(sources), exc_info=error)
        return f"Could not add {label}: {escape(shorten(str(error), MAX_ERROR_CHARS))}"
    log.error("ingest of %s failed", list(sources), exc_info=error)
    return escape(apology_for(error))


def render_report(report: IngestReport, total_articles: int) -> str:
    lines = []
    if report.added:
        lines.append(f"✅ Added {_articles(report.added)}.")
    if report.updated:
        lines.append(f"🔄 Updated {_articles(report.updated)}.")
    if report.unchanged:
        lines.append(f"☑️ Already had {report.unchanged}, unchanged.")
    if report.duplicates:
        lines.append(f"♊ Already had the same text of {report.duplicates} under another name: not added again.")
    if report.expired:
        lines.append(f"🗑 Dropped {report.expired} older than the retention period.")
    for failure in report.failed[:MAX_FAILURES_LISTED]:
        source = escape(shorten(failure.source, 120))
        lines.append(f"⚠️ Could not read <code>{source}</code>: {escape(shorten(failure.error, MAX_ERROR_CHARS))}")
    if len(report.failed) > MAX_FAILURES_LISTED:
        lines.append(f"… and {len(report.failed) - MAX_FAILURES_LISTED} more failures.")
    if not lines:
        lines.append("I found no article there.")
    lines.append(f"I now know {_articles(total_articles)}.")
    return "\n".join(lines)


class _ProgressEditor:
    """`on_progress` for Newsroom.ingest: called in the ingest thread, it edits the progress message at most
    every few seconds. `close()` then waits for edits in flight, so none lands after the final report."""

    def __init__(self, message: Message, label: str, loop: asyncio.AbstractEventLoop) -> None:
        self.message = message
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
        edit = self._edit(f"Reading {self.label}… {done} of {total}")
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
    message = await admin_message(update, context, "Sorry, /stats is for the bot's admins.")
    if message is None:
        return
    services = context.services
    index = await asyncio.to_thread(services.newsroom.stats)
    access = services.access
    allowed = (
        "open to everyone"
        if access.is_open
        else f"{len(access.allowed_user_ids)} users and {len(access.allowed_chat_ids)} chats allowed"
    )
    settings = services.settings
    lines = [
        "<b>Index</b>",
        f"Articles: {index.articles} · passages: {index.chunks}",
        f"Newest: {format_date(index.newest_published_at) or 'unknown'}",
        f"Embedder: {escape(index.embedder)} · answerer: {escape(index.answerer)}",
        *_read_ahead_line(index.articles, index.unread_articles),
        f"Store: <code>{escape(index.location)}</code>",
        "",
        "<b>Bot</b>",
        f"Up {_duration(time.monotonic() - services.started_at)} · {services.questions_answered} questions "
        f"answered · {len(context.application.chat_data)} chats · {services.ingests.running} adds running",
        f"Access: {allowed} · {len(access.admin_ids)} admins",
        f"Rate limit: {settings.telegram_rate_limit_per_minute} messages a minute per user · "
        f"history: {settings.telegram_history_turns} turns · mode: {settings.telegram_mode}",
        f"State: <code>{escape(services.state.location)}</code>",
        *feeds_summary(context),
    ]
    await message.reply_html("\n".join(lines))


async def delete(update: Update, context: NewsContext) -> None:
    """/delete REF [REF…]: remove articles by their link (as /latest shows it), a feed's or site's address (all
    read from it), the name of a file sent to the bot, or an article id (admins only). A deleted upload's file
    goes too."""
    message = await admin_message(update, context, "Sorry, only the bot's admins can delete articles.")
    if message is None:
        return
    refs = list(dict.fromkeys(context.args or []))
    if not refs:
        await message.reply_html(
            "Send <code>/delete URL</code> with an article's link as /latest shows it (a feed's address: all its "
            "articles), or the name of a file you sent me."
        )
        return
    services = context.services
    wanted: list[str] = []
    uploads: list[Path] = []
    for ref in refs:
        if is_web_url(ref) or ARTICLE_ID_RE.fullmatch(ref):
            wanted.append(ref)
        else:  # the name of a file sent to the bot, never a path on the server: "/delete /" deletes nothing
            uploads.append(services.upload_dir / _safe_name(ref, "upload"))
    try:
        deleted = await asyncio.to_thread(services.newsroom.delete, [*wanted, *map(str, uploads)])
    except NewsbotError as exc:
        await message.reply_text(f"Could not delete: {apology_for(exc)}")
        return
    for path in uploads:
        with contextlib.suppress(OSError):  # not an upload, or already gone: nothing to clean up
            path.unlink()
    if not deleted:
        named = escape(shorten(refs[0], 200))
        await message.reply_html(
            f"No article matched <code>{named}</code>"
            + (f" or {len(refs) - 1} more" if len(refs) > 1 else "")
            + ". Send a link as /latest shows it, or the name of a file you sent me."
        )
        return
    left = (await asyncio.to_thread(services.newsroom.stats)).articles
    await message.reply_text(f"🗑 Deleted {_articles(deleted)}. I now know {_articles(left)}.")


def _articles(n: int) -> str:
    """ "1 article", "2 articles"."""
    return f"{n} article{'s' if n != 1 else ''}"


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours < 48 else f"{hours // 24} days"


def _read_ahead_line(articles: int, unread: int | None) -> list[str]:
    """How far the reader behind ingest got: answers about articles it has read are the fast ones."""
    if unread is None:
        return []
    return [f"Read ahead: {articles - unread} of {articles} articles" + (" (reading while idle)" if unread else "")]
