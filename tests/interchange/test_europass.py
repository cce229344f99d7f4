"""Europass Digital Credentials (ELM v3): every Annex I element, tolerance of real files, honest reporting."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from recogniser.casefile import parse_case
from recogniser.interchange import ElementStatus, ImportResult, SignatureStatus, import_credential
from recogniser.model import AssessmentType, Participation, ProviderKind, QADecision
from tests.interchange.conftest import FIXTURES, fixture_document

Writer = Callable[..., Path]


def _statuses(result: ImportResult) -> dict[int, ElementStatus]:
    return {report.number: report.status for report in result.elements}


def _report(result: ImportResult, number: int) -> Any:
    return next(report for report in result.elements if report.number == number)


def _achievement(document: dict[str, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = document["credentialSubject"]["hasClaim"]
    return claim


def test_an_annex_i_complete_micro_credential_maps_every_element() -> None:
    result = import_credential(FIXTURES / "edc-microcredential.json", assessing_country="HR")

    assert result.format == "europass-elm3"
    statuses = _statuses(result)
    assert statuses.pop(4) is ElementStatus.GUESSED  # the kind of awarding body, read from its name
    assert set(statuses.values()) == {ElementStatus.MAPPED}
    assert [report.number for report in result.elements] == list(range(1, 17))
    assert result.warnings == (
        "issuanceDate gives 2025-07-01, another day than issued (2025-06-30), which is taken as the date of issuing; "
        "check which one the issuer means.",
    )
    case = parse_case(result.document)
    assert case.credential.awarding_body is not None
    assert case.credential.awarding_body.kind is ProviderKind.HIGHER_EDUCATION_INSTITUTION
    credential = case.credential
    assert credential.title == "Maritime Safety and Security"
    assert credential.language == "en"
    assert credential.learner is not None
    assert credential.learner.name == "Ana Kovačević"
    assert credential.learner.identifier == "48217630955 (HR)"
    assert str(credential.learner.date_of_birth) == "1994-03-17"
    assert credential.issuer_country == "HR"
    assert case.assessing_country == "HR"
    assert credential.awarding_body is not None
    assert (credential.awarding_body.name, credential.awarding_body.country) == ("Adriatic Polytechnic", "HR")
    assert str(credential.issue_date) == "2025-06-30"
    assert credential.learning_outcomes is not None
    assert len(credential.learning_outcomes) == 3
    assert credential.learning_outcomes[0].startswith("Apply the IMO safety conventions")
    assert credential.workload is not None
    assert (credential.workload.ects, credential.workload.hours) == (5, 130)
    assert credential.level is not None
    assert (credential.level.framework, credential.level.nqf_level, credential.level.eqf_level) == (
        "HR-CROQF",
        "7.1",
        7,
    )
    assert credential.assessment is not None
    assert credential.assessment.type is AssessmentType.WRITTEN_EXAM
    assert credential.assessment.supervised is True
    assert credential.assessment.identity_verified is True
    assert credential.participation is Participation.BLENDED
    # The report shows the concept by its label as well as its code.
    assert result.elements[9].value == "blended ('Blended', Europass concept e92d221e4d)"
    assert credential.quality_assurance is not None
    assert credential.quality_assurance.external_agency == "Agency for Science and Higher Education"
    assert credential.quality_assurance.decision is QADecision.POSITIVE
    assert str(credential.quality_assurance.valid_until) == "2028-06-30"
    assert credential.prerequisites == "A bachelor's degree in nautical studies or marine engineering."
    assert credential.grade == "Very good (4)"
    assert credential.stackability == "stackable"
    assert case.unknown_keys == ()


def test_the_report_names_the_json_path_each_value_came_from() -> None:
    result = import_credential(FIXTURES / "edc-microcredential.json")

    assert _report(result, 3).source == "credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode"
    assert _report(result, 5).source == "issued"
    assert "creditPoint.point (ECTS)" in _report(result, 7).source
    assert _report(result, 7).value == "5 ECTS; 130 h (PT130H)"
    assert "CROQF Level 7.1" in _report(result, 8).value
    assert _report(result, 2).element == "2. Title of the micro-credential"


def test_further_information_keeps_other_languages_esco_skills_and_the_larger_qualification() -> None:
    result = import_credential(FIXTURES / "edc-microcredential.json")

    further = result.document["credential"]["further_information"]
    assert "hr: Pomorska sigurnost i zaštita" in further
    assert "assess security threats (http://data.europa.eu/esco/skill/" in further
    assert "Part of: Master of Maritime Management" in further
    assert "Field of study (ISCED-F): Transport services" in further


def test_a_certificate_of_participation_is_flagged_as_not_assessed() -> None:
    result = import_credential(FIXTURES / "edc-participation.json")

    credential = result.document["credential"]
    assert credential["assessment"] == {"type": "attendance_only"}
    assert any(warning.startswith("Certificate of participation") for warning in result.warnings)
    assert _statuses(result)[13] is ElementStatus.MISSING
    assert _report(result, 13).source == "nothing was assessed"


def test_an_issuer_acting_by_mandate_is_reported_beside_the_awarding_body() -> None:
    result = import_credential(FIXTURES / "edc-participation.json")

    assert result.document["credential"]["awarding_body"]["name"] == "Shannon Institute of Technology"
    assert "assessing_country" not in result.document  # never the issuer's country
    assert result.assessing_country_origin.startswith("not set: give --assessing-country")
    mandate = [warning for warning in result.warnings if "on behalf of" in warning]
    assert mandate == [
        "Issued by Liffey Credential Services Ltd on behalf of the awarding body Shannon Institute of Technology "
        "(a mandate is recorded as evidence): check that the issuer acts for the awarding body."
    ]


def test_a_calendar_duration_beside_hours_is_a_warning_not_a_workload() -> None:
    result = import_credential(FIXTURES / "edc-participation.json")

    assert result.document["credential"]["workload"] == {"hours": 60}
    assert any("'P60M' is a calendar duration (60 months)" in warning for warning in result.warnings)


def test_the_title_language_is_english_when_present_else_the_issuers_first(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    _achievement(document)["title"] = {"hr": "Pomorska sigurnost i zaštita", "it": "Sicurezza marittima"}

    result = import_credential(credential_file(document))

    assert result.document["credential"]["title"] == "Pomorska sigurnost i zaštita"
    assert result.document["credential"]["language"] == "hr"
    assert "it: Sicurezza marittima" in result.document["credential"]["further_information"]


@pytest.mark.parametrize(
    ("point", "expected"),
    [("2", 2), ("2,5", 2.5), (3, 3), (1.5, 1.5)],
)
def test_credit_points_are_read_from_strings_and_numbers(
    credential_file: Writer, point: object, expected: float
) -> None:
    document = fixture_document("edc-microcredential.json")
    specification = _achievement(document)["specifiedBy"]
    specification["creditPoint"] = {**specification["creditPoint"][0], "point": point}

    result = import_credential(credential_file(document))

    assert result.document["credential"]["workload"]["ects"] == expected


def test_credit_points_in_another_framework_are_kept_but_not_taken_as_ects(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    specification = _achievement(document)["specifiedBy"]
    specification["creditPoint"] = {"framework": {"prefLabel": {"en": "Irish FET credits"}}, "point": "10"}

    result = import_credential(credential_file(document))

    assert result.document["credential"]["workload"] == {"hours": 130}
    assert "Credit points: 10 (Irish FET credits)" in result.document["credential"]["further_information"]


def test_implausible_and_unreadable_values_are_warned_about_and_left_out(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    specification = _achievement(document)["specifiedBy"]
    specification["creditPoint"][0]["point"] = "five"
    specification["volumeOfLearning"] = "PT90000H"
    document["issued"] = "30.06.2025"

    result = import_credential(credential_file(document))

    assert "workload" not in result.document["credential"]
    assert _statuses(result)[7] is ElementStatus.MISSING
    assert result.document["credential"]["issue_date"] == "2025-07-01"
    assert any("'five' is not a number" in warning for warning in result.warnings)
    assert any("90000 hours is implausible" in warning for warning in result.warnings)
    assert any("issued '30.06.2025' is not an ISO 8601 date" in warning for warning in result.warnings)


def test_an_nqf_label_not_in_the_framework_data_is_kept_and_warned_about(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    specification = _achievement(document)["specifiedBy"]
    specification["nqfLevel"] = {"id": "urn:x", "type": "Concept", "prefLabel": {"en": "Atlantis QF Level 9"}}
    del specification["eqfLevel"]

    result = import_credential(credential_file(document))

    assert "level" not in result.document["credential"]
    assert _statuses(result)[8] is ElementStatus.MISSING
    assert "National framework level: Atlantis QF Level 9" in result.document["credential"]["further_information"]
    assert any("'Atlantis QF Level 9' is not in the framework data" in warning for warning in result.warnings)


def test_a_national_level_alone_gives_the_framework_and_level(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    specification = _achievement(document)["specifiedBy"]
    del specification["eqfLevel"]
    specification["nqfLevel"] = [{"type": "Concept", "prefLabel": {"en": "RQF Level 6"}}]

    result = import_credential(credential_file(document))

    assert result.document["credential"]["level"] == {"framework": "UK-ENI-RQF", "nqf_level": "6"}


def test_unsupervised_assessment_without_identity_check_is_read_from_the_vocabulary(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    _achievement(document)["provenBy"]["idVerification"] = {
        "id": "http://data.europa.eu/snb/supervision-verification/c598449d64",
        "type": "Concept",
        "prefLabel": {"en": "Unsupervised without ID Verification"},
    }

    result = import_credential(credential_file(document))

    assessment = result.document["credential"]["assessment"]
    assert (assessment["supervised"], assessment["identity_verified"]) == (False, False)


def test_an_assessment_type_that_names_no_known_kind_is_a_guess(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    assessment = _achievement(document)["provenBy"]
    assessment["specifiedBy"]["dcType"] = {"type": "Concept", "prefLabel": {"en": "Graded exercises"}}

    result = import_credential(credential_file(document))

    assert result.document["credential"]["assessment"]["type"] == "other"
    assert _statuses(result)[9] is ElementStatus.GUESSED


def test_an_accreditation_without_a_decision_leaves_the_decision_to_the_evaluator(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    del _achievement(document)["specifiedBy"]["accreditation"]["decision"]

    result = import_credential(credential_file(document))

    assert "decision" not in result.document["credential"]["quality_assurance"]
    assert any("recorded without a decision; the decision is left empty" in w for w in result.warnings)


def test_no_accreditation_sends_the_evaluator_to_the_agency_register(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    del _achievement(document)["specifiedBy"]["accreditation"]

    result = import_credential(credential_file(document))

    assert "quality_assurance" not in result.document["credential"]
    assert "agency register" in _report(result, 11).source


def test_unknown_extensions_and_single_objects_for_lists_are_tolerated(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    claim = _achievement(document)
    claim["x-vendor:badgeColour"] = {"nested": [1, 2, {"deep": True}]}
    claim["specifiedBy"]["learningOutcome"] = claim["specifiedBy"]["learningOutcome"][0]
    claim["awardedBy"]["awardingBody"]["location"] = claim["awardedBy"]["awardingBody"]["location"][0]
    document["credentialSubject"]["hasClaim"] = [claim]

    result = import_credential(credential_file(document))

    assert result.document["credential"]["learning_outcomes"] == [
        "Apply the IMO safety conventions to the operation of a vessel"
    ]
    assert result.document["credential"]["issuer_country"] == "HR"


def test_an_unsigned_credential_is_reported_as_not_verified() -> None:
    result = import_credential(FIXTURES / "edc-microcredential.json")

    assert result.signature is SignatureStatus.NOT_VERIFIED
    assert result.signature_reason == "the file carries no signature or proof"


def test_further_claims_are_listed_and_warned_about(credential_file: Writer) -> None:
    document = fixture_document("edc-microcredential.json")
    participation = fixture_document("edc-participation.json")["credentialSubject"]["hasClaim"][0]
    document["credentialSubject"]["hasClaim"] = [participation, _achievement(document)]

    result = import_credential(credential_file(document))

    assert result.document["credential"]["title"] == "Maritime Safety and Security"
    assert result.document["credential"]["assessment"]["type"] == "written_exam"
    assert (
        "Other claims in the credential: Summer School on Digital Accessibility"
        in (result.document["credential"]["further_information"])
    )
    assert any(warning.startswith("The credential makes 2 claims") for warning in result.warnings)


def test_a_preferred_language_is_taken_where_the_credential_has_it() -> None:
    result = import_credential(FIXTURES / "edc-microcredential.json", language="hr")

    credential = result.document["credential"]
    assert credential["title"] == "Pomorska sigurnost i zaštita"
    assert credential["language"] == "hr"
    assert credential["grade"] == "Vrlo dobar (4)"
    assert credential["learning_outcomes"][0] == "Primijeniti konvencije IMO-a o sigurnosti na upravljanje brodom"
    assert credential["learning_outcomes"][1].startswith("Assess security threats")
    assert "en: Maritime Safety and Security" in credential["further_information"]
