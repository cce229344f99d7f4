"""Start the desktop application: ``recogniser`` or ``recogniser CASE.json``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from recogniser import __version__
from recogniser.errors import UserInputError
from recogniser.i18n import use_language
from recogniser.model import Case, Decision
from recogniser.rules import assess
from recogniser.rules.office import current_office_rulebook
from recogniser.settings import load_settings, stated_language
from recogniser.ui.collector import MainThreadCollector
from recogniser.ui.crash import install_crash_hook
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.main_window import MainWindow
from recogniser.ui.settings import AppSettings
from recogniser.ui.translations import SOURCE_LANGUAGE, window_language


def application() -> QApplication:
    """The one QApplication, named so that QSettings and the data folders find the app's own."""
    QCoreApplication.setOrganizationName("Recogniser")
    QCoreApplication.setApplicationName("Recogniser")
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    install_collector(app)
    return app


def install_collector(app: QApplication) -> None:
    """Garbage is collected on the UI thread only (recogniser.ui.collector); once per application."""
    if app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)


def office_assess(case: Case) -> Decision:
    """The assessment under the office's rulebook (its cap on RPL credit), as the settings file is now."""
    return assess(case, rulebook=current_office_rulebook())


def chosen_language() -> str:
    """The language in settings.toml; English where none is chosen or the file cannot be read (the window then
    says what is wrong with it where the settings are used)."""
    try:
        return load_settings().language or SOURCE_LANGUAGE
    except UserInputError:
        return stated_language() or SOURCE_LANGUAGE


def speak(language: str) -> None:
    """Show the window's own words and the core's (findings, labels, reports) in ``language``."""
    if window_language.install(language):
        use_language(language)
    else:
        use_language(SOURCE_LANGUAGE)


def run_app(arguments: list[str]) -> int:
    app = application()
    speak(chosen_language())
    settings = AppSettings()
    dialogs = Dialogs()
    dialogs.folders = settings  # file choosers start in the folder last used
    window = MainWindow(office_assess, settings, dialogs)
    install_crash_hook(dialogs, window.case.write_draft_now)
    window.show()
    # After the first paint: opening a file or offering a draft may show a dialog over the window.
    QTimer.singleShot(0, lambda: window.start(Path(arguments[0]) if arguments else None))
    status = int(app.exec())
    # Background work reports to the window: let it finish before the window goes.
    window.tasks.wait()
    return status
