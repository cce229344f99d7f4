"""The office's record on both backends: precedents for a case, the divergence a decision must explain, the
register of decisions (never with personal data) and the statistics."""

from __future__ import annotations

import copy
import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select

from recogniser.casefile import parse_case
from recogniser.model import Case, Outcome, Purpose
from recogniser.precedents import divergence
from recogniser.register import COLUMNS, WITHHELD, RegisterEntry
from recogniser.store import CaseStore, InvalidDecisionRecordError, office_record
from tests.store.cases import make_case, make_decision


def with_changes(case: Case, *, target_title: str | None = None, **top: Any) -> Case:
    document: dict[str, Any] = copy.deepcopy(dict(case.document))
    if target_title is not None:
        document["target"]["title"] = target_title
    document.update(top)
    return parse_case(document)


def decide(
    store: CaseStore,
    case: Case,
    outcome: Outcome,
    ects: float | None = None,
    *,
    justification: str | None = "Reasons.",
    divergence_reason: str | None = None,
) -> None:
    stored = store.add_case(case)
    store.record_decision(
        stored.reference,
        make_decision(stored.case, outcome),
        decided_by="M. Novak",
        final_outcome=outcome,
        justification=justification,
        final_ects=ects,
        divergence_reason=divergence_reason,
    )


def test_similar_cases_ranks_equivalent_first_and_leaves_out_the_case_itself(store: CaseStore) -> None:
    decide(store, make_case("EARLIER-SAME", learner="Ana Kovač"), Outcome.FULL_RECOGNITION, 5)
    # The second earlier case sought the credits for another programme: similar, not equivalent.
    other_target = with_changes(make_case("EARLIER-TARGET", learner="Luka Babić"), target_title="Port Operations")
    decide(store, other_target, Outcome.PARTIAL_RECOGNITION, 3)
    store.add_case(make_case("UNDECIDED"))  # no final decision: not a precedent
    unrelated = make_case("OTHER", title="Data Analytics with Python", awarding_body="Code Academy")
    decide(store, unrelated, Outcome.FULL_RECOGNITION, 5)
    open_case = store.add_case(make_case("NOW", learner="Ivana Horvat"))

    found = store.similar_cases(open_case.case)

    assert [(p.reference, p.equivalent) for p in found] == [("EARLIER-SAME", True), ("EARLIER-TARGET", False)]
    first = found[0]
    assert (first.outcome, first.ects, first.decided_by, first.justification) == (
        Outcome.FULL_RECOGNITION,
        5,
        "M. Novak",
        "Reasons.",
    )


def stack(reference: str, learner: str, *titles: str) -> Case:
    """A case of several credentials, the example's with these titles, each of 2 ECTS."""
    document: dict[str, Any] = copy.deepcopy(dict(make_case(reference, learner=learner).document))
    first = document.pop("credential")
    document["credentials"] = [{**first, "title": title, "workload": {"ects": 2, "hours": 50}} for title in titles]
    return parse_case(document)


def test_a_stack_s_precedents_are_stacks_of_the_same_credentials(store: CaseStore) -> None:
    decide(
        store, stack("STACK-EARLIER", "Ana Kovač", "Port State Control", "Ballast Water"), Outcome.FULL_RECOGNITION, 4
    )
    decide(store, make_case("SINGLE", title="Port State Control"), Outcome.PARTIAL_RECOGNITION, 2)
    open_case = store.add_case(stack("STACK-NOW", "Ivana Horvat", "Ballast Water", "Port State Control"))

    found = store.similar_cases(open_case.case)

    assert [(p.reference, p.equivalent) for p in found][:1] == [("STACK-EARLIER", True)]
    assert all(not p.equivalent for p in found[1:])
    assert found[0].profile.title == "Port State Control + Ballast Water"
    assert found[0].profile.ects == 4
    departs = divergence(Outcome.PARTIAL_RECOGNITION, 2, found)
    assert departs is not None and [p.reference for p in departs.departs_from] == ["STACK-EARLIER"]


def test_the_earlier_decided_text_is_compared(store: CaseStore) -> None:
    """A decided case edited since is compared as it stood when decided."""
    decide(store, make_case("EARLIER"), Outcome.FULL_RECOGNITION, 5)
    stored = store.get_case("EARLIER")
    store.save_case("EARLIER", with_changes(stored.case, target_title="Port Operations"), stored.version)
    found = store.similar_cases(make_case("NOW"))
    assert [(p.reference, p.equivalent) for p in found] == [("EARLIER", True)]


def test_similar_cases_found_in_another_script(store: CaseStore) -> None:
    decide(
        store,
        make_case("CYRILLIC", title="Управление безопасностью судов", awarding_body="Морской факультет"),
        Outcome.FULL_RECOGNITION,
        5,
    )
    typed = make_case(title="Upravlenie bezopasnostyu sudov", awarding_body="Morskoi fakultet")
    assert [(p.reference, p.equivalent) for p in store.similar_cases(typed)] == [("CYRILLIC", True)]


def test_a_decision_departing_from_an_equivalent_case_needs_its_reason(store: CaseStore) -> None:
    decide(store, make_case("EARLIER"), Outcome.FULL_RECOGNITION, 5)
    stored = store.add_case(make_case("NOW"))
    decision = make_decision(stored.case, Outcome.FULL_RECOGNITION)

    with pytest.raises(InvalidDecisionRecordError, match=r"divergence_reason: .*EARLIER: full recognition, 5 ECTS"):
        store.record_decision(
            "NOW", decision, "E. Evaluator", Outcome.PARTIAL_RECOGNITION, "Overlap is partial.", final_ects=3
        )
    recorded = store.record_decision(
        "NOW",
        decision,
        "E. Evaluator",
        Outcome.PARTIAL_RECOGNITION,
        "Overlap is partial.",
        final_ects=3,
        divergence_reason="The programme's outcomes changed in 2026.",
    )
    assert recorded.divergence_reason == "The programme's outcomes changed in 2026."
    assert store.decisions_for("NOW")[-1].divergence_reason == "The programme's outcomes changed in 2026."


def test_a_merely_similar_case_asks_no_reason(store: CaseStore) -> None:
    decide(store, make_case("EARLIER", purpose=Purpose.ADMISSION), Outcome.FULL_RECOGNITION)
    stored = store.add_case(make_case("NOW"))
    recorded = store.record_decision(
        "NOW", make_decision(stored.case), "E. Evaluator", Outcome.PARTIAL_RECOGNITION, "Partial.", final_ects=3
    )
    assert recorded.divergence_reason is None


def test_following_the_office_needs_no_reason(store: CaseStore) -> None:
    decide(store, make_case("EARLIER"), Outcome.FULL_RECOGNITION, 5)
    stored = store.add_case(make_case("NOW"))
    recorded = store.record_decision(
        "NOW", make_decision(stored.case), "E. Evaluator", Outcome.FULL_RECOGNITION, final_ects=5
    )
    assert recorded.divergence_reason is None


def private_case(reference: str) -> Case:
    case = make_case(reference, learner="Ivana Horvát")
    document: dict[str, Any] = copy.deepcopy(dict(case.document))
    document["credential"]["learner"].update({"identifier": "HR-OIB-12345678901", "date_of_birth": "1994-07-15"})
    document["applicant"] = {"refugee": True, "documents_missing": True}
    return parse_case(document)


PRIVATE_TEXTS = ["Ivana", "Horvát", "Horvat", "HR-OIB-12345678901", "1994-07-15", "15.07.1994", "refugee", "Refugee"]


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_the_register_leaves_out_personal_data(store: CaseStore, kind: str) -> None:
    decide(
        store,
        private_case("PRIVATE-1"),
        Outcome.PARTIAL_RECOGNITION,
        3,
        justification=(
            "Ms Horvat (born 15.07.1994, HR-OIB-12345678901) showed two of four outcomes. "
            "She is a refugee without documents, so her statement was taken as evidence. IVANA passed the test."
        ),
    )
    stream = io.StringIO()
    assert store.export_register(stream, kind) == 1
    text = stream.getvalue()

    for private in PRIVATE_TEXTS:
        assert private not in text, private
    assert "PRIVATE-1" not in text  # the office's reference leads back to the person's file
    rows = list(csv.DictReader(io.StringIO(text))) if kind == "csv" else json.loads(text)["decisions"]
    [row] = rows
    assert row["credential_title"] == "Safety Management on Merchant Vessels"
    assert row["outcome"] == "partial_recognition"
    assert str(row["ects_recognised"]) == "3"
    assert (
        row["reasons"]
        == f"Ms {WITHHELD} (born {WITHHELD}, {WITHHELD}) showed two of four outcomes. {WITHHELD} passed the test."
    )
    if kind == "csv":
        assert list(rows[0]) == list(COLUMNS)


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_the_register_of_a_stack_leaves_out_each_learner_s_data(store: CaseStore, kind: str) -> None:
    document: dict[str, Any] = copy.deepcopy(dict(private_case("STACK-1").document))
    second = copy.deepcopy(document["credential"])
    second.update(title="Marine Pollution Prevention", workload={"ects": 2, "hours": 50})
    second["learner"].update(name="Ivana Horvat", identifier="HR-OIB-12345678901")
    document["credentials"] = [document.pop("credential"), second]
    decide(
        store,
        parse_case(document),
        Outcome.PARTIAL_RECOGNITION,
        3,
        justification="Horvat, HR-OIB-12345678901, born 1994-07-15, is a refugee. Ivana's two modules fit.",
    )
    stream = io.StringIO()
    assert store.export_register(stream, kind) == 1
    text = stream.getvalue()
    for private in [*PRIVATE_TEXTS, "STACK-1"]:
        assert private not in text, private
    rows = list(csv.DictReader(io.StringIO(text))) if kind == "csv" else json.loads(text)["decisions"]
    [row] = rows
    assert row["credential_title"] == "Safety Management on Merchant Vessels + Marine Pollution Prevention"
    assert row["reasons"] == f"{WITHHELD}'s two modules fit."
    assert str(row["credential_ects"]) == str(5 + 2)  # the example's 5 and the second part's 2


def test_the_register_withholds_the_office_s_references_cited_in_reasons(store: CaseStore) -> None:
    decide(store, make_case("HR-ENIC-2026-0001"), Outcome.FULL_RECOGNITION, 5)
    decide(
        store,
        make_case("HR-ENIC-2026-0002"),
        Outcome.PARTIAL_RECOGNITION,
        3,
        justification="Unlike HR-ENIC-2026-0001 and hr-enic-2026-0002, the ISO-9001 audit is missing.",
        divergence_reason="The programme changed since case HR-ENIC-2026-0001.",
    )
    stream = io.StringIO()
    store.export_register(stream, "json")
    [_first, second] = json.loads(stream.getvalue())["decisions"]
    assert second["reasons"] == f"Unlike {WITHHELD} and {WITHHELD}, the ISO-9001 audit is missing."
    assert second["divergence_reason"] == f"The programme changed since case {WITHHELD}."


def test_the_register_covers_the_period_asked(database_url: str) -> None:
    now = {"value": datetime(2026, 1, 1, tzinfo=UTC)}

    def clock() -> datetime:
        return now["value"]

    with CaseStore.open(database_url, clock=clock) as store:
        for day, reference in [(date(2026, 1, 31), "JAN"), (date(2026, 2, 1), "FEB"), (date(2026, 3, 2), "MAR")]:
            now["value"] = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=23, minutes=30)
            decide(store, make_case(reference, title=f"Credential {reference}"), Outcome.FULL_RECOGNITION, 5)
        store.add_case(make_case("ASSESSED-ONLY"))  # no final decision: not in the register

        def exported(first: date | None, last: date | None) -> list[str]:
            stream = io.StringIO()
            store.export_register(stream, "json", first, last)
            return [row["credential_title"] for row in json.loads(stream.getvalue())["decisions"]]

        assert exported(None, None) == ["Credential JAN", "Credential FEB", "Credential MAR"]
        assert exported(date(2026, 2, 1), None) == ["Credential FEB", "Credential MAR"]
        assert exported(None, date(2026, 2, 1)) == ["Credential JAN", "Credential FEB"]
        assert exported(date(2026, 2, 1), date(2026, 2, 1)) == ["Credential FEB"]


def test_statistics(database_url: str) -> None:
    now = {"value": datetime(2026, 1, 1, tzinfo=UTC)}
    with CaseStore.open(database_url, clock=lambda: now["value"]) as store:
        plan = [
            (
                "A",
                Purpose.CREDIT_TRANSFER,
                "HR",
                "2026-01-05",
                datetime(2026, 3, 1, tzinfo=UTC),
                Outcome.FULL_RECOGNITION,
            ),
            (
                "B",
                Purpose.CREDIT_TRANSFER,
                "SI",
                "2026-01-05",
                datetime(2026, 5, 5, tzinfo=UTC),
                Outcome.FULL_RECOGNITION,
            ),
            ("C", Purpose.EMPLOYMENT, "SI", "2026-01-05", datetime(2026, 5, 6, tzinfo=UTC), Outcome.NON_RECOGNITION),
            ("D", Purpose.EMPLOYMENT, "HR", None, datetime(2026, 5, 7, tzinfo=UTC), Outcome.NON_RECOGNITION),
        ]
        for reference, purpose, country, complete_on, decided_at, outcome in plan:
            now["value"] = decided_at
            case = make_case(reference, title=f"Credential {reference}", purpose=purpose, issuer_country=country)
            if complete_on is not None:
                case = with_changes(case, procedure={"received_on": "2026-01-02", "complete_on": complete_on})
            credits = None if purpose is Purpose.EMPLOYMENT else 5
            decide(store, case, outcome, credits, justification="Reasons.")
        # A later correction of A counts A once, by its latest outcome; its time runs to its first decision.
        now["value"] = datetime(2026, 6, 1, tzinfo=UTC)
        stored = store.get_case("A")
        store.record_decision(
            "A", make_decision(stored.case), "M. Novak", Outcome.PARTIAL_RECOGNITION, "Corrected.", final_ects=3
        )

        statistics = store.office_statistics()
        assert statistics.decided == 4
        assert dict(statistics.by_outcome) == {"partial_recognition": 1, "full_recognition": 1, "non_recognition": 2}
        assert dict(statistics.by_purpose) == {"credit_transfer": 2, "employment": 2}
        assert dict(statistics.by_country) == {"HR": 2, "SI": 2}
        assert dict(statistics.by_month) == {"2026-05": 3, "2026-06": 1}
        time = statistics.time_to_decision
        # Complete on 5 January: due by 5 May. A took 55 days, B was on the last day, C a day late; D is undated.
        assert (time.measured, time.within_deadline, time.late, time.without_complete_date) == (3, 2, 1, 1)
        assert time.longest_days == (date(2026, 5, 6) - date(2026, 1, 5)).days
        assert time.median_days == (date(2026, 5, 5) - date(2026, 1, 5)).days
        assert dict(time.by_months)["4–6 months"] == 1

        may = store.office_statistics(date(2026, 5, 1), date(2026, 5, 31))
        assert may.decided == 3
        assert dict(may.by_outcome) == {"full_recognition": 1, "non_recognition": 2}


@pytest.mark.parametrize(
    ("complete_on", "decided_on", "on_time"),
    [
        ("2026-01-31", "2026-05-31", True),  # the same day four months later
        ("2026-01-31", "2026-06-01", False),
        ("2025-10-31", "2026-02-28", True),  # February has no 31st: its last day
        ("2025-10-31", "2026-03-01", False),
        ("2026-03-10", "2026-07-09", True),
    ],
)
def test_four_months_are_calendar_months(database_url: str, complete_on: str, decided_on: str, on_time: bool) -> None:
    now = {"value": datetime(2025, 10, 1, tzinfo=UTC)}
    with CaseStore.open(database_url, clock=lambda: now["value"]) as store:
        case = with_changes(make_case("A"), procedure={"received_on": "2025-10-01", "complete_on": complete_on})
        now["value"] = datetime.fromisoformat(decided_on).replace(hour=23, minute=59, tzinfo=UTC)
        decide(store, case, Outcome.FULL_RECOGNITION, 5)
        time = store.office_statistics().time_to_decision
        assert (time.within_deadline, time.late) == ((1, 0) if on_time else (0, 1))


def test_the_register_reads_in_batches_from_where_the_last_ended(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office_record, "_BATCH", 2)
    moments = [datetime(2026, 3, day, tzinfo=UTC) for day in (5, 1, 5, 3, 5)]
    now = {"value": moments[0]}
    with CaseStore.open(database_url, clock=lambda: now["value"]) as store:
        for number, moment in enumerate(moments):
            now["value"] = moment
            decide(store, make_case(f"R-{number}", title=f"Credential {number}"), Outcome.FULL_RECOGNITION, 5)
        stream = io.StringIO()
        assert store.export_register(stream, "json") == 5
    titles = [row["credential_title"] for row in json.loads(stream.getvalue())["decisions"]]
    # Oldest first; decisions recorded at the same moment in the order they were recorded.
    assert titles == ["Credential 1", "Credential 3", "Credential 0", "Credential 2", "Credential 4"]


ODD_TEXTS: list[Any] = [
    {"purpose": "credit_transfer", "credential": {"title": 'A "quoted" \\ title\u2028', "learner": {"name": "Ívana"}}},
    {
        "purpose": "admission",
        "credential": {
            "title": "  Blank around  ",
            "awarding_body": ["not", "an", "object"],
            "level": {"framework": "", "nqf_level": 6, "eqf_level": True},
            "workload": {"ects": 5.0},
            "learner": {"name": "Горан Šimić", "identifier": "ID-1", "date_of_birth": "2001-02-03"},
        },
        "target": {"title": "Programme", "institution": None, "eqf_level": 6.0, "ects": "5"},
    },
    {"credential": "not an object", "target": None},
    {
        "reference": "STACK-1",
        "purpose": "credit_transfer",
        "credentials": [
            {"title": "Part One", "learner": {"name": "Горан Šimić", "identifier": "ID-1"}, "workload": {"ects": 2}},
            {"title": "Part Two", "learner": {"name": "Goran Simic"}, "workload": {"ects": 3}, "issuer_country": "SI"},
            "not an object",
        ],
    },
    {"purpose": "rpl", "credential": {"level": {"eqf_level": 7}, "workload": {"ects": 2.5}}, "target": {"ects": 10}},
]


def test_the_register_reads_from_the_database_what_the_whole_text_gives(store: CaseStore) -> None:
    """A decision keeps the register's fields of its decided text (``published_values``); one recorded before
    migration 0012 has them read from the text, on SQLite by the database (``REGISTER_PATHS``). Whatever the text
    holds, the entry is the one read from the whole text parsed in Python."""
    reasons = "Горан ID-1 ivana 2/3/2001. Born 2001-02-03; a refugee. Rest, Ivana."
    decide(store, private_case("PRIVATE-1"), Outcome.PARTIAL_RECOGNITION, 3, justification=reasons)
    [stored] = store.decisions_for("PRIVATE-1")
    odd = [json.dumps(text) for text in ODD_TEXTS]
    texts = [json.dumps(stored.case_document, ensure_ascii=False), *odd, *odd]
    decisions = office_record._DECISIONS
    with store._engine.begin() as connection:  # decided texts as this version and an earlier one keep them
        row = dict(connection.execute(select(decisions).where(decisions.c.id == stored.id)).mappings().one())
        assert row["published_values"] == office_record.published_values(stored.case_document)
        del row["id"]
        for number, text in enumerate(texts[1:]):
            kept = office_record.published_values(json.loads(text)) if number < len(odd) else None
            connection.execute(insert(decisions).values({**row, "case_document": text, "published_values": kept}))
    stream = io.StringIO()
    assert store.export_register(stream, "json") == len(texts)
    exported = json.loads(stream.getvalue())["decisions"]
    for entry, text in zip(exported, texts, strict=True):
        whole = RegisterEntry.of(
            decision_id=entry["decision_id"],
            case_document=json.loads(text),
            decision=stored.decision.to_json(),
            final_outcome=Outcome.PARTIAL_RECOGNITION,
            final_ects=3,
            decided_at=stored.recorded_at,
            justification=reasons,
            divergence_reason=None,
        )
        assert entry == whole.to_json(), text
    assert exported[0]["reasons"] == f"Горан ID-1 {WITHHELD} 2/3/2001. Rest, {WITHHELD}."
