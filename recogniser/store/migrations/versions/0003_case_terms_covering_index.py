"""Search: check a case's words from the index alone.

A search looks up its rarest word's cases and checks each of them for the other words; indexing (case, term)
instead of the case alone answers that check without reading the terms table (three times faster at 100,000
cases, measured with bench/store_bench.py).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_case_terms_case_id_term", "case_terms", ["case_id", "term"])
    op.drop_index("ix_case_terms_case_id", table_name="case_terms")


def downgrade() -> None:
    op.create_index("ix_case_terms_case_id", "case_terms", ["case_id"])
    op.drop_index("ix_case_terms_case_id_term", table_name="case_terms")
