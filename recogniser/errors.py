"""The one exception family front ends show to people as-is (no traceback)."""

from __future__ import annotations


class UserInputError(Exception):
    """Input the user can fix: a bad file, an unknown reference, an unreachable database.

    ``lines()`` gives one line per problem, each naming the file and field where it can.
    """

    def lines(self) -> list[str]:
        return [str(self)]


class FileProblemsError(UserInputError):
    """A file that cannot be used, with one line per problem, each prefixed with the file's name."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.lines()[0] if problems else source)

    def lines(self) -> list[str]:
        return [f"{self.source}: {problem}" for problem in self.problems]


class OutputFileError(UserInputError, OSError):
    """A file that cannot be written where asked (no such folder, a folder or device there, read-only...).

    Also an :class:`OSError`, with the reason as ``strerror``, for callers that report any failed write.
    """

    def __init__(self, path: str, reason: str, errno: int = 0) -> None:
        OSError.__init__(self, errno, reason, path)

    def __str__(self) -> str:
        return f"{self.filename}: cannot write ({self.strerror})" if self.filename else f"cannot write: {self.strerror}"
