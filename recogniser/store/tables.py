"""The store's tables, as the newest migration leaves them.

``cases`` holds the case document as JSON text plus the columns a list or a search needs; ``decisions`` is
append-only (database triggers refuse UPDATE and DELETE); ``case_terms`` is the search index (see ``search``).
The database engine's own index over the same terms, which intersects several words, is no table of this model:
its migration makes it, in the engine's own form (see ``search_index``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
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


class StoreModel(DeclarativeBase):
    """The mapped classes of the store's rows: SQLAlchemy's own, without a validation layer over them (the store
    writes values it has checked), so that opening the store loads no more than it uses."""

    metadata = metadata


class CaseRow(StoreModel):
    __tablename__ = "cases"
    __table_args__ = (
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
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # given by the database when the row is written
    reference: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    document: Mapped[str] = mapped_column(Text, nullable=False)
    case_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    purpose: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    latest_outcome: Mapped[str | None] = mapped_column(String(30))
    learner_name: Mapped[str | None] = mapped_column(Text)
    learner_key: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    title_key: Mapped[str | None] = mapped_column(Text)
    awarding_body: Mapped[str | None] = mapped_column(Text)
    awarding_body_key: Mapped[str | None] = mapped_column(Text)
    issuer_country: Mapped[str | None] = mapped_column(String(10))
    received_on: Mapped[date | None] = mapped_column(Date)
    complete_on: Mapped[date | None] = mapped_column(Date)
    credential_count: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class DecisionRow(StoreModel):
    """One assessment of one case, as it stood: never changed, never removed."""

    __tablename__ = "decisions"
    __table_args__ = (
        Index("ix_decisions_recorded_at_id", "recorded_at", "id"),
        # Each case's final decisions without reading the decision rows, whose texts are long: the statistics,
        # the precedents' latest decisions.
        Index("ix_decisions_case_id_id_final_outcome", "case_id", "id", "final_outcome", "recorded_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # given by the database when the row is written
    case_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("cases.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    decision: Mapped[str] = mapped_column(Text, nullable=False)
    case_document: Mapped[str] = mapped_column(Text, nullable=False)
    case_sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    rulebook_version: Mapped[str] = mapped_column(String(40), nullable=False)
    recommended_outcome: Mapped[str] = mapped_column(String(30), nullable=False)
    final_outcome: Mapped[str | None] = mapped_column(String(30))
    justification: Mapped[str | None] = mapped_column(Text)
    final_ects: Mapped[float | None] = mapped_column(Float)
    divergence_reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(Text, nullable=False)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class CaseTermRow(StoreModel):
    """One searchable word of one case. The primary key finds the cases with a word; the (case, term) index
    checks one case's words without reading the table."""

    __tablename__ = "case_terms"
    __table_args__ = (Index("ix_case_terms_case_id_term", "case_id", "term"),)

    term: Mapped[str] = mapped_column(TermText, primary_key=True)
    case_id: Mapped[int] = mapped_column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)


class CaseOriginalRow(StoreModel):
    """A credential file an imported case came from, as it was read: one per file, known by the SHA-256 that the
    provenance of the case (or of a credential of its stack) records."""

    __tablename__ = "case_originals"

    case_id: Mapped[int] = mapped_column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    file_name: Mapped[str] = mapped_column(Text, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
