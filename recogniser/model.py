"""The case, the credential, findings and the decision: the project's domain types.

The vocabularies are the public contract of docs/formats/case-file.md and docs/formats/decision-json.md.
Everything here is immutable and Qt-free so that the same objects flow through the command line, the window, the
store and the seminar tools.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

CASE_FORMAT = "recogniser-case/1"
DECISION_FORMAT = "recogniser-decision/1"


class Purpose(StrEnum):
    """Why recognition is sought (docs/method/how-a-case-is-judged.md)."""

    ADMISSION = "admission"
    CREDIT_TRANSFER = "credit_transfer"
    EMPLOYMENT = "employment"
    RPL = "rpl"


class Outcome(StrEnum):
    """Recommendation outcomes, in the EAR manual's order of preference (docs/method/how-a-case-is-judged.md)."""

    FULL_RECOGNITION = "full_recognition"
    ALTERNATIVE_RECOGNITION = "alternative_recognition"
    PARTIAL_RECOGNITION = "partial_recognition"
    CONDITIONAL_RECOGNITION = "conditional_recognition"
    NON_RECOGNITION = "non_recognition"
    INFORMATION_REQUIRED = "information_required"


#: Outcomes a recognition can end in, least restrictive first (EAR manual; 2010 Revised Recommendation).
EAR_ORDER: tuple[Outcome, ...] = (
    Outcome.FULL_RECOGNITION,
    Outcome.ALTERNATIVE_RECOGNITION,
    Outcome.PARTIAL_RECOGNITION,
    Outcome.CONDITIONAL_RECOGNITION,
    Outcome.NON_RECOGNITION,
)


class RuleSet(StrEnum):
    AUTHENTICITY = "authenticity"
    COMPLETENESS = "completeness"
    LISBON = "lisbon"
    QF = "qf"
    ESG = "esg"
    OUTCOMES = "outcomes"


class Element(StrEnum):
    """What a finding is about: the EAR five elements plus assessment, identity, completeness, procedure, and the
    authenticity of the document (which the EAR manual checks first)."""

    LEVEL = "level"
    WORKLOAD = "workload"
    QUALITY = "quality"
    PROFILE = "profile"
    LEARNING_OUTCOMES = "learning_outcomes"
    ASSESSMENT = "assessment"
    IDENTITY = "identity"
    COMPLETENESS = "completeness"
    PROCEDURE = "procedure"
    AUTHENTICITY = "authenticity"


class Status(StrEnum):
    PASS = "pass"
    WARNING = "warning"
    FAIL = "fail"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class AssessmentType(StrEnum):
    WRITTEN_EXAM = "written_exam"
    ORAL_EXAM = "oral_exam"
    PRACTICAL = "practical"
    PROJECT = "project"
    PORTFOLIO = "portfolio"
    ONLINE_QUIZ = "online_quiz"
    ATTENDANCE_ONLY = "attendance_only"
    NONE = "none"
    OTHER = "other"


class Participation(StrEnum):
    ONSITE = "onsite"
    ONLINE = "online"
    BLENDED = "blended"
    WORK_BASED = "work_based"
    VOLUNTEERING = "volunteering"


class ProviderKind(StrEnum):
    HIGHER_EDUCATION_INSTITUTION = "higher_education_institution"
    VET_PROVIDER = "vet_provider"
    PRIVATE_PROVIDER = "private_provider"
    EMPLOYER = "employer"
    PROFESSIONAL_BODY = "professional_body"
    PUBLIC_AUTHORITY = "public_authority"
    OTHER = "other"


class QADecision(StrEnum):
    POSITIVE = "positive"
    POSITIVE_WITH_CONDITIONS = "positive_with_conditions"
    NEGATIVE = "negative"
    NOT_APPLICABLE = "not_applicable"


# --- The case (docs/formats/case-file.md). Absent values are None so that rules can tell "missing" from "empty". ---


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


#: Outcomes that grant credits where credits are sought; a refusal grants none and a request for information
#: decides nothing yet (EAR manual, forms of recognition).
CREDIT_GRANTING_OUTCOMES = frozenset(
    {
        Outcome.FULL_RECOGNITION,
        Outcome.ALTERNATIVE_RECOGNITION,
        Outcome.PARTIAL_RECOGNITION,
        Outcome.CONDITIONAL_RECOGNITION,
    }
)


# --- Findings and the decision (docs/formats/decision-json.md). ---


class AlternativeKind(StrEnum):
    """Forms of alternative recognition (EAR manual: recognition in another form than the one requested)."""

    #: The learning goes through the institution's own recognition of prior learning procedure.
    RPL_ROUTE = "rpl_route"
    #: Free-elective credit in the target programme, at the programme's level.
    ELECTIVE_CREDIT = "elective_credit"
    #: Credit towards another component of the programme whose outcomes the credential matches.
    OTHER_COMPONENT = "other_component"
    #: Admission to, or credit in, a programme at the level the credential reaches.
    PROGRAMME_AT_LEVEL = "programme_at_level"
    #: Admission to a bridging or preparatory programme leading to the target.
    BRIDGING_PROGRAMME = "bridging_programme"
    #: A statement describing the learning (for the labour market, or as far as it can be established).
    DESCRIPTIVE_STATEMENT = "descriptive_statement"
    #: A statement that the learner took part, recognising no learning outcomes (nothing was assessed).
    PARTICIPATION_STATEMENT = "participation_statement"


#: Alternatives that recognise credits in the other form; the others recognise none.
#: (Credit towards another component is not counted here: which component, and so how many credits, is for the
#: institution to find.)
CREDIT_BEARING_ALTERNATIVES = frozenset({AlternativeKind.ELECTIVE_CREDIT, AlternativeKind.PROGRAMME_AT_LEVEL})


@dataclass(frozen=True)
class Alternative:
    """A form of alternative recognition a finding leaves open, with the words that describe it."""

    kind: AlternativeKind
    description: str

    @property
    def credit_bearing(self) -> bool:
        return self.kind in CREDIT_BEARING_ALTERNATIVES


class Supplier(StrEnum):
    """Who supplies a missing item (LRC Art. III.3): the applicant, the institution that issued the credential,
    or the assessing body itself (what it can establish: a foreign system's quality assurance and levels)."""

    APPLICANT = "applicant"
    AWARDING_BODY = "awarding_body"
    ASSESSING_BODY = "assessing_body"


SUPPLIER_WORDS = {
    Supplier.APPLICANT: "from the applicant",
    Supplier.AWARDING_BODY: "from the awarding body",
    Supplier.ASSESSING_BODY: "established by the assessing body itself",
}


@dataclass(frozen=True)
class InformationItem:
    """One item a decision waits for, and who supplies it."""

    text: str
    supplier: Supplier = Supplier.APPLICANT


@dataclass(frozen=True)
class Finding:
    """One judged check.

    ``field`` (an extension of the decision format) names the case field the finding is about, as a dotted
    path, so a front end can take the evaluator there. ``allows`` is internal to the recommendation step: the
    outcomes this finding leaves open (None: it restricts nothing). ``condition``, ``alternative`` and
    ``information`` carry the compensation measure, the alternative form of recognition, or the missing items
    the finding asks for.
    """

    rule_id: str
    rule_set: RuleSet
    element: Element
    status: Status
    citation: str
    message: str
    field: str | None = None
    #: A stable code for what was found (``level.below_target``), so nothing downstream reads the sentence.
    code: str = ""
    allows: frozenset[Outcome] | None = dataclasses.field(default=None, compare=False)
    condition: str | None = dataclasses.field(default=None, compare=False)
    alternative: Alternative | None = dataclasses.field(default=None, compare=False)
    information: tuple[InformationItem, ...] = dataclasses.field(default=(), compare=False)
    #: For a finding that asks for information: the outcomes left open should the answer go against the
    #: applicant. With ``allows`` of the favourable answer (None), it tells whether the answer can change the
    #: outcome (information is asked for only then).
    if_unfavourable: frozenset[Outcome] | None = dataclasses.field(default=None, compare=False)
    #: In a stack: the credential the finding is about (its index in the case's credentials, from 0); None for
    #: a case of one credential and for findings about the stack as a whole.
    credential: int | None = None

    def about(self, credential: int) -> Finding:
        """This finding, as about credential number ``credential`` of a stack (a quick copy: a stack tags every
        finding of every credential on each re-assessment)."""
        tagged = copy.copy(self)
        object.__setattr__(tagged, "credential", credential)
        return tagged

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule_id": self.rule_id,
            "rule_set": self.rule_set.value,
            "element": self.element.value,
            "status": self.status.value,
            "citation": self.citation,
            "message": self.message,
        }
        if self.field is not None:
            data["field"] = self.field
        if self.code:
            data["code"] = self.code
        if self.credential is not None:
            data["credential"] = self.credential
        return data


@dataclass(frozen=True)
class SubstantialDifference:
    """A difference that stands in the way of the requested outcome, with its legal basis."""

    element: Element
    description: str
    citation: str
    rule_id: str

    def to_json(self) -> dict[str, Any]:
        return {
            "element": self.element.value,
            "description": self.description,
            "citation": self.citation,
            "rule_id": self.rule_id,
        }


@dataclass(frozen=True)
class OutcomeMatch:
    """A target learning outcome beside the credential outcome that best matches it (0-100 score)."""

    target: str
    credential: str | None
    score: float
    matched: bool
    #: The best credential outcome is about the same but at a lower cognitive level, so it does not cover it.
    lower_level: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "target": self.target,
            "credential": self.credential,
            "score": self.score,
            "matched": self.matched,
        }
        if self.lower_level:
            data["lower_level"] = True
        return data


@dataclass(frozen=True)
class Recommendation:
    outcome: Outcome
    ects_recognised: float | None
    summary: str
    substantial_differences: tuple[SubstantialDifference, ...] = ()
    conditions: tuple[str, ...] = ()
    information_required: tuple[str, ...] = ()
    appeal: str = ""
    #: Under alternative recognition: the form recommended, and the credits it recognises in that form (never
    #: counted in ``ects_recognised``, which are the credits towards the target).
    alternative: Alternative | None = None
    ects_in_another_form: float | None = None
    #: Who supplies each item of ``information_required``, in the same order.
    information_suppliers: tuple[Supplier, ...] = ()

    @property
    def information_lines(self) -> tuple[str, ...]:
        """Each item asked for, with who supplies it."""
        if len(self.information_suppliers) != len(self.information_required):
            return self.information_required
        return tuple(
            f"{item} ({SUPPLIER_WORDS[supplier]})"
            for item, supplier in zip(self.information_required, self.information_suppliers, strict=True)
        )

    @property
    def credits_shown(self) -> float | None:
        """The credits a reader is shown beside the outcome: in the other form under alternative recognition,
        towards the target otherwise."""
        if self.outcome is Outcome.ALTERNATIVE_RECOGNITION:
            return self.ects_in_another_form
        return self.ects_recognised

    @property
    def ects_label(self) -> str:
        """How the credits are introduced: under alternative recognition they count in the other form, not
        towards the credits sought."""
        if self.outcome is Outcome.ALTERNATIVE_RECOGNITION:
            return "ECTS recognised in another form"
        if self.outcome is Outcome.CONDITIONAL_RECOGNITION:
            return "ECTS recognised once the conditions are met"
        return "ECTS recognised"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "outcome": self.outcome.value,
            "ects_recognised": plain_number(self.ects_recognised),
            "summary": self.summary,
            "substantial_differences": [d.to_json() for d in self.substantial_differences],
            "conditions": list(self.conditions),
            "information_required": list(self.information_required),
            "appeal": self.appeal,
        }
        if self.alternative is not None:
            data["alternative"] = {"kind": self.alternative.kind.value, "description": self.alternative.description}
            data["ects_in_another_form"] = plain_number(self.ects_in_another_form)
        if self.information_suppliers:
            data["information_suppliers"] = [supplier.value for supplier in self.information_suppliers]
        return data


@dataclass(frozen=True)
class Decision:
    reference: str | None
    purpose: Purpose
    rulebook_version: str
    case_sha256: str
    recommendation: Recommendation
    findings: tuple[Finding, ...]
    as_of: date | None = None
    outcome_matches: tuple[OutcomeMatch, ...] = ()
    #: For a case of several credentials: how they stack towards the target.
    stack: Stack | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": DECISION_FORMAT,
            "reference": self.reference,
            "purpose": self.purpose.value,
            "rulebook_version": self.rulebook_version,
            "case_sha256": self.case_sha256,
            "recommendation": self.recommendation.to_json(),
            "findings": [f.to_json() for f in self.findings],
        }
        if self.as_of is not None:
            data["as_of"] = self.as_of.isoformat()
        if self.outcome_matches:
            data["outcome_matches"] = [m.to_json() for m in self.outcome_matches]
        if self.stack is not None:
            data["stack"] = self.stack.to_json()
        return data

    def findings_about(self, credential: int | None) -> tuple[Finding, ...]:
        """In a stack: the findings about credential number ``credential`` (from 0), or with None those about the
        stack as a whole; for a case of one credential, None gives every finding."""
        return tuple(f for f in self.findings if f.credential == credential)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Decision:
        """Rebuild a stored or exported decision (the internal recommendation hints are not kept)."""
        recommendation = data["recommendation"]
        return cls(
            reference=data.get("reference"),
            purpose=Purpose(data["purpose"]),
            rulebook_version=data["rulebook_version"],
            case_sha256=data["case_sha256"],
            recommendation=Recommendation(
                outcome=Outcome(recommendation["outcome"]),
                ects_recognised=recommendation.get("ects_recognised"),
                summary=recommendation.get("summary", ""),
                substantial_differences=tuple(
                    SubstantialDifference(
                        element=Element(d["element"]),
                        description=d["description"],
                        citation=d["citation"],
                        rule_id=d["rule_id"],
                    )
                    for d in recommendation.get("substantial_differences", [])
                ),
                conditions=tuple(recommendation.get("conditions", [])),
                information_required=tuple(recommendation.get("information_required", [])),
                appeal=recommendation.get("appeal", ""),
                alternative=_alternative_from_json(recommendation.get("alternative")),
                ects_in_another_form=recommendation.get("ects_in_another_form"),
                information_suppliers=tuple(Supplier(s) for s in recommendation.get("information_suppliers", [])),
            ),
            findings=tuple(
                Finding(
                    rule_id=f["rule_id"],
                    rule_set=RuleSet(f["rule_set"]),
                    element=Element(f["element"]),
                    status=Status(f["status"]),
                    citation=f["citation"],
                    message=f["message"],
                    field=f.get("field"),
                    code=f.get("code", ""),
                    credential=f.get("credential"),
                )
                for f in data.get("findings", [])
            ),
            as_of=date.fromisoformat(data["as_of"]) if data.get("as_of") else None,
            outcome_matches=tuple(
                OutcomeMatch(
                    target=m["target"],
                    credential=m.get("credential"),
                    score=m["score"],
                    matched=m["matched"],
                    lower_level=m.get("lower_level", False),
                )
                for m in data.get("outcome_matches", [])
            ),
            stack=Stack.from_json(data["stack"]) if data.get("stack") else None,
        )


class Coverage(StrEnum):
    """A cell of the coverage matrix: how far one credential covers one target outcome."""

    COVERED = "covered"
    #: Close, but below the score that covers it, or about the same at a lower cognitive level.
    PARTLY = "partly_covered"
    NOT_COVERED = "not_covered"


#: How the coverage matrix marks a cell in plain text (the command line), and the words for each mark.
COVERAGE_MARKS = {Coverage.COVERED: "#", Coverage.PARTLY: "~", Coverage.NOT_COVERED: "."}
COVERAGE_WORDS = {Coverage.COVERED: "covered", Coverage.PARTLY: "partly covered", Coverage.NOT_COVERED: "not covered"}


class StackRole(StrEnum):
    """What a credential of a stack counts for."""

    COUNTED = "counted"
    #: It cannot count towards the target (``reasons`` say why); the rest of the stack still does.
    EXCLUDED = "excluded"
    #: Its own assessment waits for information; not counted until it is given.
    PENDING = "pending"


STACK_ROLE_WORDS = {StackRole.COUNTED: "counted", StackRole.EXCLUDED: "set aside", StackRole.PENDING: "not counted yet"}


@dataclass(frozen=True)
class StackCell:
    """One credential against one target outcome: its best outcome for it, the score and the mark."""

    score: float
    coverage: Coverage
    credential_outcome: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"score": self.score, "coverage": self.coverage.value, "credential_outcome": self.credential_outcome}


def credential_label(index: int, title: str | None) -> str:
    """``Credential 2 'Title'``: a credential of a stack named by its place (``index`` from 0) and title."""
    return f"Credential {index + 1}" + (f" '{title}'" if title else "")


@dataclass(frozen=True)
class StackedCredential:
    """A credential of a stack: its own recommendation, and what it counts for in the stack."""

    index: int
    title: str | None
    role: StackRole
    #: Why it cannot count, or what it waits for (one sentence each).
    reasons: tuple[str, ...]
    own_outcome: Outcome
    own_summary: str
    #: The credits its workload supports (None: not stated), and those counted towards the target once what
    #: other credentials already cover is taken out.
    ects: float | None
    ects_counted: float | None
    #: Target outcomes (by index) it covers, and those among them another credential already counts.
    covers: tuple[int, ...] = ()
    overlaps: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        """``Credential 2 'Title'``: how every front end names it (numbered from 1)."""
        return credential_label(self.index, self.title)

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "title": self.title,
            "role": self.role.value,
            "reasons": list(self.reasons),
            "own_outcome": self.own_outcome.value,
            "own_summary": self.own_summary,
            "ects": plain_number(self.ects),
            "ects_counted": plain_number(self.ects_counted),
            "covers": list(self.covers),
            "overlaps": list(self.overlaps),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StackedCredential:
        return cls(
            index=data["index"],
            title=data.get("title"),
            role=StackRole(data["role"]),
            reasons=tuple(data.get("reasons", [])),
            own_outcome=Outcome(data["own_outcome"]),
            own_summary=data.get("own_summary", ""),
            ects=data.get("ects"),
            ects_counted=data.get("ects_counted"),
            covers=tuple(data.get("covers", [])),
            overlaps=tuple(data.get("overlaps", [])),
        )


@dataclass(frozen=True)
class Stack:
    """Several credentials assessed together towards one target: the coverage matrix (a row per target outcome,
    a cell per credential), which credential counts each target outcome, and the credits in total."""

    targets: tuple[str, ...]
    credentials: tuple[StackedCredential, ...]
    cells: tuple[tuple[StackCell, ...], ...]
    #: For each target outcome, the credential counted for it (None: no counted credential covers it).
    counted_by: tuple[int | None, ...]
    #: The credits the counted credentials give towards the target in total, overlap taken out (None where no
    #: credits are sought), and the remaining gaps a top-up assessment would close.
    ects_total: float | None
    gaps: tuple[str, ...] = ()

    @property
    def coverage(self) -> float | None:
        if not self.targets:
            return None
        return sum(1 for by in self.counted_by if by is not None) / len(self.targets)

    def to_json(self) -> dict[str, Any]:
        return {
            "targets": list(self.targets),
            "credentials": [c.to_json() for c in self.credentials],
            "cells": [[cell.to_json() for cell in row] for row in self.cells],
            "counted_by": list(self.counted_by),
            "ects_total": plain_number(self.ects_total),
            "gaps": list(self.gaps),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Stack:
        return cls(
            targets=tuple(data.get("targets", [])),
            credentials=tuple(StackedCredential.from_json(c) for c in data.get("credentials", [])),
            cells=tuple(
                tuple(
                    StackCell(cell["score"], Coverage(cell["coverage"]), cell.get("credential_outcome")) for cell in row
                )
                for row in data.get("cells", [])
            ),
            counted_by=tuple(data.get("counted_by", [])),
            ects_total=data.get("ects_total"),
            gaps=tuple(data.get("gaps", [])),
        )


def _alternative_from_json(data: Mapping[str, Any] | None) -> Alternative | None:
    if not data:
        return None
    return Alternative(AlternativeKind(data["kind"]), data.get("description", ""))


def plain_number(value: float | None) -> float | int | None:
    """ECTS print as 5, not 5.0, when whole."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
