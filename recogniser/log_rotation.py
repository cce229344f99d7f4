"""The log's files: rotated at a size, each created private to the user.

Loaded by ``recogniser.logs`` with the first record logged: ``logging.handlers`` costs every command's start more
than most runs, which log nothing, would ever use.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os

from recogniser.files import open_private


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
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
