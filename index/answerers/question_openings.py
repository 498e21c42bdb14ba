"""How a question opens (gate.py): a polite wrapper before it ("Do you know …", "Weißt du …", in the ten languages of
the replies), and the question word it starts with, a preposition before it or not, or has after a comma."""

from __future__ import annotations

import re

# A question asked inside a polite wrapper ("Do you know what happened to Philae?" got "Woher wissen Sie das?", a
# sentence of a court report, for the wrapper's "know"): the wrapper, up to the question word the question starts
# with (`question` group). `gate.unwrapped` asks the question alone.
_ASKED_WORDS = (
    r"who|whom|whose|what|which|when|where|why|how|whether|if|wer|wen|wem|wessen|was|welche[rsmn]?|wann|wo|woher"
    r"|wohin|warum|wieso|weshalb|weswegen|wie|wieviele?|ob|wo(?:mit|für|durch|zu|bei|nach|von|vor|gegen|hin|her)"
    r"|wor(?:an|auf|aus|in|über|um|unter)|qui|que|quoi|quand|où|pourquoi|comment|combien|quel(?:le)?s?|si"
    r"|qui[eé]n(?:es)?|qu[eé]|cu[aá]ndo|d[oó]nde|por qu[eé]|c[oó]mo|cu[aá]nto|cu[aá]l(?:es)?|chi|cosa|che|quando"
    r"|dove|perch[eé]|come|quanto|quale|wat|wanneer|waar|waarom|hoe|welke?|of|quem|onde|porque|qual"
    r"|kto|co|kiedy|gdzie|dlaczego|jak|ile|czy|кто|что|когда|где|почему|как|сколько|ли|хто|що|коли|де|чому|як|скільки"
    r"|чи"
)
# The prepositions a question word may follow ("In welchem Jahr", "Um wie viel", "For how long", "Near which city",
# "Dans quelle ville"); not "about", which follows a wrapper's "tell me" in a request for a topic.
_ASKED_AFTER = (
    r"in|an|ab|auf|aus|bei|mit|nach|seit|von|vor|zu|zum|zur|für|gegen|um|über|unter|bis|während|neben|hinter"
    r"|zwischen|trotz|wegen|nahe|ohne|durch|laut|at|on|from|to|for|with|by|of|since|until|near|during|after|before"
    r"|against|into|under|over|among|between|within|behind|through|across|around|despite|à|dans|de|du|pour|avec|par"
    r"|en|après|avant|pendant|contre|sous|sur|vers|chez|entre|a|con|desde|durante|según|contra|di|da|per|su|tra"
    r"|dopo|prima|met|van|voor|naar|op|uit|na|tijdens|com|em|w|z|do|od|o|dla|przez|po|в|на|с|из|у|за|до|по|о|об"
    r"|после|во|від|з|для|після"
)
# A question word, a preposition before it or not: what a wrapped question, or one typed without "?", opens with.
_ASKED = rf"(?:(?:{_ASKED_AFTER}) )?(?:{_ASKED_WORDS})\b"
# The wrappers, with any run of spaces, apostrophes and hyphens between their words ("I'd like to know", "Sais-tu").
_WRAPPERS = (
    r"(?:(?:can|could|would) you (?:please )?(?:tell|show) me|(?:do|did) you (?:happen to )?know|(?:please |pls |plz )?"
    r"tell me|i (?:want|d like|would like|wanted) to know|i (?:wonder|was wondering|am wondering|m wondering)"
    r"|(?:do you have )?any idea|weißt du|weisst du|wissen sie|(?:kannst du|können sie|koennen sie) mir sagen"
    r"|(?:sag|sagen sie)(?: mir)?(?: bitte)?|ich (?:möchte|würde gern|wüsste gern|will) wissen|mich (?:würde|wuerde)"
    r" interessieren|sais tu|savez vous|(?:peux tu|pouvez vous) me dire|dis moi|sabes|puedes decirme|dime|sai"
    r"|(?:mi )?puoi dire|dimmi|weet je|weet u|(?:kun|kan) je (?:me )?zeggen|zeg me|(?:você )?sabe|pode me dizer"
    r"|diz me|wiesz|(?:możesz|mozesz) mi powiedzieć|powiedz mi|ты знаешь|вы знаете|знаешь|скажи(?:те)?(?: мне)?"
    r"|ти знаєш|знаєш|скажи(?:ть)?(?: мені)?)(?: please| bitte| s il te plaît| por favor)?"
).replace(" ", r"[\s'’-]+")
POLITE_WRAPPER = re.compile(
    rf"^[\W_]*{_WRAPPERS}[\s,:]+(?P<question>{_ASKED}.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A message that opens with a question word, a preposition before it or not ("who denied supplying arms", "in
# welchem Jahr ..."), or has one after a comma ("According to the report, how much ..."): gate.py
# `with_question_mark`.
OPENS_WITH_QUESTION_WORD = re.compile(rf"(?:^[\W_]*|,\s*){_ASKED}", re.IGNORECASE)
# What opens a yes-no question asked inside a wrapper ("if", "ob", "si", "czy"): dropped with the wrapper.
YES_NO_CONNECTIVE = re.compile(r"^(?:whether|if|ob|si|of|czy|ли|чи)\s+", re.IGNORECASE)
