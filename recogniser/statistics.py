"""The office's statistics: decisions by outcome, purpose, issuing country and month, and the time from a complete
file to the decision against the four months of the 2010 Revised Recommendation.

A case counts once, by its latest final decision in the period (a decision corrected later is not counted twice).
The time to decide runs from the file's date of completeness to the case's first final decision; cases without
a date of completeness are counted apart, never guessed.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from statistics import median
from typing import Any

from recogniser.model import Outcome

#: The Revised Recommendation on Criteria and Procedures (2010): a decision within at most four months of a
#: complete file.
DECISION_DEADLINE_MONTHS = 4


@dataclass(frozen=True)
class DecidedCase:
    """One decided case, as the statistics need it (no personal data)."""

    outcome: Outcome
    purpose: str
    issuer_country: str | None
    decided_at: datetime
    first_decided_at: datetime
    received_on: date | None
    complete_on: date | None


@lru_cache(maxsize=65_536)
def deadline(complete_on: date, months: int = DECISION_DEADLINE_MONTHS) -> date:
    """The last day a decision is on time: the same day ``months`` later (or that month's last day)."""
    month_index = complete_on.month - 1 + months
    year, month = complete_on.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(complete_on.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class TimeToDecision:
    """From a complete file to the first final decision, over the cases that state when their file was complete."""

    measured: int
    within_deadline: int
    median_days: float | None
    longest_days: int | None
    #: How many decisions took 0–1, 1–2, 2–3, 3–4, 4–6 and more than 6 months.
    by_months: tuple[tuple[str, int], ...]
    without_complete_date: int

    @property
    def late(self) -> int:
        return self.measured - self.within_deadline

    @property
    def share_within_deadline(self) -> float | None:
        return None if not self.measured else self.within_deadline / self.measured


#: The time-to-decision bands (upper bound in months, label); the last is open.
TIME_BANDS: tuple[tuple[int | None, str], ...] = (
    (1, "within 1 month"),
    (2, "1–2 months"),
    (3, "2–3 months"),
    (4, "3–4 months"),
    (6, "4–6 months"),
    (None, "over 6 months"),
)


@dataclass(frozen=True)
class OfficeStatistics:
    decided: int
    by_outcome: tuple[tuple[str, int], ...]
    by_purpose: tuple[tuple[str, int], ...]
    by_country: tuple[tuple[str, int], ...]
    by_month: tuple[tuple[str, int], ...]
    time_to_decision: TimeToDecision

    @classmethod
    def of(cls, cases: Iterable[DecidedCase]) -> OfficeStatistics:
        outcomes: Counter[str] = Counter()
        purposes: Counter[str] = Counter()
        countries: Counter[str] = Counter()
        months: Counter[str] = Counter()
        days: list[int] = []
        within = 0
        bands: Counter[str] = Counter()
        undated = 0
        decided = 0
        for case in cases:
            decided += 1
            outcomes[case.outcome.value] += 1
            purposes[case.purpose] += 1
            countries[case.issuer_country or "unknown"] += 1
            months[case.decided_at.strftime("%Y-%m")] += 1
            if case.complete_on is None:
                undated += 1
                continue
            decided_on = case.first_decided_at.date()
            days.append((decided_on - case.complete_on).days)
            within += decided_on <= deadline(case.complete_on)
            bands[_band(case.complete_on, decided_on)] += 1
        return cls(
            decided=decided,
            by_outcome=tuple((o.value, outcomes[o.value]) for o in Outcome if outcomes[o.value]),
            by_purpose=tuple(sorted(purposes.items(), key=lambda item: (-item[1], item[0]))),
            by_country=tuple(sorted(countries.items(), key=lambda item: (-item[1], item[0]))),
            by_month=tuple(sorted(months.items())),
            time_to_decision=TimeToDecision(
                measured=len(days),
                within_deadline=within,
                median_days=None if not days else float(median(days)),
                longest_days=max(days, default=None),
                by_months=tuple((label, bands[label]) for _, label in TIME_BANDS),
                without_complete_date=undated,
            ),
        )

    def to_json(self) -> dict[str, Any]:
        time = self.time_to_decision
        return {
            "decided": self.decided,
            "by_outcome": dict(self.by_outcome),
            "by_purpose": dict(self.by_purpose),
            "by_issuer_country": dict(self.by_country),
            "by_month": dict(self.by_month),
            "time_to_decision": {
                "deadline_months": DECISION_DEADLINE_MONTHS,
                "measured": time.measured,
                "within_deadline": time.within_deadline,
                "late": time.late,
                "median_days": time.median_days,
                "longest_days": time.longest_days,
                "by_months": dict(time.by_months),
                "without_complete_date": time.without_complete_date,
            },
        }


def _band(complete_on: date, decided_on: date) -> str:
    for months, label in TIME_BANDS:
        if months is None or decided_on <= deadline(complete_on, months):
            return label
    raise AssertionError("the last band is open")
