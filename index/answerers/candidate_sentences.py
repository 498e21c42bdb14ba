"""The extractive answerer's candidate sentences (extractive.py's `ExtractiveAnswerer` inherits them): the sentences
of the hits (and their articles' titles) that can carry an answer, and each one's similarity to the question and
ranking score: read by the reader model, among the shortlist the faster shortlister picks, or by the retrieval
embedder plus priors (the hit's relevance and the question's words a sentence shares). A sentence read before is
not embedded again (sentences.py `SentenceVectors`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index.answerers.evidence import Candidate
from index.answerers.sentences import SentenceSplits, SentenceVectors
from index.embedders import Embedder
from index.lexical import tokenize
from index.models import Hit
from index.segmentation import split_sentences

MIN_SENTENCE_WORDS = 4
# A line without closing punctuation is a heading ("Das Wichtigste in Kürze") unless it is this long.
MIN_HEADING_WORDS = 10
HIT_WEIGHT = 0.5
OVERLAP_WEIGHT = 0.3
# When the reader reads every candidate, a sentence's score is its similarity plus this share of its hit's
# relevance: of two sentences the reader rates alike, the one in the more relevant chunk wins. On XQuAD dev with
# use+e5 (632 English questions, 1,000 distractors; re-scoring each question's hits offline) containment rose
# 0.794 -> 0.804 at answers 4 % shorter; with the German questions it stayed level (0.854 -> 0.853) at answers
# 6 % shorter.
READER_HIT_WEIGHT = 0.3


class CandidateSentences:
    """The candidate sentences of an answerer's hits and how its models read them (the models, the shortlist and
    the kept vectors and splits are the answerer's: `ExtractiveAnswerer.__init__`)."""

    embedder: Embedder
    reader: Embedder
    shortlister: Embedder
    shortlist: int | None
    vectors: SentenceVectors
    splits: SentenceSplits

    def _candidates(self, hits: Sequence[Hit]) -> list[Candidate]:
        """The sentences of the top hits that can carry an answer.

        An article's title is a candidate too (once): news titles often state the answer in one line. A title the
        store made of the article's first sentence (an untitled article, index/text.py `title_from_text`) is not: it
        would only repeat the first sentence (and the evidence model was fitted without such twins).
        """
        readings: list[tuple[str, list[str]]] = []  # each hit's title ("" for none) and paragraphs
        seen_articles: set[str] = set()
        for hit in hits:
            title = ""
            first_chunk = hit.position == 0
            if hit.article_id not in seen_articles:
                seen_articles.add(hit.article_id)
                title = "" if first_chunk and _begins_with(hit.text, hit.meta.title) else hit.meta.title
            readings.append((title, [title, *hit.text.split("\n")] if title else hit.text.split("\n")))
        split = self._split(hits, [paragraphs for _, paragraphs in readings])
        candidates: list[Candidate] = []
        seen: set[tuple[int, str]] = set()
        for n, (hit, (title, _)) in enumerate(zip(hits, readings, strict=True)):
            lead = hit.position == 0
            for position, sentences in enumerate(split[n]):
                is_title = bool(title) and position == 0
                for sentence in sentences:
                    if _can_answer(sentence) and (n, sentence) not in seen:
                        seen.add((n, sentence))
                        candidates.append(Candidate(n, sentence, title=is_title, lead=lead and not is_title))
                    if not is_title:
                        lead = False
        return candidates

    def _split(self, hits: Sequence[Hit], paragraphs: list[list[str]]) -> list[list[tuple[str, ...]]]:
        """Each hit's paragraphs' sentences, split in the hit's language (kept splits looked up once a language)."""
        by_language: dict[str, list[str]] = {}
        for hit, own in zip(hits, paragraphs, strict=True):
            by_language.setdefault(hit.meta.language or "en", []).extend(own)
        split = {language: iter(self.splits.of(texts, language)) for language, texts in by_language.items()}
        return [
            [next(split[hit.meta.language or "en"]) for _ in own] for hit, own in zip(hits, paragraphs, strict=True)
        ]

    def _score(
        self,
        question: str,
        sentences: list[str],
        hits: Sequence[Hit],
        candidates: list[Candidate],
        *,
        every: bool = False,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each candidate's similarity to the question, and its ranking score.

        With a separate reader model, the reader's similarity ranks the candidates (plus READER_HIT_WEIGHT of the
        hit's relevance when the reader is part of the retrieval embedder). When `shortlist` is set, the
        shortlister first picks that many (`shortlisted`) and the reader reads only those; the others keep a
        similarity of -1 and cannot be chosen. With no separate reader, the embedder's similarity plus the hit's
        relevance and the share of the question's words a sentence contains.
        """
        if self.reader is self.embedder:
            similarity = self._similarity(self.embedder, question, sentences)
            return similarity, similarity + self._prior(question, sentences, hits, candidates)
        read = np.full(len(candidates), -1.0)
        picked = np.arange(len(candidates)) if every else self.shortlisted(question, sentences, hits, candidates)
        read[picked] = self._similarity(self.reader, question, [sentences[i] for i in picked])
        return read, self.reader_scores(read, hits, candidates)

    def shortlisted(
        self, question: str, sentences: list[str], hits: Sequence[Hit], candidates: list[Candidate]
    ) -> np.ndarray:
        """The candidates the reader reads: every one without a shortlist, else the `shortlist` the shortlister
        rates best (its similarity plus the hit's relevance and the question's words a sentence shares)."""
        if self.shortlist is None or len(candidates) <= self.shortlist:
            return np.arange(len(candidates))
        similarity = self._similarity(self.shortlister, question, sentences)
        prior = self._prior(question, sentences, hits, candidates)
        return np.sort(np.argsort(-(similarity + prior), kind="stable")[: self.shortlist])

    def reader_scores(self, read: np.ndarray, hits: Sequence[Hit], candidates: list[Candidate]) -> np.ndarray:
        """The reader's ranking score of candidates it read (-1: unread): its similarity plus READER_HIT_WEIGHT of
        the hit's relevance, except for a separate reader over the retrieval embedder's shortlist, which ranks best
        alone (adding the priors again lost 3 points of containment)."""
        if self.shortlist is not None and self.reader not in self.embedder.parts:
            return read
        boost = READER_HIT_WEIGHT * np.array([hits[c.hit].score for c in candidates])
        return np.where(read > -1, read + boost, -1.0)

    @staticmethod
    def _prior(question: str, sentences: list[str], hits: Sequence[Hit], candidates: list[Candidate]) -> np.ndarray:
        question_terms = set(tokenize(question))
        overlap = np.array(
            [len(question_terms & set(tokenize(sentence))) / max(1, len(question_terms)) for sentence in sentences]
        )
        return HIT_WEIGHT * np.array([hits[c.hit].score for c in candidates]) + OVERLAP_WEIGHT * overlap

    def _similarity(self, model: Embedder, question: str, sentences: list[str]) -> np.ndarray:
        similarity: np.ndarray = self._sentence_vectors(model, sentences) @ model.embed_query(question)
        return similarity

    def _sentence_vectors(self, model: Embedder, sentences: list[str]) -> np.ndarray:
        """The model's vectors of the sentences; a sentence read before is not embedded again (the sentences of an
        article come back with every question about it, and reading is most of an answer's CPU)."""
        return self.vectors.of(model, sentences)

    def _readable(self, hits: Sequence[Hit]) -> list[str]:
        """The sentences answers from these chunks (one article's) may read."""
        sentences = [c.text for c in self._candidates(hits)]
        if hits:  # the title is read whenever a later chunk is an article's first hit, derived from text or not
            meta = hits[0].meta
            sentences += [s for s in split_sentences(meta.title, meta.language or "en") if _can_answer(s)]
        return sentences

    def _reading_models(self) -> list[Embedder]:
        models = [self.reader]
        if self.reader is not self.embedder and self.shortlist is not None:
            models.append(self.shortlister)  # it shortlists every candidate for the reader
        return models


def _begins_with(text: str, title: str) -> bool:
    """Whether the text starts with the title (one cut short with "…" by its start)."""
    head = " ".join(title.rstrip().removesuffix("…").split())
    return bool(head) and " ".join(text[: len(title) + 200].split()).startswith(head)


def _can_answer(sentence: str) -> bool:
    words = len(sentence.split())
    if words < MIN_SENTENCE_WORDS:
        return False
    return sentence.rstrip().endswith((".", "!", "?", "»", "«", '"', "“", "”", ")", "…")) or words >= MIN_HEADING_WORDS
