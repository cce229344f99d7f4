"""The expert case set is well formed: every case loads, every case has one verdict, and the set covers what it claims.

The verdicts themselves (outcome, credits, wording) are checked against the rules by the test that lands with the
rules; README.md explains how a verdict is read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from recogniser.casefile import load_case

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases").glob("*.json"))
OUTCOMES = {
    "full_recognition",
    "partial_recognition",
    "conditional_recognition",
    "alternative_recognition",
    "non_recognition",
    "information_required",
}
ELEMENTS = {
    "level",
    "workload",
    "quality",
    "profile",
    "learning_outcomes",
    "assessment",
    "identity",
    "authenticity",
    "procedure",
}


def verdicts() -> dict[str, dict[str, Any]]:
    document = json.loads((HERE / "verdicts.json").read_text(encoding="utf-8"))
    assert document["format"] == "recogniser-expert-verdicts/1"
    cases: dict[str, dict[str, Any]] = document["cases"]
    return cases


def test_one_verdict_per_case_file() -> None:
    assert sorted(verdicts()) == [path.name for path in CASES]


def test_the_set_covers_every_purpose_and_family() -> None:
    purposes = {json.loads(path.read_text(encoding="utf-8"))["purpose"] for path in CASES}
    assert len(CASES) >= 36
    assert purposes == {"admission", "credit_transfer", "employment", "rpl"}
    assert {verdict["family"] for verdict in verdicts().values()} == set(range(1, 8))


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_case_loads(path: Path) -> None:
    case = load_case(path)
    assert case.credential is not None


@pytest.mark.parametrize("name", sorted(verdicts()))
def test_verdict_is_well_formed(name: str) -> None:
    verdict = verdicts()[name]
    case = json.loads((HERE / "cases" / name).read_text(encoding="utf-8"))
    outcomes = verdict["acceptable_outcomes"]
    assert 1 <= len(outcomes) <= 2 and set(outcomes) <= OUTCOMES
    ects = verdict["ects"]
    sought = (case.get("target") or {}).get("ects")
    if ects is None:
        assert case["purpose"] in {"admission", "employment"} or "information_required" in outcomes or sought is None
    elif isinstance(ects, list):
        assert len(ects) == 2 and 0 <= ects[0] < ects[1] <= sought
    else:
        assert 0 <= ects <= sought
    assert isinstance(verdict["ects_in_another_form_allowed"], bool)
    assert set(verdict["must_find"]) <= ELEMENTS
    assert all(isinstance(phrase, str) and phrase for phrase in verdict["must_not_say"])
    assert verdict["family"] in range(1, 8)
    assert verdict["reasoning"].count(". ") >= 2
