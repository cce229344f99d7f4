"""Cases: how many credentials each holds (a stack holds several), for the case list.

Every case stored before holds one credential, which the column's default gives it; the search terms of a stack
(every credential's learner, title and awarding body) are written when it is saved.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # With a default, the column is added in place on SQLite and PostgreSQL alike: no rows are rewritten.
    op.add_column("cases", sa.Column("credential_count", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    op.drop_column("cases", "credential_count")
