"""The handlers users meet: questions, /start, /help, /ask, /sources, /latest, the Sources button, errors.

Admin handlers (/add, documents, /delete, /stats) live in `admin.py`. Every blocking call into the Newsroom runs in a
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
    TEXTS,
    escape,
    format_date,
    render_answer,
    render_full_sources,
    render_latest,
    split_html,
    user_language,
)
from bot.texts import framing_language, language_of
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

# What a user is told besides answers, in the user's Telegram language (one of the ten answers are framed in, else
# English); the admin commands' words are in bot/telegram/admin_texts.py.
SAY: dict[str, dict[str, str]] = {
    "en": {
        "apology": "Sorry, something went wrong on my side while working on that. Please try again in a moment.",
        "store_down": "Sorry, I can't reach my news archive right now. Please try again in a minute.",
        "private_alert": "Sorry, this bot is private.",
        "private": "Sorry, this bot only answers the people its owner has let in. If you should be one of them, send "
        "them your Telegram id: <code>{id}</code>.",
        "slow_down": "You're asking faster than I can read! I answer up to {n} messages a minute per person. Please "
        "try again in {s} s.",
        "empty": "Ask me about the news, e.g. <i>{example}</i>",
        "too_long": "That is a long question. Please ask in under {n} characters.",
        "forgotten": "I no longer remember that answer. Ask again to see its sources.",
        "unknown_command": "I don't know {command}. /help lists what I can do.",
        "unsupported": "I read text: type your question about the news.",
        "hello_group": "Hello! I answer questions about the news.",
        "nothing_asked": "Ask me something first: then /sources shows where my answer came from.",
        "latest_usage": "Send /latest for the {default} newest articles, /latest N for the N newest (N from 1 to "
        "{max}), /latest OUTLET for one outlet's: e.g. <code>/latest 10</code>, <code>/latest derStandard</code>.",
        "unknown_outlet": "I have no article from {outlet}. The outlets I have read: {known}.",
        "no_outlets": "I have no article from {outlet}, nor from any outlet yet.",
    },
    "de": {
        "apology": "Entschuldigung, bei mir ist dabei etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.",
        "store_down": "Entschuldigung, ich erreiche mein Nachrichtenarchiv gerade nicht. Bitte versuchen Sie es in "
        "einer Minute noch einmal.",
        "private_alert": "Entschuldigung, dieser Bot ist privat.",
        "private": "Entschuldigung, dieser Bot antwortet nur den Personen, die sein Betreiber zugelassen hat. Wenn Sie "
        "dazugehören sollten, schicken Sie ihm Ihre Telegram-ID: <code>{id}</code>.",
        "slow_down": "Sie fragen schneller, als ich lesen kann! Ich beantworte bis zu {n} Nachrichten pro Minute und "
        "Person. Bitte versuchen Sie es in {s} s noch einmal.",
        "empty": "Fragen Sie mich etwas zu den Nachrichten, z. B. <i>{example}</i>",
        "too_long": "Das ist eine lange Frage. Bitte fragen Sie in weniger als {n} Zeichen.",
        "forgotten": "An diese Antwort erinnere ich mich nicht mehr. Fragen Sie noch einmal, um ihre Quellen zu sehen.",
        "unknown_command": "{command} kenne ich nicht. /help zeigt, was ich kann.",
        "unsupported": "Ich lese Text: Schreiben Sie Ihre Frage zu den Nachrichten.",
        "hello_group": "Hallo! Ich beantworte Fragen zu den Nachrichten.",
        "nothing_asked": "Fragen Sie mich zuerst etwas: dann zeigt /sources, woher meine Antwort stammt.",
        "latest_usage": "Senden Sie /latest für die {default} neuesten Artikel, /latest N für die N neuesten (N von 1 "
        "bis {max}), /latest MEDIUM für die eines Mediums: z. B. <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "Von {outlet} habe ich keinen Artikel. Die Medien, die ich gelesen habe: {known}.",
        "no_outlets": "Von {outlet} habe ich keinen Artikel, noch von keinem Medium.",
    },
    "fr": {
        "apology": "Désolé, quelque chose s’est mal passé de mon côté. Veuillez réessayer dans un instant.",
        "store_down": "Désolé, je n’arrive pas à joindre mes archives d’actualités. Veuillez réessayer dans une "
        "minute.",
        "private_alert": "Désolé, ce bot est privé.",
        "private": "Désolé, ce bot ne répond qu’aux personnes que son propriétaire a autorisées. Si vous devriez en "
        "faire partie, envoyez-lui votre identifiant Telegram : <code>{id}</code>.",
        "slow_down": "Vous posez des questions plus vite que je ne lis ! Je réponds à {n} messages par minute et par "
        "personne au plus. Veuillez réessayer dans {s} s.",
        "empty": "Posez-moi une question sur l’actualité, par exemple <i>{example}</i>",
        "too_long": "C’est une longue question. Veuillez la poser en moins de {n} caractères.",
        "forgotten": "Je ne me souviens plus de cette réponse. Posez à nouveau la question pour voir ses sources.",
        "unknown_command": "Je ne connais pas {command}. /help liste ce que je sais faire.",
        "unsupported": "Je lis du texte : écrivez votre question sur l’actualité.",
        "hello_group": "Bonjour ! Je réponds aux questions sur l’actualité.",
        "nothing_asked": "Posez-moi d’abord une question : /sources montre ensuite d’où vient ma réponse.",
        "latest_usage": "Envoyez /latest pour les {default} articles les plus récents, /latest N pour les N plus "
        "récents (N de 1 à {max}), /latest MÉDIA pour ceux d’un média : par exemple <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "Je n’ai aucun article de {outlet}. Les médias que j’ai lus : {known}.",
        "no_outlets": "Je n’ai aucun article de {outlet}, ni d’aucun média pour l’instant.",
    },
    "es": {
        "apology": "Lo siento, algo ha salido mal por mi parte. Vuelva a intentarlo en un momento.",
        "store_down": "Lo siento, ahora no puedo acceder a mi archivo de noticias. Vuelva a intentarlo en un minuto.",
        "private_alert": "Lo siento, este bot es privado.",
        "private": "Lo siento, este bot solo responde a las personas que su propietario ha autorizado. Si usted "
        "debería ser una de ellas, envíele su id de Telegram: <code>{id}</code>.",
        "slow_down": "¡Pregunta más rápido de lo que puedo leer! Respondo hasta {n} mensajes por minuto y persona. "
        "Vuelva a intentarlo en {s} s.",
        "empty": "Pregúnteme sobre las noticias, por ejemplo <i>{example}</i>",
        "too_long": "Es una pregunta larga. Pregunte en menos de {n} caracteres, por favor.",
        "forgotten": "Ya no recuerdo esa respuesta. Vuelva a preguntar para ver sus fuentes.",
        "unknown_command": "No conozco {command}. /help muestra lo que puedo hacer.",
        "unsupported": "Leo texto: escriba su pregunta sobre las noticias.",
        "hello_group": "¡Hola! Respondo preguntas sobre las noticias.",
        "nothing_asked": "Pregúnteme algo primero: después /sources muestra de dónde viene mi respuesta.",
        "latest_usage": "Envíe /latest para los {default} artículos más recientes, /latest N para los N más recientes "
        "(N de 1 a {max}), /latest MEDIO para los de un medio: por ejemplo <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "No tengo ningún artículo de {outlet}. Los medios que he leído: {known}.",
        "no_outlets": "No tengo ningún artículo de {outlet}, ni de ningún medio todavía.",
    },
    "it": {
        "apology": "Mi dispiace, qualcosa è andato storto da parte mia. Riprovi tra un momento.",
        "store_down": "Mi dispiace, ora non riesco a raggiungere il mio archivio di notizie. Riprovi tra un minuto.",
        "private_alert": "Mi dispiace, questo bot è privato.",
        "private": "Mi dispiace, questo bot risponde solo alle persone autorizzate dal suo proprietario. Se dovrebbe "
        "essere tra loro, gli invii il suo id Telegram: <code>{id}</code>.",
        "slow_down": "Fa domande più in fretta di quanto io riesca a leggere! Rispondo al massimo a {n} messaggi al "
        "minuto per persona. Riprovi tra {s} s.",
        "empty": "Mi chieda qualcosa sulle notizie, per esempio <i>{example}</i>",
        "too_long": "È una domanda lunga. La ponga in meno di {n} caratteri, per favore.",
        "forgotten": "Non ricordo più quella risposta. Ripeta la domanda per vederne le fonti.",
        "unknown_command": "Non conosco {command}. /help elenca che cosa so fare.",
        "unsupported": "Leggo testo: scriva la sua domanda sulle notizie.",
        "hello_group": "Salve! Rispondo a domande sulle notizie.",
        "nothing_asked": "Prima mi chieda qualcosa: poi /sources mostra da dove viene la mia risposta.",
        "latest_usage": "Invii /latest per i {default} articoli più recenti, /latest N per gli N più recenti (N da 1 "
        "a {max}), /latest TESTATA per quelli di una testata: per esempio <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "Non ho nessun articolo di {outlet}. Le testate che ho letto: {known}.",
        "no_outlets": "Non ho nessun articolo di {outlet}, né ancora di alcuna testata.",
    },
    "nl": {
        "apology": "Sorry, er ging bij mij iets mis. Probeer het zo meteen nog eens.",
        "store_down": "Sorry, ik kan mijn nieuwsarchief nu niet bereiken. Probeer het over een minuut nog eens.",
        "private_alert": "Sorry, deze bot is privé.",
        "private": "Sorry, deze bot antwoordt alleen de mensen die zijn eigenaar heeft toegelaten. Hoort u daarbij, "
        "stuur hem dan uw Telegram-id: <code>{id}</code>.",
        "slow_down": "U vraagt sneller dan ik kan lezen! Ik beantwoord tot {n} berichten per minuut per persoon. "
        "Probeer het over {s} s nog eens.",
        "empty": "Stel me een vraag over het nieuws, bijvoorbeeld <i>{example}</i>",
        "too_long": "Dat is een lange vraag. Stel hem in minder dan {n} tekens.",
        "forgotten": "Dat antwoord weet ik niet meer. Stel de vraag opnieuw om de bronnen te zien.",
        "unknown_command": "{command} ken ik niet. /help toont wat ik kan.",
        "unsupported": "Ik lees tekst: typ uw vraag over het nieuws.",
        "hello_group": "Hallo! Ik beantwoord vragen over het nieuws.",
        "nothing_asked": "Vraag me eerst iets: daarna toont /sources waar mijn antwoord vandaan komt.",
        "latest_usage": "Stuur /latest voor de {default} nieuwste artikelen, /latest N voor de N nieuwste (N van 1 "
        "tot {max}), /latest MEDIUM voor die van één medium: bijvoorbeeld <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "Ik heb geen artikel van {outlet}. De media die ik heb gelezen: {known}.",
        "no_outlets": "Ik heb geen artikel van {outlet}, en nog van geen enkel medium.",
    },
    "pt": {
        "apology": "Desculpe, algo deu errado do meu lado. Tente novamente daqui a pouco.",
        "store_down": "Desculpe, não consigo acessar meu arquivo de notícias agora. Tente novamente em um minuto.",
        "private_alert": "Desculpe, este bot é privado.",
        "private": "Desculpe, este bot só responde às pessoas que o seu dono autorizou. Se você deveria ser uma "
        "delas, envie a ele o seu id do Telegram: <code>{id}</code>.",
        "slow_down": "Você pergunta mais rápido do que eu consigo ler! Respondo até {n} mensagens por minuto por "
        "pessoa. Tente novamente em {s} s.",
        "empty": "Pergunte-me sobre as notícias, por exemplo <i>{example}</i>",
        "too_long": "É uma pergunta longa. Pergunte em menos de {n} caracteres, por favor.",
        "forgotten": "Não me lembro mais dessa resposta. Pergunte de novo para ver as fontes.",
        "unknown_command": "Não conheço {command}. /help lista o que posso fazer.",
        "unsupported": "Eu leio texto: escreva a sua pergunta sobre as notícias.",
        "hello_group": "Olá! Respondo a perguntas sobre as notícias.",
        "nothing_asked": "Pergunte-me algo primeiro: depois /sources mostra de onde veio a minha resposta.",
        "latest_usage": "Envie /latest para os {default} artigos mais recentes, /latest N para os N mais recentes (N "
        "de 1 a {max}), /latest VEÍCULO para os de um veículo: por exemplo <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "Não tenho nenhum artigo de {outlet}. Os veículos que li: {known}.",
        "no_outlets": "Não tenho nenhum artigo de {outlet}, nem de nenhum veículo ainda.",
    },
    "pl": {
        "apology": "Przepraszam, coś poszło nie tak po mojej stronie. Spróbuj ponownie za chwilę.",
        "store_down": "Przepraszam, nie mogę teraz połączyć się z moim archiwum wiadomości. Spróbuj ponownie za "
        "minutę.",
        "private_alert": "Przepraszam, ten bot jest prywatny.",
        "private": "Przepraszam, ten bot odpowiada tylko osobom, które dopuścił jego właściciel. Jeśli powinieneś do "
        "nich należeć, wyślij mu swój identyfikator Telegram: <code>{id}</code>.",
        "slow_down": "Pytasz szybciej, niż nadążam czytać! Odpowiadam na maksymalnie {n} wiadomości na minutę od "
        "osoby. Spróbuj ponownie za {s} s.",
        "empty": "Zapytaj mnie o wiadomości, np. <i>{example}</i>",
        "too_long": "To długie pytanie. Zadaj je w mniej niż {n} znakach.",
        "forgotten": "Nie pamiętam już tej odpowiedzi. Zapytaj ponownie, aby zobaczyć jej źródła.",
        "unknown_command": "Nie znam {command}. /help pokazuje, co potrafię.",
        "unsupported": "Czytam tekst: napisz swoje pytanie o wiadomości.",
        "hello_group": "Cześć! Odpowiadam na pytania o wiadomości.",
        "nothing_asked": "Najpierw mnie o coś zapytaj: potem /sources pokaże, skąd pochodzi moja odpowiedź.",
        "latest_usage": "Wyślij /latest, aby zobaczyć {default} najnowszych artykułów, /latest N dla N najnowszych "
        "(N od 1 do {max}), /latest MEDIUM dla artykułów jednego medium: np. <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "Nie mam żadnego artykułu z {outlet}. Media, które przeczytałem: {known}.",
        "no_outlets": "Nie mam żadnego artykułu z {outlet} ani jeszcze z żadnego medium.",
    },
    "ru": {
        "apology": "Извините, у меня что-то пошло не так. Пожалуйста, попробуйте ещё раз через минутку.",
        "store_down": "Извините, сейчас я не могу связаться со своим архивом новостей. Пожалуйста, попробуйте через "
        "минуту.",
        "private_alert": "Извините, это частный бот.",
        "private": "Извините, этот бот отвечает только тем, кого допустил его владелец. Если вы должны быть в их "
        "числе, отправьте ему свой Telegram id: <code>{id}</code>.",
        "slow_down": "Вы спрашиваете быстрее, чем я успеваю читать! Я отвечаю не более чем на {n} сообщений в минуту "
        "от одного человека. Пожалуйста, попробуйте через {s} с.",
        "empty": "Спросите меня о новостях, например: <i>{example}</i>",
        "too_long": "Это длинный вопрос. Пожалуйста, уложитесь в {n} символов.",
        "forgotten": "Я уже не помню этот ответ. Спросите ещё раз, чтобы увидеть его источники.",
        "unknown_command": "Я не знаю команду {command}. /help покажет, что я умею.",
        "unsupported": "Я читаю текст: напишите свой вопрос о новостях.",
        "hello_group": "Здравствуйте! Я отвечаю на вопросы о новостях.",
        "nothing_asked": "Сначала спросите меня о чём-нибудь: тогда /sources покажет, откуда мой ответ.",
        "latest_usage": "Отправьте /latest, чтобы получить {default} самых новых статей, /latest N — N самых новых "
        "(N от 1 до {max}), /latest ИЗДАНИЕ — статьи одного издания: например, <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "У меня нет статей из {outlet}. Издания, которые я прочитал: {known}.",
        "no_outlets": "У меня нет статей из {outlet}, как и пока ни из одного издания.",
    },
    "uk": {
        "apology": "Вибачте, у мене щось пішло не так. Будь ласка, спробуйте ще раз за хвилинку.",
        "store_down": "Вибачте, зараз я не можу зв’язатися зі своїм архівом новин. Будь ласка, спробуйте за хвилину.",
        "private_alert": "Вибачте, це приватний бот.",
        "private": "Вибачте, цей бот відповідає лише тим, кого допустив його власник. Якщо ви маєте бути серед них, "
        "надішліть йому свій Telegram id: <code>{id}</code>.",
        "slow_down": "Ви питаєте швидше, ніж я встигаю читати! Я відповідаю щонайбільше на {n} повідомлень на "
        "хвилину від однієї людини. Будь ласка, спробуйте через {s} с.",
        "empty": "Запитайте мене про новини, наприклад: <i>{example}</i>",
        "too_long": "Це довге запитання. Будь ласка, вкладіться в {n} символів.",
        "forgotten": "Я вже не пам’ятаю цієї відповіді. Запитайте ще раз, щоб побачити її джерела.",
        "unknown_command": "Я не знаю команди {command}. /help покаже, що я вмію.",
        "unsupported": "Я читаю текст: напишіть своє запитання про новини.",
        "hello_group": "Вітаю! Я відповідаю на запитання про новини.",
        "nothing_asked": "Спершу запитайте мене про щось: тоді /sources покаже, звідки моя відповідь.",
        "latest_usage": "Надішліть /latest, щоб отримати {default} найновіших статей, /latest N — N найновіших (N "
        "від 1 до {max}), /latest ВИДАННЯ — статті одного видання: наприклад, <code>/latest 10</code>, "
        "<code>/latest derStandard</code>.",
        "unknown_outlet": "У мене немає статей з {outlet}. Видання, які я прочитав: {known}.",
        "no_outlets": "У мене немає статей з {outlet}, як і поки що з жодного видання.",
    },
}
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
    slow_down = SAY[language_of_user(update)]["slow_down"].format(
        n=services.limiter.per_minute, s=verdict.retry_after_s
    )
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
                answer = await asyncio.to_thread(services.newsroom.ask, asked, history=await memory.history())
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
        "there": "всем",
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
        "there": "всім",
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


async def on_added_to_group(update: Update, context: NewsContext) -> None:
    """Introduce the bot when it is added to a group."""
    message = update.effective_message
    if message and any(member.id == context.bot.id for member in message.new_chat_members):
        language = language_of_user(update)
        await message.reply_html(f"{SAY[language]['hello_group']}\n{_how_to_ask(message, context, language)}")


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
