"""Level: the credential's level against what the purpose needs, and the evidence for a claimed level."""

from __future__ import annotations

from dataclasses import replace

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
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule, rule_by_purpose
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
from recogniser.rules.qf import level_evidence, required_level
from recogniser.vocabulary import PURPOSE_WORDS


def _cited(context: RuleContext, info: RuleInfo) -> RuleInfo:
    return for_purpose(context, info, cited.EQF_DESCRIPTORS, cited.EAR_FRAMEWORKS)


def _conflict(context: RuleContext) -> str:
    """Where the stated EQF level and the framework's referencing disagree, the words that say so."""
    facts = context.level
    if facts.framework_level is not None and facts.stated_eqf not in (None, facts.framework_eqf):
        return (
            f"the credential states EQF {facts.stated_eqf}, while {facts.framework_level.label} is referenced to "
            f"EQF {facts.framework_eqf}"
        )
    return ""


def _for_employment(context: RuleContext, info: RuleInfo) -> Finding:
    """For employment the level is stated, not weighed against a target."""
    return _level_stated(context, _cited(context, info), _conflict(context))


def _for_rpl(context: RuleContext, info: RuleInfo) -> Finding:
    """In RPL the level is weighed against the target's where it is given, and otherwise stated."""
    target = context.case.target
    if target is None or target.eqf_level is None:
        return _level_stated(context, _cited(context, info), _conflict(context))
    return _against_target(context, info)


def _against_target(context: RuleContext, info: RuleInfo) -> Finding:
    """Admission, credit transfer and RPL towards a target: the level against what the target needs."""
    info = _cited(context, info)
    purpose = context.case.purpose
    facts = context.level
    level = facts.eqf_level
    target = context.case.target
    conflict = _conflict(context)
    if target is None or target.eqf_level is None:
        return finding(
            info,
            Status.UNKNOWN,
            "The target's level is not given, so the level cannot be judged yet.",
            field="target.eqf_level",
        )
    if level is None:
        return _level_unread(context, info)
    needed, what = required_level(context)
    if conflict and facts.stated_eqf is not None and (facts.stated_eqf >= needed) != (level >= needed):
        # The two levels the credential gives lead to different outcomes: the awarding body settles which holds.
        return finding(
            info,
            Status.UNKNOWN,
            f"The level decides the outcome and is in doubt: {conflict}, and only one of them meets {what} "
            f"(EQF {needed}). The awarding body is asked which is right.",
            field="credential.level.eqf_level",
            code="in_doubt",
            information=[
                ask_for(
                    context,
                    8,
                    f"level of the credential, confirmed by the awarding body ({conflict})",
                    Supplier.AWARDING_BODY,
                )
            ],
            if_unfavourable=ANY_BUT_FULL,
        )
    if level >= needed:
        detail = f"EQF {level} meets {what} (EQF {needed})"
        if conflict:
            return finding(
                info,
                Status.WARNING,
                f"No substantial difference in level for {PURPOSE_WORDS[purpose]}: {detail}, and would either way, "
                f"though {conflict}.",
                field="credential.level.eqf_level",
                code="meets_in_doubt",
            )
        evidence = level_evidence(context)
        if evidence is not None and evidence.contradicts and evidence.reads_as < needed:
            # The claim meets the target, but the evidence does not bear it out: that finding weighs it.
            return finding(
                info,
                Status.WARNING,
                f"As claimed, EQF {level} meets {what} (EQF {needed}); the claim itself is in doubt (see the "
                "evidence on the level).",
                field="credential.level",
                code="meets_as_claimed",
            )
        return no_difference(context, info, "level", f"{detail}.", code="meets")
    return _level_below(context, info, level, needed, what)


def _level_unread(context: RuleContext, info: RuleInfo) -> Finding:
    """The credential's level is not stated, or stated in a way that cannot be read across to the EQF."""
    if not is_stated(context, "level"):
        return finding(
            info,
            Status.UNKNOWN,
            "The credential's level is not stated, so it cannot be judged against the target.",
            field="credential.level",
            code="not_stated",
        )
    # A level is stated but cannot be read across to the EQF: asked for, not guessed (LRC Art. III.3).
    return finding(
        info,
        Status.UNKNOWN,
        "The level stated cannot be read across to the EQF, so it cannot be judged: the awarding body is asked.",
        field="credential.level",
        code="not_readable",
        information=[
            ask_for(
                context,
                8,
                "level of the credential as an EQF level or a known framework level",
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
            "No level is stated: a statement can describe the learning but not place its level.",
            field="credential.level",
            code="not_stated",
        )
    if conflict:
        return finding(
            info,
            Status.WARNING,
            f"The level is in doubt: {conflict}. The statement places it at EQF {level}, the framework's "
            "referencing, unless the awarding body says otherwise.",
            field="credential.level.eqf_level",
            code="stated_in_doubt",
        )
    return finding(
        info, Status.PASS, f"The credential is placed at EQF level {level}.", field="credential.level", code="placed"
    )


def _level_below(context: RuleContext, info: RuleInfo, level: int, needed: int, what: str) -> Finding:
    purpose = context.case.purpose
    target = context.case.target
    assert target is not None and target.eqf_level is not None
    gap = needed - level
    message = f"EQF level {level} is below {what} (EQF {needed})."
    if purpose is Purpose.ADMISSION:
        return finding(
            info,
            Status.FAIL,
            message + " Admission could be to a programme at the credential's level, or on condition of a "
            "bridging course or entrance examination.",
            field="credential.level",
            code="below_entry",
            allows=ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
            condition=f"a bridging course or entrance examination at EQF level {needed}",
            alternative=Alternative(
                AlternativeKind.PROGRAMME_AT_LEVEL, "admission to a programme at the level the credential reaches"
            ),
        )
    if gap == 1:
        # A second-cycle programme needs at least 60 ECTS at its own level (QF-EHEA), a first-cycle one may take
        # in short-cycle credits: learning one level below can count as free-elective credit there.
        info = replace(info, citation=cited.cite(info.citation, cited.QF_EHEA))
        condition = f"an assessment at EQF level {needed} of the outcomes the target requires"
        if purpose is Purpose.RPL:
            condition = f"the institution's RPL assessment of the learning at EQF level {needed}"
        return finding(
            info,
            Status.FAIL,
            message + " The learning can count at the target level once assessed there, or as free-elective "
            "credit where the programme takes credits below its level.",
            field="credential.level",
            code="below_by_one",
            allows=ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
            condition=condition,
            alternative=Alternative(
                AlternativeKind.ELECTIVE_CREDIT,
                f"free-elective credit at EQF level {level}, where the programme's rules take credits below its level",
            ),
        )
    statement = Alternative(
        AlternativeKind.DESCRIPTIVE_STATEMENT,
        f"a statement describing the learning at EQF level {level}, for the learner's record or another programme",
    )
    if purpose is Purpose.RPL:
        statement = rpl_route(context)
    return finding(
        info,
        Status.FAIL,
        message + f" The gap of {gap} levels is too wide for the credential to count towards the target, even on a "
        "condition.",
        field="credential.level",
        code="below_widely",
        allows=ALTERNATIVE_OR_REFUSAL,
        alternative=statement,
    )


level_difference = rule_by_purpose(
    id="lisbon.level_difference",
    rule_set=RuleSet.LISBON,
    element=Element.LEVEL,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.EQF_DESCRIPTORS, cited.EAR_FRAMEWORKS),
    explanation="The credential's level is judged against what the purpose needs.",
    checks={
        Purpose.ADMISSION: _against_target,
        Purpose.CREDIT_TRANSFER: _against_target,
        Purpose.EMPLOYMENT: _for_employment,
        Purpose.RPL: _for_rpl,
    },
    rules_out={
        "below_entry": {AlternativeKind.ELECTIVE_CREDIT},
        "below_by_one": {AlternativeKind.OTHER_COMPONENT},
        "below_widely": HIGHER_EDUCATION_CREDIT,
    },
)


@rule(
    id="lisbon.level_evidence",
    rule_set=RuleSet.LISBON,
    element=Element.LEVEL,
    citation=cited.cite(cited.EQF_DESCRIPTORS, cited.RR_SUBSTANTIAL, cited.EAR_SUBSTANTIAL),
    explanation="A claimed level that the outcomes' action verbs contradict is verified, not taken on trust.",
    # A level the evidence contradicts cannot be credited in the programme in another form either.
    rules_out={"contradicted": HIGHER_EDUCATION_CREDIT},
)
def level_evidence_difference(context: RuleContext, info: RuleInfo) -> Finding:
    evidence = level_evidence(context)
    target = context.case.target
    level = context.level.eqf_level
    if evidence is None or level is None:
        return finding(info, Status.NOT_APPLICABLE, "No evidence beside the claimed level to weigh it with.")
    if not evidence.contradicts:
        return finding(
            info,
            Status.PASS,
            f"The evidence does not put the learning below the claimed EQF {level}: {evidence.describe()}.",
        )
    if context.case.purpose is Purpose.EMPLOYMENT:
        # For employment the level statement weighs most (docs/method/how-a-case-is-judged.md): a statement does
        # not certify a level the evidence contradicts.
        return finding(
            info,
            Status.FAIL,
            f"The claimed EQF {level} is not borne out: {evidence.describe()}. A statement cannot certify that "
            "level as it stands.",
            field="credential.learning_outcomes",
            code="contradicted_for_statement",
            allows=(Outcome.ALTERNATIVE_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION),
            condition=f"verification of the EQF {level} claimed: the awarding body's evidence that the learning was "
            "assessed at that level, or the framework's register",
            alternative=Alternative(
                AlternativeKind.DESCRIPTIVE_STATEMENT,
                f"a statement describing the learning at the level its outcomes support (EQF {evidence.verbs.low}-"
                f"{evidence.verbs.high}), not at the EQF {level} claimed",
            ),
        )
    if target is None or target.eqf_level is None:
        return finding(
            info,
            Status.WARNING,
            f"The evidence reads below the claimed EQF {level}: {evidence.describe()}.",
            field="credential.learning_outcomes",
            code="contradicted_no_target",
        )
    needed, what = required_level(context)
    if evidence.reads_as >= needed:
        return finding(
            info,
            Status.WARNING,
            f"The evidence reads below the claimed EQF {level} ({evidence.describe()}), though not below {what} "
            f"(EQF {needed}).",
            field="credential.learning_outcomes",
            code="contradicted_not_deciding",
        )
    return finding(
        info,
        Status.FAIL,
        f"The claimed EQF {level} is not borne out: {evidence.describe()}. The level is verified before the "
        f"credential counts at {what} (EQF {needed}).",
        field="credential.learning_outcomes",
        code="contradicted",
        allows=CONDITIONAL_OR_WORSE,
        condition=f"verification of the level: an assessment of the outcomes at EQF level {needed}, or evidence "
        "from the awarding body that the learning was assessed at the level claimed",
    )
