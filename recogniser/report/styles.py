"""The report's type, colours and table looks, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from recogniser.i18n import N_
from recogniser.model import Status
from recogniser.report.fonts import BASE_BOLD_FONT, BASE_FONT

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6368")
ACCENT = colors.HexColor("#1F3A5F")
RULE = colors.HexColor("#B8C0CC")
HEADER_FILL = colors.HexColor("#E9EEF4")
BOX_FILL = colors.HexColor("#F4F7FB")

PAGE_MARGIN = 18 * mm
FOOTER_SIZE = 7.0


@dataclass(frozen=True)
class StatusLook:
    #: The mark as printed in a status column, translated where it is shown.
    label: str
    ink: colors.Color
    fill: colors.Color


STATUS_LOOKS: dict[Status, StatusLook] = {
    Status.PASS: StatusLook(N_("PASS"), colors.HexColor("#1B5E20"), colors.HexColor("#E3F2E5")),
    Status.WARNING: StatusLook(N_("WARNING"), colors.HexColor("#7A4F00"), colors.HexColor("#FFF3D6")),
    Status.FAIL: StatusLook(N_("FAIL"), colors.HexColor("#9A1B1B"), colors.HexColor("#FBE3E1")),
    Status.UNKNOWN: StatusLook(N_("UNKNOWN"), colors.HexColor("#37474F"), colors.HexColor("#E6EAED")),
    Status.NOT_APPLICABLE: StatusLook(N_("N/A"), colors.HexColor("#616161"), colors.HexColor("#F2F2F2")),
}


def _style(name: str, **values: object) -> ParagraphStyle:
    defaults: dict[str, object] = {"fontName": BASE_FONT, "fontSize": 9, "leading": 12.2, "textColor": INK}
    return ParagraphStyle(name, **{**defaults, **values})


BODY = _style("body", spaceAfter=3)
SMALL = _style("small", fontSize=7.6, leading=10, textColor=MUTED)
RUNNING_HEAD = ParagraphStyle("running-head", parent=SMALL, fontSize=FOOTER_SIZE, leading=FOOTER_SIZE + 2)
#: The note under a heading; it stays on the page of what it introduces, as headings do.
INTRO = ParagraphStyle("intro", parent=SMALL, keepWithNext=1)
CELL = _style("cell", fontSize=8.4, leading=11)
CELL_BOLD = _style("cell-bold", fontName=BASE_BOLD_FONT, fontSize=8.4, leading=11)
CELL_HEAD = _style("cell-head", fontName=BASE_BOLD_FONT, fontSize=7.8, leading=10, textColor=ACCENT)
CELL_CENTRED = _style("cell-centred", fontName=BASE_BOLD_FONT, fontSize=7.4, leading=10, alignment=TA_CENTER)
TITLE = _style("title", fontName=BASE_BOLD_FONT, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=2)
OFFICE = _style("office", fontName=BASE_BOLD_FONT, fontSize=10.5, leading=13, textColor=INK, alignment=TA_RIGHT)
OFFICE_DETAIL = _style("office-detail", fontSize=8, leading=10.5, textColor=MUTED, alignment=TA_RIGHT)
HEADING = _style(
    "heading",
    fontName=BASE_BOLD_FONT,
    fontSize=11.5,
    leading=14.5,
    textColor=ACCENT,
    spaceBefore=11,
    spaceAfter=5,
    keepWithNext=1,
)
SUBHEADING = _style(
    "subheading", fontName=BASE_BOLD_FONT, fontSize=9.4, leading=12, spaceBefore=6, spaceAfter=3, keepWithNext=1
)
OUTCOME = _style("outcome", fontName=BASE_BOLD_FONT, fontSize=13, leading=16.5, textColor=ACCENT)


def grid(header_rows: int = 1) -> list[tuple[object, ...]]:
    """Commands for a ruled table with a tinted header row."""
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    return commands
