"""Where cases and decisions are kept: SQLAlchemy tables, Alembic migrations, and the ``CaseStore`` API."""

from recogniser.store.case_store import CaseStore
from recogniser.store.errors import (
    CaseChangedError,
    CaseConflictError,
    CaseHasDecisionsError,
    DatabaseUnreachableError,
    DuplicateReferenceError,
    InvalidDecisionRecordError,
    InvalidOriginalError,
    NewerSchemaError,
    StoreError,
    TextWithNulError,
    UnknownReferenceError,
    UnusableDatabaseError,
    WrongPasswordError,
)
from recogniser.store.records import (
    CaseCursor,
    CasePage,
    CaseQuery,
    CaseSort,
    CaseStatus,
    CaseSummary,
    StoredCase,
    StoredDecision,
)

__all__ = [
    "CaseChangedError",
    "CaseConflictError",
    "CaseCursor",
    "CaseHasDecisionsError",
    "CasePage",
    "CaseQuery",
    "CaseSort",
    "CaseStatus",
    "CaseStore",
    "CaseSummary",
    "DatabaseUnreachableError",
    "DuplicateReferenceError",
    "InvalidDecisionRecordError",
    "InvalidOriginalError",
    "NewerSchemaError",
    "StoreError",
    "StoredCase",
    "StoredDecision",
    "TextWithNulError",
    "UnknownReferenceError",
    "UnusableDatabaseError",
    "WrongPasswordError",
]
