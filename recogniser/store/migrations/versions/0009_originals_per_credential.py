"""Originals: a case keeps the file of each credential it was imported from, not only one.

A stack's credentials each come from a file of their own; each is kept beside the case, known by its SHA-256 (the
one its credential's provenance records). The key becomes (case, SHA-256): every original kept so far stays, as
the case's first.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # In place on PostgreSQL; SQLite rebuilds the table (batch mode), copying every row.
    with op.batch_alter_table("case_originals") as batch:
        batch.drop_constraint("pk_case_originals", type_="primary")
        batch.create_primary_key("pk_case_originals", ["case_id", "sha256"])


def downgrade() -> None:
    # A case goes back to one original: its first kept (the least SHA-256 where a stack kept several).
    op.execute(
        "DELETE FROM case_originals WHERE sha256 > "
        "(SELECT min(kept.sha256) FROM case_originals AS kept WHERE kept.case_id = case_originals.case_id)"
    )
    with op.batch_alter_table("case_originals") as batch:
        batch.drop_constraint("pk_case_originals", type_="primary")
        batch.create_primary_key("pk_case_originals", ["case_id"])
