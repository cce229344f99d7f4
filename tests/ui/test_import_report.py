"""The import report dialog: every Annex I element with its status, value and origin, as the command line says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from recogniser.interchange import import_credential
from recogniser.interchange.report import format_import
from recogniser.provenance import Authenticity
from recogniser.ui.authenticity import AuthenticityBanner
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
    assert rows["8. Level and cycle (EQF, QF-EHEA), if applicable"] == ("MISSING (mandatory)", "#fde2e1")
    assert rows["4. Awarding body"] == ("GUESSED", "#fff4d6")
    assert rows["2. Title of the micro-credential"][0] == "mapped"
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


def test_the_authenticity_banner_shows_the_tier_in_its_colour_and_hides_for_a_case_entered_by_hand(
    qtbot: QtBot,
) -> None:
    banner = AuthenticityBanner()
    qtbot.addWidget(banner)
    banner.show()
    provenance = {
        "source": {"format": "europass-elm3", "file_name": "seal.json", "sha256": "ab" * 32},
        "authenticity": {"status": "failed", "reason": "the ES256 signature does not match"},
        "status": [{"purpose": "revocation", "address": "https://status.example/list/3", "index": "12"}],
    }

    banner.show_document({"format": "recogniser-case/1", "provenance": provenance})

    assert banner.isVisible() and banner.status is Authenticity.FAILED
    assert '<b style="color:#9b0017">failed</b> — the ES256 signature does not match' in banner.text()
    assert "revocation status not checked: check entry 12 of https://status.example/list/3" in banner.text()
    assert banner.toolTip() == "Authenticity: failed - the ES256 signature does not match"
    banner.show_document({"format": "recogniser-case/1"})
    assert not banner.isVisible()
