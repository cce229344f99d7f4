"""What can go wrong with the case store that a person can put right; each message is one line."""

from __future__ import annotations

from recogniser.errors import UserInputError, located
from recogniser.i18n import phrase
from recogniser.joining import quoted


class StoreError(UserInputError):
    """A case-store problem the user can act on."""


class DatabaseUnreachableError(StoreError):
    """The database cannot be opened: no server, no such file or folder, no permission, busy."""


class WrongPasswordError(DatabaseUnreachableError):
    """The database server refused the user name or password."""


class UnusableDatabaseError(StoreError):
    """The URL or file does not lead to a Recogniser database (not SQLite, another program's tables...)."""


class TextWithNulError(StoreError):
    """A text to be stored holds a NUL character, which PostgreSQL cannot keep (refused on every backend)."""


class NewerSchemaError(StoreError):
    """The database was migrated by a newer Recogniser than this one."""


class UnknownReferenceError(StoreError):
    """No case has this reference."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(phrase("no case with reference {reference}", reference=quoted(reference)))


class InvalidOriginalError(StoreError):
    """The file offered as a case's original credential is not the one its provenance names."""

    def __init__(self, reference: str, file_name: str) -> None:
        self.reference = reference
        problem = phrase(
            "not the credential case {reference} was imported from (its SHA-256 differs from the one the case records)",
            reference=reference,
        )
        super().__init__(located(file_name, problem))


class DuplicateReferenceError(StoreError):
    """Another case already has this reference."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(
            phrase(
                "a case with reference {reference} already exists; give this case another reference",
                reference=quoted(reference),
            )
        )


class CaseConflictError(StoreError):
    """Someone saved the case since it was opened here; saving now would overwrite their work."""


class CaseChangedError(StoreError):
    """A case file names a stored case whose text differs: storing it would replace the case on record."""

    def __init__(self, reference: str, version: int) -> None:
        self.reference = reference
        super().__init__(
            phrase(
                "case {reference} is stored with a different text (version {version})",
                reference=quoted(reference),
                version=version,
            )
        )


class CaseHasDecisionsError(StoreError):
    """A case with a recorded decision is part of the record and cannot be deleted."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(
            phrase(
                "case {reference} has recorded decisions and is kept; it cannot be deleted", reference=quoted(reference)
            )
        )


class InvalidDecisionRecordError(StoreError):
    """A decision cannot be recorded as given: no evaluator named, an override without its reasons, or credits
    recognised that are missing or out of range."""
