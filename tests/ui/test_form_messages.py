"""What the case form says about its fields: nothing shouted at a blank new case, plain words, and a message
that comes and goes without moving the fields below it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.main_window import MainWindow

from .conftest import ScriptedDialogs
from .test_window import line, settle, type_into


def visible_problems(window: MainWindow) -> dict[str, str]:
    return {path: slot.problem.text() for path, slot in window.editor.slots.items() if slot.problem.isVisible()}


def test_a_blank_new_case_is_not_told_what_it_lacks_until_a_field_is_left_or_a_save_is_tried(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.new_action.trigger()
    settle(qtbot, window)
    assert window.session.assessment.problems, "the case does lack things"
    assert visible_problems(window) == {}
    title = line(window, "credential.title")
    dialogs.confirm_answers = [False]
    qtbot.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [kind for kind, _title, _text in dialogs.shown] == ["confirm"]
    assert list(visible_problems(window)) == ["target.eqf_level"]

    dialogs.unsaved_answers = [UnsavedChoice.DISCARD]
    window.new_action.trigger()
    settle(qtbot, window)
    assert visible_problems(window) == {}
    window.editor.slots["target.eqf_level"].field.widget.setFocus()
    title.setFocus()  # the level was visited and left empty
    qtbot.waitUntil(lambda: list(visible_problems(window)) == ["target.eqf_level"])


def test_a_date_not_in_the_calendar_is_said_in_plain_words_and_its_line_does_not_move_the_fields(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.new_action.trigger()
    settle(qtbot, window)
    below = window.editor.slots["credential.learning_outcomes"].field.widget
    body = window.editor.widget()
    qtbot.wait(50)  # nested layouts settle over several passes
    place = below.mapTo(body, below.rect().topLeft())
    type_into(qtbot, window, "credential.issue_date", "2025-02-30")
    settle(qtbot, window)
    problem = window.editor.slots["credential.issue_date"].problem
    qtbot.waitUntil(problem.isVisible)
    assert problem.text() == "2025-02-30 is not a date in the calendar"
    qtbot.wait(50)
    assert below.mapTo(body, below.rect().topLeft()) == place, "the message takes a line kept for it"

    date = line(window, "credential.issue_date")
    qtbot.keyClick(date, Qt.Key.Key_Backspace)
    qtbot.keyClick(date, Qt.Key.Key_Backspace)
    type_into(qtbot, window, "credential.issue_date", "28")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: not problem.isVisible())
    qtbot.wait(50)
    assert below.mapTo(body, below.rect().topLeft()) == place, "the field below stays where it was"

    type_into(qtbot, window, "credential.workload.ects", "five")
    settle(qtbot, window)
    ects = window.editor.slots["credential.workload.ects"].problem
    qtbot.waitUntil(ects.isVisible)
    assert ects.text().startswith("ECTS: must be a number, such as 5 or 2.5")
