"""``recogniser assess CASE [--json] [--pdf OUT.pdf] [--as-of DATE] [--save]``: judge one case file, write the
report if asked, and keep it if asked."""

from __future__ import annotations

import argparse
import getpass
import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from recogniser.casefile import load_case
from recogniser.errors import OutputFileError, UserInputError, located
from recogniser.files import StagedFile
from recogniser.i18n import Phrase, Value, _, phrase, plural, say, shown, translate
from recogniser.joining import quoted
from recogniser.model import (
    COVERAGE_MARKS,
    Case,
    Decision,
    Finding,
    RuleSet,
    Stack,
    StackRole,
    Status,
)
from recogniser.rules import assess
from recogniser.rules.office import office_rulebook
from recogniser.settings import load_settings
from recogniser.vocabulary import label, outcome_label, purpose_words, rule_set_label

if TYPE_CHECKING:
    from recogniser.report import ReportSettings
    from recogniser.store import StoredCase, StoredDecision

#: The mark before each check: the same in every language, so a reader can search the output for FAIL.
STATUS_MARKS = {
    Status.PASS: "pass",
    Status.WARNING: "WARN",
    Status.FAIL: "FAIL",
    Status.UNKNOWN: "  ? ",
    Status.NOT_APPLICABLE: " n/a",
}

#: "3 pass, 1 warning": how many checks had each status, in the reader's grammar.
_STATUS_COUNTS: dict[Status, Callable[[int], Phrase]] = {
    Status.PASS: lambda n: plural("{n} pass", "{n} pass", n=n),
    Status.WARNING: lambda n: plural("{n} warning", "{n} warning", n=n),
    Status.FAIL: lambda n: plural("{n} fail", "{n} fail", n=n),
    Status.UNKNOWN: lambda n: plural("{n} unknown", "{n} unknown", n=n),
    Status.NOT_APPLICABLE: lambda n: plural("{n} not applicable", "{n} not applicable", n=n),
}


def run(options: argparse.Namespace) -> int:
    for option, given in (("--evaluator", options.evaluator is not None), ("--update", options.update)):
        if given and not options.save:
            raise UserInputError(located(option, phrase("goes with {option}", option="--save")))
    as_of = _iso_date(options.as_of) if options.as_of is not None else None
    case = load_case(options.case)
    # Bad settings and an unusable destination are reported before anything is assessed, saved or written.
    evaluator = _evaluator(options) if options.save else None
    report = _PendingReport.prepared(options.pdf, evaluator) if options.pdf is not None else None
    try:
        if evaluator is not None:
            case, decision = _assess_and_save(case, options, as_of=as_of, evaluator=evaluator, report=report)
        else:
            decision = assess(case, as_of=as_of, rulebook=office_rulebook(load_settings()))
            if report is not None:
                report.stage(case, decision)
        if report is not None:
            # Staged beside the target before the case and decision were committed; only the rename is left.
            report.commit()
            print(say("wrote the report to {path}", path=str(options.pdf)), file=sys.stderr)
    finally:
        if report is not None:
            report.file.discard()
    _warn_as_of_before_issue(case, as_of)
    if options.json:
        json.dump(decision.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_decision(decision, show_all=options.all))
    return 0


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        problem = phrase("{value} is not a date as YYYY-MM-DD", value=quoted(text))
        raise UserInputError(located("--as-of", problem)) from None


def _warn_as_of_before_issue(case: Case, as_of: date | None) -> None:
    issued = case.credential.issue_date
    if as_of is not None and issued is not None and as_of < issued:
        warning = say(
            "--as-of {day} is before the credential was issued ({issued}); QA validity and registration are judged "
            "on a day the credential did not exist",
            day=as_of,
            issued=issued,
        )
        print(f"recogniser: {_('warning')}: {warning}", file=sys.stderr)


@dataclass(frozen=True)
class _PendingReport:
    """The report asked for with ``--pdf``: its destination checked and its bytes staged beside it."""

    file: StagedFile
    settings: ReportSettings

    @classmethod
    def prepared(cls, path: str, evaluator: str | None) -> _PendingReport:
        # The PDF stack is loaded only when a report is asked for: a plain assessment starts faster without it.
        from recogniser.report import load_report_settings

        settings = load_report_settings()
        if evaluator is not None:
            # The report names who records the decision it goes with.
            settings = replace(settings, evaluator_name=evaluator)
        if not path:
            raise UserInputError(located("--pdf", phrase("no file name given")))
        try:
            return cls(StagedFile(path), settings)
        except OutputFileError as error:
            raise _pdf_error(error) from None

    def stage(self, case: Case, decision: Decision, recorded: Sequence[StoredDecision] = ()) -> None:
        from recogniser.report import render_report

        try:
            self.file.write(render_report(case, decision, self.settings, recorded=recorded))
        except OutputFileError as error:
            raise _pdf_error(error) from None

    def commit(self) -> None:
        try:
            self.file.commit()
        except OutputFileError as error:
            raise _pdf_error(error) from None


def _pdf_error(error: OutputFileError) -> UserInputError:
    problem = phrase("cannot write {file} ({reason})", file=str(error.filename), reason=error.strerror or "")
    return UserInputError(located("--pdf", problem))


def _assess_and_save(
    case: Case, options: argparse.Namespace, *, as_of: date | None, evaluator: str, report: _PendingReport | None
) -> tuple[Case, Decision]:
    """Store the case and its decision together (both or neither); returns both as stored (the case may have
    been given a reference, which the decision and a report then carry). The report, which shows the decision
    recorded, is staged inside the same transaction, so a report that cannot be written leaves nothing stored."""
    from recogniser.commands.cases_command import open_store
    from recogniser.store import CaseChangedError

    def stage_report(stored: StoredCase, recorded: StoredDecision) -> None:
        if report is not None:
            report.stage(stored.case, recorded.decision, recorded=[recorded])

    with open_store(options) as store:
        try:
            stored, recorded = store.record_assessment(
                case,
                lambda as_stored: assess(as_stored, as_of=as_of, rulebook=office_rulebook(load_settings())),
                decided_by=evaluator,
                update=options.update,
                recorded=stage_report,
            )
        except CaseChangedError as error:
            problem = phrase(
                "{problem}; give {update} to store this file as its new version, or give the file another reference",
                problem=error.lines()[0],
                update="--update",
            )
            raise UserInputError(located(options.case, problem)) from None
    values: dict[str, Value] = {"reference": stored.reference, "version": stored.version, "decision": str(recorded.id)}
    if recorded.repeat_of:
        saved = say(
            "saved case {reference} (version {version}) and decision #{decision}; the same case text as decision "
            "#{earlier}",
            earlier=str(recorded.repeat_of),
            **values,
        )
    else:
        saved = say("saved case {reference} (version {version}) and decision #{decision}", **values)
    print(saved, file=sys.stderr)
    return stored.case, recorded.decision


def _evaluator(options: argparse.Namespace) -> str:
    """``--evaluator``, else the evaluator named in settings.toml, else the login name."""
    if options.evaluator:
        return str(options.evaluator)
    named = load_settings().evaluator_name.strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        problem = phrase("no login name found; name who records the decision")
        raise UserInputError(located("--evaluator", problem)) from None


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

    purpose = purpose_words(decision.purpose)
    if decision.reference:
        lines.append(say("Case {reference} - {purpose}", reference=decision.reference, purpose=purpose))
    else:
        lines.append(say("Case (no reference) - {purpose}", purpose=purpose))
    lines.append("")
    outcome = outcome_label(recommendation.outcome).upper()
    lines.append(say("RECOMMENDATION: {outcome}", outcome=outcome))
    if recommendation.credits_shown is not None:
        lines.append(
            say("{label}: {credits}", label=translate(recommendation.ects_label), credits=recommendation.credits_shown)
        )
    para(shown(recommendation.summary))
    sections = (
        (
            _("Substantial differences"),
            [
                say("{difference} [{citation}]", difference=d.description, citation=d.citation)
                for d in recommendation.substantial_differences
            ],
        ),
        (_("Conditions"), [shown(condition) for condition in recommendation.conditions]),
        (_("Information required before a decision"), [shown(line) for line in recommendation.information_lines]),
    )
    for heading, items in sections:
        if items:
            lines.append("")
            lines.append(say("{heading}:", heading=heading))
            for item in items:
                para(item, indent="    ", first="  - ")
    if recommendation.appeal:
        lines.append("")
        para(say("Appeal: {appeal}", appeal=recommendation.appeal))
    if decision.stack is not None:
        lines.extend(format_stack(decision.stack, width))
    lines.append("")
    counts = {status: sum(1 for f in decision.findings if f.status is status) for status in Status}
    counted = ", ".join(_STATUS_COUNTS[s](counts[s]).text() for s in Status if counts[s])
    if show_all:
        lines.append(say("Checks: {counts}", counts=counted))
    else:
        lines.append(say("Checks: {counts} (passed and not applicable ones hidden; --all shows them)", counts=counted))
    groups: list[tuple[str, tuple[Finding, ...]]] = [("", decision.findings)]
    if decision.stack is not None:
        groups = [
            (f"{shown(c.label)} - {label(c.role)}", decision.findings_about(c.index))
            for c in decision.stack.credentials
        ]
        groups.append((_("The stack"), decision.findings_about(None)))
    for heading, findings in groups:
        if heading:
            lines.append("")
            lines.append(f"== {heading} ==")
        for rule_set in RuleSet:
            listed = [
                f
                for f in findings
                if f.rule_set is rule_set and (show_all or f.status not in (Status.PASS, Status.NOT_APPLICABLE))
            ]
            if not listed:
                continue
            lines.append("")
            lines.append(rule_set_label(rule_set))
            for found in listed:
                para(
                    say("{message} [{citation}]", message=found.message, citation=found.citation),
                    indent="         ",
                    first=f"  {STATUS_MARKS[found.status]}  ",
                )
    lines.append("")
    lines.append(
        say("Rulebook {version}; case SHA-256 {sha256}", version=decision.rulebook_version, sha256=decision.case_sha256)
    )
    return "\n".join(lines) + "\n"


def format_stack(stack: Stack, width: int) -> list[str]:
    """The stack in plain text: each credential with what it counts for, then the coverage matrix (a row per
    target outcome, a column per credential: # covered, ~ partly covered, . not covered, * the one counted)."""
    lines = ["", plural("Stack of {n} credential:", "Stack of {n} credentials:", n=len(stack.credentials)).text()]
    for credential in stack.credentials:
        credits = ""
        if credential.ects is not None:
            credits = say(", {ects} ECTS", ects=credential.ects)
            if credential.ects_counted is not None and credential.role is StackRole.COUNTED:
                credits += say(", {ects} counted", ects=credential.ects_counted)
        overlap = _(" (overlap counted once)") if credential.overlaps else ""
        title = credential.title or _("(untitled)")
        head = f"  {credential.index + 1}. {title} - {label(credential.role)}"
        reasons = "; ".join(shown(reason) for reason in credential.reasons)
        lines.extend(
            textwrap.wrap(
                head + credits + overlap + (": " + reasons if reasons else ""),
                width=width,
                subsequent_indent="       ",
            )
        )
    if stack.ects_total is not None:
        lines.append(say("  Credits counted in total: {ects} ECTS", ects=stack.ects_total))
    if stack.targets:
        lines.append("")
        lines.append(
            _("Coverage matrix (# covered, ~ partly covered, . not covered; * the credential counted for it):")
        )
        numbers = "".join(f"{c.index + 1:>6}" for c in stack.credentials)
        text_width = max(20, width - 6 - len(numbers))
        lines.append(f"{'':4}{_('target outcome'):<{text_width}}{numbers}")
        for row, target in enumerate(stack.targets):
            cells = "".join(
                f"{(COVERAGE_MARKS[cell.coverage] + ('*' if stack.counted_by[row] == column else '')):>3}"
                f"{cell.score:>3.0f}"
                for column, cell in enumerate(stack.cells[row])
            )
            cut = target if len(target) <= text_width - 1 else target[: text_width - 2] + "…"
            lines.append(f"{row + 1:>3} {cut:<{text_width}}{cells}")
    if stack.gaps:
        lines.append("")
        lines.append(_("Gaps a top-up assessment would close:"))
        lines.extend(f"  - {shown(gap)}" for gap in stack.gaps)
    return lines
