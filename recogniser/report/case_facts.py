"""Sections 1 and 2: the micro-credential (or each credential of a stack) element by element, and what recognition
is sought for."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from recogniser.annex_i import ANNEX_I, ANNEX_I_NUMBERING
from recogniser.casefile import credential_case
from recogniser.elements import annex_i_elements
from recogniser.model import STACK_ROLE_WORDS, Case, Credential, Stack, StackRole, Status
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
from recogniser.vocabulary import OUTCOME_LABELS, PURPOSE_LABELS


def single_credential(case: Case, width: float) -> list[Flowable]:
    return [
        section_heading(1, "The micro-credential, element by element"),
        fixed(f"Checked against the standard elements of {ANNEX_I}. {ANNEX_I_NUMBERING}", INTRO),
        *_annex_i(case.credential, width),
    ]


def stacked_credentials(case: Case, stack: Stack, width: float, attached: frozenset[str]) -> list[Flowable]:
    """A section per credential of a stack: what it counts for in the stack, its own recommendation, its
    authenticity where imported, and its elements."""
    story: list[Flowable] = [
        section_heading(1, f"The {len(stack.credentials)} micro-credentials, each element by element"),
        fixed(
            f"Assessed together towards the target (a stack). Each is checked against the standard elements of "
            f"{ANNEX_I} and assessed on its own first; what it counts for in the stack follows from that. "
            f"{ANNEX_I_NUMBERING}",
            INTRO,
        ),
    ]
    for stacked in stack.credentials:
        credential = case.credentials[stacked.index] if stacked.index < len(case.credentials) else None
        story.append(fixed(f"1.{stacked.index + 1}&nbsp;&nbsp;{markup(stacked.label)}", SUBHEADING))
        role = STACK_ROLE_WORDS[stacked.role]
        credits = ""
        if stacked.ects is not None:
            credits = f"{stacked.ects:g} ECTS"
            if stacked.role is StackRole.COUNTED and stacked.ects_counted is not None:
                credits += f", {stacked.ects_counted:g} counted towards the target"
        rows: list[tuple[str, Flowable]] = [
            ("In the stack", fixed(f"<b>{role}</b>" + (f" ({credits})" if credits else ""), CELL)),
            ("On its own", fixed(OUTCOME_LABELS[stacked.own_outcome], CELL)),
        ]
        if stacked.reasons:
            rows.append(("Why", user_text("; ".join(stacked.reasons))))
        provenance = provenance_of(credential_case(case, stacked.index).document) if credential else None
        if provenance is not None:
            rows.append(("Authenticity", authenticity(provenance)))
            rows.append(("Original credential", user_text(original_file(provenance, provenance.sha256 in attached))))
        story.append(key_values(rows, width))
        if credential is not None:
            story += _annex_i(credential, width, f"credential {stacked.index + 1}")
    return story


def _annex_i(credential: Credential, width: float, about: str | None = None) -> list[Flowable]:
    """The Annex I elements as stated; in a stack, ``about`` names the credential in the header row, which is
    repeated on every page the table runs onto."""
    elements = annex_i_elements(credential)
    stated = f"As stated in {about}" if about else "As stated"
    rows: list[list[object]] = [[fixed(h, CELL_HEAD) for h in ("No.", "Element", stated, "")]]
    commands = grid()
    for group, mandatory in (("Mandatory elements", True), ("Optional elements", False)):
        commands += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), BOX_FILL),
        ]
        rows.append([fixed(group, CELL_BOLD), "", "", ""])
        for element in (e for e in elements if e.mandatory is mandatory):
            if element.value is None:
                mark = fixed('<font color="#9A1B1B">MISSING</font>' if mandatory else "not stated", CELL_CENTRED)
                if mandatory:
                    commands.append(("BACKGROUND", (3, len(rows)), (3, len(rows)), STATUS_LOOKS[Status.FAIL].fill))
            else:
                mark = fixed("", CELL)
            rows.append([row_number(element.number, ""), row_label(element.label), user_text(element.value), mark])
    missing = [e for e in elements if e.mandatory and e.value is None]
    story: list[Flowable] = [*ruled_table(rows, [10 * mm, 52 * mm, width - 84 * mm, 22 * mm], commands)]
    if missing:
        story.append(
            fixed(f"{len(missing)} of the 11 mandatory elements {'is' if len(missing) == 1 else 'are'} missing.", SMALL)
        )
    outcomes = credential.learning_outcomes or ()
    if outcomes:
        story.append(fixed("Learning outcomes stated in the credential", SUBHEADING))
        story += numbered(outcomes, width)
    return story


def target_sought(case: Case, width: float) -> list[Flowable]:
    story: list[Flowable] = [section_heading(2, "What recognition is sought for")]
    target = case.target
    if target is None:
        story.append(
            fixed(
                f"Purpose: {PURPOSE_LABELS[case.purpose].lower()}. No target programme or component is named; "
                "the credential is judged for the purpose as such.",
                BODY,
            )
        )
        return story
    rows: list[tuple[str, Flowable]] = [
        ("Purpose", fixed(PURPOSE_LABELS[case.purpose], CELL)),
        ("Programme or component", user_text(target.title, CELL_BOLD, "not stated")),
        ("Institution", user_text(target.institution, CELL, "not stated")),
        ("EQF level", user_text(str(target.eqf_level) if target.eqf_level is not None else None, CELL, "not stated")),
        ("ECTS sought", user_text(figure(target.ects), CELL, "not stated")),
    ]
    story.append(key_values(rows, width))
    if target.learning_outcomes:
        story.append(fixed("Learning outcomes of the target", SUBHEADING))
        story += numbered(target.learning_outcomes, width)
    return story
