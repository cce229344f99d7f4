"""Assessment and identity: what the purpose needs of the assessment, and for credit the learner's identity."""

from __future__ import annotations

from collections.abc import Callable

from recogniser.i18n import phrase
from recogniser.model import (
    Alternative,
    AlternativeKind,
    Assessment,
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
from recogniser.rules.base import CheckFunction, RuleContext, RuleInfo, finding, rule_by_purpose
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
from recogniser.rules.wording import assessment_words
from recogniser.vocabulary import words

_NOT_ASSESSED = phrase(
    "The learning was not assessed; a record of participation does not show learning outcomes achieved."
)
_KIND_FIELD = "credential.assessment.type"
_IDENTITY_FIELD = "credential.assessment.identity_verified"


def _judged(
    not_assessed: Callable[[RuleContext, RuleInfo], Finding],
    assessed: Callable[[RuleContext, RuleInfo, Assessment, AssessmentType], Finding],
) -> CheckFunction:
    """A purpose's check: whether an assessment is stated, then ``not_assessed`` where nothing was assessed
    (attendance only) and ``assessed`` otherwise."""

    def check(context: RuleContext, info: RuleInfo) -> Finding:
        info = for_purpose(context, info, cited.MICRO_ANNEX_II)
        assessment = context.case.credential.assessment
        kind = assessment.type if assessment else None
        if kind is None or assessment is None:
            return finding(
                info, Status.UNKNOWN, phrase("The assessment is not stated."), field=_KIND_FIELD, code="not_stated"
            )
        if kind in (AssessmentType.ATTENDANCE_ONLY, AssessmentType.NONE):
            return not_assessed(context, info)
        return assessed(context, info, assessment, kind)

    return check


def _onsite(context: RuleContext) -> bool:
    return context.case.credential.participation is Participation.ONSITE


def _unverified(assessment: Assessment) -> bool:
    return assessment.identity_verified is False or (
        assessment.supervised is False and assessment.identity_verified is not True
    )


def _weighed_less(context: RuleContext, info: RuleInfo, assessment: Assessment, kind: AssessmentType) -> Finding:
    """Admission and employment: an assessment without identity check weighs less than for credit."""
    if _unverified(assessment) and not _onsite(context):
        return finding(
            info,
            Status.WARNING,
            phrase(
                "The assessment was not supervised or the learner's identity was not verified; for {purpose} this "
                "weighs less than for credit.",
                purpose=words(context.case.purpose),
            ),
            element=Element.IDENTITY,
            field=_IDENTITY_FIELD,
            code="unverified_not_weighed",
        )
    return no_difference(
        context, info, Element.ASSESSMENT, phrase("learning assessed by {kind}.", kind=assessment_words(kind))
    )


def _not_assessed_for_admission(context: RuleContext, info: RuleInfo) -> Finding:
    return finding(
        info,
        Status.FAIL,
        _NOT_ASSESSED,
        field=_KIND_FIELD,
        code="not_assessed",
        allows=CONDITIONAL_OR_WORSE,
        condition=phrase("an assessment of the outcomes the programme requires (e.g. an entrance examination)"),
    )


def _not_assessed_for_employment(context: RuleContext, info: RuleInfo) -> Finding:
    return finding(
        info,
        Status.FAIL,
        _NOT_ASSESSED,
        field=_KIND_FIELD,
        code="not_assessed",
        allows=(Outcome.ALTERNATIVE_RECOGNITION,),
        alternative=Alternative(
            AlternativeKind.PARTICIPATION_STATEMENT,
            phrase("a statement of participation, without recognising learning outcomes"),
        ),
    )


def _not_assessed_for_credit(context: RuleContext, info: RuleInfo) -> Finding:
    """Credit transfer and RPL: attendance alone never earns credits; the institution's own assessment can."""
    return finding(
        info,
        Status.FAIL,
        phrase(
            "{not_assessed} It earns no credits itself; the institution's RPL procedure can assess the learning.",
            not_assessed=_NOT_ASSESSED,
        ),
        field=_KIND_FIELD,
        code="not_assessed",
        allows=ALTERNATIVE_OR_REFUSAL,
        alternative=rpl_route(context),
    )


def _attributable(context: RuleContext, info: RuleInfo, assessment: Assessment, kind: AssessmentType) -> Finding:
    """Credit transfer and RPL: the assessment must be the learner's own."""
    condition = phrase("an identity-verified assessment (e.g. a supervised or oral examination) of the outcomes")
    if _onsite(context) and assessment.identity_verified is not False:
        on_site = phrase("{kind} on site, where the learner is identified.", kind=assessment_words(kind))
        return no_difference(context, info, Element.ASSESSMENT, on_site)
    if _unverified(assessment):
        return finding(
            info,
            Status.FAIL,
            phrase(
                "For credit the assessment must be attributable to the learner, but it was not supervised or the "
                "learner's identity was not verified."
            ),
            element=Element.IDENTITY,
            field=_IDENTITY_FIELD,
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
            phrase(
                "For credit the assessment must be attributable to the learner, and whether the learner's identity "
                "was verified is not stated (the optional Annex I element 13): the credit is recommended on condition "
                "that it is confirmed, not held up for it."
            ),
            element=Element.IDENTITY,
            field=_IDENTITY_FIELD,
            code="identity_not_stated",
            allows=CONDITIONAL_OR_WORSE,
            condition=phrase(
                "confirmation by the awarding body that the learner's identity was verified at assessment, or "
                "{assessment}",
                assessment=condition,
            ),
        )
    verified = phrase("assessed, with the learner's identity verified.")
    return no_difference(context, info, Element.ASSESSMENT, verified)


_for_credit = _judged(_not_assessed_for_credit, _attributable)

assessment_difference = rule_by_purpose(
    id="lisbon.assessment_difference",
    rule_set=RuleSet.LISBON,
    element=Element.ASSESSMENT,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.MICRO_ANNEX_II, cited.ECTS_KEY_FEATURES),
    explanation="The assessment, and for credit the learner's identity at assessment, are what the purpose needs.",
    checks={
        Purpose.ADMISSION: _judged(_not_assessed_for_admission, _weighed_less),
        Purpose.CREDIT_TRANSFER: _for_credit,
        Purpose.EMPLOYMENT: _judged(_not_assessed_for_employment, _weighed_less),
        Purpose.RPL: _for_credit,
    },
    # Nothing assessed: no credit, and no learning to describe beyond taking part.
    rules_out={"not_assessed": {*HIGHER_EDUCATION_CREDIT, AlternativeKind.DESCRIPTIVE_STATEMENT}},
)
