"""Information (LRC Art. III.3): the file holds what the purpose cannot be decided without."""

from __future__ import annotations

from dataclasses import replace

from recogniser.i18n import Phrase, phrase
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
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule_by_purpose
from recogniser.rules.completeness import is_decisive, missing_mandatory
from recogniser.rules.lisbon.applicability import (
    domestic,
    lrc_applies,
)
from recogniser.rules.lisbon.common import (
    ANY_BUT_FULL,
    ask_for,
    listed,
    refugee_without_documents,
)
from recogniser.vocabulary import words


def _cited(context: RuleContext, info: RuleInfo) -> RuleInfo:
    if not lrc_applies(context):
        return replace(info, citation=cited.cite(cited.NATIONAL_PROCEDURE, cited.MICRO_ANNEX_I))
    if domestic(context):
        return replace(info, citation=cited.by_analogy(info.citation))
    return info


def _documented(context: RuleContext, info: RuleInfo) -> Finding:
    """Every purpose: the Annex I elements its decision turns on are stated, or asked for."""
    info = _cited(context, info)
    missing = [element for element in missing_mandatory(context) if is_decisive(context, element)]
    purpose = words(context.case.purpose)
    if not missing:
        return finding(info, Status.PASS, phrase("The file holds what a decision on {purpose} needs.", purpose=purpose))
    first_field = missing[0].field
    names = listed([Phrase(element.name) for element in missing])
    items = [ask_for(context, element.number, Phrase(element.name)) for element in missing]
    if refugee_without_documents(context):
        return finding(
            info,
            Status.WARNING,
            phrase(
                "Elements needed for the decision are not documented: {elements}. The applicant is a refugee without "
                "documents: the assessing body establishes them by other means (Art. VII), not by asking for the "
                "missing documents.",
                elements=names,
            ),
            citation=cited.cite(cited.LRC_VII, cited.REFUGEES_RECOMMENDATION, cited.RR_BACKGROUND),
            field=first_field,
            code="refugee_elements",
            information=items,
            if_unfavourable=ANY_BUT_FULL,
        )
    return finding(
        info,
        Status.FAIL,
        phrase(
            "A decision on {purpose} needs information the file does not hold: {elements}. The four months for a "
            "decision run from a complete file.",
            purpose=purpose,
            elements=names,
        ),
        field=first_field,
        code="missing_elements",
        information=items,
        if_unfavourable=ANY_BUT_FULL,
    )


def _for_rpl(context: RuleContext, info: RuleInfo) -> Finding:
    """Validation is against a standard (Council Recommendation 2012/C 398/01): without the component the
    learning is to count towards, neither level, outcomes nor credits can be weighed."""
    if context.case.target is not None:
        return _documented(context, info)
    return finding(
        _cited(context, info),
        Status.FAIL,
        phrase(
            "Recognition of prior learning is sought without naming the component or programme it is to count "
            "towards: its level, credits and learning outcomes are needed to weigh the credential."
        ),
        citation=cited.cite(cited.VALIDATION, cited.ECTS_RPL, cited.LRC_III_3_APPLICANT),
        field="target",
        code="rpl_target_missing",
        information=[
            InformationItem(
                phrase(
                    "the component or programme the learning is to count towards, with its EQF level, credits and "
                    "learning outcomes"
                ),
                Supplier.APPLICANT,
            )
        ],
        if_unfavourable=ANY_BUT_FULL,
    )


information = rule_by_purpose(
    id="lisbon.information",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.LRC_III_3_APPLICANT, cited.LRC_III_3_INSTITUTION, cited.RR_TIME),
    explanation="The file holds what the purpose cannot be decided without.",
    checks={
        Purpose.ADMISSION: _documented,
        Purpose.CREDIT_TRANSFER: _documented,
        Purpose.EMPLOYMENT: _documented,
        Purpose.RPL: _for_rpl,
    },
)
