"""Lexical retrieval: BM25 over the stored chunks (bm25s), rebuilt when the store changes.

Dense retrieval carries meaning across languages; BM25 catches what embeddings blur: names, numbers and rare
words shared by question and article ("Kirby", "2019"). Retrieval fuses both (see retrieval.py).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata

from index.store import ChunkStore

TOKEN_RE = re.compile(r"\w+", re.UNICODE)

# Function words of the languages most news arrives in; BM25's idf handles the rest.
_STOPWORDS = (
    """
    a an and are as at be by did do does for from had has have he her his how i in is it its of on or she
    that the their them they this to was were what when where which who whom whose why will with you
    der die das den dem des ein eine einer eines einem einen und oder ist sind war waren wird werden hat
    haben hatte hatten zu zum zur im in am an auf aus bei mit nach von vor für über unter um wie was wer
    wen wem wessen wann wo warum welche welcher welches sich nicht auch es er sie wir ihr man dass als
    le la les un une des et est sont de du au aux en que qui quoi quand où pourquoi comment
    el los las y es son del que quien cuando donde por para como
    """
)


def fold(text: str) -> str:
    """Lower case without accents, so "Äusserungen" meets "ausserungen" and "für" meets "fur"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


STOPWORDS = frozenset(fold(word) for word in _STOPWORDS.split())


def tokenize(text: str) -> list[str]:
    """Folded word tokens (see `fold`) without stop words."""
    return [t for t in TOKEN_RE.findall(fold(text)) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


class LexicalIndex:
    """BM25 over every chunk in a store; rebuilt lazily after the store is written to."""

    def __init__(self, store: ChunkStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._built_for: tuple[int, int] | None = None
        self._ids: list[str] = []
        self._bm25 = None

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
        docs, scores = bm25.retrieve([known], k=min(k, len(ids)), show_progress=False, n_threads=1)
        return [(ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def _refresh(self) -> None:
        key = (self.store.revision, self.store.count())
        if key == self._built_for:
            return
        import bm25s

        # bm25s sets its logger to DEBUG when imported; its per-index debug line is not for users.
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        ids, docs = self.store.all_chunks()
        self._ids = ids
        if ids:
            bm25 = bm25s.BM25()
            bm25.index([tokenize(d) or ["\u2205"] for d in docs], show_progress=False)
            self._bm25 = bm25
        else:
            self._bm25 = None
        self._built_for = key
