"""The offline answerer: picks the sentence(s) of the retrieved chunks that answer the question, or abstains.

No LLM: the candidates are the sentences of the hits (and their articles' titles). A reader model (e5 by
default) rates each candidate's similarity to the question. When the reader is part of the retrieval embedder
(use+e5) it reads every candidate, and the hit's relevance breaks near-ties; otherwise the retrieval embedder
first shortlists READER_SHORTLIST candidates by its own similarity plus the hit's relevance and shared words.
With no separate reader, the embedder's similarity plus those priors decides. The answer is the best sentence
verbatim (in the article's language) with its [n] citation, followed by up to two more when they score almost as
high (within SENTENCE_MARGIN) and do not repeat it: one sentence when the reader is sure, up to three when it is
not. It abstains — "the indexed news does not say" — when no hit reaches `min_relevance` or no sentence reaches
`min_sentence`, thresholds calibrated per model on XQuAD dev. `Answer.confidence` is the best sentence's
similarity, the number `min_sentence` is compared with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from index.answerers.base import Answerer, abstain_text, build_answer
from index.embedders import Embedder
from index.language import split_sentences
from index.lexical import tokenize
from index.models import Answer, Hit

MIN_SENTENCE_WORDS = 4
# A line without closing punctuation is a heading ("Das Wichtigste in Kürze") unless it is this long.
MIN_HEADING_WORDS = 10
HIT_WEIGHT = 0.5
OVERLAP_WEIGHT = 0.3
# How many sentences a separate reader model re-scores (it is slower than the retrieval embedder).
READER_SHORTLIST = 8
# When the reader reads every candidate, a sentence's score is its similarity plus this share of its hit's
# relevance: of two sentences the reader rates alike, the one in the more relevant chunk wins. On XQuAD dev with
# use+e5 (632 English questions, 1,000 distractors; re-scoring each question's hits offline) containment rose
# 0.794 -> 0.804 at answers 4 % shorter; with the German questions it stayed level (0.854 -> 0.853) at answers
# 6 % shorter.
READER_HIT_WEIGHT = 0.3
MAX_SENTENCES = 3
# A sentence with this share of its words in one already chosen says nothing new and does not join. Dropping
# them cost no containment on XQuAD dev at 0.7 (at 0.6, symmetric, it cost 0.3 points).
NEAR_DUPLICATE = 0.7


class ExtractiveAnswerer(Answerer):
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
    ) -> None:
        if max_sentences < 1 or (shortlist is not None and shortlist < 1):
            raise ValueError("max_sentences and shortlist must be at least 1")
        self.embedder = embedder
        self.reader = reader or embedder
        self.min_sentence = self.reader.profile.min_sentence if min_sentence is None else min_sentence
        self.max_sentences = max_sentences
        self.shortlist = shortlist
        self.sentence_margin = self.reader.profile.sentence_margin if sentence_margin is None else sentence_margin

    def answer(self, question: str, hits: Sequence[Hit]) -> Answer:
        candidates = self._candidates(hits)
        if not candidates:
            return self._abstain(question)
        similarity, scores = self._score(question, candidates, hits)
        confidence = float(similarity.max())
        if confidence < self.min_sentence:
            return self._abstain(question, confidence)
        order = np.argsort(-scores)
        # Sentences close behind the best one join it: when the reader hesitates, the answer is often in the
        # second or third sentence while the best one only restates the question.
        best = scores[order[0]]
        chosen = [int(order[0])]
        for i in order[1:]:
            if len(chosen) == self.max_sentences or scores[i] < best - self.sentence_margin:
                break
            said = [candidates[c][1] for c in chosen]
            if similarity[i] >= self.min_sentence and not _repeats(candidates[i][1], said):
                chosen.append(int(i))
        chosen.sort(key=lambda i: (candidates[i][0], i))
        # Sentences of one article in a row share one citation: "A. B. [1]", not "A. [1] B. [1]".
        parts: list[str] = []
        for position, i in enumerate(chosen):
            n, sentence = candidates[i]
            parts.append(sentence)
            following = chosen[position + 1] if position + 1 < len(chosen) else None
            if following is None or hits[candidates[following][0]].article_id != hits[n].article_id:
                parts.append(f"[{n + 1}]")
        return replace(build_answer(question, " ".join(parts), hits, answerer=self.name), confidence=confidence)

    def _abstain(self, question: str, confidence: float | None = None) -> Answer:
        return Answer(
            text=abstain_text(question), abstained=True, answerer=self.name, question=question, confidence=confidence
        )

    def _candidates(self, hits: Sequence[Hit]) -> list[tuple[int, str]]:
        """(hit index, sentence) for the sentences of the top hits that can carry an answer.

        An article's title is a candidate too (once): news titles often state the answer in one line.
        """
        candidates: list[tuple[int, str]] = []
        seen: set[str] = set()
        for n, hit in enumerate(hits):
            paragraphs = hit.text.split("\n")
            if hit.article_id not in seen:
                seen.add(hit.article_id)
                paragraphs.insert(0, hit.meta.title)
            for paragraph in paragraphs:
                for sentence in split_sentences(paragraph, hit.meta.language or "en"):
                    if _can_answer(sentence) and (n, sentence) not in candidates:
                        candidates.append((n, sentence))
        return candidates

    def _score(
        self, question: str, candidates: list[tuple[int, str]], hits: Sequence[Hit]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each candidate's similarity to the question, and its ranking score (similarity plus the hit's
        relevance plus the share of the question's words it contains).

        With a separate reader model, the reader's similarity alone ranks the candidates. When `shortlist` is
        set, the retrieval embedder first picks that many and the reader reads only those; the others keep a
        similarity of -1 and cannot be chosen.
        """
        sentences = [sentence for _, sentence in candidates]
        if self.reader is not self.embedder and self.shortlist is None:
            read = self._similarity(self.reader, question, sentences)
            return read, read + READER_HIT_WEIGHT * np.array([hits[n].score for n, _ in candidates])
        question_terms = set(tokenize(question))
        overlap = np.array(
            [
                len(question_terms & set(tokenize(sentence))) / max(1, len(question_terms))
                for _, sentence in candidates
            ]
        )
        prior = HIT_WEIGHT * np.array([hits[n].score for n, _ in candidates]) + OVERLAP_WEIGHT * overlap
        similarity = self._similarity(self.embedder, question, sentences)
        if self.reader is self.embedder:
            return similarity, similarity + prior
        shortlist = np.argsort(-(similarity + prior))[: self.shortlist]
        read = np.full(len(candidates), -1.0)
        read[shortlist] = self._similarity(self.reader, question, [candidates[i][1] for i in shortlist])
        # The reader's similarity alone ranks best: adding the priors again lost 3 points of containment.
        return read, read

    @staticmethod
    def _similarity(model: Embedder, question: str, sentences: list[str]) -> np.ndarray:
        return model.embed_documents(sentences) @ model.embed_query(question)


def _repeats(sentence: str, chosen: Sequence[str]) -> bool:
    """Whether most words of `sentence` are already in a chosen sentence: a title and the lead often say the
    same thing twice ("Nordkorea dementiert, Waffen ... geliefert zu haben"). A sentence that says more than a
    chosen one is no repetition: it may hold the detail the question asks for."""
    words = set(tokenize(sentence))
    return bool(words) and any(len(words & set(tokenize(other))) >= NEAR_DUPLICATE * len(words) for other in chosen)


def _can_answer(sentence: str) -> bool:
    words = len(sentence.split())
    if words < MIN_SENTENCE_WORDS:
        return False
    return sentence.rstrip().endswith((".", "!", "?", "»", "«", '"', "“", "”", ")", "…")) or words >= MIN_HEADING_WORDS
