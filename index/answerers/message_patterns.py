"""The answer gate's patterns of what a message says (gate.py): about the bot, doubt, the clock, a joke, what a news
bot cannot know, arithmetic, the sources or a link, a translation or a summary, a question word alone, why not,
words pointing back at a story, "how are you", farewells, nods and praise, in the ten languages of the replies."""

from __future__ import annotations

import re

# What a message asks about the bot itself ("help", "Wer bist du?", "What can you do?"), whole: the help reply.
ABOUT_THE_BOT = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hallo|moin|servus|ok|okay) )?(?:help|hilfe|hilf mir|help me|infos?|who are you"
    r"|what are you|wer bist du|was bist du|wer sind sie|was sind sie"
    r"|what can you do|what do you do|was kannst du|was können sie|was koennen sie|was machst du"
    r"|how does (?:this|it|that) work|how do (?:i|you) use (?:this|you|it)|wie funktioniert (?:das|es|du)"
    r"|what is this|was ist das hier|how can you help(?: me)?|wie kannst du (?:mir )?helfen"
    r"|what(?: s| is) your name|wie heißt du|wie heisst du|wie heißen sie"
    r"|what (?:can|should|may) i ask(?: you)?|what do you know|was (?:kann|soll|darf) ich (?:dich |sie )?fragen"
    r"|was weißt du|was weisst du|was wissen sie"
    r"|(?:can|could) you help(?: me)?(?: please)?|i need (?:some )?help|(?:kannst du|können sie|koennen sie) mir "
    r"helfen|ich brauche hilfe|i don ?t understand(?: (?:this|that|you))?|ich verstehe? (?:das |dich |sie )?nicht"
    r"|what do you mean|was meinst du|wie meinst du das|i don ?t get it|(?:das )?versteh(?:e)? ich (?:es )?nicht"
    # the bot's age, home and wits ("Wie alt bist du?" got a sentence on managers aged 31 to 40)
    r"|how old are you|wie alt bist du|wie alt sind sie|where do you live|where (?:are you|do you come) from"
    r"|wo wohnst du|wo wohnen sie|woher kommst du|woher kommen sie|wo bist du"
    r"|(?:are you|bist du|sind sie) (?:smart|clever|intelligent|stupid|dumb|schlau|klug|dumm|chat ?gpt|gpt|siri|alexa"
    r"|gemini|claude|copilot|happy|sad|lonely|conscious|sentient|glücklich|traurig|einsam)"
    # its life, who it works for, itself told or shown ("Do you dream?", "Who are you working for?", "Zeig mir was",
    # "Ich hätte eine Frage" got a cited sentence, "Tell me about yourself" "does not say")
    r"|do you (?:dream|sleep|eat|feel|have feelings|get tired)|(?:träumst|schläfst|isst) du|hast du gefühle"
    r"|who (?:are you working|do you work) for|who owns you|für wen arbeitest du|für wen arbeiten sie|wem gehörst du"
    r"|show me something|zeig(?:e)? (?:mir )?(?:was|etwas)|tell me about yourself"
    r"|erzähl(?:e)? (?:mir )?(?:was |etwas )?(?:von|über) (?:dich|dir)"
    r"|ich hätte (?:da )?(?:mal )?(?:eine|noch eine) frage"
    r"|(?:answer|reply|respond|write|speak|talk)(?: to me)? in (?:english|german|french|spanish|italian)"
    r"|(?:antworte|antworten sie|schreib|schreibe|schreiben sie|sprich|sprechen sie)(?: mir)?(?: bitte)? (?:auf|in)"
    r" (?:deutsch|englisch|französisch|spanisch|italienisch)"
    r"|quel (?:âge|age) (?:as tu|avez vous)|tu as quel (?:âge|age)|(?:cuántos|cuantos) (?:años|anos) tiene(?:s)?"
    r"|quanti anni hai|hoe oud ben (?:je|jij)|hoe oud bent u|quantos anos (?:você tem|voce tem|tens|tem)"
    r"|ile (?:masz|pan ma|pani ma) lat|сколько (?:тебе|вам) лет|скільки (?:тобі|вам) (?:років|рокiв)"
    # what the bot is ("Are you a robot?" got a sentence on a comet lander's robot, "Bist du ein Bot?" one on a
    # quiz) and who made it
    r"|(?:are you|r u|bist du|sind sie) (?:a |an |ein |eine )?(?:real |echte[rs]? )?(?:robot|bot|chat ?bot|human"
    r"|person|machine|computer|program|ai|a i|real|alive|roboter|mensch|maschine|programm|ki|künstliche intelligenz"
    r"|echt)|is this (?:a )?(?:bot|robot|human|real person)|ist das (?:ein )?(?:bot|roboter|mensch)"
    r"|who (?:made|built|created|programmed|wrote) you|wer hat dich (?:gemacht|gebaut|programmiert|erstellt)"
    # a command typed as a word ("Start", "Menu"), an invitation to talk, an opinion asked for, "Who am I?"
    r"|start|stop|stopp|halt|menu|menü|settings|einstellungen|commands|befehle|options|optionen"
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
    r" (?:fragen|stellen)|ich habe (?:eine|noch eine|mal eine) frage|(?:eine|noch eine) frage|frage|question"
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
    r"|wrong answer|bad answer|falsche antwort|schlechte antwort|scheiße|scheisse|shit|fuck|idiot"
    r"|(?:that|this) (?:s |is |was )?not what i asked"
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
    # and being told to be quiet ("Du nervst", "Halt die Klappe" got a cited sentence)
    r"|du nervst|you re annoying|shut up|halt die klappe|sei (?:still|ruhig)|schnauze"
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
    r"|erzähl(?:e)? (?:mir |uns )?eine geschichte"
    # and in French, Spanish, Italian ("Raconte-moi une blague" was told the news does not say)
    r"|(?:raconte|dis|chante)(?: moi| nous)? (?:une )?(?:autre )?(?:blague|histoire|chanson)"
    r"|(?:tu connais|connais tu|vous connaissez) (?:une|des) blagues?"
    r"|(?:cuéntame|cuentame|dime|cántame|cantame) (?:un|una|otro|otra) (?:chiste|historia|cuento|canción|cancion)"
    r"|(?:sabes|conoces) (?:un|algún|algun|algunos) chistes?"
    r"|(?:dimmi|raccontami|cantami) (?:una|un|un altra|un'altra) (?:barzelletta|storia|canzone|favola)"
    r"|(?:conosci|sai) (?:una|qualche) barzellett[ae])(?: please| bitte| s il te pla[iî]t| por favor| per favore)?\W*$"
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
    r"|was soll ich (?:heute |morgen |jetzt )?(?:kochen|essen|anschauen|anziehen|tun|machen)"
    # and how one feels ("Mir ist langweilig", "Ich bin traurig" got a cited sentence)
    r"|(?:i m|i am|im|i feel|ich bin|mir ist|ich fühle mich)(?: so| very| really| sehr| echt| so)? (?:sad|bored|tired"
    r"|lonely|happy|depressed|traurig|müde|einsam|glücklich|gelangweilt|langweilig))\W*$",
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
# A question word alone ("Why?", "Was?", "How?", "Na?"): a follow-up in a conversation, unclear on its own.
BARE_QUESTION = re.compile(
    r"^\W*(?:(?:and|und|but|aber|so|also|et|y|e|en|i|и|і) )?(?:what|why|how|who|when|where|which|whose|was|warum"
    r"|wieso|weshalb|weswegen|wie|wer|wen|wem|wann|wo|woher|wohin|welche[rsmn]?|na|hä|hae|huh|eh|hm+|and|und|so|also"
    # and French, Spanish, Italian, Dutch, Portuguese, Polish, Russian, Ukrainian ("Pourquoi ?" and "Qui ?" got a
    # cited sentence)
    r"|quoi|pourquoi|comment|qui|quand|o[uù]|quel(?:le)?s?|lequel|laquelle|hein|et alors|qu[eéê]|por qu[eé]"
    r"|porqu[eéê]|c[oó]mo|qui[eé]n(?:es)?|cu[aá]ndo|d[oó]nde|cu[aá]l(?:es)?|cosa|che cosa|che|perch[eé]|come|chi"
    r"|quando|dove|qual[ei]|wat|waarom|hoe|wanneer|waar|welke?|o qu[eê]|por qu[eê]|quem|onde|qua(?:l|is)|co"
    r"|dlaczego|czemu|jak|kto|kiedy|gdzie|któr[yae]|ktor[yae]|что|почему|зачем|как|кто|когда|где|как(?:ой|ая|ое)"
    r"|що|чому|навіщо|як|хто|коли|де|як(?:ий|а|е)"
    # and what was meant, why not, what now ("Wie bitte?", "Warum nicht?", "Und jetzt?" got a cited sentence)
    r"|why not|warum nicht|wieso nicht|weshalb nicht|wie bitte|pardon|sorry what|what now|now what|(?:ok |okay )?und"
    r" (?:jetzt|nun)|was (?:jetzt|nun))\W*$",
    re.IGNORECASE,
)
# The same again, asked before any story ("Nochmal", "Again": each got a sentence of whatever story the word matched);
# index/conversation.py ASKS_FOR_MORE has the requests for more ("More", "Mehr", "Encore").
MORE_ALONE = re.compile(
    r"^\W*(?:(?:and|und|please|bitte|ok|okay) )?(?:again|once more|repeat(?: that)?|(?:noch ?mal|nochmals|noch einmal"
    r"|wiederhole?n?)(?: bitte)?|encore une fois|otra vez|de nuevo|ancora una volta|di nuovo|nog eens|nog een keer"
    r"|de novo|outra vez|jeszcze raz|ещ(?:ё|е) раз|ще раз)(?: please| bitte)?\W*$",
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
# Asking what the article a conversation is about says in all ("What is the article about?", "What's it about?",
# "Worum geht es in dem Artikel?", "Worum geht's?", "De quoi parle l'article ?", "¿De qué trata el artículo?", "Di
# cosa parla l'articolo?"): after an answer, the lead of the article it quoted first (index/newsroom.py); before
# any, which story is meant. Before, after an answer too, they got "does not say" or a sentence of whatever story
# "Artikel" matched.
_THE_ARTICLE = r"(?:the|this|that) (?:article|story|piece|report|news item)"
_DER_ARTIKEL = r"(?:de[mnr]|diese[mnr]?|die|das|dieses) (?:artikel|meldung|bericht|nachricht|beitrag|text|geschichte)"
_ARTICOLO = r"(?:l['’ ]?(?:article|articolo)|cet article|questo articolo|la notizia)"
ABOUT_THE_ARTICLE = re.compile(
    r"^\W*(?:(?:and|so|ok|und|also|na) )?(?:"
    rf"what(?:['’ ]s| is| was)? (?:it|this|that|{_THE_ARTICLE}) (?:all )?about"
    rf"|worum geht(?:['’ ]?s| es)(?: (?:da|denn|eigentlich|dabei))?(?: (?:in|bei) {_DER_ARTIKEL})?"
    rf"|wovon (?:handelt|spricht|berichtet) (?:er|sie|es|das|{_DER_ARTIKEL})"
    rf"|worüber (?:berichtet|spricht|schreibt) (?:er|sie|es|{_DER_ARTIKEL})"
    rf"|de quoi (?:parle|traite)(?:[- ]t)?(?:[- ]il|[- ]elle| {_ARTICOLO})?"
    r"|de qu[eé] (?:trata|habla)(?: el art[ií]culo| la noticia| este art[ií]culo)?"
    rf"|di (?:che )?cosa (?:parla|tratta)(?: {_ARTICOLO})?"
    r")\W*$",
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
# A question that follows no earlier turn and names no story, but points back at one ("What did he say?", "Wie viel
# kostet es?") or asks only what happened ("Who won?", "Was ist passiert?"): each got a sentence of whatever story
# its one word matched. The words that point back, and English past forms without "-ed".
POINTS_BACK = re.compile(
    r"\b(?:it|its|they|them|their|he|him|his|she|her|er|sie|es|ihm|ihn|ihnen|ihr|ihre|sein|seine|seiner|dort"
    r"|damals|dazu|darüber|davon|daran)\b",
    re.IGNORECASE,
)
# A demonstrative that ends a question points back too ("What was the reaction to this?", "What did the minister say
# about that?", "Wer bezahlt das?"): in the middle of one it opens what it names ("this year", "das neue Modell").
ENDS_POINTING = re.compile(r"\b(?:this|that|these|those|das|dies|diese[ms]?)\W*$", re.IGNORECASE)
# Placeholder text ("lorem ipsum dolor sit amet"): a test of the bot, not a question (it got a cited sentence).
PLACEHOLDER = re.compile(r"\blorem ipsum\b", re.IGNORECASE)
# "How are you?": a greeting, whole.
HOW_ARE_YOU = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hallo|salut|bonjour|coucou|hola|buenas|ciao|buongiorno|salve)(?: there)? )?"
    r"(?:how are you(?: doing)?(?: today)?|how is it going|how s it going"
    r"|wie geht (?:es|s) (?:dir|ihnen|euch)|wie geht s|wie gehts|was geht"
    # is anyone there ("Bist du da?" got a sentence asking "Wie viel da reinpasst?")
    r"|(?:are you|r u|bist du|sind sie) (?:still )?(?:there|here|da|noch da|wach)|(?:is )?any ?(?:one|body) (?:there"
    r"|here|home)|(?:ist )?(?:da )?(?:jemand|wer) (?:da|hier)|ping"
    # and "what's up", "na, alles gut?", "you there?", "are you working?" (each got a cited sentence or "does not say")
    r"|what s up|whats up|wassup|sup|(?:na )?alles (?:gut|ok|okay|fit)(?: bei dir)?|na alles klar|na du"
    r"|(?:you|u) (?:there|here|awake)"
    r"|(?:are you|r u) (?:working|online|alive|awake|on)|(?:funktionierst|läufst|lebst) du(?: noch)?"
    r"|(?:do|does) (?:this|the bot|the newsbot) (?:work|still work)"
    # and its day ("How was your day?", "Wie war dein Tag?" got a cited sentence), and "Hello? Anyone?"
    r"|how (?:was|is|s) your day|wie (?:war|ist) dein tag|any ?(?:one|body)"
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
# Wishing a good day, whole ("have a nice day", "Schönen Abend noch" got a sentence on New Year's Eve): goodbye. Not
# "Good evening", "Guten Tag" or "Guten Abend" alone, which greet (they were told "Bye!"): wished with "have a",
# "einen" or "noch" they leave.
_WISHED = r"(?:day|evening|weekend|night|tag|abend|feierabend|sonntag|wochenende|rest)"
_TO_YOU = r"(?: noch)?(?: (?:dir|ihnen|euch))?(?: noch)?"
FAREWELL = re.compile(
    rf"^\W*(?:(?:have a |einen )(?:nice|good|great|lovely|schönen|schoenen|guten|netten) {_WISHED}{_TO_YOU}"
    rf"|(?:nice|great|lovely|schönen|schoenen|schönes|schoenes|netten) {_WISHED}{_TO_YOU}"
    rf"|(?:good|guten) (?:weekend|night|feierabend|sonntag|wochenende|rest){_TO_YOU}"
    r"|(?:good|guten) (?:day|evening|tag|abend)(?: (?:dir|ihnen|euch))? noch|take care|mach s gut"
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
    # and not knowing, maybe, yes to what was said, a laugh ("vielleicht" got "Vielleicht liegt ja darin die
    # eigentliche Identitätskrise Klosterneuburgs.", "Richtig" and "hahaha" a sentence each)
    r"|i (?:don ?t|do not) know|(?:ich )?(?:weiß|weiss) (?:ich )?(?:es )?nicht|je (?:ne )?sais pas|no (?:lo )?s(?:é|e)"
    r"|non lo so|(?:ik )?weet (?:ik )?het niet|weet ik niet|(?:eu )?n(?:ã|a)o sei|nie wiem|не знаю"
    r"|maybe|perhaps|vielleicht|eventuell|peut (?:être|etre)|quiz(?:á|a)s?|tal vez|forse|misschien|talvez"
    r"|mo(?:ż|z)e|может быть|можливо|мабуть"
    r"|(?:that s |that is |quite )?(?:true|right|correct)|(?:das ist |ganz )?(?:richtig|korrekt|wahr)|stimmt genau"
    r"|(?:ha){2,}h?|(?:he){2,}h?|(?:hi){3,}h?"
    # and a remark on the question, surprise, a grudging yes ("Gute Frage", "omg", "Naja": sent alone, each was
    # listed as a topic, and got a cited sentence before)
    r"|(?:gute|good|great|interessante|interesting) (?:frage|question)|omg|oh my god|oh mein gott|jawohl|na ?ja|please"
    # and on to another question or subject ("Nächste Frage", "Lass uns über was anderes reden" got a sentence)
    r"|(?:ok |okay )?(?:next|another|new) question|(?:ok |okay )?(?:nächste|andere|neue) frage"
    r"|let s talk about something else|(?:lass|lasst) uns (?:über )?(?:was|etwas) (?:anderes|andres)(?: reden)?"
    r"|(?:change|new) (?:the )?(?:subject|topic)|(?:anderes|neues) thema|themawechsel"
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
# Wishes for a holiday or a meal, and "bless you", whole: thanked for as praise is ("Merry Christmas", "Frohe
# Weihnachten", "Guten Appetit" got a cited sentence, sent alone a list of headlines about them).
WISHES = re.compile(
    r"^\W*(?:(?:i |we )?wish (?:you )?|(?:ich )?wünsche (?:dir |ihnen |euch )?|(?:a|ein|einen) )?(?:merry (?:christmas"
    r"|xmas)|happy (?:christmas|new year|holidays|easter|hanukkah)|season s greetings|bless you|(?:frohe|fröhliche"
    r"|schöne|schoene|frohe) (?:weihnachten|ostern|feiertage|festtage)|frohes (?:neues(?: jahr)?|fest)|gutes neues"
    r"(?: jahr)?|guten rutsch|(?:guten|gesegneten) appetit|gesundheit|bon app[ée]tit|joyeux no[ëe]l"
    r"|bonne (?:année|annee|fêtes|fetes)|(?:feliz|feliz y) (?:navidad|año nuevo|ano nuevo|natal|ano novo|páscoa)"
    r"|felices fiestas|buen provecho|buon (?:natale|anno|appetito)|buone feste|(?:vrolijk|zalig) kerstfeest"
    r"|prettige feestdagen|gelukkig nieuwjaar|eet smakelijk|boas festas|bom apetite|wesołych świąt|wesolych swiat"
    r"|szczęśliwego nowego roku|szczesliwego nowego roku|smacznego|с (?:новым годом|рождеством)|приятного аппетита"
    r"|з (?:новим роком|різдвом)|смачного)(?: (?:to you|to you all|everyone|all|too|to you too|dir|ihnen|euch"
    r"|allen|auch|bot|newsbot|a tutti|à tous|a tous|a todos|allemaal|wszystkim|всем|всім))*\W*$",
    re.IGNORECASE,
)
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# A message's first part, up to its first punctuation and the spaces after it ("Hi! ", "Cool, "): gate.py
# `past_small_talk`.
LEADING_PART = re.compile(r"^\s*([^,.!?;:…]+[,.!?;:…]+)\s+(?=\S)")
