"""How the bot introduces itself: /start, /help and the hello when it is added to a group, with their words in the
user's Telegram language (one of the ten answers are framed in, else English)."""

from __future__ import annotations

import asyncio

from telegram import Message, Update
from telegram.constants import ChatType

from bot.telegram.context import NewsContext
from bot.telegram.formatting import escape, format_date
from bot.telegram.handler_texts import SAY
from bot.telegram.handlers import LATEST_MAX, language_of_user
from index.answerers.replies import EXAMPLE_QUESTIONS


async def start(update: Update, context: NewsContext) -> None:
    """Say what the bot knows and how to ask it."""
    message = update.effective_message
    if message is None:
        return
    stats = await asyncio.to_thread(context.services.newsroom.stats)
    user = update.effective_user
    language = language_of_user(update)
    texts = START_TEXTS[language]
    name = escape(user.first_name) if user else texts["there"]
    if stats.articles:
        newest = format_date(stats.newest_published_at, language)
        plural = "" if stats.articles == 1 else texts["plural"]
        known = texts["read"].format(n=stats.articles, s=plural) + (
            texts["newest"].format(date=newest) if newest else "."
        )
    else:
        known = texts["nothing"]
    await message.reply_html(
        f"{texts['hello'].format(name=name)}\n{known}\n\n{_how_to_ask(message, context, language)}"
    )


# /start and /help, admin lines included, in the user's Telegram language (one of the ten answers are framed in, else
# English)
START_TEXTS = {
    "en": {
        "there": "there",
        "hello": "Hi {name}! I answer questions about the news, with sources.",
        "read": "I have read <b>{n}</b> news article{s}",
        "plural": "s",
        "newest": ", the newest from <b>{date}</b>.",
        "nothing": "I have not read any articles yet: an admin can add some with /add URL.",
        "private": "Just send me a question, in any language, e.g.\n<i>{example}</i>",
        "group": "In this group, mention me (@{bot}), reply to one of my messages, or use /ask, e.g.\n"
        "<i>/ask {example}</i>",
        "cite": "I cite my sources as [1], [2]… and list them under each answer. Follow-up questions work too: I "
        "remember the last few questions of this chat.",
    },
    "de": {
        "there": "zusammen",
        "hello": "Hallo {name}! Ich beantworte Fragen zu den Nachrichten, mit Quellen.",
        "read": "Ich habe <b>{n}</b> Artikel gelesen",
        "plural": "",
        "newest": ", den neuesten vom <b>{date}</b>.",
        "nothing": "Ich habe noch keine Artikel gelesen: ein Admin kann mit /add URL welche hinzufügen.",
        "private": "Schicken Sie mir einfach eine Frage, in jeder Sprache, z. B.\n<i>{example}</i>",
        "group": "In dieser Gruppe erwähnen Sie mich (@{bot}), antworten auf eine meiner Nachrichten oder nutzen "
        "/ask, z. B.\n<i>/ask {example}</i>",
        "cite": "Ich nenne meine Quellen als [1], [2]… und liste sie unter jeder Antwort. Nachfragen gehen auch: ich "
        "merke mir die letzten Fragen dieses Chats.",
    },
    "fr": {
        "there": "à tous",
        "hello": "Bonjour {name} ! Je réponds aux questions sur l’actualité, sources à l’appui.",
        "read": "J’ai lu <b>{n}</b> article{s}",
        "plural": "s",
        "newest": ", le plus récent du <b>{date}</b>.",
        "nothing": "Je n’ai encore lu aucun article : un administrateur peut en ajouter avec /add URL.",
        "private": "Envoyez-moi simplement une question, dans n’importe quelle langue, par exemple\n<i>{example}</i>",
        "group": "Dans ce groupe, mentionnez-moi (@{bot}), répondez à l’un de mes messages ou utilisez /ask, par "
        "exemple\n<i>/ask {example}</i>",
        "cite": "Je cite mes sources sous la forme [1], [2]… et les liste sous chaque réponse. Les questions de suivi "
        "fonctionnent aussi : je me souviens des dernières questions de cette conversation.",
    },
    "es": {
        "there": "a todos",
        "hello": "¡Hola, {name}! Respondo preguntas sobre las noticias, con fuentes.",
        "read": "He leído <b>{n}</b> artículo{s}",
        "plural": "s",
        "newest": ", el más reciente del <b>{date}</b>.",
        "nothing": "Todavía no he leído ningún artículo: un administrador puede añadir algunos con /add URL.",
        "private": "Envíeme una pregunta, en cualquier idioma, por ejemplo\n<i>{example}</i>",
        "group": "En este grupo, mencióneme (@{bot}), responda a uno de mis mensajes o use /ask, por ejemplo\n"
        "<i>/ask {example}</i>",
        "cite": "Cito mis fuentes como [1], [2]… y las enumero bajo cada respuesta. También funcionan las preguntas "
        "de seguimiento: recuerdo las últimas preguntas de este chat.",
    },
    "it": {
        "there": "a tutti",
        "hello": "Salve {name}! Rispondo a domande sulle notizie, con le fonti.",
        "read": "Articoli letti: <b>{n}</b>",
        "plural": "",
        "newest": ", il più recente del <b>{date}</b>.",
        "nothing": "Non ho ancora letto nessun articolo: un amministratore può aggiungerne con /add URL.",
        "private": "Mi mandi semplicemente una domanda, in qualsiasi lingua, per esempio\n<i>{example}</i>",
        "group": "In questo gruppo, mi menzioni (@{bot}), risponda a uno dei miei messaggi o usi /ask, per esempio\n"
        "<i>/ask {example}</i>",
        "cite": "Cito le mie fonti come [1], [2]… e le elenco sotto ogni risposta. Funzionano anche le domande di "
        "seguito: ricordo le ultime domande di questa chat.",
    },
    "nl": {
        "there": "allemaal",
        "hello": "Hallo {name}! Ik beantwoord vragen over het nieuws, met bronnen.",
        "read": "Ik heb <b>{n}</b> nieuwsartikel{s} gelezen",
        "plural": "en",
        "newest": ", het nieuwste van <b>{date}</b>.",
        "nothing": "Ik heb nog geen artikelen gelezen: een beheerder kan er toevoegen met /add URL.",
        "private": "Stuur me gewoon een vraag, in elke taal, bijvoorbeeld\n<i>{example}</i>",
        "group": "Noem me in deze groep (@{bot}), antwoord op een van mijn berichten of gebruik /ask, bijvoorbeeld\n"
        "<i>/ask {example}</i>",
        "cite": "Ik vermeld mijn bronnen als [1], [2]… en zet ze onder elk antwoord. Vervolgvragen werken ook: ik "
        "onthoud de laatste vragen van deze chat.",
    },
    "pt": {
        "there": "a todos",
        "hello": "Olá, {name}! Respondo a perguntas sobre as notícias, com fontes.",
        "read": "Li <b>{n}</b> artigo{s}",
        "plural": "s",
        "newest": ", o mais recente de <b>{date}</b>.",
        "nothing": "Ainda não li nenhum artigo: um administrador pode adicionar alguns com /add URL.",
        "private": "Basta me enviar uma pergunta, em qualquer idioma, por exemplo\n<i>{example}</i>",
        "group": "Neste grupo, mencione-me (@{bot}), responda a uma das minhas mensagens ou use /ask, por exemplo\n"
        "<i>/ask {example}</i>",
        "cite": "Cito as minhas fontes como [1], [2]… e listo-as sob cada resposta. Perguntas de seguimento também "
        "funcionam: lembro-me das últimas perguntas deste chat.",
    },
    "pl": {
        "there": "wszystkim",
        "hello": "Cześć, {name}! Odpowiadam na pytania o wiadomości, podając źródła.",
        "read": "Przeczytane artykuły: <b>{n}</b>",
        "plural": "",
        "newest": ", najnowszy z <b>{date}</b>.",
        "nothing": "Nie przeczytałem jeszcze żadnych artykułów: administrator może je dodać przez /add URL.",
        "private": "Po prostu wyślij mi pytanie, w dowolnym języku, np.\n<i>{example}</i>",
        "group": "W tej grupie wspomnij mnie (@{bot}), odpowiedz na jedną z moich wiadomości albo użyj /ask, np.\n"
        "<i>/ask {example}</i>",
        "cite": "Podaję źródła jako [1], [2]… i wymieniam je pod każdą odpowiedzią. Pytania uzupełniające też "
        "działają: pamiętam kilka ostatnich pytań tego czatu.",
    },
    "ru": {
        "there": "все",
        "hello": "Здравствуйте, {name}! Я отвечаю на вопросы о новостях и указываю источники.",
        "read": "Прочитано статей: <b>{n}</b>",
        "plural": "",
        "newest": ", самая новая — от <b>{date}</b>.",
        "nothing": "Я ещё не прочитал ни одной статьи: администратор может добавить их командой /add URL.",
        "private": "Просто пришлите мне вопрос на любом языке, например:\n<i>{example}</i>",
        "group": "В этой группе упомяните меня (@{bot}), ответьте на одно из моих сообщений или используйте /ask, "
        "например:\n<i>/ask {example}</i>",
        "cite": "Я указываю источники как [1], [2]… и перечисляю их под каждым ответом. Уточняющие вопросы тоже "
        "работают: я помню последние вопросы этого чата.",
    },
    "uk": {
        "there": "друзі",
        "hello": "Вітаю, {name}! Я відповідаю на запитання про новини й вказую джерела.",
        "read": "Прочитано статей: <b>{n}</b>",
        "plural": "",
        "newest": ", найновіша — від <b>{date}</b>.",
        "nothing": "Я ще не прочитав жодної статті: адміністратор може додати їх командою /add URL.",
        "private": "Просто надішліть мені запитання будь-якою мовою, наприклад:\n<i>{example}</i>",
        "group": "У цій групі згадайте мене (@{bot}), дайте відповідь на одне з моїх повідомлень або скористайтеся "
        "/ask, наприклад:\n<i>/ask {example}</i>",
        "cite": "Я вказую джерела як [1], [2]… і перелічую їх під кожною відповіддю. Уточнювальні запитання теж "
        "працюють: я пам’ятаю останні запитання цього чату.",
    },
}
HELP_LINES = {
    "en": [
        "/ask QUESTION - ask about the news",
        "/sources - the full sources of my last answer",
        f"/latest [N] [OUTLET] - the newest articles I have read (up to {LATEST_MAX}), of one outlet if named",
        "/follow TOPIC - new articles on a topic or from an outlet, as a digest; /unfollow [TOPIC], /following",
        "/new - what arrived since you last asked",
        "/start - what I know",
    ],
    "de": [
        "/ask FRAGE - eine Frage zu den Nachrichten",
        "/sources - alle Quellen meiner letzten Antwort",
        f"/latest [N] [MEDIUM] - die neuesten Artikel, die ich gelesen habe (bis zu {LATEST_MAX}), auf Wunsch eines "
        "Mediums",
        "/follow THEMA - neue Artikel zu einem Thema oder von einem Medium, gesammelt; /unfollow [THEMA], /following",
        "/new - was seit Ihrer letzten Frage dazukam",
        "/start - was ich weiß",
    ],
    "fr": [
        "/ask QUESTION - une question sur l’actualité",
        "/sources - toutes les sources de ma dernière réponse",
        f"/latest [N] [MÉDIA] - les articles les plus récents que j’ai lus (jusqu’à {LATEST_MAX}), d’un média si "
        "vous le nommez",
        "/follow SUJET - les nouveaux articles sur un sujet ou d’un média, en résumé ; /unfollow [SUJET], /following",
        "/new - ce qui est arrivé depuis votre dernière demande",
        "/start - ce que je sais",
    ],
    "es": [
        "/ask PREGUNTA - una pregunta sobre las noticias",
        "/sources - todas las fuentes de mi última respuesta",
        f"/latest [N] [MEDIO] - los artículos más recientes que he leído (hasta {LATEST_MAX}), de un medio si lo "
        "nombra",
        "/follow TEMA - artículos nuevos sobre un tema o de un medio, en un resumen; /unfollow [TEMA], /following",
        "/new - lo que ha llegado desde su última consulta",
        "/start - lo que sé",
    ],
    "it": [
        "/ask DOMANDA - una domanda sulle notizie",
        "/sources - tutte le fonti della mia ultima risposta",
        f"/latest [N] [TESTATA] - gli articoli più recenti che ho letto (fino a {LATEST_MAX}), di una testata se la "
        "nomina",
        "/follow ARGOMENTO - nuovi articoli su un argomento o di una testata, in un riepilogo; /unfollow [ARGOMENTO], "
        "/following",
        "/new - ciò che è arrivato dalla sua ultima richiesta",
        "/start - ciò che so",
    ],
    "nl": [
        "/ask VRAAG - een vraag over het nieuws",
        "/sources - alle bronnen van mijn laatste antwoord",
        f"/latest [N] [MEDIUM] - de nieuwste artikelen die ik heb gelezen (tot {LATEST_MAX}), van één medium als u "
        "het noemt",
        "/follow ONDERWERP - nieuwe artikelen over een onderwerp of van een medium, gebundeld; /unfollow [ONDERWERP], "
        "/following",
        "/new - wat er sinds uw laatste vraag is binnengekomen",
        "/start - wat ik weet",
    ],
    "pt": [
        "/ask PERGUNTA - uma pergunta sobre as notícias",
        "/sources - todas as fontes da minha última resposta",
        f"/latest [N] [VEÍCULO] - os artigos mais recentes que li (até {LATEST_MAX}), de um veículo se o nomear",
        "/follow TEMA - novos artigos sobre um tema ou de um veículo, num resumo; /unfollow [TEMA], /following",
        "/new - o que chegou desde a sua última consulta",
        "/start - o que eu sei",
    ],
    "pl": [
        "/ask PYTANIE - pytanie o wiadomości",
        "/sources - wszystkie źródła mojej ostatniej odpowiedzi",
        f"/latest [N] [MEDIUM] - najnowsze artykuły, które przeczytałem (do {LATEST_MAX}), jednego medium, jeśli je "
        "podasz",
        "/follow TEMAT - nowe artykuły na dany temat lub z danego medium, w zestawieniu; /unfollow [TEMAT], /following",
        "/new - co przyszło od twojego ostatniego pytania",
        "/start - co wiem",
    ],
    "ru": [
        "/ask ВОПРОС - вопрос о новостях",
        "/sources - все источники моего последнего ответа",
        f"/latest [N] [ИЗДАНИЕ] - самые новые прочитанные мной статьи (до {LATEST_MAX}), одного издания, если его "
        "назвать",
        "/follow ТЕМА - новые статьи по теме или из издания, подборкой; /unfollow [ТЕМА], /following",
        "/new - что пришло с вашего последнего запроса",
        "/start - что я знаю",
    ],
    "uk": [
        "/ask ЗАПИТАННЯ - запитання про новини",
        "/sources - усі джерела моєї останньої відповіді",
        f"/latest [N] [ВИДАННЯ] - найновіші прочитані мною статті (до {LATEST_MAX}), одного видання, якщо його назвати",
        "/follow ТЕМА - нові статті на тему або з видання, добіркою; /unfollow [ТЕМА], /following",
        "/new - що надійшло з вашого останнього запиту",
        "/start - що я знаю",
    ],
}
ADMIN_LINES = {
    "en": [
        "<b>Admin</b>",
        "/add URL - read a web page (or send me a .txt, .md, .html, .json or .csv file)",
        "/delete URL - remove an article (a feed's address: all its articles; or a file's name)",
        "/stats - the index and the bot in numbers",
        "/feeds - the feeds I follow; /feed_add URL, /feed_remove URL",
    ],
    "de": [
        "<b>Admin</b>",
        "/add URL - eine Webseite lesen (oder schicken Sie mir eine .txt-, .md-, .html-, .json- oder .csv-Datei)",
        "/delete URL - einen Artikel entfernen (die Adresse eines Feeds: alle seine Artikel; oder ein Dateiname)",
        "/stats - der Index und der Bot in Zahlen",
        "/feeds - die Feeds, denen ich folge; /feed_add URL, /feed_remove URL",
    ],
    "fr": [
        "<b>Administration</b>",
        "/add URL - lire une page web (ou envoyez-moi un fichier .txt, .md, .html, .json ou .csv)",
        "/delete URL - retirer un article (l’adresse d’un flux : tous ses articles ; ou le nom d’un fichier)",
        "/stats - l’index et le bot en chiffres",
        "/feeds - les flux que je suis ; /feed_add URL, /feed_remove URL",
    ],
    "es": [
        "<b>Administración</b>",
        "/add URL - leer una página web (o envíeme un archivo .txt, .md, .html, .json o .csv)",
        "/delete URL - quitar un artículo (la dirección de un feed: todos sus artículos; o el nombre de un archivo)",
        "/stats - el índice y el bot en cifras",
        "/feeds - los feeds que sigo; /feed_add URL, /feed_remove URL",
    ],
    "it": [
        "<b>Amministrazione</b>",
        "/add URL - leggere una pagina web (oppure mi mandi un file .txt, .md, .html, .json o .csv)",
        "/delete URL - togliere un articolo (l’indirizzo di un feed: tutti i suoi articoli; o il nome di un file)",
        "/stats - l’indice e il bot in cifre",
        "/feeds - i feed che seguo; /feed_add URL, /feed_remove URL",
    ],
    "nl": [
        "<b>Beheer</b>",
        "/add URL - een webpagina lezen (of stuur me een .txt-, .md-, .html-, .json- of .csv-bestand)",
        "/delete URL - een artikel verwijderen (het adres van een feed: al zijn artikelen; of een bestandsnaam)",
        "/stats - de index en de bot in cijfers",
        "/feeds - de feeds die ik volg; /feed_add URL, /feed_remove URL",
    ],
    "pt": [
        "<b>Administração</b>",
        "/add URL - ler uma página web (ou envie-me um arquivo .txt, .md, .html, .json ou .csv)",
        "/delete URL - remover um artigo (o endereço de um feed: todos os artigos dele; ou o nome de um arquivo)",
        "/stats - o índice e o bot em números",
        "/feeds - os feeds que sigo; /feed_add URL, /feed_remove URL",
    ],
    "pl": [
        "<b>Administracja</b>",
        "/add URL - przeczytać stronę internetową (albo wyślij mi plik .txt, .md, .html, .json lub .csv)",
        "/delete URL - usunąć artykuł (adres kanału: wszystkie jego artykuły; albo nazwa pliku)",
        "/stats - indeks i bot w liczbach",
        "/feeds - kanały, które obserwuję; /feed_add URL, /feed_remove URL",
    ],
    "ru": [
        "<b>Администрирование</b>",
        "/add URL - прочитать веб-страницу (или пришлите мне файл .txt, .md, .html, .json или .csv)",
        "/delete URL - удалить статью (адрес ленты: все её статьи; или имя файла)",
        "/stats - индекс и бот в цифрах",
        "/feeds - ленты, которые я читаю; /feed_add URL, /feed_remove URL",
    ],
    "uk": [
        "<b>Адміністрування</b>",
        "/add URL - прочитати вебсторінку (або надішліть мені файл .txt, .md, .html, .json чи .csv)",
        "/delete URL - видалити статтю (адреса стрічки: усі її статті; або назва файлу)",
        "/stats - індекс і бот у цифрах",
        "/feeds - стрічки, які я читаю; /feed_add URL, /feed_remove URL",
    ],
}


def _how_to_ask(message: Message, context: NewsContext, language: str = "en") -> str:
    texts = START_TEXTS[language]
    example = escape(EXAMPLE_QUESTIONS[language])
    if message.chat.type == ChatType.PRIVATE:
        how = texts["private"].format(example=example)
    else:
        how = texts["group"].format(bot=escape(context.bot.username), example=example)
    return f"{how}\n\n{texts['cite']}"


async def help_command(update: Update, context: NewsContext) -> None:
    """List what the bot can do; admins also see the admin commands. In the user's Telegram language."""
    message, user = update.effective_message, update.effective_user
    if message is None:
        return
    language = language_of_user(update)
    lines = [_how_to_ask(message, context, language), "", *HELP_LINES[language]]
    if context.services.access.is_admin(user.id if user else None):
        lines += ["", *ADMIN_LINES[language]]
    await message.reply_html("\n".join(lines))


async def on_added_to_group(update: Update, context: NewsContext) -> None:
    """Introduce the bot when it is added to a group."""
    message = update.effective_message
    if message and any(member.id == context.bot.id for member in message.new_chat_members):
        language = language_of_user(update)
        await message.reply_html(f"{SAY[language]['hello_group']}\n{_how_to_ask(message, context, language)}")
