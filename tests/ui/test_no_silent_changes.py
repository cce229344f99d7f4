"""Nothing in a case changes unless the evaluator changed it: the mouse wheel, Enter in an outcome list, the
office's country and quitting, each done as an evaluator does it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from recogniser.settings import Settings, load_settings, save_settings
from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.drafts import read_draft
from recogniser.ui.level_field import LevelField
from recogniser.ui.main_window import MainWindow
from recogniser.ui.office_country import OfficeCountryDialog
from recogniser.ui.outcomes_field import OutcomesField
from recogniser.ui.settings import AppSettings

from .conftest import EXAMPLES, ScriptedDialogs, open_window, shut

BADGE = Path(__file__).resolve().parents[1] / "interchange" / "fixtures" / "ob3-badge.json"


def wheel_down(widget: QWidget, notches: int = 3) -> None:
    """Turn the mouse wheel towards the evaluator with the pointer over the middle of ``widget``: the event
    comes from the window system, as a real wheel's does, and goes to whatever is under the pointer."""
    window = widget.window()
    handle = window.windowHandle()
    assert handle is not None
    pointer = QPointF(widget.mapTo(window, widget.rect().center()))
    assert window.childAt(pointer.toPoint()) in (widget, *widget.findChildren(QWidget))
    QTest.wheelEvent(handle, pointer, QPoint(0, -120 * notches))
    QApplication.processEvents()


def open_maritime(qtbot: QtBot, window: MainWindow) -> None:
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    qtbot.waitUntil(lambda: not window.session.assessment_pending and not window.tasks.busy)
    window.session.mark_saved()


def test_the_wheel_over_a_choice_scrolls_the_form_and_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    open_maritime(qtbot, window)
    level = window.editor.slots["credential.level"].field
    assert isinstance(level, LevelField)
    participation = window.editor.slots["credential.participation"].field.widget
    assert isinstance(participation, QComboBox)
    before = window.session.document
    scroll = window.editor.verticalScrollBar()
    assert scroll.maximum() > 0, "the form is taller than its pane"
    for combo in (level.country, level.framework, level.level, level.eqf, participation):
        window.editor.ensureWidgetVisible(combo, 0, 0)
        window.editor.setFocus()
        position = scroll.value()
        shown = combo.currentIndex()
        wheel_down(combo)
        assert combo.currentIndex() == shown, f"{combo.accessibleName()} changed under the wheel"
        assert not combo.hasFocus()
        assert scroll.value() > position or position == scroll.maximum(), "the wheel scrolls the form instead"
    assert window.session.document == before
    assert not window.session.dirty

    # A choice the evaluator went into takes the wheel as usual.
    participation.setFocus()
    wheel_down(participation, 1)
    assert participation.currentIndex() != participation.findData(before["credential"]["participation"])


def outcomes(window: MainWindow) -> OutcomesField:
    window.new_action.trigger()
    field = window.editor.slots["credential.learning_outcomes"].field
    assert isinstance(field, OutcomesField)
    return field


def type_keys(qtbot: QtBot, text: str) -> None:
    """Type ``text`` key by key, each key going where the keyboard focus is at that moment."""
    for character in text:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, character)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def open_editor(field: OutcomesField) -> QPlainTextEdit:
    focused = QApplication.focusWidget()
    assert isinstance(focused, QPlainTextEdit), "an outcome is open for typing"
    assert focused.parentWidget() is field.list.viewport()
    return focused


def test_enter_ends_an_outcome_and_typing_goes_on_in_a_new_one(qtbot: QtBot, window: MainWindow) -> None:
    field = outcomes(window)
    field.list.setFocus()
    type_keys(qtbot, "Explain GDPR in health data law")
    press(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "Design a data protection impact assessment")
    press(qtbot, Qt.Key.Key_Return)
    assert window.session.value("credential.learning_outcomes") == [
        "Explain GDPR in health data law",
        "Design a data protection impact assessment",
    ]
    # Enter on the empty outcome that followed ends the list, leaving no blank row.
    open_editor(field)
    press(qtbot, Qt.Key.Key_Return)
    assert field.list.count() == 2
    assert field.list.state() != field.list.State.EditingState


def test_typing_on_a_selected_outcome_starts_a_new_one_after_it(qtbot: QtBot, window: MainWindow) -> None:
    field = outcomes(window)
    window.session.set_value("credential.learning_outcomes", ["Explain GDPR", "Audit a register"])
    field.list.setFocus()
    field.list.setCurrentRow(0)
    type_keys(qtbot, "Plan")
    open_editor(field)
    press(qtbot, Qt.Key.Key_Return)
    assert window.session.value("credential.learning_outcomes") == ["Explain GDPR", "Plan", "Audit a register"]


def test_quit_then_discard_quits(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    window.new_action.trigger()
    title = window.editor.slots["credential.title"].field.widget
    title.setFocus()
    qtbot.keyClicks(title, "Never saved")
    assert window.session.dirty
    dialogs.unsaved_answers = [UnsavedChoice.DISCARD]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(title, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert [kind for kind, _title, _text in dialogs.shown] == ["unsaved"]
    assert read_draft() is None


def test_quit_then_cancel_keeps_the_window_and_asks_again(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.new_action.trigger()
    window.session.set_value("credential.title", "Never saved")
    dialogs.unsaved_answers = [UnsavedChoice.CANCEL, UnsavedChoice.CANCEL]
    window.quit_action.trigger()
    window.quit_action.trigger()
    assert window.isVisible()
    assert [kind for kind, _title, _text in dialogs.shown] == ["unsaved", "unsaved"]


@pytest.fixture
def first_start(database: str) -> None:
    save_settings(Settings(database_url=database))


@pytest.mark.usefixtures("first_start")
def test_the_offices_country_is_asked_once_kept_and_used_for_imports(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs
) -> None:
    dialogs.country_answers = ["HR"]
    window = open_window(qtbot, settings, dialogs)
    try:
        assert load_settings().assessing_country == "HR"
        window.new_action.trigger()
        assert window.session.value("assessing_country") == "HR"
        window.cases.import_credential(BADGE)  # a badge issued in Germany
        qtbot.waitUntil(lambda: any(kind == "import report" for kind, _title, _text in dialogs.shown))
        assert window.session.value("credential.issuer_country") == "DE"
        assert window.session.value("assessing_country") == "HR"
    finally:
        shut(window)
    again = ScriptedDialogs()
    reopened = open_window(qtbot, settings, again)
    shut(reopened)
    assert [kind for kind, _title, _text in again.shown] == []
    assert dialogs.unexpected == again.unexpected == []


def test_the_country_question_is_answered_by_typing_the_countrys_name(qtbot: QtBot) -> None:
    dialog = OfficeCountryDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.use_button.isEnabled(), "nothing is chosen for the office"
    dialog.country.setFocus()
    qtbot.keyClicks(dialog.country, "Croatia")
    assert dialog.chosen() == "HR"
    assert dialog.use_button.isEnabled()
    dialog.use_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
