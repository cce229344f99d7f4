"""Saving a case someone else saved meanwhile, as the window shows it: the banner until it is resolved, its button,
the form showing the version kept, and closing the window. Every way out of the protocol itself is played on the
controllers in tests/ui/controllers/test_saving.py."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.drafts import read_draft
from recogniser.ui.look import local_time
from recogniser.ui.main_window import MainWindow
from recogniser.ui.save_conflict import ConflictChoice

from .conftest import EXAMPLES, ScriptedDialogs
from .controllers.test_saving import (
    COLLEAGUE_SAVED_AT,
    LOSING_CHOICES,
    MY_GRADE,
    REFERENCE,
    THEIR_GRADE,
    colleague_saves_grade,
    stored_grade,
)
from .test_window import line, settle, type_into


@pytest.fixture
def database(database_url: str) -> str:
    """Every conflict is played on SQLite and on a PostgreSQL server, as in a shared office."""
    return database_url


def saved_example(qtbot: QtBot, window: MainWindow) -> None:
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.session.dirty and window.case.version == 1)
    settle(qtbot, window)


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
    assert (window.case.reference, window.case.version) == (REFERENCE, version)
    assert not window.conflict_banner.isVisible()
    assert read_draft() is None


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
