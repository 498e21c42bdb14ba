"""What newsbot derives once from its bundled models and keeps for later processes: the parsed USE tokenizer
(index/embedders/use.py), the language identifier and the word lists of the lemma dictionaries
(index/language.py), which their packages otherwise decompress and parse in every process (2 s of a 4 s
`newsbot ask`). One directory per user, $XDG_CACHE_HOME/newsbot or ~/.cache/newsbot; every file is named by the
versions it was derived from, written whole or not at all, and derived again when missing or unreadable.
`keep` and `keep_pickle` also write what the data dir keeps the same way (BM25's index, index/lexical.py)."""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def model_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsbot"


def keep(path: Path, write: Callable[[Path], None], *, level: int = logging.INFO) -> bool:
    """Write a file through `write(temporary path)` and move it into place, so that readers (other processes)
    see the whole file or none; False (logged at `level`) when it cannot be written, whatever the reason."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(temporary)
        os.replace(temporary, path)
        return True
    except Exception as exc:  # a cache that cannot be written (full disk, read-only home) must not fail the caller
        log.log(level, "could not keep %s: %s", path, exc)
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False


def keep_pickle(path: Path, value: Any, *, level: int = logging.INFO) -> bool:
    """`keep` for a pickled object."""

    def write(temporary: Path) -> None:
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)

    return keep(path, write, level=level)


def kept_object(name: str, build: Callable[[], Any], kind: str) -> Any:
    """The object of class `kind` pickled in the cache dir as `name` (a name that says which versions it was
    derived from); else `build()`, kept there for the next process."""
    path = model_cache_dir() / name
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
        if type(found).__name__ == kind:
            return found
        log.warning("ignoring %s: it holds no %s", path, kind)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except Exception as exc:  # a cache: a damaged or foreign file means deriving it again
        log.warning("ignoring %s (%s): deriving it again", path, exc)
    built = build()
    keep_pickle(path, built)
    return built
