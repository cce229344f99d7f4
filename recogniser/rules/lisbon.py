"""Substantial differences for the purpose: each element judged on the purpose's own terms.

The QF, ESG and outcome rules establish the facts; these rules judge, element by element (the EAR manual's
level, workload, quality, profile, learning outcomes, plus assessment and identity), whether a difference is
*substantial* for the purpose — one so significant that it would most likely prevent the applicant from
succeeding in the intended activity (Revised Recommendation 2010) — and which outcomes remain open: ``allows``
lists them, ``alternative`` names the form of alternative recognition a finding proposes (typed), and
``rules_out`` (see :data:`RULES_OUT`) which forms it makes impossible. The recommendation step reads only these
typed fields and the findings' codes, never their sentences.

What each purpose weighs (domain.md §6):

- **admission**: the credential's level against the programme's entry level; the programme's specific
  requirement (its learning outcomes, LRC Art. IV.4) where the case states it; the provider's quality. The
  general entry qualification is a separate check the evaluator makes; a non-formal credential is assessed as
  the institution assesses similar domestic ones (Art. IV.8).
- **credit transfer**: the outcomes against the component, the credits, assessment and identity, the level, the
  quality (LRC Section V; ECTS Users' Guide, section 4).
- **employment**: a statement of what the learning is: its level, clear outcomes, the provider's status.
- **recognition of prior learning**: the credential is documentation in the institution's own validation
  procedure (Council Recommendation 2012/C 398/01): level against the target, assessment and identity, quality
  evidence and outcome coverage all weigh; attendance alone earns no credits; credits come on condition of the
  institution's assessment unless the evidence is strong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from recogniser.model import (
    Alternative,
    AlternativeKind,
    AssessmentType,
    Element,
    Finding,
    InformationItem,
    Outcome,
    Participation,
    ProviderKind,
    Purpose,
    RuleSet,
    Status,
    Supplier,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import CASE_RULES, RuleContext, RuleInfo, finding
from recogniser.rules.completeness import is_decisive, is_stated, missing_mandatory
from recogniser.rules.esg import VET_QUALITY_CHECK
from recogniser.rules.facts import CreditSupport, QAGrade
from recogniser.rules.matching import TEXT_WORDS_READ, normalise, outcome_score
from recogniser.rules.qf import level_evidence, required_level
from recogniser.rules.words import PURPOSE_WORDS

# --- the legal basis of each purpose ---

#: Admission on a micro-credential: it counts towards a programme's specific requirement (Art. IV.4); a non-formal
#: one is assessed as the institution assesses similar domestic learning (Art. IV.8, added where it applies).
ADMISSION_BASIS = cited.cite(cited.LRC_IV_4, cited.RR_PURPOSE)
#: The general entry qualification, checked beside the micro-credential: for a first-cycle programme the access
#: qualification (Art. IV.1); for a second- or third-cycle one a higher education qualification, whose use for
#: access to further studies is Art. VI.3(a).
ENTRY_BASIS = cited.cite(cited.LRC_IV_1, cited.RR_PURPOSE)
FURTHER_STUDY_BASIS = cited.cite(cited.LRC_VI_1, cited.LRC_VI_3A, cited.RR_PURPOSE)
#: A higher education micro-credential is a period of study (Art. I) recognised towards a programme (Art. V.1).
CREDIT_BASIS = cited.cite(cited.LRC_I, cited.LRC_V_1, cited.ECTS_RECOGNITION, cited.RR_PERIODS)
#: Learning from outside higher education enters it through RPL (MICROBOL; ECTS Users' Guide 5.2).
CREDIT_NON_HE_BASIS = cited.cite(cited.MICROBOL, cited.VALIDATION, cited.ECTS_RPL)
#: Employment on a higher education credential: an assessment as advice for general employment purposes (Art.
#: VI.4(a)); recognition may facilitate access to the labour market (Art. VI.3, closing sentence).
EMPLOYMENT_HE_BASIS = cited.cite(cited.LRC_VI_4A, cited.LRC_VI_3, cited.RR_PURPOSE)
#: The LRC covers higher education; a VET or corporate credential presented for employment is placed by its level
#: (EQF) and described as assessed learning (domain.md §3, scope).
EMPLOYMENT_OTHER_BASIS = cited.cite(cited.EQF_DESCRIPTORS, cited.MICRO_DEFINITION, cited.MICRO_ANNEX_II)
RPL_BASIS = cited.cite(cited.VALIDATION, cited.ECTS_RPL)

#: From EQF 7 (second cycle) a programme admits holders of higher education qualifications.
FURTHER_STUDY_EQF = 7

_ALTERNATIVE_OR_REFUSAL = (Outcome.ALTERNATIVE_RECOGNITION, Outcome.NON_RECOGNITION)
_PARTIAL_OR_WORSE = (Outcome.PARTIAL_RECOGNITION, Outcome.CONDITIONAL_RECOGNITION, Outcome.NON_RECOGNITION)
_ALTERNATIVE_PARTIAL_OR_WORSE = (Outcome.ALTERNATIVE_RECOGNITION, *_PARTIAL_OR_WORSE)
_CONDITIONAL_OR_WORSE = (Outcome.CONDITIONAL_RECOGNITION, Outcome.NON_RECOGNITION)
_ALTERNATIVE_CONDITIONAL_OR_REFUSAL = (Outcome.ALTERNATIVE_RECOGNITION, *_CONDITIONAL_OR_WORSE)
_ANY_BUT_FULL = (Outcome.ALTERNATIVE_RECOGNITION, *_PARTIAL_OR_WORSE)

#: Forms of alternative recognition that recognise credit in higher education, which learning without
#: ESG-aligned quality evidence or without an assessment cannot have.
_HIGHER_EDUCATION_CREDIT = frozenset(
    {AlternativeKind.ELECTIVE_CREDIT, AlternativeKind.OTHER_COMPONENT, AlternativeKind.PROGRAMME_AT_LEVEL}
)

#: The alternative forms a finding's code makes impossible, whatever other finding proposes them.
RULES_OUT: dict[str, frozenset[AlternativeKind]] = {}


def _rules_out(code: str, *kinds: AlternativeKind | frozenset[AlternativeKind]) -> None:
    """Declare the alternative forms a finding with ``code`` makes impossible."""
    forms: set[AlternativeKind] = set()
    for kind in kinds:
        forms |= kind if isinstance(kind, frozenset) else {kind}
    RULES_OUT[code] = frozenset(forms)


RPL_ROUTE = Alternative(
    AlternativeKind.RPL_ROUTE,
    "assessment of the learning in the institution's recognition of prior learning (RPL) procedure, which sets "
    "any credits",
)
#: The same route where RPL is already the purpose: the institution assesses the learning itself.
OWN_ASSESSMENT = Alternative(
    AlternativeKind.RPL_ROUTE,
    "the institution's own assessment of the learning (an interview, a portfolio or an examination) in place of "
    "this credential, the assessment setting any credits",
)


def rpl_route(context: RuleContext) -> Alternative:
    return OWN_ASSESSMENT if context.case.purpose is Purpose.RPL else RPL_ROUTE


def further_study(context: RuleContext) -> bool:
    """Admission to a second- or third-cycle programme."""
    target = context.case.target
    return (
        context.case.purpose is Purpose.ADMISSION
        and target is not None
        and target.eqf_level is not None
        and target.eqf_level >= FURTHER_STUDY_EQF
    )


def higher_education_credential(context: RuleContext) -> bool:
    body = context.case.credential.awarding_body
    return body is not None and body.kind is ProviderKind.HIGHER_EDUCATION_INSTITUTION


def domestic(context: RuleContext) -> bool:
    """A credential assessed in its own country: the LRC, which binds recognition between its Parties, is
    followed by analogy."""
    credential = context.case.credential
    issuer = credential.issuer_country or (credential.awarding_body.country if credential.awarding_body else None)
    return issuer is not None and issuer.upper().split("-")[0] == context.case.assessing_country.upper()


def lrc_applies(context: RuleContext) -> bool:
    """Whether the Convention covers the case: higher education and access to it. A VET or corporate credential
    presented for employment is outside it (domain.md §3, scope): the national procedure decides."""
    return context.case.purpose is not Purpose.EMPLOYMENT or higher_education_credential(context)


def purpose_basis(context: RuleContext) -> str:
    """The legal basis of the case's purpose: for employment and credit, the LRC only where the credential is
    from higher education; its articles by analogy for a credential assessed in its own country."""
    purpose = context.case.purpose
    if purpose is Purpose.ADMISSION:
        basis = ADMISSION_BASIS
        if not higher_education_credential(context):
            basis = cited.cite(basis, cited.LRC_IV_8, cited.EAR_NON_TRADITIONAL)
    elif purpose is Purpose.CREDIT_TRANSFER:
        basis = CREDIT_BASIS if higher_education_credential(context) else CREDIT_NON_HE_BASIS
    elif purpose is Purpose.EMPLOYMENT:
        basis = EMPLOYMENT_HE_BASIS if higher_education_credential(context) else EMPLOYMENT_OTHER_BASIS
    else:
        basis = RPL_BASIS
    return cited.by_analogy(basis) if domestic(context) else basis


def _for_purpose(context: RuleContext, info: RuleInfo, *extra: str) -> RuleInfo:
    return replace(info, citation=cited.cite(purpose_basis(context), *extra))


def _no_difference(
    context: RuleContext, info: RuleInfo, what: str, detail: str, *, field: str | None = None, code: str = "none"
) -> Finding:
    purpose = PURPOSE_WORDS[context.case.purpose]
    return finding(
        info, Status.PASS, f"No substantial difference in {what} for {purpose}: {detail}", field=field, code=code
    )


def refugee_without_documents(context: RuleContext) -> bool:
    applicant = context.case.applicant
    return applicant.refugee and applicant.documents_missing


def ask_for(context: RuleContext, number: int, what: str, supplier: Supplier = Supplier.APPLICANT) -> InformationItem:
    """An item a decision waits for, by its Annex I element (numbered 1-16 in Annex I's order, the project's
    convention). For a refugee without documents the assessing body establishes it by any reliable means
    instead of asking for documents (LRC Art. VII; Refugees Recommendation 2017)."""
    if refugee_without_documents(context):
        return InformationItem(f"the {what} (element {number})", Supplier.ASSESSING_BODY)
    return InformationItem(f"Annex I element {number}: {what}", supplier)


def credits_sought(context: RuleContext) -> float | None:
    """Credits sought towards the target (credit transfer and RPL)."""
    return context.case.credits_sought


# --- information (Art. III.3) ---


@CASE_RULES.rule(
    id="lisbon.information",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.LRC_III_3_APPLICANT, cited.LRC_III_3_INSTITUTION, cited.RR_TIME),
    explanation="The file holds what the purpose cannot be decided without.",
)
def information(context: RuleContext, info: RuleInfo) -> Finding:
    if not lrc_applies(context):
        info = replace(info, citation=cited.cite(cited.NATIONAL_PROCEDURE, cited.MICRO_ANNEX_I))
    elif domestic(context):
        info = replace(info, citation=cited.by_analogy(info.citation))
    missing = [element for element in missing_mandatory(context) if is_decisive(context, element)]
    purpose = PURPOSE_WORDS[context.case.purpose]
    if context.case.purpose is Purpose.RPL and context.case.target is None:
        # Validation is against a standard (Council Recommendation 2012/C 398/01): without the component the
        # learning is to count towards, neither level, outcomes nor credits can be weighed.
        return finding(
            info,
            Status.FAIL,
            "Recognition of prior learning is sought without naming the component or programme it is to count "
            "towards: its level, credits and learning outcomes are needed to weigh the credential.",
            citation=cited.cite(cited.VALIDATION, cited.ECTS_RPL, cited.LRC_III_3_APPLICANT),
            field="target",
            code="rpl_target_missing",
            information=[
                InformationItem(
                    "the component or programme the learning is to count towards, with its EQF level, credits and "
                    "learning outcomes",
                    Supplier.APPLICANT,
                )
            ],
            if_unfavourable=_ANY_BUT_FULL,
        )
    if not missing:
        return finding(info, Status.PASS, f"The file holds what a decision on {purpose} needs.")
    first_field = missing[0].field
    names = ", ".join(element.name for element in missing)
    items = [ask_for(context, element.number, element.name) for element in missing]
    if refugee_without_documents(context):
        return finding(
            info,
            Status.WARNING,
            f"Elements needed for the decision are not documented: {names}. The applicant is a refugee without "
            "documents: the assessing body establishes them by other means (Art. VII), not by asking for the "
            "missing documents.",
            citation=cited.cite(cited.LRC_VII, cited.REFUGEES_RECOMMENDATION, cited.RR_BACKGROUND),
            field=first_field,
            code="refugee_elements",
            information=items,
            if_unfavourable=_ANY_BUT_FULL,
        )
    return finding(
        info,
        Status.FAIL,
        f"A decision on {purpose} needs information the file does not hold: {names}. The four months for a "
        "decision run from a complete file.",
        field=first_field,
        code="missing_elements",
        information=items,
        if_unfavourable=_ANY_BUT_FULL,
    )


# --- level ---


@CASE_RULES.rule(
    id="lisbon.level_difference",
    rule_set=RuleSet.LISBON,
    element=Element.LEVEL,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.EQF_DESCRIPTORS, cited.EAR_FRAMEWORKS),
    explanation="The credential's level is judged against what the purpose needs.",
)
def level_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = _for_purpose(context, info, cited.EQF_DESCRIPTORS, cited.EAR_FRAMEWORKS)
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
    if purpose is Purpose.EMPLOYMENT or (purpose is Purpose.RPL and (target is None or target.eqf_level is None)):
        return _level_stated(context, info, conflict)
    if target is None or target.eqf_level is None:
        return finding(
            info,
            Status.UNKNOWN,
            "The target's level is not given, so the level cannot be judged yet.",
            field="target.eqf_level",
        )
    if level is None:
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
            if_unfavourable=_ANY_BUT_FULL,
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
            code="in_doubt",
            information=[
                ask_for(
                    context,
                    8,
                    f"level of the credential, confirmed by the awarding body ({conflict})",
                    Supplier.AWARDING_BODY,
                )
            ],
            if_unfavourable=_ANY_BUT_FULL,
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
        return _no_difference(context, info, "level", f"{detail}.", code="meets")
    return _level_below(context, info, level, needed, what)


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


_rules_out("lisbon.level_difference.below_entry", AlternativeKind.ELECTIVE_CREDIT)
_rules_out("lisbon.level_difference.below_by_one", AlternativeKind.OTHER_COMPONENT)
_rules_out("lisbon.level_difference.below_widely", _HIGHER_EDUCATION_CREDIT)


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
            allows=_ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
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
            allows=_ALTERNATIVE_CONDITIONAL_OR_REFUSAL,
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
        allows=_ALTERNATIVE_OR_REFUSAL,
        alternative=statement,
    )


# A level the evidence contradicts cannot be credited in the programme in another form either.
_rules_out("lisbon.level_evidence.contradicted", _HIGHER_EDUCATION_CREDIT)


@CASE_RULES.rule(
    id="lisbon.level_evidence",
    rule_set=RuleSet.LISBON,
    element=Element.LEVEL,
    citation=cited.cite(cited.EQF_DESCRIPTORS, cited.RR_SUBSTANTIAL, cited.EAR_SUBSTANTIAL),
    explanation="A claimed level that the outcomes' action verbs contradict is verified, not taken on trust.",
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
        # For employment the level statement weighs most (domain.md §6): a statement does not certify a level
        # the evidence contradicts.
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
        allows=_CONDITIONAL_OR_WORSE,
        condition=f"verification of the level: an assessment of the outcomes at EQF level {needed}, or evidence "
        "from the awarding body that the learning was assessed at the level claimed",
    )


@CASE_RULES.rule(
    id="lisbon.entry_qualification",
    rule_set=RuleSet.LISBON,
    # What the procedure checks beside the credential, not the credential's own level.
    element=Element.PROCEDURE,
    citation=cited.cite(ENTRY_BASIS, FURTHER_STUDY_BASIS, cited.LRC_IV_4, cited.LRC_IV_8),
    explanation="For admission, a micro-credential is weighed beside the qualification that gives access to the "
    "programme; it does not stand in for it.",
)
def entry_qualification(context: RuleContext, info: RuleInfo) -> Finding | None:
    target = context.case.target
    if context.case.purpose is not Purpose.ADMISSION:
        return None
    if target is None or target.eqf_level is None:
        return finding(info, Status.NOT_APPLICABLE, "The programme's level is not given.", field="target.eqf_level")
    level = target.eqf_level
    if further_study(context):
        degree = "first-cycle (bachelor's)" if level == FURTHER_STUDY_EQF else "second-cycle (master's)"
        needed = f"a {degree} degree, the qualification giving access to further higher education studies"
    else:
        needed = "a qualification giving access to higher education (normally the upper secondary school leaving one)"
    places = [FURTHER_STUDY_BASIS if further_study(context) else ENTRY_BASIS, cited.LRC_IV_4]
    non_formal = ""
    if not higher_education_credential(context):
        places.append(cited.LRC_IV_8)
        non_formal = (
            " The credential is from outside higher education: it is weighed in the admission route the institution "
            "has for non-traditional qualifications (Art. IV.8)."
        )
    # A small volume of learning (Council Recommendation 2022/C 243/02) is not a completed qualification: its
    # level says what the learning reaches, not that the programme's general entry requirement is met.
    return finding(
        info,
        Status.UNKNOWN,
        f"A micro-credential does not by itself establish the general entry qualification of a programme at EQF "
        f"{level}: that is {needed}, which the evaluator checks separately. The micro-credential counts for what "
        f"it shows, such as a specific requirement of the programme (Art. IV.4).{non_formal}",
        citation=cited.by_analogy(cited.cite(*places)) if domestic(context) else cited.cite(*places),
        field="target.eqf_level",
        code="checked_separately",
    )


_rules_out("lisbon.non_traditional_access.institution_route", AlternativeKind.PROGRAMME_AT_LEVEL)


@CASE_RULES.rule(
    id="lisbon.non_traditional_access",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.LRC_IV_8, cited.EAR_NON_TRADITIONAL),
    explanation="Learning from outside higher education offered for admission is weighed as the institution weighs "
    "similar non-traditional qualifications of its own system.",
)
def non_traditional_access(context: RuleContext, info: RuleInfo) -> Finding | None:
    body = context.case.credential.awarding_body
    # Only a provider known to be outside higher education: an unstated kind is not held against the applicant.
    if (
        context.case.purpose is not Purpose.ADMISSION
        or body is None
        or body.kind is None
        or higher_education_credential(context)
    ):
        return None
    citation = cited.by_analogy(info.citation) if domestic(context) else info.citation
    # Art. IV.8: the same assessment as domestic non-traditional applicants, not a general access qualification.
    return finding(
        info,
        Status.FAIL,
        "The credential is non-traditional learning from outside higher education: it does not open access by "
        "itself, but counts in the assessment the institution sets for applicants on non-traditional "
        "qualifications, on the same terms as similar learning from its own system (Art. IV.8).",
        citation=citation,
        field="credential.awarding_body.kind",
        code="institution_route",
        allows=_CONDITIONAL_OR_WORSE,
        condition="the admission examination or assessment the institution sets for applicants on non-traditional "
        "qualifications, with the credential counted for what it covers",
    )


# --- workload ---


@CASE_RULES.rule(
    id="lisbon.workload_difference",
    rule_set=RuleSet.LISBON,
    element=Element.WORKLOAD,
    citation=cited.cite(CREDIT_BASIS, RPL_BASIS, cited.ECTS_KEY_FEATURES, cited.EAR_CREDITS),
    explanation="Where credits are sought, the credential's workload is judged against them.",
)
def workload_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = _for_purpose(context, info, cited.EAR_CREDITS)
    workload = context.workload
    sought = credits_sought(context)
    if sought is None:
        what = (
            "the target states no credits"
            if context.case.purpose in (Purpose.CREDIT_TRANSFER, Purpose.RPL)
            else f"{PURPOSE_WORDS[context.case.purpose]} recognises the credential, not credits"
        )
        return finding(
            info,
            Status.NOT_APPLICABLE,
            f"The workload is reported, not weighed, as {what}: {workload.describe()}.",
            code="not_weighed",
        )
    if workload.ects is None:
        return finding(
            info,
            Status.UNKNOWN,
            f"The workload is not stated, so it cannot be weighed against the {sought:g} ECTS sought.",
            field="credential.workload.ects",
            code="not_stated",
        )
    if workload.ects == 0:
        return finding(
            info,
            Status.FAIL,
            "The credential carries no credits or hours: there is no credit-bearing workload to count.",
            field="credential.workload.ects",
            code="none",
            allows=_ALTERNATIVE_OR_REFUSAL,
            alternative=rpl_route(context),
        )
    rulebook = context.rulebook
    band = f"{rulebook.hours_per_ects_min:g}-{rulebook.hours_per_ects_max:g} hours per credit"
    support = workload.support_for(sought)
    doubt = ""
    if workload.hours_supported is not None and workload.hours is not None:
        # The credits rest on the hours (ECTS Users' Guide 2015): say what the hours support.
        info = replace(info, citation=cited.cite(info.citation, cited.ECTS_KEY_FEATURES))
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
                code="uncertain",
                information=[
                    ask_for(
                        context,
                        7,
                        f"credits (ECTS) the awarding body gives for the {workload.hours:g} hours of workload stated",
                        Supplier.AWARDING_BODY,
                    )
                ],
                if_unfavourable=_PARTIAL_OR_WORSE,
            )
        doubt = f" {supported[0].upper()}{supported[1:]}, so the conservative {workload.ects:g} ECTS are counted."
    elif support is CreditSupport.SUPPORTED:
        return _no_difference(context, info, "workload", f"{workload.describe()} covers the {sought:g} ECTS sought.")
    remaining = sought - workload.ects
    return finding(
        info,
        Status.FAIL,
        f"{workload.describe()} is less than the {sought:g} ECTS sought, by {remaining:g} ECTS." + doubt,
        field="credential.workload.ects",
        code="short",
        # Alternative recognition (credit in another form) is not held back by a shortfall against this
        # component; it opens only where another finding names such a form.
        allows=_ALTERNATIVE_PARTIAL_OR_WORSE,
        condition=f"a top-up assessment for the remaining {remaining:g} ECTS",
    )


# --- quality ---

#: The outcomes quality evidence found wanting leaves open, per purpose (see quality_difference below).
_UNFAVOURABLE_QUALITY: dict[Purpose, tuple[Outcome, ...]] = {
    Purpose.ADMISSION: _CONDITIONAL_OR_WORSE,
    Purpose.CREDIT_TRANSFER: _ALTERNATIVE_OR_REFUSAL,
    Purpose.EMPLOYMENT: (Outcome.ALTERNATIVE_RECOGNITION,),
    Purpose.RPL: _CONDITIONAL_OR_WORSE,
}

_rules_out("lisbon.quality_difference.no_esg_quality", _HIGHER_EDUCATION_CREDIT)
_rules_out("lisbon.quality_difference.vet_outside_esg", _HIGHER_EDUCATION_CREDIT)


@CASE_RULES.rule(
    id="lisbon.quality_difference",
    rule_set=RuleSet.LISBON,
    element=Element.QUALITY,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.RR_STATUS, cited.EAR_STATUS),
    explanation="The quality evidence is judged against what the purpose needs; the status of the provider first.",
)
def quality_difference(context: RuleContext, info: RuleInfo) -> Finding:
    # The status of the institution first (Revised Recommendation; EAR manual), where the Convention reaches.
    info = _for_purpose(context, info, *((cited.RR_STATUS, cited.EAR_STATUS) if lrc_applies(context) else ()))
    purpose = context.case.purpose
    quality = context.quality
    field = "credential.quality_assurance"
    detail = f"quality evidence is {quality.grade.value} ({quality.reason})."
    if quality.grade in (QAGrade.STRONG, QAGrade.SUBSTANTIAL):
        return _no_difference(context, info, "quality", detail, field=field, code="evidenced")
    # What the file does not show is asked for, never counted as a difference (LRC Art. III.3; Art. VII).
    if not is_stated(context, "quality_assurance"):
        return finding(
            info,
            Status.UNKNOWN,
            "The type of quality assurance is not stated: "
            + (
                "the assessing body establishes it by other means (Art. VII), "
                if refugee_without_documents(context)
                else "it is asked for, "
            )
            + "not counted as a substantial difference.",
            field=field,
            code="not_stated",
        )
    if quality.to_verify is not None:
        return finding(
            info,
            Status.UNKNOWN,
            f"The {detail[0].lower()}{detail[1:]} That is not shown to be a substantial difference until the "
            f"awarding body's status is checked (EAR manual: the status of the institution first): "
            f"{quality.to_verify} is established.",
            field=field,
            code="to_verify",
            # The status of a foreign institution is the assessing body's to establish (LRC Art. III.3).
            information=[ask_for(context, 11, quality.to_verify, Supplier.ASSESSING_BODY)],
            # What an unfavourable answer would leave: as for quality evidence that is not there.
            if_unfavourable=_UNFAVOURABLE_QUALITY[purpose],
        )
    if purpose is Purpose.RPL:
        # In RPL the credential is documentation: weaker quality evidence means the institution's own assessment
        # must carry the weight (Council Recommendation 2012/C 398/01), not that the learning is refused.
        return finding(
            info,
            Status.WARNING,
            f"The {detail[0].lower()}{detail[1:]} As evidence in the RPL procedure it cannot carry credits on its "
            "own: the institution's assessment must confirm the learning.",
            field=field,
            code="rpl_weak_evidence",
        )
    vet = quality.vet_quality_to_check
    if vet:
        info = replace(info, citation=cited.cite(info.citation, cited.ESG_SCOPE, cited.VET_QUALITY))
    if purpose is Purpose.EMPLOYMENT and vet:
        # A statement for the labour market does not bring the learning into higher education: the ESG do not
        # decide it; the VET system's own quality assurance does.
        return finding(info, Status.UNKNOWN, VET_QUALITY_CHECK, field=field, code="vet_to_check")
    if purpose is Purpose.EMPLOYMENT:
        return finding(
            info,
            Status.FAIL,
            f"The {detail[0].lower()}{detail[1:]} A statement can describe the learning, noting that the provider "
            "is outside recognised quality assurance, but cannot vouch for it as recognised provision.",
            field=field,
            code="outside_recognised_provision",
            allows=(Outcome.ALTERNATIVE_RECOGNITION,),
            alternative=Alternative(
                AlternativeKind.DESCRIPTIVE_STATEMENT,
                "a statement describing the learning, without recognising it as quality-assured provision",
            ),
        )
    if vet:
        # Into higher education, learning from outside ESG-aligned QA goes through RPL (MICROBOL, 2022): a
        # different route, not a verdict on the VET provider's own quality assurance.
        message = (
            "The awarding body is a VET provider: its quality assurance belongs to its own VET system (for example "
            "EQAVET), which the ESG do not cover, so it is not judged here. Higher education relies on ESG-aligned "
            "quality assurance, so "
        )
        code = "vet_outside_esg"
    else:
        message = f"The {detail[0].lower()}{detail[1:]} Without ESG-aligned quality assurance "
        code = "no_esg_quality"
    if purpose is Purpose.ADMISSION:
        return finding(
            info,
            Status.FAIL,
            message + "the credential cannot be relied on as it stands for admission; the learning can be weighed "
            "in an individual admission assessment.",
            field=field,
            code=code,
            allows=_CONDITIONAL_OR_WORSE,
            condition="an entrance examination or interview covering the credential's outcomes",
        )
    return finding(
        info,
        Status.FAIL,
        message + "the credential cannot be relied on as it stands for credit; the learning can be recognised "
        "through RPL.",
        field=field,
        code=code,
        allows=_ALTERNATIVE_OR_REFUSAL,
        alternative=rpl_route(context),
    )


# --- assessment and identity ---

# Nothing assessed: no credit, and no learning to describe beyond taking part.
_rules_out("lisbon.assessment_difference.not_assessed", _HIGHER_EDUCATION_CREDIT, AlternativeKind.DESCRIPTIVE_STATEMENT)


@CASE_RULES.rule(
    id="lisbon.assessment_difference",
    rule_set=RuleSet.LISBON,
    element=Element.ASSESSMENT,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.MICRO_ANNEX_II, cited.ECTS_KEY_FEATURES),
    explanation="The assessment, and for credit the learner's identity at assessment, are what the purpose needs.",
)
def assessment_difference(context: RuleContext, info: RuleInfo) -> Finding:
    info = _for_purpose(context, info, cited.MICRO_ANNEX_II)
    purpose = context.case.purpose
    credential = context.case.credential
    assessment = credential.assessment
    kind = assessment.type if assessment else None
    if kind is None or assessment is None:
        return finding(
            info, Status.UNKNOWN, "The assessment is not stated.", field="credential.assessment.type", code="not_stated"
        )
    if kind in (AssessmentType.ATTENDANCE_ONLY, AssessmentType.NONE):
        return _not_assessed(context, info)
    onsite = credential.participation is Participation.ONSITE
    unverified = assessment.identity_verified is False or (
        assessment.supervised is False and assessment.identity_verified is not True
    )
    kind_words = kind.value.replace("_", " ")
    if purpose in (Purpose.ADMISSION, Purpose.EMPLOYMENT):
        if unverified and not onsite:
            return finding(
                info,
                Status.WARNING,
                "The assessment was not supervised or the learner's identity was not verified; for "
                f"{PURPOSE_WORDS[purpose]} this weighs less than for credit.",
                element=Element.IDENTITY,
                field="credential.assessment.identity_verified",
                code="unverified_not_weighed",
            )
        return _no_difference(context, info, "assessment", f"learning assessed by {kind_words}.")
    # Credit (transfer or RPL): the assessment must be the learner's own.
    condition = "an identity-verified assessment (e.g. a supervised or oral examination) of the outcomes"
    if onsite and assessment.identity_verified is not False:
        return _no_difference(context, info, "assessment", f"{kind_words} on site, where the learner is identified.")
    if unverified:
        return finding(
            info,
            Status.FAIL,
            "For credit the assessment must be attributable to the learner, but it was not supervised or the "
            "learner's identity was not verified.",
            element=Element.IDENTITY,
            field="credential.assessment.identity_verified",
            code="unverified",
            allows=_CONDITIONAL_OR_WORSE,
            condition=condition,
        )
    if assessment.identity_verified is None:
        # Element 13 is optional in Annex I: its absence does not hold the decision up; the credit waits on the
        # awarding body's confirmation or an identity-verified assessment instead.
        return finding(
            info,
            Status.FAIL,
            "For credit the assessment must be attributable to the learner, and whether the learner's identity was "
            "verified is not stated (the optional Annex I element 13): the credit is recommended on condition that "
            "it is confirmed, not held up for it.",
            element=Element.IDENTITY,
            field="credential.assessment.identity_verified",
            code="identity_not_stated",
            allows=_CONDITIONAL_OR_WORSE,
            condition="confirmation by the awarding body that the learner's identity was verified at assessment, "
            "or " + condition,
        )
    return _no_difference(context, info, "assessment", "assessed, with the learner's identity verified.")


def _not_assessed(context: RuleContext, info: RuleInfo) -> Finding:
    purpose = context.case.purpose
    message = "The learning was not assessed; a record of participation does not show learning outcomes achieved."
    field = "credential.assessment.type"
    if purpose is Purpose.EMPLOYMENT:
        return finding(
            info,
            Status.FAIL,
            message,
            field=field,
            code="not_assessed",
            allows=(Outcome.ALTERNATIVE_RECOGNITION,),
            alternative=Alternative(
                AlternativeKind.PARTICIPATION_STATEMENT,
                "a statement of participation, without recognising learning outcomes",
            ),
        )
    if purpose is Purpose.ADMISSION:
        return finding(
            info,
            Status.FAIL,
            message,
            field=field,
            code="not_assessed",
            allows=_CONDITIONAL_OR_WORSE,
            condition="an assessment of the outcomes the programme requires (e.g. an entrance examination)",
        )
    # Credit transfer and RPL: attendance alone never earns credits; the institution's own assessment can.
    return finding(
        info,
        Status.FAIL,
        message + " It earns no credits itself; the institution's RPL procedure can assess the learning.",
        field=field,
        code="not_assessed",
        allows=_ALTERNATIVE_OR_REFUSAL,
        alternative=rpl_route(context),
    )


# --- learning outcomes ---


@CASE_RULES.rule(
    id="lisbon.outcomes_difference",
    rule_set=RuleSet.LISBON,
    element=Element.LEARNING_OUTCOMES,
    citation=cited.cite(ADMISSION_BASIS, CREDIT_BASIS, RPL_BASIS, cited.EAR_LEARNING_OUTCOMES),
    explanation="The credential's learning outcomes are judged against the target's, for the purpose.",
)
def outcomes_difference(context: RuleContext, info: RuleInfo) -> Finding:
    purpose = context.case.purpose
    if purpose is Purpose.ADMISSION:
        # The programme's stated outcomes are its specific requirement (Art. IV.4).
        info = _for_purpose(context, info, cited.EAR_LEARNING_OUTCOMES)
    else:
        info = _for_purpose(context, info, cited.ECTS_RECOGNITION, cited.EAR_LEARNING_OUTCOMES)
    facts = context.outcomes
    field = "target.learning_outcomes"
    if not context.case.credential.learning_outcomes:
        return finding(
            info,
            Status.UNKNOWN,
            "No learning outcomes are stated.",
            field="credential.learning_outcomes",
            code="none_stated",
        )
    share = facts.coverage
    if share is None:
        if context.case.target is None or purpose is Purpose.EMPLOYMENT:
            return _no_difference(
                context, info, "learning outcomes", "the outcomes are stated and can be read.", code="readable"
            )
        if facts.languages is not None:
            reason = f"they are in different languages ({facts.languages_text()}). Compare them by hand."
        elif purpose is Purpose.ADMISSION:
            reason = "the programme's specific requirement is not given. Compare by hand or add it to the case."
        else:
            reason = "the target's outcomes are not given. Compare them by hand or add them to the case."
        return finding(
            info,
            Status.UNKNOWN,
            f"The outcomes were not compared: {reason}",
            field=field,
            code="not_compared",
        )
    return coverage_difference(context, info, share, facts.uncovered)


def coverage_difference(
    context: RuleContext,
    info: RuleInfo,
    share: float,
    uncovered_outcomes: Sequence[str],
    *,
    what: str = "the credential",
    lead: str = "",
) -> Finding:
    """The share of the target's outcomes covered, judged for the purpose: by one credential, or by the
    credentials of a stack together (``what`` names it, ``lead`` opens the sentence)."""
    field = "target.learning_outcomes"
    purpose = context.case.purpose
    rulebook = context.rulebook
    covered = f"{share:.0%} of the target outcomes are covered"
    shortfall = lead + ("None of the target outcomes is covered" if share == 0 else f"Only {covered}")
    if share >= rulebook.coverage_full:
        return _no_difference(context, info, "learning outcomes", f"{lead}{covered}.", field=field, code="covered")
    uncovered = "; ".join(uncovered_outcomes)
    if purpose is Purpose.EMPLOYMENT:
        return finding(
            info,
            Status.WARNING if share < rulebook.coverage_conditional else Status.PASS,
            f"{shortfall}; for employment the outcomes describe the learning, they are not weighed against a target.",
            field=field,
            code="described",
        )
    if purpose is Purpose.ADMISSION:
        return _requirement_not_met(context, info, share, shortfall, uncovered, what)
    bridging = f"a bridging assessment of the outcomes not covered: {uncovered}"
    if purpose is Purpose.RPL:
        bridging = f"the institution's RPL assessment of the outcomes not covered: {uncovered}"
    if share >= rulebook.coverage_partial:
        return finding(
            info,
            Status.FAIL,
            f"{shortfall}: {what} can count for the part of the target it covers.",
            field=field,
            code="partly_covered",
            allows=_PARTIAL_OR_WORSE,
            condition=bridging,
        )
    if share >= rulebook.coverage_conditional:
        return finding(
            info,
            Status.FAIL,
            f"{shortfall}: too few to credit the target without a bridging assessment.",
            field=field,
            code="few_covered",
            allows=_CONDITIONAL_OR_WORSE,
            condition=bridging,
        )
    return finding(
        info,
        Status.FAIL,
        f"{shortfall}: {what} does not correspond to this target.",
        field=field,
        code="not_corresponding",
        allows=_ALTERNATIVE_OR_REFUSAL,
        alternative=Alternative(
            AlternativeKind.OTHER_COMPONENT,
            "credit towards another component of the programme, if one has outcomes the credential matches (for "
            "the institution to check)",
        ),
    )


def _requirement_not_met(  # noqa: PLR0917 - the parts of one judgement
    context: RuleContext, info: RuleInfo, share: float, shortfall: str, uncovered: str, what: str
) -> Finding:
    """Admission: the target's outcomes, where given, are the programme's specific requirement (Art. IV.4)."""
    field = "target.learning_outcomes"
    if share >= context.rulebook.coverage_conditional:
        return finding(
            info,
            Status.FAIL,
            f"{shortfall}: {what} meets the programme's specific requirement only in part (Art. IV.4).",
            field=field,
            code="requirement_partly_met",
            allows=_CONDITIONAL_OR_WORSE,
            condition=f"an entrance examination or bridging course on the requirement not met: {uncovered}",
        )
    return finding(
        info,
        Status.FAIL,
        f"{shortfall}: {what} does not meet the programme's specific requirement (Art. IV.4).",
        field=field,
        code="requirement_not_met",
        allows=(Outcome.NON_RECOGNITION,),
    )


@CASE_RULES.rule(
    id="lisbon.profile_difference",
    rule_set=RuleSet.LISBON,
    element=Element.PROFILE,
    citation=cited.cite(cited.RR_SUBSTANTIAL, cited.EAR_SUBSTANTIAL, cited.ECTS_PROFILE),
    explanation="The subject of the credential and of the target are compared as a signal of profile (never alone "
    "a reason to refuse).",
)
def profile_difference(context: RuleContext, info: RuleInfo) -> Finding:
    target = context.case.target
    credential = context.case.credential
    if target is None:
        return finding(info, Status.NOT_APPLICABLE, "No target is given, so there is no profile to compare with.")
    if context.case.purpose is Purpose.EMPLOYMENT:
        return finding(info, Status.NOT_APPLICABLE, "For employment the profile is described, not compared.")
    if not target.learning_outcomes or not credential.learning_outcomes or context.outcomes.languages is not None:
        why = (
            "The outcomes are in different languages"
            if context.outcomes.languages is not None
            else "Without the outcomes of both the credential and the target"
        )
        return finding(
            info,
            Status.UNKNOWN,
            f"{why}: compare the subject fields by hand.",
            field="target.learning_outcomes",
            code="not_compared",
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
            field="target.title",
            code="different_fields",
        )
    return finding(
        info, Status.PASS, f"The credential and the target are in related subject fields{read}.", field="target.title"
    )


# --- recognition of prior learning: how far the credential carries the credits ---


@CASE_RULES.rule(
    id="lisbon.rpl_evidence",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.VALIDATION, cited.ECTS_RPL),
    explanation="In recognition of prior learning, credits follow the institution's own assessment unless the "
    "credential's evidence is strong.",
)
def rpl_evidence(context: RuleContext, info: RuleInfo) -> Finding | None:
    if context.case.purpose is not Purpose.RPL:
        return None
    if credits_sought(context) is None:
        return finding(
            info,
            Status.NOT_APPLICABLE,
            "No credits are sought towards a target: the credential documents the learning for the RPL procedure.",
        )
    weak = _rpl_weaknesses(context)
    if not weak:
        return finding(
            info,
            Status.PASS,
            "The credential is strong evidence: quality-assured, assessed with the learner's identity verified, at "
            "the target's level and covering its outcomes; the credits can rest on it.",
            code="strong",
        )
    return finding(
        info,
        Status.FAIL,
        "The credential documents the learning but is not strong enough evidence to carry the credits on its own ("
        + "; ".join(weak)
        + "): the credits follow the institution's RPL assessment.",
        code="assessment_needed",
        allows=_CONDITIONAL_OR_WORSE,
        condition="the institution's RPL assessment confirms the learning (identification, documentation, assessment)",
    )


def _rpl_weaknesses(context: RuleContext) -> list[str]:
    weak = []
    if context.quality.grade not in (QAGrade.STRONG, QAGrade.SUBSTANTIAL):
        weak.append(
            f"quality evidence is {context.quality.grade.value}"
            if is_stated(context, "quality_assurance")
            else "the quality assurance is not stated"
        )
    assessment = context.case.credential.assessment
    if assessment is None or assessment.type in (None, AssessmentType.ATTENDANCE_ONLY, AssessmentType.NONE):
        weak.append("the learning was not assessed")
    elif assessment.identity_verified is not True and context.case.credential.participation is not Participation.ONSITE:
        weak.append("the learner's identity at assessment is not verified")
    target = context.case.target
    level = context.level.eqf_level
    if target is not None and target.eqf_level is not None and (level is None or level < target.eqf_level):
        weak.append(
            "the level is not shown to reach the target's" if level is None else f"EQF {level} is below the target"
        )
    coverage = context.outcomes.coverage
    if coverage is None:
        weak.append("the outcomes were not compared with the target's")
    elif coverage < context.rulebook.coverage_full:
        weak.append(f"{coverage:.0%} of the target outcomes are covered")
    return weak


def rpl_credit_limit(context: RuleContext) -> float | None:
    """The most credits RPL may give towards the target under the office's cap, where the cap and the
    programme's credits are known."""
    cap = context.rulebook.rpl_credit_cap
    target = context.case.target
    if context.case.purpose is not Purpose.RPL or cap is None or target is None or target.programme_ects is None:
        return None
    return cap * target.programme_ects


@CASE_RULES.rule(
    id="lisbon.rpl_cap",
    rule_set=RuleSet.LISBON,
    element=Element.WORKLOAD,
    citation=cited.cite(cited.OFFICE_RPL_CAP, cited.ECTS_RPL),
    explanation="Recognition of prior learning gives no more of a programme's credits than the institution's cap.",
)
def rpl_cap(context: RuleContext, info: RuleInfo) -> Finding | None:
    cap = context.rulebook.rpl_credit_cap
    sought = credits_sought(context)
    if context.case.purpose is not Purpose.RPL or cap is None or sought is None:
        return None
    share = f"{cap:.0%} of a programme's credits"
    limit = rpl_credit_limit(context)
    target = context.case.target
    assert target is not None
    if limit is None:
        return finding(
            info,
            Status.UNKNOWN,
            f"The office caps recognition of prior learning at {share}; the programme's credits are not given, so "
            "check by hand that the credits sought stay within the cap.",
            field="target.programme_ects",
            code="programme_credits_not_given",
        )
    if sought <= limit:
        return finding(
            info,
            Status.PASS,
            f"The {sought:g} ECTS sought are within the office's cap on RPL credit ({share}: {limit:g} ECTS).",
            field="target.programme_ects",
            code="within",
        )
    return finding(
        info,
        Status.FAIL,
        f"The {sought:g} ECTS sought exceed the office's cap on RPL credit ({share}: {limit:g} ECTS of the "
        f"programme's {target.programme_ects:g} ECTS, if none were recognised before); RPL can give "
        "no more than that.",
        field="target.programme_ects",
        code="exceeded",
        allows=_PARTIAL_OR_WORSE,
    )


# --- refugees (Art. VII) ---


@CASE_RULES.rule(
    id="lisbon.refugee",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(
        cited.LRC_VII, cited.REFUGEES_RECOMMENDATION, cited.RR_BACKGROUND, cited.EAR_REFUGEES, cited.EQPR
    ),
    explanation="Refugees whose documents are missing get a fair procedure on other evidence; missing documents "
    "alone never justify refusal.",
)
def refugee(context: RuleContext, info: RuleInfo) -> Finding | None:
    applicant = context.case.applicant
    if not applicant.refugee:
        return None
    if not applicant.documents_missing:
        return finding(info, Status.PASS, "The applicant is a refugee; the documents are available.")
    return finding(
        info,
        Status.WARNING,
        "The applicant is a refugee whose documents are missing: missing documents alone never justify refusal. "
        "The assessing body establishes the declared learning with other evidence, such as a background paper "
        "stating the learning as far as it can be established, a structured interview or the European "
        "Qualifications Passport for Refugees.",
        field="applicant.documents_missing",
        code="documents_missing",
        condition="verification of the declared learning through an alternative procedure (a background paper, a "
        "structured interview or the European Qualifications Passport for Refugees)",
    )
