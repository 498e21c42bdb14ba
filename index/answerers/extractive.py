"""The offline answerer: picks the sentence(s) of the retrieved chunks that answer the question, or abstains.

No LLM: the candidates are the sentences of the hits (and their articles' titles). A reader model (e5 by default)
rates each candidate's similarity to the question. When the reader is part of the retrieval embedder (use+e5) it
reads every candidate (~25 a question, e5 ~20 ms each on 2 cores: most of an answer's time; a use shortlist cost
answers, README "Answers people can trust"), and the hit's relevance breaks near-ties. A separate reader reads only
the READER_SHORTLIST candidates a faster model (the `shortlister`, by default the retrieval embedder) rates best by
its own similarity plus the hit's relevance and shared words. With no separate reader, the embedder's similarity
plus those priors decides. The answer is the best sentence verbatim (in the article's language) with its [n]
citation, followed by up to two more when they score almost as high (within SENTENCE_MARGIN) and do not repeat it:
one sentence when the reader is sure, up to three when it is not. It abstains — "the indexed news does not say" —
when no hit reaches `min_relevance` or no sentence reaches `min_sentence`, thresholds calibrated per model on XQuAD
dev. `Answer.confidence` is the best sentence's similarity, the number `min_sentence` is compared with."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np

from index.answerers.answer_model import AnswerModel, Logistic, language_pair, load_models, sigmoid
from index.answerers.base import (
    Answerer,
    ArticleStore,
    abstain_text,
    build_answer,
    no_more_text,
    not_known_text,
    other_currency_text,
)
from index.answerers.candidate_sentences import CandidateSentences
from index.answerers.evidence import (
    LATENT_SENTENCES,
    Candidate,
    Corpus,
    Vocabulary,
    ages_someone,
    amount_given,
    bare_surnames,
    currency_unanswered,
    duration_unanswered,
    latent_coverage,
    measure_unanswered,
    named_currency,
    named_in_full,
    names_currency,
    names_someone,
    quantity_first,
    quantity_held,
    quantity_unanswered,
    quantity_vocabulary,
    question_features,
    rendered_vocabulary,
    sentence_features,
    share_unanswered,
    spread_of,
    stored_names,
    time_to_come_unanswered,
    time_unanswered,
    told_not_known,
)
from index.answerers.first_names import names_person
from index.answerers.question import ASKS_CAUSE, Question
from index.answerers.roles import asks_for_someone
from index.answerers.sentences import SPLITTER, SentenceSplits, SentenceVectors
from index.embedders import Embedder
from index.language import question_language
from index.lexical import tokenize
from index.models import Answer, Hit
from index.word_vectors import WordVectors, use_model

# How many sentences a separate reader model re-scores (it is slower than the retrieval embedder). A reader that is
# part of the embedder (e5 in use+e5) reads every candidate: a shortlist by use cost answers (README, "Answers
# people can trust": benchmarks/fit_answerability.py --shortlist).
READER_SHORTLIST = 8

MAX_SENTENCES = 3
# A sentence with this share of its words in one already chosen says nothing new and does not join. Dropping
# them cost no containment on XQuAD dev at 0.7 (at 0.6, symmetric, it cost 0.3 points).
NEAR_DUPLICATE = 0.7


@dataclass
class Reading:
    """What the answerer read for one question: the candidate sentences, the reader's similarity of each, their
    evidence features, and the retrieved text of each article (for the question's anchors)."""

    question: Question
    hits: Sequence[Hit]
    candidates: list[Candidate]
    similarity: np.ndarray
    scores: np.ndarray
    rows: np.ndarray
    article_shares: dict[str, float]
    vocabularies: dict[str, Vocabulary]
    #: the question's names and numbers some stored chunk holds (evidence.py `stored_names`; None: not known)
    stored: frozenset[str] | None = None


# The best articles (in the hits' order) whose every chunk is read, not only the (at most two) retrieved: the
# sentence that answers is often in a chunk retrieval ranked lower. Out of fold (README, "Answers people can trust")
# two raised news_qa containment 4-7 points (English) and 3-4 (German) at the same abstention; one cost German
# absent-topic abstention a question.
WHOLE_ARTICLES = 2

# Below this probability (NEWSBOT_UNSURE_BELOW) an answer is given, being above the abstention threshold, but said
# to be unsure. Out of fold over the fitting data, 17 % (English questions) and 21 % (German) of the answers given
# below 0.3 held the gold answer, about half of those from 0.3 to 0.5, three in four above (README, "Unsure
# answers"; the fit script prints the bands).
UNSURE_BELOW = 0.3

# A question for a quantity whose chosen sentences hold none ("Wie alt ist Raif Badawi?": the lead on his sentence of
# "zehn Jahren Gefängnis") is given the likeliest sentence of the same article that holds one ("Der 31-jährige
# Blogger …"), down to this share of the best sentence's probability; so is a question for someone whose chosen
# sentences name no one it does not (README, "Someone the question does not name"). Out of fold the quantity's
# changed no figure of the fit script (README, "Ages"): a question whose best sentence lacks it is mostly refused.
HOLDING_EXTRA = 0.01


class ExtractiveAnswerer(CandidateSentences, Answerer):
    name = "extractive"

    def __init__(
        self,
        embedder: Embedder,
        *,
        min_sentence: float | None = None,
        reader: Embedder | None = None,
        max_sentences: int = MAX_SENTENCES,
        sentence_margin: float | None = None,
        shortlist: int | None = READER_SHORTLIST,
        model: AnswerModel | None | Literal["fitted"] = "fitted",
        sentence_vectors: Path | None = None,
        shortlister: Embedder | None = None,
        unsure_below: float | None = None,
    ) -> None:
        if max_sentences < 1 or (shortlist is not None and shortlist < 1):
            raise ValueError("max_sentences and shortlist must be at least 1")
        self.embedder = embedder
        self.reader = reader or embedder
        #: the faster model that picks what the reader reads (default: the retrieval embedder)
        self.shortlister = shortlister or embedder
        self.min_sentence = self.reader.profile.min_sentence if min_sentence is None else min_sentence
        self.max_sentences = max_sentences
        self.shortlist = shortlist
        self.sentence_margin = self.reader.profile.sentence_margin if sentence_margin is None else sentence_margin
        #: answers the evidence model gives a lower probability are said to be unsure
        self.unsure_below = UNSURE_BELOW if unsure_below is None else unsure_below
        #: refuse an answer without the kind of answer asked for: no time, amount of money, count, share, span of
        #: time, measure or currency (`lacks_kind`), and one whose article says what is asked is not known
        #: (`_told_not_known`)
        self.checks_kind = True
        #: the fitted evidence model for this reader (answer_model.py); None: similarity and thresholds alone decide
        self.model = load_models().get(self.reader.name) if model == "fitted" else model
        #: the sentences read so far, in memory and, with a path, in a file shared with other processes
        self.vectors = SentenceVectors(sentence_vectors)
        #: where the read paragraphs split into sentences, kept beside the vectors
        self.splits = SentenceSplits(sentence_vectors)
        #: the indexed chunks' words (`use_corpus`): without them no name counts as absent from the news
        self.corpus: Corpus | None = None
        #: the store the hits come from (`use_store`): without it only the retrieved chunks are read
        self.store: ArticleStore | None = None
        #: USE's vectors of words, for the question's words in each sentence (the newsroom's: `use_words`)
        self.words = WordVectors(lambda: use_model(embedder), sentence_vectors)

    def use_corpus(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def use_store(self, store: ArticleStore) -> None:
        self.store = store

    def use_words(self, words: WordVectors) -> None:
        self.words = words

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        reading = self.read(question, hits)
        if reading is None:
            return self._abstain(question)
        return self._answer_reading(reading)

    def _answer_reading(self, reading: Reading) -> Answer:
        """The answer by the fitted evidence model, or by similarity without one."""
        if self.model is not None:
            return self.answer_by_evidence(reading, self.model)
        return self.answer_by_similarity(reading)

    def answer_more(self, question: str, hits: Sequence[Hit], said: Sequence[str]) -> Answer:
        """More of the story: the sentences of the article the conversation quoted (the one the newest answer in
        `said` quoted most) that answer `question` best, up to `max_sentences`, none already said or repeating
        what was. No abstention: the story is in the news, and when all of it was said, the answer says so. The
        reader reads every candidate: a shortlist is the few the question matches best, and they were said first."""
        reading = self.read(question, hits, every=True)
        if reading is None:
            return self._abstain(question)
        candidates = reading.candidates
        articles = [reading.hits[c.hit].article_id for c in candidates]  # the hits' and the first articles' rest
        texts = [" ".join(c.text.split()) for c in candidates]
        # which candidates each answer quoted (answers newest first)
        quoted_by = [[text in told for text in texts] for told in (" ".join(answer.split()) for answer in said)]
        was_said = [any(row[i] for row in quoted_by) for i in range(len(texts))]
        story = _quoted_most(articles, quoted_by)
        if story is None:  # the story's article was not retrieved again: answered as a question of its own
            return self._answer_reading(reading)
        if self.model is not None:
            ranks = np.where(reading.similarity > -1, self.model.sentence.logit(reading.rows), -np.inf)
        else:
            ranks = np.where(reading.similarity > -1, reading.scores, -np.inf)
        chosen: list[int] = []
        for i in np.argsort(-ranks):
            i = int(i)
            text = candidates[i].text
            if len(chosen) == self.max_sentences or ranks[i] == -np.inf:
                break
            if articles[i] != story or was_said[i] or asks(text):
                continue
            if not _repeats(text, [*said, *(candidates[c].text for c in chosen)]):
                chosen.append(i)
        if not chosen:
            return Answer(text=no_more_text(question), abstained=True, answerer=self.name, question=question)
        return self._compose(question, chosen, candidates, reading.hits, float(reading.similarity[chosen[0]]))

    def read(self, question: str, hits: Sequence[Hit], *, every: bool = False) -> Reading | None:
        """Candidates, similarities and evidence for a question over its hits; None when no hit has a sentence
        that can carry an answer. `every`: the reader reads every candidate, not only a shortlist's."""
        if self.model is not None and hits:
            # across languages the answer reads the question's latent terms: the reader starts on them while the
            # candidates are gathered and weighed (the best article is usually the first hit's)
            if language_pair(question_language(question, default=""), hits[0].meta.language) == "cross":
                self.reader.read_latent_terms_ahead([question])
        hits = self.whole_articles(question, hits)
        candidates = self._candidates(hits)
        if not candidates:
            return None
        similarity, scores = self._score(question, [c.text for c in candidates], hits, candidates, every=every)
        return self.weigh(question, hits, candidates, similarity, scores, evidence=self.model is not None)

    def whole_articles(self, question: str, hits: Sequence[Hit]) -> list[Hit]:
        """The hits, then the other chunks of the first WHOLE_ARTICLES articles among them (in their order, scored
        against the question like retrieved chunks, sharing the story of the article's retrieved hit)."""
        if self.store is None or not hits:
            return list(hits)
        retrieved = {hit.chunk_id for hit in hits}
        first: dict[str, Hit] = {}
        for hit in hits:
            first.setdefault(hit.article_id, hit)
        vector = self.embedder.embed_query(question)
        more = [
            replace(chunk, also_reported_by=hit.also_reported_by)
            for article, hit in list(first.items())[:WHOLE_ARTICLES]
            for chunk in self.store.article_chunks(article, vector)
            if chunk.chunk_id not in retrieved
        ]
        return [*hits, *more]

    def weigh(
        self,
        question: str,
        hits: Sequence[Hit],
        candidates: list[Candidate],
        similarity: np.ndarray,
        scores: np.ndarray,
        *,
        corpus: Corpus | None = None,
        evidence: bool = True,
    ) -> Reading:
        """The evidence features of candidates whose similarities are known; `corpus` (default: the one in use)
        says which of the question's names the store holds at all. `evidence=False`: no sentence features (an
        answerer without an evidence model decides by similarity, and needs no USE for the question's words)."""
        asked = Question.of(question, question_language(question, default=""))
        article_text: dict[str, str] = {}
        for hit in hits:
            article_text[hit.article_id] = article_text.get(hit.article_id, hit.meta.title) + "\n" + hit.text
        vocabularies = {article: Vocabulary(text) for article, text in article_text.items()}
        rows = np.zeros((len(candidates), 0))
        if evidence:
            words = rendered_vocabulary([question, *(c.text for c in candidates)])
            rows = sentence_features(
                asked,
                candidates,
                similarity,
                [hit.score for hit in hits],
                [hit.article_id for hit in hits],
                vocabularies,
                min_sentence=self.reader.profile.min_sentence,
                sentence_spread=spread_of(self.reader),
                hit_spread=spread_of(self.embedder),
                word_vectors=self.words.of(words),
            )
        shares = {article: vocab.share(asked.anchors) for article, vocab in vocabularies.items()}
        stored = stored_names(asked, corpus or self.corpus)
        return Reading(asked, hits, candidates, similarity, scores, rows, shares, vocabularies, stored)

    def judge(self, reading: Reading, model: AnswerModel) -> tuple[np.ndarray, int, float]:
        """(each candidate's sentence logit, the best candidate, the probability that the hits answer)."""
        logits, best, features = self.question_evidence(reading, model.sentence)
        article_language = reading.hits[reading.candidates[best].hit].meta.language
        question = model.question_model(reading.question.language, article_language)
        probability = float(sigmoid(question.logit(features[None, :]))[0])
        return np.where(reading.similarity > -1, logits, -np.inf), best, probability

    def question_evidence(self, reading: Reading, sentence: Logistic) -> tuple[np.ndarray, int, np.ndarray]:
        """(each candidate's sentence logit, the best candidate, its QUESTION_FEATURES): what the question model
        reads, here and when it is fitted (benchmarks/fit_answerability.py)."""
        usable = reading.similarity > -1  # a shortlist leaves the unread at -1
        question, hits, candidates = reading.question, reading.hits, reading.candidates
        logits, best, quantity = quantity_first(
            question,
            np.where(usable, sentence.logit(reading.rows), -50.0),
            [hits[c.hit].article_id for c in candidates],
            lambda i: self._quantity(question, candidates[i].text),
        )
        features = question_features(
            reading.question,
            reading.rows,
            logits,
            best,
            reading.candidates,
            [hit.score for hit in reading.hits],
            [hit.meta.language for hit in reading.hits],
            [hit.article_id for hit in reading.hits],
            list(reading.article_shares.values()),
            reading.vocabularies,
            min_relevance=self.embedder.profile.min_relevance,
            hit_spread=spread_of(self.embedder),
            stored=reading.stored,
            latent=self._latent_coverage(reading, logits, best),
            quantity=quantity,
        )
        return logits, best, features

    def _quantity(self, question: Question, sentence: str) -> float:
        """`quantity_held` of the best sentence (USE vectors only for a question that counts words)."""
        words = quantity_vocabulary(question, sentence)
        return quantity_held(question, sentence, self.words.of(words) if words else {})

    def _latent_coverage(self, reading: Reading, logits: np.ndarray, best: int) -> tuple[float, float]:
        """`latent_coverage` of the question by its best article's LATENT_SENTENCES best sentences, when question
        and article are in different languages and the reader has latent terms; else (0, 0)."""
        hits, candidates = reading.hits, reading.candidates
        if language_pair(reading.question.language, hits[candidates[best].hit].meta.language) != "cross":
            return 0.0, 0.0
        article = hits[candidates[best].hit].article_id
        members = [i for i, c in enumerate(candidates) if hits[c.hit].article_id == article]
        members.sort(key=lambda i: -logits[i])
        texts = [reading.question.text] + [candidates[i].text for i in members[:LATENT_SENTENCES]]
        terms = self.reader.latent_terms(texts)
        return (0.0, 0.0) if terms is None else latent_coverage(terms[0], terms[1:])

    def answer_by_evidence(self, reading: Reading, model: AnswerModel) -> Answer:
        hits, candidates = reading.hits, reading.candidates
        logits, best, probability = self.judge(reading, model)
        article_language = hits[candidates[best].hit].meta.language
        if probability < model.threshold(reading.question.language, article_language):
            return self._abstain(reading.question.text, probability)
        # Another sentence joins only from the same article, when the model finds it nearly as likely to hold
        # the answer (its score within log(extra_sentence) of the best), and when it does not repeat what is
        # chosen: no padding from unrelated stories. Nor does a sentence that asks ("Also ein dritter Mann?"):
        # 1 of the fitting data's 1,000 sentences with a gold answer is one (README, "Sentences that ask").
        chosen = [best]
        floor = logits[best] + math.log(model.extra_sentence) if model.extra_sentence > 0 else -math.inf
        limit = min(model.max_sentences, self.max_sentences)
        for i in np.argsort(-logits):
            i = int(i)
            if len(chosen) >= limit or logits[i] < floor:
                break
            if i == best or hits[candidates[i].hit].article_id != hits[candidates[best].hit].article_id:
                continue
            if not asks(candidates[i].text) and not _repeats(candidates[i].text, [candidates[c].text for c in chosen]):
                chosen.append(i)
        question = reading.question
        if question.asks_quantity and limit > 1:
            chosen = self._with_holding(reading, logits, chosen, limit, lambda text: self._quantity(question, text))
            if named_currency(question) is not None:  # "… in euros?": "(umgerechnet 730 Euro)" over "799 Dollar"
                chosen = self._with_holding(
                    reading,
                    logits,
                    chosen,
                    limit,
                    lambda text: names_currency(question, text) and self._quantity(question, text),
                )
        # "Who heads the excavation …?" gets "… sagte die Ausgrabungsleiterin Mirella Serlorenzi.", not only sentences
        # on the dig that name no one (first_names.py); so does "Which actor plays …?" (roles.py). Someone named by
        # surname alone is named ("Bravo parierte …": `_with_full_name` adds the full name), and so is someone
        # described by age ("der mutmaßliche Drahtzieher, ein 43 Jahre alter Ungar").
        if limit > 1 and asks_for_someone(question):
            article = hits[candidates[best].hit].article_id
            told = [c.text for c in candidates if hits[c.hit].article_id == article]
            chosen = self._with_holding(
                reading,
                logits,
                chosen,
                limit,
                lambda text: (
                    names_person(text, question.terms)
                    or _by_surname(text, question, told)
                    or ages_someone(question, text)
                ),
            )
        if limit > 1 and (question.qtype == "who" or WHICH.match(question.text)):
            chosen = _with_full_name(reading, chosen, limit)
        # "Why …?" is answered by what follows the sentence that tells the event, often in words the question does
        # not use and without a cause word ("… gestalten sich schwierig. Denn der Tunnel … Die Stelle ist nur über
        # die Schienen zu erreichen."): the sentence after the best (and after the chosen ones that follow it) joins.
        # So does it for "What caused …?", "Was war die Ursache …?".
        if limit > 1 and (question.qtype == "why" or ASKS_CAUSE.match(question.text)):
            chosen = _with_following(reading, chosen, limit)
        # What the article tells is not known is no answer, but the asker may want to know that the news says so:
        # "Laut den indexierten Nachrichten ist das nicht bekannt:" and the sentence that tells it (README, "What the
        # news says is not known")
        if self.checks_kind and (unknown := self._told_not_known(reading, best)) is not None:
            return self._refusal_quoting(not_known_text(question.text), [unknown], reading, probability)
        # An answer without the kind of answer asked for is none, however likely the model finds it: no amount of
        # money, count, time, share, span of time, measure or currency for a question that asks for one (README,
        # "Answers of the kind asked for")
        texts = [candidates[i].text for i in chosen]
        if self.checks_kind and self.lacks_kind(question, texts):
            # An amount in another currency than the one asked for is no answer, but the asker may want it: the
            # refusal says so and quotes it ("The indexed news gives no amount in euros. What it gives: …")
            currency = named_currency(question)
            if (
                currency is not None
                and currency_unanswered(question, texts)
                and (priced := [i for i, text in zip(chosen, texts, strict=True) if amount_given(question, text)])
            ):
                return self._refusal_quoting(other_currency_text(question.text, currency), priced, reading, probability)
            return self._abstain(question.text, probability)
        answer = self._compose(question.text, chosen, candidates, hits, probability)
        return replace(answer, unsure=probability < self.unsure_below)

    def lacks_kind(self, question: Question, sentences: Sequence[str]) -> bool:
        """Whether an answer of `sentences` lacks the kind of answer the question asks for: a time to a question
        that opens asking when (one not told as past to a question for when something will happen), an amount of
        money or a count to a question for one, a share to one for a share, a span of time to one asking how long,
        a number in a unit of the measure asked for, the currency a question names (evidence.py `time_unanswered`,
        `time_to_come_unanswered`, `quantity_unanswered`, `share_unanswered`, `duration_unanswered`,
        `measure_unanswered`, `currency_unanswered`)."""
        return (
            time_unanswered(question, sentences)
            or time_to_come_unanswered(question, sentences)
            or share_unanswered(question, sentences)
            or duration_unanswered(question, sentences)
            or measure_unanswered(question, sentences)
            or currency_unanswered(question, sentences)
            or quantity_unanswered(question, sentences, lambda sentence: self._quantity(question, sentence))
        )

    def _told_not_known(self, reading: Reading, best: int) -> int | None:
        """The best article's sentence that tells what the question asks for is not known (evidence.py
        `told_not_known`), when question and article are in one language; None without one. Across languages the
        words of the two cannot be compared."""
        hits, candidates = reading.hits, reading.candidates
        article = hits[candidates[best].hit]
        if language_pair(reading.question.language, article.meta.language) != "same":
            return None
        return next(
            (
                i
                for i, candidate in enumerate(candidates)
                if hits[candidate.hit].article_id == article.article_id
                and told_not_known(reading.question, candidate.text)
            ),
            None,
        )

    def _with_holding(
        self, reading: Reading, logits: np.ndarray, chosen: list[int], limit: int, holds: Callable[[str], float | bool]
    ) -> list[int]:
        """`chosen` with, when none of them `holds` what the question asks for (the quantity, `_quantity`; in the
        currency it names; someone it does not name), the likeliest sentence of the best's article that does (down
        to HOLDING_EXTRA of the best's probability), in place of the last further sentence when the answer is full."""
        candidates, hits = reading.candidates, reading.hits
        if any(holds(candidates[i].text) for i in chosen):
            return chosen
        article = hits[candidates[chosen[0]].hit].article_id
        floor = logits[chosen[0]] + math.log(HOLDING_EXTRA)
        for i in np.argsort(-logits):
            i = int(i)
            if logits[i] < floor:
                break
            if i in chosen or hits[candidates[i].hit].article_id != article or asks(candidates[i].text):
                continue
            if holds(candidates[i].text):
                return [*chosen[: limit - 1], i]
        return chosen

    def answer_by_similarity(self, reading: Reading) -> Answer:
        candidates, hits, similarity, scores = reading.candidates, reading.hits, reading.similarity, reading.scores
        confidence = float(similarity.max())
        if confidence < self.min_sentence:
            return self._abstain(reading.question.text, confidence)
        order = np.argsort(-scores)
        # Sentences close behind the best one join it: when the reader hesitates, the answer is often in the
        # second or third sentence while the best one only restates the question.
        best = scores[order[0]]
        chosen = [int(order[0])]
        for i in order[1:]:
            if len(chosen) == self.max_sentences or scores[i] < best - self.sentence_margin:
                break
            said = [candidates[c].text for c in chosen]
            if similarity[i] >= self.min_sentence and not _repeats(candidates[i].text, said):
                chosen.append(int(i))
        return self._compose(reading.question.text, chosen, candidates, hits, confidence)

    def _compose(
        self, question: str, chosen: list[int], candidates: list[Candidate], hits: Sequence[Hit], confidence: float
    ) -> Answer:
        # in the order the article tells it, its title first (each article after its first hit)
        first = {hits[c.hit].article_id: c.hit for c in reversed(candidates)}

        def told(i: int) -> tuple[int, bool, int, int]:
            hit = hits[candidates[i].hit]
            return first[hit.article_id], not candidates[i].title, hit.position, i

        chosen = sorted(chosen, key=told)
        # Sentences of one article in a row share one citation: "A. B. [1]", not "A. [1] B. [1]".
        parts: list[str] = []
        for position, i in enumerate(chosen):
            n = candidates[i].hit
            parts.append(candidates[i].text)
            following = chosen[position + 1] if position + 1 < len(chosen) else None
            if following is None or hits[candidates[following].hit].article_id != hits[n].article_id:
                parts.append(f"[{n + 1}]")
        return replace(build_answer(question, " ".join(parts), hits, answerer=self.name), confidence=confidence)

    def _refusal_quoting(self, text: str, chosen: list[int], reading: Reading, confidence: float) -> Answer:
        """A refusal that says why (`text`) and quotes the `chosen` sentences that show it, cited: what the news gives
        instead of the currency asked for, or that it says what is asked is not known."""
        answer = self._compose(reading.question.text, chosen, reading.candidates, reading.hits, confidence)
        return replace(answer, text=f"{text}\n{answer.text}", abstained=True)

    def _abstain(self, question: str, confidence: float | None = None) -> Answer:
        return Answer(
            text=abstain_text(question), abstained=True, answerer=self.name, question=question, confidence=confidence
        )

    @property
    def reads_with(self) -> str:
        return "+".join(model.name for model in self._reading_models()) + f", {SPLITTER} splits"

    def read_ahead(self, hits: Sequence[Hit]) -> int:
        """Embed now the candidate sentences a question retrieving these chunks (one article's) would read, with
        the models that would read them, and their words in USE for the evidence model (`rendered_terms`); returns
        how many sentences and words were embedded. Ingest (NEWSBOT_READ_AHEAD=ingest) or
        the reader behind it (=idle, index/reading.py) calls it."""
        sentences = self._readable(hits)
        embedded = sum(self.vectors.fill(model, sentences) for model in self._reading_models())
        if self.model is not None:  # the evidence model reads the question's words in each sentence
            embedded += self.words.fill(rendered_vocabulary(sentences))
        return embedded

    def forget(self, hits: Sequence[Hit]) -> int:
        """Drop the kept vectors of the sentences answers from these chunks (one article's) would read and of their
        words, and the kept splits of their paragraphs: a deleted article leaves none behind (a sentence or word
        another article shares is read again when asked)."""
        sentences = self._readable(hits)
        dropped = self.vectors.forget([model.name for model in self._reading_models()], sentences)
        if self.model is not None:
            dropped += self.words.forget(rendered_vocabulary(sentences))
        for hit in hits:
            self.splits.forget([hit.meta.title, *hit.text.split("\n")], hit.meta.language or "en")
        return dropped


def _quoted_most(articles: Sequence[str], quoted_by: Sequence[Sequence[bool]]) -> str | None:
    """The article whose candidates (each of `articles`) the newest answer that quoted any of them quoted most
    (`quoted_by`: per answer, newest first, whether it quoted each candidate): an earlier answer may have quoted
    another story. None when none quoted one."""
    for quoted in quoted_by:
        counts = Counter(article for article, was in zip(articles, quoted, strict=True) if was)
        if counts:
            return counts.most_common(1)[0][0]
    return None


def asks(sentence: str) -> bool:
    """Whether the sentence is a question (ends in "?", before closing quotes or brackets)."""
    return sentence.rstrip(" \"'»«“”‘’)]").endswith("?")


# A question that may ask for someone without "who": "Which Chilean goalkeeper …?", "Welcher … Mann …?"
WHICH = re.compile(r"\s*(?:which|welche[rsnm]?)\b", re.IGNORECASE)


def _with_full_name(reading: Reading, chosen: list[int], limit: int) -> list[int]:
    """`chosen` with, when they name someone by a surname alone ("Bravo parierte den Elfer …") for a question for
    someone (who, or which), the sentence of the same article that first names them, in full ("… Clubkameraden
    Claudio Bravo."): news names a person in full once, then by surname. It joins the answer; when the answer is
    full, in place of the last further sentence that neither holds the surname nor names someone in full (who may
    be the one asked for)."""
    candidates = reading.candidates
    surnames = bare_surnames([candidates[i].text for i in chosen], reading.question)
    if not surnames:
        return chosen
    told = _in_article_order(reading, chosen[0])
    for surname in surnames:
        said = re.compile(rf"\b{re.escape(surname)}\b")
        first = next((i for i in told if said.search(candidates[i].text)), None)
        if first is None or first in chosen or not named_in_full(surname, candidates[first].text):
            continue
        if len(chosen) < limit:
            return [*chosen, first]
        others = [
            i for i in chosen[1:] if not said.search(candidates[i].text) and not names_someone(candidates[i].text)
        ]
        if others:
            return [i for i in chosen if i != others[-1]] + [first]
    return chosen


def _in_article_order(reading: Reading, sentence: int) -> list[int]:
    """The candidates of the article candidate `sentence` is of, in the order it tells them: its title first."""
    candidates, hits = reading.candidates, reading.hits
    article = hits[candidates[sentence].hit].article_id
    return sorted(
        (i for i, c in enumerate(candidates) if hits[c.hit].article_id == article),
        key=lambda i: (not candidates[i].title, hits[candidates[i].hit].position, i),
    )


def _with_following(reading: Reading, chosen: list[int], limit: int) -> list[int]:
    """`chosen` with the sentence of the best's article that follows the best and the chosen sentences right after
    it, when the answer has room for it and it neither asks nor repeats them (the further sentences the model chose
    stay: one of them may be the reason). The title has no sentence after it."""
    candidates = reading.candidates
    best = chosen[0]
    if len(chosen) >= limit or candidates[best].title:
        return chosen
    told = _in_article_order(reading, best)  # the title first: none follows the best
    after = next((i for i in told[told.index(best) + 1 :] if i not in chosen), None)
    if after is None:
        return chosen
    text = candidates[after].text
    if asks(text) or _repeats(text, [candidates[i].text for i in chosen]):
        return chosen
    return [*chosen, after]


def _by_surname(sentence: str, question: Question, told: Sequence[str]) -> bool:
    """Whether the sentence names someone by surname alone whom a sentence of `told` names in full ("Bravo parierte
    …" after "… Clubkameraden Claudio Bravo.")."""
    return any(named_in_full(surname, other) for surname in bare_surnames([sentence], question) for other in told)


def _repeats(sentence: str, chosen: Sequence[str]) -> bool:
    """Whether most words of `sentence` are already in a chosen sentence: a title and the lead often say the
    same thing twice ("Nordkorea dementiert, Waffen ... geliefert zu haben"). A sentence that says more than a
    chosen one is no repetition: it may hold the detail the question asks for."""
    words = set(tokenize(sentence))
    return bool(words) and any(len(words & set(tokenize(other))) >= NEAR_DUPLICATE * len(words) for other in chosen)
