"""Child processes of the benchmark: measured jobs, a `chroma run` server, and commands timed from launch.

Memory is measured per process: each job runs in a fresh process whose peak resident set size the kernel reports
when it ends (`os.wait4` -> `ru_maxrss`), so what one job loaded never counts for another. Linux carries a
process's peak over `exec` from the process it was forked from, and a child forked from the benchmark itself
would report the benchmark's own size (1 GB where the job used 280 MB): so every measured command is started by
LAUNCHER, a bare Python process, which forks it and reports its figure. Settings reach a child as NEWSBOT_
environment variables, which it reads once like any newsbot process.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
from pydantic import SecretStr

from index.errors import BenchmarkError, StoreUnavailableError
from index.settings import IndexSettings

PACKAGE_ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT_S = 60.0
SERVER_STOP_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class Finished:
    """A process that ran to the end: what it wrote, how long it ran, and its peak RSS."""

    result: dict[str, Any]
    wall_s: float
    peak_rss_mb: float
    launched_at: float


def settings_env(settings: IndexSettings, base: dict[str, str]) -> dict[str, str]:
    """`base` (the parent's environment) without NEWSBOT_/TELEGRAM_ variables, plus every index setting."""
    env = {k: v for k, v in base.items() if not k.startswith(("NEWSBOT_", "TELEGRAM_"))}
    for name in type(settings).model_fields:
        if name not in IndexSettings.model_fields:
            continue
        value = getattr(settings, name)
        if value is None:
            continue
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        env[f"NEWSBOT_{name.upper()}"] = str(value).lower() if isinstance(value, bool) else str(value)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_ROOT), base.get("PYTHONPATH", "")) if p)
    return env


LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_process(command: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[int, str, float, float, float]:
    """Run a command to its end through LAUNCHER: (exit code, stderr tail, wall seconds, peak RSS MB, launch
    time). Wall time includes the launcher's own start (tens of milliseconds)."""
    with tempfile.TemporaryDirectory(dir=cwd) as scratch:
        rss_file = Path(scratch) / "maxrss"
        launched_at = time.time()
        start = time.perf_counter()
        with tempfile.TemporaryFile() as err:
            completed = subprocess.run(
                [sys.executable, "-c", LAUNCHER, str(rss_file), *command],
                env=env,
                cwd=cwd,
                stdout=subprocess.DEVNULL,
                stderr=err,
                check=False,
            )
            wall = time.perf_counter() - start
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
        # ru_maxrss is in KiB on Linux.
        rss_mb = int(rss_file.read_text()) / 1024 if rss_file.is_file() else 0.0
    return completed.returncode, tail, wall, rss_mb, launched_at


def run_job(job: str, args: dict[str, Any], settings: IndexSettings, env: dict[str, str], cwd: Path) -> Finished:
    """Run `python -m index.benchmark.child JOB` with `args`; its JSON result comes back through a file."""
    with tempfile.TemporaryDirectory(dir=cwd) as scratch:
        out = Path(scratch) / "result.json"
        payload = {**args, "out": str(out)}
        command = [sys.executable, "-m", "index.benchmark.child", job, json.dumps(payload)]
        code, tail, wall, rss, launched_at = run_process(command, settings_env(settings, env), cwd)
        if code != 0 or not out.is_file():
            raise BenchmarkError(f"benchmark job {job!r} failed (exit {code}):\n{tail}")
        result = json.loads(out.read_text(encoding="utf-8"))
    return Finished(result=result, wall_s=wall, peak_rss_mb=rss, launched_at=launched_at)


def run_command(command: Sequence[str], settings: IndexSettings, env: dict[str, str], cwd: Path) -> Finished:
    """Time a command (e.g. `newsbot ask ...`) from launch to exit, with these settings."""
    code, tail, wall, rss, launched_at = run_process(command, settings_env(settings, env), cwd)
    if code != 0:
        raise BenchmarkError(f"{' '.join(command)} failed (exit {code}):\n{tail}")
    return Finished(result={}, wall_s=wall, peak_rss_mb=rss, launched_at=launched_at)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def chroma_executable() -> str:
    """The `chroma` command installed with chromadb, next to this Python or on the PATH."""
    beside = Path(sys.executable).with_name("chroma")
    found = str(beside) if beside.exists() else shutil.which("chroma")
    if not found:
        raise BenchmarkError("the `chroma` command is not installed: pip install chromadb, or run with --no-server")
    return found


def wait_for_http(url: str, process: subprocess.Popen[bytes], timeout: float = SERVER_START_TIMEOUT_S) -> bool:
    """Whether a server process answers 200 at `url` within `timeout` seconds (False once it has exited)."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return False


class ChromaServer:
    """`chroma run` on 127.0.0.1 and a free port, in a directory of its own; its peak RSS is read when it stops."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.port = free_port()
        self.peak_rss_mb = 0.0
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ChromaServer:
        command = [chroma_executable(), "run", "--path", str(self.path), "--host", "127.0.0.1"]
        command += ["--port", str(self.port)]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_for_http(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", self._process):
            self.__exit__(None, None, None)
            raise StoreUnavailableError(f"chroma run did not start on 127.0.0.1:{self.port}")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        self.peak_rss_mb = _peak_rss_mb(process.pid)
        process.terminate()
        try:
            process.wait(timeout=SERVER_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _peak_rss_mb(pid: int) -> float:
    """A running process's peak RSS since its exec (VmHWM), which a fork's inherited figure does not touch."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
