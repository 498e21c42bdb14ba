"""Headlines: the answer to a question that asks only about a date or the present ("What happened today?", "Was
gibt es Neues?") lists the matching articles, newest first, each cited, instead of one arbitrary sentence; so does
a request for the news on a topic ("News about Greece", "Was gibt es Neues zu Griechenland?"), with the articles
retrieved for the topic once the answerer found that the news covers it.

    What happened today?  ->  Articles from 2026-12-02 (today):
                              • ECB raises rates [1]
                              • Storm closes Hamburg port [2]
    News about the ECB    ->  Articles about “the ECB”, newest first:
                              • ECB raises rates [1]
                              • Lagarde warns of inflation [2]

A question about what the bot has read gets the archive's figures instead (`index/answerers/archive.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from index.answerers.base import SNIPPET_CHARS
from index.answerers.question_openings import OPENS_WITH_QUESTION_WORD
from index.dates import DateQuery
from index.language import is_known_word
from index.lexical import INFLECTIONS, content_words, fold, one_letter_apart, tokenize
from index.models import Answer, ArticleMeta, Hit, Source, StoredArticle
from index.text import shorten

MAX_HEADLINES = 10
#: a word at least this long also names its topic at the start of a compound ("Fußball" in "Fußballverband")
COMPOUND_LETTERS = 6
#: a word at least this long names a described topic alone ("rail" of "the rail strike")
DESCRIBING_LETTERS = 4
#: which texts render a topic in another language: the whole topic, then each word (index/renderings.py)
Rendered = Callable[[str, Sequence[str]], Sequence[tuple[bool, ...]]]
#: a longer "topic" is a question that happens to start like a request ("Tell me about the man who …")
MAX_TOPIC_WORDS = 8

_LATEST = r"(?:(?:the|some|any|all\s+the)\s+)?(?:(?:latest|newest|recent|current)\s+)?"
_NEWS = r"(?:news|headlines|stories|articles|updates?|reports)"
_ABOUT = r"(?:about|on|regarding|concerning)"
_NEUESTE = r"(?:(?:die|der|den)\s+)?(?:(?:neuesten|aktuellen|letzten|jüngsten)\s+)?"
_NACHRICHTEN = r"(?:neues|neuigkeiten|nachrichten|news|meldungen|artikel|schlagzeilen|berichte|infos?|informationen)"
_ZU = r"(?:zu[mr]?|über|von|vom|aus|bei|beim|in|im|rund\s+um)"
_SUMMARY = r"(?:an?\s+)?(?:(?:short|brief|quick)\s+)?(?:summary|overview|round-?up|recap)"
_ZUSAMMENFASSUNG = r"(?:eine[nr]?\s+)?(?:kurze[nr]?\s+)?(?:zusammenfassung|überblick)"
# Requests for the news on a topic; the topic is what follows. The date expression is gone before these are read
# ("News about Greece from yesterday" -> "News about Greece").
TOPIC_REQUESTS = [
    re.compile(rf"^{lead}\s*(?P<topic>.+?)[\s?.!]*$", re.IGNORECASE)
    for lead in (
        # "tell me about …", "show me the latest news on …", "give me everything about …"
        rf"(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:tell|show|give|find)\s+me\s+{_LATEST}"
        rf"(?:{_NEWS}\s+|more\s+|something\s+|anything\s+|everything\s+|what\s+you\s+know\s+)?{_ABOUT}\s",
        # "news about …", "any news on …", "latest headlines from …"
        rf"{_LATEST}{_NEWS}\s+(?:{_ABOUT}|from|in|of)\s",
        # "what's new in …", "what is the news on …", "what is in the news about …"
        rf"what(?:'s|’s|\s+is|\s+are)\s+(?:new|{_LATEST}{_NEWS}|in\s+the\s+news)\s+(?:{_ABOUT}|with|in|from|at)\s",
        # "what's the latest on …", "Was ist das Neueste zu …" (each got one sentence)
        rf"what(?:'s|’s|\s+is)\s+(?:the\s+)?(?:latest|newest)\s+(?:{_ABOUT}|with|in|from)\s",
        rf"was\s+ist\s+das\s+(?:neueste|aktuellste|letzte)\s+{_ZU}\s",
        # "is there any news about …", "are there new articles on …"
        rf"(?:is|are)\s+there\s+(?:any\s+)?(?:(?:new|latest|recent)\s+)?{_NEWS}\s+(?:{_ABOUT}|from|in)\s",
        # "what do you know about …", "what does the news say about …"
        # and "what do you think about …": the bot holds no opinion, the articles on it are what it has
        r"what\s+(?:do\s+you\s+know|does\s+the\s+news\s+say|do\s+the\s+news\s+say)\s+about\s",
        r"what\s+do\s+you\s+think\s+(?:about|of)\s",
        # "Was gibt es Neues zu …", "Neuigkeiten über …", "die neuesten Nachrichten zur …"
        rf"(?:was\s+gibt\s+es\s+(?:an\s+)?|gibt\s+es\s+(?:etwas\s+|was\s+)?)?{_NEUESTE}{_NACHRICHTEN}\s+{_ZU}\s",
        # "Erzähl mir etwas über …", "Zeig mir die Nachrichten zu …"
        r"(?:erzähl|erzähle|erzählen\s+sie|sag|sage|sagen\s+sie|zeig|zeige|zeigen\s+sie)\s+mir\s+"
        rf"(?:(?:etwas|was|mehr|alles|{_NEUESTE}{_NACHRICHTEN})\s+)?(?:über|zu[mr]?|von|vom)\s",
        # "Was weißt du über …", "Was sagen die Nachrichten zu …"
        r"was\s+(?:weißt\s+du|weisst\s+du|wissen\s+sie|sagen\s+die\s+nachrichten|steht\s+in\s+den\s+nachrichten"
        r"|hältst\s+du|halten\s+sie|denkst\s+du|denken\s+sie)"
        r"\s+(?:über|zu[mr]?|von|vom)\s",
        # "Summarize the news about …", "Can you sum up what you know about …"
        rf"(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:summari[sz]e|sum\s+up|recap)\s+(?:for\s+me\s+)?"
        rf"(?:{_LATEST}{_NEWS}\s+|what\s+(?:you\s+know|the\s+news\s+says?|happened)\s+|everything\s+)?"
        rf"(?:{_ABOUT}|from|in|of|with)\s",
        # "Give me a summary of the news about …", "An overview of …", "I'd like a short recap on …"
        rf"(?:please\s+)?(?:(?:(?:can|could|would)\s+you\s+)?(?:give|show|get)\s+me\s+|i(?:['’]d|\s+would)\s+like\s+"
        rf"|i\s+want\s+)?{_SUMMARY}\s+(?:of|on|about)\s+(?:{_LATEST}{_NEWS}\s+(?:{_ABOUT}|from|in|of)\s+)?",
        # "Zusammenfassung der Nachrichten zu …", "Gib mir einen Überblick über …"
        rf"(?:(?:gib|geben\s+sie)\s+mir\s+(?:bitte\s+)?)?{_ZUSAMMENFASSUNG}\s+"
        rf"(?:(?:der|über\s+die)\s+{_NEUESTE}{_NACHRICHTEN}\s+)?{_ZU}\s",
    )
]
# "How many articles about … do you have?", "Wie viele Artikel gibt es über …?": its list, with how many more.
TOPIC_REQUESTS += [
    re.compile(
        rf"^how\s+many\s+(?:news\s+)?{_NEWS}\s+(?:are\s+there\s+|do\s+you\s+have\s+|have\s+you\s+(?:read|got)\s+)?"
        rf"{_ABOUT}\s+(?P<topic>.+?)(?:\s+(?:do\s+you\s+have|are\s+there|have\s+you\s+(?:read|got)|did\s+you\s+read))?"
        r"[\s?.!]*$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^wie\s+viele\s+{_NACHRICHTEN}\s+(?:gibt\s+es\s+|hast\s+du\s+|kennst\s+du\s+|haben\s+sie\s+)?"
        r"(?:über|zu[mr]?|von|vom)\s+(?P<topic>.+?)(?:\s+(?:gibt\s+es|hast\s+du|kennst\s+du|haben\s+sie))?[\s?.!]*$",
        re.IGNORECASE,
    ),
]
# The articles themselves or where to read them: "Show me the article about Philae", "Give me the links to the
# articles on Brexit", "Where can I read more about Puerto Rico?", "Zeig mir den Artikel über Philae", "Wo kann ich
# mehr über Philae lesen?" (each got one sentence, or a doubted one)
_ARTICLE = r"(?:articles?|stor(?:y|ies)|reports?|pieces?|coverage|sources?)"
_BEITRAG = r"(?:artikeln?|berichte?n?|meldungen?|beitr[äa]ge?n?|quellen?)"
TOPIC_REQUESTS += [
    re.compile(
        r"^(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:show|give|send|find|get|list)\s+(?:me\s+)?"
        rf"(?:(?:the|a|an|all(?:\s+the)?|your)\s+)?(?:links?\s+to\s+(?:the\s+)?)?{_ARTICLE}\s+"
        rf"(?:{_ABOUT}|mentioning|that\s+mentions?)\s+(?P<topic>.+?)[\s?.!]*$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^where\s+(?:can|could|do|should)\s+i\s+(?:read|find|learn|get)\s+(?:more\s+)?{_ABOUT}\s+(?P<topic>.+?)[\s?.!]*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:bitte\s+)?(?:zeig|zeige|zeigen\s+sie|gib|geben\s+sie|schick|schicke|such|suche|finde)\s+(?:mir\s+)?"
        rf"(?:bitte\s+)?(?:(?:den|die|das|einen|eine|alle)\s+)?(?:links?\s+zu[mr]?\s+(?:den\s+)?)?{_BEITRAG}\s+"
        r"(?:über|zu[mr]?|von|vom|mit)\s+(?P<topic>.+?)[\s?.!]*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^wo\s+(?:kann|könnte|soll)\s+ich\s+(?:mehr\s+)?(?:über|zu[mr]?)\s+(?P<topic>.+?)\s+"
        r"(?:lesen|erfahren|finden|nachlesen)[\s?.!]*$",
        re.IGNORECASE,
    ),
]
# Which outlets reported something: its articles, each listed with its outlet ("Which outlets reported on the
# crash?", "Welche Medien berichten über den Absturz?"); not "Which news agency reported the fire?", which asks
# for the agency an article names
TOPIC_REQUESTS += [
    re.compile(
        r"^(?:which|what)\s+(?:outlets|newspapers|papers|media|news\s+sites|sites|websites)\s+(?:have\s+|has\s+)?"
        r"(?:reported|report|wrote|written|write|covered|cover)\s+(?:on\s+|about\s+)?(?P<topic>.+?)[\s?.!]*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^welche\s+(?:medien|zeitungen|nachrichtenseiten|seiten)\s+(?:haben\s+|berichten\s+|berichteten\s+"
        r"|schreiben\s+|schrieben\s+)?(?:über|zu[mr]?|von)\s+(?P<topic>.+?)(?:\s+(?:berichtet|geschrieben))?[\s?.!]*$",
        re.IGNORECASE,
    ),
]


def _led(leads: tuple[str, ...], articles: str) -> list[re.Pattern[str]]:
    """A request for news on a topic for each of `leads` ("Nieuws over "), the topic after an optional article."""
    return [re.compile(rf"^{lead}(?:{articles})?(?P<topic>.+?)[\s?.!]*$", re.IGNORECASE) for lead in leads]


# The same in French, Spanish and Italian: "Des nouvelles de la Grèce ?", "Quoi de neuf sur Apple ?", "Noticias sobre
# Grecia", "¿Qué hay de nuevo sobre Apple?", "Notizie sulla Grecia", "Cosa c'è di nuovo su Apple?" (each got a
# doubted sentence; the answer's frame speaks these languages)
TOPIC_REQUESTS += _led(
    (
        r"(?:(?:quelles|quels)\s+sont\s+)?(?:les\s+|des\s+)?(?:derni[èe]res\s+)?(?:nouvelles|actualités|infos|articles)"
        r"\s+(?:sur|de|du|des|à\s+propos\s+de|concernant)\s+",
        r"quoi\s+de\s+(?:neuf|nouveau)\s+(?:sur|à\s+propos\s+de|concernant|avec|du\s+côté\s+de)\s+",
        r"(?:(?:qué|cuáles)\s+(?:son\s+)?)?(?:las\s+|los\s+)?(?:últim[oa]s\s+)?(?:noticias|novedades|artículos)"
        r"\s+(?:sobre|de|del|acerca\s+de)\s+",
        r"(?:qué\s+hay\s+de\s+nuevo|qué\s+se\s+sabe)\s+(?:sobre|de|del|con|acerca\s+de)\s+",
        r"(?:(?:quali)\s+(?:sono\s+)?)?(?:le\s+)?(?:ultime\s+)?(?:notizie|novità|articoli)"
        r"\s+(?:su|sul|sulla|sui|sulle|sullo|di|del|della|riguardo\s+a)\s+",
        r"(?:cosa|che)\s+c['’]?\s*è\s+di\s+nuovo\s+(?:su|sul|sulla|sui|sulle|sullo|riguardo\s+a|con)\s+",
    ),
    r"(?:la|le|les|el|los|las|il|lo|gli)\s+|l['’]\s*",
)
# And in Dutch, Portuguese, Polish, Russian and Ukrainian: "Nieuws over Griekenland", "Wat is er nieuw over Apple?",
# "Notícias sobre a Grécia", "O que há de novo sobre a Apple?", "Wiadomości o Grecji", "Co nowego w sprawie Apple?",
# "Новости о Греции", "Что нового про Apple?", "Новини про Грецію", "Що нового про Apple?" (each got a doubted
# sentence). Polish, Russian and Ukrainian topics keep the case they are asked in ("Grecji", "Греции").
TOPIC_REQUESTS += _led(
    (
        r"(?:(?:is|zijn)\s+er\s+(?:nog\s+)?)?(?:(?:wat\s+is\s+)?het\s+)?(?:laatste\s+|nieuwste\s+)?"
        r"(?:nieuws|berichten|artikelen)\s+(?:over|van|uit|omtrent|rond)\s+",
        r"wat\s+is\s+er\s+(?:nieuw|nieuws|het\s+laatste)\s+(?:over|met|bij|omtrent|rond|uit|in)\s+",
        r"(?:quais\s+são\s+)?(?:as\s+)?(?:últimas\s+)?(?:notícias|novidades|artigos|manchetes)"
        r"\s+(?:sobre|de|da|do|das|dos|acerca\s+d[aoe]s?)\s+",
        r"o\s+que\s+(?:há|ha)\s+de\s+novo\s+(?:sobre|com|em|n[ao]s?|acerca\s+d[aoe]s?)\s+",
        r"(?:jakie\s+są\s+)?(?:najnowsze\s+|ostatnie\s+)?(?:wiadomo[śs]ci|nowo[śs]ci|informacje|artykuły)"
        r"\s+(?:o|na\s+temat|w\s+sprawie|dotyczące|z|ze)\s+",
        r"co\s+(?:nowego|słychać)\s+(?:o|na\s+temat|w\s+sprawie|u|w|we|z|ze)\s+",
        r"(?:какие\s+)?(?:последние\s+|свежие\s+)?(?:новости|статьи)\s+(?:о|об|обо|про|по|из)\s+",
        r"что\s+(?:нового|слышно)\s+(?:о|об|обо|про|по|в|у|с)\s+",
        r"(?:які\s+)?(?:останні\s+|свіжі\s+)?(?:новини|статті)\s+(?:про|щодо|з|із|по)\s+",
        r"що\s+(?:нового|чути)\s+(?:про|щодо|в|у|з)\s+",
    ),
    r"(?:de|het|a|o|os|as)\s+",
)
# News named by its subject: "Any sports news?", "Tech headlines", "Gibt es Sportnachrichten?" (the compound's first
# part, without a joining s when the rest is a word: "Wirtschaftsnachrichten" -> "Wirtschaft"); not kinds of news
# ("Breaking news", "Good news", "Kurzmeldungen", "Tagesnachrichten"), which ask for none in particular.
SUBJECT_NEWS = re.compile(
    r"^(?:(?:are\s+there|is\s+there|do\s+you\s+have|have\s+you\s+got|(?:show|give)\s+me)\s+)?"
    r"(?:(?:any|some|the)\s+)?(?:(?:latest|newest|recent)\s+)?(?P<topic>[^\W\d_][\w.&'’-]*)\s+"
    r"(?:news|headlines|stories|updates)[\s?.!]*$",
    re.IGNORECASE,
)
SUBJECT_NACHRICHTEN = re.compile(
    r"^(?:(?:gibt\s+es|hast\s+du|haben\s+sie|zeig\s+mir|zeige\s+mir)\s+)?(?:(?:neue|aktuelle|irgendwelche"
    r"|die\s+neuesten|die\s+letzten|die\s+aktuellen)\s+)?(?P<topic>[^\W\d_]{3,}?)(?:nachrichten|news|meldungen"
    r"|schlagzeilen)[\s?.!]*$",
    re.IGNORECASE,
)
NEWS_KINDS = frozenset(
    """
    breaking good bad big fake real other more fresh hot top main important interesting daily weekly local national
    international global world today today's todays yesterday's latest newest recent new current any some all
    eil kurz top haupt tages wochen abend morgen früh spät sonder welt lokal falsch radio fernseh online video push
    """.split()
)
# "Fasse die Nachrichten zu … zusammen", "Kannst du mir alles über … zusammenfassen?": the topic comes before the
# verb's last part.
TOPIC_REQUESTS.append(
    re.compile(
        r"^(?:bitte\s+)?(?:fass|fasse|fassen\s+sie|kannst\s+du|können\s+sie)\s+(?:mir\s+|uns\s+)?(?:bitte\s+)?"
        rf"(?:{_NEUESTE}{_NACHRICHTEN}\s+|alles\s+(?:wichtige\s+)?|das\s+neueste\s+|kurz\s+)?{_ZU}\s+"
        r"(?P<topic>.+?)\s+(?:kurz\s+)?zusammen(?:fassen)?[\s?.!]*$",
        re.IGNORECASE,
    )
)

HEADINGS = {
    "en": {
        "topic": "Articles about “{topic}”{outlet}, newest first:",
        "no_topic": "No indexed article{outlet} is about “{topic}”.",
        "range": "Articles{outlet} from {days} ({expression}):",
        "recent": "The newest articles{outlet}:",
        "more": "… and {n} more.",
        "outlet": " from {name}",
        "to": " to ",
    },
    "de": {
        "topic": "Artikel zu „{topic}“{outlet}, die neuesten zuerst:",
        "no_topic": "Kein indexierter Artikel{outlet} handelt von „{topic}“.",
        "range": "Artikel{outlet} vom {days} ({expression}):",
        "recent": "Die neuesten Artikel{outlet}:",
        "more": "… und {n} weitere.",
        "outlet": " von {name}",
        "to": " bis ",
    },
    "fr": {
        "topic": "Articles sur « {topic} »{outlet}, les plus récents d’abord :",
        "no_topic": "Aucun article indexé{outlet} ne porte sur « {topic} ».",
        "range": "Articles{outlet} du {days} ({expression}) :",
        "recent": "Les articles les plus récents{outlet} :",
        "more": "… et {n} de plus.",
        "outlet": " de {name}",
        "to": " au ",
    },
    "es": {
        "topic": "Artículos sobre «{topic}»{outlet}, los más recientes primero:",
        "no_topic": "Ningún artículo indexado{outlet} trata de «{topic}».",
        "range": "Artículos{outlet} del {days} ({expression}):",
        "recent": "Los artículos más recientes{outlet}:",
        "more": "… y {n} más.",
        "outlet": " de {name}",
        "to": " al ",
    },
    "it": {
        "topic": "Articoli su «{topic}»{outlet}, i più recenti prima:",
        "no_topic": "Nessun articolo indicizzato{outlet} parla di «{topic}».",
        "range": "Articoli{outlet} del {days} ({expression}):",
        "recent": "Gli articoli più recenti{outlet}:",
        "more": "… e altri {n}.",
        "outlet": " di {name}",
        "to": " al ",
    },
    "nl": {
        "topic": "Artikelen over “{topic}”{outlet}, de nieuwste eerst:",
        "no_topic": "Geen enkel geïndexeerd artikel{outlet} gaat over “{topic}”.",
        "range": "Artikelen{outlet} van {days} ({expression}):",
        "recent": "De nieuwste artikelen{outlet}:",
        "more": "… en nog {n}.",
        "outlet": " van {name}",
        "to": " tot en met ",
    },
    "pt": {
        "topic": "Artigos sobre “{topic}”{outlet}, os mais recentes primeiro:",
        "no_topic": "Nenhum artigo indexado{outlet} trata de “{topic}”.",
        "range": "Artigos{outlet} de {days} ({expression}):",
        "recent": "Os artigos mais recentes{outlet}:",
        "more": "… e mais {n}.",
        "outlet": " de {name}",
        "to": " a ",
    },
    "pl": {
        "topic": "Artykuły o „{topic}”{outlet}, od najnowszych:",
        "no_topic": "Żaden zaindeksowany artykuł{outlet} nie dotyczy „{topic}”.",
        "range": "Artykuły{outlet} z {days} ({expression}):",
        "recent": "Najnowsze artykuły{outlet}:",
        "more": "… i jeszcze {n}.",
        "outlet": " z {name}",
        "to": " do ",
    },
    "ru": {
        "topic": "Статьи по запросу «{topic}»{outlet}, сначала самые новые:",
        "no_topic": "Ни одна проиндексированная статья{outlet} не относится к теме «{topic}».",
        "range": "Статьи{outlet} за {days} ({expression}):",
        "recent": "Самые новые статьи{outlet}:",
        "more": "… и ещё {n}.",
        "outlet": " из {name}",
        "to": " — ",
    },
    "uk": {
        "topic": "Статті за запитом «{topic}»{outlet}, спершу найновіші:",
        "no_topic": "Жодна проіндексована стаття{outlet} не стосується теми «{topic}».",
        "range": "Статті{outlet} за {days} ({expression}):",
        "recent": "Найновіші статті{outlet}:",
        "more": "… і ще {n}.",
        "outlet": " з {name}",
        "to": " — ",
    },
}


def headline(meta: ArticleMeta) -> str:
    """How a list of headlines names an article (and how a follow-up picking one finds it again): its title, else
    its link."""
    return meta.title or meta.url or "untitled"


def newest_first(articles: Sequence[StoredArticle]) -> list[StoredArticle]:
    """Dated articles newest first, then undated ones by when they were ingested: an undated article is never the
    newest."""
    return sorted(articles, key=recency, reverse=True)


def recency(article: StoredArticle) -> tuple[bool, float]:
    published = article.meta.published_ts
    return (published is not None, article.ingested_at if published is None else published)


def headlines_answer(
    question: str,
    dates: DateQuery,
    articles: Sequence[StoredArticle],
    *,
    language: str,
    limit: int = MAX_HEADLINES,
    outlet: str = "",
) -> Answer:
    """The articles published in the question's range (all of them when it asks only for the latest news), newest
    first, at most `limit`, each a numbered source; the heading names `outlet` when the articles are its own."""
    published = dates.published
    matching = [a for a in articles if published is None or published.contains(a.meta.published_ts)]
    shown = newest_first(matching)[:limit]
    texts = HEADINGS.get(language, HEADINGS["en"])
    source = _from_outlet(texts, outlet)
    if published is None:
        heading = texts["recent"].format(outlet=source)
    else:
        days = published.span(texts["to"])
        heading = texts["range"].format(days=days, expression=published.said, outlet=source)
    lines = [
        heading,
        *(f"• {headline(article.meta)} [{n}]" for n, article in enumerate(shown, start=1)),
    ]
    if len(matching) > len(shown):
        lines.append(texts["more"].format(n=len(matching) - len(shown)))
    sources = [
        Source(n=n, article_id=article.article_id, meta=article.meta, snippet="", score=0.0)
        for n, article in enumerate(shown, start=1)
    ]
    return Answer(text="\n".join(lines), sources=sources, answerer="headlines", question=question)


# "And", "Und", "So", "Ok" before a request ("And what's new in Syria?"): it asks the same.
OPENING_AND = re.compile(r"^(?:and|und|so|also|ok|okay)\b[\s,]+", re.IGNORECASE)


def asked_topic(question: str) -> str:
    """The topic a request for the news on one names ("News about Greece?" -> "Greece", "Was gibt es Neues zu
    Griechenland?" -> "Griechenland"), or "" for anything else."""
    question = question.strip().lstrip("¿¡ ")  # "¿Qué hay de nuevo sobre Apple?"
    question = OPENING_AND.sub("", question)  # "Und was weißt du über Afghanistan?" asks for the news on it too
    for pattern in TOPIC_REQUESTS:
        match = pattern.match(question)
        topic = match.group("topic").strip(" ,;:\"'“”„") if match else ""
        # "Tell me more about it" follows up on the last answer: a topic of pointing words only is none
        if tokenize(topic):
            return topic if len(topic.split()) <= MAX_TOPIC_WORDS else ""
    return subject_of_the_news(question)


#: a message of at most this many words, each capitalised, is the name of a topic ("Trump", "Champions League")
MAX_BARE_TOPIC_WORDS = 3
_NAME_WORD = re.compile(r"[^\W_][\w.'’&-]*")


def bare_topic(message: str) -> str:
    """The topic a message that is only a name or a noun or two names ("Trump", "Nordkorea", "Kim Jong Un",
    "Champions League?"): a user who sends a name alone wants the news on it, as "News about Trump" asks; "" for
    anything else (a lower-case word, a question word, a sentence). The gate has answered small talk before."""
    words = message.strip().rstrip("?! ").split()
    if not 0 < len(words) <= MAX_BARE_TOPIC_WORDS or OPENS_WITH_QUESTION_WORD.match(message.strip()):
        return ""
    if not all(_NAME_WORD.fullmatch(word) and (word[0].isupper() or word[0].isdigit()) for word in words):
        return ""
    return " ".join(words) if any(word[0].isupper() and len(word) > 1 for word in words) else ""


def subject_of_the_news(question: str) -> str:
    """ "Sports" for "Any sports news?", "Wirtschaft" for "Gibt es Wirtschaftsnachrichten?"; "" for a request
    that names a kind of news ("Breaking news") or anything else."""
    if match := SUBJECT_NEWS.match(question):
        topic = match.group("topic")
        return "" if topic.lower() in NEWS_KINDS else topic
    if match := SUBJECT_NACHRICHTEN.match(question):
        part = match.group("topic").lower()
        if part in NEWS_KINDS:
            return ""
        if part.endswith("s") and is_known_word(part[:-1], ("de",)):
            part = part[:-1]
        return part.capitalize()
    return ""


def on_topic(
    topic: str,
    hits: Sequence[Hit],
    rendered: Rendered,
    floor: float,
    article_text: Callable[[str], str] | None = None,
) -> list[Hit]:
    """The hits whose article is about `topic`: those whose article names it, in its own words ("Trump", "Fußball" in
    "Fußballs") or, as `rendered` finds, in another language ("Griechenland" for "Greece"). A hit's own title and text
    are read first, then its whole article (`article_text` of its id, when given: a later chunk may say "Merkel"
    alone, the first "Angela Merkel"). When no hit names it: none for a name ("Bitcoin" over news of oil prices,
    though the answerer found a sentence to cite); those scoring at least `floor` for a description in lower case
    ("the strike": USE renders a common noun less surely than a name, "Streik" is 0.54 from "strike")."""
    words = content_words(topic)
    texts = [f"{hit.meta.title or ''}\n{hit.text}" for hit in hits]
    held = {text: _held(words, text) for text in texts}
    if article_text is not None:  # a hit that does not name it is read with the rest of its article
        unread = {hit.article_id for hit, text in zip(hits, texts, strict=True) if not _names(words, held[text])}
        whole = {article_id: article_text(article_id) for article_id in unread}
        texts = [whole.get(hit.article_id, text) for hit, text in zip(hits, texts, strict=True)]
        held.update((text, _held(words, text)) for text in whole.values())
    named = {text: _names(words, held[text]) for text in dict.fromkeys(texts)}
    unnamed = [text for text, each in named.items() if not each]  # once each: an article's hits share its text
    for text, renders in zip(unnamed, rendered(topic, unnamed) if unnamed else (), strict=True):
        named[text] = _names(words, held[text], renders)
    naming = [named[text] for text in texts]
    if any(naming) or names_a_name(topic):
        return [hit for hit, named in zip(hits, naming, strict=True) if named]
    return [hit for hit in hits if hit.score >= floor]


def names_a_name(topic: str) -> bool:
    """Whether a topic holds a capitalised word: a name ("Bitcoin", "the Pope"), which `on_topic` lists only the
    articles naming, where a description ("the strike") may be listed by relevance."""
    return any(word[:1].isupper() for word in content_words(topic))


def _held(words: Sequence[str], text: str) -> tuple[bool, ...]:
    """Whether `text` holds each of `words`, inflected or not ("Nordkoreas")."""
    tokens = set(tokenize(text))
    return tuple(_holds(fold(word), tokens) for word in words)


def _names(words: Sequence[str], held: Sequence[bool], renders: Sequence[bool] = ()) -> bool:
    """Whether a text that holds the topic's `words` as `held` says, and renders the whole topic and each word as
    `renders` says (`Renderings`), names the topic. A name ("Kim Kardashian", "Champions League") is named by each
    of its words (not by "Kim" alone, nor "Harris" for "Kamala Harris" in an article on Calvin Harris); a
    description ("the rail strike") by any of its longer words."""
    if not words:
        return False
    if renders[:1] == (True,):
        return True
    named = [h or r for h, r in zip(held, renders[1:] or (False,) * len(held), strict=True)]
    if all(named):
        return True
    if all(word[:1].isupper() or word[:1].isdigit() for word in words):
        return False
    return any(n and len(word) >= DESCRIBING_LETTERS for word, n in zip(words, named, strict=True))


def _holds(word: str, tokens: Collection[str]) -> bool:
    """Whether `tokens` hold `word` itself, inflected ("Obamas", "Absturzes") or, for a word of COMPOUND_LETTERS or
    more, as the start of a compound ("Fußballverband") or spelled another way by one letter ("Wladimir" for
    "Vladimir"). A short word starts too many others ("Musk": "Muskel", "Mars": "Marsch")."""
    return any(
        (token.startswith(word) and (token[len(word) :] in INFLECTIONS or len(word) >= COMPOUND_LETTERS))
        or (len(word) >= COMPOUND_LETTERS and one_letter_apart(token, word))
        for token in tokens
    )


def _from_outlet(texts: dict[str, str], outlet: str) -> str:
    """ " from derStandard.at" in the heading's language; "" for no outlet."""
    return texts["outlet"].format(name=outlet) if outlet else ""


def no_topic_text(topic: str, language: str, outlet: str = "") -> str:
    """ "No indexed article is about “NATO”." (of `outlet`, when given) in `language` where HEADINGS has it."""
    texts = HEADINGS.get(language, HEADINGS["en"])
    return texts["no_topic"].format(topic=topic, outlet=_from_outlet(texts, outlet))


def topic_answer(
    question: str, topic: str, hits: Sequence[Hit], *, language: str, limit: int = MAX_HEADLINES, outlet: str = ""
) -> Answer:
    """The articles of `hits` (best first, one entry per article) as headlines, newest first; undated ones after
    the dated, in the order retrieval ranked them. The heading names `outlet` when the hits are its own."""
    best: dict[str, Hit] = {}
    for hit in hits:
        best.setdefault(hit.article_id, hit)
    ranked = list(best.values())[:limit]
    dated = [hit for hit in ranked if hit.meta.published_ts is not None]
    shown = sorted(dated, key=lambda h: h.meta.published_ts or 0.0, reverse=True)
    shown += [hit for hit in ranked if hit.meta.published_ts is None]
    texts = HEADINGS.get(language, HEADINGS["en"])
    lines = [
        texts["topic"].format(topic=topic, outlet=_from_outlet(texts, outlet)),
        *(f"• {headline(hit.meta)} [{n}]" for n, hit in enumerate(shown, start=1)),
    ]
    sources = [
        Source(
            n=n,
            article_id=hit.article_id,
            meta=hit.meta,
            snippet=shorten(hit.text, SNIPPET_CHARS),
            score=hit.score,
            also_reported_by=hit.also_reported_by,
        )
        for n, hit in enumerate(shown, start=1)
    ]
    return Answer(text="\n".join(lines), sources=sources, answerer="headlines", question=question)
