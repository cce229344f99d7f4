"""The stored cases as a table model: one page of summaries at a time, the next asked for as the list scrolls."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from recogniser.model import Outcome
from recogniser.ui.look import OUTCOME_COLOURS, SECONDARY_TEXT_COLOUR, local_time
from recogniser.vocabulary import outcome_label, purpose_label

if TYPE_CHECKING:
    from recogniser.store import CaseSummary

ModelIndex = QModelIndex | QPersistentModelIndex

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


class CaseListModel(QAbstractTableModel):
    """Case summaries as rows. ``fetchMore`` asks ``page_requested`` for the next page (loaded off the UI thread)."""

    REFERENCE, LEARNER, TITLE, AWARDING_BODY, PURPOSE, OUTCOME, UPDATED = range(7)
    #: The store's ``CaseSort`` value for each column.
    SORTS = ("reference", "learner", "title", "awarding_body", "purpose", "outcome", "updated")

    page_requested = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []
        self._total = 0
        self._fetching = False
        #: The open case's reference and the recommendation shown for it, which the store records only with a
        #: decision (or ``recogniser assess --store``): its row shows it while nothing is recorded.
        self._recommended: tuple[str, Outcome] | None = None

    def show_recommendation(self, reference: str | None, outcome: Outcome | None) -> None:
        earlier = self._recommended
        self._recommended = (reference, outcome) if reference is not None and outcome is not None else None
        for changed in {earlier[0] if earlier else None, reference} - {None}:
            row = self.row_of(str(changed))
            if row is not None:
                index = self.index(row, self.OUTCOME)
                self.dataChanged.emit(index, index)

    def _outcome(self, summary: CaseSummary) -> tuple[Outcome | None, bool]:
        """The row's outcome, and whether it is the open case's recommendation rather than one recorded."""
        if summary.outcome is None and self._recommended is not None and self._recommended[0] == summary.reference:
            return self._recommended[1], True
        return summary.outcome, False

    def set_rows(self, rows: Sequence[CaseSummary], total: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._total = total
        self._fetching = False
        self.endResetModel()

    def append_rows(self, rows: Sequence[CaseSummary]) -> None:
        self._fetching = False
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    @property
    def total(self) -> int:
        return self._total

    def summary(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, reference: str) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.reference == reference:
                return row
        return None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._fetching and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._fetching = True
            self.page_requested.emit(len(self._rows))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.SORTS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Reference"),
            self.tr("Learner"),
            self.tr("Credential"),
            self.tr("Awarding body"),
            self.tr("Purpose"),
            self.tr("Outcome"),
            self.tr("Updated"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == SUMMARY_ROLE:
            return summary
        recommended = column == self.OUTCOME and self._outcome(summary)[1]
        if role == Qt.ItemDataRole.ToolTipRole and recommended:
            return self.tr("Recommended for the case as saved; no assessment or decision is recorded yet")
        if role == Qt.ItemDataRole.FontRole and recommended:
            font = QFont()
            font.setItalic(True)  # not recorded: the recommendation as the editor shows it
            return font
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(summary, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME:
            outcome = self._outcome(summary)[0]
            return QColor(OUTCOME_COLOURS[outcome] if outcome is not None else SECONDARY_TEXT_COLOUR)
        return None

    def _text(self, summary: CaseSummary, column: int) -> str:
        if column == self.REFERENCE:
            return summary.reference
        if column == self.LEARNER:
            return summary.learner or ""
        if column == self.TITLE:
            return summary.listed_title
        if column == self.AWARDING_BODY:
            return summary.awarding_body or ""
        if column == self.PURPOSE:
            return purpose_label(summary.purpose)
        if column == self.OUTCOME:
            outcome = self._outcome(summary)[0]
            return outcome_label(outcome) if outcome is not None else self.tr("not assessed")
        return local_time(summary.updated_at)
