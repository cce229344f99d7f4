import threading

from pytestqt.qtbot import QtBot

from recogniser.errors import UserInputError
from recogniser.ui.tasks import TaskRunner


def test_work_runs_off_the_ui_thread_and_reports_back_on_it(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, bool]] = []
    main = threading.get_ident()
    runner.run("Counting", lambda: threading.get_ident() != main, lambda off: seen.append(("done", off)))
    qtbot.waitUntil(lambda: not runner.busy)
    assert seen == [("done", True)]
    assert runner.wait()


def test_a_failure_without_its_own_handler_reaches_the_one_place_errors_are_shown(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def fail() -> None:
        raise UserInputError("the database is locked")

    with qtbot.waitSignal(runner.failed) as signal:
        runner.run("Saving the case", fail, lambda _result: None)
    assert signal.args[0] == "Saving the case"
    assert str(signal.args[1]) == "the database is locked"
    assert runner.wait()


def test_tasks_finish_in_the_order_given(qtbot: QtBot) -> None:
    runner = TaskRunner()
    order: list[int] = []
    for number in range(5):
        runner.run("step", lambda n=number: n, order.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert order == [0, 1, 2, 3, 4]
