"""Queries over the office's record: precedents for a case, the register of decisions, the statistics.

Each function takes an open session of ``CaseStore`` and reads only; the store's methods call them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    select,
    tuple_,
    union_all,
)

from recogniser.model import Outcome
from recogniser.precedents import (
    SIMILAR_BODY,
    SIMILAR_TITLE,
    CaseProfile,
    Precedent,
    compare,
    likeness_of_names,
    ranked,
)
from recogniser.register import RegisterEntry, differences_of, reference_candidates
from recogniser.statistics import TimeGroup
from recogniser.store.search import TERM_LENGTH, index_terms
from recogniser.store.tables import metadata

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_CASES = metadata.tables["cases"]
_DECISIONS = metadata.tables["decisions"]
_TERMS = metadata.tables["case_terms"]

#: Words of a title and awarding body looked up for precedents: the longest, which tell credentials apart best.
PRECEDENT_WORDS = 8
#: Cases read per word, the latest first: an office's precedents for a credential are among its recent cases
#: with its rarer words, and the bound keeps the look-up fast however common a word is.
CASES_PER_WORD = 1_000
#: Candidates, those sharing the most words, whose titles and awarding bodies are compared.
CANDIDATES = 100
#: How far below the similarity cut-offs a candidate's current names may score and still be read in full (its
#: decided text may differ from what is stored now).
NAME_SLACK = 10.0
#: Candidates whose decided text is read and compared in full, the likeliest first.
COMPARED = 40

#: Rows fetched at a time when the register or the statistics read many decisions.
_BATCH = 2_000


def precedents(session: Session, document: dict[str, Any], exclude_case_id: int | None, limit: int) -> list[Precedent]:
    """The earlier decided cases most like ``document``, equivalent ones first (``recogniser.precedents``)."""
    profile = CaseProfile.of(document)
    words = sorted(
        (term for term in index_terms([profile.title, profile.awarding_body]) if len(term) >= 3),
        key=lambda term: (-len(term), term),
    )[:PRECEDENT_WORDS]
    if not words:
        return []
    shared: Counter[int] = Counter()
    for word in words:
        statement = (
            select(_TERMS.c.case_id)
            .where(_TERMS.c.term == word[:TERM_LENGTH])
            .order_by(_TERMS.c.case_id.desc())
            .limit(CASES_PER_WORD)
        )
        shared.update(session.execute(statement).scalars())
    shared.pop(exclude_case_id, None)  # type: ignore[arg-type]
    candidates = [case_id for case_id, _ in sorted(shared.items(), key=lambda item: (-item[1], -item[0]))]
    candidates = _likeliest(session, profile, candidates[:CANDIDATES])
    if not candidates:
        return []
    latest = (
        select(func.max(_DECISIONS.c.id))
        .where(_DECISIONS.c.case_id.in_(candidates), _DECISIONS.c.final_outcome.is_not(None))
        .group_by(_DECISIONS.c.case_id)
    )
    rows = session.execute(
        select(
            _CASES.c.reference,
            _DECISIONS.c.id,
            _DECISIONS.c.case_document,
            _DECISIONS.c.final_outcome,
            _DECISIONS.c.final_ects,
            _DECISIONS.c.recorded_at,
            _DECISIONS.c.decided_by,
            _DECISIONS.c.justification,
            _DECISIONS.c.divergence_reason,
        )
        .join(_CASES, _CASES.c.id == _DECISIONS.c.case_id)
        .where(_DECISIONS.c.id.in_(latest))
    ).all()
    found = []
    for row in rows:
        earlier = CaseProfile.of(json.loads(row.case_document))
        likeness = compare(profile, earlier)
        if likeness.similar or likeness.equivalent:
            found.append(
                Precedent(
                    reference=row.reference,
                    profile=earlier,
                    outcome=Outcome(row.final_outcome),
                    ects=row.final_ects,
                    decided_at=_aware(row.recorded_at),
                    decided_by=row.decided_by,
                    justification=row.justification,
                    decision_id=row.id,
                    likeness=likeness,
                    divergence_reason=row.divergence_reason,
                )
            )
    return ranked(found, limit)


def _likeliest(session: Session, profile: CaseProfile, candidates: list[int]) -> list[int]:
    """The candidates whose title or awarding body, as stored now, come near the open case's, best first: only
    their decided texts are read and compared in full."""
    if not candidates:
        return []
    rows = session.execute(
        select(_CASES.c.id, _CASES.c.title, _CASES.c.awarding_body).where(_CASES.c.id.in_(candidates))
    ).all()
    scored = []
    for row in rows:
        title, body = likeness_of_names(profile, row.title, row.awarding_body)
        if title >= SIMILAR_TITLE - NAME_SLACK or body >= SIMILAR_BODY - NAME_SLACK:
            scored.append((max(title, body), title + body, row.id))
    scored.sort(reverse=True)
    return [case_id for *_, case_id in scored[:COMPARED]]


def _period(first: date | None, last: date | None) -> list[ColumnElement[bool]]:
    """Decisions recorded from the start of ``first`` to the end of ``last`` (UTC days), both optional."""
    recorded_at = _DECISIONS.c.recorded_at
    conditions = []
    if first is not None:
        conditions.append(recorded_at >= datetime.combine(first, time(), UTC))
    if last is not None:
        end = datetime.combine(last + timedelta(days=1), time(), UTC)
        conditions.append(recorded_at < end)
    return conditions


#: What a register entry reads of a decided case's text (``RegisterEntry.of``): what it publishes, and the learner's
#: data, which is only blanked out of the published reasons. SQLite reads these from each text (see
#: ``_register_text``), so that Python never parses whole cases, their learning outcomes being most of their text.
REGISTER_PATHS: tuple[tuple[str, ...], ...] = (
    ("reference",),
    ("purpose",),
    ("credential", "title"),
    ("credential", "issuer_country"),
    ("credential", "awarding_body", "name"),
    ("credential", "awarding_body", "country"),
    ("credential", "level", "framework"),
    ("credential", "level", "nqf_level"),
    ("credential", "level", "eqf_level"),
    ("credential", "workload", "ects"),
    ("credential", "learner", "name"),
    ("credential", "learner", "identifier"),
    ("credential", "learner", "date_of_birth"),
    ("target", "title"),
    ("target", "institution"),
    ("target", "eqf_level"),
    ("target", "ects"),
    ("credentials",),  # a stack's, whole (a case of one credential has none)
)


def published_values(document: Mapping[str, Any]) -> str:
    """The values at ``REGISTER_PATHS`` of a case text as a JSON array (None where a path leads nowhere), as
    SQLite's json_extract gives them: kept with each decision for the register."""
    values = []
    for path in REGISTER_PATHS:
        value: Any = document
        for key in path:
            value = value.get(key) if type(value) is dict else None
        values.append(value)
    return json.dumps(values, ensure_ascii=False)


#: The objects of ``REGISTER_PATHS`` that hold others ("credential", then "credential.level"...), parents first,
#: each with where it sits (its parent's place in this list, the text itself being 0, and its key), and where each
#: path's value goes: ``register_document`` builds a text from them without looking a path up.
_REGISTER_OBJECTS = sorted({path[:depth] for path in REGISTER_PATHS for depth in range(1, len(path))}, key=len)
_OBJECT_PLACES = [(([(), *_REGISTER_OBJECTS]).index(path[:-1]), path[-1]) for path in _REGISTER_OBJECTS]
_VALUE_PLACES = [(([(), *_REGISTER_OBJECTS]).index(path[:-1]), path[-1]) for path in REGISTER_PATHS]


def register_document(values: list[Any]) -> dict[str, Any]:
    """The part of a case's text a register entry reads, from the values at ``REGISTER_PATHS`` (None where a path
    leads nowhere), shaped as the text: ``RegisterEntry.of`` reads the same from it as from the whole text (an
    object of the text it lacks reads as empty there, as an absent one)."""
    objects: list[dict[str, Any]] = [{}]
    for parent, key in _OBJECT_PLACES:
        objects.append({})
        objects[parent][key] = objects[-1]
    for (parent, key), value in zip(_VALUE_PLACES, values, strict=True):
        if value is not None:
            objects[parent][key] = value
    return objects[0]


def _register_text(session: Session) -> tuple[ColumnElement[Any], bool]:
    """What the register reads of each decision's case text, and whether that is the values at ``REGISTER_PATHS``
    (as one JSON array) rather than the whole text.

    A decision keeps those values (``published_values``); one recorded before migration 0012 has them read from
    its case text: on SQLite by json_extract, which given several paths parses the text once and gives back what
    it found, each value as written (true stays true, 5.0 stays 5.0); on PostgreSQL the text is read whole and
    parsed in Python (jsonb took more processor time than Python's parser, and extracting paths from it four times
    as long)."""
    kept = _DECISIONS.c.published_values
    text = _DECISIONS.c.case_document
    if session.get_bind().dialect.name == "postgresql":
        return case((kept.is_(None), text), else_=kept), False
    return func.coalesce(kept, func.json_extract(text, *("$." + ".".join(path) for path in REGISTER_PATHS))), True


def register_entries(session: Session, first: date | None, last: date | None) -> Iterator[RegisterEntry]:
    """Every final decision recorded in the period, oldest first, read in batches by the (time, id) index."""
    after: tuple[datetime, int] | None = None
    period = _period(first, last)
    read, extracted = _register_text(session)
    while True:
        statement = (
            select(
                _DECISIONS.c.id,
                _DECISIONS.c.decision,
                read.label("case_text"),
                _DECISIONS.c.final_outcome,
                _DECISIONS.c.final_ects,
                _DECISIONS.c.recorded_at,
                _DECISIONS.c.justification,
                _DECISIONS.c.divergence_reason,
                _DECISIONS.c.rulebook_version,
                _DECISIONS.c.recommended_outcome,
            )
            .where(_DECISIONS.c.final_outcome.is_not(None), *period)
            .order_by(_DECISIONS.c.recorded_at, _DECISIONS.c.id)
            .limit(_BATCH)
        )
        if after is not None:
            # A row value: a range of the (time, id) index, so each batch starts where the last ended.
            moment, last_id = after
            statement = statement.where(
                tuple_(_DECISIONS.c.recorded_at, _DECISIONS.c.id)
                > tuple_(literal(moment, _DECISIONS.c.recorded_at.type), literal(last_id))
            )
        rows = session.execute(statement).all()
        # The office's references cited in the reasons, looked up a batch at a time.
        reasons = {row.id: f"{row.justification or ''} {row.divergence_reason or ''}" for row in rows}
        cited = _stored_references(session, set().union(*map(reference_candidates, reasons.values())))
        for row in rows:
            found = json.loads(row.case_text)
            values = extracted or type(found) is list  # the kept values, or the whole text (a JSON object)
            yield RegisterEntry.of(
                decision_id=row.id,
                case_document=register_document(found) if values else found,
                decision={
                    "rulebook_version": row.rulebook_version,
                    "recommendation": {
                        "outcome": row.recommended_outcome,
                        "substantial_differences": differences_of(row.decision),
                    },
                },
                final_outcome=Outcome(row.final_outcome),
                final_ects=row.final_ects,
                decided_at=_aware(row.recorded_at),
                justification=row.justification,
                divergence_reason=row.divergence_reason,
                references=reference_candidates(reasons[row.id]) & cited if cited else (),
            )
        if len(rows) < _BATCH:
            return
        after = (rows[-1].recorded_at, rows[-1].id)


def _stored_references(session: Session, candidates: set[str]) -> set[str]:
    """Those of ``candidates`` that are the references of stored cases (as written, or in capitals)."""
    wanted = sorted(candidates | {candidate.upper() for candidate in candidates})
    found: set[str] = set()
    for first in range(0, len(wanted), _BATCH):
        chunk = wanted[first : first + _BATCH]
        found.update(session.scalars(select(_CASES.c.reference).where(_CASES.c.reference.in_(chunk))))
    return {candidate for candidate in candidates if candidate in found or candidate.upper() in found}


def office_counts(
    session: Session, first: date | None, last: date | None
) -> tuple[dict[str, dict[str, int]], list[TimeGroup]]:
    """The cases with a final decision in the period, counted by the database in one pass: by their latest
    outcome there, by purpose, by issuing country, by month of that decision (UTC), and by the time from their
    file's completeness to their first final decision (days, whole calendar months, and whether on the same day
    of the month; see ``recogniser.statistics``).

    The final decisions are grouped by case in one ordered pass over the (case, id, outcome, time) index, never
    the decision rows and their long texts; each case's latest decision is then found in the same index, and the
    counts are taken from that small table. (Looking each case's decisions up in turn cost PostgreSQL two index
    searches a case: 2.7 of the 4.2 s at 100,000 cases on a busy machine.)"""
    final = (_DECISIONS.c.final_outcome.is_not(None), *_period(first, last))
    decided = (
        select(
            _DECISIONS.c.case_id,
            func.max(_DECISIONS.c.id).label("latest_id"),
            func.min(_DECISIONS.c.recorded_at).label("first_at"),
        )
        .where(*final)
        .group_by(_DECISIONS.c.case_id)
        .cte("decided")
        .prefix_with("MATERIALIZED")
    )
    latest_decision = _DECISIONS.alias("latest_decision")
    per_case = (
        select(
            _CASES.c.purpose,
            _CASES.c.issuer_country,
            _CASES.c.complete_on,
            decided.c.first_at,
            latest_decision.c.final_outcome,
            latest_decision.c.recorded_at,
        )
        .select_from(decided)
        .join(_CASES, _CASES.c.id == decided.c.case_id)
        # The unary plus keeps SQLite from fetching the decision row by its id, past its long texts (it means
        # nothing to PostgreSQL): the (case, id, outcome, time) index answers.
        .join(
            latest_decision,
            and_(
                latest_decision.c.case_id == decided.c.case_id,
                literal_column("+latest_decision.id") == decided.c.latest_id,
            ),
        )
        .cte("per_case")
        .prefix_with("MATERIALIZED")
    )
    postgresql = session.get_bind().dialect.name == "postgresql"
    month: ColumnElement[Any]
    first_day: ColumnElement[Any]
    complete_on = per_case.c.complete_on
    if postgresql:  # times are kept with their zone: months and days are counted in UTC
        month = func.to_char(func.timezone("UTC", per_case.c.recorded_at), "YYYY-MM")
        first_day = cast(func.timezone("UTC", per_case.c.first_at), Date)
        days: ColumnElement[Any] = first_day - complete_on

        def part(field: str, day: ColumnElement[Any]) -> ColumnElement[Any]:
            return cast(func.extract(field, day), Integer)
    else:  # kept as UTC text
        month = func.substr(per_case.c.recorded_at, 1, 7)
        first_day = func.date(per_case.c.first_at)
        days = cast(func.julianday(first_day) - func.julianday(complete_on), Integer)

        def part(field: str, day: ColumnElement[Any]) -> ColumnElement[Any]:
            return cast(func.strftime({"year": "%Y", "month": "%m", "day": "%d"}[field], day), Integer)

    def month_number(day: ColumnElement[Any]) -> ColumnElement[Any]:
        return part("year", day) * 12 + part("month", day)

    earlier_day = case((part("day", first_day) < part("day", complete_on), 1), else_=0)
    months = month_number(first_day) - month_number(complete_on) - earlier_day
    on_the_day = case((part("day", first_day) == part("day", complete_on), 1), else_=0)
    nothing = literal(None, Integer)
    counted = [
        select(literal(name).label("kind"), cast(key, String).label("key"), nothing, nothing, nothing, func.count())
        .select_from(per_case)
        .group_by(key)
        for name, key in {
            "outcome": per_case.c.final_outcome,
            "purpose": per_case.c.purpose,
            "issuer_country": per_case.c.issuer_country,
            "month": month,
        }.items()
    ]
    timed = (
        select(literal("time"), literal(None, String), days, months, on_the_day, func.count())
        .select_from(per_case)
        .group_by(days, months, on_the_day)
    )
    counts: dict[str, dict[str, int]] = {"outcome": {}, "purpose": {}, "issuer_country": {}, "month": {}}
    times = []
    for kind, key, day_count, month_count, same_day, cases in session.execute(union_all(*counted, timed)):
        if kind == "time":
            times.append(
                TimeGroup(
                    days=None if day_count is None else int(day_count),
                    months=None if month_count is None else int(month_count),
                    on_the_day=bool(same_day),
                    count=int(cases),
                )
            )
        else:
            counts[kind]["" if key is None else str(key)] = int(cases)
    return counts, times


def _aware(moment: datetime | str) -> datetime:
    """A stored time as read: SQLite hands back naive UTC (or text, from an aggregate), PostgreSQL aware."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
