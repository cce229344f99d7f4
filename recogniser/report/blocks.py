"""The report's building blocks: paragraphs of its own wording and of the user's text, section headings, and
ruled tables whose rows break over pages, repeating their labels and column headings where they do.

Every value that came from a case or a decision goes through :func:`~recogniser.report.text.text_flowable`;
the only markup written in the report's sections is the report's own fixed wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Paragraph, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable

from recogniser import i18n
from recogniser.i18n import _, translate
from recogniser.model import Status
from recogniser.report.fonts import BASE_BOLD_FONT
from recogniser.report.styles import BODY, CELL, CELL_CENTRED, CELL_HEAD, HEADING, STATUS_LOOKS, grid
from recogniser.report.text import markup, text_flowable


def _continued_mark() -> str:
    return f'<font color="#5F6368" size="6.6">{_("continued")}</font>'


#: Rows up to this height (points) move to the next page whole; taller ones break over the page.
_KEEP_WHOLE_BELOW = 160

#: The least of a tall row (points, about three lines) left on a page or carried to the next when it breaks.
_LEAST_PART = 42


def fixed(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of the report's own wording (never user text: that goes through ``text_flowable``)."""
    return Paragraph(text, style)


def user_text(value: str | None, style: ParagraphStyle = CELL, missing: str = "") -> Flowable:
    if value is None or not value.strip():
        return fixed(f'<font color="#5F6368">{missing}</font>' if missing else "", style)
    return text_flowable(value, style)


def section_heading(number: int, title: str) -> Paragraph:
    return fixed(f"{number}.&nbsp;&nbsp;{title}", HEADING)


def ruled_table(
    rows: list[list[object]], widths: Sequence[float], commands: list[tuple[object, ...]], header: bool = True
) -> list[Flowable]:
    """A ruled table built as one reportlab table per row, with the ``header`` row kept with the first row.

    A single table re-measures every remaining row each time it breaks across a page, which grows with the
    square of its length; rows of their own keep sixty long outcomes fast, and a row taller than a page still
    splits inside itself.
    """
    tables = []
    for index, row in enumerate(rows):
        table = _row_table(row, index, rows, widths, commands)
        _, height = table.wrap(sum(widths), 1e9)
        if height > _KEEP_WHOLE_BELOW:
            may_break(table)
        tables.append(table)
    if not header or len(tables) < 2:
        return list(tables)
    # Kept with the first row, and with the headings before it (KeepWithStart).
    tables[0].keepWithNext = 1
    running = _RunningHeader(_row_table(rows[0], 0, rows, widths, commands))
    return [running, *tables, _RunningHeader(None)]


def _row_table(
    row: list[object], index: int, rows: list[list[object]], widths: Sequence[float], commands: list[tuple[object, ...]]
) -> Table:
    table = BreakingRow([row], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle(_row_commands(commands, index, len(rows))))
    return table


class _RunningHeader(ActionFlowable):  # type: ignore[misc]
    """Starts (with a header row) or ends (with None) a table whose header row opens every page it continues on.

    A table here is a run of one-row tables, so reportlab's ``repeatRows`` cannot see where it breaks; the document
    puts its top flowables at the head of each new frame instead. The marker is applied where it stands in the
    story, not when a group around it is measured, so a table moved whole to the next page shows its header once.
    """

    def __init__(self, header: Table | None) -> None:
        super().__init__()
        self.header = header
        # Part of the group of headings and first row before it, not a break in it.
        self.keepWithNext = header is not None

    def apply(self, doc: BaseDocTemplate) -> None:
        doc._topFlowables = [] if self.header is None else [self.header]


def may_break(table: Table) -> None:
    """Let ``table`` (one tall row) break over a page, leaving at least a few lines on either side."""
    table.splitInRow = _LEAST_PART
    table.least_start = _LEAST_PART


class KeepWithStart(KeepTogether):  # type: ignore[misc]
    """Headings kept with the start of what they introduce.

    The document groups every heading (a flowable with ``keepWithNext``) with what follows it. reportlab's own
    group moves to the next page whenever the whole of it does not fit, and cannot take in a group of its own, so a
    heading over a tall row either left a page half empty or stood alone at its foot. Here, when the last flowable
    may break (it has a ``least_start``), the group stays if the headings and that much of it fit.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        *lead, last = self._content
        least_start = getattr(last, "least_start", None)
        if least_start is not None and lead:
            # Spaces are counted in full (the frame merges some): the group errs towards the next page.
            lead_height = sum(
                f.wrapOn(self.canv, available_width, available_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                for f in lead
            )
            if lead_height + last.getSpaceBefore() + least_start <= available_height:
                return list(self._content)
        parts: list[Flowable] = super().split(available_width, available_height)
        return parts


class BreakingRow(Table):  # type: ignore[misc]
    """Table rows that may break over a page. A cell made by :func:`_repeated` whose content all fits on the first
    page shows its continuation on the next, so the rest of a finding still says what it is and its status."""

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # reportlab refuses a break that would carry less than ``splitInRow`` over rather than break higher up.
        _, height = self.wrap(available_width, available_height)
        if self.splitInRow > 1 and height - available_height < self.splitInRow:
            available_height = height - self.splitInRow
        parts: list[Flowable] = super().split(available_width, available_height)
        return parts

    def _splitCell(  # noqa: N802 - reportlab's table interface
        self, value: object, style: object, old_height: float, new_height: float, width: float
    ) -> tuple[object, object] | list[object]:
        parts: tuple[object, object] | list[object] = super()._splitCell(value, style, old_height, new_height, width)
        if parts and not parts[1] and isinstance(value, tuple | list):
            continued = tuple(_continued(f) for f in value if hasattr(f, "continuation"))
            if continued:
                return parts[0], continued
        return parts


def _repeated(cell: Flowable, continuation: str) -> Flowable:
    """``cell``, shown as the fixed wording ``continuation`` on the part of its row a page break carries over
    (made only then: most rows never break)."""
    cell.continuation = continuation
    return cell


def _continued(cell: Flowable) -> Flowable:
    return _repeated(fixed(cell.continuation, cell.style), cell.continuation)


def row_label(text: str, style: ParagraphStyle = CELL) -> Flowable:
    """A row's label (fixed wording), repeated with "(continued)" where its row breaks over a page."""
    return _repeated(fixed(text, style), _continued_wording(text))


def named_label(text: str, style: ParagraphStyle = CELL) -> Flowable:
    """A row's label that is the user's text (a group's name), repeated with "(continued)" where its row breaks
    over a page: a reader of the second page of a long row still sees whose row it is."""
    return _repeated(
        text_flowable(text, style), _continued_wording(markup(text, bold=style.fontName == BASE_BOLD_FONT))
    )


def _continued_wording(label: str) -> str:
    """``label`` (markup) as it is repeated where its row breaks over a page."""
    return f'{label} <font color="#5F6368">({_("continued")})</font>'


def row_number(number: int, dot: str = ".") -> Paragraph:
    """A row's number, repeated over a short "cont." where its row breaks over a page (the column is narrow)."""
    return _repeated(fixed(f"{number}{dot}"), f'{number}{dot}<br/><font color="#5F6368" size="6.6">{_("cont.")}</font>')


def _row_commands(commands: list[tuple[object, ...]], row: int, rows: int) -> list[tuple[object, ...]]:
    """The table-style commands that touch ``row`` of a ``rows``-row table, moved to a one-row table."""
    selected = []
    for name, start, stop, *values in commands:
        first_column, first_row = cast(tuple[int, int], start)
        last_column, last_row = cast(tuple[int, int], stop)
        first = first_row + rows if first_row < 0 else first_row
        last = last_row + rows if last_row < 0 else last_row
        if first <= row <= last:
            selected.append((name, (first_column, 0), (last_column, 0), *values))
    return selected


def status_cell(status: Status, label: str | None = None) -> Paragraph:
    """A status mark: its word in the status colour (the cell is filled by ``status_fills``), repeated with
    "continued" under it where its row breaks over a page."""
    look = STATUS_LOOKS[status]
    word = f'<font color="{look.ink.hexval()}">{label or translate(look.label)}</font>'
    return _repeated(fixed(word, CELL_CENTRED), f"{word}<br/>{_continued_mark()}")


def status_fills(statuses: Iterable[tuple[int, Status]], column: int) -> list[tuple[object, ...]]:
    return [("BACKGROUND", (column, row), (column, row), STATUS_LOOKS[status].fill) for row, status in statuses]


def figure(value: float | None) -> str | None:
    """A number as the reader's language writes it (2.5 / 2,5)."""
    return None if value is None else i18n.number(float(value))


def key_values(rows: list[tuple[str, Flowable]], width: float) -> Table:
    table = BreakingRow(
        [[row_label(label, CELL_HEAD), value] for label, value in rows],
        colWidths=[38 * mm, width - 38 * mm],
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(TableStyle(grid(header_rows=0)))
    return table


def numbered(items: Sequence[str], width: float) -> list[Flowable]:
    rows: list[list[object]] = [[row_number(index), user_text(item)] for index, item in enumerate(items, start=1)]
    return ruled_table(rows, [10 * mm, width - 10 * mm], grid(header_rows=0), header=False)
