"""The answer gate's word lists (gate.py): small talk by kind (SMALL_TALK, with SMALL_TALK_FILLERS), the
small-talk words of each language but English (SMALL_TALK_LANGUAGES, for the language to reply in), a question
word alone by language (BARE_WORDS), and the English question words, past forms and the fillers of a question that
names no story."""

from __future__ import annotations

from index.lexical import fold


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(word) for word in text.split())


def _spelled(text: str) -> frozenset[str]:
    """The words folded and as written (case-folded): `bare_language` tells "porquê" (Portuguese) from "porqué"
    (Spanish), which fold alike."""
    return _words(text) | frozenset(word.casefold() for word in text.split())


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
        adeus widzenia zobaczenia dobranoc пока свидания побачення бувай добраніч ende tschö"""
    ),
    "greeting": _words(
        """hi hello hey hallo moin servus yo hiya howdy bonjour salut hola grüezi grüß gruess good guten gute
        morning evening afternoon morgen tag abend helo hii hiii heyy heyyy hallöchen hallihallo bonsoir coucou
        buenos buenas buongiorno buonasera salve hoi goedemorgen goedemiddag goedenavond olá oi bom boa cześć czesc
        witam witajcie dobry привет здравствуйте здравствуй добрый доброе привіт вітаю добрий доброго huhu tach
        mahlzeit buona goede"""
    ),
    # a nod to the last answer ("ok", "super", "lol"): no "Hi!" in the middle of a chat
    "nod": _words(
        """ok okay cool test super great nice fine perfect perfekt prima toll klasse alright gut yes no ja nein
        jo lol haha interesting interessant wow aha ah oh hm hmm sure genau stimmt klar passt egal whatever boring
        langweilig lmao rofl brb np k kk nö noe nope yep yeah yup bla blabla testing ahnung idk weiß weiss spannend
        krass schade oui ouais parfait vale bueno perfecto claro perfetto esatto oké nee goed precies sim beleza
        perfeito tak dobrze jasne spoko okej да ладно хорошо отлично ок ага угу гаразд чудово добре prost check pong
        bitte moment warte jetzt geil awesome wait done next oops damn bingo exactly absolutely amazing weird
        strange same agreed excellent go ready hurry yay ups oje okidoki tja puh hurra juhu wunderbar spitze mega lustig
        traurig hübsch schlecht schön"""
    ),
}
SMALL_TALK_WORDS = frozenset().union(*SMALL_TALK.values())
SMALL_TALK_FILLERS = _words(
    """you a lot so very much many again all für die the answer antwort dir ihnen dich vielen schön schoen sehr
    bot newsbot there everyone everybody folks guys leute zusammen alle gott alles keine nicht idea one
    herzlichen herzlich besten bestens and und dann then for your deine ihre nochmal einmal auch too bis
    soon later auf have day einen schönen schoenen beaucoup à vous toi tous bonne journée soirée muchas días tardes
    mille tante je wel hartelijk iedereen muito dia tarde noite bardzo wszystkim dzień большое огромное всем
    дуже щиро всім ранку день утро вечер world welt mittag sera avond middag wieczór вечір lieben au tutti todos"""
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
        zusammen zusammenfassen zusammenfassung kurz gesagt kurzfassung
        huhu tach mahlzeit mittag prost vielleicht eventuell richtig korrekt wahr weiß weiss halt stopp
        frohe frohes fröhliche weihnachten ostern feiertage festtage rutsch neues gutes appetit
        gesegneten gesundheit wünsche jawohl naja warte ende geil scheiße scheisse bitte ups oje okidoki tja puh
        hurra juhu wunderbar spitze mega lustig traurig hübsch schlecht tschö"""
    ),
    "fr": _words(
        """lien traduis traduit traduisez traduire résumez résumer svp plaît plait
        merci beaucoup bonjour salut bonsoir coucou revoir bientôt adieu journée soirée nuit bonne oui ouais tu
        accord parfait entendu vous toi tous qui êtes etes quoi peux pouvez sais fais faites faire ça appelles
        appelle aide aidez moi humain vraie comprends pas demander sûr certaine vraiment vrai faux
        importe sérieux sérieusement nul bête stupide joué meilleur réponse mauvaise allez vas quelle quel heure
        est jour sommes nous aujourd hui désolé désolée tant pis laisse tomber oublie vois compris demain marche
        peut être sais pas
        joyeux noël année fêtes bon appétit"""
    ),
    "es": _words(
        """fuentes enlace traduce traduzca traducir resumir resúmelo resumen
        gracias muchas hola ayuda buenos buenas días tardes noches adiós hasta luego mañana vale bueno perfecto quién
        eres puedes puede hacer funcionas llamas ayúdame hizo entiendo tengo pregunta ayudarme puedo preguntar
        preguntarte verdad cierto correcto tonterías respuesta incorrecta equivocada pregunté tonto tonta malo sirve
        sirvió ayudó buen trabajo hecho mejor hoy fecha acuerdo olvídalo siento perdón tal usted vemos tengas tenga
        qué cómo estás
        quizás quizas quizá quiza tal vez sé
        feliz navidad año nuevo felices fiestas provecho"""
    ),
    "it": _words(
        """fonti collegamento traduci tradurre traduca riassumi riassumere riassunto favore
        grazie mille tante ciao buongiorno buonasera buonanotte salve arrivederci addio presto domani vediamo
        giornata serata notte buona capito capisco esatto perfetto bene lascia stare perdere scusa scusami dispiace
        peccato nessun chi sei lei che puoi sai fare funziona chiami aiuto aiutami creato fatto programmato
        domanda aiutarmi chiedere chiederti sicuro sicura davvero vero giusto corretto sbagliato sbagliata risposta
        stupido scemo aiutato bravissimo migliore ottimo ottima lavoro ore giorno oggi stai tutto
        buona sera forse non
        buon natale anno buone feste appetito"""
    ),
    "nl": _words(
        """bronnen koppeling vertaal vertalen samenvatten samenvatting alsjeblieft alstublieft graag
        bedankt dankjewel dankuwel dank je wel hartelijk hallo hoi goedemorgen goedemiddag goedenavond goedenacht
        welterusten doei ziens oké tot straks fijne prettige dag avond nee goed precies duidelijk akkoord snap begrijp
        begrepen laat maar maakt uit geen probleem ben jij bent wat kun kunt doen werkt dit het heet hulp gemaakt
        vraag vragen weet zeker meen klopt waar juist fout onzin verkeerd antwoord gevraagd dom stom nutteloos niet
        nuttig helpt gedaan geweldig behulpzaam hoe welke vandaag gaat daar iedereen erg
        goede avond middag misschien weet niet
        vrolijk zalig kerstfeest prettige feestdagen gelukkig nieuwjaar eet smakelijk"""
    ),
    "pt": _words(
        """fontes ligação traduza traduz traduzir resuma resumo
        obrigado obrigada valeu muito olá oi bom boa noite robô logo tchau adeus mais amanhã sim não beleza entendi
        percebi compreendo acordo deixa pra esquece desculpa desculpe sem quem você vocês pode podes fazer chama chamas
        seu pessoa criou fez programou tenho uma pergunta ajuda ajude ajudar perguntar tem tens certeza verdade
        errado errada resposta ajudou trabalho ótimo ótima incrível melhor perfeito útil são hoje tudo bem vai vais
        talvez não nao sei
        feliz natal ano novo boas festas bom apetite páscoa"""
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
        ktora godzina jaki dziś dzis dzisiaj słychać slychac wszystkim
        wieczór może moze nie wiem
        wesołych świąt szczęśliwego nowego roku smacznego"""
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
        сегодня какое число дела поживаете поживаешь тут здесь всем
        может быть не знаю
        новым годом рождеством приятного аппетита"""
    ),
    "uk": _words(
        """джерела джерело посилання переклади перекласти підсумуй перекажи ласка
        дякую щиро дуже привіт вітаю добрий доброго ранку ранок вечір побачення зустрічі бувай бувайте добраніч
        гарного дня все добре гаразд зрозуміло зрозумів зрозуміла чудово так ні неважливо вибач вибачте пробач
        пробачте шкода хто ти ви що таке вмієш можеш вмієте можете робити як це працює тебе звати людина штучний
        інтелект справжній створив зробив розумію мене є питання допоможи допоможіть мені допомогти допомога можу
        запитати впевнений впевнена впевнені справді серйозно помилка дурниця маячня неправильна відповідь питав
        питала тупий дурний марний допомогло марно молодець найкращий класний розумний корисно котра година скільки
        зараз часу який сьогодні яке число справи всім
        вечір можливо мабуть
        новим роком різдвом смачного"""
    ),
}
# The words of a question word alone (message_patterns.py BARE_QUESTION) by language: the reply speaks the first
# language that has one of them, else English ("Wie?" is German, "Que ?" Spanish).
BARE_WORDS: dict[str, frozenset[str]] = {
    "de": _spelled(
        "und aber also was warum wieso weshalb weswegen wie wer wen wem wann wo woher wohin na hä hae welche welcher "
        "welches welchen welchem"
    ),
    "fr": _spelled("et quoi pourquoi comment qui quand où ou quel quelle quels quelles lequel laquelle hein alors"),
    "es": _spelled("y qué por porqué cómo quién quiénes cuándo dónde cuál cuáles"),
    "it": _spelled("e cosa che perché come chi quando dove quale quali"),
    "nl": _spelled("en wat waarom hoe wanneer waar welke welk"),
    "pt": _spelled("o quê porquê quem onde qual quais"),
    "pl": _spelled("i co dlaczego czemu jak kto kiedy gdzie który która które"),
    "ru": _spelled("и что почему зачем как кто когда где какой какая какое"),
    "uk": _spelled("і що чому навіщо як хто коли де який яка яке"),
}
# The words of a request for more, or the same again, before any story (message_patterns.py MORE_ALONE) by language,
# for `bare_language`: English when none has them.
MORE_WORDS: dict[str, frozenset[str]] = {
    "de": _spelled("mehr weiter noch mal nochmal nochmals einmal wiederhole wiederholen bitte und"),
    "fr": _spelled("encore plus la suite dis raconte moi en une fois après apres"),
    "es": _spelled("más cuéntame dime otra vez sigue nuevo"),
    "it": _spelled("ancora di più dimmi continua volta nuovo poi"),
    "nl": _spelled("meer nog eens een keer ga door verder vertel toen"),
    "pt": _spelled("mais conta diz fala de novo outra depois"),
    "pl": _spelled("więcej jeszcze raz dalej powiedz"),
    "ru": _spelled("ещё еще раз дальше больше продолжай расскажи"),
    "uk": _spelled("ще далі більше продовжуй розкажи"),
}
# A question that names no story (gate.py `names_no_story`): its English question words, and English past forms
# without "-ed".
ENGLISH_QUESTION_WORDS = _words("who whom whose what which when where why how")
# Words that name nothing of a story: with the words pointing back (message_patterns.py `POINTS_BACK`: "him",
# "dazu"), they do not count as its content words ("What about him?", "Was sagt er denn dazu?"); nor do words that
# ask only for what happened, its cause, outcome or who is to blame ("When did this happen?", "What was the
# reason?", "Who is responsible?", "Was war der Grund?": before, they got "does not say" or a sentence).
NO_STORY_FILLERS = _words(
    """about again else now so then there also denn dann doch eigentlich genau jetzt noch nun weiter
    happen happens happening next reason reasons cause causes result outcome consequences responsible blame
    grund gründe ursache ursachen folgen ergebnis schuld verantwortlich"""
)
PAST_FORMS_EN = _words(
    """won lost said told left stolen taken given got went came fell hit shot found caught beaten chosen sold bought
    paid wrote written spoke broke broken ran led quit held met sent built kept"""
)
