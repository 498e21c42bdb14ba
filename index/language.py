"""Language identification (py3langid, offline) and known words (simplemma's lemma dictionaries). Sentence
splitting is index/segmentation.py's."""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from index.modelcache import keep, kept_object, model_cache_dir

log = logging.getLogger(__name__)

MIN_CHARS_TO_DETECT = 12
# Characters of a text that language identification looks at (its first ones).
DETECT_SAMPLE_CHARS = 2000
#: a word of letters only: no digits, no underscores ("Philae", "übermorgen"; not "F-22" or "2018")
LETTER_WORD_RE = re.compile(r"[^\W\d_]+")
# How many letters a question of two words or more in capitals has at least to be taken for shouting ("WHO WON?"),
# not for acronyms ("EU-USA").
MIN_SHOUTED_LETTERS = 6
# English names of languages, for prompts that tell an LLM which language to write in.
LANGUAGE_NAMES = {
    "ar": "Arabic",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
    # named for detection (DETECTED_LANGUAGES) as much as for prompts
    "af": "Afrikaans",
    "az": "Azerbaijani",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "ca": "Catalan",
    "et": "Estonian",
    "eu": "Basque",
    "ga": "Irish",
    "gl": "Galician",
    "hr": "Croatian",
    "hy": "Armenian",
    "id": "Indonesian",
    "is": "Icelandic",
    "ka": "Georgian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ms": "Malay",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sw": "Swahili",
    "ta": "Tamil",
    "th": "Thai",
    "ur": "Urdu",
    "vi": "Vietnamese",
}
# What language identification may answer: the languages named above. py3langid's model knows 142, among them
# regional ones it gives short questions in a major language: "Who did Dominic Thiem beat in Rio?" was Latin,
# "Wann hat Brad Pitt Pax adoptiert?" Luxembourgish, "What did Lady Gaga sing?" Javanese, and a German question
# taken for another language is read with the cross-language evidence model and refused in English. Among these
# 54, 2 of the 2,050 English and German questions of news_qa, XQuAD, MLQA dev and benchmarks/data/absent_topics
# are taken for another language ("Who do gurus control?": Portuguese), against 16 among all 142.
DETECTED_LANGUAGES = tuple(sorted(LANGUAGE_NAMES))


def detect_language(text: str, default: str = "") -> str:
    """ISO 639-1 code of `text`'s language, or `default` when the text is too short to tell."""
    return identify_language(text)[0] or default


def identify_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability from 0 to 1) of `text`'s language; ("", 0.0) when it is too short to tell.

    Short texts get low probabilities ("Kim Jong Un" is Luxembourgish at 0.08): compare the probability with a
    threshold before acting on the code.
    """
    sample = " ".join(text[: DETECT_SAMPLE_CHARS * 4].split())[:DETECT_SAMPLE_CHARS]
    if len(sample) < MIN_CHARS_TO_DETECT:
        return "", 0.0
    code, probability = _identifier().classify(sample)
    return str(code), float(probability)


# How sure the identifier must be of a language other than English or German for a question's one English or German
# function word not to decide (`question_language`).
SURE_OF_ANOTHER_LANGUAGE = 0.6
# Function words a question asks with, for `question_language`; not those both languages write ("was", "die",
# "war", "in", "an", "hat", "will", "also", "am", "so").
_ENGLISH_WORDS = frozenset(
    "who whom whose what when where why how which is are were did does do has have had the of to a for on with by"
    " from at would can could about after before".split()
)
_GERMAN_WORDS = frozenset(
    "wer wen wem wessen wann wo woher wohin warum wieso weshalb wie welche welcher welches welchen welchem ist sind"
    " waren wurde wurden haben hatte der das den dem des ein eine einen einem einer und im zu von mit für auf bei"
    " nach aus vom zum zur beim sich nicht auch".split()
)


# Of the English function words, those Portuguese writes as its own: the one such word of a question the identifier
# names Portuguese for, unsure, says no English ("Notícias sobre a Grécia": Portuguese at 0.45, "a" its article;
# "Manchetes do dia": 0.52, "do" its "of the")
_PORTUGUESE_WORDS = frozenset({"a", "do"})
# Of the English and German function words, those French, Spanish, Italian or Portuguese write as their own ("Qui a
# été poursuivi …" has "a" twice, "Selon le ministre … des Antiquités" "des"): when the identifier is sure of one of
# those languages and only such words say English or German, the identifier decides
_ROMANCE_WORDS = frozenset({"a", "on", "do", "des"})
_ROMANCE_LANGUAGES = frozenset({"fr", "es", "it", "pt"})
#: the question words of French, Spanish and Italian, as written (index/answerers/romance_questions.py reads them)
ROMANCE_QUESTION_WORDS = {
    "fr": "qui quoi quand où pourquoi combien quel quelle quels quelles lequel laquelle lesquels comment",
    "es": "quién quiénes qué cuándo dónde adónde cuánto cuánta cuántos cuántas cuál cuáles cómo",
    "it": "chi che cosa quando dove perché quanto quanta quanti quante quale quali come",
}
# Of those, the ones that tell the language of a short question the identifier is unsure of, before an "a" that
# would say English ("Qui a perdu ?": Italian to it at 0.28): not those English or the others write too ("Tai chi")
_TELLING_WORDS = {
    language: frozenset(words.split()) - {"che", "chi", "come", "cosa", "dove", "comment"}
    for language, words in ROMANCE_QUESTION_WORDS.items()
}
# A Cyrillic question the identifier is unsure of, or that is too short for it, is read as Russian or Ukrainian: it
# named Bulgarian for "Новости за сегодня" (0.27), Macedonian for "Новости о Греции" (0.26), and nothing for "Что
# нового?". A letter only Ukrainian writes of the two (і ї є ґ) or only Russian (ы э ъ ё) decides, else the
# identifier's ranking of the two.
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґ]", re.IGNORECASE)
_RUSSIAN_LETTERS = re.compile(r"[ыэъё]", re.IGNORECASE)


def question_language(question: str, default: str = "") -> str:
    """The language a question is asked in: English or German when its function words say so
    (`function_word_language`), since a short question is mostly names ("Who is Ulrich Reitz?" is German to the
    identifier, "Who is Angela Merkel?" Afrikaans); else the identifier's language, unless it names another
    language unsure of it (below SURE_OF_ANOTHER_LANGUAGE) and one function word says English or German ("Is
    Philae dead?" was Irish to it at 0.50, "Wo liegt Marea?" Latvian at 0.20; "Chi ha vinto la partita?" is
    Italian at 0.80, though "a" is an English word too); for a question too short for the identifier, one function
    word ("Warum?", "Why?"); Russian or Ukrainian for a Cyrillic question it is unsure of or too short for
    (`_russian_or_ukrainian`); `default` when nothing tells. A French "a", "on" or "des" says English or German
    only where the identifier is unsure of French, Spanish, Italian or Portuguese or another function word agrees
    ("Qui a été poursuivi …" is French)."""
    if language := function_word_language(question):
        if not _ROMANCE_WORDS & {word.lower() for word in LETTER_WORD_RE.findall(question)}:
            return language
        if function_word_language(question, besides=_ROMANCE_WORDS):  # "Who is a candidate?": "who", "is"
            return language
        code, probability = identify_language(question)
        if code in WORD_LANGUAGES:
            return language
        if code in _ROMANCE_LANGUAGES and probability >= SURE_OF_ANOTHER_LANGUAGE:
            return code
        return _telling_language(question) or language
    code, probability = identify_language(question)
    if probability < SURE_OF_ANOTHER_LANGUAGE and (cyrillic := _russian_or_ukrainian(question)):
        return cyrillic
    if not code or (code not in WORD_LANGUAGES and probability < SURE_OF_ANOTHER_LANGUAGE):
        # too short for the identifier, one function word tells: "Warum?", "Wohin?" are German, "Why?" English
        shared = _PORTUGUESE_WORDS if code == "pt" else frozenset()
        code = _telling_language(question) or function_word_language(question, at_least=1, besides=shared) or code
    return code or default


def _telling_language(question: str) -> str:
    """French, Spanish or Italian for a question that holds one of that language's `_TELLING_WORDS`, else ""."""
    words = {word.lower() for word in LETTER_WORD_RE.findall(question)}
    return next((language for language, telling in _TELLING_WORDS.items() if words & telling), "")


def _russian_or_ukrainian(question: str) -> str:
    """ "ru" or "uk" for a question written mostly in Cyrillic, else "" (see _CYRILLIC_LETTER)."""
    letters = "".join(LETTER_WORD_RE.findall(question))
    if len(_CYRILLIC_LETTER.findall(letters)) * 2 <= len(letters):
        return ""
    if _UKRAINIAN_LETTERS.search(letters):
        return "uk"
    if _RUSSIAN_LETTERS.search(letters):
        return "ru"
    ranked = dict(_identifier().rank(" ".join(question.split())[:DETECT_SAMPLE_CHARS]))
    return "uk" if ranked["uk"] > ranked["ru"] else "ru"


def function_word_language(question: str, *, at_least: int = 2, besides: frozenset[str] = frozenset()) -> str:
    """ "en" or "de" when `at_least` of the question's function words (but those `besides`) say one language and
    none the other; "" otherwise. Capitalised words past the first are left out: names, or German nouns."""
    words = LETTER_WORD_RE.findall(question)
    asked = [w.lower() for i, w in enumerate(words) if (i == 0 or not w[:1].isupper()) and w.lower() not in besides]
    english = sum(w in _ENGLISH_WORDS for w in asked)
    german = sum(w in _GERMAN_WORDS for w in asked)
    if english >= at_least and not german:
        return "en"
    if german >= at_least and not english:
        return "de"
    return ""


def language_name(code: str) -> str:
    """ "German" for "de"; the code itself for languages without a name here."""
    return LANGUAGE_NAMES.get(code, code)


#: languages whose words the answerers know (simplemma's dictionaries: English and German news and questions)
WORD_LANGUAGES = ("en", "de")


def message_language(message: str, default: str = "en") -> str:
    """The language to say something about `message` in: the question's (`question_language`), else for one word
    alone the word list's that has it (`word_language`: "Nordkorea", "Weltraum": German), else `default`."""
    return question_language(message) or word_language(message) or default


def word_language(message: str) -> str:
    """English or German for a message of one word that is a word of one of them only ("Nordkorea", "Flüchtlinge":
    German; "Weather": English), which the identifier is too unsure of to name; "" for anything else (a name of
    several words is often in both lists: "Kim Jong Un")."""
    words = LETTER_WORD_RE.findall(message)
    if len(words) != 1:
        return ""
    german, english = is_known_word(words[0], ("de",)), is_known_word(words[0], ("en",))
    return "de" if german and not english else "en" if english and not german else ""


def is_known_word(word: str, languages: Sequence[str] = WORD_LANGUAGES) -> bool:
    """Whether the word (any case, inflected) is in the lemma dictionary of one of the languages."""
    return _WORDS.is_known(word, languages)


def recased(question: str) -> str:
    """A question typed in one case, cased as the news would write it. Read as typed, a question in capitals only
    ("WHO DENIED SUPPLYING ARMS?") had every word for a name the news lacked, and was refused; one in lower case
    only ("how many people died when the morandi bridge collapsed in genoa?") had no name to miss, and got a
    sentence of another story. So a question in capitals is read in lower case, and one in lower case gets a
    capital for its first word, for each word its language's dictionary writes only with one ("Waffen",
    "Russland", "Genoa"), and for each word no dictionary knows that is no typo of a word one does (a name,
    "Morandi", "Sedol"; not "denyed" or "suplying", which the spelling check reads: index/spelling.py); an
    acronym the dictionary writes in capitals and no other way gets them ("eu" -> "EU"). A question with both
    cases, an acronym alone ("USA?", "EU-USA"), or no word a dictionary knows is left as it is."""
    words = LETTER_WORD_RE.findall(question)
    lower, upper = any(c.islower() for c in question), any(c.isupper() for c in question)
    if not words or (lower and upper):
        return question
    if not lower and (len(words) < 2 or sum(map(len, words)) < MIN_SHOUTED_LETTERS):
        return question
    if not any(is_known_word(word) for word in words):  # no language to case it by ("asdf qwer" stays gibberish)
        return question
    question = question.lower()
    language = function_word_language(question)
    dictionaries = [_WORDS.get_dictionary(code) for code in ((language,) if language else WORD_LANGUAGES)]
    out: list[str] = []
    position = 0
    for index, match in enumerate(LETTER_WORD_RE.finditer(question)):
        word = match.group(0)
        capital = word[:1].upper() + word[1:]
        if index == 0:
            word = capital
        elif not (
            word in _ENGLISH_WORDS or word in _GERMAN_WORDS or any(word in words_of for words_of in dictionaries)
        ):
            # each dictionary look-up is a query of its word list: made once
            capitalised = any(capital in words_of for words_of in dictionaries)
            if not capitalised and any(word.upper() in words_of for words_of in dictionaries):
                word = word.upper()  # an acronym the dictionary knows: "eu" -> "EU", "nato" -> "NATO", not "Eu"
            elif capitalised or (len(word) > 1 and not is_known_word(word) and not _near_a_word(word)):
                word = capital
        out.append(question[position : match.start()] + word)
        position = match.end()
    return "".join(out) + question[position:]


_EDIT_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"


def one_edit_spellings(
    word: str, letters: str, *, changes: bool = True, drops: bool = True, adds: bool = True
) -> set[str]:
    """Every spelling one edit from `word` but `word` itself: two neighbouring letters swapped, and where asked a
    letter changed, left out, or added (from `letters`)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    if drops:
        edits |= {left + right[1:] for left, right in splits if right}
    if changes:
        edits |= {left + c + right[1:] for left, right in splits if right for c in letters}
    if adds:
        edits |= {left + c + right for left, right in splits for c in letters}
    return edits - {word}


def _near_a_word(word: str) -> bool:
    """Whether a word the dictionaries do not know is one edit (a letter changed, left out, added, or two
    swapped) from one they do: a typo ("denyed", "bestriten") rather than a name ("Sedol", "Schettino")."""
    return any(is_known_word(edit) for edit in one_edit_spellings(word, _EDIT_LETTERS) if len(edit) > 1)


def load_language_tools() -> None:
    """Load the language identifier and the English and German word lists before the first question
    (`Newsroom.warm_up`). Loaded once per process: threads that need one while it loads wait for that load
    instead of starting a second one."""
    _identifier()
    for language in WORD_LANGUAGES:
        _WORDS.get_dictionary(language)


class WordLists:
    """simplemma's lookup (inflections, case, apostrophes) over word lists kept in the model cache dir.

    simplemma reads a whole lemma dictionary into memory in every process (German: 1.1 million entries, 0.9 s
    of a 4 s `newsbot ask`), where a question needs a handful of lookups. So each dictionary's words are written
    once per simplemma version to an SQLite file (4 s, 23 MB for German), which opens in under a millisecond and
    answers a lookup in about 10 µs. Where the cache dir cannot be written, or the file cannot be read,
    simplemma's own dictionary serves. (A simplemma DictionaryFactory: `get_dictionary(lang)`.)
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dictionaries: dict[str, Mapping[str, str]] = {}
        self._lookup: Any = None

    def is_known(self, word: str, languages: Sequence[str]) -> bool:
        from simplemma.utils import normalize_token

        if self._lookup is None:
            from simplemma.strategies import DictionaryLookupStrategy

            self._lookup = DictionaryLookupStrategy(self)
        token = normalize_token(word)
        return any(self._lookup.get_lemma(token, language) is not None for language in languages)

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._dictionaries.get(lang)
        if found is None:
            with self._lock:
                found = self._dictionaries.get(lang)
                if found is None:
                    found = self._dictionaries[lang] = self._load(lang)
        return found

    def _load(self, lang: str) -> Mapping[str, str]:
        import simplemma
        from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

        path = model_cache_dir() / f"simplemma-{simplemma.__version__}-{lang}.words.sqlite3"
        if path.exists():
            try:
                return _WordList(path)
            except sqlite3.Error as exc:
                log.warning("ignoring the word list %s (%s): writing it again", path, exc)
        dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)  # raises ValueError for an unknown language
        keep(path, lambda temporary: _write_words(temporary, dictionary))
        return dictionary  # read now anyway; the next process opens the file


class _WordList(Mapping[str, str]):
    """A kept word list as simplemma's lookup reads a dictionary: a word maps to "" (known; the lemma itself is
    not kept), anything else is missing."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._db.execute("SELECT word FROM words LIMIT 1").fetchall()  # not a word list: sqlite3.Error now

    def __getitem__(self, word: str) -> str:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM words WHERE word = ?", (word,)).fetchone()
        if row is None:
            raise KeyError(word)
        return ""

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            rows = self._db.execute("SELECT word FROM words").fetchall()
        return iter(word for (word,) in rows)

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM words").fetchone()[0])


def _write_words(path: Path, dictionary: Mapping[str, str]) -> None:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY) WITHOUT ROWID")
        db.executemany("INSERT INTO words VALUES (?)", ((word,) for word in dictionary))
        db.commit()
    finally:
        db.close()


_WORDS = WordLists()
_identifier_lock = threading.Lock()
_identifier_loaded: list[Any] = []


def _identifier() -> Any:
    if not _identifier_loaded:
        with _identifier_lock:
            if not _identifier_loaded:
                from importlib.metadata import version

                from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

                def build() -> Any:  # decompresses and parses the model: 0.4-0.6 s, the kept copy 0.1 s
                    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
                    identifier.set_languages(list(DETECTED_LANGUAGES))
                    return identifier

                languages = hashlib.sha1(",".join(DETECTED_LANGUAGES).encode()).hexdigest()[:8]
                name = f"py3langid-{version('py3langid')}-{Path(MODEL_FILE).name}-{languages}.identifier.pickle"
                _identifier_loaded.append(kept_object(name, build, "LanguageIdentifier"))
    return _identifier_loaded[0]
