"""A stacked case in the window: it opens, is assessed as a stack, and its findings name their credential."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

import recogniser.seminar
from recogniser.ui.main_window import MainWindow

from .test_window import recommendation_text, settle

STACK = Path(recogniser.seminar.__file__).parent / "exercises" / "09-stack-of-three.json"


def test_a_stacked_case_opens_and_is_assessed_as_a_stack(qtbot: QtBot, window: MainWindow) -> None:
    assert window.open_case_file(STACK)
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
