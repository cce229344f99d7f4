"""Quality: the quality evidence against what the purpose needs, the status of the provider first."""

from __future__ import annotations

from dataclasses import replace

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
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.completeness import is_stated
from recogniser.rules.esg import VET_QUALITY_CHECK
from recogniser.rules.facts import QAGrade
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

#: The outcomes quality evidence found wanting leaves open, per purpose (see quality_difference below).
_UNFAVOURABLE_QUALITY: dict[Purpose, tuple[Outcome, ...]] = {
    Purpose.ADMISSION: CONDITIONAL_OR_WORSE,
    Purpose.CREDIT_TRANSFER: ALTERNATIVE_OR_REFUSAL,
    Purpose.EMPLOYMENT: (Outcome.ALTERNATIVE_RECOGNITION,),
    Purpose.RPL: CONDITIONAL_OR_WORSE,
}


@rule(
    id="lisbon.quality_difference",
    rule_set=RuleSet.LISBON,
    element=Element.QUALITY,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.RR_STATUS, cited.EAR_STATUS),
    explanation="The quality evidence is judged against what the purpose needs; the status of the provider first.",
    rules_out={"no_esg_quality": HIGHER_EDUCATION_CREDIT, "vet_outside_esg": HIGHER_EDUCATION_CREDIT},
)
def quality_difference(context: RuleContext, info: RuleInfo) -> Finding:
    # The status of the institution first (Revised Recommendation; EAR manual), where the Convention reaches.
    info = for_purpose(context, info, *((cited.RR_STATUS, cited.EAR_STATUS) if lrc_applies(context) else ()))
    purpose = context.case.purpose
    quality = context.quality
    field = "credential.quality_assurance"
    detail = f"quality evidence is {quality.grade.value} ({quality.reason})."
    if quality.grade in (QAGrade.STRONG, QAGrade.SUBSTANTIAL):
        return no_difference(context, info, "quality", detail, field=field, code="evidenced")
    # What the file does not show is asked for, never counted as a difference (LRC Art. III.3; Art. VII).
    if not is_stated(context, "quality_assurance"):
        return finding(
            info,
            Status.UNKNOWN,
            "The type of quality assurance is not stated: "
            + (
                "the assessing body establishes it by other means (Art. VII), "
                if refugee_without_documents(context)
                else "it is asked for, "
            )
            + "not counted as a substantial difference.",
            field=field,
            code="not_stated",
        )
    if quality.to_verify is not None:
        return finding(
            info,
            Status.UNKNOWN,
            f"The {detail[0].lower()}{detail[1:]} That is not shown to be a substantial difference until the "
            f"awarding body's status is checked (EAR manual: the status of the institution first): "
            f"{quality.to_verify} is established.",
            field=field,
            code="to_verify",
            # The status of a foreign institution is the assessing body's to establish (LRC Art. III.3).
            information=[ask_for(context, 11, quality.to_verify, Supplier.ASSESSING_BODY)],
            # What an unfavourable answer would leave: as for quality evidence that is not there.
            if_unfavourable=_UNFAVOURABLE_QUALITY[purpose],
        )
    if purpose is Purpose.RPL:
        # In RPL the credential is documentation: weaker quality evidence means the institution's own assessment
        # must carry the weight (Council Recommendation 2012/C 398/01), not that the learning is refused.
        return finding(
            info,
            Status.WARNING,
            f"The {detail[0].lower()}{detail[1:]} As evidence in the RPL procedure it cannot carry credits on its "
            "own: the institution's assessment must confirm the learning.",
            field=field,
            code="rpl_weak_evidence",
        )
    vet = quality.vet_quality_to_check
    if vet:
        info = replace(info, citation=cited.cite(info.citation, cited.ESG_SCOPE, cited.VET_QUALITY))
    if purpose is Purpose.EMPLOYMENT and vet:
        # A statement for the labour market does not bring the learning into higher education: the ESG do not
        # decide it; the VET system's own quality assurance does.
        return finding(info, Status.UNKNOWN, VET_QUALITY_CHECK, field=field, code="vet_to_check")
    if purpose is Purpose.EMPLOYMENT:
        return finding(
            info,
            Status.FAIL,
            f"The {detail[0].lower()}{detail[1:]} A statement can describe the learning, noting that the provider "
            "is outside recognised quality assurance, but cannot vouch for it as recognised provision.",
            field=field,
            code="outside_recognised_provision",
            allows=(Outcome.ALTERNATIVE_RECOGNITION,),
            alternative=Alternative(
                AlternativeKind.DESCRIPTIVE_STATEMENT,
                "a statement describing the learning, without recognising it as quality-assured provision",
            ),
        )
    if vet:
        # Into higher education, learning from outside ESG-aligned QA goes through RPL (MICROBOL, 2022): a
        # different route, not a verdict on the VET provider's own quality assurance.
        message = (
            "The awarding body is a VET provider: its quality assurance belongs to its own VET system (for example "
            "EQAVET), which the ESG do not cover, so it is not judged here. Higher education relies on ESG-aligned "
            "quality assurance, so "
        )
        code = "vet_outside_esg"
    else:
        message = f"The {detail[0].lower()}{detail[1:]} Without ESG-aligned quality assurance "
        code = "no_esg_quality"
    if purpose is Purpose.ADMISSION:
        return finding(
            info,
            Status.FAIL,
            message + "the credential cannot be relied on as it stands for admission; the learning can be weighed "
            "in an individual admission assessment.",
            field=field,
            code=code,
            allows=CONDITIONAL_OR_WORSE,
            condition="an entrance examination or interview covering the credential's outcomes",
        )
    return finding(
        info,
        Status.FAIL,
        message + "the credential cannot be relied on as it stands for credit; the learning can be recognised "
        "through RPL.",
        field=field,
        code=code,
        allows=ALTERNATIVE_OR_REFUSAL,
        alternative=rpl_route(context),
    )
