"""The seminar window: a breakout group records its verdicts on a pack, the facilitator compares the groups.

Everything comes from files (the pack, the groups' responses); the window only shows and collects. The work is
done by the Qt-free :mod:`recogniser.seminar`: the tool's verdict on each case, the response file, the
comparison and its PDF.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recogniser.errors import UserInputError
from recogniser.model import Case, Decision, Outcome
from recogniser.rules import assess
from recogniser.seminar import (
    CHART_COLOURS,
    OUTCOME_ORDER,
    CaseComparison,
    Comparison,
    Pack,
    Verdict,
    build_response,
    compare,
    load_verdicts,
    read_responses,
    write_response,
    write_verdicts,
)
from recogniser.seminar.pdf import write_comparison_pdf
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.fields import keep_values_from_the_wheel
from recogniser.ui.findings_panel import RecommendationPanel
from recogniser.ui.look import (
    SECONDARY_TEXT_COLOUR,
    assessment_type_label,
    outcome_label,
    participation_label,
    provider_kind_label,
    purpose_label,
    qa_decision_label,
)
from recogniser.ui.screen import open_at
from recogniser.ui.session import Assessment
from recogniser.ui.tasks import TaskRunner

RESPONSE_FILTER = "Seminar responses (*.json)"
VERDICTS_FILTER = "Group verdicts (*.json)"
PDF_FILTER = "PDF (*.pdf)"
#: The ECTS box shows this text at its minimum, meaning "no credits given" (admission, employment).
NO_CREDITS = "—"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


# --- the facilitator's comparison ---


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
            return "\n".join(f"{outcome_label(o)}: {n}" for o, n in case.counts.items() if n)
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
        paths = self.dialogs.open_paths(self, self.tr("Add the groups' responses"), RESPONSE_FILTER)
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
                f"<li><b>{html.escape(Path(r.source).name)}</b>: {html.escape('; '.join(r.reasons))}</li>"
                for r in comparison.rejected
            )
            parts.append(f"<p style='color:#c62828'>{html.escape(self.tr('Left out:'))}</p><ul>{items}</ul>")
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
        ects = self.tr(", {ects:g} ECTS").format(ects=tool.credits_shown) if tool.credits_shown is not None else ""
        rows = []
        for verdict in case.verdicts:
            differs = verdict.outcome is not case.tool_outcome
            given = self.tr(", {ects:g} ECTS").format(ects=verdict.ects) if verdict.ects is not None else ""
            style = " style='background:#FFF3D6'" if differs else ""
            rows.append(
                f"<tr{style}><td><b>{html.escape(verdict.group)}</b></td>"
                f"<td>{html.escape(outcome_label(verdict.outcome) + given)}</td>"
                f"<td>{html.escape(verdict.justification) or '–'}</td></tr>"
            )
        findings = ""
        if case.divergent:
            items = "".join(
                f"<li>{html.escape(f.message)} "
                f"<i style='color:{SECONDARY_TEXT_COLOUR}'>({html.escape(f.citation)})</i></li>"
                for f in case.tool_findings
            )
            findings = f"<p><b>{html.escape(self.tr('The tool found, to discuss:'))}</b></p><ul>{items}</ul>"
        self.details.setHtml(
            f"<h3>{html.escape(case.case_id)}: {html.escape(case.title)}</h3>"
            f"<p>{html.escape(purpose_label(case.purpose))}<br>"
            f"<b>{html.escape(self.tr('Tool:'))}</b> {html.escape(outcome_label(tool.outcome) + ects)}</p>"
            "<table cellspacing='0' cellpadding='4' width='100%'>" + "".join(rows) + "</table>" + findings
        )

    def save_pdf_dialog(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        path = self.dialogs.save_path(
            self, self.tr("Save the comparison as PDF"), f"{self.pack.pack_id}-comparison.pdf", PDF_FILTER
        )
        if not path:
            return
        self.tasks.run(
            self.tr("Writing the comparison PDF"),
            lambda: write_comparison_pdf(path, comparison),
            lambda _nothing: self.saved.emit(path),
        )


# --- a group's verdicts ---


def case_html(case: Case) -> str:
    """The case as a group reads it: what is sought, then the credential's Annex I elements as given."""
    credential = case.credential
    target = case.target
    learner = credential.learner
    body = credential.awarding_body
    level = credential.level
    workload = credential.workload
    assessment = credential.assessment
    qa = credential.quality_assurance
    rows: list[tuple[str, str | None]] = [
        (_tr("Title"), credential.title),
        (_tr("Learner"), learner.name if learner else None),
        (
            _tr("Awarding body"),
            None if body is None else _joined(body.name, body.kind and provider_kind_label(body.kind), body.country),
        ),
        (_tr("Issuer country"), credential.issuer_country),
        (_tr("Issued"), None if credential.issue_date is None else credential.issue_date.isoformat()),
        (
            _tr("Level"),
            None
            if level is None
            else _joined(
                level.framework and f"{level.framework} {level.nqf_level or ''}".strip(),
                level.eqf_level is not None and f"EQF {level.eqf_level}",
            ),
        ),
        (
            _tr("Workload"),
            None
            if workload is None
            else _joined(
                workload.ects is not None and f"{workload.ects:g} ECTS",
                workload.hours is not None and f"{workload.hours:g} h",
            ),
        ),
        (
            _tr("Assessment"),
            None
            if assessment is None
            else _joined(
                assessment.type and assessment_type_label(assessment.type),
                _yes_no(_tr("supervised"), assessment.supervised),
                _yes_no(_tr("identity verified"), assessment.identity_verified),
            ),
        ),
        (_tr("Participation"), credential.participation and participation_label(credential.participation)),
        (
            _tr("Quality assurance"),
            None
            if qa is None
            else _joined(
                _yes_no(_tr("internal QA"), qa.internal),
                qa.external_agency,
                qa.decision and qa_decision_label(qa.decision),
                None if qa.valid_until is None else _tr("valid until {date}").format(date=qa.valid_until.isoformat()),
            ),
        ),
        (_tr("Prerequisites"), credential.prerequisites),
        (_tr("Grade"), credential.grade),
        (_tr("Stackability"), credential.stackability),
        (_tr("Further information"), credential.further_information),
    ]
    parts = [
        "<p>"
        + html.escape(
            _tr("{purpose}, assessed in {country}").format(
                purpose=purpose_label(case.purpose), country=case.assessing_country
            )
        )
        + "</p>"
    ]
    if case.applicant.refugee:
        parts.append(f"<p>{html.escape(_tr('The applicant is a refugee.'))}</p>")
    if case.applicant.documents_missing:
        parts.append(f"<p>{html.escape(_tr('The applicant’s documents are missing.'))}</p>")
    if target is not None:
        sought = [
            (_tr("Programme or component"), target.title),
            (_tr("Institution"), target.institution),
            (_tr("EQF level"), None if target.eqf_level is None else str(target.eqf_level)),
            (_tr("ECTS sought"), None if target.ects is None else f"{target.ects:g}"),
        ]
        parts.append(_definition_table(_tr("Sought"), sought))
        if target.learning_outcomes:
            parts.append(_outcome_list(_tr("Learning outcomes of the target"), target.learning_outcomes))
    parts.append(_definition_table(_tr("The micro-credential"), rows))
    if credential.learning_outcomes:
        parts.append(_outcome_list(_tr("Learning outcomes"), credential.learning_outcomes))
    return "".join(parts)


def _joined(*parts: str | bool | None) -> str | None:
    """The parts that are given, joined; None when none is (falsy parts stand for absent values)."""
    given = [part for part in parts if isinstance(part, str) and part]
    return ", ".join(given) or None


def _tr(text: str) -> str:
    return QCoreApplication.translate("SeminarWindow", text)


def _yes_no(what: str, value: bool | None) -> str | None:
    if value is None:
        return None
    return what if value else _tr("not {what}").format(what=what)


def _definition_table(title: str, rows: Sequence[tuple[str, str | None]]) -> str:
    cells = "".join(
        f"<tr><td style='color:{SECONDARY_TEXT_COLOUR}; padding-right:12px'>{html.escape(label)}</td>"
        f"<td>{html.escape(value) if value else '<i>' + html.escape(_tr('not given')) + '</i>'}</td></tr>"
        for label, value in rows
    )
    return f"<h4>{html.escape(title)}</h4><table cellspacing='0' cellpadding='2'>{cells}</table>"


def _outcome_list(title: str, outcomes: Sequence[str]) -> str:
    items = "".join(f"<li>{html.escape(outcome)}</li>" for outcome in outcomes)
    return f"<h4>{html.escape(title)}</h4><ul>{items}</ul>"


class GroupPane(QWidget):
    """A breakout group's side: each case with the tool's verdict, the group's own verdict, and the export.

    The case comes first and the tool's recommendation on a tab of its own, so a group can form its view
    before it looks.
    """

    #: The group wants the case in the main window's editor (the case document).
    case_requested = Signal(dict)

    def __init__(self, pack: Pack, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.dialogs = dialogs
        self.verdicts: dict[str, Verdict] = {}
        #: Verdicts changed since they were last saved, exported or opened.
        self.unsaved = False
        self._decisions: dict[str, Decision] = {}
        self._loading = False

        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText(self.tr("e.g. Group A"))
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Cases of the pack"))
        for pack_case in pack.cases:
            item = QListWidgetItem(pack_case.id)
            item.setToolTip(pack_case.title)
            self.cases.addItem(item)
        self.cases.currentRowChanged.connect(self._show_case)
        self.case_title = QLabel()
        self.case_title.setObjectName("seminarCaseTitle")
        self.case_title.setWordWrap(True)
        self.case_view = QTextBrowser()
        self.case_view.setAccessibleName(self.tr("The case"))
        self.recommendation = RecommendationPanel()
        self.recommendation.decide_button.hide()
        self.case_tabs = QTabWidget()
        self.case_tabs.addTab(self.case_view, self.tr("Case"))
        self.case_tabs.addTab(self.recommendation, self.tr("The tool's recommendation"))
        self.editor_button = QPushButton(self.tr("Open in the case editor"))
        self.editor_button.setToolTip(self.tr("See every finding of the tool on this case in the main window"))
        self.editor_button.clicked.connect(self._request_case)

        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Not decided yet"), None)
        for outcome in OUTCOME_ORDER:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.ects = QDoubleSpinBox()
        self.ects.setRange(-0.5, 1000)
        self.ects.setSingleStep(0.5)
        self.ects.setDecimals(1)
        self.ects.setSpecialValueText(NO_CREDITS)
        self.ects.setToolTip(self.tr("Credits the group recognises; “—” where none are sought"))
        self.justification = QPlainTextEdit()
        self.justification.setPlaceholderText(self.tr("Why the group decided so: articles, differences, evidence"))
        for signal in (self.outcome.currentIndexChanged, self.ects.valueChanged, self.justification.textChanged):
            signal.connect(self._verdict_edited)

        self.open_button = QPushButton(self.tr("Open work…"))
        self.open_button.clicked.connect(self.open_work_dialog)
        self.save_button = QPushButton(self.tr("Save work…"))
        self.save_button.clicked.connect(self.save_work_dialog)
        self.export_button = QPushButton(self.tr("Export response…"))
        self.export_button.clicked.connect(self.export_response_dialog)

        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("ECTS"), self.ects)
        form.addRow(self.tr("Justification"), self.justification)
        verdict_box = QWidget()
        verdict_layout = QVBoxLayout(verdict_box)
        verdict_layout.addWidget(QLabel(self.tr("<b>The group's verdict</b>")))
        verdict_layout.addLayout(form)
        case_box = QWidget()
        case_layout = QVBoxLayout(case_box)
        case_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.case_title, 1)
        heading.addWidget(self.editor_button, 0, Qt.AlignmentFlag.AlignTop)
        case_layout.addLayout(heading)
        case_layout.addWidget(self.case_tabs, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(case_box)
        right.addWidget(verdict_box)
        right.setSizes([520, 260])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.cases)
        splitter.addWidget(right)
        splitter.setSizes([280, 800])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Group")))
        top.addWidget(self.group_edit, 1)
        for button in (self.open_button, self.save_button, self.export_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.cases.setCurrentRow(0)

    def decision(self, case_id: str) -> Decision:
        """The tool's decision on a case of the pack (a few milliseconds: computed when first shown)."""
        if case_id not in self._decisions:
            self._decisions[case_id] = assess(self.pack.case(case_id).case)
        return self._decisions[case_id]

    def current_case_id(self) -> str | None:
        row = self.cases.currentRow()
        return self.pack.cases[row].id if row >= 0 else None

    def chosen_outcome(self) -> Outcome | None:
        value = self.outcome.currentData()
        return Outcome(value) if value else None

    def _show_case(self, row: int) -> None:
        if row < 0:
            return
        pack_case = self.pack.cases[row]
        self.case_title.setText(f"<b>{html.escape(pack_case.id)}</b>: {html.escape(pack_case.title)}")
        self.case_view.setHtml(case_html(pack_case.case))
        decision = self.decision(pack_case.id)
        self.recommendation.show_assessment(Assessment(case=pack_case.case, decision=decision))
        verdict = self.verdicts.get(pack_case.id)
        self._loading = True
        try:
            self.outcome.setCurrentIndex(self.outcome.findData(verdict.outcome.value) if verdict else 0)
            ects = verdict.ects if verdict else None
            self.ects.setValue(self.ects.minimum() if ects is None else ects)
            self.justification.setPlainText(verdict.justification if verdict else "")
        finally:
            self._loading = False

    def _request_case(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.case_requested.emit(dict(self.pack.case(case_id).case.document))

    def _verdict_edited(self) -> None:
        case_id = self.current_case_id()
        if self._loading or case_id is None:
            return
        outcome = self.chosen_outcome()
        if outcome is None:
            self.verdicts.pop(case_id, None)
        else:
            ects = None if self.ects.value() == self.ects.minimum() else self.ects.value()
            self.verdicts[case_id] = Verdict(outcome, ects, self.justification.toPlainText().strip())
        self.unsaved = True
        self._mark(case_id)

    def _mark(self, case_id: str) -> None:
        row = self.pack.case_ids.index(case_id)
        item = self.cases.item(row)
        verdict = self.verdicts.get(case_id)
        item.setText(case_id if verdict is None else f"{case_id}  ✓")
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, outcome_label(verdict.outcome) if verdict else "")

    def set_verdicts(self, group: str | None, verdicts: dict[str, Verdict]) -> None:
        self.verdicts = {case_id: v for case_id, v in verdicts.items() if case_id in self.pack.case_ids}
        if group:
            self.group_edit.setText(group)
        for case_id in self.pack.case_ids:
            self._mark(case_id)
        self._show_case(self.cases.currentRow())

    def open_work_dialog(self) -> None:
        path = self.dialogs.open_path(self, self.tr("Open the group's saved verdicts"), VERDICTS_FILTER)
        if not path:
            return
        try:
            group, verdicts = load_verdicts(path)
        except UserInputError as error:
            self.dialogs.error(self, self.tr("Cannot open the verdicts"), "\n".join(error.lines()))
            return
        self.set_verdicts(group, verdicts)
        self.unsaved = False

    def save_work_dialog(self) -> None:
        path = self.dialogs.save_path(self, self.tr("Save the group's verdicts"), "verdicts.json", VERDICTS_FILTER)
        if not path:
            return
        try:
            write_verdicts(path, self.pack, self.group_edit.text().strip() or None, self.verdicts)
        except OSError as error:
            self.dialogs.error(self, self.tr("Cannot save the verdicts"), f"{path}: {error.strerror or error}")
            return
        self.unsaved = False

    def export_response_dialog(self) -> None:
        group = self.group_edit.text().strip()
        try:
            # Checked before asking where to save: the group learns what is missing first.
            response = build_response(self.pack, group, self.verdicts)
        except UserInputError as error:
            self.dialogs.error(self, self.tr("The response is not complete"), "\n".join(error.lines()))
            return
        suggested = f"{''.join(c if c.isalnum() else '-' for c in group).strip('-') or 'group'}-response.json"
        path = self.dialogs.save_path(self, self.tr("Export the group's response"), suggested, RESPONSE_FILTER)
        if not path:
            return
        try:
            write_response(path, response)
        except OSError as error:
            self.dialogs.error(self, self.tr("Cannot write the response"), f"{path}: {error.strerror or error}")
            return
        self.unsaved = False


class SeminarWindow(QMainWindow):
    """One pack: the group's work on one tab, the comparison of the groups on the other."""

    def __init__(self, pack: Pack, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.dialogs = dialogs
        self.tasks = TaskRunner(self)
        self.tasks.failed.connect(
            lambda title, error: dialogs.error(
                self, title, "\n".join(error.lines()) if isinstance(error, UserInputError) else str(error)
            )
        )
        self.group = GroupPane(pack, dialogs)
        self.comparison = ComparePane(pack, dialogs, self.tasks)
        self.comparison.saved.connect(
            lambda path: self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.group, self.tr("Group verdicts"))
        self.tabs.addTab(self.comparison, self.tr("Compare groups"))
        self.setCentralWidget(self.tabs)
        self.setWindowTitle(self.tr("{title} — Seminar — Recogniser").format(title=pack.title))
        self.statusBar().showMessage(
            self.tr("Pack {id}, version {version}: {count} cases").format(
                id=pack.pack_id, version=pack.version, count=len(pack.cases)
            )
        )
        keep_values_from_the_wheel(self)
        open_at(self, QSize(1280, 820))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.group.unsaved and not self.dialogs.confirm(
            self,
            self.tr("Unsaved verdicts"),
            self.tr("The group's verdicts have changed since they were last saved or exported. Close anyway?"),
            self.tr("Close without saving"),
        ):
            event.ignore()
            return
        # A comparison or PDF still being written finishes first; its result has nowhere else to go.
        self.tasks.wait()
        super().closeEvent(event)
