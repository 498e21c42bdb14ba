"""The retrieval chain, in LangChain runnables: retrieve hits for the question, then answer citing them.

    {"question", "search_query"} -> assign(hits = searcher.search(search_query)) -> answerer.answer(question, hits)

`search_query` differs from `question` for follow-ups answered without an LLM: retrieval then also uses the
earlier question, while the answer is chosen for the question as asked (see conversation.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda, RunnablePassthrough

from index.models import Answer, Hit
from index.retrieval import Searcher


def build_chain(
    searcher: Searcher, answer: Callable[[str, Sequence[Hit]], Answer]
) -> Runnable[dict[str, Any], Answer]:
    """A runnable taking {"question", optional "search_query"} and returning an Answer."""
    retrieve = RunnableLambda(
        lambda inputs: searcher.search(inputs.get("search_query") or inputs["question"]), name="retrieve"
    )
    respond = RunnableLambda(lambda inputs: answer(inputs["question"], inputs["hits"]), name="answer")
    return (RunnablePassthrough.assign(hits=retrieve) | respond).with_config(run_name="newsbot")
