"""Decisions: the credits the evaluator's final decision recognises.

In credit transfer and RPL the credits granted are the decision (a partial recognition says how many), so they
are kept beside the final outcome. Decisions recorded before stay as they were (append-only): their column is
empty, which reads as "not stated".

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column is added in place on SQLite and PostgreSQL alike: no rows are rewritten.
    op.add_column("decisions", sa.Column("final_ects", sa.Float()))


def downgrade() -> None:
    op.drop_column("decisions", "final_ects")
