"""Local files: only regular files are read, at most NEWSBOT_MAX_INPUT_MB of each (checked before reading),
symlinks stay inside the ingested folder unless allowed, and any file name can be reported."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from index.errors import SourceError
from index.loaders.files import MB
from index.loading import LoadOptions, count_inputs, iter_articles
from index.models import Article

STORY = "Harbour reopens\n\nThe harbour of Port Elda reopened on Monday, a week after the storm.\n"
FOLLOW = LoadOptions(follow_symlinks=True)


def load(*sources: str | Path, options: LoadOptions | None = None) -> list[Article | SourceError]:
    """Everything the sources give, or a failure if that takes more than 20 s (a FIFO would block forever)."""
    results: list[Article | SourceError] = []
    worker = threading.Thread(
        target=lambda: results.extend(iter_articles([str(s) for s in sources], options=options)), daemon=True
    )
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "loading hung"
    return results


def by_source(results: list[Article | SourceError]) -> dict[str, Article | SourceError]:
    return {result.source: result for result in results}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    return folder


def test_a_fifo_in_a_folder_is_refused_without_blocking_and_the_rest_loads(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    results = by_source(load(folder))
    pipe = results[f"{folder}/pipe.txt"]
    assert isinstance(pipe, SourceError) and "is a named pipe (FIFO), not a regular file" in pipe.reason
    assert isinstance(results[f"{folder}/good.txt"], Article)


def test_a_fifo_named_directly_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    [error] = load(tmp_path / "pipe.md")
    assert isinstance(error, SourceError) and "named pipe" in error.reason


def test_a_device_is_refused_even_when_symlinks_are_followed(folder: Path) -> None:
    (folder / "zero.txt").symlink_to("/dev/zero")
    outside = by_source(load(folder))[f"{folder}/zero.txt"]
    assert isinstance(outside, SourceError) and "outside the folder" in outside.reason
    followed = by_source(load(folder, options=FOLLOW))[f"{folder}/zero.txt"]
    assert isinstance(followed, SourceError) and "is a character device, not a regular file" in followed.reason


def test_a_symlink_leaving_the_folder_is_refused_unless_allowed(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n")
    (folder / "passwd.txt").symlink_to(secret)
    refused = by_source(load(folder))[f"{folder}/passwd.txt"]
    assert isinstance(refused, SourceError)
    assert f"is a symlink to {secret}, outside the folder" in refused.reason and "--follow-symlinks" in refused.reason
    followed = by_source(load(folder, options=FOLLOW))[f"{folder}/passwd.txt"]
    assert isinstance(followed, Article) and followed.meta.title.startswith("root:x:0:0")


def test_symlinks_inside_the_folder_are_read_and_linked_folders_walked_once(folder: Path) -> None:
    (folder / "alias.txt").symlink_to(folder / "good.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    results = load(folder, options=FOLLOW)
    assert sorted(r.source for r in results) == [f"{folder}/alias.txt", f"{folder}/good.txt"]
    assert all(isinstance(r, Article) for r in results)
    assert sorted(r.source for r in load(folder)) == [f"{folder}/alias.txt", f"{folder}/good.txt"]


def test_a_linked_folder_outside_is_refused_as_a_whole(folder: Path, tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "story.txt").write_text(STORY)
    (folder / "other").symlink_to(tmp_path / "other", target_is_directory=True)
    refused = by_source(load(folder))[f"{folder}/other"]
    assert isinstance(refused, SourceError) and "outside the folder" in refused.reason
    assert isinstance(by_source(load(folder, options=FOLLOW))[f"{folder}/other/story.txt"], Article)
    assert count_inputs([str(folder)]) == 1 and count_inputs([str(folder)], follow_symlinks=True) == 2


def test_the_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    """A sparse file of 100 GB: reading it would take minutes and all the memory; stat says no at once."""
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * MB)
    [error] = load(huge)
    assert isinstance(error, SourceError) and error.source == str(huge)
    assert "is 102400.0 MB, more than the limit of 20 MB per file (NEWSBOT_MAX_INPUT_MB)" in error.reason


def test_the_limit_is_a_setting_and_the_read_itself_is_bounded(tmp_path: Path) -> None:
    small = LoadOptions(max_file_bytes=MB // 2)
    (tmp_path / "one_mb.txt").write_text("Title\n" + "word " * (MB // 5))
    [error] = load(tmp_path / "one_mb.txt", options=small)
    assert isinstance(error, SourceError) and "more than the limit of 0.5 MB" in error.reason
    # /proc files say they are empty and are not: the read stops one byte past the limit all the same
    (tmp_path / "status.txt").symlink_to("/proc/self/status")
    [grew] = load(tmp_path / "status.txt", options=LoadOptions(max_file_bytes=64))
    assert isinstance(grew, SourceError) and "grew past" in grew.reason


def test_a_file_name_that_is_not_utf8_is_reported_printably(folder: Path) -> None:
    raw = os.fsencode(folder) + b"/caf\xe9 \xff.txt"
    with open(raw, "wb") as handle:
        handle.write(STORY.encode())
    with open(os.fsencode(folder) + b"/\xfe.json", "wb") as handle:
        handle.write(b"{not json")
    results = by_source(load(folder))
    article = results[f"{folder}/caf\\xe9 \\xff.txt"]
    assert isinstance(article, Article) and article.id  # hashable, printable, storable
    error = results[f"{folder}/\\xfe.json"]
    assert isinstance(error, SourceError) and "is not valid JSON" in error.reason
    json.dumps([r.source for r in results.values()], ensure_ascii=False).encode("utf-8")


def test_a_folder_named_like_a_file_is_walked(folder: Path) -> None:
    (folder / "x.txt").mkdir()
    (folder / "x.txt" / "inner.md").write_text("# Inner story\n\nA story inside a folder named x.txt.\n")
    assert isinstance(by_source(load(folder))[f"{folder}/x.txt/inner.md"], Article)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode: chmod 000 cannot be tested")
def test_an_unreadable_file_is_reported_and_the_rest_loads(folder: Path) -> None:
    locked = folder / "locked.txt"
    locked.write_text(STORY)
    locked.chmod(0)
    results = by_source(load(folder))
    assert "permission denied" in results[f"{folder}/locked.txt"].reason  # type: ignore[union-attr]
    assert isinstance(results[f"{folder}/good.txt"], Article)
