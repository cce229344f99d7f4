"""The divergence rule: equivalent cases (same credential, target and purpose) bind, similar ones only inform."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from recogniser.model import Outcome, Purpose
from recogniser.precedents import (
    SIMILAR_BODY,
    SIMILAR_SCORE,
    SIMILAR_TITLE,
    CaseProfile,
    Likeness,
    Precedent,
    compare,
    divergence,
    equivalent,
    ranked,
)
from recogniser.textkeys import latin_key
from recogniser.vocabulary import AGREEMENT_WORDS, agreement_words

OPEN = CaseProfile(
    purpose=Purpose.CREDIT_TRANSFER,
    title="Safety Management on Merchant Vessels",
    awarding_body="Faculty of Maritime Studies",
    issuer_country="HR",
    eqf_level=6,
    ects=5.0,
    target_title="Maritime Safety Management",
    target_institution="University of the Adriatic",
)


def precedent(profile: CaseProfile, outcome: Outcome, ects: float | None, reference: str = "HR-1") -> Precedent:
    return Precedent(
        reference=reference,
        profile=profile,
        outcome=outcome,
        ects=ects,
        decided_at=datetime(2026, 3, 1, tzinfo=UTC),
        decided_by="M. Novak",
        justification=None,
        decision_id=1,
        likeness=compare(OPEN, profile),
    )


def test_latin_key_compares_across_scripts_cases_and_accents() -> None:
    assert latin_key("Ивана ПЕТРОВИЋ") == latin_key("Ívana Petrović") == "ivana petrovic"
    assert latin_key("Sigurnost  na brodu!") == "sigurnost na brodu"
    assert latin_key(None) == ""


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"title": "Merchant Vessels: Safety Management"},  # word order
        {"title": "Safety Managment on Merchant Vessels"},  # a typo
        {"title": "SAFETY MANAGEMENT ON MERCHANT VESSELS", "awarding_body": "faculty of maritime studies"},
        {"eqf_level": None},  # a level stated in one case only does not tell them apart
        {"ects": None},
    ],
)
def test_equivalent_cases(change: dict[str, object]) -> None:
    earlier = replace(OPEN, **change)
    assert equivalent(OPEN, earlier)
    assert compare(OPEN, earlier).equivalent


def test_the_same_credential_written_in_another_script_is_equivalent() -> None:
    open_case = replace(OPEN, title="Управление безопасностью", awarding_body="Морской факультет")
    earlier = replace(OPEN, title="Upravlenie bezopasnostyu", awarding_body="Morskoi fakultet")
    assert equivalent(open_case, earlier)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"purpose": Purpose.RPL}, "another purpose"),
        ({"target_title": "Port Operations"}, "another target"),
        ({"target_institution": "University of Split"}, "the target at another institution"),
        ({"awarding_body": "Faculty of Maritime Studies Rijeka"}, "another awarding body"),
        ({"title": "Safety Management on Fishing Vessels"}, "another credential's title"),
        ({"issuer_country": "SI"}, "issued in another country"),
        ({"eqf_level": 5}, "another level"),
        ({"ects": 3.0}, "another workload"),
    ],
)
def test_similar_but_not_equivalent(change: dict[str, object], why: str) -> None:
    earlier = replace(OPEN, **change)
    likeness = compare(OPEN, earlier)
    assert not likeness.equivalent, why
    assert likeness.similar, why


def test_an_unrelated_credential_is_neither() -> None:
    earlier = CaseProfile(Purpose.EMPLOYMENT, "Data Analytics with Python", "Code Academy", "DE", 4, 2.0, None, None)
    likeness = compare(OPEN, earlier)
    assert not likeness.similar
    assert not likeness.equivalent


def test_agreements_name_what_is_shared() -> None:
    likeness = compare(OPEN, replace(OPEN, target_title="Port Operations", eqf_level=5))
    assert likeness.agreements() == ["title", "awarding_body", "country"]


def test_divergence_is_named_against_equivalent_cases_only() -> None:
    same = precedent(OPEN, Outcome.FULL_RECOGNITION, 5, "HR-EQ")
    other_target = precedent(replace(OPEN, target_title="Port Operations"), Outcome.NON_RECOGNITION, 0, "HR-SIM")
    found = [same, other_target]

    assert divergence(Outcome.FULL_RECOGNITION, 5, found) is None
    refused = divergence(Outcome.NON_RECOGNITION, 0, found)
    assert refused is not None
    assert [p.reference for p in refused.departs_from] == ["HR-EQ"]
    assert "HR-EQ: full recognition, 5 ECTS (2026-03-01)" in refused.describe()


def test_other_credits_for_the_same_outcome_diverge() -> None:
    found = [precedent(OPEN, Outcome.PARTIAL_RECOGNITION, 3)]
    assert divergence(Outcome.PARTIAL_RECOGNITION, 3.0, found) is None
    assert divergence(Outcome.PARTIAL_RECOGNITION, 4, found) is not None
    # Where either decision states no credits, the outcome alone decides.
    assert divergence(Outcome.PARTIAL_RECOGNITION, None, found) is None


def test_equivalent_precedents_rank_first() -> None:
    similar = precedent(replace(OPEN, target_title="Port Operations"), Outcome.FULL_RECOGNITION, 5, "HR-SIM")
    same = precedent(replace(OPEN, title="Safety Managment on Merchant Vessels"), Outcome.FULL_RECOGNITION, 5, "HR-EQ")
    assert [p.reference for p in ranked([similar, same], 10)] == ["HR-EQ", "HR-SIM"]
    assert [p.reference for p in ranked([similar, same], 1)] == ["HR-EQ"]


@pytest.mark.parametrize(
    ("first", "second"), [("Module 2", "Module 3"), ("Welding Technology II", "Welding Technology III")]
)
def test_credentials_numbered_otherwise_are_not_equivalent(first: str, second: str) -> None:
    assert not equivalent(replace(OPEN, title=first), replace(OPEN, title=second))
    assert equivalent(replace(OPEN, title=first), replace(OPEN, title=first.upper()))


def test_the_decision_policy_owes_a_reason_for_departing_from_an_equivalent_case() -> None:
    from recogniser.decision_policy import Override, reason_for_departing_owed

    found = [precedent(OPEN, Outcome.PARTIAL_RECOGNITION, 3, "HR-EQ")]
    owed = reason_for_departing_owed(Outcome.FULL_RECOGNITION, 5, found)
    assert owed is not None and owed.why is Override.PRECEDENT
    assert "HR-EQ: partial recognition, 3 ECTS" in owed.message
    assert reason_for_departing_owed(Outcome.PARTIAL_RECOGNITION, 3, found) is None
    assert reason_for_departing_owed(Outcome.INFORMATION_REQUIRED, None, found) is None
    assert reason_for_departing_owed(None, None, found) is None


def test_a_divergence_is_named_in_french_with_french_numbers() -> None:
    from recogniser.i18n import language_in_use, shown

    found = [precedent(OPEN, Outcome.PARTIAL_RECOGNITION, 2.5, "HR-EQ"), precedent(OPEN, Outcome.FULL_RECOGNITION, 5)]
    departs = divergence(Outcome.NON_RECOGNITION, 0, found)
    assert departs is not None
    assert "departs from the office's earlier decisions on" in departs.describe()
    with language_in_use("fr"):
        said = shown(departs.describe())
    assert said.startswith("non-reconnaissance, 0 ECTS s’écarte des décisions antérieures du bureau")
    assert "HR-EQ\u00a0: reconnaissance partielle, 2,5 ECTS (1er mars 2026)\u00a0; " in said and "{" not in said


def test_every_agreement_has_words_in_every_language() -> None:
    # The most an earlier case can share, and what it can merely resemble: between them, every agreement code.
    same = compare(OPEN, OPEN).agreements()
    resembling = Likeness(
        title=SIMILAR_TITLE,
        awarding_body=SIMILAR_BODY,
        same_target=False,
        same_country=False,
        same_level=False,
        equivalent=False,
        score=SIMILAR_SCORE,
    ).agreements()
    assert set(same + resembling) == set(AGREEMENT_WORDS)
    assert agreement_words(same, "fr") != agreement_words(same, "en")
    assert "_" not in agreement_words(resembling, "en")


def test_only_the_office_s_latest_equivalent_decision_binds() -> None:
    earlier = replace(
        precedent(OPEN, Outcome.PARTIAL_RECOGNITION, 3, "HR-A"), decided_at=datetime(2026, 1, 5, tzinfo=UTC)
    )
    departed = precedent(OPEN, Outcome.FULL_RECOGNITION, 5, "HR-B")  # decided later, with its reason for departing
    found = [earlier, departed]

    # Following the latest decision asks no reason, though the older one differs.
    assert divergence(Outcome.FULL_RECOGNITION, 5, found) is None
    back = divergence(Outcome.PARTIAL_RECOGNITION, 3, found)
    assert back is not None
    assert [p.reference for p in back.departs_from] == ["HR-B"]
    # A later similar (not equivalent) decision changes nothing.
    similar = replace(
        precedent(replace(OPEN, target_title="Port Operations"), Outcome.NON_RECOGNITION, 0, "HR-S"),
        decided_at=datetime(2026, 6, 1, tzinfo=UTC),
    )
    assert divergence(Outcome.FULL_RECOGNITION, 5, [*found, similar]) is None
