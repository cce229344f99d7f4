"""Section 4: the learning outcomes compared, each target outcome beside its best match for one credential, or the
coverage matrix of a stack."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from recogniser.i18n import _, phrase, shown
from recogniser.model import Case, Coverage, Decision, Stack, Status
from recogniser.report.blocks import (
    fixed,
    numbered,
    row_number,
    ruled_table,
    section_heading,
    status_cell,
    status_fills,
    user_text,
)
from recogniser.report.styles import BODY, CELL, CELL_CENTRED, CELL_HEAD, INTRO, SMALL, STATUS_LOOKS, SUBHEADING, grid
from recogniser.vocabulary import label

#: An outcome longer than this (characters) is compared by its start. Sections 1 and 2 print every outcome in full;
#: printed again beside its match, a long outcome filled its pages three times over.
_COMPARED_CHARACTERS = 400


def outcome_comparison(case: Case, decision: Decision, width: float) -> list[Flowable]:
    story: list[Flowable] = [section_heading(4, _("Learning outcomes compared"))]
    matches = decision.outcome_matches
    if not matches:
        reason = (
            _("The target lists no learning outcomes, so none were compared.")
            if case.target is not None
            else _("There is no target programme, so no outcomes were compared.")
        )
        story.append(fixed(reason, BODY))
        return story
    headings = (_("No."), _("Target outcome"), _("Best match in the credential"), _("Score"), "")
    rows: list[list[object]] = [[fixed(h, CELL_HEAD) for h in headings]]
    fills: list[tuple[int, Status]] = []
    credential_numbers: dict[str, int] = {}
    for number, text in enumerate(case.credential.learning_outcomes or (), start=1):
        credential_numbers.setdefault(text, number)
    for index, match in enumerate(matches, start=1):
        status = Status.PASS if match.matched else Status.FAIL
        fills.append((len(rows), status))
        rows.append(
            [
                row_number(index),
                _compared(match.target, _target_outcome(index)),
                user_text(match.credential, CELL, _("no outcome to compare"))
                if match.credential is None
                else _compared(match.credential, _credential_outcome(credential_numbers.get(match.credential))),
                fixed(f"{match.score:.0f}", CELL),
                status_cell(status, _("MATCHED") if match.matched else _("NOT MATCHED")),
            ]
        )
    covered = sum(1 for m in matches if m.matched)
    free = width - 10 * mm - 12 * mm - 24 * mm
    story += [
        fixed(
            shown(
                phrase(
                    "Each target outcome beside the credential outcome that matches it best (score 0-100). "
                    "{matched} of {targets} target outcomes are matched.",
                    matched=covered,
                    targets=len(matches),
                )
            ),
            INTRO,
        ),
        *ruled_table(rows, [10 * mm, free / 2, free / 2, 12 * mm, 24 * mm], grid() + status_fills(fills, 4)),
    ]
    return story


#: How a cell of the coverage matrix is filled: as a finding of the same weight.
_COVERAGE_LOOKS = {Coverage.COVERED: Status.PASS, Coverage.PARTLY: Status.WARNING, Coverage.NOT_COVERED: Status.FAIL}

#: Credentials side by side in one table of the coverage matrix; more continue in the next.
_MATRIX_COLUMNS = 8


def coverage_matrix(stack: Stack, width: float) -> list[Flowable]:
    """Section 4 for a stack: each target outcome against each credential (score and mark), the credential
    counted for it marked, and the credential outcome that covers it."""
    story: list[Flowable] = [section_heading(4, _("Learning outcomes compared: the coverage matrix"))]
    if not stack.targets:
        story.append(fixed(_("The target lists no learning outcomes, so none were compared."), BODY))
        return story
    covered = sum(1 for by in stack.counted_by if by is not None)
    story.append(
        fixed(
            shown(
                phrase(
                    "Each target outcome against each credential: the score (0-100) of the credential's best-matching "
                    "outcome, green where it covers it, amber where it comes close or matches at a lower cognitive "
                    "level (shown, not counted), red where it does not. {star} marks the credential counted for the "
                    "outcome (each is counted once). {covered} of {targets} target outcomes are covered by the stack.",
                    star="<b>*</b>",
                    covered=covered,
                    targets=len(stack.targets),
                )
            ),
            INTRO,
        )
    )
    credentials = stack.credentials
    for start in range(0, len(credentials), _MATRIX_COLUMNS):
        columns = credentials[start : start + _MATRIX_COLUMNS]
        column = 13 * mm
        rows: list[list[object]] = [
            [
                fixed(_("No."), CELL_HEAD),
                fixed(_("Target outcome, and what covers it"), CELL_HEAD),
                *(fixed(f"C{c.index + 1}<br/><font size=6>{label(c.role)}</font>", CELL_HEAD) for c in columns),
            ]
        ]
        commands = grid()
        for row, target in enumerate(stack.targets):
            by = stack.counted_by[row]
            about: list[Flowable] = [*_as_list(_compared(target, _target_outcome(row + 1)))]
            if by is not None:
                cell = stack.cells[row][by]
                about.append(
                    user_text(
                        shown(
                            phrase(
                                "Covered by credential {number}: {outcome}",
                                number=by + 1,
                                outcome=cell.credential_outcome,
                            )
                        ),
                        SMALL,
                    )
                    if cell.credential_outcome
                    else fixed(shown(phrase("Covered by credential {number}.", number=by + 1)), SMALL)
                )
            else:
                about.append(fixed(_("Not covered: a gap."), SMALL))
            cells: list[object] = []
            for offset, stacked in enumerate(columns):
                cell = stack.cells[row][stacked.index]
                mark = "*" if by == stacked.index else ""
                cells.append(fixed(f"{cell.score:.0f}{mark}", CELL_CENTRED))
                fill = STATUS_LOOKS[_COVERAGE_LOOKS[cell.coverage]].fill
                commands.append(("BACKGROUND", (2 + offset, len(rows)), (2 + offset, len(rows)), fill))
            rows.append([row_number(row + 1), about, *cells])
        story += ruled_table(
            rows, [10 * mm, width - 10 * mm - column * len(columns), *([column] * len(columns))], commands
        )
    if stack.gaps:
        story.append(fixed(_("Gaps a top-up assessment would close"), SUBHEADING))
        story += numbered([shown(gap) for gap in stack.gaps], width)
    return story


def _as_list(flowables: Flowable | list[Flowable]) -> list[Flowable]:
    return flowables if isinstance(flowables, list) else [flowables]


def _target_outcome(number: int) -> str:
    return shown(phrase("section 2, target outcome {number}", number=number))


def _credential_outcome(number: int | None) -> str:
    # A decision not made on this very case may name an outcome the case words differently.
    return _("section 1") if number is None else shown(phrase("section 1, outcome {number}", number=number))


def _compared(outcome: str, in_full: str) -> Flowable | list[Flowable]:
    """An outcome in the comparison: a long one by its start, as sections 1 and 2 give every outcome in full."""
    if len(outcome) <= _COMPARED_CHARACTERS:
        return user_text(outcome)
    start = outcome[:_COMPARED_CHARACTERS].rsplit(maxsplit=1)[0]
    return [user_text(f"{start} …"), fixed(shown(phrase("In full in {place}.", place=in_full)), SMALL)]
