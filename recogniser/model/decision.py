"""Findings, the recommendation and the decision (docs/formats/decision-json.md)."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from recogniser.i18n import N_, phrase
from recogniser.model.codes import (
    CREDIT_BEARING_ALTERNATIVES,
    DECISION_FORMAT,
    AlternativeKind,
    Element,
    Outcome,
    Purpose,
    RuleSet,
    Status,
    Supplier,
    plain_number,
)
from recogniser.model.stack import Stack


@dataclass(frozen=True)
class Alternative:
    """A form of alternative recognition a finding leaves open, with the words that describe it."""

    kind: AlternativeKind
    description: str

    @property
    def credit_bearing(self) -> bool:
        return self.kind in CREDIT_BEARING_ALTERNATIVES


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
            phrase("{item} ({supplier})", item=item, supplier=supplier)
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
            return N_("ECTS recognised in another form")
        if self.outcome is Outcome.CONDITIONAL_RECOGNITION:
            return N_("ECTS recognised once the conditions are met")
        return N_("ECTS recognised")

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


def _alternative_from_json(data: Mapping[str, Any] | None) -> Alternative | None:
    if not data:
        return None
    return Alternative(AlternativeKind(data["kind"]), data.get("description", ""))
