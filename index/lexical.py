"""Lexical retrieval: BM25 over the stored chunks (bm25s), brought up to date when the store changes.

Dense retrieval carries meaning across languages; BM25 catches what embeddings blur: names, numbers and rare
words shared by question and article ("Kirby", "2019"). Retrieval fuses both (see retrieval.py).
"""

from __future__ import annotations

import logging
import pickle
import re
import threading
import unicodedata
import uuid
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from index.modelcache import keep_pickle
from index.store import CLOCK_MARGIN_S, ChunkStore

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# A chunk without a word still takes its place in the index.
EMPTY_DOCUMENT = "\u2205"
CACHE_VERSION = 4  # 4: names that fold onto a stop word are tokens (`is_stopword`)

log = logging.getLogger(__name__)

# Function words of the languages most news arrives in; BM25's idf handles the rest.
_STOPWORDS = """
    a an and are as at be by did do does for from had has have he her his how i in is it its of on or she
    that the their them they this to was were what when where which who whom whose why will with you
    der die das den dem des ein eine einer eines einem einen und oder ist sind war waren wird werden hat
    haben hatte hatten zu zum zur im in am an auf aus bei mit nach von vor für über unter um wie was wer
    wen wem wessen wann wo warum welche welcher welches sich nicht auch es er sie wir ihr man dass als
    le la les un une des et est sont de du au aux en que qui quoi quand où pourquoi comment
    el los las y es son del que quien cuando donde por para como
    """


def fold(text: str) -> str:
    """Lower case without accents, so "Äusserungen" meets "ausserungen" and "für" meets "fur"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


STOPWORDS = frozenset(fold(word) for word in _STOPWORDS.split())
# A stop word written with a diacritic folds onto a name written without one: "über" onto the company "Uber",
# "für" onto "Fur". Capitalised and without the diacritic, the word is that name, and kept: before, "Uber?" was "no
# indexed article is about" it over news that names Uber.
_NAME_FORMS = [
    form
    for folded in sorted({fold(w) for w in _STOPWORDS.split() if fold(w) != w and len(w) > 2})
    for form in (folded.capitalize(), folded.upper())
]
_NAME_LIKE_STOPWORD = re.compile(r"\b(?:" + "|".join(_NAME_FORMS) + r")\b")
#: the endings of an inflected name or noun, in German and English ("Nordkoreas", "Absturzes", "Flüchtlingen")
INFLECTIONS = frozenset({"", "s", "es", "n", "en", "e", "er", "ern", "ns"})


def is_stopword(word: str) -> bool:
    """Whether a word, as written, is a stop word: "über", "uber" and "The" are, "Uber" is not."""
    return fold(word) in STOPWORDS and not _NAME_LIKE_STOPWORD.fullmatch(word)


def tokenize(text: str) -> list[str]:
    """Folded word tokens (see `fold`) without stop words (but for names that fold onto one: `is_stopword`)."""
    folded = fold(text)
    tokens = [t for t in TOKEN_RE.findall(folded) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]
    # a substring test first, of the text as written: "fur" (folded "für") is in nearly every German text
    if any(form in text for form in _NAME_FORMS):
        tokens.extend(fold(name) for name in _NAME_LIKE_STOPWORD.findall(text))
    return tokens


def one_letter_apart(word: str, other: str) -> bool:
    """Whether two words of one length differ in one letter ("wladimir", "vladimir")."""
    return len(word) == len(other) and sum(a != b for a, b in zip(word, other, strict=True)) == 1


def content_words(text: str) -> list[str]:
    """The words of `text` without stop words, as written ("the rail strike": "rail", "strike"); folded, they are
    its `tokenize` tokens (but for the odd letter that folds into two, "ﬁ")."""
    return [w for w in TOKEN_RE.findall(text) if not is_stopword(w) and (len(w) > 1 or w.isdigit())]


class LexicalIndex:
    """BM25 over every chunk in a store, brought up to date lazily after the store changed.

    Reading the chunks' text back from Chroma is what costs (13 s at 50,000 chunks; tokenizing and indexing are a
    fraction of it), so each chunk is read and tokenized once: a refresh lists the chunk ids (cheap), drops the
    ones gone, reads only the new ones and the ones written since the last refresh (an article replaced keeps its
    chunk ids), and re-indexes the kept token ids. With an embedded store the built index and the token ids are
    kept in the data dir (`lexical-<collection>.pickle` and `.tokens.pickle`): the next process uses the kept index
    as it is when no chunk changed since (building it costs 1.5 s at 50,000 chunks), and otherwise starts from the
    kept token ids instead of reading every chunk again.
    """

    def __init__(self, store: ChunkStore, cache_path: Path | None = None) -> None:
        """`cache_path`: where to keep the token ids and the index; an embedded store's data dir by default, none
        for a Chroma server unless given (the Newsroom gives one in its data dir)."""
        self.store = store
        if cache_path is None and store.path is not None and not store.host:
            cache_path = store.path / f"lexical-{store.collection_name}.pickle"
        self.cache_path = cache_path
        self._lock = threading.Lock()
        self._built_for: tuple[int, int] | None = None
        self._ids: list[str] = []
        self._bm25: Any = None
        self._vocab: dict[str, int] = {}
        self._tokens: dict[str, array[int]] = {}  # 4 bytes a token: 20 MB for 50,000 chunks
        self._synced_at: float | None = None
        self._kept: tuple[list[str], Any] | None = None  # the index another process built, and its chunk ids
        self._tokens_tag: str | None = None  # names the kept token ids (`<cache>.tokens.pickle`) that match _tokens
        self._tokens_read = True  # False after loading a kept index whose token ids are still on disk
        #: chunks read from the store and indexes built by refreshes so far (tests and benchmarks read them)
        self.chunks_read = 0
        self.indexes_built = 0

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the k best chunks, best first; chunks sharing no term are left out."""
        tokens = tokenize(query)
        if not tokens:
            return []
        with self._lock:
            self._refresh()
            if self._bm25 is None or not self._ids:
                return []
            bm25 = self._bm25
            ids = self._ids
        vocab = bm25.vocab_dict
        known = [t for t in tokens if t in vocab]
        if not known:
            return []
        return [(ids[int(d)], float(s)) for d, s in _top(bm25.get_scores(known), k)]

    def warm_up(self) -> None:
        """Bring the index up to date now (load the kept one, or build it), not at the first search."""
        with self._lock:
            self._refresh()

    def load_kept(self) -> None:
        """Import the BM25 library and read the index another process kept, touching no store: a new process does
        this while the store opens (`warm_up` then only checks it against the store)."""
        with self._lock:
            _import_bm25s()
            if self._synced_at is None and self._built_for is None:
                self._load_cache()

    def document_frequencies(self, tokens: Iterable[str]) -> dict[str, int]:
        """How many stored chunks hold each token (as `tokenize` folds it); 0 for a token no chunk holds.

        Read off the BM25 index (its term-by-chunk matrix keeps one entry per chunk holding the term): a dict
        lookup a token, no pass over the chunks.
        """
        wanted = set(tokens)
        with self._lock:
            self._refresh()
            if self._bm25 is None:
                return dict.fromkeys(wanted, 0)
            indptr = self._bm25.scores["indptr"]
            ids = {token: self._vocab.get(token) for token in wanted}
        # a token first seen after the index was built has an id past the matrix: no indexed chunk holds it
        return {
            token: 0 if i is None or i + 1 >= len(indptr) else int(indptr[i + 1] - indptr[i])
            for token, i in ids.items()
        }

    def _refresh(self) -> None:
        key = self.store.changes()
        if key == self._built_for:
            return
        bm25s = _import_bm25s()
        started = self.store.clock()  # the clock that stamps chunks' ingested_at
        if self._synced_at is None:
            self._load_cache()
        ids = self.store.chunk_ids()
        present = set(ids)

        def written_since_sync() -> set[str]:
            """Replaced articles keep their chunk ids: what was written since the last refresh is read again."""
            if self._synced_at is None:
                return set()
            return set(self.store.chunk_ids(written_after=self._synced_at - CLOCK_MARGIN_S)) & present

        written = written_since_sync()
        kept, self._kept = self._kept, None
        if kept is not None and kept[0] == ids and not written:
            # nothing changed since another process kept its index: use it; its tokens stay on disk until a
            # change needs them (reading them back is a third of a new process's first search)
            self._bm25, self._ids, self._synced_at, self._built_for = kept[1], ids, started, key
            return
        if not self._tokens_read:
            self._read_kept_tokens()
            written = written_since_sync()  # since the kept tokens' own time
        gone = [chunk_id for chunk_id in self._tokens if chunk_id not in present]
        for chunk_id in gone:
            del self._tokens[chunk_id]
        stale = {chunk_id for chunk_id in ids if chunk_id not in self._tokens} | written
        if stale:
            texts = self.store.chunk_texts(sorted(stale))
            for chunk_id, text in texts.items():
                self._tokens[chunk_id] = array("I", (self._token_id(t) for t in tokenize(text) or [EMPTY_DOCUMENT]))
            self.chunks_read += len(texts)
        ids = [chunk_id for chunk_id in ids if chunk_id in self._tokens]
        if ids:
            bm25 = bm25s.BM25()
            bm25.index(([self._tokens[chunk_id].tolist() for chunk_id in ids], dict(self._vocab)), show_progress=False)
            self._bm25 = bm25
            self.indexes_built += 1
        else:
            self._bm25 = None
        self._ids = ids
        self._synced_at = started
        self._built_for = key
        self._save_cache(tokens_changed=bool(stale or gone) or self._tokens_tag is None)

    def _load_cache(self) -> None:
        """Start from the index and vocabulary another process kept (its token ids are read only when needed);
        a missing or unreadable file means reading every chunk."""
        if self.cache_path is None or not self.cache_path.exists():
            return
        try:
            with self.cache_path.open("rb") as handle:
                kept = pickle.load(handle)
            if kept.get("version") != CACHE_VERSION or kept.get("store") != self.store.location:
                return
            self._vocab, self._synced_at = kept["vocab"], float(kept["synced_at"])
            self._tokens_tag, self._tokens_read = str(kept["tokens_tag"]), False
            if kept.get("bm25s") == _bm25s_version() and kept.get("index") is not None:
                self._kept = (list(kept["ids"]), kept["index"])
        except Exception as exc:  # a cache: whatever is wrong with it, the store is read instead
            log.warning("ignoring the lexical index cache %s (%s): reading every chunk", self.cache_path, exc)
            self._vocab, self._synced_at, self._kept, self._tokens_tag, self._tokens_read = {}, None, None, None, True

    def _read_kept_tokens(self) -> None:
        """The token ids kept beside the index, with the vocabulary and the time they go with (another process
        may have kept newer ones since this one read the index); unreadable, every chunk is read again."""
        self._tokens_read = True
        path = self._tokens_path
        try:
            if path is not None and path.exists():
                with path.open("rb") as handle:
                    kept = pickle.load(handle)
                if kept.get("version") == CACHE_VERSION and kept.get("store") == self.store.location:
                    self._vocab, self._tokens = kept["vocab"], kept["tokens"]
                    self._synced_at, self._tokens_tag = float(kept["synced_at"]), str(kept["tag"])
                    return
        except Exception as exc:  # a cache
            log.warning("ignoring the kept BM25 tokens %s (%s): reading every chunk", path, exc)
        self._tokens, self._synced_at, self._tokens_tag = {}, None, None

    @property
    def _tokens_path(self) -> Path | None:
        return self.cache_path.with_suffix(".tokens.pickle") if self.cache_path is not None else None

    def _save_cache(self, *, tokens_changed: bool) -> None:
        """The token ids (with their vocabulary and time) first, under a new tag when they changed, then the index
        naming that tag. A process that needs the token ids reads whichever were kept last: they come with their
        own vocabulary and time, so it never mixes token ids of two processes."""
        if self.cache_path is None or self._tokens_path is None:
            return
        if tokens_changed:
            tag = uuid.uuid4().hex
            tokens = {
                "version": CACHE_VERSION,
                "store": self.store.location,
                "tag": tag,
                "vocab": self._vocab,
                "tokens": self._tokens,
                "synced_at": self._synced_at,
            }
            if not keep_pickle(self._tokens_path, tokens, level=logging.WARNING):
                return
            self._tokens_tag = tag
        kept = {
            "version": CACHE_VERSION,
            "store": self.store.location,
            "vocab": self._vocab,
            "synced_at": self._synced_at,
            "ids": self._ids,
            "index": self._bm25,
            "bm25s": _bm25s_version(),
            "tokens_tag": self._tokens_tag,
        }
        keep_pickle(self.cache_path, kept, level=logging.WARNING)

    def _token_id(self, token: str) -> int:
        found = self._vocab.get(token)
        if found is None:
            found = self._vocab[token] = len(self._vocab)
        return found


def _import_bm25s() -> Any:
    """bm25s (its import pulls in scipy: 0.3 s), its logger quiet: it sets it to DEBUG when imported, and its
    per-index debug line is not for users."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def _bm25s_version() -> str:
    """The kept index is bm25s's own object: one pickled by another version of it is built again instead."""
    from importlib.metadata import version

    return version("bm25s")


def _top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """(index, score) of the k best positive scores, best first (ties: the lower index first). Only the chunks
    sharing a term with the query are ranked: a partition of every chunk's score, most of them 0, took 7 ms a
    query at 50,000 chunks (bm25s's own top-k)."""
    candidates = np.flatnonzero(scores > 0)
    if len(candidates) > k:
        candidates = np.sort(candidates[np.argpartition(-scores[candidates], k - 1)[:k]])
    order = candidates[np.argsort(-scores[candidates], kind="stable")]
    return [(int(i), float(scores[i])) for i in order]
