"""The one exception family front ends show to people as-is (no traceback).

Each message is a phrase (:mod:`recogniser.i18n`): ``str(error)`` is its English text, for the log, and a front
end shows :meth:`UserInputError.shown_lines` — the same lines in the reader's language.
"""

from __future__ import annotations

import os

from recogniser.i18n import N_, Phrase, phrase, shown

#: The system's words for the usual reasons a file cannot be read or written (as C libraries write them in
#: English), marked so that a reader of another language is told them in theirs.
_SYSTEM_REASONS = frozenset(
    {
        N_("No such file or directory"),
        N_("Permission denied"),
        N_("Is a directory"),
        N_("Not a directory"),
        N_("No space left on device"),
        N_("Read-only file system"),
        N_("File exists"),
        N_("File name too long"),
        N_("Too many levels of symbolic links"),
        N_("Disk quota exceeded"),
        N_("Operation not permitted"),
        N_("Input/output error"),
    }
)


def located(place: str, problem: str) -> str:
    """``problem`` named by its place — a file, a field, or both: "case.json: title: must not be empty"; ""
    for no place gives the problem alone."""
    return phrase("{place}: {problem}", place=place, problem=problem) if place else problem


def cannot_read(error: OSError) -> str:
    """Why a file could not be read, the system's own words in brackets: "cannot read the file (Permission
    denied)"."""
    return phrase("cannot read the file ({reason})", reason=system_reason(error))


def failed_on(path: str | os.PathLike[str], error: OSError) -> str:
    """A file that could not be read or written, named with the system's reason: "case.json: Permission denied"."""
    return located(os.fspath(path), system_reason(error))


def system_reason(error: OSError) -> str:
    """The system's reason for ``error`` ("Permission denied"), in the reader's language where it is one of the
    usual ones."""
    reason = error.strerror or str(error)
    return Phrase(reason) if reason in _SYSTEM_REASONS else reason


class UserInputError(Exception):
    """Input the user can fix: a bad file, an unknown reference, an unreachable database.

    ``lines()`` gives one line per problem, each naming the file and field where it can: phrases, English when
    read as text; :meth:`shown_lines` gives them in the reader's language.
    """

    def lines(self) -> list[str]:
        message = self.args[0] if len(self.args) == 1 else None
        return [message if isinstance(message, str) else str(self)]

    def shown_lines(self) -> list[str]:
        """The lines a person reads, in the language in use."""
        return [shown(line) for line in self.lines()]


class FileProblemsError(UserInputError):
    """A file that cannot be used, with one line per problem, each prefixed with the file's name."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.lines()[0] if problems else source)

    def lines(self) -> list[str]:
        return [located(self.source, problem) for problem in self.problems]


class OutputFileError(UserInputError, OSError):
    """A file that cannot be written where asked (no such folder, a folder or device there, read-only...).

    Also an :class:`OSError`, with the reason as ``strerror``, for callers that report any failed write.
    """

    def __init__(self, path: str, reason: str, errno: int = 0) -> None:
        OSError.__init__(self, errno, reason, path)

    def lines(self) -> list[str]:
        reason = self.strerror or ""
        if self.filename:
            return [phrase("{file}: cannot write ({reason})", file=self.filename, reason=reason)]
        return [phrase("cannot write: {reason}", reason=reason)]

    def __str__(self) -> str:
        return self.lines()[0]
