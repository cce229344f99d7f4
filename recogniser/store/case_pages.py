"""A page of the case list: its filters, its order, the search through the term index, keyset paging."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    FromClause,
    Row,
    Select,
    and_,
    func,
    literal,
    or_,
    true,
    tuple_,
    union_all,
)
from sqlalchemy import select as select_columns
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Text

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
    return (
        select_columns(*SUMMARY_COLUMNS, _CASES.c.id.label("id"), SORT_COLUMNS[query.sort].label("sort_value"))
        .where(*query_filters(query), *search.conditions())
        .order_by(*_order(query))
    )


def _order(query: CaseQuery) -> list[ColumnElement[Any]]:
    column = SORT_COLUMNS[query.sort]
    return [column.desc(), _CASES.c.id.desc()] if query.descending else [column.asc(), _CASES.c.id]


Rows = list[Row[Any]]


def listed_rows(connection: Connection, query: CaseQuery, search: Search, offset: int, limit: int) -> Rows:
    """The rows of the list from ``offset`` on, at most ``limit``."""
    if not search.walks and not search.gathers:
        return list(connection.execute(page_statement(query, search).offset(offset).limit(limit)).all())
    return page_rows(connection, query, search, None, offset + limit)[offset:]


def page_rows(connection: Connection, query: CaseQuery, search: Search, after: CaseCursor | None, wanted: int) -> Rows:
    """The first ``wanted`` rows of the list after ``after`` (None: from its start).

    The list is read as ranges of the (sort column, id) index in turn, each all with or all without a sort value:
    no ``OR`` that would keep a database from reading one range in order."""
    nulls_high = connection.dialect.name == "postgresql"
    if after is None and not search.walks and not search.gathers:
        return list(connection.execute(page_statement(query, search).limit(wanted)).all())
    if after is not None:
        parts = [[part] for part in parts_after(query, after, nulls_high)]
    else:
        # The part without a sort value only where a case has none: read on its own, with a filter, SQLite would
        # read every case the filter selects once more to find none.
        column = SORT_COLUMNS[query.sort]
        has_empty = column.nullable and connection.execute(_has_empty(column)).first() is not None
        parts = parts_from_start(query, nulls_high, has_empty)
    rows: Rows = []
    for part in parts:
        if search.walks:
            rows += _walked(connection, query, search, part, wanted - len(rows), bound=WALK_BOUND, rest=_probed)
        elif search.gathers:
            # A short walk first: where the matches are spread through the order (a first name, newest first) it
            # fills the page after some hundreds of cases, where looking up every match's sort value would take
            # tens of milliseconds; it checks a quarter as many cases as there are matches, at most.
            bound = max(1, search.entries // GATHER_WALK_SHARE)
            rows += _walked(connection, query, search, part, wanted - len(rows), bound=bound, rest=_gathered)
        else:
            rows += connection.execute(page_statement(query, search).where(*part).limit(wanted - len(rows))).all()
        if len(rows) >= wanted:
            break
    return rows


#: A walk of the sort order checks at most this many cases of each part (those with a sort value, those without):
#: when the page is not full by then, the matches lie far along the order and the rest is found by reading the
#: sort column's index and looking each case up among the matching ones, which the database gathers once. Checking
#: a case's words costs some microseconds; a first name in the newest cases fills its page after some 1,800.
WALK_BOUND = 20_000

#: Before a page is gathered from every match's sort value, the order is walked for at most one case in this many
#: matches: checking a case costs about as much as looking a match up, so a walk that does not fill the page adds
#: at most a quarter to the time, and one that does (matches spread through the order) ends after some hundreds.
GATHER_WALK_SHARE = 4

_Rest = Callable[[Connection, CaseQuery, "Search", list[Any], int], Rows]


def _walked(
    connection: Connection, query: CaseQuery, search: Search, part: list[Any], wanted: int, *, bound: int, rest: _Rest
) -> Rows:
    """The first ``wanted`` matching rows of one part, by a walk of at most ``bound`` cases and, when that does
    not fill them, by ``rest`` (which finds the part's rows whatever the walk found)."""
    # The bound counts every case along the order, as the walk passes them, filtered or not: read from the index
    # alone, where a filter would have the databases read (and PostgreSQL sort) every case it selects.
    column = SORT_COLUMNS[query.sort]
    in_order = select_columns(column, _CASES.c.id).where(*part).order_by(*_order(query))
    edge = connection.execute(in_order.offset(bound - 1).limit(1)).first()
    # The walk reads ids from the sort column's index, each case's row only where a filter needs it, and then the
    # page's rows: reading every passed case's row, out of the table's order, cost PostgreSQL up to ten times more.
    walk = (
        select_columns(_CASES.c.id)
        .where(*query_filters(query, walking=True), *search.conditions(walk_sort_order=True), *part)
        .order_by(*_order(query))
    )
    if edge is None:  # fewer cases than the bound
        return _rows_of(connection, query, list(connection.scalars(walk.limit(wanted))))
    found: list[int] = []
    for stretch in _up_to(query, *edge):
        found += connection.scalars(walk.where(*stretch).limit(wanted - len(found)))
        if len(found) == wanted:
            return _rows_of(connection, query, found)
    return rest(connection, query, search, part, wanted)


def _rows_of(connection: Connection, query: CaseQuery, case_ids: list[int]) -> Rows:
    """The rows of these cases, in the query's order."""
    if not case_ids:
        return []
    return list(connection.execute(page_statement(query, Search([], None, None)).where(_CASES.c.id.in_(case_ids))))


def _probed(connection: Connection, query: CaseQuery, search: Search, part: list[Any], wanted: int) -> Rows:
    """The first ``wanted`` matching rows of one part, by reading the part's order against every matching case."""
    # The matches as a set probed from each case of the order: written as a test of truth, the condition is not
    # made a join, which would have the databases read every matching case's row and sort them all (at a million
    # cases, half a second for a prefix of 100,000 cases). The ids come from the index alone where no filter is
    # set; only the page's rows are read.
    found = (
        select_columns(_CASES.c.id).where(*query_filters(query), *part, search.among_matches()).order_by(*_order(query))
    )
    page = page_statement(query, Search([], None, None)).where(_CASES.c.id.in_(found.limit(wanted)))
    return list(connection.execute(page).all())


def _gathered(connection: Connection, query: CaseQuery, search: Search, part: list[Any], wanted: int) -> Rows:
    """The first ``wanted`` matching rows of one part, found by looking up every matching case's sort value (and
    the filters) and keeping the first: some thousands of look-ups, however far along the order they lie."""
    if connection.dialect.name != "postgresql":
        # SQLite's plan for the matches as a set: each case found by its row id, the page kept as they are read.
        return list(connection.execute(page_statement(query, search).where(*part).limit(wanted)).all())
    matches = search.distinct_matches().subquery("matches")
    looked_up = (
        select_columns(_CASES.c.id, SORT_COLUMNS[query.sort].label("sort_value"))
        .where(_CASES.c.id == matches.c.case_id, *query_filters(query), *part)
        # Looked up one by one, from the covering index (ix_cases_id_list_keys): as a join, PostgreSQL reads the
        # whole sort column's index against the matches instead (at a million cases, 150 ms for 28,000 matches).
        .offset(0)
        .correlate(matches)
        .lateral("looked_up")
    )
    order = [looked_up.c.sort_value, looked_up.c.id]
    found = (
        select_columns(looked_up.c.id)
        .select_from(matches.join(looked_up, true()))
        .order_by(*(value.desc() if query.descending else value.asc() for value in order))
        .limit(wanted)
    )
    page = page_statement(query, Search([], None, None)).where(_CASES.c.id.in_(found))
    return list(connection.execute(page).all())


def _up_to(query: CaseQuery, value: Any, case_id: int) -> list[list[ColumnElement[bool]]]:
    """The cases of a part up to the one with this sort value and id, in the query's order, as ranges of the
    (sort column, id) index read in turn: the cases before its sort value, then those that share it up to its id.
    As one comparison of (sort value, id) SQLite bounds its scan by the sort value alone and would read on through
    every case that shares it (in cases imported together, every one of them)."""
    column, row_id = SORT_COLUMNS[query.sort], _CASES.c.id
    if value is None:  # among the cases without a sort value, which come in the order they were added
        return [[row_id >= case_id if query.descending else row_id <= case_id]]
    at = literal(value, column.type)
    if query.descending:
        return [[column > at], [column == at, row_id >= case_id]]
    return [[column < at], [column == at, row_id <= case_id]]


def _has_empty(column: Any) -> Select[int]:
    return select_columns(literal(1)).where(column.is_(None)).limit(1)


def parts_from_start(query: CaseQuery, nulls_high: bool, has_empty: bool) -> list[list[ColumnElement[bool]]]:
    """The whole list as parts each all with or all without a sort value, in the query's order."""
    column = SORT_COLUMNS[query.sort]
    if not has_empty:
        return [[]]
    parts = [[column.is_(None)], [column.is_not(None)]]
    return parts if (not query.descending) != nulls_high else parts[::-1]


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


def query_filters(query: CaseQuery, walking: bool = False) -> list[ColumnElement[bool]]:
    """The list's filters; for a walk of the sort order, written so that SQLite does not read them from their own
    index: it would take every case of a purpose from it and sort them all (at a million cases 300-400 ms for a
    search of one purpose sorted by learner) instead of walking the order and stopping at the page's end."""
    filters: list[ColumnElement[bool]] = []
    for column, value in (
        (_CASES.c.purpose, None if query.purpose is None else query.purpose.value),
        (_CASES.c.latest_outcome, None if query.outcome is None else query.outcome.value),
        (_CASES.c.status, None if query.status is None else query.status.value),
        (_CASES.c.issuer_country, query.issuer_country.strip().upper() if query.issuer_country else None),
    ):
        if value is not None:
            filters.append((_Unindexed(column) if walking else column) == value)
    return filters


#: A search with fewer matches than this (index entries: a case holding two terms of its word counts twice)
#: fetches their ids from the term index and then just those cases.
MANY_MATCHES = 2_000

#: With fewer matches than this (and more than MANY_MATCHES), a page is found by looking up each matching case's
#: sort value and keeping the first (``_gathered``), after a short walk of the order: one to three microseconds a
#: match, so 30 to 90 ms at most for 28,000 matches wherever in the order they lie (measured at a million cases;
#: walking the order to the far end took up to 250 ms). With more, by walking the sort order and checking each
#: case until the page is full, which ends soon when matches are that common, unless they lie together far along
#: the order; the walk is bounded (WALK_BOUND).
GATHER_MATCHES = 30_000


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
    gathers: bool = False  # whether a page is found from every match's sort value (fewer than GATHER_MATCHES)
    entries: int = 0  # the matches' index entries when MANY_MATCHES or more, counted up to GATHER_MATCHES

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
        if len(entries) < MANY_MATCHES:
            return cls(words, sorted(set(entries)), search.matched)
        counted = select_columns(func.count()).select_from(search._matching().limit(GATHER_MATCHES).subquery())
        many = int(connection.execute(counted).scalar_one())
        return cls(words, None, search.matched, gathers=many < GATHER_MATCHES, entries=many)

    @property
    def walks(self) -> bool:
        """Whether a page is best found by walking the sort order: written so, neither SQLite's planner nor
        PostgreSQL's gathers every match first (measured at 100,000 cases: three to six times faster)."""
        return bool(self.words) and self.case_ids is None and not self.gathers

    def conditions(self, walk_sort_order: bool = False) -> list[ColumnElement[bool]]:
        if not self.words:
            return []
        if self.case_ids is not None:
            return [_CASES.c.id.in_(self.case_ids)]
        if walk_sort_order:
            return [_has_word(_CASES.c.id, prefixes) for prefixes in self.words]
        return [_CASES.c.id.in_(self._matching())]

    def distinct_matches(self) -> Select[int]:
        """The matching cases' ids, each once, in their order: cases looked up in it are read from an index by id
        in the index's order (at a million cases, 28,000 looked up in 75 ms instead of 110 on PostgreSQL)."""
        entries = (self.matched if self.matched is not None else self._matching()).subquery()
        return select_columns(entries.c.case_id).distinct().order_by(entries.c.case_id)

    def among_matches(self) -> ColumnElement[bool]:
        """Whether a case is one of the matching ones, looked up in their set gathered once."""
        return _CASES.c.id.in_(self._matching()).is_(True)

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


class _Unindexed(FunctionElement[str]):
    """A column that SQLite is not to look up in an index (``+column``); as it is on other databases, whose
    planners walk the order by themselves (and, on PostgreSQL, misjudge an expression's selectivity)."""

    type = Text()
    inherit_cache = True

    def __init__(self, column: ColumnElement[Any]) -> None:
        super().__init__(column)


@compiles(_Unindexed)
def _unindexed(element: _Unindexed, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"+{column}" if compiler.dialect.name == "sqlite" else str(column)


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
