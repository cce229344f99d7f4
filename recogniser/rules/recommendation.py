"""From findings to a recommendation.

Each finding that restricts the outcome says which outcomes it leaves open. The recommendation is the least
restrictive outcome every finding allows, in the EAR manual's order (full, alternative, partial, conditional,
non-recognition); when what the purpose needs is missing, it is ``information_required`` (LRC Art. III.3).
Every outcome short of what was requested carries the substantial differences, their legal basis and the appeal
route (LRC Art. III.5).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from recogniser.countries import country_name
from recogniser.model import (
    EAR_ORDER,
    Element,
    Finding,
    Outcome,
    Purpose,
    Recommendation,
    RuleSet,
    Status,
    SubstantialDifference,
)
from recogniser.rules.base import RuleContext, RuleInfo, finding
from recogniser.rules.facts import CreditSupport
from recogniser.rules.lisbon import PURPOSE_WORDS, RPL_ROUTE, refugee_without_documents

OUTCOME_WORDS = {
    Outcome.FULL_RECOGNITION: "Full recognition",
    Outcome.ALTERNATIVE_RECOGNITION: "Alternative recognition",
    Outcome.PARTIAL_RECOGNITION: "Partial recognition",
    Outcome.CONDITIONAL_RECOGNITION: "Recognition with conditions",
    Outcome.NON_RECOGNITION: "Non-recognition",
    Outcome.INFORMATION_REQUIRED: "Information required",
}

REASONS_AND_APPEAL = RuleInfo(
    id="lisbon.reasons_and_appeal",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation="LRC Art. III.5; Revised Recommendation on Criteria and Procedures (2010)",
    explanation="An outcome short of what was requested states its reasons and the appeal route.",
)


def recommend(context: RuleContext, findings: Sequence[Finding]) -> tuple[Recommendation, Finding]:
    """The recommendation, and the procedural finding that records its reasons and appeal route."""
    outcome = _choose_outcome(context, findings)
    restricting = [f for f in findings if f.allows is not None and Outcome.FULL_RECOGNITION not in f.allows]
    differences = tuple(
        SubstantialDifference(element=f.element, description=f.message, citation=f.citation, rule_id=f.rule_id)
        for f in restricting
    )
    conditions = _conditions(context, outcome, findings, restricting)
    information = tuple(item for f in findings for item in f.information)
    ects = _ects_recognised(context, outcome, restricting)
    appeal = "" if outcome is Outcome.FULL_RECOGNITION else _appeal(context)
    # What the tool could not judge, or judged with a doubt, stays for the evaluator to check, even when nothing
    # restricts the outcome; so do failed checks no substantial difference carries, with why.
    informing = outcome is not Outcome.INFORMATION_REQUIRED
    to_check = (
        tuple(
            f.message
            for f in findings
            if f.rule_set is RuleSet.LISBON
            and f.status in (Status.UNKNOWN, Status.WARNING)
            and f.rule_id not in _OWN_SENTENCE
        )
        if informing
        else ()
    )
    unweighed = _unweighed(findings, restricting) if informing else ()
    recommendation = Recommendation(
        outcome=outcome,
        ects_recognised=ects,
        summary=_summary(
            context,
            outcome,
            ects=ects,
            differences=differences,
            conditions=conditions,
            information=information,
            restricting=restricting,
            to_check=to_check,
            unweighed=unweighed,
        ),
        substantial_differences=differences,
        conditions=conditions,
        information_required=information,
        appeal=appeal,
    )
    if outcome is Outcome.FULL_RECOGNITION:
        procedural = finding(
            REASONS_AND_APPEAL, Status.NOT_APPLICABLE, "The outcome is the one requested; no appeal route is needed."
        )
    else:
        procedural = finding(
            REASONS_AND_APPEAL,
            Status.PASS,
            f"The outcome ({outcome.value.replace('_', ' ')}) is short of what was requested: the recommendation "
            "states its reasons"
            + (" and the substantial differences" if differences else "")
            + " and the appeal route.",
        )
    return recommendation, procedural


def _choose_outcome(context: RuleContext, findings: Sequence[Finding]) -> Outcome:
    if any(f.information for f in findings):
        return Outcome.INFORMATION_REQUIRED
    allowed = set(EAR_ORDER)
    for f in findings:
        if f.allows is not None:
            allowed &= f.allows
    # Alternative recognition is recognition in another form (EAR manual): open only where a finding names one.
    if not any(f.alternative for f in findings if f.allows is not None):
        allowed.discard(Outcome.ALTERNATIVE_RECOGNITION)
    outcome = next((candidate for candidate in EAR_ORDER if candidate in allowed), Outcome.NON_RECOGNITION)
    # Refusal is the last resort (2010 Revised Recommendation): where a finding offers the RPL route, the
    # institution's own assessment of the learner can bridge the other differences too, so it comes first.
    if outcome is Outcome.NON_RECOGNITION and any(f.alternative == RPL_ROUTE for f in findings):
        return Outcome.ALTERNATIVE_RECOGNITION
    # Art. VII: without documents the declared learning is verified by other means before full recognition.
    if outcome is Outcome.FULL_RECOGNITION and refugee_without_documents(context):
        return Outcome.CONDITIONAL_RECOGNITION
    return outcome


#: Lisbon findings the summary words itself, so they are not repeated among the points to check.
_OWN_SENTENCE = frozenset({"lisbon.refugee", "lisbon.information"})


def _unweighed(findings: Sequence[Finding], restricting: Sequence[Finding]) -> tuple[str, ...]:
    """Failed checks that no substantial difference carries, each with the judgement for the purpose that
    weighed it (a stated EQF level used where the framework level is wrong, outcomes read broadly for admission)."""
    weighed = {f.element for f in restricting}
    judgements: dict[Element, Finding] = {}
    for f in findings:
        if f.rule_set is RuleSet.LISBON and f.status is Status.PASS:
            judgements.setdefault(f.element, f)
    messages = []
    for f in findings:
        if f.status is not Status.FAIL or f.rule_set is RuleSet.LISBON or f.element in weighed:
            continue
        judgement = judgements.get(f.element)
        messages.append(f.message + (f" Weighed: {judgement.message}" if judgement else ""))
    return tuple(messages)


def _conditions(
    context: RuleContext, outcome: Outcome, findings: Sequence[Finding], restricting: Sequence[Finding]
) -> tuple[str, ...]:
    if outcome is not Outcome.CONDITIONAL_RECOGNITION:
        return ()
    conditions = [
        f.condition
        for f in restricting
        if f.condition and f.allows is not None and Outcome.CONDITIONAL_RECOGNITION in f.allows
    ]
    if refugee_without_documents(context):
        conditions.extend(f.condition for f in findings if f.rule_id == "lisbon.refugee" and f.condition)
    return tuple(dict.fromkeys(conditions))


def _ects_recognised(context: RuleContext, outcome: Outcome, restricting: Sequence[Finding]) -> float | None:
    """Credits the recommendation recognises; None where no credits are sought (admission, employment) or
    nothing can be decided yet. For alternative recognition they are the credits recognised in the other form
    (an elective, a lower level), not towards the component sought; through RPL, none until that procedure."""
    sought = context.case.credits_sought
    # Nothing is decided while information is missing: no figure rather than a misleading zero.
    if outcome is Outcome.INFORMATION_REQUIRED or sought is None:
        return None
    if outcome is Outcome.NON_RECOGNITION:
        return 0
    credits = sought if context.workload.ects is None else context.workload.credits_towards(sought)
    if outcome is Outcome.PARTIAL_RECOGNITION:
        share = context.outcomes.coverage
        if share is not None and share < context.rulebook.coverage_full:
            credits = min(credits, sought * share)
    # Through RPL the institution assesses the learning itself and sets the credits then.
    if outcome is Outcome.ALTERNATIVE_RECOGNITION and any(f.alternative == RPL_ROUTE for f in restricting):
        return 0
    # Credits are recognised in half credits, never rounded up.
    return math.floor(credits * 2) / 2


def _appeal(context: RuleContext) -> str:
    route = context.rulebook.appeal_route.format(country=country_name(context.case.assessing_country))
    return (
        "The reasons are stated above. Under Article III.5 of the Lisbon Recognition Convention the applicant may "
        f"appeal: {route}. A decision is due within four months of a complete file (Revised Recommendation, 2010)."
    )


def _summary(
    context: RuleContext,
    outcome: Outcome,
    *,
    ects: float | None,
    differences: Sequence[SubstantialDifference],
    conditions: Sequence[str],
    information: Sequence[str],
    restricting: Sequence[Finding],
    to_check: Sequence[str],
    unweighed: Sequence[str],
) -> str:
    case = context.case
    credential = case.credential
    what = f"'{credential.title}'" if credential.title else "the micro-credential"
    if credential.awarding_body and credential.awarding_body.name:
        what += f" ({credential.awarding_body.name})"
    target = case.target
    towards = f" '{target.title}'" if target and target.title else " the target"
    if target and target.institution:
        towards += f" at {target.institution}"
    purpose = {
        Purpose.ADMISSION: f"admission to{towards}",
        Purpose.CREDIT_TRANSFER: f"credit towards{towards}",
        Purpose.EMPLOYMENT: "employment (a statement for the labour market)",
        Purpose.RPL: "recognition of prior learning" + (f" towards{towards}" if target else ""),
    }[case.purpose]
    verdict = (
        "more information is required before a decision"
        if outcome is Outcome.INFORMATION_REQUIRED
        else f"{OUTCOME_WORDS[outcome].lower()} is recommended"
    )
    sentences = [f"{what[0].upper()}{what[1:]}, for {purpose}: {verdict}."]
    if outcome is Outcome.INFORMATION_REQUIRED:
        sentences.append("Before a decision the applicant must supply: " + "; ".join(information) + ".")
    elif ects is not None and target and target.ects is not None:
        # Alternative recognition states its credits with the form it recognises them in, below.
        if outcome is Outcome.CONDITIONAL_RECOGNITION:
            sentences.append(f"{ects:g} of the {target.ects:g} ECTS sought, once the conditions are met.")
        elif outcome is not Outcome.ALTERNATIVE_RECOGNITION:
            sentences.append(f"{ects:g} of the {target.ects:g} ECTS sought.")
        sentences.extend(_credits_in_doubt(context))
    if outcome is Outcome.FULL_RECOGNITION:
        sentences.append(f"No substantial difference was found for {PURPOSE_WORDS[case.purpose]}.")
    elif differences:
        elements = ", ".join(dict.fromkeys(d.element.value.replace("_", " ") for d in differences))
        sentences.append(f"Substantial differences in: {elements}.")
    if unweighed:
        sentences.append(
            f"Checks that failed without being a substantial difference for {PURPOSE_WORDS[case.purpose]}: "
            + " ".join(unweighed)
        )
    if outcome is Outcome.ALTERNATIVE_RECOGNITION:
        alternatives = list(dict.fromkeys(f.alternative for f in restricting if f.alternative))
        if RPL_ROUTE in alternatives:
            alternatives = [RPL_ROUTE]
        if alternatives:
            sentences.append("Recommended form: " + "; or ".join(alternatives) + ".")
        if ects == 0:
            sentences.append("Credits are to be set in that procedure.")
        elif ects is not None and target and target.ects is not None:
            # Recognition in another form (EAR manual): the credits do not count towards the component sought.
            sentences.append(f"{ects:g} ECTS in that form, none of them towards the {target.ects:g} ECTS sought.")
    if conditions:
        sentences.append("Conditions: " + "; ".join(conditions) + ".")
    if refugee_without_documents(context):
        sentences.append("The applicant is a refugee without documents: missing documents alone never justify refusal.")
    if to_check:
        sentences.append("For the evaluator to check: " + " ".join(to_check))
    sentences.append("The evaluator decides; this is a recommendation.")
    return " ".join(sentences)


def _credits_in_doubt(context: RuleContext) -> list[str]:
    """Why the credits counted are fewer than those stated, when the stated hours do not support them."""
    workload = context.workload
    target = context.case.target
    if not workload.counted_from_hours or workload.stated_ects is None or workload.hours is None:
        return []
    if target and target.ects is not None and workload.support_for(target.ects) is CreditSupport.SUPPORTED:
        return []
    rulebook = context.rulebook
    return [
        f"The credits are counted from the hours: {workload.hours:g} hours support about {workload.ects:g} ECTS, "
        f"not the {workload.stated_ects:g} ECTS stated (ECTS Users' Guide 2015: "
        f"{rulebook.hours_per_ects_min:g}-{rulebook.hours_per_ects_max:g} hours per credit)."
    ]
