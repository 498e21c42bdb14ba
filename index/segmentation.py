"""Sentence splitting (pysbd, rule-based, many languages): a paragraph's sentences, in windows of bounded length,
with pysbd's cuts inside German ordinals and abbreviations mended."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# pysbd's rule sets; other languages are split with the English rules, which suit most Latin-script text.
PYSBD_LANGUAGES = frozenset(
    {
        "en",
        "hi",
        "mr",
        "zh",
        "es",
        "am",
        "ar",
        "hy",
        "bg",
        "ur",
        "ru",
        "pl",
        "fa",
        "nl",
        "da",
        "fr",
        "my",
        "el",
        "it",
        "ja",
        "de",
        "kk",
        "sk",
    }
)
# pysbd's time grows with the square of its input (47 KB took 2.5 s, 376 KB 135 s), so a paragraph is handed
# to it in windows of at most this many characters, each cut at a sentence end where one is near.
SENTENCE_WINDOW_CHARS = 4000
_SENTENCE_MARKS = (". ", "! ", "? ", "… ")
_SENTENCE_END = re.compile(r"[.!?…]\s")
# German writes ordinals with a full stop ("am 3. Oktober", "ihr 80. Geburtstag"), so pysbd's German rules never end
# a sentence after a short number: "Juppé ist bereits 70. Also ein dritter Mann?" stayed one sentence. An ordinal is
# followed by a noun, a month or an adjective, never by an article, pronoun or conjunction opening a sentence.
_GERMAN_NUMBER_END = re.compile(
    r"(?:(?<=\D\d\.)|(?<=\D\d\d\.)|(?<=\D\d\d\d\.)) (?=(?:Also|Aber|Doch|Und|Oder|Denn|Dann|Danach|Dabei|"
    r"Damit|Daher|Deshalb|Zudem|Auch|Nun|Jetzt|Trotzdem|Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Er|Sie|Es|Wir|"
    r"Ich|Man|Dies|Diese|Dieser|Dieses|Was|Wer|Wie|Wo|Warum|Wann)\b)"
)
# pysbd reads two short numbers with full stops in one paragraph as a numbered list and starts a sentence at each
# ("Wieso wurde am" | "1. Jänner … am Abend des" | "2. Jänner publikgemacht?", "am" | "3. und" | "4. Juni"), and
# ends some sentences inside an abbreviation ("Luftschläge" | "u. a. auf die Altstadt"): a piece that does not end
# like a sentence joins the next one when that starts in lower case, or with such a number after a lower-case word
# ("am", "des", "im") or a lone word ("Am"). A real list ("4. Igor Glawan (Ukraine) 1:20:29," | "5. Cai Zelin …")
# keeps its items. And an ordinal of three or four digits after an article or a possessive ends a piece ("Der Profi
# sorgte bei der 107." | "Auflage der Primavera …", "zum 200." | "Geburtstag."; 7 places in the 1,028 10kGNAD test
# articles, all ordinals): in German that piece joins the next, as does one ending in two ordinals ("Flüchtling –
# 1./2." | "Weltkrieg …"). So does a piece cut before a hyphen ("K." | "-o." | "-Phase"), with no space between.
# A question or exclamation mark inside a sentence is no end when the next piece starts in lower case: a title ("Für
# Whos Afraid of Virginia Woolf?" | "wurde er mit einem Oscar … ausgezeichnet.") or speech without its quotation
# marks, as 10kGNAD prints it ("Wer soll das bezahlen?" | "fragte Platter."); 6 places in the 1,028 test articles.
_GERMAN_ORDINAL_END = re.compile(
    r"\b(?:der|die|das|dem|den|des|am|im|zum|zur|beim|vom|ihr|ihre|ihrem|ihren|ihres|sein|seine|seinem|seinen|seines|"
    r"dessen|deren|ein|eine|einem|einen|einer|eines|jede|jeder|jedes|jedem|jeden)\s+\d{1,4}\.$"
    r"|\b\d{1,4}\./\d{1,4}\.$"  # two ordinals: "Flüchtling – 1./2. Weltkrieg"
)
# closing quotes and brackets after a sentence's mark
_CLOSING = r"[\"'“”„»«‘’)\]]*$"
_ENDS_LIKE_A_SENTENCE = re.compile(r"[.!?…:;]" + _CLOSING)
_LIST_NUMBER_START = re.compile(r"\d{1,3}\.\s")
_ASKS_OR_EXCLAIMS = re.compile(r"[?!]" + _CLOSING)


def ends_like_a_sentence(text: str) -> bool:
    """Whether `text` ends in a sentence mark, before any closing quotes or brackets ("… geliefert.", "«… zu tun.»")."""
    return _ENDS_LIKE_A_SENTENCE.search(text.rstrip()) is not None


def _segmenter(language: str):  # type: ignore[no-untyped-def]
    """A new segmenter for each text (0.4 µs): pysbd's keeps the text it splits on itself (`original_text`), so
    one shared by two threads (a question asked while a feed is read) looked for one text's sentences in the
    other's and dropped them."""
    import pysbd

    return pysbd.Segmenter(language=language if language in PYSBD_LANGUAGES else "en", clean=False)


def split_sentences(paragraph: str, language: str = "en") -> list[str]:
    """The paragraph's sentences, stripped; a paragraph without sentence punctuation is one sentence."""
    return list(iter_sentences(paragraph, language))


def iter_sentences(paragraph: str, language: str = "en") -> Iterator[str]:
    """The paragraph's sentences one by one, pieces of `normalize_spaces(paragraph)`, in time linear in its length
    (see SENTENCE_WINDOW_CHARS)."""
    for window in _windows(normalize_spaces(paragraph)):
        if not _SENTENCE_END.search(window):
            yield window
        else:
            yield from _rejoined(_segmented(window, language), language)


def _segmented(window: str, language: str) -> Iterator[str]:
    for sentence in _segmenter(language).segment(window):
        pieces = _GERMAN_NUMBER_END.split(sentence) if language == "de" else [sentence]
        yield from (piece.strip() for piece in pieces if piece.strip())


def _rejoined(pieces: Iterable[str], language: str) -> Iterator[str]:
    """The pieces, each that pysbd cut off in mid-sentence joined to the next (see _ENDS_LIKE_A_SENTENCE)."""
    held = ""
    for piece in pieces:
        if held and piece[:1] == "-" and piece[1:2].isalpha():  # "K." | "-o." | "-Phase": "K.-o.-Phase"
            held += piece
            continue
        if held and piece[:1].islower() and _ASKS_OR_EXCLAIMS.search(held):  # "Woolf?" | "wurde er …"
            held = f"{held} {piece}"
            continue
        if held and language == "de" and _GERMAN_ORDINAL_END.search(held) and piece[:1].isalpha():
            held = f"{held} {piece}"
            continue
        if held and not _ENDS_LIKE_A_SENTENCE.search(held):
            last_word = held.rsplit(" ", 1)[-1]
            after_a_word = last_word.isalpha() and (last_word.islower() or last_word == held)  # "des", "Am"
            if piece[:1].islower() or (_LIST_NUMBER_START.match(piece) and after_a_word):
                held = f"{held} {piece}"
                continue
        if held:
            yield held
        held = piece
    if held:
        yield held


def normalize_spaces(text: str) -> str:
    """One space between words, none around them."""
    return " ".join(text.split())


def _windows(text: str) -> Iterator[str]:
    """`text` in pieces of at most SENTENCE_WINDOW_CHARS, each cut after the last sentence end in its second
    half, else at its last space, else (one endless word) where the window ends."""
    start = 0
    while len(text) - start > SENTENCE_WINDOW_CHARS:
        floor, end = start + SENTENCE_WINDOW_CHARS // 2, start + SENTENCE_WINDOW_CHARS
        sentence_end = max(text.rfind(mark, floor, end) for mark in _SENTENCE_MARKS)
        space = text.rfind(" ", floor, end)
        cut = sentence_end + 1 if sentence_end >= 0 else space if space >= 0 else end
        yield text[start:cut].strip()
        start = cut
    if text[start:].strip():
        yield text[start:].strip()
