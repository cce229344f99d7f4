"""Every imported credential is a case the assessment core judges as it stands, with no edits."""

import pytest

from recogniser.casefile import parse_case
from recogniser.interchange import import_credential
from recogniser.model import Outcome, Purpose, Status, Target
from recogniser.rules import assess
from tests.interchange.conftest import FIXTURES

CREDENTIALS = ["edc-microcredential.json", "edc-participation.json", "ob3-badge.json", "ob3-edubadges.json"]
PURPOSES = [
    (Purpose.EMPLOYMENT, None),
    (Purpose.RPL, None),
    (Purpose.ADMISSION, Target(title="MSc Maritime Management", eqf_level=7)),
    (Purpose.CREDIT_TRANSFER, Target(title="Safety module", eqf_level=6, ects=5)),
]


@pytest.mark.parametrize("name", CREDENTIALS)
@pytest.mark.parametrize(("purpose", "target"), PURPOSES, ids=[purpose.value for purpose, _ in PURPOSES])
def test_an_imported_credential_assesses_without_edits(name: str, purpose: Purpose, target: Target | None) -> None:
    result = import_credential(FIXTURES / name, purpose=purpose, target=target, assessing_country="HR")

    decision = assess(parse_case(result.document))

    assert decision.purpose is purpose
    assert decision.findings
    assert all(finding.citation for finding in decision.findings)


def test_the_annex_i_complete_micro_credential_is_recognised_for_employment() -> None:
    result = import_credential(FIXTURES / "edc-microcredential.json", assessing_country="HR")

    decision = assess(parse_case(result.document))

    assert decision.recommendation.outcome is Outcome.FULL_RECOGNITION
    completeness = [finding for finding in decision.findings if finding.rule_set.value == "completeness"]
    assert all(finding.status is not Status.FAIL for finding in completeness)


def test_the_certificate_of_participation_fails_the_assessed_learning_check() -> None:
    result = import_credential(FIXTURES / "edc-participation.json", assessing_country="IE")

    decision = assess(parse_case(result.document))

    assessed = next(finding for finding in decision.findings if finding.rule_id == "completeness.assessed_learning")
    assert assessed.status is Status.FAIL
    assert decision.recommendation.outcome is not Outcome.FULL_RECOGNITION
