"""The words the bot's front ends (Telegram, the terminal) put around an answer, in the languages they speak: the
answer's question's language, German for German and English for any other."""

from __future__ import annotations

from index.language import question_language

#: how a list of sources is headed, who else reported a story, and what comes before an answer
SOURCE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "sources": "Sources",
        "also": "also reported by",
        "and": "and",
        "read_as": "Read as",
        "unsure": "I am not sure the news answers this. What comes closest:",
    },
    "de": {
        "sources": "Quellen",
        "also": "auch berichtet von",
        "and": "und",
        "read_as": "Gelesen als",
        "unsure": "Ich bin nicht sicher, ob die Nachrichten das beantworten. Am ehesten passt dies:",
    },
}


def read_as_line(read_as: dict[str, str], language: str) -> str:
    """ "Read as: Philae (Phliae)" for a question whose words were read as the stored news spells them; "" else."""
    words = ", ".join(f"{read} ({asked})" for asked, read in read_as.items())
    return f"{SOURCE_WORDS[language]['read_as']}: {words}" if words else ""


def language_of(text: str) -> str:
    """The language to frame a reply to `text` in: German for German, else English."""
    return "de" if text.strip() and question_language(text, default="en") == "de" else "en"
