"""QF-EHEA, EQF, national frameworks and ECTS: the level and size of the credential, as facts.

These rules state what the level and workload are and whether they hang together; whether a difference is
substantial for the purpose is judged by the Lisbon rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from recogniser.model import Element, Finding, Purpose, RuleSet, Status
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.facts import hours_per_ects_credible
from recogniser.rules.rulebook import Rulebook
from recogniser.rules.verbs import outcome_tier

QF_EHEA = cited.QF_EHEA
ECTS_GUIDE = cited.ECTS_KEY_FEATURES

_CYCLE_NAMES = {
    "short_cycle": "QF-EHEA short cycle",
    "first_cycle": "QF-EHEA first cycle",
    "second_cycle": "QF-EHEA second cycle",
    "third_cycle": "QF-EHEA third cycle",
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
            return finding(
                info,
                Status.PASS,
                f"No national framework is named; the stated EQF level {facts.stated_eqf} is used"
                + (f" ({_CYCLE_NAMES[facts.cycle.value]})." if facts.cycle else "."),
                field="credential.level.framework",
            )
        return finding(info, Status.UNKNOWN, "No framework or EQF level is stated.", field="credential.level")
    if facts.framework is None:
        suggestions = context.frameworks.suggest(level.framework)
        hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
        return finding(
            info,
            Status.WARNING,
            f"The framework {level.framework} is not in the framework data, so its level cannot be read across "
            f"to the EQF.{hint}",
            field="credential.level.framework",
        )
    framework = facts.framework
    if not level.nqf_level:
        return finding(
            info,
            Status.UNKNOWN,
            f"The framework {framework.id} is named but not the level within it.",
            field="credential.level.nqf_level",
        )
    if facts.framework_level is None:
        known = ", ".join(item.id for item in framework.levels)
        return finding(
            info,
            Status.FAIL,
            f"{framework.id} has no level {level.nqf_level!r} (its levels: {known}).",
            field="credential.level.nqf_level",
        )
    found = facts.framework_level
    if found.eqf_level is None:
        across = "is not referenced to the EQF"
    else:
        across = f"corresponds to EQF level {found.eqf_level}"
        if found.cycle:
            across += f", {_CYCLE_NAMES[found.cycle.value]}"
    check = framework.check_of(found)
    footing = (
        f"Mapping checked in {check.cite()}."
        if check
        else f"Mapping not checked against the referencing report; the table was compiled from: "
        f"{framework.source.rstrip('.')}."
    )
    message = f"{found.label} ({framework.name}) {across}. {footing}"
    status = Status.PASS
    return finding(info, status, message, field="credential.level.nqf_level")


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
        return finding(info, Status.NOT_APPLICABLE, "There is no stated EQF level and framework level to compare.")
    if facts.framework_eqf == facts.stated_eqf:
        return finding(info, Status.PASS, f"The stated EQF level {facts.stated_eqf} agrees with the framework.")
    across = "no EQF level" if facts.framework_eqf is None else f"EQF level {facts.framework_eqf}"
    return finding(
        info,
        Status.WARNING,
        f"The credential states EQF level {facts.stated_eqf}, but {facts.framework_level.label} is referenced to "
        f"{across}; the framework's referencing is used. Ask the awarding body which is right.",
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
        return finding(info, Status.NOT_APPLICABLE, "There is no target level to compare with.")
    if credential_level is None:
        return finding(info, Status.UNKNOWN, "The credential's level is not known.", field="credential.level")
    needed, what = required_level(context)
    if credential_level >= needed:
        return finding(
            info,
            Status.PASS,
            f"EQF level {credential_level} meets {what} (EQF {needed}).",
            field="credential.level",
        )
    return finding(
        info,
        Status.FAIL,
        f"EQF level {credential_level} is below {what} (EQF {needed})"
        + (" by more than one level." if needed - credential_level > 1 else "."),
        field="credential.level" if purpose is not Purpose.ADMISSION else "target.eqf_level",
    )


def required_level(context: RuleContext) -> tuple[int, str]:
    """The EQF level the credential should reach for the purpose, with a phrase naming it."""
    target = context.case.target
    assert target is not None and target.eqf_level is not None
    if context.case.purpose is Purpose.ADMISSION:
        rulebook = context.rulebook
        entry = rulebook.admission_entry_levels.get(
            target.eqf_level, max(1, target.eqf_level - rulebook.admission_entry_level_offset)
        )
        return entry, f"the usual entry level of an EQF {target.eqf_level} programme"
    return target.eqf_level, "the level of the target component"


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
        return finding(info, Status.UNKNOWN, "No workload is stated.", field="credential.workload.ects")
    if workload.ects is None:
        assert workload.hours is not None
        low = workload.hours / rulebook.hours_per_ects_max
        high = workload.hours / rulebook.hours_per_ects_min
        return finding(
            info,
            Status.WARNING,
            f"Only hours are stated ({workload.hours:g} h), about {low:.1f}-{high:.1f} ECTS at "
            f"{rulebook.hours_per_ects_min:g}-{rulebook.hours_per_ects_max:g} hours per credit"
            + (
                "; credits sought within that range are supported. Ask the awarding body for the credits."
                if context.case.credits_sought is not None
                else "."
            ),
            field="credential.workload.ects",
        )
    if workload.hours is None:
        return finding(
            info,
            Status.NOT_APPLICABLE,
            f"{workload.ects:g} ECTS stated without hours; nothing to cross-check.",
            field=field,
        )
    if workload.ects == 0:
        return finding(
            info, Status.WARNING, f"0 ECTS stated beside {workload.hours:g} hours.", field="credential.workload.ects"
        )
    if workload.hours == 0:
        return finding(
            info,
            Status.WARNING,
            f"0 hours stated beside {workload.ects:g} ECTS: the hours look missing; the stated credits are used.",
            field=field,
        )
    ratio = workload.hours / workload.ects
    plain = f"{workload.hours:g} hours for {workload.ects:g} ECTS is {ratio:.1f} hours per credit"
    if rulebook.hours_per_ects_min <= ratio <= rulebook.hours_per_ects_max:
        return finding(info, Status.PASS, f"{plain}, within 25-30.", field=field)
    if hours_per_ects_credible(workload.hours, workload.ects, rulebook):
        return finding(info, Status.PASS, f"{plain}, within the tolerated band around 25-30.", field=field)
    outside = (
        f"{plain}, outside the {rulebook.hours_per_ects_min:g}-{rulebook.hours_per_ects_max:g} of the ECTS Users' "
        f"Guide 2015 (tolerated: "
        f"{rulebook.hours_per_ects_tolerant_min:g}-{rulebook.hours_per_ects_tolerant_max:g})"
    )
    counted = context.workload
    if counted.counted_from_hours and counted.ects is not None:
        judged = (
            f"credit is judged on the hours, not on the {workload.ects:g} ECTS stated: they support "
            f"{counted.hours_range()} at {rulebook.hours_per_ects_min:g}-{rulebook.hours_per_ects_max:g} hours per "
            f"credit, and credits sought beyond that count as the conservative {counted.ects:g} ECTS"
        )
    else:
        judged = f"credit is judged on the {workload.ects:g} ECTS stated, the lower of the two figures"
    return finding(
        info,
        Status.WARNING,
        f"{outside}: the credits or the hours are likely wrong. Until the awarding body says which, {judged}.",
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
        return finding(info, Status.UNKNOWN, "The size cannot be judged without a workload.")
    field = "credential.workload.hours" if workload.estimated else "credential.workload.ects"
    shown = workload.describe()
    if workload.ects >= rulebook.micro_credential_max_ects:
        return finding(
            info,
            Status.WARNING,
            f"{shown} is a full year's workload or more: larger than a micro-credential; consider assessing it "
            "as a qualification.",
            field=field,
        )
    if workload.ects < rulebook.micro_credential_min_ects:
        return finding(
            info,
            Status.WARNING,
            f"{shown} is smaller than micro-credential schemes usually are (from about 1 ECTS).",
            field=field,
        )
    return finding(info, Status.PASS, f"{shown} is within the size of a micro-credential.", field=field)


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

    def describe(self) -> str:
        text = f"the outcomes' action verbs read as EQF {self.verbs.low}-{self.verbs.high}"
        if self.inflated_credits:
            text += ", and the credits stated are more than the hours support"
        return text


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
        return finding(info, Status.NOT_APPLICABLE, "No outcomes and level to compare.")
    signal = verb_signal(outcomes, context.rulebook)
    if signal is None:
        # A rough signal that has nothing to read says nothing about the level: it must not cloud a level the
        # framework establishes (an element shows its worst finding).
        return finding(
            info,
            Status.NOT_APPLICABLE,
            "Too few outcomes use an action verb the tables know to read a level from them; the verb signal "
            "does not apply.",
            field="credential.learning_outcomes",
        )
    low, high = signal.low, signal.high
    gap = context.rulebook.verb_level_gap_warning
    if level > high + gap - 1 or level < low - gap + 1:
        return finding(
            info,
            Status.WARNING,
            f"The outcomes' verbs read as EQF {low}-{high}, while the level judged is EQF {level}. Outcome verbs are a "
            "rough signal: check the outcomes against the level descriptors; the same outcomes may sit at "
            "different levels in different programmes.",
            field="credential.learning_outcomes",
        )
    return finding(
        info,
        Status.PASS,
        f"The outcomes' verbs are consistent with EQF level {level} (they read as EQF {low}-{high}).",
        field="credential.learning_outcomes",
    )
