"""The recommendation agrees with its findings: what restricts the outcome is a failure, what failed is weighed
or said, alternative recognition does not claim the credits sought, and a doubtful level is not passed over."""

from __future__ import annotations

from typing import Any

import pytest

from recogniser.elements import element_status
from recogniser.model import Decision, Element, Outcome, Status
from recogniser.rules import assess
from recogniser.seminar import exercise_sources
from tests.rules.cases import Edit, both, cred, found, run, target


def employment(document: dict[str, Any]) -> None:
    document["purpose"] = "employment"
    del document["target"]


def private_provider(document: dict[str, Any]) -> None:
    document["credential"]["awarding_body"]["kind"] = "private_provider"


VARIANTS: dict[str, Edit] = {
    "level two below": cred(level={"eqf_level": 4}),
    "level one below": cred(level={"eqf_level": 5}),
    "outcomes unrelated": cred(learning_outcomes=["Bake sourdough bread", "Describe the fermentation of dough"]),
    "fewer credits": cred(workload={"ects": 3, "hours": 80}),
    "attendance only": cred(assessment={"type": "attendance_only"}),
    "unverified identity": cred(assessment={"type": "online_quiz", "supervised": False, "identity_verified": False}),
    "negative QA": cred(quality_assurance={"internal": True, "external_agency": "ASHE", "decision": "negative"}),
    "private provider, internal QA": both(private_provider, cred(quality_assurance={"internal": True})),
    "employment, private provider": both(employment, private_provider, cred(quality_assurance={"internal": True})),
    "employment, unassessed": both(employment, cred(assessment={"type": "none"})),
    "framework level wrong": cred(level={"framework": "HR-CROQF", "nqf_level": "42", "eqf_level": 6}),
    "stated EQF above framework": cred(level={"framework": "HR-CROQF", "nqf_level": "6", "eqf_level": 7}),
}


def decisions() -> list[tuple[str, Decision]]:
    shipped = [(source.id, assess(source.case)) for source in exercise_sources(with_notes=False)]
    return shipped + [(name, run(edit)) for name, edit in VARIANTS.items()]


@pytest.mark.parametrize(("name", "decision"), decisions(), ids=lambda value: value if isinstance(value, str) else "")
def test_what_restricts_the_outcome_is_a_failure(name: str, decision: Decision) -> None:
    for finding in decision.findings:
        if finding.allows is not None and Outcome.FULL_RECOGNITION not in finding.allows:
            assert finding.status is Status.FAIL, (name, finding.rule_id, finding.status)
    for difference in decision.recommendation.substantial_differences:
        if decision.stack is None:
            assert found(decision, difference.rule_id).status is Status.FAIL
        else:
            # In a stack a rule speaks once per credential: the difference is a failure of one of them (a
            # credential's own, named by it in the difference) or of the stack.
            assert any(
                f.rule_id == difference.rule_id and f.status is Status.FAIL and f.message in difference.description
                for f in decision.findings
            ), (name, difference.rule_id)


@pytest.mark.parametrize(("name", "decision"), decisions(), ids=lambda value: value if isinstance(value, str) else "")
def test_no_substantial_difference_is_never_said_beside_a_failure_it_does_not_explain(
    name: str, decision: Decision
) -> None:
    summary = decision.recommendation.summary
    if "No substantial difference" not in summary:
        return
    # In a stack, each credential's own shortfalls against the whole target are what the stack makes up for: the
    # sentence is about the stack's findings.
    for finding in decision.findings if decision.stack is None else decision.findings_about(None):
        if finding.status is Status.FAIL:
            assert finding.message in summary, (name, finding.rule_id)


def test_a_failed_check_the_purpose_does_not_weigh_is_named_with_the_judgement_that_weighed_it() -> None:
    decision = run(VARIANTS["framework level wrong"])
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION
    summary = decision.recommendation.summary
    assert "Checks that failed without being a substantial difference for credit transfer: HR-CROQF has no level" in (
        summary
    )
    assert "Weighed: No substantial difference in level for credit transfer: EQF 6 meets" in summary


# --- alternative recognition ---


@pytest.mark.parametrize("variant", ["level two below", "outcomes unrelated"])
def test_alternative_recognition_states_its_credits_in_the_other_form(variant: str) -> None:
    recommendation = run(VARIANTS[variant]).recommendation
    assert recommendation.outcome is Outcome.ALTERNATIVE_RECOGNITION
    # Nothing towards the component sought; the form says whether it bears credits of its own.
    assert recommendation.ects_recognised == 0
    assert "of the 5 ECTS sought" not in recommendation.summary
    assert recommendation.alternative is not None
    if recommendation.alternative.credit_bearing:
        assert recommendation.ects_in_another_form == 5
        assert "5 ECTS in that form; none of them count towards the 5 ECTS sought." in recommendation.summary
    else:
        assert recommendation.ects_in_another_form is None
        assert "Nothing is recognised towards the 5 ECTS sought." in recommendation.summary
    assert recommendation.ects_label == "ECTS recognised in another form"


def test_no_outcome_covered_is_said_plainly() -> None:
    decision = run(VARIANTS["outcomes unrelated"])
    message = found(decision, "lisbon.outcomes_difference").message
    assert message.startswith("None of the target outcomes is covered")
    assert "0%" not in message


# --- level ---


def test_a_stated_eqf_level_that_contradicts_the_framework_where_it_decides_is_asked_about() -> None:
    decision = run(cred(level={"framework": "HR-CROQF", "nqf_level": "6", "eqf_level": 4}))
    level = found(decision, "lisbon.level_difference")
    assert level.status is Status.UNKNOWN
    assert decision.recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert decision.recommendation.information_required == (
        "Annex I element 8: level of the credential, confirmed by the awarding body (the credential states EQF 4, "
        "while CROQF Level 6 is referenced to EQF 6)",
    )


@pytest.mark.parametrize("purpose", [None, employment])
def test_a_level_contradiction_that_does_not_decide_is_in_the_summary(purpose: Edit | None) -> None:
    contradiction = cred(level={"framework": "HR-CROQF", "nqf_level": "6", "eqf_level": 7})
    decision = run(both(purpose, contradiction) if purpose else contradiction)
    assert found(decision, "lisbon.level_difference").status is Status.WARNING
    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION
    assert "the credential states EQF 7, while CROQF Level 6 is referenced to EQF 6" in decision.recommendation.summary


def test_a_level_that_cannot_be_read_across_is_asked_for_when_it_decides() -> None:
    decision = run(cred(level={"framework": "HR-CROQF", "nqf_level": "42"}))
    assert decision.recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert decision.recommendation.information_required == (
        "Annex I element 8: level of the credential as an EQF level or a known framework level",
    )
    assert run(both(target(eqf_level=6), cred(level=None))).recommendation.information_required == (
        "Annex I element 8: level and cycle (EQF, QF-EHEA), if applicable",
    )


def test_outcome_verbs_that_cannot_be_read_do_not_cloud_a_verified_level() -> None:
    decision = run(cred(learning_outcomes=["Maritime safety law", "Ship stability", "Crew resource management"]))
    assert found(decision, "qf.outcome_verbs").status is Status.NOT_APPLICABLE
    assert element_status(decision, Element.LEVEL) is Status.PASS


def test_framework_citations_and_sources_read_correctly() -> None:
    decision = run(cred(level={"framework": "IE-NFQ", "nqf_level": "8"}))
    framework = found(decision, "qf.framework_level")
    assert "Bergen Communiqué, 2005" in framework.citation and "Paris Communiqué, 2018" in framework.citation
    assert "Bologna, 2005" not in framework.citation
    assert (
        "Mapping checked in Europass, 'Compare national qualifications frameworks across Europe'" in framework.message
    )
    assert framework.message.endswith("read on 2026-12-04.") and ".." not in framework.message
    unchecked = found(run(cred(level={"framework": "DE-DQR", "nqf_level": "6"})), "qf.framework_level")
    assert "Mapping not checked against the referencing report; the table was compiled from: " in unchecked.message
    assert unchecked.message.endswith("no published table was read for it.") and ".." not in unchecked.message
