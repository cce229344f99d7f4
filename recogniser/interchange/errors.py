"""Why a file could not be imported: one line a person can act on."""

from __future__ import annotations

from recogniser.errors import UserInputError, located


class CredentialImportError(UserInputError):
    """The file is not a credential the importer can read; ``reason`` says why in one line."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(located(source or "", reason))

    def at(self, source: str) -> CredentialImportError:
        """The same reason, naming the file."""
        return CredentialImportError(self.reason, source)
