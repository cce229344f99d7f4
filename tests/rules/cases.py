"""The complete credit-transfer case the rule tests vary, and the edits that vary it."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from recogniser.case_checks import CaseFileError
from recogniser.casefile import parse_case
from recogniser.model import Case, Decision, Finding, Purpose
from recogniser.rules import assess

BASE: dict[str, Any] = {
    "format": "recogniser-case/1",
    "reference": "TEST-1",
    "purpose": "credit_transfer",
    "assessing_country": "HR",
    "target": {
        "title": "Maritime Safety Management",
        "institution": "Example University",
        "eqf_level": 6,
        "ects": 5,
        "learning_outcomes": [
            "Apply the SOLAS and ISM Code requirements to the safety management of a merchant vessel",
            "Analyse maritime incident reports to identify root causes and corrective actions",
            "Plan emergency drills for a ship's crew in line with international conventions",
            "Evaluate a shipboard safety management system against audit criteria",
        ],
    },
    "credential": {
        "title": "Safety Management on Merchant Vessels",
        "learner": {"name": "Ivana Example"},
        "issuer_country": "HR",
        "awarding_body": {"name": "Example Faculty", "country": "HR", "kind": "higher_education_institution"},
        "issue_date": "2025-06-30",
        "learning_outcomes": [
            "Apply SOLAS and ISM Code requirements to manage safety on board a merchant ship",
            "Analyse incident and near-miss reports to determine root causes and corrective measures",
            "Plan and organise emergency drills for crew members according to international conventions",
            "Evaluate the effectiveness of a shipboard safety management system",
        ],
        "workload": {"ects": 5, "hours": 135},
        "level": {"framework": "HR-CROQF", "nqf_level": "6", "eqf_level": 6},
        "assessment": {"type": "written_exam", "supervised": True, "identity_verified": True},
        "participation": "blended",
        "quality_assurance": {
            "internal": True,
            "external_agency": "ASHE",
            "decision": "positive",
            "valid_until": "2028-06-30",
        },
        "prerequisites": "None",
        "grade": "Very good (4)",
        "stackability": "stackable",
        "further_information": "Module of a lifelong learning programme",
    },
}

Edit = Callable[[dict[str, Any]], None]


def run(edit: Edit | None = None, as_of: date | None = None) -> Decision:
    document = copy.deepcopy(BASE)
    if edit:
        edit(document)
    return assess(parse_case(document), as_of=as_of)


def found(decision: Decision, rule_id: str) -> Finding:
    matches = [f for f in decision.findings if f.rule_id == rule_id]
    assert len(matches) == 1, f"{rule_id}: {matches}"
    return matches[0]


def cred(**changes: Any) -> Edit:
    def edit(document: dict[str, Any]) -> None:
        for key, value in changes.items():
            if value is None:
                document["credential"].pop(key, None)
            else:
                document["credential"][key] = value

    return edit


def target(**changes: Any) -> Edit:
    def edit(document: dict[str, Any]) -> None:
        document["target"].update(changes)

    return edit


def both(*edits: Edit) -> Edit:
    def edit(document: dict[str, Any]) -> None:
        for each in edits:
            each(document)

    return edit


def examples_under_every_purpose(folder: Path) -> list[tuple[str, Case]]:
    """The shipped examples in ``folder``, each under every purpose its file can be assessed for."""
    cases = []
    for path in sorted(folder.glob("*.json")):
        document = json.loads(path.read_text("utf-8"))
        for purpose in Purpose:
            varied = copy.deepcopy(document)
            varied["purpose"] = purpose.value
            try:
                cases.append((f"{path.stem} as {purpose.value}", parse_case(varied)))
            except CaseFileError:
                continue  # a purpose this file cannot be assessed for (credit without the target's credits)
    return cases
