"""Quality evidence graded from what counts (docs/user/reference-data.md): an EQAR agency on the day judged, a national
accreditation of a listed institution type, national VET quality assurance for a VET provider; management-system
certificates, vendor programmes and memberships named as such; a body that cannot be identified left to check."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from recogniser.agency_file import load_agencies
from recogniser.casefile import parse_case
from recogniser.model import Status
from recogniser.rules.facts import QAGrade, derive_quality
from recogniser.rules.quality_evidence import QAEvidence
from tests.rules.cases import BASE, cred, found, run

REGISTER = load_agencies()


def quality(qa: dict[str, Any], body: dict[str, Any] | None = None, issue_date: str = "2025-06-30") -> Any:
    document = copy.deepcopy(BASE)
    document["credential"]["quality_assurance"] = qa
    document["credential"]["issue_date"] = issue_date
    if body is not None:
        document["credential"]["awarding_body"] = body
    case = parse_case(document)
    return derive_quality(case, REGISTER, date.fromisoformat(issue_date))


CORPORATE = {"name": "Northwind Academy", "country": "DE", "kind": "employer"}
VET = {"name": "Zagreb School of Welding", "country": "HR", "kind": "vet_provider"}
UNIVERSITY = {"name": "University of Example", "country": "JO", "kind": "higher_education_institution"}


@pytest.mark.parametrize(
    ("named", "kind"),
    [
        ("ISO 9001:2015 certificate", QAEvidence.MANAGEMENT_SYSTEM_CERTIFICATE),
        ("TÜV SÜD", QAEvidence.MANAGEMENT_SYSTEM_CERTIFICATE),
        ("DEKRA Certification (ISO 21001)", QAEvidence.MANAGEMENT_SYSTEM_CERTIFICATE),
        ("Bureau Veritas", QAEvidence.MANAGEMENT_SYSTEM_CERTIFICATE),
        ("Qualiopi (certification qualité des organismes de formation)", QAEvidence.MANAGEMENT_SYSTEM_CERTIFICATE),
        ("Microsoft Learning Partner programme", QAEvidence.VENDOR_PROGRAMME),
        ("Cisco Networking Academy", QAEvidence.VENDOR_PROGRAMME),
        ("Northwind Academy", QAEvidence.VENDOR_PROGRAMME),  # the awarding body vouching for itself
        ("Member of the European Association of Training Providers", QAEvidence.MEMBERSHIP),
    ],
)
def test_certificates_vendor_programmes_and_memberships_are_named_and_not_esg_qa(named: str, kind: QAEvidence) -> None:
    facts = quality({"internal": True, "external_agency": named, "decision": "positive"}, CORPORATE)
    assert facts.evidence is kind
    assert facts.grade is QAGrade.WEAK
    assert "not quality assurance of learning under the ESG" in facts.reason
    assert facts.to_verify is None and facts.agency_match is None
    without_internal = quality({"external_agency": named, "decision": "positive"}, CORPORATE)
    assert without_internal.grade is QAGrade.NONE


def test_an_iso_certified_corporate_academy_gets_no_credit_transfer_on_it() -> None:
    def edit(document: dict[str, Any]) -> None:
        document["credential"]["awarding_body"] = CORPORATE
        document["credential"]["quality_assurance"] = {
            "internal": True,
            "external_agency": "TÜV Rheinland ISO 9001",
            "decision": "positive",
        }

    decision = run(edit)
    assert decision.recommendation.outcome.value != "full_recognition"
    external = found(decision, "esg.external_qa")
    assert external.status is Status.WARNING and "management-system certificate" in external.message
    assert found(decision, "esg.eqar_registration").status is Status.NOT_APPLICABLE
    assert found(decision, "esg.qa_grade").status is Status.WARNING


def test_an_eqar_agency_registered_on_the_day_is_strong() -> None:
    facts = quality({"internal": True, "external_agency": "ACSUG", "decision": "positive"}, issue_date="2023-05-01")
    assert (facts.grade, facts.evidence) == (QAGrade.STRONG, QAEvidence.EQAR_AGENCY)


def test_a_former_or_suspended_agency_is_not_strong_and_its_standing_is_asked() -> None:
    former = quality({"internal": True, "external_agency": "EAPAA", "decision": "positive"}, issue_date="2021-03-01")
    assert former.evidence is QAEvidence.AGENCY_NOT_REGISTERED and former.grade is QAGrade.WEAK
    assert former.to_verify is not None and "EAPAA" in former.to_verify
    suspended = quality({"internal": True, "external_agency": "NCPA", "decision": "positive"}, issue_date="2024-01-10")
    assert suspended.evidence is QAEvidence.AGENCY_NOT_REGISTERED

    def edit(document: dict[str, Any]) -> None:
        document["credential"]["quality_assurance"] = {
            "internal": True,
            "external_agency": "NCPA",
            "decision": "positive",
        }
        document["credential"]["issue_date"] = "2024-01-10"
        document["credential"]["issuer_country"] = "RU"

    registration = found(run(edit), "esg.eqar_registration")
    assert registration.status is Status.FAIL and "suspended from 2022-03-31" in registration.message


def test_a_registration_beyond_the_data_is_one_unknown_naming_the_data_date() -> None:
    decision = run()  # ASHE, issued 2025-06-30; its last period in the data ended in 2022
    registration = found(decision, "esg.eqar_registration")
    assert registration.status is Status.UNKNOWN
    assert "as of 2017-06-20" in registration.message and "import-agencies" in registration.message
    assert found(decision, "esg.qa_grade").status is Status.PASS
    # One finding is left open over the data's date; the grade says the registration is to be confirmed.
    open_over_date = [f.rule_id for f in decision.findings if "2017-06-20" in f.message and f.status is not Status.PASS]
    assert open_over_date == ["esg.eqar_registration"]
    assert "its registration on 2025-06-30 to be confirmed" in found(decision, "esg.qa_grade").message


def test_national_accreditation_of_a_listed_institution_type_is_substantial() -> None:
    named = "Accreditation and Quality Assurance Commission for Higher Education Institutions (Jordan)"
    facts = quality({"internal": True, "external_agency": named, "decision": "positive"}, UNIVERSITY)
    assert (facts.grade, facts.evidence) == (QAGrade.SUBSTANTIAL, QAEvidence.NATIONAL_ACCREDITATION)
    # A national agency for quality, named in its own script: Ukraine's.
    ukrainian = quality(
        {"external_agency": "Національне агентство із забезпечення якості вищої освіти", "decision": "positive"},
        UNIVERSITY,
    )
    assert (ukrainian.grade, ukrainian.evidence) == (QAGrade.SUBSTANTIAL, QAEvidence.NATIONAL_ACCREDITATION)
    ministry = quality({"external_agency": "Ministry of Science and Education", "decision": "positive"}, UNIVERSITY)
    assert ministry.grade is QAGrade.SUBSTANTIAL
    # The same commission on a private training provider: whether its remit covers it is asked.
    private = {"name": "Amman Institute", "country": "JO", "kind": "private_provider"}
    outside = quality({"internal": True, "external_agency": named, "decision": "positive"}, private)
    assert outside.grade is QAGrade.WEAK and outside.to_verify is not None and "remit" in outside.to_verify


def test_national_vet_quality_assurance_is_the_relevant_evidence_for_a_vet_provider() -> None:
    facts = quality(
        {
            "internal": True,
            "external_agency": "Agency for VET and Adult Education (EQAVET reference point)",
            "decision": "positive",
        },
        VET,
    )
    assert (facts.grade, facts.evidence) == (QAGrade.SUBSTANTIAL, QAEvidence.VET_QUALITY_ASSURANCE)
    assert not facts.vet_quality_to_check


@pytest.mark.parametrize("named", ["Chamber Training Quality Board", "Global Quality Alliance", "Quality Agency"])
def test_an_unidentified_or_ambiguous_body_is_left_to_check(named: str) -> None:
    facts = quality({"internal": True, "external_agency": named, "decision": "positive"})
    assert facts.evidence is QAEvidence.UNIDENTIFIED_BODY
    assert facts.grade is not QAGrade.STRONG and facts.grade is not QAGrade.SUBSTANTIAL
    assert facts.to_verify is not None and named in facts.to_verify
    decision = run(cred(quality_assurance={"internal": True, "external_agency": named, "decision": "positive"}))
    assert found(decision, "esg.qa_grade").status is Status.UNKNOWN
