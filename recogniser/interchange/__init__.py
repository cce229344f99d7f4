"""Importing digital credentials (Europass ELM v3, Open Badges 3.0) as case files. Qt-free."""

from recogniser.interchange.elements import ElementReport, ElementStatus
from recogniser.interchange.errors import CredentialImportError
from recogniser.interchange.importer import (
    FORMAT_NAMES,
    CredentialFormat,
    ImportResult,
    import_credential,
    import_credential_bytes,
    stack_document,
)
from recogniser.interchange.signatures import SignatureStatus

__all__ = [
    "FORMAT_NAMES",
    "CredentialFormat",
    "CredentialImportError",
    "ElementReport",
    "ElementStatus",
    "ImportResult",
    "SignatureStatus",
    "import_credential",
    "import_credential_bytes",
    "stack_document",
]
