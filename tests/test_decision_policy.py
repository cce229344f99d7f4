"""The decision policy: one rule for what a decision may grant and when it owes reasons, used by the dialog, the
store, the seminar and the report alike."""

from __future__ import annotations

import pytest

from recogniser.decision_policy import DecisionPolicyError, Override, check_decision, reasons_owed
from recogniser.model import Alternative, AlternativeKind, Outcome, Recommendation


def _recommended(outcome: Outcome, ects: float | None = None, other_form: float | None = None) -> Recommendation:
    alternative = Alternative(AlternativeKind.ELECTIVE_CREDIT, "free-elective credit") if other_form else None
    return Recommendation(
        outcome=outcome, ects_recognised=ects, summary="", alternative=alternative, ects_in_another_form=other_form
    )


def test_a_refusal_always_owes_reasons_even_when_recommended() -> None:
    owed = reasons_owed(Outcome.NON_RECOGNITION, Outcome.NON_RECOGNITION)
    assert owed is not None and owed.why is Override.REFUSAL
    with pytest.raises(DecisionPolicyError) as raised:
        check_decision(_recommended(Outcome.NON_RECOGNITION, 0), 5, Outcome.NON_RECOGNITION, 0, "")
    assert raised.value.field == "justification"
    assert check_decision(_recommended(Outcome.NON_RECOGNITION, 0), 5, Outcome.NON_RECOGNITION, 0, "Level") == 0


def test_following_the_recommendation_owes_no_reasons() -> None:
    assert check_decision(_recommended(Outcome.FULL_RECOGNITION, 5), 5, Outcome.FULL_RECOGNITION, 5, None) == 5


def test_other_credits_are_an_override() -> None:
    with pytest.raises(DecisionPolicyError, match="justification"):
        check_decision(_recommended(Outcome.PARTIAL_RECOGNITION, 3), 5, Outcome.PARTIAL_RECOGNITION, 4, "")


def test_alternative_recognition_is_decided_on_its_credits_in_the_other_form() -> None:
    recommendation = _recommended(Outcome.ALTERNATIVE_RECOGNITION, 0, other_form=5)
    # The credits in the other form are what the decision records when it follows the recommendation.
    assert check_decision(recommendation, 5, Outcome.ALTERNATIVE_RECOGNITION, 5, None) == 5


@pytest.mark.parametrize(
    ("outcome", "ects", "sought", "field"),
    [
        (Outcome.PARTIAL_RECOGNITION, None, 5, "final_ects"),
        (Outcome.PARTIAL_RECOGNITION, 6, 5, "final_ects"),
        (Outcome.NON_RECOGNITION, 2, 5, "final_ects"),
        (Outcome.INFORMATION_REQUIRED, 1, 5, "final_ects"),
        (Outcome.FULL_RECOGNITION, 5, None, "final_ects"),
    ],
)
def test_credits_a_decision_cannot_grant_are_refused_naming_the_field(
    outcome: Outcome, ects: float | None, sought: float | None, field: str
) -> None:
    with pytest.raises(DecisionPolicyError) as raised:
        check_decision(_recommended(outcome), sought, outcome, ects, "reasons")
    assert raised.value.field == field


def test_what_to_correct_is_said_in_french() -> None:
    from recogniser.i18n import language_in_use, shown

    with pytest.raises(DecisionPolicyError) as raised:
        check_decision(_recommended(Outcome.PARTIAL_RECOGNITION, 3), 5, Outcome.PARTIAL_RECOGNITION, 7.5, "")
    assert raised.value.message == "7.5 is not between 0 and the 5 ECTS sought"
    owed = reasons_owed(Outcome.PARTIAL_RECOGNITION, Outcome.PARTIAL_RECOGNITION, 3, 2.5)
    assert owed is not None
    with language_in_use("fr"):
        assert shown(raised.value.message) == "7,5 n’est pas compris entre 0 et les 5 ECTS demandés"
        assert shown(owed.message) == (
            "indiquez les motifs de la reconnaissance de 2,5 ECTS alors que la recommandation est de 3"
        )
