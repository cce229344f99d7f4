"""Colours, status icons and the plain-language labels of the domain's vocabularies.

Icons are painted rather than shipped so they stay sharp at any scale and need no resource file.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPen, QPixmap

from recogniser.model import (
    AssessmentType,
    Outcome,
    Participation,
    ProviderKind,
    Purpose,
    QADecision,
    RuleSet,
    Status,
)
from recogniser.ui.translations import translate as _tr

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


def status_label(status: Status) -> str:
    return {
        Status.PASS: _tr("Pass"),
        Status.WARNING: _tr("Warning"),
        Status.FAIL: _tr("Fail"),
        Status.UNKNOWN: _tr("Unknown"),
        Status.NOT_APPLICABLE: _tr("Not applicable"),
    }[status]


def rule_set_label(rule_set: RuleSet) -> str:
    return {
        RuleSet.AUTHENTICITY: _tr("Authenticity"),
        RuleSet.COMPLETENESS: _tr("Annex I elements"),
        RuleSet.LISBON: _tr("Lisbon Recognition Convention"),
        RuleSet.QF: _tr("Level and workload (QF-EHEA, EQF, ECTS)"),
        RuleSet.ESG: _tr("Quality assurance (ESG)"),
        RuleSet.OUTCOMES: _tr("Learning outcomes"),
    }[rule_set]


def outcome_label(outcome: Outcome) -> str:
    return {
        Outcome.FULL_RECOGNITION: _tr("Full recognition"),
        Outcome.ALTERNATIVE_RECOGNITION: _tr("Alternative recognition"),
        Outcome.PARTIAL_RECOGNITION: _tr("Partial recognition"),
        Outcome.CONDITIONAL_RECOGNITION: _tr("Recognition with conditions"),
        Outcome.NON_RECOGNITION: _tr("Non-recognition"),
        Outcome.INFORMATION_REQUIRED: _tr("Information required"),
    }[outcome]


def purpose_label(purpose: Purpose) -> str:
    return {
        Purpose.ADMISSION: _tr("Admission to a programme"),
        Purpose.CREDIT_TRANSFER: _tr("Credit transfer (stacking)"),
        Purpose.EMPLOYMENT: _tr("Employment"),
        Purpose.RPL: _tr("Recognition of prior learning"),
    }[purpose]


def assessment_type_label(kind: AssessmentType) -> str:
    return {
        AssessmentType.WRITTEN_EXAM: _tr("Written exam"),
        AssessmentType.ORAL_EXAM: _tr("Oral exam"),
        AssessmentType.PRACTICAL: _tr("Practical"),
        AssessmentType.PROJECT: _tr("Project"),
        AssessmentType.PORTFOLIO: _tr("Portfolio"),
        AssessmentType.ONLINE_QUIZ: _tr("Online quiz"),
        AssessmentType.ATTENDANCE_ONLY: _tr("Attendance only"),
        AssessmentType.NONE: _tr("No assessment"),
        AssessmentType.OTHER: _tr("Other"),
    }[kind]


def participation_label(participation: Participation) -> str:
    return {
        Participation.ONSITE: _tr("Onsite"),
        Participation.ONLINE: _tr("Online"),
        Participation.BLENDED: _tr("Blended"),
        Participation.WORK_BASED: _tr("Work-based"),
        Participation.VOLUNTEERING: _tr("Volunteering"),
    }[participation]


def provider_kind_label(kind: ProviderKind) -> str:
    return {
        ProviderKind.HIGHER_EDUCATION_INSTITUTION: _tr("Higher education institution"),
        ProviderKind.VET_PROVIDER: _tr("VET provider"),
        ProviderKind.PRIVATE_PROVIDER: _tr("Private provider"),
        ProviderKind.EMPLOYER: _tr("Employer"),
        ProviderKind.PROFESSIONAL_BODY: _tr("Professional body"),
        ProviderKind.PUBLIC_AUTHORITY: _tr("Public authority"),
        ProviderKind.OTHER: _tr("Other"),
    }[kind]


def qa_decision_label(decision: QADecision) -> str:
    return {
        QADecision.POSITIVE: _tr("Positive"),
        QADecision.POSITIVE_WITH_CONDITIONS: _tr("Positive with conditions"),
        QADecision.NEGATIVE: _tr("Negative"),
        QADecision.NOT_APPLICABLE: _tr("Not applicable"),
    }[decision]
