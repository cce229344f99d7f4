"""The recommendation's summary: one paragraph, in one voice, saying what the outcome recognises, the
differences found, what is asked for or not waited for, the conditions, and what is left for the evaluator."""

from __future__ import annotations

from collections.abc import Sequence

from recogniser.model import (
    SUPPLIER_WORDS,
    Alternative,
    Element,
    Finding,
    InformationItem,
    Outcome,
    Purpose,
    RuleSet,
    Status,
    SubstantialDifference,
    Supplier,
)
from recogniser.rules.base import RuleContext
from recogniser.rules.facts import CreditSupport
from recogniser.rules.lisbon.common import refugee_without_documents
from recogniser.rules.triage import Triage, restricts
from recogniser.vocabulary import OUTCOME_LABELS, PURPOSE_WORDS


def summary(  # noqa: PLR0917 - the parts of one paragraph
    context: RuleContext,
    findings: Sequence[Finding],
    triage: Triage,
    ects: float | None,
    in_other_form: float | None,
    differences: Sequence[SubstantialDifference],
    conditions: Sequence[str],
    items: Sequence[InformationItem],
) -> str:
    case = context.case
    outcome = triage.outcome
    sentences = [_headline(context, outcome)]
    if outcome is Outcome.INFORMATION_REQUIRED:
        sentences.append(_asked(items))
        if differences:
            elements = _elements(differences)
            sentences.append(
                f"Substantial differences found so far, whatever the answer: {elements}; they limit the outcome."
            )
    else:
        sentences.extend(_what_is_recognised(context, outcome, ects, in_other_form, triage.alternative))
        if differences:
            sentences.append(f"Substantial differences in: {_elements(differences)}.")
        else:
            sentences.append(_no_difference_sentence(context, findings))
    if triage.not_needed and not refugee_without_documents(context):
        missing = "; ".join(item.text for f in triage.not_needed for item in f.information)
        sentences.append(
            f"Missing, but not waited for, since the differences found decide the outcome whatever it shows: {missing}."
        )
    unweighed = _unweighed(findings) if outcome is not Outcome.INFORMATION_REQUIRED else ()
    if unweighed:
        sentences.append(
            f"Checks that failed without being a substantial difference for {PURPOSE_WORDS[case.purpose]}: "
            + " ".join(unweighed)
        )
    if conditions:
        sentences.append("Conditions: " + "; ".join(conditions) + ".")
    if refugee_without_documents(context):
        sentences.append(
            "The applicant is a refugee without documents: missing documents alone never justify refusal, and what "
            "the documents would show is established by the assessing body (a background paper stating the "
            "learning as far as it can be established)."
        )
    to_check = _to_check(findings) if outcome is not Outcome.INFORMATION_REQUIRED else ()
    if to_check:
        sentences.append("For the evaluator to check: " + " ".join(to_check))
    sentences.append("The evaluator decides; this is a recommendation.")
    return " ".join(sentences)


def _headline(context: RuleContext, outcome: Outcome) -> str:
    case = context.case
    credential = case.credential
    what = f"'{credential.title}'" if credential.title else "the micro-credential"
    if credential.awarding_body and credential.awarding_body.name:
        what += f" ({credential.awarding_body.name})"
    if case.stacked:
        titles = ", ".join(f"'{c.title}'" if c.title else "untitled" for c in case.credentials)
        what = f"the {len(case.credentials)} credentials stacked ({titles})"
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
        else f"{OUTCOME_LABELS[outcome].lower()} is recommended"
    )
    return f"{what[0].upper()}{what[1:]}, for {purpose}: {verdict}."


def _asked(items: Sequence[InformationItem]) -> str:
    groups: dict[Supplier, list[str]] = {}
    for item in items:
        groups.setdefault(item.supplier, []).append(item.text)
    parts = [f"{SUPPLIER_WORDS[supplier]}: {'; '.join(texts)}" for supplier, texts in groups.items()]
    return "Before a decision, what could change the outcome is needed — " + "; and ".join(parts) + "."


def _what_is_recognised(
    context: RuleContext,
    outcome: Outcome,
    ects: float | None,
    in_other_form: float | None,
    alternative: Alternative | None,
) -> list[str]:
    """The sentences that say exactly what the outcome recognises: credits, the form, or for admission what the
    credential counts for."""
    case = context.case
    sought = case.credits_sought
    sentences: list[str] = []
    if outcome is Outcome.ALTERNATIVE_RECOGNITION and alternative is not None:
        sentences.append(f"Recommended form: {alternative.description}.")
        if sought is not None:
            if in_other_form is not None:
                sentences.append(
                    f"{in_other_form:g} ECTS in that form; none of them count towards the {sought:g} ECTS sought."
                )
            else:
                sentences.append(f"Nothing is recognised towards the {sought:g} ECTS sought.")
        return sentences
    if sought is not None and ects is not None:
        if outcome is Outcome.FULL_RECOGNITION:
            sentences.append(f"All {sought:g} ECTS sought.")
        elif outcome is Outcome.CONDITIONAL_RECOGNITION and ects < sought:
            sentences.append(
                f"{ects:g} of the {sought:g} ECTS sought, once the conditions are met: the office's cap on RPL "
                "credit allows no more."
            )
        elif outcome is Outcome.CONDITIONAL_RECOGNITION:
            sentences.append(f"The {sought:g} ECTS sought, once the conditions are met.")
        elif outcome is Outcome.PARTIAL_RECOGNITION:
            sentences.append(f"{ects:g} of the {sought:g} ECTS sought; the rest is not recognised.")
        elif outcome is Outcome.NON_RECOGNITION:
            sentences.append(f"None of the {sought:g} ECTS sought.")
        sentences.extend(_credits_in_doubt(context, outcome))
    if case.purpose is Purpose.ADMISSION and outcome in (Outcome.FULL_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION):
        covered = context.outcomes.coverage is not None
        counts = (
            "as meeting the programme's specific requirement (LRC Art. IV.4)"
            if covered
            else "as learning at its level towards admission"
        )
        if outcome is Outcome.CONDITIONAL_RECOGNITION:
            counts += ", once the conditions are met"
        sentences.append(
            f"The credential is recognised {counts}; the general entry qualification is checked separately and is "
            "not established by it."
        )
    if case.purpose is Purpose.EMPLOYMENT and outcome is Outcome.FULL_RECOGNITION:
        level = context.level.eqf_level
        sentences.append(
            "A statement can describe the learning"
            + (f" at EQF level {level}" if level is not None else "")
            + " and the provider's status."
        )
    return sentences


def _no_difference_sentence(context: RuleContext, findings: Sequence[Finding]) -> str:
    """Said only where everything the purpose weighs was judged; otherwise it says what was not."""
    purpose = PURPOSE_WORDS[context.case.purpose]
    not_compared = [f for f in findings if f.code == "lisbon.outcomes_difference.not_compared"]
    if not_compared:
        return f"Nothing that could be compared shows a substantial difference for {purpose}. {not_compared[0].message}"
    if any(f.rule_set is RuleSet.LISBON and f.status is Status.UNKNOWN for f in findings):
        return f"Nothing that could be judged shows a substantial difference for {purpose}; what could not is below."
    return f"No substantial difference was found for {purpose}."


def _elements(differences: Sequence[SubstantialDifference]) -> str:
    return ", ".join(dict.fromkeys(d.element.value.replace("_", " ") for d in differences))


#: Lisbon findings the summary words itself, so they are not repeated among the points to check.
_OWN_SENTENCE = frozenset(
    {"lisbon.refugee", "lisbon.information", "lisbon.outcomes_difference", "lisbon.stack_eligibility"}
)


def _to_check(findings: Sequence[Finding]) -> tuple[str, ...]:
    """What the tool could not judge, or judged with a doubt, stays for the evaluator to check, even when nothing
    restricts the outcome."""
    return tuple(
        f.message
        for f in findings
        if f.rule_set is RuleSet.LISBON
        and f.status in (Status.UNKNOWN, Status.WARNING)
        and f.rule_id not in _OWN_SENTENCE
        and not f.information
    )


def _unweighed(findings: Sequence[Finding]) -> tuple[str, ...]:
    """Failed checks that no substantial difference carries, each with the judgement for the purpose that
    weighed it (a stated EQF level used where the framework level is wrong, outcomes read broadly)."""
    weighed = {f.element for f in findings if restricts(f)}
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


def _credits_in_doubt(context: RuleContext, outcome: Outcome) -> list[str]:
    """Why the credits counted are fewer than those stated, when the stated hours do not support them."""
    workload = context.workload
    sought = context.case.credits_sought
    if outcome is not Outcome.PARTIAL_RECOGNITION:
        return []
    if not workload.counted_from_hours or workload.stated_ects is None or workload.hours is None:
        return []
    if sought is not None and workload.support_for(sought) is CreditSupport.SUPPORTED:
        return []
    rulebook = context.rulebook
    return [
        f"The credits are counted from the hours: {workload.hours:g} hours support about {workload.ects:g} ECTS, "
        f"not the {workload.stated_ects:g} ECTS stated (ECTS Users' Guide 2015: "
        f"{rulebook.hours_per_ects_min:g}-{rulebook.hours_per_ects_max:g} hours per credit)."
    ]
