"""The decision, settings and save-conflict dialogs on their own."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from recogniser.casefile import load_case
from recogniser.model import Alternative, AlternativeKind, Outcome, Recommendation
from recogniser.report import load_report_settings
from recogniser.settings import Settings, load_settings
from recogniser.store import CaseStatus, StoredCase
from recogniser.trust import TrustStore
from recogniser.ui.decision_dialog import DecisionDialog, DecisionEntry, justification_required
from recogniser.ui.save_conflict import LISTED_FIELDS, ConflictBox, ConflictChoice, SaveConflict, field_list
from recogniser.ui.settings_dialog import SettingsDialog

from .conftest import EXAMPLES

RECOMMENDED = Recommendation(Outcome.FULL_RECOGNITION, 5, "Recognise all five credits.")
CREDIT_TRANSFER = load_case(EXAMPLES / "maritime-credit-transfer.json")  # 5 ECTS sought
EMPLOYMENT = load_case(EXAMPLES / "online-course-employment.json")


def test_reasons_are_owed_for_an_override_and_for_any_refusal() -> None:
    assert not justification_required(Outcome.FULL_RECOGNITION, Outcome.FULL_RECOGNITION)
    assert justification_required(Outcome.FULL_RECOGNITION, Outcome.PARTIAL_RECOGNITION)
    assert justification_required(Outcome.NON_RECOGNITION, Outcome.NON_RECOGNITION)
    assert justification_required(Outcome.PARTIAL_RECOGNITION, Outcome.PARTIAL_RECOGNITION, 5, 3)
    assert not justification_required(Outcome.PARTIAL_RECOGNITION, Outcome.PARTIAL_RECOGNITION, 5, 5.0)


def test_the_decision_can_be_recorded_only_with_the_reasons_it_needs(qtbot: QtBot) -> None:
    dialog = DecisionDialog(CREDIT_TRANSFER, RECOMMENDED, "Ana Horvat")
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
    dialog.ects.setText("2,5")
    assert dialog.entry() == DecisionEntry(
        Outcome.PARTIAL_RECOGNITION, "Two outcomes of the module are not covered.", "Ana Horvat", 2.5
    )


def test_alternative_recognition_is_decided_on_credits_in_another_form(qtbot: QtBot) -> None:
    elective = Alternative(AlternativeKind.ELECTIVE_CREDIT, "free-elective credit")
    alternative = Recommendation(
        Outcome.ALTERNATIVE_RECOGNITION, 0, "Elective credit.", alternative=elective, ects_in_another_form=4
    )
    dialog = DecisionDialog(CREDIT_TRANSFER, alternative, "Ana Horvat")
    qtbot.addWidget(dialog)
    # The credits start from those in the other form and are labelled so, never as credits towards the target.
    assert dialog.credits_label.text() == "ECTS in another form"
    assert dialog.of_sought.text() == "none towards the 5 ECTS sought"
    assert dialog.ects.text() == "4"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.PARTIAL_RECOGNITION.value))
    assert dialog.credits_label.text() == "ECTS recognised"
    assert dialog.of_sought.text() == "of 5 ECTS sought"


def test_the_dialog_names_the_case_and_starts_from_the_recommended_credits(qtbot: QtBot) -> None:
    dialog = DecisionDialog(CREDIT_TRANSFER, RECOMMENDED, "Ana Horvat")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "EXAMPLE-01" in dialog.windowTitle()
    assert str(CREDIT_TRANSFER.credential.title) in dialog.windowTitle()
    assert dialog.ects.isVisible()
    assert dialog.ects.text() == "5"
    assert dialog.entry().ects == 5


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "ECTS recognised: state the credits"),
        ("five", "ECTS recognised: write a number"),
        ("5.5", "ECTS recognised: from 0 to the 5 ECTS sought"),
        ("-1", "ECTS recognised: from 0 to the 5 ECTS sought"),
        ("nan", "ECTS recognised: from 0 to the 5 ECTS sought"),
    ],
)
def test_credits_that_cannot_be_recorded_are_named_and_block_recording(qtbot: QtBot, typed: str, problem: str) -> None:
    dialog = DecisionDialog(CREDIT_TRANSFER, RECOMMENDED, "Ana Horvat")
    qtbot.addWidget(dialog)
    record = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ects.setText(typed)
    assert not record.isEnabled()
    assert problem in dialog.requirement.text()
    dialog.ects.setText("5")
    assert record.isEnabled()


def test_recognising_other_credits_than_recommended_needs_reasons(qtbot: QtBot) -> None:
    dialog = DecisionDialog(CREDIT_TRANSFER, RECOMMENDED, "Ana Horvat")
    qtbot.addWidget(dialog)
    record = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ects.setText("3")
    assert not record.isEnabled()
    assert "Give the reasons" in dialog.requirement.text()
    dialog.justification.setPlainText("Two of the five outcomes are taught again in the programme.")
    assert record.isEnabled()


def test_a_refusal_recognises_no_credits_and_a_request_for_information_none_yet(qtbot: QtBot) -> None:
    dialog = DecisionDialog(CREDIT_TRANSFER, RECOMMENDED, "Ana Horvat")
    qtbot.addWidget(dialog)
    dialog.justification.setPlainText("The exam was not supervised.")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.NON_RECOGNITION.value))
    assert (dialog.ects.isEnabled(), dialog.ects.text(), dialog.entry().ects) == (False, "0", 0)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.INFORMATION_REQUIRED.value))
    assert (dialog.ects.text(), dialog.entry().ects) == ("", None)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.PARTIAL_RECOGNITION.value))
    assert (dialog.ects.isEnabled(), dialog.ects.text()) == (True, "5")


def test_no_credits_are_asked_for_where_none_are_sought(qtbot: QtBot) -> None:
    dialog = DecisionDialog(EMPLOYMENT, Recommendation(Outcome.FULL_RECOGNITION, None, "Recognised."), "Ana Horvat")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ects.isVisible()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.entry().ects is None


def test_settings_are_saved_to_the_file_the_command_line_reads(qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "settings.toml"
    source.write_text('# kept by the office\n[report]\nevaluator_name = "Nino Beridze"\n', "utf-8")
    dialog = SettingsDialog(load_settings(source), source)
    qtbot.addWidget(dialog)
    assert dialog.edits["evaluator_name"].text() == "Nino Beridze"
    dialog.edits["office_name"].setText("ENIC-NARIC Georgia")
    dialog.edits["office_address"].setText("Tbilisi")
    dialog.edits["assessing_country"].setText("GE")
    dialog.edits["stack_max_age_years"].setText("5")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = Settings(
        office_name="ENIC-NARIC Georgia",
        office_address="Tbilisi",
        evaluator_name="Nino Beridze",
        assessing_country="GE",
        stack_max_age_years="5",
    )
    assert dialog.saved == expected
    assert load_settings(source) == expected
    assert load_report_settings(source).office_name == "ENIC-NARIC Georgia"
    assert source.read_text("utf-8").startswith("# kept by the office")


def test_the_language_is_chosen_in_the_settings_and_kept_in_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "settings.toml"
    dialog = SettingsDialog(load_settings(source), source)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["English", "Français"]
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.accept()
    assert load_settings(source).language == "fr"
    again = SettingsDialog(load_settings(source), source)
    qtbot.addWidget(again)
    assert again.language.currentData() == "fr"
    again.language.setCurrentIndex(again.language.findData("en"))
    again.accept()
    # English is the default: choosing it takes the key out of the file.
    assert load_settings(source).language == "" and "language" not in source.read_text("utf-8")


@pytest.mark.parametrize(
    ("attribute", "value", "named"),
    [
        ("logo", "nowhere.png", "Logo: no such file"),
        ("assessing_country", "G", "Assessing country"),
        ("assessing_country", "ZZ", "Assessing country"),
        ("database_url", "mysql://office/cases", "Database: "),
        ("stack_max_age_years", "five", "Oldest credential in a stack"),
    ],
)
def test_a_setting_that_cannot_be_used_is_named_and_nothing_is_written(
    qtbot: QtBot, tmp_path: Path, attribute: str, value: str, named: str
) -> None:
    source = tmp_path / "settings.toml"
    dialog = SettingsDialog(Settings(), source)
    qtbot.addWidget(dialog)
    dialog.edits["office_name"].setText("ENIC-NARIC Georgia")
    dialog.edits[attribute].setText(value)
    dialog.accept()
    assert dialog.saved is None
    assert not dialog.problem.isHidden()
    assert dialog.problem.text().startswith(named)
    assert not source.exists()


def test_a_database_chosen_by_the_environment_cannot_be_edited_here(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    dialog = SettingsDialog(Settings(), tmp_path / "settings.toml")
    qtbot.addWidget(dialog)
    assert not dialog.edits["database_url"].isEnabled()


def _stored_example(version: int) -> StoredCase:
    case = load_case(EXAMPLES / "maritime-credit-transfer.json")
    saved_at = datetime(2026, 11, 23, 9, 41, tzinfo=UTC)
    return StoredCase(case, version, CaseStatus.OPEN, None, "0" * 64, saved_at, saved_at)


def test_a_refused_save_offers_every_way_out_and_defaults_to_keep_editing(qtbot: QtBot) -> None:
    conflict = SaveConflict("EXAMPLE-01", 1, _stored_example(2), ("Grade", "Title"))
    for choice in ConflictChoice:
        box = ConflictBox(conflict)
        qtbot.addWidget(box)
        assert box.defaultButton() is box.escapeButton() is box.button_for(ConflictChoice.KEEP_EDITING)
        assert "version 2" in box.text() and "Grade, Title" in box.informativeText()
        button = box.button_for(choice)
        assert button is not None
        button.click()
        assert box.choice() is choice


def test_a_case_gone_from_the_store_can_only_be_kept_or_saved_anew(qtbot: QtBot) -> None:
    box = ConflictBox(SaveConflict("EXAMPLE-01", 1, None))
    qtbot.addWidget(box)
    assert "no longer in the case database" in box.text()
    assert box.button_for(ConflictChoice.OVERWRITE) is None
    assert box.button_for(ConflictChoice.RELOAD) is None
    assert box.choice() is ConflictChoice.KEEP_EDITING


def test_a_long_list_of_differing_fields_is_counted_beyond_the_first_few() -> None:
    assert field_list(["Grade", "Title"]) == "Grade, Title"
    many = [f"Outcome {number}" for number in range(1, 12)]
    assert field_list(many) == ", ".join(many[:LISTED_FIELDS]) + f" and {11 - LISTED_FIELDS} more"


def test_the_settings_add_a_trusted_certificate_at_once(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "data"))
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Office Test Root CA")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(datetime(2025, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2030, 1, 1, tzinfo=UTC))
        .sign(key, hashes.SHA256())
    )
    pem = tmp_path / "root.pem"
    pem.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(pem), ""))
    dialog = SettingsDialog(Settings(), tmp_path / "settings.toml")
    qtbot.addWidget(dialog)
    assert dialog.trust_count.text() == "No certificate trusted yet"

    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Add certificate…")
    button.click()

    assert dialog.trust_count.text() == "Trusted: Office Test Root CA; 1 certificate trusted"
    assert [anchor.name for anchor in TrustStore.load().anchors.values()] == ["Office Test Root CA"]
