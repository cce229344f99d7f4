"""The view-model of the open case: its document, undo history and live assessment.

Every edit goes through :meth:`CaseSession.set_values` as an undoable command; a single-shot timer coalesces a
burst of edits into one re-assessment. The assessment runs on the UI thread because the rules take a few
milliseconds; the benchmark (``bench/ui_bench.py``) watches that it stays so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from recogniser.casefile import CaseFileError, Problem, parse_case
from recogniser.model import Case, Decision
from recogniser.ui.document import Document, value_at, with_value

Assessor = Callable[[Case], Decision]

#: Long enough to merge the events of one paste or undo burst, short enough to feel instant while typing.
ASSESSMENT_DELAY_MS = 20

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Assessment:
    """The result of the last evaluation: a decision, or the problems that keep the case from being read."""

    case: Case | None = None
    decision: Decision | None = None
    problems: tuple[Problem, ...] = ()
    failure: str | None = None


class _EditCommand(QUndoCommand):
    """One edit of one or more fields; consecutive keystrokes in the same field merge into one step."""

    MERGE_ID = 1

    def __init__(self, session: CaseSession, before: Document, after: Document, paths: tuple[str, ...]) -> None:
        super().__init__()
        self._session = session
        self._before = before
        self._after = after
        self.paths = paths
        self.setText(", ".join(paths))

    def id(self) -> int:
        return self.MERGE_ID if len(self.paths) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _EditCommand) or other.paths != self.paths:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._session._apply(self._after, self.paths)

    def undo(self) -> None:
        self._session._apply(self._before, self.paths)


class CaseSession(QObject):
    """The case being edited. ``fields_changed`` names the changed paths (empty: the whole case was replaced)."""

    fields_changed = Signal(tuple)
    assessed = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, assessor: Assessor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._assessor = assessor
        self._document: Document = {}
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.assessment = Assessment()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ASSESSMENT_DELAY_MS)
        self._timer.timeout.connect(self.assess_now)

    @property
    def document(self) -> Document:
        return self._document

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def value(self, path: str) -> Any:
        return value_at(self._document, path)

    def load(self, document: Mapping[str, Any]) -> None:
        """Start editing ``document`` afresh: no undo history, not dirty, assessed at once."""
        self.undo_stack.clear()
        self._document = dict(document)
        self.fields_changed.emit(())
        self.assess_now()

    def set_value(self, path: str, value: Any) -> None:
        self.set_values({path: value})

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Change fields as one undoable step; a change to what is already there is no step at all."""
        after = self._document
        for path, value in values.items():
            after = with_value(after, path, value)
        if after == self._document:
            return
        self.undo_stack.push(_EditCommand(self, self._document, after, tuple(values)))

    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def _apply(self, document: Document, paths: tuple[str, ...]) -> None:
        self._document = document
        self.fields_changed.emit(paths)
        self._timer.start()

    @property
    def assessment_pending(self) -> bool:
        return self._timer.isActive()

    def assess_now(self) -> None:
        self._timer.stop()
        self.assessment = self._evaluate(self._document)
        self.assessed.emit()

    def _evaluate(self, document: Document) -> Assessment:
        if not document:
            return Assessment()
        try:
            case = parse_case(document)
        except CaseFileError as error:
            return Assessment(problems=tuple(error.problems))
        try:
            decision = self._assessor(case)
        except Exception as error:
            # A fault in a rule must not take the editor down with it; the evaluator can keep typing and saving.
            _log.exception("assessment failed")
            return Assessment(case=case, failure=f"{type(error).__name__}: {error}")
        return Assessment(case=case, decision=decision)
