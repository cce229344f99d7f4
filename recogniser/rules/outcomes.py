"""Learning-outcome analysis: how the credential's outcomes cover the target's, and whether they are usable."""

from __future__ import annotations

from dataclasses import replace

from recogniser.i18n import phrase, plural
from recogniser.joining import in_list
from recogniser.model import Element, Finding, Purpose, RuleSet, Status
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.matching import OUTCOME_WORDS_READ, outcomes_read_in_part
from recogniser.rules.wording import quoted

OUTCOMES_CITATION = cited.cite(cited.ECTS_RECOGNITION, cited.EAR_LEARNING_OUTCOMES)


@rule(
    id="outcomes.coverage",
    rule_set=RuleSet.OUTCOMES,
    element=Element.LEARNING_OUTCOMES,
    citation=OUTCOMES_CITATION,
    explanation="Each target outcome is matched to the credential outcome that best expresses it.",
)
def coverage(context: RuleContext, info: RuleInfo) -> Finding:
    target = context.case.target
    field = "target.learning_outcomes"
    if target is None or not target.learning_outcomes:
        return finding(
            info,
            Status.NOT_APPLICABLE if target is None else Status.UNKNOWN,
            phrase("No target learning outcomes to compare with.")
            if target is None
            else phrase("No target learning outcomes to compare with. Add the component's outcomes to compare them."),
            field=None if target is None else field,
        )
    if not context.case.credential.learning_outcomes:
        return finding(
            info,
            Status.UNKNOWN,
            phrase("The credential states no learning outcomes."),
            field="credential.learning_outcomes",
        )
    facts = context.outcomes
    if context.case.purpose in (Purpose.ADMISSION, Purpose.EMPLOYMENT):
        # Section 4 of the ECTS Users' Guide is about credit: admission and employment compare outcomes as such.
        info = replace(info, citation=cited.EAR_LEARNING_OUTCOMES)
    if facts.languages is not None:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "The outcomes are in different languages ({languages}): word matching cannot compare them, so "
                "compare them by hand.",
                languages=facts.languages_text(),
            ),
            field=field,
            code="different_languages",
        )
    share = facts.coverage
    assert share is not None
    covered = len(facts.matches) - len(facts.uncovered)
    rulebook = context.rulebook
    message = phrase(
        "{covered} of {total} target outcomes are covered ({percent}%).",
        covered=covered,
        total=len(facts.matches),
        percent=int(f"{share * 100:.0f}"),
    )
    if facts.uncovered:
        message = phrase(
            "{coverage} Not covered: {outcomes}.",
            coverage=message,
            outcomes=in_list([_short(text) for text in facts.uncovered]),
        )
    read_in_part = outcomes_read_in_part([*target.learning_outcomes, *context.case.credential.learning_outcomes])
    if read_in_part:
        message = plural(
            '{coverage} Outcomes were compared on their first {words} words (not counting words such as "the" or '
            '"of"); {n} of them is longer: split each into statements of one outcome.',
            '{coverage} Outcomes were compared on their first {words} words (not counting words such as "the" or '
            '"of"); {n} of them are longer: split each into statements of one outcome.',
            n=read_in_part,
            coverage=message,
            words=OUTCOME_WORDS_READ,
        )
    if share >= rulebook.coverage_full:
        status = Status.PASS
    elif share >= rulebook.coverage_conditional:
        status = Status.WARNING
    else:
        status = Status.FAIL
    return finding(info, status, message, field=field)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@rule(
    id="outcomes.formulation",
    rule_set=RuleSet.OUTCOMES,
    element=Element.LEARNING_OUTCOMES,
    citation=cited.cite(cited.MICRO_ANNEX_I, cited.ECTS_LEARNING_OUTCOMES),
    explanation="Learning outcomes say what the learner can do, in statements an evaluator can compare.",
)
def formulation(context: RuleContext, info: RuleInfo) -> Finding:
    outcomes = context.case.credential.learning_outcomes
    field = "credential.learning_outcomes"
    if not outcomes:
        return finding(info, Status.UNKNOWN, phrase("No learning outcomes are stated."), field=field)
    terse = [text for text in outcomes if len(text.split()) < context.rulebook.outcome_min_words]
    if terse:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "{topics} of {total} outcomes are topics rather than statements of what the learner can do (e.g. "
                "{example}).",
                topics=len(terse),
                total=len(outcomes),
                example=quoted(_short(terse[0], 40)),
            ),
            field=field,
        )
    return finding(
        info,
        Status.PASS,
        phrase("{total} learning outcomes are stated as statements.", total=len(outcomes)),
        field=field,
    )
