"""Learning outcomes as an editable list: add, remove, reorder, and paste many lines at once."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recogniser.ui.fields import Field
from recogniser.ui.icons import icon
from recogniser.ui.session import CaseSession

MIN_LINES, MAX_LINES = 3, 10
#: Room above and below each outcome's text, so that wrapped outcomes stand apart (with the line between them).
ROW_PADDING = 8

#: A list marker before a pasted outcome: "1.", "1)", "2.3.", "(a)", "b.", "iii.", "(IV)", followed by a space.
_NUMBERING = re.compile(r"\(?(?:\d+(?:\.\d+)*|[a-z]|[ivxlcdm]{1,6})[.)]\s+", re.IGNORECASE)


def outcome_lines(text: str) -> list[str]:
    """Pasted text as outcomes: one per line, list bullets and numbering removed, blank lines dropped."""
    lines = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("•·-–*").strip()
        marker = _NUMBERING.match(line)
        if marker:
            line = line[marker.end() :]
        if line:
            lines.append(line)
    return lines


def wrapped_height(metrics: QFontMetrics, width: int, text: str) -> int:
    """The height of ``text`` wrapped at ``width`` pixels."""
    return metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000), Qt.TextFlag.TextWordWrap, text).height()


class _OutcomeList(QListWidget):
    """Says when its width changed (wrapped outcomes then need another height) and when a key was typed while
    no outcome is being edited: typing starts a new outcome, it never runs on into the one selected."""

    resized = Signal()
    typed = Signal(str)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        width_changed = event.size().width() != event.oldSize().width()
        super().resizeEvent(event)
        if width_changed:
            self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and plain and event.text().isprintable() and event.text().strip():
            self.typed.emit(event.text())
            return
        super().keyPressEvent(event)


class _OutcomeEditor(QPlainTextEdit):
    """An outcome being edited, wrapped over as many lines as it takes."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.textChanged.connect(self.fit)

    def fit(self) -> None:
        """As tall as the wrapped text (at least the row it edits), no taller than the list shows."""
        margins = 2 * (self.frameWidth() + int(self.document().documentMargin())) + 4
        text = self.toPlainText() or " "
        needed = wrapped_height(self.fontMetrics(), self.viewport().width() - 4, text) + margins
        view = self.parentWidget()
        limit = view.height() - self.y() if view is not None else needed
        self.resize(self.width(), max(self.minimumHeight(), min(needed, limit)))


class _OutcomeDelegate(QStyledItemDelegate):
    """Edits an outcome in a multi-line box: Enter keeps the edit and goes on to a new outcome (as in a to-do
    list; Enter on an empty one ends the list), Shift+Enter starts a new line, Esc cancels."""

    #: Enter ended an outcome that holds text: the evaluator goes on to the next.
    next_requested = Signal()

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + ROW_PADDING)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The outcome, and a line under it when another follows: a wrapped outcome's second line is not taken
        for the next outcome."""
        super().paint(painter, option, index)
        if index.row() + 1 < index.model().rowCount(index.parent()):
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
            bottom = option.rect.bottom()
            painter.drawLine(option.rect.left() + 4, bottom, option.rect.right() - 4, bottom)
            painter.restore()

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = _OutcomeEditor(parent)
        editor.setAccessibleName(self.tr("Outcome"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, _OutcomeEditor)
        editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(  # noqa: N802 - Qt's name
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, _OutcomeEditor)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(  # noqa: N802 - Qt's name
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, _OutcomeEditor)
        editor.setMinimumHeight(option.rect.height())
        editor.setGeometry(option.rect)
        editor.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(watched, _OutcomeEditor)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            ended = watched.toPlainText().strip()
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            if ended:
                self.next_requested.emit()
            return True
        return super().eventFilter(watched, event)


class OutcomesField(Field):
    def __init__(self, session: CaseSession, path: str, accessible_name: str) -> None:
        container = QWidget()
        super().__init__(session, path, container, accessible_name)
        self.list = _OutcomeList()
        self.list.setAccessibleName(accessible_name)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        # Typing is not an edit trigger: it starts a new outcome (_OutcomeList.typed), so that keys typed after an
        # outcome was ended never run on into it. An outcome is changed by double-clicking it or with F2.
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.delegate = _OutcomeDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        # An outcome left empty (added, then cancelled or cleared) is no outcome: its row goes.
        self.delegate.closeEditor.connect(lambda _editor, _hint: self._drop_blank_rows())
        self.list.typed.connect(self.add_outcome)
        self.delegate.next_requested.connect(self.add_outcome)
        container.setFocusProxy(self.list)
        self.list.itemChanged.connect(lambda _item: self._list_edited())
        self.list.model().rowsInserted.connect(lambda *_args: self._fit_height())
        self.list.model().rowsRemoved.connect(lambda *_args: self._fit_height())
        self.list.resized.connect(self._fit_height)
        self.list.model().rowsMoved.connect(lambda *_args: self._list_edited())
        self._showing = False

        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        self.add_button = self._button(buttons, "add", self.tr("Add an outcome"), self.add_outcome)
        self.remove_button = self._button(buttons, "remove", self.tr("Remove the selected outcome"), self.remove)
        self.up_button = self._button(buttons, "up", self.tr("Move the selected outcome up"), lambda: self.move(-1))
        self.down_button = self._button(
            buttons, "down", self.tr("Move the selected outcome down"), lambda: self.move(1)
        )
        self.paste_button = self._button(
            buttons, "paste", self.tr("Paste outcomes, one per line"), self.paste_from_clipboard
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

    def _button(self, layout: QVBoxLayout, icon_name: str, label: str, action: Any) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setText(label)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setToolTip(label)
        button.setAccessibleName(label)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: action())  # the actions take no "checked"
        layout.addWidget(button)
        return button

    def _fit_height(self) -> None:
        """Grow with the outcomes (as wrapped at the list's width) up to about ten lines, then scroll."""
        metrics = self.list.fontMetrics()
        line = metrics.height() + 4
        width = max(self.list.viewport().width() - 8, 80)
        content = sum(
            wrapped_height(metrics, width, self.list.item(row).text()) + 4 + ROW_PADDING
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

    def _append(self, text: str, row: int | None = None) -> QListWidgetItem:
        """A new outcome at ``row`` (default: the end)."""
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.insertItem(self.list.count() if row is None else row, item)
        return item

    def _list_edited(self) -> None:
        if not self._showing:
            self.commit()

    def add_outcome(self, typed: str = "") -> None:
        """A new, empty outcome opened for editing after the selected one (at the end when none is), starting
        with ``typed`` if it was begun by typing."""
        current = self.list.currentRow()
        item = self._append("", current + 1 if current >= 0 else None)
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)  # the new outcome's box opens in view, as tall as it needs
        self.list.editItem(item)
        editor = self.list.indexWidget(self.list.indexFromItem(item))
        if typed and isinstance(editor, _OutcomeEditor):
            editor.insertPlainText(typed)

    def _drop_blank_rows(self) -> None:
        for row in reversed(range(self.list.count())):
            if not self.list.item(row).text().strip():
                self.list.takeItem(row)

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
