"""The evaluator's final decision on a named case: an outcome (which may differ from the recommendation), the
credits it recognises where credits are sought, and its reasons."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recogniser.decision_policy import (
    credits_sought,
    grants_credits,
    reason_for_departing_owed,
    reasons_owed,
    recommended_credits,
)
from recogniser.i18n import number
from recogniser.model import Case, Outcome, Recommendation
from recogniser.precedents import Divergence, Precedent, divergence
from recogniser.ui.fields import keep_values_from_the_wheel
from recogniser.ui.look import ERROR_COLOUR, OUTCOME_COLOURS
from recogniser.ui.precedents_panel import divergence_html
from recogniser.ui.translations import translate as _tr
from recogniser.vocabulary import outcome_label


@dataclass(frozen=True)
class DecisionEntry:
    final_outcome: Outcome
    justification: str
    decided_by: str
    #: Credits recognised; None where none are sought or the outcome decides none.
    ects: float | None = None
    #: Why the decision departs from the office's earlier decisions on an equivalent case; None where it does not.
    divergence_reason: str | None = None


def justification_required(
    recommended: Outcome, final: Outcome, recommended_ects: float | None = None, final_ects: float | None = None
) -> bool:
    """Reasons are owed for departing from the recommendation, in outcome or in credits, and for any refusal
    (the decision policy, LRC III.5)."""
    return reasons_owed(recommended, final, recommended_ects, final_ects) is not None


def case_name(case: Case) -> str:
    """How the dialog names the case: its reference and the credential's title."""
    return " — ".join(part for part in (case.reference, case.credential.title) if part) or _tr("unsaved case")


class DecisionDialog(QDialog):
    def __init__(
        self,
        case: Case,
        recommendation: Recommendation,
        evaluator: str,
        parent: QWidget | None = None,
        precedents: Sequence[Precedent] = (),
    ) -> None:
        super().__init__(parent)
        self.precedents = list(precedents)
        name = case_name(case)
        self.setWindowTitle(self.tr("Record the decision: {case}").format(case=name))
        heading = QLabel(f"<b>{html.escape(name)}</b>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        heading.setObjectName("decisionCase")
        self.recommended = recommendation.outcome
        self.recommended_ects = recommended_credits(recommendation)
        self.credits_sought = credits_sought(case)
        recommended_text = outcome_label(self.recommended)
        if self.recommended_ects is not None:
            recommended_text += self.tr(", {ects} ECTS").format(ects=number(self.recommended_ects))
        recommended = QLabel(
            f"<b style='color:{OUTCOME_COLOURS[self.recommended]}'>{html.escape(recommended_text)}</b>"
        )
        recommended.setTextFormat(Qt.TextFormat.RichText)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Final outcome"))
        for outcome in Outcome:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.outcome.setCurrentIndex(self.outcome.findData(self.recommended.value))
        # Where credits are sought the credits granted are the decision (a partial recognition says how many).
        self.ects = QLineEdit("" if self.recommended_ects is None else number(self.recommended_ects))
        self.ects.setAccessibleName(self.tr("ECTS recognised"))
        if self.credits_sought is not None:
            self.ects.setPlaceholderText(self.tr("0 to {sought}").format(sought=number(self.credits_sought)))
            self.ects.setToolTip(
                self.tr("Credits recognised of the {sought} ECTS sought; decimals such as 2.5 are allowed").format(
                    sought=number(self.credits_sought)
                )
            )
        self.evaluator = QLineEdit(evaluator)
        self.evaluator.setAccessibleName(self.tr("Evaluator"))
        self.evaluator.setPlaceholderText(self.tr("your name"))
        self.justification = QPlainTextEdit()
        self.justification.setAccessibleName(self.tr("Justification"))
        self.justification.setTabChangesFocus(True)
        self.justification.setMinimumHeight(110)
        # Shown when the outcome or credits chosen depart from an equivalent earlier decision (LRC Art. III.2).
        self.divergence = QLabel()
        self.divergence.setObjectName("decisionDivergence")
        self.divergence.setWordWrap(True)
        self.divergence.setTextFormat(Qt.TextFormat.RichText)
        self.divergence.setAccessibleName(self.tr("Departure from precedent"))
        self.divergence_reason = QPlainTextEdit()
        self.divergence_reason.setAccessibleName(self.tr("Reason for departing from precedent"))
        self.divergence_reason.setPlaceholderText(
            self.tr("Why this case is decided otherwise than the office's earlier equivalent cases")
        )
        self.divergence_reason.setTabChangesFocus(True)
        self.divergence_reason.setMinimumHeight(70)
        self.requirement = QLabel()
        self.requirement.setWordWrap(True)
        self.requirement.setObjectName("decisionRequirement")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record decision"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Recommended"), recommended)
        form.addRow(self.tr("Final outcome"), self.outcome)
        credits = QWidget()
        credits_row = QHBoxLayout(credits)
        credits_row.setContentsMargins(0, 0, 0, 0)
        credits_row.addWidget(self.ects, 1)
        self.of_sought = QLabel()
        if self.credits_sought is not None:
            credits_row.addWidget(self.of_sought)
        self.credits_label = QLabel(self.tr("ECTS recognised"))
        form.addRow(self.credits_label, credits)
        form.setRowVisible(credits, self.credits_sought is not None)
        form.addRow(self.tr("Evaluator"), self.evaluator)
        form.addRow(self.tr("Justification"), self.justification)
        form.addRow(self.divergence)
        form.addRow(self.tr("Reason for departing"), self.divergence_reason)
        self.form = form
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.requirement)
        layout.addWidget(self.buttons)
        self.outcome.currentIndexChanged.connect(lambda _index: self._outcome_changed())
        self.ects.textChanged.connect(lambda _text: self._validate())
        self.evaluator.textChanged.connect(lambda _text: self._validate())
        self.justification.textChanged.connect(self._validate)
        self.divergence_reason.textChanged.connect(self._validate)
        keep_values_from_the_wheel(self)
        self.resize(560, 420)
        self._outcome_changed()

    def entry(self) -> DecisionEntry:
        final = Outcome(self.outcome.currentData())
        ects = self._credits()[0] if self._grants_credits(final) else None
        if final is Outcome.NON_RECOGNITION and self.credits_sought is not None:
            ects = 0
        reason = self.divergence_reason.toPlainText().strip() or None
        return DecisionEntry(
            final,
            self.justification.toPlainText().strip(),
            self.evaluator.text().strip(),
            ects,
            reason if self.departs(final, ects) is not None else None,
        )

    def departs(self, final: Outcome, ects: float | None) -> Divergence | None:
        """The equivalent earlier decisions that this outcome with these credits departs from, if any (the
        decision policy owes a reason for it)."""
        if reason_for_departing_owed(final, ects, self.precedents) is None:
            return None
        return divergence(final, ects, self.precedents)

    def _grants_credits(self, outcome: Outcome) -> bool:
        return grants_credits(outcome, self.credits_sought)

    def _credits(self) -> tuple[float | None, str]:
        """The credits typed and, when they cannot be recorded, why (naming the field)."""
        assert self.credits_sought is not None
        text = self.ects.text().strip().replace(",", ".")
        if not text:
            return None, self.tr("ECTS recognised: state the credits this decision recognises.")
        try:
            ects = float(text)
        except ValueError:
            return None, self.tr("ECTS recognised: write a number such as 2.5.")
        if not math.isfinite(ects) or not 0 <= ects <= self.credits_sought:
            return None, self.tr("ECTS recognised: from 0 to the {sought} ECTS sought.").format(
                sought=number(self.credits_sought)
            )
        return ects, ""

    def _outcome_changed(self) -> None:
        """A refusal recognises no credits and a request for information none yet; other outcomes take the
        credits typed, starting from the recommendation's."""
        final = Outcome(self.outcome.currentData())
        # Alternative recognition's credits are in another form, never towards the credits sought.
        other_form = final is Outcome.ALTERNATIVE_RECOGNITION
        self.credits_label.setText(self.tr("ECTS in another form") if other_form else self.tr("ECTS recognised"))
        if self.credits_sought is not None:
            sought = number(self.credits_sought)
            self.of_sought.setText(
                self.tr("none towards the {sought} ECTS sought").format(sought=sought)
                if other_form
                else self.tr("of {sought} ECTS sought").format(sought=sought)
            )
        if self._grants_credits(final):
            if not self.ects.isEnabled():
                self.ects.setText("" if self.recommended_ects is None else number(self.recommended_ects))
            self.ects.setEnabled(True)
        else:
            self.ects.setEnabled(False)
            self.ects.setText("0" if final is Outcome.NON_RECOGNITION else "")
        self._validate()

    def _validate(self) -> None:
        entry = self.entry()
        needs_reasons = justification_required(self.recommended, entry.final_outcome, self.recommended_ects, entry.ects)
        missing = []
        if self._grants_credits(entry.final_outcome) and (problem := self._credits()[1]):
            missing.append(problem)
        if not entry.decided_by:
            missing.append(self.tr("Name the evaluator."))
        if needs_reasons and not entry.justification:
            missing.append(
                self.tr(
                    "Give the reasons: the decision differs from the recommendation (outcome or credits) or refuses "
                    "recognition."
                )
            )
        departs = self.departs(entry.final_outcome, entry.ects)
        self.divergence.setVisible(departs is not None)
        self.form.setRowVisible(self.divergence_reason, departs is not None)
        if departs is not None:
            self.divergence.setText(divergence_html(departs, self.tr("This decision")))
            if not entry.divergence_reason:
                missing.append(self.tr("Give the reason for departing from the office's earlier decisions."))
        self.requirement.setText(" ".join(missing))
        self.requirement.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
