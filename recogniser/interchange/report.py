"""What an import did, in words: the format, the signature and, per Annex I element, the value and its origin.

The command line prints :func:`format_import`; the window shows the same rows (:func:`element_rows`) in a table
and copies the same text.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from recogniser.interchange.elements import MANDATORY_ELEMENTS, ElementReport, ElementStatus
from recogniser.interchange.importer import FORMAT_NAMES, ImportResult
from recogniser.interchange.signatures import SignatureStatus

SIGNATURE_WORDS = {
    SignatureStatus.VERIFIED: "verified",
    SignatureStatus.FAILED: "FAILED",
    SignatureStatus.NOT_VERIFIED: "not verified",
}
ANNEX_I_HEADING = "Annex I elements (Council Recommendation 2022/C 243/02):"


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


def format_signature(result: ImportResult) -> str:
    return f"Signature: {SIGNATURE_WORDS[result.signature]} - {result.signature_reason}"


def format_import(result: ImportResult, source: Path, width: int = 100) -> str:
    """The readable import report, wrapped to ``width`` columns."""
    lines = [format_heading(result, source)]
    lines += textwrap.wrap(format_signature(result), width=width, subsequent_indent="    ")
    lines.append("")
    lines.append(ANNEX_I_HEADING)
    for row in element_rows(result):
        lines.append(f"  {row.number:>2}. {row.name:<41} {row.status}")
        if row.value:
            first_line = row.value.splitlines()[0]
            shown = first_line + (" ..." if "\n" in row.value else "")
            lines += textwrap.wrap(shown, width=width, initial_indent="      ", subsequent_indent="      ")
        lines += textwrap.wrap(row.origin, width=width, initial_indent="      ", subsequent_indent="        ")
    if result.warnings:
        lines.append("")
        lines.append("Warnings:")
        for warning in result.warnings:
            lines += textwrap.wrap(warning, width=width, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"
