"""Filling benchmark databases fast, and keeping them between runs.

Rows go in as the store writes them but in bulk: multi-row inserts in one transaction on SQLite, COPY on
PostgreSQL, and the engine's search index drawn from the terms as the store draws it. The databases are fresh
SQLite files or databases on a PostgreSQL 15 server of the benchmark's own (started as the tests start theirs);
with a folder to keep them in, they are used again on the next run.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert

from recogniser.store.search_index import index_cases_from
from recogniser.store.tables import metadata


def write_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Add ``rows`` (each naming the same columns) to ``table`` in the connection's transaction."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    names = list(rows[0])
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in names])


def write_cases(connection: Connection, cases: list[dict[str, Any]], terms: list[dict[str, Any]]) -> None:
    """Add case rows (ids above every stored case's) and their search terms, and index them for search as the
    store does (``recogniser.store.search_index``, drawn from the terms)."""
    write_rows(connection, metadata.tables["cases"], cases)
    write_rows(connection, metadata.tables["case_terms"], terms)
    if cases:
        index_cases_from(connection, min(case["id"] for case in cases))


#: Where the store of a size is: its URL and whether it still has to be filled (from the size before, if given).
Database = Callable[[int, int | None], tuple[str, bool]]


@contextmanager
def sqlite_databases(keep: Path | None, name: str) -> Iterator[tuple[Database, str, int | None]]:
    """Databases named ``name`` and their size, a scratch database, and no server (SQLite runs in-process)."""
    with tempfile.TemporaryDirectory(prefix="recogniser-bench-") as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)

        def new(count: int, grown_from: int | None) -> tuple[str, bool]:
            path = folder / f"{name}-{count}.db"
            if path.exists() and keep is not None:
                return f"sqlite:///{path}", False
            if grown_from is not None:
                shutil.copyfile(folder / f"{name}-{grown_from}.db", path)
            return f"sqlite:///{path}", True

        yield new, f"sqlite:///{scratch}/insert-rates.db", None


@contextmanager
def postgresql_databases(keep: Path | None, name: str) -> Iterator[tuple[Database, str, int | None]]:
    """The same on a PostgreSQL 15 server of the benchmark's own (its files kept in ``keep``/postgresql), with
    the server's process id."""
    from tests.store.postgres_server import PostgresServer

    server = PostgresServer.start(kept=None if keep is None else keep / "postgresql")
    try:

        def new(count: int, grown_from: int | None) -> tuple[str, bool]:
            database = f"{name}_{count}"
            if server.has_database(database):
                return server.url(database), False
            server.create_database(database, template=None if grown_from is None else f"{name}_{grown_from}")
            return server.url(database), True

        pid = int((server.root / "data" / "postmaster.pid").read_text().split()[0])
        yield new, server.url(server.create_database()), pid
    finally:
        server.stop()


def same_database(url: str) -> Database:
    """The one database ``url`` names, for every size: it is grown from one to the next."""
    return lambda count, grown_from: (url, True)
