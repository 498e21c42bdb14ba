"""How a question in French, Spanish or Italian asks for its kind of answer: the question words, answer types and
units question.py reads from an English or German question, for the other languages the bot answers in ("Qui a
nié …?", "¿Cuántos espectadores …?", "Perché …?").

Read only for a question in none of the word languages (index.language.WORD_LANGUAGES), or one the identifier
calls English or German that has no English or German question word but one only these languages write (`TELLING`):
"Cosa Nostra" and "Dove" are names in an English question, "chi" is tai chi. Several question words are also a
relative pronoun or a conjunction when unaccented or inside a clause ("la ville où", "cuando llegó", "ce qui a",
Italian "perché" is also "because"): those count only where a question starts (`START`)."""

from __future__ import annotations

import re

from index.language import ROMANCE_QUESTION_WORDS
from index.lexical import fold

QUESTION_WORDS = {
    language: frozenset(fold(word) for word in words.split()) for language, words in ROMANCE_QUESTION_WORDS.items()
}
ASKING = frozenset().union(*QUESTION_WORDS.values())
# the question words that tell a question is in one of these languages when the language identifier says it is
# English or German ("Quel âge a Tim Hunt ?" is English to it): none is also an English or German word
TELLING = ASKING - {fold(word) for word in "che chi come comment cosa dove quale que qui".split()}

# the words a question in one of these languages is read without, as question.py reads an English or German one
# without its stop words: articles, prepositions, pronouns, auxiliaries
STOPWORDS = frozenset(
    fold(word)
    for word in """
    le la les l un une des du de d au aux à a ai as avait avaient ont ont-ils est été être sont était étaient il
    elle ils elles on se s sa son ses leur leurs ce c cet cette ces dans sur pour par avec sans sous entre vers chez
    pas ne n plus y en et ou mais donc que qu dont lui eux avoir fait faire selon
    el los las unos unas del al con por para sin sobre y o pero se su sus lo le les es son fue fueron ha han había
    habían haber ser está están estaba muy más
    il lo i gli uno di dello della dei degli delle alla allo ai agli alle da dal dalla dai nel nella nei nelle
    con sul sulla per tra fra e ma si non è ho hanno sono era erano stato stata stati state essere avere aver suo
    sua suoi sue loro
    """.split()
)
# an elided article or pronoun before a word ("l'impianto", "s'est", "qu'a") and a pronoun after a French verb
# ("a-t-il", "doit-elle", "ont-ils")
ELIDED = re.compile(r"^(?:[ldsnjcmt]|qu|dell|all|dall|nell|sull|un)['’]", re.I)
INVERTED = re.compile(r"(?:-t)?-(?:il|elle|ils|elles|on|ce|je|tu|nous|vous)$", re.I)


def content_word(word: str) -> str:
    """The word past an elided article and before an inverted pronoun, or "" for a function word: "impianto" for
    "l'impianto", "doit" for "doit-il", "" for "s'est" and "a-t-il"."""
    word = INVERTED.sub("", ELIDED.sub("", word))
    return "" if fold(word) in STOPWORDS or fold(word) in ASKING else word


# A word that says only what happened, as a past participle or (Spanish) a preterite does ("Qui a gagné ?", "¿Qué
# pasó?", "Chi ha vinto?"): by its ending, or one of the common irregular ones
_HAPPENED_ENDINGS = {
    "fr": ("é", "ée", "és", "ées", "i", "ie", "is", "it", "u", "ue", "us"),
    "es": ("ó", "ado", "ada", "ido", "ida", "aron", "ieron"),
    "it": ("ato", "ata", "ati", "ito", "ita", "iti", "uto", "uta", "uti"),
}
_HAPPENED_IRREGULAR = {
    "fr": frozenset("fait mort né".split()),
    "es": frozenset("dijo hizo fue puso tuvo".split()),
    "it": frozenset("vinto detto fatto successo preso morto messo scritto perso chiesto risposto".split()),
}


def says_what_happened(word: str, language: str) -> bool:
    """Whether a French, Spanish or Italian word, as written, is a past form: "gagné", "pasó", "vinto"; not
    "président", "presidente"."""
    word = word.lower()
    return word.endswith(_HAPPENED_ENDINGS.get(language, ())) or word in _HAPPENED_IRREGULAR.get(language, ())


def asking_language(words: set[str]) -> str:
    """The language of a question's French, Spanish or Italian question words (folded), for a question too short
    for the identifier ("Chi ha vinto?" is Catalan to it), else ""."""
    return next((language for language, asking in QUESTION_WORDS.items() if words & asking), "")


# where a question starts: the message's start, past a sentence before it, or past "and"/"but"
START = r"(?:^|[.!?:;]\s+)[¿¡\s]*(?:(?:et|mais|y|pero|e|ma)\s+)?"

AGE_WORDS = r"\b(?:quel [âa]ge|qu[ée] edad|cu[áa]ntos años|quanti anni|(?:che|quale) et[àa])\b"
DURATION_WORDS = r"\b(?:combien de temps|quelle (?:est la )?durée|cu[áa]nto tiempo|quanto tempo|quanto (?:è )?dur\w+)\b"
SIZE_WORDS = (
    r"\b(?:quelle (?:est (?:la|sa|leur) )?(?:taille|hauteur|longueur|superficie|surface)|"
    r"(?:qu[ée]|cu[áa]l es (?:el|la|su)) (?:tamaño|altura|longitud|superficie)|"
    r"quanto (?:è |sono )?(?:grand[ei]|alt[oaie]|lung[oaie]|profond[oaie])|quanto misura\w*)\b"
)
QTYPES: dict[str, re.Pattern[str]] = {
    "why": re.compile(
        r"\b(?:pourquoi|pour quelle raison|por qu[ée] motivo|por qu[ée] raz[óo]n|por qué|porqué|"
        r"per quale (?:motivo|ragione)|come mai)\b|" + START + r"(?:perch[ée]|por que)\b",
        re.I,
    ),
    "when": re.compile(
        r"\b(?:quand|(?:en |à |a )?quelle (?:année|date)|quel jour|depuis quand|jusqu'à quand|cuándo|"
        r"(?:en )?qu[ée] (?:año|día|fecha)|desde cuándo|hasta cuándo|quando|(?:in |da )?(?:che|quale) (?:anno|giorno|"
        r"data)|da quando|fino a quando)\b|" + START + r"cuando\b",
        re.I,
    ),
    "number": re.compile(
        r"\b(?:combien|cuánt[oa]s?|quant[oaie]|quel (?:montant|prix|pourcentage)|quelle (?:somme|part|proportion)|"
        r"qu[ée] (?:precio|cantidad|porcentaje)|(?:quale|che) (?:prezzo|somma|percentuale|cifra))\b|"
        + START
        + r"cuant[oa]s?\b|"
        + "|".join((AGE_WORDS, DURATION_WORDS, SIZE_WORDS)),
        re.I,
    ),
    "where": re.compile(
        r"(?:\boù|\b(?:dónde|adónde|dove)\b|\b(?:dans|en) quel(?:le)? (?:ville|pays|région|endroit|lieu)\b|"
        r"\ben qu[ée] (?:ciudad|país|lugar|región)\b|\bin (?:quale|che) (?:città|paese|luogo|regione)(?!\w))|"
        + START
        + r"(?:donde|adonde)\b",
        re.I,
    ),
    "who": re.compile(
        r"\b(?:quién|quiénes|chi)\b|"
        + START
        + r"(?:(?:à|a|de|par|pour|avec|chez|con|para|por)\s+)?(?:qui|quien|quienes)\b",
        re.I,
    ),
}
# what a question for a quantity counts: the words after it, up to a function word, at most two ("combien d'avions
# F-22 Raptor" counts "avions F-22", "combien de panneaux de localité" "panneaux")
COUNTED = re.compile(
    r"\b(?:combien\s+(?:de|d['’])\s*|cu[áa]nt[oa]s\s+|quant[ie]\s+)([^\W\d_][\w'’-]*(?:\s+[^\W_][\w'’.-]*)?)", re.I
)
# what a question for a quantity counts when it counts time or money ("combien de temps", "cuánto dinero")
COUNTED_UNITS = {
    **dict.fromkeys(("temps", "tiempo", "tempo"), "duration"),
    **dict.fromkeys(("argent", "dinero", "soldi", "denaro"), "money"),
}
AMOUNT = re.compile(
    r"\b(?:combien|cu[áa]nt[oa]|quanto|quel (?:montant|prix)|quelle somme|qu[ée] precio|(?:quale|che) (?:prezzo|"
    r"somma|cifra))\b",
    re.I,
)
MONEY = re.compile(
    r"\b(?:co[uû]t\w*|pay[ée]\w*|payer|paie\w*|prix|amende|argent|investi\w*|euros?|dollars?|dédommagement|"
    r"indemnit\w*|frais|cost\w*|cuest\w*|pag[óoa]\w*|pagad\w*|pagar\w*|precio|multa|dinero|invier\w*|invirti\w*|"
    r"indemnizaci[óo]n|pagat\w*|prezzo|soldi|denaro|risarciment\w*)\b",
    re.I,
)
# a penalty may be a term ("Combien de prison …", "¿Cuántos años de cárcel …?")
TERM = re.compile(r"\b(?:peine|prison|condamnation|pena|condena|prisión|cárcel|carcere|condanna|reclusione)\b", re.I)
AGE = re.compile(AGE_WORDS, re.I)
DURATION = re.compile(DURATION_WORDS, re.I)
SIZE = re.compile(SIZE_WORDS, re.I)


def counted(text: str) -> tuple[set[str], tuple[str, ...]]:
    """What a question for a quantity counts (`COUNTED`: ("spectateurs",) for "Combien de spectateurs …?", ("avions",
    "F-22") for "Combien d'avions F-22 Raptor …?"), and the unit it names so ({"duration"} for "combien de temps",
    {"money"} and ("argent",) for "combien d'argent")."""
    units: set[str] = set()
    if (match := COUNTED.search(text)) is None:
        return units, ()
    first, *rest = (word.strip("'’.") for word in match.group(1).split())
    if unit := COUNTED_UNITS.get(fold(first)):
        units.add(unit)
    if unit == "duration":
        return units, ()
    return units, (first, *(word for word in rest[:1] if content_word(word) == word))
