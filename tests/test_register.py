"""The register's basis: each substantial difference's element and provision, read without the findings."""

from __future__ import annotations

import json

from recogniser.register import basis, differences_of


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
