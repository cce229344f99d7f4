"""The credentials of the open case, above the credential's form.

A case of one credential shows only a line offering to add another (typed or imported), so it looks and works as
it always did. A case of several (a stack) lists them: each with its title, awarding body and credits, what it
counts for in the stack and whether it has a problem to fix. Choosing one shows it in the form below; Add starts a
blank one, Import… reads credential files into the case, and credential files dropped on the list are read into
it too. Remove asks first for a credential that holds anything, and Edit › Undo brings it back.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recogniser.i18n import number, shown
from recogniser.model import StackRole
from recogniser.ui.authenticity import AuthenticityBanner
from recogniser.ui.document import credential_items, credential_name
from recogniser.ui.dropped import is_case_file, local_files
from recogniser.ui.icons import icon
from recogniser.ui.look import ERROR_COLOUR, SECONDARY_TEXT_COLOUR
from recogniser.ui.session import CaseSession
from recogniser.vocabulary import label

#: Asks the evaluator a yes-or-no question: (title, text, the action's button) -> whether to go ahead.
Confirm = Callable[[str, str, str], bool]

#: The list shows this many credentials before it scrolls.
VISIBLE_ROWS = 5

_ROLE_COLOURS = {StackRole.COUNTED: "#2e7d32", StackRole.PENDING: "#a15c00", StackRole.EXCLUDED: ERROR_COLOUR}


def _holds_anything(item: Mapping[str, Any]) -> bool:
    return any(value not in (None, "", [], {}) for value in item.values())


class _List(QListWidget):
    """Delete removes the chosen credential, as it removes an outcome from an outcome list."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentRow() >= 0:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class CredentialList(QWidget):
    """The case's credentials as a list the evaluator adds to, removes from and chooses the one to edit."""

    #: Credential files to read into the open case; an empty list asks which.
    import_requested = Signal(list)

    def __init__(self, session: CaseSession, confirm: Confirm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._confirm = confirm
        self._roles: dict[int, tuple[StackRole, str]] = {}
        self._problems: dict[int, int] = {}
        self.setAcceptDrops(True)
        self.setAccessibleName(self.tr("Credentials of the case"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.heading, 1)
        self.add_button = self._button(top, "add", self.tr("Add a credential"))
        menu = QMenu(self.add_button)
        self.add_blank_action = QAction(self.tr("Blank credential, to type in"), menu)
        self.add_blank_action.triggered.connect(lambda _checked=False: self.add_blank())
        self.import_action = QAction(self.tr("Import credential files…"), menu)
        self.import_action.triggered.connect(lambda _checked=False: self.import_requested.emit([]))
        menu.addActions([self.add_blank_action, self.import_action])
        self.add_button.setMenu(menu)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.remove_button = self._button(top, "remove", self.tr("Remove the chosen credential"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_chosen())
        layout.addLayout(top)
        self.list = _List()
        self.list.setAccessibleName(self.tr("Credentials of the stack"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(self._row_chosen)
        self.list.delete_pressed.connect(self.remove_chosen)
        layout.addWidget(self.list)
        session.fields_changed.connect(self._fields_changed)
        session.credential_chosen.connect(self._show_chosen)
        session.assessed.connect(self._assessed)
        self.refresh()

    def _button(self, layout: QHBoxLayout, icon_name: str, label: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setText(label)
        button.setToolTip(label)
        button.setAccessibleName(label)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return button

    # --- what the evaluator does ---

    def add_blank(self) -> None:
        """Add a blank credential to type in and show it in the form (the case becomes a stack)."""
        items = credential_items(self.session.document) or [{}]
        self.session.set_credentials([*items, {}], self.tr("Add a credential"), chosen=len(items))

    def remove_chosen(self) -> None:
        """Remove the credential the form shows, asking first where it holds anything (undo brings it back)."""
        items = credential_items(self.session.document)
        if len(items) < 2:
            return
        index = self.session.chosen_credential
        name = credential_name(items[index], index)
        if _holds_anything(items[index]) and not self._confirm(
            self.tr("Remove a credential"),
            self.tr(
                "Remove {name} from this case? What was entered for it goes with it{imported}. Edit › Undo brings "
                "it back."
            ).format(
                name=name,
                imported=self.tr(", and the record of the file it was imported from")
                if items[index].get("provenance")
                else "",
            ),
            self.tr("Remove"),
        ):
            return
        rest = [item for position, item in enumerate(items) if position != index]
        self.session.set_credentials(rest, self.tr("Remove {name}").format(name=name), chosen=min(index, len(rest) - 1))

    def choose(self, index: int) -> None:
        self.session.choose_credential(index)

    # --- the credential the form shows ---

    def show_chosen_in(self, box: QGroupBox, banner: AuthenticityBanner) -> None:
        """Name the chosen credential of a stack in the form's section ``box``, and put the authenticity band of
        its file right above it (for a case of one, at the top of the form, where it has always been)."""
        items = credential_items(self.session.document)
        parent = box.parentWidget()
        layout = parent.layout() if parent is not None else None
        if self.session.stacked:
            index = self.session.chosen_credential
            box.setTitle(
                self.tr("{name}, {number} of {count}").format(
                    name=credential_name(items[index], index), number=index + 1, count=len(items)
                )
                if items[index].get("title")
                else self.tr("Credential {number} of {count}").format(number=index + 1, count=len(items))
            )
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(layout.indexOf(box), banner)
        else:
            box.setTitle(self.tr("Credential"))
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(0, banner)
        self.show_authenticity(banner)

    def show_authenticity(self, banner: AuthenticityBanner) -> None:
        """The band about the file the shown credential was imported from (hidden for one typed in)."""
        if not self.session.stacked:
            banner.show_document(self.session.document)
            return
        items = credential_items(self.session.document)
        provenance = items[self.session.chosen_credential].get("provenance") if items else None
        banner.show_document({"provenance": provenance} if provenance is not None else {})

    # --- dropped credential files ---

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        files = local_files(event.mimeData())
        if files and not any(is_case_file(path) for path in files):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = local_files(event.mimeData())
        if files and not any(is_case_file(path) for path in files):
            event.acceptProposedAction()
            self.import_requested.emit(list(files))

    # --- following the session ---

    def _fields_changed(self, paths: tuple[str, ...]) -> None:
        if not paths:
            self._roles.clear()
            self._problems.clear()
        if not paths or any(path.split(".")[0] in ("credential", "credentials") for path in paths):
            self.refresh()

    def _assessed(self) -> None:
        assessment = self.session.assessment
        stack = assessment.decision.stack if assessment.decision is not None and not assessment.stale else None
        if stack is not None:
            self._roles = {
                c.index: (c.role, "; ".join(shown(reason) for reason in c.reasons)) for c in stack.credentials
            }
        elif not assessment.stale:
            self._roles = {}
        self._problems = {}
        for problem in assessment.problems:
            head = (problem.field or "").partition(".")[0]
            if head.startswith("credentials[") and head.endswith("]") and head[12:-1].isdigit():
                position = int(head[12:-1])
                self._problems[position] = self._problems.get(position, 0) + 1
        self.refresh()

    def _show_chosen(self, index: int) -> None:
        if self.list.currentRow() != index and index < self.list.count():
            self.list.setCurrentRow(index)

    def _row_chosen(self, row: int) -> None:
        if row >= 0:
            self.session.choose_credential(row)

    def refresh(self) -> None:
        """Show the case's credentials as they are now."""
        items = credential_items(self.session.document)
        stacked = self.session.stacked
        self.list.setVisible(stacked)
        self.remove_button.setVisible(stacked)
        if not stacked:
            self.heading.setText(
                f"<span style='color:{SECONDARY_TEXT_COLOUR}'>"
                + html.escape(self.tr("More credentials of this learner towards the target?"))
                + "</span>"
            )
            self.add_button.setText(self.tr("Add a credential"))
            self.list.clear()
            return
        self.heading.setText(
            "<b>"
            + html.escape(self.tr("{count} credentials, assessed together (a stack)").format(count=len(items)))
            + "</b> "
            + f"<span style='color:{SECONDARY_TEXT_COLOUR}'>"
            + html.escape(self.tr("Choose one to edit it below."))
            + "</span>"
        )
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        blocked = self.list.blockSignals(True)
        while self.list.count() > len(items):
            self.list.takeItem(self.list.count() - 1)
        for index, item in enumerate(items):
            row = self.list.item(index) if index < self.list.count() else None
            if row is None:
                row = QListWidgetItem()
                self.list.addItem(row)
            text, tip = self._describe(index, item)
            row.setText(text)
            row.setToolTip(tip)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            problems = self._problems.get(index, 0)
            role = self._roles.get(index)
            colour = ERROR_COLOUR if problems else (_ROLE_COLOURS[role[0]] if role else None)
            row.setData(Qt.ItemDataRole.ForegroundRole, None if colour is None else QBrush(QColor(colour)))
        self.list.setCurrentRow(self.session.chosen_credential)
        self.list.blockSignals(blocked)
        self._fit_height()

    def _describe(self, index: int, item: Mapping[str, Any]) -> tuple[str, str]:
        """The row's text (name, then body, credits and role) and its tooltip (the role's reasons)."""
        name = (
            credential_name(item, index)
            if item.get("title")
            else self.tr("Credential {number} (no title yet)").format(number=index + 1)
        )
        body = item.get("awarding_body")
        details = [str(body["name"])] if isinstance(body, Mapping) and body.get("name") else []
        workload = item.get("workload")
        if isinstance(workload, Mapping) and isinstance(workload.get("ects"), int | float):
            details.append(self.tr("{ects} ECTS").format(ects=number(workload["ects"])))
        if item.get("provenance"):
            details.append(self.tr("imported"))
        tip = ""
        problems = self._problems.get(index, 0)
        if problems:
            details.append(self.tr("{count} to fix").format(count=problems))
        role = self._roles.get(index)
        if role is not None:
            details.append(label(role[0]))
            tip = role[1]
        return name + ("\n" + " · ".join(details) if details else ""), tip

    def _fit_height(self) -> None:
        rows = min(max(self.list.count(), 1), VISIBLE_ROWS)
        row_height = self.list.sizeHintForRow(0) if self.list.count() else self.list.fontMetrics().height() * 2
        frame = 2 * self.list.frameWidth()
        self.list.setFixedHeight(rows * max(row_height, 1) + frame + 2)
