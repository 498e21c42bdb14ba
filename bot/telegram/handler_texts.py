"""What the handlers of handlers.py tell a user besides answers, in the user's Telegram language; the words of /start
and /help are in introduction.py, the admin commands' in admin_texts.py."""

from __future__ import annotations

# What a user is told besides answers, in the user's Telegram language (one of the ten answers are framed in, else
# English); the admin commands' words are in bot/telegram/admin_texts.py.
SAY: dict[str, dict[str, str]] = {
    "en": {
        "apology": "Sorry, something went wrong on my side while working on that. Please try again in a moment.",
        "store_down": "Sorry, I can't reach my news archive right now. Please try again in a minute.",
        "private_alert": "Sorry, this bot is private.",
        "private": "Sorry, this bot only answers the people its owner has let in. If you should be one of them, send "
        "them your Telegram id: <code>{id}</code>.",
        "slow_down": "You're asking faster than I can read! I answer up to {messages} a minute per person. Please "
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
        "slow_down": "Sie fragen schneller, als ich lesen kann! Ich beantworte bis zu {messages} pro Minute und "
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
        "slow_down": "Vous posez des questions plus vite que je ne lis ! Je réponds à {messages} par minute et par "
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
        "slow_down": "¡Pregunta más rápido de lo que puedo leer! Respondo hasta {messages} por minuto y persona. "
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
        "slow_down": "Fa domande più in fretta di quanto io riesca a leggere! Rispondo al massimo a {messages} al "
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
        "slow_down": "U vraagt sneller dan ik kan lezen! Ik beantwoord tot {messages} per minuut per persoon. "
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
        "slow_down": "Você pergunta mais rápido do que eu consigo ler! Respondo até {messages} por minuto por "
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
        "slow_down": "Pytasz szybciej, niż nadążam czytać! Odpowiadam na maksymalnie {messages} na minutę od "
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
        "slow_down": "Вы спрашиваете быстрее, чем я успеваю читать! Я отвечаю не более чем на {messages} в минуту "
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
        "slow_down": "Ви питаєте швидше, ніж я встигаю читати! Я відповідаю щонайбільше на {messages} на "
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

# "{n} messages" of the rate limit's reply ("slow_down"), by how many: (one, other), or in Polish, Russian and
# Ukrainian (one, a few, many) as `bot.texts.count_form` reads them; in the case the reply needs.
MESSAGE_FORMS: dict[str, tuple[str, ...]] = {
    "en": ("{n} message", "{n} messages"),
    "de": ("{n} Nachricht", "{n} Nachrichten"),
    "fr": ("{n} message", "{n} messages"),
    "es": ("{n} mensaje", "{n} mensajes"),
    "it": ("{n} messaggio", "{n} messaggi"),
    "nl": ("{n} bericht", "{n} berichten"),
    "pt": ("{n} mensagem", "{n} mensagens"),
    "pl": ("{n} wiadomość", "{n} wiadomości", "{n} wiadomości"),
    "ru": ("{n} сообщение", "{n} сообщения", "{n} сообщений"),
    "uk": ("{n} повідомлення", "{n} повідомлення", "{n} повідомлень"),
}
