"""The stack judged: each credential's place in the stack, its overlap, the outcomes the counted credentials cover
together and the credits they give, as findings for the one recommendation step."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from recogniser.agencies import AgencyRegister
from recogniser.frameworks import FrameworkRegistry
from recogniser.model import (
    AwardingBody,
    Case,
    Credential,
    Element,
    Finding,
    OutcomeMatch,
    ProviderKind,
    Purpose,
    RuleSet,
    StackRole,
    Status,
    Workload,
)
from recogniser.rules import citations as cited
from recogniser.rules import facts
from recogniser.rules.base import RuleContext, RuleInfo, finding
from recogniser.rules.lisbon.applicability import purpose_basis
from recogniser.rules.lisbon.common import ALTERNATIVE_OR_REFUSAL, ALTERNATIVE_PARTIAL_OR_WORSE, RPL_ROUTE
from recogniser.rules.lisbon.coverage import coverage_difference
from recogniser.rules.rulebook import Rulebook
from recogniser.rules.stacking.credentials import SET_ASIDE, Own
from recogniser.rules.stacking.tally import Tally

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


def stack_context(
    case: Case,
    counted: Sequence[Own],
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


def with_tally(context: RuleContext, tally: Tally) -> RuleContext:
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


def judge_stack(context: RuleContext, owns: Sequence[Own], counted: Sequence[Own], tally: Tally) -> list[Finding]:
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


def _eligibility(own: Own, counted: bool, basis: str) -> Finding:
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
    code = next((_reason_code(prefix) for prefix, why in SET_ASIDE if any(r.startswith(why) for r in own.reasons)), "")
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


def _overlap_finding(context: RuleContext, own: Own, tally: Tally) -> Finding | None:
    held = tally.overlaps.get(own.index, ())
    if not held or own.index not in tally.counted:
        return None
    counted = tally.counted[own.index]
    credits = (
        f" its {own.ects:g} ECTS count for {context.rulebook.round_credits(counted):g}"
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


def _coverage(context: RuleContext, owns: Sequence[Own], counted: Sequence[Own], tally: Tally) -> Finding:
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
            allows=ALTERNATIVE_OR_REFUSAL,
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


def _credits(context: RuleContext, counted: Sequence[Own], tally: Tally) -> Finding | None:
    sought = context.case.credits_sought
    if sought is None or not counted:
        return None
    total = tally.total
    assert total is not None
    info = replace(CREDITS, citation=cited.cite(purpose_basis(context), cited.EAR_CREDITS, cited.ECTS_ACCUMULATION))
    unknown = [own.label for own in counted if own.ects is None]
    given = " + ".join(
        f"{context.rulebook.round_credits(value):g}"
        for own in counted
        if (value := tally.counted.get(own.index)) is not None
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
    return finding(info, Status.FAIL, message, code="short", allows=ALTERNATIVE_PARTIAL_OR_WORSE, condition=condition)
