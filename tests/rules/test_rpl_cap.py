"""The office's cap on the credits recognition of prior learning may give (an institutional policy: the ECTS
Users' Guide 2015, section 5.2, leaves it to the institution's published criteria)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from recogniser.casefile import parse_case
from recogniser.errors import UserInputError
from recogniser.model import Decision, Outcome, Status
from recogniser.rules import DEFAULT_RULEBOOK, assess
from recogniser.rules.office import office_rulebook
from recogniser.settings import load_settings
from tests.rules.cases import BASE, found


def _rpl(sought: float, programme: float | None, evidence_strong: bool = True, cap: float | None = 0.15) -> Decision:
    document: dict[str, Any] = copy.deepcopy(BASE)
    document["purpose"] = "rpl"
    document["target"]["ects"] = sought
    if programme is not None:
        document["target"]["programme_ects"] = programme
    document["credential"]["workload"] = {"ects": sought, "hours": sought * 27}
    if not evidence_strong:
        document["credential"]["assessment"]["identity_verified"] = None
        document["credential"]["participation"] = "online"
    return assess(parse_case(document), rulebook=DEFAULT_RULEBOOK.with_rpl_credit_cap(cap))


def test_no_cap_is_set_unless_the_office_sets_one() -> None:
    assert DEFAULT_RULEBOOK.rpl_credit_cap is None
    decision = _rpl(30, 180, cap=None)
    assert not [f for f in decision.findings if f.rule_id == "lisbon.rpl_cap"]


def test_credits_within_the_cap_are_not_limited() -> None:
    decision = _rpl(5, 180)
    assert found(decision, "lisbon.rpl_cap").status is Status.PASS
    assert decision.recommendation.ects_recognised == 5


def test_credits_beyond_the_cap_are_limited_to_it() -> None:
    decision = _rpl(30, 180)  # 15 % of 180 = 27
    cap = found(decision, "lisbon.rpl_cap")
    assert cap.status is Status.FAIL and "27 ECTS" in cap.message
    assert decision.recommendation.outcome is Outcome.PARTIAL_RECOGNITION
    assert decision.recommendation.ects_recognised == 27
    assert decision.rulebook_version == f"{DEFAULT_RULEBOOK.version}+rpl-cap-15%"


def test_a_conditional_recognition_says_the_cap_limits_its_credits() -> None:
    decision = _rpl(30, 180, evidence_strong=False)
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.CONDITIONAL_RECOGNITION
    assert recommendation.ects_recognised == 27
    assert "27 of the 30 ECTS sought, once the conditions are met: the office's cap" in recommendation.summary


def test_without_the_programmes_credits_the_cap_is_left_to_the_evaluator() -> None:
    decision = _rpl(30, None)
    assert found(decision, "lisbon.rpl_cap").status is Status.UNKNOWN
    assert decision.recommendation.ects_recognised == 30


def test_the_office_sets_its_cap_in_settings(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[office]\nrpl_credit_cap = "15%"\n', "utf-8")
    settings = load_settings(path)
    assert settings.rpl_credit_share == pytest.approx(0.15)
    assert office_rulebook(settings).rpl_credit_cap == pytest.approx(0.15)
    assert office_rulebook(load_settings(tmp_path / "none.toml")) is DEFAULT_RULEBOOK
    path.write_text('[office]\nrpl_credit_cap = "a lot"\n', "utf-8")
    with pytest.raises(UserInputError, match=r"office\.rpl_credit_cap"):
        load_settings(path)
