"""The credential files a case was imported from: one per file, a stack's credentials' each kept with the case."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from recogniser.casefile import parse_case
from recogniser.interchange import import_credential, stack_document
from recogniser.store import CaseStore
from recogniser.store.database import create_store_engine, migrate, resolve_url
from recogniser.store.errors import InvalidOriginalError
from recogniser.store.tables import CASES
from tests.store.migrating import downgraded
from tests.store.test_database import _first_revision_rows

CREDENTIALS = Path(__file__).resolve().parents[1] / "interchange" / "fixtures"
FILES = ("edc-microcredential.json", "ob3-badge.json")


def _stack() -> tuple[dict[str, object], list[tuple[str, bytes]]]:
    results = [import_credential(CREDENTIALS / name, assessing_country="HR") for name in FILES]
    return stack_document(results), [(name, result.original) for name, result in zip(FILES, results, strict=True)]


def test_a_stack_keeps_the_file_of_each_of_its_credentials(database_url: str) -> None:
    document, originals = _stack()
    with CaseStore.open(database_url) as store:
        reference = store.add_case(parse_case(document), originals=originals).reference
        assert store.originals(reference) == originals
        assert store.original(reference) == originals[0]
        # Keeping a file again replaces it; a file the case does not name is refused.
        store.keep_original(reference, "renamed.json", originals[1][1])
        assert store.originals(reference) == [originals[0], ("renamed.json", originals[1][1])]
        with pytest.raises(InvalidOriginalError):
            store.keep_original(reference, "other.json", b"{}")
        # A credential taken out of the case takes its file out of those the case gives (it stays kept).
        stored = store.get_case(reference)
        fewer = dict(document)
        fewer["credentials"] = [document["credentials"][0]]  # type: ignore[index]
        store.save_case(reference, parse_case(fewer), stored.version)
        assert store.originals(reference) == [originals[0]]


def test_originals_kept_before_stay_with_their_case_after_the_upgrade(sqlite_url: str, tmp_path: Path) -> None:
    url = resolve_url(sqlite_url)
    engine = create_store_engine(url)
    cases, _decisions = _first_revision_rows(1)
    try:
        migrate(engine, url, target="0001")
        with engine.connect().execution_options(writing=True) as connection, connection.begin():
            connection.execute(CASES.insert(), cases)
        migrate(engine, url, target="0008")
    finally:
        engine.dispose()
    content = b'{"a credential": true}'
    digest = hashlib.sha256(content).hexdigest()
    with sqlite3.connect(Path(url.database or "")) as raw:
        [(reference, text)] = raw.execute("SELECT reference, document FROM cases").fetchall()
        document = {**json.loads(text), "provenance": {"source": {"sha256": digest}}}
        raw.execute("UPDATE cases SET document = ?", (json.dumps(document),))
        raw.execute(
            "INSERT INTO case_originals (case_id, file_name, sha256, content) VALUES (1, 'old.json', ?, ?)",
            (digest, content),
        )
    with CaseStore.open(sqlite_url) as store:
        assert store.originals(reference) == [("old.json", content)]
    [backup] = tmp_path.glob("*.before-0008-*.bak")
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT file_name FROM case_originals").fetchall() == [("old.json",)]


def test_going_back_a_revision_keeps_one_original_a_case(database_url: str) -> None:
    from sqlalchemy import text

    document, originals = _stack()
    with CaseStore.open(database_url) as store:
        reference = store.add_case(parse_case(document), originals=originals).reference
    with downgraded(database_url, "0008") as connection:
        kept = connection.execute(text("SELECT sha256 FROM case_originals")).scalars().all()
    assert kept == [min(hashlib.sha256(content).hexdigest() for _name, content in originals)]
    with CaseStore.open(database_url) as store:  # and forward again
        assert len(store.originals(reference)) == 1
