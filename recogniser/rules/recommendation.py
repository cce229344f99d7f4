"""From findings to a recommendation: one outcome, its credits and its form, in one voice.

Each finding that restricts the outcome says which outcomes it leaves open (``allows``). The recommendation is
the least restrictive outcome every finding allows, in the EAR manual's order (full, alternative, partial,
conditional, non-recognition). The step reads only the findings' typed fields and codes, never their sentences.

- **Triage** (LRC Art. III.3): a finding that asks for information also says what it would leave open should the
  answer go against the applicant (``if_unfavourable``). Information is asked for only where the answer could
  change the outcome; where the differences found already decide it, the recommendation is given and the missing
  item is named as not waited for. For a refugee without documents nothing is asked of the applicant: the
  assessing body establishes it in the alternative procedure (LRC Art. VII; Refugees Recommendation 2017).
- **Credits** (one rule per outcome): full recognition gives the credits sought; partial the covered share
  (the credits the workload supports, and the share of the target's outcomes covered); conditional the credits
  sought once the conditions are met; alternative recognition none towards the target, and in the other form
  the credential's own credits where that form bears credits; non-recognition none.
- **Alternatives**: one form, the first in the purpose's order that a finding proposes and no finding rules out.
- **Reasons and appeal** (LRC Art. III.5): every outcome short of the one requested carries the substantial
  differences, their basis and the appeal route.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from recogniser.countries import country_name
from recogniser.model import (
    EAR_ORDER,
    SUPPLIER_WORDS,
    Alternative,
    AlternativeKind,
    Element,
    Finding,
    InformationItem,
    Outcome,
    Purpose,
    Recommendation,
    RuleSet,
    Status,
    SubstantialDifference,
    Supplier,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding
from recogniser.rules.catalogue import RULES_OUT
from recogniser.rules.facts import CreditSupport
from recogniser.rules.lisbon.applicability import domestic, lrc_applies
from recogniser.rules.lisbon.common import refugee_without_documents
from recogniser.rules.lisbon.rpl import rpl_credit_limit
from recogniser.rules.words import OUTCOME_WORDS, PURPOSE_WORDS

__all__ = ["OUTCOME_WORDS", "REASONS_AND_APPEAL", "recommend"]

REASONS_AND_APPEAL = RuleInfo(
    id="lisbon.reasons_and_appeal",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.LRC_III_5, cited.RR_REASONS),
    explanation="An outcome short of what was requested states its reasons and the appeal route.",
)

#: The forms of alternative recognition in the order that best serves each purpose (EAR manual: choose what
#: serves the applicant's purpose): credit in the programme first, then the institution's own assessment, then
#: a statement.
ALTERNATIVE_ORDER: dict[Purpose, tuple[AlternativeKind, ...]] = {
    Purpose.CREDIT_TRANSFER: (
        AlternativeKind.OTHER_COMPONENT,
        AlternativeKind.ELECTIVE_CREDIT,
        AlternativeKind.RPL_ROUTE,
        AlternativeKind.PROGRAMME_AT_LEVEL,
        AlternativeKind.DESCRIPTIVE_STATEMENT,
        AlternativeKind.PARTICIPATION_STATEMENT,
    ),
    Purpose.RPL: (
        AlternativeKind.OTHER_COMPONENT,
        AlternativeKind.ELECTIVE_CREDIT,
        AlternativeKind.RPL_ROUTE,
        AlternativeKind.DESCRIPTIVE_STATEMENT,
        AlternativeKind.PARTICIPATION_STATEMENT,
    ),
    Purpose.ADMISSION: (
        AlternativeKind.PROGRAMME_AT_LEVEL,
        AlternativeKind.BRIDGING_PROGRAMME,
        AlternativeKind.RPL_ROUTE,
        AlternativeKind.DESCRIPTIVE_STATEMENT,
    ),
    Purpose.EMPLOYMENT: (AlternativeKind.DESCRIPTIVE_STATEMENT, AlternativeKind.PARTICIPATION_STATEMENT),
}


@dataclass(frozen=True)
class _Triage:
    outcome: Outcome
    #: Findings whose information could change the outcome (asked for).
    needed: tuple[Finding, ...]
    #: Findings whose information cannot change it (named, not waited for).
    not_needed: tuple[Finding, ...]
    alternative: Alternative | None


def recommend(context: RuleContext, findings: Sequence[Finding]) -> tuple[Recommendation, Finding]:
    """The recommendation, and the procedural finding that records its reasons and appeal route."""
    triage = _triage(context, findings)
    outcome = triage.outcome
    restricting = [f for f in findings if _restricts(f)]
    differences = tuple(
        SubstantialDifference(element=f.element, description=f.message, citation=f.citation, rule_id=f.rule_id)
        for f in restricting
    )
    conditions = _conditions(context, outcome, findings, restricting)
    items = [item for f in triage.needed for item in f.information] if outcome is Outcome.INFORMATION_REQUIRED else []
    ects, in_other_form = _credits(context, outcome, restricting, triage.alternative)
    appeal = "" if outcome is Outcome.FULL_RECOGNITION else _appeal(context)
    reasons = REASONS_AND_APPEAL
    if not lrc_applies(context):
        reasons = replace(reasons, citation=cited.NATIONAL_PROCEDURE)
    recommendation = Recommendation(
        outcome=outcome,
        ects_recognised=ects,
        summary=_summary(context, findings, triage, ects, in_other_form, differences, conditions, items),
        substantial_differences=differences,
        conditions=conditions,
        information_required=tuple(item.text for item in items),
        appeal=appeal,
        alternative=triage.alternative,
        ects_in_another_form=in_other_form,
        information_suppliers=tuple(item.supplier for item in items),
    )
    if outcome is Outcome.FULL_RECOGNITION:
        procedural = finding(
            reasons,
            Status.NOT_APPLICABLE,
            "The outcome is the one requested; no appeal route is needed.",
            code="not_needed",
        )
    else:
        procedural = finding(
            reasons,
            Status.PASS,
            f"The outcome ({OUTCOME_WORDS[outcome].lower()}) is short of what was requested: the recommendation "
            "states its reasons"
            + (" and the substantial differences" if differences else "")
            + " and the appeal route.",
            code="stated",
        )
    return recommendation, procedural


def _restricts(f: Finding) -> bool:
    return f.allows is not None and Outcome.FULL_RECOGNITION not in f.allows


# --- the outcome ---


def _triage(context: RuleContext, findings: Sequence[Finding]) -> _Triage:
    asking = [f for f in findings if f.information]
    favourable, alternative = _choose(context, findings, unfavourable=())
    if refugee_without_documents(context):
        # Nothing is asked of a displaced person: the body establishes it in the alternative procedure.
        return _Triage(favourable, (), tuple(asking), alternative)
    needed = tuple(f for f in asking if _choose(context, findings, unfavourable=(f,))[0] is not favourable)
    not_needed = tuple(f for f in asking if f not in needed)
    if needed:
        return _Triage(Outcome.INFORMATION_REQUIRED, needed, not_needed, None)
    return _Triage(favourable, (), not_needed, alternative)


def _choose(
    context: RuleContext, findings: Sequence[Finding], unfavourable: Iterable[Finding]
) -> tuple[Outcome, Alternative | None]:
    """The least restrictive outcome the findings leave open, with ``unfavourable`` findings' questions answered
    against the applicant (and the others' in the applicant's favour)."""
    against = {id(f) for f in unfavourable}
    allowed = set(EAR_ORDER)
    for f in findings:
        allows = (
            (f.if_unfavourable if f.if_unfavourable is not None else frozenset(EAR_ORDER[1:]))
            if id(f) in against
            else f.allows
        )
        if allows is not None:
            allowed &= allows
    alternative = _alternative(context, findings)
    if alternative is None:
        # Alternative recognition is recognition in another form (EAR manual): open only where a form is.
        allowed.discard(Outcome.ALTERNATIVE_RECOGNITION)
    outcome = next((candidate for candidate in EAR_ORDER if candidate in allowed), Outcome.NON_RECOGNITION)
    # Refusal is the last resort (Revised Recommendation 2010): where a finding proposes the institution's RPL
    # procedure, its own assessment of the learner can bridge the other differences too, so it comes first.
    if outcome is Outcome.NON_RECOGNITION and alternative is not None and alternative.kind is AlternativeKind.RPL_ROUTE:
        outcome = Outcome.ALTERNATIVE_RECOGNITION
    # Art. VII: without documents the declared learning is verified by other means before it is recognised.
    if outcome in (Outcome.FULL_RECOGNITION, Outcome.PARTIAL_RECOGNITION) and refugee_without_documents(context):
        outcome = Outcome.CONDITIONAL_RECOGNITION
    return outcome, (alternative if outcome is Outcome.ALTERNATIVE_RECOGNITION else None)


def _alternative(context: RuleContext, findings: Sequence[Finding]) -> Alternative | None:
    """The one form of alternative recognition: the first, in the purpose's order, that a finding proposes and
    no restricting finding rules out."""
    ruled_out = {kind for f in findings if _restricts(f) for kind in RULES_OUT.get(f.code, ())}
    proposed: dict[AlternativeKind, Alternative] = {}
    for f in findings:
        if f.alternative is not None and f.allows is not None and f.alternative.kind not in ruled_out:
            proposed.setdefault(f.alternative.kind, f.alternative)
    return next((proposed[kind] for kind in ALTERNATIVE_ORDER[context.case.purpose] if kind in proposed), None)


# --- conditions and credits ---


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
        established = [item.text for f in findings for item in f.information]
        if established:
            conditions.append(
                "in that procedure the assessing body establishes, by any reliable means, "
                + "; ".join(dict.fromkeys(established))
            )
    return tuple(dict.fromkeys(conditions))


def _credits(
    context: RuleContext, outcome: Outcome, restricting: Sequence[Finding], alternative: Alternative | None
) -> tuple[float | None, float | None]:
    """Credits towards the target, and credits in the other form under alternative recognition; None where no
    credits are sought or nothing can be decided yet (no figure rather than a misleading zero)."""
    sought = context.case.credits_sought
    if outcome is Outcome.INFORMATION_REQUIRED or sought is None:
        return None, None
    workload = context.workload
    if outcome is Outcome.NON_RECOGNITION:
        return 0, None
    if outcome is Outcome.ALTERNATIVE_RECOGNITION:
        # Recognition in another form (EAR manual): nothing towards the credits sought. Through RPL the
        # institution sets the credits in its own procedure.
        if alternative is None or not alternative.credit_bearing or workload.ects is None:
            return 0, None
        return 0, _half_credits(min(workload.ects, sought))
    # The office's cap on RPL credit limits every outcome that grants credits.
    limit = rpl_credit_limit(context)
    capped = sought if limit is None else min(sought, limit)
    if outcome in (Outcome.FULL_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION):
        return _half_credits(capped) if capped < sought else sought, None
    # Partial: the part the credential covers, by what limits it.
    credits = capped
    if workload.ects is not None and workload.support_for(sought) is not CreditSupport.SUPPORTED:
        credits = min(credits, workload.ects)
    share = context.outcomes.coverage
    if share is not None and any(f.element is Element.LEARNING_OUTCOMES for f in restricting):
        credits = min(credits, sought * share)
    return _half_credits(credits), None


def _half_credits(credits: float) -> float:
    """Credits are recognised in half credits, never rounded up."""
    return math.floor(credits * 2) / 2


def _appeal(context: RuleContext) -> str:
    route = context.rulebook.appeal_route.format(country=country_name(context.case.assessing_country))
    if not lrc_applies(context):
        return (
            "The reasons are stated above. The applicant may ask for a review under the assessing body's procedure: "
            f"{route}."
        )
    if context.case.purpose is Purpose.RPL:
        return (
            "The reasons are stated above. The applicant may ask for a review under the institution's procedure for "
            f"the recognition of prior learning: {route}."
        )
    article = (
        "Following Article III.5 of the Lisbon Recognition Convention, by analogy for a credential from the "
        "assessing country,"
        if domestic(context)
        else "Under Article III.5 of the Lisbon Recognition Convention"
    )
    return (
        f"The reasons are stated above. {article} the applicant may appeal: {route}. A decision should not take "
        "more than four months from a complete file (Revised Recommendation, 2010)."
    )


# --- the summary: one paragraph, in one voice ---


def _summary(  # noqa: PLR0917 - the parts of one paragraph
    context: RuleContext,
    findings: Sequence[Finding],
    triage: _Triage,
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
        else f"{OUTCOME_WORDS[outcome].lower()} is recommended"
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
    weighed = {f.element for f in findings if _restricts(f)}
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
