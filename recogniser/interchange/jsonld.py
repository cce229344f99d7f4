"""Tolerant readers for the shapes JSON-LD credentials take in practice.

The same key holds one object in one file and a list in the next; titles are language maps; numbers arrive as
strings; workloads are ISO 8601 durations. These helpers accept all of that and return plain Python values,
or None when the value cannot be read, so the mappers can report a missing element instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

_DURATION = re.compile(
    r"^P(?:(?P<years>\d+(?:[.,]\d+)?)Y)?(?:(?P<months>\d+(?:[.,]\d+)?)M)?(?:(?P<weeks>\d+(?:[.,]\d+)?)W)?"
    r"(?:(?P<days>\d+(?:[.,]\d+)?)D)?(?:T(?:(?P<hours>\d+(?:[.,]\d+)?)H)?(?:(?P<minutes>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$"
)
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def as_list(value: Any) -> list[Any]:
    """One-or-many: None is no value, a list is itself, anything else is a list of one."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def nodes(value: Any) -> list[dict[str, Any]]:
    """The objects among one-or-many values (bare identifiers and strings are skipped)."""
    return [item for item in as_list(value) if isinstance(item, dict)]


def first_node(value: Any) -> dict[str, Any] | None:
    found = nodes(value)
    return found[0] if found else None


def types_of(node: Mapping[str, Any]) -> set[str]:
    """The node's types, from ``type`` or ``@type``, with any ``prefix:`` namespace kept."""
    return {str(item) for item in as_list(node.get("type", node.get("@type")))}


def identifier_of(value: Any) -> str | None:
    """A node's ``id`` (or the value itself when it is a bare identifier)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        found = value.get("id", value.get("@id"))
        return found.strip() or None if isinstance(found, str) else None
    return None


def is_language_map(value: Mapping[str, Any]) -> bool:
    """``{"en": "...", "hr": "..."}`` rather than a node (a node has a ``type``, or an ``id`` that is a URI)."""
    if not value or not all(isinstance(key, str) and _LANGUAGE_TAG.match(key) for key in value):
        return False
    return not (isinstance(value.get("id"), str) and ":" in value["id"])


@dataclass(frozen=True)
class LocalText:
    """A text chosen from a language map, with the other languages kept."""

    text: str
    language: str | None
    others: dict[str, str] = field(default_factory=dict)


def local_text(value: Any, preferred: Iterable[str] = ()) -> LocalText | None:
    """Pick one text out of a plain string, a language map or JSON-LD value objects.

    The first of ``preferred`` that is present wins, then English, then the first language the issuer wrote.
    """
    variants = _language_variants(value)
    if not variants:
        return None
    for language in (*preferred, "en"):
        if language in variants:
            chosen = language
            break
    else:
        chosen = next(iter(variants))
    others = {language: text for language, text in variants.items() if language != chosen}
    return LocalText(variants[chosen], None if chosen == "" else chosen, others)


def text_in(value: Any, preferred: Iterable[str] = ()) -> str | None:
    found = local_text(value, preferred)
    return found.text if found else None


def _language_variants(value: Any) -> dict[str, str]:
    variants: dict[str, str] = {}
    for item in as_list(value):
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            _add_variant(variants, "", str(item))
        elif isinstance(item, dict) and "@value" in item:
            _add_variant(variants, str(item.get("@language", "")), item["@value"])
        elif isinstance(item, dict) and is_language_map(item):
            for language, text in item.items():
                _add_variant(variants, language, text)
    return variants


def _add_variant(variants: dict[str, str], language: str, value: Any) -> None:
    texts = [str(text).strip() for text in as_list(value) if isinstance(text, str | int | float)]
    joined = "; ".join(text for text in texts if text)
    if joined and language not in variants:
        variants[language] = joined


def number(value: Any) -> float | None:
    """A number written as a number or as text (``"2"``, ``"2,5"``); anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Duration:
    """An ISO 8601 duration split into what converts to study hours and what does not."""

    hours: float
    calendar_parts: tuple[str, ...]


def duration(text: Any) -> Duration | None:
    """Parse ``PT60H``-style durations; years, months, weeks and days are kept apart as calendar parts."""
    if not isinstance(text, str):
        return None
    match = _DURATION.match(text.strip().upper())
    if match is None or text.strip().upper() in {"P", "PT"}:
        return None
    parts = {name: float(found.replace(",", ".")) for name, found in match.groupdict().items() if found}
    hours = parts.get("hours", 0.0) + parts.get("minutes", 0.0) / 60 + parts.get("seconds", 0.0) / 3600
    calendar = tuple(
        f"{_plain(parts[name])} {name}" for name in ("years", "months", "weeks", "days") if parts.get(name)
    )
    return Duration(hours, calendar)


def _plain(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def iso_date(value: Any) -> date | None:
    """The calendar date of an ISO 8601 date or date-time (``2025-06-30T09:00:00Z`` → 2025-06-30)."""
    if not isinstance(value, str) or not _DATE_PREFIX.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


_LATE_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T(2[0-3]):00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")


@dataclass(frozen=True)
class CalendarDay:
    """The day a date or date-time names; ``note`` says why it is not the day as written, when it is not."""

    day: date
    note: str | None = None


def calendar_day(value: Any) -> CalendarDay | None:
    """The calendar day of an ISO 8601 date or date-time, read as the issuer meant it.

    A date-time at a whole hour from 20:00 UTC is midnight in a time zone east of UTC (all of continental Europe):
    a date of birth or of issue converted to UTC by the issuing software. It is taken as the next day, and the
    note says so; any other date-time is taken on the day it is written with.
    """
    written = iso_date(value)
    if written is None:
        return None
    if _LATE_UTC.match(str(value).strip()):
        taken = written + timedelta(days=1)
        return CalendarDay(
            taken,
            f"'{str(value).strip()}' is midnight of {taken.isoformat()} east of UTC, written in UTC: taken as "
            f"{taken.isoformat()}; check it",
        )
    return CalendarDay(written)
