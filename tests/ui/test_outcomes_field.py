"""The learning outcomes list: editing a long outcome, starting one by typing, pasting numbered lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from recogniser.ui.main_window import MainWindow
from recogniser.ui.outcomes_field import OutcomesField, outcome_lines

PATH = "credential.learning_outcomes"
LONG = " ".join(["Apply the SOLAS and ISM Code requirements to the safety management of a merchant vessel"] * 6)


def outcomes(window: MainWindow) -> OutcomesField:
    window.new_action.trigger()
    field = window.editor.slots[PATH].field
    assert isinstance(field, OutcomesField)
    return field


def editor_of(field: OutcomesField, row: int) -> QPlainTextEdit:
    editor = field.list.indexWidget(field.list.model().index(row, 0))
    assert isinstance(editor, QPlainTextEdit), f"a multi-line editor, not {type(editor).__name__}"
    return editor


def test_a_long_outcome_opens_in_an_editor_showing_all_of_it(qtbot: QtBot, window: MainWindow) -> None:
    field = outcomes(window)
    window.session.set_value(PATH, [LONG, "Analyse incident reports"])
    field.list.setCurrentRow(0)
    field.list.setFocus()
    qtbot.keyClick(field.list, Qt.Key.Key_F2)
    editor = editor_of(field, 0)
    assert editor.toPlainText() == LONG
    assert editor.verticalScrollBar().maximum() == 0, "the whole outcome is in view"
    assert editor.height() >= field.list.visualRect(field.list.model().index(0, 0)).height()


def test_enter_keeps_the_edit_shift_enter_breaks_the_line_and_escape_cancels(qtbot: QtBot, window: MainWindow) -> None:
    field = outcomes(window)
    window.session.set_value(PATH, ["Apply SOLAS"])
    field.list.setCurrentRow(0)
    field.list.editItem(field.list.item(0))
    editor = editor_of(field, 0)
    qtbot.keyClicks(editor, " rules")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "at sea")
    assert field.list.indexWidget(field.list.model().index(0, 0)) is editor, "Shift+Enter does not close"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.session.value(PATH) == ["Apply SOLAS rules\nat sea"]
    qtbot.keyClick(editor_of(field, 1), Qt.Key.Key_Escape)  # Enter went on to a new outcome: none is wanted

    field.list.editItem(field.list.item(0))
    editor = editor_of(field, 0)
    qtbot.keyClicks(editor, " and more")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.session.value(PATH) == ["Apply SOLAS rules\nat sea"]
    assert field.list.item(0).text() == "Apply SOLAS rules\nat sea"


def test_typing_into_an_empty_list_starts_an_outcome(qtbot: QtBot, window: MainWindow) -> None:
    field = outcomes(window)
    field.list.setFocus()
    qtbot.keyClick(field.list, "P")
    editor = editor_of(field, 0)
    assert QApplication.focusWidget() is editor, "the following keys go on into the new outcome"
    qtbot.keyClicks(editor, "lan drills")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.session.value(PATH) == ["Plan drills"]
    assert QApplication.focusWidget() is editor_of(field, 1), "Enter goes on to the next outcome"
    qtbot.keyClick(editor_of(field, 1), Qt.Key.Key_Escape)
    assert field.list.count() == 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return], ids=["escape", "enter"])
def test_an_outcome_added_and_left_empty_leaves_no_blank_row(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    field = outcomes(window)
    field.add_button.click()
    qtbot.keyClick(editor_of(field, 0), key)
    assert field.list.count() == 0
    assert window.session.value(PATH) is None
    assert QApplication.focusWidget() is not None


def test_pasted_list_markers_are_dropped() -> None:
    pasted = (
        "1) Apply\n(a) Analyse\niii. Plan\n(IV) Evaluate\n2.3. Assess\nb. Lead\n- Brief\n•Report\n"
        "e.g. keep this\n2025 rules stay"
    )
    assert outcome_lines(pasted) == [
        "Apply",
        "Analyse",
        "Plan",
        "Evaluate",
        "Assess",
        "Lead",
        "Brief",
        "Report",
        "e.g. keep this",
        "2025 rules stay",
    ]
