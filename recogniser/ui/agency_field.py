"""The external QA agency, typed with instant fuzzy suggestions from the agency register."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLabel, QVBoxLayout, QWidget

from recogniser.agencies import AgencyRegister, MatchStatus, RegistrationState
from recogniser.i18n import from_data, shown, written_date
from recogniser.model import Status
from recogniser.rules.quality_evidence import NOT_ESG_QUALITY_ASSURANCE, not_esg_kind
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
        # The issuer's country, the issue date and the awarding body decide what the mark says, as in the rules.
        session.fields_changed.connect(lambda _paths: self._show_match())

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
        colour, words = self._judgement(text)
        self.match.setText(f"<span style='color:{colour}'>{html.escape(words)}</span>")
        self.match.show()

    def _judgement(self, text: str) -> tuple[str, str]:
        """What the rules will say of the named body, in a line: the same look-up (with the issuer's country) and
        the agency's standing on the issue date, from the same register."""
        register = self._register()
        body_name = self.session.value("credential.awarding_body.name")
        kind = not_esg_kind(text, body_name if isinstance(body_name, str) else None)
        if kind is not None:
            return STATUS_COLOURS[Status.WARNING], self.tr("{what}: not quality assurance of learning").format(
                what=NOT_ESG_QUALITY_ASSURANCE[kind].split(",")[0]
            )
        country = self.session.value("credential.issuer_country") or self.session.value(
            "credential.awarding_body.country"
        )
        found = register.lookup(text, country=country if isinstance(country, str) else None)
        if found.status is MatchStatus.AMBIGUOUS:
            names = ", ".join(candidate.acronym for candidate in found.candidates[:4])
            return STATUS_COLOURS[Status.WARNING], self.tr("Several agencies match: {names}").format(names=names)
        if found.status is not MatchStatus.FOUND or found.agency is None:
            return STATUS_COLOURS[Status.WARNING], self.tr("Not in the EQAR agency data (as of {date})").format(
                date=written_date(register.as_of)
            )
        agency = found.agency
        named = f"{agency.name}, {agency.country}"
        day = _date(self.session.value("credential.issue_date"))
        state = agency.registration_on(day) if day is not None else None
        issued = written_date(day) if day is not None else ""
        if state is RegistrationState.REGISTERED:
            return STATUS_COLOURS[Status.PASS], "✓ " + self.tr("{agency} — on the EQAR register on {date}").format(
                agency=named, date=issued
            )
        if state in (RegistrationState.SUSPENDED, RegistrationState.NO_LONGER_REGISTERED):
            why = shown(from_data(agency.status_reason)) if agency.status_reason else ""
            return STATUS_COLOURS[Status.FAIL], self.tr("{agency} — not on the EQAR register on {date}: {why}").format(
                agency=named, date=issued, why=why
            )
        if state is RegistrationState.NOT_YET_REGISTERED:
            return STATUS_COLOURS[Status.FAIL], self.tr("{agency} — registered on EQAR only from {start}").format(
                agency=named, start=written_date(agency.periods[0].start)
            )
        return SECONDARY_TEXT_COLOUR, self.tr("{agency} — in the EQAR agency data of {date}").format(
            agency=named, date=written_date(register.as_of)
        ) + (self.tr("; its registration on {day} is to be confirmed").format(day=issued) if issued else "")


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
