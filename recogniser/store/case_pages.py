"""A page of the case list: its filters, its order, the search through the term index, keyset paging."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    FromClause,
    Select,
    and_,
    func,
    literal,
    or_,
    tuple_,
    union_all,
)
from sqlalchemy import select as select_columns

from recogniser.model import Outcome, Purpose
from recogniser.store import search_index
from recogniser.store.records import CaseCursor, CaseQuery, CaseSort, CaseStatus, CaseSummary
from recogniser.store.search import prefix_upper_bound, query_words
from recogniser.store.tables import CASE_TERMS, CASES

_CASES = CASES
_TERMS = CASE_TERMS

SORT_COLUMNS: dict[CaseSort, Any] = {
    CaseSort.REFERENCE: _CASES.c.reference,
    CaseSort.LEARNER: _CASES.c.learner_key,
    CaseSort.TITLE: _CASES.c.title_key,
    CaseSort.AWARDING_BODY: _CASES.c.awarding_body_key,
    CaseSort.COUNTRY: _CASES.c.issuer_country,
    CaseSort.PURPOSE: _CASES.c.purpose,
    CaseSort.STATUS: _CASES.c.status,
    CaseSort.OUTCOME: _CASES.c.latest_outcome,
    CaseSort.CREATED: _CASES.c.created_at,
    CaseSort.UPDATED: _CASES.c.updated_at,
}

SUMMARY_COLUMNS = (
    _CASES.c.reference,
    _CASES.c.learner_name,
    _CASES.c.title,
    _CASES.c.awarding_body,
    _CASES.c.issuer_country,
    _CASES.c.purpose,
    _CASES.c.status,
    _CASES.c.latest_outcome,
    _CASES.c.created_at,
    _CASES.c.updated_at,
    _CASES.c.version,
    _CASES.c.credential_count,
)


def page_statement(query: CaseQuery, search: Search) -> Select[*tuple[Any, ...]]:
    """The cases ``query`` selects with their summary columns, the row id and the sort value, in its order."""
    column = SORT_COLUMNS[query.sort]
    order = [column.desc(), _CASES.c.id.desc()] if query.descending else [column.asc(), _CASES.c.id]
    return (
        select_columns(*SUMMARY_COLUMNS, _CASES.c.id.label("id"), column.label("sort_value"))
        .where(*query_filters(query), *search.conditions(walk_sort_order=search.walks))
        .order_by(*order)
    )


def count_matching(connection: Connection, query: CaseQuery, search: Search) -> int:
    filters = query_filters(query)
    if search.words and not filters:
        return search.count(connection)
    statement = select_columns(func.count()).select_from(_CASES).where(*filters, *search.conditions())
    return int(connection.execute(statement).scalar_one())


def parts_after(query: CaseQuery, cursor: CaseCursor, nulls_high: bool) -> list[ColumnElement[bool]]:
    """The cases after ``cursor`` in the query's order, as the ranges of the (sort column, id) index to read in
    turn: no ``OR`` that would keep a database from reading one range in order.

    Empty sort values come where the database puts them: first in ascending order on SQLite, last on PostgreSQL.
    """
    column = SORT_COLUMNS[query.sort]
    row_id = _CASES.c.id
    ascending = not query.descending
    # Whether the empty values come before the others in this walk.
    nulls_first = ascending != nulls_high
    if cursor.value is None:
        later_id = row_id > cursor.case_id if ascending else row_id < cursor.case_id
        among_empty = and_(column.is_(None), later_id)
        return [among_empty, column.is_not(None)] if nulls_first else [among_empty]
    key, at = tuple_(column, row_id), tuple_(literal(cursor.value, column.type), literal(cursor.case_id))
    later: ColumnElement[bool] = key > at if ascending else key < at
    return [later] if nulls_first else [later, column.is_(None)]


def query_filters(query: CaseQuery) -> list[ColumnElement[bool]]:
    filters: list[ColumnElement[bool]] = []
    if query.purpose is not None:
        filters.append(_CASES.c.purpose == query.purpose.value)
    if query.outcome is not None:
        filters.append(_CASES.c.latest_outcome == query.outcome.value)
    if query.status is not None:
        filters.append(_CASES.c.status == query.status.value)
    if query.issuer_country:
        filters.append(_CASES.c.issuer_country == query.issuer_country.strip().upper())
    return filters


#: A search with fewer matches than this (index entries: a case holding two terms of its word counts twice)
#: fetches their ids from the term index and then just those cases; with more, a page is found by walking the
#: sort order and checking each case until the page is full, which ends sooner than fetching and sorting every
#: match (at 100,000 cases and pages of 50 the two meet near 2,000) unless the matches lie far along the order.
MANY_MATCHES = 2_000


@dataclass(frozen=True)
class Search:
    """The words of a search, longest first, and the cases that have them all when they are few.

    Matching happens in the indexes, never reading case rows that do not match: one word's cases are its range
    of the term index; the cases with several words are found by the database engine's own index, which
    intersects the words' lists of cases inside the engine (``search_index``).
    """

    words: list[set[str]]
    case_ids: list[int] | None  # every matching case, when its index entries are fewer than MANY_MATCHES
    matched: Select[int] | None  # the cases with every word of several, from the engine's index

    @classmethod
    def planned(cls, connection: Connection, text: str) -> Search:
        # The longest word first, usually the rarest: the one a walk of the sort order checks first.
        words = sorted(query_words(text), key=lambda prefixes: -max(len(prefix) for prefix in prefixes))
        if not words:
            return cls([], None, None)
        if len(words) == 1:
            search = cls(words, None, None)
        else:
            matched = search_index.matching(connection, words)
            if matched is None:
                return cls(words, [], None)
            search = cls(words, None, matched)
        # Index entries, not cases: a case can hold several terms of one word ("ivan" and "ivanov", "шевченко"
        # and "shevchenko"), but setting them apart here would make the database gather every entry before the
        # first (measured at a million cases: 30-50 ms for a surname or a word of a title).
        entries = list(connection.scalars(search._matching().limit(MANY_MATCHES)))
        return cls(words, sorted(set(entries)), search.matched) if len(entries) < MANY_MATCHES else search

    @property
    def walks(self) -> bool:
        """Whether a page is best found by walking the sort order: written so, neither SQLite's planner nor
        PostgreSQL's gathers every match first (measured at 100,000 cases: three to six times faster)."""
        return bool(self.words) and self.case_ids is None

    def conditions(self, walk_sort_order: bool = False) -> list[ColumnElement[bool]]:
        if not self.words:
            return []
        if self.case_ids is not None:
            return [_CASES.c.id.in_(self.case_ids)]
        if walk_sort_order:
            return [_has_word(_CASES.c.id, prefixes) for prefixes in self.words]
        return [_CASES.c.id.in_(self._matching())]

    def count(self, connection: Connection) -> int:
        """How many cases have every word (from the indexes alone)."""
        if self.case_ids is not None:
            return len(self.case_ids)
        matching = self._matching().subquery()
        if self.matched is not None:  # a case once in the engine's index
            statement = select_columns(func.count()).select_from(matching)
        else:
            # Counted as the distinct cases of the word's entries, which both databases sort as they count: set
            # apart first (a DISTINCT subquery), PostgreSQL hashed them one by one, three times slower.
            statement = select_columns(func.count(matching.c.case_id.distinct()))
        return int(connection.execute(statement).scalar_one())

    def _matching(self) -> Select[int] | CompoundSelect[int]:
        """The matching cases' ids: each once from the engine's index; from the term table once per term of the
        word that a case holds, each prefix's range read on its own (an ``OR`` of ranges made PostgreSQL read
        the table's rows, ten times slower at a million cases)."""
        if self.matched is not None:
            return self.matched
        ranges = [
            select_columns(_TERMS.c.case_id).where(_term_range(_TERMS, {prefix})) for prefix in sorted(self.words[0])
        ]
        return ranges[0] if len(ranges) == 1 else union_all(*ranges)


def _term_range(terms: FromClause, prefixes: set[str]) -> ColumnElement[bool]:
    term = terms.c.term
    return or_(*(and_(term >= prefix, term < prefix_upper_bound(prefix)) for prefix in sorted(prefixes)))


def _has_word(case_id: ColumnElement[int], prefixes: set[str]) -> ColumnElement[bool]:
    """Whether the case has a term starting with one of the prefixes, checked case by case as the sort order is
    walked. The OFFSET keeps PostgreSQL from turning the check into a join that starts from the word's terms,
    which it does when it takes a word for rare (a name outside its most common values): it then read every
    matching case's row to sort them, at a million cases 250 ms for a first name instead of 15."""
    return (
        select_columns(_TERMS.c.case_id)
        .where(_TERMS.c.case_id == case_id, _term_range(_TERMS, prefixes))
        .offset(0)
        .exists()
    )


def summary(row: Any) -> CaseSummary:
    return CaseSummary(
        reference=row.reference,
        learner=row.learner_name,
        title=row.title,
        awarding_body=row.awarding_body,
        issuer_country=row.issuer_country,
        purpose=Purpose(row.purpose),
        status=CaseStatus(row.status),
        outcome=None if row.latest_outcome is None else Outcome(row.latest_outcome),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        credentials=row.credential_count,
    )
