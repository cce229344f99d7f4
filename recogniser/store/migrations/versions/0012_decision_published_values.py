"""Decisions: what the register publishes of the decided case text, kept with each decision.

The register of decisions read every decided case's whole text to publish a dozen of its fields; a decision now
keeps those values (a short JSON array, ``office_record.REGISTER_PATHS``) when it is recorded. Decisions recorded
before stay as they were (append-only): their column is empty, and the register reads the values from their case
text as before.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column is added in place on SQLite and PostgreSQL alike: no rows are rewritten.
    op.add_column("decisions", sa.Column("published_values", sa.Text()))


def downgrade() -> None:
    op.drop_column("decisions", "published_values")
