"""What an import did, in words: the format, the authenticity and, per Annex I element, the value and its origin.

The command line prints :func:`format_import`; the window shows the same rows (:func:`element_rows`) in a table
and copies the same text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from recogniser.annex_i import annex_element
from recogniser.i18n import N_, _, say, shown, translate
from recogniser.interchange.elements import MANDATORY_ELEMENTS, ElementReport, ElementStatus
from recogniser.interchange.importer import FORMAT_NAMES, ImportResult
from recogniser.provenance import authenticity_line

ANNEX_I_HEADING = N_("Annex I elements (Council Recommendation 2022/C 243/02):")
#: Where the assessing country came from, as the import report says it.
FROM_OPTION = N_("from --assessing-country")
FROM_SETTINGS = N_("from assessing_country under [office] in settings.toml")


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
    if report.status is ElementStatus.MISSING:
        status = _("MISSING (mandatory)") if report.number in MANDATORY_ELEMENTS else _("missing")
        origin = shown(report.source)
    else:
        status = _("GUESSED") if report.status is ElementStatus.GUESSED else _("mapped")
        origin = say("from {source}", source=report.source)
    name = annex_element(report.number).label
    return ElementRow(report.number, name[:1].upper() + name[1:], status, report.value, origin, report)


def format_heading(result: ImportResult, source: Path) -> str:
    return say("Imported {format} from {path}", format=FORMAT_NAMES[result.format], path=str(source))


def format_authenticity(result: ImportResult) -> str:
    return shown(authenticity_line(result.authenticity, result.authenticity_reason))


def format_assessing_country(result: ImportResult) -> str:
    return say("Assessing country: {country}", country=result.assessing_country_origin)


def format_import(result: ImportResult, source: Path, width: int = 100) -> str:
    """The readable import report, wrapped to ``width`` columns."""
    lines = [format_heading(result, source)]
    lines += textwrap.wrap(format_authenticity(result), width=width, subsequent_indent="    ")
    lines += textwrap.wrap(format_assessing_country(result), width=width, subsequent_indent="    ")
    lines.append("")
    lines.append(translate(ANNEX_I_HEADING))
    rows = element_rows(result)
    # Names as long as the language's longest, up to half the width; a longer one pushes its status along.
    name_width = min(max(len(row.name) for row in rows), width // 2)
    for row in rows:
        lines.append(f"  {row.number:>2}. {row.name:<{name_width}} {row.status}")
        if row.value:
            first_line = row.value.splitlines()[0]
            first = first_line + (" ..." if "\n" in row.value else "")
            lines += textwrap.wrap(first, width=width, initial_indent="      ", subsequent_indent="      ")
        lines += textwrap.wrap(row.origin, width=width, initial_indent="      ", subsequent_indent="        ")
    if result.not_used:
        lines.append("")
        lines.append(_("Not used in the case:"))
        for line in result.not_used:
            lines += textwrap.wrap(shown(line), width=width, initial_indent="  - ", subsequent_indent="    ")
    if result.warnings:
        lines.append("")
        lines.append(_("Warnings:"))
        for warning in result.warnings:
            lines += textwrap.wrap(shown(warning), width=width, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"
