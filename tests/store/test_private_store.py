"""The database keeps personal data private: its files readable by the user only, NUL refused the same way on
every backend before anything is sent, and no statement's values in an error's text (and so in the log)."""

from __future__ import annotations

import copy
import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from recogniser import cli
from recogniser.casefile import parse_case
from recogniser.store import CaseStore, InvalidDecisionRecordError, TextWithNulError
from tests.store.cases import base_document, make_case, make_decision


def test_a_new_sqlite_database_and_its_journal_are_private(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        with CaseStore.open(f"sqlite:///{tmp_path / 'cases.db'}") as store:
            store.add_case(make_case("HR-1"))
            modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in tmp_path.iterdir()}
    finally:
        os.umask(previous)
    assert modes == {"cases.db": 0o600, "cases.db-shm": 0o600, "cases.db-wal": 0o600}


def test_the_per_user_database_folder_is_private() -> None:
    with CaseStore.open() as store:
        folder = Path(store.place).parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def _case_with_nul() -> dict[str, object]:
    document = copy.deepcopy(base_document())
    document["credential"]["learner"]["name"] = "Ivana\x00 Horvat"
    return document


def test_a_case_file_with_a_nul_character_is_refused_naming_the_field(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(_case_with_nul()), encoding="utf-8")
    assert cli.main(["--database-url", database_url, "cases", "add", str(path)]) == cli.EXIT_INVALID
    assert capsys.readouterr().err == (
        f"recogniser: {path}: credential.learner.name: holds a NUL character (U+0000); remove it\n"
    )
    with CaseStore.open(database_url) as store:
        assert store.count_cases() == 0


def test_the_store_refuses_nul_on_every_backend_before_sending_it(database_url: str) -> None:
    # A case read as accepted earlier skips the file checks: the store's own guard still refuses it.
    case = parse_case(_case_with_nul(), accepted_earlier=True)
    with CaseStore.open(database_url) as store:
        with pytest.raises(TextWithNulError, match="NUL character"):
            store.add_case(case)
        assert store.count_cases() == 0
        stored = store.add_case(make_case("HR-2"))
        with pytest.raises(InvalidDecisionRecordError, match="justification: holds a NUL"):
            store.record_decision(
                "HR-2", make_decision(stored.case), "M. Evaluator", justification="because\x00", final_ects=5
            )


def test_an_error_from_the_database_never_shows_the_values_sent(database_url: str) -> None:
    with CaseStore.open(database_url) as store:
        stored = store.add_case(make_case("HR-3"))
        store.record_decision("HR-3", make_decision(stored.case), "M. Evaluator")
        engine = store._engine
        with pytest.raises(DBAPIError) as raised, engine.connect() as connection:
            connection.execute(text("UPDATE decisions SET justification = :why"), {"why": "Ivana Horvat is a refugee"})
    assert "Ivana Horvat" not in str(raised.value)
    assert "hidden" in str(raised.value)
