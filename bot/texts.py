"""The words the bot's front ends (Telegram, the terminal) put around an answer, in the languages they speak: the
answer's question's language where they have it (English, German, French, Spanish, Italian, Dutch, Portuguese,
Polish, Russian, Ukrainian), else English; so do their own replies (`language_of`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from index.answerers.replies import reply_language
from index.dates import parse_question
from index.language import question_language, word_language

#: how a list of sources is headed, who else reported a story, who wrote one, and what comes before an answer
SOURCE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "sources": "Sources",
        "also": "also reported by",
        "and": "and",
        "by": "by",
        "read_as": "Read as",
        "unsure": "I am not sure the news answers this. What comes closest:",
    },
    "de": {
        "sources": "Quellen",
        "also": "auch berichtet von",
        "and": "und",
        "by": "von",
        "read_as": "Gelesen als",
        "unsure": "Ich bin nicht sicher, ob die Nachrichten das beantworten. Am ehesten passt dies:",
    },
    # the other languages "The indexed news does not say." is said in (index/answerers/base.py ABSTAIN_TEXTS)
    "fr": {
        "sources": "Sources",
        "also": "également rapporté par",
        "and": "et",
        "by": "par",
        "read_as": "Lu comme",
        "unsure": "Je ne suis pas sûr que les actualités y répondent. Ce qui s’en rapproche le plus :",
    },
    "es": {
        "sources": "Fuentes",
        "also": "también informado por",
        "and": "y",
        "by": "por",
        "read_as": "Leído como",
        "unsure": "No estoy seguro de que las noticias respondan a esto. Lo más cercano:",
    },
    "it": {
        "sources": "Fonti",
        "also": "riportato anche da",
        "and": "e",
        "by": "di",
        "read_as": "Letto come",
        "unsure": "Non sono sicuro che le notizie rispondano a questo. Ciò che si avvicina di più:",
    },
    "nl": {
        "sources": "Bronnen",
        "also": "ook gemeld door",
        "and": "en",
        "by": "door",
        "read_as": "Gelezen als",
        "unsure": "Ik weet niet zeker of het nieuws hierop antwoordt. Wat er het dichtst bij komt:",
    },
    "pt": {
        "sources": "Fontes",
        "also": "também noticiado por",
        "and": "e",
        "by": "por",
        "read_as": "Lido como",
        "unsure": "Não tenho certeza de que as notícias respondam a isto. O que mais se aproxima:",
    },
    "pl": {
        "sources": "Źródła",
        "also": "informowali też",
        "and": "i",
        "by": "autor:",
        "read_as": "Odczytano jako",
        "unsure": "Nie jestem pewien, czy wiadomości na to odpowiadają. Najbliższe jest to:",
    },
    "ru": {
        "sources": "Источники",
        "also": "также сообщили",
        "and": "и",
        "by": "автор:",
        "read_as": "Прочитано как",
        "unsure": "Я не уверен, что новости отвечают на это. Ближе всего вот это:",
    },
    "uk": {
        "sources": "Джерела",
        "also": "також повідомили",
        "and": "і",
        "by": "автор:",
        "read_as": "Прочитано як",
        "unsure": "Я не впевнений, що новини відповідають на це. Найближче ось це:",
    },
}


def written_by(author: str, language: str) -> str:
    """ "by Jane Doe" in `language`; "" for an article that names no author."""
    return f"{SOURCE_WORDS[language]['by']} {author}" if author else ""


def read_as_line(read_as: dict[str, str], language: str) -> str:
    """ "Read as: Philae (Phliae)" for a question whose words were read as the stored news spells them; "" else."""
    words = ", ".join(f"{read} ({asked})" for asked, read in read_as.items())
    return f"{SOURCE_WORDS[language]['read_as']}: {words}" if words else ""


#: how many outlets `stats` and /stats name (`stats --json` has all)
MAX_OUTLETS_SHOWN = 10
OUTLET_COUNTS = {
    "en": {"more": "… {n} more", "unnamed": "{n} article{s} of no outlet"},
    "de": {"more": "… {n} weitere", "unnamed": "{n} Artikel ohne Medium"},
    "fr": {"more": "… {n} autres", "unnamed": "sans média : {n}"},
    "es": {"more": "… {n} más", "unnamed": "sin medio: {n}"},
    "it": {"more": "… altre {n}", "unnamed": "senza testata: {n}"},
    "nl": {"more": "… nog {n}", "unnamed": "zonder medium: {n}"},
    "pt": {"more": "… mais {n}", "unnamed": "sem veículo: {n}"},
    "pl": {"more": "… i jeszcze {n}", "unnamed": "bez medium: {n}"},
    "ru": {"more": "… и ещё {n}", "unnamed": "без издания: {n}"},
    "uk": {"more": "… і ще {n}", "unnamed": "без видання: {n}"},
}


def outlets_line(outlets: Sequence[tuple[str, int]], articles: int, language: str = "en") -> str:
    """ "derStandard.at (6), Wire (2), … 3 more; 121 articles of no outlet": the outlets with the most articles,
    of `articles` in all."""
    texts = OUTLET_COUNTS.get(language, OUTLET_COUNTS["en"])
    shown = [f"{name} ({n})" for name, n in outlets[:MAX_OUTLETS_SHOWN]]
    if len(outlets) > MAX_OUTLETS_SHOWN:
        shown.append(texts["more"].format(n=len(outlets) - MAX_OUTLETS_SHOWN))
    unnamed = articles - sum(n for _, n in outlets)
    plural = "" if unnamed == 1 else "s"
    return ", ".join(shown) + ("; " + texts["unnamed"].format(n=unnamed, s=plural) if unnamed else "")


def primary_language(code: str | None) -> str:
    """The language a Telegram user's `language_code` or a terminal's locale names, without its region or encoding
    ("de-AT": "de", "pt_BR": "pt", "de_DE.UTF-8": "de"); "" for none, and for the C and POSIX locales."""
    language = (code or "").lower().replace("_", "-").split(".")[0].split("@")[0].split("-")[0]
    return "" if language in {"c", "posix"} else language


def terminal_language(environ: Mapping[str, str]) -> str:
    """The language the terminal's locale names, as the C library reads it (LC_ALL, else LC_MESSAGES, else LANG):
    "de" for de_DE.UTF-8, "" for none or C."""
    code = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return primary_language(code)


def language_of(text: str) -> str:
    """The language of the bot's own replies to `text` ("sources?", "Woher hast du das?", "Źródła?"): the text's,
    as the answer gate replies to small talk (`reply_language`: one of the languages of REPLIES and SOURCE_WORDS),
    else English."""
    return reply_language("sources", text) if text.strip() else "en"


def framing_language(question: str) -> str:
    """The language to frame an answer to `question` in (its sources' heading, "not sure", "also reported by"):
    the question's, where SOURCE_WORDS has it, else English. A question too short for the language identifier
    speaks by its words of the present, as its list's heading does ("Co nowego?", "Novidades?", "Notizie?"); one
    word of German or English alone, by its word list (`word_language`: "Nordkorea")."""
    if not question.strip():
        return "en"
    language = (
        question_language(question) or parse_question(question, datetime.now(UTC)).language or word_language(question)
    )
    return language if language in SOURCE_WORDS else "en"


def count_form(n: int, language: str, forms: Sequence[str]) -> str:
    """The form of a counted word for `n`, formatted with it: `forms` is (one, other) in most languages, and French
    counts 0 as one ("0 article", "0 articles" in English); Polish, Russian and Ukrainian have three (one, a few:
    2-4, 22-24…, many: 5-21, 25…), and Polish says the "one" form of 1 only ("21 artykułów", "21 статья")."""
    if len(forms) < 3:
        return (forms[0] if n == 1 or (n == 0 and language == "fr") else forms[-1]).format(n=n)
    one, few, many = forms
    if n % 10 == 1 and n % 100 != 11 and (language != "pl" or n == 1):
        return one.format(n=n)
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few.format(n=n)
    return many.format(n=n)
