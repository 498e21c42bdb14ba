"""Typos in a question's words, read as the indexed news spells them: "Was ist mit Phliae passiert?" asks about
Philae, "Wann wurde das bekanngegeben?" about "bekanntgegeben".

A word of five letters or more is corrected only when no stored chunk holds it, no dictionary of the languages
newsbot reads knows it, and one spelling held by at least MIN_CHUNKS stored chunks (those of its inflected forms
counted too), more than any other, is that word with two neighbouring letters swapped or (for a word of
MIN_LETTERS_DROPPED letters or more) a letter added. A lower-case word of MIN_LETTERS_DROPPED letters or more that
the news holds in no such spelling (an English word over German news, "suplying") is read as the one dictionary
word the same edit away. The spellings are generated, not searched for (a dict lookup each in the BM25 index's
vocabulary, `Corpus`, or the dictionary). A letter changed, or dropped from a shorter word, is left alone: names
the news does not hold are one such edit from another too often ("Biden": "beiden", "Floyd": "Lloyd", "Turing":
"Turin"; README, "Typos").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from index.answerers.evidence import Corpus
from index.language import LETTER_WORD_RE, WORD_LANGUAGES, is_known_word, one_edit_spellings, question_language
from index.lexical import fold

# Shorter words have too many neighbours one letter away ("Wien", "wein"); names of five letters or more rarely do.
MIN_LETTERS = 5
# A letter left out is read back only in words this long ("bekanngegeben", "dementirt"): in shorter ones it made
# absent names stored words ("Biden": "beiden").
MIN_LETTERS_DROPPED = 8
# A spelling the news holds once may itself be the typo.
MIN_CHUNKS = 2
LETTERS = "abcdefghijklmnopqrstuvwxyzß"
# Endings of a stored spelling's other forms, whose chunks count for it (German cases and plurals, English "s").
ENDINGS = ("s", "es", "n", "en", "ns")


@dataclass(frozen=True)
class Correction:
    """The question as the news spells it, and what was changed (asked word -> stored spelling)."""

    question: str
    changed: dict[str, str]


def correct_spelling(question: str, corpus: Corpus, known: Callable[[str], bool] = is_known_word) -> Correction:
    """`question` with each unknown word that has one clear stored spelling one edit away replaced by it (its
    first letter's case kept)."""
    # the word lists are English and German: to them every word of another language is unknown, and one may be a
    # word of theirs one edit away ("Cosa è successo ieri?" was read as "… success …")
    language = question_language(question)
    dictionary_words = not language or language in WORD_LANGUAGES
    words = {m.group() for m in LETTER_WORD_RE.finditer(question) if len(m.group()) >= MIN_LETTERS}
    stored = corpus.document_frequencies({fold(word) for word in words})
    changed: dict[str, str] = {}
    for word in sorted(words):
        if stored[fold(word)] or known(word):
            continue
        edits = _edits(fold(word))
        frequency = corpus.document_frequencies(edits | {e + ending for e in edits for ending in ENDINGS})
        # a spelling counts the chunks of its inflected forms too ("Afghanistan": "Afghanistans")
        pooled = {e: sum(frequency[e + ending] for ending in ("", *ENDINGS)) for e in edits if frequency[e]}
        ranked = sorted(((n, spelling) for spelling, n in pooled.items() if n >= MIN_CHUNKS), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]):
            spelling = ranked[0][1]
            changed[word] = spelling[:1].upper() + spelling[1:] if word[:1].isupper() else spelling
        elif dictionary_words and word.islower() and len(word) >= MIN_LETTERS_DROPPED:
            # a common word, not a name, that the news may write in another language ("suplying" over German
            # news): read as the one dictionary word that is the same edit away (not in shorter words, where a
            # rare form is a common one swapped: "erwägte", "erwäget")
            spellings = [e for e in _edits(word) if known(e)]
            if len(spellings) == 1:
                changed[word] = spellings[0]
    for word in _beside_unknown_names(question, changed, corpus, known) if changed else ():
        del changed[word]
    if not changed:
        return Correction(question, {})
    fixed = LETTER_WORD_RE.sub(lambda m: changed.get(m.group(), m.group()), question)
    return Correction(fixed, changed)


def _beside_unknown_names(
    question: str, changed: Mapping[str, str], corpus: Corpus, known: Callable[[str], bool]
) -> list[str]:
    """The changed capitalised words beside another capitalised word that the news does not hold, no dictionary
    knows and nothing corrects: they are part of a name the news lacks, not typos ("Greta Thunberg" was read as
    "Great Thunberg", "Ashly Burch" as "Ashly Bruch")."""
    words = LETTER_WORD_RE.findall(question)
    names = {word for word in words if word[:1].isupper() and word not in changed and not known(word)}
    stored = corpus.document_frequencies({fold(name) for name in names})
    lacking = {name for name in names if not stored[fold(name)]}
    return [
        word
        for before, word, after in zip(["", *words], words, [*words[1:], ""], strict=False)
        if word in changed and word[:1].isupper() and (before in lacking or after in lacking)
    ]


def _edits(word: str) -> set[str]:
    """Every spelling one edit from `word`: two neighbouring letters swapped, or (MIN_LETTERS_DROPPED letters or
    more) a letter inserted."""
    return one_edit_spellings(word, LETTERS, changes=False, drops=False, adds=len(word) >= MIN_LETTERS_DROPPED)
