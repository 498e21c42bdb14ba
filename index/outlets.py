"""Outlets a question names: "What does derStandard say about Trump?", "Articles from tagesschau.de", "Laut dem
Standard, wer hat gewonnen?". The question is answered from that outlet's articles alone, read without the outlet:

    What does derStandard say about Trump?     ->  "News about Trump"           from derStandard.at's articles
    Show me the latest articles from the BBC   ->  "Show me the latest articles" from BBC News's articles
    Was schrieb der Standard gestern?          ->  "Was gibt es Neues gestern?"  from derStandard.at's articles
    Who won, according to derStandard?         ->  "Who won?"                    from derStandard.at's articles

Only outlets of stored articles are recognised (their `outlet`, else their link's host: `Outlets`), and only where the
question names one as a source: after "from", "by", "according to", "von", "vom", "bei", "laut" …, before "zufolge",
as a possessive before "articles", "news" …, or as who says, writes or reports. A name that is also a plain word
counts only when the question capitalises it and not after "in", "on", "im" (a place more than a source), so "in
the standard way" and "in die Welt gesetzt" name no outlet. Read as keys: "derStandard.at" is also "der Standard",
"Standard" and "derStandard"; "Spiegel Online" also "Spiegel"; "www.bbc.co.uk" also "BBC"; a feed's title "BBC News
- Home" also "BBC News" and "BBC". An author the articles name is asked for the same way, by the whole name ("What
did Jane Doe write?", "Articles by Jane Doe"), and answered from the articles that name them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from index.language import function_word_language, is_known_word
from index.models import ArticleMeta, StoredArticle
from index.text import host_of

# Articles known by their link's host alone are filtered by id: Chroma (SQLite) refuses a query with 32,767 or more
# variables, and 20,000 ids took 0.13 s against 0.01 s for 1,000
MAX_WHERE_IDS = 5000
# what a host's name ends in, left out of the name people say ("tagesschau.de" is "Tagesschau")
_DOMAIN_END = re.compile(r"(?:\.(?:co|com|org|net|gv|or))?\.[a-z]{2,6}$", re.IGNORECASE)
# words an outlet's name may end in that people leave out ("Spiegel Online", "BBC News"); a leading article too
_TRAILING_WORDS = frozenset({"online", "news", "nachrichten", "zeitung", "newspaper", "magazine", "magazin", "tv"})
_ARTICLES = r"(?:the|der|die|das|dem|den|des)"
_LEADING_ARTICLE = re.compile(rf"^{_ARTICLES}\s+", re.IGNORECASE)
# what follows a feed title's name: "tagesschau.de - die erste Adresse …", "ZEIT ONLINE | Nachrichten …",
# "Kurier: Nachrichten …"
_TITLE_TAIL = re.compile(r"\s*[|:]\s+|\s+[-–—·]\s+")
_CAMEL = re.compile(r"(?<=[a-zäöü])(?=[A-ZÄÖÜ])")
_NOT_A_NAME_CHAR = re.compile(r"[^\w.]+|(?<!\w)\.|\.(?!\w)")

_SAY = (
    r"(?:say(?:s|ing)?|said|write|writes|wrote|written|writing|report(?:s|ed|ing)?|publish(?:es|ed|ing)?"
    r"|cover(?:s|ed|ing)?|run(?:s|ning)?|ran|have|has|had|tell|tells|told)"
)
_SAGT = r"(?:schreibt|schrieb|berichtet|berichtete|meldet|meldete|sagt|sagte|bringt|brachte|erzählt|erzählte)"
_SAGT_PARTICIPLE = r"(?:geschrieben|berichtet|gemeldet|gesagt|gebracht|erzählt)"
_SOURCE_BEFORE = r"(?:according\s+to|from|by|laut|gemäß|von|vom|bei|beim|aus(?:\s+(?:dem|der))?)"
# places more than sources: "in die Welt gesetzt", "im Spiegel der Zeit": only an outlet that is no plain word
_PLACE_BEFORE = r"(?:in|on|at|im|in\s+(?:der|dem))"


_CAMEL_OR_HOST = r"(?:[a-zäöü]+[A-ZÄÖÜ]|[\w-]+\.[a-z]{2,}\b)"
_NEWS_NOUNS = r"(?:articles?|news|stor(?:y|ies)|reports?|reporting|coverage|headlines|website|site)\b"
# A question that may name an outlet as a source, whichever: a cue, then a capitalised word ("the Guardian",
# "derStandard") or a host name ("tagesschau.de")
MAY_NAME = re.compile(
    rf"(?i:{_SOURCE_BEFORE})\s+(?:(?i:{_ARTICLES})\s+)?(?:[A-ZÄÖÜ]|{_CAMEL_OR_HOST})"
    rf"|(?i:{_PLACE_BEFORE})\s+(?:(?i:{_ARTICLES})\s+)?{_CAMEL_OR_HOST}"
    rf"|(?i:^(?:what|which)(?:\s+(?:news|stories|articles))?\s+(?:does|did|do|has|have|is|was)\s+(?:{_ARTICLES}\s+)?"
    rf"\S+(?:\s+\S+)?\s+{_SAY}\b|^was\s+{_SAGT}\s|^was\s+(?:hat|haben)\s.*\s{_SAGT_PARTICIPLE}[\s?.!]*$|zufolge"
    rf"|\w['’]s\s+{_NEWS_NOUNS})"
)


def may_name_an_outlet(question: str) -> bool:
    """Whether `question` has the shape of one naming an outlet as a source (`Outlets.named` then says which):
    most questions do not, and then need no list of the stored outlets."""
    return MAY_NAME.search(question) is not None


@dataclass(frozen=True)
class OutletQuery:
    """A question that names a stored outlet: the question without it, the outlet as the archive names it, and the
    articles it covers (their `outlet` values and the ids of those known by their link's host alone)."""

    question: str
    name: str
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...] = ()
    #: the outlet is all the store holds: nothing to filter
    everything: bool = False

    def holds(self, article_id: str, meta: ArticleMeta) -> bool:
        return self.everything or meta.outlet.strip() in self.outlets or article_id in self.article_ids

    def where(self) -> dict[str, object] | None:
        """A Chroma `where` on the chunk metadata keeping this outlet's chunks; None when that is all of them, or
        when it would list more articles than a Chroma query takes (the search then keeps the outlet's hits)."""
        if self.everything:
            return None
        named: list[dict[str, object]] = [{"outlet": {"$in": list(self.outlets)}}] if self.outlets else []
        if self.article_ids:
            if len(self.article_ids) > MAX_WHERE_IDS:  # the search keeps the outlet's hits after it instead
                return None
            named.append({"article_id": {"$in": list(self.article_ids)}})
        return named[0] if len(named) == 1 else {"$or": named}

    def articles(self, articles: Sequence[StoredArticle]) -> list[StoredArticle]:
        return [a for a in articles if self.holds(a.article_id, a.meta)]


def outlet_of(meta: ArticleMeta) -> str:
    """How the archive names an article's outlet: its `outlet`, else its link's host."""
    return outlet_name(meta.outlet, meta.url)


def outlet_name(outlet: str, url: str) -> str:
    """The outlet's name, else the host of its web address without "www." ("" for a file's path)."""
    if outlet.strip():
        return outlet.strip()
    return host_of(url) if urlsplit(url.strip()).scheme in ("http", "https") else ""


def outlet_keys(outlet: str) -> set[str]:
    """The lower-case forms a question may name `outlet` by (see the module's docstring); a feed's title counts by
    its name before a dash, bar or colon too ("SPIEGEL ONLINE - Schlagzeilen": "Spiegel Online", "Spiegel")."""
    keys = _keys(outlet)
    head = _TITLE_TAIL.split(outlet.strip(), maxsplit=1)[0]
    return keys | _keys(head) if head != outlet.strip() else keys


def _keys(outlet: str) -> set[str]:
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", outlet.strip(), flags=re.IGNORECASE).strip()
    if not name:
        return set()
    keys = {name.lower()}
    base = _DOMAIN_END.sub("", name) if " " not in name else name
    words = _NOT_A_NAME_CHAR.sub(" ", _CAMEL.sub(" ", base)).replace(".", " ").lower().split()
    while len(words) > 1 and words[-1] in _TRAILING_WORDS:
        keys.add(" ".join(words))
        words = words[:-1]
    if words:
        keys.add(" ".join(words))
        keys.add("".join(words))
        bare = _LEADING_ARTICLE.sub("", " ".join(words))
        keys.add(bare)
    return {key for key in keys if len(key) >= 2}


class Outlets:
    """The outlets of the stored articles, read once per change of the store, and the questions that name one."""

    def __init__(self, articles: Sequence[StoredArticle]) -> None:
        self.total = len(articles)
        #: each outlet as the archive names it -> its articles' ids and `outlet` values
        self.covers: dict[str, list[tuple[str, str]]] = {}
        #: each author the articles name -> their articles' ids ("What did Jane Doe write?", "Articles by Jane
        #: Doe": a question names an author as it names an outlet, by the whole name)
        self.written: dict[str, list[tuple[str, str]]] = {}
        for article in articles:
            self.covers.setdefault(outlet_of(article.meta), []).append(
                (article.article_id, article.meta.outlet.strip())
            )
            for author in _author_names(article.meta.author):
                self.written.setdefault(author, []).append((article.article_id, ""))
        self.covers.pop("", None)

    @functools.cached_property
    def _keyed(self) -> tuple[dict[str, set[str]], tuple[tuple[re.Pattern[str], str], ...]]:
        # made when a question is read, not for the counts of `sizes` (stats, the archive's figures)
        return _patterns(frozenset(self.covers), frozenset(self.written))

    @property
    def by_key(self) -> dict[str, set[str]]:
        """Each key a question may name an outlet by, with the outlets it names."""
        return self._keyed[0]

    @property
    def patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        return self._keyed[1]

    def named(self, question: str) -> OutletQuery | None:
        """The stored outlet `question` names as a source, with the question read without it; None when it names
        none."""
        found = _mention(question, self.by_key, self.patterns)
        if found is None:
            return None
        start, end, key, rewritten = found
        text = rewritten if rewritten is not None else _tidy(question[:start] + " " + question[end:])
        return self._query(key, text or _whats_new(question))

    def called(self, name: str) -> OutletQuery | None:
        """The stored outlet `name` alone names ("derStandard", "der Standard", "bbc.co.uk"), as `/latest NAME`
        asks for it; None when it names none."""
        keys = [" ".join(name.lower().split()), *sorted(outlet_keys(name), key=len, reverse=True)]
        key = next((key for key in keys if key in self.by_key), None)
        return self._query(key, "") if key is not None else None

    @property
    def names(self) -> list[str]:
        """Every stored outlet as the archive names it, the one with the most articles first."""
        return [name for name, _ in self.sizes]

    @property
    def sizes(self) -> list[tuple[str, int]]:
        """Every stored outlet with how many articles it has, the most first."""
        return sorted(((name, len(covered)) for name, covered in self.covers.items()), key=lambda s: (-s[1], s[0]))

    def _query(self, key: str, question: str) -> OutletQuery:
        names = self.by_key[key]
        covered = [item for name in sorted(names) for item in self._covered(name)]
        return OutletQuery(
            question=question,
            name=max(names, key=lambda name: (len(self._covered(name)), name)),
            outlets=tuple(sorted({outlet for _, outlet in covered if outlet})),
            article_ids=tuple(sorted(article_id for article_id, outlet in covered if not outlet)),
            everything=len(covered) == self.total,
        )

    def _covered(self, name: str) -> list[tuple[str, str]]:
        return self.covers.get(name, []) + self.written.get(name, [])


def _author_names(author: str) -> list[str]:
    """The names of an author line ("Jane Doe, John Roe"), each of two words or more: one word alone ("APA",
    "red") names an agency or a desk more often than a person."""
    return [name for name in (" ".join(part.split()) for part in author.split(",")) if len(name.split()) > 1]


@functools.lru_cache(maxsize=8)
def _patterns(
    outlets: frozenset[str], authors: frozenset[str] = frozenset()
) -> tuple[dict[str, set[str]], tuple[tuple[re.Pattern[str], str], ...]]:
    """The keys of these outlets and authors (each with the outlets or authors it names; an author by the whole
    name) and the patterns that find them as a source, each with the language of a request for what the outlet
    says ("" for a phrase that is only cut out, "place" for one that names no outlet that is a plain word)."""
    by_key: dict[str, set[str]] = {}
    for name in outlets:
        for key in outlet_keys(name):
            by_key.setdefault(key, set()).add(name)
    for name in authors:
        by_key.setdefault(name.lower(), set()).add(name)
    if not by_key:
        return by_key, ()
    keys = sorted(by_key, key=len, reverse=True)
    outlet = r"(?P<outlet>" + "|".join(r"\s+".join(re.escape(w) for w in key.split()) for key in keys) + ")"
    named = rf"(?:{_ARTICLES}\s+)?{outlet}(?![\w-])(?:['’]s(?=\s))?"
    patterns = (
        # "What does derStandard say about Trump?", "What did the BBC report yesterday?"
        (rf"^(?:what|which\s+(?:news|stories|articles))\s+(?:does|did|do|has|have|is|was)\s+{named}\s+{_SAY}\b", "en"),
        # "Was schreibt der Standard über Trump?"
        (rf"^was\s+{_SAGT}\s+{named}", "de"),
        # "Was hat der Standard über Trump geschrieben?": the participle goes too
        (rf"^was\s+(?:hat|haben)\s+{named}(?=(?:.*\s)?{_SAGT_PARTICIPLE}[\s?.!]*$)", "de"),
        # "… according to derStandard", "Artikel vom Standard", "laut tagesschau.de"
        (rf"(?<![\w-]),?\s*{_SOURCE_BEFORE}\s+{named}\s*,?", ""),
        # "What's new on tagesschau.de?"
        (rf"(?<![\w-]),?\s*{_PLACE_BEFORE}\s+{named}\s*,?", "place"),
        # "dem Standard zufolge", "derStandard's articles about …"
        (rf"(?<![\w-]){named}\s+zufolge\s*,?", ""),
        (rf"(?<![\w-]){_ARTICLES}?\s*{outlet}['’]s\s+(?={_NEWS_NOUNS})", ""),
    )
    return by_key, tuple((re.compile(pattern, re.IGNORECASE), language) for pattern, language in patterns)


def _mention(
    question: str, by_key: dict[str, set[str]], patterns: Sequence[tuple[re.Pattern[str], str]]
) -> tuple[int, int, str, str | None] | None:
    """Where the question names an outlet as a source: the span to drop, the key, and the whole question
    rewritten when a request for what the outlet says reads better as a request for news."""
    for pattern, language in patterns:
        for match in pattern.finditer(question):
            said = match.group("outlet")
            key = " ".join(said.lower().split())
            plain = _plain_word(key)
            if key not in by_key or (plain and (said.islower() or language == "place")):
                continue
            if _AGENT.match(match.group(0)) and _PASSIVE.search(question) and not _SAYS.search(question):
                continue  # "Warum wurde sie von der Presse kritisiert?", "Who was interviewed by Jane Doe?": who
                # did it, not who reported it
            if plain and _FROM.match(match.group(0)) and not _NEWS_CUE.search(question) and _rest(question, match):
                continue  # "Was hat die Regierung von der Presse verlangt?": from whom, not which outlet's news
            if language in ("", "place"):
                return match.start(), match.end(), key, None
            rest = question[match.end() :]
            if language == "de":
                rest = re.sub(rf"\s*{_SAGT_PARTICIPLE}(?=[\s?.!]*$)", "", rest, flags=re.IGNORECASE)
            return match.start(), match.end(), key, _as_request(rest, language)
    return None


# the agent of a passive ("von der Presse kritisiert", "criticised by the Standard") names no source, unless what
# was done is saying it ("vom Standard berichtet", "reported by the Standard")
_AGENT = re.compile(r",?\s*(?:von|vom|by)\s", re.IGNORECASE)
# (English forms in lower case: a German question starts with "Was")
_PASSIVE = re.compile(r"\b(?:(?i:wurde|wurden|wird|werden|worden)|was|were|been|is|are|being)\b")
_SAYS = re.compile(rf"\b(?:{_SAY}|{_SAGT}|{_SAGT_PARTICIPLE})\b", re.IGNORECASE)


# After "from", "von", "bei", "aus" a name that is also a plain word is a source only in a question about news (its
# articles, what it says, the newest) or in one that is nothing but the outlet ("Von der Welt"): German capitalises
# a common noun as it does a name, and "von der Presse verlangt" asks from whom
_FROM = re.compile(r",?\s*(?:from|von|vom|bei|beim|aus)\s", re.IGNORECASE)
_NEWS_CUE = re.compile(
    rf"\b(?:{_SAY}|{_SAGT}|{_SAGT_PARTICIPLE}|{_NEWS_NOUNS}|artikel\w*|nachrichten|news|meldung\w*|bericht\w*"
    r"|schlagzeile\w*|neues|neuigkeit\w*|beitr[äa]g\w*|latest|newest|neueste\w*|aktuell\w*)",
    re.IGNORECASE,
)


def _rest(question: str, match: re.Match[str]) -> str:
    """The question without the outlet's mention."""
    return _squeezed(question[: match.start()] + " " + question[match.end() :])


def _plain_word(key: str) -> bool:
    return all(is_known_word(word) for word in key.split())


def _as_request(rest: str, language: str) -> str:
    """What follows "What does <outlet> say" as a request for news: "about Trump?" -> "News about Trump?";
    "yesterday?" -> "What's new yesterday?"."""
    rest = _squeezed(rest)
    if language == "de":
        if re.match(r"(?:über|zu[mr]?|von|vom)\s", rest, re.IGNORECASE):
            return _tidy(f"Nachrichten {rest}")
        return _tidy(f"Was gibt es Neues {rest}")
    if re.match(r"(?:about|on|regarding|concerning|of)\s", rest, re.IGNORECASE):
        return _tidy(f"News {rest}")
    return _tidy(f"What's new {rest}")


def _whats_new(question: str) -> str:
    return "Was gibt es Neues?" if function_word_language(question, at_least=1) == "de" else "What's new?"


def _tidy(text: str) -> str:
    """Spaces and punctuation left where a phrase was cut out, and a capital to start."""
    text = _squeezed(text)
    return text[0].upper() + text[1:] if text else ""


def _squeezed(text: str) -> str:
    text = re.sub(r"\s+([?.!,;:])", r"\1", " ".join(text.split()))
    text = re.sub(r"^[,;:\s]+|[,;:\s]+(?=[?.!]*$)", "", text).strip()
    return text if re.search(r"\w", text) else ""


__all__ = ["OutletQuery", "Outlets", "may_name_an_outlet", "outlet_keys", "outlet_name", "outlet_of"]
