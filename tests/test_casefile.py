"""Loading case files: every problem reported with its field path, nothing else escapes."""

import json
import stat
from pathlib import Path

import pytest

from recogniser.case_checks import CaseFileError, validation_problems
from recogniser.casefile import case_sha256, load_case, parse_case, save_case
from recogniser.model import AssessmentType, Purpose

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MARITIME = {
    "format": "recogniser-case/1",
    "purpose": "credit_transfer",
    "assessing_country": "HR",
    "target": {"title": "Module", "eqf_level": 6, "ects": 5},
    "credential": {
        "title": "Safety Management",
        "learner": {"name": "Ivana Example"},
        "workload": {"ects": 5, "hours": 135},
        "assessment": {"type": "written_exam", "supervised": True, "identity_verified": True},
        "issue_date": "2025-06-30",
    },
}


def problems_of(document: object) -> list[str]:
    with pytest.raises(CaseFileError) as caught:
        parse_case(document)
    return [str(p) for p in caught.value.problems]


def test_a_valid_case_loads_with_typed_values() -> None:
    case = parse_case(MARITIME)
    assert case.purpose is Purpose.CREDIT_TRANSFER
    assert case.credential.assessment is not None
    assert case.credential.assessment.type is AssessmentType.WRITTEN_EXAM
    assert case.credential.issue_date is not None and case.credential.issue_date.year == 2025
    assert case.unknown_keys == ()


def test_negative_ects_names_the_field() -> None:
    document = json.loads(json.dumps(MARITIME))
    document["credential"]["workload"]["ects"] = -5
    assert problems_of(document) == ["credential.workload.ects: must be at least 0 (got -5)"]


def test_eqf_level_11_names_the_field() -> None:
    document = json.loads(json.dumps(MARITIME))
    document["credential"]["level"] = {"eqf_level": 11}
    assert problems_of(document) == ["credential.level.eqf_level: must be at most 8 (got 11)"]


def test_unknown_purpose_and_format_are_both_reported() -> None:
    document = dict(MARITIME, purpose="holiday", format="recogniser-case/9")
    found = problems_of(document)
    assert found[0].startswith('format: must be "recogniser-case/1"')
    assert found[1].startswith("purpose: must be one of admission, credit_transfer, employment, rpl")


def test_credit_transfer_without_target_ects_names_the_field() -> None:
    document = json.loads(json.dumps(MARITIME))
    del document["target"]["ects"]
    assert problems_of(document) == ["target: ects is required here"]


def test_bad_date_names_the_field() -> None:
    document = json.loads(json.dumps(MARITIME))
    document["credential"]["issue_date"] = "2025-02-30"
    assert problems_of(document) == ["credential.issue_date: 2025-02-30 is not a date in the calendar"]
    document["credential"]["issue_date"] = "14.3.2025"
    assert problems_of(document) == [
        'credential.issue_date: must be a date written year-month-day, such as 2025-03-14 (got "14.3.2025")'
    ]


def test_a_value_of_the_wrong_kind_is_named_in_plain_words() -> None:
    document = json.loads(json.dumps(MARITIME))
    document["credential"]["workload"]["ects"] = "five"
    document["target"]["eqf_level"] = 6.5
    assert problems_of(document) == [
        'credential.workload.ects: must be a number, such as 5 or 2.5 (got "five")',
        "target.eqf_level: must be a whole number, such as 6 (got 6.5)",
    ]


def test_truncated_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(MARITIME)[:120], encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert len(caught.value.lines()) == 1
    assert caught.value.lines()[0].startswith(f"{path}: not valid JSON:")


def test_non_utf8_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(json.dumps(MARITIME).encode("utf-8").replace(b"Ivana", b"Iv\xe1na"))
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert "not UTF-8 text (byte 0xe1" in caught.value.lines()[0]


def test_missing_annex_elements_are_not_load_errors() -> None:
    case = parse_case({"format": "recogniser-case/1", "purpose": "employment", "assessing_country": "SE"})
    assert case.credential.title is None and case.credential.learning_outcomes is None


def test_unknown_keys_are_kept_and_listed() -> None:
    document = json.loads(json.dumps(MARITIME))
    document["x_office_note"] = "keep me"
    document["credential"]["workload"]["contact_hours"] = 40
    case = parse_case(document)
    assert case.unknown_keys == ("credential.workload.contact_hours", "x_office_note")
    assert case.document["x_office_note"] == "keep me"


def test_hash_ignores_formatting_and_key_order() -> None:
    reordered = dict(reversed(list(MARITIME.items())))
    assert case_sha256(MARITIME) == case_sha256(reordered)
    assert len(case_sha256(MARITIME)) == 64


def test_save_refuses_an_invalid_document_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    save_case(path, MARITIME)
    before = path.read_bytes()
    with pytest.raises(CaseFileError):
        save_case(path, dict(MARITIME, purpose="holiday"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_shared_examples_load(example: Path) -> None:
    assert load_case(example).document["format"] == "recogniser-case/1"


def test_missing_required_key_points_at_the_field_to_fill_in() -> None:
    document = json.loads(json.dumps(MARITIME))
    del document["target"]["ects"]
    (problem,) = validation_problems(document)
    assert (problem.path, problem.field) == ("target", "target.ects")


def test_a_new_case_file_is_private_and_a_replaced_one_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    save_case(path, MARITIME)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o640)
    save_case(path, MARITIME)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_lone_surrogate_names_its_field() -> None:
    document = json.loads(json.dumps(MARITIME))
    document["credential"]["title"] = "Safety \ud800"
    assert problems_of(document) == [
        "credential.title: holds a character that is not valid Unicode text (a lone surrogate)"
    ]


@pytest.mark.parametrize(
    ("path", "code", "message"),
    [
        ("assessing_country", "ZZ", 'must be an ISO 3166-1 alpha-2 country code (got "ZZ")'),
        ("assessing_country", "UK", '(got "UK", the EU\'s abbreviation; ISO 3166-1 writes GB)'),
        ("credential.issuer_country", "EL", '(got "EL", the EU\'s abbreviation; ISO 3166-1 writes GR)'),
        ("credential.awarding_body.country", "AA", 'must be an ISO 3166-1 alpha-2 country code (got "AA")'),
    ],
)
def test_a_country_code_outside_iso_3166_names_the_field(path: str, code: str, message: str) -> None:
    document = json.loads(json.dumps(MARITIME))
    document["credential"]["awarding_body"] = {"name": "University of Split", "country": "HR"}
    *parents, key = path.split(".")
    holder = document
    for parent in parents:
        holder = holder[parent]
    holder[key] = code
    [problem] = problems_of(document)
    assert problem.startswith(f"{path}: ") and problem.endswith(message)
    # Kosovo has the code the European Commission uses; every other country its ISO code.
    holder[key] = "XK"
    assert parse_case(document).assessing_country in {"HR", "XK"}


def test_a_case_accepted_earlier_is_read_despite_a_check_added_since() -> None:
    document = dict(MARITIME, assessing_country="UK")
    assert parse_case(document, accepted_earlier=True).assessing_country == "UK"
    assert problems_of(document)[0].startswith("assessing_country: ")


def test_a_key_given_twice_is_refused_by_name_and_place(tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    text = json.dumps(MARITIME)
    text = text.replace('"purpose": "credit_transfer"', '"purpose": "credit_transfer", "purpose": "rpl"')
    text = text.replace('"name": "Ivana Example"', '"name": "Ivana Example", "name": "Someone Else"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError) as refused:
        load_case(path)
    assert refused.value.lines() == [
        f'{path}: the key "purpose" is given twice; keep one',
        f'{path}: credential.learner: the key "name" is given twice; keep one',
    ]
