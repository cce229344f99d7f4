"""Sections 1 and 2: the micro-credential (or each credential of a stack) element by element, and what recognition
is sought for."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from recogniser.annex_i import ANNEX_I_NUMBERING
from recogniser.casefile import credential_case
from recogniser.elements import annex_i_elements
from recogniser.i18n import N_, _, phrase, plural, shown, translate
from recogniser.model import Case, Credential, Stack, StackedCredential, StackRole, Status
from recogniser.provenance import provenance_of
from recogniser.report.blocks import (
    figure,
    fixed,
    key_values,
    numbered,
    row_label,
    row_number,
    ruled_table,
    section_heading,
    user_text,
)
from recogniser.report.styles import (
    BODY,
    BOX_FILL,
    CELL,
    CELL_BOLD,
    CELL_CENTRED,
    CELL_HEAD,
    INTRO,
    SMALL,
    STATUS_LOOKS,
    SUBHEADING,
    grid,
)
from recogniser.report.text import markup
from recogniser.report.title_page import authenticity, original_file
from recogniser.vocabulary import label, outcome_label, purpose_label, words

_STACK_INTRODUCED = N_(
    "Assessed together towards the target (a stack). Each is checked against the standard elements of Council "
    "Recommendation 2022/C 243/02, Annex I and assessed on its own first; what it counts for in the stack follows "
    "from that."
)


def single_credential(case: Case, width: float) -> list[Flowable]:
    return [
        section_heading(1, _("The micro-credential, element by element")),
        fixed(
            f"{_('Checked against the standard elements of Council Recommendation 2022/C 243/02, Annex I.')} "
            f"{translate(ANNEX_I_NUMBERING)}",
            INTRO,
        ),
        *_annex_i(case.credential, width),
    ]


def stacked_credentials(case: Case, stack: Stack, width: float, attached: frozenset[str]) -> list[Flowable]:
    """A section per credential of a stack: what it counts for in the stack, its own recommendation, its
    authenticity where imported, and its elements."""
    story: list[Flowable] = [
        section_heading(
            1, shown(phrase("The {n} micro-credentials, each element by element", n=len(stack.credentials)))
        ),
        fixed(
            f"{translate(_STACK_INTRODUCED)} {translate(ANNEX_I_NUMBERING)}",
            INTRO,
        ),
    ]
    for stacked in stack.credentials:
        credential = case.credentials[stacked.index] if stacked.index < len(case.credentials) else None
        story.append(fixed(f"1.{stacked.index + 1}&nbsp;&nbsp;{markup(credential_name(stacked))}", SUBHEADING))
        rows: list[tuple[str, Flowable]] = [
            (_("In the stack"), fixed(_in_the_stack(stacked), CELL)),
            (_("On its own"), fixed(outcome_label(stacked.own_outcome), CELL)),
        ]
        if stacked.reasons:
            rows.append((_("Why"), user_text("; ".join(shown(reason) for reason in stacked.reasons))))
        provenance = provenance_of(credential_case(case, stacked.index).document) if credential else None
        if provenance is not None:
            rows.append((_("Authenticity"), authenticity(provenance)))
            rows.append((_("Original credential"), user_text(original_file(provenance, provenance.sha256 in attached))))
        story.append(key_values(rows, width))
        if credential is not None:
            story += _annex_i(credential, width, stacked.index + 1)
    return story


def credential_name(stacked: StackedCredential) -> str:
    """How the report names a credential of a stack: its number and title (the title as written)."""
    number = stacked.index + 1
    if stacked.title:
        return shown(phrase("Credential {number} '{title}'", number=number, title=stacked.title))
    return shown(phrase("Credential {number}", number=number))


def _in_the_stack(stacked: StackedCredential) -> str:
    """What a credential counts for in the stack (markup): its role, its credits and those counted."""
    role = f"<b>{label(stacked.role)}</b>"
    if stacked.ects is None:
        return role
    if stacked.role is StackRole.COUNTED and stacked.ects_counted is not None:
        credits = phrase(
            "{ects} ECTS, {counted} counted towards the target", ects=stacked.ects, counted=stacked.ects_counted
        )
    else:
        credits = phrase("{ects} ECTS", ects=stacked.ects)
    return f"{role} ({shown(credits)})"


def _annex_i(credential: Credential, width: float, number: int | None = None) -> list[Flowable]:
    """The Annex I elements as stated; in a stack, ``number`` names the credential in the header row, which is
    repeated on every page the table runs onto."""
    elements = annex_i_elements(credential)
    stated = shown(phrase("As stated in credential {number}", number=number)) if number else _("As stated")
    rows: list[list[object]] = [[fixed(h, CELL_HEAD) for h in (_("No."), _("Element"), stated, "")]]
    commands = grid()
    for group, mandatory in ((_("Mandatory elements"), True), (_("Optional elements"), False)):
        commands += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), BOX_FILL),
        ]
        rows.append([fixed(group, CELL_BOLD), "", "", ""])
        for element in (e for e in elements if e.mandatory is mandatory):
            if element.value is None:
                mark = fixed(
                    f'<font color="#9A1B1B">{_("MISSING")}</font>' if mandatory else _("not stated"), CELL_CENTRED
                )
                if mandatory:
                    commands.append(("BACKGROUND", (3, len(rows)), (3, len(rows)), STATUS_LOOKS[Status.FAIL].fill))
            else:
                mark = fixed("", CELL)
            rows.append([row_number(element.number, ""), row_label(element.label), user_text(element.value), mark])
    missing = [e for e in elements if e.mandatory and e.value is None]
    story: list[Flowable] = [*ruled_table(rows, [10 * mm, 52 * mm, width - 84 * mm, 22 * mm], commands)]
    if missing:
        story.append(
            fixed(
                shown(
                    plural(
                        "{n} of the 11 mandatory elements is missing.",
                        "{n} of the 11 mandatory elements are missing.",
                        n=len(missing),
                    )
                ),
                SMALL,
            )
        )
    outcomes = credential.learning_outcomes or ()
    if outcomes:
        story.append(fixed(_("Learning outcomes stated in the credential"), SUBHEADING))
        story += numbered(outcomes, width)
    return story


def target_sought(case: Case, width: float) -> list[Flowable]:
    story: list[Flowable] = [section_heading(2, _("What recognition is sought for"))]
    target = case.target
    if target is None:
        story.append(
            fixed(
                shown(
                    phrase(
                        "Purpose: {purpose}. No target programme or component is named; the credential is judged "
                        "for the purpose as such.",
                        purpose=words(case.purpose),
                    )
                ),
                BODY,
            )
        )
        return story
    rows: list[tuple[str, Flowable]] = [
        (_("Purpose"), fixed(purpose_label(case.purpose), CELL)),
        (_("Programme or component"), user_text(target.title, CELL_BOLD, _("not stated"))),
        (_("Institution"), user_text(target.institution, CELL, _("not stated"))),
        (
            _("EQF level"),
            user_text(str(target.eqf_level) if target.eqf_level is not None else None, CELL, _("not stated")),
        ),
        (_("ECTS sought"), user_text(figure(target.ects), CELL, _("not stated"))),
    ]
    story.append(key_values(rows, width))
    if target.learning_outcomes:
        story.append(fixed(_("Learning outcomes of the target"), SUBHEADING))
        story += numbered(target.learning_outcomes, width)
    return story
