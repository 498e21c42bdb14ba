"""Language identification (py3langid, offline) and sentence splitting (pysbd, rule-based, many languages)."""

from __future__ import annotations

import functools
import re

# pysbd's rule sets; other languages are split with the English rules, which suit most Latin-script text.
PYSBD_LANGUAGES = frozenset(
    {"en", "hi", "mr", "zh", "es", "am", "ar", "hy", "bg", "ur", "ru", "pl", "fa", "nl", "da", "fr", "my", "el",
     "it", "ja", "de", "kk", "sk"}
)
MIN_CHARS_TO_DETECT = 12


def detect_language(text: str, default: str = "") -> str:
    """ISO 639-1 code of `text`'s language, or `default` when the text is too short to tell."""
    sample = " ".join(text.split())[:2000]
    if len(sample) < MIN_CHARS_TO_DETECT:
        return default
    import py3langid

    code, _ = py3langid.classify(sample)
    return str(code)


@functools.lru_cache(maxsize=32)
def _segmenter(language: str):  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language=language if language in PYSBD_LANGUAGES else "en", clean=False)


def split_sentences(paragraph: str, language: str = "en") -> list[str]:
    """The paragraph's sentences, stripped; a paragraph without sentence punctuation is one sentence."""
    paragraph = " ".join(paragraph.split())
    if not paragraph:
        return []
    if not re.search(r"[.!?…]\s", paragraph):
        return [paragraph]
    return [s.strip() for s in _segmenter(language).segment(paragraph) if s.strip()]
