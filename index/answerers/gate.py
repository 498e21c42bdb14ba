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
from index.datepatterns import MONTHS_DE, MONTHS_EN, WEEKDAYS_DE, WEEKDAYS_EN
from index.dates import DateQuery, DateRange
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
# super" greets). Words of understanding ("entendi", "rozumiem") are left to NOD, whole: "Não entendi" asks for help.
SMALL_TALK: dict[str, frozenset[str]] = {
    "thanks": _words(
        """thanks thank thx ty tysm danke dankeschön dankeschoen dank merci gracias grazie cheers bedankt dankjewel
        dankuwel obrigado obrigada valeu dzięki dziękuję dziekuje спасибо спасибки благодарю дякую"""
    ),
    "goodbye": _words(
        """bye goodbye tschüss tschuess tschau ciao adieu wiedersehen cya see bald night nacht später spaeter revoir
        bientôt nuit adiós hasta luego noches arrivederci addio buonanotte doei ziens goedenacht welterusten tchau
        adeus widzenia zobaczenia dobranoc пока свидания побачення бувай добраніч"""
    ),
    "greeting": _words(
        """hi hello hey hallo moin servus yo hiya howdy bonjour salut hola grüezi grüß gruess good guten gute
        morning evening afternoon morgen tag abend helo hii hiii heyy heyyy hallöchen hallihallo bonsoir coucou
        buenos buenas buongiorno buonasera salve hoi goedemorgen goedemiddag goedenavond olá oi bom boa cześć czesc
        witam witajcie dobry привет здравствуйте здравствуй добрый доброе привіт вітаю добрий доброго"""
    ),
    # a nod to the last answer ("ok", "super", "lol"): no "Hi!" in the middle of a chat
    "nod": _words(
        """ok okay cool test super great nice fine perfect perfekt prima toll klasse alright gut yes no ja nein
        jo lol haha interesting interessant wow aha ah oh hm hmm sure genau stimmt klar passt egal whatever boring
        langweilig lmao rofl brb np k kk nö noe nope yep yeah yup bla blabla testing ahnung idk weiß weiss spannend
        krass schade oui ouais parfait vale bueno perfecto claro perfetto esatto oké nee goed precies sim beleza
        perfeito tak dobrze jasne spoko okej да ладно хорошо отлично ок ага угу гаразд чудово добре"""
    ),
}
SMALL_TALK_WORDS = frozenset().union(*SMALL_TALK.values())
SMALL_TALK_FILLERS = _words(
    """you a lot so very much many again all für die the answer antwort dir ihnen dich vielen schön schoen sehr
    bot newsbot there everyone everybody folks guys leute zusammen alle gott alles keine nicht idea one
    herzlichen herzlich besten bestens and und dann then for your deine ihre nochmal einmal auch too bis
    soon later auf have day einen schönen schoenen beaucoup à vous toi tous bonne journée soirée muchas días tardes
    mille tante je wel hartelijk iedereen muito dia tarde noite bardzo wszystkim dzień большое огромное всем
    дуже щиро всім ранку день утро вечер"""
)
# The words of small talk each language but English has, for the language to reply in: a message of a word or two is
# hard to detect ("Hilfe", "Merci", "Dzięki"). Not the words two of them write alike ("bien", "claro", "sei") or
# English does ("date", "comment", "help"): those leave it to detection.
SMALL_TALK_LANGUAGES: dict[str, frozenset[str]] = {
    "de": _words(
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
        läufst lebst darf frage fragen stellen vergiss schon entschuldigung entschuldige gerne gern abbrechen kein
        toll spitze hilfreich klug gemacht nützlich antworten schreiben englisch sprichst verstehst mir hallöchen
        hallihallo spannend krass schade später spaeter warum wieso weshalb weisst weißt kannst beantworten fass
        zusammen zusammenfassen zusammenfassung kurz gesagt kurzfassung"""
    ),
    "fr": _words(
        """lien traduis traduit traduisez traduire résumez résumer svp plaît plait
        merci beaucoup bonjour salut bonsoir coucou revoir bientôt adieu journée soirée nuit bonne oui ouais tu
        accord parfait entendu vous toi tous qui êtes etes quoi peux pouvez sais fais faites faire ça appelles
        appelle aide aidez moi humain vraie comprends pas demander sûr certaine vraiment vrai faux
        importe sérieux sérieusement nul bête stupide joué meilleur réponse mauvaise allez vas quelle quel heure
        est jour sommes nous aujourd hui désolé désolée tant pis laisse tomber oublie vois compris demain marche"""
    ),
    "es": _words(
        """fuentes enlace traduce traduzca traducir resumir resúmelo resumen
        gracias muchas hola ayuda buenos buenas días tardes noches adiós hasta luego mañana vale bueno perfecto quién
        eres puedes puede hacer funcionas llamas ayúdame hizo entiendo tengo pregunta ayudarme puedo preguntar
        preguntarte verdad cierto correcto tonterías respuesta incorrecta equivocada pregunté tonto tonta malo sirve
        sirvió ayudó buen trabajo hecho mejor hoy fecha acuerdo olvídalo siento perdón tal usted vemos tengas tenga
        qué cómo estás"""
    ),
    "it": _words(
        """fonti collegamento traduci tradurre traduca riassumi riassumere riassunto favore
        grazie mille tante ciao buongiorno buonasera buonanotte salve arrivederci addio presto domani vediamo
        giornata serata notte buona capito capisco esatto perfetto bene lascia stare perdere scusa scusami dispiace
        peccato nessun chi sei lei che puoi sai fare funziona chiami aiuto aiutami creato fatto programmato
        domanda aiutarmi chiedere chiederti sicuro sicura davvero vero giusto corretto sbagliato sbagliata risposta
        stupido scemo aiutato bravissimo migliore ottimo ottima lavoro ore giorno oggi stai tutto"""
    ),
    "nl": _words(
        """bronnen koppeling vertaal vertalen samenvatten samenvatting alsjeblieft alstublieft graag
        bedankt dankjewel dankuwel je wel hartelijk hoi goedemorgen goedemiddag goedenavond goedenacht
        welterusten doei ziens oké tot straks fijne prettige dag avond nee goed precies duidelijk akkoord snap begrijp
        begrepen laat maar maakt uit geen probleem ben jij bent wat kun kunt doen werkt dit het heet hulp gemaakt
        vraag vragen weet zeker meen klopt waar juist fout onzin verkeerd antwoord gevraagd dom stom nutteloos niet
        nuttig helpt gedaan geweldig behulpzaam hoe welke vandaag gaat daar iedereen erg"""
    ),
    "pt": _words(
        """fontes ligação traduza traduz traduzir resuma resumo
        obrigado obrigada valeu muito olá oi bom boa noite robô logo tchau adeus mais amanhã sim não beleza entendi
        percebi compreendo acordo deixa pra esquece desculpa desculpe sem quem você vocês pode podes fazer chama chamas
        seu pessoa criou fez programou tenho uma pergunta ajuda ajude ajudar perguntar tem tens certeza verdade
        errado errada resposta ajudou trabalho ótimo ótima incrível melhor perfeito útil são hoje tudo bem vai vais"""
    ),
    "pl": _words(
        """źródła źródło odnośnik przetłumacz podsumuj podsumowanie streść streszczenie proszę
        dzięki dziękuję dziekuje bardzo cześć czesc witam witajcie dzień dobry dobranoc widzenia zobaczenia jutra
        na razie miłego milego dnia wieczoru tak nie dobrze jasne spoko okej rozumiem zrozumiałem zrozumialem
        zrozumiałam zrozumialam nieważne niewazne zapomnij przepraszam problemu szkoda porządku porzadku kim jesteś
        jestes jest pani czym potrafisz umiesz możesz mozesz zrobić zrobic robić robic jak działa dziala masz imię
        imie się sie nazywasz czy botem robotem człowiekiem czlowiekiem maszyną maszyna prawdziwy kto cię cie
        stworzył stworzyl zrobił zrobil mam pytanie pomocy pomoc pomóż pomoz mogę moge zapytać zapytac pewien pewna
        pewny pewno naprawdę naprawde prawda nieprawda bzdura bzdury źle zle błąd blad zła zla odpowiedź odpowiedz
        pytałem pytalem pytałam pytalam głupi glupi beznadziejny pomogło pomoglo pomaga dobra robota świetnie
        swietnie brawo świetny swietny najlepszy genialny pomocny było bylo pomocne przydatne świetna swietna która
        ktora godzina jaki dziś dzis dzisiaj słychać slychac wszystkim"""
    ),
    "ru": _words(
        """источники источник ссылка ссылки переведи переведите перевести перескажи подытожь резюмируй кратко пожалуйста
        спасибо спасибки большое огромное благодарю привет здравствуйте здравствуй добрый доброе утро вечер пока
        свидания завтра встречи спокойной ночи хорошего всего доброго хорошо ладно понятно понял поняла отлично
        окей угу да нет неважно забудь извини извините простите прости жаль кто ты вы что такое умеешь можешь
        умеете можете делать как это работает тебя вас зовут человек ии настоящий создал сделал написал понимаю
        меня есть вопрос помоги помогите мне помочь помощь могу спросить уверен уверена уверены серьёзно неверно
        неправильно ошибка чушь бред неправильный ответ спрашивал об этом тупой глупый бесполезный дурак помогло
        бесполезно молодец лучший классный умный умница полезно очень который час сколько сейчас времени какой
        сегодня какое число дела поживаете поживаешь тут здесь всем"""
    ),
    "uk": _words(
        """джерела джерело посилання переклади перекласти підсумуй перекажи ласка
        дякую щиро дуже привіт вітаю добрий доброго ранку ранок вечір побачення зустрічі бувай бувайте добраніч
        гарного дня все добре гаразд зрозуміло зрозумів зрозуміла чудово так ні неважливо вибач вибачте пробач
        пробачте шкода хто ти ви що таке вмієш можеш вмієте можете робити як це працює тебе звати людина штучний
        інтелект справжній створив зробив розумію мене є питання допоможи допоможіть мені допомогти допомога можу
        запитати впевнений впевнена впевнені справді серйозно помилка дурниця маячня неправильна відповідь питав
        питала тупий дурний марний допомогло марно молодець найкращий класний розумний корисно котра година скільки
        зараз часу який сьогодні яке число справи всім"""
    ),
}
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
    r"|(?:i|ich) (?:(?:really |just )?(?:love|like) you|liebe dich|mag dich)"
    # and in French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian: help, who and what it is, what
    # it can do, how it works, not understanding, a question announced
    r"|aide(?: moi)?|aidez moi|qui es tu|qui êtes vous|qui etes vous|t es qui|tu es qui"
    r"|(?:qu est ce que|que) (?:tu peux|vous pouvez|tu sais|tu fais|vous faites) faire|que sais tu faire"
    r"|comment (?:ça|ca) marche|comment tu t appelles|comment vous appelez vous"
    r"|(?:es tu|êtes vous|etes vous|tu es|t es) (?:un |une )?(?:robot|bot|humaine?|vraie?|ia|machine"
    r"|une vraie personne)"
    r"|qui t a (?:créé|cree|fait|programmé|programme)|je ne comprends pas|j ai une question"
    r"|(?:tu peux|pouvez vous) m aider|(?:qu est ce que|que) (?:je peux|puis je) (?:te |vous )?demander"
    r"|ayuda|ayúdame|ayudame|(?:quién|quien) (?:eres|es usted)|(?:qué|que) eres|(?:qué|que) (?:puedes|sabes|puede)"
    r" hacer|(?:cómo|como) funcionas?|(?:cómo|como) te llamas|(?:eres|es usted) (?:un |una )?(?:robot|bot|humano"
    r"|humana|persona real|máquina|maquina|ia|real)|(?:quién|quien) te (?:hizo|creó|creo|programó|programo)"
    r"|no (?:lo )?entiendo|tengo una pregunta|(?:me )?(?:puedes|puede) ayudar(?:me)?"
    r"|(?:qué|que) (?:te )?puedo preguntar(?:te)?|aiuto|aiutami|chi sei|chi è lei|(?:che )?cosa sei"
    r"|(?:che )?cosa (?:sai|puoi) fare|come funziona|come ti chiami|sei (?:un |una )?(?:robot|bot|umano|umana"
    r"|persona vera|macchina|ia|vero)|chi ti ha (?:creato|fatto|programmato)|non capisco|ho una domanda"
    r"|(?:puoi|mi puoi) aiutarmi|(?:che )?cosa (?:posso|ti posso) chiedere(?:ti)?|hulp|wie ben (?:jij|je)"
    r"|wie bent u|wat ben (?:jij|je)|wat (?:kun|kan) (?:jij|je)(?: doen)?|wat kunt u(?: doen)?|hoe werkt (?:het|dit)"
    r"|hoe heet (?:je|jij)|(?:ben (?:jij|je)|bent u) (?:een )?(?:robot|bot|mens|echt|computer|ai)"
    r"|wie heeft (?:je|jou) gemaakt|ik begrijp het niet|ik snap het niet|ik heb een vraag"
    r"|(?:kun|kan) (?:je|jij) me helpen|kunt u me helpen|wat kan ik (?:je |u )?vragen"
    r"|ajuda|me ajuda|ajude me|quem (?:é|e|és|es) (?:você|voce|tu)|(?:o )?que (?:é|e) (?:você|voce)"
    r"|(?:o )?que (?:você|voce) (?:pode|sabe) fazer|(?:o )?que podes fazer|como funciona|como (?:você|voce) se chama"
    r"|como te chamas|qual (?:é )?o seu nome|(?:você é|voce e|és) (?:um |uma )?(?:robô|robo|bot|humano|pessoa real"
    r"|máquina|maquina|ia|real)|quem te (?:criou|fez|programou)|(?:eu )?(?:não|nao) (?:entendo|entendi)"
    r"|tenho uma pergunta|(?:pode|podes) me ajudar|(?:o )?que (?:eu )?posso (?:te )?perguntar"
    r"|pomocy|pomoc|pom(?:ó|o)(?:ż|z) mi|kim (?:jesteś|jestes|pan jest|pani jest)|czym (?:jesteś|jestes)"
    r"|co (?:potrafisz|umiesz|możesz|mozesz)(?: zrobić| zrobic| robić| robic)?|jak (?:to )?(?:działa|dziala)"
    r"|jak (?:się|sie) nazywasz|jak masz na imi(?:ę|e)|(?:czy )?(?:jesteś|jestes) (?:botem|robotem|człowiekiem"
    r"|czlowiekiem|maszyną|maszyna|prawdziwy|prawdziwa)|kto (?:cię|cie) (?:stworzył|stworzyl|zrobił|zrobil)"
    r"|nie rozumiem|mam pytanie|(?:czy )?(?:możesz|mozesz) mi pom(?:ó|o)c"
    r"|o co (?:mogę|moge) (?:cię |cie )?zapyta(?:ć|c)"
    r"|помощь|помоги(?:те)?(?: мне)?|кто (?:ты|вы)|(?:ты|вы) кто|что ты такое|что (?:ты|вы) (?:умеешь|можешь|умеете"
    r"|можете)(?: делать)?|как (?:это )?работает|как (?:тебя|вас) зовут|(?:ты|вы) (?:бот|робот|человек|машина|ии"
    r"|настоящий|настоящая)|кто тебя (?:создал|сделал|написал)|(?:я )?не понимаю|у меня (?:есть )?вопрос"
    r"|(?:ты |вы )?(?:можешь|можете) (?:мне )?помочь|что (?:я )?могу (?:у тебя |тебя |у вас |вас )?спросить"
    r"|допомога|допоможи(?:ть)?(?: мені)?|хто (?:ти|ви)|(?:ти|ви) хто|що ти таке|що (?:ти|ви) (?:вмієш|можеш"
    r"|вмієте|можете)(?: робити)?|як (?:це )?працює|як (?:тебе|вас) звати|(?:ти|ви) (?:бот|робот|людина|машина"
    r"|штучний інтелект|справжній)|хто тебе (?:створив|зробив|написав)|(?:я )?не розумію|у мене (?:є )?питання"
    r"|(?:ти |ви )?(?:можеш|можете) (?:мені )?допомогти|що (?:я )?можу (?:в тебе |тебе |у вас |вас )?запитати)\W*$",
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
    r"|(?:i|ich) (?:hate you|hasse dich|hasse sie)"
    # and in French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian
    r"|(?:tu es|t es|es tu|vous êtes|vous etes|êtes vous|etes vous) (?:sûre?|sure?|certaine?)(?: de (?:ça|ca|toi))?"
    r"|vraiment|c est vrai|(?:c est|ce n est|c est pas) (?:faux|pas vrai|pas (?:ça|ca|juste|correct)|n importe quoi)"
    r"|n importe quoi|faux|mauvaise réponse|mauvaise reponse|ce n est pas ce que j ai demandé"
    r"|(?:tu es|t es) (?:nul|bête|bete|stupide|inutile)|sérieux|serieux|sérieusement|serieusement|pas (?:très )?utile"
    r"|(?:estás|estas|está usted) (?:seguro|segura)|en serio|de verdad|(?:es|eso es) (?:verdad|cierto|correcto)"
    r"|(?:eso )?(?:no es (?:verdad|cierto|correcto)|es falso|está mal|esta mal)|falso|mentira|tonterías|tonterias"
    r"|respuesta (?:incorrecta|equivocada)|eso no es lo que pregunt(?:é|e)|(?:eres|es usted) (?:tonto|tonta"
    r"|estúpido|estupido|inútil|inutil)|no (?:me )?(?:sirve|sirvió|ayuda|ayudó)|no es útil"
    r"|(?:sei|ne sei) (?:sicuro|sicura)|davvero|sul serio|(?:è|e) vero|non (?:è|e) (?:vero|giusto|corretto)"
    r"|(?:è|e) sbagliat[oa]|sbagliato|risposta sbagliata|non (?:è|e) quello che ho chiesto"
    r"|sei (?:stupido|stupida|inutile|scemo)|non (?:è|e) (?:stato )?utile|non mi (?:ha )?aiutat?o"
    r"|weet je (?:het )?zeker|(?:ben je|bent u) (?:er )?zeker(?: van)?|echt waar|meen je dat|klopt dat"
    r"|is dat (?:waar|juist)|(?:dat )?(?:klopt niet|is niet waar|is fout|is onzin)|fout|onzin|verkeerd antwoord"
    r"|dat heb ik niet gevraagd|(?:je bent|jij bent) (?:dom|stom|nutteloos)|niet (?:erg )?nuttig|dat helpt niet"
    r"|(?:tem|você tem|voce tem|tens) certeza|(?:é|e) verdade|(?:a )?sério|de verdade|(?:isso )?(?:não|nao) (?:é|e)"
    r" (?:verdade|certo|correto)|(?:isso )?(?:está|esta) errado|errado|resposta errada"
    r"|(?:não|nao) foi isso que (?:eu )?perguntei|(?:você é|voce e|és) (?:burro|burra|estúpido|inútil)"
    r"|(?:não|nao) (?:ajudou|ajuda)|(?:não|nao) (?:é|foi) útil"
    r"|(?:czy )?(?:jesteś|jestes) (?:pewien|pewna|pewny)|na pewno|naprawdę|naprawde|serio|(?:czy )?to prawda"
    r"|(?:to )?(?:nieprawda|bzdura|bzdury|źle|zle|błąd|blad)|(?:zła|zla) odpowied(?:ź|z)|nie o to pyta(?:ł|l)(?:em|am)"
    r"|(?:jesteś|jestes) (?:głupi|glupi|beznadziejny)|(?:to )?nie (?:pomogło|pomoglo|pomaga)"
    r"|(?:ты|вы) уверен(?:а|ы)?|точно|правда|серь(?:ё|е)зно|(?:это )?(?:неправда|неверно|неправильно|ошибка|чушь"
    r"|ерунда|бред)|это правда|неправильный ответ|я не об этом спрашивал(?:а)?|(?:ты|вы) (?:тупой|глупый|бесполезный"
    r"|дурак)|(?:это )?не помогло|бесполезно|(?:ти|ви) (?:впевнен(?:ий|а|і))|справді|серйозно"
    r"|(?:це )?(?:неправда|неправильно|помилка|дурниця|маячня)|це правда|неправильна відповідь"
    r"|я не про це питав(?:ла)?|(?:ти|ви) (?:тупий|дурний|марний)|(?:це )?не допомогло|марно)\W*$",
    re.IGNORECASE,
)
# What a message asks of the clock, whole ("What time is it?", "What's the date today?", "Welcher Tag ist heute?"):
# today's date, from what "now" means for the question (NEWSBOT_NOW, else the clock).
CLOCK = re.compile(
    r"^\W*(?:what(?: s| is)? (?:the )?time(?: is it)?(?: now)?|what(?: s| is)? (?:the|today s) date(?: today)?"
    r"|what day is (?:it|today)(?: today)?|which day is (?:it|today)|what is today|wie spät ist es|wie spaet ist es"
    r"|wie ?viel uhr ist es|welche[rs]? (?:tag|datum) (?:ist|haben wir) heute|welchen tag haben wir(?: heute)?"
    r"|der wievielte ist heute|welches datum ist heute|was ist heute für ein tag"
    r"|quelle heure est il|quelle heure il est|quel jour (?:sommes nous|on est|est on|est ce)(?: aujourd hui)?"
    r"|on est quel jour|quelle est la date(?: d aujourd hui)?|(?:qué|que) hora es|(?:qué|que) (?:día|dia|fecha) es hoy"
    r"|a (?:qué|que) (?:día|dia) estamos(?: hoy)?|che ore sono|che ora (?:è|e)|che giorno (?:è|e) oggi"
    r"|qual (?:è|e) la data di oggi|hoe laat is het|welke (?:dag|datum) is het(?: vandaag)?"
    r"|wat is de datum(?: vandaag| van vandaag)?|que horas s(?:ão|ao)|que dia (?:é|e) hoje|qual (?:é )?a data de hoje"
    r"|em que dia estamos|kt(?:ó|o)ra (?:jest )?godzina|jaki (?:jest )?(?:dziś|dzis|dzisiaj) (?:jest )?dzie(?:ń|n)"
    r"|kt(?:ó|o)rego (?:dziś|dzis|dzisiaj) (?:jest|mamy)|который час|сколько (?:сейчас )?времени"
    r"|какой (?:сегодня )?день(?: сегодня)?|какое (?:сегодня )?число(?: сегодня)?|котра година"
    r"|скільки (?:зараз )?часу|який (?:сьогодні )?день(?: сьогодні)?|яке (?:сьогодні )?число(?: сьогодні)?)\W*$",
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
    # the sources or the link asked for in French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian
    # ("¿Fuentes?" got a sentence of a satire on aspic, "Źródła?" was told in English that the news does not say)
    r"|(?:(?:les |tes |vos |las |tus |sus |le |el |la |il |tue |de |het |je |uw |o |a |as |os |tuas |suas |twoje "
    r"|твои |ваши |твої |ваші )?"
    r"(?:fuentes|fonti|bronnen|fontes|źródła|zrodla|źródło|zrodlo|источники|источник|джерела|джерело"
    r"|lien|enlace|collegamento|koppeling|ligação|ligacao|odnośnik|odnosnik|ссылк[аиу]|посилання)"
    r"(?:,? (?:s.il (?:te|vous) pla[iî]t|svp|por favor|per favore|alsjeblieft|alstublieft|graag|proszę|prosze"
    r"|пожалуйста|будь ласка))?)"
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
    r"(?: please| bitte)?\W*$"
    # in French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian: a message that starts by asking to
    # translate ("Traduis en français" got a line of a satire)
    r"|^\W*(?:peux.tu |pouvez.vous |puedes |puoi |kun je |kunt u |podes |pode |możesz |mozesz |можешь |можете "
    r"|можеш )?(?:tradui[st]|traduisez|traduire|traduce|traduzca|traducir|traduci|tradurre|traduca|vertaal|vertalen"
    r"|traduza|traduz|traduzir|przetłumacz|przetlumacz|переведи(?:те)?|перевести|переклади(?:ть)?|перекласти)"
    r"\b[^?]{0,80}$",
    re.IGNORECASE,
)
# A message that is only a web address ("https://…", "<https://…>?"): the article read from it, if any.
LINK_ONLY = re.compile(r"^\s*<?(?P<url>https?://[^\s<>]+?)>?[\s?.!]*$", re.IGNORECASE)
# the replies whose language a message's small-talk words decide (SMALL_TALK_LANGUAGES)
CHATTY = frozenset(
    {*SMALL_TALK, "praise", "help", "sources", "translate", "doubt", "joke", "why_not", "summary", "clock"}
)
# A question word alone ("Why?", "Was?", "How?", "Na?"): a follow-up in a conversation, unclear on its own.
BARE_QUESTION = re.compile(
    r"^\W*(?:(?:and|und|but|aber|so|also|et|y|e|en|i|и|і) )?(?:what|why|how|who|when|where|which|whose|was|warum"
    r"|wieso|weshalb|weswegen|wie|wer|wen|wem|wann|wo|woher|wohin|welche[rsmn]?|na|hä|hae|huh|eh|hm+|and|und|so|also"
    # and French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian ("Pourquoi ?" and "Qui ?" got a
    # cited sentence)
    r"|quoi|pourquoi|comment|qui|quand|o[uù]|quel(?:le)?s?|lequel|laquelle|hein|et alors|qu[eé]|por qu[eé]"
    r"|porqu[eéê]|c[oó]mo|qui[eé]n(?:es)?|cu[aá]ndo|d[oó]nde|cu[aá]l(?:es)?|cosa|che cosa|che|perch[eé]|come|chi"
    r"|quando|dove|qual[ei]|wat|waarom|hoe|wanneer|waar|welke?|o qu[eê]|por qu[eê]|quem|onde|qua(?:l|is)|co"
    r"|dlaczego|czemu|jak|kto|kiedy|gdzie|któr[yae]|ktor[yae]|что|почему|зачем|как|кто|когда|где|как(?:ой|ая|ое)"
    r"|що|чому|навіщо|як|хто|коли|де|як(?:ий|а|е))\W*$",
    re.IGNORECASE,
)
# Asking for a summary, whole ("Summarize", "Fass das zusammen" got a list of the newest headlines): the answer
# quotes the news, and its sources link to the whole article.
SUMMARY_REQUEST = re.compile(
    r"^\W*(?:(?:(?:can|could) you |please |bitte |kannst du )?(?:summari[sz]e|sum up|zusammenfassen|fass(?:e|en sie)?)"
    r"(?: (?:it|this|that|the article|das|es|den artikel|mir|das mal))*(?: (?:for me|up|zusammen|please|bitte))*"
    r"|(?:a |eine )?(?:summary|zusammenfassung)(?: please| bitte)?|in short|tl ?dr|kurz gesagt|kurzfassung"
    # and in French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian ("Résume l'article" got a
    # sentence on linking and copyright)
    r"|(?:peux tu |pouvez vous |puedes |puoi |kun je |kunt u |podes |pode |możesz |mozesz |можешь |можете |можеш )?"
    r"(?:résume|résumez|résumer|resume|resumir|resúmelo|resumelo|riassumi|riassumere|vat (?:\S+ )?samen"
    r"|samenvatten|resuma|resumo|podsumuj|streść|stresc|перескажи|подытожь|резюмируй|підсумуй|перекажи)"
    r"(?: \S+){0,3}|(?:un |el |il |een |um |o )?(?:résumé|resumen|riassunto|samenvatting|podsumowanie|streszczenie"
    r"|кратко|коротко)(?: s.il (?:te|vous) pla[iî]t| svp| por favor| per favore| alsjeblieft| proszę| prosze"
    r"| пожалуйста| будь ласка)?)\W*$",
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
# Its words by language: the reply speaks the first language that has one of them, else English ("Wie?" is
# German, "Que ?" Spanish).
BARE_WORDS: dict[str, frozenset[str]] = {
    "de": _words(
        "und aber also was warum wieso weshalb weswegen wie wer wen wem wann wo woher wohin na hä hae welche welcher "
        "welches welchen welchem"
    ),
    "fr": _words("et quoi pourquoi comment qui quand où ou quel quelle quels quelles lequel laquelle hein alors"),
    "es": _words("y qué por porqué cómo quién quiénes cuándo dónde cuál cuáles"),
    "it": _words("e cosa che perché come chi quando dove quale quali"),
    "nl": _words("en wat waarom hoe wanneer waar welke welk"),
    "pt": _words("o quê porquê quem onde qual quais"),
    "pl": _words("i co dlaczego czemu jak kto kiedy gdzie który która które"),
    "ru": _words("и что почему зачем как кто когда где какой какая какое"),
    "uk": _words("і що чому навіщо як хто коли де який яка яке"),
}
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
    r"|(?:do|does) (?:this|the bot|the newsbot) (?:work|still work)"
    # and in French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian (not "¿Cómo está?", "Come sta?":
    # also "How is he?")
    r"|comment (?:ça|ca) va|(?:ça|ca) va|comment (?:allez vous|vas tu)|(?:tu vas|vous allez) bien"
    r"|(?:tu es|t es|es tu|vous êtes|êtes vous) (?:là|la)|(?:qué|que) tal|(?:cómo|como) (?:estás|estas|te va|va todo)"
    r"|(?:estás|estas) (?:ahí|ahi)|come (?:stai|va)|tutto bene|ci sei|hoe gaat het(?: met (?:je|jou|u))?|hoe is het"
    r"|alles goed|ben je (?:daar|er)|como (?:vai|vais|você está|voce esta)|tudo (?:bem|bom|certo)|e aí|e ai"
    r"|jak (?:się|sie) (?:masz|macie|pan ma|pani ma)|co (?:słychać|slychac)|(?:jesteś|jestes) tam"
    r"|как (?:дела|ты|вы|поживаете|поживаешь|у тебя дела|у вас дела)|(?:ты|вы) (?:тут|здесь)"
    r"|як (?:справи|ти|ви|у тебе справи|у вас справи)|(?:ти|ви) (?:тут|там))\W*$",
    re.IGNORECASE,
)
# Wishing a good day, whole ("have a nice day", "Schönen Abend noch" got a sentence on New Year's Eve): goodbye.
FAREWELL = re.compile(
    r"^\W*(?:(?:have a |einen )?(?:nice|good|great|lovely|schönen|schoenen|guten|netten) (?:day|evening|weekend|night"
    r"|tag|abend|feierabend|sonntag|wochenende|rest)(?: noch)?(?: (?:dir|ihnen|euch))?(?: noch)?|take care|mach s gut"
    r"|machs gut|bis dann|bis morgen|see you(?: later| soon| tomorrow)?|later"
    r"|bonne (?:journée|journee|soirée|soiree|nuit|semaine|fin de journée)|(?:à|a) (?:bientôt|bientot|plus|demain)"
    r"|au revoir|hasta (?:luego|pronto|mañana|manana|la vista)|nos vemos|buenas noches"
    r"|(?:que )?(?:tengas?|pases?) (?:un )?buen (?:día|dia|fin de semana)|buona (?:giornata|serata|notte)"
    r"|a (?:presto|domani|dopo)|ci vediamo|tot (?:ziens|straks|morgen|later|de volgende keer)|fijne (?:dag|avond)"
    r"|prettige dag|até (?:logo|mais|amanhã|breve)|ate (?:logo|mais|amanha|breve)|(?:tenha )?um bom dia"
    r"|do (?:widzenia|zobaczenia|jutra)|na razie|(?:miłego|milego) (?:dnia|wieczoru)|до (?:свидания|завтра|встречи)"
    r"|спокойной ночи|хорошего (?:дня|вечера)|всего (?:доброго|хорошего)|до (?:побачення|зустрічі|завтра)"
    r"|на все добре|гарного (?:дня|вечора)|на добраніч)\W*$",
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
    r"|oh well"
    r"|d accord|je vois|(?:j ai )?compris|je comprends|(?:ça|ca) marche|pas (?:de )?(?:problème|probleme|souci)"
    r"|tant pis|laisse tomber|oublie (?:ça|ca)|(?:je suis )?(?:désolée?|desolee?)|c est (?:noté|note|bon)"
    r"|ya veo|(?:lo )?entiendo|entendido|de acuerdo|no pasa nada|no importa|olvídalo|olvidalo|lo siento|perdón"
    r"|(?:qué|que) pena|(?:está|esta) bien|(?:ho )?capito|capisco|va bene|d accordo|non importa"
    r"|lascia (?:stare|perdere)|scusa(?:mi)?|mi dispiace|che peccato|nessun problema|ik snap het|snap ik"
    r"|ik begrijp het|begrepen|akkoord|laat maar|maakt niet uit|geen probleem|jammer|entendi|entendo|percebi"
    r"|compreendo|de acordo|(?:tá|ta|está|esta) bem|deixa (?:pra|para) (?:lá|la)|esquece|desculp[ae]"
    r"|sem problema|(?:no )?rozumiem|zrozumia(?:ł|l)(?:em|am)|nieważne|niewazne|zapomnij|przepraszam"
    r"|nie ma problemu|w (?:porządku|porzadku)|понятно|понял|поняла|ясно|(?:ну )?ладно|неважно|забудь"
    r"|извини(?:те)?|прости(?:те)?|без проблем|жаль|зрозуміло|зрозумів|зрозуміла|неважливо|вибач(?:те)?"
    r"|пробач(?:те)?|шкода)\W*$",
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
    r"|perfekt)|(?:very|sehr) hilfreich|(?:great|good|nice) answer|gute antwort"
    r"|(?:bon|bravo|buen|goede|bom|dobry|хороший) (?:bot|robot|robô|бот)|bravo|bien joué|bien joue"
    r"|(?:tu es|t es|vous êtes|vous etes) (?:super|génial|geniale?|formidable|le meilleur|(?:très |tres )?utile)"
    r"|(?:c est|c était|c etait) (?:très |tres |vraiment )?(?:utile|parfait|super|génial|genial)"
    r"|(?:très |tres )?bonne réponse|bien hecho|buen trabajo|(?:eres|es usted) (?:genial|el mejor|muy útil|increíble)"
    r"|(?:fue|es) (?:muy )?(?:útil|perfecto)|(?:muy )?buena respuesta|muy útil|ben fatto|ottimo lavoro"
    r"|(?:sei|lei è) (?:fantastico|grande|il migliore|utile|bravissimo|bravo)|(?:è stato|era) (?:molto )?(?:utile"
    r"|perfetto)|(?:ottima|bella) risposta|molto utile|goed gedaan|(?:je bent|jij bent|u bent) (?:geweldig|super"
    r"|de beste|top|slim|behulpzaam)|(?:dat was|dat is|het was) (?:erg |heel )?(?:nuttig|handig|perfect|top)"
    r"|goed antwoord|(?:heel|erg) nuttig|bom trabalho|muito bem|(?:você é|voce e|tu és) (?:ótimo|otimo|incrível"
    r"|incrivel|o melhor|muito útil|demais)|(?:foi|é) (?:muito )?(?:útil|perfeito)|(?:ótima|otima|boa) resposta"
    r"|muito útil|muito util|dobra robota|świetnie|swietnie|brawo|(?:jesteś|jestes) (?:super|świetny|swietny"
    r"|najlepszy|genialny|pomocny)|(?:to )?(?:było|bylo) (?:bardzo )?(?:pomocne|przydatne)"
    r"|(?:dobra|świetna|swietna) odpowied(?:ź|z)|молодец|(?:ты|вы) (?:молодец|лучший|супер|классный|умный|умница)"
    r"|(?:это было|это) (?:очень )?(?:полезно|помогло)|(?:хороший|отличный) ответ|очень полезно|молодець"
    r"|(?:ти|ви) (?:молодець|найкращий|супер|класний|розумний)|(?:це було|це) (?:дуже )?(?:корисно|допомогло)"
    r"|(?:гарна|хороша) відповідь|дуже корисно)\W*$",
    re.IGNORECASE,
)
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

# The questions the replies suggest are answered over the bundled samples (tests/answerers/test_trust.py).
EXAMPLE_QUESTIONS = {
    "en": "Who denied supplying arms?",
    "de": "Wer hat bestritten, Waffen an Russland geliefert zu haben?",
    "fr": "Qui a nié avoir fourni des armes ?",
    "es": "¿Quién negó haber suministrado armas?",
    "it": "Chi ha negato di aver fornito armi?",
    "nl": "Wie ontkende wapens te hebben geleverd?",
    "pt": "Quem negou ter fornecido armas?",
    "pl": "Kto zaprzeczył, że dostarczał broń?",
    "ru": "Кто отрицал поставки оружия?",
    "uk": "Хто заперечував постачання зброї?",
}
# each language's quotation marks
QUOTES = {"de": "„{}“", "fr": "« {} »", "es": "«{}»", "it": "«{}»", "pl": "„{}”", "ru": "«{}»", "uk": "«{}»"}
EXAMPLE = {language: QUOTES.get(language, "“{}”").format(question) for language, question in EXAMPLE_QUESTIONS.items()}
REPLIES: dict[str, dict[str, str]] = {
    "greeting": {
        "en": f"Hi! Ask me about the news, e.g. {EXAMPLE['en']}",
        "de": f"Hallo! Fragen Sie mich etwas zu den Nachrichten, z. B. {EXAMPLE['de']}",
        "fr": f"Bonjour ! Posez-moi une question sur l’actualité, par exemple {EXAMPLE['fr']}",
        "es": f"¡Hola! Pregúnteme sobre las noticias, por ejemplo {EXAMPLE['es']}",
        "it": f"Salve! Mi chieda qualcosa sulle notizie, per esempio {EXAMPLE['it']}",
        "nl": f"Hallo! Stel me een vraag over het nieuws, bijvoorbeeld {EXAMPLE['nl']}",
        "pt": f"Olá! Pergunte-me sobre as notícias, por exemplo {EXAMPLE['pt']}",
        "pl": f"Cześć! Zapytaj mnie o wiadomości, np. {EXAMPLE['pl']}",
        "ru": f"Здравствуйте! Спросите меня о новостях, например: {EXAMPLE['ru']}",
        "uk": f"Вітаю! Запитайте мене про новини, наприклад: {EXAMPLE['uk']}",
    },
    "nod": {
        "en": f"Ask me anything else about the news, e.g. {EXAMPLE['en']}",
        "de": f"Fragen Sie mich gern weiter zu den Nachrichten, z. B. {EXAMPLE['de']}",
        "fr": f"Posez-moi d’autres questions sur l’actualité, par exemple {EXAMPLE['fr']}",
        "es": f"Pregúnteme lo que quiera sobre las noticias, por ejemplo {EXAMPLE['es']}",
        "it": f"Mi chieda pure altro sulle notizie, per esempio {EXAMPLE['it']}",
        "nl": f"Vraag me gerust nog meer over het nieuws, bijvoorbeeld {EXAMPLE['nl']}",
        "pt": f"Pergunte-me o que quiser sobre as notícias, por exemplo {EXAMPLE['pt']}",
        "pl": f"Pytaj śmiało o inne wiadomości, np. {EXAMPLE['pl']}",
        "ru": f"Спрашивайте меня ещё о новостях, например: {EXAMPLE['ru']}",
        "uk": f"Запитуйте мене ще про новини, наприклад: {EXAMPLE['uk']}",
    },
    "thanks": {
        "en": "You're welcome! Ask me anything else about the news.",
        "de": "Gern geschehen! Fragen Sie mich gern weiter zu den Nachrichten.",
        "fr": "Je vous en prie ! Posez-moi d’autres questions sur l’actualité.",
        "es": "¡De nada! Pregúnteme lo que quiera sobre las noticias.",
        "it": "Prego! Mi chieda pure altro sulle notizie.",
        "nl": "Graag gedaan! Vraag me gerust nog meer over het nieuws.",
        "pt": "De nada! Pergunte-me o que quiser sobre as notícias.",
        "pl": "Nie ma za co! Pytaj śmiało o inne wiadomości.",
        "ru": "Пожалуйста! Спрашивайте меня ещё о новостях.",
        "uk": "Будь ласка! Запитуйте мене ще про новини.",
    },
    "praise": {
        "en": "Thank you! Ask me anything else about the news.",
        "de": "Danke! Fragen Sie mich gern weiter zu den Nachrichten.",
        "fr": "Merci ! Posez-moi d’autres questions sur l’actualité.",
        "es": "¡Gracias! Pregúnteme lo que quiera sobre las noticias.",
        "it": "Grazie! Mi chieda pure altro sulle notizie.",
        "nl": "Dank u! Vraag me gerust nog meer over het nieuws.",
        "pt": "Obrigado! Pergunte-me o que quiser sobre as notícias.",
        "pl": "Dziękuję! Pytaj śmiało o inne wiadomości.",
        "ru": "Спасибо! Спрашивайте меня ещё о новостях.",
        "uk": "Дякую! Запитуйте мене ще про новини.",
    },
    "goodbye": {
        "en": "Bye! Ask me about the news any time.",
        "de": "Tschüss! Fragen Sie mich jederzeit zu den Nachrichten.",
        "fr": "Au revoir ! Posez-moi des questions sur l’actualité quand vous voulez.",
        "es": "¡Adiós! Pregúnteme sobre las noticias cuando quiera.",
        "it": "Arrivederci! Mi chieda delle notizie quando vuole.",
        "nl": "Tot ziens! Vraag me altijd gerust naar het nieuws.",
        "pt": "Até logo! Pergunte-me sobre as notícias quando quiser.",
        "pl": "Do zobaczenia! Pytaj o wiadomości, kiedy tylko chcesz.",
        "ru": "До свидания! Спрашивайте меня о новостях в любое время.",
        "uk": "До побачення! Запитуйте мене про новини будь-коли.",
    },
    "help": {
        "en": "I answer questions about the news I have read, citing each source (outlet, date, link), in the "
        f"language you ask in. Ask e.g. {EXAMPLE['en']}",
        "de": "Ich beantworte Fragen zu den Nachrichten, die ich gelesen habe, mit ihren Quellen (Medium, Datum, "
        f"Link), in der Sprache Ihrer Frage. Fragen Sie z. B. {EXAMPLE['de']}",
        "fr": "Je réponds aux questions sur l’actualité que j’ai lue, en citant chaque source (média, date, lien), "
        f"dans la langue de votre question. Demandez par exemple {EXAMPLE['fr']}",
        "es": "Respondo preguntas sobre las noticias que he leído, citando cada fuente (medio, fecha, enlace), en el "
        f"idioma en que pregunte. Pregunte por ejemplo {EXAMPLE['es']}",
        "it": "Rispondo a domande sulle notizie che ho letto, citando ogni fonte (testata, data, link), nella lingua "
        f"in cui chiede. Chieda per esempio {EXAMPLE['it']}",
        "nl": "Ik beantwoord vragen over het nieuws dat ik heb gelezen, met elke bron (medium, datum, link), in de "
        f"taal waarin u vraagt. Vraag bijvoorbeeld {EXAMPLE['nl']}",
        "pt": "Respondo a perguntas sobre as notícias que li, citando cada fonte (veículo, data, link), no idioma em "
        f"que pergunta. Pergunte por exemplo {EXAMPLE['pt']}",
        "pl": "Odpowiadam na pytania o wiadomości, które przeczytałem, podając każde źródło (medium, datę, link), w "
        f"języku pytania. Zapytaj np. {EXAMPLE['pl']}",
        "ru": "Я отвечаю на вопросы о прочитанных мной новостях, указывая каждый источник (издание, дату, ссылку), "
        f"на языке вашего вопроса. Спросите, например: {EXAMPLE['ru']}",
        "uk": "Я відповідаю на запитання про прочитані мною новини, вказуючи кожне джерело (видання, дату, "
        f"посилання), мовою вашого запитання. Запитайте, наприклад: {EXAMPLE['uk']}",
    },
    "unclear": {
        "en": f"I did not understand that. Ask me a question about the news, e.g. {EXAMPLE['en']}",
        "de": f"Das habe ich nicht verstanden. Stellen Sie eine Frage zu den Nachrichten, z. B. {EXAMPLE['de']}",
        "fr": f"Je n’ai pas compris. Posez-moi une question sur l’actualité, par exemple {EXAMPLE['fr']}",
        "es": f"No lo he entendido. Hágame una pregunta sobre las noticias, por ejemplo {EXAMPLE['es']}",
        "it": f"Non ho capito. Mi faccia una domanda sulle notizie, per esempio {EXAMPLE['it']}",
        "nl": f"Dat heb ik niet begrepen. Stel me een vraag over het nieuws, bijvoorbeeld {EXAMPLE['nl']}",
        "pt": f"Não entendi. Faça-me uma pergunta sobre as notícias, por exemplo {EXAMPLE['pt']}",
        "pl": f"Nie zrozumiałem. Zadaj mi pytanie o wiadomości, np. {EXAMPLE['pl']}",
        "ru": f"Я не понял. Задайте мне вопрос о новостях, например: {EXAMPLE['ru']}",
        "uk": f"Я не зрозумів. Поставте мені запитання про новини, наприклад: {EXAMPLE['uk']}",
    },
    "sources": {
        "en": "Each of my answers lists its sources under it (outlet, date, link). Ask me about the news, e.g. "
        f"{EXAMPLE['en']}",
        "de": "Jede meiner Antworten nennt ihre Quellen darunter (Medium, Datum, Link). Fragen Sie mich etwas zu den "
        f"Nachrichten, z. B. {EXAMPLE['de']}",
        "fr": "Chacune de mes réponses indique ses sources en dessous (média, date, lien). Posez-moi une question sur "
        f"l’actualité, par exemple {EXAMPLE['fr']}",
        "es": "Cada una de mis respuestas indica sus fuentes debajo (medio, fecha, enlace). Pregúnteme sobre las "
        f"noticias, por ejemplo {EXAMPLE['es']}",
        "it": "Ogni mia risposta elenca le sue fonti qui sotto (testata, data, link). Mi chieda qualcosa sulle "
        f"notizie, per esempio {EXAMPLE['it']}",
        "nl": "Onder elk van mijn antwoorden staan de bronnen (medium, datum, link). Stel me een vraag over het "
        f"nieuws, bijvoorbeeld {EXAMPLE['nl']}",
        "pt": "Cada resposta minha lista as fontes logo abaixo (veículo, data, link). Pergunte-me sobre as notícias, "
        f"por exemplo {EXAMPLE['pt']}",
        "pl": "Pod każdą moją odpowiedzią są jej źródła (medium, data, link). Zapytaj mnie o wiadomości, np. "
        f"{EXAMPLE['pl']}",
        "ru": "Под каждым моим ответом указаны его источники (издание, дата, ссылка). Спросите меня о новостях, "
        f"например: {EXAMPLE['ru']}",
        "uk": "Під кожною моєю відповіддю вказано її джерела (видання, дата, посилання). Запитайте мене про новини, "
        f"наприклад: {EXAMPLE['uk']}",
    },
    "translate": {
        "en": "I quote the news in the language it was written in and cannot translate it here; each source links to "
        "the whole article. Ask me in English and I look for the answer in every language I have read.",
        "de": "Ich zitiere die Nachrichten in der Sprache, in der sie geschrieben wurden, und kann sie hier nicht "
        "übersetzen; jede Quelle verlinkt den ganzen Artikel.",
        "fr": "Je cite l’actualité dans la langue où elle a été écrite et ne peux pas la traduire ici ; chaque source "
        "renvoie à l’article complet. Posez votre question en français et je cherche la réponse dans toutes les "
        "langues que j’ai lues.",
        "es": "Cito las noticias en el idioma en que se escribieron y aquí no puedo traducirlas; cada fuente enlaza "
        "al artículo completo. Pregúnteme en español y busco la respuesta en todos los idiomas que he leído.",
        "it": "Cito le notizie nella lingua in cui sono state scritte e qui non posso tradurle; ogni fonte rimanda "
        "all’articolo completo. Mi chieda in italiano e cerco la risposta in tutte le lingue che ho letto.",
        "nl": "Ik citeer het nieuws in de taal waarin het is geschreven en kan het hier niet vertalen; elke bron "
        "linkt naar het volledige artikel. Vraag het me in het Nederlands en ik zoek het antwoord in elke taal die "
        "ik heb gelezen.",
        "pt": "Cito as notícias no idioma em que foram escritas e não posso traduzi-las aqui; cada fonte leva ao "
        "artigo completo. Pergunte-me em português e procuro a resposta em todos os idiomas que li.",
        "pl": "Cytuję wiadomości w języku, w którym zostały napisane, i nie mogę ich tu przetłumaczyć; każde źródło "
        "prowadzi do całego artykułu. Zapytaj mnie po polsku, a poszukam odpowiedzi we wszystkich językach, które "
        "przeczytałem.",
        "ru": "Я цитирую новости на том языке, на котором они написаны, и не могу их здесь перевести; каждый "
        "источник ведёт на полную статью. Спросите меня по-русски, и я поищу ответ на всех языках, которые прочитал.",
        "uk": "Я цитую новини мовою, якою їх написано, і не можу їх тут перекласти; кожне джерело веде на повну "
        "статтю. Запитайте мене українською, і я пошукаю відповідь усіма мовами, які прочитав.",
    },
    "doubt": {
        "en": "I quote what the indexed news says, and the sources under each answer show where it comes from, so you "
        "can check it. If I missed your question, ask it with the names and words an article would use.",
        "de": "Ich zitiere, was in den indexierten Nachrichten steht, und die Quellen unter jeder Antwort zeigen, "
        "woher es stammt, damit Sie es prüfen können. Wenn ich Ihre Frage verfehlt habe, stellen Sie sie mit den "
        "Namen und Wörtern, die ein Artikel verwenden würde.",
        "fr": "Je cite ce que dit l’actualité indexée, et les sources sous chaque réponse montrent d’où cela vient, "
        "pour que vous puissiez vérifier. Si j’ai manqué votre question, posez-la avec les noms et les mots qu’un "
        "article emploierait.",
        "es": "Cito lo que dicen las noticias indexadas, y las fuentes bajo cada respuesta muestran de dónde viene, "
        "para que pueda comprobarlo. Si no he acertado con su pregunta, hágala con los nombres y las palabras que "
        "usaría un artículo.",
        "it": "Cito ciò che dicono le notizie indicizzate, e le fonti sotto ogni risposta mostrano da dove viene, "
        "così può verificarlo. Se ho frainteso la domanda, la riformuli con i nomi e le parole che userebbe un "
        "articolo.",
        "nl": "Ik citeer wat het geïndexeerde nieuws zegt, en de bronnen onder elk antwoord laten zien waar het "
        "vandaan komt, zodat u het kunt controleren. Heb ik uw vraag gemist, stel haar dan met de namen en woorden "
        "die een artikel zou gebruiken.",
        "pt": "Cito o que dizem as notícias indexadas, e as fontes sob cada resposta mostram de onde vem, para que "
        "possa verificar. Se não acertei na sua pergunta, faça-a com os nomes e as palavras que um artigo usaria.",
        "pl": "Cytuję to, co mówią zaindeksowane wiadomości, a źródła pod każdą odpowiedzią pokazują, skąd to "
        "pochodzi, więc możesz to sprawdzić. Jeśli nie trafiłem w pytanie, zadaj je, używając nazw i słów, których "
        "użyłby artykuł.",
        "ru": "Я цитирую то, что говорится в проиндексированных новостях, а источники под каждым ответом "
        "показывают, откуда это, чтобы вы могли проверить. Если я не понял вопрос, задайте его с теми именами и "
        "словами, которые употребила бы статья.",
        "uk": "Я цитую те, що сказано в проіндексованих новинах, а джерела під кожною відповіддю показують, звідки "
        "це, щоб ви могли перевірити. Якщо я не зрозумів запитання, поставте його з тими іменами й словами, які "
        "вжила б стаття.",
    },
    "joke": {
        "en": f"I only know the news, and tell it as it was written. Ask me about it, e.g. {EXAMPLE['en']}",
        "de": f"Ich kenne nur die Nachrichten und gebe sie wieder, wie sie geschrieben wurden. Fragen Sie mich dazu, "
        f"z. B. {EXAMPLE['de']}",
        "fr": "Je ne connais que l’actualité, et je la rapporte telle qu’elle a été écrite. Posez-moi une question à "
        f"son sujet, par exemple {EXAMPLE['fr']}",
        "es": "Solo conozco las noticias, y las cuento tal como se escribieron. Pregúnteme sobre ellas, por ejemplo "
        f"{EXAMPLE['es']}",
        "it": "Conosco solo le notizie, e le riporto come sono state scritte. Mi chieda di quelle, per esempio "
        f"{EXAMPLE['it']}",
        "nl": "Ik ken alleen het nieuws, en geef het weer zoals het is geschreven. Vraag me daarover, bijvoorbeeld "
        f"{EXAMPLE['nl']}",
        "pt": f"Só conheço as notícias, e conto-as como foram escritas. Pergunte-me sobre elas, por exemplo "
        f"{EXAMPLE['pt']}",
        "pl": "Znam tylko wiadomości i przekazuję je tak, jak zostały napisane. Zapytaj mnie o nie, np. "
        f"{EXAMPLE['pl']}",
        "ru": "Я знаю только новости и передаю их так, как они написаны. Спросите меня о них, например: "
        f"{EXAMPLE['ru']}",
        "uk": "Я знаю лише новини й передаю їх так, як їх написано. Запитайте мене про них, наприклад: "
        f"{EXAMPLE['uk']}",
    },
    "clock": {
        "en": "Today is {date}. Ask me what the news says, e.g. “What's new today?”",
        "de": "Heute ist {date}. Fragen Sie mich, was in den Nachrichten steht, z. B. „Was gibt es heute Neues?“",
        "fr": "Nous sommes le {date}. Demandez-moi ce que dit l’actualité, par exemple « Quoi de neuf aujourd’hui ? »",
        "es": "Hoy es {date}. Pregúnteme qué dicen las noticias, por ejemplo «¿Qué hay de nuevo hoy?»",
        "it": "Oggi è {date}. Mi chieda che cosa dicono le notizie, per esempio «Che novità ci sono oggi?»",
        "nl": "Vandaag is het {date}. Vraag me wat het nieuws zegt, bijvoorbeeld “Wat is er vandaag nieuw?”",
        "pt": "Hoje é {date}. Pergunte-me o que dizem as notícias, por exemplo “Quais são as novidades de hoje?”",
        "pl": "Dziś jest {date}. Zapytaj mnie, co mówią wiadomości, np. „Co nowego dzisiaj?”",
        "ru": "Сегодня {date}. Спросите меня, что пишут в новостях, например: «Что нового сегодня?»",
        "uk": "Сьогодні {date}. Запитайте мене, що пишуть у новинах, наприклад: «Що нового сьогодні?»",
    },
    "unread_link": {
        "en": "I have not read that page. An admin can add it: /add URL in Telegram, or newsbot ingest URL.",
        "de": "Diese Seite habe ich nicht gelesen. Ein Admin kann sie hinzufügen: /add URL in Telegram oder "
        "newsbot ingest URL.",
        "fr": "Je n’ai pas lu cette page. Un administrateur peut l’ajouter : /add URL dans Telegram, ou newsbot "
        "ingest URL.",
        "es": "No he leído esa página. Un administrador puede añadirla: /add URL en Telegram, o newsbot ingest URL.",
        "it": "Non ho letto quella pagina. Un amministratore può aggiungerla: /add URL in Telegram, oppure newsbot "
        "ingest URL.",
        "nl": "Die pagina heb ik niet gelezen. Een beheerder kan hem toevoegen: /add URL in Telegram, of newsbot "
        "ingest URL.",
        "pt": "Não li essa página. Um administrador pode adicioná-la: /add URL no Telegram, ou newsbot ingest URL.",
        "pl": "Nie czytałem tej strony. Administrator może ją dodać: /add URL w Telegramie lub newsbot ingest URL.",
        "ru": "Эту страницу я не читал. Администратор может её добавить: /add URL в Telegram или newsbot ingest URL.",
        "uk": "Цієї сторінки я не читав. Адміністратор може її додати: /add URL у Telegram або newsbot ingest URL.",
    },
    "summary": {
        "en": "I quote the news as it was written and do not summarize it: an answer holds the sentences that answer "
        "best, and its sources link to the whole article.",
        "de": "Ich zitiere die Nachrichten, wie sie geschrieben wurden, und fasse sie nicht zusammen: eine Antwort "
        "enthält die Sätze, die am besten antworten, und ihre Quellen verlinken den ganzen Artikel.",
        "fr": "Je cite l’actualité telle qu’elle a été écrite et ne la résume pas : une réponse contient les phrases "
        "qui répondent le mieux, et ses sources renvoient à l’article complet.",
        "es": "Cito las noticias tal como se escribieron y no las resumo: una respuesta contiene las frases que mejor "
        "responden, y sus fuentes enlazan al artículo completo.",
        "it": "Cito le notizie come sono state scritte e non le riassumo: una risposta contiene le frasi che "
        "rispondono meglio, e le sue fonti rimandano all’articolo completo.",
        "nl": "Ik citeer het nieuws zoals het is geschreven en vat het niet samen: een antwoord bevat de zinnen die "
        "het best antwoorden, en de bronnen linken naar het volledige artikel.",
        "pt": "Cito as notícias como foram escritas e não as resumo: uma resposta contém as frases que melhor "
        "respondem, e as suas fontes levam ao artigo completo.",
        "pl": "Cytuję wiadomości tak, jak zostały napisane, i nie streszczam ich: odpowiedź zawiera zdania, które "
        "odpowiadają najlepiej, a jej źródła prowadzą do całego artykułu.",
        "ru": "Я цитирую новости так, как они написаны, и не пересказываю их: ответ содержит предложения, которые "
        "отвечают лучше всего, а его источники ведут на полную статью.",
        "uk": "Я цитую новини так, як їх написано, і не переказую їх: відповідь містить речення, які відповідають "
        "найкраще, а її джерела ведуть на повну статтю.",
    },
    "why_not": {
        "en": "I answer only from the news I have read, and none of it says that. An admin can add articles: /add URL "
        "in Telegram, or newsbot ingest.",
        "de": "Ich antworte nur aus den Nachrichten, die ich gelesen habe, und keine davon sagt das. Ein Admin kann "
        "Artikel hinzufügen: /add URL in Telegram oder newsbot ingest.",
        "fr": "Je réponds uniquement à partir de l’actualité que j’ai lue, et rien de tout cela ne le dit. Un "
        "administrateur peut ajouter des articles : /add URL dans Telegram, ou newsbot ingest.",
        "es": "Solo respondo a partir de las noticias que he leído, y ninguna dice eso. Un administrador puede añadir "
        "artículos: /add URL en Telegram, o newsbot ingest.",
        "it": "Rispondo solo in base alle notizie che ho letto, e nessuna lo dice. Un amministratore può aggiungere "
        "articoli: /add URL in Telegram, oppure newsbot ingest.",
        "nl": "Ik antwoord alleen uit het nieuws dat ik heb gelezen, en niets daarvan zegt dat. Een beheerder kan "
        "artikelen toevoegen: /add URL in Telegram, of newsbot ingest.",
        "pt": "Respondo apenas com base nas notícias que li, e nenhuma diz isso. Um administrador pode adicionar "
        "artigos: /add URL no Telegram, ou newsbot ingest.",
        "pl": "Odpowiadam tylko na podstawie wiadomości, które przeczytałem, a żadna z nich tego nie mówi. "
        "Administrator może dodać artykuły: /add URL w Telegramie lub newsbot ingest.",
        "ru": "Я отвечаю только по прочитанным новостям, и ни в одной из них этого нет. Администратор может добавить "
        "статьи: /add URL в Telegram или newsbot ingest.",
        "uk": "Я відповідаю лише за прочитаними новинами, і в жодній із них цього немає. Адміністратор може додати "
        "статті: /add URL у Telegram або newsbot ingest.",
    },
    "no_story": {
        "en": f"Which story do you mean? Ask with a name, a place or what happened, e.g. {EXAMPLE['en']}",
        "de": f"Welche Meldung meinen Sie? Fragen Sie mit einem Namen, einem Ort oder dem Ereignis, z. B. "
        f"{EXAMPLE['de']}",
        "fr": "De quelle information parlez-vous ? Posez la question avec un nom, un lieu ou ce qui s’est passé, par "
        f"exemple {EXAMPLE['fr']}",
        "es": "¿A qué noticia se refiere? Pregunte con un nombre, un lugar o lo que ocurrió, por ejemplo "
        f"{EXAMPLE['es']}",
        "it": "A quale notizia si riferisce? Chieda con un nome, un luogo o ciò che è successo, per esempio "
        f"{EXAMPLE['it']}",
        "nl": "Welk bericht bedoelt u? Vraag met een naam, een plaats of wat er gebeurde, bijvoorbeeld "
        f"{EXAMPLE['nl']}",
        "pt": "A que notícia se refere? Pergunte com um nome, um lugar ou o que aconteceu, por exemplo "
        f"{EXAMPLE['pt']}",
        "pl": f"O którą wiadomość chodzi? Zapytaj, podając nazwisko, miejsce lub to, co się stało, np. {EXAMPLE['pl']}",
        "ru": f"Какую новость вы имеете в виду? Спросите, назвав имя, место или событие, например: {EXAMPLE['ru']}",
        "uk": f"Яку новину ви маєте на увазі? Запитайте, назвавши ім’я, місце чи подію, наприклад: {EXAMPLE['uk']}",
    },
    "empty_store": {
        "en": "I have not read any news yet: add articles first (newsbot ingest FILES/URLS, or /add URL in Telegram).",
        "de": "Ich habe noch keine Nachrichten gelesen: fügen Sie zuerst Artikel hinzu (newsbot ingest DATEIEN/URLS "
        "oder /add URL in Telegram).",
        "fr": "Je n’ai encore lu aucune actualité : ajoutez d’abord des articles (newsbot ingest FICHIERS/URLS, ou "
        "/add URL dans Telegram).",
        "es": "Todavía no he leído ninguna noticia: añada primero artículos (newsbot ingest ARCHIVOS/URLS, o /add URL "
        "en Telegram).",
        "it": "Non ho ancora letto nessuna notizia: aggiunga prima degli articoli (newsbot ingest FILE/URL, oppure "
        "/add URL in Telegram).",
        "nl": "Ik heb nog geen nieuws gelezen: voeg eerst artikelen toe (newsbot ingest BESTANDEN/URLS, of /add URL "
        "in Telegram).",
        "pt": "Ainda não li nenhuma notícia: adicione primeiro artigos (newsbot ingest ARQUIVOS/URLS, ou /add URL no "
        "Telegram).",
        "pl": "Nie przeczytałem jeszcze żadnych wiadomości: najpierw dodaj artykuły (newsbot ingest PLIKI/URLS lub "
        "/add URL w Telegramie).",
        "ru": "Я ещё не прочитал ни одной новости: сначала добавьте статьи (newsbot ingest ФАЙЛЫ/URLS или /add URL в "
        "Telegram).",
        "uk": "Я ще не прочитав жодної новини: спершу додайте статті (newsbot ingest ФАЙЛИ/URLS або /add URL у "
        "Telegram).",
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
    """One of REPLIES in the question's language where we have it, else in English (`reply_language`)."""
    return REPLIES[kind][reply_language(kind, question)]


def reply_language(kind: str, question: str) -> str:
    """The language of REPLIES[kind] to reply to the question in: the question's, where REPLIES has it, else
    English. Small talk speaks the language whose small-talk words it holds most of (`small_talk_language`):
    detection is unsure of a word or two ("Merci", "Hilfe")."""
    language = question_language(question, default="en")
    if kind in CHATTY:
        language = small_talk_language(question, language) or language
    return language if language in REPLIES[kind] else "en"


def bare_language(message: str, words: Sequence[str]) -> str:
    """The language of a question word alone (BARE_WORDS): of two that have it ("Porquê?": Spanish "porqué",
    Portuguese "porquê" folded alike), the detected one, else the first; English when none has it."""
    folded = {fold(word) for word in words}
    languages = [language for language, bare in BARE_WORDS.items() if folded & bare]
    if len(languages) > 1 and (detected := question_language(message, default="")) in languages:
        return detected
    return languages[0] if languages else "en"


def small_talk_language(message: str, detected: str = "") -> str:
    """The language of SMALL_TALK_LANGUAGES whose words the message holds most of ("Dank je wel": Dutch, "wel" and
    "je" to German's "dank"); of two that hold as many, the `detected` one, else the first. "" when it holds none
    (English, or no small talk)."""
    folded = {fold(word) for word in WORD_RE.findall(message)}
    counts = {language: len(folded & words) for language, words in SMALL_TALK_LANGUAGES.items()}
    most = max(counts.values())
    if not most:
        return ""
    tied = [language for language, n in counts.items() if n == most]
    return detected if detected in tied else tied[0]


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
            return Decision(False, "not_a_question", REPLIES["unclear"][bare_language(question, words)])
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
