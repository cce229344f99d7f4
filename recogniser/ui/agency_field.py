"""The external QA agency, typed with instant fuzzy suggestions from the agency register."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLabel, QVBoxLayout, QWidget

from recogniser.agencies import AgencyRegister, MatchStatus
from recogniser.model import Status
from recogniser.ui.fields import TextField, fit_to_items
from recogniser.ui.look import SECONDARY_TEXT_COLOUR, STATUS_COLOURS
from recogniser.ui.session import CaseSession

#: How many suggestions the list shows.
SUGGESTIONS = 8

_ACRONYM_ROLE = Qt.ItemDataRole.UserRole + 1


class AgencyField(TextField):
    """Suggestions come from ``register()`` (loaded on first use); choosing one enters the agency's acronym."""

    def __init__(
        self, session: CaseSession, path: str, accessible_name: str, register: Callable[[], AgencyRegister]
    ) -> None:
        super().__init__(session, path, accessible_name, "")
        self.line.setPlaceholderText(self.tr("agency name or acronym, e.g. ASHE"))
        self._register = register
        self.suggestions = QStandardItemModel(self.line)
        self.completer = QCompleter(self.suggestions, self.line)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(_ACRONYM_ROLE)
        self.completer.setMaxVisibleItems(SUGGESTIONS)
        self.completer.activated.connect(self.choose)
        self.line.setCompleter(self.completer)
        self.line.textEdited.connect(self.suggest)
        self.match = QLabel()
        self.match.setObjectName(f"match:{path}")
        self.match.setWordWrap(True)
        self.match.setTextFormat(Qt.TextFormat.RichText)
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.match)
        container.setFocusProxy(self.line)
        container.setObjectName(path)
        self.widget = container
        self.line.textChanged.connect(lambda _text: self._show_match())

    def suggest(self, text: str) -> None:
        self.suggestions.clear()
        for agency, _score in self._register().search(text, SUGGESTIONS):
            item = QStandardItem(f"{agency.acronym} — {agency.name} ({agency.country})")
            item.setData(agency.acronym, _ACRONYM_ROLE)
            item.setToolTip(item.text())
            self.suggestions.appendRow(item)
        popup = self.completer.popup()
        if popup is not None:
            fit_to_items(popup)

    def choose(self, acronym: str) -> None:
        self.line.setText(acronym)
        self.commit()

    def _show_match(self) -> None:
        text = self.line.text().strip()
        if not text:
            self.match.setText("")
            self.match.hide()
            return
        found = self._register().lookup(text)
        if found.status is MatchStatus.FOUND and found.agency is not None:
            agency = found.agency
            self.match.setText(
                f"<span style='color:{STATUS_COLOURS[Status.PASS]}'>✓</span> "
                f"<span style='color:{SECONDARY_TEXT_COLOUR}'>"
                f"{html.escape(agency.name)}, {html.escape(agency.country)} — "
                + html.escape(self.tr("in the EQAR register"))
                + "</span>"
            )
        elif found.status is MatchStatus.AMBIGUOUS:
            names = ", ".join(candidate.acronym for candidate in found.candidates[:4])
            self.match.setText(
                f"<span style='color:{STATUS_COLOURS[Status.WARNING]}'>"
                + html.escape(self.tr("Several agencies match: {names}").format(names=names))
                + "</span>"
            )
        else:
            self.match.setText(
                f"<span style='color:{STATUS_COLOURS[Status.WARNING]}'>"
                + html.escape(self.tr("Not in the EQAR register snapshot"))
                + "</span>"
            )
        self.match.show()
