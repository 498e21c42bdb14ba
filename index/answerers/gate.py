"""The answer gate: the one place that decides whether newsbot answers a question, and says so when it does not.

    question ─ screen_question ─► not a question ("hi", "?", "asdf qwer")        -> a short helpful reply
        │
    retrieve hits ─ screen_hits ─► nothing indexed yet                           -> how to ingest
        │                      ├► asked about dates no indexed article is from    -> say so, and name the newest
        │                      └► no hit relevant enough                          -> "the news does not say"
    answerer ─ (extractive) evidence model ─► the hits do not answer *this* question -> "the news does not say"

The first two steps run before any answerer, so no LLM is asked about a greeting or about news nobody indexed. The
last step is the extractive answerer's: its fitted evidence model (evidence.py) weighs the best sentence and the
hits — the question's names and numbers, the kind of answer asked for — and answers only when the probability
that the hits answer reaches its calibrated threshold. LLM answerers decide that step themselves ("not in the
sources").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from index.answerers.base import abstain_text
from index.answerers.evidence import QUESTION_WORDS, Question
from index.answerers.headlines import HEADINGS
from index.dates import MONTHS_DE, MONTHS_EN, WEEKDAYS_DE, WEEKDAYS_EN, DateQuery, DateRange
from index.language import is_known_word, question_language
from index.lexical import STOPWORDS, fold
from index.models import Hit, StoredArticle

Reason = Literal[
    "answer", "not_a_question", "no_story", "empty_store", "no_article_in_range", "not_relevant", "weak_evidence"
]


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


# Small talk, by what it says. A message made only of these words (and SMALL_TALK_FILLERS) gets the reply of the first
# kind it holds a word of: thanks before goodbyes before greetings before a nod ("ok, thanks, bye" thanks; "hi,
# super" greets).
SMALL_TALK: dict[str, frozenset[str]] = {
    "thanks": _words("thanks thank thx ty tysm danke dankeschön dankeschoen dank merci gracias grazie cheers"),
    "goodbye": _words(
        "bye goodbye tschüss tschuess tschau ciao adieu wiedersehen cya see bald night nacht später spaeter"
    ),
    "greeting": _words(
        """hi hello hey hallo moin servus yo hiya howdy bonjour salut hola grüezi grüß gruess good guten gute
        morning evening afternoon morgen tag abend helo hii hiii heyy heyyy hallöchen hallihallo"""
    ),
    # a nod to the last answer ("ok", "super", "lol"): no "Hi!" in the middle of a chat
    "nod": _words(
        """ok okay cool test super great nice fine perfect perfekt prima toll klasse alright gut yes no ja nein
        jo lol haha interesting interessant wow aha ah oh hm hmm sure genau stimmt klar passt egal whatever boring
        langweilig lmao rofl brb np k kk nö noe nope yep yeah yup bla blabla testing ahnung idk weiß weiss spannend
        krass schade"""
    ),
}
SMALL_TALK_WORDS = frozenset().union(*SMALL_TALK.values())
SMALL_TALK_FILLERS = _words(
    """you a lot so very much many again all für die the answer antwort dir ihnen dich vielen schön schoen sehr
    bot newsbot there everyone everybody folks guys leute zusammen alle gott alles keine nicht idea one
    herzlichen herzlich besten bestens and und dann then for your deine ihre nochmal einmal auch too bis
    soon later auf have day einen schönen schoenen beaucoup"""
)
# What a message asks about the bot itself ("help", "Wer bist du?", "What can you do?"), whole: the help reply.
ABOUT_THE_BOT = re.compile(
    r"^\W*(?:help|hilfe|hilf mir|help me|who are you|what are you|wer bist du|was bist du|wer sind sie|was sind sie"
    r"|what can you do|what do you do|was kannst du|was können sie|was koennen sie|was machst du"
    r"|how does (?:this|it|that) work|how do (?:i|you) use (?:this|you|it)|wie funktioniert (?:das|es|du)"
    r"|what is this|was ist das hier|how can you help(?: me)?|wie kannst du (?:mir )?helfen"
    r"|what(?: s| is) your name|wie heißt du|wie heisst du|wie heißen sie"
    r"|what (?:can|should|may) i ask(?: you)?|what do you know|was (?:kann|soll|darf) ich (?:dich |sie )?fragen"
    r"|was weißt du|was weisst du|was wissen sie"
    r"|(?:can|could) you help(?: me)?(?: please)?|i need (?:some )?help|(?:kannst du|können sie|koennen sie) mir "
    r"helfen|ich brauche hilfe|i don ?t understand(?: (?:this|that|you))?|ich verstehe? (?:das |dich |sie )?nicht"
    r"|what do you mean|was meinst du|wie meinst du das"
    # what the bot is ("Are you a robot?" got a sentence on a comet lander's robot, "Bist du ein Bot?" one on a
    # quiz) and who made it
    r"|(?:are you|r u|bist du|sind sie) (?:a |an |ein |eine )?(?:real |echte[rs]? )?(?:robot|bot|chat ?bot|human"
    r"|person|machine|computer|program|ai|a i|real|alive|roboter|mensch|maschine|programm|ki|künstliche intelligenz"
    r"|echt)|is this (?:a )?(?:bot|robot|human|real person)|ist das (?:ein )?(?:bot|roboter|mensch)"
    r"|who (?:made|built|created|programmed|wrote) you|wer hat dich (?:gemacht|gebaut|programmiert|erstellt)"
    # a command typed as a word ("Start", "Menu"), an invitation to talk, an opinion asked for, "Who am I?"
    r"|start|stop|menu|menü|settings|einstellungen|commands|befehle|options|optionen"
    r"|(?:tell me|say) something|erzähl(?:e)? (?:mir )?(?:was|etwas)|sag (?:mal )?(?:was|etwas)"
    r"|what do you think(?: (?:about|of) (?:it|that|this))?|what s your opinion|what is your opinion"
    r"|was denkst du(?: darüber| dazu)?|was hältst du davon|deine meinung|who am i|wer bin ich"
    # what the bot likes ("Do you like cats?", "Magst du Katzen?"): it has no taste, only the news
    r"|(?:do you|would you) (?:like|love|hate|prefer|enjoy)\b.*|(?:magst|liebst|hasst) du\b.*|mögen sie\b.*"
    # the languages it speaks ("Do you speak German?" got a sentence on a project's bad English)
    r"|(?:do|can) you (?:speak|understand|read) (?:english|german|french|spanish|italian)"
    r"|(?:sprichst|verstehst|kannst) du (?:englisch|deutsch|französisch|spanisch|italienisch)"
    r"|(?:sprechen|verstehen|können) sie (?:englisch|deutsch|französisch|spanisch|italienisch)"
    r"|(?:can|could) you (?:answer|reply|respond|talk) in (?:english|german)|(?:kannst du|können sie) (?:auf|in)"
    r" (?:deutsch|englisch) (?:antworten|schreiben)"
    # asking whether one may ask ("Darf ich dich was fragen?" got "Die fragen: Wer hat wann, was, wo gemacht?")
    r"|(?:can|could|may) i ask (?:you )?(?:something|a question|anything|you)|i have a (?:question|quick question)"
    r"|(?:one|a) (?:more )?question|(?:darf|kann) ich (?:dich|dir|ihnen|sie) (?:was|etwas|eine frage)"
    r" (?:fragen|stellen)|ich habe (?:eine|noch eine|mal eine) frage|(?:eine|noch eine) frage"
    # and what one feels for it ("I love you" was told the news does not say)
    r"|(?:i|ich) (?:(?:really |just )?(?:love|like) you|liebe dich|mag dich))\W*$",
    re.IGNORECASE,
)
# What a message says of the last answer, whole: doubt or a complaint ("Are you sure?", "That's wrong", "Das stimmt
# nicht"). The news cannot answer it; where the answer came from can.
DOUBT = re.compile(
    r"^\W*(?:(?:are you|bist du|sind sie) sure|(?:bist du|sind sie) (?:dir |sich )?sicher|really|wirklich|echt"
    r"|(?:wow|oh|ach|what) (?:really|seriously|wirklich|echt)|(?:is|was) (?:that|this|it) (?:true|right|correct)"
    r"|stimmt das(?: wirklich)?|ist das (?:wahr|richtig|korrekt)"
    r"|(?:that s|that is|this is|it s|it is)? ?(?:wrong|not true|not right|incorrect|nonsense|rubbish)"
    r"|(?:das|es) (?:stimmt|ist) (?:doch )?(?:nicht|falsch|unsinn|quatsch)(?: richtig)?|falsch|quatsch|unsinn|blödsinn"
    r"|wrong answer|bad answer|falsche antwort|(?:that|this) (?:s |is |was )?not what i asked"
    r"|(?:that|this|it) (?:doesn t|does not|didn t|did not) answer (?:my|the) question"
    r"|(?:das|es) beantwortet (?:meine|die) frage nicht|das (?:habe|hab) ich nicht gefragt"
    # and frustration, at the bot ("You are stupid", "Du bist dumm": each got a cited sentence)
    r"|(?:you are|you re|ur|du bist|sie sind|this bot is|der bot ist) (?:so |really |very |such an? |totally |echt "
    r"|so |total |voll |ziemlich |ganz schön |ein |eine )?(?:stupid|dumb|useless|bad|terrible|awful|an idiot|idiot"
    r"|rubbish|garbage|wrong|dumm|blöd|bloed|doof|nutzlos|schlecht|unnütz|unnuetz|idiot|depp|schrott|mist)"
    r"|you suck|(?:this|that) (?:is|was) (?:useless|stupid|dumb)|das (?:ist|war) (?:nutzlos|dumm|blöd|doof)"
    r"|(?:bad|stupid|dumb|useless|schlechter|dummer|blöder|doofer) (?:bot|newsbot)"
    # an answer that did not help ("Not helpful" got a sentence on a commission)
    r"|(?:that|this|it) (?:was |is )?(?:not|n t) (?:very )?helpful|not (?:very )?helpful|(?:das|es) (?:war|ist)"
    r" nicht (?:sehr )?hilfreich|nicht (?:sehr )?hilfreich|(?:that|this|it) (?:didn t|doesn t|did not|does not) help"
    r"|(?:das|es) hilft (?:mir )?nicht|unhelpful"
    # and bewilderment ("wtf", "Seriously?", "Echt jetzt?"), and not liking the bot ("I hate you")
    r"|wtf|what the (?:hell|heck|fuck)|seriously|are you serious|ernsthaft|echt jetzt|ist das dein ernst"
    r"|(?:i|ich) (?:hate you|hasse dich|hasse sie))\W*$",
    re.IGNORECASE,
)
# What a message asks of the clock, whole ("What time is it?", "What's the date today?", "Welcher Tag ist heute?"):
# today's date, from what "now" means for the question (NEWSBOT_NOW, else the clock).
CLOCK = re.compile(
    r"^\W*(?:what(?: s| is)? (?:the )?time(?: is it)?(?: now)?|what(?: s| is)? (?:the|today s) date(?: today)?"
    r"|what day is (?:it|today)(?: today)?|which day is (?:it|today)|what is today|wie spät ist es|wie spaet ist es"
    r"|wie ?viel uhr ist es|welche[rs]? (?:tag|datum) (?:ist|haben wir) heute|welchen tag haben wir(?: heute)?"
    r"|der wievielte ist heute|welches datum ist heute|was ist heute für ein tag)\W*$",
    re.IGNORECASE,
)
# Asking for a joke, a story or a song: not the news.
ENTERTAIN = re.compile(
    r"^\W*(?:(?:please |bitte )?(?:tell|give|sing) (?:me |us )?(?:a |another )?(?:joke|story|song|poem)"
    r"|(?:do you )?know (?:a|any) (?:good )?jokes?|erzähl(?:e)? (?:mir |uns )?(?:einen|noch einen|einen guten) witz"
    r"|(?:kennst du|weißt du) (?:einen|ein paar) witz(?:e)?|sing(?:e)? (?:mir )?ein lied"
    r"|erzähl(?:e)? (?:mir |uns )?eine geschichte)(?: please| bitte)?\W*$"
    # a text to write ("Write me a poem about cats", "Schreib mir ein Gedicht über Katzen")
    r"|^\W*(?:please |bitte |can you |could you |kannst du )?(?:write|compose|schreib(?:e|st)?|dichte)"
    r" (?:me |us |mir |uns )?(?:a |an |another |ein |eine |einen |noch ein |noch eine )?(?:short |kurze[sn]? )?"
    r"(?:poem|story|song|joke|limerick|haiku|essay|letter|gedicht|geschichte|lied|witz|aufsatz|brief)\b.*$",
    re.IGNORECASE,
)
# What a news bot cannot know, whole: the weather now ("Wie ist das Wetter?" got "… wie ein Echo entsteht …"), a
# recommendation ("Recommend me a movie" got a sentence on a film), what to cook tonight (told no article from
# tonight is indexed). A question about weather in the news ("Wie war das Wetter beim Rennen?") asks the news.
NOT_THE_NEWS = re.compile(
    r"^\W*(?:(?:what|how) (?:is|s) the weather(?: like)?(?: (?:today|tomorrow|now|tonight|this weekend|in \w+))?"
    r"|wie (?:ist|wird) das wetter(?: (?:heute|morgen|jetzt|am wochenende|in \w+))?|will it rain(?: today| tomorrow)?"
    r"|(?:regnet es|wird es regnen)(?: heute| morgen)?"
    r"|(?:(?:can|could) you |please |bitte )?(?:recommend|suggest|empfiehl|empfehle|empfehlen sie)"
    r" (?:me |us |mir |uns )?(?:a |an |some |einen |ein |eine )?(?:good |guten |gutes |gute )?(?:movie|film|book"
    r"|song|restaurant|recipe|series|show|game|buch|lied|rezept|serie|spiel)s?\b.*"
    r"|(?:kannst du|können sie|koennen sie) (?:mir |uns )?(?:einen |ein |eine )?(?:guten |gutes |gute )?(?:film|buch"
    r"|lied|song|restaurant|rezept|serie|spiel) empfehlen"
    r"|what should i (?:cook|eat|watch|do|wear)(?: today| tonight| now)?"
    r"|was soll ich (?:heute |morgen |jetzt )?(?:kochen|essen|anschauen|anziehen|tun|machen))\W*$",
    re.IGNORECASE,
)
# Arithmetic ("1+1", "12 * 7 ="): numbers and operators only.
ARITHMETIC = re.compile(r"^\W*\d[\d\s.,()]*(?:[-+*/×÷^=][\d\s.,()]*)+[?=\s]*$")
# Arithmetic asked in words ("What is 2+2?", "Wie viel ist 2 plus 2?"): told the news is all the bot knows. Not
# "What is 9/11?": a slash counts only between spaces ("10 / 2").
_NUMBER = r"\d+(?:[.,]\d+)?"
_OPERATOR = r"(?:[-+*×÷^]| / |plus|minus|times|x|mal|durch|geteilt durch|divided by|multiplied by|hoch|to the power of)"
ARITHMETIC_ASKED = re.compile(
    r"^\W*(?:what is|what s|whats|how much is|how much are|calculate|compute|solve|was ist|was sind|was ergibt"
    rf"|wie ?viel ist|wie ?viel sind|wie ?viel ergibt|berechne|rechne)\s*\(?{_NUMBER}(?:\s*{_OPERATOR}\s*\(?"
    rf"{_NUMBER}\)?)+\s*[?=!.]*\s*$",
    re.IGNORECASE,
)
# A number alone that is no year a question could be about ("1234", "42"; "2016" asks for that year's news).
NUMBER_ONLY = re.compile(r"^\W*\d+\W*$")
YEAR = re.compile(r"^\W*(?:1[89]|20)\d\d\W*$")
# Asking for the sources of the last answer ("sources?", "Where is that from?", "Quellen bitte", "Woher hast du
# das?"), whole: the chat shows them (Telegram, `newsbot chat`); anywhere else the reply says where they are.
SOURCES_REQUEST = re.compile(
    r"^\W*(?:(?:and |und )?(?:(?:show|give|send|list) (?:me )?|what are |which are |was sind "
    r"|zeig(?:e|en sie)? (?:mir )?|gib (?:mir )?)?(?:the |your |its |die |deine |ihre |seine )?(?:full |all |alle )?"
    r"(?:sources?|quellen?)"
    r"(?: (?:please|bitte|of (?:this|that|it)|dazu|davon|for (?:this|that|it)))?"
    r"|what (?:are|were) (?:your|the) sources(?: for (?:this|that))?|which sources(?: did you use)?"
    r"|where (?:is|was) (?:this|that|it) from|where did you (?:get|find|read) (?:this|that|it)"
    r"|according to (?:whom|who)|says who|welche quellen(?: hast du| haben sie)?"
    r"|woher (?:hast du|haben sie|stammt|kommt) (?:das|die info\w*|diese info\w*)|woher (?:stammt|kommt) das|laut wem"
    # the article behind the answer: its link, author, date, outlet ("Link?" was told the news does not say, "When
    # was the article published?" got a sentence of another story)
    r"|(?:(?:give|send|show) me |gib mir |schick(?:e)? mir |zeig(?:e)? mir |what is |was ist |where is |wo ist )?"
    r"(?:the |a |der |den )?(?:links?|urls?)(?: (?:please|bitte|to (?:the|this|that|it|that) (?:article|story)"
    r"|zum artikel|dazu|to it|for (?:it|this|that)))?"
    r"|(?:where|how) can i read (?:it|this|that|more|the (?:whole |full )?(?:article|story))"
    r"|wo kann ich (?:das|es|mehr|den (?:ganzen )?artikel) (?:nach)?lesen"
    r"|(?:the |den )?(?:full|whole|ganzen) (?:article|story|artikel)(?: please| bitte)?"
    r"|who wrote (?:the|this|that) (?:article|story|report)|wer hat (?:den|diesen) (?:artikel|bericht) geschrieben"
    r"|when was (?:the|this|that) (?:article|story|report) (?:published|written)"
    r"|wann (?:wurde|ist) (?:der|dieser) (?:artikel|bericht) (?:veröffentlicht|erschienen|geschrieben)"
    # and of the answer itself: "When was that published?", "Wann wurde das veröffentlicht?" (got a sentence)
    # ("it", "es" may be the story's: "Wann wurde es veröffentlicht?" is an MLQA question about a book)
    r"|when was (?:this|that) published|wann (?:wurde|ist) das (?:veröffentlicht|erschienen)"
    r"|which (?:outlet|newspaper|paper|site|website) (?:is|was) (?:this|that|it) from"
    r"|aus welcher zeitung (?:ist|stammt|kommt) (?:das|es)"
    r")\W*$",
    re.IGNORECASE,
)
# Asking to translate the last answer ("Translate that to English", "in English please", "Auf Deutsch bitte"): an
# answerer that quotes the articles cannot.
TRANSLATE_REQUEST = re.compile(
    r"^\W*(?:(?:can|could|would) you |please )?(?:translate|übersetz(?:e|en)?(?: sie)?)(?: (?:that|this|it|the answer"
    r"|das|es|die antwort|bitte|please))*(?: (?:to|into|in|ins|auf) \w+)?(?: please| bitte)?\W*$"
    # a text of one's own ("Translate hello to German": got a sentence on a literature project in Helsinki)
    r"|^\W*(?:(?:can|could|would) you |please |bitte |kannst du )?(?:translate|übersetz(?:e|en)?(?: sie)?)"
    r"(?: \S+){1,8}? (?:to|into|in|ins|auf) (?:english|englisch|german|deutsch|french|französisch|spanish"
    r"|spanisch|italian|italienisch|\w+ische)(?: please| bitte)?\W*$"
    r"|^\W*(?:and |und )?(?:now |jetzt |nochmal |again )?(?:(?:in|auf) )?(?:english|englisch|german|deutsch)"
    r"(?: please| bitte)?\W*$",
    re.IGNORECASE,
)
# A message that is only a web address ("https://…", "<https://…>?"): the article read from it, if any.
LINK_ONLY = re.compile(r"^\s*<?(?P<url>https?://[^\s<>]+?)>?[\s?.!]*$", re.IGNORECASE)
# Words of small talk only German has: a message of a word or two is hard to detect ("Hilfe", "Tschüss").
GERMAN_SMALL_TALK = _words(
    """danke dankeschön dankeschoen dank vielen schön schoen tschüss tschuess tschau wiedersehen bis hallo moin
    servus grüezi grüß gruess guten gute morgen abend nacht perfekt prima toll klasse ja nein genau stimmt
    interessant für antwort dir
    ihnen dich sehr herzlichen herzlich besten bestens und dann deine ihre nochmal einmal auch später spaeter auf
    einen schönen schoenen hilfe hilf mir wer bist du kannst können koennen machst funktioniert sind sie hier
    wie geht gehts euch kann soll darf ich fragen weißt weisst wissen quelle quellen woher stammt kommt laut wem
    welche zeig zeige zeigen gib alle übersetze übersetzen übersetz deutsch englisch wirklich echt sicher falsch
    quatsch unsinn blödsinn richtig witz geschichte lied helfen verstehe meinst brauche gott klar passt egal
    langweilig noe keine ahnung weiß nicht alles wach jemand erzähl erzähle etwas sag mal denkst darüber dazu
    hältst davon deine meinung bin menü einstellungen befehle optionen guter braver toller schlechter dummer blöder
    doofer zusammen leute verstanden verstehe achso ach liebe mag hasse jetzt ernsthaft na gut funktionierst
    läufst lebst darf frage fragen stellen vergiss es schon entschuldigung entschuldige gerne gern abbrechen kein
    toll spitze hilfreich klug gemacht nützlich antworten schreiben englisch sprichst verstehst mir hallöchen
    hallihallo spannend krass schade später spaeter warum wieso weshalb weisst weißt kannst beantworten fass
    zusammen zusammenfassen zusammenfassung kurz gesagt kurzfassung"""
)
CHATTY = frozenset({*SMALL_TALK, "praise", "help", "sources", "translate", "doubt", "joke", "why_not", "summary"})
# A question word alone ("Why?", "Was?", "How?", "Na?"): a follow-up in a conversation, unclear on its own.
BARE_QUESTION = re.compile(
    r"^\W*(?:(?:and|und|but|aber|so|also) )?(?:what|why|how|who|when|where|which|whose|was|warum|wieso|weshalb"
    r"|weswegen|wie|wer|wen|wem|wann|wo|woher|wohin|welche[rsmn]?|na|hä|hae|huh|eh|hm+|and|und|so|also)\W*$",
    re.IGNORECASE,
)
# Asking for a summary, whole ("Summarize", "Fass das zusammen" got a list of the newest headlines): the answer
# quotes the news, and its sources link to the whole article.
SUMMARY_REQUEST = re.compile(
    r"^\W*(?:(?:(?:can|could) you |please |bitte |kannst du )?(?:summari[sz]e|sum up|zusammenfassen|fass(?:e|en sie)?)"
    r"(?: (?:it|this|that|the article|das|es|den artikel|mir|das mal))*(?: (?:for me|up|zusammen|please|bitte))*"
    r"|(?:a |eine )?(?:summary|zusammenfassung)(?: please| bitte)?|in short|tl ?dr|kurz gesagt|kurzfassung)\W*$",
    re.IGNORECASE,
)
# Asking why the news did not answer, after it did not ("Why not?" got a sentence of whatever story it matched).
WHY_NOT = re.compile(
    r"^\W*(?:and |und )?(?:why not|how come|why(?: do| don t| can t| can not| cannot)? (?:you )?(?:not )?"
    r"(?:know|answer)(?: (?:that|it|this))?|warum nicht|wieso nicht|weshalb nicht"
    r"|(?:warum|wieso|weshalb) (?:weißt|weisst) du (?:das|es) nicht"
    r"|(?:warum|wieso) (?:kannst|könnt) du (?:das|es) nicht(?: beantworten)?)\W*$",
    re.IGNORECASE,
)
# Its German words: the reply is German.
GERMAN_BARE_WORDS = _words(
    "und aber also was warum wieso weshalb weswegen wie wer wen wem wann wo woher wohin na hä hae welche welcher "
    "welches welchen welchem"
)
# A question that follows no earlier turn and names no story, but points back at one ("What did he say?", "Wie viel
# kostet es?") or asks only what happened ("Who won?", "Was ist passiert?"): each got a sentence of whatever story
# its one word matched. The words that point back, and English past forms without "-ed".
POINTS_BACK = re.compile(
    r"\b(?:it|its|they|them|their|he|him|his|she|her|er|sie|es|ihm|ihn|ihnen|ihr|ihre|sein|seine|seiner|dort"
    r"|damals|dazu|darüber|davon|daran)\b",
    re.IGNORECASE,
)
ENGLISH_QUESTION_WORDS = _words("who whom whose what which when where why how")
PAST_FORMS_EN = _words(
    """won lost said told left stolen taken given got went came fell hit shot found caught beaten chosen sold bought
    paid wrote written spoke broke broken ran led quit held met sent built kept"""
)
# Placeholder text ("lorem ipsum dolor sit amet"): a test of the bot, not a question (it got a cited sentence).
PLACEHOLDER = re.compile(r"\blorem ipsum\b", re.IGNORECASE)
# "How are you?": a greeting, whole.
HOW_ARE_YOU = re.compile(
    r"^\W*(?:hi |hey |hello |hallo )?(?:how are you(?: doing)?(?: today)?|how is it going|how s it going"
    r"|wie geht (?:es|s) (?:dir|ihnen|euch)|wie geht s|wie gehts|was geht"
    # is anyone there ("Bist du da?" got a sentence asking "Wie viel da reinpasst?")
    r"|(?:are you|r u|bist du|sind sie) (?:still )?(?:there|here|da|noch da|wach)|(?:is )?any ?(?:one|body) (?:there"
    r"|here|home)|ist (?:da )?(?:jemand|wer) (?:da|hier)|ping"
    # and "what's up", "na, alles gut?", "you there?", "are you working?" (each got a cited sentence or "does not say")
    r"|what s up|whats up|wassup|sup|(?:na )?alles (?:gut|ok|okay|fit)(?: bei dir)?|na du"
    r"|(?:you|u) (?:there|here|awake)"
    r"|(?:are you|r u) (?:working|online|alive|awake|on)|(?:funktionierst|läufst|lebst) du(?: noch)?"
    r"|(?:do|does) (?:this|the bot|the newsbot) (?:work|still work))\W*$",
    re.IGNORECASE,
)
# Wishing a good day, whole ("have a nice day", "Schönen Abend noch" got a sentence on New Year's Eve): goodbye.
FAREWELL = re.compile(
    r"^\W*(?:(?:have a |einen )?(?:nice|good|great|lovely|schönen|schoenen|guten|netten) (?:day|evening|weekend|night"
    r"|tag|abend|feierabend|sonntag|wochenende|rest)(?: noch)?(?: (?:dir|ihnen|euch))?(?: noch)?|take care|mach s gut"
    r"|machs gut|bis dann|bis morgen|see you(?: later| soon| tomorrow)?|later)\W*$",
    re.IGNORECASE,
)
# Taking the last answer in, whole ("I see", "Got it", "Ach so"): a nod.
NOD = re.compile(
    r"^\W*(?:(?:oh|ah|ok|okay|aha|ahh) )?(?:i see|got it|understood|makes sense|that makes sense|i understand"
    r"|(?:ich )?verstehe|verstanden|achso|ach so|i get it|fair enough|noted"
    # and taking something back, or saying yes to nothing in particular ("vergiss es", "sorry", "ja bitte": each got a
    # cited sentence)
    r"|never ?mind|forget (?:it|that)|vergiss (?:es|das)|schon gut|cancel|abbrechen|reset|clear|my bad"
    r"|(?:i m |i am )?sorry|entschuldigung|entschuldige|(?:yes|yeah|ja|jo) (?:please|bitte|gerne|gern)|gerne"
    r"|no problem|kein problem|i don t care|who cares|mir egal|ist mir egal|too bad|what a pity|wie schade"
    r"|oh well)\W*$",
    re.IGNORECASE,
)
# Praise and blame of the bot itself ("good bot", "Guter Bot", "bad bot").
GOOD_BOT = re.compile(
    r"^\W*(?:(?:good|nice|great|guter|braver|toller|super) (?:bot|newsbot)"
    # and the bot's work ("Gut gemacht" got a sentence on handball referees; "You're great" "does not say")
    r"|(?:you are|you re|ur|du bist|sie sind) (?:so |really |very |echt |total |wirklich )?(?:great|awesome"
    r"|amazing|the best|helpful|smart|brilliant|toll|super|klasse|spitze|der beste|hilfreich|klug|genial)"
    r"|well done|good job|nice job|great job|gut gemacht|(?:that|this|it) (?:was|is) (?:very |really )?(?:helpful"
    r"|useful|great|perfect)|(?:das|es) (?:war|ist) (?:sehr |echt |wirklich )?(?:hilfreich|nützlich|super|toll"
    r"|perfekt)|(?:very|sehr) hilfreich|(?:great|good|nice) answer|gute antwort)\W*$",
    re.IGNORECASE,
)
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

# The questions the replies suggest are answered over the bundled samples (tests/answerers/test_trust.py).
EXAMPLE_QUESTIONS = {
    "en": "Who denied supplying arms?",
    "de": "Wer hat bestritten, Waffen an Russland geliefert zu haben?",
}
EXAMPLE = {"en": f"“{EXAMPLE_QUESTIONS['en']}”", "de": f"„{EXAMPLE_QUESTIONS['de']}“"}
REPLIES: dict[str, dict[str, str]] = {
    "greeting": {
        "en": f"Hi! Ask me about the news, e.g. {EXAMPLE['en']}",
        "de": f"Hallo! Fragen Sie mich etwas zu den Nachrichten, z. B. {EXAMPLE['de']}",
    },
    "nod": {
        "en": f"Ask me anything else about the news, e.g. {EXAMPLE['en']}",
        "de": f"Fragen Sie mich gern weiter zu den Nachrichten, z. B. {EXAMPLE['de']}",
    },
    "thanks": {
        "en": "You're welcome! Ask me anything else about the news.",
        "de": "Gern geschehen! Fragen Sie mich gern weiter zu den Nachrichten.",
    },
    "praise": {
        "en": "Thank you! Ask me anything else about the news.",
        "de": "Danke! Fragen Sie mich gern weiter zu den Nachrichten.",
    },
    "goodbye": {
        "en": "Bye! Ask me about the news any time.",
        "de": "Tschüss! Fragen Sie mich jederzeit zu den Nachrichten.",
    },
    "help": {
        "en": "I answer questions about the news I have read, citing each source (outlet, date, link), in the "
        f"language you ask in. Ask e.g. {EXAMPLE['en']}",
        "de": "Ich beantworte Fragen zu den Nachrichten, die ich gelesen habe, mit ihren Quellen (Medium, Datum, "
        f"Link), in der Sprache Ihrer Frage. Fragen Sie z. B. {EXAMPLE['de']}",
    },
    "unclear": {
        "en": f"I did not understand that. Ask me a question about the news, e.g. {EXAMPLE['en']}",
        "de": f"Das habe ich nicht verstanden. Stellen Sie eine Frage zu den Nachrichten, z. B. {EXAMPLE['de']}",
    },
    "sources": {
        "en": "Each of my answers lists its sources under it (outlet, date, link). Ask me about the news, e.g. "
        f"{EXAMPLE['en']}",
        "de": "Jede meiner Antworten nennt ihre Quellen darunter (Medium, Datum, Link). Fragen Sie mich etwas zu den "
        f"Nachrichten, z. B. {EXAMPLE['de']}",
    },
    "translate": {
        "en": "I quote the news in the language it was written in and cannot translate it here; each source links to "
        "the whole article. Ask me in English and I look for the answer in every language I have read.",
        "de": "Ich zitiere die Nachrichten in der Sprache, in der sie geschrieben wurden, und kann sie hier nicht "
        "übersetzen; jede Quelle verlinkt den ganzen Artikel.",
    },
    "doubt": {
        "en": "I quote what the indexed news says, and the sources under each answer show where it comes from, so you "
        "can check it. If I missed your question, ask it with the names and words an article would use.",
        "de": "Ich zitiere, was in den indexierten Nachrichten steht, und die Quellen unter jeder Antwort zeigen, "
        "woher es stammt, damit Sie es prüfen können. Wenn ich Ihre Frage verfehlt habe, stellen Sie sie mit den "
        "Namen und Wörtern, die ein Artikel verwenden würde.",
    },
    "joke": {
        "en": f"I only know the news, and tell it as it was written. Ask me about it, e.g. {EXAMPLE['en']}",
        "de": f"Ich kenne nur die Nachrichten und gebe sie wieder, wie sie geschrieben wurden. Fragen Sie mich dazu, "
        f"z. B. {EXAMPLE['de']}",
    },
    "clock": {
        "en": "Today is {date}. Ask me what the news says, e.g. “What's new today?”",
        "de": "Heute ist {date}. Fragen Sie mich, was in den Nachrichten steht, z. B. „Was gibt es heute Neues?“",
    },
    "unread_link": {
        "en": "I have not read that page. An admin can add it: /add URL in Telegram, or newsbot ingest URL.",
        "de": "Diese Seite habe ich nicht gelesen. Ein Admin kann sie hinzufügen: /add URL in Telegram oder "
        "newsbot ingest URL.",
    },
    "summary": {
        "en": "I quote the news as it was written and do not summarize it: an answer holds the sentences that answer "
        "best, and its sources link to the whole article.",
        "de": "Ich zitiere die Nachrichten, wie sie geschrieben wurden, und fasse sie nicht zusammen: eine Antwort "
        "enthält die Sätze, die am besten antworten, und ihre Quellen verlinken den ganzen Artikel.",
    },
    "why_not": {
        "en": "I answer only from the news I have read, and none of it says that. An admin can add articles: /add URL "
        "in Telegram, or newsbot ingest.",
        "de": "Ich antworte nur aus den Nachrichten, die ich gelesen habe, und keine davon sagt das. Ein Admin kann "
        "Artikel hinzufügen: /add URL in Telegram oder newsbot ingest.",
    },
    "no_story": {
        "en": f"Which story do you mean? Ask with a name, a place or what happened, e.g. {EXAMPLE['en']}",
        "de": f"Welche Meldung meinen Sie? Fragen Sie mit einem Namen, einem Ort oder dem Ereignis, z. B. "
        f"{EXAMPLE['de']}",
    },
    "empty_store": {
        "en": "I have not read any news yet: add articles first (newsbot ingest FILES/URLS, or /add URL in Telegram).",
        "de": "Ich habe noch keine Nachrichten gelesen: fügen Sie zuerst Artikel hinzu (newsbot ingest DATEIEN/URLS "
        "oder /add URL in Telegram).",
    },
}


@dataclass(frozen=True)
class Decision:
    """Whether to answer, and why not: `text` is what to tell the user instead (in the question's language)."""

    answer: bool
    reason: Reason
    text: str = ""
    #: the gate's estimate that the answer is right, where it makes one (the extractive judge)
    probability: float | None = None


ANSWER = Decision(answer=True, reason="answer")


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
    text = texts["none"].format(of=of, days=days, expression=published.expression)
    if newest is None or newest.meta.published_at is None:
        return text + texts["undated"]
    return text + texts["newest"].format(date=newest.meta.published_iso[:10], title=newest.meta.title)


def reply(kind: str, question: str) -> str:
    """One of REPLIES in the question's language where we have it, else in English. Small talk with a word of
    GERMAN_SMALL_TALK is German: detection is unsure of a word or two."""
    return REPLIES[kind][reply_language(kind, question)]


def reply_language(kind: str, question: str) -> str:
    """The language of REPLIES[kind] to reply to the question in."""
    if kind in CHATTY and {fold(word) for word in WORD_RE.findall(question)} & GERMAN_SMALL_TALK:
        return "de"
    language = question_language(question, default="en")
    return language if language in REPLIES[kind] else "en"


DAY_NAMES = {"en": tuple(d.capitalize() for d in WEEKDAYS_EN), "de": tuple(d.capitalize() for d in WEEKDAYS_DE)}
MONTH_NAMES = {"en": tuple(m.capitalize() for m in MONTHS_EN), "de": tuple(m.capitalize() for m in MONTHS_DE)}


def clock_reply(question: str, now: datetime) -> str:
    """ "Today is Friday, 4 December 2026. …" in the question's language."""
    language = reply_language("clock", question)
    weekday, month = DAY_NAMES[language][now.weekday()], MONTH_NAMES[language][now.month - 1]
    date = (
        f"{weekday}, {now.day}. {month} {now.year}" if language == "de" else f"{weekday}, {now.day} {month} {now.year}"
    )
    return REPLIES["clock"][language].format(date=date)


class AnswerGate:
    """Decides, step by step, whether a question gets an answer (see the module docstring)."""

    def __init__(self, *, min_relevance: float, translates: bool = False) -> None:
        self.min_relevance = min_relevance
        #: whether the answerer can translate (an LLM); else a request to translate is told it cannot
        self.translates = translates

    def screen_question(
        self, question: str, now: datetime | None = None, *, alone: bool = False, unanswered: bool = False
    ) -> Decision:
        """Small talk, punctuation and gibberish get a short helpful reply instead of a cited sentence; `now` is
        what today is for a question about the date (default: the clock). A question `alone` follows no earlier
        turn: a question word alone ("Why?") is then unclear, where in a conversation it asks about the story. One
        that follows a reply that quoted no news (`unanswered`, "the news does not say") and asks why not is told
        where the answers come from."""
        words = WORD_RE.findall(question)
        number_only = NUMBER_ONLY.match(question) and not YEAR.match(question)
        if not words or ARITHMETIC.match(question) or PLACEHOLDER.search(question) or number_only:
            return Decision(False, "not_a_question", reply("unclear", question))
        if ARITHMETIC_ASKED.match(" ".join(question.split())):
            return Decision(False, "not_a_question", reply("joke", question))
        said = " ".join(words)
        if unanswered and WHY_NOT.match(said):
            return Decision(False, "not_a_question", reply("why_not", question))
        if alone and BARE_QUESTION.match(said):
            language = "de" if {fold(word) for word in words} & GERMAN_BARE_WORDS else "en"
            return Decision(False, "not_a_question", REPLIES["unclear"][language])
        if CLOCK.match(said):
            return Decision(False, "not_a_question", clock_reply(question, now or datetime.now(UTC)))
        if not self.translates and TRANSLATE_REQUEST.match(question):
            return Decision(False, "not_a_question", reply("translate", question))
        if not self.translates and SUMMARY_REQUEST.match(said):
            return Decision(False, "not_a_question", reply("summary", question))
        kind = "sources" if asks_for_sources(question) else small_talk(words)
        if kind:
            return Decision(False, "not_a_question", reply(kind, question))
        if not _has_meaning(words):
            return Decision(False, "not_a_question", reply("unclear", question))
        return ANSWER

    def screen_story(self, question: str) -> Decision:
        """A question that follows no earlier turn and names no story (`names_no_story`) is asked which one it
        means, instead of getting a sentence of whatever story its one word matches."""
        if names_no_story(question):
            language = _asking_language(question)
            return Decision(False, "no_story", REPLIES["no_story"].get(language, REPLIES["no_story"]["en"]))
        return ANSWER

    def screen_hits(self, question: str, hits: Sequence[Hit], *, store_is_empty: bool) -> Decision:
        """Nothing indexed, or nothing relevant enough to read: abstain before any answerer runs."""
        if store_is_empty:
            return Decision(False, "empty_store", reply("empty_store", question))
        if not hits or max(hit.score for hit in hits) < self.min_relevance:
            return Decision(False, "not_relevant", abstain_text(question))
        return ANSWER

    def screen_dates(
        self, question: str, dates: DateQuery, articles: Sequence[StoredArticle], outlet: str = ""
    ) -> Decision:
        """A question about dates no indexed article is from gets told so, with the newest article's date,
        instead of older news; `articles` are all the stored articles (`outlet`'s, when the question names one).
        The newest is the newest before those dates where there is one: replaying an earlier `now`, later articles
        are not yet news."""
        published = dates.published
        if published is None or any(published.contains(a.meta.published_ts) for a in articles):
            return ANSWER
        dated = sorted((a for a in articles if a.meta.published_ts), key=lambda a: a.meta.published_ts or 0.0)
        before = [a for a in dated if (a.meta.published_ts or 0.0) < published.start_ts]
        newest = (before or dated)[-1] if dated else None
        language = dates.language or question_language(question, default="en")
        return Decision(False, "no_article_in_range", no_article_text(published, newest, language, outlet))


def linked_page(message: str) -> str:
    """The web address a message is made of, or "" when it is more (or less) than one."""
    match = LINK_ONLY.match(message)
    return match.group("url") if match else ""


def asks_for_sources(message: str) -> bool:
    """Whether a message asks for the sources of the last answer ("sources?", "Woher hast du das?")."""
    return SOURCES_REQUEST.match(message) is not None


def small_talk(words: Sequence[str]) -> str:
    """The kind of small talk a message of these words is (a key of REPLIES: thanks, praise, goodbye, greeting, nod,
    help, doubt, joke), or "" when it is more than that."""
    said = " ".join(words)
    if GOOD_BOT.match(said):
        return "praise"
    if FAREWELL.match(said):
        return "goodbye"
    folded = {fold(word) for word in words if not word.isdigit()}  # "testing 123"
    if folded & SMALL_TALK_WORDS and folded <= SMALL_TALK_WORDS | SMALL_TALK_FILLERS:
        return next(kind for kind, vocabulary in SMALL_TALK.items() if folded & vocabulary)
    if HOW_ARE_YOU.match(said):
        return "greeting"
    if NOD.match(said):
        return "nod"
    if ABOUT_THE_BOT.match(said):
        return "help"
    if DOUBT.match(said):
        return "doubt"
    if ENTERTAIN.match(said) or NOT_THE_NEWS.match(said):
        return "joke"
    return ""


def names_no_story(question: str) -> bool:
    """Whether a question names no story: a question word, no name or number, and at most one content word, with a
    word pointing back ("What did he say?", "Wie viel kostet es?", "Where is it?"), or one that says only what
    happened: German written in lower case, a verb ("Wer gewann?", "Was ist passiert?"), English a past form ("Who
    won?", "What happened?"). "What is inflation?", "Wer ist der Bundeskanzler?" and "Inflation?" name one."""
    words = WORD_RE.findall(question)
    if not {fold(word) for word in words} & QUESTION_WORDS:
        return False
    language = _asking_language(question)
    asked = Question.of(question, language)
    if asked.names or len(asked.terms) > 1:
        return False
    if not asked.terms or POINTS_BACK.search(question):
        return True
    (term,) = asked.terms
    if language == "de":
        return any(fold(word) == term and word[:1].islower() for word in words)
    return language == "en" and (term.endswith("ed") or term in PAST_FORMS_EN)


def _asking_language(question: str) -> str:
    """The question's language; when it is too short for the identifier ("Who won?", "Wer gewann?"), the language
    of its question word (English, else German), else ""."""
    folded = {fold(word) for word in WORD_RE.findall(question)}
    language = question_language(question, default="")
    return language or ("en" if folded & ENGLISH_QUESTION_WORDS else "de" if folded & QUESTION_WORDS else "")


def _has_meaning(words: Sequence[str]) -> bool:
    """Whether any word is a number, a name, a function word or a word of a language we read.

    Cheap checks first; the lemma dictionaries (simplemma) load only for questions the cheap checks cannot tell.
    """
    if any(word.isdigit() or fold(word) in STOPWORDS or word[:1].isupper() for word in words):
        return True
    return any(is_known_word(word) for word in words if len(word) > 1)
