"""The window at the small screen sizes evaluators work on: every field reachable, nothing cut off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from recogniser.rules import assess
from recogniser.ui.agency_field import AgencyField
from recogniser.ui.case_list_model import CaseListModel
from recogniser.ui.findings_model import FINDING_ROLE
from recogniser.ui.level_field import LevelField
from recogniser.ui.main_window import FIRST_SIZE, MainWindow, first_splits
from recogniser.ui.screen import first_geometry, within
from recogniser.ui.settings import AppSettings

from .conftest import EXAMPLES, ScriptedDialogs, open_window, shut


def open_maritime(qtbot: QtBot, window: MainWindow) -> None:
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    qtbot.waitUntil(lambda: not window.session.assessment_pending and not window.tasks.busy)


def every_field_shows(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
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
    assert editor.horizontalScrollBar().maximum() == 0
    assert editor.width() >= window.case_list.width(), "the case form should get more room than the case list"


@pytest.mark.parametrize("size", [(1024, 700), (1280, 720), (1366, 768)])
def test_every_field_of_the_case_form_fits_a_small_screen(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    every_field_shows(qtbot, window, size)


@pytest.fixture
def larger_font(qapp: QApplication) -> Iterator[None]:
    """The system's font a third larger, as with another font family or a desktop set to larger text."""
    usual = qapp.font()
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * 4 / 3)
    qapp.setFont(larger)
    yield
    qapp.setFont(usual)


@pytest.mark.usefixtures("larger_font")
def test_in_a_larger_font_the_labels_go_above_the_fields_and_every_field_still_fits(
    qtbot: QtBot, window: MainWindow
) -> None:
    every_field_shows(qtbot, window, (1024, 700))
    assert window.editor.labels_above


def test_a_wide_form_keeps_its_labels_beside_the_fields(qtbot: QtBot, window: MainWindow) -> None:
    open_maritime(qtbot, window)
    window.resize(1920, 1000)
    qtbot.waitUntil(lambda: window.width() == 1920)
    assert not window.editor.labels_above
    title = window.editor.slots["credential.title"].field.widget
    (caption,) = [label for label in window.editor.findChildren(QLabel) if label.buddy() is title]
    qtbot.waitUntil(
        lambda: caption.mapTo(window, caption.rect().topRight()).x() < title.mapTo(window, title.rect().topLeft()).x()
    )


def test_a_form_narrower_than_its_fields_scrolls_sideways(qtbot: QtBot, window: MainWindow) -> None:
    open_maritime(qtbot, window)
    editor = window.editor
    # Narrower than the pane is allowed to go, as with a very large font: even the labels above the fields
    # leave them no room.
    editor.setMinimumWidth(160)
    sizes = window.splitter.sizes()
    window.splitter.setSizes([sizes[0] + sizes[1], 0, sizes[2]])
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


def highlighted_share(widget: QWidget) -> float:
    """The share of ``widget``'s pixels tinted like the highlight (a style may shade it into a gradient)."""
    image = widget.grab().toImage()
    points = [(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    tinted = 0
    for x, y in points:
        colour = image.pixelColor(x, y)
        tinted += colour.red() > 200 and colour.red() - colour.blue() > 30
    return tinted / len(points)


@pytest.mark.parametrize("path", ["credential.title", "credential.participation", "credential.learning_outcomes"])
def test_going_to_a_field_lights_up_the_field_itself(qtbot: QtBot, window: MainWindow, path: str) -> None:
    window.new_action.trigger()
    widget = window.editor.slots[path].field.widget
    assert window.editor.focus_field(path)
    assert highlighted_share(widget) > 0.3, "the highlight is hidden behind the field"
    qtbot.waitUntil(lambda: highlighted_share(widget) == 0, timeout=3000)
    assert widget.palette().color(QPalette.ColorRole.Base) == window.editor.palette().color(QPalette.ColorRole.Base)
    assert not widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette), "the field follows the window's colours again"


def test_a_message_coming_and_going_leaves_the_fields_in_place(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    qtbot.waitUntil(lambda: not window.session.assessment_pending)
    editor = window.editor
    level, credits = editor.slots["target.eqf_level"], editor.slots["target.ects"]
    assert not level.problem.isVisible(), "a blank new case is not told what it lacks"
    level.field.widget.setFocus()
    credits.field.widget.setFocus()  # the level was visited and left empty
    qtbot.waitUntil(level.problem.isVisible)
    assert level.problem.text() == "EQF level: Required for this purpose"
    width_with_message = level.sizeHint().width()
    qtbot.wait(50)  # nested layouts take the message in over several passes
    place_with_message = credits.mapTo(editor.widget(), credits.rect().topLeft())
    combo = level.field.widget
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(6))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: not level.problem.isVisible())
    assert level.sizeHint().width() == width_with_message
    qtbot.wait(50)
    assert credits.mapTo(editor.widget(), credits.rect().topLeft()) == place_with_message


def test_agency_suggestions_open_wide_enough_for_their_names(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    field = window.editor.slots["credential.quality_assurance.external_agency"].field
    assert isinstance(field, AgencyField)
    field.line.setFocus()
    qtbot.keyClicks(field.line, "agency")
    popup = field.completer.popup()
    assert popup is not None
    names = [field.suggestions.item(row).text() for row in range(field.suggestions.rowCount())]
    assert names
    assert popup.minimumWidth() > max(popup.fontMetrics().horizontalAdvance(name) for name in names)
    assert all(field.suggestions.item(row).toolTip() == name for row, name in enumerate(names))


def test_a_framework_name_too_long_for_its_box_is_shortened_and_shown_in_full_on_hover(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_maritime(qtbot, window)
    field = window.editor.slots["credential.level"].field
    assert isinstance(field, LevelField)
    combo = field.framework
    assert combo.currentText().startswith("HR-CROQF — Croatian Qualifications Framework")
    assert combo.toolTip() == combo.currentText()
    assert combo.view().minimumWidth() > combo.fontMetrics().horizontalAdvance(combo.currentText())


def test_the_case_commands_keep_their_ellipsis_and_are_reached_with_tab(window: MainWindow) -> None:
    pane = window.case_list
    assert pane.delete_button.text() == "Delete…"
    assert pane.import_button.text() == "Import…"
    assert all(
        button.focusPolicy() & Qt.FocusPolicy.TabFocus
        for button in (pane.new_button, pane.open_button, pane.duplicate_button, pane.delete_button)
    )


def test_a_narrow_case_list_keeps_names_readable(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    table = window.case_list.table
    readable = table.fontMetrics().horizontalAdvance("0") * 10
    assert table.columnWidth(CaseListModel.LEARNER) >= readable
    assert table.columnWidth(CaseListModel.TITLE) >= readable


@pytest.mark.parametrize(
    ("screen", "available"),
    [
        ("1366×768 with a panel", QRect(0, 27, 1366, 741)),
        ("1280×720", QRect(0, 0, 1280, 720)),
        ("1024×700", QRect(0, 0, 1024, 700)),
        ("1920×1080 at 150 %", QRect(0, 0, 1280, 720)),
        ("a second screen to the right", QRect(1920, 0, 1366, 768)),
    ],
)
def test_the_first_window_fits_the_screens_free_area(screen: str, available: QRect) -> None:
    placed = first_geometry(available, FIRST_SIZE)
    assert available.contains(placed), screen
    assert placed.width() >= available.width() * 0.9 or placed.width() == FIRST_SIZE.width()
    assert placed.center() == available.center()


def test_a_remembered_window_larger_than_the_screen_or_off_it_is_brought_within_it() -> None:
    available = QRect(0, 27, 1366, 741)
    assert within(QRect(100, 50, 2339, 1350), available) == available  # left on a 150 % 1920×1080 screen
    assert within(QRect(1800, 900, 800, 600), available) == QRect(566, 168, 800, 600)  # a screen gone
    assert within(QRect(10, 40, 800, 600), available) == QRect(10, 40, 800, 600)  # as it was


def test_the_window_opens_within_the_screen_and_reopens_within_it(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, dialogs: ScriptedDialogs
) -> None:
    # The offscreen test screen is 800 pixels square: narrower than the window can be (its panes' least
    # widths), so the width is the least it can be there; the height fits.
    available = window.screen().availableGeometry()

    def fits(shown: MainWindow) -> bool:
        least = shown.minimumSizeHint().width()
        return shown.height() <= available.height() and shown.width() <= max(available.width(), least)

    assert fits(window)
    window.resize(2339, 1350)  # as if saved on a larger or more finely scaled screen
    window.close()
    reopened = open_window(qtbot, settings, dialogs)
    try:
        assert fits(reopened)
    finally:
        shut(reopened)


def test_at_1920_the_case_list_shows_its_columns_whole(qtbot: QtBot, settings: AppSettings) -> None:
    pane_width = first_splits(1920, 0)  # the list's own wish aside, the findings and the form
    assert pane_width[2] >= 500
    window = MainWindow(assess, settings, ScriptedDialogs())
    qtbot.addWidget(window)
    wanted = window.case_list.preferred_width()
    sizes = first_splits(1920, wanted)
    assert sizes[0] == wanted
    assert sizes[1] > sizes[2] > sizes[0] * 0.9
    window.resize(1920, 1000)
    window.splitter.setSizes(sizes)
    window.show()
    qtbot.waitExposed(window)
    table = window.case_list.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    outcome = table.horizontalHeader().sectionViewportPosition(CaseListModel.OUTCOME)
    assert outcome + table.columnWidth(CaseListModel.OUTCOME) <= table.viewport().width()


def test_the_agency_mark_says_what_the_rules_say(qtbot: QtBot, window: MainWindow) -> None:
    open_maritime(qtbot, window)
    field = window.editor.slots["credential.quality_assurance.external_agency"].field
    assert isinstance(field, AgencyField)
    # ASHE, issued in 2025: on the register in the agency data, which end before that day.
    assert "in the EQAR agency data of 2017-06-20" in field.match.text()
    assert "to be confirmed" in field.match.text()
    field.line.setText("ISO 9001:2015")
    assert "management-system certificate" in field.match.text()
    field.line.setText("AKKORK")
    assert "not on the EQAR register on" in field.match.text() and "rejected" in field.match.text()
    field.line.setText("National Agency for Higher Education Quality Assurance")
    assert "Not in the EQAR agency data (as of 2017-06-20)" in field.match.text()
