"""The one exception family front ends show to people as-is (no traceback)."""

from __future__ import annotations


class UserInputError(Exception):
    """Input the user can fix: a bad file, an unknown reference, an unreachable database.

    ``lines()`` gives one line per problem, each naming the file and field where it can.
    """

    def lines(self) -> list[str]:
        return [str(self)]
