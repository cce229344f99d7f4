"""ESG 2015 quality assurance: internal QA, external QA, the agency's EQAR registration, and the overall grade.

Dates are judged as of the case's issue date or an explicit ``--as-of``, never the clock. The agency data keep
the register's history as of their date: a day after the last registration they record is beyond the data (one
``unknown`` finding naming their date), never "unregistered".
"""

from __future__ import annotations

from recogniser.agencies import MatchStatus, RegistrationState
from recogniser.model import Element, Finding, ProviderKind, Purpose, QADecision, RuleSet, Status
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.completeness import is_stated
from recogniser.rules.facts import QAGrade
from recogniser.rules.quality_evidence import NOT_ESG_QUALITY_ASSURANCE, QAEvidence

ESG_PART_1 = cited.ESG_PART_1
ESG_PART_2 = cited.ESG_PART_2
ESG_PART_3 = cited.cite(cited.ESG_PART_3, cited.EQAR_REGISTER)
ESG_SCOPE = cited.ESG_SCOPE
VET_QUALITY = cited.VET_QUALITY
#: What a VET provider's quality evidence is checked against, since the ESG do not reach it.
VET_QUALITY_CHECK = (
    "The awarding body is a VET provider. The ESG are standards for higher education, so the lack of ESG-aligned "
    "evidence is not held against it: the evaluator checks its quality assurance in its own VET system (for "
    "example an examination regulated by law, or quality assurance in line with EQAVET)."
)


@rule(
    id="esg.internal_qa",
    rule_set=RuleSet.ESG,
    element=Element.QUALITY,
    citation=ESG_PART_1,
    explanation="The provider has internal quality assurance covering the credential.",
)
def internal_qa(context: RuleContext, info: RuleInfo) -> Finding:
    qa = context.case.credential.quality_assurance
    field = "credential.quality_assurance.internal"
    if qa is None or qa.internal is None:
        return finding(
            info, Status.UNKNOWN, "Whether the provider has internal quality assurance is not stated.", field=field
        )
    if qa.internal:
        return finding(info, Status.PASS, "The provider has internal quality assurance.", field=field)
    return finding(info, Status.WARNING, "The provider states it has no internal quality assurance.", field=field)


@rule(
    id="esg.external_qa",
    rule_set=RuleSet.ESG,
    element=Element.QUALITY,
    citation=ESG_PART_2,
    explanation="An external quality assurance agency reviewed the provision with a decision valid on the date judged.",
)
def external_qa(context: RuleContext, info: RuleInfo) -> Finding:
    qa = context.case.credential.quality_assurance
    field = "credential.quality_assurance.external_agency"
    if qa is None or not qa.external_agency:
        return finding(info, Status.UNKNOWN, "No external quality assurance agency is named.", field=field)
    evidence = context.quality.evidence
    if evidence in NOT_ESG_QUALITY_ASSURANCE:
        return finding(
            info,
            Status.WARNING,
            f"{qa.external_agency} is {NOT_ESG_QUALITY_ASSURANCE[evidence]}; it is not external quality assurance of "
            "the provision in the sense of the ESG.",
            field=field,
        )
    match = context.quality.agency_match
    assert match is not None
    if match.status is MatchStatus.AMBIGUOUS:
        names = "; ".join(f"{a.acronym} ({a.name}, {a.country})" for a in match.candidates)
        return finding(
            info,
            Status.UNKNOWN,
            f"{qa.external_agency!r} could be several agencies: {names}. Name the agency exactly.",
            field=field,
        )
    named = match.agency.acronym if match.agency and match.status is MatchStatus.FOUND else qa.external_agency
    decision_field = "credential.quality_assurance.decision"
    if qa.decision is None:
        return finding(info, Status.WARNING, f"{named} is named, but not its decision.", field=decision_field)
    if qa.decision is QADecision.NEGATIVE:
        return finding(info, Status.FAIL, f"{named} reached a negative decision.", field=decision_field)
    if qa.decision is QADecision.NOT_APPLICABLE:
        return finding(
            info, Status.WARNING, f"{named} is named, but its decision is 'not applicable'.", field=decision_field
        )
    decision = "a positive decision" if qa.decision is QADecision.POSITIVE else "a positive decision with conditions"
    as_of = context.as_of
    validity_field = "credential.quality_assurance.valid_until"
    if qa.valid_until is None:
        return finding(
            info,
            Status.WARNING,
            f"{named} reached {decision}; no end of validity is given (DEQAR treats such decisions as valid for "
            "six years from the review): verify the date on DEQAR.",
            field=validity_field,
        )
    if as_of is None:
        return finding(
            info,
            Status.UNKNOWN,
            f"{named} reached {decision} valid until {qa.valid_until}; with no issue date or --as-of, its validity "
            "cannot be judged.",
            field="credential.issue_date",
        )
    if qa.valid_until < as_of:
        return finding(
            info,
            Status.FAIL,
            f"{named}'s decision ran out on {qa.valid_until}, before {as_of}.",
            field=validity_field,
        )
    status = Status.PASS if qa.decision is QADecision.POSITIVE else Status.WARNING
    return finding(
        info, status, f"{named} reached {decision}, valid until {qa.valid_until} (judged on {as_of}).", field=field
    )


@rule(
    id="esg.eqar_registration",
    rule_set=RuleSet.ESG,
    element=Element.QUALITY,
    citation=ESG_PART_3,
    explanation="The named agency is on the EQAR register, i.e. found to comply substantially with the ESG.",
)
def eqar_registration(context: RuleContext, info: RuleInfo) -> Finding:
    match = context.quality.agency_match
    field = "credential.quality_assurance.external_agency"
    register = context.agencies
    if match is None:
        evidence = context.quality.evidence
        if evidence in NOT_ESG_QUALITY_ASSURANCE:
            named = context.case.credential.quality_assurance
            return finding(
                info,
                Status.NOT_APPLICABLE,
                f"{named.external_agency if named else 'The body named'} is {NOT_ESG_QUALITY_ASSURANCE[evidence]}: "
                "not a quality assurance agency, so EQAR registration does not arise.",
                field=field,
            )
        return finding(info, Status.NOT_APPLICABLE, "No agency is named.")
    if match.status is MatchStatus.AMBIGUOUS:
        return finding(info, Status.UNKNOWN, "The agency could not be identified unambiguously.", field=field)
    if match.status is MatchStatus.NOT_FOUND or match.agency is None:
        evidence = context.quality.evidence
        if context.quality.grade is QAGrade.SUBSTANTIAL and evidence in (
            QAEvidence.NATIONAL_ACCREDITATION,
            QAEvidence.VET_QUALITY_ASSURANCE,
        ):
            return finding(
                info,
                Status.NOT_APPLICABLE,
                f"{match.query!r} is not in the EQAR agency data (as of {register.as_of}); its decision is weighed "
                "as national "
                + ("accreditation" if evidence is QAEvidence.NATIONAL_ACCREDITATION else "VET quality assurance")
                + ", not as the decision of a registered agency.",
                field=field,
            )
        nearest = ", ".join(a.acronym for a in match.candidates[:3])
        hint = f" Agencies with similar names: {nearest}." if nearest else ""
        return finding(
            info,
            Status.UNKNOWN,
            f"{match.query!r} is not in the EQAR agency data (as of {register.as_of}): whether it is a quality "
            f"assurance agency or authority of its national system, or registered since, is to be checked on "
            f"DEQAR.{hint}",
            field=field,
        )
    agency = match.agency
    who = f"{agency.acronym} ({agency.name}, {agency.country})"
    state = context.quality.registration
    if state is None:
        return finding(
            info,
            Status.UNKNOWN,
            f"{who} is in the EQAR agency data; without an issue date or --as-of its registration at the time "
            "cannot be judged.",
            field="credential.issue_date",
        )
    on = context.as_of
    periods = "; ".join(
        f"{period.start} to {period.until if period.until else 'an end the data do not state'}"
        for period in agency.periods
    )
    if state is RegistrationState.REGISTERED:
        return finding(info, Status.PASS, f"{who} was registered on EQAR on {on} (registered {periods}).", field=field)
    if state is RegistrationState.BEYOND_THE_DATA:
        return finding(
            info,
            Status.UNKNOWN,
            f"{who}: the last registration in the agency data ran to {agency.periods[-1].end()}, before {on}. The "
            f"agency data are as of {register.as_of}, so a renewal since would not be in them: check DEQAR, or "
            "refresh the data with recogniser data import-agencies.",
            field=field,
        )
    if state is RegistrationState.NOT_YET_REGISTERED:
        return finding(
            info,
            Status.FAIL,
            f"{who} was first registered on EQAR on {agency.periods[0].start}, after {on}: on that day the decision "
            "did not come from a registered agency.",
            field=field,
        )
    if state is RegistrationState.SUSPENDED:
        return finding(
            info,
            Status.FAIL,
            f"{who}'s registration was suspended from {agency.status_since}, before {on}: {agency.status_reason}",
            field=field,
        )
    if state is RegistrationState.NO_LONGER_REGISTERED:
        ended = agency.status_since or agency.periods[-1].end()
        return finding(
            info,
            Status.FAIL,
            f"{who} is a former entry of the EQAR register (not registered from {ended}), so on {on} it was not "
            f"registered: {agency.status_reason or 'the data give no reason'}",
            field=field,
        )
    return finding(
        info,
        Status.UNKNOWN,
        f"{who} is in the EQAR agency data (as of {register.as_of}) without its registration dates: check DEQAR.",
        field=field,
    )


@rule(
    id="esg.qa_grade",
    rule_set=RuleSet.ESG,
    element=Element.QUALITY,
    citation=cited.cite(ESG_PART_2, ESG_PART_3, cited.NUFFIC_GRADING),
    explanation="Quality evidence graded strong, substantial, weak or none.",
)
def qa_grade(context: RuleContext, info: RuleInfo) -> Finding:
    quality = context.quality
    if not is_stated(context, "quality_assurance"):
        return finding(
            info,
            Status.UNKNOWN,
            "The type of quality assurance is not stated (Annex I element 11), so its evidence cannot be graded.",
            field="credential.quality_assurance",
        )
    if quality.to_verify is not None:
        return finding(
            info,
            Status.UNKNOWN,
            f"As stated, the quality evidence is {quality.grade.value} ({quality.reason}). Before it is graded, "
            f"verify {quality.to_verify}.",
            field="credential.quality_assurance",
        )
    if quality.vet_quality_to_check:
        return finding(
            info,
            Status.UNKNOWN,
            f"In ESG terms the quality evidence is {quality.grade.value} ({quality.reason}). {VET_QUALITY_CHECK}",
            field="credential.quality_assurance",
            citation=cited.cite(ESG_SCOPE, VET_QUALITY),
        )
    status = {
        QAGrade.STRONG: Status.PASS,
        QAGrade.SUBSTANTIAL: Status.PASS,
        QAGrade.WEAK: Status.WARNING,
        QAGrade.NONE: Status.FAIL,
    }[quality.grade]
    return finding(
        info,
        status,
        f"Quality evidence is {quality.grade.value}: {quality.reason}.",
        field="credential.quality_assurance",
    )


@rule(
    id="esg.provider_route",
    rule_set=RuleSet.ESG,
    element=Element.QUALITY,
    citation=cited.cite(cited.MICROBOL, cited.VALIDATION),
    explanation="A provider outside higher education without ESG-aligned QA enters higher education via RPL.",
)
def provider_route(context: RuleContext, info: RuleInfo) -> Finding:
    body = context.case.credential.awarding_body
    kind = body.kind if body else None
    field = "credential.awarding_body.kind"
    if kind is None:
        return finding(info, Status.UNKNOWN, "The kind of awarding body is not stated.", field=field)
    if kind is ProviderKind.HIGHER_EDUCATION_INSTITUTION:
        return finding(info, Status.NOT_APPLICABLE, "The awarding body is a higher education institution.", field=field)
    if context.quality.vet_quality_to_check:
        if context.case.purpose is Purpose.EMPLOYMENT:
            return finding(
                info,
                Status.NOT_APPLICABLE,
                "The awarding body is a VET provider; for employment the credential does not enter higher "
                "education, so the route through recognition of prior learning does not arise.",
                field=field,
            )
        return finding(
            info,
            Status.WARNING,
            "The awarding body is a VET provider, outside higher education, where the ESG apply: in higher "
            "education the credential is evidence in a recognition of prior learning procedure.",
            field=field,
        )
    if context.quality.grade in (QAGrade.STRONG, QAGrade.SUBSTANTIAL):
        return finding(
            info,
            Status.PASS,
            f"The awarding body ({kind.value.replace('_', ' ')}) is outside higher education but externally "
            "quality assured.",
            field=field,
        )
    return finding(
        info,
        Status.WARNING,
        f"The awarding body ({kind.value.replace('_', ' ')}) is outside higher education and has no ESG-aligned "
        "quality assurance: in higher education the credential is evidence in a recognition of prior learning "
        "procedure.",
        field=field,
    )
