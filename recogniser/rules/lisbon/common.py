"""What the Lisbon rules share: the outcomes a finding leaves open, the forms of alternative recognition it
rules out, the RPL route, and how information is asked for."""

from __future__ import annotations

from recogniser.model import (
    Alternative,
    AlternativeKind,
    Finding,
    InformationItem,
    Outcome,
    Purpose,
    Status,
    Supplier,
)
from recogniser.rules.base import RuleContext, RuleInfo, finding
from recogniser.vocabulary import PURPOSE_WORDS

ALTERNATIVE_OR_REFUSAL = (Outcome.ALTERNATIVE_RECOGNITION, Outcome.NON_RECOGNITION)
PARTIAL_OR_WORSE = (Outcome.PARTIAL_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION, Outcome.NON_RECOGNITION)
ALTERNATIVE_PARTIAL_OR_WORSE = (Outcome.ALTERNATIVE_RECOGNITION, *PARTIAL_OR_WORSE)
CONDITIONAL_OR_WORSE = (Outcome.CONDITIONAL_RECOGNITION, Outcome.NON_RECOGNITION)
ALTERNATIVE_CONDITIONAL_OR_REFUSAL = (Outcome.ALTERNATIVE_RECOGNITION, *CONDITIONAL_OR_WORSE)
ANY_BUT_FULL = (Outcome.ALTERNATIVE_RECOGNITION, *PARTIAL_OR_WORSE)

#: Forms of alternative recognition that recognise credit in higher education, which learning without
#: ESG-aligned quality evidence or without an assessment cannot have.
HIGHER_EDUCATION_CREDIT = frozenset(
    {AlternativeKind.ELECTIVE_CREDIT, AlternativeKind.OTHER_COMPONENT, AlternativeKind.PROGRAMME_AT_LEVEL}
)

RPL_ROUTE = Alternative(
    AlternativeKind.RPL_ROUTE,
    "assessment of the learning in the institution's recognition of prior learning (RPL) procedure, which sets "
    "any credits",
)
#: The same route where RPL is already the purpose: the institution assesses the learning itself.
OWN_ASSESSMENT = Alternative(
    AlternativeKind.RPL_ROUTE,
    "the institution's own assessment of the learning (an interview, a portfolio or an examination) in place of "
    "this credential, the assessment setting any credits",
)


def rpl_route(context: RuleContext) -> Alternative:
    return OWN_ASSESSMENT if context.case.purpose is Purpose.RPL else RPL_ROUTE


def no_difference(
    context: RuleContext, info: RuleInfo, what: str, detail: str, *, field: str | None = None, code: str = "none"
) -> Finding:
    purpose = PURPOSE_WORDS[context.case.purpose]
    return finding(
        info, Status.PASS, f"No substantial difference in {what} for {purpose}: {detail}", field=field, code=code
    )


def refugee_without_documents(context: RuleContext) -> bool:
    applicant = context.case.applicant
    return applicant.refugee and applicant.documents_missing


def ask_for(context: RuleContext, number: int, what: str, supplier: Supplier = Supplier.APPLICANT) -> InformationItem:
    """An item a decision waits for, by its Annex I element (numbered 1-16 in Annex I's order, the project's
    convention). For a refugee without documents the assessing body establishes it by any reliable means
    instead of asking for documents (LRC Art. VII; Refugees Recommendation 2017)."""
    if refugee_without_documents(context):
        return InformationItem(f"the {what} (element {number})", Supplier.ASSESSING_BODY)
    return InformationItem(f"Annex I element {number}: {what}", supplier)


def credits_sought(context: RuleContext) -> float | None:
    """Credits sought towards the target (credit transfer and RPL)."""
    return context.case.credits_sought
