"""The office's statistics: decisions by outcome, purpose, issuing country and month, and the time from a complete
file to the decision against the four months of the 2010 Revised Recommendation.

A case counts once, by its latest final decision in the period (a decision corrected later is not counted twice).
The time to decide runs from the file's date of completeness to the case's first final decision; cases without
a date of completeness are counted apart, never guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from recogniser.model import Outcome

#: The Revised Recommendation on Criteria and Procedures (2010): a decision within at most four months of a
#: complete file.
DECISION_DEADLINE_MONTHS = 4


@dataclass(frozen=True)
class TimeGroup:
    """``count`` decided cases whose first final decision came ``days`` after the file was complete, being
    ``months`` whole calendar months later and, if ``on_the_day``, on the same day of the month (the last day a
    decision within that many months is on time). ``days`` is None for cases that give no date of completeness."""

    days: int | None
    months: int | None
    on_the_day: bool
    count: int


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
    def of(cls, counts: Mapping[str, Mapping[str, int]], times: Iterable[TimeGroup]) -> OfficeStatistics:
        """From the decided cases counted by ``outcome``, ``purpose``, ``issuer_country`` ("" where none is
        given) and ``month``, and counted by the time they took."""
        outcomes = counts["outcome"]
        countries = {country or "unknown": count for country, count in counts["issuer_country"].items()}
        days: Counter[int] = Counter()
        bands: Counter[str] = Counter()
        within = undated = 0
        for time in times:
            if time.days is None or time.months is None:
                undated += time.count
                continue
            days[time.days] += time.count
            within += time.count if _within(time, DECISION_DEADLINE_MONTHS) else 0
            bands[next(label for limit, label in TIME_BANDS if limit is None or _within(time, limit))] += time.count
        return cls(
            decided=sum(outcomes.values()),
            by_outcome=tuple((o.value, outcomes[o.value]) for o in Outcome if outcomes.get(o.value)),
            by_purpose=tuple(sorted(counts["purpose"].items(), key=lambda item: (-item[1], item[0]))),
            by_country=tuple(sorted(countries.items(), key=lambda item: (-item[1], item[0]))),
            by_month=tuple(sorted(counts["month"].items())),
            time_to_decision=TimeToDecision(
                measured=days.total(),
                within_deadline=within,
                median_days=_median(days),
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


def _within(time: TimeGroup, months: int) -> bool:
    """Whether the decision came within ``months`` of a complete file: by the same day that many months later,
    or that month's last day where it is shorter."""
    assert time.months is not None
    return time.months < months or (time.months == months and time.on_the_day)


def _median(days: Counter[int]) -> float | None:
    """The median of values given with their counts."""
    total = days.total()
    if not total:
        return None
    ordered = sorted(days.items())

    def at(position: int) -> int:
        seen = 0
        for value, count in ordered:
            seen += count
            if position < seen:
                return value
        raise AssertionError("position within the total")

    middle = total // 2
    return float(at(middle)) if total % 2 else (at(middle - 1) + at(middle)) / 2
