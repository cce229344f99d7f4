"""Alembic environment: migrations always run on the connection the store opened (see ``database.migrate``)."""

from __future__ import annotations

from alembic import context

from recogniser.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
