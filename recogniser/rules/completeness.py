"""Completeness: the standard elements of Annex I of Council Recommendation 2022/C 243/02.

A missing mandatory element is a finding, never a load error. It is a failure when the purpose cannot be
decided without it (the rulebook's decisive elements; LRC Art. III.3 then asks the applicant for it) and a
warning otherwise.
"""

from __future__ import annotations

from recogniser.annex_i import ANNEX_I_ELEMENTS, AnnexElement
from recogniser.i18n import Phrase, phrase, plural
from recogniser.model import AssessmentType, Element, Finding, RuleSet, Status
from recogniser.rules import citations as cited
from recogniser.rules.base import Rule, RuleContext, RuleInfo, finding, rule
from recogniser.rules.wording import assessment_words
from recogniser.vocabulary import words

ANNEX_I = cited.MICRO_ANNEX_I


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
        label = phrase("Annex I element {number} ({name})", number=element.number, name=Phrase(element.name))
        if element.present(context.case.credential):
            return finding(info, Status.PASS, phrase("{element} is stated.", element=label), field=element.field)
        if not element.mandatory:
            return finding(
                info,
                Status.NOT_APPLICABLE,
                phrase("Optional {element} is not stated.", element=label),
                field=element.field,
            )
        purpose = words(context.case.purpose)
        if is_decisive(context, element):
            return finding(
                info,
                Status.FAIL,
                phrase(
                    "Mandatory {element} is missing; it weighs in a decision on {purpose} (the recommendation says "
                    "whether it could change this one).",
                    element=label,
                    purpose=purpose,
                ),
                field=element.field,
            )
        return finding(
            info,
            Status.WARNING,
            phrase(
                "Mandatory {element} is missing; the {purpose} decision can be made without it, but the credential "
                "does not carry all the standard elements of a micro-credential.",
                element=label,
                purpose=purpose,
            ),
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
        return finding(info, Status.UNKNOWN, phrase("The type of assessment is not stated."), field=field)
    if kind in (AssessmentType.ATTENDANCE_ONLY, AssessmentType.NONE):
        what = phrase("attendance only") if kind is AssessmentType.ATTENDANCE_ONLY else phrase("no assessment")
        return finding(
            info,
            Status.FAIL,
            phrase(
                "The credential certifies {what}: without assessed learning outcomes it is a record of "
                "participation, not a micro-credential.",
                what=what,
            ),
            field=field,
        )
    return finding(
        info, Status.PASS, phrase("Learning is assessed ({kind}).", kind=assessment_words(kind)), field=field
    )


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
    named = ", ".join(keys[:8])
    listed = (
        plural("{keys} and {n} more", "{keys} and {n} more", n=len(keys) - 8, keys=named) if len(keys) > 8 else named
    )
    return finding(
        info,
        Status.WARNING,
        phrase(
            "The case file has keys the format does not define; they are kept but not assessed: {keys}.", keys=listed
        ),
    )
