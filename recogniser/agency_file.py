"""The agency register's file: the shipped EQAR snapshot, or the office's own copy that replaces it, read and
checked against its schema (``recogniser-qa-agencies/2``; the first format is still read).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from recogniser import checked_data
from recogniser.agencies import (
    Agency,
    AgencyRegister,
    EntryStatus,
    Period,
)
from recogniser.case_checks import schema_message
from recogniser.errors import UserInputError, cannot_read, located
from recogniser.i18n import phrase
from recogniser.inputs import JsonInputError, not_json
from recogniser.joining import quoted
from recogniser.resources import data_dir, user_data_path
from recogniser.schemas import schema_validator

AGENCY_FORMAT = "recogniser-qa-agencies/2"
#: In the first format ``deqar_id`` held the EQAR register number; it is read as ``register_id``.
_FORMAT_1 = "recogniser-qa-agencies/1"
AGENCY_FILE_NAME = "qa_agencies.json"
AGENCY_SCHEMA = "qa-agencies-1.schema.json"


class AgencyDataError(UserInputError):
    """The agency file cannot be used; each problem names the file and the field."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(self.lines()[0])

    def lines(self) -> list[str]:
        return [located(str(self.path), problem) for problem in self.problems]


def load_agencies(path: Path | None = None) -> AgencyRegister:
    """Read and validate an agency file (the shipped one by default); raise AgencyDataError naming file and field."""
    source = path if path is not None else data_dir() / AGENCY_FILE_NAME
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise AgencyDataError(source, [cannot_read(error)]) from None
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise AgencyDataError(source, [phrase("not UTF-8 text (byte offset {offset})", offset=error.start)]) from None
    except json.JSONDecodeError as error:
        raise AgencyDataError(source, [not_json(error).reason]) from None
    except (ValueError, RecursionError) as error:
        raise AgencyDataError(source, [JsonInputError.not_json(str(error)).reason]) from None
    # The same bytes found valid before are not checked against the schema again (recogniser.checked_data).
    key = checked_data.digest(AGENCY_SCHEMA, raw)
    problems = _problems(document, schema_checked=checked_data.REFERENCE_DATA.checked_before(key))
    if problems:
        raise AgencyDataError(source, problems)
    checked_data.REFERENCE_DATA.remember([key])
    format_1 = document["format"] == _FORMAT_1
    return AgencyRegister(
        as_of=date.fromisoformat(document["as_of"]),
        source=document["source"],
        agencies=(_agency(entry, format_1=format_1) for entry in document["agencies"]),
        retrieved_on=_date(document.get("retrieved_on")),
    )


def check_register_document(document: Any, path: Path) -> None:
    """Raise AgencyDataError, naming ``path``, when ``document`` is not a register that loads."""
    problems = _problems(document)
    if problems:
        raise AgencyDataError(path, problems)


@cache
def default_agencies() -> AgencyRegister:
    """The office's list (``user_data_path()/qa_agencies.json``) when it exists, else the shipped snapshot."""
    office = user_data_path() / AGENCY_FILE_NAME
    return load_agencies(office if office.is_file() else None)


def _problems(document: Any, *, schema_checked: bool = False) -> list[str]:
    if not isinstance(document, dict):
        return [phrase("an agency file is a JSON object")]
    errors = () if schema_checked else schema_validator(AGENCY_SCHEMA).iter_errors(document)
    problems = [
        located(_field(error.json_path), schema_message(error)) for error in sorted(errors, key=lambda e: e.json_path)
    ]
    if problems:
        return problems
    for index, entry in enumerate(document["agencies"]):
        start, end = entry["registered_from"], entry["registered_until"]
        if start is not None and end is not None and end < start:
            problem = phrase("{end} is before {field} {start}", end=end, field="registered_from", start=start)
            problems.append(located(f"agencies[{index}].registered_until", problem))
        for number, period in enumerate(entry.get("earlier_periods", ())):
            if period["until"] is not None and period["until"] < period["from"]:
                problem = phrase("{end} is before {start}", end=period["until"], start=period["from"])
                problems.append(located(f"agencies[{index}].earlier_periods[{number}].until", problem))
        if entry.get("status", "registered") != "registered" and not entry.get("status_reason"):
            problem = phrase("an entry of status {status} says why", status=quoted(entry["status"]))
            problems.append(located(f"agencies[{index}].status_reason", problem))
    return problems


def _field(json_path: str) -> str:
    """``$.agencies[3].country`` -> ``agencies[3].country``; the root is named as such."""
    return json_path.removeprefix("$").removeprefix(".") or "(top level)"


def _agency(entry: Mapping[str, Any], *, format_1: bool = False) -> Agency:
    return Agency(
        deqar_id=None if format_1 else entry["deqar_id"],
        register_id=entry["deqar_id"] if format_1 else entry.get("register_id"),
        earlier_periods=tuple(
            Period(date.fromisoformat(period["from"]), _date(period["until"]))
            for period in entry.get("earlier_periods", ())
        ),
        status=EntryStatus(entry.get("status", "registered")),
        status_since=_date(entry.get("status_since")),
        status_reason=entry.get("status_reason"),
        acronym=entry["acronym"].strip(),
        name=entry["name"].strip(),
        country=entry["country"],
        registered_from=_date(entry["registered_from"]),
        registered_until=_date(entry["registered_until"]),
        source=entry["source"],
        aliases=tuple(alias.strip() for alias in entry.get("aliases", ())),
        note=entry.get("note"),
        approximate_registration_year=entry.get("approximate_registration_year"),
    )


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)
