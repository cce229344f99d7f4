"""The case store: every case and every decision, on SQLite by default or PostgreSQL for a shared office.

``CaseStore.open(url)`` connects and migrates; each method is one unit of work in its own transaction and
returns plain records. Problems a person can put right raise ``recogniser.store.errors`` exceptions.

References: a case keeps the reference its file gives; a case without one gets
``<assessing country>-<year added>-<six-digit serial>`` (``HR-2026-000142``), the serial being the case's row
number, so references never repeat; should that text already name another case, ``-2``, ``-3``... is added.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from types import TracebackType
from typing import IO, TYPE_CHECKING, Self

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.engine import URL

from recogniser.errors import located
from recogniser.i18n import phrase
from recogniser.joining import quoted
from recogniser.store.case_pages import Search, count_matching, listed_rows, page_rows, summary
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
    InvalidDecisionRecordError,
)
from recogniser.store.records import (
    CaseCursor,
    CasePage,
    CaseQuery,
    CaseSummary,
    StoredCase,
    StoredDecision,
)
from recogniser.store.tables import CASE_ORIGINALS, CASES, DECISIONS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from recogniser.model import Case, Decision, Outcome
    from recogniser.precedents import Precedent
    from recogniser.statistics import OfficeStatistics

# What reading a page of the list does not need (the rows as objects, the case file, the decision's policy, the
# office's record) is imported by the methods that use it: ``recogniser cases list`` loads no more than it reads.

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


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
        # The ORM is loaded by the units of work that read a case or a decision as an object; a page of the list
        # is read through ``_reading`` without it.
        from sqlalchemy.orm import Session

        with translated_errors(self._url), Session(self._engine, expire_on_commit=False) as session:
            session.connection(execution_options={"writing": writing})
            yield session
            if writing:
                session.commit()

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A read-only unit of work on the tables alone (see ``_session``): a page and its total in one transaction."""
        with translated_errors(self._url), self._engine.connect() as connection, connection.begin():
            yield connection

    # --- cases ---

    def add_case(
        self, case: Case, original: tuple[str, bytes] | None = None, originals: Sequence[tuple[str, bytes]] = ()
    ) -> StoredCase:
        """Store a new case; one without a reference gets one (see the module's note on references).

        ``original`` (a file name and its bytes) is the credential the case was imported from, ``originals`` those
        of a stack's credentials: kept with it in the same transaction, each only when it is a file the case's
        provenance (or a credential's) names.
        """
        from recogniser.store.rows import case_row, insert_cases, keep_original

        kept = ([original] if original is not None else []) + list(originals)
        if not kept:
            return self.add_cases([case])[0]
        now = self._clock()
        with self._session(writing=True) as session:
            stored = insert_cases(session, [case], now)[0]
            row = case_row(session, stored.reference)
            for file_name, content in kept:
                keep_original(session, row, file_name, content)
            return stored

    def add_cases(self, cases: Iterable[Case]) -> list[StoredCase]:
        """Store several new cases in one transaction: all of them, or none if one is refused."""
        from recogniser.store.rows import insert_cases

        now = self._clock()
        with self._session(writing=True) as session:
            return insert_cases(session, list(cases), now)

    def save_case(
        self, reference: str, case: Case, expected_version: int, originals: Sequence[tuple[str, bytes]] = ()
    ) -> StoredCase:
        """Replace the case stored under ``reference`` with ``case`` (which may carry a new reference).

        ``expected_version`` is the version the evaluator opened; if someone saved since, nothing is written and
        ``CaseConflictError`` says so. Saving identical text writes nothing and keeps the version. ``originals``
        are credential files imported into the case since (a stack's new credentials'), kept in the same
        transaction as ``keep_original`` keeps one.
        """
        from recogniser.store.rows import conflict, keep_original, locked_case, stored_case, update_case

        now = self._clock()
        with self._session(writing=True) as session:
            row = locked_case(session, reference)
            if row.version != expected_version:
                raise conflict(reference, expected_version, row.version)
            stored = stored_case(row, update_case(session, row, case, now))
            for file_name, content in originals:
                keep_original(session, row, file_name, content)
            return stored

    def keep_original(self, reference: str, file_name: str, content: bytes) -> None:
        """Keep a credential file the case was imported from; it must be a file the case's provenance, or that of
        a credential of its stack, names (by SHA-256). Keeping the same file again replaces it."""
        from recogniser.store.rows import case_row, keep_original

        with self._session(writing=True) as session:
            keep_original(session, case_row(session, reference), file_name, content)

    def original(self, reference: str) -> tuple[str, bytes] | None:
        """The credential file kept with the case (its name and bytes; a stack's first), None when none is kept."""
        kept = self.originals(reference)
        return kept[0] if kept else None

    def originals(self, reference: str) -> list[tuple[str, bytes]]:
        """The credential files kept with the case, in the order it names them (a stack's credentials in turn); a
        file of a credential since removed from the case stays kept but is not among them."""
        from recogniser.store.rows import case_row, named_digests

        with self._session() as session:
            row = case_row(session, reference)
            named = named_digests(json.loads(row.document))
            rows = session.execute(select(CASE_ORIGINALS).where(CASE_ORIGINALS.c.case_id == row.id)).all()
            by_digest = {kept.sha256: (kept.file_name, kept.content) for kept in rows}
            return [by_digest[digest] for digest in named if digest in by_digest]

    def get_case(self, reference: str) -> StoredCase:
        from recogniser.store.rows import case_row, stored_case

        with self._session() as session:
            return stored_case(case_row(session, reference))

    def delete_case(self, reference: str, expected_version: int) -> None:
        """Remove a case that has no recorded decision (decided cases are part of the record and stay)."""
        from recogniser.store.rows import conflict, locked_case, remove_terms

        with self._session(writing=True) as session:
            row = locked_case(session, reference)
            if row.version != expected_version:
                raise conflict(reference, expected_version, row.version)
            decided = session.scalars(select(DECISIONS.c.id).where(DECISIONS.c.case_id == row.id).limit(1)).first()
            if decided is not None:
                raise CaseHasDecisionsError(reference)
            assert row.id is not None
            remove_terms(session, row.id)
            session.execute(delete(CASE_ORIGINALS).where(CASE_ORIGINALS.c.case_id == row.id))
            session.execute(delete(CASES).where(CASES.c.id == row.id))

    def list_cases(self, query: CaseQuery | None = None, offset: int = 0, limit: int = 50) -> list[CaseSummary]:
        """One page of the cases ``query`` selects (all by default), in its order (ties: the order they were added).

        A deep page is best reached with ``page_cases`` and the cursor of the page before it: an offset makes the
        database walk every case before the page."""
        query = query or CaseQuery()
        with self._reading() as connection:
            search = Search.planned(connection, query.search)
            return [summary(row) for row in listed_rows(connection, query, search, max(offset, 0), max(limit, 0))]

    def page_cases(
        self, query: CaseQuery | None = None, after: CaseCursor | None = None, limit: int = 50, *, count: bool = True
    ) -> CasePage:
        """A page of the cases ``query`` selects, in its order, starting after ``after`` (the cursor of the page
        before; None for the first page), with the total when ``count`` asks for it.

        The search is planned once for both the page and the total, and the page is found from the cursor through
        the sort column's index (keyset paging), so the thousandth page costs what the first does."""
        query = query or CaseQuery()
        with self._reading() as connection:
            search = Search.planned(connection, query.search)
            rows = page_rows(connection, query, search, after, max(limit, 0) + 1)
            more = len(rows) > limit
            rows = rows[:limit]
            total = count_matching(connection, query, search) if count else None
        cursor = CaseCursor(rows[-1].sort_value, rows[-1].id) if more and rows else None
        return CasePage([summary(row) for row in rows], total, cursor)

    def count_cases(self, query: CaseQuery | None = None) -> int:
        query = query or CaseQuery()
        with self._reading() as connection:
            return count_matching(connection, query, Search.planned(connection, query.search))

    def search_cases(self, text: str, limit: int = 50) -> list[CaseSummary]:
        """The most recently changed cases matching ``text`` (see ``CaseQuery.search``)."""
        return self.list_cases(CaseQuery(search=text), limit=limit)

    def export_case(self, reference: str, path: str | os.PathLike[str]) -> None:
        """Write the stored case to a ``recogniser-case/1`` file (whole or not at all)."""
        from recogniser.casefile import save_case

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
        from recogniser.decision_policy import credits_sought, reason_for_departing_owed, recommended_credits
        from recogniser.precedents import PRECEDENTS_SHOWN
        from recogniser.store import office_record
        from recogniser.store.decision_rows import DecisionEntry, append_decision
        from recogniser.store.rows import locked_case, stored_case

        now = self._clock()
        with self._session(writing=True) as session:
            row = locked_case(session, reference)
            if decision.case_sha256 != row.case_sha256:
                raise CaseConflictError(
                    phrase(
                        "case {reference} has changed since it was assessed; assess it again as it is now stored",
                        reference=quoted(reference),
                    )
                )
            entry = DecisionEntry.checked(
                decision.recommendation.outcome,
                decided_by,
                final_outcome,
                justification,
                final_ects=final_ects,
                credits_sought=credits_sought(stored_case(row).case),
                recommended_ects=recommended_credits(decision.recommendation),
            )
            reason = (divergence_reason or "").strip() or None
            if reason is not None and "\x00" in reason:
                problem = phrase("holds a NUL character (U+0000); remove it")
                raise InvalidDecisionRecordError(located("divergence_reason", problem))
            if entry.final_outcome is not None and reason is None:
                found = office_record.precedents(session, json.loads(row.document), row.id, PRECEDENTS_SHOWN)
                owed = reason_for_departing_owed(entry.final_outcome, entry.final_ects, found)
                if owed is not None:
                    raise InvalidDecisionRecordError(located("divergence_reason", owed.message))
            return append_decision(session, row, decision, replace(entry, divergence_reason=reason), now)

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
        from recogniser.casefile import case_sha256
        from recogniser.store.decision_rows import DecisionEntry, append_decision
        from recogniser.store.rows import case_id_of, insert_cases, locked_case, stored_case, update_case

        now = self._clock()
        with self._session(writing=True) as session:
            existing = None if case.reference is None else case_id_of(session, case.reference)
            if existing is None:
                [inserted] = insert_cases(session, [case], now)
                stored = inserted.case
                row = locked_case(session, inserted.reference)
            else:
                row = locked_case(session, str(case.reference))
                if not update and case_sha256(dict(case.document, reference=row.reference)) != row.case_sha256:
                    raise CaseChangedError(row.reference, row.version)
                stored = update_case(session, row, case, now)
            decision = assess(stored)
            entry = DecisionEntry.checked(decision.recommendation.outcome, decided_by, None, None)
            kept = append_decision(session, row, decision, entry, now)  # brings the case row's status up to date
            result = stored_case(row, stored), kept
            if recorded is not None:
                recorded(*result)
            return result

    def decisions_for(self, reference: str) -> list[StoredDecision]:
        """Every decision recorded for the case, oldest first."""
        from recogniser.store.decision_rows import stored_decision
        from recogniser.store.mapped_rows import DecisionRow
        from recogniser.store.rows import case_row

        with self._session() as session:
            row = case_row(session, reference)
            records = session.scalars(
                select(DecisionRow).where(DecisionRow.case_id == row.id).order_by(DecisionRow.id)
            ).all()
        first_by_hash: dict[str, int] = {}
        decisions = []
        for record in records:
            assert record.id is not None
            decisions.append(stored_decision(record, row.reference, first_by_hash.get(record.case_sha256)))
            first_by_hash.setdefault(record.case_sha256, record.id)
        return decisions

    # --- the office's record ---

    def similar_cases(self, case: Case, limit: int | None = None) -> list[Precedent]:
        """The office's earlier decided cases most like ``case`` (stored or still being typed), equivalent ones
        first, each with its latest final decision (see ``recogniser.precedents``); the case itself is left out.
        ``limit`` defaults to ``PRECEDENTS_SHOWN``."""
        from recogniser.precedents import PRECEDENTS_SHOWN
        from recogniser.store import office_record
        from recogniser.store.rows import case_id_of

        with self._session() as session:
            own = None if case.reference is None else case_id_of(session, case.reference)
            return office_record.precedents(
                session, dict(case.document), own, PRECEDENTS_SHOWN if limit is None else limit
            )

    def export_register(self, stream: IO[str], kind: str, first: date | None = None, last: date | None = None) -> int:
        """Write every final decision recorded from ``first`` to ``last`` (UTC days, both optional) as the
        publishable register (``recogniser.register``: no personal data) in ``kind`` csv or json; returns how
        many decisions were written."""
        from recogniser.register import write_csv, write_json
        from recogniser.store import office_record

        period = {
            "from": None if first is None else first.isoformat(),
            "to": None if last is None else last.isoformat(),
        }
        # The entries make no reference cycles, and the collector of cycles, run every some hundred objects made,
        # walks every object the process holds: in a window's process a third of the register's time.
        with self._session() as session, _cycles_uncollected():
            entries = office_record.register_entries(session, first, last)
            return write_csv(entries, stream) if kind == "csv" else write_json(entries, stream, period)

    def office_statistics(self, first: date | None = None, last: date | None = None) -> OfficeStatistics:
        """The office's decisions in the period by outcome, purpose, issuing country and month, and the time
        from a complete file to the decision (``recogniser.statistics``)."""
        from recogniser.statistics import OfficeStatistics
        from recogniser.store import office_record

        with self._session() as session:
            return OfficeStatistics.of(*office_record.office_counts(session, first, last))


@contextmanager
def _cycles_uncollected() -> Iterator[None]:
    """The collector of reference cycles paused (reference counting still frees what is no longer used)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
