"""PostgreSQL with two roles, as docs/user/data.md sets it up: the owner migrates; the application's role records
decisions but can change none of them by any route, for it owns no table, trigger or function."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from recogniser.cli import EXIT_INVALID, main
from recogniser.store import CaseStore
from tests.store.cases import make_case, make_decision
from tests.store.postgres_server import APP, PostgresServer

ROUTES = [
    "UPDATE decisions SET justification = 'changed'",
    "DELETE FROM decisions",
    "ALTER TABLE decisions DISABLE TRIGGER decisions_refuse_change",
    "ALTER TABLE decisions DISABLE TRIGGER ALL",
    "DROP TRIGGER decisions_refuse_change ON decisions",
    "TRUNCATE decisions",
    "TRUNCATE cases CASCADE",
    "DROP TABLE decisions CASCADE",
    "ALTER TABLE decisions RENAME TO decisions_before",
    "ALTER TABLE decisions OWNER TO " + APP,
    "CREATE OR REPLACE FUNCTION decisions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RETURN NEW; END $$",
    "SET session_replication_role = replica",
]

#: Why each route fails: the role lacks the privilege or ownership, or the append-only trigger refuses.
INSUFFICIENT_PRIVILEGE, REFUSED_BY_TRIGGER = "42501", "23000"


@pytest.fixture
def app_url(postgresql_url: str, postgres_server: PostgresServer) -> Iterator[str]:
    CaseStore.open(postgresql_url).close()  # the owner brings the tables up to date
    yield postgres_server.app_url(postgresql_url)


def _decisions(url: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as connection:
        return connection.execute("SELECT * FROM decisions ORDER BY id").fetchall()


def test_the_application_role_records_decisions_but_cannot_change_one_by_any_route(app_url: str) -> None:
    with CaseStore.open(app_url) as store:
        stored = store.add_case(make_case("HR-APP-1"))
        store.record_decision("HR-APP-1", make_decision(stored.case), "M. Evaluator")
        store.add_case(make_case("HR-APP-2"))
        store.delete_case("HR-APP-2", 1)  # an undecided case can go
    recorded = _decisions(app_url)
    assert len(recorded) == 1
    refusals = {}
    for statement in ROUTES:
        with psycopg.connect(app_url) as connection:
            try:
                connection.execute(statement)
                connection.execute("UPDATE decisions SET decided_by = 'someone else'")
                connection.commit()
            except psycopg.Error as error:
                refusals[statement] = error.sqlstate
    assert set(refusals) == set(ROUTES)
    assert set(refusals.values()) <= {INSUFFICIENT_PRIVILEGE, REFUSED_BY_TRIGGER}, refusals
    assert refusals[ROUTES[0]] == refusals[ROUTES[1]] == REFUSED_BY_TRIGGER
    assert _decisions(app_url) == recorded


def test_the_application_role_on_a_database_not_yet_set_up_is_told_to_use_the_owner(
    postgresql_url: str, postgres_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app_url = postgres_server.app_url(postgresql_url)
    assert main(["--database-url", app_url, "cases", "list"]) == EXIT_INVALID
    err = capsys.readouterr().err
    assert "the database has no Recogniser tables yet and this user may not change tables" in err
    assert "connect once as the database's owner" in err
    assert postgres_server.password not in err
