"""Stories: near-duplicate articles — one wire story run by several outlets — grouped under one story id.

    fingerprint(text) -> Fingerprint        at ingest, per article (the title left out: outlets rewrite it)
    StoryIndex.assign(article_id, fp)   -> the story id of the best matching stored article, else its own id
    StoryMembers(store).attach(hits)    -> at retrieval, each hit names the other articles of its story

A fingerprint is a MinHash signature over the article's word 3-shingles plus the number of distinct shingles.
Two articles are one story when the estimated *containment* of the smaller in the larger, |A ∩ B| / min(|A|, |B|),
reaches the threshold: an outlet that cuts a wire story to half its paragraphs keeps nearly all of that half's
shingles, while Jaccard similarity would halve. A swapped word breaks only the three shingles around it, and
articles on the same topic by different authors share few three-word runs, so containment separates copies from
neighbours (benchmarks/story_grouping.py measures it; the default threshold comes from there).

The hash functions (SEED, NUM_PERM) are part of the stored data: change them and stored fingerprints no longer
compare with new ones.
"""

from __future__ import annotations

import base64
import hashlib
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from index.models import Article, ArticleMeta, Hit

if TYPE_CHECKING:
    from index.store import ChunkStore

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 20261203
#: fewer distinct shingles than this (a text of under ~50 words) never joins a story: in a stub ("The full text
#: of this agency report is no longer available.") the boilerplate alone is half the text
MIN_SHINGLES = 50
#: fewer equal signature values than this is chance, whatever containment it implies: between a short text and a
#: very long one, one or two equal values would already estimate a high containment
MIN_MATCHES = 8
#: stories whose members a searcher keeps read (all forgotten when the store changes)
MAX_KEPT_STORIES = 20_000
DEFAULT_THRESHOLD = 0.35
#: the metadata keys of a fingerprint in an article's first chunk record
FINGERPRINT_KEY = "story_fingerprint"
SHINGLES_KEY = "story_shingles"

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_rng = np.random.default_rng(SEED)
# Multiply-add-shift hashing of 32-bit shingle hashes to 32 bits, one (a, b) per permutation; uint64 wraps.
_A = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)


def words(text: str) -> list[str]:
    """Lower-case word tokens of NFKC-normalised text; punctuation, quotes and dashes are not words."""
    return _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The distinct runs of `size` consecutive words (a shorter text: its words as one shingle)."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


@dataclass(frozen=True)
class Fingerprint:
    """A MinHash signature (NUM_PERM uint32 minima) of a text's shingles and how many distinct shingles it has."""

    signature: np.ndarray
    size: int

    def encode(self) -> str:
        return base64.b64encode(self.signature.astype("<u4").tobytes()).decode("ascii")

    @classmethod
    def decode(cls, text: str, size: int) -> Fingerprint:
        signature = np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)
        if signature.shape != (NUM_PERM,):
            raise ValueError(f"a fingerprint holds {NUM_PERM} values, this one {signature.size}")
        return cls(signature, int(size))

    def to_record(self) -> dict[str, str | int]:
        return {FINGERPRINT_KEY: self.encode(), SHINGLES_KEY: self.size}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Fingerprint | None:
        """The fingerprint in a first chunk's record; None for articles stored without one (or a damaged one)."""
        text = record.get(FINGERPRINT_KEY)
        if not isinstance(text, str) or not text:
            return None
        try:
            return cls.decode(text, int(record.get(SHINGLES_KEY) or 0))
        except ValueError:
            return None


def fingerprint(text: str) -> Fingerprint:
    grams = shingles(text)
    if not grams:
        return Fingerprint(np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32), 0)
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(g.encode("utf-8", "surrogatepass"), digest_size=4).digest(), "little")
            for g in grams
        ),
        dtype=np.uint64,
        count=len(grams),
    )
    permuted = (hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return Fingerprint(permuted.min(axis=0).astype(np.uint32), len(grams))


def containment(jaccard: np.ndarray | float, size_a: np.ndarray | int, size_b: np.ndarray | int) -> np.ndarray:
    """|A ∩ B| / min(|A|, |B|) from the Jaccard similarity J and the sizes: |A ∩ B| = J (|A| + |B|) / (1 + J)."""
    j = np.asarray(jaccard, dtype=np.float64)
    a = np.asarray(size_a, dtype=np.float64)
    b = np.asarray(size_b, dtype=np.float64)
    smaller = np.maximum(np.minimum(a, b), 1.0)
    return np.asarray(np.minimum(1.0, j * (a + b) / ((1.0 + j) * smaller)))


def story_scores(signatures: np.ndarray, sizes: np.ndarray, fp: Fingerprint) -> np.ndarray:
    """The estimated containment between `fp` and each row of `signatures` (with its shingle count in `sizes`);
    0 where either text is too short or too few values agree to tell."""
    matches = (signatures == fp.signature).sum(axis=1)
    scores = containment(matches / NUM_PERM, sizes, fp.size)
    scores[(matches < MIN_MATCHES) | (sizes < MIN_SHINGLES)] = 0.0
    if fp.size < MIN_SHINGLES:
        scores[:] = 0.0
    return scores


def story_score(a: Fingerprint, b: Fingerprint) -> float:
    """How much one of two texts is contained in the other, as grouping sees it (see `story_scores`)."""
    return float(story_scores(b.signature[None, :], np.array([b.size]), a)[0])


class StoryIndex:
    """The fingerprints of stored articles, to find the story a new one belongs to.

    Filled from the store (`load`) and by `assign` as articles are ingested, so copies within one batch find each
    other. A match needs containment >= `threshold`; the best match's story wins (stories are never merged).
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"the story threshold is a containment between 0 and 1, got {threshold}")
        self.threshold = threshold
        self._article_ids: list[str] = []
        self._story_ids: list[str] = []
        self._row: dict[str, int] = {}
        self._signatures = np.zeros((0, NUM_PERM), dtype=np.uint32)
        self._sizes = np.zeros(0, dtype=np.int64)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def load(self, store: ChunkStore) -> StoryIndex:
        """Add every stored article that has a fingerprint."""
        for record in store.article_records():
            fp = Fingerprint.from_record(record)
            article_id = str(record.get("article_id") or "")
            if fp is not None and article_id:
                self.add(article_id, str(record.get("story_id") or article_id), fp)
        return self

    def add(self, article_id: str, story_id: str, fp: Fingerprint) -> None:
        """Remember an article; a later add of the same article replaces it (its text changed)."""
        row = self._row.get(article_id)
        if row is None:
            row = self._count
            if row == len(self._sizes):
                grow = max(64, 2 * row)
                self._signatures = np.vstack([self._signatures, np.zeros((grow, NUM_PERM), dtype=np.uint32)])
                self._sizes = np.concatenate([self._sizes, np.zeros(grow, dtype=np.int64)])
            self._article_ids.append(article_id)
            self._story_ids.append(story_id)
            self._row[article_id] = row
            self._count += 1
        else:
            self._story_ids[row] = story_id
        self._signatures[row] = fp.signature
        self._sizes[row] = fp.size

    def match(self, fp: Fingerprint, *, exclude: str = "") -> tuple[str, float] | None:
        """(story id, containment) of the stored article most contained in or containing this one, if any reaches
        the threshold; `exclude` leaves out an article (itself, when its text changed)."""
        if fp.size < MIN_SHINGLES or self._count == 0:
            return None
        scores = story_scores(self._signatures[: self._count], self._sizes[: self._count], fp)
        if exclude in self._row:
            scores[self._row[exclude]] = 0.0
        best = int(np.argmax(scores))
        if scores[best] < self.threshold:
            return None
        return self._story_ids[best], float(scores[best])

    def assign(self, article_id: str, fp: Fingerprint) -> str:
        """The article's story id — its best match's, else its own — remembered for the articles that follow."""
        found = self.match(fp, exclude=article_id)
        story_id = found[0] if found else article_id
        self.add(article_id, story_id, fp)
        return story_id


def story_key(hit: Hit) -> str:
    """What makes hits one story: the story id, else (articles stored before stories) the article."""
    return hit.meta.story_id or hit.article_id or hit.chunk_id


def collapse(hits: Sequence[Hit]) -> list[Hit]:
    """The hits with every article of a story but the first (best ranked) left out."""
    first_article: dict[str, str] = {}
    kept: list[Hit] = []
    for hit in hits:
        if first_article.setdefault(story_key(hit), hit.article_id) == hit.article_id:
            kept.append(hit)
    return kept


class StoryMembers:
    """story id -> the stored articles of that story, to name a hit's other reports.

    While the store keeps an up-to-date listing of its articles (`ChunkStore.kept_articles`: a long-running
    process keeps it current while idle, index/reading.py), the stories come from it, grouped once per change of
    the store: no store read at all. Otherwise each story is read when a hit first needs it (one Chroma query for
    a search's new stories: 7-10 ms at 50,000 chunks, where reading every article's record cost 1.5 s on a
    process's first question) and kept until the store changes (`ChunkStore.changes`, as the lexical index does).
    """

    def __init__(self, store: ChunkStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._read_for: tuple[int, int] | None = None
        self._members: dict[str, list[tuple[str, ArticleMeta]]] = {}
        #: the listing's stories of more than one article, and the listing's key they were grouped for
        self._grouped: tuple[tuple[int, int], dict[str, list[tuple[str, ArticleMeta]]]] | None = None

    def attach(self, hits: Sequence[Hit]) -> list[Hit]:
        """Each hit with `also_reported_by`: the other stored articles of its story, oldest first."""
        wanted = {hit.meta.story_id for hit in hits if hit.meta.story_id}
        if not wanted:
            return list(hits)
        members = self._read(wanted)
        attached: list[Hit] = []
        for hit in hits:
            others = [meta for article_id, meta in members.get(hit.meta.story_id, ()) if article_id != hit.article_id]
            attached.append(replace(hit, also_reported_by=tuple(others)) if others else hit)
        return attached

    def _read(self, story_ids: set[str]) -> dict[str, list[tuple[str, ArticleMeta]]]:
        listed = self._listed()
        if listed is not None:
            return {story: listed.get(story, []) for story in story_ids}
        with self._lock:
            key = self.store.changes()
            if key != self._read_for or len(self._members) > MAX_KEPT_STORIES:
                self._members = {}
                self._read_for = key
            missing = sorted(story_ids - self._members.keys())
            if missing:
                found: dict[str, list[tuple[str, ArticleMeta]]] = {story: [] for story in missing}
                for record in self.store.story_records(missing):
                    meta = ArticleMeta.from_record(record)
                    if meta.story_id in found:
                        found[meta.story_id].append((str(record.get("article_id") or ""), meta))
                for story, articles in found.items():
                    self._members[story] = _oldest_first(articles)
            return {story: self._members[story] for story in story_ids}

    def _listed(self) -> dict[str, list[tuple[str, ArticleMeta]]] | None:
        """The stories of more than one article in the store's kept listing (None while it is not current); a
        story missing from it is one article's."""
        kept = self.store.kept_articles()
        if kept is None:
            return None
        key, articles = kept
        with self._lock:
            if self._grouped is None or self._grouped[0] != key:
                stories: dict[str, list[tuple[str, ArticleMeta]]] = {}
                for article in articles.values():
                    if article.meta.story_id:
                        stories.setdefault(article.meta.story_id, []).append((article.article_id, article.meta))
                self._grouped = (key, {s: _oldest_first(m) for s, m in stories.items() if len(m) > 1})
            return self._grouped[1]


def _oldest_first(articles: list[tuple[str, ArticleMeta]]) -> list[tuple[str, ArticleMeta]]:
    return sorted(articles, key=lambda a: (a[1].published_ts or 0.0, a[1].outlet, a[1].url))


class StoryAssigner:
    """At ingest: each new or changed article's fingerprint and story, against the stored articles and those
    assigned before it. `threshold` 0 fingerprints but groups nothing: every article is a story of its own.

    The Newsroom keeps one for its life: the stored fingerprints are read when the first article needs them, and
    again only when the store changed behind its back (a delete, another process's ingest); its own writes are
    already in the index. Safe to call from several threads (the bot runs adds side by side).
    """

    def __init__(self, store: ChunkStore, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold
        self._lock = threading.Lock()
        self._index: StoryIndex | None = None
        self._synced_for: tuple[int, int] | None = None
        self._fingerprints: dict[str, Fingerprint] = {}

    def assign(self, article: Article) -> Article:
        """The article with its story id set; its fingerprint is kept for `record`."""
        fp = fingerprint(article.text)
        with self._lock:
            self._fingerprints[article.id] = fp
            story_id = self._current().assign(article.id, fp) if self.threshold > 0 else article.id
        return replace(article, meta=replace(article.meta, story_id=story_id))

    def record(self, article_id: str) -> dict[str, str | int]:
        """What the article's first chunk stores of its fingerprint (nothing if it was never assigned)."""
        with self._lock:
            fp = self._fingerprints.pop(article_id, None)
        return fp.to_record() if fp is not None else {}

    def stored(self) -> None:
        """An assigned article was just written to the store: the index knew it already, so it is still current
        (unless some other write came in between, and then it is read again when next needed)."""
        with self._lock:
            if self._synced_for is not None and self._synced_for[0] == self.store.revision - 1:
                self._synced_for = self._store_state()

    def _current(self) -> StoryIndex:
        state = self._store_state()
        if self._index is None or state != self._synced_for:
            self._index = StoryIndex(self.threshold).load(self.store)
            self._synced_for = state
        return self._index

    def _store_state(self) -> tuple[int, int]:
        return self.store.changes()
