"""The store's case and decision rows as SQLAlchemy's mapped classes, over the tables of ``tables``: for the units
of work that read a case or a decision as an object, change it and flush (the other tables are written and read as
tables). Reading a page of the case list uses the tables alone, so that ``recogniser cases list`` loads no ORM (a
sixth to a fifth of its processor time)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from recogniser.store.tables import CASES, DECISIONS, metadata


class StoreModel(DeclarativeBase):
    """SQLAlchemy's own mapped classes, without a validation layer over them (the store writes values it has
    checked). The annotations type the columns the tables declare."""

    metadata = metadata


class CaseRow(StoreModel):
    __table__ = CASES

    id: Mapped[int]
    reference: Mapped[str]
    document: Mapped[str]
    case_sha256: Mapped[str]
    version: Mapped[int]
    purpose: Mapped[str]
    status: Mapped[str]
    latest_outcome: Mapped[str | None]
    learner_name: Mapped[str | None]
    learner_key: Mapped[str | None]
    title: Mapped[str | None]
    title_key: Mapped[str | None]
    awarding_body: Mapped[str | None]
    awarding_body_key: Mapped[str | None]
    issuer_country: Mapped[str | None]
    received_on: Mapped[date | None]
    complete_on: Mapped[date | None]
    credential_count: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class DecisionRow(StoreModel):
    __table__ = DECISIONS

    id: Mapped[int]
    case_id: Mapped[int]
    decision: Mapped[str]
    case_document: Mapped[str]
    case_sha256: Mapped[str]
    rulebook_version: Mapped[str]
    recommended_outcome: Mapped[str]
    final_outcome: Mapped[str | None]
    justification: Mapped[str | None]
    final_ects: Mapped[float | None]
    divergence_reason: Mapped[str | None]
    published_values: Mapped[str | None]
    decided_by: Mapped[str]
    recorded_at: Mapped[datetime]
