"""The store's tables, as the newest migration leaves them: SQLAlchemy Core tables, so that reading a page of
the case list loads no ORM (the units of work that change rows map classes onto them, ``mapped_rows``).

``cases`` holds the case document as JSON text plus the columns a list or a search needs; ``decisions`` is
append-only (database triggers refuse UPDATE and DELETE); ``case_terms`` is the search index (see ``search``).
The database engine's own index over the same terms, which intersects several words, is no table of this model:
its migration makes it, in the engine's own form (see ``search_index``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

# Constraint names follow one convention so that migrations can name them on every backend.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC. SQLite keeps no time zone, so values are stored as naive UTC and read back as aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a stored time must carry its time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


#: Search terms compare byte by byte (the C collation) so that a prefix is a contiguous B-tree range on
#: PostgreSQL whatever the database's own collation; SQLite compares bytes already.
TermText = String().with_variant(String(collation="C"), "postgresql")


#: The columns a case list is sorted and filtered by, beside the id.
LIST_KEYS = (
    "reference",
    "learner_key",
    "title_key",
    "awarding_body_key",
    "issuer_country",
    "purpose",
    "status",
    "latest_outcome",
    "created_at",
    "updated_at",
)

CASES = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),  # given by the database when the row is written
    Column("reference", String(200), nullable=False, unique=True),
    Column("document", Text, nullable=False),
    Column("case_sha256", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("purpose", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("latest_outcome", String(30)),
    Column("learner_name", Text),
    Column("learner_key", Text),
    Column("title", Text),
    Column("title_key", Text),
    Column("awarding_body", Text),
    Column("awarding_body_key", Text),
    Column("issuer_country", String(10)),
    Column("received_on", Date),
    Column("complete_on", Date),
    Column("credential_count", Integer, nullable=False, server_default="1"),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index("ix_cases_updated_at_id", "updated_at", "id"),
    Index("ix_cases_created_at_id", "created_at", "id"),
    Index("ix_cases_learner_key_id", "learner_key", "id"),
    Index("ix_cases_title_key_id", "title_key", "id"),
    Index("ix_cases_awarding_body_key_id", "awarding_body_key", "id"),
    Index("ix_cases_purpose_updated_at", "purpose", "updated_at"),
    Index("ix_cases_status_updated_at", "status", "updated_at"),
    Index("ix_cases_latest_outcome_updated_at", "latest_outcome", "updated_at"),
    # What the statistics count of a case, without reading its row and the long text in it.
    Index("ix_cases_id_purpose_issuer_country_complete_on", "id", "purpose", "issuer_country", "complete_on"),
    # A case's sort values and filters by its id, without reading its row: a search with some thousands of
    # matches looks each one up here (``case_pages``). PostgreSQL only: SQLite's rows are found by id already.
    Index("ix_cases_id_list_keys", "id", *LIST_KEYS).ddl_if(dialect="postgresql"),
)

#: One assessment of one case, as it stood: never changed, never removed.
DECISIONS = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True),  # given by the database when the row is written
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("decision", Text, nullable=False),
    Column("case_document", Text, nullable=False),
    Column("case_sha256", String(64), nullable=False, index=True),
    Column("rulebook_version", String(40), nullable=False),
    Column("recommended_outcome", String(30), nullable=False),
    Column("final_outcome", String(30)),
    Column("justification", Text),
    Column("final_ects", Float),
    Column("divergence_reason", Text),
    # What the register publishes of the decided case text: the values at office_record.REGISTER_PATHS as a JSON
    # array, so that a register reads a short text per decision, not the whole case (empty: recorded before
    # migration 0012; the register then reads them from the case text).
    Column("published_values", Text),
    Column("decided_by", Text, nullable=False),
    Column("recorded_at", UtcDateTime, nullable=False),
    Index("ix_decisions_recorded_at_id", "recorded_at", "id"),
    # Each case's final decisions without reading the decision rows, whose texts are long: the statistics,
    # the precedents' latest decisions.
    Index("ix_decisions_case_id_id_final_outcome", "case_id", "id", "final_outcome", "recorded_at"),
)

#: One searchable word of one case. The primary key finds the cases with a word; the (case, term) index checks one
#: case's words without reading the table.
CASE_TERMS = Table(
    "case_terms",
    metadata,
    Column("term", TermText, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_case_terms_case_id_term", "case_id", "term"),
)

#: A credential file an imported case came from, as it was read: one per file, known by the SHA-256 that the
#: provenance of the case (or of a credential of its stack) records.
CASE_ORIGINALS = Table(
    "case_originals",
    metadata,
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)
