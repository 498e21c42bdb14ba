"""Typos read as the stored news spells the word, and names the news does not hold left as asked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from index.lexical import tokenize
from index.spelling import correct_spelling


class Chunks:
    """A corpus of a few chunks, counted as the BM25 index counts them (`LexicalIndex.document_frequencies`)."""

    def __init__(self, *texts: str) -> None:
        self.frequency: Counter[str] = Counter()
        for text in texts:
            self.frequency.update(set(tokenize(text)))

    def document_frequencies(self, tokens: Iterable[str]) -> dict[str, int]:
        return {token: self.frequency[token] for token in tokens}


NEWS = Chunks(
    "Der Landeroboter Philae meldet sich nicht mehr.",
    "Philae liegt auf dem Kometen Tschuri.",
    "Die Parteigründung wurde am Montag bekanntgegeben.",
    "Der Termin wurde gestern bekanntgegeben.",
    "Die beiden Minister trafen sich in Wien.",
    "Die beiden Parteien einigten sich.",
    "Lloyd Webber schrieb ein neues Musical.",
    "Lloyd Webber ist Komponist.",
)


def test_swapped_letters_and_a_missing_letter_are_read_as_the_news_spells_the_word() -> None:
    corrected = correct_spelling("Was ist mit Phliae passiert?", NEWS)
    assert corrected.question == "Was ist mit Philae passiert?"
    assert corrected.changed == {"Phliae": "Philae"}
    assert correct_spelling("Wann wurde die Parteigründung bekanngegeben?", NEWS).question == (
        "Wann wurde die Parteigründung bekanntgegeben?"
    )


def test_names_the_news_does_not_hold_stay_as_asked() -> None:
    # one letter added ("beiden") or changed ("Lloyd") away from stored words, but names of their own
    for question in ("Whom did Joe Biden defeat in 2020?", "Who killed George Floyd?"):
        assert correct_spelling(question, NEWS).question == question
    # a stored word, a dictionary word and a short word are never changed
    for question in ("Wo liegt Philae?", "Who denied supplying arms?", "Was macht Wein?"):
        assert correct_spelling(question, NEWS).changed == {}


def test_a_word_of_a_name_the_news_lacks_is_no_typo() -> None:
    great = Chunks("Great Britain stimmt ab.", "Make America great again.")
    # "Greta" is "great" swapped, but stands beside "Thunberg", which the news does not hold either
    assert correct_spelling("Greta Thunberg", great).changed == {}
    assert correct_spelling("News about Greta Thunberg", great).changed == {}
    # beside a name the news holds, a typo is read as the news spells it
    assert correct_spelling("Was ist mit Lloyd Webebr?", NEWS).changed == {"Webebr": "Webber"}


def test_a_spelling_only_one_chunk_holds_or_two_spellings_alike_change_nothing() -> None:
    assert correct_spelling("Wer ist Ulamce?", Chunks("Stephan Ulamec leitet das Projekt.")).changed == {}
    tied = Chunks("Mairen sang.", "Mairen tanzte.", "Mainre sang.", "Mainre tanzte.")
    assert correct_spelling("Wer ist Mairne?", tied).changed == {}


def test_a_spelling_counts_the_chunks_of_its_inflected_forms() -> None:
    news = Chunks("Der Einsatz in Afghanistan endet.", "Die Zukunft Afghanistans ist offen.")
    assert correct_spelling("Was passierte in Afghanistna?", news).changed == {"Afghanistna": "Afghanistan"}
    # the form alone, without a chunk of the spelling itself, is no spelling to read
    only_forms = Chunks("Die Zukunft Afghanistans ist offen.", "Die Lage Afghanistans bleibt schwierig.")
    assert correct_spelling("Was passierte in Afghanistna?", only_forms).changed == {}


def test_a_common_word_the_news_writes_in_another_language_is_read_as_the_dictionary_spells_it() -> None:
    corrected = correct_spelling("Who denied suplying arms?", NEWS)
    assert corrected.question == "Who denied supplying arms?"
    assert corrected.changed == {"suplying": "supplying"}
    assert correct_spelling("Woran ist er gestroben?", NEWS).changed == {"gestroben": "gestorben"}
    # a name is no dictionary word misspelled, and a short word has too many neighbours
    assert correct_spelling("Who is Alex Suplying?", NEWS).changed == {}
    assert correct_spelling("Was erwägte die Regierung?", NEWS).changed == {}


def test_a_question_in_another_language_than_the_word_lists_keeps_its_words_and_gets_its_names_read() -> None:
    # the word lists are English and German: to them every Italian word is unknown ("successo" read as "success")
    assert correct_spelling("Cosa è successo a Philae ieri?", NEWS).changed == {}
    assert correct_spelling("Cosa è successo a Phliae ieri?", NEWS).changed == {"Phliae": "Philae"}
    assert correct_spelling("What happened to Phliae?", NEWS).changed == {"Phliae": "Philae"}
