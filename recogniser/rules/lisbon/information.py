"""Information (LRC Art. III.3): the file holds what the purpose cannot be decided without."""

from __future__ import annotations

from dataclasses import replace

from recogniser.model import (
    Element,
    Finding,
    InformationItem,
    Purpose,
    RuleSet,
    Status,
    Supplier,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.completeness import is_decisive, missing_mandatory
from recogniser.rules.lisbon.applicability import (
    domestic,
    lrc_applies,
)
from recogniser.rules.lisbon.common import (
    ANY_BUT_FULL,
    ask_for,
    refugee_without_documents,
)
from recogniser.vocabulary import PURPOSE_WORDS


@rule(
    id="lisbon.information",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.LRC_III_3_APPLICANT, cited.LRC_III_3_INSTITUTION, cited.RR_TIME),
    explanation="The file holds what the purpose cannot be decided without.",
)
def information(context: RuleContext, info: RuleInfo) -> Finding:
    if not lrc_applies(context):
        info = replace(info, citation=cited.cite(cited.NATIONAL_PROCEDURE, cited.MICRO_ANNEX_I))
    elif domestic(context):
        info = replace(info, citation=cited.by_analogy(info.citation))
    missing = [element for element in missing_mandatory(context) if is_decisive(context, element)]
    purpose = PURPOSE_WORDS[context.case.purpose]
    if context.case.purpose is Purpose.RPL and context.case.target is None:
        # Validation is against a standard (Council Recommendation 2012/C 398/01): without the component the
        # learning is to count towards, neither level, outcomes nor credits can be weighed.
        return finding(
            info,
            Status.FAIL,
            "Recognition of prior learning is sought without naming the component or programme it is to count "
            "towards: its level, credits and learning outcomes are needed to weigh the credential.",
            citation=cited.cite(cited.VALIDATION, cited.ECTS_RPL, cited.LRC_III_3_APPLICANT),
            field="target",
            code="rpl_target_missing",
            information=[
                InformationItem(
                    "the component or programme the learning is to count towards, with its EQF level, credits and "
                    "learning outcomes",
                    Supplier.APPLICANT,
                )
            ],
            if_unfavourable=ANY_BUT_FULL,
        )
    if not missing:
        return finding(info, Status.PASS, f"The file holds what a decision on {purpose} needs.")
    first_field = missing[0].field
    names = ", ".join(element.name for element in missing)
    items = [ask_for(context, element.number, element.name) for element in missing]
    if refugee_without_documents(context):
        return finding(
            info,
            Status.WARNING,
            f"Elements needed for the decision are not documented: {names}. The applicant is a refugee without "
            "documents: the assessing body establishes them by other means (Art. VII), not by asking for the "
            "missing documents.",
            citation=cited.cite(cited.LRC_VII, cited.REFUGEES_RECOMMENDATION, cited.RR_BACKGROUND),
            field=first_field,
            code="refugee_elements",
            information=items,
            if_unfavourable=ANY_BUT_FULL,
        )
    return finding(
        info,
        Status.FAIL,
        f"A decision on {purpose} needs information the file does not hold: {names}. The four months for a "
        "decision run from a complete file.",
        field=first_field,
        code="missing_elements",
        information=items,
        if_unfavourable=ANY_BUT_FULL,
    )
