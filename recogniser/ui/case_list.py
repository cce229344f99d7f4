"""The stored cases pane: searched as the evaluator types, filtered, sorted, and the case commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMargins, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recogniser.errors import UserInputError
from recogniser.model import Outcome, Purpose
from recogniser.ui.case_list_model import CaseListModel
from recogniser.ui.fields import fit_popup_to_choices
from recogniser.ui.look import ERROR_COLOUR, SECONDARY_TEXT_COLOUR
from recogniser.ui.tasks import TaskRunner
from recogniser.vocabulary import outcome_label, purpose_label

if TYPE_CHECKING:
    # The store (SQLAlchemy) is imported by the background thread that opens it, not before the first paint.
    from recogniser.store import CaseCursor, CasePage, CaseQuery, CaseStore, CaseSummary

#: Rows fetched at a time; more arrive as the evaluator scrolls.
PAGE_SIZE = 200
#: Typing pauses this long before the store is searched: each keystroke would otherwise be a query.
SEARCH_DELAY_MS = 120


class CaseListPane(QWidget):
    """Search box, filters, the case table and the case commands. Store calls go through ``tasks``."""

    open_requested = Signal(str)
    new_requested = Signal()
    duplicate_requested = Signal(str)
    delete_requested = Signal(object)
    import_requested = Signal()
    settings_requested = Signal()
    loaded = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.store: CaseStore | None = None
        self.query: CaseQuery | None = None
        self._sort = ("updated", True)
        self._generation = 0
        #: Where the next page of the list starts (None: the list is whole).
        self._after: CaseCursor | None = None
        self.model = CaseListModel(self)
        self.model.page_requested.connect(self._load_page)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search reference, learner, title, body… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)

        self.purpose_filter = self._filter(
            self.tr("Filter by purpose"), self.tr("All purposes"), [(purpose_label(p), p.value) for p in Purpose]
        )
        self.outcome_filter = self._filter(
            self.tr("Filter by outcome"), self.tr("All outcomes"), [(outcome_label(o), o.value) for o in Outcome]
        )

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Cases"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # In a narrow pane the table scrolls sideways rather than squeeze the names to a few letters.
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0") * 10)
        header.setSectionResizeMode(CaseListModel.LEARNER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CaseListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (CaseListModel.REFERENCE, 112),
            (CaseListModel.LEARNER, 120),
            (CaseListModel.AWARDING_BODY, 160),
            (CaseListModel.PURPOSE, 150),
            (CaseListModel.OUTCOME, 118),
            (CaseListModel.UPDATED, 115),
        ):
            header.resizeSection(column, width)
        # The narrow list shows what finds a case; the other columns are a right-click on the header away.
        for column in (CaseListModel.AWARDING_BODY, CaseListModel.PURPOSE, CaseListModel.UPDATED):
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(CaseListModel.UPDATED, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.activated.connect(lambda index: self.open_requested.emit(self.model.summary(index.row()).reference))
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())

        self.status = QLabel()
        self.status.setObjectName("caseListStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        # A database that cannot be used is said above the list, in plain words, with the way to another one.
        self.problem = QLabel()
        self.problem.setObjectName("caseListProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.settings_button = QPushButton(self.tr("Open Settings…"))
        self.settings_button.clicked.connect(lambda _checked=False: self.settings_requested.emit())
        self.problem_box = QFrame()
        self.problem_box.setFrameShape(QFrame.Shape.StyledPanel)
        problem_layout = QVBoxLayout(self.problem_box)
        problem_layout.addWidget(self.problem)
        problem_layout.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problem_box.hide()

        # A tool bar rather than a row of buttons: when the pane is narrow the last commands move into its »
        # menu, so the list can give its width to the case form.
        self.commands = QToolBar(self.tr("Case commands"))
        self.commands.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_button = self._button(self.tr("New"), self.tr("New case"), self.new_requested.emit)
        self.open_button = self._button(self.tr("Open"), self.tr("Open the selected case"), self._open_selected)
        self.duplicate_button = self._button(
            self.tr("Duplicate"), self.tr("Duplicate the selected case"), self._duplicate_selected
        )
        self.delete_button = self._button(
            self.tr("Delete…"), self.tr("Delete the selected case"), self._delete_selected
        )
        self.import_button = self._button(
            self.tr("Import…"), self.tr("Import a Europass or Open Badges credential"), self.import_requested.emit
        )

        filters = QHBoxLayout()
        filters.addWidget(self.purpose_filter, 1)
        filters.addWidget(self.outcome_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.problem_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.commands)
        self.show_status(self.tr("Opening the case database…"))
        self._update_buttons()

    def _filter(self, name: str, everything: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        # Sized by a short label, not its longest choice: the filters must not hold the pane wide.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.addItem(everything, "")
        for label, value in choices:
            combo.addItem(label, value)
        fit_popup_to_choices(combo)
        combo.activated.connect(lambda _index: self.refresh())
        return combo

    def _button(self, text: str, name: str, handler: Callable[[], Any]) -> QToolButton:
        action = QAction(text, self)
        action.setIconText(text)  # a tool bar would drop the … that says a question follows
        action.setToolTip(name)
        action.triggered.connect(lambda _checked=False: handler())
        self.commands.addAction(action)
        button = self.commands.widgetForAction(action)
        assert isinstance(button, QToolButton)
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable with Tab, as the buttons were
        return button

    # --- the store ---

    def preferred_width(self) -> int:
        """The width that shows the shown columns whole, a learner's name and a credential's title at a
        readable length (about 16 characters each) and every heading, beside a scroll bar."""
        header = self.table.horizontalHeader()
        readable = self.table.fontMetrics().horizontalAdvance("0") * 16
        columns = 0
        for column in range(self.model.columnCount()):
            if self.table.isColumnHidden(column):
                continue
            stretches = header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
            columns += max(readable, header.sectionSizeHint(column)) if stretches else header.sectionSize(column)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        return columns + frame + margins.left() + margins.right()

    def set_store(self, store: CaseStore | None) -> None:
        self.store = store
        self.refresh()

    def show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};" if error else f"color: {SECONDARY_TEXT_COLOUR};")

    def show_database_problem(self, text: str | None) -> None:
        """Say above the list why the case database cannot be used, with a button to Settings; None: it can."""
        self.problem.setText(text or "")
        self.problem_box.setVisible(bool(text))
        if text:
            self.show_status("")

    def refresh(self) -> None:
        """Reload the list for the current search, filters and order."""
        self._search_timer.stop()
        store = self.store
        if store is None:
            self.model.set_rows([], 0)
            self._update_buttons()
            return
        from recogniser.store import CaseQuery, CaseSort  # loaded with the store by now

        purpose, outcome = self.purpose_filter.currentData(), self.outcome_filter.currentData()
        query = self.query = CaseQuery(
            search=self.search.text().strip(),
            purpose=Purpose(purpose) if purpose else None,
            outcome=Outcome(outcome) if outcome else None,
            sort=CaseSort(self._sort[0]),
            descending=self._sort[1],
        )
        self._generation += 1
        generation = self._generation

        def load() -> CasePage:
            # One call: the search is planned once for the page and its total.
            return store.page_cases(query, None, PAGE_SIZE)

        self.tasks.run(self.tr("Listing the cases"), load, lambda page: self._loaded(generation, page), self._failed)

    def _loaded(self, generation: int, page: CasePage) -> None:
        if generation != self._generation:
            return  # a newer search has been typed since
        assert page.total is not None
        total = page.total
        self._after = page.after
        self.model.set_rows(page.cases, total)
        query = self.query
        if total == 0 and query is not None and not (query.search or query.purpose or query.outcome):
            self.show_status(self.tr("No cases yet. Create one with New (Ctrl+N) or import a credential."))
        elif total == 0:
            self.show_status(self.tr("No case matches."))
        else:
            self.show_status(self.tr("%Ln case(s)", "", total))
        self._update_buttons()
        self.loaded.emit()

    def _load_page(self, _offset: int) -> None:
        """The next page, from where the last one ended (keyset paging: a deep page costs what the first does)."""
        store, query, generation, after = self.store, self.query, self._generation, self._after
        if store is None or query is None:
            return
        if after is None:
            self.model.append_rows([])
            return

        def appended(page: CasePage) -> None:
            if generation == self._generation:
                self._after = page.after
                self.model.append_rows(page.cases)

        self.tasks.run(
            self.tr("Listing the cases"),
            lambda: store.page_cases(query, after, PAGE_SIZE, count=False),
            appended,
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        """A database problem is shown here, in the list, and the list stays usable."""
        self.model.set_rows([], 0)
        text = "\n".join(error.shown_lines()) if isinstance(error, UserInputError) else str(error)
        self.show_status(self.tr("Cannot list the cases: {error}").format(error=text), error=True)
        self._update_buttons()
        self.loaded.emit()
        if not isinstance(error, UserInputError):
            # A fault rather than a database the evaluator can fix: logged and reported with the log's place.
            self.tasks.failed.emit(self.tr("Listing the cases"), error)

    def _choose_columns(self, position: QPoint) -> None:
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != CaseListModel.REFERENCE)
            action.toggled.connect(lambda shown, chosen=column: self.table.setColumnHidden(chosen, not shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (CaseListModel.SORTS[column], order == Qt.SortOrder.DescendingOrder)
        self.refresh()

    # --- selection and commands ---

    def selected(self) -> CaseSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.summary(rows[0].row()) if rows else None

    def select_reference(self, reference: str) -> None:
        row = self.model.row_of(reference)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        summary = self.selected()
        # Actions rather than buttons: a command moved into the » menu must be greyed there too.
        for button in (self.open_button, self.duplicate_button):
            button.defaultAction().setEnabled(summary is not None)
        # Decided cases are part of the record and the store keeps them: the command says so rather than ask.
        kept = summary is not None and summary.has_decisions
        delete = self.delete_button.defaultAction()
        delete.setEnabled(summary is not None and not kept)
        delete.setToolTip(
            self.tr("A case with a recorded decision is part of the record and cannot be deleted")
            if kept
            else self.delete_button.accessibleName()
        )

    def _open_selected(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.open_requested.emit(summary.reference)

    def _duplicate_selected(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.duplicate_requested.emit(summary.reference)

    def _delete_selected(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.delete_requested.emit(summary)
