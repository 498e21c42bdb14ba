"""Whether a question asks for someone: "Who heads the excavation …?", "Wer leitet …?", "¿Quién …?", and by role,
"Which actor plays …?", "Welcher britische Archäologe vermutet …?", "What is the name of the student whom …?". The
answer should name a person (extractive.py's rule for a question for someone).

A question of the kind "who" (question.py) asks for someone, unless its English "who" is a relative pronoun, not the
question's opening ("What is the title of the series in which he plays a family man who …?"). The question word
"which" / "welche(r)" is read with the noun it asks about: in English the first lower-case word after it, or the
one after that ("Which South Korean Go professional", "Which Polish defence minister"; "Which city's mayor" asks for
a city); in German the first capitalised word after its adjectives ("Welcher südkoreanische Go-Profi"). "What is the
name of …" is read so too, and with the word before a relative pronoun ("the University of Virginia student whom");
"Wie heißt der / die …" as "welche(r)". The noun is a role when it is one of ENGLISH_ROLES, or one of GERMAN_ROLES
ends it in any inflection ("Verteidigungsminister", "Philosophen", "BZÖ-Chefin"), or it is a German feminine person
noun ("Schweizerin", "Moderatorin"). A noun that also names a firm or a thing is no role: "Which carmaker …?" asks
for no person.

    asks_for_someone(Question.of("Which actor plays the shady crook …?", "en"))          # True
    asks_for_someone(Question.of("Welcher britische Archäologe vermutet …?", "de"))      # True
    asks_for_someone(Question.of("Which carmaker got official permission …?", "en"))     # False
"""

from __future__ import annotations

import re

from index.answerers.question import Question
from index.lexical import fold, is_stopword

# Words news calls people by, in English (as written, or plural) and in German (folded; as the end of a compound
# too, in any inflection). Left out: words that also name a firm or a thing ("carmaker", "producer", "Produzent",
# "Hersteller", "Träger", "Erbe", "Tochter"), and English ones mostly adjectives ("general", "official").
ENGLISH_ROLES = frozenset(
    """
    actor actress player rider driver jumper skier runner athlete triathlete cyclist footballer goalkeeper striker
    defender midfielder quarterback linebacker coach trainer captain referee judge lawyer attorney prosecutor
    minister president chancellor premier governor mayor senator politician lawmaker leader chief boss director
    chairman chairwoman ceo founder singer musician artist painter author writer poet novelist journalist reporter
    editor presenter composer conductor dancer photographer cinematographer filmmaker designer architect scientist
    researcher professor expert doctor physician archaeologist historian philosopher economist chemist physicist
    engineer inventor astronaut pilot explorer climber mountaineer swimmer boxer student pupil teacher officer
    soldier commander spokesman spokeswoman spokesperson diplomat ambassador candidate hopeful professional winner
    champion suspect gunman attacker perpetrator prisoner inmate relative son daughter brother sister father mother
    wife husband cousin widow king queen prince princess pope bishop priest emperor ruler dictator activist blogger
    businessman businesswoman entrepreneur billionaire comedian employee worker man men woman women person
    """.split()
)
GERMAN_ROLES = frozenset(
    fold(word)
    for word in """
    schauspieler spieler profi sportler athlet triathlet fahrer läufer springer torhüter torwart stürmer
    verteidiger trainer kapitän schiedsrichter richter anwalt anwältin minister präsident kanzler premier
    gouverneur bürgermeister senator politiker chef leiter direktor vorsitzende gründer sänger musiker künstler
    maler autor schriftsteller dichter journalist reporter moderator komponist dirigent tänzer fotograf designer
    architekt wissenschaftler forscher professor experte arzt ärztin archäologe historiker philosoph ökonom
    chemiker physiker ingenieur erfinder astronaut pilot bergsteiger schwimmer boxer student schüler lehrer
    offizier soldat general kommandant sprecher diplomat botschafter kandidat bewerber sieger gewinner weltmeister
    verdächtige täter attentäter angreifer häftling gefangene verwandte sohn bruder schwester vater ehefrau
    ehemann witwe könig königin prinz prinzessin papst bischof priester kaiser herrscher diktator abgeordnete
    aktivist blogger unternehmer milliardär komiker regisseur sekretär mitarbeiter quarterback mann frau person
    """.split()
)
# A German role's inflections: "Philosophen", "Vorsitzender", "Ministerin", "Ministerinnen"
_GERMAN_ENDINGS = ("", "in", "innen", "en", "n", "e", "es", "s", "r")
# Feminine person nouns: "Schweizerin", "Moderatorin", "Pianistin", "Kandidatin" (and their plurals)
_FEMININE = re.compile(r"\w{3,}(?:er|or|eur|ist|log|ant|ent|at)in(?:nen)?")
_WHICH_ENGLISH = re.compile(r"\s*(?:\w+\s+)?which\s+(.*)", re.IGNORECASE | re.DOTALL)
_WHICH_GERMAN = re.compile(
    r"\s*(?:(?:\w+\s+)?welche[rsnm]?|wie\s+(?:hei(?:ß|ss)(?:t|en)|hie(?:ß|ss)(?:en)?)\s+(?:der|die|das))\s+(.*)",
    re.IGNORECASE | re.DOTALL,
)
_NAME_OF = re.compile(
    r"\s*what\s+(?:is|was|are|were)\s+the\s+(?:(?:first|last|full)\s+)?names?\s+of\s+(?:the\s+|an?\s+)?(.*)",
    re.IGNORECASE | re.DOTALL,
)
_RELATIVE = frozenset("who whom whose that which".split())
# English "who" anywhere, and as the question's opening (after a preposition or a conjunction: "To whom …", "And who …")
_ENGLISH_WHO = re.compile(r"\b(?:who|whom|whose)\b", re.IGNORECASE)
_OPENING_WHO = re.compile(r"\W*(?:\w+\s+)?(?:who|whom|whose)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# at most this many adjectives before the noun
MAX_MODIFIERS = 3


def asks_for_someone(question: Question) -> bool:
    """Whether the question asks for a person (module docstring)."""
    if question.qtype == "who" and (not _ENGLISH_WHO.search(question.text) or _OPENING_WHO.match(question.text)):
        return True
    return asks_by_role(question.text)


def asks_by_role(question: str) -> bool:
    """Whether a which-question, or one for a name, asks for a person by role (module docstring)."""
    if named := _NAME_OF.match(question):
        words = _WORD.findall(named.group(1))
        relative = next((i for i, word in enumerate(words) if word.lower() in _RELATIVE), 0)
        return any(_is_role(word) for word in [*_english_noun(words), *words[relative - 1 : relative]])
    if english := _WHICH_ENGLISH.match(question):
        return any(_is_role(word) for word in _english_noun(_WORD.findall(english.group(1))))
    if german := _WHICH_GERMAN.match(question):
        return any(_is_role(word, german=True) for word in _german_noun(_WORD.findall(german.group(1))))
    return False


def _english_noun(words: list[str]) -> list[str]:
    """The words that may be the noun "which" asks about: the first lower-case one and the one after it, if that
    is lower-case too and no function word ("defence minister", "ski jumper"); none past a possessive."""
    for i, word in enumerate(words[: MAX_MODIFIERS + 1]):
        if word.endswith(("'s", "’s")) or is_stopword(word):
            return []
        if word[:1].islower():
            following = words[i + 1 : i + 2]
            return [word, *(w for w in following if w[:1].islower() and not is_stopword(w))]
    return []


def _german_noun(words: list[str]) -> list[str]:
    """The noun "welche(r)" asks about: the first capitalised word past its adjectives."""
    for word in words[: MAX_MODIFIERS + 1]:
        if word[:1].isupper():
            return [word]
        if is_stopword(word):
            return []
    return []


def _is_role(word: str, *, german: bool = False) -> bool:
    """Whether a noun is one of the roles (English: plural too; German: also as the end of a compound, inflected)."""
    if not german:
        return (
            word in ENGLISH_ROLES or word.removesuffix("s") in ENGLISH_ROLES or word.removesuffix("es") in ENGLISH_ROLES
        )
    folded = fold(word).rsplit("-", 1)[-1]
    if _FEMININE.fullmatch(folded):
        return True
    return any(folded.endswith(role + ending) for ending in _GERMAN_ENDINGS for role in GERMAN_ROLES)
