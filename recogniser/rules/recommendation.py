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

The outcome and its form are chosen in ``rules/triage.py``, the paragraph is written in ``rules/summary.py``;
this module puts them together with the conditions, the credits and the appeal route.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from recogniser.countries import country_in_sentence
from recogniser.i18n import Phrase, phrase
from recogniser.joining import in_list
from recogniser.model import (
    Alternative,
    Element,
    Finding,
    Outcome,
    Purpose,
    Recommendation,
    RuleSet,
    Status,
    SubstantialDifference,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding
from recogniser.rules.facts import CreditSupport
from recogniser.rules.lisbon.applicability import domestic, lrc_applies
from recogniser.rules.lisbon.common import refugee_without_documents
from recogniser.rules.lisbon.rpl import rpl_credit_limit
from recogniser.rules.summary import summary
from recogniser.rules.triage import restricts, triaged
from recogniser.vocabulary import OUTCOME_LABELS, words

__all__ = ["OUTCOME_LABELS", "REASONS_AND_APPEAL", "recommend"]

REASONS_AND_APPEAL = RuleInfo(
    id="lisbon.reasons_and_appeal",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.LRC_III_5, cited.RR_REASONS),
    explanation="An outcome short of what was requested states its reasons and the appeal route.",
)


def recommend(context: RuleContext, findings: Sequence[Finding]) -> tuple[Recommendation, Finding]:
    """The recommendation, and the procedural finding that records its reasons and appeal route."""
    triage = triaged(context, findings)
    outcome = triage.outcome
    restricting = [f for f in findings if restricts(f)]
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
        summary=summary(context, findings, triage, ects, in_other_form, differences, conditions, items),
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
            phrase("The outcome is the one requested; no appeal route is needed."),
            code="not_needed",
        )
    else:
        procedural = finding(
            reasons,
            Status.PASS,
            phrase(
                "The outcome ({outcome}) is short of what was requested: the recommendation states its reasons and "
                "the substantial differences and the appeal route.",
                outcome=words(outcome),
            )
            if differences
            else phrase(
                "The outcome ({outcome}) is short of what was requested: the recommendation states its reasons and "
                "the appeal route.",
                outcome=words(outcome),
            ),
            code="stated",
        )
    return recommendation, procedural


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
                phrase(
                    "in that procedure the assessing body establishes, by any reliable means, {established}",
                    established=in_list(dict.fromkeys(established)),
                )
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
        return 0, context.rulebook.round_credits(min(workload.ects, sought))
    # The office's cap on RPL credit limits every outcome that grants credits.
    limit = rpl_credit_limit(context)
    capped = sought if limit is None else min(sought, limit)
    if outcome in (Outcome.FULL_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION):
        return context.rulebook.round_credits(capped) if capped < sought else sought, None
    # Partial: the part the credential covers, by what limits it.
    credits = capped
    if workload.ects is not None and workload.support_for(sought) is not CreditSupport.SUPPORTED:
        credits = min(credits, workload.ects)
    share = context.outcomes.coverage
    if share is not None and any(f.element is Element.LEARNING_OUTCOMES for f in restricting):
        credits = min(credits, sought * share)
    return context.rulebook.round_credits(credits), None


def _appeal(context: RuleContext) -> str:
    # The route is the rulebook's, marked for translation there.
    route = Phrase(context.rulebook.appeal_route, {"country": country_in_sentence(context.case.assessing_country)})
    if not lrc_applies(context):
        return phrase(
            "The reasons are stated above. The applicant may ask for a review under the assessing body's procedure: "
            "{route}.",
            route=route,
        )
    if context.case.purpose is Purpose.RPL:
        return phrase(
            "The reasons are stated above. The applicant may ask for a review under the institution's procedure for "
            "the recognition of prior learning: {route}.",
            route=route,
        )
    if domestic(context):
        return phrase(
            "The reasons are stated above. Following Article III.5 of the Lisbon Recognition Convention, by analogy "
            "for a credential from the assessing country, the applicant may appeal: {route}. A decision should not "
            "take more than four months from a complete file (Revised Recommendation, 2010).",
            route=route,
        )
    return phrase(
        "The reasons are stated above. Under Article III.5 of the Lisbon Recognition Convention the applicant may "
        "appeal: {route}. A decision should not take more than four months from a complete file (Revised "
        "Recommendation, 2010).",
        route=route,
    )
