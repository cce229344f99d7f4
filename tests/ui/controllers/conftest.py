"""The controllers wired as the window wires them, without a window: a session, the office on a fresh database,
and a stand-in for the case form that records what the controllers asked of it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from recogniser.case_checks import Problem
from recogniser.rules import assess
from recogniser.settings import Settings, save_settings
from recogniser.ui.controllers.cases import CaseCommands
from recogniser.ui.controllers.decisions import Decisions
from recogniser.ui.controllers.exports import Exports
from recogniser.ui.controllers.office import Office
from recogniser.ui.controllers.open_case import OpenCase
from recogniser.ui.controllers.saving import Saving
from recogniser.ui.session import CaseSession
from recogniser.ui.settings import AppSettings
from recogniser.ui.tasks import TaskRunner

from ..conftest import EXAMPLES, ScriptedDialogs

#: The form's labels for the fields the tests touch; any other path has no field in this form.
LABELS = {"credential.grade": "Grade", "credential.title": "Title", "target": "What is sought"}


@dataclass
class FakeForm:
    """Names fields by ``LABELS`` and records where the evaluator was sent."""

    focused: list[str] = field(default_factory=list)
    every_problem_shown: int = 0

    def describe_problem(self, problem: Problem) -> str:
        return f"{LABELS.get(problem.field, problem.field)}: {problem.message}"

    def show_every_problem(self) -> None:
        self.every_problem_shown += 1

    def field_label(self, path: str) -> str | None:
        return LABELS.get(path)

    def focus_field(self, path: str) -> bool:
        self.focused.append(path)
        return True


@dataclass
class Workflows:
    """Every controller of the main window but the seminar's, and what they told the window."""

    qtbot: QtBot
    session: CaseSession
    office: Office
    case: OpenCase
    saving: Saving
    cases: CaseCommands
    decisions: Decisions
    exports: Exports
    form: FakeForm
    messages: list[str] = field(default_factory=list)
    conflicts: list[Any] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    histories: list[list[Any]] = field(default_factory=list)

    def settle(self) -> None:
        """Let the debounced assessment and the background work finish."""
        self.qtbot.waitUntil(lambda: not self.session.assessment_pending and not self.office.tasks.busy)

    def open_example(self, name: str = "maritime-credit-transfer.json") -> None:
        assert self.cases.open_case_file(EXAMPLES / name)
        self.settle()

    def save(self) -> None:
        self.saving.save()
        self.settle()


@pytest.fixture
def database(tmp_path: Any) -> str:
    return f"sqlite:///{tmp_path / 'cases.db'}"


def start_workflows(qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs) -> Workflows:
    """The controllers on the database settings.toml names, once it is open."""
    tasks = TaskRunner()
    session = CaseSession(assess)
    office = Office(settings, dialogs, tasks)
    case = OpenCase(session, office)
    form = FakeForm()
    saving = Saving(case, office, form)
    flows = Workflows(
        qtbot=qtbot,
        session=session,
        office=office,
        case=case,
        saving=saving,
        cases=CaseCommands(case, saving, office),
        decisions=Decisions(case, saving, office),
        exports=Exports(case, form, office),
        form=form,
    )
    for controller in (office, case, saving, flows.cases, flows.decisions, flows.exports):
        controller.message.connect(lambda text, _ms: flows.messages.append(text))
    saving.conflict_changed.connect(flows.conflicts.append)
    saving.stored.connect(flows.stored.append)
    flows.decisions.history_changed.connect(flows.histories.append)
    office.read_settings()
    office.open_store()
    qtbot.waitUntil(lambda: office.store is not None or office.store_problem is not None)
    flows.settle()
    return flows


def stop_workflows(flows: Workflows) -> None:
    """As the window closes: no look-up or draft left behind, the database closed."""
    flows.decisions.stop()
    flows.office.close_store()
    flows.case.let_go()


@pytest.fixture
def workflows(qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, database: str) -> Iterator[Workflows]:
    save_settings(Settings(database_url=database, assessing_country="HR"))
    flows = start_workflows(qtbot, settings, dialogs)
    yield flows
    stop_workflows(flows)
    assert dialogs.unexpected == []
