"""A stacked case in the window: it opens, is assessed as a stack, and its findings name their credential."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

import recogniser.seminar
from recogniser.ui.findings_panel import finding_field
from recogniser.ui.main_window import MainWindow

from .conftest import ScriptedDialogs
from .test_window import recommendation_text, settle

STACK = Path(recogniser.seminar.__file__).parent / "exercises" / "09-stack-of-three.json"


def test_a_stacked_case_opens_and_is_assessed_as_a_stack(qtbot: QtBot, window: MainWindow) -> None:
    assert window.cases.open_case_file(STACK)
    settle(qtbot, window)
    assert "The 3 credentials stacked" in recommendation_text(window)
    model = window.results.findings.model
    assert {f.credential for f in model.findings()} == {0, 1, 2, None}
    # Findings are grouped per credential, then the stack's own.
    groups = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert groups[0].startswith("Credential 1 'Clinical Data Modelling with FHIR' (counted)")
    assert groups[2].startswith("Credential 3 'Pseudonymisation for Research Data' (set aside)")
    assert groups[3].startswith("The stack")
    # The credentials are listed above the form, which edits the chosen one.
    listed = window.editor.credentials.list
    assert listed.isVisible() and listed.count() == 3
    assert listed.item(2).text().startswith("Credential 3 'Pseudonymisation for Research Data'")
    assert "set aside" in listed.item(2).text()
    assert window.editor.slots["credential.title"].field.widget.isEnabled()
    assert window.editor.credential_box.title() == "Credential 1 'Clinical Data Modelling with FHIR', 1 of 3"


def test_the_coverage_matrix_shows_each_cell_and_opens_its_outcomes(qtbot: QtBot, window: MainWindow) -> None:
    assert window.cases.open_case_file(STACK)
    settle(qtbot, window)
    matrix = window.results.matrix
    assert matrix.isVisible()
    assert (matrix.table.rowCount(), matrix.table.columnCount()) == (4, 3)
    assert matrix.table.horizontalHeaderItem(2).text() == "C3 (set aside)"
    # The GDPR outcome is covered by both counted credentials and counted once, for the second.
    assert matrix.table.item(1, 1).text().endswith("*") and not matrix.table.item(1, 0).text().endswith("*")
    matrix.table.setCurrentCell(1, 0)
    text = matrix.details.text()
    assert "Target outcome 2: Apply the GDPR" in text
    assert "Credential 1 &#x27;Clinical Data Modelling with FHIR&#x27;, best match: Apply the GDPR" in text
    assert "counted for credential 2" in text
    # A case of one credential has no matrix.
    assert window.cases.open_case_file(STACK.parents[0] / "01-maritime-stacking.json")
    settle(qtbot, window)
    assert not matrix.isVisible()


CREDENTIALS = Path(__file__).resolve().parents[1] / "interchange" / "fixtures"


def test_several_credentials_imported_together_make_one_stacked_case(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    names = ("edc-microcredential.json", "ob3-badge.json")
    dialogs.path_lists.append([str(CREDENTIALS / name) for name in names])
    window.import_stack_action.trigger()
    qtbot.waitUntil(lambda: window.case.has_case and not window.tasks.busy)
    settle(qtbot, window)
    assert window.session.dirty
    items = window.session.document["credentials"]
    assert [item["provenance"]["source"]["file_name"] for item in items] == list(names)
    assert [kind for kind, _title, _text in dialogs.shown] == ["import report", "import report"]
    assert window.editor.credentials.list.count() == 2
    decision = window.session.assessment.decision
    assert decision is not None and decision.stack is not None and len(decision.stack.credentials) == 2


def test_the_same_credential_twice_is_refused_in_the_window(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    dialogs.path_lists.append([str(CREDENTIALS / "ob3-badge.json")] * 2)
    window.import_stack_action.trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert not window.case.has_case
    assert "is the same credential as" in dialogs.errors()[-1]


TWO_FILES = ("edc-microcredential.json", "ob3-badge.json")


def _title(window: MainWindow) -> QLineEdit:
    line = window.editor.slots["credential.title"].field.widget
    assert isinstance(line, QLineEdit)
    return line


def _type_title(qtbot: QtBot, window: MainWindow, text: str) -> None:
    line = _title(window)
    line.selectAll()
    qtbot.keyClicks(line, text)
    line.editingFinished.emit()


def _stack_of_three(qtbot: QtBot, window: MainWindow) -> dict[str, Any]:
    assert window.cases.open_case_file(STACK)
    settle(qtbot, window)
    document: dict[str, Any] = json.loads(STACK.read_text("utf-8"))
    return document


def test_choosing_a_credential_edits_it_in_the_form_and_the_stack_is_reassessed(
    qtbot: QtBot, window: MainWindow
) -> None:
    _stack_of_three(qtbot, window)
    editor = window.editor
    editor.credentials.list.setCurrentRow(1)
    assert window.session.chosen_credential == 1
    assert _title(window).text() == "Health Data Protection and Quality"
    assert editor.credential_box.title() == "Credential 2 'Health Data Protection and Quality', 2 of 3"
    _type_title(qtbot, window, "Health Data Protection")
    settle(qtbot, window)
    items = window.session.document["credentials"]
    assert items[1]["title"] == "Health Data Protection"
    assert items[0]["title"] == "Clinical Data Modelling with FHIR"  # the others are untouched
    assert editor.credentials.list.item(1).text().startswith("Credential 2 'Health Data Protection'")
    decision = window.session.assessment.decision
    assert decision is not None and decision.stack is not None
    assert decision.stack.credentials[1].title == "Health Data Protection"
    assert window.undo_action.text().endswith("Credential 2: Credential title")
    # An undo made while another credential is shown shows the credential it changes.
    editor.credentials.list.setCurrentRow(0)
    window.session.undo_stack.undo()
    assert window.session.chosen_credential == 1
    assert _title(window).text() == "Health Data Protection and Quality"


def test_a_credential_is_added_blank_typed_in_removed_after_a_question_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    _stack_of_three(qtbot, window)
    credentials = window.editor.credentials
    credentials.add_blank_action.trigger()
    assert credentials.list.count() == 4 and window.session.chosen_credential == 3
    assert _title(window).text() == ""
    assert window.editor.credential_box.title() == "Credential 4 of 4"
    settle(qtbot, window)
    # A blank credential is assessed with the rest: its findings say what it lacks.
    decision = window.session.assessment.decision
    assert decision is not None and decision.stack is not None and len(decision.stack.credentials) == 4
    assert any(f.credential == 3 and f.status.value == "fail" for f in decision.findings)
    _type_title(qtbot, window, "Research Data Stewardship")
    settle(qtbot, window)
    assert window.session.document["credentials"][3] == {"title": "Research Data Stewardship"}
    # Removing one that holds something asks first; declining keeps it.
    dialogs.confirm_answers.append(False)
    credentials.remove_button.click()
    assert credentials.list.count() == 4
    assert "Remove Credential 4 'Research Data Stewardship' from this case?" in dialogs.shown[-1][2]
    dialogs.confirm_answers.append(True)
    credentials.remove_button.click()
    assert credentials.list.count() == 3 and window.session.chosen_credential == 2
    assert window.session.document["credentials"][-1]["title"] == "Pseudonymisation for Research Data"
    window.session.undo_stack.undo()
    assert window.session.document["credentials"][3] == {"title": "Research Data Stewardship"}
    # A blank one goes without a question.
    credentials.add_blank_action.trigger()
    asked = len(dialogs.shown)
    credentials.list.setFocus()
    qtbot.keyClick(credentials.list, Qt.Key.Key_Delete)
    assert len(dialogs.shown) == asked and credentials.list.count() == 4
    settle(qtbot, window)
    assert not window.session.assessment.problems


def test_a_case_of_one_credential_looks_as_before_and_becomes_a_stack_and_back(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    one = STACK.parent / "01-maritime-stacking.json"
    assert window.cases.open_case_file(one)
    settle(qtbot, window)
    before = dict(window.session.document)
    credentials = window.editor.credentials
    assert not credentials.list.isVisible() and not credentials.remove_button.isVisible()
    assert window.editor.credential_box.title() == "Credential"
    credentials.add_blank_action.trigger()
    document = window.session.document
    assert "credential" not in document and len(document["credentials"]) == 2
    assert document["credentials"][0] == before["credential"]
    assert credentials.list.isVisible()
    credentials.list.setCurrentRow(1)
    qtbot.keyClick(credentials.list, Qt.Key.Key_Delete)  # blank: no question
    assert window.session.document == before  # one credential again, written as it always was
    assert not credentials.list.isVisible()
    assert not dialogs.unexpected


def test_credential_files_dropped_on_the_list_or_imported_are_added_to_the_open_case(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    _stack_of_three(qtbot, window)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(CREDENTIALS / name)) for name in TWO_FILES])
    window.editor.credentials.dropEvent(
        QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    )
    qtbot.waitUntil(lambda: not window.tasks.busy)
    settle(qtbot, window)
    items = window.session.document["credentials"]
    assert len(items) == 5
    assert [item.get("provenance", {}).get("source", {}).get("file_name") for item in items[3:]] == [
        "edc-microcredential.json",
        "ob3-badge.json",
    ]
    assert window.session.value("reference") == "SEMINAR-09"  # the case keeps its own target and purpose
    assert window.session.chosen_credential == 3
    assert window.editor.authenticity.isVisible()  # the chosen credential's file and authenticity
    decision = window.session.assessment.decision
    assert decision is not None and decision.stack is not None and len(decision.stack.credentials) == 5
    # A file the case already holds is refused, and nothing is added.
    dialogs.path_lists.append([str(CREDENTIALS / "ob3-badge.json")])
    window.editor.credentials.import_action.trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert "is the same credential as Credential 5" in dialogs.errors()[-1]
    assert len(window.session.document["credentials"]) == 5
    # One undo takes the whole import back.
    window.session.undo_stack.undo()
    assert len(window.session.document["credentials"]) == 3


def test_several_files_dropped_on_the_window_are_added_to_the_open_case_when_the_evaluator_says_so(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    _stack_of_three(qtbot, window)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(CREDENTIALS / name)) for name in TWO_FILES])
    dialogs.confirm_answers.append(True)
    window.dropEvent(
        QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    )
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert "Add the 2 credentials to the open case" in dialogs.shown[0][2]
    assert len(window.session.document["credentials"]) == 5


def test_a_finding_about_another_credential_leads_to_its_field(qtbot: QtBot, window: MainWindow) -> None:
    _stack_of_three(qtbot, window)
    model = window.results.findings.model
    finding = next(f for f in model.findings() if f.credential == 2 and (f.field or "").startswith("credential."))
    assert window.editor.focus_field(finding_field(finding))
    assert window.session.chosen_credential == 2
    assert _title(window).text() == "Pseudonymisation for Research Data"


def test_a_stack_is_saved_with_the_file_of_each_credential_and_its_report_attaches_them(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    first, second = (CREDENTIALS / name for name in TWO_FILES)
    dialogs.path_lists.append([str(first)])
    dialogs.paths = [str(second)]
    window.import_action.trigger()  # one credential imported and saved: its file is kept
    qtbot.waitUntil(lambda: window.case.has_case and not window.tasks.busy)
    settle(qtbot, window)
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty and window.case.reference is not None)
    reference = window.case.reference
    assert window.office.store is not None and reference is not None
    assert window.office.store.originals(reference) == [(second.name, second.read_bytes())]
    # A credential imported into the stored case becomes a stack; saving keeps the new file beside the first.
    window.editor.credentials.import_action.trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy and window.session.stacked)
    settle(qtbot, window)
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty)
    settle(qtbot, window)
    assert window.office.store.originals(reference) == [(name.name, name.read_bytes()) for name in (second, first)]

    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible())
    preview = window.preview
    assert preview is not None
    saved = tmp_path / "stack.pdf"
    dialogs.paths = [str(saved)]
    preview.save_button.click()
    qtbot.waitUntil(lambda: saved.exists() and not preview.isVisible())
    reader = PdfReader(saved)
    assert reader.attachments[first.name] == [first.read_bytes()]
    assert reader.attachments[second.name] == [second.read_bytes()]
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages[:4])
    assert text.count("SHA-256") >= 2 and "not attached" not in text.split("2. What recognition")[0]
