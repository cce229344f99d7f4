"""The coverage matrix of a stack as a picture: each target outcome (row) against each credential (column).

A cell gives the score of the credential's best-matching outcome, coloured as a finding of the same weight:
green where it covers the target outcome, amber where it comes close or matches at a lower cognitive level
(shown, not counted), red where it does not; ``*`` marks the credential counted for the outcome. Choosing a cell
shows the two outcomes side by side below the table.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recogniser.model import Coverage, Stack, Status
from recogniser.ui.look import STATUS_COLOURS
from recogniser.vocabulary import label

#: A cell's colour: that of a finding of the same weight, light enough to read the score on.
_LOOKS = {Coverage.COVERED: Status.PASS, Coverage.PARTLY: Status.WARNING, Coverage.NOT_COVERED: Status.FAIL}


class CoverageMatrixPanel(QWidget):
    """Shown for a stack whose target states learning outcomes; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack: Stack | None = None
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Coverage matrix"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(self._cell_chosen)
        self.details = QLabel(self.tr("Choose a cell to see the outcomes it compares."))
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAccessibleName(self.tr("Outcomes compared in the chosen cell"))
        self.details.setMargin(6)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Long outcomes scroll inside the box instead of pushing the findings down.
        self.details_box = QScrollArea()
        self.details_box.setWidgetResizable(True)
        self.details_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_box.setWidget(self.details)
        self.details_box.setFixedHeight(self.details.fontMetrics().lineSpacing() * 5 + 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details_box)
        self.setVisible(False)

    def show_stack(self, stack: Stack | None) -> None:
        self.stack = stack if stack is not None and stack.targets else None
        self.setVisible(self.stack is not None)
        if self.stack is None:
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        shown = self.stack
        covered = sum(1 for by in shown.counted_by if by is not None)
        self.heading.setText(
            self.tr("<b>Coverage matrix</b> · {covered} of {total} target outcomes covered · * counted").format(
                covered=covered, total=len(shown.targets)
            )
        )
        self.table.setRowCount(len(shown.targets))
        self.table.setColumnCount(len(shown.credentials))
        self.table.setHorizontalHeaderLabels([f"C{c.index + 1} ({label(c.role)})" for c in shown.credentials])
        self.table.setVerticalHeaderLabels([str(row + 1) for row in range(len(shown.targets))])
        for row, target in enumerate(shown.targets):
            self.table.verticalHeaderItem(row).setToolTip(target)
            for column, cell in enumerate(shown.cells[row]):
                counted = shown.counted_by[row] == column
                item = QTableWidgetItem(f"{cell.score:.0f}{' *' if counted else ''}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                colour = QColor(STATUS_COLOURS[_LOOKS[cell.coverage]])
                colour.setAlpha(70)
                item.setBackground(QBrush(colour))
                item.setToolTip(self._describe(row, column))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self._describe(row, column, rich=False))
                self.table.setItem(row, column, item)
        # Every row in view up to eight; more scroll.
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(row) for row in range(min(len(shown.targets), 8)))
        frame = 2 * self.table.frameWidth() + self.table.horizontalScrollBar().sizeHint().height()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + rows + frame)

    def _cell_chosen(self, row: int, column: int, *_: int) -> None:
        if self.stack is None or row < 0 or column < 0:
            return
        self.details.setText(self._describe(row, column))

    def _describe(self, row: int, column: int, *, rich: bool = True) -> str:
        """The target outcome, the credential's best-matching outcome, the score and the mark."""
        assert self.stack is not None
        stack = self.stack
        cell = stack.cells[row][column]
        credential = stack.credentials[column]
        by = stack.counted_by[row]
        counted = (
            self.tr("counted for this credential")
            if by == column
            else self.tr("counted for credential {number}").format(number=by + 1)
            if by is not None
            else self.tr("not covered by any counted credential")
        )
        best = cell.credential_outcome or self.tr("(no outcome to compare)")
        parts = (
            self.tr("Target outcome {number}: {text}").format(number=row + 1, text=stack.targets[row]),
            self.tr("{credential}, best match: {text}").format(credential=credential.label, text=best),
            self.tr("Score {score:.0f}: {mark}; the target outcome is {counted}.").format(
                score=cell.score, mark=label(cell.coverage), counted=counted
            ),
        )
        if not rich:
            return " ".join(parts)
        return "<br>".join(html.escape(part) for part in parts)
