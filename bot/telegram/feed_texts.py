"""What the feed commands (/feeds, /feed_add, /feed_remove) and the feeds' line of /stats say (feeds.py), in the user's
Telegram language (one of the ten the bot speaks, else English): to the admins, and to anyone else who tries them. A
feed's status comes from the index, in English, as the log does."""

from __future__ import annotations

FEEDS_SAY: dict[str, dict[str, str]] = {
    "en": {
        "not_admin_feeds": "Sorry, only the bot's admins manage the feeds I follow.",
        "no_feeds": "I follow no feeds yet. <code>/feed_add URL</code> adds one.",
        "feeds_heading": "<b>Feeds I follow</b>",
        "more_feeds": "… and {n} more (`newsbot feeds list` shows all).",
        "feed_add_usage": "Send <code>/feed_add URL</code> with the address of an RSS or Atom feed.",
        "following": "Following <code>{url}</code>. I'll read it within a minute, then every {minutes} minutes; /feeds "
        "shows how it goes.",
        "feed_remove_usage": "Send <code>/feed_remove URL</code>; /feeds lists the feeds I follow.",
        "unfollowed": "No longer following <code>{url}</code>. Its articles stay in the index.",
        "not_followed": "I don't follow <code>{url}</code>; /feeds lists the feeds I follow.",
        "stats_feeds": "Feeds: {feeds} followed · {failing} failing · {polls} polls since start",
    },
    "de": {
        "not_admin_feeds": "Entschuldigung, nur die Admins des Bots verwalten die Feeds, denen ich folge.",
        "no_feeds": "Ich folge noch keinem Feed. <code>/feed_add URL</code> fügt einen hinzu.",
        "feeds_heading": "<b>Feeds, denen ich folge</b>",
        "more_feeds": "… und {n} weitere (`newsbot feeds list` zeigt alle).",
        "feed_add_usage": "Senden Sie <code>/feed_add URL</code> mit der Adresse eines RSS- oder Atom-Feeds.",
        "following": "Ich folge <code>{url}</code>. Ich lese ihn innerhalb einer Minute, dann alle {minutes} Minuten; "
        "/feeds zeigt, wie es läuft.",
        "feed_remove_usage": "Senden Sie <code>/feed_remove URL</code>; /feeds listet die Feeds, denen ich folge.",
        "unfollowed": "Ich folge <code>{url}</code> nicht mehr. Seine Artikel bleiben im Index.",
        "not_followed": "Ich folge <code>{url}</code> nicht; /feeds listet die Feeds, denen ich folge.",
        "stats_feeds": "Feeds: {feeds} gefolgt · {failing} mit Fehlern · {polls} Abrufe seit dem Start",
    },
    "fr": {
        "not_admin_feeds": "Désolé, seuls les administrateurs du bot gèrent les flux que je suis.",
        "no_feeds": "Je ne suis encore aucun flux. <code>/feed_add URL</code> en ajoute un.",
        "feeds_heading": "<b>Flux que je suis</b>",
        "more_feeds": "… et {n} autres (`newsbot feeds list` les affiche tous).",
        "feed_add_usage": "Envoyez <code>/feed_add URL</code> avec l’adresse d’un flux RSS ou Atom.",
        "following": "Je suis <code>{url}</code>. Je le lirai d’ici une minute, puis toutes les {minutes} minutes ; "
        "/feeds montre comment cela se passe.",
        "feed_remove_usage": "Envoyez <code>/feed_remove URL</code> ; /feeds liste les flux que je suis.",
        "unfollowed": "Je ne suis plus <code>{url}</code>. Ses articles restent dans l’index.",
        "not_followed": "Je ne suis pas <code>{url}</code> ; /feeds liste les flux que je suis.",
        "stats_feeds": "Flux : {feeds} suivis · {failing} en échec · {polls} relevés depuis le démarrage",
    },
    "es": {
        "not_admin_feeds": "Lo siento, solo los administradores del bot gestionan los feeds que sigo.",
        "no_feeds": "Todavía no sigo ningún feed. <code>/feed_add URL</code> añade uno.",
        "feeds_heading": "<b>Feeds que sigo</b>",
        "more_feeds": "… y {n} más (`newsbot feeds list` los muestra todos).",
        "feed_add_usage": "Envíe <code>/feed_add URL</code> con la dirección de un feed RSS o Atom.",
        "following": "Sigo <code>{url}</code>. Lo leeré dentro de un minuto y luego cada {minutes} minutos; /feeds "
        "muestra cómo va.",
        "feed_remove_usage": "Envíe <code>/feed_remove URL</code>; /feeds muestra los feeds que sigo.",
        "unfollowed": "Ya no sigo <code>{url}</code>. Sus artículos se quedan en el índice.",
        "not_followed": "No sigo <code>{url}</code>; /feeds muestra los feeds que sigo.",
        "stats_feeds": "Feeds: {feeds} seguidos · {failing} con errores · {polls} consultas desde el inicio",
    },
    "it": {
        "not_admin_feeds": "Mi dispiace, solo gli amministratori del bot gestiscono i feed che seguo.",
        "no_feeds": "Non seguo ancora nessun feed. <code>/feed_add URL</code> ne aggiunge uno.",
        "feeds_heading": "<b>Feed che seguo</b>",
        "more_feeds": "… e altri {n} (`newsbot feeds list` li mostra tutti).",
        "feed_add_usage": "Invii <code>/feed_add URL</code> con l’indirizzo di un feed RSS o Atom.",
        "following": "Seguo <code>{url}</code>. Lo leggerò entro un minuto, poi ogni {minutes} minuti; /feeds mostra "
        "come va.",
        "feed_remove_usage": "Invii <code>/feed_remove URL</code>; /feeds elenca i feed che seguo.",
        "unfollowed": "Non seguo più <code>{url}</code>. I suoi articoli restano nell’indice.",
        "not_followed": "Non seguo <code>{url}</code>; /feeds elenca i feed che seguo.",
        "stats_feeds": "Feed: {feeds} seguiti · {failing} con errori · {polls} controlli dall’avvio",
    },
    "nl": {
        "not_admin_feeds": "Sorry, alleen de beheerders van de bot beheren de feeds die ik volg.",
        "no_feeds": "Ik volg nog geen feeds. <code>/feed_add URL</code> voegt er een toe.",
        "feeds_heading": "<b>Feeds die ik volg</b>",
        "more_feeds": "… en nog {n} (`newsbot feeds list` toont ze allemaal).",
        "feed_add_usage": "Stuur <code>/feed_add URL</code> met het adres van een RSS- of Atom-feed.",
        "following": "Ik volg <code>{url}</code>. Ik lees hem binnen een minuut, daarna elke {minutes} minuten; "
        "/feeds toont hoe het gaat.",
        "feed_remove_usage": "Stuur <code>/feed_remove URL</code>; /feeds toont de feeds die ik volg.",
        "unfollowed": "Ik volg <code>{url}</code> niet meer. De artikelen ervan blijven in de index.",
        "not_followed": "Ik volg <code>{url}</code> niet; /feeds toont de feeds die ik volg.",
        "stats_feeds": "Feeds: {feeds} gevolgd · {failing} met fouten · {polls} keer opgehaald sinds de start",
    },
    "pt": {
        "not_admin_feeds": "Desculpe, só os administradores do bot gerenciam os feeds que sigo.",
        "no_feeds": "Ainda não sigo nenhum feed. <code>/feed_add URL</code> adiciona um.",
        "feeds_heading": "<b>Feeds que sigo</b>",
        "more_feeds": "… e mais {n} (`newsbot feeds list` mostra todos).",
        "feed_add_usage": "Envie <code>/feed_add URL</code> com o endereço de um feed RSS ou Atom.",
        "following": "Sigo <code>{url}</code>. Vou lê-lo dentro de um minuto e depois a cada {minutes} minutos; "
        "/feeds mostra como está indo.",
        "feed_remove_usage": "Envie <code>/feed_remove URL</code>; /feeds lista os feeds que sigo.",
        "unfollowed": "Não sigo mais <code>{url}</code>. Os artigos dele continuam no índice.",
        "not_followed": "Não sigo <code>{url}</code>; /feeds lista os feeds que sigo.",
        "stats_feeds": "Feeds: {feeds} seguidos · {failing} com falhas · {polls} consultas desde o início",
    },
    "pl": {
        "not_admin_feeds": "Przepraszam, tylko administratorzy bota zarządzają kanałami, które obserwuję.",
        "no_feeds": "Nie obserwuję jeszcze żadnego kanału. <code>/feed_add URL</code> dodaje kanał.",
        "feeds_heading": "<b>Kanały, które obserwuję</b>",
        "more_feeds": "… i jeszcze {n} (`newsbot feeds list` pokazuje wszystkie).",
        "feed_add_usage": "Wyślij <code>/feed_add URL</code> z adresem kanału RSS lub Atom.",
        "following": "Obserwuję <code>{url}</code>. Przeczytam go w ciągu minuty, a potem co {minutes} min; /feeds "
        "pokazuje, jak idzie.",
        "feed_remove_usage": "Wyślij <code>/feed_remove URL</code>; /feeds pokazuje kanały, które obserwuję.",
        "unfollowed": "Już nie obserwuję <code>{url}</code>. Jego artykuły zostają w indeksie.",
        "not_followed": "Nie obserwuję <code>{url}</code>; /feeds pokazuje kanały, które obserwuję.",
        "stats_feeds": "Kanały: obserwowane {feeds} · z błędami {failing} · pobrania od startu: {polls}",
    },
    "ru": {
        "not_admin_feeds": "Извините, ленты, которые я читаю, настраивают только администраторы бота.",
        "no_feeds": "Я пока не читаю ни одной ленты. <code>/feed_add URL</code> добавляет ленту.",
        "feeds_heading": "<b>Ленты, которые я читаю</b>",
        "more_feeds": "… и ещё {n} (`newsbot feeds list` покажет все).",
        "feed_add_usage": "Отправьте <code>/feed_add URL</code> с адресом ленты RSS или Atom.",
        "following": "Читаю <code>{url}</code>. Я прочитаю её в течение минуты, а затем буду читать каждые {minutes} "
        "мин; /feeds покажет, как идут дела.",
        "feed_remove_usage": "Отправьте <code>/feed_remove URL</code>; /feeds покажет ленты, которые я читаю.",
        "unfollowed": "Я больше не читаю <code>{url}</code>. Её статьи остаются в индексе.",
        "not_followed": "Я не читаю <code>{url}</code>; /feeds покажет ленты, которые я читаю.",
        "stats_feeds": "Ленты: читаю {feeds} · с ошибками {failing} · опросов с запуска: {polls}",
    },
    "uk": {
        "not_admin_feeds": "Вибачте, стрічки, які я читаю, налаштовують лише адміністратори бота.",
        "no_feeds": "Я ще не читаю жодної стрічки. <code>/feed_add URL</code> додає стрічку.",
        "feeds_heading": "<b>Стрічки, які я читаю</b>",
        "more_feeds": "… і ще {n} (`newsbot feeds list` покаже всі).",
        "feed_add_usage": "Надішліть <code>/feed_add URL</code> з адресою стрічки RSS або Atom.",
        "following": "Читаю <code>{url}</code>. Я прочитаю її протягом хвилини, а потім читатиму кожні {minutes} хв; "
        "/feeds покаже, як ідуть справи.",
        "feed_remove_usage": "Надішліть <code>/feed_remove URL</code>; /feeds покаже стрічки, які я читаю.",
        "unfollowed": "Я більше не читаю <code>{url}</code>. Її статті залишаються в індексі.",
        "not_followed": "Я не читаю <code>{url}</code>; /feeds покаже стрічки, які я читаю.",
        "stats_feeds": "Стрічки: читаю {feeds} · з помилками {failing} · опитувань від запуску: {polls}",
    },
}
