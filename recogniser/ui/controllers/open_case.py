"""The open case: which stored case and version the editor holds, whether it is saved, and its draft."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from recogniser.errors import system_reason
from recogniser.i18n import shown
from recogniser.ui.controllers.base import Controller
from recogniser.ui.controllers.office import Office
from recogniser.ui.document import value_at
from recogniser.ui.drafts import Draft, discard_draft, read_draft, write_draft
from recogniser.ui.session import CaseSession

if TYPE_CHECKING:
    from recogniser.store import StoredCase

#: A draft is written this long after the last edit: often enough to lose nothing, rarely enough to be free.
DRAFT_DELAY_MS = 1500

_log = logging.getLogger(__name__)


class OpenCase(Controller):
    """The case in the editor. ``session`` holds its document, undo history and assessment; ``reference`` and
    ``version`` say which stored case it edits (None: a case not saved yet). Every edit is kept in a draft a
    moment later until the case is saved or let go, so that a crash or a power cut loses nothing.

    ``loaded`` is emitted when another case (or none) takes the editor's place.
    """

    loaded = Signal()

    def __init__(self, session: CaseSession, office: Office, parent: QObject | None = None) -> None:
        super().__init__(office.dialogs, parent)
        self.session = session
        self.office = office
        self.reference: str | None = None
        self.version: int | None = None
        #: The credential files imports read (name, bytes), kept with the case when it is saved.
        self.pending_originals: list[tuple[str, bytes]] = []
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft_now)
        session.fields_changed.connect(lambda _paths: self._edited())
        # The first edit of a saved case makes it dirty only once the edit is on the undo stack, which is after
        # its fields changed: without this, a single edit of a saved case would reach no draft.
        session.dirty_changed.connect(lambda _dirty: self._edited())

    @property
    def has_case(self) -> bool:
        return bool(self.session.document)

    @property
    def dirty(self) -> bool:
        """Whether the editor holds changes not saved to the store."""
        return self.has_case and self.session.dirty

    def name(self) -> str:
        """How the case is named to the evaluator: its reference, else its title, else the learner's name."""
        for path in ("reference", "credential.title", "credential.learner.name"):
            value = value_at(self.session.document, path)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return self.tr("New case")

    def load(
        self,
        document: Mapping[str, Any],
        reference: str | None = None,
        version: int | None = None,
        dirty: bool = False,
    ) -> None:
        """Put ``document`` in the editor (the caller has already dealt with unsaved changes)."""
        self.reference = reference
        self.version = version
        self.pending_originals = []
        self.session.load(document)
        if dirty:
            # A restored draft, a duplicate or an import: unsaved until the evaluator saves it. Its draft takes
            # the place of the one of the case it replaces at once.
            self.session.undo_stack.resetClean()
            self.write_draft_now()
        else:
            # The draft of the case this one replaces: the evaluator let it go.
            self._draft_timer.stop()
            discard_draft()
        self.loaded.emit()

    def show_stored(self, stored: StoredCase) -> None:
        """The case as the store holds it, saved; remembered among the recent cases."""
        self.load(stored.case.document, stored.reference, stored.version)
        self.office.app_settings.remember_case(stored.reference)

    def close(self) -> None:
        """No case in the editor."""
        self.load({})

    def saved_as(self, stored: StoredCase, unchanged_since: Mapping[str, Any]) -> None:
        """The store holds ``stored`` from the document ``unchanged_since``; the editor's case is saved unless
        the evaluator edited it while it was being saved (their edits then stay unsaved, and in the draft)."""
        self.reference, self.version = stored.reference, stored.version
        if self.session.document is unchanged_since:
            self.session.assign("reference", stored.reference)
            self.session.mark_saved()
            discard_draft()
        self.office.app_settings.remember_case(stored.reference)

    # --- drafts ---

    def _edited(self) -> None:
        if self.session.dirty:
            self._draft_timer.start()

    def write_draft_now(self) -> None:
        self._draft_timer.stop()
        if not self.dirty:
            return
        try:
            write_draft(Draft(self.session.document, self.reference, self.version))
        except OSError as error:
            _log.warning("cannot write the draft: %s", error)
            self.message.emit(self.tr("Cannot keep a draft: {error}").format(error=shown(system_reason(error))), 8000)

    def offer_draft(self) -> bool:
        """Offer back the work an earlier run did not save; True when it was restored."""
        draft = read_draft()
        if draft is None:
            return False
        name = value_at(draft.document, "reference") or value_at(draft.document, "credential.title")
        restore = self.dialogs.confirm(
            self.window,
            self.tr("Restore unsaved work?"),
            self.tr("Recogniser closed before “{case}” was saved. Restore the unsaved changes?").format(
                case=name or self.tr("a new case")
            ),
            self.tr("Restore"),
        )
        if not restore:
            discard_draft()
            return False
        self.load(draft.document, draft.reference, draft.version, dirty=True)
        return True

    def let_go(self) -> None:
        """The window closes with nothing left to save: no draft stays behind."""
        self._draft_timer.stop()
        discard_draft()
