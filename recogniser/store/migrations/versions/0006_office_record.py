"""The office's record: when a file was received and complete, the reason a decision departs from precedent,
and decisions found by date.

- ``cases.received_on`` and ``cases.complete_on`` come from the case file's optional ``procedure`` (the four
  months for a decision run from a complete file: 2010 Revised Recommendation); cases kept before that stated
  them (as a key the format did not know yet) get them drawn from their text.
- ``decisions.divergence_reason`` keeps why a decision departs from the office's earlier decisions on an
  equivalent case (``recogniser.precedents``); decisions recorded before stay as they were (append-only).
- ``ix_decisions_recorded_at_id`` finds a period's decisions for the register and the statistics.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns are added in place on SQLite and PostgreSQL alike: no rows are rewritten.
    op.add_column("cases", sa.Column("received_on", sa.Date()))
    op.add_column("cases", sa.Column("complete_on", sa.Date()))
    op.add_column("decisions", sa.Column("divergence_reason", sa.Text()))
    op.create_index("ix_decisions_recorded_at_id", "decisions", ["recorded_at", "id"])
    _fill_procedure_dates()


def _fill_procedure_dates() -> None:
    connection = op.get_bind()
    cases = sa.table(
        "cases",
        sa.column("id", sa.Integer),
        sa.column("document", sa.Text),
        sa.column("received_on", sa.Date),
        sa.column("complete_on", sa.Date),
    )
    found = connection.execute(
        sa.select(cases.c.id, cases.c.document).where(cases.c.document.like('%"procedure"%'))
    ).all()
    updates = []
    for case_id, text in found:
        procedure = json.loads(text).get("procedure")
        if isinstance(procedure, dict):
            dates = {key: _date(procedure.get(key)) for key in ("received_on", "complete_on")}
            if any(dates.values()):
                updates.append({"row_id": case_id, **dates})
    if updates:
        connection.execute(cases.update().where(cases.c.id == sa.bindparam("row_id")), updates)


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def downgrade() -> None:
    op.drop_index("ix_decisions_recorded_at_id", table_name="decisions")
    op.drop_column("decisions", "divergence_reason")
    op.drop_column("cases", "complete_on")
    op.drop_column("cases", "received_on")
