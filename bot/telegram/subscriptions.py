"""Subscriptions: `/follow TOPIC`, `/unfollow [TOPIC]`, `/following`, and `/new`.

When newly stored articles (a followed feed's new entries, however polled, or articles added by hand) match a
chat's topic — as similar to it as an answer's sources must be to a question (`index.feeds.topic_hits`), or from
the outlet the topic names ("/follow derStandard", `index.outlets.Outlets.called`) — they wait in the chat's
queue, and the chat gets a short digest (titles, dates, links) at most once every TELEGRAM_DIGEST_INTERVAL
seconds. `/new` lists what arrived since that user last asked. Everything is kept in the bot's state
(bot/telegram/state.py: the SQLite file in the data dir, or PostgreSQL), so a restart loses nothing and replicas
share it; a `subscriptions.json` left by an older newsbot is imported once (`import_json`).
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
from bot.telegram.state import IMPORTED_SUFFIX, BotState
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
# What /follow, /unfollow, /following and /new say, in the user's Telegram language (one of the ten, else English); a
# digest, which goes to a chat rather than in reply to someone, in the language of whoever last followed a topic there.
SAY: dict[str, dict[str, str]] = {
    "en": {
        "usage": "Send <code>/follow TOPIC</code>, e.g. <code>/follow elections in Germany</code>: I'll send you the "
        "new articles about it as they arrive. An outlet is a topic too: <code>/follow derStandard</code>.",
        "too_long": "Please keep a topic under {n} characters.",
        "too_many": "This chat follows {n} topics already: /unfollow one first.",
        "already": "This chat follows <b>{topic}</b> already.",
        "following": "Following <b>{topic}</b>. When new articles about it arrive I'll send their titles and links, "
        "at most {every}. /following lists your topics, /unfollow stops.",
        "stopped": "No longer following {topics}.",
        "none": "This chat follows no topics. Send <code>/follow TOPIC</code> to start.",
        "not_followed": "This chat does not follow <b>{topic}</b>. /following lists its topics.",
        "topics": "Topics this chat follows",
        "unfollow_one": "/unfollow TOPIC stops one.",
        "new_first": "New in the last day",
        "new_since": "New since you last asked",
        "nothing_first": "Nothing new in the last day.",
        "nothing_since": "Nothing new since you last asked.",
        "more": "… and {n} more.",
        "digest": "New on the topics you follow",
        "digest_more": "… and {n} more: /new lists them.",
        "fetched": "fetched {date}",
        "untitled": "untitled",
        "seconds": "once every {n:g} seconds",
        "minutes": "once every {n:g} minutes",
        "hours": "once every {n:g} hours",
    },
    "de": {
        "usage": "Senden Sie <code>/follow THEMA</code>, z. B. <code>/follow Wahlen in Deutschland</code>: Ich schicke "
        "Ihnen die neuen Artikel dazu, sobald sie eintreffen. Auch ein Medium ist ein Thema: "
        "<code>/follow derStandard</code>.",
        "too_long": "Bitte halten Sie ein Thema unter {n} Zeichen.",
        "too_many": "Dieser Chat folgt schon {n} Themen: Beenden Sie zuerst eines mit /unfollow.",
        "already": "Dieser Chat folgt <b>{topic}</b> schon.",
        "following": "Sie folgen <b>{topic}</b>. Wenn neue Artikel dazu eintreffen, schicke ich Titel und Links, "
        "höchstens {every}. /following listet Ihre Themen, /unfollow beendet.",
        "stopped": "Sie folgen {topics} nicht mehr.",
        "none": "Dieser Chat folgt keinem Thema. Senden Sie <code>/follow THEMA</code>, um zu beginnen.",
        "not_followed": "Dieser Chat folgt <b>{topic}</b> nicht. /following listet seine Themen.",
        "topics": "Themen, denen dieser Chat folgt",
        "unfollow_one": "/unfollow THEMA beendet eines.",
        "new_first": "Neu seit gestern",
        "new_since": "Neu seit Ihrer letzten Frage",
        "nothing_first": "Nichts Neues seit gestern.",
        "nothing_since": "Nichts Neues seit Ihrer letzten Frage.",
        "more": "… und {n} weitere.",
        "digest": "Neues zu Ihren Themen",
        "digest_more": "… und {n} weitere: /new listet sie.",
        "fetched": "abgerufen {date}",
        "untitled": "ohne Titel",
        "seconds": "alle {n:g} Sekunden",
        "minutes": "alle {n:g} Minuten",
        "hours": "alle {n:g} Stunden",
    },
    "fr": {
        "usage": "Envoyez <code>/follow SUJET</code>, par exemple <code>/follow élections en Allemagne</code> : je "
        "vous enverrai les nouveaux articles à ce sujet dès leur arrivée. Un média est aussi un sujet : "
        "<code>/follow derStandard</code>.",
        "too_long": "Veuillez limiter un sujet à moins de {n} caractères.",
        "too_many": "Cette conversation suit déjà {n} sujets : arrêtez-en d’abord un avec /unfollow.",
        "already": "Cette conversation suit déjà <b>{topic}</b>.",
        "following": "Vous suivez <b>{topic}</b>. Quand de nouveaux articles à ce sujet arrivent, je vous envoie leurs "
        "titres et leurs liens, au plus {every}. /following liste vos sujets, /unfollow arrête.",
        "stopped": "Vous ne suivez plus {topics}.",
        "none": "Cette conversation ne suit aucun sujet. Envoyez <code>/follow SUJET</code> pour commencer.",
        "not_followed": "Cette conversation ne suit pas <b>{topic}</b>. /following liste ses sujets.",
        "topics": "Sujets suivis dans cette conversation",
        "unfollow_one": "/unfollow SUJET en arrête un.",
        "new_first": "Nouveautés des dernières 24 heures",
        "new_since": "Nouveautés depuis votre dernière demande",
        "nothing_first": "Rien de nouveau depuis 24 heures.",
        "nothing_since": "Rien de nouveau depuis votre dernière demande.",
        "more": "… et {n} autres.",
        "digest": "Nouveautés sur les sujets que vous suivez",
        "digest_more": "… et {n} autres : /new les liste.",
        "fetched": "récupéré le {date}",
        "untitled": "sans titre",
        "seconds": "une fois toutes les {n:g} secondes",
        "minutes": "une fois toutes les {n:g} minutes",
        "hours": "une fois toutes les {n:g} heures",
    },
    "es": {
        "usage": "Envíe <code>/follow TEMA</code>, por ejemplo <code>/follow elecciones en Alemania</code>: le enviaré "
        "los artículos nuevos sobre ello en cuanto lleguen. Un medio también es un tema: "
        "<code>/follow derStandard</code>.",
        "too_long": "Mantenga el tema por debajo de {n} caracteres, por favor.",
        "too_many": "Este chat ya sigue {n} temas: deje de seguir uno primero con /unfollow.",
        "already": "Este chat ya sigue <b>{topic}</b>.",
        "following": "Sigue <b>{topic}</b>. Cuando lleguen artículos nuevos sobre ello, le enviaré sus títulos y "
        "enlaces, como mucho {every}. /following muestra sus temas, /unfollow deja de seguirlos.",
        "stopped": "Ya no sigue {topics}.",
        "none": "Este chat no sigue ningún tema. Envíe <code>/follow TEMA</code> para empezar.",
        "not_followed": "Este chat no sigue <b>{topic}</b>. /following muestra sus temas.",
        "topics": "Temas que sigue este chat",
        "unfollow_one": "/unfollow TEMA deja de seguir uno.",
        "new_first": "Novedades del último día",
        "new_since": "Novedades desde su última consulta",
        "nothing_first": "Nada nuevo en el último día.",
        "nothing_since": "Nada nuevo desde su última consulta.",
        "more": "… y {n} más.",
        "digest": "Novedades sobre los temas que sigue",
        "digest_more": "… y {n} más: /new los muestra.",
        "fetched": "obtenido el {date}",
        "untitled": "sin título",
        "seconds": "una vez cada {n:g} segundos",
        "minutes": "una vez cada {n:g} minutos",
        "hours": "una vez cada {n:g} horas",
    },
    "it": {
        "usage": "Invii <code>/follow ARGOMENTO</code>, per esempio <code>/follow elezioni in Germania</code>: le "
        "manderò i nuovi articoli sull’argomento appena arrivano. Anche una testata è un argomento: "
        "<code>/follow derStandard</code>.",
        "too_long": "Per favore, indichi un argomento in meno di {n} caratteri.",
        "too_many": "Questa chat segue già {n} argomenti: prima ne smetta di seguire uno con /unfollow.",
        "already": "Questa chat segue già <b>{topic}</b>.",
        "following": "Segue <b>{topic}</b>. Quando arrivano nuovi articoli sull’argomento le mando titoli e link, al "
        "massimo {every}. /following elenca i suoi argomenti, /unfollow smette di seguirli.",
        "stopped": "Non segue più {topics}.",
        "none": "Questa chat non segue nessun argomento. Invii <code>/follow ARGOMENTO</code> per iniziare.",
        "not_followed": "Questa chat non segue <b>{topic}</b>. /following elenca i suoi argomenti.",
        "topics": "Argomenti che questa chat segue",
        "unfollow_one": "/unfollow ARGOMENTO smette di seguirne uno.",
        "new_first": "Novità dell’ultimo giorno",
        "new_since": "Novità dalla sua ultima richiesta",
        "nothing_first": "Niente di nuovo nell’ultimo giorno.",
        "nothing_since": "Niente di nuovo dalla sua ultima richiesta.",
        "more": "… e altri {n}.",
        "digest": "Novità sugli argomenti che segue",
        "digest_more": "… e altri {n}: /new li elenca.",
        "fetched": "recuperato il {date}",
        "untitled": "senza titolo",
        "seconds": "una volta ogni {n:g} secondi",
        "minutes": "una volta ogni {n:g} minuti",
        "hours": "una volta ogni {n:g} ore",
    },
    "nl": {
        "usage": "Stuur <code>/follow ONDERWERP</code>, bijvoorbeeld <code>/follow verkiezingen in Duitsland</code>: "
        "ik stuur u de nieuwe artikelen erover zodra ze binnenkomen. Ook een medium is een onderwerp: "
        "<code>/follow derStandard</code>.",
        "too_long": "Houd een onderwerp korter dan {n} tekens, alstublieft.",
        "too_many": "Deze chat volgt al {n} onderwerpen: stop er eerst een met /unfollow.",
        "already": "Deze chat volgt <b>{topic}</b> al.",
        "following": "U volgt <b>{topic}</b>. Als er nieuwe artikelen over binnenkomen, stuur ik de titels en links, "
        "hoogstens {every}. /following toont uw onderwerpen, /unfollow stopt.",
        "stopped": "U volgt {topics} niet meer.",
        "none": "Deze chat volgt geen onderwerpen. Stuur <code>/follow ONDERWERP</code> om te beginnen.",
        "not_followed": "Deze chat volgt <b>{topic}</b> niet. /following toont de onderwerpen.",
        "topics": "Onderwerpen die deze chat volgt",
        "unfollow_one": "/unfollow ONDERWERP stopt er een.",
        "new_first": "Nieuw sinds gisteren",
        "new_since": "Nieuw sinds uw laatste vraag",
        "nothing_first": "Niets nieuws sinds gisteren.",
        "nothing_since": "Niets nieuws sinds uw laatste vraag.",
        "more": "… en nog {n}.",
        "digest": "Nieuw over de onderwerpen die u volgt",
        "digest_more": "… en nog {n}: /new toont ze.",
        "fetched": "opgehaald {date}",
        "untitled": "zonder titel",
        "seconds": "eens per {n:g} seconden",
        "minutes": "eens per {n:g} minuten",
        "hours": "eens per {n:g} uur",
    },
    "pt": {
        "usage": "Envie <code>/follow TEMA</code>, por exemplo <code>/follow eleições na Alemanha</code>: eu lhe envio "
        "os novos artigos sobre o tema assim que chegarem. Um veículo também é um tema: "
        "<code>/follow derStandard</code>.",
        "too_long": "Mantenha o tema com menos de {n} caracteres, por favor.",
        "too_many": "Este chat já segue {n} temas: deixe de seguir um primeiro com /unfollow.",
        "already": "Este chat já segue <b>{topic}</b>.",
        "following": "Você segue <b>{topic}</b>. Quando chegarem novos artigos sobre o tema, envio os títulos e os "
        "links, no máximo {every}. /following lista os seus temas, /unfollow deixa de segui-los.",
        "stopped": "Você não segue mais {topics}.",
        "none": "Este chat não segue nenhum tema. Envie <code>/follow TEMA</code> para começar.",
        "not_followed": "Este chat não segue <b>{topic}</b>. /following lista os temas dele.",
        "topics": "Temas que este chat segue",
        "unfollow_one": "/unfollow TEMA deixa de seguir um.",
        "new_first": "Novidades do último dia",
        "new_since": "Novidades desde a sua última consulta",
        "nothing_first": "Nada de novo no último dia.",
        "nothing_since": "Nada de novo desde a sua última consulta.",
        "more": "… e mais {n}.",
        "digest": "Novidades sobre os temas que você segue",
        "digest_more": "… e mais {n}: /new lista-os.",
        "fetched": "obtido em {date}",
        "untitled": "sem título",
        "seconds": "uma vez a cada {n:g} segundos",
        "minutes": "uma vez a cada {n:g} minutos",
        "hours": "uma vez a cada {n:g} horas",
    },
    "pl": {
        "usage": "Wyślij <code>/follow TEMAT</code>, np. <code>/follow wybory w Niemczech</code>: będę ci wysyłać "
        "nowe artykuły na ten temat, gdy tylko się pojawią. Medium też jest tematem: "
        "<code>/follow derStandard</code>.",
        "too_long": "Temat może mieć najwyżej {n} znaków.",
        "too_many": "Ten czat obserwuje już najwięcej tematów, ile można ({n}): najpierw zakończ jeden przez "
        "/unfollow.",
        "already": "Ten czat już obserwuje <b>{topic}</b>.",
        "following": "Obserwujesz <b>{topic}</b>. Gdy pojawią się nowe artykuły na ten temat, wyślę ich tytuły i "
        "linki, najwyżej {every}. /following pokazuje twoje tematy, /unfollow kończy obserwowanie.",
        "stopped": "Już nie obserwujesz: {topics}.",
        "none": "Ten czat nie obserwuje żadnego tematu. Wyślij <code>/follow TEMAT</code>, aby zacząć.",
        "not_followed": "Ten czat nie obserwuje <b>{topic}</b>. /following pokazuje jego tematy.",
        "topics": "Tematy obserwowane w tym czacie",
        "unfollow_one": "/unfollow TEMAT kończy obserwowanie jednego.",
        "new_first": "Nowe z ostatniej doby",
        "new_since": "Nowe od twojego ostatniego pytania",
        "nothing_first": "Nic nowego z ostatniej doby.",
        "nothing_since": "Nic nowego od twojego ostatniego pytania.",
        "more": "… i jeszcze {n}.",
        "digest": "Nowe w obserwowanych tematach",
        "digest_more": "… i jeszcze {n}: /new je pokazuje.",
        "fetched": "pobrano {date}",
        "untitled": "bez tytułu",
        "seconds": "raz na {n:g} s",
        "minutes": "raz na {n:g} min",
        "hours": "raz na {n:g} godz.",
    },
    "ru": {
        "usage": "Отправьте <code>/follow ТЕМА</code>, например <code>/follow выборы в Германии</code>: я буду "
        "присылать вам новые статьи на эту тему, как только они появятся. Издание тоже может быть темой: "
        "<code>/follow derStandard</code>.",
        "too_long": "Пожалуйста, уложите тему в {n} символов.",
        "too_many": "Этот чат уже следит за наибольшим возможным числом тем ({n}): сначала отпишитесь от одной с "
        "помощью /unfollow.",
        "already": "Этот чат уже следит за темой <b>{topic}</b>.",
        "following": "Вы следите за темой <b>{topic}</b>. Когда появятся новые статьи на эту тему, я пришлю их "
        "заголовки и ссылки, не чаще чем {every}. /following покажет ваши темы, /unfollow остановит.",
        "stopped": "Вы больше не следите за: {topics}.",
        "none": "Этот чат не следит ни за одной темой. Отправьте <code>/follow ТЕМА</code>, чтобы начать.",
        "not_followed": "Этот чат не следит за темой <b>{topic}</b>. /following покажет его темы.",
        "topics": "Темы, за которыми следит этот чат",
        "unfollow_one": "/unfollow ТЕМА отписывает от одной.",
        "new_first": "Новое за последние сутки",
        "new_since": "Новое с вашего последнего запроса",
        "nothing_first": "За последние сутки ничего нового.",
        "nothing_since": "С вашего последнего запроса ничего нового.",
        "more": "… и ещё {n}.",
        "digest": "Новое по темам, за которыми вы следите",
        "digest_more": "… и ещё {n}: /new покажет их.",
        "fetched": "получено {date}",
        "untitled": "без заголовка",
        "seconds": "раз в {n:g} с",
        "minutes": "раз в {n:g} мин",
        "hours": "раз в {n:g} ч",
    },
    "uk": {
        "usage": "Надішліть <code>/follow ТЕМА</code>, наприклад <code>/follow вибори в Німеччині</code>: я "
        "надсилатиму вам нові статті на цю тему, щойно вони з’являться. Видання теж може бути темою: "
        "<code>/follow derStandard</code>.",
        "too_long": "Будь ласка, вкладіть тему в {n} символів.",
        "too_many": "Цей чат уже стежить за найбільшою можливою кількістю тем ({n}): спершу відпишіться від однієї за "
        "допомогою /unfollow.",
        "already": "Цей чат уже стежить за темою <b>{topic}</b>.",
        "following": "Ви стежите за темою <b>{topic}</b>. Коли з’являться нові статті на цю тему, я надішлю їхні "
        "заголовки й посилання, не частіше ніж {every}. /following покаже ваші теми, /unfollow зупинить.",
        "stopped": "Ви більше не стежите за: {topics}.",
        "none": "Цей чат не стежить за жодною темою. Надішліть <code>/follow ТЕМА</code>, щоб почати.",
        "not_followed": "Цей чат не стежить за темою <b>{topic}</b>. /following покаже його теми.",
        "topics": "Теми, за якими стежить цей чат",
        "unfollow_one": "/unfollow ТЕМА відписує від однієї.",
        "new_first": "Нове за останню добу",
        "new_since": "Нове з вашого останнього запиту",
        "nothing_first": "За останню добу нічого нового.",
        "nothing_since": "З вашого останнього запиту нічого нового.",
        "more": "… і ще {n}.",
        "digest": "Нове за темами, за якими ви стежите",
        "digest_more": "… і ще {n}: /new покаже їх.",
        "fetched": "отримано {date}",
        "untitled": "без заголовка",
        "seconds": "раз на {n:g} с",
        "minutes": "раз на {n:g} хв",
        "hours": "раз на {n:g} год",
    },
}


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
