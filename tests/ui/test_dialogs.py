"""The decision and settings dialogs on their own."""

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from recogniser.model import Outcome, Recommendation
from recogniser.ui.decision_dialog import DecisionDialog, DecisionEntry, justification_required
from recogniser.ui.settings import ASSESSING_COUNTRY, DATABASE_URL, OFFICE_NAME, AppSettings
from recogniser.ui.settings_dialog import SettingsDialog

RECOMMENDED = Recommendation(Outcome.FULL_RECOGNITION, 5, "Recognise all five credits.")


def test_reasons_are_owed_for_an_override_and_for_any_refusal() -> None:
    assert not justification_required(Outcome.FULL_RECOGNITION, Outcome.FULL_RECOGNITION)
    assert justification_required(Outcome.FULL_RECOGNITION, Outcome.PARTIAL_RECOGNITION)
    assert justification_required(Outcome.NON_RECOGNITION, Outcome.NON_RECOGNITION)


def test_the_decision_can_be_recorded_only_with_the_reasons_it_needs(qtbot: QtBot) -> None:
    dialog = DecisionDialog(RECOMMENDED, "Ana Horvat")
    qtbot.addWidget(dialog)
    record = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert record.isEnabled()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.PARTIAL_RECOGNITION.value))
    assert not record.isEnabled()
    assert "reasons" in dialog.requirement.text()
    dialog.justification.setPlainText("Two outcomes of the module are not covered.")
    assert record.isEnabled()
    dialog.evaluator.clear()
    assert not record.isEnabled()
    dialog.evaluator.setText("Ana Horvat")
    assert dialog.entry() == DecisionEntry(
        Outcome.PARTIAL_RECOGNITION, "Two outcomes of the module are not covered.", "Ana Horvat"
    )


def test_settings_are_kept_when_saved(qtbot: QtBot, settings: AppSettings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.edits[OFFICE_NAME].setText("ENIC-NARIC Georgia")
    dialog.edits[ASSESSING_COUNTRY].setText("GE")
    dialog.accept()
    assert settings.text(OFFICE_NAME) == "ENIC-NARIC Georgia"
    assert settings.text(ASSESSING_COUNTRY) == "GE"
    assert settings.text(DATABASE_URL) == ""
