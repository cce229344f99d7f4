"""Saving a case someone else saved meanwhile, played on the controllers without a window: every way out, and
nothing of either evaluator lost on the way. The window's part (the banner, its button) is in
tests/ui/test_save_conflict.py."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from recogniser.casefile import parse_case
from recogniser.store import CaseStore
from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.document import with_value
from recogniser.ui.drafts import read_draft
from recogniser.ui.look import local_time
from recogniser.ui.save_conflict import ConflictChoice, SaveConflict
from recogniser.ui.settings import AppSettings

from ..conftest import ScriptedDialogs
from .conftest import Workflows, start_workflows, stop_workflows

REFERENCE = "EXAMPLE-01"
STORED_GRADE = "Very good (4)"
THEIR_GRADE = "Excellent (5)"
MY_GRADE = "Very good (4), confirmed by the registrar"
COLLEAGUE_SAVED_AT = datetime(2026, 11, 23, 9, 41, tzinfo=UTC)


@pytest.fixture
def database(database_url: str) -> str:
    """Every conflict is played on SQLite and on a PostgreSQL server, as in a shared office."""
    return database_url


def saved_example(flows: Workflows) -> None:
    flows.open_example()
    flows.save()
    assert (flows.case.reference, flows.case.version, flows.case.dirty) == (REFERENCE, 1, False)


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


def my_grade_after_theirs(flows: Workflows, database: str) -> None:
    """The colleague saves first; then this evaluator changes the grade."""
    saved_example(flows)
    colleague_saves_grade(database, THEIR_GRADE)
    flows.session.set_value("credential.grade", MY_GRADE)


def unresolved(flows: Workflows) -> SaveConflict | None:
    """The conflict the window's banner shows now (None: no banner)."""
    if not flows.conflicts:
        return None
    last: SaveConflict | None = flows.conflicts[-1]
    return last


def test_keeping_on_editing_keeps_the_edits_in_the_editor_and_in_the_draft(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    my_grade_after_theirs(workflows, database)
    dialogs.conflict_answers = [ConflictChoice.KEEP_EDITING]
    workflows.save()

    (conflict,) = dialogs.conflicts
    assert (conflict.reference, conflict.version, conflict.differences) == (REFERENCE, 1, ("Grade",))
    assert conflict.stored is not None
    assert (conflict.stored.version, conflict.stored.updated_at) == (2, COLLEAGUE_SAVED_AT)
    assert unresolved(workflows) == conflict
    assert workflows.case.dirty
    assert workflows.session.value("credential.grade") == MY_GRADE
    draft = read_draft()
    assert draft is not None
    assert (draft.reference, draft.version) == (REFERENCE, 1)
    assert draft.document["credential"]["grade"] == MY_GRADE
    assert stored_grade(database) == THEIR_GRADE
    assert workflows.messages[-1] == "Not saved: your changes are kept"
    assert dialogs.errors() == []

    dialogs.conflict_answers = [ConflictChoice.KEEP_EDITING]
    workflows.save()  # the banner's Resolve… saves again
    assert len(dialogs.conflicts) == 2
    assert workflows.session.value("credential.grade") == MY_GRADE


def test_a_draft_restored_after_a_crash_meets_the_same_question(
    qtbot: QtBot, workflows: Workflows, settings: AppSettings, dialogs: ScriptedDialogs, database: str
) -> None:
    my_grade_after_theirs(workflows, database)
    dialogs.conflict_answers = [ConflictChoice.KEEP_EDITING]
    workflows.save()
    # No closing: as if the process died while the question was open; another run starts.
    again = ScriptedDialogs(confirm_answers=[True], conflict_answers=[ConflictChoice.SAVE_AS_NEW_CASE])
    restored = start_workflows(qtbot, settings, again)
    try:
        assert restored.case.offer_draft()
        assert (restored.case.reference, restored.case.version) == (REFERENCE, 1)
        assert restored.session.value("credential.grade") == MY_GRADE
        restored.save()
        assert len(again.conflicts) == 1
        copy = restored.case.reference
        assert copy is not None and copy != REFERENCE
        assert not restored.case.dirty
        assert stored_grade(database, copy) == MY_GRADE
        assert stored_grade(database) == THEIR_GRADE
        assert read_draft() is None
        assert unresolved(restored) is None
        assert again.unexpected == []
    finally:
        stop_workflows(restored)


#: For each choice that loses a version: how its confirmation opens, the grade then kept, and its version.
LOSING_CHOICES = {
    ConflictChoice.RELOAD: ("Open EXAMPLE-01 as saved", THEIR_GRADE, 2),
    ConflictChoice.OVERWRITE: ("Your version replaces EXAMPLE-01", MY_GRADE, 3),
}


@pytest.mark.parametrize("choice", LOSING_CHOICES)
def test_a_choice_that_loses_one_version_is_taken_only_once_confirmed(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str, choice: ConflictChoice
) -> None:
    question_opens, kept, version = LOSING_CHOICES[choice]
    my_grade_after_theirs(workflows, database)
    dialogs.conflict_answers = [choice, choice]
    dialogs.confirm_answers = [False, True]
    workflows.save()
    kind, _title, question = dialogs.shown[-1]
    assert kind == "confirm"
    assert question.startswith(question_opens)
    assert f"on {local_time(COLLEAGUE_SAVED_AT)} (version 2)" in question and question.endswith(": Grade.")
    assert workflows.session.value("credential.grade") == MY_GRADE
    assert workflows.case.dirty
    assert unresolved(workflows) is not None
    assert stored_grade(database) == THEIR_GRADE

    workflows.save()
    assert not workflows.case.dirty
    assert workflows.session.value("credential.grade") == kept
    assert stored_grade(database) == kept
    assert (workflows.case.reference, workflows.case.version) == (REFERENCE, version)
    assert unresolved(workflows) is None
    assert read_draft() is None


def test_leaving_the_case_goes_on_once_it_is_saved_as_a_new_case(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    my_grade_after_theirs(workflows, database)
    dialogs.unsaved_answers = [UnsavedChoice.SAVE]
    dialogs.conflict_answers = [ConflictChoice.SAVE_AS_NEW_CASE]
    workflows.cases.new_case()
    workflows.settle()
    assert workflows.case.reference is None
    assert workflows.session.value("credential.grade") is None
    assert workflows.session.value("assessing_country") == "HR"
    with CaseStore.open(database) as store:
        grades = sorted(store.get_case(s.reference).case.document["credential"]["grade"] for s in store.list_cases())
    assert grades == [THEIR_GRADE, MY_GRADE]


def test_leaving_stops_when_the_evaluator_keeps_editing(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    my_grade_after_theirs(workflows, database)
    dialogs.unsaved_answers = [UnsavedChoice.SAVE]
    dialogs.conflict_answers = [ConflictChoice.KEEP_EDITING]
    left: list[bool] = []
    workflows.saving.leave_then(lambda: left.append(True))
    workflows.settle()
    assert left == []
    assert workflows.session.value("credential.grade") == MY_GRADE
    assert read_draft() is not None


def test_a_case_deleted_meanwhile_can_still_be_saved_as_a_new_case(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    saved_example(workflows)
    with CaseStore.open(database) as store:
        store.delete_case(REFERENCE, 1)
    workflows.session.set_value("credential.grade", STORED_GRADE + ", checked")
    dialogs.conflict_answers = [ConflictChoice.SAVE_AS_NEW_CASE]
    workflows.save()
    assert dialogs.conflicts[0].stored is None
    assert not workflows.case.dirty
    copy = workflows.case.reference
    assert copy is not None and copy != REFERENCE
    assert stored_grade(database, copy) == STORED_GRADE + ", checked"
    assert workflows.messages[-1] == f"Saved your version as {copy}; {REFERENCE} stays as the other evaluator saved it"


def test_the_same_change_saved_by_both_needs_no_question(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    saved_example(workflows)
    colleague_saves_grade(database, THEIR_GRADE)
    workflows.session.set_value("credential.grade", THEIR_GRADE)
    workflows.save()
    assert dialogs.conflicts == []
    assert not workflows.case.dirty
    assert workflows.case.version == 2
    assert unresolved(workflows) is None
    assert read_draft() is None


def test_saving_an_unchanged_case_shows_the_newer_version_without_a_question(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    saved_example(workflows)
    colleague_saves_grade(database, THEIR_GRADE)
    workflows.save()
    assert workflows.case.version == 2
    assert workflows.session.value("credential.grade") == THEIR_GRADE
    assert not workflows.case.dirty
    assert dialogs.conflicts == []
    kind, _title, text = dialogs.shown[-1]
    assert kind == "information" and "(version 2)" in text and "review it" in text


def test_a_case_that_cannot_be_read_yet_is_kept_as_a_draft_and_the_evaluator_taken_to_the_field(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    workflows.cases.new_case()
    workflows.session.set_value("credential.title", "Data protection in health care")
    dialogs.confirm_answers = [True]
    workflows.save()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("confirm", "Cannot save yet")
    assert text.startswith("“Data protection in health care” cannot be saved to the case database until")
    assert "kept as a draft on this computer" in text
    assert workflows.form.every_problem_shown == 1
    assert "\n• What is sought: target is required here\n" in text
    assert workflows.form.focused == ["target"], "Go to What is sought"
    assert workflows.case.reference is None and workflows.case.dirty
    draft = read_draft()
    assert draft is not None and draft.document["credential"]["title"] == "Data protection in health care"
    with CaseStore.open(database) as store:
        assert store.list_cases() == []
