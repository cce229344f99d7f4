"""The live findings and the recommendation beside the editor."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from recogniser.casefile import Problem
from recogniser.isolation import isolate_decision
from recogniser.model import Decision, Finding, Outcome, RuleSet, Status
from recogniser.ui.coverage_matrix import CoverageMatrixPanel
from recogniser.ui.document import field_of
from recogniser.ui.findings_model import FINDING_ROLE, FindingsModel
from recogniser.ui.look import (
    ERROR_COLOUR,
    OUTCOME_COLOURS,
    SECONDARY_TEXT_COLOUR,
    STATUS_COLOURS,
    in_reading_order,
    local_time,
    outcome_label,
    status_icon,
    status_label,
)
from recogniser.ui.session import Assessment
from recogniser.ui.translations import labelled

if TYPE_CHECKING:
    from recogniser.store import StoredDecision


def _escape(text: str) -> str:
    """Text from the case or the rules, safe in rich text and laid out in the interface's direction."""
    return in_reading_order(html.escape(text).replace("\n", "<br>"))


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
        message = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100_000), _WRAP, finding.message)
        citation = QFontMetrics(self._small(option.font)).boundingRect(
            QRect(0, 0, width, 100_000), _WRAP, finding.citation
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
        message = in_reading_order(finding.message)
        drawn = painter.boundingRect(text_area, _WRAP, message)
        painter.drawText(text_area, _WRAP, message)
        painter.setFont(self._small(option.font))
        painter.setPen(
            option.palette.color(QPalette.ColorRole.HighlightedText) if selected else QColor(SECONDARY_TEXT_COLOUR)
        )
        painter.drawText(text_area.adjusted(0, drawn.height() + 2, 0, 0), _WRAP, finding.citation)
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
            self.field_requested.emit(field_of(finding.field))

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
            f" — {_escape(finding.message)}<br><i>{_escape(finding.citation)}</i>"
            f" <span style='color:{SECONDARY_TEXT_COLOUR}'>({html.escape(finding.rule_id)})</span>"
        )
        if finding.field:
            link = self.tr("Go to the field")
            text += f"<br><a href='{html.escape(field_of(finding.field))}'>{html.escape(link)}</a>"
        self.details.setText(text)
        self._fit_details()


class RecommendationPanel(QScrollArea):
    """The recommended outcome and everything that stands behind it."""

    decision_requested = Signal()
    #: The path of a field a listed problem is about, when the evaluator follows its link.
    field_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: How a problem reads in the list; the window names the field as the form labels it.
        self.describe_problem: Callable[[Problem], str] = str
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.text = QLabel()
        self.text.setObjectName("recommendation")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.text.linkActivated.connect(self.field_requested)
        self.text.setAccessibleName(self.tr("Recommendation"))
        self.decide_button = QPushButton(self.tr("Record decision…"))
        self.decide_button.setAccessibleName(self.tr("Record the final decision"))
        self.decide_button.clicked.connect(self.decision_requested)
        # Whether the case was decided, and the button to decide it, come first: the recommendation and the
        # recorded decisions below it run longer than the pane.
        self.decided = QLabel()
        self.decided.setObjectName("decided")
        self.decided.setWordWrap(True)
        self.decided.setTextFormat(Qt.TextFormat.RichText)
        self.decided.setAccessibleName(self.tr("Latest recorded decision"))
        self.decided.hide()
        self.history = QLabel()
        self.history.setObjectName("decisionHistory")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setAccessibleName(self.tr("Recorded decisions"))
        self.history.hide()
        self.decided.linkActivated.connect(lambda _link: self.ensureWidgetVisible(self.history))
        layout = QVBoxLayout(body)
        layout.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.decided)
        layout.addWidget(self.text)
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_assessment(Assessment())

    def show_assessment(self, assessment: Assessment) -> None:
        self.decide_button.setEnabled(assessment.complete)
        if assessment.decision is not None and assessment.problems and assessment.stale:
            self.text.setText(
                self.tr("<h3>Not reassessed yet</h3><p>Fix the fields marked in red to update the recommendation:</p>")
                + self._problem_list(assessment.problems)
                + f"<p style='color:{SECONDARY_TEXT_COLOUR}'>"
                + html.escape(self.tr("As assessed before the change:"))
                + f"</p><div style='color:{SECONDARY_TEXT_COLOUR}'>{self._decision_html(assessment.decision)}</div>"
            )
        elif assessment.decision is not None and assessment.problems:
            self.text.setText(
                f"<div style='font-size:15pt; font-weight:600; color:{OUTCOME_COLOURS[Outcome.INFORMATION_REQUIRED]}'>"
                f"{html.escape(outcome_label(Outcome.INFORMATION_REQUIRED))}</div><p>"
                + html.escape(self.tr("The recommendation needs the target programme. Fill in:"))
                + "</p>"
                + self._problem_list(assessment.problems)
                + f"<p style='color:{SECONDARY_TEXT_COLOUR}'>"
                + html.escape(self.tr("Meanwhile the findings below judge the credential on its own."))
                + "</p>"
            )
        elif assessment.decision is not None:
            self.text.setText(self._decision_html(assessment.decision))
        elif assessment.problems:
            self.text.setText(
                self.tr("<h3>Not assessed yet</h3><p>Fix the fields marked in red to see the recommendation:</p>")
                + self._problem_list(assessment.problems)
            )
        elif assessment.failure is not None:
            self.text.setText(
                self.tr(
                    "<h3>The assessment could not run</h3><p>{failure}</p><p>The case can still be saved.</p>"
                ).format(failure=html.escape(assessment.failure))
            )
        else:
            self.text.setText(
                self.tr("<p style='color:{colour}'>The recommendation appears here as you type.</p>").format(
                    colour=SECONDARY_TEXT_COLOUR
                )
            )

    def _problem_list(self, problems: Sequence[Problem]) -> str:
        """The problems in red, each a link to its field."""
        items = "".join(
            f"<li><a style='color:{ERROR_COLOUR}' href='{html.escape(field_of(p.field))}'>"
            f"{html.escape(self.describe_problem(p))}</a></li>"
            for p in problems
        )
        return f"<ul style='color:{ERROR_COLOUR}'>{items}</ul>"

    def _outcome_with_credits(self, record: StoredDecision) -> str:
        """The recorded outcome and, where credits are sought, the credits that go with it."""
        if record.ects_recognised is None:
            return outcome_label(record.outcome)
        return self.tr("{outcome}, {ects} ECTS").format(
            outcome=outcome_label(record.outcome), ects=f"{record.ects_recognised:g}"
        )

    def show_history(self, decisions: Sequence[StoredDecision]) -> None:
        """The decisions recorded for the stored case, newest first; the latest also on top of the pane."""
        self.decided.setVisible(bool(decisions))
        if decisions:
            latest = decisions[-1]
            self.decided.setText(
                self.tr("<b>Decided:</b> <b style='color:{colour}'>{outcome}</b> by {who} on {when} — {link}").format(
                    colour=OUTCOME_COLOURS[latest.outcome],
                    outcome=html.escape(self._outcome_with_credits(latest)),
                    who=html.escape(latest.decided_by),
                    when=html.escape(local_time(latest.recorded_at)),
                    link="<a href='history'>" + html.escape(self.tr("see below")) + "</a>",
                )
            )
        rows = []
        for record in reversed(decisions):
            when = local_time(record.recorded_at)
            outcome = self._outcome_with_credits(record)
            line = (
                f"<b style='color:{OUTCOME_COLOURS[record.outcome]}'>{html.escape(outcome)}</b> — "
                f"{html.escape(record.decided_by)}, {when}"
            )
            if record.final_outcome is not None and record.final_outcome is not record.recommended_outcome:
                line += (
                    f"<br><span style='color:{SECONDARY_TEXT_COLOUR}'>"
                    + html.escape(
                        self.tr("recommended: {outcome}").format(outcome=outcome_label(record.recommended_outcome))
                    )
                    + "</span>"
                )
            if record.justification:
                line += f"<br><i>{_escape(record.justification)}</i>"
            rows.append(f"<li>{line}</li>")
        self.history.setText(
            "<p><b>" + html.escape(self.tr("Recorded decisions")) + "</b></p><ul>" + "".join(rows) + "</ul>"
        )
        self.history.setVisible(bool(rows))

    def _decision_html(self, decision: Decision) -> str:
        recommendation = decision.recommendation
        colour = OUTCOME_COLOURS[recommendation.outcome]
        heading = self.tr("Recommended by the rules")
        parts = [
            f"<div style='color:{SECONDARY_TEXT_COLOUR}'>{html.escape(heading)}</div>"
            f"<div style='font-size:15pt; font-weight:600; color:{colour}'>"
            f"{html.escape(outcome_label(recommendation.outcome))}</div>"
        ]
        if recommendation.credits_shown is not None:
            label = (
                self.tr("ECTS recognised in another form")
                if recommendation.outcome is Outcome.ALTERNATIVE_RECOGNITION
                else self.tr("ECTS recognised")
            )
            parts.append(f"<p>{labelled(f'<b>{html.escape(label)}</b>', f'{recommendation.credits_shown:g}')}</p>")
        if recommendation.summary:
            parts.append(f"<p>{_escape(recommendation.summary)}</p>")
        sections = (
            (
                self.tr("Substantial differences"),
                [
                    f"{_escape(d.description)} <i style='color:{SECONDARY_TEXT_COLOUR}'>({_escape(d.citation)})</i>"
                    for d in recommendation.substantial_differences
                ],
            ),
            (self.tr("Conditions"), [_escape(c) for c in recommendation.conditions]),
            (self.tr("Information required"), [_escape(i) for i in recommendation.information_lines]),
        )
        for title, items in sections:
            if items:
                parts.append(f"<p><b>{html.escape(title)}</b></p><ul>" + "".join(f"<li>{i}</li>" for i in items))
                parts.append("</ul>")
        if recommendation.appeal:
            parts.append(self.tr("<p><b>Appeal:</b> {appeal}</p>").format(appeal=_escape(recommendation.appeal)))
        return "".join(parts)


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
