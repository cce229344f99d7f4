"""Cases and their append-only decisions.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from recogniser.store.tables import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_REFUSAL = "decisions are append-only: a recorded decision is never changed or removed"

_SQLITE_TRIGGERS = [
    f"CREATE TRIGGER decisions_refuse_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END",
    f"CREATE TRIGGER decisions_refuse_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END",
]

_POSTGRESQL_TRIGGERS = [
    f"""CREATE FUNCTION decisions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{_REFUSAL} (% refused)', TG_OP USING ERRCODE = 'integrity_constraint_violation';
    END
    $$""",
    "CREATE TRIGGER decisions_refuse_change BEFORE UPDATE OR DELETE ON decisions "
    "FOR EACH ROW EXECUTE FUNCTION decisions_refuse_change()",
    "CREATE TRIGGER decisions_refuse_truncate BEFORE TRUNCATE ON decisions "
    "FOR EACH STATEMENT EXECUTE FUNCTION decisions_refuse_change()",
]


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("case_sha256", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("latest_outcome", sa.String(30)),
        sa.Column("learner_name", sa.Text()),
        sa.Column("learner_key", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("title_key", sa.Text()),
        sa.Column("awarding_body", sa.Text()),
        sa.Column("awarding_body_key", sa.Text()),
        sa.Column("issuer_country", sa.String(10)),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        sa.UniqueConstraint("reference", name="uq_cases_reference"),
    )
    for name, columns in [
        ("ix_cases_updated_at_id", ["updated_at", "id"]),
        ("ix_cases_created_at_id", ["created_at", "id"]),
        ("ix_cases_learner_key_id", ["learner_key", "id"]),
        ("ix_cases_title_key_id", ["title_key", "id"]),
        ("ix_cases_awarding_body_key_id", ["awarding_body_key", "id"]),
        ("ix_cases_purpose_updated_at", ["purpose", "updated_at"]),
        ("ix_cases_status_updated_at", ["status", "updated_at"]),
        ("ix_cases_latest_outcome_updated_at", ["latest_outcome", "updated_at"]),
    ]:
        op.create_index(name, "cases", columns)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("case_document", sa.Text(), nullable=False),
        sa.Column("case_sha256", sa.String(64), nullable=False),
        sa.Column("rulebook_version", sa.String(40), nullable=False),
        sa.Column("recommended_outcome", sa.String(30), nullable=False),
        sa.Column("final_outcome", sa.String(30)),
        sa.Column("justification", sa.Text()),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_decisions_case_id_cases", ondelete="RESTRICT"),
    )
    op.create_index("ix_decisions_case_id", "decisions", ["case_id"])
    op.create_index("ix_decisions_case_sha256", "decisions", ["case_sha256"])

    triggers = _POSTGRESQL_TRIGGERS if op.get_bind().dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("decisions")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION decisions_refuse_change()")
    op.drop_table("cases")
