"""The answer gate's replies that tell dates (gate.py), in ten languages: what a question about days no article is
from is told (`no_article_text`), and today's date for a question about the clock (`clock_reply`)."""

from __future__ import annotations

from datetime import datetime

from index.answerers.headlines import HEADINGS
from index.answerers.replies import REPLIES, reply_language
from index.datepatterns import MONTHS_DE, MONTHS_EN, WEEKDAYS_DE, WEEKDAYS_EN
from index.dates import DateRange
from index.models import StoredArticle

# What a question about days no article is from is told, in the languages a list's heading speaks
# (index/answerers/headlines.py HEADINGS, whose "to" joins the days): "none" with the outlet ("of"), then "undated"
# when no article has a date, else "newest".
NO_ARTICLE_TEXTS = {
    "en": {
        "none": "No article{of} from {days} ({expression}) is indexed",
        "undated": ", and no indexed article has a date.",
        "newest": "; the newest is from {date}: “{title}”.",
        "of": " of {outlet}",
    },
    "de": {
        "none": "Kein indexierter Artikel{of} ist vom {days} ({expression})",
        "undated": "; kein indexierter Artikel hat ein Datum.",
        "newest": "; der neueste ist vom {date}: „{title}“.",
        "of": " von {outlet}",
    },
    "fr": {
        "none": "Aucun article{of} du {days} ({expression}) n’est indexé",
        "undated": ", et aucun article indexé n’a de date.",
        "newest": " ; le plus récent date du {date} : « {title} ».",
        "of": " de {outlet}",
    },
    "es": {
        "none": "No hay ningún artículo{of} del {days} ({expression}) indexado",
        "undated": ", y ningún artículo indexado tiene fecha.",
        "newest": "; el más reciente es del {date}: «{title}».",
        "of": " de {outlet}",
    },
    "it": {
        "none": "Nessun articolo{of} del {days} ({expression}) è indicizzato",
        "undated": ", e nessun articolo indicizzato ha una data.",
        "newest": "; il più recente è del {date}: «{title}».",
        "of": " di {outlet}",
    },
    "nl": {
        "none": "Er is geen artikel{of} van {days} ({expression}) geïndexeerd",
        "undated": ", en geen enkel geïndexeerd artikel heeft een datum.",
        "newest": "; het nieuwste is van {date}: “{title}”.",
        "of": " van {outlet}",
    },
    "pt": {
        "none": "Nenhum artigo{of} de {days} ({expression}) está indexado",
        "undated": ", e nenhum artigo indexado tem data.",
        "newest": "; o mais recente é de {date}: “{title}”.",
        "of": " de {outlet}",
    },
    "pl": {
        "none": "Brak zaindeksowanych artykułów{of} z {days} ({expression})",
        "undated": ", a żaden zaindeksowany artykuł nie ma daty.",
        "newest": "; najnowszy jest z {date}: „{title}”.",
        "of": " z {outlet}",
    },
    "ru": {
        "none": "Нет проиндексированных статей{of} за {days} ({expression})",
        "undated": ", и ни у одной проиндексированной статьи нет даты.",
        "newest": "; самая новая — от {date}: «{title}».",
        "of": " из {outlet}",
    },
    "uk": {
        "none": "Немає проіндексованих статей{of} за {days} ({expression})",
        "undated": ", і жодна проіндексована стаття не має дати.",
        "newest": "; найновіша — від {date}: «{title}».",
        "of": " з {outlet}",
    },
}


def no_article_text(published: DateRange, newest: StoredArticle | None, language: str, outlet: str = "") -> str:
    """ "No article from 2026-12-02 (today) is indexed; the newest is from 2026-12-01: “…”." in `language` where
    NO_ARTICLE_TEXTS has it, else English; "No article of derStandard.at from …" for one outlet's articles."""
    if language not in NO_ARTICLE_TEXTS:
        language = "en"
    texts = NO_ARTICLE_TEXTS[language]
    of = texts["of"].format(outlet=outlet) if outlet else ""
    days = published.span(HEADINGS[language]["to"])
    text = texts["none"].format(of=of, days=days, expression=published.said)
    if newest is None or newest.meta.published_at is None:
        return text + texts["undated"]
    return text + texts["newest"].format(date=newest.meta.published_iso[:10], title=newest.meta.title)


DAY_NAMES = {
    "en": tuple(d.capitalize() for d in WEEKDAYS_EN),
    "de": tuple(d.capitalize() for d in WEEKDAYS_DE),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"),
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "uk": ("понеділок", "вівторок", "середа", "четвер", "п’ятниця", "субота", "неділя"),
}
# the month as a date names it: "4 grudnia", "4 декабря" (Polish, Russian and Ukrainian in the genitive)
MONTH_NAMES = {
    "en": tuple(m.capitalize() for m in MONTHS_EN),
    "de": tuple(m.capitalize() for m in MONTHS_DE),
    "fr": tuple("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()),
    "es": tuple("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()),
    "it": tuple(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split()
    ),
    "nl": tuple("januari februari maart april mei juni juli augustus september oktober november december".split()),
    "pt": tuple("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split()),
    "pl": tuple(
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia".split()
    ),
    "ru": tuple("января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()),
    "uk": tuple("січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split()),
}
# "Friday, 4 December 2026", "Freitag, 4. Dezember 2026", "vendredi 4 décembre 2026", "viernes, 4 de diciembre de 2026"
DATE_FORMATS = {
    "en": "{weekday}, {day} {month} {year}",
    "de": "{weekday}, {day}. {month} {year}",
    "fr": "{weekday} {day} {month} {year}",
    "es": "{weekday}, {day} de {month} de {year}",
    "it": "{weekday} {day} {month} {year}",
    "nl": "{weekday} {day} {month} {year}",
    "pt": "{weekday}, {day} de {month} de {year}",
    "pl": "{weekday}, {day} {month} {year}",
    "ru": "{weekday}, {day} {month} {year} года",
    "uk": "{weekday}, {day} {month} {year} року",
}


def clock_reply(question: str, now: datetime) -> str:
    """ "Today is Friday, 4 December 2026. …" in the question's language."""
    language = reply_language("clock", question)
    date = DATE_FORMATS[language].format(
        weekday=DAY_NAMES[language][now.weekday()],
        day=now.day,
        month=MONTH_NAMES[language][now.month - 1],
        year=now.year,
    )
    return REPLIES["clock"][language].format(date=date)
