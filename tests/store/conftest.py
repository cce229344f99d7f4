"""Every store test runs on SQLite and on a real PostgreSQL server started for the test session (the backends
are fixtures of the whole suite: the window's conflict tests play on both too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from recogniser.store import CaseStore


@pytest.fixture
def store(database_url: str, request: pytest.FixtureRequest) -> Iterator[CaseStore]:
    """The store as the application uses it: on PostgreSQL, the database is migrated by its owner and used
    through the application's role, which may write rows but never change tables."""
    if database_url.startswith("postgresql"):
        CaseStore.open(database_url).close()
        database_url = request.getfixturevalue("postgres_server").app_url(database_url)
    with CaseStore.open(database_url) as opened:
        yield opened
