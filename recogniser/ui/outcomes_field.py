"""Learning outcomes as an editable list: add, remove, reorder, and paste many lines at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recogniser.ui.fields import Field
from recogniser.ui.session import CaseSession

MIN_LINES, MAX_LINES = 3, 10


def outcome_lines(text: str) -> list[str]:
    """Pasted text as outcomes: one per line, list bullets and numbering removed, blank lines dropped."""
    lines = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("•·-–*").strip()
        head, dot, tail = line.partition(".")
        if dot and head.isdigit() and tail.startswith(" "):
            line = tail.strip()
        if line:
            lines.append(line)
    return lines


class _OutcomeList(QListWidget):
    """Says when its width changed: wrapped outcomes then need another height."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        width_changed = event.size().width() != event.oldSize().width()
        super().resizeEvent(event)
        if width_changed:
            self.resized.emit()


class OutcomesField(Field):
    def __init__(self, session: CaseSession, path: str, accessible_name: str) -> None:
        container = QWidget()
        super().__init__(session, path, container, accessible_name)
        self.list = _OutcomeList()
        self.list.setAccessibleName(accessible_name)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        container.setFocusProxy(self.list)
        self.list.itemChanged.connect(lambda _item: self._list_edited())
        self.list.model().rowsInserted.connect(lambda *_args: self._fit_height())
        self.list.model().rowsRemoved.connect(lambda *_args: self._fit_height())
        self.list.resized.connect(self._fit_height)
        self.list.model().rowsMoved.connect(lambda *_args: self._list_edited())
        self._showing = False

        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        self.add_button = self._button(buttons, "+", self.tr("Add an outcome"), self.add_outcome)
        self.remove_button = self._button(buttons, "−", self.tr("Remove the selected outcome"), self.remove)
        self.up_button = self._button(buttons, "↑", self.tr("Move the selected outcome up"), lambda: self.move(-1))
        self.down_button = self._button(buttons, "↓", self.tr("Move the selected outcome down"), lambda: self.move(1))
        self.paste_button = self._button(
            buttons, "⎘", self.tr("Paste outcomes, one per line"), self.paste_from_clipboard
        )
        buttons.addStretch(1)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.list)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste_from_clipboard)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove)

        layout = QHBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)
        self._fit_height()

    def _button(self, layout: QVBoxLayout, glyph: str, label: str, action: Any) -> QToolButton:
        button = QToolButton()
        button.setText(glyph)
        button.setToolTip(label)
        button.setAccessibleName(label)
        button.setAutoRaise(True)
        button.clicked.connect(action)
        layout.addWidget(button)
        return button

    def _fit_height(self) -> None:
        """Grow with the outcomes (as wrapped at the list's width) up to about ten lines, then scroll."""
        metrics = self.list.fontMetrics()
        line = metrics.height() + 4
        width = max(self.list.viewport().width() - 8, 80)
        content = sum(
            metrics.boundingRect(
                QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, self.list.item(row).text()
            ).height()
            + 4
            for row in range(self.list.count())
        )
        height = min(MAX_LINES * line, max(MIN_LINES * line, content + line // 2))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth())

    def read(self) -> Any:
        texts = [self.list.item(row).text().strip() for row in range(self.list.count())]
        return [text for text in texts if text] or None

    def show(self, value: Any) -> None:
        self._showing = True
        try:
            self.list.clear()
            for text in value or []:
                self._append(str(text))
        finally:
            self._showing = False

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _list_edited(self) -> None:
        if not self._showing:
            self.commit()

    def add_outcome(self) -> None:
        item = self._append("")
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def add_lines(self, text: str) -> None:
        """Append each line of ``text`` as an outcome, in one undoable step."""
        lines = outcome_lines(text)
        if not lines:
            return
        self._showing = True
        try:
            for line in lines:
                self._append(line)
        finally:
            self._showing = False
        self.commit()

    def paste_from_clipboard(self) -> None:
        self.add_lines(QGuiApplication.clipboard().text())

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.commit()

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self._showing = True
        try:
            item = self.list.takeItem(row)
            self.list.insertItem(target, item)
            self.list.setCurrentRow(target)
        finally:
            self._showing = False
        self.commit()
