"""Level: the credential's level against what the purpose needs, and the evidence for a claimed level."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from recogniser.i18n import Phrase, phrase
from recogniser.model import (
    Alternative,
    AlternativeKind,
    Element,
    Finding,
    Outcome,
    Purpose,
    RuleSet,
    Status,
    Supplier,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import CheckFunction, RuleContext, RuleInfo, finding, rule_by_purpose
from recogniser.rules.completeness import is_stated
from recogniser.rules.lisbon.applicability import (
    ADMISSION_BASIS,
    CREDIT_BASIS,
    RPL_BASIS,
    for_purpose,
)
from recogniser.rules.lisbon.common import (
    ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
    ALTERNATIVE_OR_REFUSAL,
    ANY_BUT_FULL,
    CONDITIONAL_OR_WORSE,
    HIGHER_EDUCATION_CREDIT,
    ask_for,
    no_difference,
    rpl_route,
)
from recogniser.rules.qf import LevelEvidence, level_evidence, required_level
from recogniser.vocabulary import words


def _cited(context: RuleContext, info: RuleInfo) -> RuleInfo:
    return for_purpose(context, info, cited.EQF_DESCRIPTORS, cited.EAR_FRAMEWORKS)


def _conflict(context: RuleContext) -> str:
    """Where the stated EQF level and the framework's referencing disagree, the words that say so."""
    facts = context.level
    if facts.framework_level is not None and facts.stated_eqf not in (None, facts.framework_eqf):
        return phrase(
            "the credential states EQF {stated}, while {framework_level} is referenced to EQF {referenced}",
            stated=facts.stated_eqf,
            framework_level=facts.framework_level.label,
            referenced=facts.framework_eqf,
        )
    return ""


def _for_employment(context: RuleContext, info: RuleInfo) -> Finding:
    """For employment the level is stated, not weighed against a target."""
    return _level_stated(context, _cited(context, info), _conflict(context))


#: How a level below what the target needs is judged: ``(context, info, level, needed, what)``.
Below = Callable[[RuleContext, RuleInfo, int, int, str], Finding]


def _against_target(below: Below) -> Callable[[RuleContext, RuleInfo], Finding]:
    """Admission, credit transfer and RPL towards a target: the level against what the target needs, ``below``
    judging a level short of it for the purpose."""

    def check(context: RuleContext, info: RuleInfo) -> Finding:
        info = _cited(context, info)
        facts = context.level
        level = facts.eqf_level
        target = context.case.target
        conflict = _conflict(context)
        if target is None or target.eqf_level is None:
            return finding(
                info,
                Status.UNKNOWN,
                phrase("The target's level is not given, so the level cannot be judged yet."),
                field="target.eqf_level",
            )
        if level is None:
            return _level_unread(context, info)
        needed, what = required_level(context)
        if conflict and facts.stated_eqf is not None and (facts.stated_eqf >= needed) != (level >= needed):
            # The two levels the credential gives lead to different outcomes: the awarding body settles which holds.
            return _in_doubt(context, info, conflict, needed, what)
        if level >= needed:
            return _meets(context, info, level, needed, what, conflict)
        return below(context, info, level, needed, what)

    return check


def _in_doubt(context: RuleContext, info: RuleInfo, conflict: str, needed: int, what: str) -> Finding:
    return finding(
        info,
        Status.UNKNOWN,
        phrase(
            "The level decides the outcome and is in doubt: {conflict}, and only one of them meets {what} "
            "(EQF {needed}). The awarding body is asked which is right.",
            conflict=conflict,
            what=what,
            needed=needed,
        ),
        field="credential.level.eqf_level",
        code="in_doubt",
        information=[
            ask_for(
                context,
                8,
                phrase("level of the credential, confirmed by the awarding body ({conflict})", conflict=conflict),
                Supplier.AWARDING_BODY,
            )
        ],
        if_unfavourable=ANY_BUT_FULL,
    )


def _meets(  # noqa: PLR0917 - the parts of one judgement
    context: RuleContext, info: RuleInfo, level: int, needed: int, what: str, conflict: str
) -> Finding:
    detail = phrase("EQF {level} meets {what} (EQF {needed})", level=level, what=what, needed=needed)
    if conflict:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "No substantial difference in level for {purpose}: {detail}, and would either way, though {conflict}.",
                purpose=words(context.case.purpose),
                detail=detail,
                conflict=conflict,
            ),
            field="credential.level.eqf_level",
            code="meets_in_doubt",
        )
    evidence = level_evidence(context)
    if evidence is not None and evidence.contradicts and evidence.reads_as < needed:
        # The claim meets the target, but the evidence does not bear it out: that finding weighs it.
        return finding(
            info,
            Status.WARNING,
            phrase(
                "As claimed, EQF {level} meets {what} (EQF {needed}); the claim itself is in doubt (see the "
                "evidence on the level).",
                level=level,
                what=what,
                needed=needed,
            ),
            field="credential.level",
            code="meets_as_claimed",
        )
    return no_difference(context, info, Element.LEVEL, phrase("{detail}.", detail=detail), code="meets")


def _level_unread(context: RuleContext, info: RuleInfo) -> Finding:
    """The credential's level is not stated, or stated in a way that cannot be read across to the EQF."""
    if not is_stated(context, "level"):
        return finding(
            info,
            Status.UNKNOWN,
            phrase("The credential's level is not stated, so it cannot be judged against the target."),
            field="credential.level",
            code="not_stated",
        )
    # A level is stated but cannot be read across to the EQF: asked for, not guessed (LRC Art. III.3).
    return finding(
        info,
        Status.UNKNOWN,
        phrase(
            "The level stated cannot be read across to the EQF, so it cannot be judged: the awarding body is asked."
        ),
        field="credential.level",
        code="not_readable",
        information=[
            ask_for(
                context,
                8,
                phrase("level of the credential as an EQF level or a known framework level"),
                Supplier.AWARDING_BODY,
            )
        ],
        if_unfavourable=ANY_BUT_FULL,
    )


def _level_stated(context: RuleContext, info: RuleInfo, conflict: str) -> Finding:
    """Employment (and RPL without a target level): the level is stated, not weighed against a target."""
    level = context.level.eqf_level
    if level is None:
        return finding(
            info,
            Status.WARNING,
            phrase("No level is stated: a statement can describe the learning but not place its level."),
            field="credential.level",
            code="not_stated",
        )
    if conflict:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "The level is in doubt: {conflict}. The statement places it at EQF {level}, the framework's "
                "referencing, unless the awarding body says otherwise.",
                conflict=conflict,
                level=level,
            ),
            field="credential.level.eqf_level",
            code="stated_in_doubt",
        )
    return finding(
        info,
        Status.PASS,
        phrase("The credential is placed at EQF level {level}.", level=level),
        field="credential.level",
        code="placed",
    )


def _below(level: int, what: str, needed: int) -> Phrase:
    return phrase("EQF level {level} is below {what} (EQF {needed}).", level=level, what=what, needed=needed)


def _below_entry(context: RuleContext, info: RuleInfo, level: int, needed: int, what: str) -> Finding:
    """Admission: a programme at the credential's level, or a bridge to the entry level."""
    return finding(
        info,
        Status.FAIL,
        phrase(
            "{below} Admission could be to a programme at the credential's level, or on condition of a bridging "
            "course or entrance examination.",
            below=_below(level, what, needed),
        ),
        field="credential.level",
        code="below_entry",
        allows=ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
        condition=phrase("a bridging course or entrance examination at EQF level {level}", level=needed),
        alternative=Alternative(
            AlternativeKind.PROGRAMME_AT_LEVEL,
            phrase("admission to a programme at the level the credential reaches"),
        ),
    )


def _below_target(assessed_at: Callable[[int], str], too_wide: Callable[[RuleContext, int], Alternative]) -> Below:
    """Credit transfer and RPL: one level below can count once assessed at the target's level (``assessed_at``
    names the assessment) or as elective credit; further below it cannot count (``too_wide`` is what is left)."""

    def judged(context: RuleContext, info: RuleInfo, level: int, needed: int, what: str) -> Finding:
        gap = needed - level
        if gap == 1:
            # A second-cycle programme needs at least 60 ECTS at its own level (QF-EHEA), a first-cycle one may
            # take in short-cycle credits: learning one level below can count as free-elective credit there.
            info = replace(info, citation=cited.cite(info.citation, cited.QF_EHEA))
            return finding(
                info,
                Status.FAIL,
                phrase(
                    "{below} The learning can count at the target level once assessed there, or as free-elective "
                    "credit where the programme takes credits below its level.",
                    below=_below(level, what, needed),
                ),
                field="credential.level",
                code="below_by_one",
                allows=ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
                condition=assessed_at(needed),
                alternative=Alternative(
                    AlternativeKind.ELECTIVE_CREDIT,
                    phrase(
                        "free-elective credit at EQF level {level}, where the programme's rules take credits below "
                        "its level",
                        level=level,
                    ),
                ),
            )
        return finding(
            info,
            Status.FAIL,
            phrase(
                "{below} The gap of {gap} levels is too wide for the credential to count towards the target, even on "
                "a condition.",
                below=_below(level, what, needed),
                gap=gap,
            ),
            field="credential.level",
            code="below_widely",
            allows=ALTERNATIVE_OR_REFUSAL,
            alternative=too_wide(context, level),
        )

    return judged


def _statement(context: RuleContext, level: int) -> Alternative:
    return Alternative(
        AlternativeKind.DESCRIPTIVE_STATEMENT,
        phrase(
            "a statement describing the learning at EQF level {level}, for the learner's record or another programme",
            level=level,
        ),
    )


def _rpl_route(context: RuleContext, level: int) -> Alternative:
    return rpl_route(context)


_below_for_credit = _below_target(
    lambda needed: phrase("an assessment at EQF level {level} of the outcomes the target requires", level=needed),
    _statement,
)
_below_for_rpl = _below_target(
    lambda needed: phrase("the institution's RPL assessment of the learning at EQF level {level}", level=needed),
    _rpl_route,
)
_against_rpl_target = _against_target(_below_for_rpl)


def _for_rpl(context: RuleContext, info: RuleInfo) -> Finding:
    """In RPL the level is weighed against the target's where it is given, and otherwise stated."""
    target = context.case.target
    if target is None or target.eqf_level is None:
        return _level_stated(context, _cited(context, info), _conflict(context))
    return _against_rpl_target(context, info)


level_difference = rule_by_purpose(
    id="lisbon.level_difference",
    rule_set=RuleSet.LISBON,
    element=Element.LEVEL,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.EQF_DESCRIPTORS, cited.EAR_FRAMEWORKS),
    explanation="The credential's level is judged against what the purpose needs.",
    checks={
        Purpose.ADMISSION: _against_target(_below_entry),
        Purpose.CREDIT_TRANSFER: _against_target(_below_for_credit),
        Purpose.EMPLOYMENT: _for_employment,
        Purpose.RPL: _for_rpl,
    },
    rules_out={
        "below_entry": {AlternativeKind.ELECTIVE_CREDIT},
        "below_by_one": {AlternativeKind.OTHER_COMPONENT},
        "below_widely": HIGHER_EDUCATION_CREDIT,
    },
)


def _evidence_check(contradicted: Callable[[RuleContext, RuleInfo, LevelEvidence, int], Finding]) -> CheckFunction:
    """A purpose's check of the evidence beside a claimed level; ``contradicted`` judges evidence that reads
    below it."""

    def check(context: RuleContext, info: RuleInfo) -> Finding:
        evidence = level_evidence(context)
        level = context.level.eqf_level
        if evidence is None or level is None:
            return finding(
                info, Status.NOT_APPLICABLE, phrase("No evidence beside the claimed level to weigh it with.")
            )
        if not evidence.contradicts:
            return finding(
                info,
                Status.PASS,
                phrase(
                    "The evidence does not put the learning below the claimed EQF {level}: {evidence}.",
                    level=level,
                    evidence=evidence.describe(),
                ),
            )
        return contradicted(context, info, evidence, level)

    return check


def _not_for_statement(context: RuleContext, info: RuleInfo, evidence: LevelEvidence, level: int) -> Finding:
    """Employment: the level statement weighs most (docs/method/how-a-case-is-judged.md); a statement does not
    certify a level the evidence contradicts."""
    return finding(
        info,
        Status.FAIL,
        phrase(
            "The claimed EQF {level} is not borne out: {evidence}. A statement cannot certify that level as it stands.",
            level=level,
            evidence=evidence.describe(),
        ),
        field="credential.learning_outcomes",
        code="contradicted_for_statement",
        allows=(Outcome.ALTERNATIVE_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION),
        condition=phrase(
            "verification of the EQF {level} claimed: the awarding body's evidence that the learning was assessed at "
            "that level, or the framework's register",
            level=level,
        ),
        alternative=Alternative(
            AlternativeKind.DESCRIPTIVE_STATEMENT,
            phrase(
                "a statement describing the learning at the level its outcomes support (EQF {low}-{high}), not at "
                "the EQF {level} claimed",
                low=evidence.verbs.low,
                high=evidence.verbs.high,
                level=level,
            ),
        ),
    )


def _not_for_target(context: RuleContext, info: RuleInfo, evidence: LevelEvidence, level: int) -> Finding:
    """Admission, credit transfer and RPL: evidence below the claim weighs where it falls below the target's."""
    target = context.case.target
    if target is None or target.eqf_level is None:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "The evidence reads below the claimed EQF {level}: {evidence}.",
                level=level,
                evidence=evidence.describe(),
            ),
            field="credential.learning_outcomes",
            code="contradicted_no_target",
        )
    needed, what = required_level(context)
    if evidence.reads_as >= needed:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "The evidence reads below the claimed EQF {level} ({evidence}), though not below {what} "
                "(EQF {needed}).",
                level=level,
                evidence=evidence.describe(),
                what=what,
                needed=needed,
            ),
            field="credential.learning_outcomes",
            code="contradicted_not_deciding",
        )
    return finding(
        info,
        Status.FAIL,
        phrase(
            "The claimed EQF {level} is not borne out: {evidence}. The level is verified before the credential "
            "counts at {what} (EQF {needed}).",
            level=level,
            evidence=evidence.describe(),
            what=what,
            needed=needed,
        ),
        field="credential.learning_outcomes",
        code="contradicted",
        allows=CONDITIONAL_OR_WORSE,
        condition=phrase(
            "verification of the level: an assessment of the outcomes at EQF level {level}, or evidence from the "
            "awarding body that the learning was assessed at the level claimed",
            level=needed,
        ),
    )


_against_target_evidence = _evidence_check(_not_for_target)

level_evidence_difference = rule_by_purpose(
    id="lisbon.level_evidence",
    rule_set=RuleSet.LISBON,
    element=Element.LEVEL,
    citation=cited.cite(cited.EQF_DESCRIPTORS, cited.RR_SUBSTANTIAL, cited.EAR_SUBSTANTIAL),
    explanation="A claimed level that the outcomes' action verbs contradict is verified, not taken on trust.",
    checks={
        Purpose.ADMISSION: _against_target_evidence,
        Purpose.CREDIT_TRANSFER: _against_target_evidence,
        Purpose.EMPLOYMENT: _evidence_check(_not_for_statement),
        Purpose.RPL: _against_target_evidence,
    },
    # A level the evidence contradicts cannot be credited in the programme in another form either.
    rules_out={"contradicted": HIGHER_EDUCATION_CREDIT},
)
