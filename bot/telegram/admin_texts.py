"""What the admin commands (/add, files sent to the bot, /delete, /feeds, /feed_add, /feed_remove) say, in the
user's Telegram language (German, else English): to the admins, and to anyone else who tries them. /stats and the
feeds' status lines are a diagnostic view and speak English, as the log and the error messages from the index do.
"""

from __future__ import annotations

ADMIN_SAY: dict[str, dict[str, str]] = {
    "en": {
        "not_admin_add": "Sorry, only the bot's admins can add articles. You can ask me about the news, though!",
        "not_admin_delete": "Sorry, only the bot's admins can delete articles.",
        "not_admin_stats": "Sorry, /stats is for the bot's admins.",
        "not_admin_feeds": "Sorry, only the bot's admins manage the feeds I follow.",
        "add_usage": "Send <code>/add URL</code> to add a news page, or send me a file.",
        "not_url": "That is not a web address: <code>{url}</code>",
        "too_many": "Please add at most {n} pages at a time.",
        "pages": "{n} pages",
        "that_page": "that page",
        "one_of_pages": "one of these pages",
        "that_file": "a file of that name",
        "busy": "I'm already reading {what}: its report comes when I'm done.",
        "full": "I'm reading {n} things already. Please send this again when one of them is done.",
        "wrong_kind": "I can add {kinds} files; <code>{name}</code> is not one of them.",
        "too_big": "That file is too big: {why}.",
        "limit_setting": "I read files up to {mb} MB (NEWSBOT_MAX_INPUT_MB)",
        "limit_telegram": "Telegram lets bots download files up to 20 MB",
        "reading": "Reading {label}…",
        "reading_progress": "Reading {label}… {done} of {total}",
        "abandoned": "⏹ I stopped before I finished reading {label}: I am shutting down. Send it again when I'm back.",
        "could_not_add": "Could not add {label}: {why}",
        "added": "✅ Added {articles}.",
        "updated": "🔄 Updated {articles}.",
        "unchanged": "☑️ Already had {n}, unchanged.",
        "duplicates": "♊ Already had the same text of {n} under another name: not added again.",
        "expired": "🗑 Dropped {n} older than the retention period.",
        "failed": "⚠️ Could not read <code>{source}</code>: {error}",
        "more_failures": "… and {n} more failures.",
        "nothing_found": "I found no article there.",
        "now_know": "I now know {articles}.",
        "article": "1 article",
        "articles": "{n} articles",
        "delete_usage": "Send <code>/delete URL</code> with an article's link as /latest shows it (a feed's address: "
        "all its articles), or the name of a file you sent me.",
        "could_not_delete": "Could not delete: {why}",
        "no_match": "No article matched <code>{ref}</code>{more}. Send a link as /latest shows it, or the name of a "
        "file you sent me.",
        "no_match_more": " or {n} more",
        "deleted": "🗑 Deleted {deleted}. I now know {left}.",
        "no_feeds": "I follow no feeds yet. <code>/feed_add URL</code> adds one.",
        "feeds_heading": "<b>Feeds I follow</b>",
        "more_feeds": "… and {n} more (`newsbot feeds list` shows all).",
        "feed_add_usage": "Send <code>/feed_add URL</code> with the address of an RSS or Atom feed.",
        "following": "Following <code>{url}</code>. I'll read it within a minute, then every {minutes} minutes; /feeds "
        "shows how it goes.",
        "feed_remove_usage": "Send <code>/feed_remove URL</code>; /feeds lists the feeds I follow.",
        "unfollowed": "No longer following <code>{url}</code>. Its articles stay in the index.",
        "not_followed": "I don't follow <code>{url}</code>; /feeds lists the feeds I follow.",
    },
    "de": {
        "not_admin_add": "Entschuldigung, nur die Admins des Bots können Artikel hinzufügen. Fragen zu den "
        "Nachrichten beantworte ich Ihnen aber gern!",
        "not_admin_delete": "Entschuldigung, nur die Admins des Bots können Artikel löschen.",
        "not_admin_stats": "Entschuldigung, /stats ist den Admins des Bots vorbehalten.",
        "not_admin_feeds": "Entschuldigung, nur die Admins des Bots verwalten die Feeds, denen ich folge.",
        "add_usage": "Senden Sie <code>/add URL</code>, um eine Nachrichtenseite hinzuzufügen, oder schicken Sie mir "
        "eine Datei.",
        "not_url": "Das ist keine Webadresse: <code>{url}</code>",
        "too_many": "Bitte fügen Sie höchstens {n} Seiten auf einmal hinzu.",
        "pages": "{n} Seiten",
        "that_page": "diese Seite",
        "one_of_pages": "eine dieser Seiten",
        "that_file": "eine Datei dieses Namens",
        "busy": "Ich lese {what} schon: Der Bericht kommt, wenn ich fertig bin.",
        "full": "Ich lese schon {n} Quellen. Bitte senden Sie das noch einmal, wenn eine davon fertig ist.",
        "wrong_kind": "Ich kann Dateien vom Typ {kinds} hinzufügen; <code>{name}</code> gehört nicht dazu.",
        "too_big": "Die Datei ist zu groß: {why}.",
        "limit_setting": "Ich lese Dateien bis {mb} MB (NEWSBOT_MAX_INPUT_MB)",
        "limit_telegram": "Telegram lässt Bots Dateien bis 20 MB herunterladen",
        "reading": "Ich lese {label} …",
        "reading_progress": "Ich lese {label} … {done} von {total}",
        "abandoned": "⏹ Ich habe aufgehört, bevor ich {label} fertig gelesen hatte: Ich werde beendet. Senden Sie es "
        "noch einmal, wenn ich wieder da bin.",
        "could_not_add": "Konnte {label} nicht hinzufügen: {why}",
        "added": "✅ {articles} hinzugefügt.",
        "updated": "🔄 {articles} aktualisiert.",
        "unchanged": "☑️ {n} schon vorhanden, unverändert.",
        "duplicates": "♊ Den gleichen Text von {n} gab es schon unter anderem Namen: nicht noch einmal hinzugefügt.",
        "expired": "🗑 {n} älter als die Aufbewahrungsfrist: verworfen.",
        "failed": "⚠️ Konnte <code>{source}</code> nicht lesen: {error}",
        "more_failures": "… und {n} weitere Fehler.",
        "nothing_found": "Dort habe ich keinen Artikel gefunden.",
        "now_know": "Ich kenne jetzt {articles}.",
        "article": "1 Artikel",
        "articles": "{n} Artikel",
        "delete_usage": "Senden Sie <code>/delete URL</code> mit dem Link eines Artikels, wie /latest ihn zeigt (die "
        "Adresse eines Feeds: alle seine Artikel), oder den Namen einer Datei, die Sie mir geschickt haben.",
        "could_not_delete": "Konnte nicht löschen: {why}",
        "no_match": "Kein Artikel passt zu <code>{ref}</code>{more}. Senden Sie einen Link, wie /latest ihn zeigt, "
        "oder den Namen einer Datei, die Sie mir geschickt haben.",
        "no_match_more": " oder {n} weiteren",
        "deleted": "🗑 {deleted} gelöscht. Ich kenne jetzt {left}.",
        "no_feeds": "Ich folge noch keinem Feed. <code>/feed_add URL</code> fügt einen hinzu.",
        "feeds_heading": "<b>Feeds, denen ich folge</b>",
        "more_feeds": "… und {n} weitere (`newsbot feeds list` zeigt alle).",
        "feed_add_usage": "Senden Sie <code>/feed_add URL</code> mit der Adresse eines RSS- oder Atom-Feeds.",
        "following": "Ich folge <code>{url}</code>. Ich lese ihn innerhalb einer Minute, dann alle {minutes} Minuten; "
        "/feeds zeigt, wie es läuft.",
        "feed_remove_usage": "Senden Sie <code>/feed_remove URL</code>; /feeds listet die Feeds, denen ich folge.",
        "unfollowed": "Ich folge <code>{url}</code> nicht mehr. Seine Artikel bleiben im Index.",
        "not_followed": "Ich folge <code>{url}</code> nicht; /feeds listet die Feeds, denen ich folge.",
    },
}


def articles(n: int, language: str = "en") -> str:
    """ "1 article", "2 articles"; "1 Artikel", "2 Artikel"."""
    say = ADMIN_SAY[language]
    return say["article"] if n == 1 else say["articles"].format(n=n)
