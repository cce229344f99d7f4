"""The stack counted: the coverage matrix of target outcomes against credentials, the credential counted for
each covered outcome, and the credits each counted credential gives with overlap counted once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recogniser.model import (
    Case,
    Coverage,
    StackCell,
)
from recogniser.rules.matching import OUTCOME_WORDS_READ, normalise, outcome_scores
from recogniser.rules.rulebook import Rulebook
from recogniser.rules.stacking.credentials import Own


@dataclass(frozen=True)
class Tally:
    """The stack counted over a set of credentials."""

    cells: tuple[tuple[StackCell, ...], ...]
    counted_by: tuple[int | None, ...]
    #: Per credential index: target outcomes it covers, those another credential is counted for, credits counted.
    covers: dict[int, tuple[int, ...]]
    overlaps: dict[int, tuple[int, ...]]
    counted: dict[int, float | None]
    total: float | None
    capped: bool


def count_stack(case: Case, owns: Sequence[Own], counted: Sequence[Own], rulebook: Rulebook) -> Tally:
    targets = case.target.learning_outcomes if case.target and case.target.learning_outcomes else ()
    counted_ids = {own.index for own in counted}
    cells: list[tuple[StackCell, ...]] = []
    counted_by: list[int | None] = []
    for row, _target in enumerate(targets):
        row_cells = tuple(_cell(own, row, rulebook) for own in owns)
        cells.append(row_cells)
        best: int | None = None
        for own in counted:
            cell = row_cells[own.index]
            if cell.coverage is Coverage.COVERED and (best is None or cell.score > row_cells[best].score):
                best = own.index
        counted_by.append(best)
    covers = {
        own.index: tuple(row for row in range(len(targets)) if cells[row][own.index].coverage is Coverage.COVERED)
        for own in owns
    }
    overlaps = {
        own.index: tuple(row for row in covers[own.index] if counted_by[row] != own.index)
        for own in owns
        if own.index in counted_ids
    }
    credits: dict[int, float | None] = {}
    if targets:
        for own in counted:
            mine = covers[own.index]
            if own.ects is None:
                credits[own.index] = None
            else:
                credits[own.index] = own.ects * (len(mine) - len(overlaps[own.index])) / len(mine) if mine else 0.0
    else:
        credits, overlaps = _overlap_without_targets(counted, rulebook)
    sought = case.credits_sought
    total: float | None = None
    capped = False
    if sought is not None:
        given = sum(value for value in credits.values() if value is not None)
        ceiling = sought * rulebook.stack_max_share
        capped = given > ceiling and ceiling < sought
        total = rulebook.round_credits(min(given, ceiling))
    return Tally(tuple(cells), tuple(counted_by), covers, overlaps, credits, total, capped)


def _cell(own: Own, row: int, rulebook: Rulebook) -> StackCell:
    matches = own.decision.outcome_matches
    if row >= len(matches):
        return StackCell(0.0, Coverage.NOT_COVERED)
    match = matches[row]
    if match.matched:
        coverage = Coverage.COVERED
    elif match.lower_level or match.score >= rulebook.stack_partly_covered_score:
        coverage = Coverage.PARTLY
    else:
        coverage = Coverage.NOT_COVERED
    return StackCell(match.score, coverage, match.credential)


def _overlap_without_targets(
    counted: Sequence[Own], rulebook: Rulebook
) -> tuple[dict[int, float | None], dict[int, tuple[int, ...]]]:
    """Without target outcomes: each credential's credits in the share of its outcomes that no credential
    counted before it already holds. ``overlaps`` then lists the credential's own outcomes (by index) held."""
    credits: dict[int, float | None] = {}
    overlaps: dict[int, tuple[int, ...]] = {}
    before: list[str] = []
    for own in counted:
        outcomes = [normalise(text, OUTCOME_WORDS_READ) for text in own.credential.learning_outcomes or ()]
        held: tuple[int, ...] = ()
        if outcomes and before:
            scores = outcome_scores(outcomes, before)
            held = tuple(row for row in range(len(outcomes)) if max(scores[row]) >= rulebook.stack_overlap_score)
        overlaps[own.index] = held
        if own.ects is None:
            credits[own.index] = None
        else:
            credits[own.index] = own.ects * (1 - len(held) / len(outcomes)) if outcomes else own.ects
        before.extend(outcomes)
    return credits, overlaps
