"""The live findings and the recommendation beside the editor."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from recogniser.i18n import shown
from recogniser.isolation import isolate_decision
from recogniser.model import Finding, RuleSet, Status
from recogniser.ui.coverage_matrix import CoverageMatrixPanel
from recogniser.ui.document import field_of
from recogniser.ui.findings_model import FINDING_ROLE, FindingsModel
from recogniser.ui.look import SECONDARY_TEXT_COLOUR, STATUS_COLOURS, in_reading_order, status_icon
from recogniser.ui.recommendation_panel import RecommendationPanel
from recogniser.ui.recommendation_panel import rich_text as _escape
from recogniser.ui.session import Assessment
from recogniser.vocabulary import status_label

if TYPE_CHECKING:
    from recogniser.store import StoredDecision


class FindingDelegate(QStyledItemDelegate):
    """A finding as its status icon, the message wrapped in full, and its legal basis in small grey below:
    a finding is a sentence and must be readable without hovering."""

    PADDING = 5
    ICON = 18

    def __init__(self, view: FindingsView) -> None:
        super().__init__(view)
        self._view = view

    def _text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        depth = 2 if index.parent().isValid() else 1
        width = self._view.viewport().width() - self._view.indentation() * depth
        return max(width - 2 * self.PADDING - self.ICON - 8, 60)

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        finding = index.data(FINDING_ROLE)
        if not isinstance(finding, Finding):
            hint = super().sizeHint(option, index)
            return QSize(hint.width(), max(hint.height(), self.ICON + 2 * self.PADDING))
        width = self._text_width(index)
        message = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100_000), _WRAP, shown(finding.message))
        citation = QFontMetrics(self._small(option.font)).boundingRect(
            QRect(0, 0, width, 100_000), _WRAP, shown(finding.citation)
        )
        return QSize(width, message.height() + citation.height() + 2 * self.PADDING + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        finding = index.data(FINDING_ROLE)
        if not isinstance(finding, Finding):
            super().paint(painter, option, index)
            return
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        background.icon = QIcon()
        style = background.widget.style() if background.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, background.widget)
        area = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        status_icon(finding.status).paint(painter, QRect(area.left(), area.top() + 1, self.ICON, self.ICON))
        text_area = area.adjusted(self.ICON + 8, 0, 0, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(option.font)
        painter.setPen(
            option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        message = in_reading_order(shown(finding.message))
        drawn = painter.boundingRect(text_area, _WRAP, message)
        painter.drawText(text_area, _WRAP, message)
        painter.setFont(self._small(option.font))
        painter.setPen(
            option.palette.color(QPalette.ColorRole.HighlightedText) if selected else QColor(SECONDARY_TEXT_COLOUR)
        )
        painter.drawText(text_area.adjusted(0, drawn.height() + 2, 0, 0), _WRAP, shown(finding.citation))
        painter.restore()


_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


class FindingsView(QTreeView):
    """The findings tree. Rule sets with something to look at open, the rest stay folded (until the evaluator
    says otherwise); the chosen finding stays chosen while the findings are re-assessed."""

    def __init__(self, model: FindingsModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setColumnHidden(FindingsModel.CITATION, True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(FindingDelegate(self))
        self.setIconSize(QSize(18, 18))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._folded: dict[RuleSet, bool] = {}
        self._current_rule: str | None = None
        self._arranging = False
        self.expanded.connect(lambda index: self._remember_fold(index, False))
        self.collapsed.connect(lambda index: self._remember_fold(index, True))
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._arrange)

    def _group_rule_set(self, row: int) -> RuleSet | None:
        first = self.model().index(0, 0, self.model().index(row, 0))
        finding = first.data(FINDING_ROLE)
        return finding.rule_set if isinstance(finding, Finding) else None

    def _remember_fold(self, index: QModelIndex, folded: bool) -> None:
        if not self._arranging and not index.parent().isValid():
            rule_set = self._group_rule_set(index.row())
            if rule_set is not None:
                self._folded[rule_set] = folded

    def _remember_current(self) -> None:
        finding = self.currentIndex().data(FINDING_ROLE)
        self._current_rule = finding.rule_id if isinstance(finding, Finding) else None

    def _arrange(self) -> None:
        model = self.model()
        self._arranging = True
        try:
            for row in range(model.rowCount()):
                group = model.index(row, 0)
                findings = [model.index(child, 0, group).data(FINDING_ROLE) for child in range(model.rowCount(group))]
                rule_set = findings[0].rule_set if findings else None
                open_points = any(f.status in (Status.FAIL, Status.WARNING, Status.UNKNOWN) for f in findings)
                folded = self._folded.get(rule_set, not open_points) if rule_set is not None else False
                self.setExpanded(group, not folded)
                for child, finding in enumerate(findings):
                    if finding.rule_id == self._current_rule:
                        self.setCurrentIndex(model.index(child, 0, group))
        finally:
            self._arranging = False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # Wrapped rows change height with the width.
        self.doItemsLayout()


class FindingsPanel(QWidget):
    """Findings grouped by rule set; choosing one asks the editor to show the field it is about."""

    field_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        # In a narrow pane the counts wrap under the heading rather than being cut off.
        self.summary.setWordWrap(True)
        self.tree = FindingsView(self.model)
        self.tree.setAccessibleName(self.tr("Findings"))
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)
        self.details = QLabel()
        self.details.setObjectName("findingDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.linkActivated.connect(self.field_requested)
        self.details.setAccessibleName(self.tr("Selected finding"))
        self.details.setMinimumHeight(70)
        self.details.setMargin(6)
        # A long finding scrolls inside its box instead of pushing the list of findings down to a few rows.
        self.details_box = QScrollArea()
        self.details_box.setWidgetResizable(True)
        self.details_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_box.setWidget(self.details)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details_box)
        self.show_assessment(Assessment())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_details()

    def _fit_details(self) -> None:
        """The details take the height of their text, but never more than a third of the panel."""
        frame = 2 * self.details_box.frameWidth()
        wanted = self.details.heightForWidth(self.details_box.viewport().width()) + frame
        self.details_box.setFixedHeight(max(self.details.minimumHeight() + frame, min(wanted, self.height() // 3)))

    def show_assessment(self, assessment: Assessment) -> None:
        findings = assessment.decision.findings if assessment.decision else ()
        self.model.set_findings(findings, assessment.decision.stack if assessment.decision else None)
        if assessment.decision is None:
            self.summary.setText(self.tr("<b>Findings</b>"))
        else:
            counts = [
                f"<span style='color:{STATUS_COLOURS[status]}'>"
                + self.tr("{count} {status}").format(
                    count=self.model.count(status), status=html.escape(status_label(status).lower())
                )
                + "</span>"
                for status in (Status.FAIL, Status.WARNING, Status.UNKNOWN, Status.PASS)
            ]
            summary = self.tr("<b>Findings</b> &nbsp; {counts}").format(counts=" · ".join(counts))
            if assessment.problems:
                note = (
                    self.tr("as before the fields marked in red were changed")
                    if assessment.stale
                    else self.tr("of the credential alone, until the target is given")
                )
                summary += f"<br><span style='color:{SECONDARY_TEXT_COLOUR}'>{html.escape(note)}</span>"
            self.summary.setText(summary)
        self._show_details(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_details(current.data(FINDING_ROLE) if current.isValid() else None)

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding) and finding.field:
            self.field_requested.emit(finding_field(finding))

    def _show_details(self, finding: Finding | None) -> None:
        if not isinstance(finding, Finding):
            self.details.setText(
                self.tr(
                    "<span style='color:{colour}'>Select a finding to read it in full; double-click or press "
                    "Enter to go to its field.</span>"
                ).format(colour=SECONDARY_TEXT_COLOUR)
            )
            self._fit_details()
            return
        text = (
            f"<b style='color:{STATUS_COLOURS[finding.status]}'>{html.escape(status_label(finding.status))}</b>"
            f" — {_escape(shown(finding.message))}<br><i>{_escape(shown(finding.citation))}</i>"
            f" <span style='color:{SECONDARY_TEXT_COLOUR}'>({html.escape(finding.rule_id)})</span>"
        )
        if finding.field:
            link = self.tr("Go to the field")
            text += f"<br><a href='{html.escape(finding_field(finding))}'>{html.escape(link)}</a>"
        self.details.setText(text)
        self._fit_details()


def finding_field(finding: Finding) -> str:
    """The form field a finding is about; in a stack, in the credential it is about (``credentials.2.title``)."""
    path = field_of(finding.field or "")
    if finding.credential is not None and (path == "credential" or path.startswith("credential.")):
        return f"credentials.{finding.credential}{path[len('credential') :]}"
    return path


class ResultsPane(QSplitter):
    """The recommendation above, the findings behind it below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.recommendation = RecommendationPanel()
        self.findings = FindingsPanel()
        #: For a stack of credentials: the coverage matrix above the findings (hidden for one credential).
        self.matrix = CoverageMatrixPanel()
        self.below = QSplitter(Qt.Orientation.Vertical)
        self.below.addWidget(self.matrix)
        self.below.addWidget(self.findings)
        self.below.setChildrenCollapsible(False)
        self.addWidget(self.recommendation)
        self.addWidget(self.below)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setSizes([330, 520])
        self.setChildrenCollapsible(False)
        # Narrower than this, the findings' sentences wrap every few words.
        self.setMinimumWidth(240)

    def show_assessment(self, assessment: Assessment) -> None:
        if assessment.decision is not None and assessment.case is not None:
            # Right-to-left values quoted in the tool's sentences are isolated for display (recogniser.isolation).
            assessment = replace(assessment, decision=isolate_decision(assessment.decision, assessment.case))
        self.findings.show_assessment(assessment)
        self.recommendation.show_assessment(assessment)
        shown_before = self.matrix.isVisibleTo(self)
        self.matrix.show_stack(assessment.decision.stack if assessment.decision is not None else None)
        if self.matrix.isVisibleTo(self) and not shown_before:
            # The matrix takes two fifths of the room below the recommendation, the findings the rest.
            room = sum(self.below.sizes())
            self.below.setSizes([room * 2 // 5, room - room * 2 // 5])

    def show_history(self, decisions: Sequence[StoredDecision]) -> None:
        self.recommendation.show_history(decisions)
