"""Stacking: several credentials of one learner assessed together towards one target.

Each credential is first assessed on its own, by the same rules as a case of one credential (``assess`` on the
case as it reads with that credential alone): its Annex I elements, authenticity, level, quality, assessment.
Then the stack, on what the credentials give together (ECTS Users' Guide 2015 on credit accumulation; LRC Art.
V.1, periods of study recognised towards a programme; Council Recommendation 2022/C 243/02, Annex II, learning
pathways):

- **Which credentials count.** One that cannot count towards the target as it stands is set aside with its
  reason, and the rest still count: a level below the target, no quality evidence higher education can rely
  on, nothing assessed (attendance only), a failed authenticity check, or older than the office's limit
  (``stack_max_age_years``). One whose own assessment waits for information is pending: its information is
  asked for only where it could change the stack's outcome or credits (triage, LRC Art. III.3).
- **The coverage matrix.** Each target outcome against each credential, with the best-matching outcome of that
  credential and its score (the same matching as for one credential): covered, partly covered (close, or at a
  lower cognitive level; shown, never counted) or not covered. Each covered target outcome is counted for one
  counted credential, the best-scoring one.
- **Credits, overlap counted once.** A counted credential gives its credits in the share of the target
  outcomes it covers that no other credential is counted for; where the target states no outcomes, in the
  share of its own outcomes that an earlier counted credential does not already hold (``stack_overlap_score``).
  The total is capped at the credits sought and the office's share (``stack_max_share``).
- **One recommendation.** The stack's own findings (coverage, credits) and the conditions that counted
  credentials carry (an identity check, an assessment at the target level) go through the same recommendation
  step as one credential's findings: the same outcomes, credit rule, alternatives, reasons and appeal. The gaps
  left become the condition of a top-up assessment of the outcomes and credits not covered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from recogniser.agencies import AgencyRegister
from recogniser.casefile import case_sha256
from recogniser.frameworks import FrameworkRegistry
from recogniser.i18n import phrase
from recogniser.joining import in_list
from recogniser.model import (
    EAR_ORDER,
    Case,
    Coverage,
    Decision,
    Finding,
    InformationItem,
    Outcome,
    OutcomeMatch,
    Recommendation,
    RuleSet,
    Stack,
    StackCell,
    StackedCredential,
    StackRole,
    Status,
)
from recogniser.rules.base import RuleContext
from recogniser.rules.recommendation import recommend
from recogniser.rules.rulebook import Rulebook
from recogniser.rules.stacking.credentials import Own, Reason, assess_credential, clear_cache
from recogniser.rules.stacking.findings import judge_stack, stack_context, with_tally
from recogniser.rules.stacking.tally import Tally, count_stack
from recogniser.rules.summary import with_more
from recogniser.rules.triage import restricts

__all__ = ["assess_stack", "clear_cache"]


def assess_stack(
    case: Case,
    *,
    as_of: date | None,
    rulebook: Rulebook,
    frameworks: FrameworkRegistry,
    agencies: AgencyRegister,
    assess_one: Callable[[Case], Decision],
) -> Decision:
    """Assess each credential of ``case`` with ``assess_one`` (the one pipeline), then the stack."""
    day = as_of or max((c.issue_date for c in case.credentials if c.issue_date is not None), default=None)
    judged_with = (rulebook, frameworks, agencies)
    owns = [
        assess_credential(case, index, assess_one=assess_one, judged_with=judged_with, day=day, as_of=as_of)
        for index in range(len(case.credentials))
    ]
    # Credentials waiting for information count as if it were favourable; whether it is asked for is triage.
    hoped = [own for own in owns if own.role is not StackRole.EXCLUDED]

    def judged(counted: Sequence[Own]) -> tuple[RuleContext, Tally, list[Finding]]:
        tally = count_stack(case, owns, counted, rulebook)
        context = with_tally(
            stack_context(case, counted or owns, rulebook=rulebook, frameworks=frameworks, agencies=agencies, day=day),
            tally,
        )
        return context, tally, judge_stack(context, owns, counted, tally)

    context, tally, stack_findings = judged(hoped)
    favourable, _ = recommend(context, [*stack_findings, *_carried(hoped)])
    asked: list[Finding] = []
    for own in hoped:
        questions = [f for f in own.decision.findings if f.information]
        if not questions:
            continue
        without_context, _, without_findings = judged([other for other in hoped if other is not own])
        without, _ = recommend(without_context, [*without_findings, *_carried([o for o in hoped if o is not own])])
        asked.extend(_asked(own, f, favourable, without) for f in questions)
    recommendation, procedural = recommend(context, [*stack_findings, *_carried(hoped), *asked])
    owns = [_role_in_stack(own, recommendation) for own in owns]
    own_findings = [f.about(own.index) for own in owns for f in own.decision.findings]
    recommendation = replace(recommendation, summary=_summary(recommendation, owns, tally, case, rulebook))
    stack = Stack(
        targets=case.target.learning_outcomes if case.target and case.target.learning_outcomes else (),
        credentials=tuple(_stacked(own, tally, rulebook) for own in owns),
        cells=tally.cells,
        counted_by=tally.counted_by,
        ects_total=tally.total,
        gaps=_gaps(case, tally),
    )
    return Decision(
        reference=case.reference,
        purpose=case.purpose,
        rulebook_version=rulebook.version,
        case_sha256=case_sha256(case),
        recommendation=recommendation,
        findings=(*own_findings, *stack_findings, procedural),
        as_of=as_of,
        outcome_matches=_stack_matches(stack),
        stack=stack,
    )


def _role_in_stack(own: Own, recommendation: Recommendation) -> Own:
    """A credential is pending while the stack waits for its information; otherwise what it waits for cannot
    change what the stack gives, and it counts as it stands."""
    if own.role is StackRole.EXCLUDED:
        return own
    asked = {_on(own, item.text): item.text for f in own.decision.findings for item in f.information}
    waited_for = [asked[item] for item in recommendation.information_required if item in asked]
    if not waited_for:
        return replace(own, role=StackRole.COUNTED, reasons=())
    waits = phrase("the stack waits for: {items}", items=in_list(waited_for))
    return replace(own, role=StackRole.PENDING, reasons=(Reason(waits, waits),))


def _on(own: Own, text: str) -> str:
    """A sentence about one credential of the stack, named by it."""
    return phrase("{credential}: {text}", credential=own.label, text=text)


def _carried(counted: Sequence[Own]) -> list[Finding]:
    """What counted credentials carry into the stack, named by the credential: their restrictions on the
    credential itself (not against the whole target) with their conditions, and what their own assessment left
    for the evaluator to check."""
    carried: list[Finding] = []
    for own in counted:
        for f in own.decision.findings:
            if f.information:
                continue  # asked for through triage (:func:`_asked`)
            if f in own.carried or (
                f.rule_set is RuleSet.LISBON and f.status in (Status.UNKNOWN, Status.WARNING) and not restricts(f)
            ):
                carried.append(
                    replace(
                        f,
                        message=_on(own, f.message),
                        condition=_on(own, f.condition) if f.condition else None,
                        credential=own.index,
                    )
                )
    return carried


def _asked(own: Own, question: Finding, favourable: Recommendation, without: Recommendation) -> Finding:
    """A credential's question, asked of the stack: should the answer go against the applicant, the stack is
    judged without that credential. Where that changes neither the outcome nor the credits, it is not waited for."""
    if (without.outcome, without.ects_recognised) == (favourable.outcome, favourable.ects_recognised):
        worse = frozenset(EAR_ORDER)
    else:
        start = EAR_ORDER.index(without.outcome) if without.outcome in EAR_ORDER else 1
        if without.outcome is favourable.outcome:
            start += 1  # the same outcome with fewer credits: the answer changes what is recognised
        worse = frozenset(EAR_ORDER[min(start, len(EAR_ORDER) - 1) :])
    return replace(
        question,
        message=_on(own, question.message),
        information=tuple(InformationItem(_on(own, item.text), item.supplier) for item in question.information),
        if_unfavourable=worse,
        credential=own.index,
    )


def _stacked(own: Own, tally: Tally, rulebook: Rulebook) -> StackedCredential:
    counted = tally.counted.get(own.index)
    return StackedCredential(
        index=own.index,
        title=own.credential.title,
        role=own.role,
        reasons=tuple(reason.text for reason in own.reasons),
        own_outcome=own.decision.recommendation.outcome,
        own_summary=own.decision.recommendation.summary,
        ects=own.ects,
        ects_counted=None if counted is None else rulebook.round_credits(counted),
        covers=tally.covers.get(own.index, ()),
        overlaps=tally.overlaps.get(own.index, ()) if tally.cells else (),
    )


def _summary(recommendation: Recommendation, owns: Sequence[Own], tally: Tally, case: Case, rulebook: Rulebook) -> str:
    """The recommendation's paragraph with what each credential counts for, and what a top-up would close."""
    parts = [_counted(own, tally, rulebook) for own in owns if own.role is StackRole.COUNTED]
    if not parts:
        sentences = [phrase("No credential is counted.")]
    elif recommendation.outcome is Outcome.INFORMATION_REQUIRED:
        sentences = [phrase("Counted so far: {credentials}.", credentials=in_list(parts))]
    else:
        sentences = [phrase("Counted: {credentials}.", credentials=in_list(parts))]
    set_aside = [
        phrase("{credential} ({reasons})", credential=own.label, reasons=in_list(r.short for r in own.reasons))
        for own in owns
        if own.role is StackRole.EXCLUDED
    ]
    if set_aside:
        sentences.append(phrase("Set aside, the rest still counting: {credentials}.", credentials=in_list(set_aside)))
    gaps = _gaps(case, tally)
    if gaps and recommendation.outcome is Outcome.PARTIAL_RECOGNITION:
        sentences.append(phrase("A top-up assessment could close the rest: {gaps}.", gaps=in_list(gaps)))
    return with_more(recommendation.summary, sentences)


def _counted(own: Own, tally: Tally, rulebook: Rulebook) -> str:
    """A counted credential as the summary names it: with its credits where the stack counts credits, and
    whether learning it shares with another was counted once."""
    counted = tally.counted.get(own.index)
    held = bool(tally.overlaps.get(own.index))
    if counted is not None and tally.total is not None:
        ects = rulebook.round_credits(counted)
        if held:
            return phrase("{credential} {ects} ECTS (overlap counted once)", credential=own.label, ects=ects)
        return phrase("{credential} {ects} ECTS", credential=own.label, ects=ects)
    if held:
        return phrase("{credential} (overlap counted once)", credential=own.label)
    return own.label


def _gaps(case: Case, tally: Tally) -> tuple[str, ...]:
    """What a top-up assessment would have to cover: the target outcomes no counted credential covers, and the
    credits still missing."""
    targets = case.target.learning_outcomes if case.target and case.target.learning_outcomes else ()
    gaps: list[str] = [
        phrase("target outcome not covered: {outcome}", outcome=text)
        for text, by in zip(targets, tally.counted_by, strict=False)
        if by is None
    ]
    sought = case.credits_sought
    if sought is not None and tally.total is not None and tally.total < sought:
        gaps.append(phrase("{ects} ECTS of the {sought} sought", ects=sought - tally.total, sought=sought))
    return tuple(gaps)


def _stack_matches(stack: Stack) -> tuple[OutcomeMatch, ...]:
    """For each target outcome, its match in the credential counted for it (else the best cell of any)."""
    matches = []
    for row, text in enumerate(stack.targets):
        cells = stack.cells[row]
        by = stack.counted_by[row]
        index = by if by is not None else max(range(len(cells)), key=lambda i: cells[i].score) if cells else None
        cell = cells[index] if index is not None else StackCell(0.0, Coverage.NOT_COVERED)
        matches.append(
            OutcomeMatch(
                target=text,
                credential=cell.credential_outcome,
                score=cell.score,
                matched=by is not None,
            )
        )
    return tuple(matches)
