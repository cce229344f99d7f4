"""Quality: the quality evidence against what the purpose needs, the status of the provider first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from recogniser.i18n import Phrase, phrase
from recogniser.model import (
    Alternative,
    AlternativeKind,
    Element,
    Finding,
    Outcome,
    Purpose,
    RuleSet,
    Status,
    Supplier,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import CheckFunction, RuleContext, RuleInfo, finding, rule_by_purpose
from recogniser.rules.completeness import is_stated
from recogniser.rules.esg import VET_QUALITY_CHECK
from recogniser.rules.facts import QAGrade, grade_words
from recogniser.rules.lisbon.applicability import (
    ADMISSION_BASIS,
    CREDIT_BASIS,
    RPL_BASIS,
    for_purpose,
    lrc_applies,
)
from recogniser.rules.lisbon.common import (
    ALTERNATIVE_OR_REFUSAL,
    CONDITIONAL_OR_WORSE,
    HIGHER_EDUCATION_CREDIT,
    ask_for,
    no_difference,
    refugee_without_documents,
    rpl_route,
)

#: The outcomes quality evidence found wanting leaves open, per purpose (see the checks below).
_UNFAVOURABLE_QUALITY: dict[Purpose, tuple[Outcome, ...]] = {
    Purpose.ADMISSION: CONDITIONAL_OR_WORSE,
    Purpose.CREDIT_TRANSFER: ALTERNATIVE_OR_REFUSAL,
    Purpose.EMPLOYMENT: (Outcome.ALTERNATIVE_RECOGNITION,),
    Purpose.RPL: CONDITIONAL_OR_WORSE,
}

_FIELD = "credential.quality_assurance"


def _cited(context: RuleContext, info: RuleInfo) -> RuleInfo:
    # The status of the institution first (Revised Recommendation; EAR manual), where the Convention reaches.
    return for_purpose(context, info, *((cited.RR_STATUS, cited.EAR_STATUS) if lrc_applies(context) else ()))


def _detail(context: RuleContext) -> Phrase:
    quality = context.quality
    return phrase("quality evidence is {grade} ({reason}).", grade=grade_words(quality.grade), reason=quality.reason)


def _evidence(context: RuleContext) -> Phrase:
    """The same as :func:`_detail`, opening a sentence."""
    quality = context.quality
    return phrase(
        "The quality evidence is {grade} ({reason}).", grade=grade_words(quality.grade), reason=quality.reason
    )


def _evidenced_or_asked(context: RuleContext, info: RuleInfo) -> Finding | None:
    """What every purpose judges alike: quality evidence that counts, and what the file does not show, which is
    asked for, never counted as a difference (LRC Art. III.3; Art. VII). None where the evidence falls short."""
    quality = context.quality
    if quality.grade in (QAGrade.STRONG, QAGrade.SUBSTANTIAL):
        return no_difference(context, info, Element.QUALITY, _detail(context), field=_FIELD, code="evidenced")
    if not is_stated(context, "quality_assurance"):
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "The type of quality assurance is not stated: the assessing body establishes it by other means "
                "(Art. VII), not counted as a substantial difference."
            )
            if refugee_without_documents(context)
            else phrase(
                "The type of quality assurance is not stated: it is asked for, not counted as a substantial difference."
            ),
            field=_FIELD,
            code="not_stated",
        )
    if quality.to_verify is not None:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "{evidence} That is not shown to be a substantial difference until the awarding body's status is "
                "checked (EAR manual: the status of the institution first): {to_verify} is established.",
                evidence=_evidence(context),
                to_verify=quality.to_verify,
            ),
            field=_FIELD,
            code="to_verify",
            # The status of a foreign institution is the assessing body's to establish (LRC Art. III.3).
            information=[ask_for(context, 11, quality.to_verify, Supplier.ASSESSING_BODY)],
            # What an unfavourable answer would leave: as for quality evidence that is not there.
            if_unfavourable=_UNFAVOURABLE_QUALITY[context.case.purpose],
        )
    return None


def _vet_cited(info: RuleInfo) -> RuleInfo:
    return replace(info, citation=cited.cite(info.citation, cited.ESG_SCOPE, cited.VET_QUALITY))


def _outside_esg(context: RuleContext, info: RuleInfo, consequence: Phrase) -> tuple[RuleInfo, Phrase, str]:
    """Into higher education (admission, credit), evidence short of the ESG: the citation, the sentence that
    leads to the ``consequence`` for the purpose, and the code."""
    if context.quality.vet_quality_to_check:
        # Into higher education, learning from outside ESG-aligned QA goes through RPL (MICROBOL, 2022): a
        # different route, not a verdict on the VET provider's own quality assurance.
        message = phrase(
            "The awarding body is a VET provider: its quality assurance belongs to its own VET system (for example "
            "EQAVET), which the ESG do not cover, so it is not judged here. Higher education relies on ESG-aligned "
            "quality assurance, so {consequence}",
            consequence=consequence,
        )
        return _vet_cited(info), message, "vet_outside_esg"
    message = phrase(
        "{evidence} Without ESG-aligned quality assurance {consequence}",
        evidence=_evidence(context),
        consequence=consequence,
    )
    return info, message, "no_esg_quality"


def _judged(short: Callable[[RuleContext, RuleInfo], Finding]) -> CheckFunction:
    """A purpose's check: what every purpose judges alike, then ``short`` where the evidence falls short."""

    def check(context: RuleContext, info: RuleInfo) -> Finding:
        info = _cited(context, info)
        settled = _evidenced_or_asked(context, info)
        return settled if settled is not None else short(context, info)

    return check


def _short_for_admission(context: RuleContext, info: RuleInfo) -> Finding:
    consequence = phrase(
        "the credential cannot be relied on as it stands for admission; the learning can be weighed in an individual "
        "admission assessment."
    )
    info, message, code = _outside_esg(context, info, consequence)
    return finding(
        info,
        Status.FAIL,
        message,
        field=_FIELD,
        code=code,
        allows=CONDITIONAL_OR_WORSE,
        condition=phrase("an entrance examination or interview covering the credential's outcomes"),
    )


def _short_for_credit(context: RuleContext, info: RuleInfo) -> Finding:
    consequence = phrase(
        "the credential cannot be relied on as it stands for credit; the learning can be recognised through RPL."
    )
    info, message, code = _outside_esg(context, info, consequence)
    return finding(
        info,
        Status.FAIL,
        message,
        field=_FIELD,
        code=code,
        allows=ALTERNATIVE_OR_REFUSAL,
        alternative=rpl_route(context),
    )


def _short_for_employment(context: RuleContext, info: RuleInfo) -> Finding:
    if context.quality.vet_quality_to_check:
        # A statement for the labour market does not bring the learning into higher education: the ESG do not
        # decide it; the VET system's own quality assurance does.
        return finding(_vet_cited(info), Status.UNKNOWN, VET_QUALITY_CHECK, field=_FIELD, code="vet_to_check")
    return finding(
        info,
        Status.FAIL,
        phrase(
            "{evidence} A statement can describe the learning, noting that the provider is outside recognised "
            "quality assurance, but cannot vouch for it as recognised provision.",
            evidence=_evidence(context),
        ),
        field=_FIELD,
        code="outside_recognised_provision",
        allows=(Outcome.ALTERNATIVE_RECOGNITION,),
        alternative=Alternative(
            AlternativeKind.DESCRIPTIVE_STATEMENT,
            phrase("a statement describing the learning, without recognising it as quality-assured provision"),
        ),
    )


def _short_for_rpl(context: RuleContext, info: RuleInfo) -> Finding:
    # In RPL the credential is documentation: weaker quality evidence means the institution's own assessment
    # must carry the weight (Council Recommendation 2012/C 398/01), not that the learning is refused.
    return finding(
        info,
        Status.WARNING,
        phrase(
            "{evidence} As evidence in the RPL procedure it cannot carry credits on its own: the institution's "
            "assessment must confirm the learning.",
            evidence=_evidence(context),
        ),
        field=_FIELD,
        code="rpl_weak_evidence",
    )


quality_difference = rule_by_purpose(
    id="lisbon.quality_difference",
    rule_set=RuleSet.LISBON,
    element=Element.QUALITY,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.RR_STATUS, cited.EAR_STATUS),
    explanation="The quality evidence is judged against what the purpose needs; the status of the provider first.",
    checks={
        Purpose.ADMISSION: _judged(_short_for_admission),
        Purpose.CREDIT_TRANSFER: _judged(_short_for_credit),
        Purpose.EMPLOYMENT: _judged(_short_for_employment),
        Purpose.RPL: _judged(_short_for_rpl),
    },
    rules_out={"no_esg_quality": HIGHER_EDUCATION_CREDIT, "vet_outside_esg": HIGHER_EDUCATION_CREDIT},
)
