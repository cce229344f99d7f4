"""What the Lisbon rules share: the outcomes a finding leaves open, the forms of alternative recognition it
rules out, the RPL route, how information is asked for, and the pieces their sentences are made of."""

from __future__ import annotations

from collections.abc import Sequence

from recogniser.i18n import Phrase, phrase
from recogniser.model import (
    Alternative,
    AlternativeKind,
    Element,
    Finding,
    InformationItem,
    Outcome,
    Purpose,
    Status,
    Supplier,
)
from recogniser.rules.base import RuleContext, RuleInfo, finding
from recogniser.vocabulary import words

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
    phrase(
        "assessment of the learning in the institution's recognition of prior learning (RPL) procedure, which sets "
        "any credits"
    ),
)
#: The same route where RPL is already the purpose: the institution assesses the learning itself.
OWN_ASSESSMENT = Alternative(
    AlternativeKind.RPL_ROUTE,
    phrase(
        "the institution's own assessment of the learning (an interview, a portfolio or an examination) in place "
        "of this credential, the assessment setting any credits"
    ),
)


def rpl_route(context: RuleContext) -> Alternative:
    return OWN_ASSESSMENT if context.case.purpose is Purpose.RPL else RPL_ROUTE


def no_difference(
    context: RuleContext, info: RuleInfo, element: Element, detail: str, *, field: str | None = None, code: str = "none"
) -> Finding:
    message = phrase(
        "No substantial difference in {element} for {purpose}: {detail}",
        element=words(element),
        purpose=words(context.case.purpose),
        detail=detail,
    )
    return finding(info, Status.PASS, message, field=field, code=code)


def refugee_without_documents(context: RuleContext) -> bool:
    applicant = context.case.applicant
    return applicant.refugee and applicant.documents_missing


def ask_for(context: RuleContext, number: int, what: str, supplier: Supplier = Supplier.APPLICANT) -> InformationItem:
    """An item a decision waits for, by its Annex I element (numbered 1-16 in Annex I's order, the project's
    convention). For a refugee without documents the assessing body establishes it by any reliable means
    instead of asking for documents (LRC Art. VII; Refugees Recommendation 2017)."""
    if refugee_without_documents(context):
        return InformationItem(
            phrase("the {what} (element {number})", what=what, number=number), Supplier.ASSESSING_BODY
        )
    return InformationItem(phrase("Annex I element {number}: {what}", number=number, what=what), supplier)


def credits_sought(context: RuleContext) -> float | None:
    """Credits sought towards the target (credit transfer and RPL)."""
    return context.case.credits_sought


# --- The pieces of sentences: lists and numbers as the reader's language writes them ---


def listed(items: Sequence[str]) -> str:
    """Items one after another, separated by commas; each item a phrase or data, translated in turn."""
    joined = items[0] if items else ""
    for item in items[1:]:
        joined = phrase("{items}, {item}", items=joined, item=item)
    return joined


def grouped(value: int) -> Phrase | str:
    """A whole number of thousands (2,000 words), grouped as the reader's language groups digits."""
    if value < 1000:
        return str(value)
    return phrase("{thousands},{units}", thousands=grouped(value // 1000), units=f"{value % 1000:03d}")


def percent(share: float) -> int:
    """A share (0.4) as the whole percentage a sentence gives (40)."""
    return round(share * 100)


def outcomes_covered(share: float) -> Phrase:
    return phrase("{percent}% of the target outcomes are covered", percent=percent(share))
