"""Refreshing the agency register from an export of DEQAR's ``/webapi/v2/browse/agencies/`` (documented in the public
repository ``EQAR/deqar-docs``, ``docs/web_api_endpoints.md``).

The export lists the agencies registered when it was taken, each with ``id`` (the number in DEQAR's web addresses),
``deqar_id`` (EQAR's register number), ``acronym_primary``, ``name_primary``, ``country`` (with
``iso_3166_alpha2``), ``registration_start``, ``registration_valid_to`` and ``registration_note``; a saved page
(``{"count": …, "results": [...]}``) or a bare list of agencies is read. What the register knew before is kept:
aliases and earlier periods of an agency still listed, and every agency the export no longer lists, as a former
entry that says so. A file that would leave no registered agency is refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from recogniser.agencies import Agency, AgencyRegister, EntryStatus
from recogniser.agency_file import AGENCY_FILE_NAME, AGENCY_FORMAT, check_register_document
from recogniser.errors import UserInputError, located
from recogniser.files import StagedFile
from recogniser.i18n import N_, phrase
from recogniser.inputs import InputFileError, JsonInputError, load_json, read_bounded, refuse_duplicate_keys
from recogniser.joining import as_given
from recogniser.resources import user_data_path

#: An export of the whole register is a few hundred kilobytes.
MAX_EXPORT_BYTES = 20 * 1024 * 1024
#: The DEQAR Web API's list of agencies, which an export is taken from.
_API = "/webapi/v2/browse/agencies/"
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


class ExportError(UserInputError):
    """An export that cannot be imported; the message names the file and the entry."""


@dataclass(frozen=True)
class AgencyImport:
    """What importing an export would change, and the register document it would write."""

    document: dict[str, Any]
    added: tuple[str, ...]
    no_longer_listed: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int

    def lines(self) -> list[str]:
        lines = [f"{len(self.document['agencies'])} agencies, as of {self.document['as_of']}:"]
        lines.append(f"  added: {', '.join(self.added) if self.added else 'none'}")
        lines.append(f"  changed: {', '.join(self.changed) if self.changed else 'none'}")
        lines.append(
            "  no longer listed (kept as former entries): "
            + (", ".join(self.no_longer_listed) if self.no_longer_listed else "none")
        )
        lines.append(f"  unchanged: {self.unchanged}")
        return lines


def read_export(path: Path) -> list[dict[str, Any]]:
    """The agency entries of a DEQAR export, each checked; ExportError names the file and the entry."""
    try:
        document = load_json(
            read_bounded(path, MAX_EXPORT_BYTES, N_("DEQAR agency export")), object_pairs_hook=refuse_duplicate_keys
        )
    except InputFileError as error:
        raise ExportError(error.lines()[0]) from None
    except JsonInputError as error:
        raise ExportError(located(str(path), error.reason)) from None
    entries = document.get("results") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        problem = phrase("not an export of {api} (expected a list of agencies, or an object with results)", api=_API)
        raise ExportError(located(str(path), problem))
    total = document.get("count") if isinstance(document, dict) else None
    if isinstance(total, int) and total > len(entries):
        # One page of a paged answer would retire every agency on the other pages.
        problem = phrase(
            "holds {count} of the {total} agencies the answer counts (one page of it); export them all, for "
            "example with {limit}",
            count=len(entries),
            total=total,
            limit=f"limit={total}",
        )
        raise ExportError(located(str(path), problem))
    return [_checked(path, index, entry) for index, entry in enumerate(entries)]


def _checked(path: Path, index: int, entry: Any) -> dict[str, Any]:
    where = f"results[{index}]"

    def refuse(field: str, problem: str) -> ExportError:
        return ExportError(located(str(path), located(f"{where}{field}", problem)))

    if not isinstance(entry, dict):
        raise refuse("", phrase("an agency is a JSON object"))
    for field in ("id", "acronym_primary", "name_primary", "country"):
        if field not in entry:
            raise refuse(f".{field}", phrase("is required"))
    if not isinstance(entry["id"], int) or isinstance(entry["id"], bool) or entry["id"] < 1:
        raise refuse(".id", phrase("{value} is not a DEQAR agency number", value=as_given(entry["id"])))
    register_id = entry.get("deqar_id")
    if register_id is not None and (not isinstance(register_id, int) or isinstance(register_id, bool)):
        raise refuse(".deqar_id", phrase("{value} is not a register number", value=as_given(register_id)))
    for field in ("acronym_primary", "name_primary"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            raise refuse(f".{field}", phrase("is empty"))
    country = entry["country"]
    code = country.get("iso_3166_alpha2") if isinstance(country, dict) else country
    if not isinstance(code, str) or not re.fullmatch(r"[A-Za-z]{2}", code.strip()):
        raise refuse(
            ".country.iso_3166_alpha2", phrase("{value} is not a two-letter country code", value=as_given(code))
        )
    start = _export_date(refuse, entry, "registration_start")
    until = _export_date(refuse, entry, "registration_valid_to")
    if start is not None and until is not None and until < start:
        problem = phrase("{end} is before {field} {start}", end=until, field="registration_start", start=start)
        raise refuse(".registration_valid_to", problem)
    note = entry.get("registration_note")
    return {
        "deqar_id": entry["id"],
        "register_id": register_id,
        "acronym": entry["acronym_primary"].strip(),
        "name": entry["name_primary"].strip(),
        "country": code.strip().upper(),
        "registered_from": start.isoformat() if start else None,
        "registered_until": until.isoformat() if until else None,
        "note": note.strip() if isinstance(note, str) and note.strip() else None,
    }


def _export_date(refuse: Callable[[str, str], ExportError], entry: Mapping[str, Any], field: str) -> date | None:
    value = entry.get(field)
    if value is None or value == "":
        return None
    match = _DATE.match(value) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise refuse(f".{field}", phrase("{value} is not a date", value=as_given(value))) from None


def plan_import(
    current: AgencyRegister, exported: list[dict[str, Any]], *, source: str, retrieved_on: date
) -> AgencyImport:
    """The register the export gives, merged with what ``current`` knew; refused when no agency would remain."""
    if not exported:
        problem = phrase(
            "lists no agency; importing it would remove all {count} agencies, so it is refused. Export {api} again.",
            count=len(current.agencies),
            api=_API,
        )
        raise ExportError(located(source, problem))
    known = {_identity(agency.register_id, agency.acronym): agency for agency in current.agencies}
    entries: list[dict[str, Any]] = []
    added: list[str] = []
    changed: list[str] = []
    unchanged = 0
    seen: set[tuple[str, str]] = set()
    for item in exported:
        identity = _identity(item["register_id"], item["acronym"])
        if identity in seen:
            raise ExportError(located(source, phrase("lists {acronym} twice", acronym=item["acronym"])))
        seen.add(identity)
        previous = known.get(identity) or known.get(("acronym", item["acronym"].casefold()))
        entry = _entry(item, previous)
        if previous is None:
            added.append(item["acronym"])
        elif entry != _document_entry(previous):
            changed.append(item["acronym"])
        else:
            unchanged += 1
        entries.append(entry)
    listed = {(entry["register_id"], entry["acronym"].casefold()) for entry in entries}
    no_longer: list[str] = []
    for agency in current.agencies:
        if (agency.register_id, agency.acronym.casefold()) in listed or any(
            agency.acronym.casefold() == entry["acronym"].casefold() for entry in entries
        ):
            continue
        entry = _document_entry(agency)
        if agency.status is EntryStatus.REGISTERED:
            entry["status"] = EntryStatus.FORMER.value
            entry["status_since"] = None
            entry["status_reason"] = f"Not in the DEQAR register export retrieved on {retrieved_on.isoformat()}."
            no_longer.append(agency.acronym)
        entries.append(entry)
    if not any(entry.get("status", "registered") == "registered" for entry in entries):
        raise ExportError(located(source, phrase("would leave no registered agency, so it is refused")))
    document = {
        "format": AGENCY_FORMAT,
        "as_of": retrieved_on.isoformat(),
        "retrieved_on": retrieved_on.isoformat(),
        "source": f"DEQAR Web API /webapi/v2/browse/agencies/ export ({source}), retrieved on "
        f"{retrieved_on.isoformat()}; earlier periods, aliases and former entries kept from the data before",
        "agencies": sorted(entries, key=lambda entry: entry["acronym"].casefold()),
    }
    return AgencyImport(document, _sorted(added), _sorted(no_longer), _sorted(changed), unchanged)


def _sorted(acronyms: list[str]) -> tuple[str, ...]:
    return tuple(sorted(acronyms, key=str.casefold))


def _identity(register_id: int | None, acronym: str) -> tuple[str, str]:
    return ("register", str(register_id)) if register_id is not None else ("acronym", acronym.casefold())


def _entry(item: dict[str, Any], previous: Agency | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "acronym": item["acronym"],
        "name": item["name"],
        "country": item["country"],
        "register_id": item["register_id"],
        "deqar_id": item["deqar_id"],
        "registered_from": item["registered_from"],
        "registered_until": item["registered_until"],
        "source": "deqar_export",
        "note": item["note"],
    }
    if previous is not None:
        aliases = list(dict.fromkeys((*previous.aliases, *((previous.name,) if previous.name != item["name"] else ()))))
        if aliases:
            entry["aliases"] = aliases
        earlier = [period for period in previous.periods if period.start.isoformat() != item["registered_from"]]
        if earlier:
            entry["earlier_periods"] = [
                {"from": period.start.isoformat(), "until": period.until.isoformat() if period.until else None}
                for period in earlier
            ]
    return entry


def _document_entry(agency: Agency) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "acronym": agency.acronym,
        "name": agency.name,
        "country": agency.country,
        "register_id": agency.register_id,
        "deqar_id": agency.deqar_id,
        "registered_from": agency.registered_from.isoformat() if agency.registered_from else None,
        "registered_until": agency.registered_until.isoformat() if agency.registered_until else None,
        "source": agency.source,
        "note": agency.note,
    }
    if agency.aliases:
        entry["aliases"] = list(agency.aliases)
    if agency.earlier_periods:
        entry["earlier_periods"] = [
            {"from": period.start.isoformat(), "until": period.until.isoformat() if period.until else None}
            for period in agency.earlier_periods
        ]
    if agency.approximate_registration_year is not None:
        entry["approximate_registration_year"] = agency.approximate_registration_year
    if agency.status is not EntryStatus.REGISTERED:
        entry["status"] = agency.status.value
        entry["status_since"] = agency.status_since.isoformat() if agency.status_since else None
        entry["status_reason"] = agency.status_reason
    return entry


def write_register(document: dict[str, Any]) -> Path:
    """Write the register to the user data folder, whole or not at all, after checking it loads."""
    target = user_data_path() / AGENCY_FILE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    check_register_document(document, target)  # what is written must load, or nothing replaces the old file
    with StagedFile(target) as staged:
        staged.write(data)
        staged.commit()
    return target
