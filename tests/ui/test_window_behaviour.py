"""The window's answers to what evaluators do in between: changing their mind, typing half a date, keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.drafts import read_draft
from recogniser.ui.main_window import MainWindow

from .conftest import EXAMPLES, ScriptedDialogs
from .test_window import line, settle, type_into


def unsaved_case(qtbot: QtBot, window: MainWindow, title: str) -> None:
    window.new_action.trigger()
    type_into(qtbot, window, "credential.title", title)
    settle(qtbot, window)
    window.write_draft_now()


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
    window.open_dropped_file(EXAMPLES / "maritime-credit-transfer.json")
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
    window.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
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
