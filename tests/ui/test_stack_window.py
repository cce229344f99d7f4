"""A stacked case in the window: it opens, is assessed as a stack, and its findings name their credential."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

import recogniser.seminar
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
    # The one-credential form is not used for a stack: it says so, and its fields cannot be typed into.
    assert window.editor.stack_note.isVisible() and "3 credentials" in window.editor.stack_note.text()
    assert not window.editor.slots["credential.title"].field.widget.isEnabled()


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
    assert window.editor.stack_note.isVisible()
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
