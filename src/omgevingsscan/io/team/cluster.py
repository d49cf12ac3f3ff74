"""A throwaway local PostgreSQL + PostGIS server (for tests, benchmarks and trying out).

:class:`LocalCluster` runs ``initdb`` in a folder, starts the server with ``pg_ctl`` on
a free 127.0.0.1 port (trust authentication: only for a private folder on one's own
machine) and stops it again. PostgreSQL refuses to run as root; when started by root
the server runs as the ``postgres`` system user (from Debian's ``postgresql`` package),
which then owns the folder.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from omgevingsscan.io.team.db import TeamError

#: Where Debian puts the server programs; PATH and ``pg_config --bindir`` are tried too.
BIN_DIRS = (
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
)


def bin_dir() -> Path:
    """The folder of ``initdb``/``pg_ctl`` (TeamError naming the packages when missing)."""
    for d in BIN_DIRS:
        if (Path(d) / "initdb").exists():
            return Path(d)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise TeamError(
        "PostgreSQL server programs not found; install postgresql and postgresql-15-postgis-3 "
        "(tools/system_deps.sh)"
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalCluster:
    """A private server in ``folder`` (a new temporary folder by default).

    Use as a context manager, or call :meth:`start` and :meth:`stop` (and :meth:`remove`).
    ``conninfo`` connects as the superuser ``postgres`` to database ``postgres``.
    """

    def __init__(self, folder: str | Path | None = None, port: int | None = None) -> None:
        self.base = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="omgevingsscan-pg-"))
        self.data = self.base / "data"
        self.port = port or free_port()
        self.bin = bin_dir()
        self.user: str | None = None
        if os.geteuid() == 0:
            self.user = "postgres"
            try:
                pw = pwd.getpwnam(self.user)
            except KeyError as exc:
                raise TeamError("running as root needs the 'postgres' system user") from exc
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
            self.base.chmod(0o700)

    @property
    def conninfo(self) -> str:
        """Connection string of the superuser."""
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    def dsn(self, user: str = "postgres", dbname: str = "postgres") -> str:
        """Connection string of another user or database."""
        return f"host=127.0.0.1 port={self.port} user={user} dbname={dbname}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, cwd=self.base)

    def init(self) -> None:
        """Create the cluster (once)."""
        if (self.data / "PG_VERSION").exists():
            return
        try:
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        except subprocess.CalledProcessError as exc:
            raise TeamError(f"initdb failed: {exc.stderr.strip() or exc.stdout.strip()}") from exc

    def start(self) -> LocalCluster:
        """Start the server and wait until it accepts connections."""
        self.init()
        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories='{self.base}' -c fsync=off -c max_connections=60"
        )
        res = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"),
                        "-o", opts, "-w", "-t", "60", "start", check=False)  # fmt: skip
        if res.returncode != 0:
            log = (self.base / "server.log").read_text(errors="replace")[-800:]
            raise TeamError(f"the local PostgreSQL server did not start: {res.stderr} {log}")
        return self

    def stop(self) -> None:
        """Stop the server (fast shutdown: open sessions are ended)."""
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    def running(self) -> bool:
        """Whether the server accepts connections."""
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 1):
            return True
        return False

    def remove(self) -> None:
        """Stop and delete the folder."""
        self.stop()
        time.sleep(0.1)
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> LocalCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.remove()
