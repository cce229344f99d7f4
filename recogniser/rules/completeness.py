"""Completeness: the standard elements of Annex I of Council Recommendation 2022/C 243/02.

A missing mandatory element is a finding, never a load error. It is a failure when the purpose cannot be
decided without it (the rulebook's decisive elements; LRC Art. III.3 then asks the applicant for it) and a
warning otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from recogniser.model import AssessmentType, Credential, Element, Finding, RuleSet, Status
from recogniser.rules import citations as cited
from recogniser.rules.base import Rule, RuleContext, RuleInfo, finding, rule
from recogniser.rules.words import PURPOSE_WORDS

ANNEX_I = cited.MICRO_ANNEX_I


@dataclass(frozen=True)
class AnnexElement:
    key: str
    number: int
    name: str
    field: str
    present: Callable[[Credential], bool]
    mandatory: bool


def _has_text(value: str | None) -> bool:
    return bool(value and value.strip())


ANNEX_I_ELEMENTS: tuple[AnnexElement, ...] = (
    AnnexElement(
        "learner",
        1,
        "identification of the learner",
        "credential.learner.name",
        lambda c: c.learner is not None and _has_text(c.learner.name),
        True,
    ),
    AnnexElement("title", 2, "title of the micro-credential", "credential.title", lambda c: _has_text(c.title), True),
    AnnexElement(
        "issuer_country",
        3,
        "country or region of the issuer",
        "credential.issuer_country",
        lambda c: _has_text(c.issuer_country) or (c.awarding_body is not None and _has_text(c.awarding_body.country)),
        True,
    ),
    AnnexElement(
        "awarding_body",
        4,
        "awarding body",
        "credential.awarding_body.name",
        lambda c: c.awarding_body is not None and _has_text(c.awarding_body.name),
        True,
    ),
    AnnexElement("issue_date", 5, "date of issuing", "credential.issue_date", lambda c: c.issue_date is not None, True),
    AnnexElement(
        "learning_outcomes",
        6,
        "learning outcomes",
        "credential.learning_outcomes",
        lambda c: bool(c.learning_outcomes),
        True,
    ),
    AnnexElement(
        "workload",
        7,
        "notional workload (ECTS where possible)",
        "credential.workload.ects",
        lambda c: c.workload is not None and (c.workload.ects is not None or c.workload.hours is not None),
        True,
    ),
    AnnexElement(
        "level",
        8,
        "level and cycle (EQF, QF-EHEA), if applicable",
        "credential.level",
        lambda c: (
            c.level is not None
            and (c.level.eqf_level is not None or (_has_text(c.level.framework) and _has_text(c.level.nqf_level)))
        ),
        True,
    ),
    AnnexElement(
        "assessment",
        9,
        "type of assessment",
        "credential.assessment.type",
        lambda c: c.assessment is not None and c.assessment.type is not None,
        True,
    ),
    AnnexElement(
        "participation",
        10,
        "form of participation",
        "credential.participation",
        lambda c: c.participation is not None,
        True,
    ),
    AnnexElement(
        "quality_assurance",
        11,
        "type of quality assurance",
        "credential.quality_assurance",
        lambda c: (
            c.quality_assurance is not None
            and (
                c.quality_assurance.internal is not None
                or _has_text(c.quality_assurance.external_agency)
                or c.quality_assurance.decision is not None
            )
        ),
        True,
    ),
    AnnexElement(
        "prerequisites",
        12,
        "prerequisites needed to enrol",
        "credential.prerequisites",
        lambda c: _has_text(c.prerequisites),
        False,
    ),
    AnnexElement(
        "identity_verification",
        13,
        "supervision and identity verification during assessment",
        "credential.assessment.identity_verified",
        lambda c: (
            c.assessment is not None
            and (c.assessment.supervised is not None or c.assessment.identity_verified is not None)
        ),
        False,
    ),
    AnnexElement("grade", 14, "grade achieved", "credential.grade", lambda c: _has_text(c.grade), False),
    AnnexElement(
        "stackability",
        15,
        "integration and stackability options",
        "credential.stackability",
        lambda c: _has_text(c.stackability),
        False,
    ),
    AnnexElement(
        "further_information",
        16,
        "further information",
        "credential.further_information",
        lambda c: _has_text(c.further_information),
        False,
    ),
)


def missing_mandatory(context: RuleContext) -> list[AnnexElement]:
    return [e for e in ANNEX_I_ELEMENTS if e.mandatory and not e.present(context.case.credential)]


def annex_element(key: str) -> AnnexElement:
    return next(element for element in ANNEX_I_ELEMENTS if element.key == key)


def is_stated(context: RuleContext, key: str) -> bool:
    """The credential states the Annex I element ``key``."""
    return annex_element(key).present(context.case.credential)


def is_decisive(context: RuleContext, element: AnnexElement) -> bool:
    return element.key in context.rulebook.decisive_elements[context.case.purpose]


def _annex_rule(element: AnnexElement) -> Rule:
    @rule(
        id=f"completeness.{element.key}",
        rule_set=RuleSet.COMPLETENESS,
        element=Element.COMPLETENESS,
        citation=ANNEX_I,
        explanation=f"The credential states element {element.number} of Annex I: {element.name}.",
    )
    def check(context: RuleContext, info: RuleInfo) -> Finding:
        label = f"Annex I element {element.number} ({element.name})"
        if element.present(context.case.credential):
            return finding(info, Status.PASS, f"{label} is stated.", field=element.field)
        if not element.mandatory:
            return finding(info, Status.NOT_APPLICABLE, f"Optional {label} is not stated.", field=element.field)
        purpose = PURPOSE_WORDS[context.case.purpose]
        if is_decisive(context, element):
            return finding(
                info,
                Status.FAIL,
                f"Mandatory {label} is missing; it weighs in a decision on {purpose} (the recommendation says "
                "whether it could change this one).",
                field=element.field,
            )
        return finding(
            info,
            Status.WARNING,
            f"Mandatory {label} is missing; the {purpose} decision can be made without it, but the credential "
            "does not carry all the standard elements of a micro-credential.",
            field=element.field,
        )

    return check


#: One rule per Annex I element, in Annex I's order.
ANNEX_I_RULES = tuple(_annex_rule(element) for element in ANNEX_I_ELEMENTS)


@rule(
    id="completeness.assessed_learning",
    rule_set=RuleSet.COMPLETENESS,
    element=Element.ASSESSMENT,
    citation=cited.cite(cited.MICRO_DEFINITION, cited.MICRO_ANNEX_I),
    explanation="A micro-credential records assessed learning outcomes; a certificate of attendance alone is not one.",
)
def assessed_learning(context: RuleContext, info: RuleInfo) -> Finding:
    assessment = context.case.credential.assessment
    kind = assessment.type if assessment else None
    field = "credential.assessment.type"
    if kind is None:
        return finding(info, Status.UNKNOWN, "The type of assessment is not stated.", field=field)
    if kind in (AssessmentType.ATTENDANCE_ONLY, AssessmentType.NONE):
        what = "attendance only" if kind is AssessmentType.ATTENDANCE_ONLY else "no assessment"
        return finding(
            info,
            Status.FAIL,
            f"The credential certifies {what}: without assessed learning outcomes it is a record of participation, "
            "not a micro-credential.",
            field=field,
        )
    return finding(info, Status.PASS, f"Learning is assessed ({kind.value.replace('_', ' ')}).", field=field)


@rule(
    id="completeness.unknown_keys",
    rule_set=RuleSet.COMPLETENESS,
    element=Element.COMPLETENESS,
    citation=cited.CASE_FORMAT,
    explanation="Keys the case format does not define are kept with the case and listed for the evaluator.",
)
def unknown_keys(context: RuleContext, info: RuleInfo) -> Finding | None:
    keys = context.case.unknown_keys
    if not keys:
        return None
    shown = ", ".join(keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")
    return finding(
        info,
        Status.WARNING,
        f"The case file has keys the format does not define; they are kept but not assessed: {shown}.",
    )
