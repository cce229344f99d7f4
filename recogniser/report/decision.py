"""The last sections: the recommendation (6), the substantial differences and the appeal (7, where the outcome is
not full recognition), and the form for the evaluator's decision (numbered after whichever came before)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from recogniser.decision_policy import recommended_credits
from recogniser.i18n import N_, _, phrase, plural, shown, translate
from recogniser.model import Case, Decision, Outcome, Recommendation
from recogniser.report.blocks import (
    BreakingRow,
    figure,
    fixed,
    may_break,
    numbered,
    row_label,
    ruled_table,
    section_heading,
    user_text,
)
from recogniser.report.recorded import RecordedDecision
from recogniser.report.settings import ReportSettings
from recogniser.report.styles import (
    ACCENT,
    BODY,
    BOX_FILL,
    CELL,
    CELL_BOLD,
    CELL_HEAD,
    MUTED,
    OUTCOME,
    RULE,
    SMALL,
    SUBHEADING,
    grid,
)
from recogniser.vocabulary import element_label, label, outcome_label

_APPEAL_BASIS = N_(
    "Revised Recommendation on Criteria and Procedures (2010): reasons are given for any decision short of the "
    "recognition requested, with the possibilities of appeal; Lisbon Recognition Convention, Art. III.5: reasons "
    "for a refusal and the right to appeal. The substantial differences above are the reasons."
)


def recommendation_box(decision: Decision, width: float) -> list[Flowable]:
    recommendation = decision.recommendation
    inner: list[Flowable] = [
        fixed(outcome_label(recommendation.outcome), OUTCOME),
        Spacer(1, 2),
    ]
    if recommendation.credits_shown is not None:
        credits = shown(phrase("{credits}:", credits=translate(recommendation.ects_label)))
        inner.append(fixed(f"<b>{credits}</b> {figure(recommendation.credits_shown)}", BODY))
    if recommendation.summary.strip():
        inner.append(user_text(shown(recommendation.summary), BODY))
    for title, items in (
        (_("Conditions to be met"), [shown(condition) for condition in recommendation.conditions]),
        (_("Information required before a decision (LRC Art. III.3)"), _information_lines(recommendation)),
    ):
        if items:
            inner.append(fixed(title, SUBHEADING))
            inner += numbered(items, width - 12 * mm)
    box = BreakingRow([[inner]], colWidths=[width], hAlign="LEFT")
    may_break(box)
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
    return [section_heading(6, _("Recommendation")), box]


def _information_lines(recommendation: Recommendation) -> list[str]:
    """Each item asked for, with who supplies it, in the reader's language."""
    items = recommendation.information_required
    suppliers = recommendation.information_suppliers
    if len(suppliers) != len(items):
        return [shown(item) for item in items]
    return [
        shown(phrase("{item} ({supplier})", item=item, supplier=label(supplier)))
        for item, supplier in zip(items, suppliers, strict=True)
    ]


def differences_and_appeal(decision: Decision, width: float) -> list[Flowable]:
    recommendation = decision.recommendation
    story: list[Flowable] = [section_heading(7, _("Substantial differences and appeal"))]
    differences = recommendation.substantial_differences
    if differences:
        headings = (_("Element"), _("Substantial difference"), _("Basis"))
        rows: list[list[object]] = [[fixed(h, CELL_HEAD) for h in headings]]
        for difference in differences:
            rows.append(
                [
                    row_label(element_label(difference.element), CELL_BOLD),
                    user_text(shown(difference.description)),
                    user_text(shown(difference.citation), SMALL),
                ]
            )
        story += ruled_table(rows, [28 * mm, width - 78 * mm, 50 * mm], grid())
    else:
        story.append(fixed(_("No substantial difference was recorded."), BODY))
    story.append(fixed(_("Appeal"), SUBHEADING))
    story.append(user_text(shown(recommendation.appeal), BODY, _("The appeal route is not stated in the decision.")))
    story.append(fixed(translate(_APPEAL_BASIS), SMALL))
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
            return shown(
                plural(
                    "The {n} decision recorded for this case judged an earlier text of it; none is shown for the "
                    "text above.",
                    "The {n} decisions recorded for this case judged an earlier text of it; none is shown for the "
                    "text above.",
                    n=earlier,
                )
            )
        return _("No decision has been recorded for this case yet.")
    when = phrase("{moment} UTC", moment=kept.recorded_at.replace(second=0, microsecond=0))
    which = (
        phrase(
            "Decision #{number}, recorded {when}, the latest of {count} on this case text",
            number=str(kept.id),
            when=when,
            count=count,
        )
        if count > 1
        else phrase("Decision #{number}, recorded {when}", number=str(kept.id), when=when)
    )
    if kept.final_outcome is None:
        return shown(
            phrase(
                "{decision}, records the recommendation only: the final decision is still to be made.", decision=which
            )
        )
    return shown(phrase("{decision}, as kept in the case store.", decision=which))


def evaluator_decision(
    case: Case,
    settings: ReportSettings,
    width: float,
    decision: Decision,
    recorded: Sequence[RecordedDecision],
    *,
    section: int,
) -> list[Flowable]:
    """The form for the evaluator's decision, section number ``section``, filled in from the latest decision
    recorded on this case text."""
    line_height = 9 * mm
    label_width = 40 * mm
    padding = 6

    def blank(lines: int) -> Table:
        table = Table([[""] for _ in range(lines)], colWidths=[width - label_width - padding], rowHeights=line_height)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, MUTED)]))
        return table

    def written(text: str | None, lines: int = 1) -> Flowable:
        return blank(lines) if text is None else user_text(text, CELL)

    kept, count = _on_this_text(decision, recorded)
    decided = kept if kept is not None and kept.final_outcome is not None else None
    as_recommended = decided is not None and _as_recommended(decision, decided)
    otherwise = decided is not None and not as_recommended
    tick = {True: "[&nbsp;X&nbsp;]", False: "[&nbsp;&nbsp;&nbsp;]"}
    final_outcome = decided.final_outcome if decided is not None else None
    ects: str | None = None
    if decided is not None:
        ects = figure(decided.final_ects)
        if ects is None:
            ects = (
                _("not applicable: no credits are sought")
                if case.credits_sought is None
                else _("none yet: information is required")
                if decided.final_outcome is Outcome.INFORMATION_REQUIRED
                else _("not recorded")
            )
    rows: list[list[object]] = [
        [
            fixed(_("Final decision"), CELL_HEAD),
            [
                fixed(
                    f"{tick[as_recommended]} {_('as recommended')}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;"
                    f"{tick[otherwise]} {_('otherwise, as follows:')}",
                    CELL,
                ),
                fixed(outcome_label(final_outcome), CELL_BOLD) if otherwise and final_outcome else blank(1),
            ],
        ],
        [fixed(_("ECTS recognised"), CELL_HEAD), written(ects)],
        [
            fixed(_("Justification"), CELL_HEAD),
            written((decided.justification or _("None given.")) if decided is not None else None, 4),
        ],
        *(
            [[fixed(_("Departs from precedent"), CELL_HEAD), user_text(decided.divergence_reason, CELL)]]
            if decided is not None and decided.divergence_reason
            else []
        ),
        [
            fixed(_("Evaluator"), CELL_HEAD),
            written(kept.decided_by if kept is not None else settings.evaluator_name or None),
        ],
        [fixed(_("Signature"), CELL_HEAD), blank(1)],
        [fixed(_("Date"), CELL_HEAD), written(decided.recorded_at.date().isoformat() if decided is not None else None)],
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
    note = fixed(_record_note(kept, count, len(recorded) - count), SMALL) if recorded else None
    return [
        KeepTogether(
            [
                section_heading(section, _("Decision of the evaluator")),
                fixed(
                    _(
                        "The recommendation above supports the decision; it does not make it. The evaluator records "
                        "the final decision and its justification here (LRC Art. I: an assessment is a written "
                        "appraisal; Art. III.5: reasons and appeal)."
                    ),
                    SMALL,
                ),
                *([note, Spacer(1, 1.5 * mm)] if note is not None else []),
                table,
            ]
        )
    ]
