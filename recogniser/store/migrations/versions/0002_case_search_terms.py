"""The search index: every word of a case's reference, learner, title and awarding body, folded and in Latin.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from recogniser.store.columns import CaseColumns
from recogniser.store.tables import TermText

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    case_terms = op.create_table(
        "case_terms",
        sa.Column("term", TermText, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", "case_id", name="pk_case_terms"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_terms_case_id_cases", ondelete="CASCADE"),
    )
    op.create_index("ix_case_terms_case_id", "case_terms", ["case_id"])

    # Index the cases stored before this revision.
    bind = op.get_bind()
    cases = sa.table("cases", sa.column("id", sa.Integer()), sa.column("document", sa.Text()))
    last_id = 0
    while True:
        rows = bind.execute(
            sa.select(cases.c.id, cases.c.document).where(cases.c.id > last_id).order_by(cases.c.id).limit(_BATCH)
        ).all()
        if not rows:
            break
        terms = [
            {"term": term, "case_id": case_id}
            for case_id, document in rows
            for term in CaseColumns.of(json.loads(document)).search_terms()
        ]
        if terms:
            bind.execute(case_terms.insert(), terms)
        last_id = rows[-1][0]


def downgrade() -> None:
    op.drop_table("case_terms")
