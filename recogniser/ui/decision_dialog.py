"""The evaluator's final decision: an outcome (which may differ from the recommendation) and its reasons."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recogniser.model import Outcome, Recommendation
from recogniser.ui.look import ERROR_COLOUR, OUTCOME_COLOURS, outcome_label


@dataclass(frozen=True)
class DecisionEntry:
    final_outcome: Outcome
    justification: str
    decided_by: str


def justification_required(recommended: Outcome, final: Outcome) -> bool:
    """Reasons are owed for departing from the recommendation and for any refusal (LRC III.5)."""
    return final is not recommended or final is Outcome.NON_RECOGNITION


class DecisionDialog(QDialog):
    def __init__(self, recommendation: Recommendation, evaluator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the decision"))
        self.recommended = recommendation.outcome
        recommended = QLabel(
            f"<b style='color:{OUTCOME_COLOURS[self.recommended]}'>{outcome_label(self.recommended)}</b>"
        )
        recommended.setTextFormat(Qt.TextFormat.RichText)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Final outcome"))
        for outcome in Outcome:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.outcome.setCurrentIndex(self.outcome.findData(self.recommended.value))
        self.evaluator = QLineEdit(evaluator)
        self.evaluator.setAccessibleName(self.tr("Evaluator"))
        self.evaluator.setPlaceholderText(self.tr("your name"))
        self.justification = QPlainTextEdit()
        self.justification.setAccessibleName(self.tr("Justification"))
        self.justification.setTabChangesFocus(True)
        self.justification.setMinimumHeight(110)
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
        form.addRow(self.tr("Evaluator"), self.evaluator)
        form.addRow(self.tr("Justification"), self.justification)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.requirement)
        layout.addWidget(self.buttons)
        self.outcome.currentIndexChanged.connect(lambda _index: self._validate())
        self.evaluator.textChanged.connect(lambda _text: self._validate())
        self.justification.textChanged.connect(self._validate)
        self.resize(520, 360)
        self._validate()

    def entry(self) -> DecisionEntry:
        final = Outcome(self.outcome.currentData())
        return DecisionEntry(final, self.justification.toPlainText().strip(), self.evaluator.text().strip())

    def _validate(self) -> None:
        entry = self.entry()
        needs_reasons = justification_required(self.recommended, entry.final_outcome)
        missing = []
        if not entry.decided_by:
            missing.append(self.tr("Name the evaluator."))
        if needs_reasons and not entry.justification:
            missing.append(
                self.tr("Give the reasons: the decision differs from the recommendation or refuses recognition.")
            )
        self.requirement.setText(" ".join(missing))
        self.requirement.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
