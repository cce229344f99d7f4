"""The import report dialog: every Annex I element with its status, value and origin, as the command line says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from recogniser.interchange import import_credential
from recogniser.interchange.report import format_import
from recogniser.ui.import_report import ImportReportDialog

CREDENTIALS = Path(__file__).resolve().parents[1] / "interchange" / "fixtures"


def test_each_element_is_a_row_and_what_needs_the_evaluator_stands_out(qtbot: QtBot) -> None:
    source = CREDENTIALS / "edc-participation.json"
    result = import_credential(source, assessing_country="IE")
    dialog = ImportReportDialog(result, source)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 16
    rows = {
        table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 1).background().color().name())
        for row in range(table.rowCount())
    }
    assert rows["8. Level"] == ("MISSING (mandatory)", "#fde2e1")
    assert rows["4. Awarding body"] == ("GUESSED", "#fff4d6")
    assert rows["2. Title"][0] == "mapped"
    # A long JSON path may wrap in its cell, but its tooltip carries it exactly.
    origin = table.item(2, 3)
    assert origin.toolTip() == "from credentialSubject.hasClaim.awardedBy.awardingBody.location.address.countryCode"
    warnings = dialog.findChild(QListWidget)
    assert warnings is not None
    texts = [warnings.item(index).text() for index in range(warnings.count())]
    assert any(text.startswith("Certificate of participation") for text in texts)


def test_copy_report_gives_the_command_line_text(qtbot: QtBot) -> None:
    source = CREDENTIALS / "ob3-badge.json"
    result = import_credential(source)
    dialog = ImportReportDialog(result, source)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == format_import(result, source)
