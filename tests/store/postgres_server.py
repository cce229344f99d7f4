"""A throw-away PostgreSQL 15 server for the store tests: its own data folder, a free port on 127.0.0.1.

``initdb`` refuses to run as root, so under root the server runs as the ``postgres`` system user. Password
authentication is on for TCP so that a wrong password can be tested for real.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

POSTGRES_VERSION = "15"
BINDIR_VARIABLE = "RECOGNISER_TEST_POSTGRES_BINDIR"
SUPERUSER = "recogniser"
#: The two roles of an office's set-up (docs/user/data.md, "A shared database for an office"): the owner of the database
#: and its tables, which migrates them, and the application's role, which reads and writes rows only.
OWNER = "recogniser_owner"
APP = "recogniser_app"


#: What the owner grants the application's role, as in docs/user/data.md: rows of the tables it will create, never
#: the tables themselves (so no ALTER, DISABLE TRIGGER, TRUNCATE or DROP).
APP_ROLE_GRANTS = (
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}",
    "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {app}",
)


class PostgresUnavailableError(RuntimeError):
    """The test server could not be set up; the message says why and what to install."""


def _bindir() -> Path:
    bindir = Path(os.environ.get(BINDIR_VARIABLE) or f"/usr/lib/postgresql/{POSTGRES_VERSION}/bin")
    if not (bindir / "initdb").is_file() or not (bindir / "pg_ctl").is_file():
        raise PostgresUnavailableError(
            f"PostgreSQL {POSTGRES_VERSION} server programs (initdb, pg_ctl) are not in {bindir}; install them "
            f"(Debian: apt-get install postgresql-{POSTGRES_VERSION}) or set {BINDIR_VARIABLE}"
        )
    return bindir


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    root: Path
    port: int
    password: str
    run_as: list[str]
    bindir: Path
    watcher: subprocess.Popen[bytes] | None = None
    kept: bool = False

    @classmethod
    def start(cls, kept: Path | None = None) -> PostgresServer:
        """A new server, removed when it stops or the process that started it ends; with ``kept``, the server whose
        files are in that folder (made there if it is new), started again and left there when it stops (the
        benchmarks keep a million cases between runs so)."""
        bindir = _bindir()
        run_as: list[str] = []
        if kept is not None and (kept / "data" / "PG_VERSION").exists():
            return cls._restarted(kept, bindir)
        if kept is not None:
            kept.mkdir(parents=True)
        root = kept or Path(tempfile.mkdtemp(prefix="recogniser-postgres-"))
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(root)
                raise PostgresUnavailableError(
                    "the tests run as root and initdb refuses root, but there is no 'postgres' user to run "
                    "the server as (the postgresql package creates one)"
                ) from None
            os.chown(root, account.pw_uid, account.pw_gid)
            run_as = ["runuser", "-u", "postgres", "--"]
        password = secrets.token_hex(16)
        password_file = root / "password"
        password_file.write_text(password + "\n", encoding="utf-8")
        if run_as:
            os.chown(password_file, pwd.getpwnam("postgres").pw_uid, -1)
        server = cls(
            root=root, port=_free_port(), password=password, run_as=run_as, bindir=bindir, kept=kept is not None
        )
        try:
            server._run(
                "initdb",
                "-D",
                str(root / "data"),
                "-U",
                SUPERUSER,
                f"--pwfile={password_file}",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                # A linguistic collation, as real servers have, so the search index's own collation is tested.
                "--locale=C.UTF-8",
                "--locale-provider=icu",
                "--icu-locale=en",
            )
            server._start()
        except PostgresUnavailableError:
            server.stop()
            raise
        if not server.kept:
            server.watcher = server._watch(os.getpid())
        with server._admin() as admin:
            for role in (OWNER, APP):
                admin.execute(
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role), sql.Literal(password))
                )
        return server

    @classmethod
    def _restarted(cls, root: Path, bindir: Path) -> PostgresServer:
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        password = (root / "password").read_text(encoding="utf-8").strip()
        server = cls(root=root, port=_free_port(), password=password, run_as=run_as, bindir=bindir, kept=True)
        server._start()
        return server

    def _start(self) -> None:
        options = (
            f"-c port={self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root} "
            "-c fsync=off -c full_page_writes=off -c max_connections=50"
        )
        self._run(
            "pg_ctl", "-D", str(self.root / "data"), "-l", str(self.root / "server.log"), "-w", "-o", options, "start"
        )

    def _watch(self, test_process: int) -> subprocess.Popen[bytes]:
        """A shell that stops the server once the test process is gone, even if it was killed before teardown."""
        data = self.root / "data"
        script = (
            f"while [ -d /proc/{test_process} ]; do sleep 1; done; "
            f"'{self.bindir / 'pg_ctl'}' -D '{data}' -m immediate stop; rm -rf '{self.root}'"
        )
        return subprocess.Popen(
            [*self.run_as, "sh", "-c", script],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def _run(self, program: str, *arguments: str) -> None:
        command = [*self.run_as, str(self.bindir / program), *arguments]
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text("utf-8", errors="replace")[-2000:] if log.exists() else ""
            raise PostgresUnavailableError(
                f"{program} failed with exit code {result.returncode}:\n{result.stdout}{result.stderr}{tail}"
            )

    def stop(self) -> None:
        if self.watcher is not None:
            os.killpg(self.watcher.pid, signal.SIGTERM)  # its own session: the shell under runuser too
            self.watcher.wait(timeout=30)
        if (self.root / "data" / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast" if self.kept else "immediate", "-w", "stop")
        if not self.kept:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str, password: str | None = None, role: str = OWNER) -> str:
        """The database as its owner reaches it (who migrates it), or as ``role``."""
        return f"postgresql://{role}:{password or self.password}@127.0.0.1:{self.port}/{database}"

    def app_url(self, url: str) -> str:
        """The database of ``url`` as the application's role reaches it."""
        database = url.rsplit("/", 1)[1]
        return self.url(database, role=APP)

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=SUPERUSER,
            password=self.password,
            dbname="postgres",
            autocommit=True,
        )

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        """A new, empty database (or a copy of ``template``) set up as docs/user/data.md says: owned by the owner
        role, whose tables the application's role may read and write rows of; returns its name."""
        name = name or f"cases_{secrets.token_hex(6)}"
        with self._admin() as admin:
            statement = sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(OWNER))
            if template is not None:
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            admin.execute(statement)
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=OWNER, password=self.password, dbname=name, autocommit=True
        ) as owner:
            for statement in APP_ROLE_GRANTS:
                owner.execute(sql.SQL(statement).format(app=sql.Identifier(APP)))
        return name

    def has_database(self, name: str) -> bool:
        with self._admin() as admin:
            return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None

    def drop_database(self, name: str) -> None:
        with self._admin() as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
