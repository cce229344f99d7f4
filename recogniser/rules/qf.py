"""QF-EHEA, EQF, national frameworks and ECTS: the level and size of the credential, as facts.

These rules state what the level and workload are and whether they hang together; whether a difference is
substantial for the purpose is judged by the Lisbon rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from recogniser.i18n import N_, Phrase, from_data, phrase
from recogniser.model import Element, Finding, Purpose, RuleSet, Status
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.facts import hours_per_ects_credible
from recogniser.rules.rulebook import Rulebook
from recogniser.rules.verbs import outcome_tier
from recogniser.rules.wording import alternatives, quoted, tenths

QF_EHEA = cited.QF_EHEA
ECTS_GUIDE = cited.ECTS_KEY_FEATURES

_CYCLE_NAMES = {
    "short_cycle": N_("QF-EHEA short cycle"),
    "first_cycle": N_("QF-EHEA first cycle"),
    "second_cycle": N_("QF-EHEA second cycle"),
    "third_cycle": N_("QF-EHEA third cycle"),
}


@rule(
    id="qf.framework_level",
    rule_set=RuleSet.QF,
    element=Element.LEVEL,
    citation=cited.cite(cited.EQF_REFERENCING, cited.NATIONAL_REFERENCING, cited.QF_EHEA),
    explanation="The national framework level is found in the framework data and read across to EQF and QF-EHEA.",
)
def framework_level(context: RuleContext, info: RuleInfo) -> Finding:
    level = context.case.credential.level
    facts = context.level
    if level is None or not level.framework:
        if facts.stated_eqf is not None:
            message = (
                phrase(
                    "No national framework is named; the stated EQF level {level} is used ({cycle}).",
                    level=facts.stated_eqf,
                    cycle=Phrase(_CYCLE_NAMES[facts.cycle.value]),
                )
                if facts.cycle
                else phrase(
                    "No national framework is named; the stated EQF level {level} is used.", level=facts.stated_eqf
                )
            )
            return finding(info, Status.PASS, message, field="credential.level.framework")
        return finding(info, Status.UNKNOWN, phrase("No framework or EQF level is stated."), field="credential.level")
    if facts.framework is None:
        suggestions = context.frameworks.suggest(level.framework)
        unknown = (
            phrase(
                "The framework {framework} is not in the framework data, so its level cannot be read across to the "
                "EQF. Did you mean {suggestions}?",
                framework=level.framework,
                suggestions=alternatives(suggestions),
            )
            if suggestions
            else phrase(
                "The framework {framework} is not in the framework data, so its level cannot be read across to the "
                "EQF.",
                framework=level.framework,
            )
        )
        return finding(info, Status.WARNING, unknown, field="credential.level.framework")
    framework = facts.framework
    if not level.nqf_level:
        return finding(
            info,
            Status.UNKNOWN,
            phrase("The framework {framework} is named but not the level within it.", framework=framework.id),
            field="credential.level.nqf_level",
        )
    if facts.framework_level is None:
        known = ", ".join(item.id for item in framework.levels)
        return finding(
            info,
            Status.FAIL,
            phrase(
                "{framework} has no level {level} (its levels: {known}).",
                framework=framework.id,
                level=quoted(level.nqf_level),
                known=known,
            ),
            field="credential.level.nqf_level",
        )
    found = facts.framework_level
    if found.eqf_level is None:
        across = phrase("is not referenced to the EQF")
    elif found.cycle:
        across = phrase(
            "corresponds to EQF level {level}, {cycle}",
            level=found.eqf_level,
            cycle=Phrase(_CYCLE_NAMES[found.cycle.value]),
        )
    else:
        across = phrase("corresponds to EQF level {level}", level=found.eqf_level)
    check = framework.check_of(found)
    footing = (
        phrase("Mapping checked in {report}.", report=check.cite())
        if check
        else phrase(
            "Mapping not checked against the referencing report; the table was compiled from: {source}.",
            source=from_data(framework.source, unstopped=True),
        )
    )
    message = phrase(
        "{level} ({framework}) {across}. {footing}",
        level=found.label,
        framework=framework.name,
        across=across,
        footing=footing,
    )
    return finding(info, Status.PASS, message, field="credential.level.nqf_level")


@rule(
    id="qf.eqf_consistency",
    rule_set=RuleSet.QF,
    element=Element.LEVEL,
    citation=cited.cite(cited.EQF_REFERENCING, cited.NATIONAL_REFERENCING),
    explanation="A stated EQF level agrees with the EQF level the national framework level is referenced to.",
)
def eqf_consistency(context: RuleContext, info: RuleInfo) -> Finding:
    facts = context.level
    field = "credential.level.eqf_level"
    if facts.stated_eqf is None or facts.framework_level is None:
        return finding(
            info, Status.NOT_APPLICABLE, phrase("There is no stated EQF level and framework level to compare.")
        )
    if facts.framework_eqf == facts.stated_eqf:
        return finding(
            info,
            Status.PASS,
            phrase("The stated EQF level {level} agrees with the framework.", level=facts.stated_eqf),
        )
    across = (
        phrase("no EQF level")
        if facts.framework_eqf is None
        else phrase("EQF level {level}", level=facts.framework_eqf)
    )
    return finding(
        info,
        Status.WARNING,
        phrase(
            "The credential states EQF level {stated}, but {framework_level} is referenced to {across}; the "
            "framework's referencing is used. Ask the awarding body which is right.",
            stated=facts.stated_eqf,
            framework_level=facts.framework_level.label,
            across=across,
        ),
        field=field,
    )


@rule(
    id="qf.level_against_target",
    rule_set=RuleSet.QF,
    element=Element.LEVEL,
    citation=cited.cite(cited.EQF_DESCRIPTORS, cited.QF_EHEA),
    explanation="The credential's EQF level is compared with the level the target programme or component needs.",
)
def level_against_target(context: RuleContext, info: RuleInfo) -> Finding:
    target = context.case.target
    credential_level = context.level.eqf_level
    purpose = context.case.purpose
    if target is None or target.eqf_level is None:
        return finding(info, Status.NOT_APPLICABLE, phrase("There is no target level to compare with."))
    if credential_level is None:
        return finding(info, Status.UNKNOWN, phrase("The credential's level is not known."), field="credential.level")
    needed, what = required_level(context)
    if credential_level >= needed:
        return finding(
            info,
            Status.PASS,
            phrase("EQF level {level} meets {what} (EQF {needed}).", level=credential_level, what=what, needed=needed),
            field="credential.level",
        )
    below = (
        phrase(
            "EQF level {level} is below {what} (EQF {needed}) by more than one level.",
            level=credential_level,
            what=what,
            needed=needed,
        )
        if needed - credential_level > 1
        else phrase(
            "EQF level {level} is below {what} (EQF {needed}).", level=credential_level, what=what, needed=needed
        )
    )
    return finding(
        info,
        Status.FAIL,
        below,
        field="credential.level" if purpose is not Purpose.ADMISSION else "target.eqf_level",
    )


def required_level(context: RuleContext) -> tuple[int, Phrase]:
    """The EQF level the credential should reach for the purpose, with a phrase naming it."""
    target = context.case.target
    assert target is not None and target.eqf_level is not None
    if context.case.purpose is Purpose.ADMISSION:
        rulebook = context.rulebook
        entry = rulebook.admission_entry_levels.get(
            target.eqf_level, max(1, target.eqf_level - rulebook.admission_entry_level_offset)
        )
        return entry, phrase("the usual entry level of an EQF {level} programme", level=target.eqf_level)
    return target.eqf_level, phrase("the level of the target component")


@rule(
    id="qf.hours_per_ects",
    rule_set=RuleSet.QF,
    element=Element.WORKLOAD,
    citation=ECTS_GUIDE,
    explanation="Stated hours and ECTS credits agree at 25-30 hours per credit, within a tolerant band.",
)
def hours_per_ects(context: RuleContext, info: RuleInfo) -> Finding:
    workload = context.case.credential.workload
    rulebook = context.rulebook
    field = "credential.workload.hours"
    if workload is None or (workload.ects is None and workload.hours is None):
        return finding(info, Status.UNKNOWN, phrase("No workload is stated."), field="credential.workload.ects")
    band = {"band_low": rulebook.hours_per_ects_min, "band_high": rulebook.hours_per_ects_max}
    if workload.ects is None:
        assert workload.hours is not None
        low = tenths(workload.hours / rulebook.hours_per_ects_max)
        high = tenths(workload.hours / rulebook.hours_per_ects_min)
        only_hours = (
            phrase(
                "Only hours are stated ({hours} h), about {low}-{high} ECTS at {band_low}-{band_high} hours per "
                "credit; credits sought within that range are supported. Ask the awarding body for the credits.",
                hours=workload.hours,
                low=low,
                high=high,
                **band,
            )
            if context.case.credits_sought is not None
            else phrase(
                "Only hours are stated ({hours} h), about {low}-{high} ECTS at {band_low}-{band_high} hours per "
                "credit.",
                hours=workload.hours,
                low=low,
                high=high,
                **band,
            )
        )
        return finding(info, Status.WARNING, only_hours, field="credential.workload.ects")
    if workload.hours is None:
        return finding(
            info,
            Status.NOT_APPLICABLE,
            phrase("{ects} ECTS stated without hours; nothing to cross-check.", ects=workload.ects),
            field=field,
        )
    if workload.ects == 0:
        return finding(
            info,
            Status.WARNING,
            phrase("0 ECTS stated beside {hours} hours.", hours=workload.hours),
            field="credential.workload.ects",
        )
    if workload.hours == 0:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "0 hours stated beside {ects} ECTS: the hours look missing; the stated credits are used.",
                ects=workload.ects,
            ),
            field=field,
        )
    ratio = workload.hours / workload.ects
    plain = phrase(
        "{hours} hours for {ects} ECTS is {ratio} hours per credit",
        hours=workload.hours,
        ects=workload.ects,
        ratio=tenths(ratio),
    )
    if rulebook.hours_per_ects_min <= ratio <= rulebook.hours_per_ects_max:
        return finding(info, Status.PASS, phrase("{ratio}, within 25-30.", ratio=plain), field=field)
    if hours_per_ects_credible(workload.hours, workload.ects, rulebook):
        return finding(
            info, Status.PASS, phrase("{ratio}, within the tolerated band around 25-30.", ratio=plain), field=field
        )
    counted = context.workload
    if counted.counted_from_hours and counted.ects is not None:
        judged = phrase(
            "credit is judged on the hours, not on the {ects} ECTS stated: they support {supported} at "
            "{band_low}-{band_high} hours per credit, and credits sought beyond that count as the conservative "
            "{counted} ECTS",
            ects=workload.ects,
            supported=counted.hours_range(),
            counted=counted.ects,
            **band,
        )
    else:
        judged = phrase("credit is judged on the {ects} ECTS stated, the lower of the two figures", ects=workload.ects)
    return finding(
        info,
        Status.WARNING,
        phrase(
            "{ratio}, outside the {band_low}-{band_high} of the ECTS Users' Guide 2015 (tolerated: "
            "{tolerated_low}-{tolerated_high}): the credits or the hours are likely wrong. Until the awarding body "
            "says which, {judged}.",
            ratio=plain,
            tolerated_low=rulebook.hours_per_ects_tolerant_min,
            tolerated_high=rulebook.hours_per_ects_tolerant_max,
            judged=judged,
            **band,
        ),
        field=field,
    )


@rule(
    id="qf.size",
    rule_set=RuleSet.QF,
    element=Element.WORKLOAD,
    citation=cited.cite(cited.ECTS_KEY_FEATURES, cited.RULEBOOK_POLICY),
    explanation="The workload is of the size of a micro-credential: a small volume of learning, under 60 ECTS.",
)
def size(context: RuleContext, info: RuleInfo) -> Finding:
    workload = context.workload
    rulebook = context.rulebook
    if workload.ects is None:
        return finding(info, Status.UNKNOWN, phrase("The size cannot be judged without a workload."))
    field = "credential.workload.hours" if workload.estimated else "credential.workload.ects"
    shown = workload.describe()
    if workload.ects >= rulebook.micro_credential_max_ects:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "{workload} is a full year's workload or more: larger than a micro-credential; consider assessing "
                "it as a qualification.",
                workload=shown,
            ),
            field=field,
        )
    if workload.ects < rulebook.micro_credential_min_ects:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "{workload} is smaller than micro-credential schemes usually are (from about 1 ECTS).", workload=shown
            ),
            field=field,
        )
    return finding(
        info, Status.PASS, phrase("{workload} is within the size of a micro-credential.", workload=shown), field=field
    )


# The EQF levels each Bloom tier most plausibly signals (a rough reading, never a verdict).
_TIER_LEVELS = {1: (1, 4), 2: (2, 5), 3: (3, 6), 4: (5, 7), 5: (5, 8), 6: (6, 8)}


@dataclass(frozen=True)
class VerbSignal:
    """The EQF range the outcomes' verbs read as (the upper half of the outcomes carries the level)."""

    low: int
    high: int


def verb_signal(outcomes: tuple[str, ...] | None, rulebook: Rulebook) -> VerbSignal | None:
    """What the outcomes' action verbs say of the level, or None where too few outcomes have a known verb."""
    outcomes = outcomes or ()
    tiers = sorted(tier for tier in (outcome_tier(text) for text in outcomes) if tier is not None)
    if not tiers or len(tiers) < rulebook.verb_signal_min_share * len(outcomes):
        return None
    # The upper half of the outcomes carries the level: a course also has simpler outcomes on the way.
    low, high = _TIER_LEVELS[tiers[len(tiers) // 2]]
    return VerbSignal(low, high)


@dataclass(frozen=True)
class LevelEvidence:
    """What the credential's own evidence says of its claimed level: the outcomes' verbs, corroborated or not by
    credits stated well above what the hours support."""

    claimed: int
    verbs: VerbSignal
    inflated_credits: bool
    #: The level the evidence reads as at most.
    reads_as: int
    #: The evidence reads more than the rulebook's gap below the claimed level.
    contradicts: bool

    def describe(self) -> Phrase:
        if self.inflated_credits:
            return phrase(
                "the outcomes' action verbs read as EQF {low}-{high}, and the credits stated are more than the hours "
                "support",
                low=self.verbs.low,
                high=self.verbs.high,
            )
        return phrase("the outcomes' action verbs read as EQF {low}-{high}", low=self.verbs.low, high=self.verbs.high)


def level_evidence(context: RuleContext) -> LevelEvidence | None:
    """The evidence beside a claimed level, where the credential states a level and its outcomes can be read."""
    level = context.level.eqf_level
    outcomes = context.case.credential.learning_outcomes or ()
    signal = verb_signal(outcomes, context.rulebook)
    read = sum(1 for text in outcomes if outcome_tier(text) is not None)
    if level is None or signal is None or read < context.rulebook.level_evidence_min_outcomes:
        return None
    gap = context.rulebook.level_evidence_gap
    return LevelEvidence(
        claimed=level,
        verbs=signal,
        inflated_credits=context.workload.counted_from_hours,
        reads_as=signal.high,
        contradicts=level - signal.high > gap,
    )


@rule(
    id="qf.outcome_verbs",
    rule_set=RuleSet.QF,
    element=Element.LEVEL,
    citation=cited.cite(cited.EQF_DESCRIPTORS, cited.BLOOM),
    explanation="The verbs of the learning outcomes roughly corroborate the stated level (a warning at most).",
)
def outcome_verbs(context: RuleContext, info: RuleInfo) -> Finding:
    outcomes = context.case.credential.learning_outcomes or ()
    level = context.level.eqf_level
    if not outcomes or level is None:
        return finding(info, Status.NOT_APPLICABLE, phrase("No outcomes and level to compare."))
    signal = verb_signal(outcomes, context.rulebook)
    if signal is None:
        # A rough signal that has nothing to read says nothing about the level: it must not cloud a level the
        # framework establishes (an element shows its worst finding).
        return finding(
            info,
            Status.NOT_APPLICABLE,
            phrase(
                "Too few outcomes use an action verb the tables know to read a level from them; the verb signal "
                "does not apply."
            ),
            field="credential.learning_outcomes",
        )
    low, high = signal.low, signal.high
    gap = context.rulebook.verb_level_gap_warning
    if level > high + gap - 1 or level < low - gap + 1:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "The outcomes' verbs read as EQF {low}-{high}, while the level judged is EQF {level}. Outcome verbs "
                "are a rough signal: check the outcomes against the level descriptors; the same outcomes may sit at "
                "different levels in different programmes.",
                low=low,
                high=high,
                level=level,
            ),
            field="credential.learning_outcomes",
        )
    return finding(
        info,
        Status.PASS,
        phrase(
            "The outcomes' verbs are consistent with EQF level {level} (they read as EQF {low}-{high}).",
            level=level,
            low=low,
            high=high,
        ),
        field="credential.learning_outcomes",
    )
