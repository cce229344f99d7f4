"""The case store's behaviour, identical on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
import re
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from recogniser.casefile import case_sha256, load_case, parse_case
from recogniser.model import Case, Decision, Outcome, Purpose
from recogniser.store import (
    CaseChangedError,
    CaseConflictError,
    CaseHasDecisionsError,
    CaseQuery,
    CaseSort,
    CaseStatus,
    CaseStore,
    DuplicateReferenceError,
    InvalidDecisionRecordError,
    UnknownReferenceError,
    case_pages,
)
from recogniser.store.case_pages import MANY_MATCHES
from recogniser.store.database import resolve_url
from recogniser.store.search import SORT_KEY_LENGTH, index_terms, sort_key
from tests.store.cases import edited, make_case, make_decision
from tests.store.search_model import found_by


def references(summaries: list) -> list[str]:  # type: ignore[type-arg]
    return [summary.reference for summary in summaries]


# --- adding and reading ---


def test_a_case_is_kept_whole_unknown_keys_included(store: CaseStore) -> None:
    document = dict(make_case("HR-ENIC-2026-0142").document)
    document["office_note"] = {"shelf": "B3", "scanned": True}
    stored = store.add_case(parse_case(document))

    again = store.get_case("HR-ENIC-2026-0142")
    assert again.case.document == document
    assert again.case == stored.case
    assert (again.version, again.status, again.outcome) == (1, CaseStatus.OPEN, None)
    assert again.case_sha256 == case_sha256(document)
    assert again.created_at.tzinfo is UTC and again.created_at == again.updated_at


def test_a_case_without_reference_gets_country_year_serial(store: CaseStore) -> None:
    first = store.add_case(make_case(issuer_country="IE"))
    second = store.add_case(make_case())
    year = first.created_at.year
    # The reference names the assessing country (the example's HR), not the issuer's.
    assert re.fullmatch(rf"HR-{year}-\d{{6}}", first.reference)
    assert first.reference != second.reference
    assert store.get_case(first.reference).case.document["reference"] == first.reference


def test_an_assigned_reference_steps_around_one_already_given_by_hand(store: CaseStore) -> None:
    first = store.add_case(make_case())
    year = first.created_at.year
    serial = int(first.reference.rsplit("-", 1)[1])
    # Written by hand as the reference the case after next would be given.
    store.add_case(make_case(f"HR-{year}-{serial + 2:06d}"))
    assert store.add_case(make_case()).reference == f"HR-{year}-{serial + 2:06d}-2"
    assert store.add_cases([make_case(), make_case()])[1].reference == f"HR-{year}-{serial + 4:06d}"


def test_cases_with_and_without_references_can_be_added_together(store: CaseStore) -> None:
    added = store.add_cases(
        [make_case(learner="Ann One"), make_case("GIVEN-1", learner="Bob Two"), make_case(learner="Cid Three")]
    )
    assert added[1].reference == "GIVEN-1"
    listed = {summary.reference: summary.learner for summary in store.list_cases()}
    assert listed == {
        stored.reference: name for stored, name in zip(added, ["Ann One", "Bob Two", "Cid Three"], strict=True)
    }
    for stored, typed in zip(added, ["ann", "bob", "cid"], strict=True):
        assert references(store.search_cases(typed)) == [stored.reference]
        assert store.get_case(stored.reference).case == stored.case


def test_references_are_unique(store: CaseStore) -> None:
    store.add_case(make_case("CASE-1"))
    with pytest.raises(DuplicateReferenceError, match="CASE-1"):
        store.add_case(make_case("CASE-1", learner="Someone Else"))
    assert store.get_case("CASE-1").case.credential.learner is not None
    assert store.count_cases() == 1


def test_adding_several_cases_is_all_or_nothing(store: CaseStore) -> None:
    store.add_case(make_case("CASE-2"))
    with pytest.raises(DuplicateReferenceError):
        store.add_cases([make_case("CASE-1"), make_case("CASE-2")])
    assert references(store.list_cases()) == ["CASE-2"]


def test_an_unknown_reference_is_named(store: CaseStore) -> None:
    with pytest.raises(UnknownReferenceError, match="NOPE-1"):
        store.get_case("NOPE-1")
    with pytest.raises(UnknownReferenceError):
        store.save_case("NOPE-1", make_case(), expected_version=1)
    with pytest.raises(UnknownReferenceError):
        store.decisions_for("NOPE-1")
    with pytest.raises(UnknownReferenceError):
        store.delete_case("NOPE-1", expected_version=1)


# --- saving ---


def test_saving_bumps_the_version_and_updates_list_and_search(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1", learner="Ivana Horvat"))
    saved = store.save_case("CASE-1", edited(stored.case, title="Port State Control"), expected_version=1)
    assert saved.version == 2
    assert store.get_case("CASE-1").case.credential.title == "Port State Control"
    assert [s.title for s in store.list_cases()] == ["Port State Control"]
    assert references(store.search_cases("port state")) == ["CASE-1"]
    assert store.search_cases("merchant") == []


def test_a_stale_save_is_refused_and_overwrites_nothing(store: CaseStore) -> None:
    opened = store.add_case(make_case("CASE-1"))
    store.save_case("CASE-1", edited(opened.case, title="First evaluator's title"), expected_version=1)
    with pytest.raises(CaseConflictError, match=r"version 1.*version 2"):
        store.save_case("CASE-1", edited(opened.case, title="Second evaluator's title"), expected_version=1)
    assert store.get_case("CASE-1").case.credential.title == "First evaluator's title"


def test_saving_identical_text_keeps_the_version(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1"))
    assert store.save_case("CASE-1", stored.case, expected_version=1).version == 1


def test_a_save_can_rename_the_case_but_not_onto_another(store: CaseStore) -> None:
    store.add_case(make_case("CASE-2"))
    stored = store.add_case(make_case("CASE-1"))
    renamed = dict(stored.case.document, reference="CASE-1-RENAMED")
    assert store.save_case("CASE-1", parse_case(renamed), expected_version=1).reference == "CASE-1-RENAMED"
    with pytest.raises(UnknownReferenceError):
        store.get_case("CASE-1")
    clash = dict(renamed, reference="CASE-2")
    with pytest.raises(DuplicateReferenceError):
        store.save_case("CASE-1-RENAMED", parse_case(clash), expected_version=2)


# --- deleting ---


def test_an_undecided_case_can_be_deleted(store: CaseStore) -> None:
    store.add_case(make_case("CASE-1", learner="Ivana Horvat"))
    with pytest.raises(CaseConflictError):
        store.delete_case("CASE-1", expected_version=7)
    store.delete_case("CASE-1", expected_version=1)
    assert store.count_cases() == 0
    assert store.search_cases("ivana") == []


def test_a_decided_case_cannot_be_deleted(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1"))
    store.record_decision("CASE-1", make_decision(stored.case), decided_by="M. Evaluator")
    with pytest.raises(CaseHasDecisionsError, match="CASE-1"):
        store.delete_case("CASE-1", expected_version=1)
    assert len(store.decisions_for("CASE-1")) == 1


# --- listing and searching ---


def test_the_list_pages_newest_first_with_a_total(store: CaseStore) -> None:
    store.add_cases([make_case(f"CASE-{n:02d}") for n in range(1, 8)])
    query = CaseQuery()
    assert store.count_cases(query) == 7
    first = store.list_cases(query, offset=0, limit=3)
    rest = store.list_cases(query, offset=3, limit=10)
    # Added in one transaction, so they share a time and fall back to the order they were added.
    assert references(first + rest) == [f"CASE-{n:02d}" for n in range(7, 0, -1)]


def test_sorting_by_learner_ignores_case_and_accents(store: CaseStore) -> None:
    for reference, learner in [("A", "zoran Babić"), ("B", "Ána Kovač"), ("C", "ANA Horvat"), ("D", "Bojan Ilić")]:
        store.add_case(make_case(reference, learner=learner))
    ascending = store.list_cases(CaseQuery(sort=CaseSort.LEARNER, descending=False))
    assert [s.learner for s in ascending] == ["ANA Horvat", "Ána Kovač", "Bojan Ilić", "zoran Babić"]
    by_reference = store.list_cases(CaseQuery(sort=CaseSort.REFERENCE, descending=True))
    assert references(by_reference) == ["D", "C", "B", "A"]


def test_filters_combine(store: CaseStore) -> None:
    store.add_case(make_case("ADM-HR", purpose=Purpose.ADMISSION, issuer_country="HR"))
    store.add_case(make_case("ADM-IE", purpose=Purpose.ADMISSION, issuer_country="IE"))
    employment = store.add_case(make_case("EMP-HR", purpose=Purpose.EMPLOYMENT, issuer_country="HR"))
    store.record_decision("EMP-HR", make_decision(employment.case, Outcome.PARTIAL_RECOGNITION), decided_by="E")

    assert references(store.list_cases(CaseQuery(purpose=Purpose.ADMISSION))) == ["ADM-IE", "ADM-HR"]
    assert references(store.list_cases(CaseQuery(purpose=Purpose.ADMISSION, issuer_country="ie"))) == ["ADM-IE"]
    assert references(store.list_cases(CaseQuery(outcome=Outcome.PARTIAL_RECOGNITION))) == ["EMP-HR"]
    assert references(store.list_cases(CaseQuery(status=CaseStatus.ASSESSED))) == ["EMP-HR"]
    assert store.count_cases(CaseQuery(status=CaseStatus.OPEN)) == 2
    assert store.list_cases(CaseQuery(outcome=Outcome.NON_RECOGNITION)) == []


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("ivana", ["LATIN"]),
        ("IVANA", ["LATIN"]),
        ("Ívana horv", ["LATIN"]),
        # Cyrillic typed finds Latin names too: "иван" reads "ivan", which starts "Ívana".
        ("иван", ["CYRILLIC", "LATIN"]),
        ("ИВАН П", ["CYRILLIC"]),
        ("ivan p", ["CYRILLIC"]),
        ("petrovic", ["CYRILLIC"]),
        ("ნინო", ["GEORGIAN"]),
        ("nino beridze", ["GEORGIAN"]),
        ("Ελένη", ["GREEK"]),
        ("eleni", ["GREEK"]),
        ("maritime", ["GREEK", "GEORGIAN", "CYRILLIC", "LATIN"]),
        ("GREEK", ["GREEK"]),
        ("orvat", []),
        ("ivana petrovic", []),
    ],
)
def test_search_finds_names_whatever_the_case_accents_or_script(store: CaseStore, typed: str, found: list[str]) -> None:
    for reference, learner in [
        ("LATIN", "Ívana Horvát"),
        ("CYRILLIC", "Иван Петровић"),
        ("GEORGIAN", "ნინო ბერიძე"),
        ("GREEK", "Ελένη Παπαδοπούλου"),
    ]:
        store.add_case(make_case(reference, learner=learner, awarding_body="Maritime Faculty"))
    assert references(store.search_cases(typed)) == found
    assert store.count_cases(CaseQuery(search=typed)) == len(found)


def test_a_blank_search_lists_everything(store: CaseStore) -> None:
    store.add_cases([make_case("A"), make_case("B")])
    assert store.count_cases(CaseQuery(search="  -- ")) == 2


# --- decisions ---


def test_a_decision_is_recorded_with_the_case_text_it_judged(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1"))
    decision = make_decision(stored.case, Outcome.PARTIAL_RECOGNITION)
    recorded = store.record_decision("CASE-1", decision, decided_by="M. Evaluator")

    [kept] = store.decisions_for("CASE-1")
    assert kept == recorded
    assert kept.decision == decision
    assert kept.case_document == stored.case.document
    assert (kept.rulebook_version, kept.case_sha256) == ("2026.1", stored.case_sha256)
    assert (kept.recommended_outcome, kept.final_outcome, kept.outcome) == (
        Outcome.PARTIAL_RECOGNITION,
        None,
        Outcome.PARTIAL_RECOGNITION,
    )
    assert kept.recorded_at.tzinfo is UTC
    case = store.get_case("CASE-1")
    assert (case.status, case.outcome, case.version) == (CaseStatus.ASSESSED, Outcome.PARTIAL_RECOGNITION, 1)


def test_the_evaluators_final_decision_is_kept_beside_the_recommendation(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1"))
    decision = make_decision(stored.case, Outcome.PARTIAL_RECOGNITION)
    with pytest.raises(InvalidDecisionRecordError, match="justification"):
        store.record_decision("CASE-1", decision, decided_by="M. Evaluator", final_outcome=Outcome.FULL_RECOGNITION)
    with pytest.raises(InvalidDecisionRecordError, match="decided_by"):
        store.record_decision("CASE-1", decision, decided_by="  ")
    recorded = store.record_decision(
        "CASE-1",
        decision,
        decided_by="M. Evaluator",
        final_outcome=Outcome.FULL_RECOGNITION,
        justification="The bridging exam was passed on 2026-02-01.",
        final_ects=5,
    )
    assert recorded.outcome is Outcome.FULL_RECOGNITION
    assert recorded.justification == "The bridging exam was passed on 2026-02-01."
    case = store.get_case("CASE-1")
    assert (case.status, case.outcome) == (CaseStatus.DECIDED, Outcome.FULL_RECOGNITION)
    assert references(store.list_cases(CaseQuery(outcome=Outcome.FULL_RECOGNITION))) == ["CASE-1"]


def test_recognising_other_credits_than_recommended_owes_reasons(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1"))
    decision = make_decision(stored.case, Outcome.PARTIAL_RECOGNITION)  # recommends 5 ECTS
    with pytest.raises(InvalidDecisionRecordError, match="justification: give the reasons for recognising 3 ECTS"):
        store.record_decision("CASE-1", decision, "M. Evaluator", Outcome.PARTIAL_RECOGNITION, final_ects=3)
    recorded = store.record_decision("CASE-1", decision, "M. Evaluator", Outcome.PARTIAL_RECOGNITION, final_ects=5)
    assert recorded.final_ects == 5


def test_the_credits_a_final_decision_recognises_are_kept(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1"))  # 5 ECTS sought towards the target component
    decision = make_decision(stored.case, Outcome.PARTIAL_RECOGNITION)  # recommends 5 ECTS
    recorded = store.record_decision(
        "CASE-1", decision, "M. Evaluator", Outcome.PARTIAL_RECOGNITION, "Two outcomes are not covered.", final_ects=2.5
    )
    assert (recorded.final_ects, recorded.ects_recognised) == (2.5, 2.5)
    [kept] = store.decisions_for("CASE-1")
    assert kept.final_ects == 2.5
    assert kept.to_json()["final_ects"] == 2.5
    # A refusal recognises none; an assessment without a final decision goes with the recommendation's credits.
    refused = store.record_decision("CASE-1", decision, "M. Evaluator", Outcome.NON_RECOGNITION, "No exam.")
    assert (refused.final_ects, refused.ects_recognised) == (0, 0)
    assessed = store.record_decision("CASE-1", decision, "M. Evaluator")
    assert (assessed.final_ects, assessed.ects_recognised) == (None, 5)


@pytest.mark.parametrize(
    ("outcome", "credits", "problem"),
    [
        (Outcome.PARTIAL_RECOGNITION, None, "state the credits recognised"),
        (Outcome.PARTIAL_RECOGNITION, 5.5, "not between 0 and the 5 ECTS sought"),
        (Outcome.PARTIAL_RECOGNITION, -1, "not between 0 and the 5 ECTS sought"),
        (Outcome.PARTIAL_RECOGNITION, float("nan"), "not between 0"),
        (Outcome.NON_RECOGNITION, 1, "a refusal recognises no credits"),
        (Outcome.INFORMATION_REQUIRED, 0, "asking for information recognises no credits"),
        (None, 5, "no final outcome is given"),
    ],
)
def test_credits_missing_or_out_of_range_are_refused_by_field(
    store: CaseStore, outcome: Outcome | None, credits: float | None, problem: str
) -> None:
    stored = store.add_case(make_case("CASE-1"))
    decision = make_decision(stored.case, Outcome.PARTIAL_RECOGNITION)
    with pytest.raises(InvalidDecisionRecordError, match=f"final_ects: .*{problem}"):
        store.record_decision("CASE-1", decision, "M. Evaluator", outcome, "Reasons.", final_ects=credits)
    assert store.decisions_for("CASE-1") == []


def test_no_credits_are_recorded_where_none_are_sought(store: CaseStore) -> None:
    stored = store.add_case(make_case("EMP-1", purpose=Purpose.EMPLOYMENT))
    decision = make_decision(stored.case)
    with pytest.raises(InvalidDecisionRecordError, match="final_ects: leave it empty: no credits are sought"):
        store.record_decision("EMP-1", decision, "M. Evaluator", Outcome.FULL_RECOGNITION, final_ects=5)
    recorded = store.record_decision("EMP-1", decision, "M. Evaluator", Outcome.FULL_RECOGNITION)
    assert recorded.final_ects is None


def test_assessing_an_unchanged_case_twice_is_recognisable(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1"))
    first = store.record_decision("CASE-1", make_decision(stored.case), decided_by="A")
    second = store.record_decision("CASE-1", make_decision(stored.case, rulebook="2026.2"), decided_by="B")
    changed = store.save_case("CASE-1", edited(stored.case, grade="Excellent (5)"), expected_version=1)
    assert changed.status is CaseStatus.OPEN
    third = store.record_decision("CASE-1", make_decision(changed.case), decided_by="A")

    assert [d.repeat_of for d in store.decisions_for("CASE-1")] == [None, first.id, None]
    assert second.repeat_of == first.id
    assert third.case_sha256 != first.case_sha256
    # The earlier decisions still show the text they judged.
    assert store.decisions_for("CASE-1")[0].case_document == stored.case.document


def test_a_decision_on_a_text_changed_since_is_refused(store: CaseStore) -> None:
    stored = store.add_case(make_case("CASE-1"))
    store.save_case("CASE-1", edited(stored.case, grade="Pass"), expected_version=1)
    with pytest.raises(CaseConflictError, match="changed since it was assessed"):
        store.record_decision("CASE-1", make_decision(stored.case), decided_by="A")
    assert store.decisions_for("CASE-1") == []


def test_the_database_itself_refuses_to_change_or_remove_a_decision(store: CaseStore, database_url: str) -> None:
    stored = store.add_case(make_case("CASE-1"))
    store.record_decision("CASE-1", make_decision(stored.case), decided_by="A")
    engine = create_engine(resolve_url(database_url))
    statements = ["UPDATE decisions SET final_outcome = 'non_recognition'", "DELETE FROM decisions"]
    if engine.dialect.name == "postgresql":
        statements.append("TRUNCATE decisions")
    try:
        for statement in statements:
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
                connection.execute(text(statement))
    finally:
        engine.dispose()
    [kept] = store.decisions_for("CASE-1")
    assert kept.final_outcome is None


# --- exporting ---


def test_export_writes_the_stored_case_file(store: CaseStore, tmp_path: Path) -> None:
    stored = store.add_case(make_case(learner="Иван Петровић"))
    target = tmp_path / "exported.json"
    store.export_case(stored.reference, target)
    assert json.loads(target.read_text("utf-8")) == stored.case.document
    assert load_case(target).reference == stored.reference
    assert "Иван" in target.read_text("utf-8")


def test_a_case_and_its_assessment_are_stored_together_or_not_at_all(store: CaseStore) -> None:
    def rules_that_crash(case: Case) -> Decision:
        raise RuntimeError(f"no rule could judge {case.reference}")

    with pytest.raises(RuntimeError, match="no rule could judge HR-"):
        store.record_assessment(make_case(), rules_that_crash, decided_by="A")
    assert store.count_cases() == 0

    stored, recorded = store.record_assessment(make_case(), make_decision, decided_by="A")
    assert recorded.decision.reference == stored.reference
    assert recorded.case_sha256 == stored.case_sha256 == case_sha256(stored.case)
    assert (stored.status, stored.outcome) == (CaseStatus.ASSESSED, Outcome.FULL_RECOGNITION)

    unchanged, again = store.record_assessment(stored.case, make_decision, decided_by="B")
    assert (unchanged.version, again.repeat_of) == (1, recorded.id)
    # Another text under the same reference replaces the case on record only when asked to.
    with pytest.raises(CaseChangedError, match=f"case '{stored.reference}' is stored with a different text"):
        store.record_assessment(edited(stored.case, grade="Pass"), make_decision, decided_by="A")
    assert store.get_case(stored.reference).version == 1
    changed, fresh = store.record_assessment(
        edited(stored.case, grade="Pass"), make_decision, decided_by="A", update=True
    )
    assert (changed.version, fresh.repeat_of) == (2, None)
    assert [d.decided_by for d in store.decisions_for(stored.reference)] == ["A", "B", "A"]


def test_a_search_with_thousands_of_matches_pages_and_counts_like_one_with_few(store: CaseStore) -> None:
    # Past MANY_MATCHES the store finds a page another way (walking the sort order); the answers must not change.
    many = MANY_MATCHES + 150
    store.add_cases(
        [
            make_case(
                f"MANY-{n:05d}",
                learner=f"Ana Horvat {n:05d}" if n % 3 else f"ÁNA HORVÁT {n:05d}",
                purpose=Purpose.RPL if n % 2 else Purpose.EMPLOYMENT,
            )
            for n in range(many)
        ]
        + [make_case("OTHER-1", learner="Marko Babić")]
    )
    everyone = [f"MANY-{n:05d}" for n in range(many)]
    assert store.count_cases(CaseQuery(search="horvat")) == many
    assert store.count_cases(CaseQuery(search="ana horv")) == many
    newest = references(store.list_cases(CaseQuery(search="horvat"), offset=0, limit=50))
    assert newest == everyone[::-1][:50]
    # Sorted by learner without regard to case or accents: "ÁNA HORVÁT 00003" between 00002 and 00004.
    by_learner = references(store.list_cases(CaseQuery(search="ana", sort=CaseSort.LEARNER, descending=False)))
    assert by_learner == everyone[:50]
    rpl = CaseQuery(search="horvat", purpose=Purpose.RPL)
    assert store.count_cases(rpl) == many // 2
    assert references(store.list_cases(rpl, offset=10, limit=5)) == [r for r in everyone[::-1] if int(r[5:]) % 2][10:15]
    assert store.count_cases(CaseQuery(search="horvat 00007")) == 1


@pytest.mark.parametrize("cases", [1, 2, 3])
def test_a_case_holding_several_terms_of_a_word_is_found_and_counted_once(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch, cases: int
) -> None:
    # "Иван Иванов" holds four terms that "Иван" finds (иван, иванов, ivan, ivanov): with MANY_MATCHES at 5 one
    # case is below it in index entries, and two or three are past it in entries but not in cases.
    monkeypatch.setattr(case_pages, "MANY_MATCHES", 5)
    store.add_cases([make_case(f"IV-{n}", learner="Иван Иванов") for n in range(cases)])
    store.add_cases([make_case("OTHER-1", learner="Marko Babić")])
    everyone = [f"IV-{n}" for n in range(cases)]
    for typed in ["Иван", "ivan", "IVANO", "иванов"]:
        query = CaseQuery(search=typed, sort=CaseSort.REFERENCE, descending=False)
        page = store.page_cases(query, limit=2)
        assert ([summary.reference for summary in page.cases], page.total) == (everyone[:2], cases), typed
        assert references(store.list_cases(query)) == everyone, typed
        assert store.count_cases(CaseQuery(search=typed, purpose=Purpose.CREDIT_TRANSFER)) == cases, typed


@pytest.mark.parametrize("many_matches", [MANY_MATCHES, 4])
def test_search_agrees_with_the_search_keys_for_random_names(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch, many_matches: int
) -> None:
    # With a low MANY_MATCHES even small result sets take the walking path, so both paths are checked.
    monkeypatch.setattr(case_pages, "MANY_MATCHES", many_matches)
    rng = random.Random(many_matches)
    syllables = ["an", "iv", "ána", "hor", "vat", "ни", "но", "ბე", "რი", "ελ", "ένη", "ša", "Öz", "ج", "ان"]
    names = {
        f"N-{n:03d}": " ".join("".join(rng.choices(syllables, k=rng.randint(1, 3))) for _ in range(rng.randint(1, 3)))
        for n in range(120)
    }
    store.add_cases(
        [make_case(reference, learner=name, title="T", awarding_body="B") for reference, name in names.items()]
    )
    terms = {reference: index_terms([reference, name, "T", "B"]) for reference, name in names.items()}
    words = sorted({word for name in names.values() for word in name.split()})
    for typed in [*rng.sample(words, 25), *(f"{a[:2]} {b[:1]}" for a, b in zip(words[::7], words[3::7], strict=False))]:
        query = CaseQuery(search=typed.upper(), sort=CaseSort.REFERENCE, descending=False)
        expected = sorted(reference for reference, indexed in terms.items() if found_by(query.search, indexed))
        assert references(store.list_cases(query, limit=1_000)) == expected, typed
        assert store.count_cases(query) == len(expected), typed


# --- stacks: several credentials in one case ---


def test_every_credential_of_a_stack_is_searchable_and_the_list_counts_them(store: CaseStore) -> None:
    document = dict(make_case("HR-STACK-1").document)
    first = dict(document.pop("credential"))
    second = {**first, "title": "Ballast Water Management", "awarding_body": {"name": "Akademija Pomorstva"}}
    second["learner"] = {"name": "Ivana Horvat", "identifier": "OIB-555"}
    document["credentials"] = [first, second]
    store.add_case(parse_case(document))
    store.add_case(make_case("HR-SINGLE-1"))

    for words in ("ballast", "pomorstva", "OIB-555"):
        assert references(store.search_cases(words)) == ["HR-STACK-1"], words
    counts = {summary.reference: summary.credentials for summary in store.list_cases()}
    assert counts == {"HR-STACK-1": 2, "HR-SINGLE-1": 1}
    assert store.list_cases(CaseQuery(search="ballast"))[0].to_json()["credentials"] == 2


def test_the_longest_names_in_four_byte_characters_are_stored_and_ordered(store: CaseStore) -> None:
    # Each sort key and the reference in characters of four UTF-8 bytes, at the longest the case file allows:
    # together they must fit one entry of the index that looks up a case's sort values (a PostgreSQL B-tree
    # entry holds at most 2,704 bytes).
    # Varied, so that PostgreSQL cannot compress the entry.
    long = "".join(chr(0x20000 + (n * 7919) % 40_000) for n in range(200))
    stored = store.add_case(make_case(long, learner=long + " A", title=long + " B", awarding_body=long + " C"))
    other = store.add_case(make_case("OTHER-1", learner=long + " Z"))
    assert store.get_case(stored.reference).case.document["credential"]["title"] == long + " B"
    # Keys are cut to SORT_KEY_LENGTH characters: past them the two learners tie and the older case comes first.
    by_learner = references(store.list_cases(CaseQuery(sort=CaseSort.LEARNER, descending=False)))
    assert by_learner == [stored.reference, other.reference]
    assert len(sort_key(long) or "") == SORT_KEY_LENGTH
