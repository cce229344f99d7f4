"""Files that are not an importable credential: one clear line, nothing else."""

from collections.abc import Callable
from pathlib import Path

import pytest

from recogniser.errors import UserInputError
from recogniser.interchange import CredentialImportError, import_credential
from recogniser.model import Purpose, Target
from tests.interchange.conftest import FIXTURES, fixture_document

Writer = Callable[..., Path]


def _reason(path: Path, **options: object) -> str:
    with pytest.raises(CredentialImportError) as caught:
        import_credential(path, **options)  # type: ignore[arg-type]
    assert isinstance(caught.value, UserInputError)
    lines = caught.value.lines()
    assert len(lines) == 1
    assert "\n" not in lines[0]
    assert lines[0].startswith(f"{path}: ")
    return caught.value.reason


def test_a_text_file_is_not_json() -> None:
    assert _reason(FIXTURES / "not-json.json") == "the file is not JSON: Expecting value at line 1, column 1"


def test_json_that_is_no_credential() -> None:
    assert _reason(FIXTURES / "not-a-credential.json") == (
        "not a credential: no type names a Europass (EuropeanDigitalCredential) or Open Badges 3.0 credential"
    )


def test_a_credential_of_another_type() -> None:
    assert _reason(FIXTURES / "other-credential.json") == (
        "a verifiable credential of another type (EmployeeBadgeCredential), "
        "neither a Europass (ELM v3) nor an Open Badges 3.0 credential"
    )


def test_a_type_with_a_line_break_is_named_on_one_line(credential_file: Writer) -> None:
    credential = {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential", "A\nB"]}

    assert _reason(credential_file(credential)).startswith("a verifiable credential of another type (A\\u000aB)")


def test_an_open_badges_2_assertion(credential_file: Writer) -> None:
    assertion = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "recipient": {}, "badge": "x"}

    assert _reason(credential_file(assertion)).startswith("an Open Badges 2.0 assertion")


def test_a_case_file_is_not_a_credential(credential_file: Writer) -> None:
    case = {"format": "recogniser-case/1", "purpose": "employment", "assessing_country": "HR"}

    assert _reason(credential_file(case)) == "this is already a case file (recogniser-case/1), not a credential"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a JSON credential: not UTF-8 text (byte 0x89 at offset 0)"),
        ("<?xml version='1.0'?><europassCredential/>", "the file is XML, not JSON"),
        ("[1, 2, 3]", "not a credential: the file holds a list, not a JSON object"),
        ('{"type": "OpenBadgeCredential", "x": NaN}', "the file is not JSON: NaN is not a JSON number"),
        ("", "the file is not JSON: Expecting value at line 1, column 1"),
    ],
)
def test_broken_content(credential_file: Writer, content: str | bytes, expected: str) -> None:
    assert _reason(credential_file(content)).startswith(expected)


def test_fifty_megabytes_of_junk_are_refused_without_reading_them(tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    with junk.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)

    # The size is checked before anything is read: the reason names the size, not a JSON error.
    assert _reason(junk) == "file is 52,428,800 bytes; a credential file is at most 26,214,400 bytes"


def test_a_missing_file(tmp_path: Path) -> None:
    assert _reason(tmp_path / "absent.json") == "cannot read the file (No such file or directory)"


def test_admission_and_credit_transfer_need_a_target() -> None:
    reason = _reason(FIXTURES / "edc-microcredential.json", purpose=Purpose.CREDIT_TRANSFER)

    assert reason == "the purpose credit transfer needs the target programme recognition is sought for"


def test_a_target_without_the_credits_sought_is_refused_naming_the_field() -> None:
    reason = _reason(FIXTURES / "edc-microcredential.json", purpose=Purpose.CREDIT_TRANSFER, target=Target(eqf_level=7))

    assert reason == "target: ects is required here"


def test_a_target_goes_into_the_case() -> None:
    target = Target(title="Maritime Safety Management", institution="University of Zadar", eqf_level=7, ects=5)

    result = import_credential(FIXTURES / "edc-microcredential.json", purpose=Purpose.CREDIT_TRANSFER, target=target)

    assert result.document["purpose"] == "credit_transfer"
    assert result.document["target"] == {
        "title": "Maritime Safety Management",
        "institution": "University of Zadar",
        "eqf_level": 7,
        "ects": 5,
    }


@pytest.mark.parametrize(("given", "expected"), [("ie", "IE"), ("IRL", "IE"), ("HR", "HR")])
def test_the_assessing_country_may_be_given_as_alpha_2_or_alpha_3(given: str, expected: str) -> None:
    result = import_credential(FIXTURES / "edc-microcredential.json", assessing_country=given)

    assert result.document["assessing_country"] == expected


def test_an_unknown_assessing_country_is_refused() -> None:
    reason = _reason(FIXTURES / "edc-microcredential.json", assessing_country="Atlantis")

    assert reason == "assessing country 'Atlantis' is not an ISO 3166-1 country code"


def test_without_an_assessing_country_the_case_is_left_without_one(credential_file: Writer) -> None:
    result = import_credential(credential_file(fixture_document("ob3-badge.json")))

    assert "assessing_country" not in result.document
    assert result.document["credential"]["issuer_country"] == "DE"
    assert result.assessing_country_origin == (
        "not set: give --assessing-country or set it in the settings (the issuer's country is not taken for it)"
    )


@pytest.mark.parametrize(("count", "expected"), [(0, "no credential"), (2, "2 credentials: import them one at a time")])
def test_a_presentation_must_hold_exactly_one_credential(credential_file: Writer, count: int, expected: str) -> None:
    presentation = {
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [fixture_document("ob3-badge.json")] * count,
    }

    assert _reason(credential_file(presentation)) == f"a verifiable presentation holding {expected}"
