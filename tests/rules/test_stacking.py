"""Stacking: several credentials assessed together towards one target (rules/stacking.py)."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recogniser.case_checks import CaseFileError
from recogniser.casefile import parse_case
from recogniser.model import Coverage, Decision, Outcome, StackRole
from recogniser.rules import assess
from recogniser.rules.rulebook import DEFAULT_RULEBOOK
from recogniser.schemas import schema_validator
from tests.rules.expert_cases import expert_cases
from tests.rules.test_one_voice import _all_cases, check_one_voice

ROOT = Path(__file__).resolve().parents[2]

TARGET_OUTCOMES = [
    "Apply the SOLAS and ISM Code requirements to the safety management of a merchant vessel",
    "Analyse maritime incident reports to identify root causes and corrective actions",
    "Plan emergency drills for a ship's crew in line with international conventions",
]


def _base() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((ROOT / "examples" / "maritime-credit-transfer.json").read_text())
    document["target"]["learning_outcomes"] = list(TARGET_OUTCOMES)
    document["target"]["ects"] = 6
    return document


def _credential(title: str, outcomes: list[str], ects: float) -> dict[str, Any]:
    credential: dict[str, Any] = copy.deepcopy(_base()["credential"])
    credential["title"] = title
    credential["learning_outcomes"] = outcomes
    credential["workload"] = {"ects": ects, "hours": ects * 27}
    return credential


def _stack(*credentials: dict[str, Any], **target: Any) -> dict[str, Any]:
    document = _base()
    del document["credential"]
    document["credentials"] = list(credentials)
    document["target"].update(target)
    return document


def _assess(document: dict[str, Any], **options: Any) -> Decision:
    case = parse_case(document)
    decision = assess(case, **options)
    check_one_voice(case, decision)
    schema_validator("decision-1.schema.json").validate(decision.to_json())
    return decision


def _three() -> list[dict[str, Any]]:
    return [_credential(f"Part {n + 1}", [text], 2) for n, text in enumerate(TARGET_OUTCOMES)]


def test_a_stack_that_covers_the_target_is_recognised_in_full() -> None:
    decision = _assess(_stack(*_three()))
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION
    assert decision.recommendation.ects_recognised == 6
    stack = decision.stack
    assert stack is not None
    assert stack.counted_by == (0, 1, 2)
    assert [c.role for c in stack.credentials] == [StackRole.COUNTED] * 3
    assert [c.ects_counted for c in stack.credentials] == [2, 2, 2]
    assert stack.cells[0][0].coverage is Coverage.COVERED and stack.cells[0][1].coverage is not Coverage.COVERED
    assert stack.gaps == ()
    # Each credential on its own covers a third: it would be conditional, 2 of 6 at best.
    assert all(c.own_outcome is not Outcome.FULL_RECOGNITION for c in stack.credentials)


def test_overlapping_credentials_are_not_counted_twice() -> None:
    first, second, third = _three()
    second["learning_outcomes"] = [TARGET_OUTCOMES[0], TARGET_OUTCOMES[1]]  # repeats the first's outcome
    decision = _assess(_stack(first, second, third))
    stack = decision.stack
    assert stack is not None
    # The first target outcome is counted once, for one credential; the second credential's 2 ECTS count for 1.
    assert stack.counted_by.count(0) + stack.counted_by.count(1) == 2
    assert sorted(c.ects_counted or 0 for c in stack.credentials) == [1, 2, 2]
    assert stack.ects_total == 5
    assert decision.recommendation.outcome is Outcome.PARTIAL_RECOGNITION
    assert decision.recommendation.ects_recognised == 5
    overlap = [f for f in decision.findings if f.code == "lisbon.stack_overlap.counted_once"]
    assert len(overlap) == 1 and overlap[0].credential is not None
    assert any("1 ECTS of the 6 sought" in gap for gap in stack.gaps)


def test_the_same_credential_twice_adds_nothing() -> None:
    first = _three()[0]
    decision = _assess(_stack(first, copy.deepcopy(first)))
    stack = decision.stack
    assert stack is not None
    assert stack.ects_total == 2
    assert [c.ects_counted for c in stack.credentials] == [2, 0]


def test_one_credential_failing_its_checks_leaves_the_rest_counted() -> None:
    first, second, third = _three()
    third["assessment"] = {"type": "attendance_only"}
    decision = _assess(_stack(first, second, third))
    stack = decision.stack
    assert stack is not None
    assert [c.role for c in stack.credentials] == [StackRole.COUNTED, StackRole.COUNTED, StackRole.EXCLUDED]
    assert "attendance only" in stack.credentials[2].reasons[0]
    assert stack.counted_by == (0, 1, None)
    assert stack.ects_total == 4
    set_aside = [f for f in decision.findings if f.code == "lisbon.stack_eligibility.attendance_only"]
    assert len(set_aside) == 1 and set_aside[0].credential == 2
    # Two of three outcomes covered: the part the stack covers, the rest named as a gap.
    assert decision.recommendation.outcome is Outcome.PARTIAL_RECOGNITION
    assert decision.recommendation.ects_recognised == 4
    assert any(TARGET_OUTCOMES[2] in gap for gap in stack.gaps)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"level": {"framework": None, "nqf_level": None, "eqf_level": 4}}, "level_below"),
        ({"quality_assurance": {"internal": False, "external_agency": None, "decision": "not_applicable"}}, None),
    ],
)
def test_a_credential_set_aside_says_why(change: dict[str, Any], code: str | None) -> None:
    first, second, third = _three()
    third.update(change)
    decision = _assess(_stack(first, second, third))
    stack = decision.stack
    assert stack is not None
    credential = stack.credentials[2]
    if code is not None:
        assert credential.role is StackRole.EXCLUDED and credential.reasons
        assert any(f.code == f"lisbon.stack_eligibility.{code}" and f.credential == 2 for f in decision.findings)
    # Whatever the third credential's fate, the first two still count.
    assert stack.counted_by[:2] == (0, 1)


def test_a_failed_authenticity_check_sets_only_that_credential_aside() -> None:
    first, second, third = _three()
    second["provenance"] = {"authenticity": {"status": "failed", "reason": "the signature does not match"}}
    decision = _assess(_stack(first, second, third))
    stack = decision.stack
    assert stack is not None
    assert stack.credentials[1].role is StackRole.EXCLUDED
    assert stack.credentials[0].role is StackRole.COUNTED and stack.credentials[2].role is StackRole.COUNTED
    assert any(f.code == "lisbon.stack_eligibility.authenticity_failed" for f in decision.findings)
    # The failed check is found in the second credential's own findings, named by it.
    failed = [f for f in decision.findings if f.code == "authenticity.signature.failed"]
    assert [f.credential for f in failed] == [1]


def test_a_stack_that_reaches_nothing_is_not_recognised_towards_the_target() -> None:
    credentials = _three()
    for credential in credentials:
        credential["assessment"] = {"type": "attendance_only"}
    decision = _assess(_stack(*credentials))
    assert decision.recommendation.outcome in (Outcome.ALTERNATIVE_RECOGNITION, Outcome.NON_RECOGNITION)
    assert decision.recommendation.ects_recognised == 0
    assert decision.stack is not None and decision.stack.counted_by == (None, None, None)


def test_a_stack_of_other_subjects_does_not_correspond() -> None:
    others = [
        _credential("Cooking", ["Prepare a three-course menu for a restaurant kitchen"], 2),
        _credential("Gardening", ["Prune fruit trees in winter and spring"], 2),
    ]
    decision = _assess(_stack(*others))
    assert decision.recommendation.outcome in (Outcome.ALTERNATIVE_RECOGNITION, Outcome.NON_RECOGNITION)
    assert decision.recommendation.ects_recognised == 0


def test_the_office_s_maximum_age_sets_an_old_credential_aside() -> None:
    first, second, third = _three()
    first["issue_date"] = "2015-01-10"
    rulebook = replace(DEFAULT_RULEBOOK, stack_max_age_years=5)
    case = parse_case(_stack(first, second, third))
    decision = assess(case, rulebook=rulebook, as_of=date(2026, 1, 1))
    stack = decision.stack
    assert stack is not None
    assert stack.credentials[0].role is StackRole.EXCLUDED
    assert any(f.code == "lisbon.stack_eligibility.too_old" for f in decision.findings)
    # Without the office's rule, age alone sets nothing aside.
    assert assess(case, as_of=date(2026, 1, 1)).stack.credentials[0].role is StackRole.COUNTED  # type: ignore[union-attr]


def test_the_office_s_share_caps_the_credits_stacking_gives() -> None:
    rulebook = replace(DEFAULT_RULEBOOK, stack_max_share=0.5)
    decision = assess(parse_case(_stack(*_three())), rulebook=rulebook)
    assert decision.stack is not None and decision.stack.ects_total == 3
    assert decision.recommendation.outcome is Outcome.PARTIAL_RECOGNITION
    assert decision.recommendation.ects_recognised == 3
    credits = next(f for f in decision.findings if f.rule_id == "lisbon.stack_credits")
    assert "at most 50%" in credits.message


def test_a_pending_credential_is_asked_about_only_where_it_could_change_the_outcome() -> None:
    first, second, third = _three()
    del third["learner"]  # a decisive element: its own assessment waits for it
    decision = _assess(_stack(first, second, third))
    assert decision.stack is not None and decision.stack.credentials[2].role is StackRole.PENDING
    assert decision.recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert any(item.startswith("Credential 3 'Part 3': ") for item in decision.recommendation.information_required)
    # A fourth credential that covers the third outcome makes the pending one unable to change anything.
    fourth = _credential("Part 4", [TARGET_OUTCOMES[2]], 2)
    decision = _assess(_stack(first, second, third, fourth))
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION
    assert "not waited for" in decision.recommendation.summary.lower()
    assert decision.stack is not None and decision.stack.credentials[2].role is StackRole.COUNTED


def test_findings_name_the_credential_they_are_about() -> None:
    decision = _assess(_stack(*_three()))
    data = decision.to_json()
    about = {f.get("credential") for f in data["findings"]}
    assert about == {0, 1, 2, None}
    assert Decision.from_json(data).to_json() == data
    assert len(decision.findings_about(None)) >= 2


_SINGLE_CREDENTIAL_CASES = [
    (name, case) for name, case in _all_cases()[:12] + expert_cases() if "credential" in case.document
]


@pytest.mark.parametrize(("name", "case"), _SINGLE_CREDENTIAL_CASES, ids=lambda v: v if isinstance(v, str) else "")
def test_one_credential_as_a_list_means_the_same(name: str, case: Any) -> None:
    document = dict(case.document)
    single = assess(case)
    document["credentials"] = [document.pop("credential")]
    listed = assess(parse_case(document))
    assert listed.stack is None
    assert listed.recommendation == single.recommendation
    assert listed.findings == single.findings


def test_a_case_gives_credential_or_credentials_not_both() -> None:
    document = _stack(*_three())
    document["credential"] = document["credentials"][0]
    with pytest.raises(CaseFileError) as raised:
        parse_case(document)
    assert any(p.path == "credentials" and "not both" in p.message for p in raised.value.problems)


def test_problems_in_a_stack_name_the_credential() -> None:
    first, second, third = _three()
    second["issuer_country"] = "UK"
    third["workload"] = {"ects": -1}
    with pytest.raises(CaseFileError) as raised:
        parse_case(_stack(first, second, third))
    paths = {p.path for p in raised.value.problems}
    assert {"credentials[1].issuer_country", "credentials[2].workload.ects"} <= paths
    second["issuer_country"] = "HR"
    third["workload"] = {"ects": 2}
    third["colour"] = "blue"
    assert parse_case(_stack(first, second, third)).unknown_keys == ("credentials[2].colour",)


def test_assess_prints_the_stack_and_groups_findings_by_credential() -> None:
    from recogniser.commands.assess_command import format_decision

    first, second, third = _three()
    third["assessment"] = {"type": "attendance_only"}
    text = format_decision(_assess(_stack(first, second, third)))
    assert "Stack of 3 credentials:" in text
    assert "3. Part 3 - set aside" in text
    assert "Coverage matrix" in text and "#*" in text
    assert "== Credential 1 'Part 1' - counted ==" in text and "== The stack ==" in text
    assert "Gaps a top-up assessment would close:" in text


def test_the_office_sets_its_maximum_age_in_settings_and_the_rulebook_version_names_it(tmp_path: Path) -> None:
    from recogniser.errors import UserInputError
    from recogniser.rules.office import office_rulebook
    from recogniser.settings import load_settings

    path = tmp_path / "settings.toml"
    assert office_rulebook(load_settings(path)).stack_max_age_years is None  # no limit unless the office sets one
    path.write_text('[office]\nstack_max_age_years = "5"\n', "utf-8")
    rulebook = office_rulebook(load_settings(path))
    assert rulebook.stack_max_age_years == 5
    assert rulebook.version == f"{DEFAULT_RULEBOOK.version}+stack-age-5y"
    first, second, third = _three()
    first["issue_date"] = "2015-01-10"
    decision = assess(parse_case(_stack(first, second, third)), rulebook=rulebook, as_of=date(2026, 1, 1))
    assert decision.rulebook_version == rulebook.version
    assert decision.stack is not None and decision.stack.credentials[0].role is StackRole.EXCLUDED
    assert "the office's limit" in " ".join(decision.stack.credentials[0].reasons)
    path.write_text('[office]\nrpl_credit_cap = "15%"\nstack_max_age_years = "5 years"\n', "utf-8")
    assert office_rulebook(load_settings(path)).version == f"{DEFAULT_RULEBOOK.version}+rpl-cap-15%+stack-age-5y"
    for wrong in ("five", "0", "2.5", "5 months"):
        path.write_text(f'[office]\nstack_max_age_years = "{wrong}"\n', "utf-8")
        with pytest.raises(UserInputError, match=r"office\.stack_max_age_years: .* is not a number of years"):
            load_settings(path)
