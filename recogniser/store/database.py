"""Which database, how to connect to it, and bringing its schema up to date.

SQLite runs in WAL mode (readers never wait for the writer, a killed writer leaves the last committed state)
with full sync, so a recorded decision survives a power cut. PostgreSQL is reached through psycopg 3.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from recogniser.errors import located, system_reason
from recogniser.files import create_private_file, fsync_folder, no_folder, private_folder
from recogniser.i18n import phrase
from recogniser.joining import quoted
from recogniser.resources import user_data_path
from recogniser.settings import load_settings
from recogniser.store.errors import (
    DatabaseUnreachableError,
    NewerSchemaError,
    StoreError,
    TextWithNulError,
    UnusableDatabaseError,
    WrongPasswordError,
)

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory

DATABASE_URL_VARIABLE = "RECOGNISER_DATABASE_URL"
DATABASE_FILE_NAME = "recogniser.db"

#: Serialises migrations when several offices' computers open a fresh PostgreSQL database at once.
_MIGRATION_LOCK_KEY = 0x7265636F67  # "recog"

#: PostgreSQL's SQLSTATE for "permission denied" and "must be owner".
_INSUFFICIENT_PRIVILEGE = "42501"

#: How long a writer waits for another writer on SQLite before giving up with a clear message.
SQLITE_BUSY_TIMEOUT_MS = 10_000

_log = logging.getLogger(__name__)


def default_database_url() -> str:
    return f"sqlite:///{user_data_path() / DATABASE_FILE_NAME}"


def resolve_url(explicit: str | None) -> URL:
    """The database to use: ``--database-url``, else ``RECOGNISER_DATABASE_URL``, else ``database_url`` under
    ``[store]`` in settings.toml, else the per-user SQLite file."""
    raw = explicit or os.environ.get(DATABASE_URL_VARIABLE) or load_settings().database_url or default_database_url()
    try:
        url = make_url(raw)
    except ArgumentError:
        raise UnusableDatabaseError(
            phrase(
                "{url} is not a database URL; use {sqlite} or {postgresql}",
                url=quoted(raw),
                sqlite="sqlite:///PATH",
                postgresql="postgresql://USER@HOST/DATABASE",
            )
        ) from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if url.database in (None, "", ":memory:"):
            # Such a database lives only as long as the command: a case saved there would be gone at its end.
            problem = phrase(
                "an in-memory database keeps nothing after the command ends; name a file ({sqlite})",
                sqlite="sqlite:///PATH",
            )
            raise UnusableDatabaseError(located(shown(url), problem))
        return url.set(drivername="sqlite")
    problem = phrase("Recogniser stores cases in SQLite or PostgreSQL, not {backend}", backend=backend)
    raise UnusableDatabaseError(located(shown(url), problem))


def shown(url: URL) -> str:
    """The URL as it may appear in a message or a log: as the user writes it (no driver name), no password."""
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The database file of a SQLite URL, None for an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


def create_store_engine(url: URL) -> Engine:
    # Statements' parameters are case text (learners' names): never in an error's message, so never in the log.
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            _sqlite_folder(url, path)
            _private_database_file(url, path)
        engine = create_engine(url, hide_parameters=True)
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args={"connect_timeout": 10})
        except NoSuchModuleError:
            problem = phrase("no driver for this kind of database")
            raise UnusableDatabaseError(located(shown(url), problem)) from None
    event.listen(engine, "before_cursor_execute", _refuse_nul_characters)
    return engine


def _refuse_nul_characters(
    _connection: Connection, _cursor: Any, _statement: str, parameters: Any, _context: Any, executemany: bool
) -> None:
    """Text holding a NUL character is refused on every backend, as PostgreSQL refuses it, before any is sent.

    The case file and the decision's fields are checked first, naming the field; this is the last line.
    """
    for row in parameters if executemany else [parameters]:
        values = row.values() if isinstance(row, Mapping) else row if isinstance(row, list | tuple) else ()
        if any(isinstance(value, str) and "\x00" in value for value in values):
            raise TextWithNulError(
                phrase("a text holds a NUL character (U+0000), which the database cannot take; remove it")
            )


def _sqlite_folder(url: URL, path: Path) -> None:
    """Make the per-user database's folder on first use; a file named explicitly must be in a folder that
    exists, so that a mistyped path is reported rather than filled with a new, empty database."""
    if path.parent.is_dir():
        return
    if path != Path(str(make_url(default_database_url()).database)):
        raise DatabaseUnreachableError(located(shown(url), no_folder(path.parent)))
    try:
        private_folder(path.parent)
    except OSError as error:
        problem = phrase(
            "cannot create the folder {folder} ({reason})", folder=str(path.parent), reason=system_reason(error)
        )
        raise DatabaseUnreachableError(located(shown(url), problem)) from None


def _private_database_file(url: URL, path: Path) -> None:
    """The database file made private before SQLite makes it (SQLite gives its WAL and shared-memory files the
    database file's mode)."""
    try:
        create_private_file(path)
    except OSError as error:
        problem = phrase("cannot open the database file ({reason})", reason=system_reason(error))
        raise DatabaseUnreachableError(located(shown(url), problem)) from None


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is switched off so that ``_begin_sqlite`` can choose BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=FULL",
        "foreign_keys=ON",
        f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
        # 64 MiB of page cache (the default is 2 MiB): a search touches case rows all over a large file.
        "cache_size=-65536",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    # A writer takes the write lock at BEGIN: two deferred transactions that both upgrade to writing would
    # deadlock, and SQLite then fails one of them at once instead of waiting.
    writing = connection.get_execution_options().get("writing", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


@contextmanager
def translated_errors(url: URL) -> Iterator[None]:
    """Turn a driver's failure to reach or use the database into a one-line message for the user."""
    try:
        yield
    except StoreError:
        raise
    except DBAPIError as error:
        if not _is_unavailability(error):
            raise
        raise unavailability_error(url, error) from None


def _is_unavailability(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True
    return type(error.orig).__name__ in ("OperationalError", "InterfaceError", "DatabaseError")


def unavailability_error(url: URL, error: DBAPIError) -> StoreError:
    detail = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else type(error.orig).__name__
    lowered = detail.lower()
    where = shown(url)
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return WrongPasswordError(located(where, phrase("the server refused the user name or password")))
    if "file is not a database" in lowered or "file is encrypted" in lowered:
        return UnusableDatabaseError(located(where, phrase("this file is not a Recogniser database")))
    if "database is locked" in lowered:
        problem = phrase("another program is writing to the database; try again shortly")
        return DatabaseUnreachableError(located(where, problem))
    if "unable to open database file" in lowered:
        problem = phrase("cannot open the database file (check the folder and permissions)")
        return DatabaseUnreachableError(located(where, problem))
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    if "could not translate host name" in lowered or "name or service not known" in lowered:
        problem = phrase("no computer named {host} is known on the network", host=str(url.host))
        return DatabaseUnreachableError(located(where, problem))
    if "connection refused" in lowered:
        problem = phrase("no database server answers at {server} (is it running?)", server=server)
        return DatabaseUnreachableError(located(where, problem))
    if "timeout expired" in lowered or "timed out" in lowered:
        problem = phrase("the server at {server} did not answer in time", server=server)
        return DatabaseUnreachableError(located(where, problem))
    if "role" in lowered and "does not exist" in lowered:
        return WrongPasswordError(located(where, phrase("the server has no user named {user}", user=str(url.username))))
    if "database" in lowered and "does not exist" in lowered:
        problem = phrase("the server has no database named {database}", database=str(url.database))
        return DatabaseUnreachableError(located(where, problem))
    return DatabaseUnreachableError(located(where, phrase("cannot use the database ({reason})", reason=detail)))


def check_database(url_text: str) -> None:
    """Connect to the database at ``url_text`` once, without changing it; a problem raises :class:`StoreError`
    in plain words (the Settings dialog tries an address before it saves it)."""
    url = resolve_url(url_text)
    engine = create_store_engine(url)
    try:
        with translated_errors(url), engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()


def _scripts() -> ScriptDirectory:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    # A package location, so that an installed (non-editable) Recogniser finds its migrations.
    config.set_main_option("script_location", "recogniser.store:migrations")
    return ScriptDirectory.from_config(config)


def migrate(engine: Engine, url: URL, target: str = "head") -> None:
    """Bring the schema to ``target`` (the newest by default) in one transaction.

    A SQLite file that already holds data is copied beside itself first. A database migrated by a newer
    Recogniser is refused rather than touched; so is one that holds another program's tables.

    A database already at the newest schema is recognised by one query, without loading the migration tool.
    """
    if target == "head" and _is_at_head(engine, url):
        return
    # Loaded only when the schema may have to change: the migration tool costs every command a tenth of a second.
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext

    scripts = _scripts()
    known = {script.revision for script in scripts.walk_revisions()}
    with translated_errors(url), engine.connect().execution_options(writing=True) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None and current not in known:
            problem = phrase(
                "the database was updated by a newer version of Recogniser (schema {schema}); install that version "
                "or newer to open it",
                schema=current,
            )
            raise NewerSchemaError(located(shown(url), problem))
        if current is None and inspect(connection).get_table_names():
            problem = phrase("this database holds another program's tables")
            raise UnusableDatabaseError(located(shown(url), problem))
        wanted = scripts.get_current_head() if target == "head" else target
        if current == wanted:
            return
        path = sqlite_path(url)
        if current is not None and path is not None:
            backup = backup_sqlite(path, current)
            _log.info("backed up %s to %s before migrating from %s", path, backup, current)
        config = Config()
        config.set_main_option("script_location", scripts.dir)
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, target)
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) != _INSUFFICIENT_PRIVILEGE:
                raise
            # The application's role of a two-role set-up: only the owner changes tables.
            problem = (
                phrase(
                    "the database has no Recogniser tables yet and this user may not change tables; connect once as "
                    "the database's owner to bring them up to date (schema {wanted})",
                    wanted=wanted,
                )
                if current is None
                else phrase(
                    "the database has tables of schema {current} and this user may not change tables; connect once "
                    "as the database's owner to bring them up to date (schema {wanted})",
                    current=current,
                    wanted=wanted,
                )
            )
            raise UnusableDatabaseError(located(shown(url), problem)) from None


_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*["']([^"']+)["']""", re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration's revision, read from the migration files themselves (what alembic would find);
    None when they do not name exactly one (the migration tool then decides)."""
    revisions: set[str] = set()
    replaced: set[str] = set()
    for path in (Path(__file__).parent / "migrations" / "versions").glob("*.py"):
        for key, value in _REVISION.findall(path.read_text("utf-8")):
            (revisions if key == "revision" else replaced).add(value)
    heads = revisions - replaced
    return heads.pop() if len(heads) == 1 else None


def _is_at_head(engine: Engine, url: URL) -> bool:
    head = head_revision()
    if head is None:
        return False
    # A database that cannot be reached is reported from here; one without the table is left to the full path.
    with translated_errors(url), engine.connect() as connection:
        try:
            versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
        except DBAPIError:
            return False  # no schema yet, or one to look at closely: the full path says what is wrong
    return versions == [head]


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy of a SQLite database (the WAL included), named after its schema and the time, as
    private as the database. A copy that cannot be finished (a full disk) is removed and the migration refused:
    an empty or partial file must never pass for a backup."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.before-{revision}-{stamp}.bak")
    try:
        create_private_file(backup)
        source = sqlite3.connect(path)
        try:
            target = sqlite3.connect(backup)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        fsync_folder(path.parent)
    except (OSError, sqlite3.Error) as error:
        backup.unlink(missing_ok=True)
        reason = system_reason(error) if isinstance(error, OSError) else str(error)
        problem = phrase(
            "cannot back up the database before updating its tables ({reason}); nothing was changed", reason=reason
        )
        raise DatabaseUnreachableError(located(str(path), problem)) from None
    return backup
