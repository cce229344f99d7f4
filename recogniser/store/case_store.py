"""The case store: every case and every decision, on SQLite by default or PostgreSQL for a shared office.

``CaseStore.open(url)`` connects and migrates; each method is one unit of work in its own transaction and
returns plain records. Problems a person can put right raise ``recogniser.store.errors`` exceptions.

References: a case keeps the reference its file gives; a case without one gets
``<assessing country>-<year added>-<six-digit serial>`` (``HR-2026-000142``), the serial being the case's row
number, so references never repeat; should that text already name another case, ``-2``, ``-3``... is added.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from types import TracebackType
from typing import IO, Any, Self

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Engine,
    FromClause,
    Select,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    intersect,
    literal,
    or_,
    tuple_,
    update,
)
from sqlalchemy import select as select_columns
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from recogniser.casefile import case_sha256, parse_case, save_case
from recogniser.decision_policy import (
    DecisionPolicyError,
    checked_credits,
    credits_sought,
    reason_for_departing_owed,
    reasons_owed,
    recommended_credits,
)
from recogniser.model import Case, Decision, Outcome, Purpose
from recogniser.precedents import PRECEDENTS_SHOWN, Precedent
from recogniser.register import write_csv, write_json
from recogniser.statistics import OfficeStatistics
from recogniser.store import office_record
from recogniser.store.columns import CaseColumns
from recogniser.store.database import (
    create_store_engine,
    migrate,
    resolve_url,
    shown,
    sqlite_path,
    translated_errors,
)
from recogniser.store.errors import (
    CaseChangedError,
    CaseConflictError,
    CaseHasDecisionsError,
    DuplicateReferenceError,
    InvalidDecisionRecordError,
    InvalidOriginalError,
    UnknownReferenceError,
)
from recogniser.store.records import (
    CaseCursor,
    CasePage,
    CaseQuery,
    CaseSort,
    CaseStatus,
    CaseSummary,
    StoredCase,
    StoredDecision,
)
from recogniser.store.search import prefix_upper_bound, query_words, sort_key
from recogniser.store.tables import CaseOriginalRow, CaseRow, CaseTermRow, DecisionRow, metadata

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


_SORT_COLUMNS: dict[CaseSort, Any] = {
    CaseSort.REFERENCE: CaseRow.reference,
    CaseSort.LEARNER: CaseRow.learner_key,
    CaseSort.TITLE: CaseRow.title_key,
    CaseSort.AWARDING_BODY: CaseRow.awarding_body_key,
    CaseSort.COUNTRY: CaseRow.issuer_country,
    CaseSort.PURPOSE: CaseRow.purpose,
    CaseSort.STATUS: CaseRow.status,
    CaseSort.OUTCOME: CaseRow.latest_outcome,
    CaseSort.CREATED: CaseRow.created_at,
    CaseSort.UPDATED: CaseRow.updated_at,
}

_CASES = metadata.tables["cases"]
_TERMS = metadata.tables["case_terms"]

#: References checked per IN (...) list: well inside every backend's limit on bound parameters.
_IN_LIST_LIMIT = 500

_SUMMARY_COLUMNS = (
    col(CaseRow.reference),
    col(CaseRow.learner_name),
    col(CaseRow.title),
    col(CaseRow.awarding_body),
    col(CaseRow.issuer_country),
    col(CaseRow.purpose),
    col(CaseRow.status),
    col(CaseRow.latest_outcome),
    col(CaseRow.created_at),
    col(CaseRow.updated_at),
    col(CaseRow.version),
    col(CaseRow.credential_count),
)


class CaseStore:
    """Cases and their decisions in one database. Safe to share between threads; close it when done."""

    def __init__(self, engine: Engine, url: URL, clock: Clock = _utc_now) -> None:
        self._engine = engine
        self._url = url
        self._clock = clock

    @classmethod
    def open(cls, url: str | None = None, clock: Clock = _utc_now) -> CaseStore:
        """Connect to ``url`` (default: ``RECOGNISER_DATABASE_URL``, else settings.toml, else the per-user SQLite
        file) and migrate."""
        resolved = resolve_url(url)
        engine = create_store_engine(resolved)
        try:
            migrate(engine, resolved)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, resolved, clock)

    @property
    def location(self) -> str:
        """Where the cases are kept, fit to show (no password)."""
        return shown(self._url)

    @property
    def place(self) -> str:
        """Where the cases are kept as a person reads it: a SQLite database's file, any other's URL."""
        path = sqlite_path(self._url)
        return str(path) if path is not None else self.location

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _session(self, writing: bool = False) -> Iterator[Session]:
        with translated_errors(self._url), Session(self._engine, expire_on_commit=False) as session:
            session.connection(execution_options={"writing": writing})
            yield session
            if writing:
                session.commit()

    # --- cases ---

    def add_case(self, case: Case, original: tuple[str, bytes] | None = None) -> StoredCase:
        """Store a new case; one without a reference gets one (see the module's note on references).

        ``original`` (a file name and its bytes) is the credential the case was imported from: kept with it in the
        same transaction, and only when it is the file the case's provenance names.
        """
        if original is None:
            return self.add_cases([case])[0]
        now = self._clock()
        with self._session(writing=True) as session:
            stored = _insert(session, [case], now)[0]
            _keep_original(session, _case_row(session, stored.reference), *original)
            return stored

    def add_cases(self, cases: Iterable[Case]) -> list[StoredCase]:
        """Store several new cases in one transaction: all of them, or none if one is refused."""
        now = self._clock()
        with self._session(writing=True) as session:
            return _insert(session, list(cases), now)

    def save_case(self, reference: str, case: Case, expected_version: int) -> StoredCase:
        """Replace the case stored under ``reference`` with ``case`` (which may carry a new reference).

        ``expected_version`` is the version the evaluator opened; if someone saved since, nothing is written and
        ``CaseConflictError`` says so. Saving identical text writes nothing and keeps the version.
        """
        now = self._clock()
        with self._session(writing=True) as session:
            row = _locked_case(session, reference)
            if row.version != expected_version:
                raise _conflict(reference, expected_version, row.version)
            return _stored_case(row, _update(session, row, case, now))

    def keep_original(self, reference: str, file_name: str, content: bytes) -> None:
        """Keep the credential file the case was imported from; it must be the file its provenance names (by
        SHA-256). A case keeps one original: keeping another replaces it."""
        with self._session(writing=True) as session:
            _keep_original(session, _case_row(session, reference), file_name, content)

    def original(self, reference: str) -> tuple[str, bytes] | None:
        """The credential file kept with the case (its name and bytes), None when none is kept."""
        with self._session() as session:
            row = _case_row(session, reference)
            kept = session.get(CaseOriginalRow, row.id)
            return (kept.file_name, kept.content) if kept is not None else None

    def get_case(self, reference: str) -> StoredCase:
        with self._session() as session:
            return _stored_case(_case_row(session, reference))

    def delete_case(self, reference: str, expected_version: int) -> None:
        """Remove a case that has no recorded decision (decided cases are part of the record and stay)."""
        with self._session(writing=True) as session:
            row = _locked_case(session, reference)
            if row.version != expected_version:
                raise _conflict(reference, expected_version, row.version)
            decided = session.exec(select(DecisionRow.id).where(DecisionRow.case_id == row.id).limit(1)).first()
            if decided is not None:
                raise CaseHasDecisionsError(reference)
            session.execute(delete(CaseTermRow).where(col(CaseTermRow.case_id) == row.id))
            session.execute(delete(CaseOriginalRow).where(col(CaseOriginalRow.case_id) == row.id))
            session.execute(delete(CaseRow).where(col(CaseRow.id) == row.id))

    def list_cases(self, query: CaseQuery | None = None, offset: int = 0, limit: int = 50) -> list[CaseSummary]:
        """One page of the cases ``query`` selects (all by default), in its order (ties: the order they were added).

        A deep page is best reached with ``page_cases`` and the cursor of the page before it: an offset makes the
        database walk every case before the page."""
        query = query or CaseQuery()
        with self._session() as session:
            search = _Search.planned(session, query.search)
            statement = _page_statement(query, search).offset(max(offset, 0)).limit(max(limit, 0))
            return [_summary(row) for row in session.execute(statement).all()]

    def page_cases(
        self, query: CaseQuery | None = None, after: CaseCursor | None = None, limit: int = 50, *, count: bool = True
    ) -> CasePage:
        """A page of the cases ``query`` selects, in its order, starting after ``after`` (the cursor of the page
        before; None for the first page), with the total when ``count`` asks for it.

        The search is planned once for both the page and the total, and the page is found from the cursor through
        the sort column's index (keyset paging), so the thousandth page costs what the first does."""
        query = query or CaseQuery()
        with self._session() as session:
            search = _Search.planned(session, query.search)
            statement = _page_statement(query, search)
            wanted = max(limit, 0) + 1
            if after is None:
                rows = list(session.execute(statement.limit(wanted)).all())
            else:
                # The rest of the walk in at most two index ranges: on from the cursor within its part (the
                # cases with a sort value, or those without), then the other part from its start if it follows.
                nulls_high = session.get_bind().dialect.name == "postgresql"
                rows = []
                for part in _parts_after(query, after, nulls_high):
                    rows += session.execute(statement.where(part).limit(wanted - len(rows))).all()
                    if len(rows) >= wanted:
                        break
            more = len(rows) > limit
            rows = rows[:limit]
            total = _count(session, query, search) if count else None
        cursor = CaseCursor(rows[-1].sort_value, rows[-1].id) if more and rows else None
        return CasePage([_summary(row) for row in rows], total, cursor)

    def count_cases(self, query: CaseQuery | None = None) -> int:
        query = query or CaseQuery()
        with self._session() as session:
            return _count(session, query, _Search.planned(session, query.search))

    def search_cases(self, text: str, limit: int = 50) -> list[CaseSummary]:
        """The most recently changed cases matching ``text`` (see ``CaseQuery.search``)."""
        return self.list_cases(CaseQuery(search=text), limit=limit)

    def export_case(self, reference: str, path: str | os.PathLike[str]) -> None:
        """Write the stored case to a ``recogniser-case/1`` file (whole or not at all)."""
        save_case(path, self.get_case(reference).case.document)

    # --- decisions ---

    def record_decision(
        self,
        reference: str,
        decision: Decision,
        decided_by: str,
        final_outcome: Outcome | None = None,
        justification: str | None = None,
        *,
        final_ects: float | None = None,
        divergence_reason: str | None = None,
    ) -> StoredDecision:
        """Append an assessment of the case as it is stored now, with the evaluator's decision if made.

        The decision must have been taken on the stored text (its ``case_sha256``): one taken on a text someone
        has since changed is refused. Overriding the recommendation needs a justification (LRC III.5: reasons).
        Where credits are sought, a final outcome that grants credits states how many (``final_ects``, from 0 to
        the credits sought); a refusal grants none. A final decision that departs from the office's earlier
        decisions on an equivalent case (``recogniser.precedents``) needs ``divergence_reason``.
        """
        now = self._clock()
        with self._session(writing=True) as session:
            row = _locked_case(session, reference)
            if decision.case_sha256 != row.case_sha256:
                raise CaseConflictError(
                    f"case {reference!r} has changed since it was assessed; assess it again as it is now stored"
                )
            entry = _DecisionEntry.checked(
                decision.recommendation.outcome,
                decided_by,
                final_outcome,
                justification,
                final_ects=final_ects,
                credits_sought=credits_sought(_stored_case(row).case),
                recommended_ects=recommended_credits(decision.recommendation),
            )
            reason = (divergence_reason or "").strip() or None
            if reason is not None and "\x00" in reason:
                raise InvalidDecisionRecordError("divergence_reason: holds a NUL character (U+0000); remove it")
            if entry.final_outcome is not None and reason is None:
                found = office_record.precedents(session, json.loads(row.document), row.id, PRECEDENTS_SHOWN)
                owed = reason_for_departing_owed(entry.final_outcome, entry.final_ects, found)
                if owed is not None:
                    raise InvalidDecisionRecordError(f"divergence_reason: {owed.message}")
            return _record(session, row, decision, replace(entry, divergence_reason=reason), now)

    def record_assessment(
        self,
        case: Case,
        assess: Callable[[Case], Decision],
        decided_by: str,
        update: bool = False,
        recorded: Callable[[StoredCase, StoredDecision], None] | None = None,
    ) -> tuple[StoredCase, StoredDecision]:
        """Store ``case`` and the decision ``assess`` takes on it, in one transaction: both or neither.

        A case whose reference is stored with the same text just gets the decision. Stored with another text,
        it is refused with ``CaseChangedError`` unless ``update`` says this text is the case's new version:
        a file that happens to reuse a reference must not silently replace the case on record. A case without
        a reference gets one, and ``assess`` sees the case as stored, reference included, so the decision's
        case hash is the stored text's. ``recorded`` sees both records before they are committed (to write a
        report naming the decision, say); should it raise, nothing is stored.
        """
        now = self._clock()
        with self._session(writing=True) as session:
            existing = None if case.reference is None else _case_id(session, case.reference)
            if existing is None:
                [inserted] = _insert(session, [case], now)
                stored = inserted.case
                row = _locked_case(session, inserted.reference)
            else:
                row = _locked_case(session, str(case.reference))
                if not update and case_sha256(dict(case.document, reference=row.reference)) != row.case_sha256:
                    raise CaseChangedError(row.reference, row.version)
                stored = _update(session, row, case, now)
            decision = assess(stored)
            entry = _DecisionEntry.checked(decision.recommendation.outcome, decided_by, None, None)
            kept = _record(session, row, decision, entry, now)  # brings the case row's status up to date
            result = _stored_case(row, stored), kept
            if recorded is not None:
                recorded(*result)
            return result

    def decisions_for(self, reference: str) -> list[StoredDecision]:
        """Every decision recorded for the case, oldest first."""
        with self._session() as session:
            row = _case_row(session, reference)
            records = session.exec(
                select(DecisionRow).where(DecisionRow.case_id == row.id).order_by(col(DecisionRow.id))
            ).all()
        first_by_hash: dict[str, int] = {}
        decisions = []
        for record in records:
            assert record.id is not None
            decisions.append(_stored_decision(record, row.reference, first_by_hash.get(record.case_sha256)))
            first_by_hash.setdefault(record.case_sha256, record.id)
        return decisions

    # --- the office's record ---

    def similar_cases(self, case: Case, limit: int = PRECEDENTS_SHOWN) -> list[Precedent]:
        """The office's earlier decided cases most like ``case`` (stored or still being typed), equivalent ones
        first, each with its latest final decision (see ``recogniser.precedents``); the case itself is left out."""
        with self._session() as session:
            own = None if case.reference is None else _case_id(session, case.reference)
            return office_record.precedents(session, dict(case.document), own, limit)

    def export_register(self, stream: IO[str], kind: str, first: date | None = None, last: date | None = None) -> int:
        """Write every final decision recorded from ``first`` to ``last`` (UTC days, both optional) as the
        publishable register (``recogniser.register``: no personal data) in ``kind`` csv or json; returns how
        many decisions were written."""
        period = {
            "from": None if first is None else first.isoformat(),
            "to": None if last is None else last.isoformat(),
        }
        with self._session() as session:
            entries = office_record.register_entries(session, first, last)
            return write_csv(entries, stream) if kind == "csv" else write_json(entries, stream, period)

    def office_statistics(self, first: date | None = None, last: date | None = None) -> OfficeStatistics:
        """The office's decisions in the period by outcome, purpose, issuing country and month, and the time
        from a complete file to the decision (``recogniser.statistics``)."""
        with self._session() as session:
            return OfficeStatistics.of(*office_record.office_counts(session, first, last))


# --- helpers: listing ---


def _page_statement(query: CaseQuery, search: _Search) -> Select[*tuple[Any, ...]]:
    """The cases ``query`` selects with their summary columns, the row id and the sort value, in its order."""
    column = _SORT_COLUMNS[query.sort]
    order = [column.desc(), col(CaseRow.id).desc()] if query.descending else [column.asc(), col(CaseRow.id)]
    return (
        select_columns(*_SUMMARY_COLUMNS, col(CaseRow.id).label("id"), column.label("sort_value"))
        .where(*_filters(query), *search.conditions(walk_sort_order=search.walks))
        .order_by(*order)
    )


def _count(session: Session, query: CaseQuery, search: _Search) -> int:
    filters = _filters(query)
    if search.words and not filters:
        return search.count(session)
    statement = select_columns(func.count()).select_from(CaseRow).where(*filters, *search.conditions())
    return int(session.execute(statement).scalar_one())


def _parts_after(query: CaseQuery, cursor: CaseCursor, nulls_high: bool) -> list[ColumnElement[bool]]:
    """The cases after ``cursor`` in the query's order, as the ranges of the (sort column, id) index to read in
    turn: no ``OR`` that would keep a database from reading one range in order.

    Empty sort values come where the database puts them: first in ascending order on SQLite, last on PostgreSQL.
    """
    column = _SORT_COLUMNS[query.sort]
    row_id = col(CaseRow.id)
    ascending = not query.descending
    # Whether the empty values come before the others in this walk.
    nulls_first = ascending != nulls_high
    if cursor.value is None:
        later_id = row_id > cursor.case_id if ascending else row_id < cursor.case_id
        among_empty = and_(column.is_(None), later_id)
        return [among_empty, column.is_not(None)] if nulls_first else [among_empty]
    key, at = tuple_(column, row_id), tuple_(literal(cursor.value, column.type), literal(cursor.case_id))
    later: ColumnElement[bool] = key > at if ascending else key < at
    return [later] if nulls_first else [later, column.is_(None)]


# --- helpers: rows ---


def _keep_original(session: Session, row: CaseRow, file_name: str, content: bytes) -> None:
    digest = hashlib.sha256(content).hexdigest()
    recorded = json.loads(row.document).get("provenance", {}).get("source", {}).get("sha256")
    if recorded != digest or row.id is None:
        raise InvalidOriginalError(row.reference, file_name)
    session.execute(delete(CaseOriginalRow).where(col(CaseOriginalRow.case_id) == row.id))
    session.add(CaseOriginalRow(case_id=row.id, file_name=file_name, sha256=digest, content=content))


def _case_id(session: Session, reference: str) -> int | None:
    return session.exec(select(CaseRow.id).where(CaseRow.reference == reference)).first()


def _case_row(session: Session, reference: str) -> CaseRow:
    row = session.exec(select(CaseRow).where(CaseRow.reference == reference)).first()
    if row is None:
        raise UnknownReferenceError(reference)
    return row


def _locked_case(session: Session, reference: str) -> CaseRow:
    """The case row, locked until the transaction ends (PostgreSQL; SQLite has a single writer anyway)."""
    row = session.exec(select(CaseRow).where(CaseRow.reference == reference).with_for_update()).first()
    if row is None:
        raise UnknownReferenceError(reference)
    return row


def _conflict(reference: str, expected: int, current: int) -> CaseConflictError:
    return CaseConflictError(
        f"case {reference!r} was saved by someone else since you opened it (you have version {expected}, "
        f"the store has version {current}); reload it and make your changes again"
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
                taken = taken if _case_id(session, candidate) is None else {*taken, candidate}
            free.append(candidate)
    return free


def _taken(session: Session, references: list[str]) -> set[str]:
    return set(session.exec(select(CaseRow.reference).where(col(CaseRow.reference).in_(references))).all())


def _flush(session: Session, reference: str) -> None:
    """Flush, turning a reference another writer took a moment ago into the error a person understands."""
    try:
        session.flush()
    except IntegrityError as error:
        raise _reference_taken(error, reference) from None


def _reference_taken(error: IntegrityError, reference: str) -> Exception:
    return DuplicateReferenceError(reference) if "reference" in str(error.orig) else error


def _document_values(document: Mapping[str, Any]) -> tuple[dict[str, Any], CaseColumns]:
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


def _filters(query: CaseQuery) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if query.purpose is not None:
        filters.append(col(CaseRow.purpose) == query.purpose.value)
    if query.outcome is not None:
        filters.append(col(CaseRow.latest_outcome) == query.outcome.value)
    if query.status is not None:
        filters.append(col(CaseRow.status) == query.status.value)
    if query.issuer_country:
        filters.append(col(CaseRow.issuer_country) == query.issuer_country.strip().upper())
    return filters


#: A search with fewer matches than this fetches their ids from the term index and then just those cases; with
#: more, a page is found by walking the sort order and checking each case until the page is full, which ends
#: sooner than fetching and sorting every match (at 100,000 cases and pages of 50 the two meet near 2,000).
MANY_MATCHES = 2_000


@dataclass(frozen=True)
class _Search:
    """The words of a search, rarest first, and the cases that have them all when they are few.

    Matching happens in the term index: the rarest word's entries are read and each of their cases is checked
    for the other words through the (case, term) index, never reading case rows that do not match.
    """

    words: list[set[str]]
    case_ids: list[int] | None  # every matching case, when fewer than MANY_MATCHES

    @classmethod
    def planned(cls, session: Session, text: str) -> _Search:
        counted = []
        for prefixes in query_words(text):
            entries = select_columns(_TERMS.c.case_id).where(_term_range(_TERMS, prefixes)).limit(MANY_MATCHES)
            found = session.execute(select_columns(func.count()).select_from(entries.subquery())).scalar_one()
            counted.append((found, prefixes))
        if not counted:
            return cls([], None)
        # Words that both reach the cap are told apart by length: a longer prefix is usually the rarer.
        counted.sort(key=lambda pair: (pair[0], -max(len(prefix) for prefix in pair[1])))
        search = cls([prefixes for _, prefixes in counted], None)
        case_ids = list(session.execute(search._intersection().limit(MANY_MATCHES)).scalars())
        return cls(search.words, case_ids) if len(case_ids) < MANY_MATCHES else search

    @property
    def walks(self) -> bool:
        """Whether a page is best found by walking the sort order: written so, neither SQLite's planner nor
        PostgreSQL's gathers every match first (measured at 100,000 cases: three to six times faster)."""
        return bool(self.words) and self.case_ids is None

    def conditions(self, walk_sort_order: bool = False) -> list[ColumnElement[bool]]:
        if not self.words:
            return []
        if self.case_ids is not None:
            return [col(CaseRow.id).in_(self.case_ids)]
        if walk_sort_order:
            return [_has_word(_CASES.c.id, prefixes) for prefixes in self.words]
        return [col(CaseRow.id).in_(self._matching())]

    def count(self, session: Session) -> int:
        """How many cases have every word (from the term index alone)."""
        if self.case_ids is not None:
            return len(self.case_ids)
        statement = select_columns(func.count()).select_from(self._matching().subquery())
        return int(session.execute(statement).scalar_one())

    def _intersection(self) -> CompoundSelect[int] | Select[int]:
        """The cases with every word, as the intersection of each word's cases: every word's index range is read
        once, in order, instead of checking each case of the rarest word for the others (at a million cases and
        two common names, several times faster)."""
        if len(self.words) == 1:
            return self._matching()
        return intersect(*(select_columns(_TERMS.c.case_id).where(_term_range(_TERMS, w)) for w in self.words))

    def _matching(self) -> Select[int]:
        first = _TERMS.alias("first_word")
        return (
            select_columns(first.c.case_id)
            .where(_term_range(first, self.words[0]), *(_has_word(first.c.case_id, word) for word in self.words[1:]))
            .distinct()
        )


def _term_range(terms: FromClause, prefixes: set[str]) -> ColumnElement[bool]:
    term = terms.c.term
    return or_(*(and_(term >= prefix, term < prefix_upper_bound(prefix)) for prefix in sorted(prefixes)))


def _has_word(case_id: ColumnElement[int], prefixes: set[str]) -> ColumnElement[bool]:
    return exists().where(_TERMS.c.case_id == case_id, _term_range(_TERMS, prefixes))


# --- helpers: writing ---


def _insert(session: Session, cases: list[Case], now: datetime) -> list[StoredCase]:
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
            values, drawn = _document_values(dict(case.document, reference=case.reference))
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
        values, columns[index] = _document_values(dict(cases[index].document, reference=reference))
        rows[index].update(values)
        updates.append({"row_id": ids[index], **values})
    if updates:
        session.execute(update(_CASES).where(_CASES.c.id == bindparam("row_id")), updates)

    _insert_terms(
        session,
        [row for case_id, drawn in zip(ids, columns, strict=True) if drawn for row in _term_rows(case_id, drawn)],
    )
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


def _term_rows(case_id: int, columns: CaseColumns) -> list[dict[str, Any]]:
    return [{"term": term, "case_id": case_id} for term in sorted(columns.search_terms())]


def _update(session: Session, row: CaseRow, case: Case, now: datetime) -> Case:
    """Give a locked case row a new text; a changed text re-opens the case. Returns the case as stored."""
    reference = row.reference
    new_reference = case.reference or reference
    if new_reference != reference and _case_id(session, new_reference) is not None:
        raise DuplicateReferenceError(new_reference)
    document = dict(case.document, reference=new_reference)
    stored = replace(case, reference=new_reference, document=document)
    if new_reference == reference and case_sha256(document) == row.case_sha256:
        return stored
    earlier_sha256 = row.case_sha256
    values, columns = _document_values(document)
    for name, value in values.items():
        setattr(row, name, value)
    if row.case_sha256 != earlier_sha256:
        row.status = CaseStatus.OPEN.value
    row.version += 1
    row.updated_at = now
    session.execute(delete(CaseTermRow).where(col(CaseTermRow.case_id) == row.id))
    _flush(session, new_reference)
    assert row.id is not None
    _insert_terms(session, _term_rows(row.id, columns))
    return stored


@dataclass(frozen=True)
class _DecisionEntry:
    """What the evaluator adds to the tool's recommendation when a decision is recorded."""

    decided_by: str
    final_outcome: Outcome | None
    justification: str | None
    final_ects: float | None = None
    divergence_reason: str | None = None

    @classmethod
    def checked(
        cls,
        recommended: Outcome,
        decided_by: str,
        final_outcome: Outcome | None,
        justification: str | None,
        *,
        final_ects: float | None = None,
        credits_sought: float | None = None,
        recommended_ects: float | None = None,
    ) -> _DecisionEntry:
        decided_by = decided_by.strip()
        justification = (justification or "").strip() or None
        if not decided_by:
            raise InvalidDecisionRecordError("decided_by: name the evaluator who records this decision")
        for field, value in (("decided_by", decided_by), ("justification", justification or "")):
            if "\x00" in value:
                raise InvalidDecisionRecordError(f"{field}: holds a NUL character (U+0000); remove it")
        # An override in outcome is named first: the credits are asked for once the outcome stands.
        owed = reasons_owed(recommended, final_outcome)
        if owed is not None and justification is None:
            raise InvalidDecisionRecordError(f"justification: {owed.message}")
        try:
            credits = checked_credits(final_outcome, final_ects, credits_sought)
        except DecisionPolicyError as problem:
            raise InvalidDecisionRecordError(str(problem)) from None
        owed = reasons_owed(recommended, final_outcome, recommended_ects, credits)
        if owed is not None and justification is None:
            raise InvalidDecisionRecordError(f"justification: {owed.message}")
        return cls(decided_by, final_outcome, justification, credits)


def _record(session: Session, row: CaseRow, decision: Decision, entry: _DecisionEntry, now: datetime) -> StoredDecision:
    """Append a decision on the case row's current text and bring the case's status and outcome up to date."""
    assert row.id is not None
    recommended = decision.recommendation.outcome
    record = DecisionRow(
        case_id=row.id,
        decision=json.dumps(decision.to_json(), ensure_ascii=False),
        case_document=row.document,
        case_sha256=row.case_sha256,
        rulebook_version=decision.rulebook_version,
        recommended_outcome=recommended.value,
        final_outcome=None if entry.final_outcome is None else entry.final_outcome.value,
        justification=entry.justification,
        final_ects=entry.final_ects,
        divergence_reason=entry.divergence_reason,
        decided_by=entry.decided_by,
        recorded_at=now,
    )
    session.add(record)
    row.status = (CaseStatus.ASSESSED if entry.final_outcome is None else CaseStatus.DECIDED).value
    row.latest_outcome = (entry.final_outcome or recommended).value
    session.flush()
    earlier = session.exec(
        select(func.min(DecisionRow.id)).where(
            DecisionRow.case_id == row.id,
            DecisionRow.case_sha256 == row.case_sha256,
            col(DecisionRow.id) < record.id,
        )
    ).one()
    return _stored_decision(record, row.reference, earlier)


# --- helpers: records ---


def _stored_case(row: CaseRow, case: Case | None = None) -> StoredCase:
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


def _summary(row: Any) -> CaseSummary:
    return CaseSummary(
        reference=row.reference,
        learner=row.learner_name,
        title=row.title,
        awarding_body=row.awarding_body,
        issuer_country=row.issuer_country,
        purpose=Purpose(row.purpose),
        status=CaseStatus(row.status),
        outcome=None if row.latest_outcome is None else Outcome(row.latest_outcome),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        credentials=row.credential_count,
    )


def _stored_decision(record: DecisionRow, reference: str, repeat_of: int | None) -> StoredDecision:
    assert record.id is not None
    return StoredDecision(
        id=record.id,
        reference=reference,
        decision=Decision.from_json(json.loads(record.decision)),
        case_document=json.loads(record.case_document),
        case_sha256=record.case_sha256,
        rulebook_version=record.rulebook_version,
        recommended_outcome=Outcome(record.recommended_outcome),
        final_outcome=None if record.final_outcome is None else Outcome(record.final_outcome),
        justification=record.justification,
        decided_by=record.decided_by,
        recorded_at=record.recorded_at,
        repeat_of=repeat_of,
        final_ects=record.final_ects,
        divergence_reason=record.divergence_reason,
    )
