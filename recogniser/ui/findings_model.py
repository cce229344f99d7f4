"""The findings of the last assessment as a two-level item model: rule sets, then their findings; for a stack of
credentials, each credential, then the stack as a whole, then their findings."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from recogniser.elements import STATUS_SEVERITY
from recogniser.i18n import shown
from recogniser.model import Finding, RuleSet, Stack, Status
from recogniser.ui.look import status_icon
from recogniser.ui.translations import labelled
from recogniser.vocabulary import label, rule_set_label, status_label

ModelIndex = QModelIndex | QPersistentModelIndex

#: The finding behind a row (None on a rule-set row).
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1

_GROUP = 0  # internal id of a rule-set row; a finding row's id is its group's row + 1


class FindingsModel(QAbstractItemModel):
    MESSAGE, CITATION = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[Finding]]] = []

    def set_findings(self, findings: Sequence[Finding], stack: Stack | None = None) -> None:
        if stack is not None:
            groups = self._stack_groups(findings, stack)
        else:
            grouped: dict[RuleSet, list[Finding]] = {}
            for finding in findings:
                grouped.setdefault(finding.rule_set, []).append(finding)
            groups = [(rule_set_label(rule_set), grouped[rule_set]) for rule_set in RuleSet if rule_set in grouped]
        for group in groups:
            group[1].sort(key=lambda finding: STATUS_SEVERITY.index(finding.status))
        if groups == self._groups:
            return
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()

    def _stack_groups(self, findings: Sequence[Finding], stack: Stack) -> list[tuple[str, list[Finding]]]:
        """A group per credential (its label and role in the stack), then the stack's own findings."""
        titles = {
            credential.index: f"{credential.label} ({label(credential.role)})" for credential in stack.credentials
        }
        grouped: dict[int | None, list[Finding]] = {index: [] for index in titles}
        grouped[None] = []
        for finding in findings:
            grouped.setdefault(finding.credential, []).append(finding)
        return [
            (titles.get(index, self.tr("The stack")) if index is not None else self.tr("The stack"), members)
            for index, members in grouped.items()
            if members
        ]

    def findings(self) -> list[Finding]:
        return [finding for _rule_set, findings in self._groups for finding in findings]

    def count(self, status: Status) -> int:
        return sum(1 for finding in self.findings() if finding.status is status)

    # --- QAbstractItemModel ---

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Finding"), self.tr("Legal basis"))[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        finding = self._groups[index.internalId() - 1][1][index.row()]
        return self._finding_data(finding, index.column(), role)

    def _group_data(self, index: ModelIndex, role: int) -> Any:
        name, findings = self._groups[index.row()]
        if index.column() != self.MESSAGE:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            open_points = sum(1 for f in findings if f.status in (Status.FAIL, Status.WARNING, Status.UNKNOWN))
            if not open_points:
                return self.tr("{name} — all clear").format(name=name)
            return self.tr("{name} — %n to look at", "", open_points).format(name=name)
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(min((f.status for f in findings), key=STATUS_SEVERITY.index))
        return None

    def _finding_data(self, finding: Finding, column: int, role: int) -> Any:
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"<p><b>{status_label(finding.status)}</b> — {html.escape(shown(finding.message))}</p>"
                f"<p><i>{html.escape(shown(finding.citation))}</i></p>"
            )
        if column == self.MESSAGE:
            if role == Qt.ItemDataRole.DisplayRole:
                return shown(finding.message)
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(finding.status)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return labelled(status_label(finding.status), shown(finding.message))
        elif column == self.CITATION and role == Qt.ItemDataRole.DisplayRole:
            return shown(finding.citation)
        return None
