"""Imported cases keep the credential file they were imported from, byte for byte.

The case file records the original's SHA-256 (``provenance.source.sha256``); the file itself is kept here, one
per case, so that the report can attach it and anyone can check the signature again. Cases entered by hand
have no row.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_originals",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_originals_case_id_cases", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", name="pk_case_originals"),
    )


def downgrade() -> None:
    op.drop_table("case_originals")
