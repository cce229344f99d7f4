"""The comparison as a PDF for the plenary: a chart of the outcomes per case, then each case in detail.

Built with the report's fonts, styles and text handling, so group names, justifications and case titles in any
script (Cyrillic, Georgian, Arabic...) print as written.
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Iterator, Sequence
from itertools import chain

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from recogniser import __version__, i18n
from recogniser.files import write_bytes_atomically
from recogniser.i18n import _, phrase, shown, translate
from recogniser.isolation import isolate_decision, texts_in
from recogniser.joining import in_list
from recogniser.model import Status, plain_number
from recogniser.report.blocks import named_label, ruled_table
from recogniser.report.fonts import BASE_BOLD_FONT, BASE_FONT, register_fonts
from recogniser.report.render import a4_document, build_streamed
from recogniser.report.styles import (
    BODY,
    CELL,
    CELL_BOLD,
    CELL_HEAD,
    HEADING,
    INTRO,
    MUTED,
    RULE,
    SMALL,
    STATUS_LOOKS,
    SUBHEADING,
    TITLE,
    grid,
)
from recogniser.report.text import has_unprintable, markup, text_flowable
from recogniser.report.title_page import unprintable_note
from recogniser.rules import DEFAULT_RULEBOOK
from recogniser.seminar.compare import (
    CHART_COLOURS,
    OUTCOME_ORDER,
    CaseComparison,
    Comparison,
    justification_limit,
    printed_justification,
    thousands,
)
from recogniser.vocabulary import outcome_label, purpose_label

_BAR_HEIGHT = 20.0
#: Cases in one part of the outcome chart: with its legend and axis, 30 bars fill most of an A4 page.
CASES_PER_CHART = 30
_LABEL_WIDTH = 150.0
_TOOL_WIDTH = 120.0
#: Case ids are long hyphenated words: a smaller size keeps them on one line in the overview.
_CASE_ID = ParagraphStyle("case-id", parent=CELL, fontSize=7.4)


def render_comparison_pdf(comparison: Comparison) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    pack = comparison.pack
    document = a4_document(
        buffer,
        title=shown(phrase("Seminar comparison: {title}", title=pack.title)),
        subject=_("Comparison of breakout groups' recognition verdicts"),
    )
    footer = shown(
        phrase(
            "Pack {pack}, version {version} · manifest SHA-256 {sha256}…",
            pack=pack.pack_id,
            version=pack.version,
            sha256=pack.manifest_sha256[:16],
        )
    )
    # Made and written a case at a time: a pack of 200 cases with 50 groups' long justifications runs to
    # thousands of pages, which must never be in memory all at once.
    build_streamed(document, comparison_story_parts(comparison, document.width), footer)
    return buffer.getvalue()


def write_comparison_pdf(path: str | os.PathLike[str], comparison: Comparison) -> None:
    """Render and write atomically: readers see the old file or the whole new one."""
    write_bytes_atomically(path, render_comparison_pdf(comparison))


def comparison_story_parts(comparison: Comparison, width: float) -> Iterator[list[Flowable]]:
    """The comparison's story: its opening (numbers, chart, overview), then each case's section, each made only
    when asked for."""
    limit = justification_limit(comparison)
    yield _opening(comparison, width, limit)
    for case in comparison.cases:
        # The tool's sentences quoting a right-to-left value from the case keep their direction.
        tool = isolate_decision(case.tool, comparison.pack.case(case.case_id).case)
        yield _case_section(dataclasses.replace(_printed(case, limit), tool=tool), width)


def _printed(case: CaseComparison, limit: int | None) -> CaseComparison:
    """``case`` with its justifications as printed: the longest shortened when there are too many to print."""
    if limit is None:
        return case
    verdicts = tuple(
        dataclasses.replace(verdict, justification=printed_justification(verdict.justification, limit))
        for verdict in case.verdicts
    )
    return dataclasses.replace(case, verdicts=verdicts)


def _opening(comparison: Comparison, width: float, limit: int | None) -> list[Flowable]:
    pack = comparison.pack
    story: list[Flowable] = [
        Paragraph(_("Seminar comparison"), TITLE),
        text_flowable(pack.title, SUBHEADING),
        _key_values(
            [
                (_("Pack"), shown(phrase("{pack}, version {version}", pack=pack.pack_id, version=pack.version))),
                (_("Built with"), _tool(pack.tool_version, pack.rulebook_version)),
                (_("Compared with"), _tool(__version__, DEFAULT_RULEBOOK.version)),
                (
                    _("Groups"),
                    shown(
                        phrase("{count}: {groups}", count=len(comparison.groups), groups=", ".join(comparison.groups))
                    ),
                ),
            ],
            width,
        ),
        *_unprintable_notice(comparison, width, limit),
        *_shortening_notice(limit),
        Paragraph(_("Agreement"), HEADING),
        Paragraph(
            shown(
                phrase(
                    "Mean agreement (share of the most frequent outcome per case): {mean}. Verdicts matching the "
                    "tool's recommendation: {with_tool}.",
                    mean=f"<b>{_percent(comparison.mean_agreement)}</b>",
                    with_tool=f"<b>{_percent(comparison.tool_agreement)}</b>",
                )
            ),
            BODY,
        ),
        text_flowable(shown(comparison.kappa.explanation), BODY),
    ]
    if comparison.rejected:
        story.append(Paragraph(_("Responses left out"), SUBHEADING))
        rows: list[list[object]] = [[Paragraph(h, CELL_HEAD) for h in (_("File"), _("Group"), _("Reason"))]]
        rows += [
            [
                text_flowable(os.path.basename(rejection.source), CELL),
                text_flowable(rejection.group or "-", CELL),
                text_flowable(shown(in_list(rejection.reasons)), CELL),
            ]
            for rejection in comparison.rejected
        ]
        story += _table(rows, [0.25 * width, 0.15 * width, 0.6 * width])
    if comparison.warnings:
        story.append(Paragraph(_("Notes on the responses"), SUBHEADING))
        story += [text_flowable(shown(warning), SMALL) for warning in comparison.warnings]
    story += [
        Paragraph(_("Outcomes per case"), HEADING),
        *outcome_charts(comparison, width),
        Spacer(1, 10),
        *_overview(comparison, width),
    ]
    return story


def _shortening_notice(limit: int | None) -> list[Flowable]:
    if limit is None:
        return []
    return [
        Spacer(1, 6),
        Paragraph(
            shown(
                phrase(
                    "The groups' justifications are too long to print all of them: those longer than {limit} "
                    "characters are shortened to about that length here, each saying how much is left out. The whole "
                    "text is in the groups' response files.",
                    limit=thousands(limit),
                )
            ),
            SMALL,
        ),
    ]


def _unprintable_notice(comparison: Comparison, width: float, limit: int | None) -> list[Flowable]:
    """The report's note on "[n characters not printable]", where a group name, a justification or a case's
    text printed here has characters the bundled fonts do not draw (Chinese, Japanese, Korean, emoji)."""
    printed = chain(
        (comparison.pack.title, *comparison.groups, *comparison.warnings),
        texts_in(comparison.rejected),
        *(_case_texts(_printed(case, limit)) for case in comparison.cases),
    )
    if not any(has_unprintable(text) for text in printed):
        return []
    return [
        Spacer(1, 6),
        *unprintable_note(
            _("The original text is in the groups' response files and in the pack's case files: check it there."),
            width,
        ),
    ]


def _case_texts(case: CaseComparison) -> Iterator[str]:
    """The texts of ``case`` that :func:`_case_section` and the overview print."""
    yield from (case.case_id, case.title, case.tool.recommendation.summary)
    yield from texts_in(case.verdicts)
    if case.divergent:
        yield from texts_in(case.tool_findings)


def outcome_charts(comparison: Comparison, width: float) -> list[Flowable]:
    """The outcome chart in parts of at most :data:`CASES_PER_CHART` cases, each part a page high at most: a pack
    may hold 200 cases, a chart of all of them would be taller than a page. Each part has the heading, its legend,
    axis and tool column, and says which cases it shows."""
    cases = comparison.cases
    parts: list[Flowable] = []
    for start in range(0, len(cases), CASES_PER_CHART):
        part = cases[start : start + CASES_PER_CHART]
        if start:
            parts.append(Paragraph(_("Outcomes per case"), HEADING))
        if len(cases) > CASES_PER_CHART:
            said = phrase("Cases {first}–{last} of {count}", first=start + 1, last=start + len(part), count=len(cases))
            parts.append(Paragraph(shown(said), INTRO))
        parts.append(outcome_chart(comparison, width, part))
    return parts


def outcome_chart(comparison: Comparison, width: float, cases: Sequence[CaseComparison]) -> Drawing:
    """Stacked bars: per case, the number of groups that chose each outcome; the tool's outcome beside each bar."""
    groups = max(len(comparison.groups), 1)
    legend_height = 30.0
    axis_title_height = 24.0
    plot_height = _BAR_HEIGHT * len(cases)
    height = plot_height + legend_height + axis_title_height + 14
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = _LABEL_WIDTH
    chart.y = legend_height + axis_title_height
    chart.width = width - _LABEL_WIDTH - _TOOL_WIDTH
    chart.height = plot_height
    # The first case at the top, as in the tables.
    ordered = list(reversed(cases))
    chart.data = [[case.counts[outcome] for case in ordered] for outcome in OUTCOME_ORDER]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [_short(case.case_id, 34) for case in ordered]
    chart.categoryAxis.labels.fontName = BASE_FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = groups
    chart.valueAxis.valueStep = 1 if groups <= 12 else max(1, groups // 10)
    chart.valueAxis.labels.fontName = BASE_FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E7ED")
    chart.barSpacing = 0
    chart.groupSpacing = 6
    chart.bars.strokeColor = colors.white
    chart.bars.strokeWidth = 0.6
    for index, outcome in enumerate(OUTCOME_ORDER):
        chart.bars[index].fillColor = colors.HexColor(CHART_COLOURS[outcome])
    drawing.add(chart)
    drawing.add(
        String(chart.x + chart.width + 8, chart.y + plot_height + 4, _("Tool"), fontName=BASE_BOLD_FONT, fontSize=7.5)
    )
    step = plot_height / len(ordered)
    for index, case in enumerate(ordered):
        drawing.add(
            String(
                chart.x + chart.width + 8,
                chart.y + step * index + step / 2 - 2.5,
                outcome_label(case.tool_outcome),
                fontName=BASE_FONT,
                fontSize=7.5,
                fillColor=MUTED,
            )
        )
    drawing.add(
        String(
            chart.x + chart.width / 2,
            chart.y - 20,
            _("number of groups"),
            fontName=BASE_FONT,
            fontSize=7,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    legend = Legend()
    legend.x = 0
    legend.y = legend_height - 4
    legend.alignment = "right"
    legend.columnMaximum = 2
    legend.deltax = width / 3
    legend.dxTextSpace = 4
    legend.dx = 8
    legend.dy = 8
    legend.fontName = BASE_FONT
    legend.fontSize = 7.5
    legend.colorNamePairs = [
        (colors.HexColor(CHART_COLOURS[outcome]), outcome_label(outcome)) for outcome in OUTCOME_ORDER
    ]
    drawing.add(legend)
    return drawing


def _overview(comparison: Comparison, width: float) -> list[Flowable]:
    # A soft hyphen lets the narrow column break the word where the language allows.
    headings = (_("Case"), _("Tool"), _("Groups"), _("Agree\u00adment"), _("With the tool"))
    rows: list[list[object]] = [[Paragraph(h, CELL_HEAD) for h in headings]]
    for case in comparison.cases:
        distribution = ", ".join(f"{outcome_label(o)} {n}" for o, n in case.counts.items() if n)
        rows.append(
            [
                text_flowable(case.case_id, _CASE_ID),
                Paragraph(markup(_tool_text(case)), CELL),
                Paragraph(markup(distribution), CELL),
                Paragraph(_percent(case.agreement), CELL),
                Paragraph(_percent(case.tool_agreement), CELL),
            ]
        )
    return _table(rows, [0.3 * width, 0.2 * width, 0.3 * width, 0.1 * width, 0.1 * width])


def _case_section(case: CaseComparison, width: float) -> list[Flowable]:
    recommendation = case.tool.recommendation
    heading = [
        text_flowable(shown(phrase("{case}: {title}", case=case.case_id, title=case.title)), HEADING),
        Paragraph(markup(purpose_label(case.purpose)), SMALL),
        Paragraph(f"<b>{_('Tool:')}</b> {markup(_tool_text(case))}", BODY),
        text_flowable(shown(recommendation.summary), SMALL),
    ]
    headings = (_("Group"), _("Outcome"), _("ECTS"), _("Justification"))
    rows: list[list[object]] = [[Paragraph(h, CELL_HEAD) for h in headings]]
    differs: list[int] = []
    for index, verdict in enumerate(case.verdicts, start=1):
        if verdict.outcome is not case.tool_outcome:
            differs.append(index)
        rows.append(
            [
                named_label(verdict.group, CELL_BOLD),
                Paragraph(markup(outcome_label(verdict.outcome)), CELL),
                Paragraph(_ects(verdict.ects), CELL),
                text_flowable(verdict.justification or _("(no justification given)"), CELL),
            ]
        )
    verdicts = _table(
        rows,
        [0.17 * width, 0.2 * width, 0.08 * width, 0.55 * width],
        [("BACKGROUND", (0, row), (-1, row), colors.HexColor("#FFF3D6")) for row in differs],
    )
    opening: list[Flowable] = [*heading, Spacer(1, 3), *verdicts]
    if differs:
        opening.append(Paragraph(_("Shaded: the group decided otherwise than the tool."), SMALL))
    section: list[Flowable] = [KeepTogether(opening)]
    if case.divergent and case.tool_findings:
        finding_rows: list[list[object]] = [[Paragraph(h, CELL_HEAD) for h in (_("Check"), _("Finding"), _("Basis"))]]
        fills: list[tuple[object, ...]] = []
        # Failures first: they are what changed the outcome.
        ordered = sorted(case.tool_findings, key=lambda f: f.status is not Status.FAIL)
        for index, found in enumerate(ordered, start=1):
            look = STATUS_LOOKS[found.status]
            fills.append(("BACKGROUND", (0, index), (0, index), look.fill))
            finding_rows.append(
                [
                    Paragraph(translate(look.label), CELL_BOLD),
                    text_flowable(shown(found.message), CELL),
                    text_flowable(shown(found.citation), SMALL),
                ]
            )
        findings = _table(finding_rows, [0.12 * width, 0.56 * width, 0.32 * width], fills)
        section.append(
            KeepTogether([Paragraph(_("The tool's findings, to discuss where groups differ"), SUBHEADING), *findings])
        )
    return section


def _key_values(rows: Sequence[tuple[str, str]], width: float) -> Table:
    table = Table(
        [[Paragraph(label, CELL_HEAD), text_flowable(value, CELL)] for label, value in rows],
        colWidths=[0.2 * width, 0.8 * width],
    )
    table.setStyle(TableStyle(grid(header_rows=0)))
    return table


def _table(
    rows: list[list[object]], widths: Sequence[float], extra: Sequence[tuple[object, ...]] = ()
) -> list[Flowable]:
    """The report's ruled table: a row too tall for a page breaks over it, and the column headings open every page
    the table goes on over."""
    return ruled_table(rows, widths, [*grid(), *extra])


def _tool(version: str, rulebook: str) -> str:
    return shown(phrase("Recogniser {version}, rulebook {rulebook}", version=version, rulebook=rulebook))


def _tool_text(case: CaseComparison) -> str:
    recommendation = case.tool.recommendation
    ects = recommendation.credits_shown
    outcome = outcome_label(recommendation.outcome)
    return outcome if ects is None else shown(phrase("{outcome}, {ects} ECTS", outcome=outcome, ects=_ects(ects)))


def _ects(value: float | None) -> str:
    number = plain_number(value)
    return "-" if number is None else i18n.number(number)


def _percent(value: float | None) -> str:
    return _("n/a") if value is None else shown(phrase("{percent}%", percent=round(value * 100)))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
