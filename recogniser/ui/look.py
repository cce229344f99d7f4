"""Colours, status icons and the plain-language labels of the domain's vocabularies.

Icons are painted rather than shipped so they stay sharp at any scale and need no resource file.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPen, QPixmap

from recogniser.model import (
    Outcome,
    Status,
)

# Every colour text is written in reads at a contrast of at least 4.5:1 on the window and on a list's white
# (WCAG 2.1 AA, success criterion 1.4.3).

#: Status colours chosen to stay distinguishable for the common colour-vision deficiencies; each icon also
#: carries a distinct glyph so colour is never the only signal.
STATUS_COLOURS: dict[Status, str] = {
    Status.PASS: "#177a33",
    Status.WARNING: "#9e4f00",
    Status.FAIL: "#c62828",
    Status.UNKNOWN: "#5661b3",
    Status.NOT_APPLICABLE: "#626a73",
}
_STATUS_GLYPHS: dict[Status, str] = {
    Status.PASS: "✓",
    Status.WARNING: "!",
    Status.FAIL: "✕",
    Status.UNKNOWN: "?",
    Status.NOT_APPLICABLE: "–",
}

OUTCOME_COLOURS: dict[Outcome, str] = {
    Outcome.FULL_RECOGNITION: STATUS_COLOURS[Status.PASS],
    Outcome.ALTERNATIVE_RECOGNITION: "#0b6e99",
    Outcome.PARTIAL_RECOGNITION: "#0b6e99",
    Outcome.CONDITIONAL_RECOGNITION: STATUS_COLOURS[Status.WARNING],
    Outcome.NON_RECOGNITION: "#c62828",
    Outcome.INFORMATION_REQUIRED: "#5661b3",
}

ERROR_COLOUR = "#c62828"
#: Captions, citations, numbers and hints: quieter than the text, still readable.
SECONDARY_TEXT_COLOUR = "#5f5f5f"
#: The background that shows, for a moment, the field a finding is about.
HIGHLIGHT_COLOUR = "#ffe08a"


@cache
def status_icon(status: Status, size: int = 32) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.PenStyle.NoPen))
    painter.setBrush(QColor(STATUS_COLOURS[status]))
    margin = size * 0.06
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(QPointF(0, 0), QPointF(size, size)), Qt.AlignmentFlag.AlignCenter, _STATUS_GLYPHS[status])
    painter.end()
    return QIcon(pixmap)


def in_reading_order(text: str) -> str:
    """``text`` marked to run in the interface's direction.

    A paragraph takes its direction from its first letter, so a summary that opens with an Arabic title would
    otherwise be laid out right to left inside an English sentence.
    """
    mark = "\u200f" if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"
    return mark + text


def local_time(moment: datetime) -> str:
    """A stored moment (UTC) as the evaluator's clock shows it, to the minute, in an order every office reads."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
