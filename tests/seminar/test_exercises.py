"""The exercise cases shipped with the application: each loads, assesses as its notes say, and has notes."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import recogniser.seminar
from recogniser.cli import main
from recogniser.model import Outcome
from recogniser.rules import assess
from recogniser.rules.rulebook import DEFAULT_RULEBOOK
from recogniser.seminar import CaseSource, exercise_sources

SOURCES = exercise_sources()
EXERCISES = Path(recogniser.seminar.__file__).parent / "exercises"

#: The tool's recommendation each facilitator note discusses; a change here means the notes need rereading.
EXPECTED = {
    "01-maritime-stacking": (Outcome.PARTIAL_RECOGNITION, 4),
    "02-comprehensive-university-admission": (Outcome.FULL_RECOGNITION, None),
    "03-introductory-online-course": (Outcome.CONDITIONAL_RECOGNITION, 5),
    "04-working-professionals-upskilling": (Outcome.CONDITIONAL_RECOGNITION, 7.5),
    "05-corporate-provider": (Outcome.ALTERNATIVE_RECOGNITION, 0),
    "06-vet-chamber-of-commerce": (Outcome.FULL_RECOGNITION, None),
    "07-refugee-without-documents": (Outcome.CONDITIONAL_RECOGNITION, 5),
    "08-level-not-supported": (Outcome.NON_RECOGNITION, 0),
    "09-stack-of-three": (Outcome.CONDITIONAL_RECOGNITION, 6),
}


def test_every_theme_of_the_seminar_has_an_exercise() -> None:
    assert [source.id for source in SOURCES] == list(EXPECTED)


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.id)
def test_exercise_assesses_as_its_notes_say(source: CaseSource) -> None:
    decision = assess(source.case)
    outcome, ects = EXPECTED[source.id]
    assert decision.recommendation.outcome is outcome
    assert decision.recommendation.ects_recognised == ects
    assert source.case.unknown_keys == ()
    assert source.notes is not None
    # The notes name the tool's verdict they discuss, and the articles that apply.
    assert outcome.value.replace("_", " ") in source.notes.lower().replace("-", " ")
    assert re.search(r"Art(icle|\.)", source.notes)
    for heading in ("## What to notice", "## Articles that apply", "## Where groups may differ"):
        assert heading in source.notes


def test_learner_names_span_scripts() -> None:
    scripts = {
        unicodedata.name(character).split()[0]
        for source in SOURCES
        if source.case.credential.learner and source.case.credential.learner.name
        for character in source.case.credential.learner.name
        if character.isalpha()
    }
    assert {"CYRILLIC", "GEORGIAN", "ARABIC", "LATIN"} <= scripts


def _assess_json(name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["assess", str(EXERCISES / f"{name}.json"), "--json"]) == 0
    decision: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert decision["rulebook_version"] == DEFAULT_RULEBOOK.version == "2026.10"
    return decision


def _finding(decision: dict[str, Any], rule_id: str) -> dict[str, Any]:
    (found,) = [f for f in decision["findings"] if f["rule_id"] == rule_id]
    return found


def test_exercise_08_counts_the_credits_the_hours_support(capsys: pytest.CaptureFixture[str]) -> None:
    decision = _assess_json("08-level-not-supported", capsys)
    recommendation = decision["recommendation"]
    assert (recommendation["outcome"], recommendation["ects_recognised"]) == ("non_recognition", 0)
    assert "None of the 5 ECTS sought." in recommendation["summary"]
    workload = _finding(decision, "lisbon.workload_difference")
    assert workload["status"] == "fail"
    assert "2 ECTS (counted from 60 hours; 5 ECTS stated)" in workload["message"]
    assert "ECTS Users' Guide 2015" in workload["citation"]
    assert {d["element"] for d in recommendation["substantial_differences"]} == {
        "level",
        "workload",
        "learning_outcomes",
    }
    assert main(["assess", str(EXERCISES / "08-level-not-supported.json")]) == 0
    readable = capsys.readouterr().out
    assert "RECOMMENDATION: NON-RECOGNITION\nECTS recognised: 0\n" in readable
    assert "conservative 2 ECTS" in readable


def test_exercise_06_leaves_the_vet_quality_assurance_to_the_evaluator(capsys: pytest.CaptureFixture[str]) -> None:
    decision = _assess_json("06-vet-chamber-of-commerce", capsys)
    recommendation = decision["recommendation"]
    assert recommendation["outcome"] == "full_recognition"
    assert recommendation["substantial_differences"] == []
    assert "For the evaluator to check: The awarding body is a VET provider." in recommendation["summary"]
    assert _finding(decision, "esg.provider_route")["status"] == "not_applicable"
    for rule_id in ("esg.qa_grade", "lisbon.quality_difference"):
        quality = _finding(decision, rule_id)
        assert quality["status"] == "unknown"
        assert "ESG 2015, scope and concepts" in quality["citation"]
        assert "2020/C 417/01" in quality["citation"]
    # A VET credential for employment is outside the Convention: its level is placed by the EQF Recommendation.
    level_citation = _finding(decision, "lisbon.level_difference")["citation"]
    assert "LRC" not in level_citation and "EQF Recommendation 2017/C 189/03, Annex II" in level_citation


def test_exercise_09_stacks_three_credentials(capsys: pytest.CaptureFixture[str]) -> None:
    decision = _assess_json("09-stack-of-three", capsys)
    stack = decision["stack"]
    assert [c["role"] for c in stack["credentials"]] == ["counted", "counted", "excluded"]
    assert [c["ects_counted"] for c in stack["credentials"][:2]] == [1, 2]
    assert stack["ects_total"] == 3
    assert stack["counted_by"] == [0, 1, 1, None]
