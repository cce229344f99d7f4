"""What reference data is in use, where it comes from and as of when: the framework levels, the national-framework
vocabulary and the register of quality assurance agencies.

Qt-free: ``recogniser data status`` prints it and the window's About box shows it, in the reader's language (the
titles and notes are phrases, the data files' own texts come from the ``data`` catalogue); ``--json`` keeps English.
Nothing here reads the clock.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from recogniser.agencies import AgencyRegister
from recogniser.agency_file import AGENCY_FILE_NAME, default_agencies
from recogniser.frameworks import FRAMEWORKS_FOLDER, FrameworkRegistry, default_frameworks
from recogniser.i18n import N_, _, from_data, phrase, say, shown, translate
from recogniser.nqf_vocabulary import SHIPPED_VOCABULARY, read_vocabulary, shipped_vocabulary_path
from recogniser.resources import data_dir, user_data_path

#: The record ``recogniser data import-levels`` keeps of the vocabulary it read (in the user data folder).
VOCABULARY_RECORD = Path("vocabularies") / "nqf-import.json"
#: Where the shipped vocabulary was taken from: the repository, the commit and the file.
SHIPPED_VOCABULARY_PLACE = "european-commission-empl/European-Learning-Model, commit 9d7c5d2, xsd/loq/cv/nqf.xsd"
#: The files of that commit date from February-March 2023.
SHIPPED_VOCABULARY_DATE = date(2023, 3, 31)


class Origin(StrEnum):
    SHIPPED = "shipped"
    OFFICE = "office"


@dataclass(frozen=True)
class ReferenceTable:
    """One table of reference data as it is in use."""

    #: The title, summary, source and notes are phrases: English as they are, shown with ``shown()``.
    title: str
    #: The title in a word or two, for a narrow column.
    short_title: str
    origin: Origin
    #: The file or folder read.
    location: str
    #: Where the data come from.
    source: str
    #: The day the data describe, where they say.
    as_of: date | None
    #: The day an office retrieved the file it imported, where it did.
    retrieved_on: date | None
    #: What the table holds, in a line.
    summary: str
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "short_title": self.short_title,
            "origin": self.origin.value,
            "location": self.location,
            "source": self.source,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "retrieved_on": self.retrieved_on.isoformat() if self.retrieved_on else None,
            "summary": self.summary,
            "notes": list(self.notes),
        }


def reference_data_status(
    frameworks: FrameworkRegistry | None = None, agencies: AgencyRegister | None = None
) -> list[ReferenceTable]:
    """The framework levels, the vocabulary and the agency register in use, in that order."""
    return [
        framework_status(frameworks if frameworks is not None else default_frameworks()),
        vocabulary_status(),
        agency_status(agencies if agencies is not None else default_agencies()),
    ]


def framework_status(registry: FrameworkRegistry) -> ReferenceTable:
    office_folder = user_data_path() / FRAMEWORKS_FOLDER
    office_files = sorted(path.stem for path in office_folder.glob("*.json")) if office_folder.is_dir() else []
    levels = [(framework, level) for framework in registry for level in framework.levels]
    checked = sum(1 for framework, level in levels if framework.check_of(level) is not None)
    with_uri = sum(1 for _, level in levels if level.uri)
    summary = phrase(
        "{frameworks} frameworks, {levels} levels ({with_uri} with their EU concept URI); {checked} EQF mappings "
        "checked in a cited source, {unchecked} not checked against the referencing report",
        frameworks=len(registry),
        levels=len(levels),
        with_uri=with_uri,
        checked=checked,
        unchecked=len(levels) - checked,
    )
    checks = [check.read_on for framework, level in levels if (check := framework.check_of(level)) is not None]
    notes = tuple(
        note
        for note in (
            phrase("Latest check of a mapping: {day}", day=max(checks)) if checks else None,
            phrase("Office files replacing or adding frameworks: {files}", files=", ".join(office_files))
            if office_files
            else None,
        )
        if note
    )
    return ReferenceTable(
        title=phrase("National framework levels and their EQF levels"),
        short_title=phrase("Framework levels"),
        origin=Origin.OFFICE if office_files else Origin.SHIPPED,
        location=str(office_folder if office_files else data_dir() / FRAMEWORKS_FOLDER),
        source=phrase(
            "The project's framework files; each names what its table was compiled from and where each EQF mapping "
            "was checked"
        ),
        as_of=None,
        retrieved_on=None,
        summary=summary,
        notes=notes,
    )


def vocabulary_status() -> ReferenceTable:
    record = _vocabulary_record()
    if record is not None:
        return ReferenceTable(
            title=_VOCABULARY_TITLE,
            short_title=_VOCABULARY_SHORT_TITLE,
            origin=Origin.OFFICE,
            location=str(record["file"]),
            source=str(record["source"]),
            as_of=None,
            retrieved_on=date.fromisoformat(record["retrieved_on"]),
            summary=phrase("{concepts} concepts ({form})", concepts=int(record["concepts"]), form=str(record["form"])),
            notes=(phrase("Imported on {day}", day=date.fromisoformat(str(record["imported_on"])[:10])),),
        )
    vocabulary = read_vocabulary(shipped_vocabulary_path())
    return ReferenceTable(
        title=_VOCABULARY_TITLE,
        short_title=_VOCABULARY_SHORT_TITLE,
        origin=Origin.SHIPPED,
        location=str(data_dir() / SHIPPED_VOCABULARY),
        source=phrase(
            "European Learning Model v3, national-framework vocabulary ({place}), EUPL-1.2",
            place=SHIPPED_VOCABULARY_PLACE,
        ),
        as_of=SHIPPED_VOCABULARY_DATE,
        retrieved_on=None,
        summary=phrase("{concepts} concepts (frameworks and their levels)", concepts=len(vocabulary.concepts)),
    )


_VOCABULARY_TITLE = phrase("National-framework vocabulary (European Learning Model)")
_VOCABULARY_SHORT_TITLE = phrase("Framework vocabulary")


def agency_status(register: AgencyRegister) -> ReferenceTable:
    office = user_data_path() / AGENCY_FILE_NAME
    origin = Origin.OFFICE if office.is_file() else Origin.SHIPPED
    current = sum(1 for agency in register.agencies if agency.registered_on(register.as_of))
    summary = phrase(
        "{agencies} agencies, {current} registered on {day}",
        agencies=len(register.agencies),
        current=current,
        day=register.as_of,
    )
    return ReferenceTable(
        title=phrase("EQAR register of quality assurance agencies"),
        short_title=phrase("QA agencies"),
        origin=origin,
        location=str(office if origin is Origin.OFFICE else data_dir() / AGENCY_FILE_NAME),
        source=from_data(register.source),
        as_of=register.as_of,
        retrieved_on=register.retrieved_on,
        summary=summary,
    )


def _vocabulary_record() -> dict[str, Any] | None:
    path = user_data_path() / VOCABULARY_RECORD
    if not path.is_file():
        return None
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return record


def format_status(tables: list[ReferenceTable]) -> str:
    """The status as plain text in the reader's language, one block per table; dates are data here, in ISO 8601."""
    labels = {key: translate(text) for key, text in _STATUS_LABELS.items()}
    width = max(len(label) for label in labels.values())
    blocks = []
    for table in tables:
        origin = _("an office copy") if table.origin is Origin.OFFICE else _("shipped with Recogniser")
        rows = [("in use", say("{origin}, {location}", origin=origin, location=table.location))]
        rows.append(("source", shown(table.source)))
        if table.as_of is not None:
            rows.append(("as of", table.as_of.isoformat()))
        if table.retrieved_on is not None:
            rows.append(("retrieved", table.retrieved_on.isoformat()))
        rows.append(("holds", shown(table.summary)))
        rows += [("note", shown(note)) for note in table.notes]
        lines = [shown(table.title)] + [f"  {labels[key]:<{width}} {value}" for key, value in rows]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


#: The labels of ``recogniser data status``, each with its colon (French puts a space before it).
_STATUS_LABELS = {
    "in use": N_("in use:"),
    "source": N_("source:"),
    "as of": N_("as of:"),
    "retrieved": N_("retrieved:"),
    "holds": N_("holds:"),
    "note": N_("note:"),
}
