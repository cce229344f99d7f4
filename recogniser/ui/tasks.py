"""Work that may take longer than a frame (database, PDF, import) runs here, off the UI thread.

Tasks run one at a time, in the order given, so a save is always followed by the list refresh it caused. The
result or the exception comes back on the main thread: to the task's own callback, or, for a failure without
one, to ``failed``, the one place the window shows errors from.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


@dataclass
class _Callbacks:
    title: str
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, number: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._number = number
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # every failure must reach the window, never vanish with the thread
            self._runner._finished.emit(self._number, False, error)
        else:
            self._runner._finished.emit(self._number, True, result)


class TaskRunner(QObject):
    """Runs callables on one background thread and reports back on the main thread."""

    failed = Signal(str, object)
    busy_changed = Signal(bool)
    _finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: dict[int, _Callbacks] = {}
        self._numbers = itertools.count(1)
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        title: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        number = next(self._numbers)
        self._pending[number] = _Callbacks(title, on_done, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, number, work))

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the background thread is idle (closing the window, tests)."""
        return self._pool.waitForDone(milliseconds)

    @Slot(int, bool, object)
    def _deliver(self, number: int, succeeded: bool, payload: Any) -> None:
        callbacks = self._pending.pop(number)
        try:
            if succeeded:
                callbacks.on_done(payload)
            elif callbacks.on_error is not None:
                callbacks.on_error(payload)
            else:
                self.failed.emit(callbacks.title, payload)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)
