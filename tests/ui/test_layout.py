"""The window at the small screen sizes evaluators work on: every field reachable, nothing cut off."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from recogniser.ui.findings_model import FINDING_ROLE
from recogniser.ui.main_window import MainWindow

from .conftest import EXAMPLES


def open_maritime(qtbot: QtBot, window: MainWindow) -> None:
    assert window.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    qtbot.waitUntil(lambda: not window.session.assessment_pending and not window.tasks.busy)


@pytest.mark.parametrize("size", [(1024, 700), (1280, 720)])
def test_every_field_of_the_case_form_fits_a_small_screen(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    open_maritime(qtbot, window)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    editor = window.editor
    body = editor.widget()
    qtbot.waitUntil(lambda: body.width() <= editor.viewport().width())
    for path, slot in editor.slots.items():
        widget = slot.field.widget
        right = widget.mapTo(body, widget.rect().topRight()).x()
        assert right < editor.viewport().width(), f"{path} ends at {right}, beyond the visible form"
    assert editor.width() >= window.case_list.width(), "the case form should get more room than the case list"


def test_a_form_narrower_than_its_fields_scrolls_sideways(qtbot: QtBot, window: MainWindow) -> None:
    open_maritime(qtbot, window)
    editor = window.editor
    sizes = window.splitter.sizes()
    window.splitter.setSizes([sizes[0] + sizes[1], 0, sizes[2]])  # the editor as narrow as the splitter allows
    qtbot.waitUntil(lambda: editor.width() < editor.widget().minimumSizeHint().width())
    body = editor.widget()
    scroll = editor.horizontalScrollBar()
    for slot in editor.slots.values():
        widget = slot.field.widget
        right = widget.mapTo(body, widget.rect().topRight()).x()
        assert right <= editor.viewport().width() + scroll.maximum()
    assert scroll.maximum() > 0
    assert scroll.isVisible()


def test_the_case_list_gives_up_width_its_commands_moving_into_a_menu(window: MainWindow) -> None:
    pane = window.case_list
    assert pane.minimumSizeHint().width() < 260
    pane.resize(220, 500)
    hidden = [b for b in (pane.new_button, pane.delete_button, pane.import_button) if not b.isVisible()]
    assert hidden, "a narrow pane keeps its last commands in the » menu"
    assert pane.import_button.defaultAction() in pane.commands.actions()


def test_findings_counts_wrap_and_a_long_finding_leaves_the_list_its_room(qtbot: QtBot, window: MainWindow) -> None:
    open_maritime(qtbot, window)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    panel = window.results.findings
    summary = panel.summary
    # The counts wrap rather than hold the pane wider than its own minimum (where they were cut off).
    assert summary.minimumSizeHint().width() <= window.results.minimumWidth()
    assert summary.heightForWidth(summary.width()) <= summary.height()
    model = panel.model
    longest = max(
        (
            model.index(row, 0, model.index(group, 0))
            for group in range(model.rowCount())
            for row in range(model.rowCount(model.index(group, 0)))
        ),
        key=lambda index: len(index.data(FINDING_ROLE).message),
    )
    panel.tree.setCurrentIndex(longest)
    qtbot.waitUntil(lambda: panel.details.text().startswith("<b"))
    assert panel.details_box.height() <= panel.height() // 3 + 1
    assert panel.tree.height() >= panel.height() // 2
