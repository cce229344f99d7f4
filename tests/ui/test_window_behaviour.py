"""The window's answers to what evaluators do in between: changing their mind, typing half a date, keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recogniser.model import Outcome
from recogniser.ui.case_list_model import CaseListModel
from recogniser.ui.decision_dialog import DecisionEntry
from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.drafts import read_draft
from recogniser.ui.main_window import MainWindow

from .conftest import EXAMPLES, ScriptedDialogs
from .test_window import choose, line, settle, type_into


def unsaved_case(qtbot: QtBot, window: MainWindow, title: str) -> None:
    window.new_action.trigger()
    type_into(qtbot, window, "credential.title", title)
    settle(qtbot, window)
    window.case.write_draft_now()


def test_cancelling_the_file_chooser_leaves_the_unsaved_case_as_it_was(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    unsaved_case(qtbot, window, "Important unsaved work")
    for action in (window.import_action, window.open_file_action):
        dialogs.paths = [None]
        action.trigger()
        settle(qtbot, window)
        assert [kind for kind, _title, _text in dialogs.shown] == []
        assert window.session.dirty
        assert read_draft() is not None
    dialogs.unsaved_answers = [UnsavedChoice.CANCEL]
    window.new_action.trigger()
    assert [kind for kind, _title, _text in dialogs.shown] == ["unsaved"]
    assert line(window, "credential.title").text() == "Important unsaved work"


def test_discarded_work_stays_until_another_case_takes_its_place(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    unsaved_case(qtbot, window, "Important unsaved work")
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    dialogs.unsaved_answers = [UnsavedChoice.DISCARD]
    dialogs.paths = [str(broken)]
    window.open_file_action.trigger()
    settle(qtbot, window)
    assert len(dialogs.errors()) == 1
    assert window.session.dirty and read_draft() is not None
    assert line(window, "credential.title").text() == "Important unsaved work"

    dialogs.unsaved_answers = [UnsavedChoice.DISCARD]
    window.cases.open_files([EXAMPLES / "maritime-credit-transfer.json"])
    settle(qtbot, window)
    assert window.session.value("credential.title") != "Important unsaved work"
    draft = read_draft()
    assert draft is not None and draft.document["credential"]["title"] == "Safety Management on Merchant Vessels"


def test_redo_answers_ctrl_y_and_ctrl_shift_z(qtbot: QtBot, window: MainWindow) -> None:
    keys = [key.toString() for key in window.redo_action.shortcuts()]
    assert len(keys) == len(set(keys))
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= set(keys)
    window.activateWindow()
    qtbot.waitActive(window)
    unsaved_case(qtbot, window, "Typed")
    for modifiers, key in (
        (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y),
        (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z),
    ):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, window)
        assert line(window, "credential.title").text() == ""
        qtbot.keyClick(window, key, modifiers)
        settle(qtbot, window)
        assert line(window, "credential.title").text() == "Typed"


def test_a_case_without_its_target_shows_the_credentials_findings_and_is_kept_as_a_draft(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.new_action.trigger()
    type_into(qtbot, window, "credential.title", "Welding inspection")
    settle(qtbot, window)
    assert window.results.findings.model.findings()
    text = window.results.recommendation.text.text()
    assert "Information required" in text and "Target EQF level" in text
    assert not window.results.recommendation.decide_button.isEnabled()

    dialogs.confirm_answers = [True]
    window.save_action.trigger()
    kind, title, message = dialogs.shown[-1]
    assert (kind, title) == ("confirm", "Cannot save yet")
    assert "Target EQF level" in message and "kept as a draft" in message
    draft = read_draft()
    assert draft is not None and draft.document["credential"]["title"] == "Welding inspection"
    assert window.focusWidget() is window.editor.slots["target.eqf_level"].field.widget
    assert window.session.dirty


def test_a_date_being_typed_keeps_the_last_findings_marked_as_before_the_change(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    settle(qtbot, window)
    findings = window.results.findings.model.findings()
    date = line(window, "credential.issue_date")
    date.clear()
    for character in "2025-0":
        type_into(qtbot, window, "credential.issue_date", character)
        settle(qtbot, window)
        assert window.results.findings.model.findings()
    assert window.session.assessment.stale
    assert "Not reassessed yet" in window.results.recommendation.text.text()
    assert "Date of issuing" in window.results.recommendation.text.text()
    assert "as before the fields marked in red" in window.results.findings.summary.text()
    assert not window.results.recommendation.decide_button.isEnabled()
    type_into(qtbot, window, "credential.issue_date", "6-30")
    settle(qtbot, window)
    assert not window.session.assessment.stale and window.session.assessment.complete
    assert window.results.findings.model.findings() == findings

    window.session.mark_saved()
    type_into(qtbot, window, "credential.issue_date", "x")
    settle(qtbot, window)
    window.session.mark_saved()
    window.new_action.trigger()
    settle(qtbot, window)
    assert not window.session.assessment.stale


def decide(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    """The maritime example, saved and decided: non-recognition by Ana Horvat."""
    entries = [DecisionEntry(Outcome.NON_RECOGNITION, "The module's outcomes are not met.", "Ana Horvat")]
    dialogs.record_decision = lambda parent, case, recommendation, evaluator, precedents=(): entries.pop()  # type: ignore[method-assign]
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    settle(qtbot, window)
    window.decision_action.trigger()
    qtbot.waitUntil(window.results.recommendation.history.isVisible)
    settle(qtbot, window)


def test_a_decided_case_says_so_at_the_top_with_the_button_to_decide_again(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    panel = window.results.recommendation
    assert not panel.decided.isVisible()
    decide(qtbot, window, dialogs)
    assert panel.decided.isVisible()
    decided = panel.decided.text()
    assert "Decided:" in decided and "Non-recognition" in decided and "Ana Horvat" in decided
    # Both above the recommendation, which with the recorded decisions runs longer than the pane.
    assert panel.decide_button.y() < panel.text.y() and panel.decided.y() < panel.text.y()
    assert panel.decide_button.visibleRegion().boundingRect().height() == panel.decide_button.height()


def test_the_saved_case_is_chosen_in_the_list_and_a_decided_one_cannot_be_deleted(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    decide(qtbot, window, dialogs)
    chosen = window.case_list.selected()
    assert chosen is not None and chosen.reference == "EXAMPLE-01"
    assert window.case_list.open_button.isEnabled()
    delete = window.case_list.delete_button
    assert not delete.isEnabled()
    assert "recorded decision" in delete.toolTip()

    window.cases.delete(chosen)
    assert dialogs.shown[-1] == (
        "error",
        "Cannot delete the case",
        "EXAMPLE-01 has a recorded decision, so it is part of the record and is kept.",
    )


def test_undo_after_saving_keeps_the_reference_and_names_the_field_as_the_form_does(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.new_action.trigger()
    choose(qtbot, window.editor.slots["target.eqf_level"].field.widget, 6)  # type: ignore[arg-type]
    type_into(qtbot, window, "credential.title", "Welding inspection")
    settle(qtbot, window)
    assert window.undo_action.text() == "&Undo Credential title"
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.session.value("reference") is not None)
    reference = window.session.value("reference")
    assert not window.session.dirty
    window.undo_action.trigger()
    settle(qtbot, window)
    assert window.session.value("reference") == reference
    assert window.session.value("credential.title") is None
    assert window.session.dirty
    window.redo_action.trigger()
    assert not window.session.dirty


def test_the_status_bar_names_the_sqlite_file(window: MainWindow, database: str) -> None:
    place = database.removeprefix("sqlite:///")
    assert window.statusBar().currentMessage() == f"Cases are kept in {place}"


def test_the_saved_cases_row_shows_the_recommendation_until_one_is_recorded(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.case_list.selected() is not None)
    outcome = window.case_list.model.index(0, CaseListModel.OUTCOME)
    assert outcome.data() == "Full recognition"
    assert outcome.data(Qt.ItemDataRole.FontRole).italic()
    assert "no assessment or decision is recorded" in outcome.data(Qt.ItemDataRole.ToolTipRole)
    type_into(qtbot, window, "credential.title", " II")
    settle(qtbot, window)
    assert window.case_list.model.index(0, CaseListModel.OUTCOME).data() == "not assessed"
