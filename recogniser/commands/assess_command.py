"""``recogniser assess CASE [--json] [--pdf OUT.pdf] [--as-of DATE] [--save]``: judge one case file, write the
report if asked, and keep it if asked."""

from __future__ import annotations

import argparse
import getpass
import json
import shutil
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from recogniser.casefile import load_case
from recogniser.errors import UserInputError
from recogniser.model import Case, Decision, RuleSet, Status
from recogniser.report import ReportSettings, load_report_settings, write_report
from recogniser.rules import assess

STATUS_MARKS = {
    Status.PASS: "pass",
    Status.WARNING: "WARN",
    Status.FAIL: "FAIL",
    Status.UNKNOWN: "  ? ",
    Status.NOT_APPLICABLE: " n/a",
}
RULE_SET_TITLES = {
    RuleSet.COMPLETENESS: "Annex I completeness",
    RuleSet.LISBON: "Lisbon Recognition Convention",
    RuleSet.QF: "Qualifications frameworks and ECTS",
    RuleSet.ESG: "Quality assurance (ESG)",
    RuleSet.OUTCOMES: "Learning outcomes",
}


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "assess",
        help="check one case file and recommend an outcome",
        description="Check a case file against Annex I, the Lisbon Recognition Convention, QF-EHEA/EQF and the "
        "ESG, and recommend an outcome for its purpose.",
    )
    parser.add_argument("case", metavar="CASE", help="a recogniser-case/1 JSON file")
    parser.add_argument("--json", action="store_true", help="print the decision as JSON (recogniser-decision/1)")
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        type=_iso_date,
        help="judge dates (QA validity, EQAR registration) as of this day instead of the issue date",
    )
    parser.add_argument(
        "--pdf",
        metavar="OUT.pdf",
        type=Path,
        help="also write the recommendation report as a PDF (office and evaluator from settings.toml, see README)",
    )
    parser.add_argument("--all", action="store_true", help="also list the checks that passed or did not apply")
    parser.add_argument(
        "--save", action="store_true", help="keep the case and this decision in the case store (see --database-url)"
    )
    parser.add_argument(
        "--evaluator", metavar="NAME", help="with --save: who records the decision (default: your login name)"
    )
    parser.set_defaults(handler=run)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--as-of: {text!r} is not a date as YYYY-MM-DD") from None


def run(options: argparse.Namespace) -> int:
    if options.evaluator is not None and not options.save:
        raise UserInputError("--evaluator: goes with --save")
    case = load_case(options.case)
    # Bad settings are reported before anything is assessed, saved or written.
    settings = load_report_settings() if options.pdf is not None else None
    if options.save:
        case, decision = _assess_and_save(case, options)
    else:
        decision = assess(case, as_of=options.as_of)
    if options.pdf is not None and settings is not None:
        _write_pdf(case, decision, options.pdf, settings)
    if options.json:
        json.dump(decision.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_decision(decision, show_all=options.all))
    return 0


def _write_pdf(case: Case, decision: Decision, path: Path, settings: ReportSettings) -> None:
    try:
        write_report(case, decision, path, settings)
    except OSError as error:
        raise UserInputError(f"--pdf: cannot write {path} ({error.strerror or error})") from None
    print(f"wrote the report to {path}", file=sys.stderr)


def _assess_and_save(case: Case, options: argparse.Namespace) -> tuple[Case, Decision]:
    """Store the case and its decision together (both or neither); returns both as stored (the case may have
    been given a reference, which the decision and a report then carry)."""
    from recogniser.commands.cases_command import open_store

    evaluator = _evaluator(options)
    with open_store(options) as store:
        stored, recorded = store.record_assessment(
            case, lambda as_stored: assess(as_stored, as_of=options.as_of), decided_by=evaluator
        )
    repeat = f"; the same case text as decision #{recorded.repeat_of}" if recorded.repeat_of else ""
    print(
        f"saved case {stored.reference} (version {stored.version}) and decision #{recorded.id}{repeat}", file=sys.stderr
    )
    return stored.case, recorded.decision


def _evaluator(options: argparse.Namespace) -> str:
    if options.evaluator:
        return str(options.evaluator)
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        raise UserInputError("--evaluator: no login name found; name who records the decision") from None


def format_decision(decision: Decision, *, show_all: bool = False) -> str:
    """The readable verdict: outcome, credits, differences, missing information, then the checks by rule set."""
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    recommendation = decision.recommendation
    lines: list[str] = []

    def para(text: str, indent: str = "", first: str | None = None) -> None:
        lines.extend(
            textwrap.wrap(
                text, width=width, initial_indent=first if first is not None else indent, subsequent_indent=indent
            )
        )

    title = f"Case {decision.reference}" if decision.reference else "Case (no reference)"
    lines.append(f"{title} - {decision.purpose.value.replace('_', ' ')}")
    lines.append("")
    outcome = recommendation.outcome.value.replace("_", " ").upper()
    lines.append(f"RECOMMENDATION: {outcome}")
    if recommendation.ects_recognised is not None:
        lines.append(f"ECTS recognised: {recommendation.ects_recognised:g}")
    para(recommendation.summary)
    sections = (
        (
            "Substantial differences",
            [f"{d.description} [{d.citation}]" for d in recommendation.substantial_differences],
        ),
        ("Conditions", list(recommendation.conditions)),
        ("Information the applicant must supply", list(recommendation.information_required)),
    )
    for heading, items in sections:
        if items:
            lines.append("")
            lines.append(f"{heading}:")
            for item in items:
                para(item, indent="    ", first="  - ")
    if recommendation.appeal:
        lines.append("")
        para("Appeal: " + recommendation.appeal)
    lines.append("")
    counts = {status: sum(1 for f in decision.findings if f.status is status) for status in Status}
    lines.append(
        "Checks: "
        + ", ".join(f"{counts[s]} {s.value.replace('_', ' ')}" for s in Status if counts[s])
        + ("" if show_all else " (passed and not applicable ones hidden; --all shows them)")
    )
    for rule_set in RuleSet:
        shown = [
            f
            for f in decision.findings
            if f.rule_set is rule_set and (show_all or f.status not in (Status.PASS, Status.NOT_APPLICABLE))
        ]
        if not shown:
            continue
        lines.append("")
        lines.append(RULE_SET_TITLES[rule_set])
        for found in shown:
            para(f"{found.message} [{found.citation}]", indent="         ", first=f"  {STATUS_MARKS[found.status]}  ")
    lines.append("")
    lines.append(f"Rulebook {decision.rulebook_version}; case SHA-256 {decision.case_sha256}")
    return "\n".join(lines) + "\n"
