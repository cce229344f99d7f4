"""The outcome: the least restrictive outcome every finding allows, after triage, with its one form of
alternative recognition (see ``rules/recommendation.py`` for the whole step).

- **Triage** (LRC Art. III.3): a finding that asks for information also says what it would leave open should the
  answer go against the applicant (``if_unfavourable``). Information is asked for only where the answer could
  change the outcome; where the differences found already decide it, the recommendation is given and the missing
  item is named as not waited for. For a refugee without documents nothing is asked of the applicant.
- **Alternatives**: one form, the first in the purpose's order that a finding proposes and no finding rules out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from recogniser.model import (
    EAR_ORDER,
    Alternative,
    AlternativeKind,
    Finding,
    Outcome,
    Purpose,
)
from recogniser.rules.base import RuleContext
from recogniser.rules.catalogue import RULES_OUT
from recogniser.rules.lisbon.common import refugee_without_documents

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
class Triage:
    outcome: Outcome
    #: Findings whose information could change the outcome (asked for).
    needed: tuple[Finding, ...]
    #: Findings whose information cannot change it (named, not waited for).
    not_needed: tuple[Finding, ...]
    alternative: Alternative | None


def triaged(context: RuleContext, findings: Sequence[Finding]) -> Triage:
    asking = [f for f in findings if f.information]
    favourable, alternative = _choose(context, findings, unfavourable=())
    if refugee_without_documents(context):
        # Nothing is asked of a displaced person: the body establishes it in the alternative procedure.
        return Triage(favourable, (), tuple(asking), alternative)
    needed = tuple(f for f in asking if _choose(context, findings, unfavourable=(f,))[0] is not favourable)
    not_needed = tuple(f for f in asking if f not in needed)
    if needed:
        return Triage(Outcome.INFORMATION_REQUIRED, needed, not_needed, None)
    return Triage(favourable, (), not_needed, alternative)


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
    ruled_out = {kind for f in findings if restricts(f) for kind in RULES_OUT.get(f.code, ())}
    proposed: dict[AlternativeKind, Alternative] = {}
    for f in findings:
        if f.alternative is not None and f.allows is not None and f.alternative.kind not in ruled_out:
            proposed.setdefault(f.alternative.kind, f.alternative)
    return next((proposed[kind] for kind in ALTERNATIVE_ORDER[context.case.purpose] if kind in proposed), None)


def restricts(f: Finding) -> bool:
    return f.allows is not None and Outcome.FULL_RECOGNITION not in f.allows
