"""ESG 2015 quality assurance: internal QA, external QA, the agency's EQAR registration, and the overall grade.

Dates are judged as of the case's issue date or an explicit ``--as-of``, never the clock. The agency data keep
the register's history as of their date: a day after the last registration they record is beyond the data (one
``unknown`` finding naming their date), never "unregistered".
"""

from __future__ import annotations

from recogniser.agencies import MatchStatus, RegistrationState
from recogniser.i18n import from_data, phrase
from recogniser.joining import in_list
from recogniser.model import Element, Finding, ProviderKind, Purpose, QADecision, RuleSet, Status
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.completeness import is_stated
from recogniser.rules.facts import QAGrade, grade_words
from recogniser.rules.quality_evidence import NOT_ESG_QUALITY_ASSURANCE, QAEvidence
from recogniser.rules.wording import provider_words, quoted

ESG_PART_1 = cited.ESG_PART_1
ESG_PART_2 = cited.ESG_PART_2
ESG_PART_3 = cited.cite(cited.ESG_PART_3, cited.EQAR_REGISTER)
ESG_SCOPE = cited.ESG_SCOPE
VET_QUALITY = cited.VET_QUALITY
#: What a VET provider's quality evidence is checked against, since the ESG do not reach it.
VET_QUALITY_CHECK = phrase(
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
            info,
            Status.UNKNOWN,
            phrase("Whether the provider has internal quality assurance is not stated."),
            field=field,
        )
    if qa.internal:
        return finding(info, Status.PASS, phrase("The provider has internal quality assurance."), field=field)
    return finding(
        info, Status.WARNING, phrase("The provider states it has no internal quality assurance."), field=field
    )


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
        return finding(info, Status.UNKNOWN, phrase("No external quality assurance agency is named."), field=field)
    evidence = context.quality.evidence
    if evidence in NOT_ESG_QUALITY_ASSURANCE:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "{agency} is {kind}; it is not external quality assurance of the provision in the sense of the ESG.",
                agency=qa.external_agency,
                kind=NOT_ESG_QUALITY_ASSURANCE[evidence],
            ),
            field=field,
        )
    match = context.quality.agency_match
    assert match is not None
    if match.status is MatchStatus.AMBIGUOUS:
        names = in_list([f"{a.acronym} ({a.name}, {a.country})" for a in match.candidates])
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "{agency} could be several agencies: {names}. Name the agency exactly.",
                agency=quoted(qa.external_agency),
                names=names,
            ),
            field=field,
        )
    named = match.agency.acronym if match.agency and match.status is MatchStatus.FOUND else qa.external_agency
    decision_field = "credential.quality_assurance.decision"
    if qa.decision is None:
        return finding(
            info, Status.WARNING, phrase("{agency} is named, but not its decision.", agency=named), field=decision_field
        )
    if qa.decision is QADecision.NEGATIVE:
        return finding(
            info, Status.FAIL, phrase("{agency} reached a negative decision.", agency=named), field=decision_field
        )
    if qa.decision is QADecision.NOT_APPLICABLE:
        return finding(
            info,
            Status.WARNING,
            phrase("{agency} is named, but its decision is 'not applicable'.", agency=named),
            field=decision_field,
        )
    decision = (
        phrase("a positive decision")
        if qa.decision is QADecision.POSITIVE
        else phrase("a positive decision with conditions")
    )
    as_of = context.as_of
    validity_field = "credential.quality_assurance.valid_until"
    if qa.valid_until is None:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "{agency} reached {decision}; no end of validity is given (DEQAR treats such decisions as valid for "
                "six years from the review): verify the date on DEQAR.",
                agency=named,
                decision=decision,
            ),
            field=validity_field,
        )
    if as_of is None:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "{agency} reached {decision} valid until {until}; with no issue date or --as-of, its validity cannot "
                "be judged.",
                agency=named,
                decision=decision,
                until=qa.valid_until,
            ),
            field="credential.issue_date",
        )
    if qa.valid_until < as_of:
        return finding(
            info,
            Status.FAIL,
            phrase(
                "{agency}'s decision ran out on {until}, before {as_of}.",
                agency=named,
                until=qa.valid_until,
                as_of=as_of,
            ),
            field=validity_field,
        )
    status = Status.PASS if qa.decision is QADecision.POSITIVE else Status.WARNING
    return finding(
        info,
        status,
        phrase(
            "{agency} reached {decision}, valid until {until} (judged on {as_of}).",
            agency=named,
            decision=decision,
            until=qa.valid_until,
            as_of=as_of,
        ),
        field=field,
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
                phrase(
                    "{body} is {kind}: not a quality assurance agency, so EQAR registration does not arise.",
                    body=named.external_agency if named and named.external_agency else phrase("The body named"),
                    kind=NOT_ESG_QUALITY_ASSURANCE[evidence],
                ),
                field=field,
            )
        return finding(info, Status.NOT_APPLICABLE, phrase("No agency is named."))
    if match.status is MatchStatus.AMBIGUOUS:
        return finding(info, Status.UNKNOWN, phrase("The agency could not be identified unambiguously."), field=field)
    if match.status is MatchStatus.NOT_FOUND or match.agency is None:
        evidence = context.quality.evidence
        if context.quality.grade is QAGrade.SUBSTANTIAL and evidence in (
            QAEvidence.NATIONAL_ACCREDITATION,
            QAEvidence.VET_QUALITY_ASSURANCE,
        ):
            return finding(
                info,
                Status.NOT_APPLICABLE,
                phrase(
                    "{agency} is not in the EQAR agency data (as of {data_as_of}); its decision is weighed as "
                    "national accreditation, not as the decision of a registered agency.",
                    agency=quoted(match.query),
                    data_as_of=register.as_of,
                )
                if evidence is QAEvidence.NATIONAL_ACCREDITATION
                else phrase(
                    "{agency} is not in the EQAR agency data (as of {data_as_of}); its decision is weighed as "
                    "national VET quality assurance, not as the decision of a registered agency.",
                    agency=quoted(match.query),
                    data_as_of=register.as_of,
                ),
                field=field,
            )
        nearest = ", ".join(a.acronym for a in match.candidates[:3])
        unknown = phrase(
            "{agency} is not in the EQAR agency data (as of {data_as_of}): whether it is a quality assurance agency "
            "or authority of its national system, or registered since, is to be checked on DEQAR.",
            agency=quoted(match.query),
            data_as_of=register.as_of,
        )
        if nearest:
            unknown = phrase("{unknown} Agencies with similar names: {nearest}.", unknown=unknown, nearest=nearest)
        return finding(info, Status.UNKNOWN, unknown, field=field)
    agency = match.agency
    who = f"{agency.acronym} ({agency.name}, {agency.country})"
    state = context.quality.registration
    if state is None:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "{agency} is in the EQAR agency data; without an issue date or --as-of its registration at the time "
                "cannot be judged.",
                agency=who,
            ),
            field="credential.issue_date",
        )
    on = context.as_of
    if state is RegistrationState.REGISTERED:
        periods = in_list(
            [
                phrase("{start} to {until}", start=period.start, until=period.until)
                if period.until
                else phrase("{start} to an end the data do not state", start=period.start)
                for period in agency.periods
            ]
        )
        return finding(
            info,
            Status.PASS,
            phrase(
                "{agency} was registered on EQAR on {on} (registered {periods}).", agency=who, on=on, periods=periods
            ),
            field=field,
        )
    if state is RegistrationState.BEYOND_THE_DATA:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "{agency}: the last registration in the agency data ran to {end}, before {on}. The agency data are "
                "as of {data_as_of}, so a renewal since would not be in them: check DEQAR, or refresh the data with "
                "recogniser data import-agencies.",
                agency=who,
                end=agency.periods[-1].end(),
                on=on,
                data_as_of=register.as_of,
            ),
            field=field,
        )
    if state is RegistrationState.NOT_YET_REGISTERED:
        return finding(
            info,
            Status.FAIL,
            phrase(
                "{agency} was first registered on EQAR on {start}, after {on}: on that day the decision did not come "
                "from a registered agency.",
                agency=who,
                start=agency.periods[0].start,
                on=on,
            ),
            field=field,
        )
    if state is RegistrationState.SUSPENDED:
        return finding(
            info,
            Status.FAIL,
            phrase(
                "{agency}'s registration was suspended from {since}, before {on}: {reason}",
                agency=who,
                since=agency.status_since,
                on=on,
                reason=from_data(agency.status_reason) if agency.status_reason else None,
            ),
            field=field,
        )
    if state is RegistrationState.NO_LONGER_REGISTERED:
        ended = agency.status_since or agency.periods[-1].end()
        return finding(
            info,
            Status.FAIL,
            phrase(
                "{agency} is a former entry of the EQAR register (not registered from {ended}), so on {on} it was "
                "not registered: {reason}",
                agency=who,
                ended=ended,
                on=on,
                reason=from_data(agency.status_reason) if agency.status_reason else phrase("the data give no reason"),
            ),
            field=field,
        )
    return finding(
        info,
        Status.UNKNOWN,
        phrase(
            "{agency} is in the EQAR agency data (as of {data_as_of}) without its registration dates: check DEQAR.",
            agency=who,
            data_as_of=register.as_of,
        ),
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
            phrase(
                "The type of quality assurance is not stated (Annex I element 11), so its evidence cannot be graded."
            ),
            field="credential.quality_assurance",
        )
    if quality.to_verify is not None:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "As stated, the quality evidence is {grade} ({reason}). Before it is graded, verify {to_verify}.",
                grade=grade_words(quality.grade),
                reason=quality.reason,
                to_verify=quality.to_verify,
            ),
            field="credential.quality_assurance",
        )
    if quality.vet_quality_to_check:
        return finding(
            info,
            Status.UNKNOWN,
            phrase(
                "In ESG terms the quality evidence is {grade} ({reason}). {vet_check}",
                grade=grade_words(quality.grade),
                reason=quality.reason,
                vet_check=VET_QUALITY_CHECK,
            ),
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
        phrase("Quality evidence is {grade}: {reason}.", grade=grade_words(quality.grade), reason=quality.reason),
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
        return finding(info, Status.UNKNOWN, phrase("The kind of awarding body is not stated."), field=field)
    if kind is ProviderKind.HIGHER_EDUCATION_INSTITUTION:
        return finding(
            info, Status.NOT_APPLICABLE, phrase("The awarding body is a higher education institution."), field=field
        )
    if context.quality.vet_quality_to_check:
        if context.case.purpose is Purpose.EMPLOYMENT:
            return finding(
                info,
                Status.NOT_APPLICABLE,
                phrase(
                    "The awarding body is a VET provider; for employment the credential does not enter higher "
                    "education, so the route through recognition of prior learning does not arise."
                ),
                field=field,
            )
        return finding(
            info,
            Status.WARNING,
            phrase(
                "The awarding body is a VET provider, outside higher education, where the ESG apply: in higher "
                "education the credential is evidence in a recognition of prior learning procedure."
            ),
            field=field,
        )
    if context.quality.grade in (QAGrade.STRONG, QAGrade.SUBSTANTIAL):
        return finding(
            info,
            Status.PASS,
            phrase(
                "The awarding body ({kind}) is outside higher education but externally quality assured.",
                kind=provider_words(kind),
            ),
            field=field,
        )
    return finding(
        info,
        Status.WARNING,
        phrase(
            "The awarding body ({kind}) is outside higher education and has no ESG-aligned quality assurance: in "
            "higher education the credential is evidence in a recognition of prior learning procedure.",
            kind=provider_words(kind),
        ),
        field=field,
    )
