"""Language identification with a probability, which the LLM answerer uses to decide whether to re-ask."""

from __future__ import annotations

import threading
import time

import pytest
import simplemma

from index import language
from index.language import identify_language, is_known_word, language_name


def test_clear_sentences_are_identified_with_high_probability() -> None:
    code, probability = identify_language("How many people died in the attack?")
    assert code == "en" and probability > 0.9
    code, probability = identify_language("Nordkorea dementiert, Waffen an Russland geliefert zu haben.")
    assert code == "de" and probability > 0.9


def test_a_bare_name_is_not_identified_with_confidence() -> None:
    assert identify_language("Kim Jong Un [1].")[1] < 0.5


def test_text_too_short_to_tell_has_no_language() -> None:
    assert identify_language("Ja.") == ("", 0.0)


def test_language_names_fall_back_to_the_code() -> None:
    assert language_name("de") == "German"
    assert language_name("xx") == "xx"


def test_known_words_in_english_and_german_and_not_names() -> None:
    assert is_known_word("Wahlen", ("de",)) and is_known_word("elections", ("en",))
    assert not is_known_word("Kohlschreiber") and not is_known_word("asdfqwer")


def test_a_word_dictionary_loads_once_however_many_threads_ask_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_dictionaries_loaded", set())
    probes: list[object] = []
    real = simplemma.is_known

    def slow_known(word: str, lang: object, **kwargs: object) -> bool:
        if word == "news":  # the probe that loads a dictionary
            probes.append(lang)
            time.sleep(0.2)
        return bool(real(word, lang=lang, **kwargs))  # type: ignore[arg-type]

    monkeypatch.setattr(simplemma, "is_known", slow_known)
    answers: list[bool] = []
    threads = [threading.Thread(target=lambda: answers.append(is_known_word("Wahl", ("de",)))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 4 and probes == ["de"]
