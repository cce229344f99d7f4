"""Learning outcomes and profile: the credential's outcomes against the target's, for the purpose; the subject
fields compared as a signal of profile."""

from __future__ import annotations

from collections.abc import Sequence

from recogniser.model import (
    Alternative,
    AlternativeKind,
    Element,
    Finding,
    Outcome,
    Purpose,
    RuleSet,
    Status,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.lisbon.applicability import (
    ADMISSION_BASIS,
    CREDIT_BASIS,
    RPL_BASIS,
    for_purpose,
)
from recogniser.rules.lisbon.common import (
    ALTERNATIVE_OR_REFUSAL,
    CONDITIONAL_OR_WORSE,
    PARTIAL_OR_WORSE,
    no_difference,
)
from recogniser.rules.matching import TEXT_WORDS_READ, normalise, outcome_score


@rule(
    id="lisbon.outcomes_difference",
    rule_set=RuleSet.LISBON,
    element=Element.LEARNING_OUTCOMES,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.EAR_LEARNING_OUTCOMES),
    explanation="The credential's learning outcomes are judged against the target's, for the purpose.",
)
def outcomes_difference(context: RuleContext, info: RuleInfo) -> Finding:
    purpose = context.case.purpose
    if purpose is Purpose.ADMISSION:
        # The programme's stated outcomes are its specific requirement (Art. IV.4).
        info = for_purpose(context, info, cited.EAR_LEARNING_OUTCOMES)
    else:
        info = for_purpose(context, info, cited.ECTS_RECOGNITION, cited.EAR_LEARNING_OUTCOMES)
    facts = context.outcomes
    field = "target.learning_outcomes"
    if not context.case.credential.learning_outcomes:
        return finding(
            info,
            Status.UNKNOWN,
            "No learning outcomes are stated.",
            field="credential.learning_outcomes",
            code="none_stated",
        )
    share = facts.coverage
    if share is None:
        if context.case.target is None or purpose is Purpose.EMPLOYMENT:
            return no_difference(
                context, info, "learning outcomes", "the outcomes are stated and can be read.", code="readable"
            )
        if facts.languages is not None:
            reason = f"they are in different languages ({facts.languages_text()}). Compare them by hand."
        elif purpose is Purpose.ADMISSION:
            reason = "the programme's specific requirement is not given. Compare by hand or add it to the case."
        else:
            reason = "the target's outcomes are not given. Compare them by hand or add them to the case."
        return finding(
            info,
            Status.UNKNOWN,
            f"The outcomes were not compared: {reason}",
            field=field,
            code="not_compared",
        )
    return coverage_difference(context, info, share, facts.uncovered)


def coverage_difference(
    context: RuleContext,
    info: RuleInfo,
    share: float,
    uncovered_outcomes: Sequence[str],
    *,
    what: str = "the credential",
    lead: str = "",
) -> Finding:
    """The share of the target's outcomes covered, judged for the purpose: by one credential, or by the
    credentials of a stack together (``what`` names it, ``lead`` opens the sentence)."""
    field = "target.learning_outcomes"
    purpose = context.case.purpose
    rulebook = context.rulebook
    covered = f"{share:.0%} of the target outcomes are covered"
    shortfall = lead + ("None of the target outcomes is covered" if share == 0 else f"Only {covered}")
    if share >= rulebook.coverage_full:
        return no_difference(context, info, "learning outcomes", f"{lead}{covered}.", field=field, code="covered")
    uncovered = "; ".join(uncovered_outcomes)
    if purpose is Purpose.EMPLOYMENT:
        return finding(
            info,
            Status.WARNING if share < rulebook.coverage_conditional else Status.PASS,
            f"{shortfall}; for employment the outcomes describe the learning, they are not weighed against a target.",
            field=field,
            code="described",
        )
    if purpose is Purpose.ADMISSION:
        return _requirement_not_met(context, info, share, shortfall, uncovered, what)
    bridging = f"a bridging assessment of the outcomes not covered: {uncovered}"
    if purpose is Purpose.RPL:
        bridging = f"the institution's RPL assessment of the outcomes not covered: {uncovered}"
    if share >= rulebook.coverage_partial:
        return finding(
            info,
            Status.FAIL,
            f"{shortfall}: {what} can count for the part of the target it covers.",
            field=field,
            code="partly_covered",
            allows=PARTIAL_OR_WORSE,
            condition=bridging,
        )
    if share >= rulebook.coverage_conditional:
        return finding(
            info,
            Status.FAIL,
            f"{shortfall}: too few to credit the target without a bridging assessment.",
            field=field,
            code="few_covered",
            allows=CONDITIONAL_OR_WORSE,
            condition=bridging,
        )
    return finding(
        info,
        Status.FAIL,
        f"{shortfall}: {what} does not correspond to this target.",
        field=field,
        code="not_corresponding",
        allows=ALTERNATIVE_OR_REFUSAL,
        alternative=Alternative(
            AlternativeKind.OTHER_COMPONENT,
            "credit towards another component of the programme, if one has outcomes the credential matches (for "
            "the institution to check)",
        ),
    )


def _requirement_not_met(  # noqa: PLR0917 - the parts of one judgement
    context: RuleContext, info: RuleInfo, share: float, shortfall: str, uncovered: str, what: str
) -> Finding:
    """Admission: the target's outcomes, where given, are the programme's specific requirement (Art. IV.4)."""
    field = "target.learning_outcomes"
    if share >= context.rulebook.coverage_conditional:
        return finding(
            info,
            Status.FAIL,
            f"{shortfall}: {what} meets the programme's specific requirement only in part (Art. IV.4).",
            field=field,
            code="requirement_partly_met",
            allows=CONDITIONAL_OR_WORSE,
            condition=f"an entrance examination or bridging course on the requirement not met: {uncovered}",
        )
    return finding(
        info,
        Status.FAIL,
        f"{shortfall}: {what} does not meet the programme's specific requirement (Art. IV.4).",
        field=field,
        code="requirement_not_met",
        allows=(Outcome.NON_RECOGNITION,),
    )


@rule(
    id="lisbon.profile_difference",
    rule_set=RuleSet.LISBON,
    element=Element.PROFILE,
    citation=cited.cite(cited.RR_SUBSTANTIAL, cited.EAR_SUBSTANTIAL, cited.ECTS_PROFILE),
    explanation="The subject of the credential and of the target are compared as a signal of profile (never alone "
    "a reason to refuse).",
)
def profile_difference(context: RuleContext, info: RuleInfo) -> Finding:
    target = context.case.target
    credential = context.case.credential
    if target is None:
        return finding(info, Status.NOT_APPLICABLE, "No target is given, so there is no profile to compare with.")
    if context.case.purpose is Purpose.EMPLOYMENT:
        return finding(info, Status.NOT_APPLICABLE, "For employment the profile is described, not compared.")
    if not target.learning_outcomes or not credential.learning_outcomes or context.outcomes.languages is not None:
        why = (
            "The outcomes are in different languages"
            if context.outcomes.languages is not None
            else "Without the outcomes of both the credential and the target"
        )
        return finding(
            info,
            Status.UNKNOWN,
            f"{why}: compare the subject fields by hand.",
            field="target.learning_outcomes",
            code="not_compared",
        )
    target_text = " ".join([target.title or "", *target.learning_outcomes])
    credential_text = " ".join([credential.title or "", *credential.learning_outcomes])
    credential_words, target_words = normalise(credential_text), normalise(target_text)
    similarity = outcome_score(credential_words, target_words)
    # normalise() reads a text up to TEXT_WORDS_READ content words; say so where a side reached that.
    partly = any(len(words.split()) >= TEXT_WORDS_READ for words in (credential_words, target_words))
    read = f" (compared on the first {TEXT_WORDS_READ:,} words of each side's title and outcomes)" if partly else ""
    if similarity < context.rulebook.profile_similarity_warning:
        return finding(
            info,
            Status.WARNING,
            "The credential and the target seem to be in different subject fields (a rough textual signal"
            f"{read}): check the profile.",
            field="target.title",
            code="different_fields",
        )
    return finding(
        info, Status.PASS, f"The credential and the target are in related subject fields{read}.", field="target.title"
    )
