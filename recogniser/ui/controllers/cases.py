"""Which case the editor holds: a new one, a stored one, a copy, a case file, an imported credential or a stack of
them; and deleting a stored case. Each first lets the evaluator save or discard the changes of the open case."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from recogniser.casefile import load_case
from recogniser.errors import UserInputError
from recogniser.model import Purpose
from recogniser.ui.controllers.base import CASE_FILE_FILTER, CREDENTIAL_FILE_FILTER, Controller
from recogniser.ui.controllers.office import Office
from recogniser.ui.controllers.open_case import OpenCase
from recogniser.ui.controllers.saving import Saving
from recogniser.ui.document import credential_items, new_document
from recogniser.ui.drafts import discard_drafts_of
from recogniser.ui.dropped import is_case_file
from recogniser.ui.stack_import import read_credentials, with_imported
from recogniser.ui.translations import translate as _tr

if TYPE_CHECKING:
    from recogniser.interchange import ImportResult
    from recogniser.store import CaseStore, CaseSummary, StoredCase


class CaseCommands(Controller):
    """``started`` is emitted when a new blank case is in the editor (the form puts the cursor in it);
    ``list_changed`` when the stored cases are no longer as the case list last read them."""

    started = Signal()
    list_changed = Signal()

    def __init__(self, case: OpenCase, saving: Saving, office: Office, parent: QObject | None = None) -> None:
        super().__init__(office.dialogs, parent)
        self.case = case
        self.saving = saving
        self.office = office

    def new_case(self) -> None:
        self.saving.leave_then(self._new_case)

    def _new_case(self) -> None:
        self.case.load(new_document(self.office.settings.assessing_country, Purpose.ADMISSION))
        self.started.emit()

    def open_document(self, document: Mapping[str, Any]) -> None:
        """``document`` (a seminar pack's case) in the editor as a new unsaved case."""
        self.saving.leave_then(lambda: self.case.load(document, dirty=True))

    # --- stored cases ---

    def open_stored(self, reference: str) -> None:
        if reference == self.case.reference and self.case.has_case:
            return
        self.saving.leave_then(lambda: self._fetch(reference, self.case.show_stored))

    def _fetch(self, reference: str, then: Callable[[StoredCase], None]) -> None:
        store = self.office.require_store()
        if store is not None:
            self.office.tasks.run(self.tr("Opening the case"), lambda: store.get_case(reference), then)

    def duplicate(self, reference: str) -> None:
        def duplicate(stored: StoredCase) -> None:
            document = {key: value for key, value in stored.case.document.items() if key != "reference"}
            self.case.load(document, dirty=True)
            self.message.emit(
                self.tr("A copy of {reference}: it gets its own reference when saved").format(reference=reference), 0
            )

        self.saving.leave_then(lambda: self._fetch(reference, duplicate))

    def delete(self, summary: CaseSummary) -> None:
        """Delete a stored case once confirmed; a case with a recorded decision is part of the record and kept."""
        store = self.office.require_store()
        if store is None:
            return
        if summary.has_decisions:
            self._refuse_deletion(summary.reference)
            return
        confirmed = self.dialogs.confirm(
            self.window,
            self.tr("Delete the case?"),
            self.tr("Delete {reference} ({title})? This cannot be undone.").format(
                reference=summary.reference, title=summary.title or self.tr("untitled")
            ),
            self.tr("Delete"),
        )
        if confirmed:
            self._delete(store, summary)

    def _delete(self, store: CaseStore, summary: CaseSummary) -> None:
        def deleted(_nothing: None) -> None:
            self.office.app_settings.forget_case(summary.reference)
            discard_drafts_of(summary.reference)
            if self.case.reference == summary.reference:
                self.case.session.mark_saved()
                self.case.close()
            self.list_changed.emit()
            self.message.emit(self.tr("Deleted {reference}").format(reference=summary.reference), 5000)

        def refused(error: BaseException) -> None:
            from recogniser.store import CaseHasDecisionsError

            if isinstance(error, CaseHasDecisionsError):
                self.list_changed.emit()  # a decision was recorded elsewhere since the list was read
                self._refuse_deletion(summary.reference)
            else:
                self.office.show_failure(self.tr("Deleting the case"), error)

        self.office.tasks.run(
            self.tr("Deleting the case"),
            lambda: store.delete_case(summary.reference, summary.version),
            deleted,
            refused,
        )

    def _refuse_deletion(self, reference: str) -> None:
        self.dialogs.error(
            self.window,
            self.tr("Cannot delete the case"),
            self.tr("{reference} has a recorded decision, so it is part of the record and is kept.").format(
                reference=reference
            ),
        )

    # --- files ---

    def open_case_file_dialog(self) -> None:
        path = self.dialogs.open_path(self.window, self.tr("Open a case file"), _tr(CASE_FILE_FILTER))
        if path:
            self.saving.leave_then(lambda: self.open_case_file(Path(path)))

    def open_case_file(self, path: Path) -> bool:
        """Read a case file into the editor as a new, unsaved case (Ctrl+S then stores it)."""
        try:
            case = load_case(path)
        except UserInputError as error:
            self.refuse(self.tr("Cannot open the case file"), error)
            return False
        self.case.load(case.document, dirty=True)
        self.message.emit(self.tr("Opened {path}").format(path=path), 5000)
        return True

    def open_files(self, paths: Sequence[Path]) -> None:
        """Files dropped on the window (see :func:`can_open`): a case file opens as it is, a credential is imported,
        several credentials together are imported as one case of several credentials, or added to the open case
        when the evaluator says so."""
        if not can_open(paths):
            return
        if len(paths) > 1 and self._add_to_open_case(len(paths)):
            self.add_credentials(list(paths))
            return
        if len(paths) == 1 and is_case_file(paths[0]):
            self.saving.leave_then(lambda: self.open_case_file(paths[0]))
        elif len(paths) == 1:
            self.saving.leave_then(lambda: self.import_credential(paths[0]))
        else:
            self.saving.leave_then(lambda: self.import_credentials(list(paths)))

    def import_credential_dialog(self) -> None:
        # The file first: cancelling the chooser must not have asked about, let alone lost, the open case.
        path = self.dialogs.open_path(self.window, self.tr("Import a credential"), _tr(CREDENTIAL_FILE_FILTER))
        if path:
            self.saving.leave_then(lambda: self.import_credential(Path(path)))

    def import_stack_dialog(self) -> None:
        """Several credentials of one learner into one new case, assessed together towards the target."""
        paths = self.dialogs.open_paths(
            self.window, self.tr("Import credentials as a stack"), _tr(CREDENTIAL_FILE_FILTER)
        )
        if len(paths) == 1:
            self.saving.leave_then(lambda: self.import_credential(Path(paths[0])))
        elif paths:
            self.saving.leave_then(lambda: self.import_credentials([Path(path) for path in paths]))

    def import_credential(self, path: Path) -> None:
        """Read a Europass or Open Badges credential off the UI thread into a new, unsaved case."""
        country = self.office.settings.assessing_country or None

        def read() -> ImportResult:
            from recogniser.interchange import import_credential
            from recogniser.interchange.report import FROM_SETTINGS

            return import_credential(path, assessing_country=country, assessing_country_origin=FROM_SETTINGS)

        def show(result: ImportResult) -> None:
            self.case.load(result.document, dirty=True)
            self.case.pending_originals = [(path.name, result.original)]
            self.dialogs.import_report(self.window, result, path)

        self.office.tasks.run(self.tr("Importing the credential"), read, show)

    def import_credentials(self, paths: list[Path]) -> None:
        """Read several credentials off the UI thread into one new, unsaved case of several credentials."""
        country = self.office.settings.assessing_country or None

        def read() -> tuple[dict[str, Any], list[ImportResult]]:
            from recogniser.interchange import import_credential, stack_document
            from recogniser.interchange.report import FROM_SETTINGS

            results = [
                import_credential(path, assessing_country=country, assessing_country_origin=FROM_SETTINGS)
                for path in paths
            ]
            return stack_document(results), results

        def show(read_back: tuple[dict[str, Any], list[ImportResult]]) -> None:
            document, results = read_back
            self.case.load(document, dirty=True)
            self.case.pending_originals = [
                (path.name, result.original) for path, result in zip(paths, results, strict=True)
            ]
            for path, result in zip(paths, results, strict=True):
                self.dialogs.import_report(self.window, result, path)

        self.office.tasks.run(self.tr("Importing the credentials"), read, show)

    def _add_to_open_case(self, count: int) -> bool:
        """Whether credential files dropped together join the open case (asked when it holds a credential)."""
        return bool(self.case.has_case and credential_items(self.case.session.document)) and self.dialogs.confirm(
            self.window,
            self.tr("Credentials dropped"),
            self.tr(
                "Add the {count} credentials to the open case, assessed together with what it holds? "
                "Otherwise they open as a new case."
            ).format(count=count),
            self.tr("Add to this case"),
        )

    def add_credentials(self, paths: list[Path]) -> None:
        """Read credential files into the open case beside its credentials (assessed together, a stack); with no
        files given, ask which."""
        if not paths:
            chosen = self.dialogs.open_paths(
                self.window, self.tr("Add credentials to this case"), _tr(CREDENTIAL_FILE_FILTER)
            )
            paths = [Path(path) for path in chosen]
        if not paths:
            return
        session = self.case.session
        held = credential_items(session.document)
        country = self.office.settings.assessing_country or None

        def show(results: list[ImportResult]) -> None:
            count = len(credential_items(session.document))
            text = self.tr("Import {count} credentials").format(count=len(results))
            session.set_credentials(with_imported(session.document, results), text, chosen=count)
            self.case.pending_originals += [
                (path.name, result.original) for path, result in zip(paths, results, strict=True)
            ]
            for path, result in zip(paths, results, strict=True):
                self.dialogs.import_report(self.window, result, path)

        self.office.tasks.run(
            self.tr("Importing the credentials"), lambda: read_credentials(paths, held, country), show
        )


def can_open(paths: Sequence[Path]) -> bool:
    """Whether files dropped together can be opened: one file, or several credentials (no case file among them)."""
    return len(paths) == 1 or (bool(paths) and not any(is_case_file(path) for path in paths))
