"""Queries over the office's record: precedents for a case, the register of decisions, the statistics.

Each function takes an open session of ``CaseStore`` and reads only; the store's methods call them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select
from sqlmodel import Session

from recogniser.model import Outcome
from recogniser.precedents import CaseProfile, Precedent, compare, ranked
from recogniser.register import RegisterEntry
from recogniser.statistics import DecidedCase
from recogniser.store.search import TERM_LENGTH, index_terms
from recogniser.store.tables import metadata

_CASES = metadata.tables["cases"]
_DECISIONS = metadata.tables["decisions"]
_TERMS = metadata.tables["case_terms"]

#: Words of a title and awarding body looked up for precedents: the longest, which tell credentials apart best.
PRECEDENT_WORDS = 8
#: Cases read per word, the latest first: an office's precedents for a credential are among its recent cases
#: with its rarer words, and the bound keeps the look-up fast however common a word is.
CASES_PER_WORD = 1_000
#: Candidates, those sharing the most words, whose decided text is read and compared.
CANDIDATES = 100

#: Rows fetched at a time when the register or the statistics read many decisions.
_BATCH = 2_000


def precedents(session: Session, document: dict[str, Any], exclude_case_id: int | None, limit: int) -> list[Precedent]:
    """The earlier decided cases most like ``document``, equivalent ones first (``recogniser.precedents``)."""
    profile = CaseProfile.of(document)
    words = sorted(
        (term for term in index_terms([profile.title, profile.awarding_body]) if len(term) >= 3),
        key=lambda term: (-len(term), term),
    )[:PRECEDENT_WORDS]
    if not words:
        return []
    shared: Counter[int] = Counter()
    for word in words:
        statement = (
            select(_TERMS.c.case_id)
            .where(_TERMS.c.term == word[:TERM_LENGTH])
            .order_by(_TERMS.c.case_id.desc())
            .limit(CASES_PER_WORD)
        )
        shared.update(session.execute(statement).scalars())
    shared.pop(exclude_case_id, None)  # type: ignore[arg-type]
    candidates = [case_id for case_id, _ in sorted(shared.items(), key=lambda item: (-item[1], -item[0]))]
    candidates = candidates[:CANDIDATES]
    if not candidates:
        return []
    latest = (
        select(func.max(_DECISIONS.c.id))
        .where(_DECISIONS.c.case_id.in_(candidates), _DECISIONS.c.final_outcome.is_not(None))
        .group_by(_DECISIONS.c.case_id)
    )
    rows = session.execute(
        select(
            _CASES.c.reference,
            _DECISIONS.c.id,
            _DECISIONS.c.case_document,
            _DECISIONS.c.final_outcome,
            _DECISIONS.c.final_ects,
            _DECISIONS.c.recorded_at,
            _DECISIONS.c.decided_by,
            _DECISIONS.c.justification,
        )
        .join(_CASES, _CASES.c.id == _DECISIONS.c.case_id)
        .where(_DECISIONS.c.id.in_(latest))
    ).all()
    found = []
    for row in rows:
        earlier = CaseProfile.of(json.loads(row.case_document))
        likeness = compare(profile, earlier)
        if likeness.similar or likeness.equivalent:
            found.append(
                Precedent(
                    reference=row.reference,
                    profile=earlier,
                    outcome=Outcome(row.final_outcome),
                    ects=row.final_ects,
                    decided_at=_aware(row.recorded_at),
                    decided_by=row.decided_by,
                    justification=row.justification,
                    decision_id=row.id,
                    likeness=likeness,
                )
            )
    return ranked(found, limit)


def _period(first: date | None, last: date | None) -> list[ColumnElement[bool]]:
    """Decisions recorded from the start of ``first`` to the end of ``last`` (UTC days), both optional."""
    recorded_at = _DECISIONS.c.recorded_at
    conditions = []
    if first is not None:
        conditions.append(recorded_at >= datetime.combine(first, time(), UTC))
    if last is not None:
        end = datetime.combine(last + timedelta(days=1), time(), UTC)
        conditions.append(recorded_at < end)
    return conditions


def register_entries(session: Session, first: date | None, last: date | None) -> Iterator[RegisterEntry]:
    """Every final decision recorded in the period, oldest first, read in batches by the (time, id) index."""
    after: tuple[datetime, int] | None = None
    period = _period(first, last)
    while True:
        statement = (
            select(
                _DECISIONS.c.id,
                _DECISIONS.c.decision,
                _DECISIONS.c.case_document,
                _DECISIONS.c.final_outcome,
                _DECISIONS.c.final_ects,
                _DECISIONS.c.recorded_at,
                _DECISIONS.c.justification,
                _DECISIONS.c.divergence_reason,
                _DECISIONS.c.rulebook_version,
            )
            .where(_DECISIONS.c.final_outcome.is_not(None), *period)
            .order_by(_DECISIONS.c.recorded_at, _DECISIONS.c.id)
            .limit(_BATCH)
        )
        if after is not None:
            moment, last_id = after
            statement = statement.where(
                (_DECISIONS.c.recorded_at > moment)
                | and_(_DECISIONS.c.recorded_at == moment, _DECISIONS.c.id > last_id)
            )
        rows = session.execute(statement).all()
        for row in rows:
            yield RegisterEntry.of(
                decision_id=row.id,
                case_document=json.loads(row.case_document),
                decision=json.loads(row.decision),
                final_outcome=Outcome(row.final_outcome),
                final_ects=row.final_ects,
                decided_at=_aware(row.recorded_at),
                justification=row.justification,
                divergence_reason=row.divergence_reason,
            )
        if len(rows) < _BATCH:
            return
        after = (rows[-1].recorded_at, rows[-1].id)


def decided_cases(session: Session, first: date | None, last: date | None) -> list[DecidedCase]:
    """Each case with a final decision in the period: its latest final decision there, and when its first final
    decision was taken (the time from a complete file runs to the first decision)."""
    period = _period(first, last)
    per_case = (
        select(
            _DECISIONS.c.case_id.label("case_id"),
            func.max(_DECISIONS.c.id).label("latest_id"),
            func.min(_DECISIONS.c.recorded_at).label("first_at"),
        )
        .where(_DECISIONS.c.final_outcome.is_not(None), *period)
        .group_by(_DECISIONS.c.case_id)
        .subquery()
    )
    statement = (
        select(
            _DECISIONS.c.final_outcome,
            _DECISIONS.c.final_ects,
            _DECISIONS.c.recorded_at,
            per_case.c.first_at,
            _CASES.c.purpose,
            _CASES.c.issuer_country,
            _CASES.c.received_on,
            _CASES.c.complete_on,
        )
        .join(per_case, per_case.c.latest_id == _DECISIONS.c.id)
        .join(_CASES, _CASES.c.id == per_case.c.case_id)
    )
    return [
        DecidedCase(
            outcome=Outcome(row.final_outcome),
            purpose=row.purpose,
            issuer_country=row.issuer_country,
            decided_at=_aware(row.recorded_at),
            first_decided_at=_aware(row.first_at),
            received_on=row.received_on,
            complete_on=row.complete_on,
        )
        for row in session.execute(statement.execution_options(yield_per=_BATCH))
    ]


def _aware(moment: datetime | str) -> datetime:
    """A stored time as read: SQLite hands back naive UTC (or text, from an aggregate), PostgreSQL aware."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
