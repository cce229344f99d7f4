"""What the file does not show is asked for, never counted against the applicant (LRC Art. III.3 and VII), and a
difference is substantial only where it is established (Revised Recommendation, 2010)."""

from __future__ import annotations

from typing import Any

import pytest

from recogniser.model import Decision, Outcome, Status
from tests.rules.cases import both, cred, found, run


def refugee_without_documents(document: dict[str, Any]) -> None:
    document["applicant"] = {"refugee": True, "documents_missing": True}


def differences(decision: Decision) -> set[str]:
    return {d.element.value for d in decision.recommendation.substantial_differences}


# --- workload: hours that support the credits sought ---


@pytest.mark.parametrize("hours", [125, 135, 140, 150])
def test_hours_within_the_ects_band_of_the_credits_sought_support_them(hours: int) -> None:
    # 5 ECTS at 25-30 hours per credit is 125-150 hours (ECTS Users' Guide 2015).
    decision = run(cred(workload={"hours": hours}))
    workload = found(decision, "lisbon.workload_difference")
    assert workload.status is Status.PASS
    assert "covers the 5 ECTS sought" in workload.message
    assert "ECTS Users' Guide 2015" in workload.citation
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION
    assert decision.recommendation.ects_recognised == 5
    assert differences(decision) == set()


def test_hours_that_only_the_tolerated_band_reaches_are_asked_about_not_cut() -> None:
    # 110 hours are 3.7-4.4 ECTS at 25-30 hours per credit; 5 ECTS would be 22 hours each, within 20-36.
    decision = run(cred(workload={"hours": 110}))
    workload = found(decision, "lisbon.workload_difference")
    assert workload.status is Status.UNKNOWN and workload.allows is None
    assert "only at 22.0 hours per credit" in workload.message
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert recommendation.information_required == (
        "Annex I element 7: credits (ECTS) the awarding body gives for the 110 hours of workload stated",
    )
    assert recommendation.substantial_differences == ()
    assert recommendation.ects_recognised is None


def test_hours_clearly_short_of_the_credits_sought_are_a_difference() -> None:
    decision = run(cred(workload={"hours": 60}))
    workload = found(decision, "lisbon.workload_difference")
    assert workload.status is Status.FAIL
    assert "60 hours support 2.0-2.4 ECTS at 25-30 hours per credit" in workload.message
    assert decision.recommendation.outcome is Outcome.PARTIAL_RECOGNITION
    assert decision.recommendation.ects_recognised == 2


def test_stated_credits_the_hours_contradict_still_count_in_full_where_the_hours_support_what_is_sought() -> None:
    # 10 ECTS for 135 hours is not credible, but the 5 ECTS sought lie within what the hours support.
    decision = run(cred(workload={"ects": 10, "hours": 135}))
    assert found(decision, "qf.hours_per_ects").status is Status.WARNING
    assert found(decision, "lisbon.workload_difference").status is Status.PASS
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION
    assert decision.recommendation.ects_recognised == 5
    assert "counted from the hours" not in decision.recommendation.summary


# --- quality: absence is asked for ---


@pytest.mark.parametrize("quality_assurance", [None, {"internal": None}])
def test_quality_assurance_not_stated_is_asked_for_not_a_difference(quality_assurance: Any) -> None:
    decision = run(cred(quality_assurance=quality_assurance))
    quality = found(decision, "lisbon.quality_difference")
    assert quality.status is Status.UNKNOWN and quality.allows is None
    assert "asked for" in quality.message
    assert found(decision, "esg.qa_grade").status is Status.UNKNOWN
    assert decision.recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert decision.recommendation.information_required == ("Annex I element 11: type of quality assurance",)
    assert decision.recommendation.substantial_differences == ()


def test_a_refugee_without_documents_is_never_given_a_difference_for_them() -> None:
    missing = cred(quality_assurance=None, assessment=None, awarding_body=None, learning_outcomes=None)
    decision = run(both(refugee_without_documents, missing))
    quality = found(decision, "lisbon.quality_difference")
    assert quality.status is Status.UNKNOWN and "other means (Art. VII)" in quality.message
    recommendation = decision.recommendation
    # Nothing is asked of the applicant: the assessing body establishes it in the alternative procedure.
    assert recommendation.outcome is Outcome.CONDITIONAL_RECOGNITION
    assert recommendation.information_required == ()
    assert recommendation.substantial_differences == ()
    assert "Substantial differences" not in recommendation.summary
    assert "the applicant must supply" not in recommendation.summary.casefold()
    established = [c for c in recommendation.conditions if "the assessing body establishes" in c]
    assert established and "by any reliable means" in established[0]


def test_a_vet_provider_whose_quality_assurance_is_not_stated_is_asked_for_it() -> None:
    def vet(document: dict[str, Any]) -> None:
        document["credential"]["awarding_body"]["kind"] = "vet_provider"
        del document["credential"]["quality_assurance"]

    decision = run(vet)
    assert decision.recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert decision.recommendation.substantial_differences == ()


# --- quality: evidence that failed is reflected ---


def test_a_decision_that_ran_out_before_the_issue_date_is_not_full_recognition() -> None:
    qa = {"internal": True, "external_agency": "ASHE", "decision": "positive", "valid_until": "2024-01-01"}
    decision = run(cred(quality_assurance=qa))
    assert found(decision, "esg.external_qa").status is Status.FAIL
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert recommendation.information_required == (
        "Annex I element 11: the quality assurance decision on the provision that was valid on 2025-06-30 (the "
        "decision by ASHE stated ran out on 2024-01-01)",
    )
    assert "No substantial difference" not in recommendation.summary


def test_internal_quality_assurance_only_at_a_university_asks_for_its_status() -> None:
    decision = run(cred(quality_assurance={"internal": True}))
    grade = found(decision, "esg.qa_grade")
    assert grade.status is Status.UNKNOWN and "weak" in grade.message
    quality = found(decision, "lisbon.quality_difference")
    assert quality.status is Status.UNKNOWN
    assert "status of the institution first" in quality.message
    (item,) = decision.recommendation.information_required
    assert item.startswith("Annex I element 11: evidence that Example Faculty is a recognised (accredited) higher")
    assert decision.recommendation.outcome is Outcome.INFORMATION_REQUIRED


def test_an_agency_named_without_its_decision_is_asked_for_the_decision() -> None:
    decision = run(cred(quality_assurance={"internal": True, "external_agency": "ASHE"}))
    assert decision.recommendation.information_required == (
        "Annex I element 11: the decision of ASHE on the provision, with its validity",
    )


def test_an_established_negative_decision_is_still_a_difference() -> None:
    decision = run(cred(quality_assurance={"internal": True, "external_agency": "ASHE", "decision": "negative"}))
    assert found(decision, "lisbon.quality_difference").status is Status.FAIL
    assert differences(decision) == {"quality"}
    assert decision.recommendation.outcome is Outcome.ALTERNATIVE_RECOGNITION


# --- identity ---


@pytest.mark.parametrize("supervised", [None, True])
def test_identity_verification_not_stated_for_credit_is_a_condition_not_a_block(supervised: bool | None) -> None:
    # Element 13 is optional in Annex I: not stating it never holds the decision up.
    decision = run(cred(assessment={"type": "written_exam", "supervised": supervised, "identity_verified": None}))
    identity = found(decision, "lisbon.assessment_difference")
    assert identity.status is Status.FAIL and identity.element.value == "identity"
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.CONDITIONAL_RECOGNITION
    assert recommendation.information_required == ()
    assert any("identity was verified" in c for c in recommendation.conditions)


def test_identity_verification_not_stated_weighs_less_for_other_purposes() -> None:
    def employment(document: dict[str, Any]) -> None:
        document["purpose"] = "employment"
        del document["target"]

    decision = run(both(employment, cred(assessment={"type": "written_exam"})))
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION


# --- admission: a micro-credential is not the entry qualification ---


@pytest.mark.parametrize(
    ("eqf_level", "needed"),
    [(7, "a first-cycle (bachelor's) degree"), (8, "a second-cycle (master's) degree"), (6, "upper secondary")],
)
def test_admission_says_the_micro_credential_does_not_establish_the_entry_qualification(
    eqf_level: int, needed: str
) -> None:
    def admission(document: dict[str, Any]) -> None:
        document["purpose"] = "admission"
        document["target"] = {"title": "A programme", "eqf_level": eqf_level}
        document["credential"]["level"] = {"eqf_level": 7}

    decision = run(admission)
    entry = found(decision, "lisbon.entry_qualification")
    assert entry.status is Status.UNKNOWN and entry.allows is None
    assert needed in entry.message and "IV.4" in entry.citation
    assert ("VI.3(a)" in entry.citation) is (eqf_level >= 7)
    summary = decision.recommendation.summary
    assert "does not by itself establish the general entry qualification" in summary
    assert not [f for f in run().findings if f.rule_id == "lisbon.entry_qualification"]
