"""Several credentials assessed together towards one target: the coverage matrix and what each credential
counts for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from recogniser.i18n import phrase
from recogniser.model.codes import Coverage, Outcome, StackRole, plain_number


@dataclass(frozen=True)
class StackCell:
    """One credential against one target outcome: its best outcome for it, the score and the mark."""

    score: float
    coverage: Coverage
    credential_outcome: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"score": self.score, "coverage": self.coverage.value, "credential_outcome": self.credential_outcome}


def credential_label(index: int, title: str | None) -> str:
    """``Credential 2 'Title'``: a credential of a stack named by its place (``index`` from 0) and title."""
    if title:
        return phrase("Credential {n} '{title}'", n=index + 1, title=title)
    return phrase("Credential {n}", n=index + 1)


@dataclass(frozen=True)
class StackedCredential:
    """A credential of a stack: its own recommendation, and what it counts for in the stack."""

    index: int
    title: str | None
    role: StackRole
    #: Why it cannot count, or what it waits for (one sentence each).
    reasons: tuple[str, ...]
    own_outcome: Outcome
    own_summary: str
    #: The credits its workload supports (None: not stated), and those counted towards the target once what
    #: other credentials already cover is taken out.
    ects: float | None
    ects_counted: float | None
    #: Target outcomes (by index) it covers, and those among them another credential already counts.
    covers: tuple[int, ...] = ()
    overlaps: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        """``Credential 2 'Title'``: how every front end names it (numbered from 1)."""
        return credential_label(self.index, self.title)

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "title": self.title,
            "role": self.role.value,
            "reasons": list(self.reasons),
            "own_outcome": self.own_outcome.value,
            "own_summary": self.own_summary,
            "ects": plain_number(self.ects),
            "ects_counted": plain_number(self.ects_counted),
            "covers": list(self.covers),
            "overlaps": list(self.overlaps),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StackedCredential:
        return cls(
            index=data["index"],
            title=data.get("title"),
            role=StackRole(data["role"]),
            reasons=tuple(data.get("reasons", [])),
            own_outcome=Outcome(data["own_outcome"]),
            own_summary=data.get("own_summary", ""),
            ects=data.get("ects"),
            ects_counted=data.get("ects_counted"),
            covers=tuple(data.get("covers", [])),
            overlaps=tuple(data.get("overlaps", [])),
        )


@dataclass(frozen=True)
class Stack:
    """Several credentials assessed together towards one target: the coverage matrix (a row per target outcome,
    a cell per credential), which credential counts each target outcome, and the credits in total."""

    targets: tuple[str, ...]
    credentials: tuple[StackedCredential, ...]
    cells: tuple[tuple[StackCell, ...], ...]
    #: For each target outcome, the credential counted for it (None: no counted credential covers it).
    counted_by: tuple[int | None, ...]
    #: The credits the counted credentials give towards the target in total, overlap taken out (None where no
    #: credits are sought), and the remaining gaps a top-up assessment would close.
    ects_total: float | None
    gaps: tuple[str, ...] = ()

    @property
    def coverage(self) -> float | None:
        if not self.targets:
            return None
        return sum(1 for by in self.counted_by if by is not None) / len(self.targets)

    def to_json(self) -> dict[str, Any]:
        return {
            "targets": list(self.targets),
            "credentials": [c.to_json() for c in self.credentials],
            "cells": [[cell.to_json() for cell in row] for row in self.cells],
            "counted_by": list(self.counted_by),
            "ects_total": plain_number(self.ects_total),
            "gaps": list(self.gaps),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Stack:
        return cls(
            targets=tuple(data.get("targets", [])),
            credentials=tuple(StackedCredential.from_json(c) for c in data.get("credentials", [])),
            cells=tuple(
                tuple(
                    StackCell(cell["score"], Coverage(cell["coverage"]), cell.get("credential_outcome")) for cell in row
                )
                for row in data.get("cells", [])
            ),
            counted_by=tuple(data.get("counted_by", [])),
            ects_total=data.get("ects_total"),
            gaps=tuple(data.get("gaps", [])),
        )
