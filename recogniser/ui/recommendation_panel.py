"""The recommended outcome beside the editor: the rules' recommendation, what keeps the case from being
assessed, and the decisions recorded on it."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recogniser.case_checks import Problem
from recogniser.i18n import number, shown
from recogniser.model import Decision, Outcome
from recogniser.ui.document import field_of
from recogniser.ui.look import ERROR_COLOUR, OUTCOME_COLOURS, SECONDARY_TEXT_COLOUR, in_reading_order, local_time
from recogniser.ui.session import Assessment
from recogniser.ui.translations import labelled
from recogniser.vocabulary import outcome_label

if TYPE_CHECKING:
    from recogniser.store import StoredDecision


def rich_text(text: str) -> str:
    """Text from the case or the rules, safe in rich text and laid out in the interface's direction."""
    return in_reading_order(html.escape(text).replace("\n", "<br>"))


class RecommendationPanel(QScrollArea):
    """The recommended outcome and everything that stands behind it."""

    decision_requested = Signal()
    #: The path of a field a listed problem is about, when the evaluator follows its link.
    field_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: How a problem reads in the list; the window names the field as the form labels it.
        self.describe_problem: Callable[[Problem], str] = str
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.text = QLabel()
        self.text.setObjectName("recommendation")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.text.linkActivated.connect(self.field_requested)
        self.text.setAccessibleName(self.tr("Recommendation"))
        self.decide_button = QPushButton(self.tr("Record decision…"))
        self.decide_button.setAccessibleName(self.tr("Record the final decision"))
        self.decide_button.clicked.connect(self.decision_requested)
        # Whether the case was decided, and the button to decide it, come first: the recommendation and the
        # recorded decisions below it run longer than the pane.
        self.decided = QLabel()
        self.decided.setObjectName("decided")
        self.decided.setWordWrap(True)
        self.decided.setTextFormat(Qt.TextFormat.RichText)
        self.decided.setAccessibleName(self.tr("Latest recorded decision"))
        self.decided.hide()
        self.history = QLabel()
        self.history.setObjectName("decisionHistory")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setAccessibleName(self.tr("Recorded decisions"))
        self.history.hide()
        self.decided.linkActivated.connect(lambda _link: self.ensureWidgetVisible(self.history))
        layout = QVBoxLayout(body)
        layout.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.decided)
        layout.addWidget(self.text)
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_assessment(Assessment())

    def show_assessment(self, assessment: Assessment) -> None:
        self.decide_button.setEnabled(assessment.complete)
        if assessment.decision is not None and assessment.problems and assessment.stale:
            self.text.setText(
                self.tr("<h3>Not reassessed yet</h3><p>Fix the fields marked in red to update the recommendation:</p>")
                + self._problem_list(assessment.problems)
                + f"<p style='color:{SECONDARY_TEXT_COLOUR}'>"
                + html.escape(self.tr("As assessed before the change:"))
                + f"</p><div style='color:{SECONDARY_TEXT_COLOUR}'>{self._decision_html(assessment.decision)}</div>"
            )
        elif assessment.decision is not None and assessment.problems:
            self.text.setText(
                f"<div style='font-size:15pt; font-weight:600; color:{OUTCOME_COLOURS[Outcome.INFORMATION_REQUIRED]}'>"
                f"{html.escape(outcome_label(Outcome.INFORMATION_REQUIRED))}</div><p>"
                + html.escape(self.tr("The recommendation needs the target programme. Fill in:"))
                + "</p>"
                + self._problem_list(assessment.problems)
                + f"<p style='color:{SECONDARY_TEXT_COLOUR}'>"
                + html.escape(self.tr("Meanwhile the findings below judge the credential on its own."))
                + "</p>"
            )
        elif assessment.decision is not None:
            self.text.setText(self._decision_html(assessment.decision))
        elif assessment.problems:
            self.text.setText(
                self.tr("<h3>Not assessed yet</h3><p>Fix the fields marked in red to see the recommendation:</p>")
                + self._problem_list(assessment.problems)
            )
        elif assessment.failure is not None:
            self.text.setText(
                self.tr(
                    "<h3>The assessment could not run</h3><p>{failure}</p><p>The case can still be saved.</p>"
                ).format(failure=html.escape(assessment.failure))
            )
        else:
            self.text.setText(
                self.tr("<p style='color:{colour}'>The recommendation appears here as you type.</p>").format(
                    colour=SECONDARY_TEXT_COLOUR
                )
            )

    def _problem_list(self, problems: Sequence[Problem]) -> str:
        """The problems in red, each a link to its field."""
        items = "".join(
            f"<li><a style='color:{ERROR_COLOUR}' href='{html.escape(field_of(p.field))}'>"
            f"{html.escape(self.describe_problem(p))}</a></li>"
            for p in problems
        )
        return f"<ul style='color:{ERROR_COLOUR}'>{items}</ul>"

    def _outcome_with_credits(self, record: StoredDecision) -> str:
        """The recorded outcome and, where credits are sought, the credits that go with it."""
        if record.ects_recognised is None:
            return outcome_label(record.outcome)
        return self.tr("{outcome}, {ects} ECTS").format(
            outcome=outcome_label(record.outcome), ects=number(record.ects_recognised)
        )

    def show_history(self, decisions: Sequence[StoredDecision]) -> None:
        """The decisions recorded for the stored case, newest first; the latest also on top of the pane."""
        self.decided.setVisible(bool(decisions))
        if decisions:
            latest = decisions[-1]
            self.decided.setText(
                self.tr("<b>Decided:</b> <b style='color:{colour}'>{outcome}</b> by {who} on {when} — {link}").format(
                    colour=OUTCOME_COLOURS[latest.outcome],
                    outcome=html.escape(self._outcome_with_credits(latest)),
                    who=html.escape(latest.decided_by),
                    when=html.escape(local_time(latest.recorded_at)),
                    link="<a href='history'>" + html.escape(self.tr("see below")) + "</a>",
                )
            )
        rows = []
        for record in reversed(decisions):
            when = local_time(record.recorded_at)
            outcome = self._outcome_with_credits(record)
            line = (
                f"<b style='color:{OUTCOME_COLOURS[record.outcome]}'>{html.escape(outcome)}</b> — "
                f"{html.escape(record.decided_by)}, {when}"
            )
            if record.final_outcome is not None and record.final_outcome is not record.recommended_outcome:
                line += (
                    f"<br><span style='color:{SECONDARY_TEXT_COLOUR}'>"
                    + html.escape(
                        self.tr("recommended: {outcome}").format(outcome=outcome_label(record.recommended_outcome))
                    )
                    + "</span>"
                )
            if record.justification:
                line += f"<br><i>{rich_text(record.justification)}</i>"
            rows.append(f"<li>{line}</li>")
        self.history.setText(
            "<p><b>" + html.escape(self.tr("Recorded decisions")) + "</b></p><ul>" + "".join(rows) + "</ul>"
        )
        self.history.setVisible(bool(rows))

    def _decision_html(self, decision: Decision) -> str:
        recommendation = decision.recommendation
        colour = OUTCOME_COLOURS[recommendation.outcome]
        heading = self.tr("Recommended by the rules")
        parts = [
            f"<div style='color:{SECONDARY_TEXT_COLOUR}'>{html.escape(heading)}</div>"
            f"<div style='font-size:15pt; font-weight:600; color:{colour}'>"
            f"{html.escape(outcome_label(recommendation.outcome))}</div>"
        ]
        if recommendation.credits_shown is not None:
            label = (
                self.tr("ECTS recognised in another form")
                if recommendation.outcome is Outcome.ALTERNATIVE_RECOGNITION
                else self.tr("ECTS recognised")
            )
            parts.append(f"<p>{labelled(f'<b>{html.escape(label)}</b>', number(recommendation.credits_shown))}</p>")
        if recommendation.summary:
            parts.append(f"<p>{rich_text(shown(recommendation.summary))}</p>")
        sections = (
            (
                self.tr("Substantial differences"),
                [
                    f"{rich_text(shown(d.description))} "
                    f"<i style='color:{SECONDARY_TEXT_COLOUR}'>({rich_text(shown(d.citation))})</i>"
                    for d in recommendation.substantial_differences
                ],
            ),
            (self.tr("Conditions"), [rich_text(shown(c)) for c in recommendation.conditions]),
            (self.tr("Information required"), [rich_text(shown(i)) for i in recommendation.information_lines]),
        )
        for title, items in sections:
            if items:
                parts.append(f"<p><b>{html.escape(title)}</b></p><ul>" + "".join(f"<li>{i}</li>" for i in items))
                parts.append("</ul>")
        if recommendation.appeal:
            parts.append(
                self.tr("<p><b>Appeal:</b> {appeal}</p>").format(appeal=rich_text(shown(recommendation.appeal)))
            )
        return "".join(parts)
