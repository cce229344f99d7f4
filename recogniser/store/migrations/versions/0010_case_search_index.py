"""Search: the cases with several words found by the database engine's own index.

A search by a full name read each word's range of the term table and intersected them: at a million cases two
common words are some 30,000 to 130,000 entries each. The engine's inverted index (FTS5 on SQLite, a GIN index
over a ``tsvector`` on PostgreSQL) holds each word's cases as compressed lists and intersects them itself (see
``recogniser.store.search_index``). Every case stored so far is indexed from its terms.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

from recogniser.store.search_index import index_cases_from

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Case ids only (no positions, no column sizes, no copy of the text): all a search needs.
        op.execute(
            "CREATE VIRTUAL TABLE case_search USING fts5(terms, content='', columnsize=0, detail=none, "
            "tokenize='ascii')"
        )
        index_cases_from(bind)
        return
    op.execute(
        "CREATE TABLE case_search (case_id INTEGER NOT NULL, terms TSVECTOR NOT NULL, "
        "CONSTRAINT pk_case_search PRIMARY KEY (case_id), "
        "CONSTRAINT fk_case_search_case_id_cases FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE)"
    )
    index_cases_from(bind)
    # Built over the filled table: faster than entry by entry.
    op.execute("CREATE INDEX ix_case_search_terms ON case_search USING gin (terms)")


def downgrade() -> None:
    op.execute("DROP TABLE case_search")
