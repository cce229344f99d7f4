"""The Lisbon Recognition Convention: information, substantial differences for the purpose, refugees.

The QF, ESG and outcome rules establish the facts; these rules judge, element by element (the EAR manual's
level, workload, quality, profile, learning outcomes, plus assessment and identity), whether a difference is
*substantial* for the purpose — one so significant that it would most likely prevent the applicant from
succeeding in the intended activity (Revised Recommendation on Criteria and Procedures, 2010) — and which
outcomes remain open: ``allows`` lists them, and the recommendation takes the least restrictive one that every
finding allows, in the EAR order. Purpose decides what weighs (domain.md §6).
"""

from __future__ import annotations

from dataclasses import replace

from recogniser.model import AssessmentType, Element, Finding, Outcome, Participation, Purpose, RuleSet, Status
from recogniser.rules.base import CASE_RULES, RuleContext, RuleInfo, finding
from recogniser.rules.completeness import is_decisive, is_stated, missing_mandatory
from recogniser.rules.esg import ESG_SCOPE, VET_QUALITY, VET_QUALITY_CHECK
from recogniser.rules.facts import CreditSupport, QAGrade
from recogniser.rules.matching import TEXT_WORDS_READ, normalise, outcome_score
from recogniser.rules.qf import ECTS_GUIDE, required_level

REVISED_RECOMMENDATION = "Revised Recommendation on Criteria and Procedures (2010)"
PURPOSE_BASIS = {
    # Section IV is access to higher education, from the qualifications that give it (first cycle and short cycle).
    Purpose.ADMISSION: f"LRC Art. IV.1 (access to higher education); {REVISED_RECOMMENDATION}",
    Purpose.CREDIT_TRANSFER: f"LRC Section V (Art. V.1, periods of study); {REVISED_RECOMMENDATION}",
    # Art. VI.3(b) is the use of an academic title; the labour market is the article's closing sentence.
    Purpose.EMPLOYMENT: f"LRC Art. VI.1 and VI.3 (recognition may facilitate access to the labour market); "
    f"{REVISED_RECOMMENDATION}",
    Purpose.RPL: "Council Recommendation 2012/C 398/01 (validation of non-formal and informal learning); "
    "Council Recommendation 2022/C 243/02, Annex II (recognition)",
}
#: Admission to a second- or third-cycle programme is the use of a higher education qualification for access to
#: further higher education studies (Section VI), not access to higher education (Section IV).
FURTHER_STUDY_BASIS = (
    f"LRC Art. VI.1 and VI.3(a) (access to further higher education studies); {REVISED_RECOMMENDATION}"
)
#: From EQF 7 (second cycle) a programme admits holders of higher education qualifications.
FURTHER_STUDY_EQF = 7

PURPOSE_WORDS = {
    Purpose.ADMISSION: "admission",
    Purpose.CREDIT_TRANSFER: "credit transfer",
    Purpose.EMPLOYMENT: "employment",
    Purpose.RPL: "recognition of prior learning",
}

#: The alternative that sends the learner's learning through the institution's own RPL procedure.
RPL_ROUTE = "assessment of the learning through the institution's recognition of prior learning (RPL) procedure"

_ALTERNATIVE_OR_REFUSAL = (Outcome.ALTERNATIVE_RECOGNITION, Outcome.NON_RECOGNITION)
_PARTIAL_OR_WORSE = (Outcome.PARTIAL_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION, Outcome.NON_RECOGNITION)
_ALTERNATIVE_PARTIAL_OR_WORSE = (Outcome.ALTERNATIVE_RECOGNITION, *_PARTIAL_OR_WORSE)
_CONDITIONAL_OR_REFUSAL = (Outcome.CONDITIONAL_RECOGNITION, Outcome.NON_RECOGNITION)
_ALTERNATIVE_CONDITIONAL_OR_REFUSAL = (
    Outcome.ALTERNATIVE_RECOGNITION,
    Outcome.CONDITIONAL_RECOGNITION,
    Outcome.NON_RECOGNITION,
)


#: Declared citation of the rules judged per purpose; each finding cites the basis for the case's purpose.
ALL_PURPOSE_BASES = "LRC Sections IV-VI; " + REVISED_RECOMMENDATION + "; Council Recommendation 2012/C 398/01"


def further_study(context: RuleContext) -> bool:
    """Admission to a second- or third-cycle programme."""
    target = context.case.target
    return (
        context.case.purpose is Purpose.ADMISSION
        and target is not None
        and target.eqf_level is not None
        and target.eqf_level >= FURTHER_STUDY_EQF
    )


def purpose_basis(context: RuleContext) -> str:
    """The legal basis of the case's purpose; for admission, the one of the target programme's cycle."""
    return FURTHER_STUDY_BASIS if further_study(context) else PURPOSE_BASIS[context.case.purpose]


def _for_purpose(context: RuleContext, info: RuleInfo) -> RuleInfo:
    return replace(info, citation=purpose_basis(context))


def _no_difference(context: RuleContext, info: RuleInfo, what: str, detail: str, field: str | None = None) -> Finding:
    purpose = PURPOSE_WORDS[context.case.purpose]
    return finding(info, Status.PASS, f"No substantial difference in {what} for {purpose}: {detail}", field=field)


def refugee_without_documents(context: RuleContext) -> bool:
    applicant = context.case.applicant
    return applicant.refugee and applicant.documents_missing


def ask_for(context: RuleContext, number: int, what: str) -> str:
    """An item the applicant is asked to supply, by its Annex I element; a refugee without documents may
    establish it by any reliable means instead (LRC Art. VII)."""
    if refugee_without_documents(context):
        return f"evidence of the {what}, by any reliable means"
    return f"Annex I element {number}: {what}"


# --- information (Art. III.3) ---


@CASE_RULES.rule(
    id="lisbon.information",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation="LRC Art. III.3 (adequate information; the burden of showing a substantial difference on the body)",
    explanation="The applicant has supplied what the purpose cannot be decided without.",
)
def information(context: RuleContext, info: RuleInfo) -> Finding:
    missing = [element for element in missing_mandatory(context) if is_decisive(context, element)]
    purpose = PURPOSE_WORDS[context.case.purpose]
    if not missing:
        return finding(info, Status.PASS, f"The file holds what a decision on {purpose} needs.")
    first_field = missing[0].field
    items = [ask_for(context, element.number, element.name) for element in missing]
    if refugee_without_documents(context):
        return finding(
            info,
            Status.WARNING,
            "Elements needed for the decision are not documented: "
            + ", ".join(element.name for element in missing)
            + ". The applicant is a refugee without documents: establish them with other evidence (Art. VII), "
            "not by asking for the missing documents.",
            field=first_field,
            information=items,
        )
    return finding(
        info,
        Status.FAIL,
        f"A decision on {purpose} needs information the file does not hold: "
        + "; ".join(element.name for element in missing)
        + ". The applicant is asked to supply it; the four months for a decision run from a complete file "
        f"({REVISED_RECOMMENDATION}).",
        field=first_field,
        information=items,
    )


# --- the elements ---


@CASE_RULES.rule(
    id="lisbon.level_difference",
    rule_set=RuleSet.LISBON,
    element=Element.LEVEL,
    citation=ALL_PURPOSE_BASES,
    explanation="The credential's level is judged against what the purpose needs.",
)
def level_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = _for_purpose(context, info)
    purpose = context.case.purpose
    facts = context.level
    level = facts.eqf_level
    target = context.case.target
    conflict = ""
    if facts.framework_level is not None and facts.stated_eqf not in (None, facts.framework_eqf):
        conflict = (
            f"the credential states EQF {facts.stated_eqf}, while {facts.framework_level.label} is referenced to "
            f"EQF {facts.framework_eqf}"
        )
    if purpose in (Purpose.EMPLOYMENT, Purpose.RPL):
        if level is None:
            status = Status.WARNING if purpose is Purpose.EMPLOYMENT else Status.NOT_APPLICABLE
            return finding(
                info,
                status,
                "No level is stated: a statement can describe the learning but not place its level.",
                field="credential.level",
            )
        if conflict:
            return finding(
                info,
                Status.WARNING,
                f"The level is in doubt: {conflict}. The statement places it at EQF {level}, the framework's "
                "referencing, unless the awarding body says otherwise.",
                field="credential.level.eqf_level",
            )
        return _no_difference(context, info, "level", f"the credential is placed at EQF level {level}.")
    if target is None or target.eqf_level is None:
        return finding(info, Status.UNKNOWN, "The level cannot be judged yet.", field="credential.level")
    if level is None:
        if not is_stated(context, "level"):
            return finding(info, Status.UNKNOWN, "The level cannot be judged yet.", field="credential.level")
        # A level is stated but cannot be read across to the EQF: asked for, not guessed (LRC Art. III.3).
        return finding(
            info,
            Status.UNKNOWN,
            "The level stated cannot be read across to the EQF, so it cannot be judged: the awarding body is asked.",
            field="credential.level",
            information=[ask_for(context, 8, "level of the credential as an EQF level or a known framework level")],
        )
    needed, what = required_level(context)
    if conflict and facts.stated_eqf is not None and (facts.stated_eqf >= needed) != (level >= needed):
        # The two levels the credential gives lead to different outcomes: the awarding body settles which holds.
        return finding(
            info,
            Status.UNKNOWN,
            f"The level decides the outcome and is in doubt: {conflict}, and only one of them meets {what} "
            f"(EQF {needed}). The awarding body is asked which is right.",
            field="credential.level.eqf_level",
            information=[ask_for(context, 8, f"level of the credential, confirmed by the awarding body ({conflict})")],
        )
    if level >= needed and conflict:
        return finding(
            info,
            Status.WARNING,
            f"No substantial difference in level for {PURPOSE_WORDS[purpose]}: EQF {level} meets {what} (EQF "
            f"{needed}), and would either way, though {conflict}.",
            field="credential.level.eqf_level",
        )
    if level >= needed:
        return _no_difference(context, info, "level", f"EQF {level} meets {what} (EQF {needed}).")
    gap = needed - level
    message = f"EQF level {level} is below {what} (EQF {needed})."
    condition = f"an assessment at EQF level {needed} of the outcomes the target requires"
    if purpose is Purpose.ADMISSION:
        return finding(
            info,
            Status.FAIL,
            message + " Admission could be to a programme at the credential's level, or on condition of a "
            "bridging course or entrance examination.",
            field="credential.level",
            allows=_ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
            condition=f"a bridging course or entrance examination at EQF level {needed}",
            alternative="admission to a programme at the level the credential reaches",
        )
    alternative = "credit at the credential's level, e.g. as an elective or towards a lower-level component"
    if gap == 1:
        return finding(
            info,
            Status.FAIL,
            message + " The learning can count at its own level, or at the target level once assessed there.",
            field="credential.level",
            allows=_ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
            condition=condition,
            alternative=alternative,
        )
    return finding(
        info,
        Status.FAIL,
        message + " The gap is too wide to bridge by a condition; the learning can count only at its own level.",
        field="credential.level",
        allows=_ALTERNATIVE_OR_REFUSAL,
        alternative=alternative,
    )


@CASE_RULES.rule(
    id="lisbon.entry_qualification",
    rule_set=RuleSet.LISBON,
    # What the procedure checks beside the credential, not the credential's own level.
    element=Element.PROCEDURE,
    citation=f"{PURPOSE_BASIS[Purpose.ADMISSION]}; {FURTHER_STUDY_BASIS}; LRC Art. IV.4 (specific requirements)",
    explanation="For admission, a micro-credential is weighed beside the qualification that gives access to the "
    "programme; it does not stand in for it.",
)
def entry_qualification(context: RuleContext, info: RuleInfo) -> Finding:
    target = context.case.target
    if context.case.purpose is not Purpose.ADMISSION or target is None or target.eqf_level is None:
        return finding(info, Status.NOT_APPLICABLE, "The purpose is not admission to a programme at a known level.")
    level = target.eqf_level
    if further_study(context):
        degree = "first-cycle (bachelor's)" if level == FURTHER_STUDY_EQF else "second-cycle (master's)"
        needed = f"a {degree} degree, the qualification giving access to further higher education studies"
    else:
        needed = "a qualification giving access to higher education (normally the upper secondary school leaving one)"
    # A small volume of learning (Council Recommendation 2022/C 243/02) is not a completed qualification: its
    # level says what the learning reaches, not that the programme's general entry requirement is met.
    return finding(
        info,
        Status.UNKNOWN,
        f"A micro-credential does not by itself establish the general entry qualification of a programme at EQF "
        f"{level}: that is {needed}, which the evaluator checks separately. The micro-credential counts for what "
        "it shows, such as a specific admission requirement of the programme (Art. IV.4).",
        citation=f"{purpose_basis(context)}; LRC Art. IV.4 (specific requirements)",
        field="target.eqf_level",
    )


@CASE_RULES.rule(
    id="lisbon.workload_difference",
    rule_set=RuleSet.LISBON,
    element=Element.WORKLOAD,
    citation=ALL_PURPOSE_BASES,
    explanation="For credit, the credential's workload is judged against the credits sought.",
)
def workload_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = _for_purpose(context, info)
    target = context.case.target
    workload = context.workload
    sought = target.ects if target else None
    if context.case.purpose is not Purpose.CREDIT_TRANSFER or sought is None:
        return finding(
            info,
            Status.NOT_APPLICABLE,
            f"No credits are sought; the workload is reported, not weighed: {workload.describe()}.",
        )
    if workload.ects is None:
        return finding(
            info,
            Status.UNKNOWN,
            "The workload cannot be judged yet.",
            field="credential.workload.ects",
        )
    if workload.ects == 0:
        return finding(
            info,
            Status.FAIL,
            "The credential carries no credits or hours: there is no credit-bearing workload to transfer.",
            field="credential.workload.ects",
            allows=_ALTERNATIVE_OR_REFUSAL,
            alternative=RPL_ROUTE,
        )
    shown = workload.describe()
    rulebook = context.rulebook
    band = f"{rulebook.hours_per_ects_min:g}-{rulebook.hours_per_ects_max:g} hours per credit"
    support = workload.support_for(sought)
    if workload.hours_supported is not None and workload.hours is not None:
        # The credits rest on the hours (ECTS Users' Guide 2015): say what the hours support.
        info = replace(info, citation=f"{info.citation}; {ECTS_GUIDE}")
        supported = f"{workload.hours:g} hours support {workload.hours_range()} at {band}"
        if workload.stated_ects is not None:
            supported = (
                f"the {workload.stated_ects:g} ECTS stated are not credible beside {workload.hours:g} hours "
                f"({workload.hours / workload.stated_ects:.1f} hours per credit); the {supported}"
            )
        if support is CreditSupport.SUPPORTED:
            return _no_difference(
                context,
                info,
                "workload",
                f"{supported[0].upper()}{supported[1:]}, which covers the {sought:g} ECTS sought.",
            )
        if support is CreditSupport.UNCERTAIN:
            # Only a figure beyond the guide's band would support the credits: the awarding body, not a cut,
            # settles it (LRC Art. III.3, the burden of showing a difference is on the assessing body).
            return finding(
                info,
                Status.UNKNOWN,
                f"Whether the workload supports the {sought:g} ECTS sought is uncertain: {supported}, and only at "
                f"{workload.hours / sought:.1f} hours per credit would they support {sought:g} ECTS. The awarding "
                "body is asked to confirm the credits rather than the credits being cut.",
                field="credential.workload.ects",
                information=[
                    ask_for(
                        context,
                        7,
                        f"credits (ECTS) the awarding body gives for the {workload.hours:g} hours of workload stated",
                    )
                ],
            )
        doubt = f" {supported[0].upper()}{supported[1:]}, so the conservative {workload.ects:g} ECTS are counted."
    else:
        doubt = ""
        if support is CreditSupport.SUPPORTED:
            return _no_difference(context, info, "workload", f"{shown} covers the {sought:g} ECTS sought.")
    remaining = sought - workload.ects
    return finding(
        info,
        Status.FAIL,
        f"{shown} is less than the {sought:g} ECTS sought: the credential can count for part of the component." + doubt,
        field="credential.workload.ects",
        # Alternative recognition (credit in another form, e.g. an elective) is not held back by a shortfall
        # against this component; it opens only where another finding names such a form.
        allows=_ALTERNATIVE_PARTIAL_OR_WORSE,
        condition=f"a top-up assessment for the remaining {remaining:g} ECTS",
    )


@CASE_RULES.rule(
    id="lisbon.quality_difference",
    rule_set=RuleSet.LISBON,
    element=Element.QUALITY,
    citation=ALL_PURPOSE_BASES,
    explanation="The quality evidence is judged against what the purpose needs; the status of the provider first.",
)
def quality_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = _for_purpose(context, info)
    purpose = context.case.purpose
    quality = context.quality
    field = "credential.quality_assurance"
    detail = f"quality evidence is {quality.grade.value} ({quality.reason})."
    if purpose is Purpose.RPL or quality.grade in (QAGrade.STRONG, QAGrade.SUBSTANTIAL):
        return _no_difference(context, info, "quality", detail, field=field)
    # What the file does not show is asked for, never counted as a difference (LRC Art. III.3; Art. VII).
    if not is_stated(context, "quality_assurance"):
        return finding(
            info,
            Status.UNKNOWN,
            "The type of quality assurance is not stated: "
            + (
                "it is established with other evidence (Art. VII), "
                if refugee_without_documents(context)
                else "it is asked for, "
            )
            + "not counted as a substantial difference.",
            field=field,
        )
    if quality.to_verify is not None:
        return finding(
            info,
            Status.UNKNOWN,
            f"The {detail[0].lower()}{detail[1:]} That is not shown to be a substantial difference until the "
            f"awarding body's status is checked (EAR manual: the status of the institution first): {quality.to_verify} "
            "is asked for.",
            field=field,
            information=[ask_for(context, 11, quality.to_verify)],
        )
    vet = quality.vet_quality_to_check
    if vet:
        info = replace(info, citation=f"{info.citation}; {ESG_SCOPE}; {VET_QUALITY}")
    if purpose is Purpose.EMPLOYMENT and vet:
        # A statement for the labour market does not bring the learning into higher education: the ESG, and
        # the RPL route that stands in for them there, do not decide it.
        return finding(
            info,
            Status.UNKNOWN,
            VET_QUALITY_CHECK,
            field=field,
        )
    if purpose is Purpose.EMPLOYMENT:
        return finding(
            info,
            Status.FAIL,
            f"The {detail[0].lower()}{detail[1:]} A statement can describe the learning, noting that the provider "
            "is outside recognised quality assurance, but cannot vouch for it as recognised provision.",
            field=field,
            allows=(Outcome.ALTERNATIVE_RECOGNITION,),
            alternative="a statement describing the learning, without recognising it as quality-assured provision",
        )
    if vet:
        # Into higher education, learning from outside ESG-aligned QA goes through RPL (MICROBOL, 2022): a
        # different route, not a verdict on the VET provider's own quality assurance.
        message = (
            "The awarding body is a VET provider: its quality assurance belongs to its own VET system (for example "
            "EQAVET), which the ESG do not cover, so it is not judged here. Higher education relies on ESG-aligned "
            "quality assurance, so for "
            + (
                "admission, learning from outside higher education is weighed in an individual admission assessment."
                if purpose is Purpose.ADMISSION
                else "credit, learning from outside higher education is recognised through RPL."
            )
        )
    elif purpose is Purpose.ADMISSION:
        message = (
            f"The {detail[0].lower()}{detail[1:]} Without ESG-aligned quality assurance the credential cannot be "
            "trusted as it stands for admission; the learning can be weighed in an individual admission assessment."
        )
    else:
        message = (
            f"The {detail[0].lower()}{detail[1:]} Without ESG-aligned quality assurance the credential cannot be "
            "trusted as it stands for credit; the learning can be recognised through RPL."
        )
    if purpose is Purpose.ADMISSION:
        return finding(
            info,
            Status.FAIL,
            message,
            field=field,
            allows=_ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
            condition="an entrance examination or interview covering the credential's outcomes",
            alternative=RPL_ROUTE,
        )
    return finding(
        info,
        Status.FAIL,
        message,
        field=field,
        allows=_ALTERNATIVE_OR_REFUSAL,
        alternative=RPL_ROUTE,
    )


@CASE_RULES.rule(
    id="lisbon.assessment_difference",
    rule_set=RuleSet.LISBON,
    element=Element.ASSESSMENT,
    citation=ALL_PURPOSE_BASES,
    explanation="The assessment, and for credit the learner's identity at assessment, are what the purpose needs.",
)
def assessment_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = _for_purpose(context, info)
    purpose = context.case.purpose
    credential = context.case.credential
    assessment = credential.assessment
    kind = assessment.type if assessment else None
    if kind is None or assessment is None:
        return finding(info, Status.UNKNOWN, "The assessment is not stated.", field="credential.assessment.type")
    if kind in (AssessmentType.ATTENDANCE_ONLY, AssessmentType.NONE):
        message = "The learning was not assessed; a record of participation does not show learning outcomes achieved."
        if purpose is Purpose.RPL:
            return finding(
                info,
                Status.WARNING,
                message + " The RPL procedure itself will have to assess them.",
                field="credential.assessment.type",
            )
        if purpose is Purpose.EMPLOYMENT:
            return finding(
                info,
                Status.FAIL,
                message,
                field="credential.assessment.type",
                allows=(Outcome.ALTERNATIVE_RECOGNITION,),
                alternative="a statement of participation, without recognising learning outcomes",
            )
        return finding(
            info,
            Status.FAIL,
            message,
            field="credential.assessment.type",
            allows=_ALTERNATIVE_OR_REFUSAL
            if purpose is Purpose.CREDIT_TRANSFER
            else _ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
            condition="an assessment of the outcomes the target requires",
            alternative=RPL_ROUTE,
        )
    onsite = credential.participation is Participation.ONSITE
    unverified = assessment.identity_verified is False or (
        assessment.supervised is False and assessment.identity_verified is not True
    )
    if purpose is not Purpose.CREDIT_TRANSFER:
        if unverified and not onsite:
            return finding(
                info,
                Status.WARNING,
                "The assessment was not supervised or the learner's identity was not verified; for "
                f"{PURPOSE_WORDS[purpose]} this weighs less than for credit.",
                element=Element.IDENTITY,
                field="credential.assessment.identity_verified",
            )
        return _no_difference(context, info, "assessment", f"learning assessed by {kind.value.replace('_', ' ')}.")
    if onsite and assessment.identity_verified is not False:
        return _no_difference(
            context, info, "assessment", f"{kind.value.replace('_', ' ')} on site, where the learner is identified."
        )
    if unverified:
        return finding(
            info,
            Status.FAIL,
            "For credit the assessment must be attributable to the learner, but it was not supervised or the "
            "learner's identity was not verified.",
            element=Element.IDENTITY,
            field="credential.assessment.identity_verified",
            allows=_CONDITIONAL_OR_REFUSAL,
            condition="an identity-verified assessment (e.g. a supervised or oral examination) of the outcomes",
        )
    if assessment.identity_verified is None:
        # For credit the assessment must be the learner's own (domain.md §6): not stating it is asked about,
        # like every other missing need (LRC Art. III.3), rather than passed over or held against the applicant.
        return finding(
            info,
            Status.UNKNOWN,
            "Whether the learner's identity was verified at assessment is not stated (Annex I element 13); for "
            "credit it weighs, so the awarding body is asked.",
            element=Element.IDENTITY,
            field="credential.assessment.identity_verified",
            information=[ask_for(context, 13, "supervision and identity verification during assessment")],
        )
    return _no_difference(context, info, "assessment", "assessed, with the learner's identity verified.")


@CASE_RULES.rule(
    id="lisbon.outcomes_difference",
    rule_set=RuleSet.LISBON,
    element=Element.LEARNING_OUTCOMES,
    citation=ALL_PURPOSE_BASES,
    explanation="The credential's learning outcomes are judged against the target's, for the purpose.",
)
def outcomes_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = _for_purpose(context, info)
    purpose = context.case.purpose
    facts = context.outcomes
    field = "target.learning_outcomes"
    if not context.case.credential.learning_outcomes:
        return finding(
            info,
            Status.UNKNOWN,
            "No learning outcomes are stated.",
            field="credential.learning_outcomes",
        )
    share = facts.coverage
    if share is None:
        if purpose is Purpose.CREDIT_TRANSFER:
            return finding(
                info,
                Status.UNKNOWN,
                "The target component's outcomes are not given, so the outcomes cannot be compared: compare them "
                "by hand or add them to the case.",
                field=field,
            )
        return _no_difference(context, info, "learning outcomes", "the outcomes are stated and can be read.")
    rulebook = context.rulebook
    covered = f"{share:.0%} of the target outcomes are covered"
    shortfall = "None of the target outcomes is covered" if share == 0 else f"Only {covered}"
    if share >= rulebook.coverage_full:
        return _no_difference(context, info, "learning outcomes", f"{covered}.", field=field)
    uncovered = "; ".join(facts.uncovered)
    if purpose is not Purpose.CREDIT_TRANSFER:
        return finding(
            info,
            Status.WARNING if share < rulebook.coverage_conditional else Status.PASS,
            f"{shortfall}; for {PURPOSE_WORDS[purpose]} the outcomes are read broadly, not one by one.",
            field=field,
        )
    if share >= rulebook.coverage_partial:
        return finding(
            info,
            Status.FAIL,
            f"{shortfall}: the credential can count for the part of the component it covers.",
            field=field,
            allows=_PARTIAL_OR_WORSE,
            condition=f"a bridging assessment of the outcomes not covered: {uncovered}",
        )
    if share >= rulebook.coverage_conditional:
        return finding(
            info,
            Status.FAIL,
            f"{shortfall}: too few to credit the component without a bridging assessment.",
            field=field,
            allows=_CONDITIONAL_OR_REFUSAL,
            condition=f"a bridging assessment of the outcomes not covered: {uncovered}",
        )
    return finding(
        info,
        Status.FAIL,
        f"{shortfall}: the credential does not correspond to this component.",
        field=field,
        allows=_ALTERNATIVE_OR_REFUSAL,
        alternative="credit as an elective or towards another component whose outcomes it matches",
    )


@CASE_RULES.rule(
    id="lisbon.profile_difference",
    rule_set=RuleSet.LISBON,
    element=Element.PROFILE,
    citation=f"EAR manual (profile); {REVISED_RECOMMENDATION}",
    explanation="The subject of the credential and of the target are compared as a signal of profile (never alone "
    "a reason to refuse).",
)
def profile_difference(context: RuleContext, info: RuleInfo) -> Finding:
    target = context.case.target
    credential = context.case.credential
    if target is None or context.case.purpose not in (Purpose.ADMISSION, Purpose.CREDIT_TRANSFER):
        return finding(info, Status.NOT_APPLICABLE, "There is no target programme to compare the profile with.")
    if not target.learning_outcomes or not credential.learning_outcomes:
        return finding(
            info,
            Status.UNKNOWN,
            "Without the outcomes of both the credential and the target, compare the subject fields by hand.",
            field="target.learning_outcomes",
        )
    target_text = " ".join([target.title or "", *target.learning_outcomes])
    credential_text = " ".join([credential.title or "", *credential.learning_outcomes])
    credential_words, target_words = normalise(credential_text), normalise(target_text)
    similarity = outcome_score(credential_words, target_words)
    # normalise() reads a text up to TEXT_WORDS_READ content words; say so where a side reached that.
    partly = any(len(words.split()) >= TEXT_WORDS_READ for words in (credential_words, target_words))
    read = f" (compared on the first {TEXT_WORDS_READ:,} words of each side's title and outcomes)" if partly else ""
    if similarity < context.rulebook.profile_similarity_warning:
        return finding(
            info,
            Status.WARNING,
            "The credential and the target seem to be in different subject fields (a rough textual signal"
            f"{read}): check the profile.",
            citation=info.citation,
            field="target.title",
        )
    return finding(
        info, Status.PASS, f"The credential and the target are in related subject fields{read}.", field="target.title"
    )


# --- refugees (Art. VII) ---


@CASE_RULES.rule(
    id="lisbon.refugee",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation="LRC Art. VII; European Qualifications Passport for Refugees (Council of Europe)",
    explanation="Refugees whose documents are missing get a fair procedure on other evidence; missing documents "
    "alone never justify refusal.",
)
def refugee(context: RuleContext, info: RuleInfo) -> Finding:
    applicant = context.case.applicant
    if not applicant.refugee:
        return finding(info, Status.NOT_APPLICABLE, "The applicant is not identified as a refugee.")
    if not applicant.documents_missing:
        return finding(info, Status.PASS, "The applicant is a refugee; the documents are available.")
    return finding(
        info,
        Status.WARNING,
        "The applicant is a refugee whose documents are missing: missing documents alone never justify refusal. "
        "Verify the declared learning with other evidence, such as the European Qualifications Passport for "
        "Refugees or a structured interview.",
        field="applicant.documents_missing",
        condition="verification of the declared learning through an alternative procedure (e.g. the European "
        "Qualifications Passport for Refugees or a structured interview)",
    )
