"""The window driven as an evaluator drives it: typing, picking, saving, searching, deciding."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from recogniser.casefile import load_case
from recogniser.cli import main
from recogniser.model import Outcome
from recogniser.provenance import Authenticity
from recogniser.settings import Settings, load_settings, save_settings
from recogniser.store import CaseStore
from recogniser.ui.crash import crash_hook
from recogniser.ui.decision_dialog import DecisionEntry
from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.fields import TextField
from recogniser.ui.findings_model import FINDING_ROLE
from recogniser.ui.level_field import LevelField
from recogniser.ui.main_window import MainWindow
from recogniser.ui.outcomes_field import OutcomesField
from recogniser.ui.settings import AppSettings

from .conftest import EXAMPLES, ScriptedDialogs, open_window, shut

CREDENTIALS = Path(__file__).resolve().parents[1] / "interchange" / "fixtures"


def line(window: MainWindow, path: str) -> QLineEdit:
    field = window.editor.slots[path].field
    assert isinstance(field, TextField)
    return field.line


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character, so Cyrillic, Greek and Georgian are typed as a keyboard would."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))


def type_into(qtbot: QtBot, window: MainWindow, path: str, text: str) -> None:
    edit = line(window, path)
    edit.setFocus()
    edit.end(False)
    type_text(edit, text)


def choose(qtbot: QtBot, combo: QComboBox, data: Any) -> None:
    """Pick an entry the way a user does: the combo emits ``activated``, not only a changed index."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Let the debounced assessment and any background work finish."""
    qtbot.waitUntil(lambda: not window.session.assessment_pending and not window.tasks.busy)


def recommendation_text(window: MainWindow) -> str:
    return window.results.recommendation.text.text()


def test_first_run_shows_the_empty_state_hint_and_an_empty_case_list(window: MainWindow) -> None:
    assert window.case_area.currentWidget() is window.empty_state
    assert "No cases yet" in window.case_list.status.text()


def test_typing_a_case_updates_findings_and_recommendation(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    settle(qtbot, window)
    assert window.case_area.currentWidget() is window.editor
    # A new case is for admission, which needs the programme's level before anything can be judged.
    assert "Target EQF level: Required for this purpose" in recommendation_text(window)
    # The form does not mark it before the evaluator has been to the field (the recommendation says it).
    assert not window.editor.slots["target.eqf_level"].problem.isVisible()
    choose(qtbot, window.editor.slots["target.eqf_level"].field.widget, 6)  # type: ignore[arg-type]
    settle(qtbot, window)
    assert "Information required" in recommendation_text(window)
    unknown_before = window.results.findings.model.count(window.results.findings.model.findings()[0].status)

    type_into(qtbot, window, "credential.title", "Welding inspection")
    type_into(qtbot, window, "credential.learner.name", "Нино Бериашвили")
    type_into(qtbot, window, "credential.awarding_body.name", "Zagreb Welding Institute")
    settle(qtbot, window)
    titles = [f for f in window.results.findings.model.findings() if f.field == "credential.title"]
    assert titles and all(f.status.value == "pass" for f in titles)
    assert window.results.findings.model.count(window.results.findings.model.findings()[0].status) != unknown_before

    type_into(qtbot, window, "credential.workload.ects", "abc")
    settle(qtbot, window)
    problem = window.editor.slots["credential.workload.ects"].problem
    assert problem.isVisible()
    assert "must be a number, such as 5 or 2.5" in problem.text()
    # The findings stay, marked, while the value cannot be read.
    assert "Not reassessed yet" in recommendation_text(window)
    assert window.results.findings.model.findings()

    line(window, "credential.workload.ects").clear()
    type_into(qtbot, window, "credential.workload.ects", "5")
    settle(qtbot, window)
    assert not window.editor.slots["credential.workload.ects"].problem.isVisible()
    assert window.session.value("credential.workload.ects") == 5
    assert window.session.assessment.decision is not None


def test_picking_country_framework_and_level_derives_the_eqf_level(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    level = window.editor.slots["credential.level"].field
    assert isinstance(level, LevelField)
    choose(qtbot, level.country, "HR")
    assert window.session.value("credential.level.framework") == "HR-CROQF"
    choose(qtbot, level.level, "7.1")
    settle(qtbot, window)
    assert window.session.value("credential.level") == {"framework": "HR-CROQF", "nqf_level": "7.1", "eqf_level": 7}
    assert "EQF 7" in level.derived.text()
    assert "second cycle" in level.derived.text()
    window.undo_action.trigger()
    assert window.session.value("credential.level") == {"framework": "HR-CROQF"}


def test_undo_and_redo_cover_the_whole_case(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    type_into(qtbot, window, "credential.title", "Welding")
    type_into(qtbot, window, "credential.grade", "A")
    qtbot.keyClick(line(window, "credential.grade"), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.value("credential.grade") is None
    assert line(window, "credential.grade").text() == ""
    assert window.session.value("credential.title") == "Welding"
    window.redo_action.trigger()
    assert line(window, "credential.grade").text() == "A"


def new_assessable_case(qtbot: QtBot, window: MainWindow) -> None:
    """A new case (for admission) with the programme's level given, so that it can be assessed and saved."""
    window.new_action.trigger()
    choose(qtbot, window.editor.slots["target.eqf_level"].field.widget, 6)  # type: ignore[arg-type]
    settle(qtbot, window)


def test_choosing_a_finding_takes_the_evaluator_to_its_field(qtbot: QtBot, window: MainWindow) -> None:
    new_assessable_case(qtbot, window)
    model = window.results.findings.model
    tree = window.results.findings.tree
    target = None
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(FINDING_ROLE).field == "credential.workload.ects":
                target = index
    assert target is not None
    tree.setCurrentIndex(target)
    tree.activated.emit(target)
    assert QApplication.focusWidget() is line(window, "credential.workload.ects")
    assert "credential.workload.ects" in window.results.findings.details.text()


def test_agency_autocomplete_offers_the_register_entry(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    path = "credential.quality_assurance.external_agency"
    type_into(qtbot, window, path, "Agency for Science")
    field = window.editor.slots[path].field
    suggestions = field.suggestions  # type: ignore[attr-defined]
    assert suggestions.rowCount() > 0
    assert suggestions.item(0).text().startswith("ASHE")
    field.choose("ASHE")  # type: ignore[attr-defined]
    assert window.session.value(path) == "ASHE"
    assert "EQAR" in field.match.text()  # type: ignore[attr-defined]


def test_pasting_outcomes_adds_one_per_line_in_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    window.new_action.trigger()
    field = window.editor.slots["credential.learning_outcomes"].field
    assert isinstance(field, OutcomesField)
    QApplication.clipboard().setText("1. Apply SOLAS\n2. Analyse incident reports\n\n• Plan drills\n")
    field.paste_button.click()
    assert window.session.value("credential.learning_outcomes") == [
        "Apply SOLAS",
        "Analyse incident reports",
        "Plan drills",
    ]
    field.list.setCurrentRow(2)
    field.up_button.click()
    assert window.session.value("credential.learning_outcomes")[1] == "Plan drills"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.session.value("credential.learning_outcomes") is None
    assert field.list.count() == 0


def test_save_close_reopen_and_find_the_case_by_search(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, dialogs: ScriptedDialogs
) -> None:
    new_assessable_case(qtbot, window)
    type_into(qtbot, window, "credential.title", "Γεωργικές πρακτικές")
    type_into(qtbot, window, "credential.learner.name", "ნინო ბერიაშვილი")
    qtbot.keyClick(line(window, "credential.title"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.session.dirty)
    settle(qtbot, window)
    reference = window.session.value("reference")
    assert reference.startswith("HR-")
    assert window.case_list.model.rowCount() == 1
    window.close()
    assert dialogs.shown == []

    reopened = open_window(qtbot, settings, dialogs)
    try:
        reopened.find_action.trigger()
        type_text(reopened.case_list.search, "ნინო")
        qtbot.waitUntil(lambda: reopened.case_list.query.search == "ნინო" and not reopened.tasks.busy)
        assert reopened.case_list.model.rowCount() == 1
        type_text(reopened.case_list.search, "x")
        qtbot.waitUntil(lambda: reopened.case_list.query.search == "ნინოx" and not reopened.tasks.busy)
        assert reopened.case_list.model.rowCount() == 0
        reopened.case_list.search.clear()
        reopened.case_list.refresh()
        qtbot.waitUntil(lambda: not reopened.tasks.busy)
        reopened.case_list.open_requested.emit(reference)
        qtbot.waitUntil(lambda: reopened.case.reference == reference)
        assert line(reopened, "credential.title").text() == "Γεωργικές πρακτικές"
        assert not reopened.session.dirty
        assert reference in settings.recent_cases()
    finally:
        shut(reopened)


def test_recording_a_decision_that_overrides_the_recommendation(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str
) -> None:
    entries = [DecisionEntry(Outcome.PARTIAL_RECOGNITION, "Only 3 of 5 outcomes match the module.", "Ana Horvat", 3)]
    dialogs.record_decision = lambda parent, case, recommendation, evaluator, precedents=(): entries.pop()  # type: ignore[method-assign]
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    settle(qtbot, window)
    assert "Full recognition" in recommendation_text(window)
    window.decision_action.trigger()
    qtbot.waitUntil(window.results.recommendation.history.isVisible)
    assert not window.session.dirty
    assert "Only 3 of 5 outcomes" in window.results.recommendation.history.text()
    assert "Partial recognition, 3 ECTS" in window.results.recommendation.history.text()
    assert "Partial recognition, 3 ECTS" in window.results.recommendation.decided.text()
    with CaseStore.open(database) as store:
        (recorded,) = store.decisions_for("EXAMPLE-01")
    assert recorded.final_outcome is Outcome.PARTIAL_RECOGNITION
    assert recorded.recommended_outcome is Outcome.FULL_RECOGNITION
    assert recorded.decided_by == "Ana Horvat"
    assert recorded.final_ects == 3
    settle(qtbot, window)
    assert window.case_list.model.summary(0).outcome is Outcome.PARTIAL_RECOGNITION

    # The report of the decided case shows the decision recorded, not an empty form.
    window.report_action.trigger()
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible())
    assert window.preview is not None
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(window.preview.pdf)).pages).split())
    block = text.split("7. Decision of the evaluator")[1]  # full recognition recommended: no appeal section
    assert f"Decision #{recorded.id}, recorded {recorded.recorded_at:%Y-%m-%d %H:%M} UTC" in block
    assert "[ X ] otherwise, as follows: Partial recognition" in block
    assert "ECTS recognised 3" in block
    assert "Only 3 of 5 outcomes match the module." in block
    assert "Evaluator Ana Horvat" in block
    assert f"Date {recorded.recorded_at:%Y-%m-%d}" in block


def test_unsaved_changes_are_asked_about_before_they_are_lost(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.new_action.trigger()
    type_into(qtbot, window, "credential.title", "Unsaved work")
    dialogs.unsaved_answers = [UnsavedChoice.CANCEL]
    window.new_action.trigger()
    assert line(window, "credential.title").text() == "Unsaved work"
    dialogs.unsaved_answers = [UnsavedChoice.DISCARD]
    new_assessable_case(qtbot, window)
    assert line(window, "credential.title").text() == ""
    type_into(qtbot, window, "credential.title", "Kept work")
    dialogs.unsaved_answers = [UnsavedChoice.SAVE]
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert [kind for kind, _title, _text in dialogs.shown] == ["unsaved", "unsaved", "unsaved"]
    with CaseStore.open(load_settings().database_url) as store:
        assert [summary.title for summary in store.list_cases()] == ["Kept work"]


def test_a_database_error_is_shown_in_the_window_not_raised(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_bytes(b"these are meeting notes, not a database" * 100)
    save_settings(Settings(database_url=f"sqlite:///{not_a_database}", assessing_country="GE"))
    window = open_window(qtbot, settings, dialogs)
    try:
        assert window.office.store is None
        problem = window.case_list.problem
        assert problem.isVisible()
        assert "cannot be used" in problem.text()
        assert "not a Recogniser database" in problem.text()
        assert window.case_list.settings_button.isVisible()
        new_assessable_case(qtbot, window)
        type_into(qtbot, window, "credential.title", "Still typing")
        window.save_action.trigger()
        assert "not a Recogniser database" in dialogs.errors()[-1]
        assert window.session.dirty
        assert window.isVisible()
    finally:
        shut(window)


def test_deleting_a_case_asks_first(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    assert window.cases.open_case_file(EXAMPLES / "incomplete-admission.json")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty and window.case_list.model.rowCount() == 1)
    settle(qtbot, window)
    window.case_list.table.selectRow(0)
    dialogs.confirm_answers = [False, True]
    window.case_list.delete_button.click()
    assert window.case_list.model.rowCount() == 1
    window.case_list.delete_button.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 0)
    assert window.case_area.currentWidget() is window.empty_state


def test_a_draft_brings_back_work_after_a_crash(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, dialogs: ScriptedDialogs
) -> None:
    window.new_action.trigger()
    type_into(qtbot, window, "credential.title", "Before the power cut")
    window.case.write_draft_now()
    window.hide()  # no close: as if the process died

    dialogs.confirm_answers = [True]
    restored = open_window(qtbot, settings, dialogs)
    try:
        assert restored.session.value("credential.title") == "Before the power cut"
        assert restored.session.dirty
    finally:
        shut(restored)


def test_an_unexpected_error_shows_the_crash_dialog_with_the_log_path(dialogs: ScriptedDialogs) -> None:
    kept: list[bool] = []
    hook = crash_hook(dialogs, lambda: kept.append(True))
    try:
        raise RuntimeError("a rule divided by zero")
    except RuntimeError as error:
        hook(RuntimeError, error, error.__traceback__)
    ((kind, summary, log),) = dialogs.shown
    assert kind == "crash"
    assert "a rule divided by zero" in summary
    assert log.endswith("recogniser.log")
    assert kept == [True]


def test_export_and_reopen_a_case_file(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    type_into(qtbot, window, "credential.grade", " (excellent)")
    exported = tmp_path / "exported.json"
    assert window.exports.export_case_file(exported)
    case = load_case(exported)
    assert case.credential.grade == "Very good (4) (excellent)"
    assert case.reference == "EXAMPLE-01"


def test_the_pdf_report_is_previewed_then_saved(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window.office.change_settings(replace(window.office.settings, office_name="ENIC-NARIC Croatia"))
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible())
    preview = window.preview
    assert preview is not None
    assert preview.document.pageCount() >= 2
    saved = tmp_path / "report.pdf"
    dialogs.paths = [str(saved)]
    preview.save_button.click()
    qtbot.waitUntil(lambda: saved.exists() and not preview.isVisible())
    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert "EXAMPLE-01" in text
    assert "ENIC-NARIC Croatia" in text


def test_a_case_that_cannot_be_read_gets_no_report_but_a_reason(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.new_action.trigger()
    window.report_action.trigger()
    assert "Target EQF level: Required for this purpose" in dialogs.errors()[-1]
    assert window.preview is None


def test_importing_a_credential_opens_it_as_an_unsaved_case_and_shows_the_import_report(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dialogs.paths = [str(CREDENTIALS / "edc-microcredential.json")]
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.case.has_case and not window.tasks.busy)
    settle(qtbot, window)
    assert window.session.dirty
    assert window.session.value("credential.title")
    assert window.session.value("assessing_country") == "HR"  # the office's default, as on the command line
    ((kind, title, text),) = dialogs.shown
    assert (kind, title) == ("import report", "Credential imported")
    assert window.session.assessment.decision is not None
    # The same report the command line prints for the same file and settings.
    source = CREDENTIALS / "edc-microcredential.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", "100")  # the command line wraps to the terminal, at most 100 columns
        assert main(["import", str(source), "-o", str(tmp_path / "imported.case.json")]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(text)
    assert "1. Identification of the learner" in text and "Authenticity: no signature" in text
    banner = window.editor.authenticity
    assert banner.isVisible() and banner.status is Authenticity.NO_SIGNATURE
    assert "Authenticity: " in banner.text() and "no signature" in banner.text()
    assert "Imported from edc-microcredential.json (SHA-256 " in banner.text()


def test_a_file_that_is_no_credential_is_refused_with_its_reason(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    dialogs.paths = [str(CREDENTIALS / "not-a-credential.json")]
    window.import_action.trigger()
    qtbot.waitUntil(lambda: not window.tasks.busy and bool(dialogs.errors()))
    assert "not-a-credential.json" in dialogs.errors()[-1]
    assert not window.case.has_case


def test_changing_the_database_in_settings_reopens_the_case_list(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assert window.cases.open_case_file(EXAMPLES / "incomplete-admission.json")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty and window.case_list.model.rowCount() == 1)
    other = f"sqlite:///{tmp_path / 'other.db'}"

    def edit(parent: QWidget | None, settings: Settings, source: Path) -> Settings:
        changed = replace(settings, database_url=other)
        save_settings(changed, source)
        return changed

    dialogs.edit_settings = edit  # type: ignore[method-assign]
    window.settings_action.trigger()
    qtbot.waitUntil(
        lambda: window.office.store is not None and window.office.store.location == other and not window.tasks.busy
    )
    assert window.case_list.model.rowCount() == 0


def test_window_layout_and_recent_cases_are_remembered(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, dialogs: ScriptedDialogs
) -> None:
    assert window.cases.open_case_file(EXAMPLES / "online-course-employment.json")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty)
    # The offscreen screen is 800 pixels wide, narrower than the window can be: the height shows the restore.
    window.resize(window.width(), 640)
    window.close()

    reopened = open_window(qtbot, settings, dialogs)
    try:
        assert reopened.height() == 640
        reopened.recent_menu.aboutToShow.emit()
        (recent,) = reopened.recent_menu.actions()
        assert recent.text() == "EXAMPLE-02"
        recent.trigger()
        qtbot.waitUntil(lambda: reopened.case.reference == "EXAMPLE-02")
    finally:
        shut(reopened)


def test_a_dropped_file_opens_as_a_case_or_is_imported_as_a_credential(qtbot: QtBot, window: MainWindow) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(EXAMPLES / "incomplete-admission.json"))])
    # Qt delivers drops only during a real drag, so the event goes straight to the handler.
    window.dropEvent(
        QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    )
    assert window.session.value("reference") == "EXAMPLE-03"

    window.session.mark_saved()
    window.cases.open_files([CREDENTIALS / "ob3-badge.json"])
    qtbot.waitUntil(lambda: not window.tasks.busy and window.session.value("reference") is None)
    assert window.session.value("credential.title")


def test_an_imported_case_keeps_its_original_credential_and_its_report_attaches_it(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    source = CREDENTIALS / "edc-microcredential.json"
    dialogs.paths = [str(source)]
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.case.has_case and not window.tasks.busy)
    settle(qtbot, window)
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty and window.case.reference is not None)
    settle(qtbot, window)
    assert window.office.store is not None and window.case.reference is not None
    assert window.office.store.original(window.case.reference) == ("edc-microcredential.json", source.read_bytes())

    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible())
    preview = window.preview
    assert preview is not None
    saved = tmp_path / "imported.pdf"
    dialogs.paths = [str(saved)]
    preview.save_button.click()
    qtbot.waitUntil(lambda: saved.exists() and not preview.isVisible())
    reader = PdfReader(saved)
    assert reader.attachments["edc-microcredential.json"] == [source.read_bytes()]
    first_page = " ".join(reader.pages[0].extract_text().split())
    assert "Authenticity" in first_page and "no signature - the file carries no signature or proof" in first_page
    assert "edc-microcredential.json, SHA-256" in first_page and "attached to this PDF" in first_page
