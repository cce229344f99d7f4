"""Searches with some thousands of matches: each matching case's sort values looked up by its id.

A search whose matches lie far along the list's order walked most of the store before finding them (at a million
cases 0.2 s for a first name sorted by learner). With some thousands of matches a page is now found by looking up
each one's sort value and filters and keeping the first (``recogniser.store.case_pages``). On PostgreSQL they
are read from a covering index, ``ix_cases_id_list_keys``, rather than from the long case rows; SQLite finds its
rows by id already and gets no index.

One entry of that index holds a case's three sort keys: to keep it inside a PostgreSQL B-tree entry whatever the
script, the keys are cut to 100 characters (they were 200; no name, title or body is ordered by its hundred and
first character).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

KEY_LENGTH = 100
SORT_KEYS = ("learner_key", "title_key", "awarding_body_key")
LIST_KEYS = (
    "reference",
    *SORT_KEYS,
    "issuer_country",
    "purpose",
    "status",
    "latest_outcome",
    "created_at",
    "updated_at",
)


def upgrade() -> None:
    for key in SORT_KEYS:
        op.execute(f"UPDATE cases SET {key} = substr({key}, 1, {KEY_LENGTH}) WHERE length({key}) > {KEY_LENGTH}")
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_cases_id_list_keys", "cases", ["id", *LIST_KEYS])


def downgrade() -> None:
    # The shortened keys stay: the version before orders by them just the same.
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_cases_id_list_keys", table_name="cases")
