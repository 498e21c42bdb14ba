"""Ingest the hostile-input folder with real settings and print wall time and peak memory.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/hostile_ingest.py [--embedder use] [--keep DIR]

The folder is the one tests/test_hostile_inputs.py ingests (tests/hostile_corpus.py): three good articles and
35 hostile kinds beside them (a 50 MB file over the size limit, a 5 MB single paragraph, a 10 MB CSV field,
300,000 empty JSONL records, a FIFO, a symlink to /dev/zero, ...), built in a temp dir. It is ingested once
through `Newsroom.ingest` with the default settings (the default embedder, use+e5, unless --embedder says
otherwise) into a fresh store, in this process; the figures include loading the models. Reported: wall time of
the whole ingest, of building the folder, the process's CPU time (user + system: on a busy machine it shows
the work that wall time hides), peak RSS (max resident set size, Python and the models included), and the
report's counts. Target (issue #13): under 60 s on 2 cores, memory bounded.

This is a measurement, not a test: it reads nothing outside the temp dir.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default="", help="NEWSBOT_EMBEDDER for this run (default: the setting's)")
    parser.add_argument("--keep", type=Path, help="build the folder and the store here and keep them")
    args = parser.parse_args(argv)

    from bot.settings import Settings
    from index.newsroom import Newsroom
    from tests.hostile_corpus import build_hostile_folder

    with tempfile.TemporaryDirectory(prefix="newsbot-hostile-") as scratch:
        root = args.keep or Path(scratch)
        started = time.perf_counter()
        kinds = build_hostile_folder(root / "inbox")
        built_s = time.perf_counter() - started
        overrides = {"embedder": args.embedder} if args.embedder else {}
        settings = Settings(_env_file=None, data_dir=root / "data", **overrides)
        started = time.perf_counter()
        newsroom = Newsroom(settings)
        report = newsroom.ingest([str(root / "inbox")])
        ingest_s = time.perf_counter() - started
        chunks = newsroom.store.count()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_mb, cpu_s = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    print(f"embedder {settings.embedder}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print(f"folder: {len(kinds)} inputs built in {built_s:.1f} s; process CPU time in all {cpu_s:.1f} s")
    print(
        f"ingest: {ingest_s:.1f} s wall, peak RSS {peak_mb:.0f} MB; added {report.added} ({chunks} chunks), "
        f"failed {len(report.failed)} ({len({f.source.split(':line ')[0] for f in report.failed})} inputs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
