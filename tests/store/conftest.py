"""Every store test runs on SQLite and on a real PostgreSQL server started for the test session (the backends
are fixtures of the whole suite: the window's conflict tests play on both too)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from recogniser.store import CaseStore


@pytest.fixture
def store(database_url: str) -> Iterator[CaseStore]:
    with CaseStore.open(database_url) as opened:
        yield opened
