"""The main window: the case list, the case editor and the live findings side by side."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from recogniser.casefile import (
    CaseFileError,
    dumps_case,
    load_case,
    parse_case,
    write_bytes_atomically,
    write_text_atomically,
)
from recogniser.errors import UserInputError
from recogniser.logs import log_file
from recogniser.model import CASE_FORMAT, Case, Purpose
from recogniser.settings import Settings, load_settings, save_settings, settings_file
from recogniser.ui.case_editor import CaseEditor
from recogniser.ui.case_list import CaseListPane
from recogniser.ui.controllers.base import CASE_FILE_FILTER, CREDENTIAL_FILE_FILTER
from recogniser.ui.controllers.seminar import SeminarController
from recogniser.ui.dialogs import Dialogs, UnsavedChoice
from recogniser.ui.document import differing_paths, field_of, new_document, value_at
from recogniser.ui.drafts import Draft, discard_draft, discard_drafts_of, read_draft, write_draft
from recogniser.ui.fields import keep_values_from_the_wheel
from recogniser.ui.findings_panel import ResultsPane
from recogniser.ui.look import SECONDARY_TEXT_COLOUR, local_time
from recogniser.ui.pdf_preview import PdfPreview
from recogniser.ui.precedents_panel import PrecedentsPanel
from recogniser.ui.save_conflict import ConflictBanner, ConflictChoice, SaveConflict, conflict_summary, field_list
from recogniser.ui.screen import first_geometry, within
from recogniser.ui.session import Assessment, Assessor, CaseSession
from recogniser.ui.settings import AppSettings
from recogniser.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # The store, the report and the importer pull in SQLAlchemy, reportlab and the credential readers: they are
    # imported where first used, on the background thread, so that the window paints without waiting for them.
    from recogniser.interchange import ImportResult
    from recogniser.precedents import Precedent
    from recogniser.report import ReportSettings
    from recogniser.seminar import Pack
    from recogniser.store import CaseStore, CaseSummary, StoredCase, StoredDecision
    from recogniser.ui.help import TextWindow
    from recogniser.ui.seminar_window import SeminarWindow
    from recogniser.ui.statistics_window import StatisticsWindow

#: A draft is written this long after the last edit: often enough to lose nothing, rarely enough to be free.
DRAFT_DELAY_MS = 1500
#: The office's earlier decisions are looked up this long after the findings settle: as the evaluator types,
#: without a query per keystroke.
PRECEDENTS_DELAY_MS = 400

_log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        assessor: Assessor,
        settings: AppSettings,
        dialogs: Dialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.office = Settings()  # read from settings.toml by start()
        self.dialogs = dialogs or Dialogs()
        self.tasks = TaskRunner(self)
        self.tasks.failed.connect(self.show_failure)
        self.session = CaseSession(assessor, self)
        self.store: CaseStore | None = None
        self.store_problem: str | None = None
        self.preview: PdfPreview | None = None
        self.stored_reference: str | None = None
        self.stored_version: int | None = None
        self._closing = False
        self.seminar = SeminarController(self.dialogs, self)
        self.seminar.pack_opened.connect(self.show_seminar_pack)
        self.seminar_windows: list[SeminarWindow] = []
        self.help_window: TextWindow | None = None

        self.case_list = CaseListPane(self.tasks)
        self.case_list.open_requested.connect(self.open_stored_case)
        self.case_list.new_requested.connect(self.new_case)
        self.case_list.duplicate_requested.connect(self.duplicate_case)
        self.case_list.delete_requested.connect(self.delete_case)
        self.case_list.import_requested.connect(self.import_credential_dialog)
        self.case_list.settings_requested.connect(self.edit_settings)
        # The open case stays chosen in the list as it reloads (after a save or a decision, a search).
        self.case_list.loaded.connect(self._select_open_case)
        self.session.assessed.connect(self._show_recommendation_in_list)
        self.session.dirty_changed.connect(lambda _dirty: self._show_recommendation_in_list())
        self.editor = CaseEditor(self.session)
        self.session.label_of = lambda path: self._field_names([path])[0]
        self.results = ResultsPane()
        self.results.findings.field_requested.connect(self.editor.focus_field)
        self.results.recommendation.describe_problem = self.editor.describe_problem
        self.results.recommendation.decision_requested.connect(self.record_decision)
        self.results.recommendation.field_requested.connect(self.editor.focus_field)
        self.session.assessed.connect(lambda: self.results.show_assessment(self.session.assessment))
        # Beside the recommendation: the office's earlier decisions on similar cases.
        self.precedents = PrecedentsPanel()
        self.precedents.open_requested.connect(self.open_stored_case)
        self.results.insertWidget(1, self.precedents)
        self.results.setStretchFactor(1, 2)
        self.results.setSizes([260, 300, 360])
        self._precedents_timer = QTimer(self)
        self._precedents_timer.setSingleShot(True)
        self._precedents_timer.setInterval(PRECEDENTS_DELAY_MS)
        self._precedents_timer.timeout.connect(self.find_precedents)
        self._precedents_asked = 0
        self.statistics_window: StatisticsWindow | None = None
        self.session.assessed.connect(self._precedents_timer.start)
        self.session.dirty_changed.connect(lambda _dirty: self._update_title())
        self.session.fields_changed.connect(lambda _paths: self._case_edited())

        self.empty_state = self._empty_state()
        self.case_area = QStackedWidget()
        self.case_area.addWidget(self.empty_state)
        self.case_area.addWidget(self.editor)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.case_area)
        self.splitter.addWidget(self.results)
        # The case form gets most of the width, and keeps it when the window is small.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.conflict_banner = ConflictBanner()
        self.conflict_banner.resolve_requested.connect(self.save_case)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # Scrolling the form or the list never changes a choice the pointer passes over.
        keep_values_from_the_wheel(central)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft_now)

        self.setAcceptDrops(True)
        self._build_actions()
        self.statusBar().showMessage(self.tr("Ready"))
        self._restore_layout()
        self._update_title()

    def start(self, case_file: Path | None = None) -> None:
        """What follows the first paint: open the database, then the case file given or an unsaved draft."""
        if not self.isVisible():
            return  # closed before it got this far
        self.read_office_settings()
        self.ask_office_country_once()
        self.open_store()
        if case_file is not None:
            self.open_case_file(case_file)
        else:
            self.offer_draft()

    # --- construction ---

    def _empty_state(self) -> QLabel:
        hint = QLabel(
            self.tr(
                "<h2>No case open</h2>"
                "<p>Start a new case with <b>Ctrl+N</b>, open one from the case list,<br>"
                "open a case file with <b>Ctrl+O</b> or import a Europass or Open Badges credential "
                "with <b>Ctrl+I</b>.</p>"
                "<p style='color:{colour}'>Findings and the recommendation update as you type.</p>"
            ).format(colour=SECONDARY_TEXT_COLOUR)
        )
        hint.setObjectName("emptyState")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setTextFormat(Qt.TextFormat.RichText)
        hint.setWordWrap(True)
        return hint

    def _action(
        self, text: str, handler: Callable[[], Any], shortcut: QKeySequence | QKeySequence.StandardKey | str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: handler())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New case"), self.new_case, QKeySequence.StandardKey.New)
        self.save_action = self._action(self.tr("&Save"), self.save_case, QKeySequence.StandardKey.Save)
        self.open_file_action = self._action(
            self.tr("&Open case file…"), self.open_case_file_dialog, QKeySequence.StandardKey.Open
        )
        self.export_file_action = self._action(
            self.tr("Export case &file…"), self.export_case_file_dialog, "Ctrl+Shift+E"
        )
        self.decision_action = self._action(self.tr("Record &decision…"), self.record_decision, "Ctrl+D")
        self.report_action = self._action(self.tr("Export PDF &report…"), self.export_report, "Ctrl+E")
        self.import_action = self._action(self.tr("&Import credential…"), self.import_credential_dialog, "Ctrl+I")
        self.import_stack_action = self._action(
            self.tr("Import credentials as a &stack…"), self.import_stack_dialog, "Ctrl+Shift+I"
        )
        self.settings_action = self._action(self.tr("Se&ttings…"), self.edit_settings)
        # Ctrl+, where the platform binds no key of its own to preferences (Windows, plain X11).
        self.settings_action.setShortcuts(_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.find_action = self._action(self.tr("&Find case"), self.find_case, QKeySequence.StandardKey.Find)
        self.quit_action = self._action(self.tr("&Quit"), self.close)
        # Ctrl+Q everywhere: some platforms (plain X11 without a desktop's theme) bind no quit key of their own.
        self.quit_action.setShortcuts(_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(_keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        self.addActions([self.undo_action, self.redo_action])

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.save_action])
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_action, self.import_stack_action, self.open_file_action, self.export_file_action]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.settings_action, self.quit_action])
        self.file_menu = file_menu
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        self.case_menu = self.menuBar().addMenu(self.tr("&Case"))
        self.case_menu.addActions([self.decision_action, self.report_action])
        self.seminar_action = self._action(self.tr("Open seminar &pack…"), self.seminar.open_pack_dialog)
        self.seminar_menu = self.menuBar().addMenu(self.tr("&Seminar"))
        self.new_pack_action = self._action(self.tr("&New pack from case files…"), self.seminar.new_pack_dialog)
        self.exercise_pack_action = self._action(
            self.tr("Save the &exercise pack…"), self.seminar.save_exercise_pack_dialog
        )
        self.seminar_menu.addActions([self.seminar_action, self.new_pack_action, self.exercise_pack_action])
        self.statistics_action = self._action(self.tr("Office &statistics and register…"), self.show_statistics)
        self.office_menu = self.menuBar().addMenu(self.tr("&Office"))
        self.office_menu.addAction(self.statistics_action)
        self.guide_action = self._action(self.tr("User &guide"), self.show_guide)
        self.guide_action.setShortcuts(_keys(QKeySequence.StandardKey.HelpContents, "F1"))
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        self.about_action = self._action(self.tr("&About Recogniser"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addActions([self.guide_action, self.shortcuts_action])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self._update_case_actions()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for reference in self.settings.recent_cases():
            action = self.recent_menu.addAction(reference)
            action.triggered.connect(lambda _checked=False, chosen=reference: self.open_stored_case(chosen))
        self.recent_menu.setEnabled(True)
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent cases")).setEnabled(False)

    # --- the open case ---

    @property
    def has_case(self) -> bool:
        return bool(self.session.document)

    def case_name(self) -> str:
        for path in ("reference", "credential.title", "credential.learner.name"):
            value = value_at(self.session.document, path)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return self.tr("New case")

    def _update_title(self) -> None:
        if self.has_case:
            self.setWindowTitle(self.tr("{case}[*] — Recogniser").format(case=self.case_name()))
        else:
            self.setWindowTitle(self.tr("Recogniser"))
        self.setWindowModified(self.session.dirty)

    def _update_case_actions(self) -> None:
        for action in (self.save_action, self.export_file_action, self.decision_action, self.report_action):
            action.setEnabled(self.has_case)

    def _case_edited(self) -> None:
        self._update_title()
        if self.session.dirty:
            self._draft_timer.start()

    def load_document(
        self,
        document: Mapping[str, Any],
        reference: str | None = None,
        version: int | None = None,
        dirty: bool = False,
    ) -> None:
        """Show ``document`` in the editor (the caller has already dealt with unsaved changes)."""
        self.conflict_banner.hide()
        self.stored_reference = reference
        self.stored_version = version
        #: The credential file an import read, kept with the case when it is first saved.
        self.pending_original: tuple[str, bytes] | None = None
        self.session.load(document)
        if dirty:
            # A restored draft, a duplicate or an import: unsaved until the evaluator saves it. Its draft takes
            # the place of the one of the case it replaces at once.
            self.session.undo_stack.resetClean()
            self.write_draft_now()
        else:
            # The draft of the case this one replaces: the evaluator let it go (leave_case_then).
            self._draft_timer.stop()
            discard_draft()
        self.case_area.setCurrentWidget(self.editor)
        self._update_title()
        self._update_case_actions()
        self.results.show_history([])
        if reference is None:
            self.case_list.table.clearSelection()
        if reference is not None:
            self._load_history(reference)

    def close_case(self) -> None:
        self.load_document({})
        self.case_area.setCurrentWidget(self.empty_state)
        self._update_title()
        self._update_case_actions()

    def leave_case_then(self, action: Callable[[], object]) -> None:
        """Run ``action`` once unsaved changes are saved or may be discarded; not at all if the evaluator cancels.

        Discarded changes stay in the editor and the draft until ``action`` puts another case in their place
        (``load_document``): an action that comes to nothing (a file that cannot be read, an import that fails)
        leaves the case as it was, still unsaved."""
        if not self.has_case or not self.session.dirty:
            action()
            return
        choice = self.dialogs.unsaved_changes(self, self.case_name())
        if choice is UnsavedChoice.SAVE:
            self.save_case(then=action)
        elif choice is UnsavedChoice.DISCARD:
            action()

    def new_case(self) -> None:
        self.leave_case_then(self._new_case)

    def _new_case(self) -> None:
        self.load_document(new_document(self.office.assessing_country, Purpose.ADMISSION))
        self.editor.focus_field("credential.title")

    # --- the store ---

    def open_store(self) -> None:
        """Connect to the database off the UI thread; a failure is shown in the case list, not raised. The
        database is chosen as on the command line: RECOGNISER_DATABASE_URL, else settings.toml, else SQLite."""
        previous, self.store = self.store, None
        self.case_list.set_store(None)
        self.case_list.show_database_problem(None)
        self.case_list.show_status(self.tr("Opening the case database…"))

        def opened(store: CaseStore) -> None:
            self.store, self.store_problem = store, None
            self.case_list.set_store(store)
            self.statusBar().showMessage(self.tr("Cases are kept in {place}").format(place=store.place), 8000)

        def failed(error: BaseException) -> None:
            self.store_problem = str(error)
            self.case_list.show_database_problem(
                self.tr(
                    "The case database cannot be used: {error}.\n\nYou can go on entering a case and export it as a "
                    "file; choose another database, or the file on this computer, in Settings."
                ).format(error=str(error).rstrip("."))
            )
            if not isinstance(error, UserInputError):
                self.show_failure(self.tr("Opening the case database"), error)

        def connect() -> CaseStore:
            from recogniser.store import CaseStore

            if previous is not None:
                previous.close()
            return CaseStore.open()

        self.tasks.run(self.tr("Opening the case database"), connect, opened, failed)

    def _require_store(self) -> CaseStore | None:
        if self.store is None:
            self.dialogs.error(
                self,
                self.tr("No case database"),
                self.tr(
                    "The case database is not available{reason}. Export the case file (Ctrl+Shift+E) to keep "
                    "your work, or choose another database in Settings."
                ).format(reason=f": {self.store_problem}" if self.store_problem else ""),
            )
        return self.store

    def save_case(self, then: Callable[[], object] | None = None) -> None:
        """Save to the store (Ctrl+S). A case the reader cannot read is refused, naming the fields to fix."""
        if not self.has_case:
            return
        case = self._readable_case(self.session.document)
        if case is not None:
            self._store_case(case, self.stored_reference, self.stored_version, then)

    def _readable_case(self, document: Mapping[str, Any]) -> Case | None:
        """``document`` as a case to store. A case that is not a valid case file yet (a target still to pick, a
        date half typed) is not stored, since the store and its exports hold only valid case files (spec.md §1);
        the work stays in the editor and the draft, and the evaluator is taken to the first field to fill in."""
        try:
            return parse_case(document)
        except CaseFileError as error:
            self.write_draft_now()
            self.editor.show_every_problem()
            problems = "\n".join(f"• {self.editor.describe_problem(p)}" for p in error.problems)
            first = error.problems[0].field if error.problems else ""
            slot = self.editor.slot_for(field_of(first)) if first else None
            text = self.tr(
                "“{case}” cannot be saved to the case database until these fields are filled in or fixed:\n"
                "{problems}\n\nNothing is lost meanwhile: your work stays open here and is kept as a draft on this "
                "computer, offered back if Recogniser closes before it is saved."
            ).format(case=self.case_name(), problems=problems)
            if slot is None:
                self.dialogs.error(self, self.tr("Cannot save yet"), text)
            elif self.dialogs.confirm(
                self,
                self.tr("Cannot save yet"),
                text,
                self.tr("Go to {field}").format(field=slot.field.widget.accessibleName()),
            ):
                self.editor.focus_field(first)
            return None

    def _store_case(
        self, case: Case, reference: str | None, version: int | None, then: Callable[[], object] | None
    ) -> None:
        """Add ``case``, or save it over ``version`` of ``reference``; a save someone else overtook is put to
        the evaluator (``_resolve_conflict``), and ``then`` runs only once the case is saved."""
        store = self._require_store()
        if store is None:
            return
        snapshot = self.session.document
        original = self.pending_original

        def work() -> StoredCase | SaveConflict:
            if reference is None or version is None:
                return store.add_case(case, original)
            from recogniser.store import CaseConflictError, UnknownReferenceError

            try:
                return store.save_case(reference, case, version)
            except (CaseConflictError, UnknownReferenceError):
                try:
                    stored = store.get_case(reference)
                except UnknownReferenceError:
                    stored = None
                return SaveConflict(reference, version, stored)

        def saved(outcome: StoredCase | SaveConflict) -> None:
            if isinstance(outcome, SaveConflict):
                self._resolve_conflict(outcome, then)
                return
            self.conflict_banner.hide()
            self.stored_reference, self.stored_version = outcome.reference, outcome.version
            if self.session.document is snapshot:
                self.session.assign("reference", outcome.reference)
                self.session.mark_saved()
                discard_draft()
            self.settings.remember_case(outcome.reference)
            self.case_list.refresh()
            self.statusBar().showMessage(self.tr("Saved {reference}").format(reference=outcome.reference), 5000)
            if then is not None:
                then()

        self.tasks.run(self.tr("Saving the case"), work, saved)

    def _resolve_conflict(self, conflict: SaveConflict, then: Callable[[], object] | None) -> None:
        """Someone saved (or removed) the case since it was opened here. The evaluator chooses; until then, and
        whatever they choose short of discarding, their edits stay in the editor and in the draft."""
        stored = conflict.stored
        if stored is not None and not self.session.dirty:
            # Nothing was changed here, so nothing is lost by showing their version; what was to follow (a
            # decision) waits until the evaluator has looked at it.
            discard_draft()
            self._show_stored_case(stored)
            self.dialogs.information(
                self,
                self.tr("Someone else changed this case"),
                conflict_summary(conflict) + " " + self.tr("It is now shown as stored; review it before going on."),
            )
            return
        if stored is not None and stored.case.document == self.session.document:
            # They saved exactly what is here: taking their version loses nothing and needs no question.
            discard_draft()
            self._show_stored_case(stored)
            if then is not None:
                then()
            return
        self.write_draft_now()
        differences = (
            () if stored is None else self._field_names(differing_paths(self.session.document, stored.case.document))
        )
        conflict = replace(conflict, differences=differences)
        self.conflict_banner.show_conflict(conflict)
        self.case_list.refresh()  # the list shows the case as now stored while the evaluator decides
        choice = self.dialogs.save_conflict(self, conflict)
        if choice is ConflictChoice.SAVE_AS_NEW_CASE:
            self._save_as_new_case(conflict, then)
        elif choice is ConflictChoice.OVERWRITE and stored is not None and self._confirm_overwrite(conflict, stored):
            case = self._readable_case(self.session.document)
            if case is not None:
                self._store_case(case, conflict.reference, stored.version, then)
        elif choice is ConflictChoice.RELOAD and stored is not None and self._confirm_reload(conflict, stored):
            # ``then`` (record a decision, leave the case) was meant for their own version: it does not run.
            discard_draft()
            self._show_stored_case(stored)
            self.statusBar().showMessage(
                self.tr("Opened {reference} as saved on {when}; your changes were discarded").format(
                    reference=stored.reference, when=local_time(stored.updated_at)
                ),
                8000,
            )
        else:
            self.statusBar().showMessage(self.tr("Not saved: your changes are kept"), 8000)

    def _field_names(self, paths: list[str]) -> tuple[str, ...]:
        """The form's labels for document paths (the path itself where the form has no field for it)."""
        names: list[str] = []
        for path in paths:
            slot = self.editor.slot_for(path)
            name = slot.field.widget.accessibleName() if slot is not None else path
            if name not in names:
                names.append(name)
        return tuple(names)

    def _save_as_new_case(self, conflict: SaveConflict, then: Callable[[], object] | None) -> None:
        """Keep both: the evaluator's version becomes a case of its own; the stored one stays as it was saved."""
        document = dict(self.session.document)
        if document.get("reference") == conflict.reference:
            del document["reference"]  # the store gives the copy its own
        case = self._readable_case(document)
        if case is None:
            return

        def saved_as_new() -> None:
            self.results.show_history([])  # the decisions stay with the case they were taken on
            self.statusBar().showMessage(
                self.tr("Saved your version as {copy}; {reference} stays as the other evaluator saved it").format(
                    copy=self.stored_reference, reference=conflict.reference
                ),
                8000,
            )
            if then is not None:
                then()

        self._store_case(case, None, None, saved_as_new)

    def _confirm_overwrite(self, conflict: SaveConflict, stored: StoredCase) -> bool:
        question = self.tr(
            "Your version replaces {reference} as saved on {when} (version {version}). What is stored there now in "
            "these fields is lost: {fields}."
        )
        return self._confirm_against(
            conflict, stored, self.tr("Save over the newer version?"), question, self.tr("Save over it")
        )

    def _confirm_reload(self, conflict: SaveConflict, stored: StoredCase) -> bool:
        question = self.tr(
            "Open {reference} as saved on {when} (version {version}) and discard your changes? What you entered "
            "in these fields is lost: {fields}."
        )
        return self._confirm_against(
            conflict, stored, self.tr("Discard your changes?"), question, self.tr("Discard mine")
        )

    def _confirm_against(
        self, conflict: SaveConflict, stored: StoredCase, title: str, question: str, action: str
    ) -> bool:
        """Ask before a choice that loses one of the two versions, naming the version and what it loses."""
        text = question.format(
            reference=conflict.reference,
            when=local_time(stored.updated_at),
            version=stored.version,
            fields=field_list(conflict.differences),
        )
        return self.dialogs.confirm(self, title, text, action)

    def open_stored_case(self, reference: str) -> None:
        if reference == self.stored_reference and self.has_case:
            return
        self.leave_case_then(lambda: self._fetch_case(reference, self._show_stored_case))

    def _fetch_case(self, reference: str, then: Callable[[StoredCase], None]) -> None:
        store = self._require_store()
        if store is not None:
            self.tasks.run(self.tr("Opening the case"), lambda: store.get_case(reference), then)

    def _show_stored_case(self, stored: StoredCase) -> None:
        self.load_document(stored.case.document, stored.reference, stored.version)
        self.settings.remember_case(stored.reference)
        self.case_list.select_reference(stored.reference)

    def _select_open_case(self) -> None:
        if self.stored_reference is not None and self.has_case:
            self.case_list.select_reference(self.stored_reference)

    def _show_recommendation_in_list(self) -> None:
        """The stored case's row shows the recommendation the editor shows for it, while both are of the same text."""
        decision = self.session.assessment.decision
        if self.session.dirty or not self.session.assessment.complete or decision is None:
            self.case_list.model.show_recommendation(None, None)
        else:
            self.case_list.model.show_recommendation(self.stored_reference, decision.recommendation.outcome)

    def duplicate_case(self, reference: str) -> None:
        def duplicate(stored: StoredCase) -> None:
            document = {key: value for key, value in stored.case.document.items() if key != "reference"}
            self.load_document(document, dirty=True)
            self.statusBar().showMessage(
                self.tr("A copy of {reference}: it gets its own reference when saved").format(reference=reference)
            )

        self.leave_case_then(lambda: self._fetch_case(reference, duplicate))

    def delete_case(self, summary: CaseSummary) -> None:
        store = self._require_store()
        if store is None:
            return
        if summary.has_decisions:
            self._refuse_deletion(summary.reference)
            return
        confirmed = self.dialogs.confirm(
            self,
            self.tr("Delete the case?"),
            self.tr("Delete {reference} ({title})? This cannot be undone.").format(
                reference=summary.reference, title=summary.title or self.tr("untitled")
            ),
            self.tr("Delete"),
        )
        if not confirmed:
            return

        def deleted(_nothing: None) -> None:
            self.settings.forget_case(summary.reference)
            discard_drafts_of(summary.reference)
            if self.stored_reference == summary.reference:
                self.session.mark_saved()
                self.close_case()
            self.case_list.refresh()
            self.statusBar().showMessage(self.tr("Deleted {reference}").format(reference=summary.reference), 5000)

        def refused(error: BaseException) -> None:
            from recogniser.store import CaseHasDecisionsError

            if isinstance(error, CaseHasDecisionsError):
                self.case_list.refresh()  # a decision was recorded elsewhere since the list was read
                self._refuse_deletion(summary.reference)
            else:
                self.show_failure(self.tr("Deleting the case"), error)

        self.tasks.run(
            self.tr("Deleting the case"),
            lambda: store.delete_case(summary.reference, summary.version),
            deleted,
            refused,
        )

    def _refuse_deletion(self, reference: str) -> None:
        self.dialogs.error(
            self,
            self.tr("Cannot delete the case"),
            self.tr("{reference} has a recorded decision, so it is part of the record and is kept.").format(
                reference=reference
            ),
        )

    def find_case(self) -> None:
        self.case_list.show()
        self.case_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.case_list.search.selectAll()

    # --- decisions ---

    def record_decision(self, saved: bool = False) -> None:
        """Record the evaluator's final decision on the case as saved. It is saved first, which also finds out
        whether someone else changed it since it was opened here (a decision must be on the text they see)."""
        if not self.has_case:
            return
        if not saved or self.session.dirty or self.stored_reference is None:
            self.save_case(then=lambda: self.record_decision(saved=True))
            return
        self.session.assess_now()
        case, decision = self.session.assessment.case, self.session.assessment.decision
        store, reference = self.store, self.stored_reference
        if case is None or decision is None or store is None:
            return
        entry = self.dialogs.record_decision(
            self, case, decision.recommendation, self.office.evaluator_name, self.precedents.precedents
        )
        if entry is None:
            return
        if not self.office.evaluator_name:
            self.change_office_settings(replace(self.office, evaluator_name=entry.decided_by))

        def recorded(stored: StoredDecision) -> None:
            self.case_list.refresh()
            self._load_history(reference)
            self.statusBar().showMessage(self.tr("Decision recorded for {reference}").format(reference=reference), 5000)

        self.tasks.run(
            self.tr("Recording the decision"),
            lambda: store.record_decision(
                reference,
                decision,
                entry.decided_by,
                entry.final_outcome,
                entry.justification or None,
                final_ects=entry.ects,
                divergence_reason=entry.divergence_reason,
            ),
            recorded,
        )

    # --- the office's record ---

    def find_precedents(self) -> None:
        """Look up the office's earlier decisions on cases like the one being edited; the latest answer wins."""
        store, assessment = self.store, self.session.assessment
        self._precedents_asked += 1
        asked = self._precedents_asked
        if store is None or assessment.case is None or not self.has_case:
            self.precedents.show_precedents([], None, None)
            return
        case = assessment.case
        recommendation = None if assessment.decision is None else assessment.decision.recommendation

        def show(found: list[Precedent]) -> None:
            if asked == self._precedents_asked:
                self.precedents.show_precedents(
                    found,
                    None if recommendation is None else recommendation.outcome,
                    None if recommendation is None else recommendation.ects_recognised,
                )

        self.tasks.run(self.tr("Finding earlier decisions"), lambda: store.similar_cases(case), show)

    def show_statistics(self) -> None:
        store = self._require_store()
        if store is None:
            return
        from recogniser.ui.statistics_window import StatisticsWindow  # the charts load when first used

        window = StatisticsWindow(store, self.tasks, self.dialogs, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.statistics_window = window
        window.show()

    def _load_history(self, reference: str) -> None:
        store = self.store
        if store is None:
            return

        def show(decisions: list[StoredDecision]) -> None:
            if reference == self.stored_reference:
                self.results.show_history(decisions)

        self.tasks.run(self.tr("Reading the decisions"), lambda: store.decisions_for(reference), show)

    # --- the report ---

    def _assessed_or_explain(self, action: str) -> Assessment | None:
        """The current assessment when the case can be read; otherwise say which fields stop ``action``."""
        self.session.assess_now()
        assessment = self.session.assessment
        if assessment.complete:
            return assessment
        self.editor.show_every_problem()
        problems = "\n".join(self.editor.describe_problem(p) for p in assessment.problems)
        self.dialogs.error(
            self,
            action,
            self.tr("Fix these fields first:\n{problems}").format(problems=problems)
            if problems
            else assessment.failure or self.tr("There is no case to use."),
        )
        return None

    def report_settings(self) -> Callable[[], ReportSettings]:
        """Who the report is from, as the office settings say; the logo is checked off the UI thread, by the
        returned function."""
        office = self.office

        def checked() -> ReportSettings:
            from recogniser.report.settings import report_settings

            return report_settings(office, settings_file())

        return checked

    def export_report(self) -> None:
        """Render the PDF report off the UI thread and preview it (Ctrl+E); saving is a step of the preview."""
        if not self.has_case:
            return
        assessment = self._assessed_or_explain(self.tr("Cannot write the report yet"))
        if assessment is None or assessment.case is None or assessment.decision is None:
            return
        case, decision, report_settings = assessment.case, assessment.decision, self.report_settings()
        store, reference = self.store, self.stored_reference

        def render() -> bytes:
            from recogniser.report import render_report
            from recogniser.report.render import ORIGINAL_DESCRIPTION, Attachment

            # A stored case's report shows the decision recorded on this text in the evaluator's block.
            recorded = store.decisions_for(reference) if store is not None and reference is not None else []
            kept = store.original(reference) if store is not None and reference is not None else None
            original = Attachment(kept[0], kept[1], ORIGINAL_DESCRIPTION, "application/octet-stream") if kept else None
            return render_report(case, decision, report_settings(), recorded=recorded, original=original)

        self.statusBar().showMessage(self.tr("Writing the report…"))
        self.tasks.run(
            self.tr("Writing the report"),
            render,
            lambda pdf: self._show_preview(pdf, decision.reference or self.case_name()),
        )

    def _show_preview(self, pdf: bytes, name: str) -> None:
        self.statusBar().clearMessage()
        self.preview = PdfPreview(pdf, self.tr("Report — {case}").format(case=name), self)
        self.preview.save_requested.connect(lambda data: self._save_report(data, name))
        self.preview.open()

    def _save_report(self, pdf: bytes, name: str) -> None:
        preview = self.preview
        path = self.dialogs.save_path(
            preview or self, self.tr("Save the report"), f"{_file_name(name)}.pdf", self.tr("PDF files (*.pdf)")
        )
        if not path:
            return

        def saved(_nothing: None) -> None:
            self.statusBar().showMessage(self.tr("Report saved to {path}").format(path=path), 8000)
            if preview is not None:
                preview.accept()

        self.tasks.run(self.tr("Saving the report"), lambda: write_bytes_atomically(path, pdf), saved)

    # --- import ---

    def import_credential_dialog(self) -> None:
        # The file first: cancelling the chooser must not have asked about, let alone lost, the open case.
        path = self.dialogs.open_path(self, self.tr("Import a credential"), self.tr(CREDENTIAL_FILE_FILTER))
        if path:
            self.leave_case_then(lambda: self.import_credential(Path(path)))

    def import_credential(self, path: Path) -> None:
        """Read a Europass or Open Badges credential off the UI thread into a new, unsaved case."""
        country = self.office.assessing_country or None

        def read() -> ImportResult:
            from recogniser.interchange import import_credential
            from recogniser.interchange.report import FROM_SETTINGS

            return import_credential(path, assessing_country=country, assessing_country_origin=FROM_SETTINGS)

        self.tasks.run(
            self.tr("Importing the credential"),
            read,
            lambda result: self._show_import(path, result),
        )

    def import_stack_dialog(self) -> None:
        """Several credentials of one learner into one new case, assessed together towards the target."""
        paths = self.dialogs.open_paths(self, self.tr("Import credentials as a stack"), self.tr(CREDENTIAL_FILE_FILTER))
        if len(paths) == 1:
            self.leave_case_then(lambda: self.import_credential(Path(paths[0])))
        elif paths:
            self.leave_case_then(lambda: self.import_credentials([Path(path) for path in paths]))

    def import_credentials(self, paths: list[Path]) -> None:
        """Read several credentials off the UI thread into one new, unsaved case of several credentials."""
        country = self.office.assessing_country or None

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
            self.load_document(document, dirty=True)
            # The store keeps one original per case: a stack's files are named, with their SHA-256, in it.
            self.pending_original = None
            for path, result in zip(paths, results, strict=True):
                self.dialogs.import_report(self, result, path)

        self.tasks.run(self.tr("Importing the credentials"), read, show)

    def _show_import(self, path: Path, result: ImportResult) -> None:
        self.load_document(result.document, dirty=True)
        self.pending_original = (path.name, result.original)
        self.dialogs.import_report(self, result, path)

    # --- help ---

    def show_guide(self) -> None:
        from recogniser.ui.help import guide_window

        self._show_help(guide_window(self))

    def show_shortcuts(self) -> None:
        from recogniser.ui.help import shortcuts_window

        self._show_help(shortcuts_window(self.actions(), self))

    def show_about(self) -> None:
        from recogniser.ui.help import about_window

        self._show_help(about_window(self))

    def _show_help(self, window: TextWindow) -> None:
        """A help window beside the main one (not modal: the evaluator reads it while working)."""
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        self.help_window = window

    # --- settings ---

    def read_office_settings(self) -> None:
        """Read settings.toml; a problem with it is shown once and the defaults are used meanwhile. Settings an
        earlier version kept in QSettings move into the file (where it leaves a key unset)."""
        try:
            self.office = load_settings()
        except UserInputError as error:
            self.dialogs.error(self, self.tr("Settings"), "\n".join(error.lines()))
            return
        legacy = {
            key: value for key, value in self.settings.legacy_office_settings().items() if not getattr(self.office, key)
        }
        if legacy and self.change_office_settings(replace(self.office, **legacy)):
            self.settings.forget_legacy_office_settings()

    def ask_office_country_once(self) -> None:
        """On first start, ask which country the office assesses for, the assessing country of new and imported
        cases. Asked once: an evaluator who leaves it for later sets it in Settings."""
        if self.office.assessing_country or self.settings.office_country_asked():
            return
        country = self.dialogs.office_country(self)
        self.settings.remember_office_country_asked()
        if country:
            self.change_office_settings(replace(self.office, assessing_country=country))

    def change_office_settings(self, settings: Settings) -> bool:
        """Save ``settings`` to settings.toml and use them; False (with the reason shown) when it cannot be written."""
        try:
            save_settings(settings)
        except UserInputError as error:
            self.dialogs.error(self, self.tr("Settings"), "\n".join(error.lines()))
            return False
        self.office = settings
        return True

    def edit_settings(self) -> None:
        try:
            current = load_settings()  # the file may have been edited by hand meanwhile
        except UserInputError as error:
            self.dialogs.error(self, self.tr("Settings"), "\n".join(error.lines()))
            return
        saved = self.dialogs.edit_settings(self, current, settings_file())
        if saved is None:
            return
        previous, self.office = self.office, saved
        if saved.database_url != previous.database_url:
            self.open_store()

    # --- case files ---

    def open_case_file_dialog(self) -> None:
        path = self.dialogs.open_path(self, self.tr("Open a case file"), self.tr(CASE_FILE_FILTER))
        if path:
            self.leave_case_then(lambda: self.open_case_file(Path(path)))

    def open_case_file(self, path: Path) -> bool:
        """Read a case file into the editor as a new, unsaved case (Ctrl+S then stores it)."""
        try:
            case = load_case(path)
        except UserInputError as error:
            self.dialogs.error(self, self.tr("Cannot open the case file"), "\n".join(error.lines()))
            return False
        self.load_document(case.document, dirty=True)
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=path), 5000)
        return True

    def show_seminar_pack(self, pack: Pack) -> SeminarWindow:
        """A seminar window for ``pack``: the group's verdicts and the comparison of the groups."""
        from recogniser.ui.seminar_window import SeminarWindow  # seminar mode, with its charts, loads when first used

        window = SeminarWindow(pack, self.dialogs)
        window.group.case_requested.connect(self.open_seminar_case)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Kept here so the window lives as long as it is open.
        self.seminar_windows.append(window)
        window.destroyed.connect(lambda _object=None, closed=window: self.seminar_windows.remove(closed))
        window.show()
        return window

    def open_seminar_case(self, document: dict[str, Any]) -> None:
        """A pack's case in the editor, with every finding, as a new unsaved case (the pack stays as it is)."""
        self.leave_case_then(lambda: self.load_document(document, dirty=True))
        self.raise_()
        self.activateWindow()

    def export_case_file_dialog(self) -> None:
        suggested = f"{_file_name(self.case_name())}.json"
        path = self.dialogs.save_path(self, self.tr("Export the case file"), suggested, self.tr(CASE_FILE_FILTER))
        if path:
            self.export_case_file(Path(path))

    def export_case_file(self, path: Path) -> bool:
        """Write the case as a ``recogniser-case/1`` file as it stands, problems and all: it is the evaluator's
        work, and reading the file back names what is still wrong."""
        try:
            write_text_atomically(path, dumps_case(self.session.document))
        except OSError as error:
            self.dialogs.error(self, self.tr("Cannot write the case file"), f"{path}: {error.strerror or error}")
            return False
        self.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 5000)
        return True

    # --- drafts ---

    def write_draft_now(self) -> None:
        self._draft_timer.stop()
        if not self.has_case or not self.session.dirty:
            return
        try:
            write_draft(Draft(self.session.document, self.stored_reference, self.stored_version))
        except OSError as error:
            _log.warning("cannot write the draft: %s", error)
            self.statusBar().showMessage(self.tr("Cannot keep a draft: {error}").format(error=error.strerror), 8000)

    def offer_draft(self) -> bool:
        """Offer back the work an earlier run did not save; True when it was restored."""
        draft = read_draft()
        if draft is None:
            return False
        name = value_at(draft.document, "reference") or value_at(draft.document, "credential.title")
        restore = self.dialogs.confirm(
            self,
            self.tr("Restore unsaved work?"),
            self.tr("Recogniser closed before “{case}” was saved. Restore the unsaved changes?").format(
                case=name or self.tr("a new case")
            ),
            self.tr("Restore"),
        )
        if not restore:
            discard_draft()
            return False
        self.load_document(draft.document, draft.reference, draft.version, dirty=True)
        return True

    # --- errors ---

    def show_failure(self, title: str, error: BaseException) -> None:
        """The one place errors from background work are shown: a user's problem as is, a fault with the log."""
        if isinstance(error, UserInputError):
            self.dialogs.error(self, title, "\n".join(error.lines()))
            return
        _log.error("%s failed", title, exc_info=error)
        self.dialogs.error(
            self,
            title,
            self.tr("{title} failed: {error}\n\nDetails are in the log: {log}").format(
                title=title, error=error, log=log_file()
            ),
        )

    # --- window state ---

    def _restore_layout(self) -> None:
        """The size and place the window had, kept within the screen's free area (a smaller screen, another
        scaling, a screen gone); on first start a size that suits the screen, centred on it."""
        available = self.screen().availableGeometry()
        geometry = self.settings.layout("window")
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(first_geometry(available, FIRST_SIZE))
        elif not self.isMaximized() and not self.isFullScreen():
            self.setGeometry(within(self.geometry(), available))
        splitter = self.settings.layout("splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes(first_splits(self.width(), self.case_list.preferred_width()))

    def _save_layout(self) -> None:
        self.settings.set_layout("window", QByteArray(self.saveGeometry()))
        self.settings.set_layout("splitter", QByteArray(self.splitter.saveState()))
        self.settings.sync()

    # --- dropped files ---

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        files = _local_files(event.mimeData())
        if len(files) == 1 or (files and not any(_is_case_file(path) for path in files)):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = _local_files(event.mimeData())
        if len(files) == 1:
            event.acceptProposedAction()
            self.open_dropped_file(files[0])
        elif files and not any(_is_case_file(path) for path in files):
            # Several credentials dropped together: one case in which they are assessed as a stack.
            event.acceptProposedAction()
            self.leave_case_then(lambda: self.import_credentials(files))

    def open_dropped_file(self, path: Path) -> None:
        """A dropped case file opens as it is; anything else is read as a Europass or Open Badges credential."""
        if _is_case_file(path):
            self.leave_case_then(lambda: self.open_case_file(path))
        else:
            self.leave_case_then(lambda: self.import_credential(path))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.has_case and self.session.dirty and not self._closing:
            # Asked here rather than through leave_case_then: Qt ignores a close() made while this one is
            # under way, so Discard must let this very close go on.
            choice = self.dialogs.unsaved_changes(self, self.case_name())
            if choice is UnsavedChoice.SAVE:
                event.ignore()
                self.save_case(then=self._close_now)  # saving runs in the background; the window closes after
                return
            if choice is not UnsavedChoice.DISCARD:
                event.ignore()
                return
        self._draft_timer.stop()
        self._precedents_timer.stop()
        self.tasks.wait()
        if self.store is not None:
            self.store.close()
            self.store = None
        self._save_layout()
        discard_draft()
        event.accept()

    def _close_now(self) -> None:
        """Close once the case is saved (called from the save's result, after the first close was ignored)."""
        self._closing = True
        self.close()


#: The size the window opens at on first start where the screen has room for it.
FIRST_SIZE = QSize(1560, 900)


def first_splits(width: int, case_list_width: int) -> list[int]:
    """The widths of the case list, the case form and the findings when the window is first laid out: the list
    as wide as its columns want where there is room, the findings a little more than a quarter, the form the
    rest."""
    case_list = min(case_list_width, width * 28 // 100)
    results = width * 28 // 100
    return [case_list, width - case_list - results, results]


#: What a file name may not hold on one of the systems evaluators use (Windows is the strictest), and control
#: characters.
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _file_name(name: str) -> str:
    """``name`` (a case's title or reference) fit to suggest as a file name on any system."""
    cleaned = " ".join(_NOT_IN_FILE_NAMES.sub("-", name).split()).strip(" .")
    return cleaned or "case"


def _keys(standard: QKeySequence.StandardKey, *common: str) -> list[QKeySequence]:
    """The platform's keys for ``standard`` and the ``common`` ones, each once: a key bound twice to one action
    is an ambiguous shortcut, and Qt then runs neither."""
    keys: list[QKeySequence] = []
    for key in [*QKeySequence.keyBindings(standard), *(QKeySequence(text) for text in common)]:
        if key not in keys:
            keys.append(key)
    return keys


def _local_files(data: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


def _is_case_file(path: Path) -> bool:
    """Whether the file declares itself a case file: its opening names the format (it is not parsed here)."""
    try:
        with path.open("rb") as stream:
            opening = stream.read(4096)
    except OSError:
        return False
    return CASE_FORMAT.encode() in opening
