"""Subscriptions: `/follow TOPIC`, `/unfollow [TOPIC]`, `/following`, and `/new`.

When newly stored articles (a followed feed's new entries, however polled, or articles added by hand) match a
chat's topic — as similar to it as an answer's sources must be to a question, and naming it
(`index.feeds.topic_hits`) — or are from the outlet the topic names ("/follow derStandard",
`index.outlets.Outlets.called`), they wait in the chat's queue, and the chat gets a short digest (titles, dates,
links) at most once every TELEGRAM_DIGEST_INTERVAL seconds. `/new` lists what arrived since that user last asked.
Everything is kept in the bot's state (bot/telegram/state.py: the SQLite file in the data dir, or PostgreSQL), so a
restart loses nothing and replicas share it; a `subscriptions.json` left by an older newsbot is imported once
(`import_json`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from pathlib import Path

from telegram import Update
from telegram.error import Forbidden

from bot.telegram.context import NewsContext
from bot.telegram.formatting import escape, format_date, link
from bot.telegram.handlers import command_argument, language_of_user, send_html
from bot.telegram.state import BotState
from bot.telegram.state_backends import IMPORTED_SUFFIX
from bot.telegram.subscription_texts import SAY
from index import jsonfile
from index.feeds import topic_hits
from index.models import ArticleMeta, StoredArticle
from index.newsroom import Newsroom
from index.outlets import Outlets, outlet_name
from index.text import shorten

log = logging.getLogger(__name__)

#: where older newsbots kept the subscriptions; imported into the state once, then renamed with IMPORTED_SUFFIX
SUBSCRIPTIONS_FILE = "subscriptions.json"
MAX_TOPICS = 10
MAX_TOPIC_CHARS = 100
DIGEST_ITEMS = 10
NEW_ITEMS = 10
#: what /new shows a user who never asked before: the last day's articles
FIRST_NEW_WINDOW_S = 24 * 3600.0
TITLE_CHARS = 120


def import_json(data_dir: Path, state: BotState) -> bool:
    """Move the subscriptions of an older newsbot's `subscriptions.json` into the state, once: the file is renamed
    afterwards. Returns whether there was one. Blocking."""
    path = Path(data_dir) / SUBSCRIPTIONS_FILE
    if not path.exists():
        return False
    with jsonfile.locked(path) as data:  # the lock other processes on this host take for it too
        if not path.exists():  # another process imported it while this one waited
            return False
        for chat_id, chat in data.get("chats", {}).items():
            for topic in chat.get("topics", []):
                state.follow(int(chat_id), str(topic))
            if chat.get("pending"):
                state.queue({int(chat_id): {str(a): str(t) for a, t in chat["pending"].items()}})
            if chat.get("digest_at") is not None:
                state.set_digest_at(int(chat_id), float(chat["digest_at"]))
        if "matched_until" in data:
            state.set_matched_until(float(data["matched_until"]))
        for user_id, moment in data.get("users", {}).items():
            state.last_new(int(user_id), float(moment))
        path.rename(path.with_name(path.name + IMPORTED_SUFFIX))
    log.info("imported the subscriptions of %s into the bot's state", path)
    return True


def match_new_articles(newsroom: Newsroom, subscriptions: BotState, since: float) -> int:
    """Queue the articles stored after `since` (the matching clock, `BotState.matched_until`) — from the bot's feed
    polls, `newsbot watch`, `/add` or `newsbot ingest` alike — for the chats whose topics they match; returns how
    many were queued. Of several replicas that find the same new articles, the one that moves the clock first
    matches them, so no digest lists an article twice. Blocking."""
    articles = newsroom.store.articles(ingested_after=since)
    if not articles:
        return 0
    until = max(a.ingested_at for a in articles)
    if not subscriptions.move_matched_until(since, until):
        return 0  # another replica claimed these articles first: it queues them
    try:
        return match_followers(newsroom, subscriptions, articles)
    except BaseException:
        subscriptions.move_matched_until(until, since)  # give them back for the next run
        raise


def match_followers(newsroom: Newsroom, subscriptions: BotState, articles: Sequence[StoredArticle]) -> int:
    """Queue the new articles for every chat that follows a topic they match, or the outlet they are from; returns
    how many were queued. Blocking (embeds each topic once): run it in a thread."""
    if not articles:
        return 0
    article_ids = [article.article_id for article in articles]
    outlets = Outlets(articles)
    by_topic: dict[str, list[str]] = {}
    matches: dict[int, dict[str, str]] = {}
    for chat_id, topics in subscriptions.all_topics().items():
        for topic in topics:
            key = topic.casefold()
            if key not in by_topic:
                outlet = outlets.called(topic)
                of_outlet = [article.article_id for article in outlet.articles(articles)] if outlet else []
                about = [hit.article_id for hit in topic_hits(newsroom, topic, article_ids)]
                by_topic[key] = list(dict.fromkeys([*of_outlet, *about]))
            for article_id in by_topic[key]:
                matches.setdefault(chat_id, {}).setdefault(article_id, topic)
    subscriptions.queue(matches)
    return sum(len(articles) for articles in matches.values())


def render_digest(articles: Sequence[StoredArticle], topics: dict[str, str], language: str = "en") -> str:
    """The digest: the articles grouped by the topic they matched, newest first, at most DIGEST_ITEMS."""
    say = SAY.get(language, SAY["en"])
    lines = [f"📰 <b>{say['digest']}</b>"]
    shown = sorted(articles, key=_recency, reverse=True)[:DIGEST_ITEMS]
    for topic in dict.fromkeys(topics[a.article_id] for a in shown):
        lines.append(f"\n<b>{escape(shorten(topic, MAX_TOPIC_CHARS))}</b>")
        lines += [f"• {article_line(a.meta, language)}" for a in shown if topics[a.article_id] == topic]
    if len(articles) > len(shown):
        lines.append("\n" + say["digest_more"].format(n=len(articles) - len(shown)))
    return "\n".join(lines)


def article_line(meta: ArticleMeta, language: str = "en") -> str:
    """`Title` linked, then outlet and date; a date newsbot filled in with the fetch time says so."""
    say = SAY.get(language, SAY["en"])
    title = link(meta.url, shorten(meta.title or meta.url or say["untitled"], TITLE_CHARS))
    date = format_date(meta.published_at, language)
    if date and meta.published_is_fetch_time:
        date = say["fetched"].format(date=date)
    byline = ", ".join(part for part in (escape(outlet_name(meta.outlet, meta.url)), date) if part)
    return title + (f" · {byline}" if byline else "")


def _recency(article: StoredArticle) -> float:
    published = article.meta.published_ts
    return article.ingested_at if published is None else published


async def send_digests(context: NewsContext, subscriptions: BotState, interval_s: float) -> int:
    """Send every digest that is due; returns how many were sent. A digest that fails goes back in the queue,
    unless the chat blocked the bot."""
    due = await asyncio.to_thread(subscriptions.take_due, time.time(), interval_s)
    sent = 0
    newsroom = context.services.newsroom
    for chat_id, topics in due.items():
        articles = await asyncio.to_thread(newsroom.store.articles, list(topics))
        if not articles:  # deleted since they were queued
            continue
        language = await asyncio.to_thread(subscriptions.digest_language, chat_id)
        try:
            await context.bot.send_message(chat_id, render_digest(articles, topics, language))
        except Forbidden:
            log.info("chat %s blocked the bot or left: its digest is dropped", chat_id)
            continue
        except Exception as exc:  # noqa: BLE001 - one chat's failure must not lose the others' digests
            log.warning("could not send the digest to chat %s, it is kept for later: %s", chat_id, exc)
            await asyncio.to_thread(subscriptions.requeue, chat_id, topics)
            continue
        sent += 1
    return sent


# --- handlers ------------------------------------------------------------------------------------------------


def _subscriptions(context: NewsContext) -> BotState:
    return context.services.state


async def follow(update: Update, context: NewsContext) -> None:
    """/follow TOPIC: get a digest when new articles about the topic arrive."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    language = language_of_user(update)
    say = SAY[language]
    topic = " ".join(command_argument(message).split())
    if not topic:
        await message.reply_html(say["usage"])
        return
    if len(topic) > MAX_TOPIC_CHARS:
        await message.reply_text(say["too_long"].format(n=MAX_TOPIC_CHARS))
        return
    subscriptions = _subscriptions(context)
    topics = await asyncio.to_thread(subscriptions.topics, chat.id)
    if len(topics) >= MAX_TOPICS and topic.casefold() not in (t.casefold() for t in topics):
        await message.reply_text(say["too_many"].format(n=MAX_TOPICS))
        return
    if not await asyncio.to_thread(subscriptions.follow, chat.id, topic, language):
        await message.reply_html(say["already"].format(topic=escape(topic)))
        return
    every = _every(context.services.settings.telegram_digest_interval, say)
    await message.reply_html(say["following"].format(topic=escape(topic), every=every))


async def unfollow(update: Update, context: NewsContext) -> None:
    """/unfollow [TOPIC]: stop following one topic, or all of them."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    say = SAY[language_of_user(update)]
    topic = " ".join(command_argument(message).split()) or None
    removed = await asyncio.to_thread(_subscriptions(context).unfollow, chat.id, topic)
    if removed:
        await message.reply_html(say["stopped"].format(topics=", ".join(f"<b>{escape(t)}</b>" for t in removed)))
    elif topic is None:
        await message.reply_html(say["none"])
    else:
        await message.reply_html(say["not_followed"].format(topic=escape(topic)))


async def following(update: Update, context: NewsContext) -> None:
    """/following: the chat's topics."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    say = SAY[language_of_user(update)]
    topics = await asyncio.to_thread(_subscriptions(context).topics, chat.id)
    if not topics:
        await message.reply_html(say["none"])
        return
    lines = [f"<b>{say['topics']}</b>", *(f"• {escape(t)}" for t in topics), "", say["unfollow_one"]]
    await message.reply_html("\n".join(lines))


async def new(update: Update, context: NewsContext) -> None:
    """/new: the articles that arrived since you last asked (the last day's, the first time)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    now = time.time()
    since = await asyncio.to_thread(_subscriptions(context).last_new, user.id, now)
    start = now - FIRST_NEW_WINDOW_S if since is None else since
    stored = await asyncio.to_thread(context.services.newsroom.store.articles, ingested_after=start)
    arrived = sorted(stored, key=lambda a: a.ingested_at, reverse=True)
    language = language_of_user(update)
    say = SAY[language]
    if not arrived:
        await message.reply_text(say["nothing_first" if since is None else "nothing_since"])
        return
    lines = [
        f"<b>{say['new_first' if since is None else 'new_since']}</b>",
        *(f"{i}. {article_line(a.meta, language)}" for i, a in enumerate(arrived[:NEW_ITEMS], 1)),
    ]
    if len(arrived) > NEW_ITEMS:
        lines.append(say["more"].format(n=len(arrived) - NEW_ITEMS))
    await send_html(message, "\n".join(lines))


def _every(seconds: float, say: dict[str, str]) -> str:
    if seconds < 120:
        return say["seconds"].format(n=seconds)
    if seconds < 7200:
        return say["minutes"].format(n=seconds / 60)
    return say["hours"].format(n=seconds / 3600)
