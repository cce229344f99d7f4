"""The office: its settings (settings.toml), the case database they name, and where failures are shown."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from recogniser.errors import UserInputError
from recogniser.logs import log_file
from recogniser.settings import Settings, load_settings, save_settings, settings_file
from recogniser.ui.controllers.base import Controller
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.settings import AppSettings
from recogniser.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from recogniser.store import CaseStore

_log = logging.getLogger(__name__)


class Office(Controller):
    """What every workflow works with: the office's ``settings``, the ``store`` once open (None while it is being
    opened or cannot be), the background ``tasks``, and this app's own ``app_settings`` (layout, recent cases).

    ``store_changed`` carries the store (None: none to use); ``database_status`` a line on where it stands;
    ``database_problem`` why it cannot be used (None: no problem).
    """

    store_changed = Signal(object)
    database_status = Signal(str)
    database_problem = Signal(object)

    def __init__(
        self, app_settings: AppSettings, dialogs: Dialogs, tasks: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(dialogs, parent)
        self.app_settings = app_settings
        self.settings = Settings()  # read from settings.toml by read_settings()
        self.tasks = tasks
        self.tasks.failed.connect(self.show_failure)
        self.store: CaseStore | None = None
        self.store_problem: str | None = None

    # --- settings ---

    def read_settings(self) -> None:
        """Read settings.toml; a problem with it is shown once and the defaults are used meanwhile. Settings an
        earlier version kept in QSettings move into the file (where it leaves a key unset)."""
        try:
            self.settings = load_settings()
        except UserInputError as error:
            self.refuse(self.tr("Settings"), error)
            return
        legacy = {
            key: value
            for key, value in self.app_settings.legacy_office_settings().items()
            if not getattr(self.settings, key)
        }
        if legacy and self.change_settings(replace(self.settings, **legacy)):
            self.app_settings.forget_legacy_office_settings()

    def ask_country_once(self) -> None:
        """On first start, ask which country the office assesses for, the assessing country of new and imported
        cases. Asked once: an evaluator who leaves it for later sets it in Settings."""
        if self.settings.assessing_country or self.app_settings.office_country_asked():
            return
        country = self.dialogs.office_country(self.window)
        self.app_settings.remember_office_country_asked()
        if country:
            self.change_settings(replace(self.settings, assessing_country=country))

    def change_settings(self, settings: Settings) -> bool:
        """Save ``settings`` to settings.toml and use them; False (with the reason shown) when it cannot be written."""
        try:
            save_settings(settings)
        except UserInputError as error:
            self.refuse(self.tr("Settings"), error)
            return False
        self.settings = settings
        return True

    def edit_settings(self) -> None:
        try:
            current = load_settings()  # the file may have been edited by hand meanwhile
        except UserInputError as error:
            self.refuse(self.tr("Settings"), error)
            return
        saved = self.dialogs.edit_settings(self.window, current, settings_file())
        if saved is None:
            return
        previous, self.settings = self.settings, saved
        if saved.database_url != previous.database_url:
            self.open_store()

    # --- the case database ---

    def open_store(self) -> None:
        """Connect to the database off the UI thread; a failure is shown in the case list, not raised. The
        database is chosen as on the command line: RECOGNISER_DATABASE_URL, else settings.toml, else SQLite."""
        previous, self.store = self.store, None
        self.store_changed.emit(None)
        self.database_problem.emit(None)
        self.database_status.emit(self.tr("Opening the case database…"))

        def opened(store: CaseStore) -> None:
            self.store, self.store_problem = store, None
            self.store_changed.emit(store)
            self.message.emit(self.tr("Cases are kept in {place}").format(place=store.place), 8000)

        def failed(error: BaseException) -> None:
            self.store_problem = str(error)
            self.database_problem.emit(
                self.tr(
                    "The case database cannot be used: {error}.\n\nYou can go on entering a case and export it as a "
                    "file; choose another database, or the file on this computer, in Settings."
                ).format(error=str(error).rstrip("."))
            )
            if not isinstance(error, UserInputError):
                self.show_failure(self.tr("Opening the case database"), error)

        def connect() -> CaseStore:
            from recogniser.store import CaseStore

            if previous is not None:
                previous.close()
            return CaseStore.open()

        self.tasks.run(self.tr("Opening the case database"), connect, opened, failed)

    def require_store(self) -> CaseStore | None:
        """The store, or None with the evaluator told why there is none and how to keep their work."""
        if self.store is None:
            self.dialogs.error(
                self.window,
                self.tr("No case database"),
                self.tr(
                    "The case database is not available{reason}. Export the case file (Ctrl+Shift+E) to keep "
                    "your work, or choose another database in Settings."
                ).format(reason=f": {self.store_problem}" if self.store_problem else ""),
            )
        return self.store

    def close_store(self) -> None:
        """Wait for the background work, then close the database (the window is closing)."""
        self.tasks.wait()
        if self.store is not None:
            self.store.close()
            self.store = None

    # --- errors ---

    def show_failure(self, title: str, error: BaseException) -> None:
        """The one place errors from background work are shown: a user's problem as is, a fault with the log."""
        if isinstance(error, UserInputError):
            self.refuse(title, error)
            return
        _log.error("%s failed", title, exc_info=error)
        self.dialogs.error(
            self.window,
            title,
            self.tr("{title} failed: {error}\n\nDetails are in the log: {log}").format(
                title=title, error=error, log=log_file()
            ),
        )
