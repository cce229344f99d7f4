"""Refugees (LRC Art. VII): a fair procedure on other evidence where documents are missing."""

from __future__ import annotations

from recogniser.i18n import phrase
from recogniser.model import (
    Element,
    Finding,
    RuleSet,
    Status,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule


@rule(
    id="lisbon.refugee",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(
        cited.LRC_VII, cited.REFUGEES_RECOMMENDATION, cited.RR_BACKGROUND, cited.EAR_REFUGEES, cited.EQPR
    ),
    explanation="Refugees whose documents are missing get a fair procedure on other evidence; missing documents "
    "alone never justify refusal.",
)
def refugee(context: RuleContext, info: RuleInfo) -> Finding | None:
    applicant = context.case.applicant
    if not applicant.refugee:
        return None
    if not applicant.documents_missing:
        return finding(info, Status.PASS, phrase("The applicant is a refugee; the documents are available."))
    return finding(
        info,
        Status.WARNING,
        phrase(
            "The applicant is a refugee whose documents are missing: missing documents alone never justify refusal. "
            "The assessing body establishes the declared learning with other evidence, such as a background paper "
            "stating the learning as far as it can be established, a structured interview or the European "
            "Qualifications Passport for Refugees."
        ),
        field="applicant.documents_missing",
        code="documents_missing",
        condition=phrase(
            "verification of the declared learning through an alternative procedure (a background paper, a "
            "structured interview or the European Qualifications Passport for Refugees)"
        ),
    )
