"""The recommendation's summary: one paragraph, in one voice, saying what the outcome recognises, the
differences found, what is asked for or not waited for, the conditions, and what is left for the evaluator.

Each sentence is a phrase and the paragraph nests them (``recogniser.joining``), so it is shown in the reader's
language; the findings' own sentences sit in it as fields, translated by their rules."""

from __future__ import annotations

from collections.abc import Sequence

from recogniser.i18n import N_, Phrase, phrase
from recogniser.joining import in_list, in_sentences, in_series, joined
from recogniser.model import (
    Alternative,
    Element,
    Finding,
    InformationItem,
    Outcome,
    Purpose,
    RuleSet,
    Status,
    SubstantialDifference,
    Supplier,
)
from recogniser.rules.base import RuleContext
from recogniser.rules.facts import CreditSupport
from recogniser.rules.lisbon.common import refugee_without_documents
from recogniser.rules.triage import Triage, restricts
from recogniser.vocabulary import words

#: What the headline recommends, by outcome.
_VERDICTS = {
    Outcome.FULL_RECOGNITION: N_("full recognition is recommended"),
    Outcome.ALTERNATIVE_RECOGNITION: N_("alternative recognition is recommended"),
    Outcome.PARTIAL_RECOGNITION: N_("partial recognition is recommended"),
    Outcome.CONDITIONAL_RECOGNITION: N_("recognition with conditions is recommended"),
    Outcome.NON_RECOGNITION: N_("non-recognition is recommended"),
    Outcome.INFORMATION_REQUIRED: N_("more information is required before a decision"),
}


def summary(  # noqa: PLR0917 - the parts of one paragraph
    context: RuleContext,
    findings: Sequence[Finding],
    triage: Triage,
    ects: float | None,
    in_other_form: float | None,
    differences: Sequence[SubstantialDifference],
    conditions: Sequence[str],
    items: Sequence[InformationItem],
) -> str:
    case = context.case
    outcome = triage.outcome
    sentences: list[str] = [_headline(context, outcome)]
    if outcome is Outcome.INFORMATION_REQUIRED:
        sentences.append(_asked(items))
        if differences:
            sentences.append(
                phrase(
                    "Substantial differences found so far, whatever the answer: {elements}; they limit the outcome.",
                    elements=_elements(differences),
                )
            )
    else:
        sentences.extend(_what_is_recognised(context, outcome, ects, in_other_form, triage.alternative))
        if differences:
            sentences.append(phrase("Substantial differences in: {elements}.", elements=_elements(differences)))
        else:
            sentences.append(_no_difference_sentence(context, findings))
    if triage.not_needed and not refugee_without_documents(context):
        sentences.append(
            phrase(
                "Missing, but not waited for, since the differences found decide the outcome whatever it shows: "
                "{missing}.",
                missing=in_list(item.text for f in triage.not_needed for item in f.information),
            )
        )
    unweighed = _unweighed(findings) if outcome is not Outcome.INFORMATION_REQUIRED else ()
    if unweighed:
        sentences.append(
            phrase(
                "Checks that failed without being a substantial difference for {purpose}: {checks}",
                purpose=words(case.purpose),
                checks=in_sentences(unweighed),
            )
        )
    if conditions:
        sentences.append(phrase("Conditions: {conditions}.", conditions=in_list(conditions)))
    if refugee_without_documents(context):
        sentences.append(
            phrase(
                "The applicant is a refugee without documents: missing documents alone never justify refusal, and "
                "what the documents would show is established by the assessing body (a background paper stating "
                "the learning as far as it can be established)."
            )
        )
    to_check = _to_check(findings) if outcome is not Outcome.INFORMATION_REQUIRED else ()
    if to_check:
        sentences.append(phrase("For the evaluator to check: {checks}", checks=in_sentences(to_check)))
    return _closed(sentences)


def _closed(sentences: Sequence[str]) -> Phrase:
    """The paragraph: its sentences, then the reminder that the evaluator decides."""
    return phrase("{sentences} The evaluator decides; this is a recommendation.", sentences=in_sentences(sentences))


def with_more(paragraph: str, more: Sequence[str]) -> str:
    """A summary written by :func:`summary` with ``more`` sentences before its closing one."""
    if more and isinstance(paragraph, Phrase) and paragraph.template == _closed(()).template:
        body = paragraph.values["sentences"]
        assert isinstance(body, str)
        return _closed([body, *more])
    return in_sentences([paragraph, *more])


def _headline(context: RuleContext, outcome: Outcome) -> Phrase:
    case = context.case
    credential = case.credential
    body = credential.awarding_body.name if credential.awarding_body and credential.awarding_body.name else None
    what: Phrase
    if case.stacked:
        titles = in_series(
            phrase("'{title}'", title=c.title) if c.title else phrase("untitled") for c in case.credentials
        )
        what = phrase("The {n} credentials stacked ({titles})", n=len(case.credentials), titles=titles)
    else:
        what = phrase("'{title}'", title=credential.title) if credential.title else phrase("The micro-credential")
        if body:
            what = phrase("{credential} ({awarding_body})", credential=what, awarding_body=body)
    return phrase(
        "{what}, for {purpose}: {verdict}.",
        what=what,
        purpose=_purpose(context),
        verdict=Phrase(_VERDICTS[outcome]),
    )


def _purpose(context: RuleContext) -> Phrase:
    """The purpose and the target, as the headline says them."""
    target = context.case.target
    institution = target.institution if target else None
    towards = phrase("'{title}'", title=target.title) if target and target.title else phrase("the target")
    if institution:
        towards = phrase("{target} at {institution}", target=towards, institution=institution)
    purpose = context.case.purpose
    if purpose is Purpose.ADMISSION:
        return phrase("admission to {target}", target=towards)
    if purpose is Purpose.CREDIT_TRANSFER:
        return phrase("credit towards {target}", target=towards)
    if purpose is Purpose.EMPLOYMENT:
        return phrase("employment (a statement for the labour market)")
    if target:
        return phrase("recognition of prior learning towards {target}", target=towards)
    return phrase("recognition of prior learning")


def _asked(items: Sequence[InformationItem]) -> Phrase:
    groups: dict[Supplier, list[str]] = {}
    for item in items:
        groups.setdefault(item.supplier, []).append(item.text)
    parts = [
        phrase("{supplier}: {items}", supplier=supplier, items=in_list(texts)) for supplier, texts in groups.items()
    ]
    needed = joined(parts, lambda so_far, group: phrase("{groups}; and {group}", groups=so_far, group=group))
    return phrase("Before a decision, what could change the outcome is needed — {needed}.", needed=needed)


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
        sentences.append(phrase("Recommended form: {form}.", form=alternative.description))
        if sought is not None:
            if in_other_form is not None:
                sentences.append(
                    phrase(
                        "{ects} ECTS in that form; none of them count towards the {sought} ECTS sought.",
                        ects=in_other_form,
                        sought=sought,
                    )
                )
            else:
                sentences.append(phrase("Nothing is recognised towards the {sought} ECTS sought.", sought=sought))
        return sentences
    if sought is not None and ects is not None:
        if outcome is Outcome.FULL_RECOGNITION:
            sentences.append(phrase("All {sought} ECTS sought.", sought=sought))
        elif outcome is Outcome.CONDITIONAL_RECOGNITION and ects < sought:
            sentences.append(
                phrase(
                    "{ects} of the {sought} ECTS sought, once the conditions are met: the office's cap on RPL "
                    "credit allows no more.",
                    ects=ects,
                    sought=sought,
                )
            )
        elif outcome is Outcome.CONDITIONAL_RECOGNITION:
            sentences.append(phrase("The {sought} ECTS sought, once the conditions are met.", sought=sought))
        elif outcome is Outcome.PARTIAL_RECOGNITION:
            sentences.append(
                phrase("{ects} of the {sought} ECTS sought; the rest is not recognised.", ects=ects, sought=sought)
            )
        elif outcome is Outcome.NON_RECOGNITION:
            sentences.append(phrase("None of the {sought} ECTS sought.", sought=sought))
        sentences.extend(_credits_in_doubt(context, outcome))
    if case.purpose is Purpose.ADMISSION and outcome in (Outcome.FULL_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION):
        sentences.append(_admission(context, outcome))
    if case.purpose is Purpose.EMPLOYMENT and outcome is Outcome.FULL_RECOGNITION:
        level = context.level.eqf_level
        sentences.append(
            phrase("A statement can describe the learning at EQF level {level} and the provider's status.", level=level)
            if level is not None
            else phrase("A statement can describe the learning and the provider's status.")
        )
    return sentences


def _admission(context: RuleContext, outcome: Outcome) -> Phrase:
    """What a credential recognised for admission counts for: never the general entry qualification."""
    covered = context.outcomes.coverage is not None
    if outcome is Outcome.CONDITIONAL_RECOGNITION:
        if covered:
            return phrase(
                "The credential is recognised as meeting the programme's specific requirement (LRC Art. IV.4), once "
                "the conditions are met; the general entry qualification is checked separately and is not "
                "established by it."
            )
        return phrase(
            "The credential is recognised as learning at its level towards admission, once the conditions are met; "
            "the general entry qualification is checked separately and is not established by it."
        )
    if covered:
        return phrase(
            "The credential is recognised as meeting the programme's specific requirement (LRC Art. IV.4); the "
            "general entry qualification is checked separately and is not established by it."
        )
    return phrase(
        "The credential is recognised as learning at its level towards admission; the general entry qualification "
        "is checked separately and is not established by it."
    )


def _no_difference_sentence(context: RuleContext, findings: Sequence[Finding]) -> str:
    """Said only where everything the purpose weighs was judged; otherwise it says what was not."""
    purpose = words(context.case.purpose)
    not_compared = [f for f in findings if f.code == "lisbon.outcomes_difference.not_compared"]
    if not_compared:
        return phrase(
            "Nothing that could be compared shows a substantial difference for {purpose}. {finding}",
            purpose=purpose,
            finding=not_compared[0].message,
        )
    if any(f.rule_set is RuleSet.LISBON and f.status is Status.UNKNOWN for f in findings):
        return phrase(
            "Nothing that could be judged shows a substantial difference for {purpose}; what could not is below.",
            purpose=purpose,
        )
    return phrase("No substantial difference was found for {purpose}.", purpose=purpose)


def _elements(differences: Sequence[SubstantialDifference]) -> str:
    return in_series(words(element) for element in dict.fromkeys(d.element for d in differences))


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
    weighed = {f.element for f in findings if restricts(f)}
    judgements: dict[Element, Finding] = {}
    for f in findings:
        if f.rule_set is RuleSet.LISBON and f.status is Status.PASS:
            judgements.setdefault(f.element, f)
    messages = []
    for f in findings:
        if f.status is not Status.FAIL or f.rule_set is RuleSet.LISBON or f.element in weighed:
            continue
        judgement = judgements.get(f.element)
        messages.append(
            phrase("{finding} Weighed: {judgement}", finding=f.message, judgement=judgement.message)
            if judgement
            else f.message
        )
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
        phrase(
            "The credits are counted from the hours: {hours} hours support about {ects} ECTS, not the {stated} ECTS "
            "stated (ECTS Users' Guide 2015: {least}-{most} hours per credit).",
            hours=workload.hours,
            ects=workload.ects,
            stated=workload.stated_ects,
            least=rulebook.hours_per_ects_min,
            most=rulebook.hours_per_ects_max,
        )
    ]
