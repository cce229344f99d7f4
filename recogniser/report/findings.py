"""Sections 3 and 5: the five elements with their marks, and the findings with their basis, by rule set or, in a
stack, credential by credential."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from recogniser.elements import FIVE_ELEMENTS, element_status
from recogniser.i18n import N_, _, phrase, shown, translate
from recogniser.model import Decision, Element, Finding, Stack, Status
from recogniser.report.blocks import (
    fixed,
    row_label,
    ruled_table,
    section_heading,
    status_cell,
    status_fills,
    user_text,
)
from recogniser.report.case_facts import credential_name
from recogniser.report.styles import BODY, CELL, CELL_BOLD, CELL_HEAD, INTRO, SMALL, SUBHEADING, grid
from recogniser.report.text import markup
from recogniser.vocabulary import RULE_SET_TITLES, element_label, label, rule_set_title

_FIVE_ELEMENT_QUESTIONS: dict[Element, str] = {
    Element.LEVEL: N_("Is the level stated and appropriate for the purpose?"),
    Element.WORKLOAD: N_("Is the workload stated, plausible and sufficient?"),
    Element.QUALITY: N_("Is the provider's quality assured?"),
    Element.PROFILE: N_("Does the credential's profile fit the purpose?"),
    Element.LEARNING_OUTCOMES: N_("Do the outcomes match what is sought?"),
}


def five_elements(decision: Decision, width: float) -> list[Flowable]:
    rows: list[list[object]] = [[fixed(h, CELL_HEAD) for h in (_("Element"), _("Status"), _("Why"))]]
    fills: list[tuple[int, Status]] = []
    for element in FIVE_ELEMENTS:
        status = element_status(decision, element)
        fills.append((len(rows), status))
        deciding = [f for f in decision.findings if f.element is element and f.status is status]
        reasons: list[Flowable] = _reasons_by_credential(deciding, decision.stack) or [
            fixed(f'<font color="#5F6368">{_("No finding speaks to this element: not judged.")}</font>', CELL)
        ]
        rows.append(
            [
                [
                    row_label(element_label(element), CELL_BOLD),
                    fixed(translate(_FIVE_ELEMENT_QUESTIONS[element]), SMALL),
                ],
                status_cell(status),
                reasons,
            ]
        )
    return [
        section_heading(3, _("The five elements")),
        fixed(
            _(
                "Level, workload, quality, profile and learning outcomes, as the European Area of Recognition manual "
                "judges a qualification. Each mark is the worst status among the findings on that element."
            ),
            INTRO,
        ),
        *ruled_table(rows, [42 * mm, 22 * mm, width - 64 * mm], grid() + status_fills(fills, 1)),
    ]


#: How long a credential's title may run where the five elements name it (its section 1 gives it in full).
_SHORT_TITLE = 48


def _reasons_by_credential(findings: Sequence[Finding], stack: Stack | None) -> list[Flowable]:
    """The findings' messages; in a stack, under the name of the credential each is about (or the stack's)."""
    if stack is None:
        return [user_text(shown(f.message)) for f in findings]
    reasons: list[Flowable] = []
    names = {c.index: c for c in stack.credentials}
    for index in dict.fromkeys(f.credential for f in findings):
        stacked = names.get(index) if index is not None else None
        if stacked is None:
            name = f"<b>{_('The stack')}</b>"
        else:
            title = stacked.title or ""
            short = title if len(title) <= _SHORT_TITLE else title[:_SHORT_TITLE].rsplit(" ", 1)[0].rstrip(",;:") + "…"
            number = f"<b>{shown(phrase('Credential {number}', number=stacked.index + 1))}</b>"
            name = shown(phrase("{credential} '{title}'", credential=number, title=markup(short))) if short else number
        if reasons:
            reasons.append(Spacer(1, 3))
        reasons.append(fixed(name, CELL))
        reasons += [user_text(shown(f.message)) for f in findings if f.credential == index]
    return reasons


def findings_by_rule_set(decision: Decision, width: float) -> list[Flowable]:
    story: list[Flowable] = [section_heading(5, _("Findings by rule set"))]
    if not decision.findings:
        story.append(fixed(_("The assessment recorded no findings."), BODY))
    for rule_set in RULE_SET_TITLES:
        findings = [f for f in decision.findings if f.rule_set is rule_set]
        if not findings:
            continue
        story.append(fixed(rule_set_title(rule_set), SUBHEADING))
        story += _findings_table(findings, width)
    return story


def findings_by_credential(decision: Decision, stack: Stack, width: float) -> list[Flowable]:
    """Section 5 for a stack: each credential's findings, then those about the stack as a whole."""
    story: list[Flowable] = [section_heading(5, _("Findings, credential by credential and for the stack"))]
    groups = [
        (
            f"{credential_name(c)}: {label(c.role)}",
            shown(phrase("Finding about credential {number} and its basis", number=c.index + 1)),
            decision.findings_about(c.index),
        )
        for c in stack.credentials
    ]
    groups.append((_("The stack"), _("Finding about the stack and its basis"), decision.findings_about(None)))
    for title, heading, findings in groups:
        if not findings:
            continue
        story.append(user_text(title, SUBHEADING))
        story += _findings_table(findings, width, heading)
    return story


def _findings_table(findings: Sequence[Finding], width: float, heading: str | None = None) -> list[Flowable]:
    """The findings with their basis; in a stack, ``heading`` names the credential (or the stack) in the header
    row, which is repeated on every page the table runs onto."""
    rows: list[list[object]] = [
        [fixed(h, CELL_HEAD) for h in (_("Status"), _("Element"), heading or _("Finding and its basis"))]
    ]
    fills: list[tuple[int, Status]] = []
    for finding in findings:
        fills.append((len(rows), finding.status))
        rows.append(
            [
                status_cell(finding.status),
                row_label(element_label(finding.element)),
                [
                    user_text(shown(finding.message)),
                    Paragraph(
                        shown(
                            phrase(
                                "Basis: {citation} · {rule}",
                                citation=markup(shown(finding.citation)),
                                rule=f"<i>{markup(finding.rule_id)}</i>",
                            )
                        ),
                        SMALL,
                    ),
                ],
            ]
        )
    return ruled_table(rows, [23 * mm, 27 * mm, width - 50 * mm], grid() + status_fills(fills, 0))
