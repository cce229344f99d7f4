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
from collections.abc import Iterator, Sequence
from pathlib import Path

from recogniser.commands.assess_command import format_decision
from recogniser.errors import UserInputError, located
from recogniser.files import writable_output
from recogniser.i18n import _, language, phrase, say, shown
from recogniser.joining import in_list, in_series, quoted
from recogniser.model import Outcome
from recogniser.rules import assess
from recogniser.seminar import (
    Comparison,
    Pack,
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
from recogniser.vocabulary import outcome_label, purpose_words, status_label


def _writable(path: str, force: bool) -> Path:
    return Path(writable_output(path, force=force))


def run_pack(options: argparse.Namespace) -> int:
    output = _writable(options.output, options.force)
    if options.notes is not None and not Path(options.notes).is_dir():
        raise UserInputError(located(options.notes, phrase("{option} must be a folder", option="--notes")))
    sources = sources_from_files(options.cases, options.notes)
    data, pack = build_pack(sources, title=options.title, pack_id=options.pack_id, version=options.pack_version)
    write_pack(output, data)
    without_notes = [source.id for source in sources if source.notes is None]
    print(say("Wrote {path}: pack {pack}, {count} cases.", path=str(output), pack=pack.pack_id, count=len(pack.cases)))
    if options.notes is not None and without_notes:
        print(say("No notes in {folder} for: {cases}", folder=str(options.notes), cases=", ".join(without_notes)))
    return 0


def run_exercises(options: argparse.Namespace) -> int:
    output = _writable(options.output, options.force)
    data, pack = build_exercise_pack(with_notes=not options.without_notes)
    write_pack(output, data)
    wrote = phrase(
        "Wrote {path}: pack {pack}, {count} exercise cases.", path=str(output), pack=pack.pack_id, count=len(pack.cases)
    )
    print(wrote.text())
    return 0


def run_show(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    print(_pack_heading(pack))
    print(
        say(
            "Built with Recogniser {version}, rulebook {rulebook}",
            version=pack.tool_version,
            rulebook=pack.rulebook_version,
        )
    )
    print(say("Manifest SHA-256 {sha256}", sha256=pack.manifest_sha256))
    print()
    width = max(len(case.id) for case in pack.cases)
    for case in pack.cases:
        notes = "  " + _("[notes]") if case.notes else ""
        print(f"  {case.id:<{width}}  {case.case.purpose.value:<15}  {case.title}{notes}")
    if options.notes:
        for case in pack.cases:
            print()
            print(case.notes.rstrip() if case.notes else say("[{case}: no notes in this pack]", case=case.id))
    return 0


def run_assess(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    unknown = [case_id for case_id in options.case_ids if case_id not in pack.case_ids]
    if unknown:
        problem = phrase(
            "no case {unknown} in the pack (cases: {cases})",
            unknown=in_series(quoted(case_id) for case_id in unknown),
            cases=in_series(pack.case_ids),
        )
        raise UserInputError(located(options.pack, problem))
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
    print(
        say(
            "Wrote {path}: fill in outcome, ects and justification for each of the {count} cases.",
            path=str(output),
            count=len(pack.cases),
        )
    )
    return 0


def run_respond(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    output = _writable(options.output, options.force)
    named, verdicts = load_verdicts(options.verdicts)
    group = options.group or named
    if not group:
        problem = phrase("no group name; give {option} or set {key} in the file", option="--group NAME", key='"group"')
        raise UserInputError(located(options.verdicts, problem))
    response = build_response(pack, group, verdicts)
    write_response(output, response)
    print(
        say(
            "Wrote {path}: {group}'s verdicts on {count} cases of pack {pack}.",
            path=str(output),
            group=response.group,
            count=len(response.cases),
            pack=pack.pack_id,
        )
    )
    return 0


def run_compare(options: argparse.Namespace) -> int:
    pack = open_pack(options.pack)
    pdf = _writable(options.pdf, options.force) if options.pdf else None
    comparison = compare(pack, read_responses(options.responses), allow_other_versions=options.allow_other_versions)
    for rejection in comparison.rejected:
        left_out = phrase(
            "{response} left out: {reasons}",
            response=_who(rejection.source, rejection.group),
            reasons=_reasons(rejection.reasons),
        )
        print(f"recogniser: {left_out.text()}", file=sys.stderr)
    if not comparison.groups:
        raise UserInputError(phrase("no response could be compared; the reasons are listed above"))
    if pdf is not None:
        # Imported here so that commands without --pdf do not load reportlab and the fonts.
        from recogniser.seminar.pdf import write_comparison_pdf

        write_comparison_pdf(pdf, comparison)
    # Written a case at a time: the largest comparison is hundreds of megabytes of text.
    for piece in comparison.json_text() if options.json else comparison_text(comparison):
        sys.stdout.write(piece)
    if pdf is not None and not options.json:
        print("\n" + say("Wrote {path}.", path=str(pdf)))
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
    note, left_out = "  " + _("NOTE") + " ", "  " + _("LEFT OUT") + " "
    lines.append(_pack_heading(pack))
    lines.append(
        say("Groups compared ({count}): {groups}", count=len(comparison.groups), groups=", ".join(comparison.groups))
    )
    for rejection in comparison.rejected:
        para(f"{_who(rejection.source, rejection.group)}: {_reasons(rejection.reasons)}", indent="    ", first=left_out)
    for warning in comparison.warnings:
        para(shown(warning), indent="    ", first=note)
    lines.append("")
    lines.append(
        say("Mean agreement (share of the most frequent outcome): {share}", share=_percent(comparison.mean_agreement))
    )
    lines.append(say("Verdicts matching the tool's recommendation: {share}", share=_percent(comparison.tool_agreement)))
    para(shown(comparison.kappa.explanation))
    if limit is not None:
        para(
            say(
                "Justifications longer than {limit} characters are shortened to about that length here; the whole "
                "text is in the groups' response files and in compare --json.",
                limit=f"{limit:,}",
            ),
            indent="    ",
            first=note,
        )
    for case in comparison.cases:
        yield flush()
        lines.append("")
        lines.append(f"[{case.case_id}] {case.title} - {purpose_words(case.purpose)}")
        tool = case.tool.recommendation
        lines.append("  " + say("Tool: {outcome}", outcome=_with_credits(tool.outcome, tool.credits_shown)))
        counts = ", ".join(f"{_words(o)} {n}" for o, n in case.counts.items() if n)
        lines.append("  " + say("Groups: {counts}", counts=counts))
        modal = " / ".join(_words(outcome) for outcome in case.modal_outcomes)
        agreement = phrase(
            "Agreement {share} ({outcomes}); with the tool {tool_share}",
            share=_percent(case.agreement),
            outcomes=modal,
            tool_share=_percent(case.tool_agreement),
        )
        lines.append("  " + agreement.text())
        for verdict in case.verdicts:
            marker = "  " if verdict.outcome is tool.outcome else "≠ "
            justification = printed_justification(verdict.justification, limit) or _("(none)")
            para(
                f"{verdict.group}: {_with_credits(verdict.outcome, verdict.ects)}. {justification}",
                indent="      ",
                first=f"  {marker}  ",
            )
        if case.divergent:
            lines.append("  " + _("Where groups differ from the tool, its findings were:"))
            for found in case.tool_findings:
                para(f"{status_label(found.status).lower()}: {shown(found.message)}", indent="      ", first="    - ")
    yield flush()


def _percent(value: float | None) -> str:
    return _("n/a") if value is None else f"{value:.0%}".replace("%", "\u00a0%" if language() == "fr" else "%")


def _words(outcome: Outcome) -> str:
    """An outcome inside a line: the label, lower case where the language writes it so."""
    return outcome_label(outcome).lower()


def _with_credits(outcome: Outcome, ects: float | None) -> str:
    if ects is None:
        return _words(outcome)
    return say("{outcome}, {ects} ECTS", outcome=_words(outcome), ects=ects)


def _pack_heading(pack: Pack) -> str:
    return say("{title} (pack {pack}, version {version})", title=pack.title, pack=pack.pack_id, version=pack.version)


def _who(source: str, group: str | None) -> str:
    return f"{source} ({group})" if group else source


def _reasons(reasons: Sequence[str]) -> str:
    return shown(in_list(reasons))
