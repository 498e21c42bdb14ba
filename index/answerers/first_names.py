"""Whether a sentence names a person: a first name before a capitalised word ("die Ausgrabungsleiterin Mirella
Serlorenzi", "sein Stellvertreter Ingi Johannsson"). German capitalises every noun, so two capitalised words in a
row ("Nachrichtenagentur Ansa", "Forum Stadtpark") are no person; a known first name before one mostly is.

The first names are those Faker (MIT) ships for its ~60 locales' fake people, ~20,000 in Latin script, less the
words its fake texts are made of in any language ("Art", "Tor", "Chance", "Mio") unless SHARED_NAME_LOCALES locales
name people so (some fake texts are real prose, names and all: "David", "Carlos", "Pierre"), stop words, months and
weekdays, and the few that German news mostly writes as a place or a noun (`_NOT_FIRST_NAMES`):

    names_person("… sagte die Ausgrabungsleiterin Mirella Serlorenzi.")   # True
    names_person("… meldete die Nachrichtenagentur Ansa.")                 # False
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from collections.abc import Collection, Iterator
from functools import cache

from index.answerers.evidence import MONTHS
from index.answerers.people import NAME_PARTICLES, NAME_WORD
from index.lexical import fold, is_stopword

# Faker's person providers list first names in these attributes, as tuples or as {name: weight} dicts.
_FIRST_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
# First names that German news mostly writes as a place, a team's or a noun ("London", "Tore", "Uni", "Solange")
_NOT_FIRST_NAMES = frozenset(
    """austin berlin beste boston brown carolina china cleveland dallas denver florida forest french golden hall
    houston india israel job junior kaiser king lady lage london mentor mercedes neo paris per river royal siena
    solange stanford star sydney tennessee tore uni urban valencia washington""".split()
)
# A name this many of Faker's locales give people is a name, though a fake text holds the word ("David" 34, "Carlos"
# 16, "Pierre" 12; "Tor" 2, "Art", "Chance", "Mio" 1)
SHARED_NAME_LOCALES = 3
# A middle name's initial, passed over like a particle ("John F. Kennedy", "Steven J. Fowler")
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")


@cache
def first_names() -> frozenset[str]:
    """The first names, as written ("Mirella"); read from Faker once."""
    locales = Counter(name for provider in _providers("person") for name in set(_listed(provider, _FIRST_NAME_LISTS)))
    words = {fold(word) for provider in _providers("lorem") for word in _listed(provider, ("word_list",))}
    return frozenset(
        name
        for name in locales
        if len(name) > 1
        and name.isalpha()
        and name[:1].isupper()
        and all(ord(c) < 0x250 for c in name)  # Latin script: news in German, English, French, Spanish, Italian
        and (fold(name) not in words or locales[name] >= SHARED_NAME_LOCALES)
        and fold(name) not in MONTHS  # and weekdays: "Mai", "August", "April" are months before they are names
        and fold(name) not in _NOT_FIRST_NAMES
        and not is_stopword(name)
    )


def names_person(sentence: str, known: Collection[str] = ()) -> bool:
    """Whether the sentence names a person: a first name before a capitalised word (past lower-case particles and
    initials: "Ursula von der Leyen", "John F. Kennedy") that is no stop word or abbreviation, the two not both
    among `known` (folded words: the question's, to find someone it does not name). A first name after another is a
    surname ("Tim Hunt FRS")."""
    names = first_names()
    # the words with what stands between each and the next: a name's parts stand apart by spaces alone ("Vater
    # Jochen (Bastian Pastewka)" is a role's first name and an actor, no "Jochen Bastian")
    matches = list(NAME_WORD.finditer(sentence))
    words = [match.group() for match in matches]
    spaced = [sentence[a.end() : b.start()].isspace() for a, b in zip(matches, matches[1:], strict=False)]
    for i, word in enumerate(words[:-1]):
        if word not in names or (i > 0 and words[i - 1] in names and spaced[i - 1]):  # "Tim Hunt FRS": a surname
            continue
        j = i + 1
        while j < len(words) - 1 and spaced[j - 1] and (words[j] in NAME_PARTICLES or _INITIAL.fullmatch(words[j])):
            j += 1
        surname = words[j].rstrip(".")  # "… Bastian Pastewka.": the full stop ends the sentence, not the name
        if not spaced[j - 1] or not surname[:1].isupper() or surname.isupper() or is_stopword(surname):
            continue
        if surname != word and (fold(word) not in known or fold(surname) not in known):
            return True
    return False


def _providers(kind: str) -> Iterator[type]:
    """Faker's provider class of each locale for `kind` ("person", "lorem")."""
    package = importlib.import_module(f"faker.providers.{kind}")
    for module in pkgutil.iter_modules(package.__path__):
        provider = getattr(importlib.import_module(f"{package.__name__}.{module.name}"), "Provider", None)
        if provider is not None:
            yield provider


def _listed(provider: type, attributes: tuple[str, ...]) -> Iterator[str]:
    """The strings a provider class (or the class it derives from) lists under these attributes."""
    for attribute in attributes:
        listed = next((vars(base)[attribute] for base in provider.__mro__ if attribute in vars(base)), None)
        if isinstance(listed, (tuple, list, dict)):
            yield from (name for name in listed if isinstance(name, str))
