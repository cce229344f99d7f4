"""Form fields bound to a dotted path of the case document.

A field writes what the evaluator types to the session and shows the session's value after an undo, a load or
a change elsewhere. It only rewrites its widget when the value differs, so the cursor never jumps while typing.
Undo and redo keys are left to the window so that one history covers the whole case.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from recogniser.ui.session import CaseSession


class _LeaveUndoToTheWindow(QObject):
    """Line and text edits keep their own undo history; this hands Ctrl+Z/Ctrl+Y to the case's history."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
            event.ignore()
            return True
        return False


_UNDO_FILTER: _LeaveUndoToTheWindow | None = None


def leave_undo_to_window(widget: QWidget) -> None:
    global _UNDO_FILTER  # noqa: PLW0603 - one stateless filter serves every field
    if _UNDO_FILTER is None:
        _UNDO_FILTER = _LeaveUndoToTheWindow()
    widget.installEventFilter(_UNDO_FILTER)


class _WheelScrollsPastUnfocusedValues(QObject):
    """A choice, a number box or a slider the evaluator is not in does not change under the mouse wheel: the
    wheel goes on to what holds it (the form scrolls), as if the field were not there. Once the evaluator has
    clicked or tabbed into the field, the wheel changes it as usual."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        # Kept from the widget but left unaccepted, so Qt hands it on to the widgets that hold this one.
        event.ignore()
        return True


_WHEEL_FILTER: _WheelScrollsPastUnfocusedValues | None = None


def keep_values_from_the_wheel(root: QWidget) -> None:
    """Every value widget inside ``root`` (choices, number boxes, sliders) reacts to the wheel only when it has
    the focus, and the wheel no longer gives it the focus."""
    global _WHEEL_FILTER  # noqa: PLW0603 - one stateless filter serves every widget
    if _WHEEL_FILTER is None:
        _WHEEL_FILTER = _WheelScrollsPastUnfocusedValues()
    widgets: list[QWidget] = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    widgets += [slider for slider in root.findChildren(QAbstractSlider) if not isinstance(slider, QScrollBar)]
    for widget in widgets:
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_WHEEL_FILTER)


class _NumberChoosesLevel(QObject):
    """In a list of levels ("EQF 1" … "EQF 8"), typing a level's number chooses it, as the evaluator chose it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QComboBox):
            return False
        assert isinstance(event, QKeyEvent)
        if not event.text().isdigit() or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        index = watched.findData(int(event.text()))
        if index >= 0:
            watched.setCurrentIndex(index)
            watched.activated.emit(index)
        return True


_LEVEL_FILTER: _NumberChoosesLevel | None = None


def choose_level_by_number(combo: QComboBox) -> None:
    """Typing 1 to 8 in ``combo``, whose entries hold the level numbers as data, chooses that level."""
    global _LEVEL_FILTER  # noqa: PLW0603 - one stateless filter serves every list of levels
    if _LEVEL_FILTER is None:
        _LEVEL_FILTER = _NumberChoosesLevel()
    combo.installEventFilter(_LEVEL_FILTER)


def fit_to_items(view: QAbstractItemView) -> None:
    """A pop-up list as wide as its longest entry (up to most of the screen), so no entry is cut short."""
    model, metrics = view.model(), view.fontMetrics()
    longest = max(
        (metrics.horizontalAdvance(str(model.index(row, 0).data() or "")) for row in range(model.rowCount())),
        default=0,
    )
    # Room for the entry's padding, the list's frame and a scroll bar beside a long list.
    wanted = longest + 24 + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(min(wanted, view.screen().availableGeometry().width() * 9 // 10))


def fit_popup_to_choices(combo: QComboBox) -> None:
    """Open the list of choices as wide as its longest choice, even when the closed box is narrower."""
    fit_to_items(combo.view())


class ElidingComboBox(QComboBox):
    """A choice that, when narrower than its text, ends it with … and shows the whole text as a tip."""

    def __init__(self) -> None:
        super().__init__()
        self.currentIndexChanged.connect(lambda _index: self.setToolTip(self.currentText()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class Field:
    """Base: binds ``widget`` to ``path``. Subclasses convert between widget state and document value."""

    #: Whether the widget takes the row's spare width (free text does; codes, numbers and choices do not).
    stretches = True
    #: Whether what is typed can be unreadable (a date, a number, a code): the line for its message is kept
    #: from the start, so that a message coming as the value is typed moves no field below it.
    keeps_message_line = False
    #: Other fields whose change this field shows (besides its own path and the paths inside it).
    depends_on: tuple[str, ...] = ()

    def __init__(self, session: CaseSession, path: str, widget: QWidget, accessible_name: str) -> None:
        self.session = session
        self.path = path
        self.widget = widget
        widget.setAccessibleName(accessible_name)
        widget.setObjectName(path)

    def tr(self, text: str) -> str:
        """Translate a visible string in this field's own context (a field is not a QObject)."""
        return QCoreApplication.translate(type(self).__name__, text)

    def read(self) -> Any:
        raise NotImplementedError

    def show(self, value: Any) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        value = self.session.value(self.path)
        if self.read() != value:
            self.show(value)

    def commit(self) -> None:
        self.session.set_value(self.path, self.read())

    def concerns(self, changed: str) -> bool:
        """Whether a change at ``changed`` may change what this field shows: its own path, a path inside it, a
        section holding it (the credential replaced) or a field it depends on."""
        return (
            changed == self.path
            or changed.startswith(self.path + ".")
            or self.path.startswith(changed + ".")
            or changed in self.depends_on
        )


class TextField(Field):
    """Free text on one line; what is typed is kept as typed (the case reader trims it)."""

    def __init__(self, session: CaseSession, path: str, accessible_name: str, placeholder: str = "") -> None:
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        # Free text keeps room for a whole date or a short name; narrower, the form scrolls instead.
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("0000-00-00") + 16)
        super().__init__(session, path, self.line, accessible_name)
        leave_undo_to_window(self.line)
        self.line.textEdited.connect(lambda _text: self.commit())

    def read(self) -> Any:
        return self.line.text() or None

    def show(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))
        self.line.setCursorPosition(0)


class DateField(TextField):
    """A date typed as YYYY-MM-DD; a date the calendar lacks is stored as typed so the case reader names it."""

    keeps_message_line = True


class CodeField(TextField):
    """A code typed in capitals (ISO country codes): lower case is raised as it is typed."""

    stretches = False
    keeps_message_line = True

    def __init__(self, session: CaseSession, path: str, accessible_name: str, length: int, placeholder: str) -> None:
        super().__init__(session, path, accessible_name, placeholder)
        self.line.setMaxLength(length)
        self.line.setMinimumWidth(0)
        self.line.setMaximumWidth(90)

    def commit(self) -> None:
        text = self.line.text()
        if text != text.upper():
            position = self.line.cursorPosition()
            self.line.setText(text.upper())
            self.line.setCursorPosition(position)
        super().commit()


class NumberField(TextField):
    """A number; text that is not one is stored as typed so the case reader names the field and the problem."""

    stretches = False
    keeps_message_line = True

    def __init__(self, session: CaseSession, path: str, accessible_name: str, placeholder: str = "") -> None:
        super().__init__(session, path, accessible_name, placeholder)
        self.line.setMinimumWidth(0)
        self.line.setMaximumWidth(120)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)

    def read(self) -> Any:
        return parse_number(self.line.text())

    def show(self, value: Any) -> None:
        self.line.setText("" if value is None else format_number(value))
        self.line.setCursorPosition(0)


def parse_number(text: str) -> Any:
    stripped = text.strip().replace(",", ".")
    if not stripped:
        return None
    try:
        return int(stripped)
    except ValueError:
        pass
    try:
        number = float(stripped)
    except ValueError:
        return text
    # "nan" and "inf" parse as floats but are no workload; kept as typed, the case reader names the field.
    return number if math.isfinite(number) else text


def format_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class MultilineField(Field):
    """Free text over several lines (prerequisites, further information)."""

    def __init__(self, session: CaseSession, path: str, accessible_name: str, placeholder: str = "") -> None:
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(placeholder)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(64)
        super().__init__(session, path, self.text, accessible_name)
        leave_undo_to_window(self.text)
        self.text.textChanged.connect(self._edited)
        self._showing = False

    def _edited(self) -> None:
        if not self._showing:
            self.commit()

    def read(self) -> Any:
        return self.text.toPlainText() or None

    def show(self, value: Any) -> None:
        self._showing = True
        try:
            self.text.setPlainText("" if value is None else str(value))
        finally:
            self._showing = False


class ChoiceField(Field):
    """One of a fixed list of values; ``choices`` pairs a shown label with the stored value (None: not given)."""

    stretches = False

    def __init__(
        self, session: CaseSession, path: str, accessible_name: str, choices: Sequence[tuple[str, Any]]
    ) -> None:
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, value in choices:
            self.combo.addItem(label, value)
        super().__init__(session, path, self.combo, accessible_name)
        self.combo.activated.connect(lambda _index: self.commit())

    def read(self) -> Any:
        return self.combo.currentData()

    def show(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0:
            # A value the list does not offer (a hand-edited file): show it rather than hide it.
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


class FlagField(Field):
    """A yes-only flag: unticked removes the key, since the case format's default is false."""

    stretches = False

    def __init__(self, session: CaseSession, path: str, label: str) -> None:
        self.check = QCheckBox(label)
        super().__init__(session, path, self.check, label)
        self.check.toggled.connect(lambda _on: self.commit())

    def read(self) -> Any:
        return True if self.check.isChecked() else None

    def show(self, value: Any) -> None:
        self.check.setChecked(bool(value))
