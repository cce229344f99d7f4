"""``recogniser seminar ...``: exercise packs for breakout groups, their responses, and the comparison.

Works from files alone: the facilitator builds a pack, every group assesses its cases and exports a response,
the facilitator compares the responses. Outputs are written atomically and never replace an existing file
unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from recogniser.commands.assess_command import format_decision
from recogniser.errors import UserInputError
from recogniser.files import writable_output
from recogniser.rules import assess
from recogniser.seminar import (
    Comparison,
    build_exercise_pack,
    build_pack,
    build_response,
    compare,
    load_verdicts,
    open_pack,
    read_responses,
    sources_from_files,
    write_pack,
    write_response,
    write_verdicts,
)
from recogniser.seminar.compare import justification_limit, printed_justification
from recogniser.seminar.response import dumps_json


def _writable(path: str, force: bool) -> Path:
    return Path(writable_output(path, force=force))


def run_pack(options: argparse.Namespace) -> int:
    output = _writable(options.output, options.force)
    if options.notes is not None and not Path(options.notes).is_dir():
        raise UserInputError(f"{options.notes}: --notes must be a folder")
    sources = sources_from_files(options.cases, options.notes)
    data, pack = build_pack(sources, title=options.title, pack_id=options.pack_id, version=options.pack_version)
    write_pack(output, data)
    without_notes = [source.id for source in sources if source.notes is None]
    print(f"Wrote {output}: pack {pack.pack_id}, {len(pack.cases)} cases.")
    if options.notes is not None and without_notes:
        print(f"No notes in {options.notes} for: {', '.join(without_notes)}")
    return 0


def run_exercises(options: argparse.Namespace) -> int:
    output = _writable(options.output, options.force)
    data, pack = build_exercise_pack(with_notes=not options.without_notes)
    write_pack(output, data)
    print(f"Wrote {output}: pack {pack.pack_id}, {len(pack.cases)} exercise cases.")
    return 0


def run_show(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    print(f"{pack.title} (pack {pack.pack_id}, version {pack.version})")
    print(f"Built with Recogniser {pack.tool_version}, rulebook {pack.rulebook_version}")
    print(f"Manifest SHA-256 {pack.manifest_sha256}")
    print()
    width = max(len(case.id) for case in pack.cases)
    for case in pack.cases:
        notes = "  [notes]" if case.notes else ""
        print(f"  {case.id:<{width}}  {case.case.purpose.value:<15}  {case.title}{notes}")
    if options.notes:
        for case in pack.cases:
            print()
            print(case.notes.rstrip() if case.notes else f"[{case.id}: no notes in this pack]")
    return 0


def run_assess(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    unknown = [case_id for case_id in options.case_ids if case_id not in pack.case_ids]
    if unknown:
        raise UserInputError(
            f"{options.pack}: no case {', '.join(map(repr, unknown))} in the pack (cases: {', '.join(pack.case_ids)})"
        )
    chosen = [case for case in pack.cases if not options.case_ids or case.id in options.case_ids]
    decisions = [(case.id, assess(case.case)) for case in chosen]
    if options.json:
        sys.stdout.write(dumps_json({case_id: decision.to_json() for case_id, decision in decisions}))
        return 0
    for index, (case_id, decision) in enumerate(decisions):
        if index:
            sys.stdout.write("\n" + "=" * 40 + "\n\n")
        sys.stdout.write(f"[{case_id}]\n")
        sys.stdout.write(format_decision(decision))
    return 0


def run_template(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    output = _writable(options.output, options.force)
    write_verdicts(output, pack, options.group, {})
    print(f"Wrote {output}: fill in outcome, ects and justification for each of the {len(pack.cases)} cases.")
    return 0


def run_respond(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    output = _writable(options.output, options.force)
    named, verdicts = load_verdicts(options.verdicts)
    group = options.group or named
    if not group:
        raise UserInputError(f'{options.verdicts}: no group name; give --group NAME or set "group" in the file')
    response = build_response(pack, group, verdicts)
    write_response(output, response)
    print(f"Wrote {output}: {response.group}'s verdicts on {len(response.cases)} cases of pack {pack.pack_id}.")
    return 0


def run_compare(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    pdf = _writable(options.pdf, options.force) if options.pdf else None
    comparison = compare(pack, read_responses(options.responses), allow_other_versions=options.allow_other_versions)
    for rejection in comparison.rejected:
        who = f" ({rejection.group})" if rejection.group else ""
        print(f"recogniser: {rejection.source}{who} left out: {'; '.join(rejection.reasons)}", file=sys.stderr)
    if not comparison.groups:
        raise UserInputError("no response could be compared; the reasons are listed above")
    if pdf is not None:
        # Imported here so that commands without --pdf do not load reportlab and the fonts.
        from recogniser.seminar.pdf import write_comparison_pdf

        write_comparison_pdf(pdf, comparison)
    # Written a case at a time: the largest comparison is hundreds of megabytes of text.
    for piece in comparison.json_text() if options.json else comparison_text(comparison):
        sys.stdout.write(piece)
    if pdf is not None and not options.json:
        print(f"\nWrote {pdf}.")
    return 0


def format_comparison(comparison: Comparison) -> str:
    """The readable comparison: overall agreement, then per case the distribution, the tool and the groups."""
    return "".join(comparison_text(comparison))


def comparison_text(comparison: Comparison) -> Iterator[str]:
    """:func:`format_comparison` a case at a time, the longest justifications shortened as in the PDF."""
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    limit = justification_limit(comparison)
    lines: list[str] = []

    def flush() -> str:
        text = "".join(line + "\n" for line in lines)
        lines.clear()
        return text

    def para(text: str, indent: str = "", first: str | None = None) -> None:
        lines.extend(
            textwrap.wrap(
                text, width=width, initial_indent=first if first is not None else indent, subsequent_indent=indent
            )
            or [first or indent]
        )

    pack = comparison.pack
    lines.append(f"{pack.title} (pack {pack.pack_id}, version {pack.version})")
    lines.append(f"Groups compared ({len(comparison.groups)}): {', '.join(comparison.groups)}")
    for rejection in comparison.rejected:
        who = f" ({rejection.group})" if rejection.group else ""
        para(f"{rejection.source}{who}: {'; '.join(rejection.reasons)}", indent="    ", first="  LEFT OUT ")
    for warning in comparison.warnings:
        para(warning, indent="    ", first="  NOTE ")
    lines.append("")
    lines.append(f"Mean agreement (share of the most frequent outcome): {_percent(comparison.mean_agreement)}")
    lines.append(f"Verdicts matching the tool's recommendation: {_percent(comparison.tool_agreement)}")
    para(comparison.kappa.explanation)
    if limit is not None:
        para(
            f"Justifications longer than {limit:,} characters are shortened to about that length here; the whole "
            "text is in the groups' response files and in compare --json.",
            indent="    ",
            first="  NOTE ",
        )
    for case in comparison.cases:
        yield flush()
        lines.append("")
        lines.append(f"[{case.case_id}] {case.title} - {case.purpose.value.replace('_', ' ')}")
        tool = case.tool.recommendation
        ects = f", {tool.credits_shown:g} ECTS" if tool.credits_shown is not None else ""
        lines.append(f"  Tool: {_words(tool.outcome.value)}{ects}")
        counts = ", ".join(f"{_words(o.value)} {n}" for o, n in case.counts.items() if n)
        lines.append(f"  Groups: {counts}")
        modal = " / ".join(_words(outcome.value) for outcome in case.modal_outcomes)
        lines.append(f"  Agreement {_percent(case.agreement)} ({modal}); with the tool {_percent(case.tool_agreement)}")
        for verdict in case.verdicts:
            marker = "  " if verdict.outcome is tool.outcome else "≠ "
            ects_given = f", {verdict.ects:g} ECTS" if verdict.ects is not None else ""
            para(
                f"{verdict.group}: {_words(verdict.outcome.value)}{ects_given}. "
                f"{printed_justification(verdict.justification, limit) or '(none)'}",
                indent="      ",
                first=f"  {marker}  ",
            )
        if case.divergent:
            lines.append("  Where groups differ from the tool, its findings were:")
            for found in case.tool_findings:
                para(f"{found.status.value}: {found.message}", indent="      ", first="    - ")
    yield flush()


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _words(value: str) -> str:
    return value.replace("_", " ")
