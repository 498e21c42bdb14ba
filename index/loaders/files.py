"""Local files: which ones are read, and how much of each.

kind        only regular files are read: a named pipe (FIFO) would block forever, a device (/dev/zero) never
            ends, a socket cannot be read. The kind is checked before opening and again on what was opened
            (opened without blocking), so a file swapped for a pipe in between is refused too.
size        at most `max_bytes` (NEWSBOT_MAX_INPUT_MB): the size is checked before reading, and the read
            itself stops one byte past the limit, for files that grow or report no size.
folders     walked recursively in sorted order; hidden files and folders (names starting with ".") and
            unsupported extensions are skipped. A symlink whose target lies outside the folder is refused,
            with a message, unless `follow_symlinks` (--follow-symlinks, NEWSBOT_FOLLOW_SYMLINKS) allows it;
            then linked folders are walked too, each real folder once.
names       a file name with bytes that are not UTF-8 is shown with them as \\xNN (`printable`), so that it
            can be printed, stored and reported.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from index.errors import SourceError
from index.loaders.common import SUPPORTED_EXTENSIONS

DEFAULT_MAX_INPUT_MB = 20.0
MB = 1024 * 1024
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)
_FOLLOW_HINT = "pass --follow-symlinks (or set NEWSBOT_FOLLOW_SYMLINKS=true) to read it"


def read_file(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, or a SourceError that names the file and the fix."""
    try:
        info = os.stat(path)
        _check_kind(info.st_mode, source)
        if info.st_size > max_bytes:
            raise SourceError(source, _too_large_message(info.st_size, max_bytes))
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            _check_kind(os.fstat(handle.fileno()).st_mode, source)
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise SourceError(source, "no such file or folder: check the path") from exc
    except PermissionError as exc:
        raise SourceError(source, "permission denied: check the file's permissions") from exc
    except OSError as exc:
        raise SourceError(source, f"cannot be read ({exc.strerror or exc}): check the file") from exc
    if len(data) > max_bytes:
        raise SourceError(source, _too_large_message(len(data), max_bytes, grew=True))
    return data


def folder_files(folder: Path, *, follow_symlinks: bool) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Supported, non-hidden files below `folder` in sorted order, and (path, reason) for what was refused:
    folders that cannot be read, symlinks that lead outside the folder."""
    root_real = folder.resolve()
    found: list[Path] = []
    refused: list[tuple[Path, str]] = []
    visited: set[Path] = set()

    def unreadable(error: OSError) -> None:
        refused.append(
            (Path(error.filename or folder), f"folder cannot be read ({error.strerror}): check its permissions")
        )

    for root, dirs, names in os.walk(folder, onerror=unreadable, followlinks=follow_symlinks):
        visited.add(Path(root).resolve())
        kept_dirs = []
        for name in sorted(dirs):
            path = Path(root, name)
            if name.startswith(".") or not _symlink_allowed(path, root_real, follow_symlinks, refused):
                continue
            if path.resolve() not in visited:
                kept_dirs.append(name)
        dirs[:] = kept_dirs
        for name in names:
            path = Path(root, name)
            if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_EXTENSIONS:
                continue
            if _symlink_allowed(path, root_real, follow_symlinks, refused):
                found.append(path)
    found.sort(key=lambda path: path.relative_to(folder).parts)
    return found, refused


def printable(name: str) -> str:
    """`name` with bytes that are not UTF-8 (Python's surrogate escapes) and lone surrogates shown as escapes."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _symlink_allowed(path: Path, root_real: Path, follow_symlinks: bool, refused: list[tuple[Path, str]]) -> bool:
    """True for anything but a symlink that leads outside the folder (unless following is allowed)."""
    if follow_symlinks or not path.is_symlink():
        return True
    target = path.resolve()
    if target.is_relative_to(root_real):
        return True
    refused.append((path, f"is a symlink to {printable(str(target))}, outside the folder: {_FOLLOW_HINT}"))
    return False


def _check_kind(mode: int, source: str) -> None:
    for is_kind, kind in _SPECIAL_KINDS:
        if is_kind(mode):
            raise SourceError(source, f"is {kind}, not a regular file: only regular files are read")


def _too_large_message(size: int, max_bytes: int, *, grew: bool = False) -> str:
    actual = f"grew past {max_bytes / MB:g} MB while being read" if grew else f"is {size / MB:.1f} MB"
    return (
        f"{actual}, more than the limit of {max_bytes / MB:g} MB per file (NEWSBOT_MAX_INPUT_MB): split it into "
        "smaller files, or raise the limit"
    )
