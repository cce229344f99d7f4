"""The office's settings and case database, without a window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from recogniser.settings import Settings, load_settings, save_settings, settings_file
from recogniser.ui.controllers.office import Office
from recogniser.ui.settings import AppSettings
from recogniser.ui.tasks import TaskRunner

from ..conftest import ScriptedDialogs


def office_on(qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs) -> tuple[Office, list[object]]:
    """An office started as the window starts it; the list receives what the case list was told."""
    office = Office(settings, dialogs, TaskRunner())
    told: list[object] = []
    office.store_changed.connect(told.append)
    office.database_status.connect(told.append)
    office.database_problem.connect(told.append)
    office.read_settings()
    office.ask_country_once()
    office.open_store()
    qtbot.waitUntil(lambda: not office.tasks.busy)
    return office, told


def test_the_database_settings_name_is_opened(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    save_settings(Settings(database_url=f"sqlite:///{tmp_path / 'cases.db'}", assessing_country="HR"))
    messages: list[str] = []
    office = Office(settings, dialogs, TaskRunner())
    office.message.connect(lambda text, _ms: messages.append(text))
    office.read_settings()
    office.open_store()
    qtbot.waitUntil(lambda: office.store is not None)
    assert office.store_problem is None
    assert messages == [f"Cases are kept in {tmp_path / 'cases.db'}"]
    assert office.require_store() is office.store
    office.close_store()
    assert office.store is None
    assert dialogs.shown == []


def test_a_database_that_cannot_be_used_is_said_in_the_list_and_when_work_needs_it(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    save_settings(Settings(database_url=f"sqlite:///{tmp_path / 'gone' / 'cases.db'}", assessing_country="HR"))
    office, told = office_on(qtbot, settings, dialogs)
    assert told[:3] == [None, None, "Opening the case database…"]
    problem = told[-1]
    assert isinstance(problem, str) and problem.startswith("The case database cannot be used:")
    assert "the folder" in problem and "export it as a file" in problem
    assert office.store is None and office.store_problem
    assert dialogs.shown == [], "a problem of the evaluator's settings is no crash"

    assert office.require_store() is None
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("error", "No case database")
    assert text.startswith(f"The case database is not available: {office.store_problem}")


def test_the_offices_country_is_asked_once_and_kept_in_the_settings_file(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    save_settings(Settings(database_url=f"sqlite:///{tmp_path / 'cases.db'}"))
    dialogs.country_answers = ["HR"]
    office, _told = office_on(qtbot, settings, dialogs)
    assert office.settings.assessing_country == load_settings().assessing_country == "HR"
    office.close_store()
    again = ScriptedDialogs()
    reopened, _told = office_on(qtbot, settings, again)
    reopened.close_store()
    assert again.shown == [] and again.unexpected == dialogs.unexpected == []


def test_an_office_that_leaves_the_country_for_later_is_not_asked_again(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    save_settings(Settings(database_url=f"sqlite:///{tmp_path / 'cases.db'}"))
    dialogs.country_answers = [None]
    office, _told = office_on(qtbot, settings, dialogs)
    office.close_store()
    assert load_settings().assessing_country == ""
    again = ScriptedDialogs()
    reopened, _told = office_on(qtbot, settings, again)
    reopened.close_store()
    assert again.shown == []


def test_office_settings_an_earlier_version_kept_move_to_the_settings_file(tmp_path: Path) -> None:
    legacy = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    legacy.setValue("report/office_name", "ENIC-NARIC Croatia")
    legacy.setValue("cases/assessing_country", "HR")
    legacy.setValue("report/evaluator_name", "Ana Horvat")
    legacy.sync()
    save_settings(Settings(evaluator_name="Marija Kovač"))  # the file wins where it says something
    office = Office(AppSettings(legacy), ScriptedDialogs(), TaskRunner())
    office.read_settings()
    expected = Settings(office_name="ENIC-NARIC Croatia", assessing_country="HR", evaluator_name="Marija Kovač")
    assert office.settings == expected
    assert load_settings() == expected
    assert AppSettings(legacy).legacy_office_settings() == {}


def test_a_settings_file_that_cannot_be_read_is_shown_once_and_the_defaults_used(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs
) -> None:
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text("database_url = [", "utf-8")
    office = Office(settings, dialogs, TaskRunner())
    office.read_settings()
    ((kind, title, text),) = dialogs.shown
    assert (kind, title) == ("error", "Settings")
    assert str(settings_file()) in text
    assert office.settings == Settings()


def test_a_failure_in_background_work_is_shown_with_the_log(
    qtbot: QtBot, settings: AppSettings, dialogs: ScriptedDialogs
) -> None:
    office = Office(settings, dialogs, TaskRunner())

    def fails() -> None:
        raise RuntimeError("disk on fire")

    office.tasks.run("Saving the case", fails, lambda _nothing: None)
    qtbot.waitUntil(lambda: not office.tasks.busy)
    ((kind, title, text),) = dialogs.shown
    assert (kind, title) == ("error", "Saving the case")
    assert text.startswith("Saving the case failed: disk on fire\n\nDetails are in the log: ")
