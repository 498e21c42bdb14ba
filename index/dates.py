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

The expressions' words and patterns, and the days each means, are index/datepatterns.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from index.datepatterns import (
    _OTHER_NEW,
    _OTHER_NEWS,
    _OTHER_RECENT,
    _OTHER_TODAY,
    _OTHER_YESTERDAY,
    _PATTERNS,
    _TOMORROW_EXPRESSION,
    DAY_PARTS,
    MONTHS,
    MONTHS_DE,
    MONTHS_EN,
    WEEKDAYS,
    WEEKDAYS_DE,
    WEEKEND,
    WEEKEND_DAYS,
)
from index.language import LETTER_WORD_RE, question_language
from index.lexical import fold, tokenize

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
    r"|meldungen|schlagzeilen?|artikel|berichte|überblick|übersicht|updates?|zusammenfassung|zusammenfassen|zusammen"
    r"|interesting"
    r"|interessant\w*|spannend\w*|topics|themen|hauptthemen"
    # "Top", "Topnews", "Top 5", "Breaking" sent alone: the newest articles (each was listed as a topic of that name)
    r"|top-?news|top-?meldung(?:en)?|top|breaking"
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
    if _SHARED_CUE.fullmatch(cue.strip()):  # "Gibt es Updates?": the question's
        return question_language(question) or "en"
    return "en" if _WORD_OF_THREE.search(cue) else ""


# Words of the present German writes as English does: the question's language decides.
_SHARED_CUE = re.compile(r"updates?", re.IGNORECASE)
# Words that make a date expression German (month names both languages share tell nothing).
_GERMAN_NAMES = [name for name in [*MONTHS_DE, *WEEKDAYS_DE, "maerz", "jänner", "sonnabend"] if name not in MONTHS_EN]
_GERMAN_CUE = re.compile(
    r"\b(?:heute|gestern|vorgestern|seit|woche|wochen|monat|jahr|jahre|tagen|am|im|vom|von|vor|für|der|den|dem"
    r"|diese[nrms]?|letzte[nrs]?|vorige[nrs]?|vergangene[nrs]?|wochenende|aktuell\w*|neu\w*|jüngste\w*|zuletzt"
    r"|kürzlich|morgen|übermorgen|nachrichten|neuigkeiten|meldungen|schlagzeilen?|artikel|berichte|überblick|übersicht"
    r"|zusammen\w*"
    r"|themen|hauptthemen|los|top-?meldung(?:en)?"
    r"|interessant\w*|spannend\w*|" + "|".join(_GERMAN_NAMES) + r")\b",
    re.IGNORECASE,
)

# Words of a question that ask for nothing in particular: with the date and these gone, nothing is left to look for.
GENERIC_WORDS = frozenset(
    fold(word)
    for word in """
        happen happened happening happens going go on news new newest latest recent recently headline
        headlines story stories article articles report reports reported there any anything something tell update
        updates übersicht
        me show give list us our about today yesterday week month year so far what's whats been has have had
        up is are was were all everything else important main top please can could would you passiert
        passierte geschehen geschah los gibt gab gegeben neues neue neu neueste neuesten aktuell aktuelle
        aktuellen nachrichten neuigkeiten meldungen schlagzeilen artikel berichte bericht alles wichtiges
        wichtigste mir uns zeig zeige sag sage bitte denn so heute gestern woche monat jahr es ist sind war
        waren hat haben kannst können du was will wird werden summary summaries summarize summarise overview
        briefing steht stehen fasse fass zusammen zusammenfassung zusammenfassen überblick schlagzeile
        interesting interessant interessantes interessante interessanten spannend spannendes spannende
        erzähl erzähle erzählen etwas most biggest breaking topics themen hauptthemen wichtigsten wichtigen topnews
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


# the word before a date expression that a reply's own "from" already says
_LEADING_OF = re.compile(r"^(?:(?:on|from|of|for|during|von|vom|für|am|de|del|du|di|van|z|za|за|з|от)\s+|d['’])", re.I)


# The first words of a date expression written in lower case inside a sentence: a message that is only the expression
# starts with a capital ("Heute") that a reply repeating it after the dates ("(heute)") must not keep. Not the nouns
# ("Anfang Dezember", "Ende Januar") nor the names of months and days.
LOWER_CASE_OPENINGS = frozenset(
    "today yesterday tonight this last past since in on at during heute gestern vorgestern diese dieser dieses diesen"
    " letzte letzten letzter letztes seit im am an".split()
)


def _day_named(word: str) -> str:
    """The word without the part of the day German joins to a weekday: "montagabend" -> "montag"."""
    for part in DAY_PARTS:
        if word.endswith(part) and word[: -len(part)] in WEEKDAYS:
            return word[: -len(part)]
    return word


@dataclass(frozen=True)
class DateRange:
    """Publication dates from `start` (inclusive) to `end` (exclusive); `expression` is the question's words."""

    start: datetime
    end: datetime
    expression: str

    @property
    def said(self) -> str:
        """The expression as a reply repeats it after the days it means: without the word that says "of" or "from"
        ("of today": "today", "vom 1. Dezember": "1. Dezember", "de hoy": "hoy", "за сегодня": "сегодня"), and a
        message's capital off a word written in lower case ("Heute" alone: "heute")."""
        said = _LEADING_OF.sub("", self.expression, count=1) or self.expression
        first = LETTER_WORD_RE.match(said)
        if first is not None and first.group().lower() in LOWER_CASE_OPENINGS:
            return first.group().lower() + said[first.end() :]
        return said

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
        an undated one that says "am Dienstag" or "am Dienstagabend", may tell what happened then."""
        years = self.years
        if years:
            return any(year in text for year in years)
        names = set(self.names)
        return bool(names) and any(_day_named(word) in names for word in LETTER_WORD_RE.findall(text.lower()))

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
