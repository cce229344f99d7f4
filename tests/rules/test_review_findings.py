"""Verdicts an evaluator reviewing the rules could catch: outcomes in other languages, verbs read from nouns, a
weaker file getting a better outcome, claims that contradict a finding beside them, and the LRC by analogy."""

from __future__ import annotations

from typing import Any

from recogniser.model import Outcome, Status
from recogniser.rules.verbs import outcome_tier
from tests.rules.cases import both, cred, found, run, target

CROATIAN = [
    "Primijeniti zahtjeve SOLAS-a i ISM kodeksa na upravljanje sigurnošću broda",
    "Analizirati izvješća o pomorskim nezgodama i utvrditi uzroke",
    "Planirati vježbe za slučaj opasnosti za posadu broda",
    "Vrednovati sustav upravljanja sigurnošću na brodu",
]


def test_outcomes_in_another_language_are_compared_by_hand_not_counted_as_uncovered() -> None:
    decision = run(cred(learning_outcomes=CROATIAN))
    outcomes = found(decision, "lisbon.outcomes_difference")
    assert outcomes.status is Status.UNKNOWN and outcomes.allows is None
    assert "different languages" in outcomes.message and "Croatian" in outcomes.message
    assert found(decision, "outcomes.coverage").status is Status.UNKNOWN
    assert decision.recommendation.outcome is not Outcome.NON_RECOGNITION
    assert "learning_outcomes" not in {d.element.value for d in decision.recommendation.substantial_differences}


def test_verbs_are_read_in_the_outcomes_language_not_from_nouns() -> None:
    assert outcome_tier("Citer les étapes d'un projet") == 1
    assert outcome_tier("Définir le chemin critique") == 1
    assert outcome_tier("Navesti uloge u projektnom timu") == 1
    assert outcome_tier("Die Teilnehmenden können Risiken bewerten") == 5
    assert outcome_tier("Décrire les étapes d'une négociation contractuelle") == 1
    assert outcome_tier("Conduire une négociation contractuelle") == 3


def test_a_lower_level_french_outcome_does_not_cover_a_higher_one() -> None:
    decision = run(
        both(
            target(learning_outcomes=["Conduire une négociation contractuelle avec un fournisseur"]),
            cred(learning_outcomes=["Décrire les étapes d'une négociation contractuelle avec un fournisseur"]),
        )
    )
    [match] = decision.outcome_matches
    assert match.lower_level and not match.matched


def _unverified_status(identity_verified: bool) -> Any:
    def edit(document: dict[str, Any]) -> None:
        credential = document["credential"]
        credential["quality_assurance"] = {"internal": True}
        credential["assessment"] = {
            "type": "online_quiz",
            "supervised": identity_verified,
            "identity_verified": identity_verified,
        }
        credential["participation"] = "online"

    return edit


def test_a_weaker_file_never_gets_a_more_favourable_outcome_for_an_unestablished_status() -> None:
    # The institution's status could decide the outcome whatever the identity check shows: it is established
    # first in both files.
    stronger = run(_unverified_status(True)).recommendation
    weaker = run(_unverified_status(False)).recommendation
    assert stronger.outcome is Outcome.INFORMATION_REQUIRED
    assert weaker.outcome is Outcome.INFORMATION_REQUIRED


def test_a_claim_the_evidence_contradicts_is_not_also_said_to_meet_the_level() -> None:
    low_verbs = ["Name the parts of a ship", "List the safety rules", "Identify hazards on deck", "Describe a drill"]
    decision = run(cred(learning_outcomes=low_verbs))
    assert found(decision, "lisbon.level_evidence").status is Status.FAIL
    level = found(decision, "lisbon.level_difference")
    assert level.status is Status.WARNING and "No substantial difference" not in level.message


def test_a_workload_shortfall_claims_no_credits_of_its_own() -> None:
    decision = run(cred(workload={"ects": 2, "hours": 55}, assessment={"type": "attendance_only"}))
    workload = found(decision, "lisbon.workload_difference")
    assert "can count for" not in workload.message and "by 3 ECTS" in workload.message


def test_a_credential_from_the_assessing_country_follows_the_lrc_by_analogy() -> None:
    decision = run(cred(level={"eqf_level": 5}))  # issued in HR, assessed in HR
    assert "by analogy" in decision.recommendation.appeal
    assert all(
        "(by analogy)" in part
        for part in found(decision, "lisbon.information").citation.split("; ")
        if part.startswith("LRC")
    )
