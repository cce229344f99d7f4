"""A rotating log file in the user's data folder; the crash messages point to it.

The log is for finding faults, never a second store of cases: nothing logs case content, the command line is
logged with its values left out (:func:`redacted_command_line`), and any URL's password is cut from every
record, tracebacks included. The file and its folder are private to the user. Four files of 2 MB at most are
kept (``recogniser.log`` and ``.1`` to ``.3``); the oldest is overwritten.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from recogniser.files import private_data_folder
from recogniser.resources import user_data_path

LOG_MAX_BYTES = 2_000_000
LOG_BACKUP_COUNT = 3

_configured = False

#: ``scheme://user:password@`` in any text: the password part.
_URL_PASSWORD = re.compile(r"(?i)(\b[a-z][a-z0-9+.\-]*://[^\s:/@]*:)[^\s@/]*@")


def log_file() -> Path:
    return user_data_path() / "logs" / "recogniser.log"


def without_passwords(text: str) -> str:
    """``text`` with the password of every URL in it replaced by ``***``."""
    return _URL_PASSWORD.sub(r"\1***@", text)


def redacted_command_line(arguments: Sequence[str], words: Iterable[str]) -> str:
    """The command line as it may be logged: command ``words`` and options kept, every value replaced by ``…``.

    Values are file names (often a learner's name), search words, references and URLs with passwords.
    """
    known = set(words)
    shown = []
    for argument in arguments:
        if argument in known or (argument.startswith("-") and "=" not in argument):
            shown.append(argument)
        elif argument.startswith("-"):
            shown.append(argument.partition("=")[0] + "=…")
        else:
            shown.append("…")
    return " ".join(shown)


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return without_passwords(super().format(record))


class _LogFile(logging.Handler):
    """The rotating log file, opened with the first record: a run that logs nothing (most runs) neither opens it
    nor loads ``logging.handlers`` (``recogniser.log_rotation``)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        # Called under this handler's lock (logging.Handler.handle), so the file is opened once.
        if self._file is None:
            self._file = _opened(self.path)
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        del record  # dropped, as the file's own handler drops what it cannot write

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _opened(path: Path) -> logging.Handler:
    from recogniser.log_rotation import PrivateRotatingFileHandler

    try:
        return PrivateRotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT, encoding="utf-8")
    except OSError:
        return logging.NullHandler()


def setup_logging() -> None:
    global _configured  # noqa: PLW0603 - configure the root logger once per process
    if _configured:
        return
    _configured = True
    path = log_file()
    try:
        private_data_folder(path.parent.name)  # at every start, so that a log an earlier version left is private
        handler: logging.Handler = _LogFile(path)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # Alembic tells of every migration context it opens, on each start: noise that buries what matters.
    logging.getLogger("alembic").setLevel(logging.WARNING)
