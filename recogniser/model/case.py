"""The case and its credentials, as read from a ``recogniser-case/1`` file (docs/formats/case-file.md).

Absent values are None so that rules can tell "missing" from "empty".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from recogniser.model.codes import AssessmentType, Participation, ProviderKind, Purpose, QADecision


@dataclass(frozen=True)
class Applicant:
    refugee: bool = False
    documents_missing: bool = False


@dataclass(frozen=True)
class Procedure:
    """When the office received the application and when its file was complete (the four months for a decision
    run from completeness: 2010 Revised Recommendation)."""

    received_on: date | None = None
    complete_on: date | None = None


@dataclass(frozen=True)
class Target:
    title: str | None = None
    institution: str | None = None
    eqf_level: int | None = None
    ects: float | None = None
    learning_outcomes: tuple[str, ...] | None = None
    #: The credits of the whole programme the target belongs to (for an institution's cap on RPL credit).
    programme_ects: float | None = None


@dataclass(frozen=True)
class Learner:
    name: str | None = None
    identifier: str | None = None
    date_of_birth: date | None = None


@dataclass(frozen=True)
class AwardingBody:
    name: str | None = None
    country: str | None = None
    kind: ProviderKind | None = None


@dataclass(frozen=True)
class Workload:
    ects: float | None = None
    hours: float | None = None


@dataclass(frozen=True)
class Level:
    framework: str | None = None
    nqf_level: str | None = None
    eqf_level: int | None = None


@dataclass(frozen=True)
class Assessment:
    type: AssessmentType | None = None
    supervised: bool | None = None
    identity_verified: bool | None = None


@dataclass(frozen=True)
class QualityAssurance:
    internal: bool | None = None
    external_agency: str | None = None
    decision: QADecision | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class Credential:
    title: str | None = None
    learner: Learner | None = None
    issuer_country: str | None = None
    awarding_body: AwardingBody | None = None
    issue_date: date | None = None
    learning_outcomes: tuple[str, ...] | None = None
    workload: Workload | None = None
    level: Level | None = None
    assessment: Assessment | None = None
    participation: Participation | None = None
    quality_assurance: QualityAssurance | None = None
    prerequisites: str | None = None
    grade: str | None = None
    stackability: str | None = None
    further_information: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Case:
    """One recognition case as read from a ``recogniser-case/1`` file.

    ``document`` is the JSON as loaded, unknown keys included, so that saving or exporting a case never drops
    what another tool put there. ``unknown_keys`` lists the dotted paths of keys the format does not define.
    """

    purpose: Purpose
    assessing_country: str
    credential: Credential
    reference: str | None = None
    applicant: Applicant = dataclasses.field(default_factory=Applicant)
    target: Target | None = None
    procedure: Procedure = dataclasses.field(default_factory=Procedure)
    #: Every credential of the case, in order: ``credential`` alone, or a stack assessed together towards the
    #: target (``credentials`` in the file). ``credential`` is the first of them. Empty means ``(credential,)``.
    credentials: tuple[Credential, ...] = ()
    unknown_keys: tuple[str, ...] = ()
    document: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # One credential is ``credential`` itself (so a copy with another ``credential`` stays whole).
        if len(self.credentials) <= 1:
            object.__setattr__(self, "credentials", (self.credential,))

    @property
    def stacked(self) -> bool:
        """Whether several credentials are assessed together towards the target."""
        return len(self.credentials) > 1

    @property
    def credits_sought(self) -> float | None:
        """The ECTS sought towards the target where credits are what is decided (credit transfer, RPL); None
        for admission and employment, which recognise a credential, not
        credits (docs/method/how-a-case-is-judged.md)."""
        if self.purpose in (Purpose.ADMISSION, Purpose.EMPLOYMENT) or self.target is None:
            return None
        return self.target.ects
