"""Feeds in the bot: a JobQueue job polls the followed feeds and sends the subscription digests; admins manage the
feeds with /feeds, /feed_add URL and /feed_remove URL.

The job runs every POLL_TICK_S seconds (at most NEWSBOT_FEEDS_POLL_INTERVAL): it polls the feeds that are due
(each on its own interval and back-off, `index.feeds`), in a thread; queues the articles stored since its last
run (by its polls, by a `newsbot watch` on the same data dir, by /add) for the chats whose topics they match;
and sends the digests that are due. The feed list is the one `newsbot feeds` manages,
in the data dir, and `newsbot watch` may poll it at the same time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from bot.telegram import subscriptions
from bot.telegram.admin_texts import article_count
from bot.telegram.background import in_background
from bot.telegram.context import SERVICES_KEY, NewsContext
from bot.telegram.feed_texts import FEED_DAYS, FEED_TIMES, FEED_UNITS, FEEDS_SAY
from bot.telegram.formatting import escape, is_web_url
from bot.telegram.handlers import admin_message, command_argument, language_of_user, send_html
from bot.telegram.state import BotState
from bot.telegram.state_backends import open_feed_registry
from bot.telegram.subscriptions import import_json, match_new_articles, send_digests
from bot.texts import count_form
from index.errors import FeedError
from index.feeds import Feed, FeedPoller, FeedRegistry, span_in_units
from index.text import shorten

if TYPE_CHECKING:
    from telegram.ext import Application

    from bot.settings import Settings
    from index.newsroom import Newsroom

log = logging.getLogger(__name__)

FEEDS_KEY = "feeds"
JOB_NAME = "poll-feeds"
POLL_TICK_S = 60.0
FIRST_POLL_S = 5.0
MAX_FEEDS_LISTED = 30


@dataclass
class FeedServices:
    """The feed list, its poller and the chats' subscriptions."""

    registry: FeedRegistry
    poller: FeedPoller
    subscriptions: BotState
    digest_interval_s: float
    #: a first start matches the articles stored from then on against the topics, not the whole archive
    started_at: float
    polls: int = 0


def install(application: Application[Any, Any, Any, Any, Any, Any], settings: Settings, newsroom: Newsroom) -> None:
    """Keep the feed services in bot_data and schedule the poll job (PTB's JobQueue, the job-queue extra)."""
    state: BotState = application.bot_data[SERVICES_KEY].state
    registry = open_feed_registry(settings, state)
    import_json(settings.data_dir, state)
    application.bot_data[FEEDS_KEY] = FeedServices(
        registry=registry,
        poller=FeedPoller(newsroom, registry),
        subscriptions=state,
        digest_interval_s=settings.telegram_digest_interval,
        started_at=time.time(),
    )
    if application.job_queue is None:
        log.warning(
            "feeds are not polled and digests not sent: PTB's JobQueue needs APScheduler "
            "(pip install 'python-telegram-bot[job-queue]')"
        )
        return
    application.job_queue.run_repeating(
        poll_job, interval=min(POLL_TICK_S, settings.feeds_poll_interval), first=FIRST_POLL_S, name=JOB_NAME
    )


def handlers() -> list[BaseHandler[Update, Any, Any]]:
    new = filters.UpdateType.MESSAGE
    return [
        CommandHandler("feeds", feeds, filters=new),
        CommandHandler("feed_add", feed_add, filters=new),
        CommandHandler("feed_remove", feed_remove, filters=new),
        CommandHandler("follow", subscriptions.follow, filters=new),
        CommandHandler("unfollow", subscriptions.unfollow, filters=new),
        CommandHandler("following", subscriptions.following, filters=new),
        CommandHandler("new", subscriptions.new, filters=new),
    ]


def poll_now(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Run the poll job once, now (a feed was just added); a no-op without a JobQueue."""
    if application.job_queue is not None:
        application.job_queue.run_once(poll_job, 0, name=f"{JOB_NAME}-now")


def feed_services(context: NewsContext) -> FeedServices:
    services: FeedServices = context.bot_data[FEEDS_KEY]
    return services


def close(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Close the poller's HTTP client (after the job queue has stopped)."""
    services: FeedServices | None = application.bot_data.get(FEEDS_KEY)
    if services is not None:
        services.poller.close()


async def poll_job(context: NewsContext) -> None:
    """Poll the due feeds, queue what matches the chats' topics, send the due digests. Never raises: a failure is
    logged and the next tick tries again. A stop of the bot waits for the feed being read, not for the others."""
    services = feed_services(context)
    application = context.application
    try:
        since = await asyncio.to_thread(services.subscriptions.matched_until, services.started_at)
        # at background priority: ingesting what the feeds bring must not slow the answers (background.py)
        report = await in_background(services.poller.poll_due, lambda: not application.running, name="newsbot-feeds")
        services.polls += 1
        queued = await asyncio.to_thread(match_new_articles, context.services.newsroom, services.subscriptions, since)
        if report.stored_ids or queued:
            log.info("feeds: %d new articles, %d queued for followers", len(report.stored_ids), queued)
        if application.running:
            await send_digests(context, services.subscriptions, services.digest_interval_s)
    except Exception:
        log.exception("polling the feeds failed; trying again at the next tick")


def feeds_summary(context: NewsContext, language: str = "en") -> list[str]:
    """Lines for /stats: how many feeds, and each failing one with its error (the index's, in English)."""
    services = context.bot_data.get(FEEDS_KEY)
    if not isinstance(services, FeedServices):
        return []
    feeds = services.registry.feeds()
    failing = [feed for feed in feeds if feed.failures]
    counts = {"feeds": len(feeds), "failing": len(failing), "polls": services.polls}
    lines = [FEEDS_SAY[language]["stats_feeds"].format(**counts)]
    now = time.time()
    lines += [
        f"⚠️ <code>{escape(shorten(f.url, 120))}</code>: {escape(feed_status(f, now, language))}" for f in failing[:5]
    ]
    return lines


def feed_status(feed: Feed, now: float, language: str = "en") -> str:
    """`Feed.status` (index/feeds.py) in the user's language: when the feed was last read, or how often in a row it
    failed and when it is tried again; its error as the index gives it (English)."""
    say = FEEDS_SAY[language]
    if feed.failures:
        times = count_form(feed.failures, language, FEED_TIMES[language])
        wait = _span(max(0.0, feed.next_at - now), language)
        return say["status_failing"].format(times=times, wait=wait, error=feed.error)
    if not feed.checked_at:
        return say["status_unread"]
    ago = _span(max(0.0, now - feed.ok_at), language)
    return say["status_ok"].format(ago=ago, articles=article_count(feed.articles, language))


def _span(seconds: float, language: str) -> str:
    """A span of time in the unit `span_in_units` picks, rounded to it: "45 s", "12 min", "3 h", "2 days"."""
    value, unit = span_in_units(seconds)
    if unit == "days":
        return count_form(round(value), language, FEED_DAYS[language])
    names = dict(zip(("s", "min", "h"), FEED_UNITS[language], strict=True))
    return f"{value:.0f} {names[unit]}"


async def feeds(update: Update, context: NewsContext) -> None:
    """/feeds: the followed feeds and how each is doing (admins only)."""
    language = language_of_user(update)
    say = FEEDS_SAY[language]
    message = await admin_message(update, context, say["not_admin_feeds"])
    if message is None:
        return
    listed = await asyncio.to_thread(feed_services(context).registry.feeds)
    if not listed:
        await message.reply_html(say["no_feeds"])
        return
    now = time.time()
    lines = [say["feeds_heading"]]
    for number, feed in enumerate(listed[:MAX_FEEDS_LISTED], start=1):
        mark = "⚠️" if feed.failures else "✅" if feed.checked_at else "⏳"
        status = escape(feed_status(feed, now, language))
        lines.append(f"{number}. {mark} <code>{escape(shorten(feed.url, 200))}</code>\n{status}")
    if len(listed) > MAX_FEEDS_LISTED:
        lines.append(say["more_feeds"].format(n=len(listed) - MAX_FEEDS_LISTED))
    await send_html(message, "\n".join(lines))


async def feed_add(update: Update, context: NewsContext) -> None:
    """/feed_add URL: follow an RSS/Atom feed; it is read at once, then on the poll interval (admins only)."""
    say = FEEDS_SAY[language_of_user(update)]
    message = await admin_message(update, context, say["not_admin_feeds"])
    if message is None:
        return
    url = command_argument(message)
    if not url or not is_web_url(url) or len(url.split()) != 1:
        await message.reply_html(say["feed_add_usage"])
        return
    try:
        feed = await asyncio.to_thread(feed_services(context).registry.add, url)
    except FeedError as exc:
        await message.reply_html(escape(shorten(str(exc), 300)))
        return
    interval = context.services.settings.feeds_poll_interval
    await message.reply_html(say["following"].format(url=escape(shorten(feed.url, 200)), minutes=f"{interval / 60:g}"))
    poll_now(context.application)


async def feed_remove(update: Update, context: NewsContext) -> None:
    """/feed_remove URL: stop following a feed; its articles stay (admins only)."""
    say = FEEDS_SAY[language_of_user(update)]
    message = await admin_message(update, context, say["not_admin_feeds"])
    if message is None:
        return
    url = command_argument(message)
    if not url:
        await message.reply_html(say["feed_remove_usage"])
        return
    try:
        removed = await asyncio.to_thread(feed_services(context).registry.remove, url)
    except FeedError as exc:
        await message.reply_html(escape(shorten(str(exc), 300)))
        return
    label = escape(shorten(url, 200))
    await message.reply_html(say["unfollowed" if removed else "not_followed"].format(url=label))
