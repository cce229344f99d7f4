"""Assessment and identity: what the purpose needs of the assessment, and for credit the learner's identity."""

from __future__ import annotations

from recogniser.model import (
    Alternative,
    AlternativeKind,
    AssessmentType,
    Element,
    Finding,
    Outcome,
    Participation,
    Purpose,
    RuleSet,
    Status,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.lisbon.applicability import (
    ADMISSION_BASIS,
    CREDIT_BASIS,
    RPL_BASIS,
    for_purpose,
)
from recogniser.rules.lisbon.common import (
    ALTERNATIVE_OR_REFUSAL,
    CONDITIONAL_OR_WORSE,
    HIGHER_EDUCATION_CREDIT,
    no_difference,
    rpl_route,
)
from recogniser.rules.words import PURPOSE_WORDS


@rule(
    id="lisbon.assessment_difference",
    rule_set=RuleSet.LISBON,
    element=Element.ASSESSMENT,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.MICRO_ANNEX_II, cited.ECTS_KEY_FEATURES),
    explanation="The assessment, and for credit the learner's identity at assessment, are what the purpose needs.",
    # Nothing assessed: no credit, and no learning to describe beyond taking part.
    rules_out={"not_assessed": {*HIGHER_EDUCATION_CREDIT, AlternativeKind.DESCRIPTIVE_STATEMENT}},
)
def assessment_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = for_purpose(context, info, cited.MICRO_ANNEX_II)
    purpose = context.case.purpose
    credential = context.case.credential
    assessment = credential.assessment
    kind = assessment.type if assessment else None
    if kind is None or assessment is None:
        return finding(
            info, Status.UNKNOWN, "The assessment is not stated.", field="credential.assessment.type", code="not_stated"
        )
    if kind in (AssessmentType.ATTENDANCE_ONLY, AssessmentType.NONE):
        return _not_assessed(context, info)
    onsite = credential.participation is Participation.ONSITE
    unverified = assessment.identity_verified is False or (
        assessment.supervised is False and assessment.identity_verified is not True
    )
    kind_words = kind.value.replace("_", " ")
    if purpose in (Purpose.ADMISSION, Purpose.EMPLOYMENT):
        if unverified and not onsite:
            return finding(
                info,
                Status.WARNING,
                "The assessment was not supervised or the learner's identity was not verified; for "
                f"{PURPOSE_WORDS[purpose]} this weighs less than for credit.",
                element=Element.IDENTITY,
                field="credential.assessment.identity_verified",
                code="unverified_not_weighed",
            )
        return no_difference(context, info, "assessment", f"learning assessed by {kind_words}.")
    # Credit (transfer or RPL): the assessment must be the learner's own.
    condition = "an identity-verified assessment (e.g. a supervised or oral examination) of the outcomes"
    if onsite and assessment.identity_verified is not False:
        return no_difference(context, info, "assessment", f"{kind_words} on site, where the learner is identified.")
    if unverified:
        return finding(
            info,
            Status.FAIL,
            "For credit the assessment must be attributable to the learner, but it was not supervised or the "
            "learner's identity was not verified.",
            element=Element.IDENTITY,
            field="credential.assessment.identity_verified",
            code="unverified",
            allows=CONDITIONAL_OR_WORSE,
            condition=condition,
        )
    if assessment.identity_verified is None:
        # Element 13 is optional in Annex I: its absence does not hold the decision up; the credit waits on the
        # awarding body's confirmation or an identity-verified assessment instead.
        return finding(
            info,
            Status.FAIL,
            "For credit the assessment must be attributable to the learner, and whether the learner's identity was "
            "verified is not stated (the optional Annex I element 13): the credit is recommended on condition that "
            "it is confirmed, not held up for it.",
            element=Element.IDENTITY,
            field="credential.assessment.identity_verified",
            code="identity_not_stated",
            allows=CONDITIONAL_OR_WORSE,
            condition="confirmation by the awarding body that the learner's identity was verified at assessment, "
            "or " + condition,
        )
    return no_difference(context, info, "assessment", "assessed, with the learner's identity verified.")


def _not_assessed(context: RuleContext, info: RuleInfo) -> Finding:
    purpose = context.case.purpose
    message = "The learning was not assessed; a record of participation does not show learning outcomes achieved."
    field = "credential.assessment.type"
    if purpose is Purpose.EMPLOYMENT:
        return finding(
            info,
            Status.FAIL,
            message,
            field=field,
            code="not_assessed",
            allows=(Outcome.ALTERNATIVE_RECOGNITION,),
            alternative=Alternative(
                AlternativeKind.PARTICIPATION_STATEMENT,
                "a statement of participation, without recognising learning outcomes",
            ),
        )
    if purpose is Purpose.ADMISSION:
        return finding(
            info,
            Status.FAIL,
            message,
            field=field,
            code="not_assessed",
            allows=CONDITIONAL_OR_WORSE,
            condition="an assessment of the outcomes the programme requires (e.g. an entrance examination)",
        )
    # Credit transfer and RPL: attendance alone never earns credits; the institution's own assessment can.
    return finding(
        info,
        Status.FAIL,
        message + " It earns no credits itself; the institution's RPL procedure can assess the learning.",
        field=field,
        code="not_assessed",
        allows=ALTERNATIVE_OR_REFUSAL,
        alternative=rpl_route(context),
    )
