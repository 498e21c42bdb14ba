"""newsbot's embedders as LangChain `Embeddings`, for LangChain components that embed on their own (vector
stores, retrievers, evaluators): the benchmark's LangChain peer gets the very same model through it."""

from __future__ import annotations

from langchain_core.embeddings import Embeddings

from index.embedders.base import Embedder


class LangChainEmbeddings(Embeddings):
    """Any newsbot `Embedder` behind LangChain's interface: documents and queries keep their distinct encodings
    (e5's "passage:"/"query:"), vectors come back L2-normalised, batching is the embedder's own."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = self.embedder.embed_documents(texts).tolist()
        return vectors

    def embed_query(self, text: str) -> list[float]:
        vector: list[float] = self.embedder.embed_query(text).tolist()
        return vector
