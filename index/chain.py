"""The question-answering chain, in LangChain runnables: screen the question, read its dates, retrieve, gate, answer.

    {"question", "search_query"?, "now"?, "said"?, "alone"?, "unanswered"?, "follows"?, "asker"?}
      │  names a stored outlet as its source  -> read without it, over that outlet's articles    (outlets.py)
      ├─ only a web address                   -> the lead of the article read from it, or that it is unread
      ├─ not a question ("hi", "?")           -> a short helpful reply                (AnswerGate.screen_question)
      ├─ about what it has read               -> how many articles, from which outlets, the newest  (archive.py)
      └─ dates = parse_question(question, now)                                        (dates.py)
          ├─ only a date or "what's new"      -> the matching headlines, newest first (answerers/headlines.py)
          │                                      or "no article from <date> is indexed" (AnswerGate.screen_dates)
          ├─ alone, naming no story ("Who won?") -> which story it means              (AnswerGate.screen_story)
          └─ documents = retriever(search_query, only articles from those dates, newer ones first when it
                                   asks for the latest; the topic alone, and more of them, for "news about X";
                                   the name alone for "Who is Jack Lew?")
             (dates that name a year: later or undated articles that name it compete with that year's)
             -> AnswerStep: nothing indexed / no article from those dates -> say so
                            "Who is Jack Lew?" and a hit names him: the first sentence naming him in each of the
                            best two articles, or an LLM's answer from the hits (answerers/people.py)
                            nothing relevant -> say so
                            "news about X": the answerer decides whether the news covers X -> its headlines
                            a request for more ("said"): answerer.answer_more(question, hits, said)
                            else answerer.answer(question, hits)

The retriever is a LangChain `BaseRetriever` (`NewsRetriever`) returning Documents with the article's metadata,
so the same retriever plugs into anyone's LangChain app; the chain turns the Documents back into hits for the
answerers. `search_query` differs from `question` for follow-ups answered without an LLM: retrieval then also uses
the earlier question, while the answer is chosen for the question as asked (see conversation.py). `now` (a
datetime) is what "today" means; absent, the clock's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import (
    Runnable,
    RunnableBranch,
    RunnableConfig,
    RunnableLambda,
    RunnablePassthrough,
)

from index.answerers.archive import archive_answer, asks_about_the_archive
from index.answerers.base import SNIPPET_CHARS, Answerer
from index.answerers.gate import AnswerGate, Decision, linked_page
from index.answerers.headlines import (
    MAX_HEADLINES,
    Rendered,
    asked_topic,
    bare_topic,
    headline,
    headlines_answer,
    names_a_name,
    no_topic_text,
    on_topic,
    topic_answer,
)
from index.answerers.people import asked_person, naming, person_answer
from index.answerers.replies import reply
from index.dates import DateQuery, parse_now, parse_question
from index.embedders import load_embedder
from index.language import detect_language, message_language, question_language
from index.models import BOT_REPLY, Answer, Hit, Source, StoredArticle
from index.outlets import OutletQuery, Outlets, may_name_an_outlet
from index.renderings import Renderings
from index.retrieval import document_to_hit
from index.segmentation import ends_like_a_sentence, split_sentences
from index.settings import DEFAULT_RETRIEVAL_K
from index.text import ELLIPSIS, same_page, shorten
from index.word_vectors import WordVectors

# For a question about the latest news, the hits at least this share of the way from the abstention threshold to the
# best hit count as relevant, and the newest article among them is the one answered from. A share, not a fixed
# margin, because similarities spread differently per embedder. On the case in tests/test_dated_questions.py (use)
# the undated article scores 0.49, today's 0.36, the threshold is 0.16: a margin of 0.1 kept only the undated one.
RECENT_RELEVANCE_SHARE = 0.5
# A link's answer: the article's first sentences, about this long
LEAD_CHARS = 200


class AnswerStep:
    """Hits -> Answer: the gate's checks on the hits, then the answerer. The chain's last step, and what the
    evaluation harness calls with hits of its own. `articles` lists the stored articles (for questions about dates)."""

    def __init__(
        self,
        gate: AnswerGate,
        answerer: Answerer,
        *,
        store_is_empty: Callable[[], bool],
        articles: Callable[[], Sequence[StoredArticle]] = tuple,
        article_chunks: Callable[[str], Sequence[Hit]] | None = None,
        k: int = DEFAULT_RETRIEVAL_K,
        kept_articles: Callable[[], tuple[object, Mapping[str, StoredArticle]] | None] | None = None,
        renderings: Rendered | None = None,
    ) -> None:
        self.gate = gate
        self.answerer = answerer
        self.store_is_empty = store_is_empty
        self.articles = articles
        #: one stored article's chunks, in order (ChunkStore.article_chunks), for a link's lead
        self.article_chunks = article_chunks
        #: the hits a question is answered from (NEWSBOT_RETRIEVAL_K); a topic's list may show more
        self.k = k
        #: the article listing `articles` keeps, with a key that changes with it, without reading the store
        #: (ChunkStore.kept_articles): the outlets a question may name are read from it once per key
        self.kept_articles = kept_articles
        self._outlets: tuple[object, Outlets] | None = None
        #: whether texts name a topic in another language ("Griechenland" for "Greece"); a USE of its own by default
        self.renderings = renderings or Renderings(WordVectors(lambda: load_embedder("use")))

    def __call__(
        self,
        question: str,
        hits: Sequence[Hit],
        dates: DateQuery | None = None,
        topic: str = "",
        said: Sequence[str] = (),
        outlet: OutletQuery | None = None,
    ) -> Answer:
        decision = self.gate.screen_hits(question, hits, store_is_empty=not hits and self.store_is_empty())
        if decision.reason == "empty_store":
            return declined(question, decision)
        if dates is not None and dates.published is not None and not hits:
            articles = outlet.articles(self.articles()) if outlet is not None else self.articles()
            dated = self.gate.screen_dates(question, dates, articles, outlet.name if outlet else "")
            if not dated.answer:
                return declined(question, dated)
        # "Who is Jack Lew?": what the articles that name him say, relevant or not by similarity (answerers/people.py);
        # an LLM writes it from them
        if (person := asked_person(question)) and naming(person, hits[: self.k]):
            if self.answerer.writes:
                return self.answerer.answer(question, hits)
            if (said_of := person_answer(question, person, hits[: self.k])) is not None:
                return said_of
        if not decision.answer and topic and decision.reason == "not_relevant":  # "NATO": no article is about it
            return replace(declined(question, decision), text=self._no_topic(question, topic, outlet))
        if not decision.answer:
            return declined(question, decision)
        if topic:
            return self.topic(question, topic, hits, outlet)
        if dates is not None and dates.recent:
            hits = newest_relevant(hits, self.gate.min_relevance)
        if said:  # a request for more of the story the conversation quoted
            return self.answerer.answer_more(question, hits, said)
        return self.answerer.answer(question, hits)

    def outlet(self, question: str) -> OutletQuery | None:
        """The stored outlet the question names as a source ("What does derStandard say about …?"), if any. The
        articles are listed for it only when no listing is kept and the question may name one: listing 12,000
        articles takes 2.8 s."""
        if self.kept_articles is None:
            return Outlets(self.articles()).named(question)
        kept = self.kept_articles()
        if kept is None and may_name_an_outlet(question):
            self.articles()
            kept = self.kept_articles()
        if kept is None:
            return None
        key, listed = kept
        if self._outlets is None or self._outlets[0] != key:
            self._outlets = (key, Outlets(list(listed.values())))
        return self._outlets[1].named(question)

    def headlines(self, question: str, dates: DateQuery, outlet: OutletQuery | None = None) -> Answer:
        """The headlines a question that asks only about dates or the present gets (of `outlet`'s articles when
        given), or why there are none."""
        articles = self.articles()
        if not articles:
            return self._nothing_read(question)
        if outlet is not None:
            articles = outlet.articles(articles)
        decision = self.gate.screen_dates(question, dates, articles, outlet.name if outlet else "")
        if not decision.answer:
            return declined(question, decision)
        language = dates.language or question_language(question, default="en")
        limit = dates.count or MAX_HEADLINES
        return headlines_answer(
            question, dates, articles, language=language, limit=limit, outlet=outlet.name if outlet else ""
        )

    def _nothing_read(self, question: str) -> Answer:
        """What a question that needs the stored articles gets when there are none: how to ingest."""
        return declined(question, self.gate.screen_hits(question, [], store_is_empty=self.store_is_empty()))

    def archive(self, question: str, outlet: OutletQuery | None = None) -> Answer:
        """A question about what has been read (from `outlet`, when given): the archive's figures, or how to
        ingest when it is empty."""
        articles = self.articles()
        if not articles:
            return self._nothing_read(question)
        if outlet is not None:
            articles = outlet.articles(articles)
        return archive_answer(question, articles, language=question_language(question, default="en"))

    def topic(self, question: str, topic: str, hits: Sequence[Hit], outlet: OutletQuery | None = None) -> Answer:
        """A request for the news on `topic` (hits of `outlet`'s articles when given): the headlines of the articles
        that name it, newest first. For a description the answerer decides first from the best hits whether the news
        covers it (as it would the topic asked as a question)."""
        # A name's articles are the ones that name it, as written or in another language (`on_topic`): the answerer's
        # doubt about the name asked as a question would not overrule them ("Egypt" was refused over the 1,028 test
        # articles, 13 of which name "Ägypten"), so it is not asked (with an LLM answerer, a call saved). A description
        # ("the strike") is listed only when the answerer finds it.
        decided = None if names_a_name(topic) else self.answerer.answer(topic, hits[: self.k])
        confidence = decided.confidence if decided else None
        floor = relevance_floor(hits, self.gate.min_relevance)
        found = decided is None or not decided.abstained
        relevant = on_topic(topic, hits, self.renderings, floor, self.article_text) if found else []
        if not relevant:  # "Bitcoin" over news of oil prices: the answerer found a sentence, no article names it
            return Answer(
                text=self._no_topic(question, topic, outlet),
                abstained=True,
                answerer=decided.answerer if decided else self.answerer.name,
                question=question,
                confidence=confidence,
            )
        language = message_language(question)  # "Nordkorea" alone: German
        listed = topic_answer(question, topic, relevant, language=language, outlet=outlet.name if outlet else "")
        return replace(listed, confidence=confidence)

    def article_text(self, article_id: str) -> str:
        """One stored article's title and text, its chunks joined ("" when the store cannot say)."""
        chunks = self.article_chunks(article_id) if self.article_chunks else []
        title = chunks[0].meta.title or "" if chunks else ""
        return "\n".join([title, *(chunk.text for chunk in chunks)])

    @staticmethod
    def _no_topic(question: str, topic: str, outlet: OutletQuery | None) -> str:
        return no_topic_text(topic, message_language(question), outlet.name if outlet else "")

    def link(self, question: str, url: str) -> Answer:
        """A message that is only a web address: the lead of the article read from it, cited, or that the page
        has not been read (in English: a bare address says nothing of its reader's language)."""
        articles = self.articles()
        if not articles:
            return self._nothing_read(question)
        read = next((a for a in articles if same_page(a.meta.url, url) or same_page(a.meta.source, url)), None)
        answer = self.lead(question, read) if read is not None else None
        return answer or declined(question, Decision(False, "not_a_question", reply("unread_link", "")))

    def listed(self, question: str, title: str) -> Answer | None:
        """A question that picks an item of the last answer's list ("Tell me more about the second one"): the lead of
        the article of that title, or None when it is no longer stored."""
        article = next((a for a in self.articles() if headline(a.meta) == title), None)
        return self.lead(question, article) if article is not None else None

    def lead(self, question: str, article: StoredArticle) -> Answer | None:
        """The article's first sentences, cited; None when its chunks cannot be read."""
        chunks = self.article_chunks(article.article_id) if self.article_chunks else []
        if not chunks:
            return None
        text = chunks[0].text
        language = article.meta.language or detect_language(text, default="en")
        lead = lead_of(text, language, title=article.meta.title)
        source = Source(
            n=1, article_id=article.article_id, meta=article.meta, snippet=shorten(text, SNIPPET_CHARS), score=1.0
        )
        return Answer(text=f"{lead} [1]", sources=[source], answerer="lead", question=question)


def lead_of(text: str, language: str, *, title: str = "", min_chars: int = LEAD_CHARS, max_sentences: int = 3) -> str:
    """An article's first sentences, until they reach `min_chars` (at most `max_sentences`, and twice
    `min_chars`); not those that only repeat its `title` (shown with the source), when more follow."""
    # line by line: a heading line ("Das Wichtigste in Kürze") ran into the sentence after it
    lines = [line for line in text.split("\n") if line.strip()]
    told = [line for line in lines if not _heading(line)] or lines
    sentences = [sentence for line in told for sentence in split_sentences(line, language)]
    stem = title.rstrip(ELLIPSIS).strip()
    while len(sentences) > 1 and stem and (sentences[0].startswith(stem) or stem.startswith(sentences[0])):
        stem = stem[len(sentences.pop(0)) :].strip()
    taken: list[str] = []
    for sentence in sentences:
        taken.append(sentence)
        if len(" ".join(taken)) >= min_chars or len(taken) >= max_sentences:
            break
    return shorten(" ".join(taken), 2 * min_chars)


# A line of at most this many words that ends in no sentence mark is a heading ("Das Wichtigste in Kürze")
HEADING_WORDS = 8


def _heading(line: str) -> bool:
    return len(line.split()) <= HEADING_WORDS and not ends_like_a_sentence(line)


def relevance_floor(hits: Sequence[Hit], min_relevance: float) -> float:
    """The score a hit needs to count as relevant next to the best one (see RECENT_RELEVANCE_SHARE)."""
    top = max((hit.score for hit in hits), default=0.0)
    return min_relevance + RECENT_RELEVANCE_SHARE * max(0.0, top - min_relevance)


def newest_relevant(hits: Sequence[Hit], min_relevance: float) -> list[Hit]:
    """The hits of the newest dated article among the relevant ones (see RECENT_RELEVANCE_SHARE); all hits when none
    of those is dated. An undated article is never the newest."""
    floor = relevance_floor(hits, min_relevance)
    relevant = [h for h in hits if h.score >= floor]
    dated = [h for h in relevant if h.meta.published_ts is not None]
    if not dated:
        return list(hits)
    newest = max(dated, key=lambda h: h.meta.published_ts or 0.0).article_id
    return [h for h in hits if h.article_id == newest]


# What the gate declines for because the news lacks it: "The indexed news does not say.", "No article from … is
# indexed". Its other reasons are the bot's own replies (BOT_REPLY).
NEWS_LACKS_IT = frozenset({"not_relevant", "no_article_in_range"})


#: who answered, for the gate's reply that the news lacks what was asked
GATE = "gate"


def declined(question: str, decision: Decision) -> Answer:
    """The gate's reply as an Answer without sources: GATE when the news lacks what was asked, else BOT_REPLY."""
    answerer = GATE if decision.reason in NEWS_LACKS_IT else BOT_REPLY
    return Answer(
        text=decision.text, abstained=True, answerer=answerer, question=question, confidence=decision.probability
    )


def build_chain(retriever: BaseRetriever, step: AnswerStep) -> Runnable[dict[str, Any], Answer]:
    """A runnable taking {"question", optional "search_query", optional "now", optional "said", optional "alone",
    optional "unanswered", optional "follows", optional "asker"} and returning an Answer. "said": what the
    conversation's answers quoted, for a request for more of their story (index/conversation.py
    `more_of_the_story`); "alone": the question follows no earlier turn (a question word alone is then unclear,
    `AnswerGate.screen_question`); "unanswered": the last reply quoted no news ("Why not?" is then told where answers
    come from); "follows": the questions a follow-up that keeps their story follows, newest first
    (`story_questions`); "asker": the language the asker's client names, for a reply to words two languages share
    (`AnswerGate.screen_question`)."""

    def _outlet(inputs: dict[str, Any]) -> dict[str, Any]:
        # "What does derStandard say about Trump?" is read as "News about Trump" over derStandard's articles. A
        # follow-up that keeps the story keeps the outlet its story was asked of ("And why?"), named in the
        # questions it follows ("follows"), not in the words the last answer quoted: "laut Standard" there may be
        # the news's own words
        question: str = inputs["question"]
        outlet = step.outlet(question)
        if outlet is None:
            outlet = next(filter(None, map(step.outlet, inputs.get("follows", ()))), None)
            if outlet is None:
                return inputs
            outlet = replace(outlet, question=question)
        search_query: str = inputs.get("search_query") or question
        if search_query == question:
            search_query = outlet.question
        elif (named := step.outlet(search_query)) is not None:
            search_query = named.question
        read = {"question": outlet.question, "search_query": search_query, "outlet": outlet}
        return {**inputs, **read, "asked": question}

    def _as_asked(inputs: dict[str, Any]) -> Answer:
        answer: Answer = inputs["answer"]
        return replace(answer, question=inputs["asked"]) if "asked" in inputs else answer

    def _link_only(inputs: dict[str, Any]) -> bool:
        return bool(linked_page(inputs["question"]))

    def _link(inputs: dict[str, Any]) -> Answer:
        return step.link(inputs["question"], linked_page(inputs["question"]))

    def _about_the_archive(inputs: dict[str, Any]) -> bool:
        return asks_about_the_archive(inputs["question"])

    def _archive(inputs: dict[str, Any]) -> Answer:
        return step.archive(inputs["question"], inputs.get("outlet"))

    def _screened(inputs: dict[str, Any]) -> Decision:
        now = parse_now(inputs.get("now"))
        return step.gate.screen_question(
            inputs["question"],
            now,
            alone=bool(inputs.get("alone")),
            unanswered=bool(inputs.get("unanswered")),
            asker=str(inputs.get("asker") or ""),
        )

    def _not_a_question(inputs: dict[str, Any]) -> bool:
        return not _screened(inputs).answer

    def _reply(inputs: dict[str, Any]) -> Answer:
        return declined(inputs["question"], _screened(inputs))

    def _dates(inputs: dict[str, Any]) -> DateQuery:
        return parse_question(inputs["question"], parse_now(inputs.get("now")))

    def _broad(inputs: dict[str, Any]) -> bool:
        return bool(inputs["dates"].broad)

    def _headlines(inputs: dict[str, Any]) -> Answer:
        return step.headlines(inputs["question"], inputs["dates"], inputs.get("outlet"))

    def _no_story(inputs: dict[str, Any]) -> bool:
        # a question alone that names no story; one about dates or a topic names what it wants
        dates: DateQuery = inputs["dates"]
        if not inputs.get("alone") or dates.about_time or inputs["topic"]:
            return False
        return not step.gate.screen_story(inputs["question"]).answer

    def _which_story(inputs: dict[str, Any]) -> Answer:
        return declined(inputs["question"], step.gate.screen_story(inputs["question"]))

    def _topic(inputs: dict[str, Any]) -> str:
        # a name sent alone ("Trump") asks for the news on it; after other turns it may follow them up ("Russland")
        text = inputs["dates"].text
        return asked_topic(text) or (bare_topic(text) if inputs.get("alone") else "")

    def _retrieve(inputs: dict[str, Any], config: RunnableConfig) -> list[Document]:
        dates: DateQuery = inputs["dates"]
        topic: str = inputs["topic"]
        # The date expression stays in the query: removed, it left every gold article first but lowered its score
        # (mean 0.332 -> 0.320 with use, 0.724 -> 0.715 with use+e5), nearer the abstention threshold
        # (benchmarks/date_queries.py). A topic is searched alone ("news about" would find articles about news),
        # for as many articles as a list of headlines shows.
        # So is the person a "Who is …?" asks about: read as a question it is far from any passage.
        query = topic or asked_person(inputs["question"]) or str(inputs.get("search_query") or inputs["question"])
        k = MAX_HEADLINES if topic else None
        outlet: OutletQuery | None = inputs.get("outlet")
        documents = retriever.invoke(query, config, published=dates.published, recent=dates.recent, k=k, outlet=outlet)
        published = dates.published
        if published is None or not published.names:
            return documents
        # The news of a year is often told later ("the Costa Concordia, which ran aground in January 2012"), and an
        # undated article may be from any time: later and undated articles that name the year (or, when the
        # question names none, its month or weekday: "am Dienstag", "am Wochenende") compete with the dates' own
        # (one article's chunks come from one search). With neither, the step says no article is from then.
        # Searched unfiltered and kept after: a Chroma `where` that matches most of the store (every undated chunk)
        # made the search ~10x slower.
        later = retriever.invoke(query, config, recent=dates.recent, k=k, outlet=outlet)
        taken = {d.metadata["article_id"] for d in documents}
        named = [
            d
            for d in later
            if d.metadata["article_id"] not in taken
            and published.may_report(document_to_hit(d).meta.published_ts)
            and published.named_in(d.page_content)
        ]
        if not named:
            return documents
        best = sorted(documents + named, key=lambda d: -float(d.metadata["score"]))
        return best[: max(len(documents), len(later))]

    def _respond(inputs: dict[str, Any]) -> Answer:
        documents: list[Document] = inputs["documents"]
        hits = [document_to_hit(document) for document in documents]
        return step(
            inputs["question"], hits, inputs["dates"], inputs["topic"], inputs.get("said", ()), inputs.get("outlet")
        )

    answer = RunnablePassthrough.assign(documents=RunnableLambda(_retrieve, name="retrieve")) | RunnableLambda(
        _respond, name="answer"
    )
    by_date = RunnableBranch(
        (RunnableLambda(_broad), RunnableLambda(_headlines, name="headlines")),
        (RunnableLambda(_no_story), RunnableLambda(_which_story, name="which_story")),
        answer,
    )
    # the topic is read once, before the branch: a question about one names its story ("which story?" needs it)
    question = (
        RunnablePassthrough.assign(dates=RunnableLambda(_dates, name="dates"))
        | RunnablePassthrough.assign(topic=RunnableLambda(_topic, name="topic"))
        | by_date
    )
    branch = RunnableBranch(
        (RunnableLambda(_link_only), RunnableLambda(_link, name="link")),
        (RunnableLambda(_not_a_question), RunnableLambda(_reply, name="reply")),
        (RunnableLambda(_about_the_archive), RunnableLambda(_archive, name="archive")),
        question,
    )
    read = (
        RunnableLambda(_outlet, name="outlet")
        | RunnablePassthrough.assign(answer=branch)
        | RunnableLambda(_as_asked, name="as_asked")
    )
    return read.with_config(run_name="newsbot")


__all__ = ["AnswerStep", "build_chain", "declined", "newest_relevant"]
