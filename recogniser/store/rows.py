"""Case rows: written from a case document with the columns and search terms drawn from it, looked up by
reference, locked for a change, and read back as records."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from recogniser.casefile import case_sha256, parse_case
from recogniser.i18n import phrase
from recogniser.joining import quoted
from recogniser.model import Case, Outcome
from recogniser.store import search_index
from recogniser.store.columns import CaseColumns
from recogniser.store.errors import (
    CaseConflictError,
    DuplicateReferenceError,
    InvalidOriginalError,
    UnknownReferenceError,
)
from recogniser.store.records import CaseStatus, StoredCase
from recogniser.store.search import sort_key
from recogniser.store.tables import CASE_ORIGINALS, CASE_TERMS, CASES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from recogniser.store.mapped_rows import CaseRow

_CASES = CASES
_TERMS = CASE_TERMS

#: References checked per IN (...) list: well inside every backend's limit on bound parameters.
_IN_LIST_LIMIT = 500


def keep_original(session: Session, row: CaseRow, file_name: str, content: bytes) -> None:
    """Keep a file the case names by SHA-256 (its own provenance or a credential's of its stack); keeping the same
    file again replaces it."""
    digest = hashlib.sha256(content).hexdigest()
    if digest not in named_digests(json.loads(row.document)) or row.id is None:
        raise InvalidOriginalError(row.reference, file_name)
    kept = CASE_ORIGINALS.c
    session.execute(delete(CASE_ORIGINALS).where(kept.case_id == row.id, kept.sha256 == digest))
    session.execute(insert(CASE_ORIGINALS).values(case_id=row.id, file_name=file_name, sha256=digest, content=content))


def named_digests(document: Mapping[str, Any]) -> list[str]:
    """The SHA-256 of each file the case says it was imported from: its own, then each credential's of a stack."""
    sources = [document, *(item for item in document.get("credentials") or () if isinstance(item, Mapping))]
    digests = []
    for source in sources:
        provenance = source.get("provenance")
        file = provenance.get("source") if isinstance(provenance, Mapping) else None
        digest = file.get("sha256") if isinstance(file, Mapping) else None
        if isinstance(digest, str) and digest not in digests:
            digests.append(digest)
    return digests


def case_id_of(session: Session, reference: str) -> int | None:
    return session.scalars(select(_CASES.c.id).where(_CASES.c.reference == reference)).first()


def case_row(session: Session, reference: str) -> CaseRow:
    from recogniser.store.mapped_rows import CaseRow  # the ORM, loaded by the units of work that read a case

    row = session.scalars(select(CaseRow).where(CaseRow.reference == reference)).first()
    if row is None:
        raise UnknownReferenceError(reference)
    return row


def locked_case(session: Session, reference: str) -> CaseRow:
    """The case row, locked until the transaction ends (PostgreSQL; SQLite has a single writer anyway)."""
    from recogniser.store.mapped_rows import CaseRow

    row = session.scalars(select(CaseRow).where(CaseRow.reference == reference).with_for_update()).first()
    if row is None:
        raise UnknownReferenceError(reference)
    return row


def conflict(reference: str, expected: int, current: int) -> CaseConflictError:
    return CaseConflictError(
        phrase(
            "case {reference} was saved by someone else since you opened it (you have version {expected}, the store "
            "has version {current}); reload it and make your changes again",
            reference=quoted(reference),
            expected=expected,
            current=current,
        )
    )


def _free_references(session: Session, wanted: list[str]) -> list[str]:
    """The wanted references, each with -2, -3... added where that text already names a case."""
    free = []
    for first in range(0, len(wanted), _IN_LIST_LIMIT):
        chunk = wanted[first : first + _IN_LIST_LIMIT]
        taken = _taken(session, chunk)
        for reference in chunk:
            candidate, suffix = reference, 1
            while candidate in taken:
                suffix += 1
                candidate = f"{reference}-{suffix}"
                taken = taken if case_id_of(session, candidate) is None else {*taken, candidate}
            free.append(candidate)
    return free


def _taken(session: Session, references: list[str]) -> set[str]:
    return set(session.scalars(select(_CASES.c.reference).where(_CASES.c.reference.in_(references))).all())


def _flush(session: Session, reference: str) -> None:
    """Flush, turning a reference another writer took a moment ago into the error a person understands."""
    try:
        session.flush()
    except IntegrityError as error:
        raise _reference_taken(error, reference) from None


def _reference_taken(error: IntegrityError, reference: str) -> Exception:
    return DuplicateReferenceError(reference) if "reference" in str(error.orig) else error


def case_values(document: Mapping[str, Any]) -> tuple[dict[str, Any], CaseColumns]:
    """The document and the columns drawn from it, as column values of a case row."""
    columns = CaseColumns.of(document)
    assert columns.reference is not None
    values = {
        "reference": columns.reference,
        "document": json.dumps(document, ensure_ascii=False),
        "case_sha256": case_sha256(document),
        "purpose": columns.purpose,
        "learner_name": columns.learner_name,
        "learner_key": sort_key(columns.learner_name),
        "title": columns.title,
        "title_key": sort_key(columns.title),
        "awarding_body": columns.awarding_body,
        "awarding_body_key": sort_key(columns.awarding_body),
        "issuer_country": columns.issuer_country,
        "received_on": columns.received_on,
        "complete_on": columns.complete_on,
        "credential_count": columns.credential_count,
    }
    return values, columns


def insert_cases(session: Session, cases: list[Case], now: datetime) -> list[StoredCase]:
    """Add case rows and their search terms; returns the cases as stored (references included).

    Adding cases in bulk is the store's one hot path, so rows go in as a few multi-row statements: all cases in
    one INSERT, then those that get a reference (its serial is the row id, known only once the row is in)
    updated in one statement, then all search terms in one INSERT.
    """
    _refuse_taken_references(session, [case.reference for case in cases if case.reference is not None])
    # Every row names every column: one multi-row INSERT takes its columns from the first row.
    common = {column.name: None for column in _CASES.columns if column.name != "id"} | {
        "version": 1,
        "status": CaseStatus.OPEN.value,
        "credential_count": 1,
        "created_at": now,
        "updated_at": now,
    }
    rows: list[dict[str, Any]] = []
    columns: list[CaseColumns | None] = []
    for case in cases:
        if case.reference is None:
            placeholder = f"unassigned-{os.urandom(8).hex()}"
            rows.append({**common, "reference": placeholder, "document": "", "case_sha256": "", "purpose": ""})
            columns.append(None)
        else:
            values, drawn = case_values(dict(case.document, reference=case.reference))
            rows.append({**common, **values})
            columns.append(drawn)
    try:
        inserted = session.execute(insert(_CASES).returning(_CASES.c.id, sort_by_parameter_order=True), rows)
    except IntegrityError as error:  # another writer took a reference since the check above
        raise _reference_taken(error, ", ".join(case.reference for case in cases if case.reference)) from None
    ids = [int(case_id) for case_id in inserted.scalars().all()]

    assigned = [index for index, case in enumerate(cases) if case.reference is None]
    wanted = [f"{cases[i].assessing_country}-{now.year}-{ids[i]:06d}" for i in assigned]
    updates = []
    for index, reference in zip(assigned, _free_references(session, wanted), strict=True):
        values, columns[index] = case_values(dict(cases[index].document, reference=reference))
        rows[index].update(values)
        updates.append({"row_id": ids[index], **values})
    if updates:
        session.execute(update(_CASES).where(_CASES.c.id == bindparam("row_id")), updates)

    _insert_terms(
        session,
        [row for case_id, drawn in zip(ids, columns, strict=True) if drawn for row in term_rows(case_id, drawn)],
    )
    indexed = [case_id for case_id, drawn in zip(ids, columns, strict=True) if drawn]
    search_index.index_cases(session.connection(), indexed)
    return [
        StoredCase(
            case=replace(case, reference=row["reference"], document=dict(case.document, reference=row["reference"])),
            version=1,
            status=CaseStatus.OPEN,
            outcome=None,
            case_sha256=row["case_sha256"],
            created_at=now,
            updated_at=now,
        )
        for case, row in zip(cases, rows, strict=True)
    ]


def _refuse_taken_references(session: Session, references: list[str]) -> None:
    seen: set[str] = set()
    for reference in references:
        if reference in seen:
            raise DuplicateReferenceError(reference)
        seen.add(reference)
    for first in range(0, len(references), _IN_LIST_LIMIT):
        chunk = references[first : first + _IN_LIST_LIMIT]
        taken = _taken(session, chunk)
        if taken:
            raise DuplicateReferenceError(next(reference for reference in chunk if reference in taken))


def _insert_terms(session: Session, terms: list[dict[str, Any]]) -> None:
    if terms:
        session.execute(insert(_TERMS), terms)


def remove_terms(session: Session, case_id: int) -> None:
    """Take a case out of the search: the engine's index first, which forgets a case by its terms."""
    search_index.unindex_cases(session.connection(), [case_id])
    session.execute(delete(_TERMS).where(_TERMS.c.case_id == case_id))


def term_rows(case_id: int, columns: CaseColumns) -> list[dict[str, Any]]:
    return [{"term": term, "case_id": case_id} for term in sorted(columns.search_terms())]


def update_case(session: Session, row: CaseRow, case: Case, now: datetime) -> Case:
    """Give a locked case row a new text; a changed text re-opens the case. Returns the case as stored."""
    reference = row.reference
    new_reference = case.reference or reference
    if new_reference != reference and case_id_of(session, new_reference) is not None:
        raise DuplicateReferenceError(new_reference)
    document = dict(case.document, reference=new_reference)
    stored = replace(case, reference=new_reference, document=document)
    if new_reference == reference and case_sha256(document) == row.case_sha256:
        return stored
    earlier_sha256 = row.case_sha256
    values, columns = case_values(document)
    for name, value in values.items():
        setattr(row, name, value)
    if row.case_sha256 != earlier_sha256:
        row.status = CaseStatus.OPEN.value
    row.version += 1
    row.updated_at = now
    assert row.id is not None
    remove_terms(session, row.id)
    _flush(session, new_reference)
    _insert_terms(session, term_rows(row.id, columns))
    search_index.index_cases(session.connection(), [row.id])
    return stored


def stored_case(row: CaseRow, case: Case | None = None) -> StoredCase:
    """The record of a case row; ``case`` saves parsing the document again when the caller has it."""
    return StoredCase(
        case=case or parse_case(json.loads(row.document), source=row.reference, accepted_earlier=True),
        version=row.version,
        status=CaseStatus(row.status),
        outcome=None if row.latest_outcome is None else Outcome(row.latest_outcome),
        case_sha256=row.case_sha256,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
