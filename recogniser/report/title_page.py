"""The top of the report's first page: the office's letterhead, the title with the case's key facts and the
credential's authenticity, and a note where some text cannot be printed."""

from __future__ import annotations

from datetime import date
from itertools import chain

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from recogniser.i18n import _, phrase, shown, written_date
from recogniser.isolation import texts_in
from recogniser.model import Case, Decision, Status
from recogniser.provenance import Authenticity, Provenance, provenance_of
from recogniser.report.blocks import fixed, key_values, user_text
from recogniser.report.settings import ReportSettings
from recogniser.report.styles import ACCENT, CELL, CELL_BOLD, INTRO, OFFICE, OFFICE_DETAIL, STATUS_LOOKS, TITLE
from recogniser.report.text import has_unprintable, markup, text_flowable
from recogniser.vocabulary import label, outcome_label, purpose_label


def letterhead(settings: ReportSettings, width: float) -> list[Flowable]:
    office = [text_flowable(settings.office, OFFICE)]
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


def title_block(
    case: Case,
    decision: Decision,
    settings: ReportSettings,
    width: float,
    today: date,
    *,
    original_attached: bool,
    decision_section: int,
) -> list[Flowable]:
    """The title and the case's key facts; ``decision_section`` is the number of the section for the evaluator's
    decision, which the introduction names."""
    recommendation = decision.recommendation
    procedure = case.procedure
    rows: list[tuple[str, Flowable]] = [
        (_("Case reference"), user_text(decision.reference or case.reference, CELL_BOLD, _("not assigned"))),
        (_("Date of report"), fixed(written_date(today), CELL)),
        (_("Purpose"), fixed(purpose_label(decision.purpose), CELL)),
        (_("Assessing country"), user_text(case.assessing_country)),
        # The dates the four months to a decision run between (2010 Revised Recommendation), where the case gives them.
        *[
            (heading, fixed(written_date(day), CELL))
            for heading, day in (
                (_("File received on"), procedure.received_on),
                (_("File complete on"), procedure.complete_on),
            )
            if day is not None
        ],
        (_("Evaluator"), user_text(settings.evaluator_name, CELL, _("not named"))),
        (
            _("Facts judged as of"),
            fixed(written_date(decision.as_of) if decision.as_of else _("the date of issue"), CELL),
        ),
        (_("Recommended outcome"), fixed(outcome_label(recommendation.outcome), CELL_BOLD)),
    ]
    provenance = provenance_of(case.document)
    if provenance is not None:
        # Checked first (EAR manual): the authenticity and the original file stand with the outcome.
        rows.append((_("Authenticity"), authenticity(provenance)))
        rows.append((_("Original credential"), user_text(original_file(provenance, original_attached))))
    return [
        fixed(_("Recognition recommendation"), TITLE),
        fixed(
            shown(
                phrase(
                    "Assessment of a micro-credential under the Lisbon Recognition Convention, the qualifications "
                    "frameworks of the EHEA and the ESG. This is a recommendation: the evaluator's decision is "
                    "recorded in section {number}.",
                    number=str(decision_section),
                )
            ),
            INTRO,
        ),
        Spacer(1, 3 * mm),
        key_values(rows, width),
    ]


def authenticity(provenance: Provenance) -> Flowable:
    look = STATUS_LOOKS[_AUTHENTICITY_STATUS[provenance.authenticity]]
    words = label(provenance.authenticity)
    colour = "#" + look.ink.hexval()[2:]
    return fixed(f'<font color="{colour}"><b>{words}</b></font> - {markup(shown(provenance.reason))}', CELL)


#: How each tier is coloured: as the finding the authenticity rule set gives it.
_AUTHENTICITY_STATUS = {
    Authenticity.VERIFIED: Status.PASS,
    Authenticity.SIGNER_NOT_ESTABLISHED: Status.UNKNOWN,
    Authenticity.OTHER_SIGNER: Status.WARNING,
    Authenticity.FAILED: Status.FAIL,
    Authenticity.NOT_CHECKED: Status.UNKNOWN,
    Authenticity.NO_SIGNATURE: Status.UNKNOWN,
}


def original_file(provenance: Provenance, attached: bool) -> str:
    name = provenance.file_name or _("the credential file")
    digest = f", SHA-256 {provenance.sha256}" if provenance.sha256 else ""
    # The case store keeps the original of a case imported with --save or saved from the window; a report made
    # from a case file alone has only its SHA-256 to compare a file against.
    where = _("attached to this PDF") if attached else _("not attached to this report: compare a copy by its SHA-256")
    return f"{name}{digest}; {where}"


def unprintable_notice(
    case: Case, decision: Decision, settings: ReportSettings, width: float, case_attached: bool
) -> list[Flowable]:
    """Where some text cannot be printed, a note saying so and where the original is: the report ships fonts for
    the European scripts and Arabic, not the 20 MB and more of Chinese, Japanese and Korean ones (and reportlab
    draws no colour emoji), so such text stands as "[n characters not printable]" rather than as empty boxes."""
    texts = chain(texts_in(case), texts_in(decision), texts_in(settings))
    if not any(has_unprintable(text) for text in texts):
        return []
    where = (
        _(
            "The original text is in the case file attached to this PDF (in the attachments of a PDF reader): "
            "check it there before deciding."
        )
        if case_attached
        else _("The original text is in the case file this report was made from: check it there before deciding.")
    )
    return unprintable_note(where, width)


def unprintable_note(where_the_original_is: str, width: float) -> list[Flowable]:
    """A boxed note that text in this PDF stands as "[n characters not printable]", with the sentence
    ``where_the_original_is`` (fixed wording, in the reader's language) saying where to read it."""
    shown_as = _("[<i>n</i> characters not printable]")
    explained = phrase(
        "Characters in a script the fonts of this PDF do not cover (Chinese, Japanese or Korean, emoji and others) "
        "are shown as {mark}.",
        mark=shown_as,
    )
    note = fixed(f"<b>{_('Some text could not be printed.')}</b> {shown(explained)} {where_the_original_is}", CELL)
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
