"""The office's earlier decisions beside the open case: similar cases, equivalent ones first, and whether the
recommendation departs from them (the rule is ``recogniser.precedents``; this panel only shows it)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recogniser.i18n import number, written_date
from recogniser.model import Outcome
from recogniser.precedents import Divergence, Precedent, divergence
from recogniser.ui.look import ERROR_COLOUR, OUTCOME_COLOURS, SECONDARY_TEXT_COLOUR
from recogniser.ui.translations import labelled
from recogniser.ui.translations import translate as _tr
from recogniser.vocabulary import agreement_words, outcome_label

_REFERENCE_ROLE = Qt.ItemDataRole.UserRole
#: Qt's "no maximum" for a widget's size (QWIDGETSIZE_MAX, which PySide6 does not export).
_NO_MAXIMUM = 16777215


def outcome_with_credits(outcome: Outcome, ects: float | None) -> str:
    text = outcome_label(outcome)
    return text if ects is None else f"{text}, {number(ects)} ECTS"


def divergence_html(departs: Divergence, what: str) -> str:
    """A sentence naming the equivalent earlier decisions (same credential, target and purpose) that ``what``
    (the recommendation, this decision) departs from, with their outcomes, credits and dates."""
    earlier = "; ".join(
        labelled(html.escape(p.reference), html.escape(outcome_with_credits(p.outcome, p.ects)))
        + f" ({p.decided_at.date().isoformat()})"
        for p in departs.departs_from
    )
    return _tr(
        "<span style='color:{colour}'><b>{what} departs from precedent</b></span> on the same credential, target "
        "and purpose — {earlier}"
    ).format(colour=ERROR_COLOUR, what=html.escape(what), earlier=earlier)


class PrecedentsPanel(QWidget):
    """The list of earlier decided cases and the details of the one chosen; ``open_requested`` asks the window
    to open a case by its reference."""

    open_requested = Signal(str)
    #: The list has earlier decisions again after having none: the panel wants its room back.
    filled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.precedents: list[Precedent] = []
        #: Whether the next list is for the case the last one was for, so that the earlier case chosen stays chosen.
        self._same_case = True
        self.heading = QLabel()
        self.heading.setObjectName("precedentsHeading")
        self.heading.setWordWrap(True)
        self.divergence = QLabel()
        self.divergence.setObjectName("precedentsDivergence")
        self.divergence.setWordWrap(True)
        self.divergence.setTextFormat(Qt.TextFormat.RichText)
        self.divergence.setAccessibleName(self.tr("Departure from precedent"))
        self.divergence.hide()
        self.tree = QTreeWidget()
        self.tree.setObjectName("precedents")
        self.tree.setAccessibleName(self.tr("Earlier decisions on similar cases"))
        # One column of two-line entries: readable in a pane as narrow as the results'.
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.currentItemChanged.connect(lambda _current, _previous: self._show_details())
        self.tree.itemActivated.connect(lambda item, _column: self._open(item))
        self.details = QTextBrowser()
        self.details.setObjectName("precedentDetails")
        self.details.setAccessibleName(self.tr("The earlier decision chosen"))
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setOpenLinks(False)
        self.open_button = QPushButton(self.tr("Open this case"))
        self.open_button.setAccessibleName(self.tr("Open the earlier case"))
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        # The list above the case chosen, the evaluator free to move the line between them; the details (with the
        # justification, the reason to look) take the larger share. Neither shrinks past a few lines of its own.
        line = self.tree.fontMetrics().lineSpacing()
        self.tree.setMinimumHeight(line * 3)
        self.details.setMinimumHeight(line * 3)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("precedentsSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tree)
        self.split.addWidget(self.details)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([line * 6, line * 12])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.divergence)
        layout.addWidget(self.split, 1)
        layout.addLayout(buttons)
        self.show_precedents([], None, None)

    def show_precedents(
        self, precedents: Sequence[Precedent], recommended: Outcome | None, recommended_ects: float | None
    ) -> None:
        """List ``precedents`` (ranked, equivalent first) and say whether the recommendation departs from them."""
        chosen = self._current_reference() if self._same_case else None
        self._same_case = True
        was_empty = not self.precedents
        self.precedents = list(precedents)
        equivalent = sum(p.equivalent for p in self.precedents)
        if not self.precedents:
            self.heading.setText(self.tr("Earlier decisions: no earlier decided case is like this one."))
        else:
            self.heading.setText(
                self.tr("Earlier decisions on similar cases: {count}, of which {equivalent} equivalent").format(
                    count=len(self.precedents), equivalent=equivalent
                )
            )
        departs = None if recommended is None else divergence(recommended, recommended_ects, self.precedents)
        self.divergence.setVisible(departs is not None)
        if departs is not None:
            self.divergence.setText(divergence_html(departs, self.tr("The recommendation")))
        self.tree.clear()
        for precedent in self.precedents:
            kind = self.tr("equivalent") if precedent.equivalent else self.tr("similar")
            item = QTreeWidgetItem(
                [
                    f"{precedent.reference} · {kind}\n"
                    f"{outcome_with_credits(precedent.outcome, precedent.ects)} · "
                    f"{precedent.decided_at.date().isoformat()} · {precedent.decided_by}"
                ]
            )
            item.setData(0, _REFERENCE_ROLE, precedent.reference)
            item.setForeground(0, QColor(OUTCOME_COLOURS[precedent.outcome]))
            item.setToolTip(0, precedent.profile.title or "")
            if precedent.equivalent:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            self.tree.addTopLevelItem(item)
        self._select(chosen)
        self._show_details()
        # With nothing to list the panel is its heading, and the findings below take the room.
        empty = not self.precedents
        self.split.setVisible(not empty)
        self.open_button.setVisible(not empty)
        self.setMaximumHeight(self.minimumSizeHint().height() if empty else _NO_MAXIMUM)
        if was_empty and not empty:
            self.filled.emit()

    def another_case(self) -> None:
        """Another case is open: its list begins with its first earlier decision chosen, whatever was chosen in
        the list of the case before (which may hold the same earlier cases)."""
        self._same_case = False

    def _current_reference(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, _REFERENCE_ROLE))

    def _select(self, reference: str | None) -> None:
        """Keep the earlier case chosen as the list of the same case is found again; otherwise choose the first."""
        items = [item for index in range(self.tree.topLevelItemCount()) if (item := self.tree.topLevelItem(index))]
        chosen = next((item for item in items if item.data(0, _REFERENCE_ROLE) == reference), None)
        if chosen is None and items:
            chosen = items[0]
        if chosen is not None:
            self.tree.setCurrentItem(chosen)

    def _chosen(self) -> Precedent | None:
        reference = self._current_reference()
        return next((p for p in self.precedents if p.reference == reference), None)

    def _show_details(self) -> None:
        precedent = self._chosen()
        self.open_button.setEnabled(precedent is not None)
        self.details.setVisible(precedent is not None)
        if precedent is None:
            self.details.clear()
            return
        profile = precedent.profile
        shares = agreement_words(precedent.likeness.agreements())
        target = " — ".join(part for part in (profile.target_title, profile.target_institution) if part)
        title = profile.title or self.tr("Untitled credential")
        awarding_body = profile.awarding_body or self.tr("awarding body not given")
        # What was decided and why come first: in a short pane they are what is read without scrolling.
        lines = [
            f"<b>{html.escape(title)}</b>, {html.escape(awarding_body)}"
            f"{' (' + html.escape(profile.issuer_country) + ')' if profile.issuer_country else ''}",
            f"<b style='color:{OUTCOME_COLOURS[precedent.outcome]}'>"
            f"{html.escape(outcome_with_credits(precedent.outcome, precedent.ects))}</b> — "
            + self.tr("decided {date} by {who}").format(
                date=written_date(precedent.decided_at.date()), who=html.escape(precedent.decided_by)
            ),
            self.tr("Justification: {text}").format(
                text=html.escape(precedent.justification or self.tr("none given (as recommended)"))
            ),
            *(
                [
                    self.tr("Reason for departing from the decisions before it: {text}").format(
                        text=html.escape(precedent.divergence_reason)
                    )
                ]
                if precedent.divergence_reason
                else []
            ),
            self.tr("Target: {target}").format(target=html.escape(target)) if target else self.tr("No target"),
            f"<span style='color:{SECONDARY_TEXT_COLOUR}'>"
            + (
                self.tr("Equivalent: same credential, target and purpose.")
                if precedent.equivalent
                else self.tr("Similar ({score} of 100); same {shares}.").format(
                    score=number(precedent.likeness.score), shares=html.escape(shares or self.tr("nothing stated"))
                )
            )
            + "</span>",
        ]
        self.details.setText("<br>".join(lines))

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(str(item.data(0, _REFERENCE_ROLE)))
