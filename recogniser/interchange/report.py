"""What an import did, in words: the format, the authenticity and, per Annex I element, the value and its origin.

The command line prints :func:`format_import`; the window shows the same rows (:func:`element_rows`) in a table
and copies the same text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from recogniser.interchange.elements import MANDATORY_ELEMENTS, ElementReport, ElementStatus
from recogniser.interchange.importer import FORMAT_NAMES, ImportResult
from recogniser.provenance import authenticity_line

ANNEX_I_HEADING = "Annex I elements (Council Recommendation 2022/C 243/02):"
#: Where the assessing country came from, as the import report says it.
FROM_OPTION = "from --assessing-country"
FROM_SETTINGS = "from assessing_country under [office] in settings.toml"


@dataclass(frozen=True)
class ElementRow:
    """One Annex I element as reported: ``status`` in capitals where the evaluator must act on it."""

    number: int
    name: str
    status: str
    value: str
    origin: str
    report: ElementReport

    @property
    def mandatory(self) -> bool:
        return self.number in MANDATORY_ELEMENTS


def element_rows(result: ImportResult) -> list[ElementRow]:
    return [_row(report) for report in result.elements]


def _row(report: ElementReport) -> ElementRow:
    status = report.status.value
    if report.status is ElementStatus.MISSING and report.number in MANDATORY_ELEMENTS:
        status = "MISSING (mandatory)"
    elif report.status is ElementStatus.GUESSED:
        status = "GUESSED"
    origin = "from " + report.source if report.status is not ElementStatus.MISSING else report.source
    name = report.element.split(".", 1)[1].strip()
    return ElementRow(report.number, name, status, report.value, origin, report)


def format_heading(result: ImportResult, source: Path) -> str:
    return f"Imported {FORMAT_NAMES[result.format]} from {source}"


def format_authenticity(result: ImportResult) -> str:
    return authenticity_line(result.authenticity, result.authenticity_reason)


def format_assessing_country(result: ImportResult) -> str:
    return f"Assessing country: {result.assessing_country_origin}"


def format_import(result: ImportResult, source: Path, width: int = 100) -> str:
    """The readable import report, wrapped to ``width`` columns."""
    lines = [format_heading(result, source)]
    lines += textwrap.wrap(format_authenticity(result), width=width, subsequent_indent="    ")
    lines += textwrap.wrap(format_assessing_country(result), width=width, subsequent_indent="    ")
    lines.append("")
    lines.append(ANNEX_I_HEADING)
    for row in element_rows(result):
        lines.append(f"  {row.number:>2}. {row.name:<41} {row.status}")
        if row.value:
            first_line = row.value.splitlines()[0]
            shown = first_line + (" ..." if "\n" in row.value else "")
            lines += textwrap.wrap(shown, width=width, initial_indent="      ", subsequent_indent="      ")
        lines += textwrap.wrap(row.origin, width=width, initial_indent="      ", subsequent_indent="        ")
    if result.not_used:
        lines.append("")
        lines.append("Not used in the case:")
        for line in result.not_used:
            lines += textwrap.wrap(line, width=width, initial_indent="  - ", subsequent_indent="    ")
    if result.warnings:
        lines.append("")
        lines.append("Warnings:")
        for warning in result.warnings:
            lines += textwrap.wrap(warning, width=width, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"
