"""The benchmark's jobs, each run in its own process (`python -m index.benchmark.child JOB '<json args>'`).

    ingest        newsbot's pipeline on a subset file: ingest, ingest again unchanged, then the raw encode
                  throughput of the same embedder on the very texts the pipeline embedded, then (read-ahead
                  `idle`) the reading of the stored sentences behind ingest
    peer          the naive LangChain pipeline on the same file: RecursiveCharacterTextSplitter (1000/200),
                  the same embedder through a LangChain adapter, langchain-chroma `Chroma.from_documents`
    fill          a store of N chunks filled from the cache store's rows (no model is loaded)
    first-answer  what the bot does after launch: build the Newsroom, warm it up, answer one question (then, reading
                  behind ingest, keep the article listing, as the bot's reader does while idle)

Settings come from the environment (the parent sets them); the result is written as JSON to args["out"].
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from index.benchmark.corpus import fill_store, read_corpus, read_rows
from index.models import Article, ArticleMeta, Chunk
from index.newsroom import Newsroom
from index.settings import IndexSettings
from index.store import ChunkStore

PEER_CHUNK_SIZE = 1000
PEER_CHUNK_OVERLAP = 200
PEER_COLLECTION = "langchain-peer"


def ingest(settings: IndexSettings, args: dict[str, Any]) -> dict[str, Any]:
    subset = Path(args["subset"])
    newsroom = Newsroom(settings)
    extra: dict[str, float] = {}
    start = time.perf_counter()
    newsroom.warm_up()
    load_s = time.perf_counter() - start
    # One untimed batch first, so that neither timed run pays for the model's first pages and buffers.
    sample = read_corpus(subset, limit=settings.embed_batch_size)
    newsroom.embedder.embed_documents([a.text[:PEER_CHUNK_SIZE] for a in sample])
    columns = _csv_columns(subset)
    start = time.perf_counter()
    first = newsroom.ingest([str(subset)], csv_columns=columns)
    ingest_s = time.perf_counter() - start
    start = time.perf_counter()
    again = newsroom.ingest([str(subset)], csv_columns=columns)
    reingest_s = time.perf_counter() - start
    rows = read_rows(newsroom.store)
    texts = [_embed_text(doc, meta) for doc, meta in zip(rows.documents, rows.metadatas, strict=True)]
    start = time.perf_counter()
    newsroom.embedder.embed_documents(texts)
    raw_s = time.perf_counter() - start
    reader = newsroom.reader_behind()
    if reader is not None:  # what the bot then reads while idle, timed as if it never had to wait
        start = time.perf_counter()
        reader.read_pending(threading.Event(), wait=False)
        extra["read_behind_s"] = time.perf_counter() - start
    return {
        **extra,
        "load_s": load_s,
        "articles": first.added,
        "failed": len(first.failed),
        "chunks": len(rows),
        "ingest_s": ingest_s,
        "reingest_s": reingest_s,
        "reingest_unchanged": again.unchanged,
        "raw_s": raw_s,
    }


def peer(settings: IndexSettings, args: dict[str, Any]) -> dict[str, Any]:
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from index.embedders import load_embedder
    from index.embedders.langchain import LangChainEmbeddings

    subset = Path(args["subset"])
    embedder = load_embedder(settings.embedder, batch_size=settings.embed_batch_size)
    embeddings = LangChainEmbeddings(embedder)
    embedder.warm_up()
    sample = read_corpus(subset, limit=settings.embed_batch_size)
    embeddings.embed_documents([a.text[:PEER_CHUNK_SIZE] for a in sample])
    splitter = RecursiveCharacterTextSplitter(chunk_size=PEER_CHUNK_SIZE, chunk_overlap=PEER_CHUNK_OVERLAP)
    with tempfile.TemporaryDirectory() as directory:
        start = time.perf_counter()
        articles = read_corpus(subset)
        documents = [Document(page_content=_article_text(a), metadata={"source": a.meta.source}) for a in articles]
        chunks = splitter.split_documents(documents)
        Chroma.from_documents(chunks, embeddings, collection_name=PEER_COLLECTION, persist_directory=directory)
        ingest_s = time.perf_counter() - start
    texts = [chunk.page_content for chunk in chunks]
    start = time.perf_counter()
    embeddings.embed_documents(texts)
    raw_s = time.perf_counter() - start
    return {"articles": len(articles), "chunks": len(chunks), "ingest_s": ingest_s, "raw_s": raw_s}


def fill(settings: IndexSettings, args: dict[str, Any]) -> dict[str, Any]:
    source = ChunkStore(path=Path(args["cache"]), embedder_name=args["embedder_name"])
    rows = read_rows(source)
    target = ChunkStore(path=settings.data_dir, embedder_name=args["embedder_name"])
    start = time.perf_counter()
    chunks = fill_store(target, rows, int(args["size"]))
    return {"chunks": chunks, "fill_s": time.perf_counter() - start}


def first_answer(settings: IndexSettings, args: dict[str, Any]) -> dict[str, Any]:
    newsroom = Newsroom(settings)
    newsroom.warm_up()
    ready_at = time.time()
    answer = newsroom.ask(args["question"])
    answered_at = time.time()
    if newsroom.reader_behind() is not None:
        # what the bot's reader then does while idle, first of all: in the peak memory of a bot-ready process
        newsroom.store.current_articles()
    return {"ready_at": ready_at, "answered_at": answered_at, "abstained": answer.abstained}


def _csv_columns(path: Path) -> Any:
    """The 10kGNAD layout (`label;text`, quote `'`, no header); None for JSONL, which names its fields."""
    if path.suffix.lower() != ".csv":
        return None
    from index.loading import CsvColumns

    return CsvColumns(
        title="",
        text="2",
        url="",
        outlet="",
        published_at="",
        language="",
        delimiter=";",
        quotechar="'",
        header=False,
    )


def _embed_text(document: str, meta: dict[str, Any]) -> str:
    return Chunk(Article(text="", meta=ArticleMeta(title=str(meta.get("title", "")))), 0, document).embed_text


def _article_text(article: Article) -> str:
    return f"{article.meta.title}\n{article.text}" if article.meta.title else article.text


JOBS = {"ingest": ingest, "peer": peer, "fill": fill, "first-answer": first_answer}


def main(argv: list[str]) -> int:
    job, raw = argv
    args = json.loads(raw)
    settings = IndexSettings(_env_file=None)
    settings.apply_process_defaults()
    result = JOBS[job](settings, args)
    Path(args["out"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
