"""The seminar window as a group and a facilitator use it: record verdicts, export, compare, save the PDF."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recogniser.model import Outcome
from recogniser.rules import assess
from recogniser.seminar import Verdict, build_exercise_pack, build_response, open_pack, write_pack, write_response
from recogniser.ui.main_window import MainWindow
from recogniser.ui.seminar_compare import ComparisonTableModel
from recogniser.ui.seminar_window import SeminarWindow
from recogniser.ui.settings import AppSettings

from .conftest import ScriptedDialogs


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    data, _pack = build_exercise_pack()
    path = tmp_path / "exercises.zip"
    write_pack(path, data)
    return path


@pytest.fixture
def seminar(qtbot: QtBot, pack_file: Path, dialogs: ScriptedDialogs) -> Iterator[SeminarWindow]:
    window = SeminarWindow(open_pack(pack_file), dialogs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.tasks.wait()
    assert dialogs.unexpected == []


def _responses(pack_file: Path, folder: Path) -> list[str]:
    """Three groups' responses: every group agrees with the tool except the second on the first case."""
    pack = open_pack(pack_file)
    paths = []
    for index, group in enumerate(("Group A", "ჯგუფი B", "المجموعة C")):
        verdicts = {}
        for pack_case in pack.cases:
            tool = assess(pack_case.case).recommendation
            outcome = tool.outcome
            if index == 1 and pack_case.id == pack.case_ids[0]:
                outcome = Outcome.FULL_RECOGNITION
            verdicts[pack_case.id] = Verdict(outcome, tool.ects_recognised, f"{group} on {pack_case.id}")
        path = folder / f"response-{index}.json"
        write_response(path, build_response(pack, group, verdicts))
        paths.append(str(path))
    return paths


def test_a_group_records_its_verdicts_and_exports_a_response(
    qtbot: QtBot, seminar: SeminarWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    pane = seminar.group
    assert pane.cases.count() == 9
    assert "Partial recognition" in pane.recommendation.text.text()

    pane.group_edit.setText("Группа 1")
    pane.outcome.setCurrentIndex(pane.outcome.findData(Outcome.FULL_RECOGNITION.value))
    pane.ects.setValue(6)
    pane.justification.setPlainText("Every outcome is achieved; credits follow outcomes.")
    assert pane.cases.item(0).text() == "01-maritime-stacking  ✓"

    # Incomplete: the group is told which cases are still open, and nothing is written.
    pane.export_response_dialog()
    assert "no verdict for case '02-comprehensive-university-admission'" in dialogs.errors()[-1]

    for row in range(1, pane.cases.count()):
        pane.cases.setCurrentRow(row)
        pane.outcome.setCurrentIndex(pane.outcome.findData(Outcome.NON_RECOGNITION.value))
    pane.cases.setCurrentRow(0)
    assert pane.chosen_outcome() is Outcome.FULL_RECOGNITION
    assert pane.ects.value() == 6

    # Closing with unexported verdicts asks first; cancelling keeps the window.
    dialogs.confirm_answers.append(False)
    seminar.close()
    assert seminar.isVisible()
    assert dialogs.shown[-1][1] == "Unsaved verdicts"

    output = tmp_path / "group-1.json"
    dialogs.paths.append(str(output))
    pane.export_response_dialog()
    assert not pane.unsaved
    document = json.loads(output.read_text("utf-8"))
    assert document["group"] == "Группа 1"
    assert document["cases"][0]["outcome"] == "full_recognition"
    assert document["cases"][0]["ects"] == 6
    assert document["cases"][1]["ects"] is None
    assert document["cases"][0]["decision"]["recommendation"]["outcome"] == "partial_recognition"


def test_work_is_saved_and_reopened(
    qtbot: QtBot, seminar: SeminarWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    pane = seminar.group
    pane.group_edit.setText("Group A")
    pane.cases.setCurrentRow(4)
    pane.outcome.setCurrentIndex(pane.outcome.findData(Outcome.ALTERNATIVE_RECOGNITION.value))
    pane.justification.setPlainText("RPL route.")
    sheet = tmp_path / "work.json"
    dialogs.paths.append(str(sheet))
    pane.save_work_dialog()

    other = SeminarWindow(seminar.pack, dialogs)
    qtbot.addWidget(other)
    dialogs.paths.append(str(sheet))
    other.group.open_work_dialog()
    assert other.group.group_edit.text() == "Group A"
    assert other.group.verdicts == {
        "05-corporate-provider": Verdict(Outcome.ALTERNATIVE_RECOGNITION, None, "RPL route.")
    }


def test_the_facilitator_compares_the_groups(
    qtbot: QtBot, seminar: SeminarWindow, dialogs: ScriptedDialogs, pack_file: Path, tmp_path: Path
) -> None:
    pane = seminar.comparison
    assert not pane.pdf_button.isEnabled()
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    dialogs.path_lists.append([*_responses(pack_file, tmp_path), str(broken)])
    pane.add_responses_dialog()
    qtbot.waitUntil(lambda: pane.comparison is not None)

    assert pane.model.rowCount() == 9
    first = pane.model.index(0, ComparisonTableModel.GROUPS)
    assert pane.model.data(first) == "Full recognition 1, Partial recognition 2"
    assert pane.model.data(pane.model.index(0, ComparisonTableModel.AGREEMENT)) == "67%"
    assert pane.model.data(pane.model.index(1, ComparisonTableModel.WITH_TOOL)) == "100%"
    summary = pane.summary.text()
    assert "Groups compared (3)" in summary
    assert "broken.json" in summary and "not valid JSON" in summary
    assert "ჯგუფი B" in pane.details.toPlainText()
    assert "The tool found, to discuss:" in pane.details.toPlainText()

    pane.table.selectRow(1)
    assert "The tool found, to discuss:" not in pane.details.toPlainText()
    assert pane.notes.toPlainText().startswith("02 · A comprehensive university's micro-credential used for admission")

    pane.chart.resize(pane.chart.sizeHint())
    image = pane.chart.grab()
    assert not image.isNull()
    image.save(str(tmp_path / "chart.png"))

    pdf = tmp_path / "comparison.pdf"
    dialogs.paths.append(str(pdf))
    pane.save_pdf_dialog()
    qtbot.waitUntil(lambda: not seminar.tasks.busy)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in seminar.statusBar().currentMessage()


def test_the_seminar_menu_opens_a_pack(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, pack_file: Path, tmp_path: Path
) -> None:
    main = MainWindow(assess, settings, dialogs)
    qtbot.addWidget(main)
    not_a_pack = tmp_path / "case.zip"
    not_a_pack.write_text("{}", "utf-8")
    dialogs.paths.extend([str(not_a_pack), str(pack_file)])
    main.seminar_action.trigger()
    assert "not a seminar pack (not a zip file)" in dialogs.errors()[-1]
    main.seminar_action.trigger()
    [window] = main.seminar_windows
    assert window.pack.pack_id == open_pack(pack_file).pack_id
    window.group.cases.setCurrentRow(1)
    assert "ნინო ბერიძე" in window.group.case_view.toPlainText()
    window.group.editor_button.click()
    assert main.session.document["reference"] == "SEMINAR-02"
    assert main.case.has_case
    window.close()
    qtbot.waitUntil(lambda: main.seminar_windows == [])


def test_table_model_without_a_window(pack_file: Path, tmp_path: Path) -> None:
    from recogniser.seminar import compare, read_responses

    model = ComparisonTableModel()
    assert model.rowCount() == 0
    comparison = compare(open_pack(pack_file), read_responses(_responses(pack_file, tmp_path)))
    model.set_comparison(comparison)
    assert model.rowCount() == 9
    assert model.columnCount() == 5
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Agreement"
    assert model.data(model.index(6, ComparisonTableModel.TOOL)) == "Recognition with conditions"
    assert model.data(model.index(0, ComparisonTableModel.CASE), Qt.ItemDataRole.ToolTipRole) == (
        "Cargo Operations and Ship Stability"
    )


def test_the_facilitator_builds_packs_from_the_menu(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    main = MainWindow(assess, settings, dialogs)
    qtbot.addWidget(main)
    exercises = tmp_path / "exercises.zip"
    dialogs.paths.append(str(exercises))
    main.exercise_pack_action.trigger()
    assert len(open_pack(exercises).cases) == 9
    [first] = main.seminar_windows

    case = tmp_path / "ship-stability.json"
    case.write_text(json.dumps(dict(first.pack.cases[0].case.document)), "utf-8")
    (tmp_path / "ship-stability.md").write_text("# Notes for the facilitator", "utf-8")
    dialogs.path_lists.append([str(case)])
    dialogs.text_answers.append("Autumn seminar")
    own = tmp_path / "own.zip"
    dialogs.paths.append(str(own))
    main.new_pack_action.trigger()
    pack = open_pack(own)
    assert (pack.title, pack.case_ids) == ("Autumn seminar", ("ship-stability",))
    assert pack.cases[0].notes == "# Notes for the facilitator"
    assert [window.pack.title for window in main.seminar_windows] == [first.pack.title, "Autumn seminar"]

    # Cancelling the title builds nothing.
    dialogs.path_lists.append([str(case)])
    dialogs.text_answers.append(None)
    main.new_pack_action.trigger()
    assert len(main.seminar_windows) == 2
    for window in list(main.seminar_windows):
        window.close()
    assert dialogs.unexpected == []


def test_the_seminar_window_opens_within_the_screen(seminar: SeminarWindow) -> None:
    # The offscreen test screen is 800 pixels square, smaller than the window's usual 1280×820.
    available = seminar.screen().availableGeometry()
    assert seminar.height() <= available.height()
    assert seminar.width() <= max(available.width(), seminar.minimumSizeHint().width())
