"""A field of the case form with its inline problem message, and the flash that shows where a finding points."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from recogniser.ui.fields import Field
from recogniser.ui.look import ERROR_COLOUR, HIGHLIGHT_COLOUR, SECONDARY_TEXT_COLOUR
from recogniser.ui.translations import labelled

FLASH_MS = 1200


class FieldSlot(QWidget):
    """A field's widget with its inline problem message underneath.

    A narrow field (a code, a number, a choice) does not hold its message: the row shows it under all its fields,
    so a message neither squeezes into a column of single words nor widens the slot and moves its neighbours.
    """

    def __init__(self, field: Field, caption: str = "") -> None:
        super().__init__()
        self.field = field
        self.caption = caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if caption:
            small = QLabel(caption)
            small.setBuddy(field.widget)
            small.setStyleSheet(f"color: {SECONDARY_TEXT_COLOUR};")
            layout.addWidget(small)
        layout.addWidget(field.widget, 0, Qt.AlignmentFlag(0) if field.stretches else Qt.AlignmentFlag.AlignLeft)
        self.problem = QLabel()
        self.problem.setObjectName(f"problem:{field.path}")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problem.hide()
        if field.stretches:
            layout.addWidget(self.problem)
        self._flashes = 0
        #: Set by the form: a field whose value can be unreadable keeps its message's line from the start (one
        #: line a row: the row's other messages share it or, rarely, add theirs).
        self.keeps_line_throughout = False

    def show_problem(self, message: str | None) -> None:
        # Under the row, a message says which of the row's fields it is about.
        beside = self.problem.parentWidget() is self
        self.problem.setText(
            labelled(self.caption, message) if message and self.caption and not beside else message or ""
        )
        if message:
            # Once a message has been shown, its line stays while the case is open: the fields below do not
            # jump up and down as a value being typed turns readable and back.
            self.keep_line(True)
        self.problem.setVisible(bool(message))
        self.field.widget.setAccessibleDescription(message or "")

    def keep_line(self, kept: bool) -> None:
        """Keep the message's line in the form while no message shows, or give it back."""
        policy = self.problem.sizePolicy()
        policy.setRetainSizeWhenHidden(kept)
        self.problem.setSizePolicy(policy)
        self.problem.setMinimumHeight(self.problem.fontMetrics().height() if kept else 0)

    def release_line(self) -> None:
        """Give back the line a message held (another case is shown), unless the field keeps it throughout."""
        self.keep_line(self.keeps_line_throughout)

    def holds(self, widget: QWidget | None) -> bool:
        """Whether ``widget`` is this slot's field or a part of it."""
        while widget is not None:
            if widget is self.field.widget:
                return True
            widget = widget.parentWidget()
        return False

    def flash(self) -> None:
        """Light the field up for a moment: the slot and the field's own background, since an edit box or a
        choice paints over anything behind it. A palette rather than a style sheet, which would keep a copy of
        the lit colours."""
        lit = QPalette(self.palette())
        for role in (
            QPalette.ColorRole.Window,
            QPalette.ColorRole.Base,
            QPalette.ColorRole.AlternateBase,
            QPalette.ColorRole.Button,
        ):
            lit.setColor(role, QColor(HIGHLIGHT_COLOUR))
        self.setPalette(lit)
        self.setAutoFillBackground(True)
        self._flashes += 1
        # Bound to this slot, so the timer dies with it if the window closes first.
        QTimer.singleShot(FLASH_MS, self, self._unflash)

    def _unflash(self) -> None:
        self._flashes -= 1
        if self._flashes == 0:  # the last of overlapping flashes has run its time
            self.setAutoFillBackground(False)
            self.setPalette(QPalette())  # follows the window's colours again


def field_row(
    label: str, fields: Sequence[Field], number: int | None, mandatory: bool, captions: Sequence[str]
) -> tuple[QLabel, list[FieldSlot], QVBoxLayout]:
    """A row of the form: its label (the Annex I element's number, a red star where mandatory), a slot per field
    side by side, and under them the messages of the fields too narrow to hold theirs."""
    text = html.escape(label)
    if number is not None:
        text = f"<span style='color:{SECONDARY_TEXT_COLOUR}'>{number}</span>&nbsp;&nbsp;{text}"
    if mandatory:
        text += f" <span style='color:{ERROR_COLOUR}'>*</span>"
    caption = QLabel(text)
    caption.setTextFormat(Qt.TextFormat.RichText)
    caption.setBuddy(fields[0].widget)
    row = QHBoxLayout()
    row.setSpacing(8)
    problems = QVBoxLayout()
    problems.setSpacing(2)
    problems.addLayout(row)
    line_kept = False
    slots = []
    for position, field in enumerate(fields):
        slot = FieldSlot(field, captions[position] if position < len(captions) else "")
        slots.append(slot)
        if field.keeps_message_line and not line_kept:
            slot.keeps_line_throughout = line_kept = True
            slot.keep_line(True)
        row.addWidget(slot, 1 if field.stretches else 0, Qt.AlignmentFlag.AlignTop)
        if not field.stretches:
            problems.addWidget(slot.problem)
    if not any(field.stretches for field in fields):
        row.addStretch(1)
    return caption, slots, problems


def place_labels(forms: Sequence[QFormLayout], captions: Sequence[QLabel], above: bool) -> None:
    """Put the form's labels above their fields, or beside them (right-aligned)."""
    side = Qt.AlignmentFlag.AlignLeft if above else Qt.AlignmentFlag.AlignRight
    for form in forms:
        form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows if above else QFormLayout.RowWrapPolicy.DontWrapRows
        )
        form.setLabelAlignment(side | Qt.AlignmentFlag.AlignTop)
    for caption in captions:
        caption.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
        # A row that goes on the one above (no label of its own) would leave an empty line above its field.
        caption.setVisible(bool(caption.text()) or not above)


def form_section(title: str) -> tuple[QGroupBox, QFormLayout]:
    """A titled section of the form (a group box) with its labels beside the fields."""
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return box, form


def slot_for(slots: Mapping[str, FieldSlot], path: str) -> FieldSlot | None:
    """The slot of ``path``, else the first field inside it, else the nearest enclosing field."""
    if path in slots:
        return slots[path]
    for candidate, slot in slots.items():
        if candidate.startswith(path + "."):
            return slot
    parent, _dot, _leaf = path.rpartition(".")
    return slot_for(slots, parent) if parent else None
