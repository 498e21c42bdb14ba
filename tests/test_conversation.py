"""Follow-ups without an LLM: retrieved with the previous question, answered as asked."""

from collections.abc import Sequence

from index.answerers.base import Answerer
from index.conversation import looks_like_follow_up, standalone_question
from index.models import Answer, Hit, Turn

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


def test_a_follow_up_is_retrieved_with_the_previous_question_and_answered_as_asked() -> None:
    question, query = standalone_question("And what did the US say?", HISTORY, NoLLM())
    assert question == "And what did the US say?"
    assert query == "And what did the US say? Who denied supplying arms to Russia?"


def test_a_new_topic_is_left_alone() -> None:
    fresh = "How high is Puerto Rico's public debt in dollars?"
    assert standalone_question(fresh, HISTORY, NoLLM()) == (fresh, fresh)
    assert standalone_question("And?", [], NoLLM()) == ("And?", "And?")


def test_an_llm_rewrite_is_used_for_both() -> None:
    rewritten = "What did the US say about North Korea's arms deliveries to Russia?"
    assert standalone_question("And the US?", HISTORY, RewritingLLM()) == (rewritten, rewritten)
