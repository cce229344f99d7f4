"""The register's entries: the basis (each substantial difference's element and provision, read without the
findings), a stack's credentials, and the reasons published without the learner's data or the office's references."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from recogniser.model import Outcome
from recogniser.register import WITHHELD, RegisterEntry, basis, differences_of, write_json


def test_the_basis_names_each_difference_by_element_and_provision() -> None:
    text = json.dumps(
        {
            "format": "recogniser-decision/1",
            "rulebook_version": "2026.7",
            "recommendation": {
                "outcome": "partial_recognition",
                "substantial_differences": [
                    {"element": "workload", "citation": "LRC Art. VI.1", "description": "3 of 5 ECTS (Ivana's file)"},
                    {"element": "learning_outcomes", "citation": "EAR manual", "description": "two outcomes missing"},
                ],
            },
            "findings": [{"rule_id": "x", "message": '"substantial_differences": in a message'}],
        },
        ensure_ascii=False,
    )
    differences = differences_of(text)
    assert [d["element"] for d in differences] == ["workload", "learning_outcomes"]
    decision = {"rulebook_version": "2026.7", "recommendation": {"substantial_differences": differences}}
    assert basis(decision) == (
        "rulebook 2026.7; substantial differences: workload: LRC Art. VI.1; learning_outcomes: EAR manual"
    )
    assert "Ivana" not in basis(decision)


def test_no_difference() -> None:
    assert differences_of(json.dumps({"recommendation": {"substantial_differences": []}})) == []
    assert basis({"rulebook_version": "2026.7", "recommendation": {}}) == (
        "rulebook 2026.7; no substantial difference found"
    )


def entry(document: dict[str, Any], reasons: str, references: tuple[str, ...] = ()) -> RegisterEntry:
    return RegisterEntry.of(
        decision_id=1,
        case_document=document,
        decision={"rulebook_version": "2026.7", "recommendation": {"outcome": "full_recognition"}},
        final_outcome=Outcome.FULL_RECOGNITION,
        final_ects=5,
        decided_at=datetime(2026, 12, 1, tzinfo=UTC),
        justification=reasons,
        divergence_reason=None,
        references=references,
    )


def credential(learner: dict[str, str], title: str = "Port State Control", **more: Any) -> dict[str, Any]:
    return {"title": title, "awarding_body": {"name": "Faculty of Maritime Studies"}, "learner": learner, **more}


def published(learner: dict[str, str], reasons: str) -> str | None:
    return entry({"purpose": "employment", "credential": credential(learner)}, reasons).reasons


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Иван Петровић", "Ivan Petrović"),  # a Cyrillic name written in Latin letters
        ("Иван Петровић", "IVAN PETROVIC"),
        ("Ivana Horvat", "Ивана Хорват"),  # and the other way
        ("Marko Petrović", "Marka Petrovića"),  # declined
        ("Ivana Horvát", "Ivani Horvatu"),
        ("Nino Beridze", "ნინო ბერიძე"),  # Georgian
        ("Юлия Шевченко", "Julija Ševčenko"),  # another transliteration
        ("Žarko Cvetković", "Жарко Цветковић"),
    ],
)
def test_the_learner_s_name_is_withheld_in_any_script_and_declined(name: str, written: str) -> None:
    assert published({"name": name}, f"{written} showed the outcomes.") == f"{WITHHELD} {WITHHELD} showed the outcomes."


def test_words_that_only_begin_like_a_name_are_kept() -> None:
    reasons = "The market for marks and any Mark-up were weighed; Ana and Anamarija too."
    assert published({"name": "Marko Ana"}, reasons) == (
        f"The market for marks and any {WITHHELD}-up were weighed; {WITHHELD} and Anamarija too."
    )


@pytest.mark.parametrize(
    "written",
    [
        "1990-04-05", "5.4.1990", "05.04.1990.", "5. 4. 1990.", "05/04/1990", "4/5/1990", "1990/04/05", "05-04-1990",
        "5 April 1990", "5th April 1990", "April 5, 1990", "April 5th, 1990", "5 avril 1990", "5. travnja 1990.",
        "5 Apr. 1990", "5 апреля 1990",
    ],
)  # fmt: skip
def test_the_date_of_birth_is_withheld_however_written(written: str) -> None:
    reasons = published({"name": "A B", "date_of_birth": "1990-04-05"}, f"Born {written} in Split.")
    assert reasons is not None and reasons.startswith(f"Born {WITHHELD}") and "1990" not in reasons, reasons


def test_other_dates_are_kept() -> None:
    reasons = "Issued 15 April 1990, 2026-04-05 and 5.4.1991."
    assert published({"name": "A B", "date_of_birth": "1990-04-05"}, reasons) == reasons


@pytest.mark.parametrize(
    ("identifier", "written"),
    [
        ("HR-OIB-12345678901", "HR-OIB-12345678901"),
        ("HR-OIB-12345678901", "hroib12345678901"),
        ("HR-OIB-12345678901", "OIB 12345678901"),
        ("0012345", "HR0012345"),  # inside a longer code
        ("A-17", "A-17"),
    ],
)
def test_the_identifier_is_withheld_however_written(identifier: str, written: str) -> None:
    reasons = published({"name": "A B", "identifier": identifier}, f"Card {written} seen.")
    assert reasons is not None and not any(character.isdigit() for character in reasons), reasons


def test_a_short_identifier_is_withheld_only_as_a_word_of_its_own() -> None:
    assert published({"name": "A B", "identifier": "A-17"}, "Rooms A-17 and A-175.") == f"Rooms {WITHHELD} and A-175."


@pytest.mark.parametrize(
    "sentence",
    [
        "Il est réfugié.", "Elle est demandeuse d'asile.", "Sous protection internationale.", "Azilant je.",
        "Ima status izbjeglice.", "Međunarodna zaštita odobrena.", "Er ist Flüchtling.", "Є біженцем.",
        "Статус беженца.", "Es refugiado.", "A displaced person.", "Apatride depuis 2010.",
    ],
)  # fmt: skip
def test_a_sentence_telling_of_a_protection_status_is_left_out_in_any_language(sentence: str) -> None:
    assert published({"name": "A B"}, f"{sentence} The outcomes match.") == "The outcomes match."


def test_the_office_s_case_references_are_withheld() -> None:
    document = {"reference": "HR-2026-000142", "purpose": "employment", "credential": credential({"name": "A B"})}
    reasons = "As in AUD-A and hr-2026-000142, unlike ISO-9001."
    assert entry(document, reasons, ("AUD-A",)).reasons == f"As in {WITHHELD} and {WITHHELD}, unlike ISO-9001."


def test_a_stack_is_published_as_its_credentials_and_withholds_each_learner_s_data() -> None:
    document = {
        "purpose": "credit_transfer",
        "credentials": [
            credential(
                {"name": "Ivana Horvat", "identifier": "HR-OIB-12345678901", "date_of_birth": "1994-07-15"},
                level={"framework": "HR-QF", "nqf_level": "6", "eqf_level": 6},
                workload={"ects": 3},
                issuer_country="HR",
            ),
            credential(
                {"name": "Ivana Horvat-Novak"},
                title="Marine Pollution",
                level={"framework": "HR-QF", "nqf_level": "7", "eqf_level": 7},
                workload={"ects": 2.5},
                issuer_country="HR",
            ),
        ],
        "target": {"title": "Nautical Studies", "ects": 6},
    }
    found = entry(document, "Ivana Horvat (HR-OIB-12345678901, born 15.07.1994) and Novak's work.")
    assert found.reasons == f"{WITHHELD} {WITHHELD} ({WITHHELD}, born {WITHHELD}) and {WITHHELD}'s work."
    assert found.credential_title == "Port State Control + Marine Pollution"
    assert found.awarding_body == "Faculty of Maritime Studies"
    assert (found.issuer_country, found.framework, found.nqf_level) == ("HR", "HR-QF", "6; 7")
    assert found.eqf_level is None  # the parts sit at two levels
    assert found.credential_ects == 5.5
    assert found.credits_sought == 6


def test_each_entry_is_written_as_json_writes_it() -> None:
    tricky = 'A "quoted" \\ title, tab\there, é, 中文, \u2028 and \x7f'
    document = {"purpose": "rpl", "credential": credential({"name": "A B"}, title=tricky, workload={"ects": 2.5})}
    entries = [entry(document, 'Reasons with "quotes" and a line\nbreak.'), entry(document, "")]
    stream = io.StringIO()
    assert write_json(entries, stream, {"from": None, "to": "2026-12-01"}) == 2
    lines = stream.getvalue().split("\n")
    assert lines[1:3] == [
        json.dumps(entries[0].to_json(), ensure_ascii=False) + ",",
        json.dumps(entries[1].to_json(), ensure_ascii=False),
    ]
    assert json.loads(stream.getvalue())["decisions"] == [each.to_json() for each in entries]
