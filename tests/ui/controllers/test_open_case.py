"""The open case without a window: its name, its draft a moment after each edit, the draft offered back once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from recogniser.ui.drafts import Draft, read_draft, write_draft

from ..conftest import ScriptedDialogs
from .conftest import Workflows


def test_the_case_is_named_by_its_reference_else_its_title_else_the_learner(workflows: Workflows) -> None:
    workflows.cases.new_case()
    assert workflows.case.name() == "New case"
    workflows.session.set_value("credential.learner.name", "Ивана Пример")
    assert workflows.case.name() == "Ивана Пример"
    workflows.session.set_value("credential.title", "  Ship Stability  ")
    assert workflows.case.name() == "Ship Stability"
    workflows.session.set_value("reference", "HR-2026-1")
    assert workflows.case.name() == "HR-2026-1"


def test_an_edit_reaches_the_draft_a_moment_later_and_a_save_removes_it(qtbot: QtBot, workflows: Workflows) -> None:
    workflows.cases.new_case()
    assert read_draft() is None, "a blank new case has nothing to lose"
    workflows.session.set_value("credential.title", "Ship Stability")
    assert read_draft() is None, "not at every keystroke"
    qtbot.waitUntil(lambda: read_draft() is not None)
    draft = read_draft()
    assert draft is not None
    assert (draft.reference, draft.version, draft.document["credential"]["title"]) == (None, None, "Ship Stability")

    workflows.open_example()
    workflows.save()
    workflows.session.set_value("credential.grade", "Excellent (5)")  # one edit of a saved case
    qtbot.waitUntil(lambda: read_draft() is not None)
    draft = read_draft()
    assert draft is not None and (draft.reference, draft.version) == ("EXAMPLE-01", 1)
    assert draft.document["credential"]["grade"] == "Excellent (5)"

    workflows.open_example("incomplete-admission.json")
    draft = read_draft()
    assert draft is not None and draft.document["reference"] == "EXAMPLE-03", "an opened file is unsaved work at once"
    workflows.save()
    assert read_draft() is None
    assert workflows.case.reference == "EXAMPLE-03" and not workflows.case.dirty


def test_a_draft_is_offered_back_once_and_a_declined_one_is_gone(
    workflows: Workflows, dialogs: ScriptedDialogs
) -> None:
    document = {"format": "recogniser-case/1", "purpose": "admission", "credential": {"title": "Σ ქართული"}}
    write_draft(Draft(document, reference="GE-1", version=2))
    dialogs.confirm_answers = [False]
    assert not workflows.case.offer_draft()
    assert read_draft() is None
    assert not workflows.case.has_case
    assert dialogs.shown[-1][2] == "Recogniser closed before “Σ ქართული” was saved. Restore the unsaved changes?"

    write_draft(Draft(document, reference="GE-1", version=2))
    dialogs.confirm_answers = [True]
    assert workflows.case.offer_draft()
    assert (workflows.case.reference, workflows.case.version) == ("GE-1", 2)
    assert workflows.case.dirty
    assert workflows.session.value("credential.title") == "Σ ქართული"
