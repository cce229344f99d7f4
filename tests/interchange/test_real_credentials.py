"""What real credentials do that the first fixtures did not: each case modelled on the public documentation of
its format (European Learning Model and EBSI-style attestations, Open Badges 3.0, Edubadges), written here."""

from pathlib import Path
from typing import Any

import pytest

from recogniser.casefile import parse_case
from recogniser.interchange import ElementStatus, ImportResult, import_credential
from recogniser.model import Outcome
from recogniser.rules import assess
from tests.interchange.conftest import FIXTURES, fixture_document
from tests.interchange.test_signatures import Writer


def _import(path: Path) -> ImportResult:
    return import_credential(path, assessing_country="HR")


def _element(result: ImportResult, number: int) -> Any:
    return next(report for report in result.elements if report.number == number)


def test_notation_only_concepts_give_the_level_the_credits_and_the_country() -> None:
    result = _import(FIXTURES / "edc-notation-only.json")
    credential = result.document["credential"]

    assert credential["issuer_country"] == "ES"
    assert credential["level"]["eqf_level"] == 5
    assert credential["workload"]["ects"] == 4
    assert _element(result, 7).status is ElementStatus.MAPPED


def test_a_national_level_named_only_by_its_concept_uri_is_resolved() -> None:
    result = _import(FIXTURES / "edc-notation-only.json")

    assert result.document["credential"]["level"]["framework"] == "ES-MECU"
    assert result.document["credential"]["level"]["nqf_level"] == "5"
    assert "(concept http://data.europa.eu/snb/qdr/c_cdd36a4b)" in _element(result, 8).value


def test_a_learner_named_only_by_an_e_mail_address_is_reported_missing_and_asked_for() -> None:
    result = _import(FIXTURES / "edc-notation-only.json")

    learner = _element(result, 1)
    assert learner.status is ElementStatus.MISSING
    assert "identified only by an e-mail address; ask for the name" in learner.source
    assert result.document["credential"]["learner"]["identifier"] == "l.moreno@example.org (e-mail)"
    decision = assess(parse_case(result.document))
    assert decision.recommendation.outcome is Outcome.INFORMATION_REQUIRED


def test_a_date_time_at_midnight_east_of_utc_is_taken_on_the_issuers_day_and_said_so() -> None:
    result = _import(FIXTURES / "edc-notation-only.json")

    assert result.document["credential"]["learner"]["date_of_birth"] == "1999-10-02"
    assert any("'1999-10-01T22:00:00Z' is midnight of 1999-10-02 east of UTC" in w for w in result.warnings)
    assert result.document["credential"]["issue_date"] == "2025-11-05"
    assert any(
        w.startswith("validFrom gives 2025-11-04, another day than issuanceDate (2025-11-05)") for w in result.warnings
    )
    assert result.document["provenance"]["validity"]["valid_until"] == "2030-11-03T23:00:00Z"


def test_an_open_badge_with_a_parent_organisation_is_not_read_as_edubadges() -> None:
    result = _import(FIXTURES / "ob3-parent-org.json")
    credential = result.document["credential"]

    assert credential["awarding_body"]["name"] == "Kanto Institute of Continuing Studies"
    assert _element(result, 7).status is ElementStatus.GUESSED  # creditsAvailable has no unit outside Edubadges
    assert credential["grade"] == "Workshop rubric: Distinguished"
    assert "Issuer's parent organisation: Kanto Education Holdings" in credential["further_information"]


def test_a_programme_alignment_and_attendance_criteria_are_no_learning_outcomes() -> None:
    result = _import(FIXTURES / "ob3-parent-org.json")

    assert result.document["credential"]["learning_outcomes"] == [
        "A two-week workshop on industrial robot programming."
    ]
    assert any("criteria states requirements (attendance, tests)" in w for w in result.warnings)


def test_a_badge_title_in_the_subjects_name_is_no_learner_and_the_country_by_name_is_used() -> None:
    result = _import(FIXTURES / "ob3-parent-org.json")
    credential = result.document["credential"]

    assert "name" not in credential["learner"]
    assert credential["learner"]["identifier"] == "k.sato@example.org (emailAddress)"
    assert _element(result, 1).status is ElementStatus.MISSING
    assert "only an e-mail address" in _element(result, 1).source
    assert credential["issuer_country"] == "JP"
    assert "Country 'Japan' given by name: taken as JP" in result.not_used


def test_an_edubadges_quality_alignment_naming_a_programme_is_no_agency(credential_file: Writer) -> None:
    badge = fixture_document("ob3-edubadges.json")
    badge["credentialSubject"]["achievement"]["alignment"][2] = {
        "type": ["Alignment"],
        "targetType": "ext:QualityAssurance",
        "targetName": "B Process Engineering",
        "targetCode": "34397",
        "targetUrl": "https://register.example.nl/decisions/34397",
    }

    result = _import(credential_file(badge))

    assert "quality_assurance" not in result.document["credential"]
    assert any("names the programme 'B Process Engineering', not a QA agency" in w for w in result.warnings)
    decision = assess(parse_case(result.document))
    assert not any("B Process Engineering" in item for item in decision.recommendation.information_required)


@pytest.mark.parametrize(
    ("profile", "record"),
    [("Learning Entitlement", "an enrolment record"), ("Qualification Award", "a degree or qualification record")],
)
def test_an_enrolment_or_degree_record_is_not_a_certificate_of_participation(
    credential_file: Writer, profile: str, record: str
) -> None:
    credential = fixture_document("edc-participation.json")
    credential["credentialProfiles"] = {"id": "urn:example:profile", "type": "Concept", "prefLabel": {"en": profile}}

    result = _import(credential_file(credential))

    assert _element(result, 9).status is ElementStatus.MISSING
    assert _element(result, 9).source.startswith(f"{record} ('{profile}')")
    assert "assessment" not in result.document["credential"]


def test_a_learning_activity_without_a_credential_type_is_attendance_only_as_a_guess(credential_file: Writer) -> None:
    credential = fixture_document("edc-participation.json")
    del credential["credentialProfiles"]

    result = _import(credential_file(credential))

    assert _element(result, 9).status is ElementStatus.GUESSED
    assert result.document["credential"]["assessment"]["type"] == "attendance_only"
