"""The report's content, section by section, as reportlab flowables.

Every value that came from a case or a decision goes through :func:`~recogniser.report.text.text_flowable`;
the only markup written here is the report's own fixed wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from itertools import chain
from typing import cast

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Image, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable

from recogniser.annex_i import ANNEX_I, ANNEX_I_NUMBERING
from recogniser.casefile import credential_case
from recogniser.decision_policy import recommended_credits
from recogniser.elements import FIVE_ELEMENTS, annex_i_elements, element_status
from recogniser.isolation import isolate_decision, texts_in
from recogniser.model import (
    STACK_ROLE_WORDS,
    Case,
    Coverage,
    Credential,
    Decision,
    Element,
    Finding,
    Outcome,
    Purpose,
    RuleSet,
    Stack,
    StackRole,
    Status,
)
from recogniser.provenance import AUTHENTICITY_WORDS, Authenticity, Provenance, provenance_of
from recogniser.report.fonts import BASE_BOLD_FONT
from recogniser.report.recorded import RecordedDecision
from recogniser.report.settings import ReportSettings
from recogniser.report.styles import (
    ACCENT,
    BODY,
    BOX_FILL,
    CELL,
    CELL_BOLD,
    CELL_CENTRED,
    CELL_HEAD,
    HEADING,
    INTRO,
    MUTED,
    OFFICE,
    OFFICE_DETAIL,
    OUTCOME,
    RULE,
    SMALL,
    STATUS_LOOKS,
    SUBHEADING,
    TITLE,
    grid,
)
from recogniser.report.text import has_unprintable, markup, text_flowable
from recogniser.rules import OUTCOME_WORDS

PURPOSE_LABELS: dict[Purpose, str] = {
    Purpose.ADMISSION: "Admission to a programme",
    Purpose.CREDIT_TRANSFER: "Credit transfer into a programme",
    Purpose.EMPLOYMENT: "Statement for employment",
    Purpose.RPL: "Recognition of prior learning",
}

ELEMENT_LABELS: dict[Element, str] = {
    Element.LEVEL: "Level",
    Element.WORKLOAD: "Workload",
    Element.QUALITY: "Quality",
    Element.PROFILE: "Profile",
    Element.LEARNING_OUTCOMES: "Learning outcomes",
    Element.ASSESSMENT: "Assessment",
    Element.IDENTITY: "Identity",
    Element.COMPLETENESS: "Completeness",
    Element.PROCEDURE: "Procedure",
    Element.AUTHENTICITY: "Authenticity",
}

#: Rule sets in the order the report lists them, with the texts they apply.
RULE_SET_TITLES: dict[RuleSet, str] = {
    RuleSet.AUTHENTICITY: "Authenticity of the credential (Council Recommendation 2022/C 243/02, Annex II; EAR manual)",
    RuleSet.COMPLETENESS: "Annex I completeness (Council Recommendation 2022/C 243/02)",
    RuleSet.LISBON: "Lisbon Recognition Convention (1997) and its subsidiary texts",
    RuleSet.QF: "Qualifications frameworks (QF-EHEA, EQF, national) and ECTS",
    RuleSet.ESG: "Quality assurance (ESG 2015, EQAR, DEQAR)",
    RuleSet.OUTCOMES: "Learning outcomes analysis",
}

_FIVE_ELEMENT_QUESTIONS: dict[Element, str] = {
    Element.LEVEL: "Is the level stated and appropriate for the purpose?",
    Element.WORKLOAD: "Is the workload stated, plausible and sufficient?",
    Element.QUALITY: "Is the provider's quality assured?",
    Element.PROFILE: "Does the credential's profile fit the purpose?",
    Element.LEARNING_OUTCOMES: "Do the outcomes match what is sought?",
}

_CONTINUED = '<font color="#5F6368" size="6.6">continued</font>'

#: Rows up to this height (points) move to the next page whole; taller ones break over the page.
_KEEP_WHOLE_BELOW = 160
#: The least of a tall row (points, about three lines) left on a page or carried to the next when it breaks.
_LEAST_PART = 42

#: An outcome longer than this (characters) is compared by its start. Sections 1 and 2 print every outcome in full;
#: printed again beside its match, a long outcome filled its pages three times over.
_COMPARED_CHARACTERS = 400

_APPEAL_BASIS = (
    "Revised Recommendation on Criteria and Procedures (2010): reasons are given for any decision short of the "
    "recognition requested, with the possibilities of appeal; Lisbon Recognition Convention, Art. III.5: reasons "
    "for a refusal and the right to appeal. The substantial differences above are the reasons."
)


def build_story(
    case: Case,
    decision: Decision,
    settings: ReportSettings,
    width: float,
    today: date,
    *,
    case_attached: bool,
    recorded: Sequence[RecordedDecision] = (),
    original_attached: bool = False,
    originals_attached: frozenset[str] = frozenset(),
) -> list[Flowable]:
    """All the report's flowables for a frame ``width`` points wide; ``case_attached`` says whether the PDF
    carries the case file; ``recorded`` are the decisions kept for the case, of which the latest on this case
    text fills in the evaluator's decision; ``original_attached`` says whether the PDF carries the credential file
    of a case of one, ``originals_attached`` the SHA-256 of the files of a stack's credentials it carries."""
    # Sentences quoting a right-to-left value from the case keep their own direction (see recogniser.isolation).
    decision = isolate_decision(decision, case)
    story: list[Flowable] = []
    story += _letterhead(settings, width)
    story += _header(case, decision, settings, width, today, original_attached=original_attached)
    story += _unprintable_notice(case, decision, settings, width, case_attached)
    stack = decision.stack if case.stacked else None
    story += _credential(case, width) if stack is None else _stacked_credentials(case, stack, width, originals_attached)
    story += _target(case, width)
    story += _five_elements(decision, width)
    story += _outcome_comparison(case, decision, width) if stack is None else _coverage_matrix(stack, width)
    story += _findings(decision, width) if stack is None else _findings_by_credential(decision, stack, width)
    story += _recommendation(decision, width)
    if decision.recommendation.outcome is not Outcome.FULL_RECOGNITION:
        story += _differences_and_appeal(decision, width)
    story += _evaluator_decision(case, settings, width, decision, recorded)
    return story


# --- building blocks ---


def _fixed(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of the report's own wording (never user text: that goes through ``text_flowable``)."""
    return Paragraph(text, style)


def _text(value: str | None, style: ParagraphStyle = CELL, missing: str = "") -> Flowable:
    if value is None or not value.strip():
        return _fixed(f'<font color="#5F6368">{missing}</font>' if missing else "", style)
    return text_flowable(value, style)


def _heading(number: int, title: str) -> Paragraph:
    return _fixed(f"{number}.&nbsp;&nbsp;{title}", HEADING)


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
            _may_break(table)
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
    table = _Row([row], colWidths=list(widths), hAlign="LEFT")
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


def _may_break(table: Table) -> None:
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


class _Row(Table):  # type: ignore[misc]
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
    return _repeated(_fixed(cell.continuation, cell.style), cell.continuation)


def _label(text: str, style: ParagraphStyle = CELL) -> Flowable:
    """A row's label (fixed wording), repeated with "(continued)" where its row breaks over a page."""
    return _repeated(_fixed(text, style), _continued_wording(text))


def named_label(text: str, style: ParagraphStyle = CELL) -> Flowable:
    """A row's label that is the user's text (a group's name), repeated with "(continued)" where its row breaks
    over a page: a reader of the second page of a long row still sees whose row it is."""
    return _repeated(
        text_flowable(text, style), _continued_wording(markup(text, bold=style.fontName == BASE_BOLD_FONT))
    )


def _continued_wording(label: str) -> str:
    """``label`` (markup) as it is repeated where its row breaks over a page."""
    return f'{label} <font color="#5F6368">(continued)</font>'


def _row_number(number: int, dot: str = ".") -> Paragraph:
    """A row's number, repeated over a short "cont." where its row breaks over a page (the column is narrow)."""
    return _repeated(_fixed(f"{number}{dot}"), f'{number}{dot}<br/><font color="#5F6368" size="6.6">cont.</font>')


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


def _status_cell(status: Status, label: str | None = None) -> Paragraph:
    """A status mark: its word in the status colour (the cell is filled by ``_status_fills``), repeated with
    "continued" under it where its row breaks over a page."""
    look = STATUS_LOOKS[status]
    word = f'<font color="{look.ink.hexval()}">{label or look.label}</font>'
    return _repeated(_fixed(word, CELL_CENTRED), f"{word}<br/>{_CONTINUED}")


def _status_fills(statuses: Iterable[tuple[int, Status]], column: int) -> list[tuple[object, ...]]:
    return [("BACKGROUND", (column, row), (column, row), STATUS_LOOKS[status].fill) for row, status in statuses]


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def _key_values(rows: list[tuple[str, Flowable]], width: float) -> Table:
    table = _Row(
        [[_label(label, CELL_HEAD), value] for label, value in rows],
        colWidths=[38 * mm, width - 38 * mm],
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(TableStyle(grid(header_rows=0)))
    return table


# --- sections ---


def _letterhead(settings: ReportSettings, width: float) -> list[Flowable]:
    office = [text_flowable(settings.office_name, OFFICE)]
    if settings.office_address:
        office.append(text_flowable(settings.office_address, OFFICE_DETAIL))
    logo: Flowable | str = ""
    if settings.logo_path is not None:
        image = Image(str(settings.logo_path))
        scale = min(18 * mm / image.imageHeight, 60 * mm / image.imageWidth)
        image.drawHeight = image.imageHeight * scale
        image.drawWidth = image.imageWidth * scale
        image.hAlign = "LEFT"
        logo = image
    table = Table([[logo, office]], colWidths=[width * 0.45, width * 0.55], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, ACCENT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [table, Spacer(1, 5 * mm)]


def _header(
    case: Case, decision: Decision, settings: ReportSettings, width: float, today: date, *, original_attached: bool
) -> list[Flowable]:
    recommendation = decision.recommendation
    rows: list[tuple[str, Flowable]] = [
        ("Case reference", _text(decision.reference or case.reference, CELL_BOLD, "not assigned")),
        ("Date of report", _fixed(today.isoformat(), CELL)),
        ("Purpose", _fixed(PURPOSE_LABELS[decision.purpose], CELL)),
        ("Assessing country", _text(case.assessing_country)),
        ("Evaluator", _text(settings.evaluator_name, CELL, "not named")),
        ("Facts judged as of", _fixed(decision.as_of.isoformat() if decision.as_of else "the date of issue", CELL)),
        ("Recommended outcome", _fixed(OUTCOME_WORDS[recommendation.outcome], CELL_BOLD)),
    ]
    provenance = provenance_of(case.document)
    if provenance is not None:
        # Checked first (EAR manual): the authenticity and the original file stand with the outcome.
        rows.append(("Authenticity", _authenticity(provenance)))
        rows.append(("Original credential", _text(_original(provenance, original_attached))))
    return [
        _fixed("Recognition recommendation", TITLE),
        _fixed(
            "Assessment of a micro-credential under the Lisbon Recognition Convention, the qualifications "
            "frameworks of the EHEA and the ESG. This is a recommendation: the evaluator's decision is recorded "
            "in section 8.",
            INTRO,
        ),
        Spacer(1, 3 * mm),
        _key_values(rows, width),
    ]


def _authenticity(provenance: Provenance) -> Flowable:
    look = STATUS_LOOKS[_AUTHENTICITY_STATUS[provenance.authenticity]]
    words = AUTHENTICITY_WORDS[provenance.authenticity]
    colour = "#" + look.ink.hexval()[2:]
    return _fixed(f'<font color="{colour}"><b>{words}</b></font> - {markup(provenance.reason)}', CELL)


#: How each tier is coloured: as the finding the authenticity rule set gives it.
_AUTHENTICITY_STATUS = {
    Authenticity.VERIFIED: Status.PASS,
    Authenticity.SIGNER_NOT_ESTABLISHED: Status.UNKNOWN,
    Authenticity.OTHER_SIGNER: Status.WARNING,
    Authenticity.FAILED: Status.FAIL,
    Authenticity.NOT_CHECKED: Status.UNKNOWN,
    Authenticity.NO_SIGNATURE: Status.UNKNOWN,
}


def _original(provenance: Provenance, attached: bool) -> str:
    name = provenance.file_name or "the credential file"
    digest = f", SHA-256 {provenance.sha256}" if provenance.sha256 else ""
    # The case store keeps the original of a case imported with --save or saved from the window; a report made
    # from a case file alone has only its SHA-256 to compare a file against.
    where = "attached to this PDF" if attached else "not attached to this report: compare a copy by its SHA-256"
    return f"{name}{digest}; {where}"


def _unprintable_notice(
    case: Case, decision: Decision, settings: ReportSettings, width: float, case_attached: bool
) -> list[Flowable]:
    """Where some text cannot be printed, a note saying so and where the original is: the report ships fonts for
    the European scripts and Arabic, not the 20 MB and more of Chinese, Japanese and Korean ones (and reportlab
    draws no colour emoji), so such text stands as "[n characters not printable]" rather than as empty boxes."""
    texts = chain(texts_in(case), texts_in(decision), texts_in(settings))
    if not any(has_unprintable(text) for text in texts):
        return []
    where = (
        "the case file attached to this PDF (in the attachments of a PDF reader)"
        if case_attached
        else "the case file this report was made from"
    )
    return unprintable_note(f"The original text is in {where}: check it there before deciding.", width)


def unprintable_note(where_the_original_is: str, width: float) -> list[Flowable]:
    """A boxed note that text in this PDF stands as "[n characters not printable]", with the sentence
    ``where_the_original_is`` (fixed wording) saying where to read it."""
    note = _fixed(
        "<b>Some text could not be printed.</b> Characters in a script the fonts of this PDF do not cover (Chinese, "
        "Japanese or Korean, emoji and others) are shown as "
        f"[<i>n</i> characters not printable]. {where_the_original_is}",
        CELL,
    )
    box = Table([[note]], colWidths=[width], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, STATUS_LOOKS[Status.WARNING].ink),
                ("BACKGROUND", (0, 0), (-1, -1), STATUS_LOOKS[Status.WARNING].fill),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [Spacer(1, 3 * mm), box]


def _credential(case: Case, width: float) -> list[Flowable]:
    return [
        _heading(1, "The micro-credential, element by element"),
        _fixed(f"Checked against the standard elements of {ANNEX_I}. {ANNEX_I_NUMBERING}", INTRO),
        *_annex_i(case.credential, width),
    ]


def _stacked_credentials(case: Case, stack: Stack, width: float, attached: frozenset[str]) -> list[Flowable]:
    """A section per credential of a stack: what it counts for in the stack, its own recommendation, its
    authenticity where imported, and its elements."""
    story: list[Flowable] = [
        _heading(1, f"The {len(stack.credentials)} micro-credentials, each element by element"),
        _fixed(
            f"Assessed together towards the target (a stack). Each is checked against the standard elements of "
            f"{ANNEX_I} and assessed on its own first; what it counts for in the stack follows from that. "
            f"{ANNEX_I_NUMBERING}",
            INTRO,
        ),
    ]
    for stacked in stack.credentials:
        credential = case.credentials[stacked.index] if stacked.index < len(case.credentials) else None
        story.append(_fixed(f"1.{stacked.index + 1}&nbsp;&nbsp;{markup(stacked.label)}", SUBHEADING))
        role = STACK_ROLE_WORDS[stacked.role]
        credits = ""
        if stacked.ects is not None:
            credits = f"{stacked.ects:g} ECTS"
            if stacked.role is StackRole.COUNTED and stacked.ects_counted is not None:
                credits += f", {stacked.ects_counted:g} counted towards the target"
        rows: list[tuple[str, Flowable]] = [
            ("In the stack", _fixed(f"<b>{role}</b>" + (f" ({credits})" if credits else ""), CELL)),
            ("On its own", _fixed(OUTCOME_WORDS[stacked.own_outcome], CELL)),
        ]
        if stacked.reasons:
            rows.append(("Why", _text("; ".join(stacked.reasons))))
        provenance = provenance_of(credential_case(case, stacked.index).document) if credential else None
        if provenance is not None:
            rows.append(("Authenticity", _authenticity(provenance)))
            rows.append(("Original credential", _text(_original(provenance, provenance.sha256 in attached))))
        story.append(_key_values(rows, width))
        if credential is not None:
            story += _annex_i(credential, width, f"credential {stacked.index + 1}")
    return story


def _annex_i(credential: Credential, width: float, about: str | None = None) -> list[Flowable]:
    """The Annex I elements as stated; in a stack, ``about`` names the credential in the header row, which is
    repeated on every page the table runs onto."""
    elements = annex_i_elements(credential)
    stated = f"As stated in {about}" if about else "As stated"
    rows: list[list[object]] = [[_fixed(h, CELL_HEAD) for h in ("No.", "Element", stated, "")]]
    commands = grid()
    for group, mandatory in (("Mandatory elements", True), ("Optional elements", False)):
        commands += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), BOX_FILL),
        ]
        rows.append([_fixed(group, CELL_BOLD), "", "", ""])
        for element in (e for e in elements if e.mandatory is mandatory):
            if element.value is None:
                mark = _fixed('<font color="#9A1B1B">MISSING</font>' if mandatory else "not stated", CELL_CENTRED)
                if mandatory:
                    commands.append(("BACKGROUND", (3, len(rows)), (3, len(rows)), STATUS_LOOKS[Status.FAIL].fill))
            else:
                mark = _fixed("", CELL)
            rows.append([_row_number(element.number, ""), _label(element.label), _text(element.value), mark])
    missing = [e for e in elements if e.mandatory and e.value is None]
    story: list[Flowable] = [*ruled_table(rows, [10 * mm, 52 * mm, width - 84 * mm, 22 * mm], commands)]
    if missing:
        story.append(
            _fixed(
                f"{len(missing)} of the 11 mandatory elements {'is' if len(missing) == 1 else 'are'} missing.", SMALL
            )
        )
    outcomes = credential.learning_outcomes or ()
    if outcomes:
        story.append(_fixed("Learning outcomes stated in the credential", SUBHEADING))
        story += _numbered(outcomes, width)
    return story


def _numbered(items: Sequence[str], width: float) -> list[Flowable]:
    rows: list[list[object]] = [[_row_number(index), _text(item)] for index, item in enumerate(items, start=1)]
    return ruled_table(rows, [10 * mm, width - 10 * mm], grid(header_rows=0), header=False)


def _target(case: Case, width: float) -> list[Flowable]:
    story: list[Flowable] = [_heading(2, "What recognition is sought for")]
    target = case.target
    if target is None:
        story.append(
            _fixed(
                f"Purpose: {PURPOSE_LABELS[case.purpose].lower()}. No target programme or component is named; "
                "the credential is judged for the purpose as such.",
                BODY,
            )
        )
        return story
    rows: list[tuple[str, Flowable]] = [
        ("Purpose", _fixed(PURPOSE_LABELS[case.purpose], CELL)),
        ("Programme or component", _text(target.title, CELL_BOLD, "not stated")),
        ("Institution", _text(target.institution, CELL, "not stated")),
        ("EQF level", _text(str(target.eqf_level) if target.eqf_level is not None else None, CELL, "not stated")),
        ("ECTS sought", _text(_number(target.ects), CELL, "not stated")),
    ]
    story.append(_key_values(rows, width))
    if target.learning_outcomes:
        story.append(_fixed("Learning outcomes of the target", SUBHEADING))
        story += _numbered(target.learning_outcomes, width)
    return story


def _five_elements(decision: Decision, width: float) -> list[Flowable]:
    rows: list[list[object]] = [[_fixed(h, CELL_HEAD) for h in ("Element", "Status", "Why")]]
    fills: list[tuple[int, Status]] = []
    for element in FIVE_ELEMENTS:
        status = element_status(decision, element)
        fills.append((len(rows), status))
        deciding = [f for f in decision.findings if f.element is element and f.status is status]
        reasons: list[Flowable] = _reasons_by_credential(deciding, decision.stack) or [
            _fixed('<font color="#5F6368">No finding speaks to this element: not judged.</font>', CELL)
        ]
        rows.append(
            [
                [_label(ELEMENT_LABELS[element], CELL_BOLD), _fixed(_FIVE_ELEMENT_QUESTIONS[element], SMALL)],
                _status_cell(status),
                reasons,
            ]
        )
    return [
        _heading(3, "The five elements"),
        _fixed(
            "Level, workload, quality, profile and learning outcomes, as the European Area of Recognition manual "
            "judges a qualification. Each mark is the worst status among the findings on that element.",
            INTRO,
        ),
        *ruled_table(rows, [42 * mm, 22 * mm, width - 64 * mm], grid() + _status_fills(fills, 1)),
    ]


#: How long a credential's title may run where the five elements name it (its section 1 gives it in full).
_SHORT_TITLE = 48


def _reasons_by_credential(findings: Sequence[Finding], stack: Stack | None) -> list[Flowable]:
    """The findings' messages; in a stack, under the name of the credential each is about (or the stack's)."""
    if stack is None:
        return [_text(f.message) for f in findings]
    reasons: list[Flowable] = []
    names = {c.index: c for c in stack.credentials}
    for index in dict.fromkeys(f.credential for f in findings):
        stacked = names.get(index) if index is not None else None
        if stacked is None:
            name = "<b>The stack</b>"
        else:
            title = stacked.title or ""
            short = title if len(title) <= _SHORT_TITLE else title[:_SHORT_TITLE].rsplit(" ", 1)[0].rstrip(",;:") + "…"
            name = f"<b>Credential {stacked.index + 1}</b>" + (f" '{markup(short)}'" if short else "")
        if reasons:
            reasons.append(Spacer(1, 3))
        reasons.append(_fixed(name, CELL))
        reasons += [_text(f.message) for f in findings if f.credential == index]
    return reasons


def _outcome_comparison(case: Case, decision: Decision, width: float) -> list[Flowable]:
    story: list[Flowable] = [_heading(4, "Learning outcomes compared")]
    matches = decision.outcome_matches
    if not matches:
        reason = (
            "The target lists no learning outcomes, so none were compared."
            if case.target is not None
            else "There is no target programme, so no outcomes were compared."
        )
        story.append(_fixed(reason, BODY))
        return story
    rows: list[list[object]] = [
        [_fixed(h, CELL_HEAD) for h in ("No.", "Target outcome", "Best match in the credential", "Score", "")]
    ]
    fills: list[tuple[int, Status]] = []
    credential_numbers: dict[str, int] = {}
    for number, text in enumerate(case.credential.learning_outcomes or (), start=1):
        credential_numbers.setdefault(text, number)
    for index, match in enumerate(matches, start=1):
        status = Status.PASS if match.matched else Status.FAIL
        fills.append((len(rows), status))
        rows.append(
            [
                _row_number(index),
                _compared(match.target, f"section 2, target outcome {index}"),
                _text(match.credential, CELL, "no outcome to compare")
                if match.credential is None
                else _compared(match.credential, _credential_outcome(credential_numbers.get(match.credential))),
                _fixed(f"{match.score:.0f}", CELL),
                _status_cell(status, "MATCHED" if match.matched else "NOT MATCHED"),
            ]
        )
    covered = sum(1 for m in matches if m.matched)
    free = width - 10 * mm - 12 * mm - 24 * mm
    story += [
        _fixed(
            f"Each target outcome beside the credential outcome that matches it best (score 0-100). "
            f"{covered} of {len(matches)} target outcomes are matched.",
            INTRO,
        ),
        *ruled_table(rows, [10 * mm, free / 2, free / 2, 12 * mm, 24 * mm], grid() + _status_fills(fills, 4)),
    ]
    return story


#: How a cell of the coverage matrix is filled: as a finding of the same weight.
_COVERAGE_LOOKS = {Coverage.COVERED: Status.PASS, Coverage.PARTLY: Status.WARNING, Coverage.NOT_COVERED: Status.FAIL}
#: Credentials side by side in one table of the coverage matrix; more continue in the next.
_MATRIX_COLUMNS = 8


def _coverage_matrix(stack: Stack, width: float) -> list[Flowable]:
    """Section 4 for a stack: each target outcome against each credential (score and mark), the credential
    counted for it marked, and the credential outcome that covers it."""
    story: list[Flowable] = [_heading(4, "Learning outcomes compared: the coverage matrix")]
    if not stack.targets:
        story.append(_fixed("The target lists no learning outcomes, so none were compared.", BODY))
        return story
    covered = sum(1 for by in stack.counted_by if by is not None)
    story.append(
        _fixed(
            "Each target outcome against each credential: the score (0-100) of the credential's best-matching "
            "outcome, green where it covers it, amber where it comes close or matches at a lower cognitive level "
            "(shown, not counted), red where it does not. <b>*</b> marks the credential counted for the outcome "
            f"(each is counted once). {covered} of {len(stack.targets)} target outcomes are covered by the stack.",
            INTRO,
        )
    )
    credentials = stack.credentials
    for start in range(0, len(credentials), _MATRIX_COLUMNS):
        shown = credentials[start : start + _MATRIX_COLUMNS]
        column = 13 * mm
        rows: list[list[object]] = [
            [
                _fixed("No.", CELL_HEAD),
                _fixed("Target outcome, and what covers it", CELL_HEAD),
                *(
                    _fixed(f"C{c.index + 1}<br/><font size=6>{STACK_ROLE_WORDS[c.role]}</font>", CELL_HEAD)
                    for c in shown
                ),
            ]
        ]
        commands = grid()
        for row, target in enumerate(stack.targets):
            by = stack.counted_by[row]
            about: list[Flowable] = [*_as_list(_compared(target, f"section 2, target outcome {row + 1}"))]
            if by is not None:
                cell = stack.cells[row][by]
                about.append(
                    _text(f"Covered by credential {by + 1}: {cell.credential_outcome or ''}", SMALL)
                    if cell.credential_outcome
                    else _fixed(f"Covered by credential {by + 1}.", SMALL)
                )
            else:
                about.append(_fixed("Not covered: a gap.", SMALL))
            cells: list[object] = []
            for offset, stacked in enumerate(shown):
                cell = stack.cells[row][stacked.index]
                mark = "*" if by == stacked.index else ""
                cells.append(_fixed(f"{cell.score:.0f}{mark}", CELL_CENTRED))
                fill = STATUS_LOOKS[_COVERAGE_LOOKS[cell.coverage]].fill
                commands.append(("BACKGROUND", (2 + offset, len(rows)), (2 + offset, len(rows)), fill))
            rows.append([_row_number(row + 1), about, *cells])
        story += ruled_table(rows, [10 * mm, width - 10 * mm - column * len(shown), *([column] * len(shown))], commands)
    if stack.gaps:
        story.append(_fixed("Gaps a top-up assessment would close", SUBHEADING))
        story += _numbered(stack.gaps, width)
    return story


def _as_list(flowables: Flowable | list[Flowable]) -> list[Flowable]:
    return flowables if isinstance(flowables, list) else [flowables]


def _credential_outcome(number: int | None) -> str:
    # A decision not made on this very case may name an outcome the case words differently.
    return "section 1" if number is None else f"section 1, outcome {number}"


def _compared(outcome: str, in_full: str) -> Flowable | list[Flowable]:
    """An outcome in the comparison: a long one by its start, as sections 1 and 2 give every outcome in full."""
    if len(outcome) <= _COMPARED_CHARACTERS:
        return _text(outcome)
    start = outcome[:_COMPARED_CHARACTERS].rsplit(maxsplit=1)[0]
    return [_text(f"{start} …"), _fixed(f"In full in {in_full}.", SMALL)]


def _findings(decision: Decision, width: float) -> list[Flowable]:
    story: list[Flowable] = [_heading(5, "Findings by rule set")]
    if not decision.findings:
        story.append(_fixed("The assessment recorded no findings.", BODY))
    for rule_set, title in RULE_SET_TITLES.items():
        findings = [f for f in decision.findings if f.rule_set is rule_set]
        if not findings:
            continue
        story.append(_fixed(title, SUBHEADING))
        story += _findings_table(findings, width)
    return story


def _findings_by_credential(decision: Decision, stack: Stack, width: float) -> list[Flowable]:
    """Section 5 for a stack: each credential's findings, then those about the stack as a whole."""
    story: list[Flowable] = [_heading(5, "Findings, credential by credential and for the stack")]
    groups = [
        (f"{c.label}: {STACK_ROLE_WORDS[c.role]}", f"credential {c.index + 1}", decision.findings_about(c.index))
        for c in stack.credentials
    ]
    groups.append(("The stack", "the stack", decision.findings_about(None)))
    for title, about, findings in groups:
        if not findings:
            continue
        story.append(_text(title, SUBHEADING))
        story += _findings_table(findings, width, about)
    return story


def _findings_table(findings: Sequence[Finding], width: float, about: str | None = None) -> list[Flowable]:
    """The findings with their basis; in a stack, ``about`` names the credential (or the stack) in the header
    row, which is repeated on every page the table runs onto."""
    heading = f"Finding about {about} and its basis" if about else "Finding and its basis"
    rows: list[list[object]] = [[_fixed(h, CELL_HEAD) for h in ("Status", "Element", heading)]]
    fills: list[tuple[int, Status]] = []
    for finding in findings:
        fills.append((len(rows), finding.status))
        rows.append(
            [
                _status_cell(finding.status),
                _label(ELEMENT_LABELS[finding.element]),
                [
                    _text(finding.message),
                    Paragraph(f"Basis: {markup(finding.citation)} · <i>{markup(finding.rule_id)}</i>", SMALL),
                ],
            ]
        )
    return ruled_table(rows, [20 * mm, 26 * mm, width - 46 * mm], grid() + _status_fills(fills, 0))


def _recommendation(decision: Decision, width: float) -> list[Flowable]:
    recommendation = decision.recommendation
    inner: list[Flowable] = [
        _fixed(OUTCOME_WORDS[recommendation.outcome], OUTCOME),
        Spacer(1, 2),
    ]
    if recommendation.credits_shown is not None:
        inner.append(_fixed(f"<b>{recommendation.ects_label}:</b> {_number(recommendation.credits_shown)}", BODY))
    if recommendation.summary.strip():
        inner.append(_text(recommendation.summary, BODY))
    for title, items in (
        ("Conditions to be met", recommendation.conditions),
        ("Information required before a decision (LRC Art. III.3)", recommendation.information_lines),
    ):
        if items:
            inner.append(_fixed(title, SUBHEADING))
            inner += _numbered(items, width - 12 * mm)
    box = _Row([[inner]], colWidths=[width], hAlign="LEFT")
    _may_break(box)
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.4, ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 6 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    return [_heading(6, "Recommendation"), box]


def _differences_and_appeal(decision: Decision, width: float) -> list[Flowable]:
    recommendation = decision.recommendation
    story: list[Flowable] = [_heading(7, "Substantial differences and appeal")]
    differences = recommendation.substantial_differences
    if differences:
        rows: list[list[object]] = [[_fixed(h, CELL_HEAD) for h in ("Element", "Substantial difference", "Basis")]]
        for difference in differences:
            rows.append(
                [
                    _label(ELEMENT_LABELS[difference.element], CELL_BOLD),
                    _text(difference.description),
                    _text(difference.citation, SMALL),
                ]
            )
        story += ruled_table(rows, [28 * mm, width - 78 * mm, 50 * mm], grid())
    else:
        story.append(_fixed("No substantial difference was recorded.", BODY))
    story.append(_fixed("Appeal", SUBHEADING))
    story.append(_text(recommendation.appeal, BODY, "The appeal route is not stated in the decision."))
    story.append(_fixed(_APPEAL_BASIS, SMALL))
    return story


def _on_this_text(decision: Decision, recorded: Sequence[RecordedDecision]) -> tuple[RecordedDecision | None, int]:
    """The latest decision recorded on the case text this report judges, and how many were recorded on it."""
    same = [kept for kept in recorded if kept.case_sha256 == decision.case_sha256]
    return (max(same, key=lambda kept: kept.id) if same else None), len(same)


def _as_recommended(decision: Decision, kept: RecordedDecision) -> bool:
    """The outcome and the credits are the ones the recommendation above gives."""
    recommendation = decision.recommendation
    return kept.final_outcome is recommendation.outcome and kept.final_ects == recommended_credits(recommendation)


def _record_note(kept: RecordedDecision | None, count: int, earlier: int) -> str:
    """Which recorded decision the form shows, or why it shows none."""
    if kept is None:
        if earlier:
            return (
                f"The {earlier} decision(s) recorded for this case judged an earlier text of it; "
                "none is shown for the text above."
            )
        return "No decision has been recorded for this case yet."
    when = kept.recorded_at.strftime("%Y-%m-%d %H:%M UTC")
    which = f"Decision #{kept.id}, recorded {when}" + (
        f", the latest of {count} on this case text" if count > 1 else ""
    )
    if kept.final_outcome is None:
        return f"{which}, records the recommendation only: the final decision is still to be made."
    return f"{which}, as kept in the case store."


def _evaluator_decision(
    case: Case, settings: ReportSettings, width: float, decision: Decision, recorded: Sequence[RecordedDecision]
) -> list[Flowable]:
    """The form for the evaluator's decision, filled in from the latest decision recorded on this case text."""
    line_height = 9 * mm
    label_width = 40 * mm
    padding = 6

    def blank(lines: int) -> Table:
        table = Table([[""] for _ in range(lines)], colWidths=[width - label_width - padding], rowHeights=line_height)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, MUTED)]))
        return table

    def written(text: str | None, lines: int = 1) -> Flowable:
        return blank(lines) if text is None else _text(text, CELL)

    kept, count = _on_this_text(decision, recorded)
    decided = kept if kept is not None and kept.final_outcome is not None else None
    as_recommended = decided is not None and _as_recommended(decision, decided)
    otherwise = decided is not None and not as_recommended
    tick = {True: "[&nbsp;X&nbsp;]", False: "[&nbsp;&nbsp;&nbsp;]"}
    final_outcome = decided.final_outcome if decided is not None else None
    ects: str | None = None
    if decided is not None:
        ects = _number(decided.final_ects)
        if ects is None:
            ects = (
                "not applicable: no credits are sought"
                if case.credits_sought is None
                else "none yet: information is required"
                if decided.final_outcome is Outcome.INFORMATION_REQUIRED
                else "not recorded"
            )
    rows: list[list[object]] = [
        [
            _fixed("Final decision", CELL_HEAD),
            [
                _fixed(
                    f"{tick[as_recommended]} as recommended&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;"
                    f"{tick[otherwise]} otherwise, as follows:",
                    CELL,
                ),
                _fixed(OUTCOME_WORDS[final_outcome], CELL_BOLD) if otherwise and final_outcome else blank(1),
            ],
        ],
        [_fixed("ECTS recognised", CELL_HEAD), written(ects)],
        [
            _fixed("Justification", CELL_HEAD),
            written((decided.justification or "None given.") if decided is not None else None, 4),
        ],
        *(
            [[_fixed("Departs from precedent", CELL_HEAD), _text(decided.divergence_reason, CELL)]]
            if decided is not None and decided.divergence_reason
            else []
        ),
        [
            _fixed("Evaluator", CELL_HEAD),
            written(kept.decided_by if kept is not None else settings.evaluator_name or None),
        ],
        [_fixed("Signature", CELL_HEAD), blank(1)],
        [_fixed("Date", CELL_HEAD), written(decided.recorded_at.date().isoformat() if decided is not None else None)],
    ]
    table = Table(rows, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # Labels sit on their writing line, as on a paper form; the two taller entries read from the top.
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("VALIGN", (0, 0), (0, 0), "TOP"),
                ("VALIGN", (0, 2), (0, 3 if decided is not None and decided.divergence_reason else 2), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (0, -1), 5),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (0, -1), 4),
            ]
        )
    )
    note = _fixed(_record_note(kept, count, len(recorded) - count), SMALL) if recorded else None
    return [
        KeepTogether(
            [
                _heading(8, "Decision of the evaluator"),
                _fixed(
                    "The recommendation above supports the decision; it does not make it. The evaluator records the "
                    "final decision and its justification here (LRC Art. I: an assessment is a written appraisal; "
                    "Art. III.5: reasons and appeal).",
                    SMALL,
                ),
                *([note, Spacer(1, 1.5 * mm)] if note is not None else []),
                table,
            ]
        )
    ]
