"""The last line of defence: an unexpected exception is logged and shown, and the app keeps running."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication

from recogniser.logs import log_file
from recogniser.ui.dialogs import Dialogs

_log = logging.getLogger("recogniser.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def crash_hook(dialogs: Dialogs, before_dialog: Callable[[], None] = lambda: None) -> ExceptHook:
    """An ``sys.excepthook`` that logs the traceback, runs ``before_dialog`` (the window saves its draft) and
    shows the crash dialog naming the log file."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        _log.critical("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
        try:
            before_dialog()
        except Exception:
            _log.exception("could not keep the draft after the error")
        summary = f"{kind.__name__}: {error}"
        dialogs.crash(QApplication.activeWindow(), summary, str(log_file()))

    return hook


def install_crash_hook(dialogs: Dialogs, before_dialog: Callable[[], None] = lambda: None) -> None:
    sys.excepthook = crash_hook(dialogs, before_dialog)
