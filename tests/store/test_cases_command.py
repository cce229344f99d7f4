"""``recogniser cases ...`` as an evaluator types it, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from recogniser.casefile import case_sha256, dumps_case
from recogniser.cli import build_parser, main
from recogniser.model import Outcome
from recogniser.store import CaseStatus, CaseStore
from tests.store.cases import EXAMPLES, make_case, make_decision

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def run(capsys: pytest.CaptureFixture[str], database_url: str, *arguments: str) -> tuple[int, str, str]:
    code = main(["--database-url", database_url, "cases", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_then_list_show_and_export(capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path) -> None:
    code, out, _ = run(capsys, database_url, "add", *map(str, EXAMPLE_FILES))
    assert code == 0
    assert out.count("added ") == len(EXAMPLE_FILES)

    code, out, _ = run(capsys, database_url, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["REFERENCE", "LEARNER", "TITLE", "PURPOSE", "STATUS", "OUTCOME"]
    assert len(lines) == 1 + len(EXAMPLE_FILES)
    assert "EXAMPLE-01" in out

    code, out, _ = run(capsys, database_url, "show", "EXAMPLE-01")
    assert code == 0
    assert "reference:      EXAMPLE-01" in out
    assert "decisions:      none yet" in out

    target = tmp_path / "out.json"
    code, out, _ = run(capsys, database_url, "export", "EXAMPLE-01", "-o", str(target))
    assert code == 0
    original = json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8"))
    assert json.loads(target.read_text("utf-8")) == original


def test_list_filters_and_json(capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path) -> None:
    with CaseStore.open(database_url) as store:
        store.add_case(make_case("CASE-IVAN", learner="Иван Петровић"))
        decided = store.add_case(make_case("CASE-ANA", learner="Ana Horvat"))
        store.record_decision("CASE-ANA", make_decision(decided.case), decided_by="M. Evaluator")

    code, out, _ = run(capsys, database_url, "list", "--search", "ivan", "--json")
    listing = json.loads(out)
    assert code == 0
    assert listing["total"] == 1
    assert [case["reference"] for case in listing["cases"]] == ["CASE-IVAN"]
    assert listing["cases"][0]["learner"] == "Иван Петровић"

    code, out, _ = run(capsys, database_url, "list", "--outcome", "full_recognition", "--json")
    assert [case["reference"] for case in json.loads(out)["cases"]] == ["CASE-ANA"]
    code, out, _ = run(capsys, database_url, "list", "--purpose", "employment")
    assert (code, out) == (0, "no cases\n")
    code, out, _ = run(capsys, database_url, "list", "--limit", "1")
    assert "(1 of 2 cases shown" in out

    code, out, _ = run(capsys, database_url, "show", "CASE-ANA", "--json")
    shown = json.loads(out)
    assert (shown["status"], shown["outcome"]) == ("assessed", "full_recognition")
    assert shown["decisions"][0]["decided_by"] == "M. Evaluator"
    code, out, _ = run(capsys, database_url, "show", "CASE-ANA")
    assert "by M. Evaluator: full recognition, 5 ECTS (rulebook 2026.1)" in out

    with CaseStore.open(database_url) as store:
        store.record_decision(
            "CASE-ANA",
            make_decision(decided.case),
            "M. Evaluator",
            Outcome.PARTIAL_RECOGNITION,
            "One outcome is not covered.",
            final_ects=2.5,
        )
    code, out, _ = run(capsys, database_url, "show", "CASE-ANA")
    assert "recommended full recognition, 5 ECTS; decided partial recognition, 2.5 ECTS (rulebook 2026.1" in out
    assert "justification: One outcome is not covered." in out
    code, out, _ = run(capsys, database_url, "show", "CASE-ANA", "--json")
    assert json.loads(out)["decisions"][1]["final_ects"] == 2.5


def test_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(dumps_case(make_case("CASE-1").document), encoding="utf-8")
    assert run(capsys, database_url, "add", str(case_file))[0] == 0

    for arguments, message in [
        (("add", str(case_file)), "a case with reference 'CASE-1' already exists"),
        (("show", "CASE-404"), "no case with reference 'CASE-404'"),
        (("export", "CASE-404", "-o", str(tmp_path / "x.json")), "no case with reference 'CASE-404'"),
    ]:
        code, out, err = run(capsys, database_url, *arguments)
        assert (code, out) == (2, "")
        [line] = err.splitlines()
        assert line.startswith(f"recogniser: {message}")
    assert not (tmp_path / "x.json").exists()


def test_an_invalid_case_file_names_the_field(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    document = dict(make_case().document, purpose="holiday")
    broken.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(capsys, sqlite_url, "add", str(broken))
    assert code == 2
    assert f"{broken}: purpose: must be one of" in err
    with CaseStore.open(sqlite_url) as store:
        assert store.count_cases() == 0


def test_an_unreachable_database_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "postgresql://evaluator:secret@127.0.0.1:1/cases", "list")
    assert (code, out) == (2, "")
    [line] = err.splitlines()
    assert line == (
        "recogniser: postgresql://evaluator:***@127.0.0.1:1/cases: no database server answers at 127.0.0.1:1 "
        "(is it running?)"
    )


def test_the_environment_variable_names_the_database(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_DATABASE_URL", sqlite_url)
    with CaseStore.open(sqlite_url) as store:
        store.add_case(make_case("CASE-ENV"))
    assert main(["cases", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_assess_save_stores_the_case_and_its_decision(
    capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path
) -> None:
    example = str(EXAMPLES / "maritime-credit-transfer.json")
    assess = ["--database-url", database_url, "assess", example, "--save", "--evaluator", "M. Evaluator", "--json"]
    assert main(assess) == 0
    first = capsys.readouterr()
    decision = json.loads(first.out)
    assert first.err == "saved case EXAMPLE-01 (version 1) and decision #1\n"
    assert main(assess) == 0
    assert capsys.readouterr().err.endswith("and decision #2; the same case text as decision #1\n")

    with CaseStore.open(database_url) as store:
        stored = store.get_case("EXAMPLE-01")
        decisions = store.decisions_for("EXAMPLE-01")
    assert [d.decision.to_json() for d in decisions] == [decision, decision]
    assert decision["case_sha256"] == stored.case_sha256
    assert decisions[0].decided_by == "M. Evaluator"

    outcome = decision["recommendation"]["outcome"]
    code, out, _ = run(capsys, database_url, "list", "--outcome", outcome, "--json")
    assert code == 0
    assert [case["reference"] for case in json.loads(out)["cases"]] == ["EXAMPLE-01"]


def test_assess_save_gives_a_case_without_reference_one(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path
) -> None:
    case_file, report = tmp_path / "case.json", tmp_path / "report.pdf"
    case_file.write_text(dumps_case(make_case().document), encoding="utf-8")
    arguments = ["--database-url", sqlite_url, "assess", str(case_file), "--save", "--json", "--pdf", str(report)]
    assert main(arguments) == 0
    captured = capsys.readouterr()
    reference = json.loads(captured.out)["reference"]
    assert captured.err.startswith(f"saved case {reference} (version 1)")
    with CaseStore.open(sqlite_url) as store:
        [recorded] = store.decisions_for(reference)
        stored = store.get_case(reference)
    assert recorded.decided_by  # the login name
    # The report carries the case as stored, reference included, so its hash is the decision's.
    (attached,) = PdfReader(report).attachments[f"{reference}.json"]
    assert json.loads(attached) == stored.case.document
    assert case_sha256(json.loads(attached)) == recorded.case_sha256


def test_evaluator_without_save_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    example = str(EXAMPLES / "maritime-credit-transfer.json")
    assert main(["assess", example, "--evaluator", "M. Evaluator"]) == 2
    assert capsys.readouterr().err == "recogniser: --evaluator: goes with --save\n"


def test_the_status_choices_are_the_stores() -> None:
    parser = build_parser()
    for status in CaseStatus:
        assert parser.parse_args(["cases", "list", "--status", status.value]).status == status.value


def test_similar_and_register_export(capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path) -> None:
    with CaseStore.open(database_url) as store:
        earlier = store.add_case(make_case("EARLIER", learner="Ana Horvat"))
        store.record_decision(
            "EARLIER", make_decision(earlier.case), "M. Novak", Outcome.FULL_RECOGNITION, final_ects=5
        )
        store.add_case(make_case("NOW", learner="Ivana Horvat"))

    code, out, _ = run(capsys, database_url, "similar", "NOW")
    assert code == 0
    assert out.startswith("EARLIER (equivalent; same title, awarding body, target, issuing country, EQF level): ")
    assert "full recognition, 5 ECTS on " in out and " by M. Novak" in out

    code, out, _ = run(capsys, database_url, "similar", "NOW", "--json")
    [precedent] = json.loads(out)["similar"]
    assert (precedent["reference"], precedent["equivalent"], precedent["ects"]) == ("EARLIER", True, 5)

    target = tmp_path / "register.csv"
    code = main(["--database-url", database_url, "register", "export", "--format", "csv", "-o", str(target)])
    assert code == 0
    assert "wrote 1 decision to" in capsys.readouterr().err
    text = target.read_text("utf-8")
    assert text.startswith("decision_id,decided_on,purpose,credential_title,")
    assert "Horvat" not in text

    code = main(["--database-url", database_url, "register", "export", "--format", "json", "--from", "2026-02-30"])
    assert code == 2
    assert "--from: must be a date as YYYY-MM-DD" in capsys.readouterr().err
    code = main(["--database-url", database_url, "register", "export", "--format", "csv", "-o", str(target)])
    assert code == 2
    assert "already exists" in capsys.readouterr().err


def test_similar_weighs_a_decided_case_against_the_decisions_before_it(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    with CaseStore.open(database_url) as store:
        earlier = store.add_case(make_case("EARLIER", learner="Ana Horvat"))
        store.record_decision(
            "EARLIER", make_decision(earlier.case), "M. Novak", Outcome.FULL_RECOGNITION, final_ects=5
        )
        later = store.add_case(make_case("LATER", learner="Ivana Horvat"))
        store.record_decision(
            "LATER",
            make_decision(later.case),
            "M. Novak",
            Outcome.PARTIAL_RECOGNITION,
            justification="Two of the five outcomes are not covered.\nnote: a line it must not make",
            final_ects=3,
            divergence_reason="The programme dropped two modules.",
        )

    code, out, _ = run(capsys, database_url, "similar", "LATER")
    assert code == 0
    [note_line] = [line for line in out.splitlines() if line.startswith("note:")]
    assert note_line.startswith(
        "note: LATER's latest decision partial recognition, 3 ECTS departs from the office's earlier decision on the "
        "same credential for the same target and purpose: EARLIER: full recognition, 5 ECTS ("
    )
    code, out, _ = run(capsys, database_url, "similar", "LATER", "--json")
    note = json.loads(out)["departs_from_precedent"]
    assert note == {
        "outcome": "partial_recognition",
        "ects": 3,
        "departs_from": ["EARLIER"],
        "divergence_reason": "The programme dropped two modules.",
    }

    # EARLIER was decided first: LATER is shown, with its reason for departing, but sets no precedent for it.
    code, out, _ = run(capsys, database_url, "similar", "EARLIER")
    assert out.startswith("LATER (equivalent;")
    assert "  reason for departing from precedent: The programme dropped two modules." in out
    assert "covered.\\u000anote: a line it must not make" in out  # a line break in a reason is shown escaped
    assert not any(line.startswith("note:") for line in out.splitlines())
    code, out, _ = run(capsys, database_url, "similar", "EARLIER", "--json")
    assert json.loads(out)["departs_from_precedent"] is None


def test_a_stack_is_listed_with_its_credentials(
    capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path
) -> None:
    document = json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8"))
    first = document.pop("credential")
    document["credentials"] = [first, {**first, "title": "Ballast Water Management"}]
    document["reference"] = "STACK-1"
    path = tmp_path / "stack.json"
    path.write_text(dumps_case(document), "utf-8")
    assert run(capsys, database_url, "add", str(path))[0] == 0

    code, out, _ = run(capsys, database_url, "list", "--search", "ballast")
    assert code == 0 and "2 credentials: Safety" in out
    code, out, _ = run(capsys, database_url, "show", "STACK-1")
    assert "credentials:    2 (a stack)" in out and "2. Ballast Water Management" in out


def test_show_gives_the_procedure_dates_and_the_reason_for_departing(
    capsys: pytest.CaptureFixture[str], database_url: str, tmp_path: Path
) -> None:
    document = json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8"))
    document["reference"] = "DATED-1"
    document["procedure"] = {"received_on": "2026-01-12", "complete_on": "2026-02-03"}
    path = tmp_path / "dated.json"
    path.write_text(dumps_case(document), "utf-8")
    assert run(capsys, database_url, "add", str(path))[0] == 0
    with CaseStore.open(database_url) as store:
        dated = store.get_case("DATED-1")
        store.record_decision(
            "DATED-1",
            make_decision(dated.case),
            "M. Evaluator",
            Outcome.PARTIAL_RECOGNITION,
            "One outcome is not covered.",
            final_ects=2.5,
            divergence_reason="The programme's outcomes changed in 2026.\nRECOMMENDATION: none",
        )

    code, out, _ = run(capsys, database_url, "show", "DATED-1")
    assert code == 0
    assert "file received:  2026-01-12\nfile complete:  2026-02-03\n" in out
    assert "    justification: One outcome is not covered.\n" in out
    # One line, as everything `cases show` prints: a reason cannot fake a line of its own.
    reason = "reason for departing from precedent: The programme's outcomes changed in 2026.\\u000aRECOMMENDATION"
    assert f"\n    {reason}: none\n" in out

    code, out, _ = run(capsys, database_url, "--language", "fr", "show", "DATED-1")
    assert code == 0
    assert "dossier reçu:   2026-01-12\ndossier complet: 2026-02-03\n" in out
    assert "motif de l’écart par rapport aux précédents\u00a0: The programme's outcomes changed in 2026." in out


def test_show_leaves_out_what_a_case_does_not_state(capsys: pytest.CaptureFixture[str], database_url: str) -> None:
    with CaseStore.open(database_url) as store:
        decided = store.add_case(make_case("PLAIN-1"))
        store.record_decision("PLAIN-1", make_decision(decided.case), decided_by="M. Evaluator")
    code, out, _ = run(capsys, database_url, "show", "PLAIN-1")
    assert code == 0
    assert "file received" not in out and "file complete" not in out
    assert "reason for departing" not in out
