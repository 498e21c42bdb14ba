"""The question-answering chain, in LangChain runnables: screen the question, retrieve, gate, answer.

    {"question", "search_query"?}
      ├─ not a question ("hi", "?")          -> a short helpful reply              (AnswerGate.screen_question)
      └─ documents = retriever(search_query) -> AnswerStep: nothing indexed / nothing relevant -> say so
                                                            else answerer.answer(question, hits)

The retriever is a LangChain `BaseRetriever` (`NewsRetriever`) returning Documents with the article's metadata,
so the same retriever plugs into anyone's LangChain app; the chain turns the Documents back into hits for the
answerers. `search_query` differs from `question` for follow-ups answered without an LLM: retrieval then also uses
the earlier question, while the answer is chosen for the question as asked (see conversation.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableBranch, RunnableLambda, RunnablePassthrough

from index.answerers.base import Answerer
from index.answerers.gate import AnswerGate, Decision
from index.models import Answer, Hit
from index.retrieval import document_to_hit


class AnswerStep:
    """Hits -> Answer: the gate's checks on the hits, then the answerer. The chain's last step, and what the
    evaluation harness calls with hits of its own."""

    def __init__(self, gate: AnswerGate, answerer: Answerer, *, store_is_empty: Callable[[], bool]) -> None:
        self.gate = gate
        self.answerer = answerer
        self.store_is_empty = store_is_empty

    def __call__(self, question: str, hits: Sequence[Hit]) -> Answer:
        decision = self.gate.screen_hits(question, hits, store_is_empty=not hits and self.store_is_empty())
        if not decision.answer:
            return declined(question, decision)
        return self.answerer.answer(question, hits)


def declined(question: str, decision: Decision) -> Answer:
    """The gate's reply as an Answer without sources."""
    return Answer(
        text=decision.text, abstained=True, answerer="gate", question=question, confidence=decision.probability
    )


def build_chain(retriever: BaseRetriever, step: AnswerStep) -> Runnable[dict[str, Any], Answer]:
    """A runnable taking {"question", optional "search_query"} and returning an Answer."""

    def _not_a_question(inputs: dict[str, Any]) -> bool:
        return not step.gate.screen_question(inputs["question"]).answer

    def _reply(inputs: dict[str, Any]) -> Answer:
        return declined(inputs["question"], step.gate.screen_question(inputs["question"]))

    def _query(inputs: dict[str, Any]) -> str:
        return str(inputs.get("search_query") or inputs["question"])

    def _respond(inputs: dict[str, Any]) -> Answer:
        documents: list[Document] = inputs["documents"]
        return step(inputs["question"], [document_to_hit(document) for document in documents])

    answer = RunnablePassthrough.assign(documents=RunnableLambda(_query) | retriever) | RunnableLambda(
        _respond, name="answer"
    )
    branch = RunnableBranch((RunnableLambda(_not_a_question), RunnableLambda(_reply, name="reply")), answer)
    return branch.with_config(run_name="newsbot")


__all__ = ["AnswerStep", "build_chain", "declined"]
