"""A topic named in another language (index/renderings.py), with the real multilingual model (USE, loads in about a
second): "Greece" in "Griechenland", not "Bitcoin" in news of oil prices."""

from __future__ import annotations

import pytest

from index.embedders import load_embedder
from index.renderings import Renderings, shares, spelled_alike, terms_of, words_told
from index.word_vectors import WordVectors

OIL = "Öl, Kupfer und Co sollten bald im Preis steigen, sagen Experten. Investoren kaufen Rohstoffe."
GREECE = "Beim EU-Gipfel wollte Griechenland eine Lösung für die Flüchtlinge finden."
UNION = "Die Europäische Union berät über den Haushalt."
TUSK = "Donald Tusk sagte am Montag, der Gipfel sei gescheitert."
SPRINT = "Kim Collins gewinnt den Sprint in Kingston."


@pytest.fixture(scope="module")
def renderings() -> Renderings:
    return Renderings(WordVectors(lambda: load_embedder("use")))


def test_a_name_is_found_in_its_translation_and_not_in_another_subject(renderings: Renderings) -> None:
    assert renderings("Greece", [GREECE, OIL]) == [(True, True), (False, False)]
    assert renderings("Refugees", [GREECE]) == [(True, True)]
    assert renderings("Bitcoin", [OIL, GREECE]) == [(False, False), (False, False)]


def test_a_name_of_two_words_is_found_whole_or_word_by_word(renderings: Renderings) -> None:
    # "Europäische Union" shares "Union", which on_topic finds as written; "Europäische" renders "European"
    assert renderings("European Union", [UNION]) == [(False, True, False)]
    # "puerto" of "puerto de Hamburgo" in "port"; "Hamburg" is closer to "Hamburgo" than to the whole, and
    # "Hamburgo", part of a name, is rendered only beside another of its words
    assert renderings("puerto de Hamburgo", ["The storm closed the port of Hamburg."]) == [(False, True, False)]


def test_a_word_of_a_name_is_rendered_only_beside_another(renderings: Renderings) -> None:
    # "Sania" is close to "Sanna", but stands beside "Mirza", not "Marin"
    assert renderings("Sanna Marin", ["Sania Mirza und Marin Čilić siegen in Melbourne."]) == [(False, False, False)]


def test_a_first_name_or_a_shared_word_does_not_render_the_topic(renderings: Renderings) -> None:
    # "Donald" alone is close to "Trump"; "Kim Collins" shares "Kim" with "Kim Kardashian"
    assert renderings("Trump", [TUSK]) == [(False, False)]
    assert renderings("Kim Kardashian", [SPRINT]) == [(False, False, False)]
    # nor a name spelled alike: "Grete Petritsch" was 0.71 from "Greta Thunberg"
    assert renderings("Greta Thunberg", ["Die Schauspielerin Grete Petritsch spielt in Wien."]) == [(False,) * 3]


def test_a_name_no_dictionary_knows_is_rendered_only_as_spelled_alike(renderings: Renderings) -> None:
    # a name of one word carries over between languages: "Taxi" is 0.71 from "Uber", "Zelin" 0.73 from "Zelensky"
    assert renderings("Uber", ["Ein Taxi wartet vor dem Bahnhof."]) == [(False, False)]
    assert renderings("Zelensky", ["Der Chinese Cai Zelin gewann das Gehen."]) == [(False, False)]
    assert renderings("ECB", ["Die EZB senkt den Leitzins."]) == [(True, True)]
    assert renderings("Egypt", ["Ägypten lädt zur Konferenz."]) == [(True, True)]  # a word: any rendering
    assert spelled_alike("Selenskyj", "Zelensky") and spelled_alike("Chodorkowski", "Khodorkovsky")
    assert not spelled_alike("Zelin", "Zelensky") and not spelled_alike("Taxi", "Uber")


def test_the_words_read_and_the_ones_shared() -> None:
    found = terms_of("Die Europäische Union: Griechenland\nBarack Obama sagte es. Obama lacht.")
    assert {"Europäische Union", "Griechenland", "Barack Obama", "Barack", "Obama", "sagte"} <= set(found.all)
    assert "Die" not in found.all and "es" not in found.all
    assert "Barack" not in found.wholes and {"Barack Obama", "Obama", "Griechenland"} <= found.wholes
    assert found.pairs == [("Europäische", "Union"), ("Barack", "Obama")]  # a mark or a line break ends a name
    assert (
        shares("Chat", ["chatgpt"]) and shares("Kim Collins", ["kim", "kardashian"]) and shares("Bitcoins", ["bitcoin"])
    )
    assert not shares("Hamburg", ["hamburgo"]) and not shares("Railway", ["rail"])
    assert shares("Grete Petritsch", ["greta", "thunberg"])  # a name spelled alike but for one letter
    assert not shares("ECB", ["ezb"]) and not shares("Storm", ["sturm"])  # nor a short one, nor of a lone word


PHILAE = (
    "Der jüngste Weckruf an den Landeroboter Philae ist im All verhallt. Es ist zu keiner Kontaktaufnahme gekommen. "
    "Bis Ende Jänner hoffen Forscher noch auf Signale des Minilabors."
)
SUPER_BOWL = "Die Denver Broncos haben den 50. Super Bowl gewonnen: 24:10 gegen die Carolina Panthers in Santa Clara."


def test_the_words_of_a_question_an_article_tells(renderings: Renderings) -> None:
    words = renderings.words
    # held inflected or in a compound ("Kontakt" in "Kontaktaufnahme"), or in another language ("researchers",
    # "signals" as "Forscher", "Signale")
    assert words_told("Wann war der letzte Kontakt?", PHILAE, words) == 1.0
    assert words_told("Until when do the researchers hope for signals?", PHILAE, words) >= 0.75
    # a question about something else: the Super Bowl is no capital of France
    assert words_told("What is the capital of France?", SUPER_BOWL, words) == 0.0
    assert words_told("Wann war der letzte Kontakt?", SUPER_BOWL, words) < 0.5
    assert words_told("Who?", SUPER_BOWL, words) == 1.0  # no content word to tell
