"""The search index the database engine intersects: every case's search terms as one document, so that a search
of several words is answered by merging compressed lists inside the engine rather than by reading and
intersecting each word's range of the term table.

It is drawn from ``case_terms`` (one place for what a case is found by) and written with it: on SQLite an FTS5
table (contentless, document ids only) where each term is written as the hexadecimal of its UTF-8 bytes, so that
a prefix of a term stays a prefix of its token whatever the tokenizer makes of letters; on PostgreSQL a
``tsvector`` of the terms as they are, under a GIN index (lexemes compare byte by byte, so a prefix of a term's
UTF-8 is a prefix of its lexeme). A case matches when, for every word, one of its terms starts with one of the
word's prefixes: the same rule as the term table (``search``). Each prefix is asked of the index as the stored
terms it starts, or as a prefix where it starts many.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, bindparam, column, func, insert, literal, table, text
from sqlalchemy import select as select_columns
from sqlalchemy.types import Text

from recogniser.store.search import prefix_upper_bound
from recogniser.store.tables import CASE_TERMS

__all__ = ["TABLE", "index_cases", "index_cases_from", "matching", "unindex_cases"]

#: The index's table; on SQLite its FTS5 shadow tables are named after it (``case_search_data``, ...).
TABLE = "case_search"

_TERMS = CASE_TERMS
#: Cases written or removed per statement: well inside every backend's limit on bound parameters.
_CHUNK = 500

_SQLITE = table(TABLE, column("rowid"), column("terms"))
#: FTS5 takes commands as rows written to a column named after the table.
_SQLITE_COMMAND = table(TABLE, column(TABLE), column("rowid"), column("terms"))
_POSTGRESQL = table(TABLE, column("case_id"), column("terms"))


def index_cases_from(connection: Connection, first_id: int = 0) -> None:
    """Add every case from ``first_id`` on, whose terms are in ``case_terms``: cases stored before the index was
    made, or written in bulk."""
    _index_where(connection, _TERMS.c.case_id >= first_id)


def index_cases(connection: Connection, case_ids: Iterable[int]) -> None:
    """Add the cases, whose terms are in ``case_terms`` already, to the index."""
    ids = list(case_ids)
    for first in range(0, len(ids), _CHUNK):
        _index_where(connection, _TERMS.c.case_id.in_(ids[first : first + _CHUNK]))


def unindex_cases(connection: Connection, case_ids: Iterable[int]) -> None:
    """Take the cases out of the index, while their terms are still in ``case_terms``: a contentless FTS5 table
    forgets a document only when told the terms it was given."""
    ids = list(case_ids)
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first : first + _CHUNK]
        if connection.dialect.name == "sqlite":
            forgotten = _sqlite_documents(_TERMS.c.case_id.in_(chunk), literal("delete"))
            connection.execute(insert(_SQLITE_COMMAND).from_select([TABLE, "rowid", "terms"], forgotten))
        else:
            connection.execute(_POSTGRESQL.delete().where(_POSTGRESQL.c.case_id.in_(chunk)))


def matching(connection: Connection, words: list[set[str]]) -> Select[int] | None:
    """The ids of the cases that have, for every word, a term starting with one of its prefixes; None when no
    stored term starts with any prefix of some word (no case matches).

    Each prefix is looked up as the few stored terms it starts ("ivan": "ivan", "ivana", "ivanov"), found in the
    term table's B-tree: the index then follows those terms' lists, skipping through them together, where a
    prefix query would first gather every list that starts so (measured at a million cases, five to ten times
    faster). A prefix that starts many terms ("o", "2026") is asked of the index as a prefix.
    """
    dialect = connection.dialect.name
    alternatives = []
    for prefixes in words:
        found = [term for prefix in sorted(prefixes) for term in _terms_starting(connection, prefix)]
        if not found:
            return None
        alternatives.append(found)
    if dialect == "sqlite":
        query = " AND ".join("(" + " OR ".join(_fts5_term(term) for term in found) + ")" for found in alternatives)
        condition: ColumnElement[bool] = column(TABLE).op("MATCH")(bindparam("search_query", query))
        return select_columns(_SQLITE.c.rowid.label("case_id")).select_from(_SQLITE).where(condition)
    from sqlalchemy.dialects.postgresql import TSQUERY  # see _index_where

    query = " & ".join("(" + " | ".join(_tsquery_term(term) for term in found) + ")" for found in alternatives)
    condition = _POSTGRESQL.c.terms.op("@@")(bindparam("search_query", query, type_=TSQUERY))
    return select_columns(_POSTGRESQL.c.case_id).where(condition)


#: A prefix that starts more stored terms than this is asked of the index as a prefix.
MOST_TERMS = 64

#: The distinct stored terms in a prefix's range, one B-tree descent each (the term table holds a term once per
#: case); one row more than MOST_TERMS tells that there are more.
_TERMS_STARTING = text(
    """
    WITH RECURSIVE found(term, n) AS (
        SELECT (SELECT term FROM case_terms WHERE term >= :prefix AND term < :above ORDER BY term LIMIT 1), 1
        UNION ALL
        SELECT (SELECT term FROM case_terms WHERE term > found.term AND term < :above ORDER BY term LIMIT 1),
            found.n + 1
        FROM found WHERE found.term IS NOT NULL AND found.n <= :most
    )
    SELECT term FROM found WHERE term IS NOT NULL
    """
)


@dataclass(frozen=True)
class _Term:
    text: str
    prefix: bool  # stands for every term that starts with it


def _terms_starting(connection: Connection, prefix: str) -> list[_Term]:
    parameters = {"prefix": prefix, "above": prefix_upper_bound(prefix), "most": MOST_TERMS}
    found = list(connection.execute(_TERMS_STARTING, parameters).scalars())
    if len(found) > MOST_TERMS:
        return [_Term(prefix, prefix=True)]
    return [_Term(term, prefix=False) for term in found]


def _fts5_term(term: _Term) -> str:
    return f'"{_sqlite_token(term.text)}"' + ("*" if term.prefix else "")


def _tsquery_term(term: _Term) -> str:
    return f"'{_tsquery_lexeme(term.text)}'" + (":*" if term.prefix else "")


def _sqlite_token(term: str) -> str:
    """A term as the index holds it: the hexadecimal of its UTF-8 bytes, in capitals as SQLite's hex() writes it
    (the tokenizer folds both to lower case anyway)."""
    return term.encode().hex().upper()


def _tsquery_lexeme(term: str) -> str:
    # Search words are letters and digits; quoting keeps any other character a letter of the lexeme.
    return term.replace("\\", "\\\\").replace("'", "''")


def _index_where(connection: Connection, condition: ColumnElement[bool] | None) -> None:
    if connection.dialect.name == "sqlite":
        documents = _sqlite_documents(condition)
        connection.execute(insert(_SQLITE).from_select(["rowid", "terms"], documents))
        return
    # PostgreSQL's own types are loaded only here: its dialect package costs a store on SQLite a tenth of its start.
    from sqlalchemy.dialects.postgresql import ARRAY

    terms = select_columns(_TERMS.c.case_id, func.array_to_tsvector(func.array_agg(_TERMS.c.term, type_=ARRAY(Text))))
    if condition is not None:
        terms = terms.where(condition)
    connection.execute(insert(_POSTGRESQL).from_select(["case_id", "terms"], terms.group_by(_TERMS.c.case_id)))


def _sqlite_documents(condition: ColumnElement[bool] | None, *leading: ColumnElement[str]) -> Select[*tuple[Any, ...]]:
    """Each case's terms as one document of hexadecimal tokens (see ``_sqlite_token``), after ``leading``."""
    statement = select_columns(*leading, _TERMS.c.case_id, func.group_concat(func.hex(_TERMS.c.term), " "))
    if condition is not None:
        statement = statement.where(condition)
    return statement.group_by(_TERMS.c.case_id)
