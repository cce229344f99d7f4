"""What every controller has: the dialog service, the window its questions belong to, and a status line."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from recogniser.errors import UserInputError
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.translations import tr_noop

#: What the file choosers offer (each passed through ``_tr()`` where shown).
CASE_FILE_FILTER = tr_noop("Case files (*.json)")
CREDENTIAL_FILE_FILTER = tr_noop("Credentials (*.json *.jsonld *.jws *.txt);;All files (*)")
SEMINAR_PACK_FILTER = tr_noop("Seminar packs (*.zip)")


class Controller(QObject):
    """``message`` carries a line for the status bar and how long it stays, in ms (0: until the next one)."""

    message = Signal(str, int)

    def __init__(self, dialogs: Dialogs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs

    @property
    def window(self) -> QWidget | None:
        """The window questions are asked over (none in tests)."""
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def refuse(self, title: str, error: UserInputError) -> None:
        """Tell the evaluator why what they gave cannot be used, in the lines the error names."""
        self.dialogs.error(self.window, title, "\n".join(error.shown_lines()))
