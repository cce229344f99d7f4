"""Recognition of prior learning: how far the credential carries the credits, and the office's cap on RPL credit."""

from __future__ import annotations

from recogniser.i18n import phrase
from recogniser.joining import in_list
from recogniser.model import (
    AssessmentType,
    Element,
    Finding,
    Participation,
    Purpose,
    RuleSet,
    Status,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.completeness import is_stated
from recogniser.rules.facts import QAGrade, grade_words
from recogniser.rules.lisbon.common import (
    CONDITIONAL_OR_WORSE,
    PARTIAL_OR_WORSE,
    credits_sought,
    outcomes_covered,
    percent,
)


@rule(
    id="lisbon.rpl_evidence",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.VALIDATION, cited.ECTS_RPL),
    explanation="In recognition of prior learning, credits follow the institution's own assessment unless the "
    "credential's evidence is strong.",
    purposes={Purpose.RPL},
)
def rpl_evidence(context: RuleContext, info: RuleInfo) -> Finding:
    if credits_sought(context) is None:
        return finding(
            info,
            Status.NOT_APPLICABLE,
            phrase(
                "No credits are sought towards a target: the credential documents the learning for the RPL procedure."
            ),
        )
    weak = _rpl_weaknesses(context)
    if not weak:
        return finding(
            info,
            Status.PASS,
            phrase(
                "The credential is strong evidence: quality-assured, assessed with the learner's identity verified, "
                "at the target's level and covering its outcomes; the credits can rest on it."
            ),
            code="strong",
        )
    return finding(
        info,
        Status.FAIL,
        phrase(
            "The credential documents the learning but is not strong enough evidence to carry the credits on its own "
            "({weaknesses}): the credits follow the institution's RPL assessment.",
            weaknesses=in_list(weak),
        ),
        code="assessment_needed",
        allows=CONDITIONAL_OR_WORSE,
        condition=phrase(
            "the institution's RPL assessment confirms the learning (identification, documentation, assessment)"
        ),
    )


def _rpl_weaknesses(context: RuleContext) -> list[str]:
    weak: list[str] = []
    if context.quality.grade not in (QAGrade.STRONG, QAGrade.SUBSTANTIAL):
        weak.append(
            phrase("quality evidence is {grade}", grade=grade_words(context.quality.grade))
            if is_stated(context, "quality_assurance")
            else phrase("the quality assurance is not stated")
        )
    assessment = context.case.credential.assessment
    if assessment is None or assessment.type in (None, AssessmentType.ATTENDANCE_ONLY, AssessmentType.NONE):
        weak.append(phrase("the learning was not assessed"))
    elif assessment.identity_verified is not True and context.case.credential.participation is not Participation.ONSITE:
        weak.append(phrase("the learner's identity at assessment is not verified"))
    target = context.case.target
    level = context.level.eqf_level
    if target is not None and target.eqf_level is not None and (level is None or level < target.eqf_level):
        weak.append(
            phrase("the level is not shown to reach the target's")
            if level is None
            else phrase("EQF {level} is below the target", level=level)
        )
    coverage = context.outcomes.coverage
    if coverage is None:
        weak.append(phrase("the outcomes were not compared with the target's"))
    elif coverage < context.rulebook.coverage_full:
        weak.append(outcomes_covered(coverage))
    return weak


def rpl_credit_limit(context: RuleContext) -> float | None:
    """The most credits RPL may give towards the target under the office's cap, where the cap and the
    programme's credits are known."""
    cap = context.rulebook.rpl_credit_cap
    target = context.case.target
    if context.case.purpose is not Purpose.RPL or cap is None or target is None or target.programme_ects is None:
        return None
    return cap * target.programme_ects


@rule(
    id="lisbon.rpl_cap",
    rule_set=RuleSet.LISBON,
    element=Element.WORKLOAD,
    citation=cited.cite(cited.OFFICE_RPL_CAP, cited.ECTS_RPL),
    explanation="Recognition of prior learning gives no more of a programme's credits than the institution's cap.",
    purposes={Purpose.RPL},
)
def rpl_cap(context: RuleContext, info: RuleInfo) -> Finding | None:
    cap = context.rulebook.rpl_credit_cap
    sought = credits_sought(context)
    if cap is None or sought is None:
        return None
    share = phrase("{percent}% of a programme's credits", percent=percent(cap))
    limit = rpl_credit_limit(context)
    target = context.case.target
    assert target is not None
    if limit is None:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "The office caps recognition of prior learning at {share}; the programme's credits are not given, so "
                "check by hand that the credits sought stay within the cap.",
                share=share,
            ),
            field="target.programme_ects",
            code="programme_credits_not_given",
        )
    if sought <= limit:
        return finding(
            info,
            Status.PASS,
            phrase(
                "The {sought} ECTS sought are within the office's cap on RPL credit ({share}: {limit} ECTS).",
                sought=float(sought),
                share=share,
                limit=float(limit),
            ),
            field="target.programme_ects",
            code="within",
        )
    assert target.programme_ects is not None
    return finding(
        info,
        Status.FAIL,
        phrase(
            "The {sought} ECTS sought exceed the office's cap on RPL credit ({share}: {limit} ECTS of the programme's "
            "{programme} ECTS, if none were recognised before); RPL can give no more than that.",
            sought=float(sought),
            share=share,
            limit=float(limit),
            programme=float(target.programme_ects),
        ),
        field="target.programme_ects",
        code="exceeded",
        allows=PARTIAL_OR_WORSE,
    )
