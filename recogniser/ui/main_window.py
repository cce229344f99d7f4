"""The main window: the case list, the case editor and the live findings side by side.

The window lays out the panes and the menus and wires them to the controllers (:mod:`recogniser.ui.controllers`),
which hold the workflows: the office and its database, the open case and its draft, saving and its conflicts,
opening and importing cases, decisions, exports and the seminar menu.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from recogniser.case_checks import Problem
from recogniser.ui.case_editor import CaseEditor
from recogniser.ui.case_list import CaseListPane
from recogniser.ui.controllers.cases import CaseCommands, can_open
from recogniser.ui.controllers.decisions import Decisions
from recogniser.ui.controllers.exports import Exports
from recogniser.ui.controllers.office import Office
from recogniser.ui.controllers.open_case import OpenCase
from recogniser.ui.controllers.saving import Saving
from recogniser.ui.controllers.seminar import SeminarController
from recogniser.ui.dialogs import Dialogs, UnsavedChoice
from recogniser.ui.dropped import local_files as _local_files
from recogniser.ui.fields import keep_values_from_the_wheel
from recogniser.ui.findings_panel import ResultsPane
from recogniser.ui.look import SECONDARY_TEXT_COLOUR
from recogniser.ui.pdf_preview import PdfPreview
from recogniser.ui.precedents_panel import PrecedentsPanel
from recogniser.ui.save_conflict import ConflictBanner, SaveConflict
from recogniser.ui.screen import first_geometry, within
from recogniser.ui.session import Assessor, CaseSession
from recogniser.ui.settings import AppSettings
from recogniser.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # The store and seminar mode pull in SQLAlchemy and the charts: they are imported where first used.
    from recogniser.seminar import Pack
    from recogniser.ui.help import TextWindow
    from recogniser.ui.seminar_window import SeminarWindow
    from recogniser.ui.statistics_window import StatisticsWindow


class EditorForm:
    """The case editor as the controllers see it (:class:`~recogniser.ui.controllers.saving.Form`)."""

    def __init__(self, editor: CaseEditor) -> None:
        self.editor = editor

    def describe_problem(self, problem: Problem) -> str:
        return self.editor.describe_problem(problem)

    def show_every_problem(self) -> None:
        self.editor.show_every_problem()

    def field_label(self, path: str) -> str | None:
        slot = self.editor.slot_for(path)
        return None if slot is None else slot.field.widget.accessibleName()

    def focus_field(self, path: str) -> object:
        return self.editor.focus_field(path)


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
        self.dialogs = dialogs or Dialogs()
        self.tasks = TaskRunner(self)
        self.session = CaseSession(assessor, self)
        self.preview: PdfPreview | None = None
        self._closing = False
        self.seminar_windows: list[SeminarWindow] = []
        self.help_window: TextWindow | None = None
        self.statistics_window: StatisticsWindow | None = None

        self.case_list = CaseListPane(self.tasks)
        self.editor = CaseEditor(self.session, confirm=lambda *question: self.dialogs.confirm(self, *question))
        self.results = ResultsPane()
        # Beside the recommendation: the office's earlier decisions on similar cases.
        self.precedents = PrecedentsPanel()
        self.results.insertWidget(1, self.precedents)
        self.results.setStretchFactor(1, 3)
        self._share_results_column()
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
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # Scrolling the form or the list never changes a choice the pointer passes over.
        keep_values_from_the_wheel(central)

        form = EditorForm(self.editor)
        self.office = Office(settings, self.dialogs, self.tasks, self)
        self.case = OpenCase(self.session, self.office, self)
        self.saving = Saving(self.case, self.office, form, self)
        self.cases = CaseCommands(self.case, self.saving, self.office, self)
        self.editor.credentials.import_requested.connect(self.cases.add_credentials)
        self.decisions = Decisions(self.case, self.saving, self.office, self)
        self.exports = Exports(self.case, form, self.office, self)
        self.seminar = SeminarController(self.dialogs, self)
        self._connect()
        self.setAcceptDrops(True)
        self._build_actions()
        self.statusBar().showMessage(self.tr("Ready"))
        self._restore_layout()
        self._update_title()

    def _connect(self) -> None:
        """Each controller's news to the panes that show it, and the panes' requests to the controllers."""
        for controller in (self.office, self.case, self.saving, self.cases, self.decisions, self.exports):
            controller.message.connect(self._show_message)
        self.office.store_changed.connect(self.case_list.set_store)
        self.office.database_status.connect(self.case_list.show_status)
        self.office.database_problem.connect(self.case_list.show_database_problem)
        self.case.loaded.connect(self._case_loaded)
        self.saving.conflict_changed.connect(self._show_conflict)
        self.saving.stored.connect(lambda _reference: self.case_list.refresh())
        self.cases.started.connect(lambda: self.editor.focus_field("credential.title"))
        self.cases.list_changed.connect(self.case_list.refresh)
        self.decisions.history_changed.connect(self.results.show_history)
        self.decisions.recorded.connect(lambda _reference: self.case_list.refresh())
        self.decisions.precedents_found.connect(self.precedents.show_precedents)
        self.case.loaded.connect(self.precedents.another_case)
        self.precedents.filled.connect(self._share_results_column)
        self.exports.report_ready.connect(self._show_preview)
        self.seminar.pack_opened.connect(self.show_seminar_pack)

        self.case_list.open_requested.connect(self.cases.open_stored)
        self.case_list.new_requested.connect(self.cases.new_case)
        self.case_list.duplicate_requested.connect(self.cases.duplicate)
        self.case_list.delete_requested.connect(self.cases.delete)
        self.case_list.import_requested.connect(self.cases.import_credential_dialog)
        self.case_list.settings_requested.connect(self.office.edit_settings)
        # The open case stays chosen in the list as it reloads (after a save or a decision, a search).
        self.case_list.loaded.connect(self._select_open_case)
        self.conflict_banner.resolve_requested.connect(self.saving.save)
        self.precedents.open_requested.connect(self.cases.open_stored)
        self.results.findings.field_requested.connect(self.editor.focus_field)
        self.results.recommendation.describe_problem = self.editor.describe_problem
        self.results.recommendation.decision_requested.connect(self.decisions.record)
        self.results.recommendation.field_requested.connect(self.editor.focus_field)
        self.session.label_of = lambda path: self.saving.field_names([path])[0]
        self.session.assessed.connect(lambda: self.results.show_assessment(self.session.assessment))
        self.session.assessed.connect(self._show_recommendation_in_list)
        self.session.dirty_changed.connect(lambda _dirty: self._show_recommendation_in_list())
        self.session.dirty_changed.connect(lambda _dirty: self._update_title())
        self.session.fields_changed.connect(lambda _paths: self._update_title())

    def start(self, case_file: Path | None = None) -> None:
        """What follows the first paint: open the database, then the case file given or an unsaved draft."""
        if not self.isVisible():
            return  # closed before it got this far
        self.office.read_settings()
        self.office.ask_country_once()
        self.office.open_store()
        if case_file is not None:
            self.cases.open_case_file(case_file)
        else:
            self.case.offer_draft()

    # --- construction ---

    def _share_results_column(self) -> None:
        """The recommendation, the earlier decisions and the findings share the column; the earlier decisions get
        room for a few entries and the justification of the one chosen (while there are none, the panel is only
        its heading and the findings take its share)."""
        column = sum(self.results.sizes()) or 960
        self.results.setSizes([column * 22 // 100, column * 45 // 100, column * 33 // 100])

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
        self.new_action = self._action(self.tr("&New case"), self.cases.new_case, QKeySequence.StandardKey.New)
        self.save_action = self._action(self.tr("&Save"), self.saving.save, QKeySequence.StandardKey.Save)
        self.open_file_action = self._action(
            self.tr("&Open case file…"), self.cases.open_case_file_dialog, QKeySequence.StandardKey.Open
        )
        self.export_file_action = self._action(
            self.tr("Export case &file…"), self.exports.export_case_file_dialog, "Ctrl+Shift+E"
        )
        self.decision_action = self._action(self.tr("Record &decision…"), self.decisions.record, "Ctrl+D")
        self.report_action = self._action(self.tr("Export PDF &report…"), self.exports.export_report, "Ctrl+E")
        self.import_action = self._action(self.tr("&Import credential…"), self.cases.import_credential_dialog, "Ctrl+I")
        self.import_stack_action = self._action(
            self.tr("Import credentials as a &stack…"), self.cases.import_stack_dialog, "Ctrl+Shift+I"
        )
        self.settings_action = self._action(self.tr("Se&ttings…"), self.office.edit_settings)
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
            action.triggered.connect(lambda _checked=False, chosen=reference: self.cases.open_stored(chosen))
        self.recent_menu.setEnabled(True)
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent cases")).setEnabled(False)

    # --- the open case ---

    def _show_message(self, text: str, milliseconds: int) -> None:
        self.statusBar().showMessage(text, milliseconds)

    def _update_title(self) -> None:
        if self.case.has_case:
            self.setWindowTitle(self.tr("{case}[*] — Recogniser").format(case=self.case.name()))
        else:
            self.setWindowTitle(self.tr("Recogniser"))
        self.setWindowModified(self.session.dirty)

    def _update_case_actions(self) -> None:
        for action in (self.save_action, self.export_file_action, self.decision_action, self.report_action):
            action.setEnabled(self.case.has_case)

    def _case_loaded(self) -> None:
        self.case_area.setCurrentWidget(self.editor if self.case.has_case else self.empty_state)
        self._update_title()
        self._update_case_actions()
        if self.case.reference is None:
            self.case_list.table.clearSelection()
        else:
            self.case_list.select_reference(self.case.reference)

    def _show_conflict(self, conflict: SaveConflict | None) -> None:
        if conflict is None:
            self.conflict_banner.hide()
        else:
            self.conflict_banner.show_conflict(conflict)

    def _select_open_case(self) -> None:
        if self.case.reference is not None and self.case.has_case:
            self.case_list.select_reference(self.case.reference)

    def _show_recommendation_in_list(self) -> None:
        """The stored case's row shows the recommendation the editor shows for it, while both are of the same text."""
        decision = self.session.assessment.decision
        if self.session.dirty or not self.session.assessment.complete or decision is None:
            self.case_list.model.show_recommendation(None, None)
        else:
            self.case_list.model.show_recommendation(self.case.reference, decision.recommendation.outcome)

    def find_case(self) -> None:
        self.case_list.show()
        self.case_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.case_list.search.selectAll()

    # --- windows beside this one ---

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
        self.cases.open_document(document)
        self.raise_()
        self.activateWindow()

    def show_statistics(self) -> None:
        store = self.office.require_store()
        if store is None:
            return
        from recogniser.ui.statistics_window import StatisticsWindow  # the charts load when first used

        window = StatisticsWindow(store, self.tasks, self.dialogs, self, office_name=self.office.settings.office_name)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.statistics_window = window
        window.show()

    def _show_preview(self, pdf: bytes, name: str) -> None:
        self.statusBar().clearMessage()
        preview = PdfPreview(pdf, self.tr("Report — {case}").format(case=name), self)
        preview.save_requested.connect(lambda data: self.exports.save_report(data, name, preview, preview.accept))
        self.preview = preview
        preview.open()

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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if can_open(_local_files(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = _local_files(event.mimeData())
        if can_open(files):
            event.acceptProposedAction()
            self.cases.open_files(files)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.case.dirty and not self._closing:
            # Asked here rather than through Saving.leave_then: Qt ignores a close() made while this one is
            # under way, so Discard must let this very close go on.
            choice = self.dialogs.unsaved_changes(self, self.case.name())
            if choice is UnsavedChoice.SAVE:
                event.ignore()
                self.saving.save(then=self._close_now)  # saving runs in the background; the window closes after
                return
            if choice is not UnsavedChoice.DISCARD:
                event.ignore()
                return
        self.decisions.stop()
        self.office.close_store()
        self.case.let_go()
        self._save_layout()
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


def _keys(standard: QKeySequence.StandardKey, *common: str) -> list[QKeySequence]:
    """The platform's keys for ``standard`` and the ``common`` ones, each once: a key bound twice to one action
    is an ambiguous shortcut, and Qt then runs neither."""
    keys: list[QKeySequence] = []
    for key in [*QKeySequence.keyBindings(standard), *(QKeySequence(text) for text in common)]:
        if key not in keys:
            keys.append(key)
    return keys
