"""A case being entered is judged before its target is given, and is still no valid case file."""

from __future__ import annotations

from typing import Any

import pytest

from recogniser.case_checks import CaseFileError
from recogniser.casefile import parse_case, parse_case_pending_target

CREDENTIAL = {"title": "Safety Management", "learner": {"name": "Ivana Example"}}


def entered(purpose: str, **rest: Any) -> dict[str, Any]:
    return {"format": "recogniser-case/1", "purpose": purpose, "assessing_country": "HR", **rest}


@pytest.mark.parametrize(
    ("document", "pending"),
    [
        (entered("admission", credential=CREDENTIAL), ["target"]),
        (entered("admission", target={"title": "BSc"}, credential=CREDENTIAL), ["target.eqf_level"]),
        (entered("credit_transfer", target={"eqf_level": 6}, credential=CREDENTIAL), ["target.ects"]),
    ],
)
def test_a_missing_target_field_is_pending_and_the_credential_is_built(
    document: dict[str, Any], pending: list[str]
) -> None:
    case, problems = parse_case_pending_target(document)
    assert case.credential.title == "Safety Management"
    assert [problem.field for problem in problems] == pending
    with pytest.raises(CaseFileError):
        parse_case(document)


def test_any_other_problem_still_refuses_the_case() -> None:
    document = entered("admission", credential={**CREDENTIAL, "issue_date": "2025-0"})
    with pytest.raises(CaseFileError) as caught:
        parse_case_pending_target(document)
    assert {problem.field for problem in caught.value.problems} == {"target", "credential.issue_date"}


def test_a_complete_case_has_nothing_pending() -> None:
    case, problems = parse_case_pending_target(entered("admission", target={"eqf_level": 6}, credential=CREDENTIAL))
    assert problems == () and case.target is not None and case.target.eqf_level == 6
