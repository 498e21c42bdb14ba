"""Language identification with a probability, which the LLM answerer uses to decide whether to re-ask."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from pathlib import Path

import pytest
import simplemma
from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

from index import language
from index.language import (
    WordLists,
    identify_language,
    is_known_word,
    language_name,
    question_language,
    recased,
    word_language,
)
from index.segmentation import split_sentences


def test_clear_sentences_are_identified_with_high_probability() -> None:
    code, probability = identify_language("How many people died in the attack?")
    assert code == "en" and probability > 0.9
    code, probability = identify_language("Nordkorea dementiert, Waffen an Russland geliefert zu haben.")
    assert code == "de" and probability > 0.9


def test_a_bare_name_is_not_identified_with_confidence() -> None:
    assert identify_language("Kim Jong Un [1].")[1] < 0.5


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Who did Dominic Thiem beat in Rio?", "en"),  # Latin among all of py3langid's languages
        ("What did Lady Gaga sing?", "en"),  # Javanese
        ("Wann hat Brad Pitt Pax adoptiert?", "de"),  # Luxembourgish
        ("Wo wurde George geboren?", "de"),  # West Frisian
        ("Qui a gagné le match?", "fr"),
        ("Kto wygrał mecz?", "pl"),
        ("Kdo je zmagal?", "sl"),
        ("Kuka voitti ottelun?", "fi"),
    ],
)
def test_short_questions_get_a_language_newsbot_names_not_a_regional_neighbour(question: str, code: str) -> None:
    assert identify_language(question)[0] == code and language_name(code) != code


@pytest.mark.parametrize(
    ("question", "code"),
    [
        # one function word of English or German, and the identifier named another language
        ("Is Philae dead?", "en"),  # Irish
        ("Wo liegt Marea?", "de"),  # Latvian
        ("Ist Philae tot?", "de"),  # Afrikaans
        # the identifier's language stands where the function words do not say, or it is English or German
        ("Qui a gagné le match?", "fr"),
        ("Kto wygrał mecz?", "pl"),
        ("Was schreibt The Guardian über den Brexit?", "de"),
        # Portuguese writes "a" and "do" too (Portuguese at 0.45 and 0.52; were English)
        ("Notícias sobre a Grécia", "pt"),
        ("Manchetes do dia", "pt"),
        # too short for the identifier: a follow-up of a question word (before, English by default)
        ("Warum?", "de"),
        ("Wohin?", "de"),
        ("Und wann?", "de"),
        ("Why?", "en"),
        ("Ja.", ""),
    ],
)
def test_one_function_word_decides_between_english_and_german_when_the_identifier_names_neither(
    question: str, code: str
) -> None:
    assert question_language(question) == code


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Новости за сегодня", "ru"),  # Bulgarian to the identifier
        ("Новости о Греции", "ru"),  # Macedonian
        ("Что нового?", "ru"),  # too short for it
        ("Що нового?", "uk"),
        ("Що сталося вчора?", "uk"),
        ("Что случилось вчера?", "ru"),
        ("Какво стана вчера? Кой спечели изборите в България?", "bg"),  # sure of Bulgarian
    ],
)
def test_a_cyrillic_question_the_identifier_is_unsure_of_is_russian_or_ukrainian(question: str, code: str) -> None:
    assert question_language(question) == code


def test_text_too_short_to_tell_has_no_language() -> None:
    assert identify_language("Ja.") == ("", 0.0)


def test_language_names_fall_back_to_the_code() -> None:
    assert language_name("de") == "German"
    assert language_name("xx") == "xx"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a German sentence ending in a number: pysbd's rules read "70." as an ordinal and glued the next sentence
        (
            "Andererseits ist Juppé bereits 70. Also ein dritter Mann? Nein.",
            ["Andererseits ist Juppé bereits 70.", "Also ein dritter Mann?", "Nein."],
        ),
        ("Er ist 45. Er lebt in Wien.", ["Er ist 45.", "Er lebt in Wien."]),
        # ordinals stay inside their sentence
        (
            "Sie feierte am 3. Oktober ihren 80. Geburtstag. Dann kam er.",
            ["Sie feierte am 3. Oktober ihren 80. Geburtstag.", "Dann kam er."],
        ),
        ("Es war das 2. Mal, dass die 50. Super Bowl lief.", ["Es war das 2. Mal, dass die 50. Super Bowl lief."]),
    ],
)
def test_a_german_sentence_may_end_in_a_number_and_ordinals_stay_inside(text: str, sentences: list[str]) -> None:
    assert split_sentences(text, "de") == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # two short numbers with full stops in a paragraph are a numbered list to pysbd, which cut before each
        (
            "Wieso wurde am 1. Jänner noch von Ruhe berichtet und die Übergriffe erst am Abend des 2. Jänner bekannt?"
            " Klingt das glaubhaft?",
            [
                "Wieso wurde am 1. Jänner noch von Ruhe berichtet und die Übergriffe erst am Abend des 2. Jänner"
                " bekannt?",
                "Klingt das glaubhaft?",
            ],
        ),
        (
            "Am 3. Feber kam es. Vom 6. März bis 7. April war es. Die Prüfungen stehen am 6. und 7. Juni an.",
            ["Am 3. Feber kam es.", "Vom 6. März bis 7. April war es.", "Die Prüfungen stehen am 6. und 7. Juni an."],
        ),
        # and a sentence cut inside an abbreviation
        (
            "Es gab Luftschläge u. a. auf Sanaa. Das ist v. Chr. gebaut.",
            ["Es gab Luftschläge u. a. auf Sanaa.", "Das ist v. Chr. gebaut."],
        ),
        # a three-digit ordinal after an article
        (
            "Er sorgte bei der 107. Auflage der Primavera für den Sieg. Allerdings nur jedes 100. Unternehmen.",
            ["Er sorgte bei der 107. Auflage der Primavera für den Sieg.", "Allerdings nur jedes 100. Unternehmen."],
        ),
        # two ordinals joined by a slash
        (
            "Das Kostüm heißt Flüchtling – 1./2. Weltkrieg für Mädchen. Es rumort.",
            ["Das Kostüm heißt Flüchtling – 1./2. Weltkrieg für Mädchen.", "Es rumort."],
        ),
        # and a word cut at its abbreviations' full stops
        (
            "Benfica muss in der K.-o.-Phase auf zwei Verteidiger verzichten. Das ist bitter.",
            ["Benfica muss in der K.-o.-Phase auf zwei Verteidiger verzichten.", "Das ist bitter."],
        ),
        # a question mark inside a title, or before the speaker of speech printed without quotation marks
        (
            "Für Whos Afraid of Virginia Woolf? wurde er mit einem Oscar ausgezeichnet. Seine Rede war kurz.",
            ["Für Whos Afraid of Virginia Woolf? wurde er mit einem Oscar ausgezeichnet.", "Seine Rede war kurz."],
        ),
        (
            "Wer soll das bezahlen? fragte Platter. Wir! Das ist klar.",
            ["Wer soll das bezahlen? fragte Platter.", "Wir!", "Das ist klar."],
        ),
        # a real list keeps its items
        (
            "Gehen: 4. Igor Glawan (Ukraine) 1:20:29, 5. Cai Zelin (China) 1:20:42, 6. Caio Bonfim 1:20:44.",
            ["Gehen:", "4. Igor Glawan (Ukraine) 1:20:29,", "5. Cai Zelin (China) 1:20:42,", "6. Caio Bonfim 1:20:44."],
        ),
    ],
)
def test_a_sentence_pysbd_cuts_before_a_date_or_inside_an_abbreviation_is_one_sentence(
    text: str, sentences: list[str]
) -> None:
    assert split_sentences(text, "de") == sentences


def test_two_threads_splitting_at_once_each_get_all_their_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question is split while a feed is read. pysbd keeps the text it splits on its segmenter, so the two texts
    are made to meet there: each thread waits after handing its text over until the other has handed its own."""
    import pysbd

    both_handed_over = threading.Barrier(2, timeout=10)
    real_processor = pysbd.Segmenter.processor

    def processor_after_the_other(self: pysbd.Segmenter, text: str) -> object:
        both_handed_over.wait()
        return real_processor(self, text)

    monkeypatch.setattr(pysbd.Segmenter, "processor", processor_after_the_other)
    texts = ["Der Minister sprach in Wien. Er kam spät.", "Rapid gewann das Derby. Die Austria verlor."]
    split: dict[str, list[str]] = {}
    threads = [threading.Thread(target=lambda t=text: split.update({t: split_sentences(t, "de")})) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert split == {
        texts[0]: ["Der Minister sprach in Wien.", "Er kam spät."],
        texts[1]: ["Rapid gewann das Derby.", "Die Austria verlor."],
    }


def test_known_words_in_english_and_german_and_not_names() -> None:
    assert is_known_word("Wahlen", ("de",)) and is_known_word("elections", ("en",))
    assert not is_known_word("Kohlschreiber") and not is_known_word("asdfqwer")


WORDS = ["Wahl", "Wahlen", "wählte", "Bundestagswahl", "Kohlschreiber", "elections", "denied", "AlphaGo", "l'homme"]


def test_kept_word_lists_know_what_simplemma_knows_and_are_read_instead_of_its_dictionaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = WordLists()
    expected = [simplemma.is_known(word, lang=("de", "en")) for word in WORDS]
    assert [first.is_known(word, ("de", "en")) for word in WORDS] == expected  # built now, from simplemma's own
    assert sorted(p.name.split("-")[-1] for p in (tmp_path / "newsbot").glob("simplemma-*")) == [
        "de.words.sqlite3",
        "en.words.sqlite3",
    ]

    def read_dictionary(_: object, lang: str) -> None:
        raise AssertionError(f"the kept {lang} word list should have been read")

    with monkeypatch.context() as kept_only:
        kept_only.setattr(type(DEFAULT_DICTIONARY_FACTORY), "get_dictionary", read_dictionary)
        assert [WordLists().is_known(word, ("de", "en")) for word in WORDS] == expected


def test_a_damaged_word_list_is_written_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    WordLists().get_dictionary("en")
    (kept,) = (tmp_path / "newsbot").glob("simplemma-*-en.words.sqlite3")
    kept.write_bytes(b"damaged" * 1000)
    assert WordLists().is_known("elections", ("en",)) and not WordLists().is_known("Kohlschreiber", ("en",))
    assert kept.read_bytes()[:15] == b"SQLite format 3"


def test_a_word_list_loads_once_however_many_threads_ask_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words = WordLists()
    loads: list[str] = []
    real_load = words._load

    def slow_load(lang: str) -> Mapping[str, str]:
        loads.append(lang)
        time.sleep(0.2)
        return real_load(lang)

    monkeypatch.setattr(words, "_load", slow_load)
    answers: list[bool] = []
    threads = [threading.Thread(target=lambda: answers.append(words.is_known("Wahl", ("de",)))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 4 and loads == ["de"]


def test_the_language_identifier_is_kept_in_the_model_cache_and_read_from_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from py3langid.langid import LanguageIdentifier

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(language, "_identifier_loaded", [])
    assert identify_language("Nordkorea dementiert, Waffen geliefert zu haben.")[0] == "de"
    (kept,) = (tmp_path / "newsbot").glob("py3langid-*.identifier.pickle")

    def parse(*_: object, **__: object) -> None:
        raise AssertionError("the kept identifier should have been read, not the model parsed again")

    monkeypatch.setattr(language, "_identifier_loaded", [])  # a new process
    monkeypatch.setattr(LanguageIdentifier, "from_modelpath", parse)
    assert identify_language("North Korea denied supplying arms to Russia.")[0] == "en" and kept.exists()


def test_a_cache_dir_that_cannot_be_written_costs_time_not_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # ~/.cache/newsbot cannot be created under a file
    monkeypatch.setattr(language, "_identifier_loaded", [])
    assert WordLists().is_known("Wahlen", ("de",)) and not WordLists().is_known("Kohlschreiber", ("de",))
    assert identify_language("Nordkorea dementiert, Waffen geliefert zu haben.")[0] == "de"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # mostly names: the identifier says German and Afrikaans; the function words say English
        ("Who is Ulrich Reitz?", "en"),
        ("Who is Angela Merkel?", "en"),
        ("Wer ist Ulrich Reitz?", "de"),
        ("Wie viele Zuschauer sahen die erste Folge?", "de"),
        ("Why did Alex Rocco die?", "en"),
        # words both languages write decide nothing, nor do one of each: the identifier does
        ("Was war das?", "de"),
        ("Qui est le président de la France?", "fr"),
        # French, Spanish and Portuguese write "a", "on", "des" too: the identifier, sure of its language, decides
        ("Qui a été poursuivi en justice par le chef du FPÖ Heinz-Christian Strache ?", "fr"),
        ("Combien d'argent a-t-on offert à David Prieth pour le domaine ?", "fr"),
        ("Selon le ministre égyptien des Antiquités, quel matériau se trouve derrière le mur ?", "fr"),
        ("¿Quién ganó a Paul-Henri Mathieu en la final de Kitzbühel?", "es"),
        # English all the same: its own function words say so besides "a"
        ("Who is a candidate for the Oscars?", "en"),
        # too short for the identifier to be sure: a French, Spanish or Italian question word tells before an "a"
        # ("Qui a perdu ?" was English, Italian to the identifier at 0.28), not one English writes too ("Tai chi")
        ("Qui a perdu ?", "fr"),
        ("Où est-ce ?", "fr"),
        ("Quand ?", "fr"),
        ("Tai chi on a beach?", "en"),
        ("Come on!", "en"),
    ],
)
def test_a_question_is_in_the_language_its_function_words_say(question: str, language: str) -> None:
    assert question_language(question) == language


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # in capitals: read in lower case (each word was a name the news lacked)
        ("WHO DENIED SUPPLYING ARMS?", "Who denied supplying arms?"),
        ("„ÜBER WEN SPRICHT ER?“", "„Über wen spricht er?“"),
        ("WHO WON?", "Who won?"),
        # in lower case: nouns and places the dictionary writes with a capital get it, other words stay as typed
        (
            "wer hat bestritten, waffen an russland geliefert zu haben?",
            "Wer hat bestritten, Waffen an Russland geliefert zu haben?",
        ),
        ("what did north korea deny", "What did north Korea deny"),
        ("und afghanistan?", "Und Afghanistan?"),
        # and so do the words no dictionary knows (names), unless they are a typo of one it does
        (
            "how many people died when the morandi bridge collapsed in genoa?",
            "How many people died when the Morandi bridge collapsed in Genoa?",
        ),
        ("who is lee sedol", "Who is lee Sedol"),
        # an acronym the dictionary writes in capitals gets them back (German's word list also has "eu", "Eu")
        ("what did the eu say about nato?", "What did the EU say about NATO?"),
        ("WHO DENIED SUPPLYING ARMS TO THE USA?", "Who denied supplying arms to the USA?"),
        ("who denyed suplying arms", "Who denyed suplying arms"),
        ("WHO DENYED SUPLYING ARMS?", "Who denyed suplying arms?"),
        ("wer hat bestriten waffen zu liefern", "Wer hat bestriten Waffen zu liefern"),
        # as typed: both cases, an acronym alone
        ("Who said WHAT?", "Who said WHAT?"),
        ("Was sagt die NATO?", "Was sagt die NATO?"),
        ("USA?", "USA?"),
        ("EU-USA", "EU-USA"),
        ("2016", "2016"),
        # no word of a language: gibberish stays gibberish
        ("asdf qwer", "asdf qwer"),
        ("ASDF QWER", "ASDF QWER"),
    ],
)
def test_a_question_typed_in_one_case_is_cased_as_the_news_writes(typed: str, read: str) -> None:
    assert recased(typed) == read


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Nordkorea", "de"),
        ("Flüchtlinge", "de"),
        ("Weather", "en"),
        # a word both have, a name of several words, none of either: nothing to tell
        ("Sport", ""),
        ("Kim Jong Un", ""),
        ("Philae", ""),
        ("", ""),
    ],
)
def test_one_word_alone_is_in_the_language_whose_word_list_alone_has_it(message: str, language: str) -> None:
    assert word_language(message) == language
