"""A small JSON file in the data dir that several processes share (the bot, `newsbot watch`, `newsbot feeds`).

    with locked(path) as data:    # an exclusive lock; `data` is the file's object ({} when it does not exist)
        data["key"] = "value"     # written back on leaving the block, only if it changed
    read(path)                    # a snapshot, under a shared lock

Writes go to a temporary file in the same folder, flushed to disk and renamed over the old one, so a reader (or a
crash) never sees half a file. The lock is `flock` on a `.lock` file beside it, held only while the JSON is read
or changed, never during downloads or embedding.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from index.errors import NewsbotError


@contextlib.contextmanager
def locked(path: Path) -> Iterator[dict[str, Any]]:
    """The file's object under an exclusive lock; written back atomically if the block changed it."""
    with _lock(path, fcntl.LOCK_EX):
        data = _read(path)
        before = json.dumps(data, sort_keys=True)
        yield data
        if json.dumps(data, sort_keys=True) != before:
            _write(path, data)


def read(path: Path) -> dict[str, Any]:
    """The file's object ({} when it does not exist yet)."""
    with _lock(path, fcntl.LOCK_SH):
        return _read(path)


@contextlib.contextmanager
def _lock(path: Path, mode: int) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+b") as lock:
        fcntl.flock(lock, mode)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise NewsbotError(f"cannot read {path} ({exc.strerror or exc}): check its permissions") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NewsbotError(
            f"{path} is not valid JSON ({exc}): fix it, or move it away to start with an empty one"
        ) from exc
    if not isinstance(data, dict):
        raise NewsbotError(f"{path} holds a JSON {type(data).__name__}, not an object: move it away to start anew")
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise NewsbotError(f"cannot write {path} ({exc.strerror or exc}): check the disk and its permissions") from exc
