"""A save refused because someone else saved the case first: what the evaluator is told and may do about it.

Nothing is decided for the evaluator and nothing of theirs is lost: their edits stay in the editor and in the
draft until they choose to replace the stored case, keep both, or discard their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QStyle, QWidget

from recogniser.ui.look import local_time
from recogniser.ui.translations import translate as _tr

if TYPE_CHECKING:
    from recogniser.store import StoredCase


class ConflictChoice(Enum):
    KEEP_EDITING = "keep_editing"
    SAVE_AS_NEW_CASE = "save_as_new_case"
    OVERWRITE = "overwrite"
    RELOAD = "reload"


@dataclass(frozen=True)
class SaveConflict:
    """The evaluator edited ``version`` of ``reference``; the store now holds ``stored`` (None: the case is no
    longer under that reference, deleted or renamed). ``differences`` names the fields whose values differ."""

    reference: str
    version: int
    stored: StoredCase | None
    differences: tuple[str, ...] = ()


def conflict_summary(conflict: SaveConflict) -> str:
    """One sentence saying what happened, for the question and the banner alike."""
    if conflict.stored is None:
        return _tr(
            "{reference} is no longer in the case database: someone deleted it or changed its reference after "
            "you opened it."
        ).format(reference=conflict.reference)
    return _tr("Someone else saved {reference} on {when} (version {theirs}) after you opened version {mine}.").format(
        reference=conflict.reference,
        when=local_time(conflict.stored.updated_at),
        theirs=conflict.stored.version,
        mine=conflict.version,
    )


#: Fields named one by one in a question; beyond that they are counted, so the question stays readable.
LISTED_FIELDS = 8


def field_list(fields: Sequence[str]) -> str:
    if len(fields) <= LISTED_FIELDS:
        return ", ".join(fields)
    return _tr("{fields} and {more} more").format(
        fields=", ".join(fields[:LISTED_FIELDS]), more=len(fields) - LISTED_FIELDS
    )


class ConflictBox(QMessageBox):
    """The question put when a save is refused; ``choice()`` is the answer once it is closed."""

    def __init__(self, conflict: SaveConflict, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, _tr("Someone else changed this case"), "", parent=parent)
        self._choices: dict[QAbstractButton, ConflictChoice] = {}
        self.setText(conflict_summary(conflict) + " " + _tr("Your changes are not saved yet."))
        if conflict.stored is None:
            self.setInformativeText(
                _tr("Save your version as a new case with its own reference, or keep editing for now.")
            )
        else:
            differences = (
                _tr("Fields that differ from the stored case: {fields}.").format(
                    fields=field_list(conflict.differences)
                )
                if conflict.differences
                else ""
            )
            self.setInformativeText(
                differences
                + "\n\n"
                + _tr(
                    "Save yours as a new case to keep both; save over theirs to replace what they saved; or "
                    "discard yours and open the stored case. Until you choose, your changes stay here and in the "
                    "draft."
                )
            )
        self._add(_tr("Save as a new case"), QMessageBox.ButtonRole.AcceptRole, ConflictChoice.SAVE_AS_NEW_CASE)
        if conflict.stored is not None:
            self._add(_tr("Save over theirs…"), QMessageBox.ButtonRole.DestructiveRole, ConflictChoice.OVERWRITE)
            self._add(_tr("Discard mine and reload…"), QMessageBox.ButtonRole.DestructiveRole, ConflictChoice.RELOAD)
        keep = self._add(_tr("Keep editing"), QMessageBox.ButtonRole.RejectRole, ConflictChoice.KEEP_EDITING)
        # The safe answer is the one Enter and Escape give.
        self.setDefaultButton(keep)
        self.setEscapeButton(keep)

    def _add(self, text: str, role: QMessageBox.ButtonRole, choice: ConflictChoice) -> QPushButton:
        button = self.addButton(text, role)
        self._choices[button] = choice
        return button

    def button_for(self, choice: ConflictChoice) -> QAbstractButton | None:
        return next((button for button, offered in self._choices.items() if offered is choice), None)

    def choice(self) -> ConflictChoice:
        return self._choices.get(self.clickedButton(), ConflictChoice.KEEP_EDITING)


class ConflictBanner(QFrame):
    """A strip above the panes while a refused save is unresolved, so the evaluator does not forget it."""

    resolve_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        self.setStyleSheet(
            "#conflictBanner { background: #fff3c4; border-bottom: 1px solid #e0c36a; }"
            "#conflictBanner QLabel { color: #5c4400; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        layout.addWidget(icon)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        self.resolve = QPushButton(self.tr("Resolve…"))
        self.resolve.setToolTip(self.tr("Save again and choose how to deal with the other version"))
        self.resolve.clicked.connect(self.resolve_requested)
        layout.addWidget(self.resolve)
        self.hide()

    def show_conflict(self, conflict: SaveConflict) -> None:
        self.text.setText(
            conflict_summary(conflict)
            + " "
            + self.tr("Your changes are not saved; they are kept here and in the draft until you resolve this.")
        )
        self.show()
