"""The Newsroom: the one object the CLI and the bot use — ingest sources, ask questions, list and delete.

    newsroom = Newsroom(settings)          # cheap
    newsroom.warm_up()                     # loads the embedder, opens the store
    newsroom.ingest(["articles/", "https://example.org/story"])
    newsroom.ask("Who denied supplying arms?")

Everything here blocks (embedding, Chroma, LLM): async callers run it in a thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from index.answerers import SENTENCE_VECTORS_FILE, Answerer, load_answerer
from index.answerers.base import abstain_text
from index.answerers.first_names import first_names
from index.answerers.gate import AnswerGate, as_asked
from index.answerers.headlines import asked_topic, newest_first, recency
from index.answerers.message_patterns import ABOUT_THE_ARTICLE
from index.chain import GATE, AnswerStep, build_chain
from index.chunking import Chunker
from index.conversation import (
    FOLLOW_UP_TURNS,
    FollowedAnswer,
    FollowUpReading,
    better_reading,
    first_quote,
    follow_up_reading,
    listed_title,
    more_of_the_story,
    of_the_story,
    quoted,
    standalone_question,
    story_questions,
    topic_follow_up,
)
from index.dates import parse_now, parse_question
from index.embedders import Embedder, load_embedder
from index.errors import NewsbotError, UnknownOutletError
from index.ingestion import Ingestion
from index.language import load_language_tools, question_language
from index.models import Answer, Hit, StoredArticle, Turn
from index.outlets import Outlets
from index.reading import CURSOR_FILE, Activity, ReadBehind
from index.renderings import Renderings, words_told
from index.retrieval import NewsRetriever, Searcher
from index.segmentation import split_sentences
from index.settings import IndexSettings
from index.spelling import correct_spelling
from index.store import ChunkStore
from index.stories import StoryAssigner
from index.text import ELLIPSIS
from index.word_vectors import WordVectors, use_model

# How many chunks retrieval finds for an answer's quote, to find the article it quoted ("What is the article about?")
QUOTE_SEARCH_K = 5


@dataclass(frozen=True)
class IndexStats:
    articles: int
    chunks: int
    newest_published_at: datetime | None
    embedder: str
    answerer: str
    location: str
    #: articles whose sentences the reader behind ingest has not read yet (answers about them read them when
    #: asked); None: nothing reads behind ingest (NEWSBOT_READ_AHEAD is not `idle`, or an LLM answers)
    unread_articles: int | None = None
    #: each outlet (its `outlet`, else its link's host) with how many articles it has, the most first: the names a
    #: question or `latest --outlet` may name
    outlets: tuple[tuple[str, int], ...] = ()


class Newsroom(Ingestion):
    """Ingest, ask, list, delete — over one store, one embedder and one answerer."""

    def __init__(
        self,
        settings: IndexSettings,
        *,
        embedder: Embedder | None = None,
        answerer: Answerer | None = None,
        store: ChunkStore | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        settings.apply_process_defaults()
        self.settings = settings
        #: seconds since 1970: when articles are stored, and what retention counts from
        self.clock = clock
        self.embedder = embedder or load_embedder(
            settings.embedder, batch_size=settings.embed_batch_size, settings=settings
        )
        self.answerer = answerer or load_answerer(settings, self.embedder)
        self.store = store or ChunkStore(
            path=None if settings.chroma_host else settings.data_dir,
            host=settings.chroma_host,
            port=settings.chroma_port,
            collection=settings.chroma_collection,
            embedder_name=self.embedder.name,
            clock=clock,
        )
        self.searcher = Searcher(
            self.store,
            self.embedder,
            mode=settings.retrieval_mode,
            k=settings.retrieval_k,
            lexical_cache=_server_lexical_cache(settings) if settings.chroma_host else None,
        )
        # the extractive answerer asks the BM25 index whether any stored chunk names what a question names
        self.answerer.use_corpus(self.searcher.lexical)
        # and reads the rest of the best articles, not only their retrieved chunks
        self.answerer.use_store(self.store)
        #: USE's vectors of words: the answerer looks for the question's words in its sentences, a topic request
        #: for the topic in another language, and the words one embedded the other need not
        self.words = WordVectors(
            lambda: use_model(self.embedder, self.settings), settings.data_dir / SENTENCE_VECTORS_FILE
        )
        self.answerer.use_words(self.words)
        #: the LangChain retriever over this store, for this Newsroom's chain and for your own chains
        self.retriever = NewsRetriever(searcher=self.searcher)
        min_relevance = settings.min_relevance
        self.gate = AnswerGate(
            min_relevance=self.embedder.profile.min_relevance if min_relevance is None else min_relevance,
            translates=self.answerer.writes,
        )
        self.answer_from_hits = AnswerStep(
            self.gate,
            self.answerer,
            store_is_empty=lambda: self.store.count() == 0,
            articles=self.store.current_articles,
            article_chunks=self.store.article_chunks,
            k=settings.retrieval_k,
            kept_articles=self.store.kept_articles,
            renderings=Renderings(self.words),
        )
        self.chain = build_chain(self.retriever, self.answer_from_hits)
        #: a question that names nothing, asked after an answer, is also read as a follow-up of that answer's story
        #: (`follow_up_reading`; False: only as it stands, as before 7 December)
        self.follow_up_readings = True
        #: groups near-duplicate articles into stories as they are ingested (index/stories.py)
        self.stories = StoryAssigner(self.store, settings.story_threshold)
        #: questions and ingests under way, which reading behind ingest waits for (index/reading.py)
        self.activity = Activity()
        self._chunker: Chunker | None = None

    def warm_up(self, *, language_tools: bool = True) -> None:
        """Load the embedder and the answerer, open the store: slow, so done once, before the first question. A
        process that answers many questions also loads the language identifier and the word lists now (from the
        model cache, index/modelcache.py); one that answers a single question (`newsbot ask`) loads only what it
        needs, when it needs it.

        The store (Chroma, its vector index, the kept BM25 index) opens in a second thread while the models load:
        much of either is file reading and native code that lets the other run (at 50,000 chunks, warm-up plus
        the first search took 0.1-0.3 s less, six fresh processes each). A third reads the kept BM25 index
        meanwhile, which the store's thread then only checks against the store."""
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="newsbot-open") as pool:
            lexical = pool.submit(self.searcher.lexical.load_kept)
            opened = pool.submit(self._open_store)
            self.embedder.warm_up()
            self.answerer.warm_up()
            if language_tools:
                load_language_tools()
                first_names()  # Faker's lists, read once (0.6 s): the first question for someone does not wait
            lexical.result()
            opened.result()

    def _open_store(self) -> None:
        self.store.count()
        # the hybrid search and the extractive answerer (which names the store holds) read the BM25 index
        self.searcher.lexical.warm_up()

    def ask(
        self, question: str, *, history: Sequence[Turn] = (), now: datetime | str | None = None, asker: str = ""
    ) -> Answer:
        """Answer a question from the indexed news; `history` holds the chat's earlier turns, oldest first. `now`
        is what "today" in a question means: default NEWSBOT_NOW, else the clock. `asker`: the language the asker's
        chat client names ("nl"), for a reply to small talk two languages share ("Hallo": Dutch for a Dutch asker,
        else German)."""
        # "WHO DENIED …?", "Hi! Who denied …?", "Do you know who denied …?" and "who denied …" ask "Who denied …?"
        question = as_asked(question)
        if not question:
            raise NewsbotError("the question is empty: ask something, e.g. 'Who denied supplying arms?'")
        try:
            moment = parse_now(now or self.settings.now)
        except ValueError as exc:
            raise NewsbotError(f"now: {exc}") from exc
        with self.activity.busy():
            answers = [turn.answer for turn in history[-FOLLOW_UP_TURNS:]]
            title = listed_title(question, answers)
            if title and (lead := self.answer_from_hits.listed(question, title)) is not None:
                return lead
            if ABOUT_THE_ARTICLE.match(question) and (lead := self._about_the_article(question, answers)) is not None:
                return lead
            if request := topic_follow_up(question, history):  # "And about Amazon?" after a topic's list
                question, history = request, ()
            # "Tell me more": the story's question again, telling what the answers have not quoted yet
            more = None if self.answerer.writes else more_of_the_story(question, history)
            question, search_query = standalone_question(question, history, self.answerer)
            alone = search_query == question  # no follow-up: "Why?" on its own is unclear
            if more is not None:
                question = more.question
            # a typo in a name ("Phliae") is read as the stored news spells it (index/spelling.py)
            corrected = correct_spelling(question, self.searcher.lexical)
            if corrected.changed:
                if search_query == question:  # a question that stands alone is its own query: read once
                    search_query = corrected.question
                else:
                    search_query = correct_spelling(search_query, self.searcher.lexical).question
                question = corrected.question
            said = more.said if more is not None else ()
            # the last reply quoted no news: "Why not?" asks why, not about a story
            unanswered = bool(history) and not quoted(history[-1].answer)
            answer = self.chain.invoke(
                {
                    "question": question,
                    "search_query": search_query,
                    "now": moment,
                    "alone": alone,
                    "said": said,
                    "unanswered": unanswered,
                    "follows": story_questions(question, history),
                    "asker": asker,
                }
            )
            # "When is the verdict expected?" stands on its own by its words, but after an answer on Schettino it
            # is likely about his trial: without an LLM to rewrite it, it is also read as a follow-up of that story
            # (index/conversation.py). Not a question about a time ("What happened last week?") or for a topic's
            # news ("Any news about the rail strike?"), nor one a person's description or the bot itself answered.
            reading = (
                follow_up_reading(question, history)
                if self.follow_up_readings and not self.answerer.writes and more is None
                else None
            )
            if (
                reading is not None
                and answer.answerer in (self.answerer.name, GATE)
                and not parse_question(question, moment).about_time
                and not asked_topic(question)
                and (story := self._article_quoting(reading.quote)) is not None
            ):
                answer = better_reading(answer, self._read_as_follow_up(question, reading, story.article_id))
            return replace(answer, read_as=corrected.changed) if corrected.changed else answer

    def _read_as_follow_up(self, question: str, reading: FollowUpReading, story: str) -> FollowedAnswer:
        """The question's answer read as a follow-up of the story whose article is `story`: retrieved with the
        story's words (`reading`), answered from the hits of the story's articles only (`of_the_story`), each judged
        by its relevance to the question itself (relevance to the story's words would make any question likelier a
        follow-up), and the share of the question's words its article tells (`words_told`). The story is the
        conversation's, so no relevance floor screens its hits: the answerer judges."""
        hits = self.searcher.search(reading.search_query)
        follows = reading.follows
        kept = [hit for hit in hits if of_the_story(hit.article_id, f"{hit.meta.title}\n{hit.text}", story, follows)]
        if not kept:
            return FollowedAnswer(Answer(abstain_text(question), abstained=True, question=question), 0.0)
        followed = self.answerer.answer(question, self.searcher.scored(question, kept))
        if followed.abstained or not followed.sources:
            return FollowedAnswer(followed, 0.0)
        text = self.answer_from_hits.article_text(followed.sources[0].article_id)
        return FollowedAnswer(followed, words_told(question, text, self.words))

    def _about_the_article(self, question: str, answers: Sequence[str]) -> Answer | None:
        """What "What is the article about?" gets: the lead of the article the newest of the last `answers` that
        quoted the news quoted first, or of the store's only article; None when there is neither (before any answer,
        the gate asks which story is meant)."""
        quote = first_quote(answers)
        if quote:
            article = self._article_quoting(quote)
        else:
            articles = self.answer_from_hits.articles()
            article = articles[0] if len(articles) == 1 else None
        return self.answer_from_hits.lead(question, article) if article is not None else None

    def _article_quoting(self, quote: str) -> StoredArticle | None:
        """The stored article whose title or text holds the longest sentence of `quote` (an answer joins sentences
        an article may tell apart, and shortens a long one with "…"), among those retrieval finds for it."""
        sentences = split_sentences(quote, question_language(quote, default="en"))
        piece = max((part.strip() for sentence in sentences for part in sentence.split(ELLIPSIS)), key=len)
        for hit in self.searcher.search(piece, QUOTE_SEARCH_K):
            if piece in " ".join(f"{hit.meta.title}\n{hit.text}".split()):
                return next(iter(self.store.articles([hit.article_id])), None)
        return None

    def search(self, question: str, k: int | None = None, *, exclude_articles: Sequence[str] = ()) -> list[Hit]:
        with self.activity.busy():
            return self.searcher.search(question, k, exclude_articles=exclude_articles)

    def reader_behind(self) -> ReadBehind | None:
        """What reads the stored articles' sentences while this Newsroom is idle (NEWSBOT_READ_AHEAD=idle;
        index/reading.py); None when the setting is another or the answerer reads nothing ahead (an LLM's)."""
        if self.settings.read_ahead != "idle" or not self.answerer.reads_with:
            return None
        return ReadBehind(self.store, self.answerer, self.settings.data_dir / CURSOR_FILE, self.activity)

    def stats(self) -> IndexStats:
        articles = self.store.current_articles(fresh=True)
        dated = [a for a in articles if a.meta.published_at]
        reader = self.reader_behind()
        return IndexStats(
            articles=len(articles),
            chunks=self.store.count(),
            newest_published_at=max(dated, key=recency).meta.published_at if dated else None,
            embedder=self.embedder.name,
            answerer=self.answerer.name,
            location=self.store.location,
            unread_articles=reader.unread(articles) if reader is not None else None,
            outlets=tuple(Outlets(articles).sizes),
        )

    def latest(self, n: int = 5, *, outlet: str = "") -> list[StoredArticle]:
        """The n newest articles by publication date (of `outlet` when given: "derStandard", "bbc.co.uk"); undated
        ones come after every dated one, by when they were ingested."""
        articles = self.store.current_articles()
        if outlet.strip():
            outlets = Outlets(articles)
            named = outlets.called(outlet)
            if named is None:
                raise UnknownOutletError(outlet.strip(), outlets.names)
            articles = named.articles(articles)
        return newest_first(articles)[:n]


def _server_lexical_cache(settings: IndexSettings) -> Path:
    """Where a process keeps BM25 for a Chroma server store: in its own data dir, named by the server and the
    collection (an embedded store keeps it beside its Chroma files). Other hosts' writes are found as for an
    embedded store: the chunk ids listed, the chunks written since read back."""
    server = "".join(c if c.isalnum() or c in "-." else "_" for c in f"{settings.chroma_host}-{settings.chroma_port}")
    return settings.data_dir / f"lexical-{server}-{settings.chroma_collection}.pickle"
