"""Taking a store back to an earlier revision, as an engineer undoing a release would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

from recogniser.store.database import create_store_engine, resolve_url


@contextmanager
def downgraded(database_url: str, revision: str) -> Iterator[Connection]:
    """The database taken back to ``revision`` in one transaction, then a connection to look at it."""
    engine = create_store_engine(resolve_url(database_url))
    try:
        with engine.connect().execution_options(writing=True) as connection, connection.begin():
            config = Config()
            config.set_main_option("script_location", "recogniser.store:migrations")
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()
