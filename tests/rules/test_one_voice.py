"""Consistency invariants: the summary, the substantial differences, the findings and the decision JSON never
contradict each other, over every shipped example, seminar exercise, expert case and generated case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from recogniser.casefile import load_case, parse_case
from recogniser.model import Case, Decision, Outcome, Purpose, Status
from recogniser.rules import assess
from recogniser.seminar import exercise_sources
from tests.rules.expert_cases import expert_cases
from tests.rules.test_properties import cases as generated_cases

ROOT = Path(__file__).resolve().parents[2]


def _all_cases() -> list[tuple[str, Case]]:
    shipped = [(path.name, load_case(path)) for path in sorted((ROOT / "examples").glob("*.json"))]
    exercises = [(source.id, source.case) for source in exercise_sources(with_notes=False)]
    return shipped + exercises + expert_cases()


def check_one_voice(case: Case, decision: Decision) -> None:
    recommendation = decision.recommendation
    outcome = recommendation.outcome
    summary = recommendation.summary
    sought = case.credits_sought
    # Credits: one rule per outcome.
    if sought is None or outcome is Outcome.INFORMATION_REQUIRED:
        assert recommendation.ects_recognised is None
    elif outcome is Outcome.FULL_RECOGNITION:
        assert recommendation.ects_recognised == sought
    elif outcome is Outcome.CONDITIONAL_RECOGNITION:
        # The credits sought once the conditions are met; fewer only where the office's cap on RPL credit says so.
        capped = any(f.code == "lisbon.rpl_cap.exceeded" for f in decision.findings)
        assert recommendation.ects_recognised == sought or (capped and recommendation.ects_recognised < sought)
    elif outcome in (Outcome.NON_RECOGNITION, Outcome.ALTERNATIVE_RECOGNITION):
        # An alternative's credits are in another form, never towards the target.
        assert recommendation.ects_recognised == 0
    else:
        assert recommendation.ects_recognised is not None and 0 <= recommendation.ects_recognised < sought
    if outcome is not Outcome.ALTERNATIVE_RECOGNITION:
        assert recommendation.alternative is None and recommendation.ects_in_another_form is None
    else:
        assert recommendation.alternative is not None
        assert summary.count("Recommended form:") == 1
    if outcome is Outcome.FULL_RECOGNITION:
        assert not recommendation.substantial_differences and not recommendation.conditions
    # A target that states credits is never said to seek none; a target that is given is never said absent.
    messages = " ".join(f.message for f in decision.findings) + " " + summary
    if (
        case.target is not None
        and case.target.ects is not None
        and case.purpose in (Purpose.CREDIT_TRANSFER, Purpose.RPL)
    ):
        assert "No credits are sought" not in messages
    if case.target is not None:
        assert "no target programme" not in messages.casefold()
    # "No substantial difference" only where nothing restricts the outcome and the outcomes were compared
    # wherever a target gives them.
    if "No substantial difference was found" in summary:
        assert not recommendation.substantial_differences
        assert not any(f.status is Status.UNKNOWN for f in decision.findings if f.rule_id.startswith("lisbon."))
    # Information required names what decides so far.
    if outcome is Outcome.INFORMATION_REQUIRED:
        assert recommendation.information_required
        if recommendation.substantial_differences:
            assert "Substantial differences found so far" in summary
    else:
        assert not recommendation.information_required
    # What restricts the outcome is a failure, and carries its reasons.
    for f in decision.findings:
        if f.allows is not None and Outcome.FULL_RECOGNITION not in f.allows:
            assert f.status is Status.FAIL, f.code
        assert f.code.startswith(f.rule_id + "."), f.code
    if outcome is not Outcome.FULL_RECOGNITION:
        assert recommendation.appeal


@pytest.mark.parametrize(("name", "case"), _all_cases(), ids=lambda value: value if isinstance(value, str) else "")
def test_every_case_speaks_with_one_voice(name: str, case: Case) -> None:
    check_one_voice(case, assess(case))


@given(generated_cases)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_cases_speak_with_one_voice(document: dict[str, Any]) -> None:
    case = parse_case(document)
    check_one_voice(case, assess(case))
