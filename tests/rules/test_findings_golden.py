"""The findings of the expert cases and the shipped examples, held still: each finding's code, status and citations,
in report order, with the outcome and credits recommended.

A change that moves, renames or re-cites a finding, or changes an outcome, fails here until it is meant: then
regenerate the record and read its diff before committing it (a change that can change a decision also bumps the
rulebook's version)::

    RECOGNISER_UPDATE_GOLDEN=1 python -m pytest tests/rules/test_findings_golden.py

Wording is not held here: a sentence can be rewritten without touching this record.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

from recogniser.case_checks import CaseFileError
from recogniser.casefile import load_case, parse_case
from recogniser.model import Case, Purpose
from recogniser.rules import assess

ROOT = Path(__file__).resolve().parents[2]
RECORD = Path(__file__).parent / "golden" / "findings.json"
#: The expert set and the seminar exercises as written; the shipped examples under every purpose their file allows.
AS_WRITTEN = [
    *sorted((ROOT / "tests" / "rules" / "expert" / "cases").glob("*.json")),
    *sorted((ROOT / "recogniser" / "seminar" / "exercises").glob("*.json")),
]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def _cases() -> dict[str, Case]:
    cases = {f"{path.parent.parent.name}/{path.name}": load_case(path) for path in AS_WRITTEN}
    for path in EXAMPLES:
        document = json.loads(path.read_text("utf-8"))
        for purpose in Purpose:
            varied = copy.deepcopy(document)
            varied["purpose"] = purpose.value
            try:
                cases[f"examples/{path.name} as {purpose.value}"] = parse_case(varied)
            except CaseFileError:
                continue  # a purpose this file cannot be assessed for (e.g. credit without a target)
    return cases


def _current() -> dict[str, Any]:
    """Per case the outcome, the credits and a line per finding (its code, status, credential in a stack and
    citations, the citations numbered in a table of their own to keep the record short)."""
    citations: dict[str, int] = {}
    cases: dict[str, Any] = {}
    for name, case in _cases().items():
        decision = assess(case)
        lines = []
        for f in decision.findings:
            number = citations.setdefault(f.citation, len(citations))
            credential = "" if f.credential is None else f" credential {f.credential}"
            lines.append(f"{f.code} {f.status.value}{credential} [{number}]")
        recommendation = decision.recommendation
        cases[name] = {
            "outcome": recommendation.outcome.value,
            "ects": recommendation.ects_recognised,
            "findings": lines,
        }
    return {"cases": cases, "citations": {str(number): text for text, number in citations.items()}}


def _write(record: dict[str, Any]) -> None:
    RECORD.parent.mkdir(exist_ok=True)
    RECORD.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", "utf-8")


def test_findings_are_as_recorded() -> None:
    current = _current()
    if os.environ.get("RECOGNISER_UPDATE_GOLDEN") == "1":
        _write(current)
    recorded = json.loads(RECORD.read_text("utf-8"))
    assert current["citations"] == recorded["citations"], "the citations changed (see the module's docstring)"
    assert sorted(current["cases"]) == sorted(recorded["cases"]), "the cases held differ: regenerate the record"
    for name in sorted(current["cases"]):
        assert current["cases"][name] == recorded["cases"][name], f"{name}: the findings or outcome changed"


def test_the_record_covers_every_purpose_and_a_stack() -> None:
    cases = json.loads(RECORD.read_text("utf-8"))["cases"]
    for purpose in Purpose:
        assert any(name.endswith(f" as {purpose.value}") for name in cases), purpose
    assert any(" credential 1 " in line for entry in cases.values() for line in entry["findings"])
