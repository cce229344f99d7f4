"""The report and the case file leave the app from the controllers, without a window."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from recogniser.casefile import load_case
from recogniser.ui.controllers.exports import RegisterExport

from ..conftest import ScriptedDialogs
from .conftest import Workflows


def test_the_case_file_is_written_as_it_stands_where_chosen(
    workflows: Workflows, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    workflows.open_example()
    workflows.session.set_value("credential.grade", "Very good (4), confirmed")
    blocked = tmp_path / "a-file"
    blocked.write_text("", "utf-8")
    dialogs.paths.extend([None, str(blocked / "case.json"), str(tmp_path / "case.json")])

    workflows.exports.export_case_file_dialog()  # no place chosen
    workflows.exports.export_case_file_dialog()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("error", "Cannot write the case file")
    assert text.startswith(str(blocked / "case.json"))

    workflows.exports.export_case_file_dialog()
    assert load_case(tmp_path / "case.json").document == workflows.session.document
    assert workflows.messages[-1] == f"Exported {tmp_path / 'case.json'}"
    assert workflows.case.dirty, "exporting is not saving"


def test_an_unfinished_case_is_not_reported_and_the_fields_to_fix_are_named(
    workflows: Workflows, dialogs: ScriptedDialogs
) -> None:
    reports: list[bytes] = []
    workflows.exports.report_ready.connect(lambda pdf, _name: reports.append(pdf))
    workflows.cases.new_case()
    workflows.exports.export_report()
    workflows.settle()
    assert reports == []
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("error", "Cannot write the report yet")
    assert text.startswith("Fix these fields first:\n")
    assert workflows.form.every_problem_shown == 1


def test_the_report_is_rendered_for_the_preview_and_saved_where_chosen(
    workflows: Workflows, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    reports: list[tuple[bytes, str]] = []
    workflows.exports.report_ready.connect(lambda pdf, name: reports.append((pdf, name)))
    workflows.open_example()
    workflows.exports.export_report()
    assert workflows.messages[-1] == "Writing the report…"
    workflows.settle()
    ((pdf, name),) = reports
    assert pdf.startswith(b"%PDF") and name == "EXAMPLE-01"

    closed: list[bool] = []
    dialogs.paths.extend([None, str(tmp_path / "EXAMPLE-01.pdf")])
    workflows.exports.save_report(pdf, name, None, lambda: closed.append(True))
    workflows.exports.save_report(pdf, name, None, lambda: closed.append(True))
    workflows.settle()
    assert closed == [True]
    assert (tmp_path / "EXAMPLE-01.pdf").read_bytes() == pdf
    assert workflows.messages[-1] == f"Report saved to {tmp_path / 'EXAMPLE-01.pdf'}"


def test_the_suggested_file_names_hold_no_character_a_file_system_refuses(
    workflows: Workflows, dialogs: ScriptedDialogs
) -> None:
    suggested: list[str] = []

    def save_path(parent: object, caption: str, name: str, filters: str) -> None:
        suggested.append(name)

    dialogs.save_path = save_path  # type: ignore[method-assign, assignment]
    workflows.cases.new_case()
    workflows.session.set_value("credential.title", 'Safety 1/2: Basics <"A"|B>?* \\ end.')
    workflows.exports.export_case_file_dialog()
    workflows.session.set_value("credential.title", " .. ")
    workflows.exports.export_case_file_dialog()
    assert suggested == ["Safety 1-2- Basics -A-B- - end.json", "case.json"]


def test_the_register_is_written_for_the_period_without_the_learners_names(
    workflows: Workflows, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    workflows.open_example()
    workflows.save()
    store, decision = workflows.office.store, workflows.session.assessment.decision
    assert store is not None and decision is not None
    recommendation = decision.recommendation
    store.record_decision(
        "EXAMPLE-01", decision, "Ana Horvat", recommendation.outcome, final_ects=recommendation.ects_recognised
    )
    register = RegisterExport(store, workflows.office.tasks, dialogs)
    exported: list[tuple[int, str]] = []
    register.exported.connect(lambda count, path: exported.append((count, path)))
    suggested: list[str] = []
    answers = [None, str(tmp_path / "register.csv"), str(tmp_path / "later.json")]

    def save_path(parent: object, caption: str, name: str, filters: str) -> str | None:
        suggested.append(name)
        return answers.pop(0)

    dialogs.save_path = save_path  # type: ignore[method-assign]
    register.export("csv", None, None)  # no place chosen
    register.export("csv", None, None)
    register.export("json", date(2100, 1, 1), None)
    workflows.settle()
    assert suggested == [
        "recognition-register-all.csv",
        "recognition-register-all.csv",
        "recognition-register-2100-01-01.json",
    ]
    assert exported == [(1, str(tmp_path / "register.csv")), (0, str(tmp_path / "later.json"))]
    written = (tmp_path / "register.csv").read_text("utf-8")
    assert written.count("\n") == 2  # the header and the decision
    assert "Ivana" not in written and "Ana Horvat" not in written
    assert json.loads((tmp_path / "later.json").read_text("utf-8"))["period"]["from"] == "2100-01-01"
