"""The view-model of the open case: its document, undo history and live assessment.

Every edit goes through :meth:`CaseSession.set_values` as an undoable command; a single-shot timer coalesces a
burst of edits into one re-assessment. The assessment runs on the UI thread because the rules take a few
milliseconds; the benchmark (``bench/ui_bench.py``) watches that it stays so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from recogniser.case_checks import CaseFileError, Problem
from recogniser.casefile import parse_case_pending_target
from recogniser.model import Case, Decision
from recogniser.ui.document import Document, credential_items, credentials_values, value_at, with_value

Assessor = Callable[[Case], Decision]

#: Long enough to merge the events of one paste or undo burst, short enough to feel instant while typing.
ASSESSMENT_DELAY_MS = 20

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Assessment:
    """The result of the last evaluation: a decision, or the problems that keep the case from being read.

    A decision beside problems is shown while they last rather than nothing: with ``stale``, the one of the case
    as it was before the fields named were changed (half a date typed); without, the credential's on its own while
    the target the purpose requires is not given yet.
    """

    case: Case | None = None
    decision: Decision | None = None
    problems: tuple[Problem, ...] = ()
    failure: str | None = None
    stale: bool = False

    @property
    def complete(self) -> bool:
        """A decision on the case as it stands with nothing missing: what may be reported and decided on."""
        return self.case is not None and self.decision is not None and not self.problems


class _EditCommand(QUndoCommand):
    """One edit of one or more fields; consecutive keystrokes in the same field merge into one step.

    It holds the values of its own fields only, before and after, so undoing it leaves every other field as it
    is now (the reference the store gave when the case was saved, for one).
    """

    MERGE_ID = 1

    def __init__(self, session: CaseSession, before: Mapping[str, Any], after: Mapping[str, Any], text: str) -> None:
        super().__init__()
        self._session = session
        self._before = before
        self._after = after
        self.paths = tuple(after)
        self.setText(text)

    def id(self) -> int:
        return self.MERGE_ID if len(self.paths) == 1 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _EditCommand) or other.paths != self.paths:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._session._apply(self._after)

    def undo(self) -> None:
        self._session._apply(self._before)


#: The form's paths for the credential: in a stack they stand for the chosen credential's.
CREDENTIAL = "credential"
STACK = "credentials"


class CaseSession(QObject):
    """The case being edited. ``fields_changed`` names the changed paths (empty: the whole case was replaced).

    In a case of several credentials (a stack) the form's ``credential.…`` paths stand for the credential chosen
    with :meth:`choose_credential` (``credentials.N.…`` in the document); ``credential_chosen`` says another one
    is shown. A change is named both ways, so the form and the list of credentials each see theirs.
    """

    fields_changed = Signal(tuple)
    assessed = Signal()
    dirty_changed = Signal(bool)
    credential_chosen = Signal(int)

    def __init__(self, assessor: Assessor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._assessor = assessor
        #: How a field is named in Edit › Undo; the window names it by the form's label.
        self.label_of: Callable[[str], str] = lambda path: path
        self._document: Document = {}
        self._chosen = 0
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
        return value_at(self._document, self.in_document(path))

    # --- the credentials of a stack ---

    @property
    def stacked(self) -> bool:
        """Whether the case holds its credentials as a list (a stack)."""
        return isinstance(self._document.get(STACK), list)

    @property
    def chosen_credential(self) -> int:
        """The credential of a stack the form shows (from 0; 0 for a case of one)."""
        return self._chosen if self.stacked else 0

    def in_document(self, path: str) -> str:
        """Where a form path is in the document: ``credential.title`` is ``credentials.2.title`` while the third
        credential of a stack is chosen."""
        if self.stacked and (path == CREDENTIAL or path.startswith(CREDENTIAL + ".")):
            return f"{STACK}.{self._chosen}{path[len(CREDENTIAL) :]}"
        return path

    def in_form(self, path: str) -> str | None:
        """The form path a document path is shown at, None for a credential of the stack not chosen now."""
        prefix = f"{STACK}."
        if not path.startswith(prefix):
            return path
        position, _dot, rest = path[len(prefix) :].partition(".")
        if position != str(self._chosen) or not self.stacked:
            return None
        return f"{CREDENTIAL}.{rest}" if rest else CREDENTIAL

    def choose_credential(self, index: int) -> None:
        """Show credential ``index`` of the stack in the form (no edit: nothing to undo)."""
        count = len(credential_items(self._document))
        index = max(0, min(index, count - 1))
        if index == self._chosen:
            return
        self._chosen = index
        self.credential_chosen.emit(index)

    def set_credentials(self, items: Sequence[Mapping[str, Any]], text: str, chosen: int | None = None) -> None:
        """Replace the case's credentials as one undoable step named ``text`` (one is kept as ``credential``,
        several as a stack); ``chosen`` is the one the form shows afterwards."""
        values = credentials_values(items)
        self._set_document_values(values, text)
        if chosen is not None:
            self.choose_credential(chosen)

    def load(self, document: Mapping[str, Any]) -> None:
        """Start editing ``document`` afresh: no undo history, not dirty, assessed at once."""
        self.undo_stack.clear()
        self._chosen = 0
        self._document = dict(document)
        self.assessment = Assessment()  # nothing of the case this one replaces is shown as stale
        self.fields_changed.emit(())
        self.assess_now()

    def set_value(self, path: str, value: Any) -> None:
        self.set_values({path: value})

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Change fields (form paths) as one undoable step; a change to what is already there is no step."""
        text = ", ".join(dict.fromkeys(self.label_of(path) for path in values))
        if self.stacked and any(self.in_document(path) != path for path in values):
            text = self.tr("Credential {number}: {fields}").format(number=self._chosen + 1, fields=text)
        self._set_document_values({self.in_document(path): value for path, value in values.items()}, text)

    def _set_document_values(self, values: Mapping[str, Any], text: str) -> None:
        after = self._document
        for path, value in values.items():
            after = with_value(after, path, value)
        if after == self._document:
            return
        before_values = {path: value_at(self._document, path) for path in values}
        after_values = {path: value_at(after, path) for path in values}
        self.undo_stack.push(_EditCommand(self, before_values, after_values, text))

    def assign(self, path: str, value: Any) -> None:
        """Set a field that is not the evaluator's edit (the reference the store gave): no undo step, and the
        case is no more or less changed than before."""
        self._apply({self.in_document(path): value})

    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def _apply(self, values: Mapping[str, Any]) -> None:
        document = self._document
        for path, value in values.items():
            document = with_value(document, path, value)
        self._document = document
        count = len(credential_items(document))
        if self._chosen >= count:  # a credential removed (or an addition undone)
            self._chosen = max(count - 1, 0)
            self.credential_chosen.emit(self._chosen)
        edited = {int(path.split(".")[1]) for path in values if path.startswith(f"{STACK}.") and path.count(".") > 1}
        if len(edited) == 1 and self.stacked and self._chosen not in edited:
            # An undo or redo of another credential's edit shows that credential, so the change is seen.
            self._chosen = edited.pop()
            self.credential_chosen.emit(self._chosen)
        shown = [self.in_form(path) for path in values]
        if STACK in values:  # the list replaced: the credential the form shows may be another one now
            shown.append(CREDENTIAL)
        self.fields_changed.emit(tuple(dict.fromkeys([*values, *(path for path in shown if path is not None)])))
        self._timer.start()

    @property
    def assessment_pending(self) -> bool:
        return self._timer.isActive()

    def assess_now(self) -> None:
        self._timer.stop()
        self.assessment = self._evaluate(self._document, self.assessment)
        self.assessed.emit()

    def _evaluate(self, document: Document, previous: Assessment) -> Assessment:
        if not document:
            return Assessment()
        try:
            case, pending = parse_case_pending_target(document)
        except CaseFileError as error:
            problems = tuple(error.problems)
            if previous.decision is not None:
                # Most keystrokes of a date or a number leave the field unreadable for a moment: the last
                # assessment stays on screen, marked, rather than every finding vanishing until the value is whole.
                return replace(previous, problems=problems, stale=True)
            return Assessment(problems=problems)
        try:
            decision = self._assessor(case)
        except Exception as error:
            # A fault in a rule must not take the editor down with it; the evaluator can keep typing and saving.
            _log.exception("assessment failed")
            return Assessment(case=case, problems=pending, failure=f"{type(error).__name__}: {error}")
        return Assessment(case=case, decision=decision, problems=pending)
