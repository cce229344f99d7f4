"""A rotating log file in the user's data folder; the crash messages point to it.

The log is for finding faults, never a second store of cases: nothing logs case content, the command line is
logged with its values left out (:func:`redacted_command_line`), and any URL's password is cut from every
record, tracebacks included. The file and its folder are private to the user. Four files of 2 MB at most are
kept (``recogniser.log`` and ``.1`` to ``.3``); the oldest is overwritten.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from recogniser.files import open_private, private_data_folder
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


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files created private to the user; a failure to write one (a full disk) is not shown to the user:
    the command still reports its own result."""

    def _open(self) -> io.TextIOWrapper:
        descriptor = open_private(self.baseFilename, os.O_WRONLY | os.O_APPEND)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        del record  # dropped: the log is a help for finding faults, never a reason to fail or to print a traceback

    def flush(self) -> None:
        with contextlib.suppress(OSError):  # what could not be written is dropped, as in handleError
            super().flush()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            super().close()


def setup_logging() -> None:
    global _configured  # noqa: PLW0603 - configure the root logger once per process
    if _configured:
        return
    _configured = True
    path = log_file()
    try:
        private_data_folder(path.parent.name)
        handler: logging.Handler = _PrivateRotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # Alembic tells of every migration context it opens, on each start: noise that buries what matters.
    logging.getLogger("alembic").setLevel(logging.WARNING)
