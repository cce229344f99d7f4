"""How a decision reads element by element: the EAR five elements and the Annex I standard elements.

Qt-free so that the report, the window and the seminar tools show the same status for the same decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from recogniser.annex_i import ANNEX_I_ELEMENTS
from recogniser.i18n import phrase, plural, shown
from recogniser.model import Credential, Decision, Element, Status
from recogniser.vocabulary import assessment_type_label, participation_label, provider_kind_label, qa_decision_label

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
    """The sixteen Annex I elements in the Recommendation's order: eleven mandatory, then five optional, named and
    described in the language in use.

    Whether an element is stated is the completeness rules' judgement, so the report and the findings agree.
    """
    return tuple(
        AnnexIElement(
            key=element.key,
            number=element.number,
            label=element.label[0].upper() + element.label[1:],
            mandatory=element.mandatory,
            value=_described(element.key, credential) if element.present(credential) else None,
        )
        for element in ANNEX_I_ELEMENTS
    )


def _described(key: str, credential: Credential) -> str:
    return _DESCRIPTIONS[key](credential) or shown(phrase("stated"))


def _in_sentence(label: str) -> str:
    """A vocabulary label inside a description: its first letter lower-cased, unless it starts an acronym."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _joined(parts: list[str]) -> str | None:
    return "; ".join(parts) or None


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _learner(credential: Credential) -> str | None:
    learner = credential.learner
    if learner is None or learner.name is None:
        return None
    born = learner.date_of_birth and shown(phrase("born {date}", date=learner.date_of_birth))
    return "; ".join([learner.name, *(extra for extra in (learner.identifier, born) if extra)])


def _awarding_body(credential: Credential) -> str | None:
    body = credential.awarding_body
    if body is None or body.name is None:
        return None
    extras = [body.country, body.kind and _in_sentence(provider_kind_label(body.kind))]
    details = ", ".join(extra for extra in extras if extra)
    return f"{body.name} ({details})" if details else body.name


def _learning_outcomes(credential: Credential) -> str | None:
    outcomes = credential.learning_outcomes
    if not outcomes:
        return None
    return shown(plural("{n} outcome stated", "{n} outcomes stated", n=len(outcomes)))


def _workload(credential: Credential) -> str | None:
    workload = credential.workload
    if workload is None:
        return None
    parts = []
    if workload.ects is not None:
        parts.append(shown(phrase("{ects} ECTS", ects=workload.ects)))
    if workload.hours is not None:
        parts.append(shown(plural("{n} hour", "{n} hours", n=workload.hours)))
    return _joined(parts)


def _level(credential: Credential) -> str | None:
    level = credential.level
    if level is None:
        return None
    parts = []
    if level.framework is not None:
        parts.append(
            shown(phrase("{framework} level {level}", framework=level.framework, level=level.nqf_level))
            if level.nqf_level
            else level.framework
        )
    elif level.nqf_level is not None:
        parts.append(shown(phrase("national level {level}", level=level.nqf_level)))
    if level.eqf_level is not None:
        parts.append(shown(phrase("EQF {level}", level=level.eqf_level)))
    return _joined(parts)


def _assessment(credential: Credential) -> str | None:
    assessment = credential.assessment
    if assessment is None or assessment.type is None:
        return None
    return _in_sentence(assessment_type_label(assessment.type))


def _quality_assurance(credential: Credential) -> str | None:
    qa = credential.quality_assurance
    if qa is None:
        return None
    parts = []
    if qa.internal is not None:
        parts.append(shown(phrase("internal QA") if qa.internal else phrase("no internal QA")))
    if qa.external_agency is not None or qa.decision is not None:
        external = phrase("external QA by {agency}", agency=qa.external_agency) if qa.external_agency else None
        details = [shown(external or phrase("external QA"))]
        if qa.decision is not None:
            details.append(_in_sentence(qa_decision_label(qa.decision)))
        if qa.valid_until is not None:
            details.append(shown(phrase("valid until {date}", date=qa.valid_until)))
        parts.append(", ".join(details))
    return _joined(parts)


_SUPERVISION = {True: phrase("supervised"), False: phrase("unsupervised"), None: phrase("supervision not stated")}
_IDENTITY = {
    True: phrase("identity verified"),
    False: phrase("no identity check"),
    None: phrase("identity check not stated"),
}


def _identity_verification(credential: Credential) -> str | None:
    # Annex I (13) names four arrangements; the case records them as two yes/no facts.
    assessment = credential.assessment
    if assessment is None or (assessment.supervised is None and assessment.identity_verified is None):
        return None
    return f"{shown(_SUPERVISION[assessment.supervised])}, {shown(_IDENTITY[assessment.identity_verified])}"


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
    "participation": lambda c: c.participation and _in_sentence(participation_label(c.participation)),
    "quality_assurance": _quality_assurance,
    "prerequisites": lambda c: c.prerequisites,
    "identity_verification": _identity_verification,
    "grade": lambda c: c.grade,
    "stackability": lambda c: c.stackability,
    "further_information": lambda c: c.further_information,
}
