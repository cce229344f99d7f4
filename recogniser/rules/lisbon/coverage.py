"""Learning outcomes and profile: the credential's outcomes against the target's, for the purpose; the subject
fields compared as a signal of profile."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from recogniser.i18n import phrase
from recogniser.joining import in_list
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
from recogniser.rules.base import CheckFunction, RuleContext, RuleInfo, finding, rule_by_purpose
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
    grouped,
    no_difference,
    outcomes_covered,
)
from recogniser.rules.matching import TEXT_WORDS_READ, normalise, outcome_score

_FIELD = "target.learning_outcomes"


def _listed(outcomes: Sequence[str]) -> str:
    """The outcomes not covered, one after another; none where a partial match leaves every one part-covered."""
    return in_list(outcomes) if outcomes else ""


_THE_CREDENTIAL = phrase("the credential")


def _outcomes_check(not_given: str | None, *places: str) -> CheckFunction:
    """A purpose's check of the outcomes: stated, compared where they can be, then the share covered judged for
    the purpose. ``not_given`` says why nothing was compared where the target's outcomes are missing; None where
    the purpose weighs no target (employment: the outcomes describe the learning)."""

    def check(context: RuleContext, info: RuleInfo) -> Finding:
        info = for_purpose(context, info, *places)
        facts = context.outcomes
        if not context.case.credential.learning_outcomes:
            return finding(
                info,
                Status.UNKNOWN,
                phrase("No learning outcomes are stated."),
                field="credential.learning_outcomes",
                code="none_stated",
            )
        share = facts.coverage
        if share is not None:
            return coverage_difference(context, info, share, facts.uncovered)
        if context.case.target is None or not_given is None:
            readable = phrase("the outcomes are stated and can be read.")
            return no_difference(context, info, Element.LEARNING_OUTCOMES, readable, code="readable")
        reason = not_given
        if facts.languages is not None:
            reason = phrase(
                "they are in different languages ({languages}). Compare them by hand.",
                languages=facts.languages_text(),
            )
        return finding(
            info,
            Status.UNKNOWN,
            phrase("The outcomes were not compared: {reason}", reason=reason),
            field=_FIELD,
            code="not_compared",
        )

    return check


_for_target = _outcomes_check(
    phrase("the target's outcomes are not given. Compare them by hand or add them to the case."),
    cited.ECTS_RECOGNITION,
    cited.EAR_LEARNING_OUTCOMES,
)

outcomes_difference = rule_by_purpose(
    id="lisbon.outcomes_difference",
    rule_set=RuleSet.LISBON,
    element=Element.LEARNING_OUTCOMES,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.EAR_LEARNING_OUTCOMES),
    explanation="The credential's learning outcomes are judged against the target's, for the purpose.",
    checks={
        # The programme's stated outcomes are its specific requirement (Art. IV.4).
        Purpose.ADMISSION: _outcomes_check(
            phrase("the programme's specific requirement is not given. Compare by hand or add it to the case."),
            cited.EAR_LEARNING_OUTCOMES,
        ),
        Purpose.CREDIT_TRANSFER: _for_target,
        Purpose.EMPLOYMENT: _outcomes_check(None, cited.ECTS_RECOGNITION, cited.EAR_LEARNING_OUTCOMES),
        Purpose.RPL: _for_target,
    },
)


#: How a share of the target's outcomes short of full coverage is judged: ``(context, info, share, shortfall,
#: uncovered, what)``, the shortfall being the sentence that opens the finding.
Shortfall = Callable[[RuleContext, RuleInfo, float, str, Sequence[str], str], Finding]


def coverage_difference(
    context: RuleContext,
    info: RuleInfo,
    share: float,
    uncovered_outcomes: Sequence[str],
    *,
    what: str = _THE_CREDENTIAL,
    lead: str = "",
) -> Finding:
    """The share of the target's outcomes covered, judged for the purpose: by one credential, or by the
    credentials of a stack together (``what`` names it, ``lead`` opens the sentence)."""
    covered = outcomes_covered(share)
    if share >= context.rulebook.coverage_full:
        detail = phrase("{lead}{covered}.", lead=lead, covered=covered)
        return no_difference(context, info, Element.LEARNING_OUTCOMES, detail, field=_FIELD, code="covered")
    if share == 0:
        shortfall = phrase("{lead}None of the target outcomes is covered", lead=lead)
    else:
        shortfall = phrase("{lead}Only {covered}", lead=lead, covered=covered)
    judged = _SHORTFALL[context.case.purpose]
    return judged(context, info, share, shortfall, uncovered_outcomes, what)


def _described(  # noqa: PLR0917 - one signature for every purpose's judgement
    context: RuleContext, info: RuleInfo, share: float, shortfall: str, uncovered: Sequence[str], what: str
) -> Finding:
    """Employment: the outcomes describe the learning; they are not weighed against a target."""
    return finding(
        info,
        Status.WARNING if share < context.rulebook.coverage_conditional else Status.PASS,
        phrase(
            "{shortfall}; for employment the outcomes describe the learning, they are not weighed against a target.",
            shortfall=shortfall,
        ),
        field=_FIELD,
        code="described",
    )


def _requirement_not_met(  # noqa: PLR0917 - one signature for every purpose's judgement
    context: RuleContext, info: RuleInfo, share: float, shortfall: str, uncovered: Sequence[str], what: str
) -> Finding:
    """Admission: the target's outcomes, where given, are the programme's specific requirement (Art. IV.4)."""
    if share >= context.rulebook.coverage_conditional:
        return finding(
            info,
            Status.FAIL,
            phrase(
                "{shortfall}: {what} meets the programme's specific requirement only in part (Art. IV.4).",
                shortfall=shortfall,
                what=what,
            ),
            field=_FIELD,
            code="requirement_partly_met",
            allows=CONDITIONAL_OR_WORSE,
            condition=phrase(
                "an entrance examination or bridging course on the requirement not met: {outcomes}",
                outcomes=_listed(uncovered),
            ),
        )
    return finding(
        info,
        Status.FAIL,
        phrase(
            "{shortfall}: {what} does not meet the programme's specific requirement (Art. IV.4).",
            shortfall=shortfall,
            what=what,
        ),
        field=_FIELD,
        code="requirement_not_met",
        allows=(Outcome.NON_RECOGNITION,),
    )


def _credited(bridging: Callable[[Sequence[str]], str]) -> Shortfall:
    """Credit transfer and RPL: the part covered can count, the rest is assessed (``bridging`` says how)."""

    def judged(  # noqa: PLR0917 - one signature for every purpose's judgement
        context: RuleContext, info: RuleInfo, share: float, shortfall: str, uncovered: Sequence[str], what: str
    ) -> Finding:
        rulebook = context.rulebook
        if share >= rulebook.coverage_partial:
            return finding(
                info,
                Status.FAIL,
                phrase(
                    "{shortfall}: {what} can count for the part of the target it covers.",
                    shortfall=shortfall,
                    what=what,
                ),
                field=_FIELD,
                code="partly_covered",
                allows=PARTIAL_OR_WORSE,
                condition=bridging(uncovered),
            )
        if share >= rulebook.coverage_conditional:
            return finding(
                info,
                Status.FAIL,
                phrase("{shortfall}: too few to credit the target without a bridging assessment.", shortfall=shortfall),
                field=_FIELD,
                code="few_covered",
                allows=CONDITIONAL_OR_WORSE,
                condition=bridging(uncovered),
            )
        return finding(
            info,
            Status.FAIL,
            phrase("{shortfall}: {what} does not correspond to this target.", shortfall=shortfall, what=what),
            field=_FIELD,
            code="not_corresponding",
            allows=ALTERNATIVE_OR_REFUSAL,
            alternative=Alternative(
                AlternativeKind.OTHER_COMPONENT,
                phrase(
                    "credit towards another component of the programme, if one has outcomes the credential matches "
                    "(for the institution to check)"
                ),
            ),
        )

    return judged


_SHORTFALL: Mapping[Purpose, Shortfall] = {
    Purpose.ADMISSION: _requirement_not_met,
    Purpose.CREDIT_TRANSFER: _credited(
        lambda uncovered: phrase(
            "a bridging assessment of the outcomes not covered: {outcomes}", outcomes=_listed(uncovered)
        )
    ),
    Purpose.EMPLOYMENT: _described,
    Purpose.RPL: _credited(
        lambda uncovered: phrase(
            "the institution's RPL assessment of the outcomes not covered: {outcomes}",
            outcomes=_listed(uncovered),
        )
    ),
}


def _profile_check(compared: bool) -> CheckFunction:
    """The profile is compared for the purposes that weigh a target (``compared``); for employment it is
    described."""

    def check(context: RuleContext, info: RuleInfo) -> Finding:
        if context.case.target is None:
            return finding(
                info, Status.NOT_APPLICABLE, phrase("No target is given, so there is no profile to compare with.")
            )
        if not compared:
            return finding(
                info, Status.NOT_APPLICABLE, phrase("For employment the profile is described, not compared.")
            )
        return _profile_compared(context, info)

    return check


def _profile_compared(context: RuleContext, info: RuleInfo) -> Finding:
    target = context.case.target
    assert target is not None
    credential = context.case.credential
    if not target.learning_outcomes or not credential.learning_outcomes or context.outcomes.languages is not None:
        message = (
            phrase("The outcomes are in different languages: compare the subject fields by hand.")
            if context.outcomes.languages is not None
            else phrase(
                "Without the outcomes of both the credential and the target: compare the subject fields by hand."
            )
        )
        return finding(info, Status.UNKNOWN, message, field=_FIELD, code="not_compared")
    target_text = " ".join([target.title or "", *target.learning_outcomes])
    credential_text = " ".join([credential.title or "", *credential.learning_outcomes])
    credential_words, target_words = normalise(credential_text), normalise(target_text)
    similarity = outcome_score(credential_words, target_words)
    # normalise() reads a text up to TEXT_WORDS_READ content words; say so where a side reached that.
    partly = any(len(words.split()) >= TEXT_WORDS_READ for words in (credential_words, target_words))
    read = (
        phrase(
            " (compared on the first {words} words of each side's title and outcomes)", words=grouped(TEXT_WORDS_READ)
        )
        if partly
        else ""
    )
    if similarity < context.rulebook.profile_similarity_warning:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "The credential and the target seem to be in different subject fields (a rough textual signal"
                "{read}): check the profile.",
                read=read,
            ),
            field="target.title",
            code="different_fields",
        )
    return finding(
        info,
        Status.PASS,
        phrase("The credential and the target are in related subject fields{read}.", read=read),
        field="target.title",
    )


_compared = _profile_check(compared=True)

profile_difference = rule_by_purpose(
    id="lisbon.profile_difference",
    rule_set=RuleSet.LISBON,
    element=Element.PROFILE,
    citation=cited.cite(cited.RR_SUBSTANTIAL, cited.EAR_SUBSTANTIAL, cited.ECTS_PROFILE),
    explanation="The subject of the credential and of the target are compared as a signal of profile (never alone "
    "a reason to refuse).",
    checks={
        Purpose.ADMISSION: _compared,
        Purpose.CREDIT_TRANSFER: _compared,
        Purpose.EMPLOYMENT: _profile_check(compared=False),
        Purpose.RPL: _compared,
    },
)
