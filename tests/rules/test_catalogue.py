"""The ordered list of rules is the one place rules are run from: every rule declared is in it once, and a rule
finds nothing for a purpose it does not declare."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import recogniser.rules
from recogniser.model import Purpose
from recogniser.rules.base import EVERY_PURPOSE, Rule
from recogniser.rules.catalogue import CASE_RULES, RULES_OUT
from tests.rules.cases import Edit, run


def _declared() -> list[Rule]:
    found: list[Rule] = []
    for module_info in pkgutil.walk_packages(recogniser.rules.__path__, "recogniser.rules."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, Rule):
                found.append(value)
            elif isinstance(value, tuple) and value and all(isinstance(each, Rule) for each in value):
                found.extend(value)
    return found


def test_every_declared_rule_is_listed_once() -> None:
    listed = [rule.info.id for rule in CASE_RULES]
    assert len(listed) == len(set(listed))
    missing = sorted({rule.info.id for rule in _declared() if rule not in CASE_RULES})
    assert missing == [], f"declared but not in rules/catalogue.py, so never run: {missing}"


def test_purpose_limited_rules_are_declared() -> None:
    limited = {rule.info.id: rule.purposes for rule in CASE_RULES if rule.purposes != EVERY_PURPOSE}
    assert limited == {
        "lisbon.entry_qualification": {Purpose.ADMISSION},
        "lisbon.non_traditional_access": {Purpose.ADMISSION},
        "lisbon.rpl_evidence": {Purpose.RPL},
        "lisbon.rpl_cap": {Purpose.RPL},
    }


def _for(chosen: Purpose) -> Edit:
    def edit(document: dict[str, object]) -> None:
        document["purpose"] = chosen.value

    return edit


@pytest.mark.parametrize("chosen", list(Purpose))
def test_a_rule_finds_nothing_for_a_purpose_it_does_not_declare(chosen: Purpose) -> None:
    found = {f.rule_id for f in run(_for(chosen)).findings}
    silent = {rule.info.id for rule in CASE_RULES if chosen not in rule.purposes}
    assert silent
    assert silent.isdisjoint(found)
    # ... and judges the purposes it declares.
    assert ("lisbon.entry_qualification" in found) is (chosen is Purpose.ADMISSION)
    assert ("lisbon.rpl_evidence" in found) is (chosen is Purpose.RPL)


def test_findings_come_in_the_listed_order() -> None:
    decision = run()
    order = {rule.info.id: index for index, rule in enumerate(CASE_RULES)}
    positions = [order[f.rule_id] for f in decision.findings if f.rule_id in order]
    assert positions == sorted(positions)


def test_forms_ruled_out_name_codes_of_listed_rules() -> None:
    ids = {rule.info.id for rule in CASE_RULES}
    assert RULES_OUT
    assert all(code.rsplit(".", 1)[0] in ids for code in RULES_OUT)
