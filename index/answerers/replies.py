"""The answer gate's replies (gate.py) in ten languages, and the language to reply in: the question's, or the one
whose small-talk words a message holds most of."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from index.answerers.message_patterns import WORD_RE
from index.answerers.word_lists import BARE_WORDS, SMALL_TALK, SMALL_TALK_LANGUAGES
from index.language import question_language
from index.lexical import fold

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
    # "Which country denied supplying arms?": USE has no Ukrainian, and "Хто заперечував постачання зброї?" fell
    # below the threshold across languages of model version 7 (0.074 against 0.090; 0.173 for this one)
    "uk": "Яка країна заперечила постачання зброї?",
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

# the replies whose language a message's small-talk words decide (SMALL_TALK_LANGUAGES)
CHATTY = frozenset(
    {*SMALL_TALK, "praise", "help", "sources", "translate", "doubt", "joke", "why_not", "summary", "clock"}
)


def reply(kind: str, question: str, asker: str = "") -> str:
    """One of REPLIES in the question's language where we have it, else in English (`reply_language`)."""
    return REPLIES[kind][reply_language(kind, question, asker)]


def reply_language(kind: str, question: str, asker: str = "") -> str:
    """The language of REPLIES[kind] to reply to the question in: the question's, where REPLIES has it, else
    English. Small talk speaks the language whose small-talk words it holds most of (`small_talk_language`):
    detection is unsure of a word or two ("Merci", "Hilfe"). `asker`: the language the asker's chat client names
    ("nl"), which settles a message two languages share ("Hallo": German or Dutch)."""
    language = question_language(question, default="en")
    if kind in CHATTY:
        language = small_talk_language(question, language, asker) or language
    return language if language in REPLIES[kind] else "en"


def bare_language(
    message: str, words: Sequence[str], table: Mapping[str, frozenset[str]] = BARE_WORDS, asker: str = ""
) -> str:
    """The language of a question word alone (BARE_WORDS, or another `table` of words by language, each word folded
    and as written): of two that have it folded, the one that spells it as written ("Porquê?": Portuguese, not
    Spanish "porqué"), else the `asker`'s (`reply_language`), else the detected one, else the first; English when
    none has it."""
    folded = {fold(word) for word in words}
    languages = [language for language, bare in table.items() if folded & bare]
    spelled = {word.casefold() for word in words}
    if len(as_written := [language for language in languages if spelled & table[language]]) == 1:
        return as_written[0]
    if len(languages) > 1 and asker in languages:
        return asker
    if len(languages) > 1 and (detected := question_language(message, default="")) in languages:
        return detected
    return languages[0] if languages else "en"


def small_talk_language(message: str, detected: str = "", asker: str = "") -> str:
    """The language of SMALL_TALK_LANGUAGES whose words the message holds most of ("Dank je wel": Dutch, "wel" and
    "je" to German's "dank"); of two that hold as many, the `asker`'s (`reply_language`), else the `detected` one,
    else the first. "" when it holds none (English, or no small talk)."""
    folded = {fold(word) for word in WORD_RE.findall(message)}
    counts = {language: len(folded & words) for language, words in SMALL_TALK_LANGUAGES.items()}
    most = max(counts.values())
    if not most:
        return ""
    tied = [language for language, n in counts.items() if n == most]
    return asker if asker in tied else detected if detected in tied else tied[0]
