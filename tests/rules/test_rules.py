"""Every rule judged pass, fail and unknown on variations of one complete credit-transfer case."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recogniser.annex_i import ANNEX_I_ELEMENTS
from recogniser.casefile import load_case
from recogniser.countries import country_name
from recogniser.model import Outcome, Status
from recogniser.rules import assess
from recogniser.rules.qf import outcome_tier
from tests.rules.cases import BASE, Edit, both, cred, found, run, target

# --- the complete case ---


def test_complete_case_is_fully_recognised_with_every_finding_cited() -> None:
    decision = run()
    assert decision.recommendation.outcome.value == "full_recognition"
    assert decision.recommendation.ects_recognised == 5
    assert decision.recommendation.appeal == ""
    assert all(f.citation for f in decision.findings)
    assert not [f for f in decision.findings if f.status is Status.FAIL]


def test_same_case_gives_the_same_decision() -> None:
    assert run().to_json() == run().to_json()


# --- completeness ---


@pytest.mark.parametrize("element", ANNEX_I_ELEMENTS, ids=lambda e: e.key)
def test_each_annex_element_passes_when_present(element: Any) -> None:
    assert found(run(), f"completeness.{element.key}").status is Status.PASS


_REMOVE = {
    "learner": cred(learner=None),
    "title": cred(title=None),
    "issuer_country": both(cred(issuer_country=None), lambda d: d["credential"]["awarding_body"].pop("country")),
    "awarding_body": cred(awarding_body=None),
    "issue_date": cred(issue_date=None),
    "learning_outcomes": cred(learning_outcomes=[]),
    "workload": cred(workload=None),
    "level": cred(level=None),
    "assessment": cred(assessment=None),
    "participation": cred(participation=None),
    "quality_assurance": cred(quality_assurance={"internal": None}),
    "prerequisites": cred(prerequisites=""),
    "identity_verification": cred(assessment={"type": "written_exam"}),
    "grade": cred(grade=None),
    "stackability": cred(stackability=None),
    "further_information": cred(further_information=None),
}


@pytest.mark.parametrize("element", ANNEX_I_ELEMENTS, ids=lambda e: e.key)
def test_each_annex_element_missing_is_reported_by_weight(element: Any) -> None:
    decision = run(_REMOVE[element.key])
    status = found(decision, f"completeness.{element.key}").status
    if not element.mandatory:
        assert status is Status.NOT_APPLICABLE
    elif element.key in ("issue_date", "participation"):
        assert status is Status.WARNING  # not decisive for credit transfer
    else:
        assert status is Status.FAIL
        assert decision.recommendation.outcome.value == "information_required"
        assert any(element.name in item for item in decision.recommendation.information_required)


def test_issuer_country_may_come_from_the_awarding_body() -> None:
    assert found(run(cred(issuer_country=None)), "completeness.issuer_country").status is Status.PASS


def test_attendance_only_is_not_a_micro_credential() -> None:
    decision = run(cred(assessment={"type": "attendance_only"}))
    assert found(decision, "completeness.assessed_learning").status is Status.FAIL
    assert decision.recommendation.outcome.value == "alternative_recognition"
    assert decision.recommendation.ects_recognised == 0
    assert "prior learning" in decision.recommendation.summary


def test_unknown_keys_are_a_warning() -> None:
    decision = run(lambda d: d.update(x_note="kept"))
    assert found(decision, "completeness.unknown_keys").status is Status.WARNING
    assert not [f for f in run().findings if f.rule_id == "completeness.unknown_keys"]


# --- Lisbon ---


def test_information_names_what_is_missing_and_pass_when_complete() -> None:
    assert found(run(), "lisbon.information").status is Status.PASS
    decision = run(cred(learning_outcomes=None, workload=None))
    finding = found(decision, "lisbon.information")
    assert finding.status is Status.FAIL
    assert decision.recommendation.information_required == (
        "Annex I element 6: learning outcomes",
        "Annex I element 7: notional workload (ECTS where possible)",
    )


def test_refugee_without_documents_is_never_refused_for_missing_documents() -> None:
    def refugee(document: dict[str, Any]) -> None:
        document["applicant"] = {"refugee": True, "documents_missing": True}

    full = run(refugee)
    assert found(full, "lisbon.refugee").status is Status.WARNING
    assert full.recommendation.outcome.value == "conditional_recognition"
    assert any("Qualifications Passport for Refugees" in c for c in full.recommendation.conditions)
    # Nothing is asked of a displaced person: the assessing body establishes it in the alternative procedure.
    incomplete = run(both(refugee, cred(learning_outcomes=None)))
    assert incomplete.recommendation.outcome.value == "conditional_recognition"
    assert found(incomplete, "lisbon.information").status is Status.WARNING
    assert not incomplete.recommendation.information_required
    assert any("the assessing body establishes" in c for c in incomplete.recommendation.conditions)
    assert not [f for f in run().findings if f.rule_id == "lisbon.refugee"]


def test_level_one_below_target_allows_alternative_credit() -> None:
    decision = run(cred(level={"framework": "HR-CROQF", "nqf_level": "5"}))
    assert found(decision, "qf.level_against_target").status is Status.FAIL
    assert found(decision, "lisbon.level_difference").status is Status.FAIL
    assert decision.recommendation.outcome.value == "alternative_recognition"
    # Credit in another form counts nothing towards the component sought.
    assert decision.recommendation.ects_recognised == 0
    assert decision.recommendation.ects_in_another_form == 5
    assert decision.recommendation.alternative is not None
    assert decision.recommendation.alternative.kind.value == "elective_credit"
    assert [d.element.value for d in decision.recommendation.substantial_differences] == ["level"]
    assert "III.5" in decision.recommendation.appeal


def test_level_above_target_is_no_difference() -> None:
    decision = run(target(eqf_level=5))
    assert found(decision, "lisbon.level_difference").status is Status.PASS


def test_level_unknown_when_not_stated() -> None:
    decision = run(cred(level=None))
    assert found(decision, "lisbon.level_difference").status is Status.UNKNOWN
    assert found(decision, "qf.level_against_target").status is Status.UNKNOWN


def test_fewer_credits_than_sought_gives_partial_recognition() -> None:
    decision = run(cred(workload={"ects": 3, "hours": 80}))
    assert found(decision, "lisbon.workload_difference").status is Status.FAIL
    assert decision.recommendation.outcome.value == "partial_recognition"
    assert decision.recommendation.ects_recognised == 3


def test_zero_credits_are_not_partial_recognition_of_nothing() -> None:
    estimated = run(cred(workload={"ects": 0, "hours": 150}))
    assert estimated.recommendation.outcome.value == "full_recognition"
    nothing = run(cred(workload={"ects": 0}))
    assert found(nothing, "lisbon.workload_difference").status is Status.FAIL
    assert nothing.recommendation.outcome.value == "alternative_recognition"
    assert nothing.recommendation.ects_recognised == 0


def test_workload_estimated_from_hours_is_conservative() -> None:
    decision = run(cred(workload={"hours": 150}))
    assert found(decision, "qf.hours_per_ects").status is Status.WARNING
    assert found(decision, "lisbon.workload_difference").status is Status.PASS
    assert decision.recommendation.ects_recognised == 5


def test_unverified_identity_for_credit_gives_conditions() -> None:
    decision = run(cred(assessment={"type": "online_quiz", "supervised": False, "identity_verified": False}))
    finding = found(decision, "lisbon.assessment_difference")
    assert finding.status is Status.FAIL and finding.element.value == "identity"
    assert decision.recommendation.outcome.value == "conditional_recognition"
    assert decision.recommendation.conditions == (
        "an identity-verified assessment (e.g. a supervised or oral examination) of the outcomes",
    )


def test_identity_unknown_online_is_asked_for_and_onsite_is_presumed() -> None:
    # Element 13 is optional: not stating it does not hold the decision up, the credit waits on a condition.
    unstated = cred(assessment={"type": "written_exam"})
    decision = run(unstated)
    assert found(decision, "lisbon.assessment_difference").status is Status.FAIL
    assert decision.recommendation.outcome.value == "conditional_recognition"
    onsite = both(unstated, cred(participation="onsite"))
    assert found(run(onsite), "lisbon.assessment_difference").status is Status.PASS


def test_weak_quality_sends_credit_through_rpl() -> None:
    decision = run(
        both(
            cred(quality_assurance={"internal": True}),
            lambda d: d["credential"]["awarding_body"].update(kind="private_provider"),
        )
    )
    assert found(decision, "esg.qa_grade").status is Status.WARNING
    assert found(decision, "esg.provider_route").status is Status.WARNING
    assert found(decision, "lisbon.quality_difference").status is Status.FAIL
    assert decision.recommendation.outcome.value == "alternative_recognition"
    assert decision.recommendation.ects_recognised == 0


def test_partly_covered_outcomes_give_partial_credit() -> None:
    outcomes = [*BASE["credential"]["learning_outcomes"][:2], "Describe the history of navigation instruments"]
    decision = run(cred(learning_outcomes=outcomes))
    assert found(decision, "outcomes.coverage").status is Status.WARNING
    assert decision.recommendation.outcome.value == "partial_recognition"
    assert decision.recommendation.ects_recognised == 2.5


def test_one_in_four_outcomes_needs_a_bridging_assessment() -> None:
    outcomes = [*BASE["credential"]["learning_outcomes"][:1], "Describe the history of navigation instruments"]
    decision = run(cred(learning_outcomes=outcomes))
    assert decision.recommendation.outcome.value == "conditional_recognition"
    assert decision.recommendation.conditions[0].startswith("a bridging assessment of the outcomes not covered")


def test_unrelated_outcomes_allow_elective_credit_only() -> None:
    data_course = cred(
        title="Foundations of Data Analytics",
        learning_outcomes=["Describe the stages of a data analysis project", "Create basic charts"],
    )
    decision = run(data_course)
    assert found(decision, "outcomes.coverage").status is Status.FAIL
    assert found(decision, "lisbon.profile_difference").status is Status.WARNING
    assert decision.recommendation.outcome.value == "alternative_recognition"


def test_no_target_outcomes_cannot_be_compared() -> None:
    decision = run(target(learning_outcomes=[]))
    assert found(decision, "outcomes.coverage").status is Status.UNKNOWN
    assert found(decision, "lisbon.outcomes_difference").status is Status.UNKNOWN
    assert found(decision, "lisbon.profile_difference").status is Status.UNKNOWN


def test_substantial_differences_that_nothing_bridges_mean_non_recognition() -> None:
    decision = run(
        both(
            cred(level={"eqf_level": 3}),  # two below: only alternative credit
            cred(assessment={"type": "online_quiz", "supervised": False, "identity_verified": False}),  # conditional
        )
    )
    assert decision.recommendation.outcome.value == "non_recognition"
    assert decision.recommendation.ects_recognised == 0
    assert {d.element.value for d in decision.recommendation.substantial_differences} == {"level", "identity"}
    assert found(decision, "lisbon.reasons_and_appeal").status is Status.PASS


def test_rpl_route_comes_before_refusal() -> None:
    # Quality leaves only RPL or refusal open, identity only conditions or refusal: RPL comes first.
    decision = run(
        both(
            cred(
                quality_assurance={"internal": True},
                assessment={"type": "online_quiz", "supervised": False, "identity_verified": False},
            ),
            lambda d: d["credential"]["awarding_body"].update(kind="private_provider"),
        )
    )
    assert decision.recommendation.outcome.value == "alternative_recognition"
    assert decision.recommendation.ects_recognised == 0
    assert "recognition of prior learning (RPL) procedure" in decision.recommendation.summary
    assert {d.element.value for d in decision.recommendation.substantial_differences} == {"identity", "quality"}


def test_a_credit_shortfall_leaves_credit_in_another_form_open() -> None:
    # Unrelated outcomes allow elective credit; fewer credits than the component needs do not stand in its way.
    unrelated = cred(
        title="Foundations of Data Analytics",
        learning_outcomes=["Describe the stages of a data analysis project", "Create basic charts"],
        workload={"ects": 3, "hours": 80},
    )
    decision = run(unrelated)
    assert decision.recommendation.outcome.value == "alternative_recognition"
    assert decision.recommendation.ects_recognised == 0
    # Another component is for the institution to find, so no figure is put on it.
    assert decision.recommendation.ects_in_another_form is None
    assert "for the institution to check" in decision.recommendation.summary
    assert {d.element.value for d in decision.recommendation.substantial_differences} == {
        "workload",
        "learning_outcomes",
    }
    # A level one below the component: credit at its own level rather than only after an assessment.
    lower = run(cred(level={"eqf_level": 5}, workload={"ects": 3, "hours": 80}))
    assert lower.recommendation.outcome.value == "alternative_recognition"
    assert lower.recommendation.ects_recognised == 0
    assert lower.recommendation.ects_in_another_form == 3


def test_alternative_recognition_needs_a_finding_that_names_the_form() -> None:
    # The shortfall alone names no other form of recognition: the credits count towards the component in part.
    decision = run(cred(workload={"ects": 3, "hours": 80}))
    assert Outcome.ALTERNATIVE_RECOGNITION in (found(decision, "lisbon.workload_difference").allows or ())
    assert decision.recommendation.outcome is Outcome.PARTIAL_RECOGNITION


def test_admission_weighs_level_against_entry_level() -> None:
    def admission(document: dict[str, Any]) -> None:
        document["purpose"] = "admission"
        document["target"] = {"title": "MSc Maritime Management", "eqf_level": 7}

    ok = run(admission)
    assert found(ok, "lisbon.level_difference").status is Status.PASS
    assert ok.recommendation.outcome.value == "full_recognition"
    assert ok.recommendation.ects_recognised is None
    low = run(both(admission, cred(level={"eqf_level": 4})))
    assert low.recommendation.outcome.value == "alternative_recognition"


def test_employment_without_level_still_gets_a_statement() -> None:
    def employment(document: dict[str, Any]) -> None:
        document["purpose"] = "employment"
        del document["target"]

    decision = run(both(employment, cred(level=None)))
    assert found(decision, "lisbon.level_difference").status is Status.WARNING
    assert decision.recommendation.outcome.value == "full_recognition"


def test_rpl_weighs_a_non_formal_provider_as_evidence_for_the_institutions_assessment() -> None:
    def rpl(document: dict[str, Any]) -> None:
        document["purpose"] = "rpl"
        document["credential"]["awarding_body"]["kind"] = "employer"
        document["credential"]["quality_assurance"] = {"internal": False}

    decision = run(rpl)
    # Not a refusal: the credential documents the learning, and the institution's RPL assessment sets the credits.
    assert found(decision, "lisbon.quality_difference").status is Status.WARNING
    assert found(decision, "lisbon.rpl_evidence").status is Status.FAIL
    assert decision.recommendation.outcome.value == "conditional_recognition"
    assert decision.recommendation.ects_recognised == 5
    assert any("RPL assessment" in c for c in decision.recommendation.conditions)


# --- QF ---


def test_framework_level_reads_across_to_eqf_and_cycle() -> None:
    finding = found(run(cred(level={"framework": "IE-NFQ", "nqf_level": "8"})), "qf.framework_level")
    assert finding.status is Status.PASS
    assert "EQF level 6" in finding.message and "first cycle" in finding.message


def test_unknown_framework_suggests_close_ids() -> None:
    finding = found(run(cred(level={"framework": "HR-CROFQ", "nqf_level": "6"})), "qf.framework_level")
    assert finding.status is Status.WARNING and "HR-CROQF" in finding.message


def test_level_not_in_framework_fails() -> None:
    finding = found(run(cred(level={"framework": "HR-CROQF", "nqf_level": "9"})), "qf.framework_level")
    assert finding.status is Status.FAIL


def test_stated_eqf_contradicting_framework_is_flagged() -> None:
    decision = run(cred(level={"framework": "IE-NFQ", "nqf_level": "8", "eqf_level": 8}))
    assert found(decision, "qf.eqf_consistency").status is Status.WARNING
    assert found(run(), "qf.eqf_consistency").status is Status.PASS


@pytest.mark.parametrize(
    ("hours", "status"),
    [(135, Status.PASS), (110, Status.PASS), (60, Status.WARNING), (400, Status.WARNING)],
)
def test_hours_against_ects(hours: int, status: Status) -> None:
    assert found(run(cred(workload={"ects": 5, "hours": hours})), "qf.hours_per_ects").status is status


def test_stated_credits_the_hours_do_not_support_are_counted_from_the_hours() -> None:
    # 60 hours for 5 ECTS is 12 hours per credit; at 30 hours per credit the hours support 2 ECTS.
    decision = run(cred(workload={"ects": 5, "hours": 60}))
    plausibility = found(decision, "qf.hours_per_ects")
    assert plausibility.status is Status.WARNING
    assert "conservative 2 ECTS" in plausibility.message and "not on the 5 ECTS stated" in plausibility.message
    assert "ECTS Users' Guide 2015" in plausibility.message
    workload = found(decision, "lisbon.workload_difference")
    assert workload.status is Status.FAIL
    assert workload.message.startswith("2 ECTS (counted from 60 hours; 5 ECTS stated) is less than the 5 ECTS sought")
    assert "The 5 ECTS stated are not credible beside 60 hours (12.0 hours per credit" in workload.message
    assert "ECTS Users' Guide 2015" in workload.citation
    assert found(decision, "qf.size").message.startswith("2 ECTS (counted from 60 hours; 5 ECTS stated)")
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.PARTIAL_RECOGNITION
    assert recommendation.ects_recognised == 2
    assert "2 of the 5 ECTS sought; the rest is not recognised." in recommendation.summary
    assert "60 hours support about 2 ECTS, not the 5 ECTS stated (ECTS Users' Guide 2015" in recommendation.summary


@pytest.mark.parametrize("hours", [110, 180, 400])
def test_hours_that_support_the_stated_credits_keep_them(hours: int) -> None:
    # Within the tolerant band (20-36 h per credit), or with more hours than the credits need, the stated
    # credits are the lower figure and are judged as stated.
    decision = run(cred(workload={"ects": 5, "hours": hours}))
    assert found(decision, "lisbon.workload_difference").status is Status.PASS
    assert "stated" not in found(decision, "lisbon.workload_difference").message
    assert decision.recommendation.ects_recognised == 5
    assert "counted from the hours" not in decision.recommendation.summary


def test_more_hours_than_the_credits_need_keep_the_stated_credits() -> None:
    message = found(run(cred(workload={"ects": 5, "hours": 400})), "qf.hours_per_ects").message
    assert "80.0 hours per credit" in message
    assert "credit is judged on the 5 ECTS stated, the lower of the two figures" in message


def test_credits_counted_from_hours_are_reported_where_no_credits_are_sought() -> None:
    def employment(document: dict[str, Any]) -> None:
        document["purpose"] = "employment"
        del document["target"]

    decision = run(both(employment, cred(workload={"ects": 5, "hours": 60})))
    assert found(decision, "lisbon.workload_difference").message.endswith(
        "2 ECTS (counted from 60 hours; 5 ECTS stated)."
    )
    assert decision.recommendation.ects_recognised is None


def test_zero_hours_beside_credits_are_missing_hours() -> None:
    decision = run(cred(workload={"ects": 5, "hours": 0}))
    assert "the hours look missing" in found(decision, "qf.hours_per_ects").message
    assert decision.recommendation.ects_recognised == 5


def test_size_heuristics() -> None:
    assert found(run(), "qf.size").status is Status.PASS
    assert found(run(cred(workload={"ects": 90})), "qf.size").status is Status.WARNING
    assert found(run(cred(workload={"ects": 0.5})), "qf.size").status is Status.WARNING
    assert found(run(cred(workload=None)), "qf.size").status is Status.UNKNOWN


def test_outcome_verbs_warn_but_never_decide() -> None:
    simple = ["Define key safety terms", "List the parts of a lifeboat", "Recall the signals for abandon ship"]
    decision = run(both(cred(learning_outcomes=simple, level={"eqf_level": 7}), target(eqf_level=6)))
    assert found(decision, "qf.outcome_verbs").status is Status.WARNING
    assert found(decision, "qf.outcome_verbs").allows is None
    assert found(run(), "qf.outcome_verbs").status is Status.PASS
    assert outcome_tier("Evaluate the system") == 5 and outcome_tier("Навигация") is None
    assert outcome_tier("identifies hazards") == 1 and outcome_tier("applies the directive") == 3
    assert outcome_tier("analyses reports") == 4 and outcome_tier("Process data") is None


# --- ESG ---


def test_external_qa_by_registered_agency_is_strong() -> None:
    decision = run()
    assert found(decision, "esg.external_qa").status is Status.PASS
    assert "strong" in found(decision, "esg.qa_grade").message


def test_expired_qa_decision_fails_as_of_the_date_and_a_current_one_is_asked_for() -> None:
    decision = run(as_of=date(2029, 1, 1))
    assert found(decision, "esg.external_qa").status is Status.FAIL
    # The institution calls itself a university; that alone no longer vouches for it once its decision ran out.
    grade = found(decision, "esg.qa_grade")
    assert grade.status is Status.UNKNOWN and "weak" in grade.message and "presumably" not in grade.message
    quality = found(decision, "lisbon.quality_difference")
    assert quality.status is Status.UNKNOWN and quality.allows is None
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert recommendation.information_required == (
        "Annex I element 11: the quality assurance decision on the provision that was valid on 2029-01-01 (the "
        "decision by ASHE stated ran out on 2028-06-30)",
    )
    assert recommendation.substantial_differences == ()
    assert "No substantial difference" not in recommendation.summary


def test_negative_qa_decision() -> None:
    decision = run(cred(quality_assurance={"external_agency": "ASHE", "decision": "negative"}))
    assert found(decision, "esg.external_qa").status is Status.FAIL
    assert found(decision, "esg.qa_grade").status is Status.FAIL


def test_unregistered_agency_is_named_but_not_strong() -> None:
    qa = {"internal": True, "external_agency": "Chamber Training Quality Board", "decision": "positive"}
    decision = run(cred(quality_assurance=qa))
    # Neither in the agency data nor recognisable as a national body: the body is identified before it counts.
    assert found(decision, "esg.eqar_registration").status is Status.UNKNOWN
    grade = found(decision, "esg.qa_grade")
    assert grade.status is Status.UNKNOWN and "substantial" not in grade.message
    assert "what body Chamber Training Quality Board is" in grade.message


def test_no_agency_means_registration_not_applicable_and_external_qa_unknown() -> None:
    decision = run(cred(quality_assurance={"internal": True}))
    assert found(decision, "esg.eqar_registration").status is Status.NOT_APPLICABLE
    assert found(decision, "esg.external_qa").status is Status.UNKNOWN
    assert found(decision, "esg.internal_qa").status is Status.PASS


def vet_provider(purpose: str, quality_assurance: dict[str, Any]) -> Edit:
    """The base case from a VET provider, for ``purpose``, with ``quality_assurance``."""

    def edit(document: dict[str, Any]) -> None:
        document["purpose"] = purpose
        if purpose == "employment":
            del document["target"]
        document["credential"]["awarding_body"]["kind"] = "vet_provider"
        document["credential"]["quality_assurance"] = quality_assurance

    return edit


def test_vet_quality_assurance_is_left_to_the_evaluator_not_failed_by_the_esg() -> None:
    decision = run(vet_provider("employment", {"internal": True}))
    grade = found(decision, "esg.qa_grade")
    assert grade.status is Status.UNKNOWN
    assert "In ESG terms the quality evidence is weak" in grade.message
    assert "The ESG are standards for higher education" in grade.message
    assert "ESG 2015, scope and concepts" in grade.citation and "2020/C 417/01" in grade.citation
    quality = found(decision, "lisbon.quality_difference")
    assert quality.status is Status.UNKNOWN and quality.allows is None
    assert "the evaluator checks its quality assurance in its own VET system" in quality.message
    assert "ESG 2015, scope and concepts" in quality.citation
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.FULL_RECOGNITION
    assert recommendation.substantial_differences == ()
    assert "For the evaluator to check: The awarding body is a VET provider." in recommendation.summary
    assert found(decision, "esg.provider_route").status is Status.NOT_APPLICABLE


def test_vet_provider_without_any_quality_assurance_is_also_left_to_the_evaluator() -> None:
    decision = run(vet_provider("employment", {"internal": False}))
    assert found(decision, "esg.qa_grade").status is Status.UNKNOWN
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION


def test_other_providers_without_esg_evidence_are_still_graded_by_the_esg() -> None:
    def private(document: dict[str, Any]) -> None:
        vet_provider("employment", {"internal": True})(document)
        document["credential"]["awarding_body"]["kind"] = "private_provider"

    decision = run(private)
    assert found(decision, "esg.qa_grade").status is Status.WARNING
    assert found(decision, "lisbon.quality_difference").status is Status.FAIL
    assert decision.recommendation.outcome is Outcome.ALTERNATIVE_RECOGNITION


def test_a_negative_decision_on_a_vet_provider_still_counts() -> None:
    qa = {"internal": True, "external_agency": "ASHE", "decision": "negative"}
    decision = run(vet_provider("employment", qa))
    assert found(decision, "esg.qa_grade").status is Status.FAIL
    assert decision.recommendation.outcome is Outcome.ALTERNATIVE_RECOGNITION


def test_vet_credential_for_credit_in_higher_education_goes_through_rpl() -> None:
    decision = run(vet_provider("credit_transfer", {"internal": True}))
    quality = found(decision, "lisbon.quality_difference")
    assert quality.status is Status.FAIL
    assert "The awarding body is a VET provider" in quality.message
    assert "cannot be trusted" not in quality.message
    # The route into higher education, not a verdict on the provider: the message does not also say that
    # nothing is held against it.
    assert "not held against" not in quality.message
    assert quality.message.endswith("for credit; the learning can be recognised through RPL.")
    route = found(decision, "esg.provider_route")
    assert route.status is Status.WARNING and "no ESG-aligned" not in route.message
    assert decision.recommendation.outcome is Outcome.ALTERNATIVE_RECOGNITION
    assert "recognition of prior learning (RPL) procedure" in decision.recommendation.summary


# --- outcomes ---


def test_outcome_matches_are_in_the_decision() -> None:
    matches = run().outcome_matches
    assert len(matches) == 4 and all(m.matched for m in matches)
    assert matches[0].credential == BASE["credential"]["learning_outcomes"][0]


def test_terse_outcomes_are_a_warning() -> None:
    decision = run(cred(learning_outcomes=["Safety", "Apply SOLAS and ISM Code requirements on board"]))
    assert found(decision, "outcomes.formulation").status is Status.WARNING


def test_the_appeal_route_names_the_assessing_country() -> None:
    case = load_case(Path(__file__).resolve().parents[2] / "examples" / "online-course-employment.json")
    assert "the ENIC-NARIC centre of Sweden (SE)" in assess(case).recommendation.appeal


def test_a_country_missing_from_the_table_is_named_by_its_code() -> None:
    assert country_name("QQ") == "QQ"
    assert country_name("SE") == "Sweden (SE)"


def test_the_profile_finding_says_when_it_read_only_the_start_of_very_long_outcomes() -> None:
    long_outcome = " ".join(f"navigate vessel{n} safely" for n in range(1200))
    decision = run(cred(learning_outcomes=[long_outcome]))
    assert "compared on the first 2,000 words" in found(decision, "lisbon.profile_difference").message
    assert "compared on the first" not in found(run(), "lisbon.profile_difference").message
