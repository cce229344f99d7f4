"""The facilitator's side of a seminar: the groups' responses compared, as a chart, a table and each case's
justifications, and saved as a PDF (the comparison itself is :func:`recogniser.seminar.compare`)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recogniser.i18n import number, shown
from recogniser.joining import in_list
from recogniser.seminar import (
    CHART_COLOURS,
    OUTCOME_ORDER,
    CaseComparison,
    Comparison,
    Pack,
    compare,
    read_responses,
)
from recogniser.seminar.pdf import write_comparison_pdf
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.look import SECONDARY_TEXT_COLOUR
from recogniser.ui.tasks import TaskRunner
from recogniser.ui.translations import labelled, tr_noop
from recogniser.ui.translations import translate as _tr
from recogniser.vocabulary import outcome_label, purpose_label

RESPONSE_FILTER = tr_noop("Seminar responses (*.json)")
PDF_FILTER = tr_noop("PDF (*.pdf)")


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


class ComparisonTableModel(QAbstractTableModel):
    """One row per case: the tool's outcome, the groups' distribution, agreement among groups and with the tool."""

    CASE, TOOL, GROUPS, AGREEMENT, WITH_TOOL = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cases: tuple[CaseComparison, ...] = ()

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._cases = comparison.cases if comparison else ()
        self.endResetModel()

    def case_at(self, row: int) -> CaseComparison:
        return self._cases[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Case"),
            self.tr("Tool"),
            self.tr("Groups"),
            self.tr("Agreement"),
            self.tr("With the tool"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self._cases[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CASE:
                return case.case_id
            if column == self.TOOL:
                return outcome_label(case.tool_outcome)
            if column == self.GROUPS:
                return ", ".join(f"{outcome_label(o)} {n}" for o, n in case.counts.items() if n)
            if column == self.AGREEMENT:
                return _percent(case.agreement)
            return _percent(case.tool_agreement)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CASE:
            return case.title
        if role == Qt.ItemDataRole.ToolTipRole and column == self.GROUPS:
            return "\n".join(labelled(outcome_label(o), str(n)) for o, n in case.counts.items() if n)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.AGREEMENT, self.WITH_TOOL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OutcomeChart(QWidget):
    """Per case, a bar split by how many groups chose each outcome; the tool's outcome is named beside it."""

    ROW_HEIGHT = 24
    LEGEND_HEIGHT = 44

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.setAccessibleName(self.tr("Outcomes chosen per case"))
        self.setMinimumHeight(self.LEGEND_HEIGHT + self.ROW_HEIGHT)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = len(self.comparison.cases) if self.comparison else 1
        return QSize(720, rows * self.ROW_HEIGHT + self.LEGEND_HEIGHT + 28)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        comparison = self.comparison
        if comparison is None or not comparison.groups:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Add the groups' responses"))
            return
        metrics = QFontMetrics(self.font())
        label_width = min(
            max(metrics.horizontalAdvance(case.case_id) for case in comparison.cases) + 12, self.width() // 3
        )
        tool_width = max(metrics.horizontalAdvance(outcome_label(o)) for o in OUTCOME_ORDER) + 16
        left = label_width
        bar_width = max(self.width() - label_width - tool_width, 40)
        groups = len(comparison.groups)
        top = 20
        painter.setPen(self.palette().text().color())
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            QRectF(left + bar_width + 8, 0, tool_width, top), Qt.AlignmentFlag.AlignVCenter, self.tr("Tool")
        )
        painter.setFont(self.font())
        for row, case in enumerate(comparison.cases):
            y = top + row * self.ROW_HEIGHT
            label = metrics.elidedText(case.case_id, Qt.TextElideMode.ElideRight, label_width - 12)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 8, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x = float(left)
            for outcome, count in case.counts.items():
                if not count:
                    continue
                width = bar_width * count / groups
                segment = QRectF(x, y + 3, width, self.ROW_HEIGHT - 6)
                painter.fillRect(segment, QColor(CHART_COLOURS[outcome]))
                painter.setPen(QPen(QColor("white"), 1))
                painter.drawRect(segment)
                painter.setPen(QColor("black"))
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, str(count))
                x += width
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                QRectF(left + bar_width + 8, y, tool_width, self.ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter,
                outcome_label(case.tool_outcome),
            )
        self._paint_legend(painter, top + len(comparison.cases) * self.ROW_HEIGHT + 10, metrics)

    def _paint_legend(self, painter: QPainter, y: int, metrics: QFontMetrics) -> None:
        column_width = max(self.width() // 3, 1)
        for index, outcome in enumerate(OUTCOME_ORDER):
            x = (index % 3) * column_width
            row_y = y + (index // 3) * (metrics.height() + 6)
            painter.fillRect(QRectF(x, row_y + 2, 12, 12), QColor(CHART_COLOURS[outcome]))
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(x + 18, row_y, column_width - 20, metrics.height() + 4),
                Qt.AlignmentFlag.AlignVCenter,
                outcome_label(outcome),
            )


class ComparePane(QWidget):
    """The facilitator's side: the groups' responses, the chart, the table and each case's justifications."""

    #: A file was written (its path).
    saved = Signal(str)

    def __init__(self, pack: Pack, dialogs: Dialogs, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.dialogs = dialogs
        self.tasks = tasks
        self.response_paths: list[str] = []
        self.comparison: Comparison | None = None

        self.add_button = QPushButton(self.tr("Add responses…"))
        self.add_button.clicked.connect(self.add_responses_dialog)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(lambda: self.set_responses([]))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf_dialog)
        self.summary = QLabel()
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.chart = OutcomeChart()
        self.model = ComparisonTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(ComparisonTableModel.GROUPS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_case(current.row()))
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("The groups' verdicts on the chosen case"))
        self.notes = QTextBrowser()
        self.notes.setAccessibleName(self.tr("Facilitator notes on the chosen case"))
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.details, self.tr("Verdicts"))
        self.detail_tabs.addTab(self.notes, self.tr("Facilitator notes"))

        buttons = QHBoxLayout()
        for button in (self.add_button, self.clear_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        overview_layout.addWidget(self.summary)
        chart_area = QScrollArea()
        chart_area.setWidgetResizable(True)
        chart_area.setWidget(self.chart)
        overview_layout.addWidget(chart_area, 2)
        overview_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(overview)
        splitter.addWidget(self.detail_tabs)
        splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._show(None)

    def add_responses_dialog(self) -> None:
        paths = self.dialogs.open_paths(self, self.tr("Add the groups' responses"), _tr(RESPONSE_FILTER))
        if paths:
            self.set_responses([*self.response_paths, *(p for p in paths if p not in self.response_paths)])

    def set_responses(self, paths: Sequence[str]) -> None:
        """Compare these response files (off the UI thread: each is read and checked)."""
        self.response_paths = list(paths)
        if not paths:
            self._show(None)
            return
        pack = self.pack
        self.tasks.run(self.tr("Comparing the responses"), lambda: compare(pack, read_responses(paths)), self._show)

    def _show(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.chart.set_comparison(comparison)
        self.model.set_comparison(comparison)
        self.pdf_button.setEnabled(bool(comparison and comparison.groups))
        self.clear_button.setEnabled(bool(self.response_paths))
        self.summary.setText(self._summary_html(comparison))
        self.details.clear()
        if comparison and comparison.cases:
            self.table.selectRow(0)

    def _summary_html(self, comparison: Comparison | None) -> str:
        if comparison is None:
            return self.tr("<p>Add each group's response file to compare the verdicts.</p>")
        parts = [
            "<p>"
            + html.escape(
                self.tr("Groups compared ({count}): {groups}").format(
                    count=len(comparison.groups), groups=", ".join(comparison.groups) or "–"
                )
            )
            + "<br>"
            + html.escape(
                self.tr("Mean agreement {agreement}; verdicts matching the tool {tool}.").format(
                    agreement=_percent(comparison.mean_agreement), tool=_percent(comparison.tool_agreement)
                )
            )
            + "<br>"
            + html.escape(comparison.kappa.explanation)
            + "</p>"
        ]
        if comparison.rejected:
            items = "".join(
                f"<li><b>{html.escape(Path(r.source).name)}</b>: {html.escape(shown(in_list(r.reasons)))}</li>"
                for r in comparison.rejected
            )
            left_out = self.tr("Left out:")
            parts.append(f"<p style='color:#c62828'>{html.escape(left_out)}</p><ul>{items}</ul>")
        if comparison.warnings:
            items = "".join(f"<li>{html.escape(w)}</li>" for w in comparison.warnings)
            parts.append(f"<ul style='color:{SECONDARY_TEXT_COLOUR}'>{items}</ul>")
        return "".join(parts)

    def _show_case(self, row: int) -> None:
        if row < 0 or self.comparison is None:
            self.details.clear()
            self.notes.clear()
            return
        case = self.model.case_at(row)
        self.notes.setMarkdown(case.notes or self.tr("*This pack has no notes for this case.*"))
        tool = case.tool.recommendation
        ects = (
            self.tr(", {ects} ECTS").format(ects=number(tool.credits_shown)) if tool.credits_shown is not None else ""
        )
        rows = []
        for verdict in case.verdicts:
            differs = verdict.outcome is not case.tool_outcome
            given = self.tr(", {ects} ECTS").format(ects=number(verdict.ects)) if verdict.ects is not None else ""
            style = " style='background:#FFF3D6'" if differs else ""
            rows.append(
                f"<tr{style}><td><b>{html.escape(verdict.group)}</b></td>"
                f"<td>{html.escape(outcome_label(verdict.outcome) + given)}</td>"
                f"<td>{html.escape(verdict.justification) or '–'}</td></tr>"
            )
        findings = ""
        if case.divergent:
            items = "".join(
                f"<li>{html.escape(shown(f.message))} "
                f"<i style='color:{SECONDARY_TEXT_COLOUR}'>({html.escape(shown(f.citation))})</i></li>"
                for f in case.tool_findings
            )
            found = self.tr("The tool found, to discuss:")
            findings = f"<p><b>{html.escape(found)}</b></p><ul>{items}</ul>"
        tool_heading = self.tr("Tool:")
        self.details.setHtml(
            f"<h3>{labelled(html.escape(case.case_id), html.escape(case.title))}</h3>"
            f"<p>{html.escape(purpose_label(case.purpose))}<br>"
            f"<b>{html.escape(tool_heading)}</b> {html.escape(outcome_label(tool.outcome) + ects)}</p>"
            "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>" + findings
        )

    def save_pdf_dialog(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        path = self.dialogs.save_path(
            self, self.tr("Save the comparison as PDF"), f"{self.pack.pack_id}-comparison.pdf", _tr(PDF_FILTER)
        )
        if not path:
            return
        self.tasks.run(
            self.tr("Writing the comparison PDF"),
            lambda: write_comparison_pdf(path, comparison),
            lambda _nothing: self.saved.emit(path),
        )
