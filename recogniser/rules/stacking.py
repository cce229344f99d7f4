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

import dataclasses
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar

from recogniser.agencies import AgencyRegister
from recogniser.casefile import case_sha256, credential_case
from recogniser.frameworks import FrameworkRegistry
from recogniser.model import (
    EAR_ORDER,
    AwardingBody,
    Case,
    Coverage,
    Credential,
    Decision,
    Element,
    Finding,
    InformationItem,
    Outcome,
    OutcomeMatch,
    ProviderKind,
    Purpose,
    Recommendation,
    RuleSet,
    Stack,
    StackCell,
    StackedCredential,
    StackRole,
    Status,
    Workload,
)
from recogniser.rules import citations as cited
from recogniser.rules import facts
from recogniser.rules.base import RuleContext, RuleInfo, finding
from recogniser.rules.lisbon.applicability import purpose_basis
from recogniser.rules.lisbon.common import RPL_ROUTE
from recogniser.rules.lisbon.coverage import coverage_difference
from recogniser.rules.matching import OUTCOME_WORDS_READ, normalise, outcome_scores
from recogniser.rules.recommendation import recommend
from recogniser.rules.rulebook import Rulebook

#: The stack's own legal basis beside the purpose's: credits accumulated towards a qualification.
STACK_CITATION = cited.cite(cited.ECTS_ACCUMULATION, cited.MICRO_PATHWAYS)

ELIGIBILITY = RuleInfo(
    id="lisbon.stack_eligibility",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.LRC_V_1, cited.RR_PERIODS, STACK_CITATION),
    explanation="Each credential of a stack counts towards the target unless its own assessment sets it aside.",
)
OVERLAP = RuleInfo(
    id="lisbon.stack_overlap",
    rule_set=RuleSet.LISBON,
    element=Element.WORKLOAD,
    citation=cited.cite(cited.ECTS_ACCUMULATION, cited.EAR_CREDITS),
    explanation="Learning that two credentials of a stack share is counted once.",
)
COVERAGE = RuleInfo(
    id="lisbon.stack_coverage",
    rule_set=RuleSet.LISBON,
    element=Element.LEARNING_OUTCOMES,
    citation=cited.cite(cited.LRC_V_1, cited.ECTS_RECOGNITION, cited.EAR_LEARNING_OUTCOMES, STACK_CITATION),
    explanation="The target outcomes the counted credentials cover together.",
)
CREDITS = RuleInfo(
    id="lisbon.stack_credits",
    rule_set=RuleSet.LISBON,
    element=Element.WORKLOAD,
    citation=cited.cite(cited.LRC_V_1, cited.EAR_CREDITS, cited.ECTS_ACCUMULATION),
    explanation="The credits the counted credentials give together, against the credits sought.",
)

_PARTIAL_OR_WORSE = (Outcome.PARTIAL_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION, Outcome.NON_RECOGNITION)
_ALTERNATIVE_PARTIAL_OR_WORSE = (Outcome.ALTERNATIVE_RECOGNITION, *_PARTIAL_OR_WORSE)
_CONDITIONAL_OR_WORSE = (Outcome.CONDITIONAL_RECOGNITION, Outcome.NON_RECOGNITION)
_ALTERNATIVE_OR_REFUSAL = (Outcome.ALTERNATIVE_RECOGNITION, Outcome.NON_RECOGNITION)

#: Elements a credential's own findings judge against the whole target: in a stack they are judged on what the
#: credentials give together, so a credential's own shortfall there does not restrict the stack.
_TARGET_RELATIVE = frozenset({Element.WORKLOAD, Element.LEARNING_OUTCOMES, Element.PROFILE})

#: Findings that set a credential aside, by code prefix, with the reason as the stack states it.
_SET_ASIDE: tuple[tuple[str, str], ...] = (
    ("authenticity.signature.failed", "its authenticity check failed"),
    ("lisbon.level_difference.below", "its level is below the target's"),
    ("lisbon.quality_difference.no_esg_quality", "it has no quality evidence higher education can rely on"),
    ("lisbon.quality_difference.vet_outside_esg", "its quality assurance is outside the ESG"),
    ("lisbon.assessment_difference.not_assessed", "it records attendance only; nothing was assessed"),
)


@dataclass(frozen=True)
class _Own:
    """One credential's own assessment and what the stack takes from it."""

    index: int
    case: Case
    decision: Decision
    ects: float | None
    role: StackRole
    reasons: tuple[str, ...]
    #: Restricting findings on the credential itself (not against the whole target) that the stack carries.
    carried: tuple[Finding, ...]
    information: tuple[InformationItem, ...]

    @property
    def credential(self) -> Credential:
        return self.case.credential

    @property
    def label(self) -> str:
        title = self.credential.title
        return f"Credential {self.index + 1}" + (f" '{title}'" if title else "")


class _Identity:
    """Objects compared by identity (the rulebook, the reference data), kept alive while compared."""

    def __init__(self, objects: tuple[object, ...]) -> None:
        self.objects = objects

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Identity)
            and len(self.objects) == len(other.objects)
            and all(mine is theirs for mine, theirs in zip(self.objects, other.objects, strict=True))
        )

    def __hash__(self) -> int:
        return hash(tuple(id(item) for item in self.objects))


@dataclass(frozen=True)
class _Tally:
    """The stack counted over a set of credentials."""

    cells: tuple[tuple[StackCell, ...], ...]
    counted_by: tuple[int | None, ...]
    #: Per credential index: target outcomes it covers, those another credential is counted for, credits counted.
    covers: dict[int, tuple[int, ...]]
    overlaps: dict[int, tuple[int, ...]]
    counted: dict[int, float | None]
    total: float | None
    capped: bool


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
        _own(case, index, assess_one=assess_one, judged_with=judged_with, day=day, as_of=as_of)
        for index in range(len(case.credentials))
    ]
    # Credentials waiting for information count as if it were favourable; whether it is asked for is triage.
    hoped = [own for own in owns if own.role is not StackRole.EXCLUDED]

    def judged(counted: Sequence[_Own]) -> tuple[RuleContext, _Tally, list[Finding]]:
        tally = _tally(case, owns, counted, rulebook)
        context = _with_tally(
            _stack_context(case, counted or owns, rulebook=rulebook, frameworks=frameworks, agencies=agencies, day=day),
            tally,
        )
        return context, tally, _stack_findings(context, owns, counted, tally)

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
    recommendation = replace(recommendation, summary=_summary(recommendation, owns, tally, case))
    stack = Stack(
        targets=case.target.learning_outcomes if case.target and case.target.learning_outcomes else (),
        credentials=tuple(_stacked(own, tally) for own in owns),
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


def _role_in_stack(own: _Own, recommendation: Recommendation) -> _Own:
    """A credential is pending while the stack waits for its information; otherwise what it waits for cannot
    change what the stack gives, and it counts as it stands."""
    if own.role is StackRole.EXCLUDED:
        return own
    waited_for = [item for item in recommendation.information_required if item.startswith(f"{own.label}: ")]
    if not waited_for:
        return replace(own, role=StackRole.COUNTED, reasons=())
    what = "; ".join(item.removeprefix(f"{own.label}: ") for item in waited_for)
    return replace(own, role=StackRole.PENDING, reasons=(f"the stack waits for: {what}",))


def _carried(counted: Sequence[_Own]) -> list[Finding]:
    """What counted credentials carry into the stack, named by the credential: their restrictions on the
    credential itself (not against the whole target) with their conditions, and what their own assessment left
    for the evaluator to check."""
    carried: list[Finding] = []
    for own in counted:
        for f in own.decision.findings:
            if f.information:
                continue  # asked for through triage (:func:`_asked`)
            if f in own.carried or (
                f.rule_set is RuleSet.LISBON and f.status in (Status.UNKNOWN, Status.WARNING) and not _restricts(f)
            ):
                carried.append(
                    replace(
                        f,
                        message=f"{own.label}: {f.message}",
                        condition=f"{own.label}: {f.condition}" if f.condition else None,
                        credential=own.index,
                    )
                )
    return carried


def _asked(own: _Own, question: Finding, favourable: Recommendation, without: Recommendation) -> Finding:
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
        message=f"{own.label}: {question.message}",
        information=tuple(InformationItem(f"{own.label}: {item.text}", item.supplier) for item in question.information),
        if_unfavourable=worse,
        credential=own.index,
    )


# --- each credential on its own ---


class _Assessed:
    """Credentials assessed recently, by the hash of the case as it reads with each alone: re-assessing a stack
    after an edit to one credential (the window does on every keystroke) assesses only that one again. An
    entry holds the reference data and rulebook it was judged with, and is used only with the very same."""

    size: ClassVar[int] = 64
    lock: ClassVar[threading.Lock] = threading.Lock()
    entries: ClassVar[OrderedDict[tuple[str, date | None], tuple[object, Decision]]] = OrderedDict()

    @classmethod
    def get(cls, key: tuple[str, date | None], judged_with: object) -> Decision | None:
        with cls.lock:
            entry = cls.entries.get(key)
            if entry is None or entry[0] != judged_with:
                return None
            cls.entries.move_to_end(key)
            return entry[1]

    @classmethod
    def put(cls, key: tuple[str, date | None], judged_with: object, decision: Decision) -> None:
        with cls.lock:
            cls.entries[key] = (judged_with, decision)
            cls.entries.move_to_end(key)
            while len(cls.entries) > cls.size:
                cls.entries.popitem(last=False)


def clear_cache() -> None:
    """Forget the credentials assessed so far (to time a stack from cold)."""
    with _Assessed.lock:
        _Assessed.entries.clear()


def _own(
    case: Case,
    index: int,
    *,
    assess_one: Callable[[Case], Decision],
    judged_with: tuple[object, ...],
    day: date | None,
    as_of: date | None,
) -> _Own:
    rulebook = judged_with[0]
    assert isinstance(rulebook, Rulebook)
    alone = credential_case(case, index)
    key = (case_sha256(alone), as_of)
    decision = _Assessed.get(key, _Identity(judged_with))
    if decision is None:
        decision = assess_one(alone)
        _Assessed.put(key, _Identity(judged_with), decision)
    ects = facts.derive_workload(alone, rulebook).ects
    reasons: list[str] = []
    carried: list[Finding] = []
    for f in decision.findings:
        reason = next((why for prefix, why in _SET_ASIDE if f.code.startswith(prefix)), None)
        if reason is not None:
            reasons.append(f"{reason}: {f.message}")
        elif _restricts(f) and f.element not in _TARGET_RELATIVE:
            assert f.allows is not None
            if f.allows <= set(_ALTERNATIVE_OR_REFUSAL):
                reasons.append(f.message)
            else:
                carried.append(f)
    too_old = _too_old(alone.credential, rulebook, day)
    if too_old:
        reasons.append(too_old)
    outcome = decision.recommendation.outcome
    if reasons:
        role = StackRole.EXCLUDED
    elif outcome is Outcome.INFORMATION_REQUIRED:
        role = StackRole.PENDING
        reasons = [f"its own assessment waits for: {'; '.join(decision.recommendation.information_lines)}"]
    else:
        role = StackRole.COUNTED
    information = tuple(
        InformationItem(text, supplier)
        for text, supplier in zip(
            decision.recommendation.information_required, decision.recommendation.information_suppliers, strict=False
        )
    )
    return _Own(index, alone, decision, ects, role, tuple(reasons), tuple(carried), information)


def _restricts(f: Finding) -> bool:
    return f.allows is not None and Outcome.FULL_RECOGNITION not in f.allows


def _too_old(credential: Credential, rulebook: Rulebook, day: date | None) -> str | None:
    limit = rulebook.stack_max_age_years
    issued = credential.issue_date
    if limit is None or issued is None or day is None:
        return None
    try:
        until = issued.replace(year=issued.year + limit)
    except ValueError:  # 29 February
        until = issued.replace(year=issued.year + limit, day=28)
    if until >= day:
        return None
    return (
        f"it was issued on {issued.isoformat()}, more than {limit} years before {day.isoformat()}, the office's "
        "limit for a credential in a stack"
    )


# --- the stack counted ---


def _tally(case: Case, owns: Sequence[_Own], counted: Sequence[_Own], rulebook: Rulebook) -> _Tally:
    targets = case.target.learning_outcomes if case.target and case.target.learning_outcomes else ()
    counted_ids = {own.index for own in counted}
    cells: list[tuple[StackCell, ...]] = []
    counted_by: list[int | None] = []
    for row, _target in enumerate(targets):
        row_cells = tuple(_cell(own, row, rulebook) for own in owns)
        cells.append(row_cells)
        best: int | None = None
        for own in counted:
            cell = row_cells[own.index]
            if cell.coverage is Coverage.COVERED and (best is None or cell.score > row_cells[best].score):
                best = own.index
        counted_by.append(best)
    covers = {
        own.index: tuple(row for row in range(len(targets)) if cells[row][own.index].coverage is Coverage.COVERED)
        for own in owns
    }
    overlaps = {
        own.index: tuple(row for row in covers[own.index] if counted_by[row] != own.index)
        for own in owns
        if own.index in counted_ids
    }
    credits: dict[int, float | None] = {}
    if targets:
        for own in counted:
            mine = covers[own.index]
            if own.ects is None:
                credits[own.index] = None
            else:
                credits[own.index] = own.ects * (len(mine) - len(overlaps[own.index])) / len(mine) if mine else 0.0
    else:
        credits, overlaps = _overlap_without_targets(counted, rulebook)
    sought = case.credits_sought
    total: float | None = None
    capped = False
    if sought is not None:
        given = sum(value for value in credits.values() if value is not None)
        ceiling = sought * rulebook.stack_max_share
        capped = given > ceiling and ceiling < sought
        total = _half_credits(min(given, ceiling))
    return _Tally(tuple(cells), tuple(counted_by), covers, overlaps, credits, total, capped)


def _cell(own: _Own, row: int, rulebook: Rulebook) -> StackCell:
    matches = own.decision.outcome_matches
    if row >= len(matches):
        return StackCell(0.0, Coverage.NOT_COVERED)
    match = matches[row]
    if match.matched:
        coverage = Coverage.COVERED
    elif match.lower_level or match.score >= rulebook.stack_partly_covered_score:
        coverage = Coverage.PARTLY
    else:
        coverage = Coverage.NOT_COVERED
    return StackCell(match.score, coverage, match.credential)


def _overlap_without_targets(
    counted: Sequence[_Own], rulebook: Rulebook
) -> tuple[dict[int, float | None], dict[int, tuple[int, ...]]]:
    """Without target outcomes: each credential's credits in the share of its outcomes that no credential
    counted before it already holds. ``overlaps`` then lists the credential's own outcomes (by index) held."""
    credits: dict[int, float | None] = {}
    overlaps: dict[int, tuple[int, ...]] = {}
    before: list[str] = []
    for own in counted:
        outcomes = [normalise(text, OUTCOME_WORDS_READ) for text in own.credential.learning_outcomes or ()]
        held: tuple[int, ...] = ()
        if outcomes and before:
            scores = outcome_scores(outcomes, before)
            held = tuple(
                row for row in range(len(outcomes)) if float(scores[row].max()) >= rulebook.stack_overlap_score
            )
        overlaps[own.index] = held
        if own.ects is None:
            credits[own.index] = None
        else:
            credits[own.index] = own.ects * (1 - len(held) / len(outcomes)) if outcomes else own.ects
        before.extend(outcomes)
    return credits, overlaps


def _half_credits(credits: float) -> float:
    return math.floor(credits * 2) / 2


# --- the stack judged ---


def _stack_context(
    case: Case,
    counted: Sequence[_Own],
    *,
    rulebook: Rulebook,
    frameworks: FrameworkRegistry,
    agencies: AgencyRegister,
    day: date | None,
) -> RuleContext:
    """The context the recommendation step reads for the stack: the case with a credential that stands for the
    counted credentials together (higher education only if all are; from the assessing country only if all
    are), so the purpose's legal basis is the one that covers every counted credential."""
    credentials = [own.credential for own in counted]
    kinds = {c.awarding_body.kind if c.awarding_body else None for c in credentials}
    countries = {_issuer(c) for c in credentials}
    together = Credential(
        title=None,
        issuer_country=countries.pop() if len(countries) == 1 else None,
        awarding_body=AwardingBody(
            kind=ProviderKind.HIGHER_EDUCATION_INSTITUTION
            if kinds == {ProviderKind.HIGHER_EDUCATION_INSTITUTION}
            else None
        ),
    )
    stand_in = dataclasses.replace(case, credential=together)
    return RuleContext(
        case=stand_in, rulebook=rulebook, frameworks=frameworks, agencies=agencies, as_of=day, requested_as_of=day
    )


def _issuer(credential: Credential) -> str | None:
    return credential.issuer_country or (credential.awarding_body.country if credential.awarding_body else None)


def _with_tally(context: RuleContext, tally: _Tally) -> RuleContext:
    """The context with the stack's workload and outcome coverage in place of one credential's, which the
    recommendation step's credit rule reads."""
    stand_in = dataclasses.replace(
        context.case, credential=replace(context.case.credential, workload=Workload(ects=tally.total))
    )
    updated = dataclasses.replace(context, case=stand_in)
    updated.__dict__["workload"] = facts.derive_workload(stand_in, context.rulebook)
    targets = context.case.target.learning_outcomes if context.case.target else None
    matches = tuple(
        OutcomeMatch(target=text, credential=None, score=0.0, matched=by is not None)
        for text, by in zip(targets or (), tally.counted_by, strict=False)
    )
    updated.__dict__["outcomes"] = facts.OutcomeFacts(matches)
    return updated


def _stack_findings(
    context: RuleContext, owns: Sequence[_Own], counted: Sequence[_Own], tally: _Tally
) -> list[Finding]:
    findings: list[Finding] = []
    basis = cited.cite(purpose_basis(context), STACK_CITATION)
    for own in owns:
        findings.append(_eligibility(own, own in counted, basis))
        overlap = _overlap_finding(context, own, tally)
        if overlap is not None:
            findings.append(overlap)
    findings.append(_coverage(context, owns, counted, tally))
    credits = _credits(context, counted, tally)
    if credits is not None:
        findings.append(credits)
    return findings


def _eligibility(own: _Own, counted: bool, basis: str) -> Finding:
    info = replace(ELIGIBILITY, citation=basis)
    if own.role is StackRole.PENDING:
        return finding(
            info,
            Status.UNKNOWN,
            f"{own.label} counts as far as its own assessment goes, which "
            f"{own.reasons[0].removeprefix('its own assessment ')}; that is asked for only where it could change "
            "what the stack gives.",
            code="pending",
            credential=own.index,
        )
    if counted:
        what = f"{own.ects:g} ECTS" if own.ects is not None else "credits not stated"
        return finding(
            info,
            Status.PASS,
            f"{own.label} counts towards the target ({what}; on its own: "
            f"{own.decision.recommendation.outcome.value.replace('_', ' ')}).",
            code="counted",
            credential=own.index,
        )
    code = next((_reason_code(prefix) for prefix, why in _SET_ASIDE if any(r.startswith(why) for r in own.reasons)), "")
    if not code and any(r.startswith("it was issued on") for r in own.reasons):
        code = "too_old"
        info = replace(info, citation=cited.cite(info.citation, cited.RULEBOOK_POLICY))
    return finding(
        info,
        Status.WARNING,
        f"{own.label} cannot count towards the target; the rest of the stack still does: "
        + "; ".join(reason.rstrip(".") for reason in own.reasons)
        + ".",
        code=code or "set_aside",
        credential=own.index,
    )


def _reason_code(prefix: str) -> str:
    return {
        "authenticity.signature.failed": "authenticity_failed",
        "lisbon.level_difference.below": "level_below",
        "lisbon.quality_difference.no_esg_quality": "no_quality_evidence",
        "lisbon.quality_difference.vet_outside_esg": "no_quality_evidence",
        "lisbon.assessment_difference.not_assessed": "attendance_only",
    }[prefix]


def _overlap_finding(context: RuleContext, own: _Own, tally: _Tally) -> Finding | None:
    held = tally.overlaps.get(own.index, ())
    if not held or own.index not in tally.counted:
        return None
    counted = tally.counted[own.index]
    credits = (
        f" its {own.ects:g} ECTS count for {_half_credits(counted):g}"
        if own.ects is not None and counted is not None
        else ""
    )
    if tally.cells:
        others = sorted({by + 1 for row in held if (by := tally.counted_by[row]) is not None})
        what = (
            f"{len(held)} of the {len(tally.covers[own.index])} target outcomes it covers are counted for "
            + ("credential " if len(others) == 1 else "credentials ")
            + ", ".join(str(n) for n in others)
        )
    else:
        what = f"{len(held)} of its outcomes repeat learning of a credential counted before it"
    return finding(
        OVERLAP,
        Status.PASS,
        f"{own.label} overlaps the stack: {what}; the same learning counts once," + (credits or " once only") + ".",
        code="counted_once",
        credential=own.index,
    )


def _coverage(context: RuleContext, owns: Sequence[_Own], counted: Sequence[_Own], tally: _Tally) -> Finding:
    info = replace(COVERAGE, citation=cited.cite(purpose_basis(context), cited.EAR_LEARNING_OUTCOMES, STACK_CITATION))
    purpose = context.case.purpose
    names = f"{len(counted)} of the {len(owns)} credentials"
    if not counted:
        return finding(
            info,
            Status.FAIL,
            "None of the credentials can count towards the target as it stands; the learning can be assessed in "
            "the institution's recognition of prior learning procedure.",
            code="none_counted",
            allows=_ALTERNATIVE_OR_REFUSAL,
            alternative=RPL_ROUTE,
        )
    if not tally.cells:
        if context.case.target is None or purpose is Purpose.EMPLOYMENT:
            return finding(
                info, Status.NOT_APPLICABLE, f"{names} count; no target outcomes to cover.", code="no_target_outcomes"
            )
        return finding(
            info,
            Status.UNKNOWN,
            f"The outcomes were not compared: the target's outcomes are not given. {names} count; overlap between "
            "them was judged on their own outcomes. Compare them by hand or add the target's outcomes to the case.",
            field="target.learning_outcomes",
            code="not_compared",
        )
    targets = context.case.target.learning_outcomes or () if context.case.target else ()
    covered = len(tally.counted_by) - tally.counted_by.count(None)
    uncovered = [text for text, by in zip(targets, tally.counted_by, strict=False) if by is None]
    # The same judgement of the share covered as for one credential, on what the counted credentials cover together.
    return coverage_difference(
        context, info, covered / len(tally.counted_by), uncovered, what="the stack", lead=f"Together, {names} count. "
    )


def _credits(context: RuleContext, counted: Sequence[_Own], tally: _Tally) -> Finding | None:
    sought = context.case.credits_sought
    if sought is None or not counted:
        return None
    total = tally.total
    assert total is not None
    info = replace(CREDITS, citation=cited.cite(purpose_basis(context), cited.EAR_CREDITS, cited.ECTS_ACCUMULATION))
    unknown = [own.label for own in counted if own.ects is None]
    given = " + ".join(
        f"{_half_credits(value):g}" for own in counted if (value := tally.counted.get(own.index)) is not None
    )
    message = f"The counted credentials give {total:g} ECTS towards the {sought:g} sought ({given}"
    message += ", overlap counted once)." if any(tally.overlaps.values()) else ")."
    if tally.capped:
        info = replace(info, citation=cited.cite(info.citation, cited.RULEBOOK_POLICY))
        message += (
            f" The office lets stacking give at most {context.rulebook.stack_max_share:.0%} of the target's credits."
        )
    if unknown:
        message += " Not stated for: " + ", ".join(unknown) + "."
    if total >= sought:
        return finding(info, Status.PASS, message, code="covers_sought")
    remaining = sought - total
    targets = context.case.target.learning_outcomes or () if context.case.target else ()
    uncovered = [text for text, by in zip(targets, tally.counted_by, strict=False) if by is None]
    condition = f"a top-up assessment for the remaining {remaining:g} ECTS"
    if uncovered:
        condition += ", covering the target outcomes no counted credential covers: " + "; ".join(uncovered)
    return finding(info, Status.FAIL, message, code="short", allows=_ALTERNATIVE_PARTIAL_OR_WORSE, condition=condition)


def _stacked(own: _Own, tally: _Tally) -> StackedCredential:
    counted = tally.counted.get(own.index)
    return StackedCredential(
        index=own.index,
        title=own.credential.title,
        role=own.role,
        reasons=own.reasons,
        own_outcome=own.decision.recommendation.outcome,
        own_summary=own.decision.recommendation.summary,
        ects=own.ects,
        ects_counted=None if counted is None else _half_credits(counted),
        covers=tally.covers.get(own.index, ()),
        overlaps=tally.overlaps.get(own.index, ()) if tally.cells else (),
    )


def _summary(recommendation: Recommendation, owns: Sequence[_Own], tally: _Tally, case: Case) -> str:
    """The recommendation's paragraph with what each credential counts for, and what a top-up would close."""
    parts = []
    for own in owns:
        counted = tally.counted.get(own.index)
        if own.role is StackRole.COUNTED:
            credits = f" {_half_credits(counted):g} ECTS" if counted is not None and tally.total is not None else ""
            held = " (overlap counted once)" if tally.overlaps.get(own.index) else ""
            parts.append(f"{own.label}{credits}{held}")
    counted_words = "Counted so far" if recommendation.outcome is Outcome.INFORMATION_REQUIRED else "Counted"
    sentences = [f"{counted_words}: " + "; ".join(parts) + "." if parts else "No credential is counted."]
    set_aside = [
        f"{own.label} ({'; '.join(reason.split(': ')[0] for reason in own.reasons)})"
        for own in owns
        if own.role is StackRole.EXCLUDED
    ]
    if set_aside:
        sentences.append("Set aside, the rest still counting: " + "; ".join(set_aside) + ".")
    gaps = _gaps(case, tally)
    if gaps and recommendation.outcome is Outcome.PARTIAL_RECOGNITION:
        sentences.append("A top-up assessment could close the rest: " + "; ".join(gaps) + ".")
    closing = "The evaluator decides; this is a recommendation."
    head, _, tail = recommendation.summary.rpartition(closing)
    return f"{head}{' '.join(sentences)} {closing}{tail}" if head else f"{recommendation.summary} {' '.join(sentences)}"


def _gaps(case: Case, tally: _Tally) -> tuple[str, ...]:
    """What a top-up assessment would have to cover: the target outcomes no counted credential covers, and the
    credits still missing."""
    targets = case.target.learning_outcomes if case.target and case.target.learning_outcomes else ()
    gaps = [
        f"target outcome not covered: {text}" for text, by in zip(targets, tally.counted_by, strict=False) if by is None
    ]
    sought = case.credits_sought
    if sought is not None and tally.total is not None and tally.total < sought:
        gaps.append(f"{sought - tally.total:g} ECTS of the {sought:g} sought")
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
