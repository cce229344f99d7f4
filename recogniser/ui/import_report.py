"""What an import did, shown as the command line prints it: the signature, then each Annex I element with its
value and where it came from, so the evaluator knows what to check before saving the case."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recogniser.i18n import translate
from recogniser.interchange import ElementStatus, ImportResult
from recogniser.interchange.report import (
    ANNEX_I_HEADING,
    ElementRow,
    element_rows,
    format_assessing_country,
    format_heading,
    format_import,
)
from recogniser.model import Purpose
from recogniser.ui.authenticity import authenticity_html
from recogniser.vocabulary import purpose_words

#: Row colours by what the evaluator must do: check a guess, supply a mandatory element.
_GUESSED = QColor("#fff4d6")
_MISSING = QColor("#fde2e1")


def _breakable(text: str) -> str:
    """``text`` with a zero-width space after each dot, so a long JSON path wraps in its cell instead of being
    cut off (the tooltip and the copied report keep the text as it is)."""
    return text.replace(".", ".\u200b")


class ImportReportDialog(QDialog):
    def __init__(self, result: ImportResult, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Credential imported"))
        self.report_text = format_import(result, source)

        heading = QLabel(format_heading(result, source))
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        signature = QLabel(
            authenticity_html(result.authenticity, result.authenticity_reason)
            + "<br>"
            + escape(format_assessing_country(result))
        )
        signature.setWordWrap(True)
        signature.setTextFormat(Qt.TextFormat.RichText)
        signature.setAccessibleName(self.tr("Authenticity"))

        rows = element_rows(result)
        self.table = QTableWidget(len(rows), 4)
        self.table.setAccessibleName(self.tr("Annex I elements"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Element"), self.tr("Status"), self.tr("Value"), self.tr("Origin")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for index, row in enumerate(rows):
            cells = (f"{row.number}. {row.name}", self._status_words(row), row.value, row.origin)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(_breakable(text) if column >= 2 else text)
                item.setToolTip(text)
                colour = self._colour(row)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                self.table.setItem(index, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(signature)
        layout.addWidget(QLabel(translate(ANNEX_I_HEADING)))
        layout.addWidget(self.table, 1)
        if result.warnings:
            layout.addWidget(QLabel(self.tr("Warnings:")))
            warnings = QListWidget()
            warnings.setAccessibleName(self.tr("Import warnings"))
            warnings.setWordWrap(True)
            warnings.setSpacing(3)
            warnings.addItems(list(result.warnings))
            warnings.setMaximumHeight(110)
            layout.addWidget(warnings)
        next_step = QLabel(
            self.tr(
                "The case is open unsaved, for {purpose}. Check what was guessed, supply what is missing, set the "
                "purpose and the target, then save."
            ).format(purpose=_purpose_words(result.document.get("purpose")))
        )
        next_step.setWordWrap(True)
        layout.addWidget(next_step)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setToolTip(self.tr("Copy the report as text, as the command line prints it"))
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 680)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.table.resizeRowsToContents()  # the stretched columns have their widths only now

    def _status_words(self, row: ElementRow) -> str:
        if row.report.status is ElementStatus.MAPPED:
            return self.tr("mapped")
        if row.report.status is ElementStatus.GUESSED:
            return self.tr("GUESSED")
        return self.tr("MISSING (mandatory)") if row.mandatory else self.tr("missing")

    @staticmethod
    def _colour(row: ElementRow) -> QColor | None:
        if row.report.status is ElementStatus.GUESSED:
            return _GUESSED
        if row.report.status is ElementStatus.MISSING and row.mandatory:
            return _MISSING
        return None

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text)


def _purpose_words(code: object) -> str:
    """The purpose an imported case is open for, in the reader's words (the code itself if it is none we know)."""
    return purpose_words(Purpose(code)) if isinstance(code, str) and code in set(Purpose) else str(code or "")
