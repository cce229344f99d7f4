"""One app, isolated user folders and settings, a scripted stand-in for every dialog, and the window on a fresh
database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from recogniser.interchange import ImportResult
from recogniser.interchange.report import format_import
from recogniser.rules import assess
from recogniser.settings import Settings, save_settings
from recogniser.ui.app import install_collector
from recogniser.ui.dialogs import Dialogs, UnsavedChoice
from recogniser.ui.main_window import MainWindow
from recogniser.ui.save_conflict import ConflictChoice, SaveConflict
from recogniser.ui.settings import AppSettings
from recogniser.ui.translations import SOURCE_LANGUAGE, window_language

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass
class ScriptedDialogs(Dialogs):
    """Answers what a test scripted and records every message, so a test can see what the evaluator saw.

    A question nobody scripted is answered the safe way (cancel, discard, no) and recorded as unexpected: an
    exception raised inside a Qt event handler would not reach the test.
    """

    unsaved_answers: list[UnsavedChoice] = field(default_factory=list)
    confirm_answers: list[bool] = field(default_factory=list)
    paths: list[str | None] = field(default_factory=list)
    path_lists: list[list[str]] = field(default_factory=list)
    text_answers: list[str | None] = field(default_factory=list)
    conflict_answers: list[ConflictChoice] = field(default_factory=list)
    conflicts: list[SaveConflict] = field(default_factory=list)
    country_answers: list[str | None] = field(default_factory=list)
    shown: list[tuple[str, str, str]] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    def _answer(self, answers: list[Any], kind: str, default: Any) -> Any:
        if answers:
            return answers.pop(0)
        self.unexpected.append(kind)
        return default

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("information", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        self.shown.append(("confirm", title, text))
        return bool(self._answer(self.confirm_answers, "confirm", False))

    def unsaved_changes(self, parent: QWidget | None, case_name: str) -> UnsavedChoice:
        self.shown.append(("unsaved", case_name, ""))
        choice: UnsavedChoice = self._answer(self.unsaved_answers, "unsaved", UnsavedChoice.DISCARD)
        return choice

    def save_conflict(self, parent: QWidget | None, conflict: SaveConflict) -> ConflictChoice:
        self.shown.append(("conflict", conflict.reference, ", ".join(conflict.differences)))
        self.conflicts.append(conflict)
        choice: ConflictChoice = self._answer(self.conflict_answers, "save conflict", ConflictChoice.KEEP_EDITING)
        return choice

    def open_path(self, parent: QWidget | None, caption: str, filters: str) -> str | None:
        path: str | None = self._answer(self.paths, "open path", None)
        return path

    def ask_text(self, parent: QWidget | None, title: str, label: str, default: str) -> str | None:
        self.shown.append(("ask", title, label))
        text: str | None = self._answer(self.text_answers, "ask text", None)
        return text

    def open_paths(self, parent: QWidget | None, caption: str, filters: str) -> list[str]:
        paths: list[str] = self._answer(self.path_lists, "open paths", [])
        return paths

    def save_path(self, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str | None:
        path: str | None = self._answer(self.paths, "save path", None)
        return path

    def edit_settings(self, parent: QWidget | None, settings: Settings, source: Path) -> Settings | None:
        self.shown.append(("settings", str(source), ""))
        return None

    def office_country(self, parent: QWidget | None) -> str | None:
        self.shown.append(("office country", "", ""))
        country: str | None = self._answer(self.country_answers, "office country", None)
        return country

    def import_report(self, parent: QWidget | None, result: ImportResult, source: Path) -> None:
        self.shown.append(("import report", "Credential imported", format_import(result, source)))

    def crash(self, parent: QWidget | None, summary: str, log_path: str) -> None:
        self.shown.append(("crash", summary, log_path))

    def errors(self) -> list[str]:
        return [text for kind, _title, text in self.shown if kind == "error"]


@pytest.fixture(scope="session", autouse=True)
def collector(qapp: QApplication) -> None:
    """Garbage is collected on the UI thread, as in the app (recogniser.ui.collector)."""
    install_collector(qapp)


@pytest.fixture(scope="session", autouse=True)
def window_in_english(qapp: QApplication) -> None:
    """The window's English catalogue (its plural forms: "1 case", "2 cases"), as the app installs it."""
    assert window_language.install(SOURCE_LANGUAGE)


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Drafts, logs and the default database go to a fresh folder per test, never the real user's."""
    home = tmp_path / "user-data"
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(home))
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path / "user-config"))
    monkeypatch.delenv("RECOGNISER_DATABASE_URL", raising=False)
    return home


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


def example(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((EXAMPLES / name).read_text("utf-8"))
    return loaded


@pytest.fixture
def maritime() -> Iterator[dict[str, Any]]:
    yield example("maritime-credit-transfer.json")


def open_window(qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs) -> MainWindow:
    window = MainWindow(assess, settings, dialogs)
    window.show()
    qtbot.waitExposed(window)
    window.start()
    qtbot.waitUntil(lambda: window.office.store is not None or window.office.store_problem is not None)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    return window


def shut(window: MainWindow) -> None:
    """Close without questions and free the window (tests close their own windows: a question asked while
    pytest-qt tears widgets down would have no scripted answer)."""
    window.session.mark_saved()
    window.close()
    window.deleteLater()


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cases.db'}"


@pytest.fixture
def window(qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, database: str) -> Iterator[MainWindow]:
    save_settings(Settings(database_url=database, assessing_country="HR"))
    opened = open_window(qtbot, settings, dialogs)
    yield opened
    shut(opened)
    assert dialogs.unexpected == []
