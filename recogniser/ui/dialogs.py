"""Every question and message the window puts to the evaluator, behind one object tests replace."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from recogniser.model import Case, Recommendation
from recogniser.precedents import Precedent
from recogniser.settings import Settings
from recogniser.ui.decision_dialog import DecisionDialog, DecisionEntry
from recogniser.ui.save_conflict import ConflictBox, ConflictChoice, SaveConflict
from recogniser.ui.settings import AppSettings
from recogniser.ui.settings_dialog import SettingsDialog
from recogniser.ui.translations import translate as _tr

if TYPE_CHECKING:
    from recogniser.interchange import ImportResult


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Dialogs:
    """Modal questions and messages. Each returns what the evaluator chose; None means they cancelled."""

    #: Where the file choosers remember the folder last used (none: they start in the working folder).
    folders: AppSettings | None = None

    def _start_folder(self) -> str:
        return self.folders.last_folder() if self.folders is not None else ""

    def _used(self, path: str) -> str:
        """``path`` as chosen; its folder is where the next chooser starts."""
        if path and self.folders is not None:
            self.folders.remember_folder(str(Path(path).parent))
        return path

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
        accept = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def unsaved_changes(self, parent: QWidget | None, case_name: str) -> UnsavedChoice:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Unsaved changes"),
            _tr("“{case}” has changes that are not saved. Save them first?").format(case=case_name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return UnsavedChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    def save_conflict(self, parent: QWidget | None, conflict: SaveConflict) -> ConflictChoice:
        """How to go on when someone else saved the case first; closing the question keeps editing."""
        box = ConflictBox(conflict, parent)
        box.exec()
        return box.choice()

    def open_path(self, parent: QWidget | None, caption: str, filters: str) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(parent, caption, self._start_folder(), filters)
        return self._used(path) or None

    def ask_text(self, parent: QWidget | None, title: str, label: str, default: str) -> str | None:
        text, accepted = QInputDialog.getText(parent, title, label, text=default)
        return text.strip() or None if accepted else None

    def open_paths(self, parent: QWidget | None, caption: str, filters: str) -> list[str]:
        paths, _filter = QFileDialog.getOpenFileNames(parent, caption, self._start_folder(), filters)
        if paths:
            self._used(paths[0])
        return list(paths)

    def save_path(self, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str | None:
        folder = self._start_folder()
        start = str(Path(folder) / suggested) if folder else suggested
        path, _filter = QFileDialog.getSaveFileName(parent, caption, start, filters)
        return self._used(path) or None

    def record_decision(
        self,
        parent: QWidget | None,
        case: Case,
        recommendation: Recommendation,
        evaluator: str,
        precedents: Sequence[Precedent] = (),
    ) -> DecisionEntry | None:
        dialog = DecisionDialog(case, recommendation, evaluator, parent, precedents)
        return dialog.entry() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def edit_settings(self, parent: QWidget | None, settings: Settings, source: Path) -> Settings | None:
        """Show the settings dialog; the settings as saved to ``source``, or None when cancelled."""
        dialog = SettingsDialog(settings, source, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None

    def office_country(self, parent: QWidget | None) -> str | None:
        """Which country the office assesses for (asked on first start); None when the evaluator leaves it."""
        from recogniser.ui.office_country import OfficeCountryDialog

        dialog = OfficeCountryDialog(parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def import_report(self, parent: QWidget | None, result: ImportResult, source: Path) -> None:
        from recogniser.ui.import_report import ImportReportDialog  # the credential readers load on first import

        ImportReportDialog(result, source, parent).exec()

    def crash(self, parent: QWidget | None, summary: str, log_path: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, _tr("Recogniser hit an internal error"), "", parent=parent)
        box.setText(
            _tr(
                "Something went wrong inside Recogniser: {summary}\n\nYour open case is kept as a draft and is "
                "offered back the next time the app starts. The details are in the log:\n{log}"
            ).format(summary=summary, log=log_path)
        )
        box.exec()
