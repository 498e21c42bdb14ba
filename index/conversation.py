"""Follow-up questions: make "And what did the US say?" standalone using the conversation so far.

With an LLM, the answerer rewrites the follow-up (`Answerer.condense`). Without one, a heuristic: a question
that looks like a follow-up — it is short, or starts with "and"/"und"/"what about"/…, or leans on a pronoun and
names nothing of its own — is retrieved together with the questions it follows (back to the last one that stood
on its own) and, when it asks about that story (or for more of it) rather than bringing a subject of its own, the
words the last answer that quoted the news quoted, so retrieval still finds the story the conversation is about. A
question that stands on its own is left as it is; when it names nothing of its own, it is also read as a
follow-up, and that reading's answer from the story is given when it is about what is asked (`follow_up_reading`,
`better_reading`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.answerers.base import CITATION_RE, Answerer
from index.answerers.headlines import HEADINGS
from index.answerers.message_patterns import ENDS_POINTING
from index.lexical import tokenize
from index.models import Answer, Source, Turn

FOLLOW_UP_START = re.compile(
    r"^\s*(and|but|also|so|what about|how about|and what|und|aber|auch|was ist mit|und was|wie steht es mit"
    r"|et|mais|et si|y|pero|e|ma)\b",
    re.IGNORECASE,
)
# Words that point back to what was said before. Not the demonstratives and articles that also open standalone
# questions ("this year", "Gibt es …", "Was kostet das neue …", "Are there …"); in French, Spanish and Italian the
# pronouns that are nothing else ("lui", "ella", "loro"; not "il", an article in Italian and impersonal in "y a-t-il",
# nor "su", Italian "on").
REFERRING = re.compile(
    r"\b(it|its|they|them|their|he|him|his|she|her"
    r"|er|sie|ihm|ihn|ihnen|dort|damals|dazu|darüber|davon|daran|deshalb|deswegen"
    r"|lui|elle|elles|eux|leur|leurs|él|ella|ellos|ellas|lei|loro|suo|sua|suoi|sue)(?!\w)",
    re.IGNORECASE,
)
# Question words: a follow-up that asks one about what it follows ("And who accused them?", "Wann war das?", "Et
# quand ?", "¿Por qué?") stays with that story; one that only brings a subject ("What about Puerto Rico?", "Und die
# Pensionen?") changes it.
QUESTION_WORD = re.compile(
    r"\b(who|whom|whose|what|when|where|why|how|which|wer|wen|wem|wessen|was|wann|wo|wohin|woher|warum|weshalb"
    r"|wieso|weswegen|wie|welche[rsmn]?"
    r"|qui|quoi|quand|où|pourquoi|combien|comment|quel(?:le)?s?"
    r"|qui[ée]n(?:es)?|qu[ée]|cu[áa]ndo|d[óo]nde|ad[óo]nde|cu[áa]nt[oa]s?|c[óo]mo|cu[áa]l(?:es)?"
    r"|chi|cosa|quando|dove|perch[ée]|quant[oaie]|come|qual[ei])(?!\w)",
    re.IGNORECASE,
)
# A request for more of the same story ("Tell me more", "Mehr dazu", "go on", "Und weiter?", "Can you tell me more?",
# "What else do you know about this?", "Any details?"): it keeps the story. Before the last three were read as
# questions of their own, and the last two got a sentence of another story.
_THAT = r"(?:it|this|that|them|him|her|the story|es|das|dies|ihn|sie)"
_MORE_EN = (
    r"(?:(?:can|could|would) you |please )?(?:tell|give|show) (?:me |us )?(?:some |a bit |a little )?more"
    rf"(?: (?:about|on|of) {_THAT})?"
    rf"|(?:some |a bit |a little )?more(?: (?:about|on|of) {_THAT}| details| info| information| please)?"
    rf"|(?:any|more|further|other) (?:details|info|information|news)(?: (?:about|on) {_THAT})?"
    r"|what else(?: (?:do you know|is there|does it say|did (?:it|they|he|she) say|happened|can you tell me))?"
    rf"(?: (?:about|on) {_THAT})?|anything else(?: (?:about|on) {_THAT})?"
    rf"|is there (?:any ?thing )?more(?: (?:about|on) {_THAT})?|any more"
    r"|go on|continue|keep going|what happened (?:next|then|after that)|what next|and then|details"
    # and doubting there is no more, or asking what it means: more of the story says ("Is that all?", "Ist das
    # alles?" and "Can you explain that?" got a sentence of another story or "does not say")
    r"|is that (?:all|everything)|that(?:'|’| i| )?s (?:it|all)|anything more"
    rf"|(?:(?:can|could) you |please )?explain(?: {_THAT})?(?: (?:more|better|please))?|what does (?:that|this|it) mean"
)
_MORE_DE = (
    r"(?:noch )?mehr(?: (?:dazu|darüber|davon|infos?|informationen|details|einzelheiten))?"
    r"|(?:kannst du|können sie|koennen sie) (?:mir |uns )?(?:noch )?mehr (?:dazu |darüber |davon )?"
    r"(?:sagen|erzählen|erzaehlen)"
    r"|erzähl(?:e|en sie)? (?:mir |uns )?(?:noch )?mehr(?: (?:dazu|darüber|davon))?"
    r"|gibt es (?:noch )?mehr(?: (?:dazu|darüber|davon|infos?|informationen))?"
    r"|was (?:weißt du|weisst du|wissen sie) (?:noch|sonst noch|mehr)(?: (?:dazu|darüber|davon))?"
    r"|was (?:gibt es|steht da) (?:noch|sonst noch)(?: (?:dazu|darüber))?|(?:sonst )?noch (?:was|etwas)"
    r"|was noch|was sonst noch|wie ging es weiter|und dann|weiter|(?:weitere |mehr )?(?:einzelheiten|details)"
    r"|genaueres|(?:ist|war) das (?:alles|schon alles)|das war s|und sonst|sonst noch was"
    r"|(?:kannst du|können sie) (?:mir )?(?:das|es) (?:genauer |näher )?erklären"
    r"|erklär(?:e|en sie)? (?:mir )?(?:das|es)"
    r"|was (?:heißt|heisst|bedeutet) das|was soll das (?:heißen|heissen)"
)
# and in French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian ("Encore", "Más", "Ещё" after an
# answer were asked as questions of their own)
_MORE_ELSEWHERE = (
    r"encore|plus|la suite|(?:dis|raconte)[- ]?(?:moi|m en|m'en) plus|et (?:après|apres)|m(?:á|a)s|(?:cuéntame|cuentame"
    r"|dime) m(?:á|a)s|sigue|ancora|di pi(?:ù|u)|dimmi di pi(?:ù|u)|continua|e poi|meer|vertel (?:me )?meer|ga door"
    r"|verder|en toen|mais|(?:conta|diz|fala)[- ]?me mais|e depois|wi(?:ę|e)cej|powiedz (?:mi )?wi(?:ę|e)cej|dalej"
    r"|i co dalej|ещ(?:ё|е)|больше|расскажи (?:мне )?(?:ещ(?:ё|е)|больше)|дальше|продолжай|а дальше|ще|більше"
    r"|розкажи (?:мені )?(?:ще|більше)|далі|продовжуй|а далі"
)
ASKS_FOR_MORE = re.compile(
    rf"^\W*(?:(?:and|und|please|bitte|ok|okay)\W+)*(?:{_MORE_EN}|{_MORE_DE}|{_MORE_ELSEWHERE})"
    r"(?:\W+(?:please|bitte|s il (?:te|vous) pla[iî]t|por favor|per favore|alsjeblieft|proszę|пожалуйста|будь ласка))?"
    r"\W*$",
    re.IGNORECASE,
)
WORD = re.compile(r"\w")
SHORT_QUESTION_WORDS = 4
# How far back a follow-up's retrieval reaches: a chain of follow-ups ("Who denied …?", "Who accused them?", "When
# was that?") keeps the question that named the story.
FOLLOW_UP_TURNS = 3
# The last answer's quoted words join a follow-up's retrieval, cut to this many characters. They are the story's
# own words, in its language: with the questions alone, "Who accused them? Who denied supplying arms?" found a
# passage that itself asks "Wer hat wann, was, wo gemacht? Wer ist Täter, wer ist Opfer?" before the story.
ANSWER_CONTEXT_CHARS = 300


# An item of a list the last answer gave ("Tell me more about the second one", "more on 2", "Und der erste?", "Mehr
# zum dritten Artikel", "Open the first article", "Fasse den zweiten zusammen"): its ordinal or number. A list is a
# headlines answer's "• title [n]" lines.
_ORDINALS = {
    **dict.fromkeys(("first", "1st", "erste", "ersten", "erster", "erstes", "erstem"), 1),
    **dict.fromkeys(("second", "2nd", "zweite", "zweiten", "zweiter", "zweites", "zweitem"), 2),
    **dict.fromkeys(("third", "3rd", "dritte", "dritten", "dritter", "drittes", "drittem"), 3),
    **dict.fromkeys(("fourth", "4th", "vierte", "vierten", "vierter", "viertes", "viertem"), 4),
    **dict.fromkeys(("fifth", "5th", "fünfte", "fünften", "fünfter", "fünftes", "fünftem"), 5),
    **dict.fromkeys(("last", "letzte", "letzten", "letzter", "letztes", "letztem"), -1),
}
_ASK_MORE = (
    r"(?:(?:and |und |what about |was ist mit |und was ist mit )?(?:please |bitte )?"
    r"(?:tell me |show me |give me |erzähl(?:e)? mir |zeig(?:e)? mir |sag mir "
    # "Open the first article", "Summarize the second one", "Öffne den ersten Artikel", "Fasse den dritten zusammen"
    r"|(?:please |bitte )?(?:open|read|summari[sz]e|sum up|öffne|lies|fasse|fass)(?: mir| me)? )?"
    r"(?:more |mehr |something |etwas |was )?(?:about |on |of |über |zu[mr]? |von |vom )?)?"
)
_ITEM = (
    r"(?:the |den |die |das |dem |der |article |story |artikel |meldung |nummer |number |nr\.? ?|no\.? ?|#)?"
    r"(?P<item>\d{1,2}|" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")"
    r"(?: (?:one|article|story|headline|item|artikel|meldung|nachricht|bericht|schlagzeile|punkt))?"
)
LIST_ITEM = re.compile(rf"^\W*{_ASK_MORE}{_ITEM}(?: (?:zusammen|vor))?\W*$", re.IGNORECASE)
LIST_LINE = re.compile(r"^• (?P<title>.+) \[(?P<n>\d+)\]$", re.MULTILINE)


def listed_title(question: str, answers: Sequence[str]) -> str:
    """The title of the item a question picks from the list the conversation last gave ("Tell me more about the
    second one" -> the second headline), or "" when it picks none or none of `answers` (oldest first) was a list.
    The list may be some answers back: "Tell me more about the first one", then "And the third?"."""
    match = LIST_ITEM.match(question)
    if match is None:
        return ""
    listed: dict[int, str] = {}
    for answer in reversed(answers):
        listed = {int(line.group("n")): line.group("title") for line in LIST_LINE.finditer(answer)}
        if listed:
            break
    if not listed:
        return ""
    item = match.group("item").lower()
    n = int(item) if item.isdigit() else _ORDINALS[item]
    return listed.get(max(listed) if n == -1 else n, "")


def first_quote(answers: Sequence[str]) -> str:
    """What the newest of `answers` (oldest first) that quoted the news quoted before its first citation mark
    ("Nordkorea dementiert, … geliefert zu haben." of "… [1] … [2]"); "" when none quoted the news, or the newest
    that did was a list of headlines (its items are picked by number)."""
    for answer in reversed(answers):
        if (mark := CITATION_RE.search(answer)) is not None:
            return "" if LIST_LINE.search(answer) else " ".join(answer[: mark.start()].split())
    return ""


# A message that asks two or three questions ("Who denied supplying arms? Who criticised it?") is asked as that many,
# each after the ones before it, so a later one may point back ("it"). The first has to be a question of its own
# (three words or more: "What? Nordkorea hat das bestritten?" is one question); a question mark inside quotes, a
# part that asks nothing, or more questions than this, and the message is asked as it was sent.
MAX_QUESTIONS_A_MESSAGE = 3
MIN_FIRST_QUESTION_WORDS = 3
_AFTER_QUESTION_MARK = re.compile(r"(?<=\?)[?!]*\s+")
_QUOTES = re.compile(r"[\"“”„«»‚‘’]")


def questions_in(message: str) -> list[str]:
    """The questions a message asks, in order: itself alone unless it asks two or three, each ending in "?"."""
    text = " ".join(message.split())
    parts = _AFTER_QUESTION_MARK.split(text)
    if (
        not 2 <= len(parts) <= MAX_QUESTIONS_A_MESSAGE
        or _QUOTES.search(text)
        or not all(part.rstrip("!").endswith("?") and any(c.isalnum() for c in part) for part in parts)
        or len(parts[0].split()) < MIN_FIRST_QUESTION_WORDS
    ):
        return [text] if text else []
    return parts


# After a list of a topic's articles, "And about Amazon?", "Und zu Amazon?", "What about Amazon?" ask for the news on
# another topic: the same request, not a question about the listed story. A part that asks something ("And what did
# the US say?") is a question, and one without a name or (German) noun ("And then?", "Und gestern?") a follow-up.
_TOPIC_FOLLOW_UP = re.compile(
    r"^\W*(?:(?P<en>what about|how about|and)(?:\s+(?:about|on|with|for|from|in))?"
    r"|(?P<de>und was ist mit|was ist mit|wie steht es mit|und)(?:\s+(?:über|zu[mr]?|mit|von|vom|bei|beim|aus|in|im))?)"
    r"\s+(?P<topic>[^?!.]+?)\W*$",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\b(?:who|what|when|where|why|how|which|did|does|do|is|are|was|were|has|have|will|can|wer|wann|wo|warum|wie"
    r"|welche\w*|hat|haben|ist|sind|wird|kann)\b",
    re.IGNORECASE,
)
MAX_TOPIC_FOLLOW_UP_WORDS = 4


def topic_follow_up(question: str, history: Sequence[Turn]) -> str:
    """The request for the news on a topic that a follow-up like "And about Amazon?" makes right after a list of a
    topic's articles ("News about Amazon", "Nachrichten zu Amazon"), or ""."""
    if not history:
        return ""
    heading = history[-1].answer.split("\n", 1)[0]
    listed = next((found for pattern in _TOPIC_HEADINGS if (found := pattern.match(heading)) is not None), None)
    if listed is None:
        return ""
    match = None if LIST_ITEM.match(question) else _TOPIC_FOLLOW_UP.match(question)  # "And the third?" picks one
    topic = match.group("topic").strip() if match else ""
    if not topic or _ASKS.search(topic) or len(topic.split()) > MAX_TOPIC_FOLLOW_UP_WORDS:
        return ""
    if not any(word[:1].isupper() for word in topic.split()):  # "And then?", "And more?", "Und gestern?"
        return ""
    # the list was one outlet's ("Articles about “Trump” from derStandard.at"): so is the next
    outlet = listed.group("outlet") or ""
    if match and match.group("de"):
        return f"Nachrichten zu {topic}" + (f" von {outlet}" if outlet else "")
    return f"News about {topic}" + (f" from {outlet}" if outlet else "")


def _heading_pattern(texts: dict[str, str]) -> re.Pattern[str]:
    """A list of a topic's articles, by its heading: the topic and, when the list is one outlet's, the outlet."""
    outlet = re.escape(texts["outlet"]).replace(re.escape("{name}"), "(?P<outlet>.+?)")
    head, tail = texts["topic"].split("{topic}")
    tail_pattern = re.escape(tail).replace(re.escape("{outlet}"), f"(?:{outlet})?")
    return re.compile(f"{re.escape(head)}(?P<topic>.+?){tail_pattern}$")


_TOPIC_HEADINGS = [_heading_pattern(texts) for texts in HEADINGS.values()]


def looks_like_follow_up(question: str) -> bool:
    """Short, opening like a follow-up ("And …", "Und was …"), pointing back ("he", "dort") without naming a
    subject of its own: a name or a number ("What did Scholz say there?" stands on its own), or naming no story at
    all ("Wie hoch war das Ergebnis?", "What was the reason for that?": gate.py `names_no_story`)."""
    from index.answerers.gate import names_no_story

    words = question.split()
    if len(words) <= SHORT_QUESTION_WORDS or FOLLOW_UP_START.match(question) or ASKS_FOR_MORE.match(question):
        return True
    points_back = REFERRING.search(question) or ENDS_POINTING.search(question)
    return (bool(points_back) and not _names_its_subject(question)) or names_no_story(question)


def _names_its_subject(question: str) -> bool:
    return bool(_names_of(question))


def standalone_question(question: str, history: Sequence[Turn], answerer: Answerer) -> tuple[str, str]:
    """(the question to answer, the query to retrieve with) for a question asked after `history`, oldest first.

    With an LLM both are its standalone rewrite. Without one, a follow-up is answered as asked but retrieved
    together with the questions it follows and the last answer's quoted words; a question that stands on its own
    is left as it is.
    """
    if not history:
        return question, question
    rewritten = answerer.condense(question, history)
    if rewritten and rewritten.strip():
        return rewritten.strip(), rewritten.strip()
    if looks_like_follow_up(question):
        followed = followed_turns(history)
        quoted = last_quoted_words(followed) if keeps_the_story(question) else ""
        return question, _follow_up_query(question, followed, quoted)
    return question, question


def _follow_up_query(question: str, followed: Sequence[Turn], quoted: str) -> str:
    """What a follow-up is retrieved with: it, the questions it follows (`followed_turns`) and the words the story's
    last answer quoted (none: "")."""
    return " ".join(part for part in [question, *(t.question for t in followed), quoted] if part)


@dataclass(frozen=True)
class FollowUpReading:
    """How a question that stands on its own may also be read as a follow-up (`follow_up_reading`): the query a
    follow-up is retrieved with and the questions it follows, newest first."""

    search_query: str
    follows: tuple[str, ...]
    #: what the newest answer followed that quoted the news quoted first (`first_quote`): its article is the story's
    quote: str


def follow_up_reading(question: str, history: Sequence[Turn]) -> FollowUpReading | None:
    """For a question that stands on its own by its words but names nothing of its own — no name, no number —
    asked after an answer that quoted the news ("When is the verdict expected?" after "What sentence did the
    prosecutors demand for Schettino?", "Wann war der letzte Kontakt?" after a question on Philae): its reading as
    a follow-up of that story (`standalone_question`'s query for one that keeps the story); which reading's answer
    is given is `better_reading`'s to say. None for a question with a name or a number of its own, one that
    already reads as a follow-up, and one that follows no answer that quoted the news."""
    if not history or looks_like_follow_up(question) or _names_its_subject(question):
        return None
    followed = followed_turns(history)
    quoted = last_quoted_words(followed)
    if not quoted:
        return None
    quote = first_quote([t.answer for t in reversed(followed)])
    query = _follow_up_query(question, followed, quoted)
    return FollowUpReading(query, tuple(t.question for t in followed), quote) if quote else None


# The share of its content words a question's answer read as a follow-up must hold or render in its article
# (`renderings.words_told`) to be given
FOLLOWED_WORDS_TOLD = 0.5


def of_the_story(article: str, text: str, story: str | None, follows: Sequence[str]) -> bool:
    """Whether the article `article` (its `text`) belongs to the story a conversation follows: it is the article the
    conversation's last answer quoted (`story`), or it names every name and number the questions it follows
    (`follows`) name ("Schettino" for a second article on his appeal). Questions naming nothing ("Who denied
    supplying arms?") leave only the article quoted."""
    if article == story:
        return True
    names = {name for question in follows for name in _names_of(question)}
    tokens = set(tokenize(text))
    return bool(names) and all(any(token.startswith(name) for token in tokens) for name in names)


def _names_of(question: str) -> frozenset[str]:
    """The question's names and numbers (question.py `Question.names`), in the language it is asked in."""
    from index.answerers.question import Question
    from index.language import question_language

    return Question.of(question, question_language(question) or "en").names


@dataclass(frozen=True)
class FollowedAnswer:
    """A question's answer read as a follow-up of a story (`Newsroom.ask`) and the share of the question's content
    words its article tells (`renderings.words_told`)."""

    answer: Answer
    told: float


def better_reading(alone: Answer, followed: FollowedAnswer) -> Answer:
    """Of a question's answers read on its own (`alone`) and as a follow-up of the story talked of (`followed`: from
    the story's articles only, its hits judged by their relevance to the question itself): the follow-up's when it
    answers, from another story than the question found on its own, and its article holds or renders at least
    FOLLOWED_WORDS_TOLD of the question's content words; else the one read alone. In a conversation a question that
    names nothing is likelier about the story talked of: the answerer, which sees one question at a time, finds "Der
    Zeitung Haaretz zufolge fand das letzte Telefonat … statt" likelier for "Wann war der letzte Kontakt?" than the
    Philae article it follows; "What is the capital of France?" after the Super Bowl is not told by its article."""
    answer = followed.answer
    if answer.abstained or not answer.sources or followed.told < FOLLOWED_WORDS_TOLD:
        return alone
    if alone.sources and _story_of(alone.sources[0]) == _story_of(answer.sources[0]):
        return alone  # the question found the story by itself: its own hits choose the sentences
    return answer


def _story_of(source: Source) -> str:
    """The story a source's article belongs to (its copies and near-copies share one: index/stories.py)."""
    return source.meta.story_id or source.article_id


def keeps_the_story(follow_up: str) -> bool:
    """Whether a follow-up asks about the story it follows ("And who accused them?", "Wann war das?", "Did it
    work?") rather than bringing a subject of its own ("What about Puerto Rico?", "Und die Pensionen?"): after its
    opening ("and", "what about", "und was ist mit"), a question word or a word pointing back, and no name; or
    nothing ("And?")."""
    rest = follow_up
    while (opening := FOLLOW_UP_START.match(rest)) and opening.end() > 0:
        rest = rest[opening.end() :]
    if not WORD.search(rest) or ASKS_FOR_MORE.match(follow_up):  # "And?", "Und?", "Tell me more": go on
        return True
    if not (QUESTION_WORD.search(rest) or REFERRING.search(rest)):
        return False
    return not _names_its_subject(rest)


def story_questions(question: str, history: Sequence[Turn]) -> list[str]:
    """The questions of the turns a follow-up that keeps their story follows ("And why?" after "Who won, according
    to derStandard?"), newest first; none for a question that stands on its own or brings a subject of its own."""
    if not history or not looks_like_follow_up(question) or not keeps_the_story(question):
        return []
    return [turn.question for turn in followed_turns(history)]


def followed_turns(history: Sequence[Turn]) -> list[Turn]:
    """The turns a follow-up follows, newest first: back to the last one whose question stood on its own, at most
    FOLLOW_UP_TURNS."""
    turns: list[Turn] = []
    for turn in reversed(history[-FOLLOW_UP_TURNS:]):
        turns.append(turn)
        if not looks_like_follow_up(turn.question):
            break
    return turns


def last_quoted_words(followed: Sequence[Turn]) -> str:
    """The words the newest answer that quoted the news quoted, among the turns a follow-up follows
    (`followed_turns`, newest first): a refusal in between ("Tell me more" -> "The indexed news does not say.")
    does not lose the story."""
    for turn in followed:
        if quoted := quoted_words(turn.answer):
            return quoted
    return ""


def quoted_words(answer: str) -> str:
    """What an answer quoted from the news, without its citation marks, cut to ANSWER_CONTEXT_CHARS at a word; ""
    for a reply that cites nothing (a refusal, a greeting)."""
    text = quoted(answer)
    if len(text) <= ANSWER_CONTEXT_CHARS:
        return text
    return text[:ANSWER_CONTEXT_CHARS].rsplit(" ", 1)[0]


def quoted(answer: str) -> str:
    """All an answer quoted from the news, without its citation marks; "" for a reply that cites nothing."""
    if not CITATION_RE.search(answer):
        return ""
    return " ".join(CITATION_RE.sub(" ", answer).split())


@dataclass(frozen=True)
class MoreOfTheStory:
    """A request for more of the story a conversation is about: the question the story was asked with, and what
    the conversation's answers have already quoted (each answer's quoted text, newest first)."""

    question: str
    said: tuple[str, ...]


def more_of_the_story(question: str, history: Sequence[Turn]) -> MoreOfTheStory | None:
    """For a request for more ("Tell me more", "Mehr dazu", "go on") after answers that quoted the news: the newest
    question of the conversation that asked something (no request for more itself), and what its answers quoted,
    so the next answer tells what they did not. None for any other question, or when there is no such story (no
    answer quoted the news, or the last one that did was a list of headlines: its items are picked by number)."""
    if not ASKS_FOR_MORE.match(question):
        return None
    asked = next((turn.question for turn in reversed(history) if not ASKS_FOR_MORE.match(turn.question)), "")
    quoting = [(turn.answer, text) for turn in reversed(history) if (text := quoted(turn.answer))]
    if not asked or not quoting or LIST_LINE.search(quoting[0][0]):
        return None
    return MoreOfTheStory(asked, tuple(text for _, text in quoting))
