"""Decision rows: what the evaluator adds to the recommendation, checked, and appended to a case."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from recogniser.decision_policy import DecisionPolicyError, checked_credits, reasons_owed
from recogniser.errors import located
from recogniser.i18n import phrase
from recogniser.model import Decision, Outcome
from recogniser.store.errors import InvalidDecisionRecordError
from recogniser.store.records import CaseStatus, StoredDecision

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from recogniser.store.mapped_rows import CaseRow, DecisionRow


@dataclass(frozen=True)
class DecisionEntry:
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
    ) -> DecisionEntry:
        decided_by = decided_by.strip()
        justification = (justification or "").strip() or None
        if not decided_by:
            problem = phrase("name the evaluator who records this decision")
            raise InvalidDecisionRecordError(located("decided_by", problem))
        for field, value in (("decided_by", decided_by), ("justification", justification or "")):
            if "\x00" in value:
                problem = phrase("holds a NUL character (U+0000); remove it")
                raise InvalidDecisionRecordError(located(field, problem))
        # An override in outcome is named first: the credits are asked for once the outcome stands.
        owed = reasons_owed(recommended, final_outcome)
        if owed is not None and justification is None:
            raise InvalidDecisionRecordError(located("justification", owed.message))
        try:
            credits = checked_credits(final_outcome, final_ects, credits_sought)
        except DecisionPolicyError as problem:
            raise InvalidDecisionRecordError(located(problem.field, problem.message)) from None
        owed = reasons_owed(recommended, final_outcome, recommended_ects, credits)
        if owed is not None and justification is None:
            raise InvalidDecisionRecordError(located("justification", owed.message))
        return cls(decided_by, final_outcome, justification, credits)


def append_decision(
    session: Session, row: CaseRow, decision: Decision, entry: DecisionEntry, now: datetime
) -> StoredDecision:
    """Append a decision on the case row's current text and bring the case's status and outcome up to date."""
    from recogniser.store.mapped_rows import DecisionRow  # the ORM, loaded by the units of work that change rows
    from recogniser.store.office_record import published_values

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
        published_values=published_values(json.loads(row.document)),
        decided_by=entry.decided_by,
        recorded_at=now,
    )
    session.add(record)
    row.status = (CaseStatus.ASSESSED if entry.final_outcome is None else CaseStatus.DECIDED).value
    row.latest_outcome = (entry.final_outcome or recommended).value
    session.flush()
    earlier = session.scalars(
        select(func.min(DecisionRow.id)).where(
            DecisionRow.case_id == row.id,
            DecisionRow.case_sha256 == row.case_sha256,
            DecisionRow.id < record.id,
        )
    ).one()
    return stored_decision(record, row.reference, earlier)


def stored_decision(record: DecisionRow, reference: str, repeat_of: int | None) -> StoredDecision:
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
