"""Language identification (py3langid, offline), known words (simplemma's lemma dictionaries) and sentence
splitting (pysbd, rule-based, many languages)."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any

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
MIN_CHARS_TO_DETECT = 12
# Characters of a text that language identification looks at (its first ones).
DETECT_SAMPLE_CHARS = 2000
# pysbd's time grows with the square of its input (47 KB took 2.5 s, 376 KB 135 s), so a paragraph is handed
# to it in windows of at most this many characters, each cut at a sentence end where one is near.
SENTENCE_WINDOW_CHARS = 4000
_SENTENCE_MARKS = (". ", "! ", "? ", "… ")
_SENTENCE_END = re.compile(r"[.!?…]\s")
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
}


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


def language_name(code: str) -> str:
    """ "German" for "de"; the code itself for languages without a name here."""
    return LANGUAGE_NAMES.get(code, code)


#: languages whose words the answerers know (simplemma's dictionaries: English and German news and questions)
WORD_LANGUAGES = ("en", "de")


def is_known_word(word: str, languages: Sequence[str] = WORD_LANGUAGES) -> bool:
    """Whether the word (any case, inflected) is in the lemma dictionary of one of the languages."""
    import simplemma

    _load_dictionaries(languages)
    return bool(simplemma.is_known(word, lang=tuple(languages)))


def load_language_tools() -> None:
    """Load the language identifier and the English and German word dictionaries (0.4 s and 1 s) before the
    first question (`Newsroom.warm_up`). Loaded once per process: threads that need one while it loads wait for
    that load instead of starting a second one."""
    _identifier()
    _load_dictionaries(WORD_LANGUAGES)


_identifier_lock = threading.Lock()
_identifier_loaded: list[Any] = []
_dictionary_lock = threading.Lock()
_dictionaries_loaded: set[str] = set()


def _identifier() -> Any:
    if not _identifier_loaded:
        with _identifier_lock:
            if not _identifier_loaded:
                from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

                _identifier_loaded.append(LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True))
    return _identifier_loaded[0]


def _load_dictionaries(languages: Sequence[str]) -> None:
    if _dictionaries_loaded.issuperset(languages):
        return
    import simplemma

    with _dictionary_lock:
        for language in languages:
            if language not in _dictionaries_loaded:
                simplemma.is_known("news", lang=language)  # simplemma keeps each dictionary once read
                _dictionaries_loaded.add(language)


@functools.lru_cache(maxsize=32)
def _segmenter(language: str):  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language=language if language in PYSBD_LANGUAGES else "en", clean=False)


def split_sentences(paragraph: str, language: str = "en") -> list[str]:
    """The paragraph's sentences, stripped; a paragraph without sentence punctuation is one sentence."""
    return list(iter_sentences(paragraph, language))


def iter_sentences(paragraph: str, language: str = "en") -> Iterator[str]:
    """The paragraph's sentences one by one, in time linear in its length (see SENTENCE_WINDOW_CHARS)."""
    for window in _windows(" ".join(paragraph.split())):
        if not _SENTENCE_END.search(window):
            yield window
        else:
            yield from (s.strip() for s in _segmenter(language).segment(window) if s.strip())


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
