"""The date expressions of questions, which index/dates.py reads: the words they are made of (months, weekdays and
numbers in English and German; the present, yesterday and today in eight more languages), their patterns
(`_PATTERNS`), and the days each means relative to now, a half-open interval [start, end) of local days in `now`'s
time zone."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from index.language import question_language
from index.lexical import fold

MONTHS_EN = "january february march april may june july august september october november december".split()
MONTHS_DE = "januar februar märz april mai juni juli august september oktober november dezember".split()
WEEKDAYS_EN = "monday tuesday wednesday thursday friday saturday sunday".split()
WEEKDAYS_DE = "montag dienstag mittwoch donnerstag freitag samstag sonntag".split()
MONTHS: dict[str, int] = {
    **{name: i + 1 for i, name in enumerate(MONTHS_EN)},
    **{name: i + 1 for i, name in enumerate(MONTHS_DE)},
    "maerz": 3,
    "jänner": 1,
}
WEEKDAYS: dict[str, int] = {
    **{name: i for i, name in enumerate(WEEKDAYS_EN)},
    **{name: i for i, name in enumerate(WEEKDAYS_DE)},
    "sonnabend": 5,
}
WEEKEND = {"weekend", "wochenende"}
# German writes a weekday and its part of the day as one word: "am Montagabend", "Sonntagfrüh".
DAY_PARTS = ("abend", "morgen", "vormittag", "nachmittag", "mittag", "nacht", "früh")
WEEKEND_DAYS = {5, 6}
NUMBERS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate("one two three four five six seven eight nine ten".split())},
    **{w: i + 1 for i, w in enumerate("einem zwei drei vier fünf sechs sieben acht neun zehn".split())},
    "a": 1,
    "einen": 1,
    "eine": 1,
}

_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
# prepositions that may lead a point in time; they belong to the expression and are stripped with it
_ON = r"(?:(?:on|from|of|am|vom|von|für|for)\s+)?(?:the\s+)?"
_LAST = r"(?:last|previous|past|letzte[nrs]?|vorige[nrs]?|vergangene[nrs]?)"
_THIS = r"(?:this|diese[nrs]?|in\s+diese[mr])"
_SINCE = r"(?P<since>since|seit)\s+"

# What is to happen tomorrow only the newest news can tell: "tomorrow", "morgen" ask for the news of the past
# TOMORROW_NEWS_DAYS days (a preview, a forecast), not for what old news called tomorrow. Not the morning ("am
# Morgen", "heute morgen") or a title ("die Serie Morgen hör ich auf"): German writes tomorrow in lower case. A
# question that starts with "Morgen" may be tomorrow or the title: it only prefers newer news (_RECENT_WORDS,
# index/dates.py).
_TOMORROW = (
    r"(?:(?:for|für)\s+)?(?:(?:the\s+)?day\s+after\s+)?tomorrow(?:['’]s)?|übermorgen"
    r"|(?<!am )(?<!den )(?<!heute )(?<!gestern )(?<!jeden )(?<!diesen )(?<!guten )(?<!einen )(?-i:morgen)"
)
TOMORROW_NEWS_DAYS = 7
# French, Spanish, Italian, Dutch, Portuguese, Polish, Russian and Ukrainian words of the present, each kind in one
# place: for the patterns below and index/dates.py's, and for the language of a list's heading (`_OTHER_CUES`,
# index/dates.py). A word two languages write ("últimas", "нового") is the question's language's.
_OTHER_RECENT = {
    "fr": r"derni[èe]res?|derniers|récent(?:e|s|es)?",
    "es": r"últim[oa]s|recientes",
    "it": r"ultim[ei]|recenti",
    "nl": r"laatste|nieuwste",
    "pt": r"últim[oa]s|recentes",
    "pl": r"najnowsze|najnowszych|ostatnie|ostatnich",
    "ru": r"последние|последних|свежие|свежих",
    "uk": r"останні|останніх|свіжі|свіжих",
}
_OTHER_NEW = {
    "fr": r"neuf|nouveau",
    "es": r"nuev[oa]s?",
    "it": r"nuov[oaie]",
    "nl": r"nieuw|nieuwe",
    "pt": r"novo",
    "pl": r"nowego|nowe",
    "ru": r"нового|новое",
    "uk": r"нового|нове",
}
_OTHER_NEWS = {
    "fr": r"nouvelles|actualités|actus|infos|titres",
    "es": r"noticias|novedades|titulares",
    "it": r"notizie|novità|titoli",
    "nl": r"nieuws|nieuwtjes",
    "pt": r"not[íi]cias|novidades|manchetes",
    "pl": r"wiadomo[śs]ci|nowo[śs]ci|nagłówki",
    "ru": r"новости|новостей|заголовки",
    "uk": r"новини|новин|заголовки",
}
_OTHER_YESTERDAY = {
    "fr": r"hier",
    "es": r"ayer",
    "it": r"ieri",
    "nl": r"gisteren",
    "pt": r"ontem",
    "pl": r"wczoraj",
    "ru": r"вчера",
    "uk": r"вчора",
}
_OTHER_TODAY = {
    "fr": r"aujourd['’]hui",
    "es": r"hoy",
    "it": r"oggi",
    "nl": r"vandaag",
    "pt": r"hoje",
    "pl": r"dzisiaj|dziś|dzis",
    "ru": r"сегодня",
    "uk": r"сьогодні",
}
# what leads them: "d'aujourd'hui", "de hoy", "di ieri", "van gisteren", "z dzisiaj", "за сегодня"
_OTHER_OF = r"(?:d['’]|de\s+|di\s+|van\s+|z\s+|за\s+)?"


# --- the expressions -------------------------------------------------------------------------------------------

Handler = Callable[[re.Match[str], datetime], "tuple[datetime, datetime] | None"]


def _midnight(day: date, now: datetime) -> datetime:
    return datetime.combine(day, time(), tzinfo=now.tzinfo)


def _days(first: date, last: date, now: datetime) -> tuple[datetime, datetime]:
    """[first, last] as whole local days."""
    return _midnight(first, now), _midnight(last + timedelta(days=1), now)


def _until_now(first: date, now: datetime) -> tuple[datetime, datetime]:
    return _days(first, now.date(), now)


def _month(year: int, month: int) -> tuple[date, date]:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def _latest_month(month: int, today: date, year: str | None) -> int:
    """The year of the latest `month` not after today, unless the year is given."""
    if year:
        return int(year)
    return today.year if month <= today.month else today.year - 1


def _latest_date(day: int, month: int, today: date, year: str | None) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate <= today else date(today.year - 1, month, day)
    except ValueError:
        return None


def _weekday_before(weekday: int, today: date, *, strictly: bool) -> date:
    back = (today.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return today - timedelta(days=back)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBERS[text.lower()]


# "even today", "still stand today", "until today", "noch heute", "bis heute": these days, not one day's news
# ("Whose wall has fragments visible around Newcastle even today?")
_NOWADAYS = re.compile(r"\b(?:(?:even|still|noch)\s+(?:\w+\s+){0,2}|(?:until|till|up\s+to|bis)\s+)$", re.I)


def _today(m: re.Match[str], now: datetime) -> tuple[datetime, datetime] | None:
    if _NOWADAYS.search(m.string[: m.start()]):
        return None
    return _days(now.date(), now.date(), now)


def _tomorrow(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    return _days(now.date() - timedelta(days=TOMORROW_NEWS_DAYS - 1), now.date(), now)


def _yesterday(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    day = now.date() - timedelta(days=1)
    return _since(m, now, day) if m.groupdict().get("since") else _days(day, day, now)


def _other_yesterday(m: re.Match[str], now: datetime) -> tuple[datetime, datetime] | None:
    """Another language's "yesterday" ("hier", "ayer", "ieri", "gisteren", "вчера"): "hier" only in a French
    question, German's "hier" is "here"."""
    if m.group(0).lower().endswith("hier") and question_language(m.string) != "fr":
        return None
    return _yesterday(m, now)


def _day_before_yesterday(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    day = now.date() - timedelta(days=2)
    return _since(m, now, day) if m.groupdict().get("since") else _days(day, day, now)


def _since(m: re.Match[str], now: datetime, first: date) -> tuple[datetime, datetime]:
    return _until_now(first, now)


def _days_ago(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    day = now.date() - timedelta(days=_number(m.group("n")))
    return _days(day, day, now)


def _past_days(m: re.Match[str], now: datetime) -> tuple[datetime, datetime] | None:
    n = _number(m.group("n")) if m.group("n") else 1
    days = n * (7 if fold(m.group("unit")).startswith(("week", "woch")) else 1)
    if days > 3660:
        return None
    return _until_now(now.date() - timedelta(days=days), now)


def _this_week(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    return _until_now(now.date() - timedelta(days=now.weekday()), now)


def _last_week(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    monday = now.date() - timedelta(days=now.weekday() + 7)
    return _days(monday, monday + timedelta(days=6), now)


def _this_month(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    return _until_now(now.date().replace(day=1), now)


def _last_month(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    today = now.date()
    year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return _days(*_month(year, month), now)


def _this_year(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    return _until_now(date(now.year, 1, 1), now)


def _last_year(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    return _days(date(now.year - 1, 1, 1), date(now.year - 1, 12, 31), now)


def _weekend(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    saturday = _weekday_before(5, now.date(), strictly=False)
    return _days(saturday, saturday + timedelta(days=1), now)


# Names with a weekday in them: "the Good Friday Agreement" is no date.
_NAMED_DAYS = re.compile(r"\b(?:good|black|cyber|super|ash|easter|palm|holy|bloody|karfreitag)\s*$", re.IGNORECASE)


def _weekday(m: re.Match[str], now: datetime) -> tuple[datetime, datetime] | None:
    if _NAMED_DAYS.search(m.string[: m.start()]):
        return None
    strictly = bool(m.groupdict().get("last"))
    day = _weekday_before(WEEKDAYS[m.group("weekday").lower()], now.date(), strictly=strictly)
    return _since(m, now, day) if m.groupdict().get("since") else _days(day, day, now)


def _in_month(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    month = MONTHS[m.group("month").lower()]
    first, last = _month(_latest_month(month, now.date(), m.group("year")), month)
    return _since(m, now, first) if m.groupdict().get("since") else _days(first, last, now)


def _on_date(m: re.Match[str], now: datetime) -> tuple[datetime, datetime] | None:
    month_name = m.groupdict().get("month")
    month = MONTHS[month_name.lower()] if month_name else int(m.group("mon"))
    if not 1 <= month <= 12:
        return None
    day = _latest_date(int(m.group("day")), month, now.date(), m.group("year"))
    if day is None:
        return None
    return _since(m, now, day) if m.groupdict().get("since") else _days(day, day, now)


def _in_year(m: re.Match[str], now: datetime) -> tuple[datetime, datetime]:
    year = int(m.group("year"))
    if m.groupdict().get("since"):
        return _until_now(date(year, 1, 1), now)
    return _days(date(year, 1, 1), date(year, 12, 31), now)


# What may follow a bare year that says when (`_verbs_year`), and what may not come before one
_AFTER_A_YEAR = (
    r"der|die|das|den|dem|des|ein|eine|einen|einem|einer|in|im|am|an|auf|bei|beim|mit|nach|zu|zum|zur|für|als"
    r"|erstmals|wieder|noch|bereits|schon|er|sie|es|ihr|ihre|sein|seine"
)
_NOT_BEFORE_A_YEAR = frozenset(
    """
    vor bis zwischen von vom ab seit nach um für gegen in im aus an am bei beim ca circa etwa rund über unter mehr als
    weniger knapp fast jahr jahre jahres jahren saison und oder sowie bzw der die das den dem des ein eine einen einem
    einer mit ohne zu zum zur of in from by for since until to and or the a an about around than
    """.split()
)


def _verbs_year(m: re.Match[str], now: datetime) -> tuple[datetime, datetime] | None:
    """A bare year as German says when something happened ("Wer kaufte 2022 den Klub?", "Wer erhielt 2018 den
    Preis?"): right after a verb or pronoun (a lower-case word that is no preposition, article or word of amount:
    not "vor 2000", "die 2000 Soldaten", "rund 2000"), before an article, a preposition, a pronoun or the end."""
    before = m.string[: m.start()].rstrip()
    previous = before.rsplit(None, 1)[-1] if before else ""
    if not previous.isalpha() or not previous.islower() or previous in _NOT_BEFORE_A_YEAR:
        return None
    return _in_year(m, now)


# A bare year between an article and a participle, as German says when what it names happened ("bei den 2021
# ausgetragenen Spielen", "die 2018 gegründete Partei"; English says "held in 2021"): the participle in lower case,
# ending in -t or -en and an adjective's ending
_PARTICIPLE_AFTER_A_YEAR = re.compile(r"[a-zäöüß]+(?:t|en)(?:e|en|er|es|em)")
_ARTICLES_BEFORE_A_YEAR = frozenset("der die das den dem des beim im am zum zur vom".split())


def _participles_year(m: re.Match[str], now: datetime) -> tuple[datetime, datetime] | None:
    """A year in "den 2021 ausgetragenen …" (above); not a round one, which may be a count ("die 2000 verletzten
    Soldaten")."""
    before = m.string[: m.start()].split()
    after = m.string[m.end() :].split()
    if (
        not before
        or before[-1].lower() not in _ARTICLES_BEFORE_A_YEAR
        or not after
        or not _PARTICIPLE_AFTER_A_YEAR.fullmatch(after[0])
        or int(m.group("year")) % 50 == 0
    ):
        return None
    return _in_year(m, now)


def _compile(pattern: str) -> re.Pattern[str]:
    """The pattern as a whole expression: not inside a word, on either side of each of its alternatives."""
    return re.compile(r"(?<![\w.])(?:" + pattern + r")(?![\w])", re.IGNORECASE)


_TOMORROW_EXPRESSION = _compile(_TOMORROW)
_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (
        _compile(r"(?:(?:on|from|of|vom|von)\s+)?(?:the\s+)?day\s+before\s+yesterday|(?:seit\s+|since\s+)?vorgestern"),
        _day_before_yesterday,
    ),
    (_compile(_SINCE + r"(?:yesterday|gestern)"), _yesterday),
    (
        _compile(
            r"(?:(?:from|of|von)\s+)?(?:yesterday|gestern)(?:\s+(?:morning|evening|afternoon|night|abend"
            r"|morgen|früh|nachmittag|nacht|vormittag))?"
        ),
        _yesterday,
    ),
    (
        _compile(
            r"(?:(?:from|of|von|für)\s+)?(?:today|tonight|heute(?:\s+(?:morgen|früh|abend|nachmittag|vormittag))?"
            r"|this\s+(?:morning|afternoon|evening))"
        ),
        _today,
    ),
    (_TOMORROW_EXPRESSION, _tomorrow),
    # other languages: "Qu'est-ce qui s'est passé hier ?", "¿Qué pasó ayer?", "Notizie di oggi", "Новости за сегодня"
    (_compile(_OTHER_OF + r"(?:" + "|".join(_OTHER_YESTERDAY.values()) + ")"), _other_yesterday),
    (_compile(_OTHER_OF + r"(?:" + "|".join(_OTHER_TODAY.values()) + ")"), _today),
    (_compile(_NUMBER + r"\s+days?\s+ago"), _days_ago),
    (_compile(r"vor\s+" + _NUMBER + r"\s+tagen"), _days_ago),
    # rolling periods up to today: "in the past 3 days", "over the last week", "in den letzten 7 Tagen"
    (
        _compile(
            r"(?:(?:in|within|during|over)\s+)?the\s+(?:last|past)\s+(?:" + _NUMBER + r"\s+)?(?P<unit>days?|weeks?)"
        ),
        _past_days,
    ),
    (_compile(r"(?:in\s+den\s+)?(?:letzten|vergangenen)\s+" + _NUMBER + r"\s+(?P<unit>tagen|wochen)"), _past_days),
    (_compile(r"in\s+der\s+(?:letzten|vergangenen)\s+(?P<unit>woche)(?P<n>)"), _past_days),
    (_compile(r"(?:seit|in)\s+" + _NUMBER + r"\s+(?P<unit>tagen|wochen)"), _past_days),
    (_compile(r"past\s+" + _NUMBER + r"\s+(?P<unit>days|weeks)"), _past_days),
    # calendar periods
    (
        _compile(r"(?:(?:during|in|from|of)\s+)?(?:the\s+)?" + _THIS + r"\s+(?:week|woche)|(?:in\s+)?dieser\s+woche"),
        _this_week,
    ),
    (
        _compile(
            r"(?:(?:during|in|from|of)\s+)?(?:the\s+)?(?:last|previous)\s+week"
            r"|(?:aus\s+der\s+)?(?:letzten|vorigen|vergangenen)\s+woche|(?:letzte|vorige|vergangene)\s+woche"
        ),
        _last_week,
    ),
    (_compile(r"(?:(?:during|in|from|of)\s+)?(?:the\s+)?" + _THIS + r"\s+(?:month|monat)|diesen\s+monat"), _this_month),
    (
        _compile(
            r"(?:(?:during|in|from|of)\s+)?(?:the\s+)?" + _LAST + r"\s+(?:month|monat)|im\s+" + _LAST + r"\s+monat"
        ),
        _last_month,
    ),
    (_compile(r"(?:(?:during|in|from|of)\s+)?(?:the\s+)?" + _THIS + r"\s+(?:year|jahr)|dieses\s+jahr"), _this_year),
    (
        _compile(r"(?:(?:during|in|from|of)\s+)?(?:the\s+)?" + _LAST + r"\s+(?:year|jahr)|im\s+" + _LAST + r"\s+jahr"),
        _last_year,
    ),
    (
        _compile(
            r"(?:(?:on|over|during|at)\s+)?(?:the\s+|this\s+|last\s+)?weekend"
            r"|(?:am|übers|über\s+das|letztes|vergangenes|dieses|diesem)\s+wochenende"
        ),
        _weekend,
    ),
    # dates: 2026-12-01, 1.12.2026, 1.12., on 1 December 2026, 1st of December, December 1, am 1. Dezember
    (_compile(r"(?:" + _SINCE + r"|" + _ON + r")" + _YEAR + r"-(?P<mon>[01]\d)-" + _DAY), _on_date),
    (_compile(r"(?:" + _SINCE + r"|" + _ON + r")" + _DAY + r"\.(?P<mon>[01]?\d)\.(?:" + _YEAR + r")?"), _on_date),
    (
        _compile(
            r"(?:"
            + _SINCE
            + r"|"
            + _ON
            + r")"
            + _DAY
            + r"(?:st|nd|rd|th|\.)?\s+(?:of\s+)?"
            + _MONTH
            + r"(?:,?\s+"
            + _YEAR
            + r")?"
        ),
        _on_date,
    ),
    (
        _compile(
            r"(?:" + _SINCE + r"|" + _ON + r")" + _MONTH + r"\s+" + _DAY + r"(?:st|nd|rd|th)?(?:,?\s+" + _YEAR + r")?"
        ),
        _on_date,
    ),
    (
        _compile(
            r"(?:"
            + _SINCE
            + r"|(?:in|im|during|from|aus\s+dem)\s+)(?:(?:early|late|anfang|ende|mitte)\s+)?"
            + _MONTH
            + r"(?:\s+"
            + _YEAR
            + r")?"
        ),
        _in_month,
    ),
    (
        _compile(
            r"(?:" + _SINCE + r"|(?:on|am)\s+|(?P<last>last|previous|letzten|vorigen|vergangenen)\s+)?" + _WEEKDAY
        ),
        _weekday,
    ),
    (_compile(r"(?:" + _SINCE + r"|(?:in|im\s+jahr(?:e)?|during|from|aus|of)\s+)" + _YEAR), _in_year),
    (_compile(_YEAR + r"(?=\s+(?:" + _AFTER_A_YEAR + r")\b|\s*[?.!,]|\s*$)"), _verbs_year),
    (_compile(_YEAR), _participles_year),
]
