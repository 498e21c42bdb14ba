"""Language identification with a probability, which the LLM answerer uses to decide whether to re-ask."""

from __future__ import annotations

from index.language import identify_language, language_name


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
