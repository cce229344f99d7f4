"""The numbers the rules compare against are the rulebook's: a rulebook that changes one changes the judgement,
and the default rulebook judges as the rules always have."""

from __future__ import annotations

import copy
from dataclasses import replace

from recogniser.casefile import parse_case
from recogniser.model import Decision, Status
from recogniser.rules import DEFAULT_RULEBOOK, Rulebook, assess
from recogniser.rules import citations as cited
from tests.rules.cases import BASE, Edit, both, cred, found, target


def _judged(edit: Edit, rulebook: Rulebook = DEFAULT_RULEBOOK) -> Decision:
    document = copy.deepcopy(BASE)
    edit(document)
    return assess(parse_case(document), rulebook=rulebook)


def _admission(document: dict[str, object]) -> None:
    document["purpose"] = "admission"


def test_an_outcome_shorter_than_the_rulebook_asks_is_a_topic() -> None:
    four_words = cred(learning_outcomes=["Plan emergency drills aboard", "Evaluate shipboard safety systems"])
    assert found(_judged(four_words), "outcomes.formulation").status is Status.PASS
    stricter = replace(DEFAULT_RULEBOOK, outcome_min_words=5)
    assert found(_judged(four_words, stricter), "outcomes.formulation").status is Status.WARNING


def test_a_first_cycle_programme_admits_from_the_entry_level_the_rulebook_names() -> None:
    eqf_4 = both(_admission, cred(level={"eqf_level": 4}))
    assert found(_judged(eqf_4), "lisbon.level_difference").code == "lisbon.level_difference.meets"
    without = replace(DEFAULT_RULEBOOK, admission_entry_levels={})
    assert found(_judged(eqf_4, without), "lisbon.level_difference").code == "lisbon.level_difference.below_entry"


def test_further_study_starts_at_the_level_the_rulebook_names() -> None:
    master = both(_admission, target(eqf_level=7))
    assert cited.LRC_VI_3A in found(_judged(master), "lisbon.entry_qualification").citation
    later = replace(DEFAULT_RULEBOOK, further_study_eqf=8)
    assert cited.LRC_VI_3A not in found(_judged(master, later), "lisbon.entry_qualification").citation


def test_credits_are_rounded_down_to_the_rulebooks_step() -> None:
    short = cred(workload={"ects": 3.7, "hours": 100})
    assert _judged(short).recommendation.ects_recognised == 3.5
    whole = replace(DEFAULT_RULEBOOK, credit_step=1.0)
    assert _judged(short, whole).recommendation.ects_recognised == 3


def test_the_verbs_speak_of_the_level_only_where_the_rulebook_share_of_outcomes_has_one() -> None:
    half_read = cred(
        learning_outcomes=[
            "Apply SOLAS and ISM Code requirements to manage safety on board a merchant ship",
            "Analyse incident and near-miss reports to determine root causes and corrective measures",
            "Safety culture on merchant vessels and its history in the industry",
            "Maritime conventions of the International Maritime Organization",
        ]
    )
    assert found(_judged(half_read), "qf.outcome_verbs").status is not Status.NOT_APPLICABLE
    stricter = replace(DEFAULT_RULEBOOK, verb_signal_min_share=0.75)
    assert found(_judged(half_read, stricter), "qf.outcome_verbs").status is Status.NOT_APPLICABLE
