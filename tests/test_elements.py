"""Element statuses (worst finding wins) and the Annex I elements of a credential."""

from __future__ import annotations

from datetime import date

import pytest

from recogniser.elements import FIVE_ELEMENTS, annex_i_elements, element_status
from recogniser.model import (
    Assessment,
    AwardingBody,
    Credential,
    Decision,
    Element,
    Finding,
    Learner,
    Outcome,
    ProviderKind,
    Purpose,
    Recommendation,
    RuleSet,
    Status,
    Workload,
)


def decision_with(*statuses: tuple[Element, Status]) -> Decision:
    return Decision(
        reference=None,
        purpose=Purpose.ADMISSION,
        rulebook_version="2026.1",
        case_sha256="0" * 64,
        recommendation=Recommendation(outcome=Outcome.FULL_RECOGNITION, ects_recognised=None, summary=""),
        findings=tuple(
            Finding(f"rule.{i}", RuleSet.QF, element, status, "EQF", "message")
            for i, (element, status) in enumerate(statuses)
        ),
    )


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((Status.PASS, Status.WARNING), Status.WARNING),
        ((Status.WARNING, Status.UNKNOWN, Status.PASS), Status.WARNING),
        ((Status.UNKNOWN, Status.PASS), Status.UNKNOWN),
        ((Status.PASS, Status.FAIL, Status.UNKNOWN), Status.FAIL),
        ((Status.NOT_APPLICABLE, Status.PASS), Status.PASS),
        ((Status.NOT_APPLICABLE,), Status.NOT_APPLICABLE),
    ],
)
def test_the_worst_status_wins(statuses: tuple[Status, ...], expected: Status) -> None:
    decision = decision_with(*((Element.LEVEL, s) for s in statuses), (Element.WORKLOAD, Status.FAIL))
    assert element_status(decision, Element.LEVEL) is expected


def test_an_element_without_findings_is_unknown() -> None:
    assert element_status(decision_with((Element.LEVEL, Status.PASS)), Element.QUALITY) is Status.UNKNOWN


def test_the_five_elements_are_the_ear_manual_s() -> None:
    assert [e.value for e in FIVE_ELEMENTS] == ["level", "workload", "quality", "profile", "learning_outcomes"]


def test_annex_i_lists_eleven_mandatory_then_five_optional_elements() -> None:
    elements = annex_i_elements(Credential())
    assert [e.number for e in elements] == list(range(1, 17))
    assert [e.mandatory for e in elements] == [True] * 11 + [False] * 5
    assert all(e.value is None for e in elements)


def test_annex_i_values_describe_what_the_credential_states() -> None:
    credential = Credential(
        learner=Learner(name="Ivana Example", date_of_birth=date(1990, 1, 2)),
        awarding_body=AwardingBody(name="Faculty", country="HR", kind=ProviderKind.VET_PROVIDER),
        workload=Workload(hours=40),
        assessment=Assessment(supervised=False),
    )
    values = {e.key: e.value for e in annex_i_elements(credential)}
    assert values["learner"] == "Ivana Example; born 1990-01-02"
    assert values["awarding_body"] == "Faculty (HR, VET provider)"
    assert values["workload"] == "40 hours"
    assert values["assessment"] is None  # the type is what Annex I (9) asks for
    assert values["identity_verification"] == "unsupervised, identity check not stated"
