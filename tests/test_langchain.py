"""newsbot's retriever is a real LangChain retriever: it works inside a plain LangChain chain of a user's kind,
and its Documents carry the article's metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langchain_core.documents import Document
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from index.newsroom import Newsroom
from index.retrieval import document_to_hit, hit_to_document
from tests.conftest import SEED_ARTICLE, SEED_QUESTION, make_settings


def format_docs(documents: list[Document]) -> str:
    return "\n\n".join(
        f"{d.metadata['title']} ({d.metadata['outlet'] or 'unknown outlet'}): {d.page_content}" for d in documents
    )


def test_the_retriever_runs_inside_a_users_own_langchain_chain(tmp_path: Path) -> None:
    newsroom = Newsroom(make_settings(tmp_path / "data"))
    newsroom.ingest([str(SEED_ARTICLE)])
    seen: list[Any] = []

    def record(value: Any) -> Any:
        seen.append(value)
        return value

    prompt = ChatPromptTemplate.from_messages(
        [("system", "Answer only from this context:\n{context}"), ("human", "{question}")]
    )
    llm = GenericFakeChatModel(messages=iter(["North Korea denied it."]))
    chain = (
        {"context": newsroom.retriever | format_docs, "question": RunnablePassthrough()}
        | prompt
        | RunnableLambda(record)
        | llm
        | StrOutputParser()
    )

    assert isinstance(newsroom.retriever, BaseRetriever)
    assert chain.invoke(SEED_QUESTION) == "North Korea denied it."
    system, human = seen[0].to_messages()
    assert "Nordkorea dementiert" in system.content and human.content == SEED_QUESTION


def test_documents_carry_the_article_metadata_and_turn_back_into_the_same_hits(tmp_path: Path) -> None:
    newsroom = Newsroom(make_settings(tmp_path / "data"))
    newsroom.ingest([str(SEED_ARTICLE)])

    documents = newsroom.retriever.invoke(SEED_QUESTION)
    hits = newsroom.search(SEED_QUESTION)

    assert len(documents) == len(hits) > 0
    first = documents[0]
    assert first.id == hits[0].chunk_id
    assert {"title", "outlet", "url", "published_at", "language", "source", "article_id", "score"} <= set(
        first.metadata
    )
    assert first.metadata["source"] == str(SEED_ARTICLE)
    assert [document_to_hit(d) for d in documents] == hits
    assert document_to_hit(hit_to_document(hits[0])) == hits[0]
