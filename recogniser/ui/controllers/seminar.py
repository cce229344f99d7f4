"""The Seminar menu: open a pack, build one from case files, save the shipped exercises as a pack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal

from recogniser.errors import UserInputError, failed_on
from recogniser.i18n import shown
from recogniser.ui.controllers.base import CASE_FILE_FILTER, SEMINAR_PACK_FILTER, Controller
from recogniser.ui.translations import translate as _tr
from recogniser.ui.translations import window_language


class SeminarController(Controller):
    """``pack_opened`` carries a :class:`~recogniser.seminar.Pack` read and checked, for a seminar window."""

    pack_opened = Signal(object)

    def open_pack_dialog(self) -> None:
        path = self.dialogs.open_path(self.window, self.tr("Open a seminar pack"), _tr(SEMINAR_PACK_FILTER))
        if path:
            self.open_pack(Path(path))

    def new_pack_dialog(self) -> None:
        """A pack from case files chosen by the facilitator; notes are NAME.md beside each NAME.json (or, in the
        window's language, its translation NAME.fr.md)."""
        cases = self.dialogs.open_paths(self.window, self.tr("Choose the cases for the pack"), _tr(CASE_FILE_FILTER))
        if not cases:
            return
        title = self.dialogs.ask_text(
            self.window, self.tr("New seminar pack"), self.tr("Title of the pack:"), self.tr("Recognition seminar")
        )
        if title is None:
            return
        from recogniser.seminar import build_pack, sources_from_files  # seminar mode loads when first used

        try:
            data, _pack = build_pack(
                sources_from_files(cases, notes_beside=True, language=window_language.language), title=title
            )
        except UserInputError as error:
            self.refuse(self.tr("Cannot build the pack"), error)
            return
        self._save_pack_and_open(data, "seminar-pack.zip")

    def save_exercise_pack_dialog(self) -> None:
        """The exercise cases shipped with Recogniser, with their facilitator notes in the window's language, as a
        pack."""
        from recogniser.seminar import build_exercise_pack

        data, _pack = build_exercise_pack(language=window_language.language)
        self._save_pack_and_open(data, "recogniser-exercises.zip")

    def _save_pack_and_open(self, data: bytes, suggested: str) -> None:
        path = self.dialogs.save_path(
            self.window, self.tr("Save the seminar pack"), suggested, _tr(SEMINAR_PACK_FILTER)
        )
        if not path:
            return
        from recogniser.seminar import write_pack

        try:
            write_pack(path, data)
        except OSError as error:
            self.dialogs.error(self.window, self.tr("Cannot save the pack"), shown(failed_on(path, error)))
            return
        self.open_pack(Path(path))

    def open_pack(self, path: Path) -> None:
        """Read and check the pack at ``path``; what is wrong with it is shown, naming the file and the entry."""
        from recogniser.seminar import open_pack

        try:
            pack = open_pack(path)
        except UserInputError as error:
            self.refuse(self.tr("Cannot open the seminar pack"), error)
            return
        self.pack_opened.emit(pack)
