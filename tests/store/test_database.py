"""Opening the store: where it lives, migrations and backups, and the errors a person sees."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from recogniser.casefile import case_sha256, parse_case
from recogniser.model import Outcome
from recogniser.store import (
    CaseStore,
    DatabaseUnreachableError,
    NewerSchemaError,
    UnusableDatabaseError,
    WrongPasswordError,
    search_index,
)
from recogniser.store.columns import CaseColumns
from recogniser.store.database import check_database, create_store_engine, head_revision, migrate, resolve_url
from recogniser.store.mapped_rows import CaseRow, DecisionRow
from recogniser.store.search import SORT_KEY_LENGTH, fold, sort_key
from recogniser.store.tables import CASES, DECISIONS, metadata
from tests.store.cases import make_case, make_decision
from tests.store.migrating import downgraded
from tests.store.postgres_server import PostgresServer, _free_port


def test_by_default_the_database_is_a_sqlite_file_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("RECOGNISER_DATABASE_URL", raising=False)
    with CaseStore.open() as store:
        store.add_case(make_case("CASE-1"))
        assert store.location == f"sqlite:///{tmp_path / 'data' / 'recogniser.db'}"
    with sqlite3.connect(tmp_path / "data" / "recogniser.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_environment_names_another_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOGNISER_DATABASE_URL", f"sqlite:///{tmp_path / 'office.db'}")
    with CaseStore.open() as store:
        assert store.location.endswith("office.db")
    # An explicit URL wins over the environment.
    with CaseStore.open(f"sqlite:///{tmp_path / 'mine.db'}") as store:
        assert store.location.endswith("mine.db")


def _made_on(index: Any, dialect: str) -> bool:
    condition = getattr(index, "_ddl_if", None)  # what Index.ddl_if keeps: SQLAlchemy offers no public reader
    return condition is None or condition.dialect in (None, dialect)


def test_the_tables_are_exactly_what_the_migrations_build(database_url: str) -> None:
    url = resolve_url(database_url)
    engine = create_store_engine(url)
    try:
        migrate(engine, url)
        with engine.connect() as connection:
            # The engine's search index is made by its migration alone (an FTS5 table on SQLite, a table of
            # another shape on PostgreSQL): no table of the model describes it.
            opts = {
                "include_name": lambda name, kind, _: kind != "table" or not name.startswith(search_index.TABLE),
                # An index the model makes on one kind of database only (``Index.ddl_if``) is compared there alone.
                "include_object": lambda item, name, kind, reflected, compared: (
                    kind != "index" or _made_on(compared if reflected else item, connection.dialect.name)
                ),
            }
            assert compare_metadata(MigrationContext.configure(connection, opts=opts), metadata) == []
    finally:
        engine.dispose()


def _first_revision_rows(count: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Cases and decisions as the first revision stored them (no search index yet)."""
    moment = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)
    cases, decisions = [], []
    for number in range(1, count + 1):
        learner = {1: "Иван Петровић", 3: "Ana " + "Horvat-" * 40}.get(number, f"Learner {number}")
        case = make_case(f"OLD-{number:05d}", learner=learner)
        if number == 2:  # a key the format did not know yet: its dates are drawn from the text on upgrading
            case = parse_case(
                {**case.document, "procedure": {"received_on": "2026-01-02", "complete_on": "2026-01-09"}}
            )
        columns = CaseColumns.of(case.document)
        cases.append(
            {
                "id": number,
                "reference": case.reference,
                "document": json.dumps(case.document, ensure_ascii=False),
                "case_sha256": case_sha256(case),
                "version": 1,
                "purpose": columns.purpose,
                "status": "assessed" if number % 2 else "open",
                "latest_outcome": "full_recognition" if number % 2 else None,
                "learner_name": columns.learner_name,
                # Sort keys were cut to 200 characters then.
                "learner_key": None if columns.learner_name is None else fold(columns.learner_name)[:200],
                "title": columns.title,
                "title_key": sort_key(columns.title),
                "awarding_body": columns.awarding_body,
                "awarding_body_key": sort_key(columns.awarding_body),
                "issuer_country": columns.issuer_country,
                "created_at": moment,
                "updated_at": moment,
            }
        )
        if number % 2:
            decisions.append(
                {
                    "case_id": number,
                    "decision": json.dumps(make_decision(case, Outcome.FULL_RECOGNITION).to_json()),
                    "case_document": json.dumps(case.document, ensure_ascii=False),
                    "case_sha256": case_sha256(case),
                    "rulebook_version": "2026.1",
                    "recommended_outcome": "full_recognition",
                    "decided_by": "M. Evaluator",
                    "recorded_at": moment,
                }
            )
    return cases, decisions


def test_upgrading_from_the_first_revision_keeps_everything_and_indexes_it(database_url: str) -> None:
    url = resolve_url(database_url)
    engine = create_store_engine(url)
    cases, decisions = _first_revision_rows(2_500)  # more than one batch of the index backfill
    try:
        migrate(engine, url, target="0001")
        with engine.connect().execution_options(writing=True) as connection, connection.begin():
            connection.execute(CASES.insert(), cases)
            connection.execute(DECISIONS.insert(), decisions)
    finally:
        engine.dispose()

    with CaseStore.open(database_url) as store:
        assert store.count_cases() == 2_500
        assert [s.reference for s in store.search_cases("ivan petrovic")] == ["OLD-00001"]
        assert [s.reference for s in store.search_cases("learner 2499")] == ["OLD-02499"]
        [decision] = store.decisions_for("OLD-00001")
        assert decision.decided_by == "M. Evaluator"
        assert decision.final_ects is None  # kept before credits were: not stated
        assert decision.decision.recommendation.outcome is Outcome.FULL_RECOGNITION
        assert store.get_case("OLD-02500").case.credential.learner is not None
        assert store.get_case("OLD-00002").case.procedure.complete_on == date(2026, 1, 9)
    engine = create_store_engine(url)
    try:
        with engine.connect() as connection:
            dated = connection.execute(
                text("SELECT reference, received_on, complete_on FROM cases WHERE complete_on IS NOT NULL")
            ).all()
            longest = connection.execute(
                text("SELECT id, length(learner_key) FROM cases WHERE length(learner_key) > 20")
            ).all()
    finally:
        engine.dispose()
    assert [tuple(map(str, row)) for row in dated] == [("OLD-00002", "2026-01-02", "2026-01-09")]
    assert longest == [(3, SORT_KEY_LENGTH)]  # cut to the length a key now has

    path = url.database
    if url.get_backend_name() == "sqlite":
        assert path is not None
        [backup] = Path(path).parent.glob("cases.db.before-0001-*.bak")
        with sqlite3.connect(backup) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert old.execute("SELECT count(*) FROM cases").fetchone() == (2_500,)


def test_a_database_at_the_newest_revision_is_not_backed_up_again(sqlite_url: str, tmp_path: Path) -> None:
    CaseStore.open(sqlite_url).close()
    CaseStore.open(sqlite_url).close()
    assert list(tmp_path.glob("*.bak")) == []


def _execute(database_url: str, statement: str) -> None:
    """Change the database behind the store's back, as another program or a newer Recogniser would."""
    engine = create_store_engine(resolve_url(database_url))
    try:
        with engine.connect().execution_options(writing=True) as connection, connection.begin():
            connection.execute(text(statement))
    finally:
        engine.dispose()


def test_a_database_from_a_newer_recogniser_is_refused_untouched(database_url: str) -> None:
    with CaseStore.open(database_url) as store:
        store.add_case(make_case("CASE-1"))
    _execute(database_url, "UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(NewerSchemaError, match=r"newer version of Recogniser \(schema 0099\)"):
        CaseStore.open(database_url)


def test_another_programs_database_is_refused(database_url: str) -> None:
    _execute(database_url, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(UnusableDatabaseError, match="another program's tables"):
        CaseStore.open(database_url)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the cases you are looking for\n" * 100, encoding="utf-8")
    with pytest.raises(UnusableDatabaseError, match="not a Recogniser database"):
        CaseStore.open(f"sqlite:///{path}")


def test_a_folder_that_cannot_be_made_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(blocker / "data"))
    with pytest.raises(DatabaseUnreachableError, match="cannot create the folder"):
        CaseStore.open()


def test_a_named_file_in_a_folder_that_does_not_exist_is_refused_not_created(tmp_path: Path) -> None:
    # A mistyped path must not quietly become a new, empty database; only the per-user one makes its folder.
    missing = tmp_path / "no-such-folder"
    with pytest.raises(DatabaseUnreachableError, match=f"the folder {missing} does not exist"):
        CaseStore.open(f"sqlite:///{missing / 'cases.db'}")
    assert not missing.exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(DatabaseUnreachableError, match=f"the folder {blocker} is not a folder"):
        CaseStore.open(f"sqlite:///{blocker / 'cases.db'}")


@pytest.mark.parametrize("url", ["not a url", "mysql://office/cases"])
def test_a_url_for_no_supported_database_is_refused(url: str) -> None:
    with pytest.raises(UnusableDatabaseError):
        CaseStore.open(url)


def test_a_server_that_is_not_there_is_unreachable() -> None:
    port = _free_port()
    with pytest.raises(DatabaseUnreachableError, match=rf"no database server answers at 127\.0\.0\.1:{port}"):
        CaseStore.open(f"postgresql://someone:secret@127.0.0.1:{port}/cases")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql://someone@no-such-host.invalid/cases", "no computer named no-such-host.invalid is known"),
        ("sqlite:////no/such/folder/cases.db", "the folder /no/such/folder does not exist"),
    ],
)
def test_a_database_is_tried_without_being_changed_and_its_problem_said_plainly(url: str, said: str) -> None:
    with pytest.raises(DatabaseUnreachableError, match=said):
        check_database(url)


def test_a_wrong_password_is_named_and_never_shown(postgres_server: PostgresServer) -> None:
    url = postgres_server.url("postgres", password="not-the-password")
    with pytest.raises(WrongPasswordError, match="refused the user name or password") as raised:
        CaseStore.open(url)
    assert "not-the-password" not in str(raised.value)


def test_a_missing_database_on_the_server_is_named(postgres_server: PostgresServer) -> None:
    with pytest.raises(DatabaseUnreachableError, match="the server has no database named no_such_cases"):
        CaseStore.open(postgres_server.url("no_such_cases"))


def test_the_search_index_revision_can_be_undone_and_redone(database_url: str) -> None:
    with CaseStore.open(database_url) as store:
        store.add_case(make_case("CASE-1", learner="Иван Петровић"))
    with downgraded(database_url, "0001") as connection:
        assert "case_terms" not in inspect(connection).get_table_names()
    with CaseStore.open(database_url) as store:
        assert [s.reference for s in store.search_cases("ivan")] == ["CASE-1"]


def test_the_mapped_classes_type_every_column_of_their_table() -> None:
    # The tables declare the columns; the classes' annotations only type them, so they must name the same ones.
    for mapped in (CaseRow, DecisionRow):
        assert set(mapped.__annotations__) == set(mapped.__table__.columns.keys()), mapped.__name__


def test_the_newest_schema_is_read_from_the_migration_files_as_alembic_reads_it() -> None:
    # A store at this schema opens without loading alembic; a new migration moves it.
    config = Config()
    config.set_main_option("script_location", "recogniser.store:migrations")
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()
