"""Saving a case someone else saved meanwhile: every way out, and nothing of either evaluator lost on the way."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recogniser.casefile import parse_case
from recogniser.model import Case, Recommendation
from recogniser.store import CaseStore
from recogniser.ui.decision_dialog import DecisionEntry
from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.document import with_value
from recogniser.ui.drafts import read_draft
from recogniser.ui.look import local_time
from recogniser.ui.main_window import MainWindow
from recogniser.ui.save_conflict import ConflictChoice
from recogniser.ui.settings import AppSettings

from .conftest import EXAMPLES, ScriptedDialogs, open_window, shut
from .test_window import line, settle, type_into

REFERENCE = "EXAMPLE-01"
STORED_GRADE = "Very good (4)"
THEIR_GRADE = "Excellent (5)"
MY_GRADE = "Very good (4), confirmed by the registrar"
COLLEAGUE_SAVED_AT = datetime(2026, 11, 23, 9, 41, tzinfo=UTC)


@pytest.fixture
def database(database_url: str) -> str:
    """Every conflict is played on SQLite and on a PostgreSQL server, as in a shared office."""
    return database_url


def saved_example(qtbot: QtBot, window: MainWindow) -> None:
    assert window.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty and window.stored_version == 1)
    settle(qtbot, window)


def colleague_saves_grade(database: str, grade: str) -> None:
    """Another evaluator's app, on its own connection, saves the case with another grade."""
    with CaseStore.open(database, clock=lambda: COLLEAGUE_SAVED_AT) as store:
        stored = store.get_case(REFERENCE)
        document = with_value(stored.case.document, "credential.grade", grade)
        store.save_case(REFERENCE, parse_case(document), stored.version)


def stored_grade(database: str, reference: str = REFERENCE) -> str:
    with CaseStore.open(database) as store:
        grade: str = store.get_case(reference).case.document["credential"]["grade"]
        return grade


def my_grade_after_theirs(qtbot: QtBot, window: MainWindow, database: str) -> None:
    """The colleague saves first; then this evaluator changes the grade and saves."""
    saved_example(qtbot, window)
    colleague_saves_grade(database, THEIR_GRADE)
    line(window, "credential.grade").clear()
    type_into(qtbot, window, "credential.grade", MY_GRADE)


def save_and_wait_for_question(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    asked = len(dialogs.conflicts)
    window.save_action.trigger()
    qtbot.waitUntil(lambda: len(dialogs.conflicts) > asked)
    settle(qtbot, window)


def test_keeping_on_editing_keeps_the_edits_in_the_editor_and_in_the_draft(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str
) -> None:
    my_grade_after_theirs(qtbot, window, database)
    dialogs.conflict_answers = [ConflictChoice.KEEP_EDITING]
    save_and_wait_for_question(qtbot, window, dialogs)

    (conflict,) = dialogs.conflicts
    assert (conflict.reference, conflict.version, conflict.differences) == (REFERENCE, 1, ("Grade",))
    assert conflict.stored is not None
    assert conflict.stored.version == 2
    assert conflict.stored.updated_at == COLLEAGUE_SAVED_AT
    assert window.session.dirty
    assert window.session.value("credential.grade") == MY_GRADE
    assert window.conflict_banner.isVisible()
    assert f"on {local_time(COLLEAGUE_SAVED_AT)} (version 2)" in window.conflict_banner.text.text()
    draft = read_draft()
    assert draft is not None
    assert (draft.reference, draft.version) == (REFERENCE, 1)
    assert draft.document["credential"]["grade"] == MY_GRADE
    assert stored_grade(database) == THEIR_GRADE
    assert dialogs.errors() == []

    dialogs.conflict_answers = [ConflictChoice.KEEP_EDITING]
    window.conflict_banner.resolve.click()
    qtbot.waitUntil(lambda: len(dialogs.conflicts) == 2)
    assert window.session.value("credential.grade") == MY_GRADE


def test_a_draft_restored_after_a_crash_meets_the_same_question(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, dialogs: ScriptedDialogs, database: str
) -> None:
    my_grade_after_theirs(qtbot, window, database)
    dialogs.conflict_answers = [ConflictChoice.KEEP_EDITING]
    save_and_wait_for_question(qtbot, window, dialogs)
    window.hide()  # no close: as if the process died while the question was open

    again = ScriptedDialogs(confirm_answers=[True], conflict_answers=[ConflictChoice.SAVE_AS_NEW_CASE])
    restored = open_window(qtbot, settings, again)
    try:
        assert restored.session.value("credential.grade") == MY_GRADE
        save_and_wait_for_question(qtbot, restored, again)
        qtbot.waitUntil(lambda: not restored.session.dirty)
        copy = restored.stored_reference
        assert copy is not None and copy != REFERENCE
        assert stored_grade(database, copy) == MY_GRADE
        assert stored_grade(database) == THEIR_GRADE
        assert read_draft() is None
        assert again.unexpected == []
    finally:
        shut(restored)


#: For each choice that loses a version: how its confirmation opens, the grade then kept, and its version.
LOSING_CHOICES = {
    ConflictChoice.RELOAD: ("Open EXAMPLE-01 as saved", THEIR_GRADE, 2),
    ConflictChoice.OVERWRITE: ("Your version replaces EXAMPLE-01", MY_GRADE, 3),
}


@pytest.mark.parametrize("choice", LOSING_CHOICES)
def test_a_choice_that_loses_one_version_is_taken_only_once_confirmed(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str, choice: ConflictChoice
) -> None:
    question_opens, kept, version = LOSING_CHOICES[choice]
    my_grade_after_theirs(qtbot, window, database)
    dialogs.conflict_answers = [choice, choice]
    dialogs.confirm_answers = [False, True]
    save_and_wait_for_question(qtbot, window, dialogs)
    kind, _title, question = dialogs.shown[-1]
    assert kind == "confirm"
    assert question.startswith(question_opens)
    assert f"on {local_time(COLLEAGUE_SAVED_AT)} (version 2)" in question and question.endswith(": Grade.")
    assert window.session.value("credential.grade") == MY_GRADE
    assert window.session.dirty
    assert window.conflict_banner.isVisible()
    assert stored_grade(database) == THEIR_GRADE

    save_and_wait_for_question(qtbot, window, dialogs)
    qtbot.waitUntil(lambda: not window.session.dirty)
    assert line(window, "credential.grade").text() == kept
    assert stored_grade(database) == kept
    assert (window.stored_reference, window.stored_version) == (REFERENCE, version)
    assert not window.conflict_banner.isVisible()
    assert read_draft() is None


def test_leaving_the_case_goes_on_once_it_is_saved_as_a_new_case(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str
) -> None:
    my_grade_after_theirs(qtbot, window, database)
    dialogs.unsaved_answers = [UnsavedChoice.SAVE]
    dialogs.conflict_answers = [ConflictChoice.SAVE_AS_NEW_CASE]
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.stored_reference is None and window.case_list.model.rowCount() == 2)
    assert window.session.value("credential.grade") is None
    with CaseStore.open(database) as store:
        grades = sorted(store.get_case(s.reference).case.document["credential"]["grade"] for s in store.list_cases())
    assert grades == [THEIR_GRADE, MY_GRADE]


def test_closing_stops_when_the_evaluator_keeps_editing(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str
) -> None:
    my_grade_after_theirs(qtbot, window, database)
    dialogs.unsaved_answers = [UnsavedChoice.SAVE]
    dialogs.conflict_answers = [ConflictChoice.KEEP_EDITING]
    window.close()
    qtbot.waitUntil(lambda: len(dialogs.conflicts) == 1)
    settle(qtbot, window)
    assert window.isVisible()
    assert window.session.value("credential.grade") == MY_GRADE
    assert read_draft() is not None


def test_a_case_deleted_meanwhile_can_still_be_saved_as_a_new_case(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str
) -> None:
    saved_example(qtbot, window)
    with CaseStore.open(database) as store:
        store.delete_case(REFERENCE, 1)
    type_into(qtbot, window, "credential.grade", ", checked")
    dialogs.conflict_answers = [ConflictChoice.SAVE_AS_NEW_CASE]
    save_and_wait_for_question(qtbot, window, dialogs)
    assert dialogs.conflicts[0].stored is None
    qtbot.waitUntil(lambda: not window.session.dirty)
    copy = window.stored_reference
    assert copy is not None and copy != REFERENCE
    assert stored_grade(database, copy) == STORED_GRADE + ", checked"


def test_the_same_change_saved_by_both_needs_no_question(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str
) -> None:
    saved_example(qtbot, window)
    colleague_saves_grade(database, THEIR_GRADE)
    line(window, "credential.grade").clear()
    type_into(qtbot, window, "credential.grade", THEIR_GRADE)
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty)
    settle(qtbot, window)
    assert dialogs.conflicts == []
    assert window.stored_version == 2
    assert not window.conflict_banner.isVisible()
    assert read_draft() is None


def test_saving_an_unchanged_case_shows_the_newer_version_without_a_question(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str
) -> None:
    saved_example(qtbot, window)
    colleague_saves_grade(database, THEIR_GRADE)
    window.save_action.trigger()
    qtbot.waitUntil(lambda: window.stored_version == 2)
    settle(qtbot, window)
    assert line(window, "credential.grade").text() == THEIR_GRADE
    assert not window.session.dirty
    assert dialogs.conflicts == []
    kind, _title, text = dialogs.shown[-1]
    assert kind == "information" and "(version 2)" in text and "review it" in text


def test_a_decision_waits_until_the_evaluator_has_seen_what_someone_else_saved(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, database: str
) -> None:
    asked: list[Recommendation] = []

    def decide(
        parent: QWidget | None, case: Case, recommendation: Recommendation, evaluator: str, precedents: object = ()
    ) -> DecisionEntry:
        asked.append(recommendation)
        return DecisionEntry(recommendation.outcome, "", "Ana Horvat", recommendation.ects_recognised)

    dialogs.record_decision = decide  # type: ignore[method-assign]
    saved_example(qtbot, window)
    colleague_saves_grade(database, THEIR_GRADE)
    window.decision_action.trigger()
    qtbot.waitUntil(lambda: window.stored_version == 2)
    settle(qtbot, window)
    assert asked == []
    assert line(window, "credential.grade").text() == THEIR_GRADE
    assert dialogs.shown[-1][0] == "information"

    window.decision_action.trigger()
    qtbot.waitUntil(window.results.recommendation.history.isVisible)
    with CaseStore.open(database) as store:
        (recorded,) = store.decisions_for(REFERENCE)
        assert recorded.case_document["credential"]["grade"] == THEIR_GRADE
    assert len(asked) == 1
