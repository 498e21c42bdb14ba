"""Follow-ups without an LLM: retrieved with the questions they follow and the last answer's words, answered as
asked."""

from collections.abc import Sequence
from dataclasses import replace

import pytest

from index.answerers.base import Answerer
from index.answerers.message_patterns import ABOUT_THE_ARTICLE
from index.conversation import (
    ANSWER_CONTEXT_CHARS,
    ASKS_FOR_MORE,
    FOLLOWED_WORDS_TOLD,
    FollowedAnswer,
    MoreOfTheStory,
    better_reading,
    first_quote,
    follow_up_reading,
    keeps_the_story,
    listed_title,
    looks_like_follow_up,
    more_of_the_story,
    of_the_story,
    questions_in,
    standalone_question,
    story_questions,
    topic_follow_up,
)
from index.models import Answer, ArticleMeta, Hit, Source, Turn

HISTORY = [Turn("Who denied supplying arms to Russia?", "North Korea denied it. [1]")]


class NoLLM(Answerer):
    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        raise AssertionError("not used")


class RewritingLLM(NoLLM):
    def condense(self, question: str, history: Sequence[Turn]) -> str | None:
        return "What did the US say about North Korea's arms deliveries to Russia?"


def test_follow_ups_are_recognised() -> None:
    assert looks_like_follow_up("And what did the US say?")
    assert looks_like_follow_up("Und was sagte Kirby dazu?")
    assert looks_like_follow_up("Why?")
    assert not looks_like_follow_up("How high is Puerto Rico's public debt in dollars?")
    assert looks_like_follow_up("What did he say about the sanctions?")
    assert looks_like_follow_up("Wie viele Menschen sind dort gestorben?")
    assert looks_like_follow_up("Was hat er dazu im Parlament gesagt?")
    # a question that names no story of its own follows the one before (they stood alone, and got "which story?")
    assert looks_like_follow_up("Wie hoch war das Ergebnis?")
    assert looks_like_follow_up("What was the reason for that?")
    assert looks_like_follow_up("Who is responsible for this?")
    assert not looks_like_follow_up("What was the result of the vote?")
    # a demonstrative at the end points back; one that opens what it names does not (below)
    assert looks_like_follow_up("What did the minister say about this?")
    assert not looks_like_follow_up("What did Scholz say about this?")  # a subject of its own


def test_questions_that_stand_on_their_own_are_not_joined_to_the_last_one() -> None:
    # demonstratives and articles open many standalone questions; a name or number of its own makes a pronoun
    # point at it, not back
    for question in [
        "Gibt es neue Zahlen zur Inflation in der Eurozone?",
        "Was kostet das neue Tarifmodell von Drei im Monat?",
        "Are there new sanctions against Iran this year?",
        "What did Scholz say about it in the Bundestag?",
        "Wie hoch war die Inflation im Jahr 2022, als sie ihren Höhepunkt erreichte?",
        "Who denied supplying arms to Russia?",
    ]:
        assert not looks_like_follow_up(question), question


def test_a_follow_up_is_retrieved_with_the_previous_question_and_answer_and_answered_as_asked() -> None:
    question, query = standalone_question("And what did the US say?", HISTORY, NoLLM())
    assert question == "And what did the US say?"
    assert query == "And what did the US say? Who denied supplying arms to Russia? North Korea denied it."


def test_a_chain_of_follow_ups_reaches_back_to_the_question_that_named_the_story() -> None:
    history = [
        Turn("How high is Puerto Rico's public debt in dollars?", "72 Milliarden Dollar. [1]"),
        Turn("Who denied supplying arms to Russia?", "Nordkorea dementiert. [1]"),
        Turn("And who accused them?", "Die USA. [1]"),
        Turn("Wann war das?", "Am Dienstag. [1]"),
    ]
    _, query = standalone_question("Why?", history, NoLLM())
    # the follow-ups, then the question they follow, then the last answer's words; not the story before it
    assert query == "Why? Wann war das? And who accused them? Who denied supplying arms to Russia? Am Dienstag."


def test_a_reply_that_cites_nothing_adds_no_words() -> None:
    refused = [Turn("Who denied supplying arms to Russia?", "The indexed news does not say.")]
    _, query = standalone_question("And the US?", refused, NoLLM())
    assert query == "And the US? Who denied supplying arms to Russia?"


def test_a_long_answer_joins_cut_at_a_word() -> None:
    sentence = "Nordkorea dementiert, Waffen und Munition nach Russland geliefert zu haben."
    long = [Turn("Who denied supplying arms?", f"{sentence} [1] " + " ".join([sentence] * 8) + " [2]")]
    _, query = standalone_question("Why?", long, NoLLM())
    quoted = query.removeprefix("Why? Who denied supplying arms? ")
    said = " ".join([sentence] * 9)  # the answer without its citation marks
    assert len(quoted) <= ANSWER_CONTEXT_CHARS < len(said)
    assert said.startswith(quoted) and said[len(quoted)] == " "  # cut between words


def test_a_new_topic_is_left_alone() -> None:
    fresh = "How high is Puerto Rico's public debt in dollars?"
    assert standalone_question(fresh, HISTORY, NoLLM()) == (fresh, fresh)
    assert standalone_question("And?", [], NoLLM()) == ("And?", "And?")


def test_an_llm_rewrite_is_used_for_both() -> None:
    rewritten = "What did the US say about North Korea's arms deliveries to Russia?"
    assert standalone_question("And the US?", HISTORY, RewritingLLM()) == (rewritten, rewritten)


def test_an_impersonal_or_article_il_points_nowhere() -> None:
    for question in ["Combien de personnes y a-t-il dans l'hélicoptère ?", "Chi ha vinto il campionato di calcio?"]:
        assert not looks_like_follow_up(question), question


def test_a_follow_up_that_brings_a_subject_of_its_own_changes_the_story() -> None:
    for question in ["What about Puerto Rico?", "Und die Pensionen?", "And what about Syria?", "Und was ist mit Kiew?"]:
        assert looks_like_follow_up(question) and not keeps_the_story(question), question
        _, query = standalone_question(question, HISTORY, NoLLM())
        # the previous question (what to ask about the new subject), not the old story's words
        assert query == f"{question} Who denied supplying arms to Russia?"
    for question in ["And who accused them?", "Wann war das?", "Why?", "Did it work?", "What about him?", "And?"]:
        assert keeps_the_story(question), question


@pytest.mark.parametrize(
    "question",
    [
        "Quand ?",
        "Et pourquoi ?",
        "¿Por qué?",
        "¿Cuándo?",
        "Quando?",
        "E dove?",
        # longer, pointing back with a pronoun that is nothing else
        "Qu'est-ce qu'elle a dit à ce sujet ?",
        "¿Qué dijo ella sobre el acuerdo?",
        "Che cosa ha detto lui sulla vicenda?",
    ],
)
def test_a_french_spanish_or_italian_question_word_keeps_the_story(question: str) -> None:
    # before, only English and German question words did: "Quand ?" after "Qui a nié avoir fourni des armes ?" got
    # a sentence on chemical weapons in Aleppo
    assert looks_like_follow_up(question) and keeps_the_story(question)
    assert story_questions(question, HISTORY) == [HISTORY[-1].question]


@pytest.mark.parametrize(
    "question",
    [
        "Tell me more",
        "tell me more please",
        "Mehr dazu",
        "Erzähl mir mehr!",
        "go on",
        "Und weiter?",
        "more",
        # each of these was read as a question of its own: "Any details?" and "What else do you know about this?"
        # got a sentence of another story, "more about that" and "Can you tell me more?" that the news does not say
        "more about that",
        "Can you tell me more?",
        "What else do you know about this?",
        "Any details?",
        "Mehr darüber",
        "Kannst du mir mehr dazu sagen?",
        "Was weißt du noch darüber?",
        "Gibt es mehr dazu?",
        "Wie ging es weiter?",
        "Anything else?",
        "What happened next?",
        # and these, which got a sentence of another story: doubting there is more, asking what it means
        "Is that all?",
        "Ist das alles?",
        "That's it?",
        "Und sonst?",
        "Can you explain that?",
        "Kannst du das erklären?",
        "What does that mean?",
        # and in the other eight languages the bot speaks ("Encore", "Más", "Ещё" were asked as questions of their own)
        "Encore ?",
        "Dis-m'en plus",
        "Más, por favor",
        "Cuéntame más",
        "Ancora",
        "Dimmi di più",
        "Vertel meer",
        "Meer",
        "Conta-me mais",
        "Mais",
        "Więcej",
        "Powiedz więcej",
        "Ещё",
        "Расскажи больше",
        "Ще",
        "Розкажи більше",
    ],
)
def test_a_request_for_more_keeps_the_story(question: str) -> None:
    assert ASKS_FOR_MORE.match(question)
    assert looks_like_follow_up(question) and keeps_the_story(question)
    _, query = standalone_question(question, HISTORY, NoLLM())
    assert query == f"{question} Who denied supplying arms to Russia? North Korea denied it."


def test_more_about_something_else_changes_the_story() -> None:
    assert not keeps_the_story("Tell me more about Syria")
    assert not keeps_the_story("Und mehr über Kiew?")
    for question in [
        "Tell me more about Syria",
        "What else did North Korea say?",
        "Weitere Details zu Philae?",
        "Explain the pension adjustment",
        "What does the OPCW mean?",
    ]:
        assert not ASKS_FOR_MORE.match(question), question


def test_a_refusal_in_between_does_not_lose_the_story() -> None:
    history = [*HISTORY, Turn("Tell me more", "The indexed news does not say.")]
    _, query = standalone_question("Who said so?", history, NoLLM())
    assert query == "Who said so? Tell me more Who denied supplying arms to Russia? North Korea denied it."


def test_a_refused_question_that_stood_on_its_own_takes_no_words_from_the_story_before_it() -> None:
    history = [*HISTORY, Turn("How high is Puerto Rico's public debt in dollars?", "The indexed news does not say.")]
    _, query = standalone_question("And why?", history, NoLLM())
    assert query == "And why? How high is Puerto Rico's public debt in dollars?"


LIST = "Articles about “Greece”, newest first:\n• Athens asks for aid [1]\n• Talks begin [2]\n• Tsipras resigns [3]"


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("Tell me more about the second one", "Talks begin"),
        ("more on 2", "Talks begin"),
        ("#3", "Tsipras resigns"),
        ("What about the last one?", "Tsipras resigns"),
        ("Und der erste?", "Athens asks for aid"),
        ("Erzähl mir mehr über den zweiten Artikel", "Talks begin"),
        ("Nr. 3", "Tsipras resigns"),
        # opened, read or summarised: its first sentences too (each got a sentence of another story)
        ("Open the first article", "Athens asks for aid"),
        ("Summarize the second one", "Talks begin"),
        ("Öffne den dritten Artikel", "Tsipras resigns"),
        ("Fasse den zweiten zusammen", "Talks begin"),
        ("Lies mir den ersten vor", "Athens asks for aid"),
        # no such item, or no item at all
        ("the fifth", ""),
        ("Who is the second?", ""),
        ("Tell me about the second world war", ""),
        ("tell me more", ""),
        ("Open the border", ""),
        ("Who opened the first article?", ""),
    ],
)
def test_a_follow_up_can_pick_an_item_of_the_last_list(question: str, title: str) -> None:
    assert listed_title(question, [LIST]) == title


def test_only_a_list_has_items() -> None:
    assert listed_title("the first one", ["North Korea denied it. [1]"]) == ""
    assert listed_title("the first one", []) == ""


def test_the_list_may_be_some_answers_back() -> None:
    first = "Athens has asked its creditors for a third aid package. [1]"
    assert listed_title("And the third?", [LIST, first]) == "Tsipras resigns"
    newer = "Articles about “Rome”, newest first:\n• Pope visits [1]\n• Strike ends [2]"
    assert listed_title("And the second?", [LIST, first, newer, first]) == "Strike ends"  # the newest list


@pytest.mark.parametrize(
    "question",
    [
        "What is the article about?",
        "What's it about?",
        "So what is this story about?",
        "Worum geht es in dem Artikel?",
        "Worum geht's?",
        "Wovon handelt der Bericht?",
        "De quoi parle l'article ?",
        "¿De qué trata el artículo?",
        "Di cosa parla l'articolo?",
    ],
)
def test_a_question_for_what_the_article_is_about_is_one(question: str) -> None:
    assert ABOUT_THE_ARTICLE.match(question)


@pytest.mark.parametrize(
    "question",
    ["What is the strike about?", "What was the article about Merkel?", "Worum geht es bei dem Streit?", "What is it?"],
)
def test_a_question_about_what_a_subject_is_about_is_not_one(question: str) -> None:
    assert not ABOUT_THE_ARTICLE.match(question)


def test_the_first_quote_is_the_newest_quoting_answers_words_before_its_first_citation() -> None:
    answers = ["Ferries stopped. [1]", "North Korea denied it. It never sold arms. [1] Kirby said so. [2]"]
    assert first_quote(answers) == "North Korea denied it. It never sold arms."
    assert first_quote([*answers, "The indexed news does not say."]) == "North Korea denied it. It never sold arms."
    assert first_quote([*answers, LIST]) == ""  # a list's items are picked by number
    assert first_quote(["The indexed news does not say."]) == first_quote([]) == ""


def test_a_request_for_more_takes_the_question_it_follows_and_all_the_answers_since_quoted() -> None:
    history = [
        Turn("Who denied supplying arms?", "Nordkorea dementiert. [1]"),
        Turn("Tell me more", "Die USA versuchten damit, dem Ruf Nordkoreas zu schaden. [1]"),
        Turn("go on", "The indexed news does not say."),
    ]
    assert more_of_the_story("Mehr dazu", history) == MoreOfTheStory(
        "Who denied supplying arms?",
        ("Die USA versuchten damit, dem Ruf Nordkoreas zu schaden.", "Nordkorea dementiert."),
    )
    # a follow-up that asked something is the question the request follows
    asked = [*history[:1], Turn("Who said so?", "Ein Vizedirektor des Ministeriums sagte es. [1]")]
    more = more_of_the_story("Tell me more", asked)
    assert more is not None and more.question == "Who said so?"
    assert more.said == ("Ein Vizedirektor des Ministeriums sagte es.", "Nordkorea dementiert.")


@pytest.mark.parametrize(
    ("question", "history"),
    [
        ("Who said so?", HISTORY),  # no request for more
        ("Tell me more", []),
        ("Tell me more", [Turn("Who won the World Cup?", "The indexed news does not say.")]),  # nothing quoted
        ("Tell me more", [Turn("Tell me more", "North Korea denied it. [1]")]),  # no question asked
        ("Tell me more", [Turn("What's new?", LIST)]),  # a list's items are picked by number
    ],
)
def test_only_a_request_for_more_of_a_quoted_story_is_one(question: str, history: list[Turn]) -> None:
    assert more_of_the_story(question, history) is None


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        ("Who denied supplying arms? Who criticised it?", ["Who denied supplying arms?", "Who criticised it?"]),
        ("Who denied supplying arms?? And why?!", ["Who denied supplying arms?", "And why?!"]),
        (
            "Wer hat bestritten, Waffen zu liefern? Wer hat es kritisiert? Und wann?",
            ["Wer hat bestritten, Waffen zu liefern?", "Wer hat es kritisiert?", "Und wann?"],
        ),
        # one question, as sent (white space collapsed)
        ("Who denied  supplying arms?", ["Who denied supplying arms?"]),
        ("Hi! Who denied supplying arms?", ["Hi! Who denied supplying arms?"]),
        ("Who denied supplying arms? Thanks.", ["Who denied supplying arms? Thanks."]),
        ("What? Nordkorea hat das bestritten?", ["What? Nordkorea hat das bestritten?"]),  # "What?" asks nothing
        ('Was bedeutet "Wer hat wann was?" hier? Und warum?', ['Was bedeutet "Wer hat wann was?" hier? Und warum?']),
        ("Who won the match? Who scored? When? Where?", ["Who won the match? Who scored? When? Where?"]),
        ("Who denied it? ?", ["Who denied it? ?"]),
        ("   ", []),
    ],
)
def test_a_message_asks_each_of_two_or_three_questions(message: str, questions: list[str]) -> None:
    assert questions_in(message) == questions


TOPIC_LIST = [Turn("News about Apple", "Articles about “Apple”, newest first:\n• Apple patzt [1]")]
OUTLETS_LIST = [
    Turn(
        "Was schreibt der Standard über Apple?",
        "Artikel zu „Apple“ von derStandard.at, die neuesten zuerst:\n• Apple patzt [1]",
    )
]


@pytest.mark.parametrize(
    ("question", "history", "request_"),
    [
        ("And about Amazon?", TOPIC_LIST, "News about Amazon"),
        ("What about Amazon?", TOPIC_LIST, "News about Amazon"),
        ("Und zu Amazon?", TOPIC_LIST, "Nachrichten zu Amazon"),
        ("Und was ist mit Amazon?", TOPIC_LIST, "Nachrichten zu Amazon"),
        # after one outlet's list, the same outlet's
        ("Und zu Amazon?", OUTLETS_LIST, "Nachrichten zu Amazon von derStandard.at"),
        ("What about Amazon?", OUTLETS_LIST, "News about Amazon from derStandard.at"),
        # a question, an item of the list, a longer follow-up, or no list before: no request
        ("And what did the US say?", TOPIC_LIST, ""),
        ("Und wer hat das gesagt?", TOPIC_LIST, ""),
        ("And the third?", TOPIC_LIST, ""),
        ("And the refugees in Greece and Italy now?", TOPIC_LIST, ""),
        ("And then?", TOPIC_LIST, ""),
        ("And more?", TOPIC_LIST, ""),
        ("Und gestern?", TOPIC_LIST, ""),
        ("And about Amazon?", HISTORY, ""),
        ("And about Amazon?", [], ""),
    ],
)
def test_and_about_a_topic_after_a_topics_list_asks_for_that_topic(
    question: str, history: list[Turn], request_: str
) -> None:
    assert topic_follow_up(question, history) == request_


SCHETTINO = [
    Turn(
        "What sentence did the prosecutors demand for Francesco Schettino?",
        "Die Staatsanwaltschaft fordert 27 Jahre Haft für Schettino. Das Urteil fällt im Juli. [1]",
    )
]


@pytest.mark.parametrize("question", ["When is the verdict expected?", "Wann war der letzte Kontakt?"])
def test_a_question_naming_nothing_after_an_answer_is_also_read_as_its_follow_up(question: str) -> None:
    reading = follow_up_reading(question, SCHETTINO)
    assert reading is not None
    assert reading.search_query == (
        f"{question} What sentence did the prosecutors demand for Francesco Schettino? "
        "Die Staatsanwaltschaft fordert 27 Jahre Haft für Schettino. Das Urteil fällt im Juli."
    )
    assert reading.follows == ("What sentence did the prosecutors demand for Francesco Schettino?",)
    assert reading.quote == "Die Staatsanwaltschaft fordert 27 Jahre Haft für Schettino. Das Urteil fällt im Juli."


@pytest.mark.parametrize(
    ("question", "history"),
    [
        ("When is the verdict expected?", []),  # nothing to follow
        ("When will Schettino be sentenced?", SCHETTINO),  # a name of its own
        ("What happened in 2019?", SCHETTINO),  # a number of its own
        ("And why?", SCHETTINO),  # a follow-up already
        ("When is the verdict expected?", [Turn("Who won?", "The indexed news does not say.")]),  # nothing quoted
    ],
)
def test_a_question_with_a_subject_of_its_own_or_nothing_to_follow_is_read_once(
    question: str, history: list[Turn]
) -> None:
    assert follow_up_reading(question, history) is None


def _answer(article: str | None, confidence: float = 0.5) -> Answer:
    if article is None:
        return Answer(text="The indexed news does not say.", abstained=True, confidence=confidence)
    meta = ArticleMeta(title=article, source=article, language="de")
    return Answer(text="Ein Satz. [1]", sources=[Source(1, article, meta, "Ein Satz.", 0.5)], confidence=confidence)


@pytest.mark.parametrize(
    ("alone", "followed", "told", "chosen"),
    [
        # of the story, about what is asked: given, however likely the answerer finds the other
        (_answer("telekom", 0.54), _answer("schettino", 0.14), 1.0, "followed"),
        (_answer(None), _answer("schettino"), 1.0, "followed"),  # the question alone is refused
        (_answer("telekom"), _answer("schettino"), 0.0, "alone"),  # not about what is asked
        (_answer("schettino", 0.2), _answer("schettino", 0.9), 1.0, "alone"),  # the article found alone
        (_answer("telekom"), _answer(None), 1.0, "alone"),  # the story does not say
    ],
)
def test_the_follow_ups_reading_is_given_when_it_answers_about_what_is_asked(
    alone: Answer, followed: Answer, told: float, chosen: str
) -> None:
    given = better_reading(alone, FollowedAnswer(followed, told))
    assert given is (followed if chosen == "followed" else alone)


def test_a_copy_of_the_story_the_question_found_alone_is_that_story() -> None:
    alone, followed = _answer("schettino-wire"), _answer("schettino-paper")
    for answer in (alone, followed):
        answer.sources[0] = replace(answer.sources[0], meta=replace(answer.sources[0].meta, story_id="schettino"))
    assert better_reading(alone, FollowedAnswer(followed, 1.0)) is alone


def test_half_the_questions_words_must_be_told() -> None:
    alone, followed = _answer("telekom"), _answer("schettino")
    assert better_reading(alone, FollowedAnswer(followed, FOLLOWED_WORDS_TOLD)) is followed
    assert better_reading(alone, FollowedAnswer(followed, FOLLOWED_WORDS_TOLD - 0.01)) is alone


def test_an_article_is_of_the_story_when_quoted_or_naming_what_its_questions_named() -> None:
    asked = ("What sentence did the prosecutors demand for Francesco Schettino?",)
    florence = "Florenz – Der Berufungsprozess gegen Kapitän Francesco Schettino hat begonnen."
    assert of_the_story("grosseto", "Ein Text.", "grosseto", asked)  # the article quoted
    assert of_the_story("florence", florence, "grosseto", asked)  # another naming him
    assert not of_the_story("telekom", "Der OGH prüft eine dritte Telekom-Causa.", "grosseto", asked)
    # questions naming nothing: only the article quoted
    assert not of_the_story("florence", florence, "grosseto", ("Who was sentenced?",))
