"""The evaluator's decision on the open case, the decisions recorded on it, and the office's earlier decisions on
cases like it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from recogniser.ui.controllers.base import Controller
from recogniser.ui.controllers.office import Office
from recogniser.ui.controllers.open_case import OpenCase
from recogniser.ui.controllers.saving import Saving

if TYPE_CHECKING:
    from recogniser.model import Outcome
    from recogniser.precedents import Precedent
    from recogniser.store import StoredDecision

#: The office's earlier decisions are looked up this long after the findings settle: as the evaluator types,
#: without a query per keystroke.
PRECEDENTS_DELAY_MS = 400


class Decisions(Controller):
    """``history_changed`` carries the decisions recorded on the open case, latest last; ``recorded`` the reference
    a decision was recorded for; ``precedents_found`` the earlier decided cases like the open one, with the
    outcome and credits recommended for it (None when there is no recommendation to compare with)."""

    history_changed = Signal(list)
    recorded = Signal(str)
    precedents_found = Signal(list, object, object)

    def __init__(self, case: OpenCase, saving: Saving, office: Office, parent: QObject | None = None) -> None:
        super().__init__(office.dialogs, parent)
        self.case = case
        self.saving = saving
        self.office = office
        #: The earlier decisions last found, shown beside the recommendation and in the decision dialog.
        self.precedents: list[Precedent] = []
        self._precedents_asked = 0
        self.precedents_timer = QTimer(self)
        self.precedents_timer.setSingleShot(True)
        self.precedents_timer.setInterval(PRECEDENTS_DELAY_MS)
        self.precedents_timer.timeout.connect(self.find_precedents)
        case.session.assessed.connect(self.precedents_timer.start)
        case.loaded.connect(self._case_loaded)
        # A save may give the case a reference of its own (a new case, a copy kept beside someone else's).
        saving.stored.connect(lambda _reference: self.load_history())

    def record(self, saved: bool = False) -> None:
        """Record the evaluator's final decision on the case as saved. It is saved first, which also finds out
        whether someone else changed it since it was opened here (a decision must be on the text they see)."""
        if not self.case.has_case:
            return
        if not saved or self.case.session.dirty or self.case.reference is None:
            self.saving.save(then=lambda: self.record(saved=True))
            return
        session = self.case.session
        session.assess_now()
        case, decision = session.assessment.case, session.assessment.decision
        store, reference, office = self.office.store, self.case.reference, self.office.settings
        if case is None or decision is None or store is None:
            return
        entry = self.dialogs.record_decision(
            self.window, case, decision.recommendation, office.evaluator_name, self.precedents
        )
        if entry is None:
            return
        if not office.evaluator_name:
            self.office.change_settings(replace(office, evaluator_name=entry.decided_by))

        def recorded(_stored: StoredDecision) -> None:
            self.recorded.emit(reference)
            self.load_history()
            self.message.emit(self.tr("Decision recorded for {reference}").format(reference=reference), 5000)

        self.office.tasks.run(
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

    def _case_loaded(self) -> None:
        self._precedents_asked += 1  # an answer still to come is about the case before: it is not shown
        self.history_changed.emit([])
        self.load_history()

    def load_history(self) -> None:
        """Read the decisions recorded on the open stored case; shown if it is still the open one then."""
        store, reference = self.office.store, self.case.reference
        if store is None or reference is None:
            return

        def show(decisions: list[StoredDecision]) -> None:
            if reference == self.case.reference:
                self.history_changed.emit(decisions)

        self.office.tasks.run(self.tr("Reading the decisions"), lambda: store.decisions_for(reference), show)

    def find_precedents(self) -> None:
        """Look up the office's earlier decisions on cases like the one being edited; the latest answer wins."""
        self.precedents_timer.stop()
        store, assessment = self.office.store, self.case.session.assessment
        self._precedents_asked += 1
        asked = self._precedents_asked
        if store is None or assessment.case is None or not self.case.has_case:
            self._found([], None, None)
            return
        case = assessment.case
        recommendation = None if assessment.decision is None else assessment.decision.recommendation

        def show(found: list[Precedent]) -> None:
            if asked == self._precedents_asked:
                self._found(
                    found,
                    None if recommendation is None else recommendation.outcome,
                    None if recommendation is None else recommendation.ects_recognised,
                )

        self.office.tasks.run(self.tr("Finding earlier decisions"), lambda: store.similar_cases(case), show)

    def _found(self, found: list[Precedent], outcome: Outcome | None, ects: float | None) -> None:
        self.precedents = found
        self.precedents_found.emit(found, outcome, ects)

    def stop(self) -> None:
        """No more look-ups (the window is closing)."""
        self.precedents_timer.stop()
