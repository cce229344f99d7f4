"""Which case the editor holds, without a window: opened, dropped, imported, deleted, and never a change lost on
the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from recogniser.store import CaseStore
from recogniser.ui.controllers.cases import can_open
from recogniser.ui.dialogs import UnsavedChoice
from recogniser.ui.drafts import Draft, read_draft, write_draft

from ..conftest import EXAMPLES, ScriptedDialogs
from .conftest import Workflows

BADGE = Path(__file__).resolve().parents[2] / "interchange" / "fixtures" / "ob3-badge.json"
CASE_FILE = EXAMPLES / "maritime-credit-transfer.json"


def drafted_grade() -> str | None:
    draft = read_draft()
    return None if draft is None else draft.document["credential"].get("grade")


def test_a_case_file_that_cannot_be_read_leaves_the_open_case_as_it_was(
    qtbot: QtBot, workflows: Workflows, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    workflows.open_example()
    workflows.session.set_value("credential.grade", "Very good (4), confirmed")
    qtbot.waitUntil(lambda: drafted_grade() == "Very good (4), confirmed")  # a moment after the edit
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "recogniser-case/1",', "utf-8")
    dialogs.paths.append(str(broken))
    dialogs.unsaved_answers = [UnsavedChoice.DISCARD]
    workflows.cases.open_case_file_dialog()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("error", "Cannot open the case file")
    assert "broken.json" in text
    assert workflows.session.value("credential.grade") == "Very good (4), confirmed"
    assert workflows.case.dirty
    assert drafted_grade() == "Very good (4), confirmed"


def test_cancelling_the_question_keeps_the_case_and_opens_nothing(
    workflows: Workflows, dialogs: ScriptedDialogs
) -> None:
    workflows.open_example()
    dialogs.unsaved_answers = [UnsavedChoice.CANCEL]
    workflows.cases.new_case()
    assert workflows.session.value("reference") == "EXAMPLE-01"
    assert workflows.case.dirty


def test_files_dropped_together_open_as_one_case_file_or_as_credentials(
    workflows: Workflows, dialogs: ScriptedDialogs
) -> None:
    second_badge = BADGE.with_name("edc-microcredential.json")
    assert can_open([CASE_FILE]) and can_open([BADGE]) and can_open([BADGE, second_badge])
    assert not can_open([]) and not can_open([BADGE, CASE_FILE])

    workflows.cases.open_files([CASE_FILE])
    workflows.settle()
    assert workflows.session.value("reference") == "EXAMPLE-01"
    dialogs.unsaved_answers = [UnsavedChoice.DISCARD]
    workflows.cases.open_files([BADGE])
    workflows.settle()
    assert workflows.session.value("credential.issuer_country") == "DE"
    assert [name for name, _content in workflows.case.pending_originals] == [BADGE.name]
    assert [kind for kind, _title, _text in dialogs.shown].count("import report") == 1

    # Dropped on an open case, several credentials join it if the evaluator says so; otherwise a new case.
    dialogs.confirm_answers = [False]
    dialogs.unsaved_answers = [UnsavedChoice.DISCARD]
    workflows.cases.open_files([BADGE, second_badge])
    workflows.settle()
    assert ("confirm", "Credentials dropped") in [(kind, title) for kind, title, _text in dialogs.shown]
    assert [kind for kind, _title, _text in dialogs.shown].count("import report") == 3
    items = workflows.session.document["credentials"]
    assert [item["provenance"]["source"]["file_name"] for item in items] == [BADGE.name, second_badge.name]
    assert [name for name, _content in workflows.case.pending_originals] == [BADGE.name, second_badge.name]
    assert workflows.case.dirty


def test_a_stored_case_is_deleted_only_once_confirmed_and_goes_with_its_draft(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    workflows.open_example()
    workflows.save()
    workflows.session.set_value("credential.grade", "Very good (4), confirmed")
    workflows.case.write_draft_now()
    with CaseStore.open(database) as store:
        (summary,) = store.list_cases()
    dialogs.confirm_answers = [False, True]
    workflows.cases.delete(summary)
    workflows.settle()
    assert workflows.case.reference == "EXAMPLE-01"
    workflows.cases.delete(summary)
    workflows.settle()
    assert not workflows.case.has_case and not workflows.case.dirty
    assert read_draft() is None
    assert workflows.messages[-1] == "Deleted EXAMPLE-01"
    with CaseStore.open(database) as store:
        assert store.list_cases() == []


def test_deleting_a_case_removes_a_draft_left_of_it(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    workflows.open_example()
    workflows.save()
    document = dict(workflows.session.document)
    workflows.cases.new_case()
    # A draft of the stored case left by a run that stopped: the learner's data goes with the case.
    write_draft(Draft(document=document, reference="EXAMPLE-01", version=1))
    with CaseStore.open(database) as store:
        (summary,) = store.list_cases()
    dialogs.confirm_answers = [True]
    workflows.cases.delete(summary)
    workflows.settle()
    assert read_draft() is None
    assert workflows.case.has_case, "the new case stays open"


@pytest.mark.parametrize("recorded_after_the_list_was_read", [False, True])
def test_a_case_with_a_recorded_decision_is_kept(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str, recorded_after_the_list_was_read: bool
) -> None:
    workflows.open_example()
    workflows.save()
    with CaseStore.open(database) as store:
        (summary,) = store.list_cases()
        assessment = workflows.session.assessment.decision
        assert assessment is not None
        store.record_decision("EXAMPLE-01", assessment, "Ana Horvat")
        if not recorded_after_the_list_was_read:
            (summary,) = store.list_cases()
    dialogs.confirm_answers = [True] if recorded_after_the_list_was_read else []
    workflows.cases.delete(summary)
    workflows.settle()
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("error", "Cannot delete the case")
    assert text == "EXAMPLE-01 has a recorded decision, so it is part of the record and is kept."
    with CaseStore.open(database) as store:
        assert [s.reference for s in store.list_cases()] == ["EXAMPLE-01"]
