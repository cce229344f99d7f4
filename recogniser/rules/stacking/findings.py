"""The stack judged: each credential's place in the stack, its overlap, the outcomes the counted credentials cover
together and the credits they give, as findings for the one recommendation step."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from recogniser.agencies import AgencyRegister
from recogniser.frameworks import FrameworkRegistry
from recogniser.i18n import Value, phrase, plural
from recogniser.joining import in_list, in_sentences, in_series, unstopped
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
from recogniser.rules.stacking.credentials import SET_ASIDE, TOO_OLD, Own
from recogniser.rules.stacking.tally import Tally
from recogniser.vocabulary import words

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
            phrase(
                "{credential} counts as far as its own assessment goes, which waits for: {items}; that is asked for "
                "only where it could change what the stack gives.",
                credential=own.label,
                items=in_list(own.decision.recommendation.information_lines),
            ),
            code="pending",
            credential=own.index,
        )
    if counted:
        alone = words(own.decision.recommendation.outcome)
        return finding(
            info,
            Status.PASS,
            phrase(
                "{credential} counts towards the target ({ects} ECTS; on its own: {outcome}).",
                credential=own.label,
                ects=own.ects,
                outcome=alone,
            )
            if own.ects is not None
            else phrase(
                "{credential} counts towards the target (credits not stated; on its own: {outcome}).",
                credential=own.label,
                outcome=alone,
            ),
            code="counted",
            credential=own.index,
        )
    grounds = {reason.code for reason in own.reasons}
    code = next((code for _prefix, code, _why in SET_ASIDE if code in grounds), "")
    if not code and TOO_OLD in grounds:
        code = TOO_OLD
        info = replace(info, citation=cited.cite(info.citation, cited.RULEBOOK_POLICY))
    return finding(
        info,
        Status.WARNING,
        phrase(
            "{credential} cannot count towards the target; the rest of the stack still does: {reasons}.",
            credential=own.label,
            reasons=in_list(unstopped(reason.text) for reason in own.reasons),
        ),
        code=code or "set_aside",
        credential=own.index,
    )


def _overlap_finding(context: RuleContext, own: Own, tally: Tally) -> Finding | None:
    held = tally.overlaps.get(own.index, ())
    if not held or own.index not in tally.counted:
        return None
    counted = tally.counted[own.index]
    if tally.cells:
        others = sorted({by + 1 for row in held if (by := tally.counted_by[row]) is not None})
        overlap = plural(
            "{held} of the {covered} target outcomes it covers are counted for credential {credentials}",
            "{held} of the {covered} target outcomes it covers are counted for credentials {credentials}",
            n=len(others),
            held=len(held),
            covered=len(tally.covers[own.index]),
            credentials=in_series(str(number) for number in others),
        )
    else:
        overlap = phrase("{held} of its outcomes repeat learning of a credential counted before it", held=len(held))
    if own.ects is not None and counted is not None:
        message = phrase(
            "{credential} overlaps the stack: {overlap}; the same learning counts once, its {ects} ECTS count for "
            "{counted}.",
            credential=own.label,
            overlap=overlap,
            ects=own.ects,
            counted=context.rulebook.round_credits(counted),
        )
    else:
        message = phrase(
            "{credential} overlaps the stack: {overlap}; the same learning counts once, once only.",
            credential=own.label,
            overlap=overlap,
        )
    return finding(OVERLAP, Status.PASS, message, code="counted_once", credential=own.index)


def _coverage(context: RuleContext, owns: Sequence[Own], counted: Sequence[Own], tally: Tally) -> Finding:
    info = replace(COVERAGE, citation=cited.cite(purpose_basis(context), cited.EAR_LEARNING_OUTCOMES, STACK_CITATION))
    purpose = context.case.purpose
    if not counted:
        return finding(
            info,
            Status.FAIL,
            phrase(
                "None of the credentials can count towards the target as it stands; the learning can be assessed in "
                "the institution's recognition of prior learning procedure."
            ),
            code="none_counted",
            allows=ALTERNATIVE_OR_REFUSAL,
            alternative=RPL_ROUTE,
        )
    if not tally.cells:
        if context.case.target is None or purpose is Purpose.EMPLOYMENT:
            return finding(
                info,
                Status.NOT_APPLICABLE,
                plural(
                    "{n} of the {total} credentials count; no target outcomes to cover.",
                    "{n} of the {total} credentials count; no target outcomes to cover.",
                    n=len(counted),
                    total=len(owns),
                ),
                code="no_target_outcomes",
            )
        return finding(
            info,
            Status.UNKNOWN,
            plural(
                "The outcomes were not compared: the target's outcomes are not given. {n} of the {total} credentials "
                "count; overlap between them was judged on their own outcomes. Compare them by hand or add the "
                "target's outcomes to the case.",
                "The outcomes were not compared: the target's outcomes are not given. {n} of the {total} credentials "
                "count; overlap between them was judged on their own outcomes. Compare them by hand or add the "
                "target's outcomes to the case.",
                n=len(counted),
                total=len(owns),
            ),
            field="target.learning_outcomes",
            code="not_compared",
        )
    targets = context.case.target.learning_outcomes or () if context.case.target else ()
    covered = len(tally.counted_by) - tally.counted_by.count(None)
    uncovered = [text for text, by in zip(targets, tally.counted_by, strict=False) if by is None]
    # The same judgement of the share covered as for one credential, on what the counted credentials cover together.
    return coverage_difference(
        context,
        info,
        covered / len(tally.counted_by),
        uncovered,
        what=phrase("the stack"),
        lead=plural(
            "Together, {n} of the {total} credentials count. ",
            "Together, {n} of the {total} credentials count. ",
            n=len(counted),
            total=len(owns),
        ),
    )


def _credits(context: RuleContext, counted: Sequence[Own], tally: Tally) -> Finding | None:
    sought = context.case.credits_sought
    if sought is None or not counted:
        return None
    total = tally.total
    assert total is not None
    info = replace(CREDITS, citation=cited.cite(purpose_basis(context), cited.EAR_CREDITS, cited.ECTS_ACCUMULATION))
    unknown = [own.label for own in counted if own.ects is None]
    given: Value = None
    for own in counted:
        value = tally.counted.get(own.index)
        if value is not None:
            credits = context.rulebook.round_credits(value)
            given = credits if given is None else phrase("{sum} + {credits}", sum=given, credits=credits)
    overlap = any(tally.overlaps.values())
    sentences = [
        phrase(
            "The counted credentials give {total} ECTS towards the {sought} sought ({given}, overlap counted once).",
            total=total,
            sought=sought,
            given=given,
        )
        if overlap
        else phrase(
            "The counted credentials give {total} ECTS towards the {sought} sought ({given}).",
            total=total,
            sought=sought,
            given=given,
        )
    ]
    if tally.capped:
        info = replace(info, citation=cited.cite(info.citation, cited.RULEBOOK_POLICY))
        sentences.append(
            phrase(
                "The office lets stacking give at most {percent}% of the target's credits.",
                percent=round(context.rulebook.stack_max_share * 100),
            )
        )
    if unknown:
        sentences.append(phrase("Not stated for: {credentials}.", credentials=in_series(unknown)))
    message = in_sentences(sentences)
    if total >= sought:
        return finding(info, Status.PASS, message, code="covers_sought")
    remaining = sought - total
    targets = context.case.target.learning_outcomes or () if context.case.target else ()
    uncovered = [text for text, by in zip(targets, tally.counted_by, strict=False) if by is None]
    condition = (
        phrase(
            "a top-up assessment for the remaining {ects} ECTS, covering the target outcomes no counted credential "
            "covers: {outcomes}",
            ects=remaining,
            outcomes=in_list(uncovered),
        )
        if uncovered
        else phrase("a top-up assessment for the remaining {ects} ECTS", ects=remaining)
    )
    return finding(info, Status.FAIL, message, code="short", allows=ALTERNATIVE_PARTIAL_OR_WORSE, condition=condition)
