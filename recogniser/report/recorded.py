"""What the report reads of a decision the office recorded: the latest on the case text fills in the
evaluator's decision, and how many there were is said beside it.

The case store's records have these fields; the report asks for no more, so it depends on no store.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from recogniser.model import Outcome


class RecordedDecision(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def case_sha256(self) -> str: ...

    @property
    def final_outcome(self) -> Outcome | None: ...

    @property
    def final_ects(self) -> float | None: ...

    @property
    def justification(self) -> str | None: ...

    @property
    def divergence_reason(self) -> str | None: ...

    @property
    def decided_by(self) -> str: ...

    @property
    def recorded_at(self) -> datetime: ...
