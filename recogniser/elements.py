"""How a decision reads element by element: the EAR five elements and the Annex I standard elements.

Qt-free so that the report, the window and the seminar tools show the same status for the same decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from recogniser.annex_i import ANNEX_I_ELEMENTS
from recogniser.model import Credential, Decision, Element, Status

#: The five elements of a qualification the European Area of Recognition manual judges, in its order.
FIVE_ELEMENTS: tuple[Element, ...] = (
    Element.LEVEL,
    Element.WORKLOAD,
    Element.QUALITY,
    Element.PROFILE,
    Element.LEARNING_OUTCOMES,
)

#: Worst first: a failed check, then a doubt, then a fact nobody could judge, then a pass. A group of findings
#: shows the mark of its worst one.
STATUS_SEVERITY: tuple[Status, ...] = (
    Status.FAIL,
    Status.WARNING,
    Status.UNKNOWN,
    Status.PASS,
    Status.NOT_APPLICABLE,
)


def element_status(decision: Decision, element: Element) -> Status:
    """The status of ``element`` across the decision's findings: the worst one wins.

    An element no finding speaks about is ``unknown``: nothing was judged, so nothing can be claimed.
    """
    statuses = {finding.status for finding in decision.findings if finding.element is element}
    return next((status for status in STATUS_SEVERITY if status in statuses), Status.UNKNOWN)


@dataclass(frozen=True)
class AnnexIElement:
    """One standard element of Annex I and what the credential states for it (None: not stated)."""

    key: str
    number: int
    label: str
    mandatory: bool
    value: str | None


def annex_i_elements(credential: Credential) -> tuple[AnnexIElement, ...]:
    """The sixteen Annex I elements in the Recommendation's order: eleven mandatory, then five optional.

    Whether an element is stated is the completeness rules' judgement, so the report and the findings agree.
    """
    return tuple(
        AnnexIElement(
            key=element.key,
            number=element.number,
            label=element.name[0].upper() + element.name[1:],
            mandatory=element.mandatory,
            value=(_DESCRIPTIONS[element.key](credential) or "stated") if element.present(credential) else None,
        )
        for element in ANNEX_I_ELEMENTS
    )


def _words(value: str) -> str:
    return value.replace("_", " ")


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _number(value: float) -> str:
    return f"{value:g}"


def _learner(credential: Credential) -> str | None:
    learner = credential.learner
    if learner is None or learner.name is None:
        return None
    extras = [learner.identifier, _iso(learner.date_of_birth) and f"born {_iso(learner.date_of_birth)}"]
    return "; ".join([learner.name, *(extra for extra in extras if extra)])


def _awarding_body(credential: Credential) -> str | None:
    body = credential.awarding_body
    if body is None or body.name is None:
        return None
    extras = [body.country, body.kind and _words(body.kind.value)]
    details = ", ".join(extra for extra in extras if extra)
    return f"{body.name} ({details})" if details else body.name


def _learning_outcomes(credential: Credential) -> str | None:
    outcomes = credential.learning_outcomes
    if not outcomes:
        return None
    return "1 outcome stated" if len(outcomes) == 1 else f"{len(outcomes)} outcomes stated"


def _workload(credential: Credential) -> str | None:
    workload = credential.workload
    if workload is None:
        return None
    parts = []
    if workload.ects is not None:
        parts.append(f"{_number(workload.ects)} ECTS")
    if workload.hours is not None:
        parts.append(f"{_number(workload.hours)} hours")
    return "; ".join(parts) or None


def _level(credential: Credential) -> str | None:
    level = credential.level
    if level is None:
        return None
    parts = []
    if level.framework is not None:
        parts.append(f"{level.framework} level {level.nqf_level}" if level.nqf_level else level.framework)
    elif level.nqf_level is not None:
        parts.append(f"national level {level.nqf_level}")
    if level.eqf_level is not None:
        parts.append(f"EQF {level.eqf_level}")
    return "; ".join(parts) or None


def _assessment(credential: Credential) -> str | None:
    assessment = credential.assessment
    if assessment is None or assessment.type is None:
        return None
    return _words(assessment.type.value)


def _quality_assurance(credential: Credential) -> str | None:
    qa = credential.quality_assurance
    if qa is None:
        return None
    parts = []
    if qa.internal is not None:
        parts.append("internal QA" if qa.internal else "no internal QA")
    if qa.external_agency is not None or qa.decision is not None:
        external = f"external QA by {qa.external_agency}" if qa.external_agency else "external QA"
        if qa.decision is not None:
            external += f", {_words(qa.decision.value)}"
        if qa.valid_until is not None:
            external += f", valid until {qa.valid_until.isoformat()}"
        parts.append(external)
    return "; ".join(parts) or None


def _identity_verification(credential: Credential) -> str | None:
    # Annex I (13) names four arrangements; the case records them as two yes/no facts.
    assessment = credential.assessment
    if assessment is None or (assessment.supervised is None and assessment.identity_verified is None):
        return None
    supervision = {True: "supervised", False: "unsupervised", None: "supervision not stated"}[assessment.supervised]
    identity = {True: "identity verified", False: "no identity check", None: "identity check not stated"}[
        assessment.identity_verified
    ]
    return f"{supervision}, {identity}"


_Describe = Callable[[Credential], str | None]

_DESCRIPTIONS: dict[str, _Describe] = {
    "learner": _learner,
    "title": lambda c: c.title,
    "issuer_country": lambda c: c.issuer_country or (c.awarding_body.country if c.awarding_body else None),
    "awarding_body": _awarding_body,
    "issue_date": lambda c: _iso(c.issue_date),
    "learning_outcomes": _learning_outcomes,
    "workload": _workload,
    "level": _level,
    "assessment": _assessment,
    "participation": lambda c: c.participation and _words(c.participation.value),
    "quality_assurance": _quality_assurance,
    "prerequisites": lambda c: c.prerequisites,
    "identity_verification": _identity_verification,
    "grade": lambda c: c.grade,
    "stackability": lambda c: c.stackability,
    "further_information": lambda c: c.further_information,
}
