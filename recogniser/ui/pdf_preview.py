"""The report as it will print, shown before it is saved."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from recogniser.ui.look import SECONDARY_TEXT_COLOUR


class PdfPreview(QDialog):
    """Shows PDF bytes; *Save PDF…* emits ``save_requested`` with them (the window asks where and writes)."""

    save_requested = Signal(bytes)

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf = pdf
        # The document reads from the buffer for as long as it is shown, so both live as long as the dialog.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView()
        self.view.setAccessibleName(self.tr("Report preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        pages.setStyleSheet(f"color: {SECONDARY_TEXT_COLOUR};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("Save PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save the report as PDF"))
        self.save_button.setDefault(True)
        buttons.accepted.connect(lambda: self.save_requested.emit(self.pdf))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(pages)
        layout.addWidget(buttons)
        self.resize(820, 960)
