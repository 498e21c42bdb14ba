"""Dates in questions: "yesterday", "seit Montag", "in September", "am 1. Dezember" -> a publication-date range.

    parse_question("What happened yesterday?", now) -> DateQuery(text="What happened?", published=DateRange(
                                                        2026-12-01 00:00, 2026-12-02 00:00, "yesterday"), ...)

English and German. Every range is a half-open interval [start, end) of local days in `now`'s time zone (UTC when
`now` is naive), relative to `now`; an expression without a year means the latest such date not after `now`
("in September" asked in March means last September). Only one expression per question is read: the first. A bare
year counts only with a preposition ("in 2024", "im Jahr 2024", "since 2024") or right after a verb, as German says
when ("Wer kaufte 2022 den Klub?"): in "the 2024 floods" it names the event, not when the news was published.

`recent` marks questions about the present ("latest", "neueste", "aktuell"): they prefer newer articles. `broad`
marks questions with nothing to look for but the date or the present ("What happened today?", "Was gibt es
Neues?"): those are answered with the matching headlines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from index.language import LETTER_WORD_RE, question_language
from index.lexical import fold, tokenize

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
# question that starts with "Morgen" may be tomorrow or the title: it only prefers newer news (_RECENT_WORDS).
_TOMORROW = (
    r"(?:(?:for|für)\s+)?(?:(?:the\s+)?day\s+after\s+)?tomorrow(?:['’]s)?|übermorgen"
    r"|(?<!am )(?<!den )(?<!heute )(?<!gestern )(?<!jeden )(?<!diesen )(?<!guten )(?<!einen )(?-i:morgen)"
)
TOMORROW_NEWS_DAYS = 7
# French, Spanish, Italian, Dutch, Portuguese, Polish, Russian and Ukrainian words of the present, each kind in one
# place: for the patterns below and for the language of a list's heading (`_OTHER_CUES`). A word two languages write
# ("últimas", "нового") is the question's language's.
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
# Questions about the present: they prefer newer articles. "new"/"neu" is so common in questions ("What new rules
# …?") that it counts only in a question that asks for nothing else ("What's new?", "Was gibt es Neues?"), and
# never before a name ("New York").
_RECENT_WORDS = re.compile(
    r"\b(?:latest|newest|most\s+recent|recent|recently|current|currently|aktuell\w*|neueste\w*|jüngste\w*"
    r"|zuletzt|kürzlich|^morgen"
    # other languages: "les dernières nouvelles", "las últimas noticias", "het laatste nieuws", "последние новости"
    r"|" + "|".join(_OTHER_RECENT.values()) + r")\b",
    re.IGNORECASE,
)
_NEW_WORDS = re.compile(
    r"\b(?:new|neu|neue|neues|neuen|" + "|".join(_OTHER_NEW.values()) + r")\b"
    r"(?!\s+(?:York|Zealand|Delhi|Jersey|Orleans|Zürcher|Zelanda))",
    re.IGNORECASE,
)
# Asking for the news as a whole ("What are the headlines?", "Summarize the news", "Was steht in den Nachrichten?")
# is asking about the present, when the question asks for nothing else: "news about the ECB" asks about the ECB.
_OVERVIEW_WORDS = re.compile(
    r"\b(?:news|headlines?|stories|articles|summar(?:y|ies|ize|ise)|overview|briefing|nachrichten|neuigkeiten"
    r"|meldungen|schlagzeilen?|artikel|berichte|überblick|zusammenfassung|zusammenfassen|zusammen|interesting"
    r"|interessant\w*|spannend\w*|topics|themen|hauptthemen"
    # "What's going on?", "What is happening in the world?", "Was ist los?": the news of these days
    r"|happening|going\s+on|los"
    # "Quelles sont les nouvelles ?", "¿Hay noticias?", "Ci sono notizie?", "Nieuws?", "Новости?"
    r"|" + "|".join(_OTHER_NEWS.values()) + r")\b",
    re.IGNORECASE,
)

# How many headlines a request for them asks for: "Top 5 headlines", "the 3 latest articles", "die 3 neuesten
# Artikel" (at most MAX_HEADLINE_COUNT, as /latest shows); only when the question asks for nothing else.
_HEADLINE_COUNT = re.compile(
    r"\btop\s+(?P<top>\d{1,2})\b|\b(?P<n>\d{1,2})\s+(?=(?:(?:latest|newest|most\s+recent|recent|top|neueste[n]?"
    r"|letzte[n]?|aktuellste[n]?|wichtigste[n]?)\s+)?(?:news|headlines?|stories|articles|artikel|nachrichten"
    r"|schlagzeilen|meldungen)\b)",
    re.IGNORECASE,
)
MAX_HEADLINE_COUNT = 20

_WORD_OF_THREE = re.compile(r"[^\W\d_]{3,}")
# The words of a date or the present in the other languages, for the language of a list's heading
_OTHER_CUES = {
    language: re.compile(
        r"\b(?:"
        + "|".join(
            words[language] for words in (_OTHER_NEW, _OTHER_NEWS, _OTHER_RECENT, _OTHER_YESTERDAY, _OTHER_TODAY)
        )
        + r")\b",
        re.IGNORECASE,
    )
    for language in _OTHER_NEW
}


def _cue_language(cue: str, question: str) -> str:
    """The language the words of a date or the present are in: German, a language of `_OTHER_CUES`, else English;
    of two that write them ("últimas": Spanish, Portuguese), the question's; "" for words that say none (a year alone,
    "in 2024")."""
    if not cue:
        return ""
    others = [language for language, words in _OTHER_CUES.items() if words.search(cue)]
    if others:  # before German's: "neuf" is no "neu…"
        asked = question_language(question) if len(others) > 1 else ""
        return asked if asked in others else others[0]
    if _GERMAN_CUE.search(cue):
        return "de"
    return "en" if _WORD_OF_THREE.search(cue) else ""


# Words that make a date expression German (month names both languages share tell nothing).
_GERMAN_NAMES = [name for name in [*MONTHS_DE, *WEEKDAYS_DE, "maerz", "jänner", "sonnabend"] if name not in MONTHS_EN]
_GERMAN_CUE = re.compile(
    r"\b(?:heute|gestern|vorgestern|seit|woche|wochen|monat|jahr|jahre|tagen|am|im|vom|von|vor|für|der|den|dem"
    r"|diese[nrms]?|letzte[nrs]?|vorige[nrs]?|vergangene[nrs]?|wochenende|aktuell\w*|neu\w*|jüngste\w*|zuletzt"
    r"|kürzlich|morgen|übermorgen|nachrichten|neuigkeiten|meldungen|schlagzeilen?|artikel|berichte|überblick|zusammen\w*"
    r"|themen|hauptthemen|los"
    r"|interessant\w*|spannend\w*|" + "|".join(_GERMAN_NAMES) + r")\b",
    re.IGNORECASE,
)

# Words of a question that ask for nothing in particular: with the date and these gone, nothing is left to look for.
GENERIC_WORDS = frozenset(
    fold(word)
    for word in """
        happen happened happening happens going go on news new newest latest recent recently headline
        headlines story stories article articles report reports reported there any anything something tell
        me show give list us our about today yesterday week month year so far what's whats been has have had
        up is are was were all everything else important main top please can could would you passiert
        passierte geschehen geschah los gibt gab gegeben neues neue neu neueste neuesten aktuell aktuelle
        aktuellen nachrichten neuigkeiten meldungen schlagzeilen artikel berichte bericht alles wichtiges
        wichtigste mir uns zeig zeige sag sage bitte denn so heute gestern woche monat jahr es ist sind war
        waren hat haben kannst können du was will wird werden summary summaries summarize summarise overview
        briefing steht stehen fasse fass zusammen zusammenfassung zusammenfassen überblick schlagzeile
        interesting interessant interessantes interessante interessanten spannend spannendes spannende
        erzähl erzähle erzählen etwas most biggest breaking topics themen hauptthemen wichtigsten wichtigen
        größten world welt
        quoi de neuf nouveau quelles quels sont les la le des du il y a est ce que qu dernières derniers dernière
        nouvelles actualités actus infos titres aujourd hui monde
        qué que hay nuevo nuevas las los el últimas últimos noticias novedades titulares cuáles cuales son hoy mundo
        cosa c è di nuovo nuove ultime ultimi notizie novità titoli quali sono ci oggi mondo
        qui passé passe arrivé pasó paso ocurrió ocurrio sucedió sucedio successo accaduto
        wat er het zijn nieuw nieuwe nieuws nieuwtjes laatste nieuwste van vandaag gisteren gebeurd gebeurde gebeurt
        wereld
        o que há de novo novidades quais são as os últimas últimos recentes notícias manchetes hoje ontem aconteceu
        co nowego nowe jakie są najnowsze najnowszych ostatnie ostatnich wiadomości nowości nagłówki dzisiaj dziś
        wczoraj się stało wydarzyło świecie
        что нового новое какие последние последних свежие новости новостей заголовки за сегодня вчера случилось
        произошло мире
        що нове які останні останніх свіжі новини новин сьогодні вчора сталося трапилося відбулося світі
    """.split()
)


# When the asker read or heard of it is no date of the news: "I read yesterday that …", "Yesterday I heard …",
# "Ich habe gestern gelesen, dass …". Such a date is in the same part of the sentence (up to "that", "dass", a
# comma) as a first-person verb of reading or hearing; "I read that yesterday the army …" dates the news.
_ASKER_PERCEIVED = re.compile(
    r"\b(?:i|we)(?:['’]ve|\s+have|\s+had)?\s+(?:just\s+|already\s+|only\s+)?(?:read|heard|saw|seen|learn(?:ed|t)"
    r"|(?:was|were)\s+told)\b"
    r"|\b(?:ich|wir)\s+(?:habe|hab|haben|hatte|hatten)\b.*\b(?:gelesen|gehört|gesehen|erfahren|mitbekommen)\b"
    r"|\b(?:habe|hab|haben|hatte|hatten)\s+(?:ich|wir)\b.*\b(?:gelesen|gehört|gesehen|erfahren|mitbekommen)\b"
    r"|\b(?:ich|wir)\s+(?:las|lasen|hörte|hörten|sah|sahen)\b"
    r"|\b(?:las|lasen|hörte|hörten|sah|sahen)\s+(?:ich|wir)\b",
    re.IGNORECASE,
)
_OF_THE_NEWS = re.compile(r"(?:from|of|vom|von|aus)\b", re.IGNORECASE)
_PART_BOUNDARY = re.compile(r"[.!?;:,]|\b(?:that|dass|daß)\b", re.IGNORECASE)


def _when_the_asker_heard(match: re.Match[str]) -> bool:
    """Whether the date expression says when the asker read or heard of the news, not when it happened."""
    text, start, end = match.string, match.start(), match.end()
    # "yesterday's news", "the news from yesterday": the news of that day
    if text[end : end + 2] in ("'s", "’s") or _OF_THE_NEWS.match(match.group(0)):
        return False
    before = [m.end() for m in _PART_BOUNDARY.finditer(text, 0, start)]
    after = _PART_BOUNDARY.search(text, end)
    part = text[before[-1] if before else 0 : after.start() if after else len(text)]
    return _ASKER_PERCEIVED.search(part) is not None


# A year the question's date expression names ("in January 2012", "im Jahr 1901"): a later article that names it
# may report that time's news.
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class DateRange:
    """Publication dates from `start` (inclusive) to `end` (exclusive); `expression` is the question's words."""

    start: datetime
    end: datetime
    expression: str

    @property
    def years(self) -> tuple[str, ...]:
        """The years the expression names: ("2012",) for "in January 2012", () for "yesterday"."""
        return tuple(YEAR_RE.findall(self.expression))

    @property
    def names(self) -> tuple[str, ...]:
        """How a text names these dates as the question does: the years it names; without one, its months or
        weekdays, in English and German ("am Dienstag": tuesday, dienstag; "at the weekend": the weekend, Saturday
        and Sunday); () for "yesterday" or "last week"."""
        if self.years:
            return self.years
        words = set(LETTER_WORD_RE.findall(self.expression.lower()))
        weekend = bool(words & WEEKEND)
        months = sorted({MONTHS[w] for w in words if w in MONTHS})
        weekdays = sorted({WEEKDAYS[w] for w in words if w in WEEKDAYS} | (WEEKEND_DAYS if weekend else set()))
        return tuple(
            [name for month in months for name, number in MONTHS.items() if number == month]
            + [name for day in weekdays for name, number in WEEKDAYS.items() if number == day]
            + (sorted(WEEKEND) if weekend else [])
        )

    def named_in(self, text: str) -> bool:
        """Whether the text names these dates as the question does (`names`): a later article that names "2012",
        an undated one that says "am Dienstag", may tell what happened then."""
        years = self.years
        if years:
            return any(year in text for year in years)
        names = set(self.names)
        return bool(names) and any(word in names for word in LETTER_WORD_RE.findall(text.lower()))

    def may_report(self, timestamp: float | None) -> bool:
        """Whether an article published then may report this range's news: on or after its start, or undated (its
        date is unknown). A question about January 2012 may be answered by a 2015 article that looks back."""
        return not timestamp or timestamp >= self.start_ts

    @property
    def start_ts(self) -> float:
        return self.start.timestamp()

    @property
    def end_ts(self) -> float:
        return self.end.timestamp()

    def contains(self, timestamp: float | None) -> bool:
        return timestamp is not None and self.start_ts <= timestamp < self.end_ts

    @property
    def days(self) -> str:
        """`2026-12-02`, or `2026-11-23 to 2026-11-29` for several days."""
        return self.span(" to ")

    def span(self, to: str) -> str:
        """The first and last day, joined by `to` (" to ", " bis "); one day alone."""
        first = self.start.date()
        last = (self.end - timedelta(microseconds=1)).date()
        return first.isoformat() if first == last else f"{first.isoformat()}{to}{last.isoformat()}"

    def where(self) -> dict[str, object]:
        """A Chroma `where` filter on the chunk metadata's `published_ts` (undated chunks hold 0 and never match)."""
        return {"$and": [{"published_ts": {"$gte": self.start_ts}}, {"published_ts": {"$lt": self.end_ts}}]}


@dataclass(frozen=True)
class DateQuery:
    """What a question says about time: the question without its date expression, the date range asked about,
    whether it asks for the latest news, and whether the date or the present is all it asks about."""

    text: str
    published: DateRange | None = None
    recent: bool = False
    broad: bool = False
    #: "de" when the words that carry the date or the present are German, "en" when English, else ""
    language: str = ""
    #: how many headlines a request for them asks for ("Top 5 headlines"); 0: as many as are shown
    count: int = 0

    @property
    def about_time(self) -> bool:
        return self.published is not None or self.recent


def parse_now(value: str | datetime | None) -> datetime:
    """`now` as an aware datetime: an ISO date or date-time (a date means its noon; a naive time is UTC), or the
    real clock for None or ""."""
    if value is None or value == "":
        return datetime.now(UTC).astimezone()
    if isinstance(value, datetime):
        moment = value
    else:
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(
                f"not an ISO date or date-time: {value!r}; write e.g. 2026-12-02 or 2026-12-02T09:30+01:00"
            ) from exc
        if len(text) == 10:
            moment = moment.replace(hour=12)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_question(question: str, now: datetime) -> DateQuery:
    """The question's date expression as a range relative to `now`, and the question without it."""
    now = parse_now(now)
    found: tuple[int, int, DateRange] | None = None
    for pattern, handler in _PATTERNS:
        for match in pattern.finditer(question):
            span = handler(match, now)
            if span is None or _when_the_asker_heard(match):
                continue
            # the first expression in the question wins, of two starting there the longer
            if found is None or (match.start(), -match.end()) < (found[0], -found[1]):
                found = (match.start(), match.end(), DateRange(*span, " ".join(match.group(0).split())))
            break
    published = found[2] if found else None
    text = _tidy(question[: found[0]] + " " + question[found[1] :]) if found else question
    counted = _HEADLINE_COUNT.search(text)
    uncounted = _HEADLINE_COUNT.sub(" ", text)
    remaining = [t for t in tokenize(_NEW_WORDS.sub(" ", _RECENT_WORDS.sub(" ", uncounted))) if t not in GENERIC_WORDS]
    overview = None if published else _OVERVIEW_WORDS.search(text)  # "the news from yesterday": that day's
    recency = _RECENT_WORDS.search(text) or (None if remaining else _NEW_WORDS.search(text) or overview)
    broad = (published is not None or recency is not None) and not remaining
    # of the news of the days before tomorrow, the newest tells most
    ahead = published is not None and _TOMORROW_EXPRESSION.fullmatch(published.expression) is not None
    cue = published.expression if published else recency.group(0) if recency else ""
    # a year alone ("Wer kaufte 2022 den Klub?") or "in 2024" says no language: the question's then decides
    language = _cue_language(cue, question)
    count = int(counted.group("top") or counted.group("n")) if counted and broad else 0
    return DateQuery(
        text=text or question,
        published=published,
        recent=bool(recency) or ahead,
        broad=broad,
        language=language,
        count=min(count, MAX_HEADLINE_COUNT),
    )


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([?.!,;:])", r"\1", " ".join(text.split()))
    return text.strip(" ,;:")


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
]
