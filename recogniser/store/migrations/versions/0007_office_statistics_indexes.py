"""The office's statistics without reading the long rows: covering indexes over what they count.

- ``ix_decisions_case_id_id_final_outcome``: each case's final decisions (their outcome and time), so that the
  statistics and the precedents' latest decisions never read a decision row and the texts in it;
- ``ix_cases_id_purpose_issuer_country_complete_on``: what the statistics count of a case, likewise.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_decisions_case_id_id_final_outcome", "decisions", ["case_id", "id", "final_outcome", "recorded_at"]
    )
    op.create_index(
        "ix_cases_id_purpose_issuer_country_complete_on", "cases", ["id", "purpose", "issuer_country", "complete_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_cases_id_purpose_issuer_country_complete_on", table_name="cases")
    op.drop_index("ix_decisions_case_id_id_final_outcome", table_name="decisions")
