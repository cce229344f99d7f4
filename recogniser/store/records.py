"""What the store hands out: plain, immutable records that any front end can show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from recogniser.model import Outcome, Purpose, plain_number

if TYPE_CHECKING:
    from recogniser.model import Case, Decision


class CaseStatus(StrEnum):
    """Where a case stands, judged against its current text (an edit after a decision re-opens it)."""

    OPEN = "open"  # no assessment recorded for the current text
    ASSESSED = "assessed"  # the tool's recommendation recorded, no person's decision yet
    DECIDED = "decided"  # an evaluator's final decision recorded


class CaseSort(StrEnum):
    """The columns a case list can be ordered by; text columns sort without regard to case or accents."""

    REFERENCE = "reference"
    LEARNER = "learner"
    TITLE = "title"
    AWARDING_BODY = "awarding_body"
    COUNTRY = "country"
    PURPOSE = "purpose"
    STATUS = "status"
    OUTCOME = "outcome"
    CREATED = "created"
    UPDATED = "updated"


@dataclass(frozen=True)
class CaseQuery:
    """Which cases a list shows and in what order; paging is separate so a table model can keep one query.

    ``search`` finds cases whose reference, learner, learner identifier, title or awarding body has words
    starting with every word typed, regardless of case, accents or script (see ``recogniser.store.search``).
    ``outcome`` is the latest decision's outcome: the evaluator's final one where recorded, else the
    recommendation.
    """

    search: str = ""
    purpose: Purpose | None = None
    outcome: Outcome | None = None
    status: CaseStatus | None = None
    issuer_country: str | None = None
    sort: CaseSort = CaseSort.UPDATED
    descending: bool = True


@dataclass(frozen=True)
class CaseSummary:
    """One row of a case list."""

    reference: str
    learner: str | None
    title: str | None
    awarding_body: str | None
    issuer_country: str | None
    purpose: Purpose
    status: CaseStatus
    outcome: Outcome | None
    created_at: datetime
    updated_at: datetime
    version: int
    #: How many credentials the case holds (several: a stack); the learner, title and body are the first's.
    credentials: int = 1

    @property
    def listed_title(self) -> str:
        """The credential column of a case list: the title, and for a stack how many credentials follow it."""
        title = self.title or ""
        if self.credentials > 1:
            # The count first, so a narrow column that cuts the title keeps it.
            return f"{self.credentials} credentials: {title}" if title else f"{self.credentials} credentials"
        return title

    @property
    def has_decisions(self) -> bool:
        """Whether a decision (or the tool's assessment) is on record: the first sets the outcome, and it stays."""
        return self.outcome is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "learner": self.learner,
            "title": self.title,
            "awarding_body": self.awarding_body,
            "issuer_country": self.issuer_country,
            "purpose": self.purpose.value,
            "status": self.status.value,
            "outcome": None if self.outcome is None else self.outcome.value,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "version": self.version,
            "credentials": self.credentials,
        }


@dataclass(frozen=True)
class CaseCursor:
    """Where a page of a case list ends: the last case's sort value and row id (keyset paging)."""

    value: Any
    case_id: int


@dataclass(frozen=True)
class CasePage:
    """One page of a case list, the total when counted, and where the next page starts (None: the last page)."""

    cases: list[CaseSummary]
    total: int | None
    after: CaseCursor | None


@dataclass(frozen=True)
class StoredCase:
    """A case as stored. ``version`` goes with every save so that nobody overwrites another's work unseen."""

    case: Case
    version: int
    status: CaseStatus
    outcome: Outcome | None
    case_sha256: str
    created_at: datetime
    updated_at: datetime

    @property
    def reference(self) -> str:
        assert self.case.reference is not None, "a stored case always has a reference"
        return self.case.reference


@dataclass(frozen=True)
class StoredDecision:
    """One recorded assessment: the recommendation, the case text it judged, and the person's decision.

    ``repeat_of`` is the id of an earlier decision on exactly the same case text (same SHA-256), so an
    unchanged case assessed twice is recognisable as such. ``final_ects`` are the credits the evaluator's final
    decision recognises where credits are sought (None: no final decision, no credits sought, or a decision
    recorded before credits were kept).
    """

    id: int
    reference: str
    decision: Decision
    case_document: Mapping[str, Any] = field(repr=False)
    case_sha256: str
    rulebook_version: str
    recommended_outcome: Outcome
    final_outcome: Outcome | None
    justification: str | None
    decided_by: str
    recorded_at: datetime
    repeat_of: int | None = None
    final_ects: float | None = None
    #: Why the decision departs from the office's earlier decisions on an equivalent case (``recogniser.precedents``).
    divergence_reason: str | None = None

    @property
    def outcome(self) -> Outcome:
        """What was decided: the evaluator's final outcome where recorded, else the recommendation."""
        return self.final_outcome or self.recommended_outcome

    @property
    def ects_recognised(self) -> float | None:
        """The credits that go with ``outcome``: the evaluator's where a final decision is recorded, else the
        recommendation's."""
        return self.final_ects if self.final_outcome is not None else self.decision.recommendation.ects_recognised

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "case_sha256": self.case_sha256,
            "rulebook_version": self.rulebook_version,
            "recommended_outcome": self.recommended_outcome.value,
            "final_outcome": None if self.final_outcome is None else self.final_outcome.value,
            "final_ects": plain_number(self.final_ects),
            "justification": self.justification,
            "divergence_reason": self.divergence_reason,
            "decided_by": self.decided_by,
            "recorded_at": self.recorded_at.isoformat(),
            "repeat_of": self.repeat_of,
            "decision": self.decision.to_json(),
        }
