"""Open Badges 3.0, with and without the Edubadges profile: what is stated is mapped, what is inferred is a guess."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from recogniser.casefile import parse_case
from recogniser.interchange import ElementStatus, ImportResult, SignatureStatus, import_credential
from tests.interchange.conftest import FIXTURES, fixture_document

Writer = Callable[..., Path]


def _statuses(result: ImportResult) -> dict[int, ElementStatus]:
    return {report.number: report.status for report in result.elements}


def _achievement(document: dict[str, Any]) -> dict[str, Any]:
    achievement: dict[str, Any] = document["credentialSubject"]["achievement"]
    return achievement


def test_a_plain_open_badge_maps_what_the_standard_states() -> None:
    result = import_credential(FIXTURES / "ob3-badge.json", assessing_country="DE")

    assert result.format == "open-badges-3"
    credential = result.document["credential"]
    assert credential["title"] == "Data Protection Law Essentials"
    assert credential["learner"] == {"name": "Jonas Becker", "identifier": "did:example:learner-7c41"}
    assert credential["awarding_body"] == {
        "name": "Rhein Data Academy GmbH",
        "kind": "private_provider",
        "country": "DE",
    }
    assert credential["issue_date"] == "2025-05-14"
    assert credential["learning_outcomes"] == [
        "Apply the GDPR principles to the processing of personal data",
        "Carry out a data protection impact assessment",
    ]
    assert credential["level"] == {"eqf_level": 5}
    assert credential["grade"] == "Case analysis: 78"
    assert "de: Grundlagen des Datenschutzrechts" in credential["further_information"]
    assert "hashed emailAddress" in credential["further_information"]
    parse_case(result.document)


def test_credits_without_an_issuer_profile_are_a_guess_at_ects() -> None:
    result = import_credential(FIXTURES / "ob3-badge.json")

    assert result.document["credential"]["workload"] == {"ects": 2}
    report = next(report for report in result.elements if report.number == 7)
    assert report.status is ElementStatus.GUESSED
    assert report.source == "credentialSubject.achievement.creditsAvailable has no unit; read as ECTS"


def test_what_open_badges_cannot_say_is_missing_with_the_reason() -> None:
    result = import_credential(FIXTURES / "ob3-badge.json")

    statuses = _statuses(result)
    assert statuses[9] is ElementStatus.GUESSED
    assert [number for number, status in statuses.items() if status is ElementStatus.MISSING] == [10, 11, 12, 13, 15]
    reasons = {report.number: report.source for report in result.elements}
    assert reasons[10] == "no participation extension (Open Badges has no such field)"
    assert reasons[12] == "Open Badges 3.0 has no prerequisites field"


def test_a_data_integrity_proof_is_named_and_not_claimed_as_verified() -> None:
    result = import_credential(FIXTURES / "ob3-badge.json")

    assert result.signature is SignatureStatus.NOT_VERIFIED
    assert result.signature_reason.startswith(
        "DataIntegrityProof (eddsa-rdfc-2022) with key https://academy.example.de/issuer#key-1 not checked"
    )


def test_the_edubadges_profile_states_ects_level_participation_and_identity_checks() -> None:
    result = import_credential(FIXTURES / "ob3-edubadges.json", assessing_country="NL")

    credential = result.document["credential"]
    assert credential["awarding_body"] == {
        "name": "Hogeschool Zeeland-Noord",
        "kind": "higher_education_institution",
        "country": "NL",
    }
    assert credential["workload"] == {"ects": 3, "hours": 84}
    assert credential["level"] == {"eqf_level": 6, "framework": "NL-NLQF", "nqf_level": "6"}
    assert credential["participation"] == "blended"
    assert credential["assessment"] == {"type": "written_exam", "identity_verified": True, "supervised": True}
    assert credential["stackability"] == "stackable"
    assert credential["quality_assurance"] == {"external_agency": "NVAO"}
    assert credential["grade"] == "Final grade: 7.5"
    assert "Issued by Faculty of Engineering, part of Hogeschool Zeeland-Noord" in credential["further_information"]
    statuses = _statuses(result)
    assert statuses[7] is ElementStatus.MAPPED
    assert statuses[11] is ElementStatus.GUESSED
    assert statuses[6] is ElementStatus.GUESSED
    assert credential["learning_outcomes"] == [
        "identifies the hazards of hydrogen storage and transport",
        "applies the ATEX directives to an installation design",
        "writes a risk assessment for a hydrogen refuelling station",
    ]
    parse_case(result.document)


def test_the_same_badge_without_the_edubadges_conventions_only_guesses_ects(credential_file: Writer) -> None:
    document = fixture_document("ob3-edubadges.json")
    document["@context"] = document["@context"][:2]
    document["issuer"] = {**document["issuer"]["parentOrg"]}
    _achievement(document)["type"] = ["Achievement"]

    result = import_credential(credential_file(document))

    assert result.document["credential"]["workload"]["ects"] == 3
    assert _statuses(result)[7] is ElementStatus.GUESSED


def test_the_educredentials_variant_with_an_ects_key_and_an_eqf_alignment(credential_file: Writer) -> None:
    document = fixture_document("ob3-edubadges.json")
    achievement = _achievement(document)
    del achievement["creditsAvailable"]
    achievement["ECTS"] = "4.0"
    achievement["alignment"][0]["targetType"] = "ext:EQF"
    achievement["participationType"] = "onsite or blended"
    achievement["assessmentType"] = "testing"

    result = import_credential(credential_file(document))

    credential = result.document["credential"]
    assert credential["workload"]["ects"] == 4
    assert credential["level"]["eqf_level"] == 6
    assert credential["participation"] == "blended"
    assert credential["assessment"]["type"] == "written_exam"
    statuses = _statuses(result)
    assert statuses[10] is ElementStatus.GUESSED
    assert statuses[9] is ElementStatus.GUESSED  # "testing" says an examination took place, not its form


def test_a_badge_naming_the_learner_only_by_a_hashed_email_has_no_learner_name(credential_file: Writer) -> None:
    document = fixture_document("ob3-badge.json")
    document["credentialSubject"]["identifier"] = document["credentialSubject"]["identifier"][1:]
    del document["credentialSubject"]["id"]

    result = import_credential(credential_file(document))

    assert "learner" not in result.document["credential"]
    report = next(report for report in result.elements if report.number == 1)
    assert report.source == "no learner name in the credential (only hashed emailAddress)"


def test_an_issuer_country_that_is_no_iso_code_is_ignored_with_a_warning(credential_file: Writer) -> None:
    document = fixture_document("ob3-badge.json")
    document["issuer"]["address"]["addressCountryCode"] = "XX"

    result = import_credential(credential_file(document), assessing_country="de")

    assert "issuer_country" not in result.document["credential"]
    assert result.document["assessing_country"] == "DE"
    assert any("'XX' is not an ISO 3166-1 code" in warning for warning in result.warnings)


def test_rubric_criteria_stand_in_for_outcomes_when_no_competency_is_aligned(credential_file: Writer) -> None:
    document = fixture_document("ob3-badge.json")
    achievement = _achievement(document)
    achievement["alignment"] = achievement["alignment"][2:]
    achievement["resultDescription"].append(
        {
            "id": "urn:x:rubric",
            "type": ["ResultDescription"],
            "name": "Identifies lawful bases",
            "resultType": "RubricCriterion",
        }
    )

    result = import_credential(credential_file(document))

    assert result.document["credential"]["learning_outcomes"] == ["Identifies lawful bases"]
    assert _statuses(result)[6] is ElementStatus.GUESSED


def test_the_guesses_travel_with_the_case_under_further_information() -> None:
    result = import_credential(FIXTURES / "ob3-badge.json")

    further = result.document["credential"]["further_information"].splitlines()
    assert further[-1] == (
        "Guessed on import, to be checked: 4. Awarding body (issuer.name contains 'gmbh'); "
        "7. Notional workload (ECTS where possible) "
        "(credentialSubject.achievement.creditsAvailable has no unit; read as ECTS); "
        "9. Type of assessment (results are recorded (credentialSubject.result) but no assessment type)"
    )


def test_a_preferred_language_picks_the_badge_title() -> None:
    result = import_credential(FIXTURES / "ob3-badge.json", language="de")

    assert result.document["credential"]["title"] == "Grundlagen des Datenschutzrechts"
    assert result.document["credential"]["language"] == "de"


def test_a_wallet_presentation_of_one_badge_is_opened(credential_file: Writer) -> None:
    presentation = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": "did:example:learner-7c41",
        "verifiableCredential": [fixture_document("ob3-badge.json")],
        "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "authentication"},
    }

    result = import_credential(credential_file(presentation))

    assert result.document["credential"]["title"] == "Data Protection Law Essentials"
    assert result.signature_reason.startswith("DataIntegrityProof (eddsa-rdfc-2022) with key https://academy")
