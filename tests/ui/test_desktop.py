"""The window behaves like a desktop app: a Help menu, file choosers that remember their folder, icons that
render, levels chosen by number, outcomes set apart, a focused field in view, a database tried before use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from recogniser import __version__
from recogniser.agency_file import default_agencies
from recogniser.rules.rulebook import DEFAULT_RULEBOOK
from recogniser.settings import Settings, load_settings
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.help import USER_GUIDE
from recogniser.ui.level_field import LevelField
from recogniser.ui.main_window import MainWindow
from recogniser.ui.outcomes_field import OutcomesField
from recogniser.ui.settings import AppSettings
from recogniser.ui.settings_dialog import SettingsDialog

from .conftest import ScriptedDialogs


def test_help_about_names_the_versions_the_reference_data_and_the_licences(qtbot: QtBot, window: MainWindow) -> None:
    assert [action.text() for action in window.help_menu.actions() if action.text()] == [
        "User &guide",
        "&Keyboard shortcuts",
        "&About Recogniser",
    ]
    window.about_action.trigger()
    about = window.help_window
    assert about is not None and about.isVisible()
    text = about.text.toPlainText()
    agencies = default_agencies()
    for expected in (
        __version__,
        DEFAULT_RULEBOOK.version,
        agencies.as_of.isoformat(),
        agencies.source[:40],
        "EUPL-1.2",
        "SIL Open Font License",
        "ISO 3166-1",
        # The same tables as recogniser data status, with their dates and where they are read from.
        "National framework levels and their EQF levels",
        "not checked against the referencing report",
        "National-framework vocabulary (European Learning Model)",
        "as of 2023-03-31",
        "EQAR register of quality assurance agencies",
        "Shipped with Recogniser, ",
    ):
        assert expected in text
    about.close()


def test_help_lists_the_keyboard_shortcuts_from_the_windows_own_actions(window: MainWindow) -> None:
    window.shortcuts_action.trigger()
    text = window.help_window.text.toPlainText()
    for keys, does in (
        ("Ctrl+Q", "Quit"),
        ("Ctrl+S", "Save"),
        ("Ctrl+D", "Record decision"),
        ("Ctrl+,", "Settings"),
        ("F1", "User guide"),
        ("Shift+Enter", ""),
    ):
        assert keys in text and does in text
    window.help_window.close()


def test_the_user_guide_ships_with_the_app_and_opens_offline(window: MainWindow) -> None:
    assert USER_GUIDE.is_file()
    assert USER_GUIDE.resolve().is_relative_to(Path(__import__("recogniser").__file__).resolve().parent)
    window.guide_action.trigger()
    guide = window.help_window
    text = guide.text.toPlainText()
    assert text.startswith("Recogniser user guide")
    assert "Learning outcomes" in text
    guide.close()


def test_file_choosers_start_in_the_folder_last_used(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started_in: list[str] = []
    folder = tmp_path / "credentials"
    folder.mkdir()

    def chooser(_parent: Any, _caption: str, start: str, _filters: str) -> tuple[str, str]:
        started_in.append(start)
        return str(folder / "badge.json"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", chooser)
    dialogs = Dialogs()
    dialogs.folders = settings
    dialogs.open_path(None, "Import a credential", "*.json")
    dialogs.open_path(None, "Open a case file", "*.json")
    dialogs.save_path(None, "Save the report", "HR-2026-1.pdf", "*.pdf")
    assert started_in == ["", str(folder), str(folder / "HR-2026-1.pdf")]
    assert AppSettings(settings._store).last_folder() == str(folder)


def has_ink(widget: QWidget) -> bool:
    image = widget.grab().toImage()
    background = image.pixelColor(1, 1)
    return any(image.pixelColor(x, y) != background for x in range(image.width()) for y in range(image.height()))


def test_the_outcome_buttons_show_icons_that_render(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    field = window.editor.slots["credential.learning_outcomes"].field
    assert isinstance(field, OutcomesField)
    for button in (field.add_button, field.remove_button, field.up_button, field.down_button, field.paste_button):
        assert not button.icon().isNull()
        pixmap = button.icon().pixmap(16, 16)
        image = pixmap.toImage()
        inked = sum(image.pixelColor(x, y).alpha() > 0 for x in range(16) for y in range(16))
        assert inked > 8, f"{button.accessibleName()} draws nothing"
        assert "⎘" not in button.text()
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly


def test_typing_a_levels_number_chooses_it(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    target = window.editor.slots["target.eqf_level"].field.widget
    assert isinstance(target, QComboBox)
    target.setFocus()
    qtbot.keyClick(target, "6")
    assert window.session.value("target.eqf_level") == 6
    level = window.editor.slots["credential.level"].field
    assert isinstance(level, LevelField)
    level.eqf.setFocus()
    qtbot.keyClick(level.eqf, "5")
    assert window.session.value("credential.level.eqf_level") == 5


def test_wrapped_outcomes_are_set_apart_by_a_line(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    field = window.editor.slots["credential.learning_outcomes"].field
    assert isinstance(field, OutcomesField)
    long = "Apply the data protection principles of the GDPR to the processing of health data in a hospital " * 2
    window.session.set_value("credential.learning_outcomes", [long, long])
    field.list.setAlternatingRowColors(False)  # the line alone must set them apart
    first = field.list.visualRect(field.list.model().index(0, 0))
    assert first.height() > 2 * field.list.fontMetrics().height(), "the outcome wraps"
    image = field.list.viewport().grab().toImage()
    mid = field.list.palette().color(QPalette.ColorRole.Mid)
    y = first.bottom()
    on_line = {image.pixelColor(x, y).name() for x in range(first.left() + 8, first.right() - 8)}
    assert on_line == {QColor(mid).name()}, f"{on_line} at {y} in {first}"


def test_a_field_reached_with_tab_near_the_edge_scrolls_wholly_into_view(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    editor = window.editor
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0)
    editor.verticalScrollBar().setValue(0)
    last = editor.slots["credential.language"].field.widget
    previous = editor.slots["credential.further_information"].field.widget
    previous.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(previous, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is last
    top = last.mapTo(editor.viewport(), last.rect().topLeft()).y()
    assert top >= 0 and top + last.height() <= editor.viewport().height()


def test_settings_try_a_database_before_saving_it_and_say_why_it_cannot_be_used(qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "settings.toml"
    dialog = SettingsDialog(Settings(), source)
    qtbot.addWidget(dialog)
    dialog.edits["database_url"].setText("postgresql://recogniser@127.0.0.1:1/recogniser")  # nothing listens there
    dialog.accept()
    qtbot.waitUntil(lambda: "no database server answers at 127.0.0.1:1" in dialog.problem.text(), timeout=15_000)
    assert dialog.saved is None
    assert not source.exists()
    assert dialog.save_button.isEnabled()

    reachable = f"sqlite:///{tmp_path / 'office.db'}"
    dialog.edits["database_url"].setText(reachable)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved is not None)
    assert load_settings(source).database_url == reachable


def test_a_database_that_cannot_be_used_offers_settings(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    from recogniser.settings import save_settings

    from .conftest import open_window, shut

    save_settings(Settings(database_url=f"sqlite:///{tmp_path / 'gone' / 'cases.db'}", assessing_country="HR"))
    window = open_window(qtbot, settings, dialogs)
    try:
        assert window.case_list.problem.isVisible()
        assert "the folder" in window.case_list.problem.text()
        window.case_list.settings_button.click()
        assert [kind for kind, _source, _text in dialogs.shown] == ["settings"]
    finally:
        shut(window)
