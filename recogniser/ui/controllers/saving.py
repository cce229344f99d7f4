"""Saving the open case, and what happens when the stored case changed underneath it.

A save names the version it was opened at; the store refuses it when someone else saved (or removed) the case
since. Nothing is then decided for the evaluator and nothing of theirs is lost: their edits stay in the editor
and in the draft until they choose to keep both, replace the stored case, or discard their own, and a choice
that loses a version is confirmed first, naming what it loses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from recogniser.case_checks import CaseFileError, Problem
from recogniser.casefile import parse_case
from recogniser.model import Case
from recogniser.ui.controllers.base import Controller
from recogniser.ui.controllers.office import Office
from recogniser.ui.controllers.open_case import OpenCase
from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.document import differing_paths, field_of
from recogniser.ui.drafts import discard_draft
from recogniser.ui.look import local_time
from recogniser.ui.save_conflict import ConflictChoice, SaveConflict, conflict_summary, field_list
from recogniser.ui.stack_import import named_originals

if TYPE_CHECKING:
    from recogniser.store import StoredCase


class Form(Protocol):
    """What the saving needs of the case form: its words for a problem and a field, and the way to a field."""

    def describe_problem(self, problem: Problem) -> str: ...

    def show_every_problem(self) -> None: ...

    def field_label(self, path: str) -> str | None:
        """The label of the form's field for ``path``; None where the form has no field for it."""

    def focus_field(self, path: str) -> object: ...


class Saving(Controller):
    """Save (Ctrl+S), leave a case with unsaved changes, and the conflict protocol.

    ``conflict_changed`` carries the :class:`SaveConflict` still unresolved (None: there is none);
    ``stored`` the reference of a case the store now holds as it was saved or as it stands after a conflict,
    for the case list to show.
    """

    conflict_changed = Signal(object)
    stored = Signal(str)

    def __init__(self, case: OpenCase, office: Office, form: Form, parent: QObject | None = None) -> None:
        super().__init__(office.dialogs, parent)
        self.case = case
        self.office = office
        self.form = form
        case.loaded.connect(lambda: self.conflict_changed.emit(None))

    def leave_then(self, action: Callable[[], object]) -> None:
        """Run ``action`` once unsaved changes are saved or may be discarded; not at all if the evaluator cancels.

        Discarded changes stay in the editor and the draft until ``action`` puts another case in their place:
        an action that comes to nothing (a file that cannot be read, an import that fails) leaves the case as it
        was, still unsaved."""
        if not self.case.dirty:
            action()
            return
        choice = self.dialogs.unsaved_changes(self.window, self.case.name())
        if choice is UnsavedChoice.SAVE:
            self.save(then=action)
        elif choice is UnsavedChoice.DISCARD:
            action()

    def save(self, then: Callable[[], object] | None = None) -> None:
        """Save to the store (Ctrl+S). A case the reader cannot read is refused, naming the fields to fix."""
        if not self.case.has_case:
            return
        case = self.readable(self.case.session.document)
        if case is not None:
            self._store(case, self.case.reference, self.case.version, then)

    def readable(self, document: Mapping[str, Any]) -> Case | None:
        """``document`` as a case to store. A case that is not a valid case file yet (a target still to pick, a
        date half typed) is not stored, as the store and its exports hold only valid case files
        (docs/formats/case-file.md); the work stays in the editor and the draft, and the evaluator is taken to the
        first field to fill in."""
        try:
            return parse_case(document)
        except CaseFileError as error:
            self.case.write_draft_now()
            self.form.show_every_problem()
            problems = "\n".join(f"• {self.form.describe_problem(p)}" for p in error.problems)
            first = error.problems[0].field if error.problems else ""
            label = self.form.field_label(field_of(first)) if first else None
            text = self.tr(
                "“{case}” cannot be saved to the case database until these fields are filled in or fixed:\n"
                "{problems}\n\nNothing is lost meanwhile: your work stays open here and is kept as a draft on this "
                "computer, offered back if Recogniser closes before it is saved."
            ).format(case=self.case.name(), problems=problems)
            if label is None:
                self.dialogs.error(self.window, self.tr("Cannot save yet"), text)
            elif self.dialogs.confirm(
                self.window, self.tr("Cannot save yet"), text, self.tr("Go to {field}").format(field=label)
            ):
                self.form.focus_field(first)
            return None

    def _store(self, case: Case, reference: str | None, version: int | None, then: Callable[[], object] | None) -> None:
        """Add ``case``, or save it over ``version`` of ``reference``; a save someone else overtook is put to
        the evaluator (``_resolve``), and ``then`` runs only once the case is saved."""
        store = self.office.require_store()
        if store is None:
            return
        snapshot = self.case.session.document
        # The files of credentials removed since they were imported are left out: the store keeps those a case names.
        originals = named_originals(snapshot, self.case.pending_originals)

        def work() -> StoredCase | SaveConflict:
            if reference is None or version is None:
                return store.add_case(case, originals=originals)
            from recogniser.store import CaseConflictError, UnknownReferenceError

            try:
                return store.save_case(reference, case, version, originals)
            except (CaseConflictError, UnknownReferenceError):
                try:
                    stored = store.get_case(reference)
                except UnknownReferenceError:
                    stored = None
                return SaveConflict(reference, version, stored)

        def saved(outcome: StoredCase | SaveConflict) -> None:
            if isinstance(outcome, SaveConflict):
                self._resolve(outcome, then)
                return
            self.conflict_changed.emit(None)
            self.case.saved_as(outcome, snapshot)
            self.stored.emit(outcome.reference)
            self.message.emit(self.tr("Saved {reference}").format(reference=outcome.reference), 5000)
            if then is not None:
                then()

        self.office.tasks.run(self.tr("Saving the case"), work, saved)

    def _resolve(self, conflict: SaveConflict, then: Callable[[], object] | None) -> None:
        """Someone saved (or removed) the case since it was opened here. The evaluator chooses; until then, and
        whatever they choose short of discarding, their edits stay in the editor and in the draft."""
        stored, document = conflict.stored, self.case.session.document
        if stored is not None and not self.case.session.dirty:
            # Nothing was changed here, so nothing is lost by showing their version; what was to follow (a
            # decision) waits until the evaluator has looked at it.
            self._show(stored)
            self.dialogs.information(
                self.window,
                self.tr("Someone else changed this case"),
                conflict_summary(conflict) + " " + self.tr("It is now shown as stored; review it before going on."),
            )
            return
        if stored is not None and stored.case.document == document:
            # They saved exactly what is here: taking their version loses nothing and needs no question.
            self._show(stored)
            if then is not None:
                then()
            return
        self.case.write_draft_now()
        differences = () if stored is None else self.field_names(differing_paths(document, stored.case.document))
        conflict = replace(conflict, differences=differences)
        self.conflict_changed.emit(conflict)
        self.stored.emit(conflict.reference)  # the list shows the case as now stored while the evaluator decides
        choice = self.dialogs.save_conflict(self.window, conflict)
        if choice is ConflictChoice.SAVE_AS_NEW_CASE:
            self._save_as_new_case(conflict, then)
        elif choice is ConflictChoice.OVERWRITE and stored is not None and self._confirm_overwrite(conflict, stored):
            case = self.readable(self.case.session.document)
            if case is not None:
                self._store(case, conflict.reference, stored.version, then)
        elif choice is ConflictChoice.RELOAD and stored is not None and self._confirm_reload(conflict, stored):
            # ``then`` (record a decision, leave the case) was meant for their own version: it does not run.
            self._show(stored)
            self.message.emit(
                self.tr("Opened {reference} as saved on {when}; your changes were discarded").format(
                    reference=stored.reference, when=local_time(stored.updated_at)
                ),
                8000,
            )
        else:
            self.message.emit(self.tr("Not saved: your changes are kept"), 8000)

    def _show(self, stored: StoredCase) -> None:
        discard_draft()
        self.case.show_stored(stored)

    def field_names(self, paths: Sequence[str]) -> tuple[str, ...]:
        """The form's labels for document paths (the path itself where the form has no field for it)."""
        return tuple(dict.fromkeys(self.form.field_label(path) or path for path in paths))

    def _save_as_new_case(self, conflict: SaveConflict, then: Callable[[], object] | None) -> None:
        """Keep both: the evaluator's version becomes a case of its own; the stored one stays as it was saved."""
        document = dict(self.case.session.document)
        if document.get("reference") == conflict.reference:
            del document["reference"]  # the store gives the copy its own
        case = self.readable(document)
        if case is None:
            return

        def saved_as_new() -> None:
            self.message.emit(
                self.tr("Saved your version as {copy}; {reference} stays as the other evaluator saved it").format(
                    copy=self.case.reference, reference=conflict.reference
                ),
                8000,
            )
            if then is not None:
                then()

        self._store(case, None, None, saved_as_new)

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
        return self.dialogs.confirm(self.window, title, text, action)
