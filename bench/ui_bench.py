"""Benchmark the desktop app: `python bench/ui_bench.py`.

Prints the median time from starting the process to the first painted main window (target under 1.5 s), and
from a keystroke in the case editor to the findings on screen being those of the edited case (target under
50 ms; the 20 ms pause that merges a burst of keystrokes included). Runs offscreen, on a scratch database and
user folder, so it needs no display and touches nothing of the user's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STARTS = 5
KEYSTROKES = 60

# The child process: the real `recogniser` start-up, which reports the first paint of the main window and quits.
_FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow
from recogniser.ui import app as desktop

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow) and not self.seen:
            self.seen = True
            print("painted", flush=True)
            QTimer.singleShot(0, watched.close)
        return False

application = desktop.application()
spy = FirstPaint()
spy.seen = False
application.installEventFilter(spy)
sys.exit(desktop.run_app([]))
"""


def first_paint_seconds(scratch: Path) -> float:
    environment = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        RECOGNISER_DATA_HOME=str(scratch / "data"),
        RECOGNISER_CONFIG_HOME=str(scratch / "config"),
        XDG_CONFIG_HOME=str(scratch / "xdg"),
        PYTHONPATH=str(ROOT),
    )
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _FIRST_PAINT],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait(timeout=60)
    if line.strip() != "painted":
        raise SystemExit("the window did not paint")
    return elapsed


def keystroke_latencies_ms(scratch: Path) -> list[float]:
    os.environ.update(
        QT_QPA_PLATFORM="offscreen",
        RECOGNISER_DATA_HOME=str(scratch / "data"),
        RECOGNISER_CONFIG_HOME=str(scratch / "config"),
        RECOGNISER_DATABASE_URL=f"sqlite:///{scratch / 'bench.db'}",
    )
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from recogniser.rules import assess
    from recogniser.ui.fields import TextField
    from recogniser.ui.main_window import MainWindow
    from recogniser.ui.settings import AppSettings

    application = QApplication.instance() or QApplication([])
    settings = AppSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(assess, settings)
    window.show()
    window.cases.open_case_file(ROOT / "examples" / "maritime-credit-transfer.json")
    field = window.editor.slots["credential.workload.hours"].field
    assert isinstance(field, TextField)
    field.line.setFocus()
    field.line.end(False)
    findings = window.results.findings.model
    latencies = []
    for stroke in range(KEYSTROKES):
        # Alternate between a workload that fits 5 ECTS and one that does not, so the findings really change.
        character = "0" if stroke % 2 == 0 else None
        before = findings.findings()
        start = time.perf_counter()
        if character is None:
            key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)
        else:
            key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_0, Qt.KeyboardModifier.NoModifier, character)
        QApplication.sendEvent(field.line, key)
        while findings.findings() == before:
            application.processEvents()
        latencies.append((time.perf_counter() - start) * 1000)
    window.session.mark_saved()
    window.close()
    return latencies


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="recogniser-ui-bench-") as folder:
        scratch = Path(folder)
        first_paint_seconds(scratch)  # the first start also creates and migrates the database
        starts = [first_paint_seconds(scratch) for _ in range(STARTS)]
        latencies = keystroke_latencies_ms(scratch)
    print(
        f"process start to first painted window (median of {STARTS}): {statistics.median(starts):.2f} s  "
        "(target < 1.5 s)"
    )
    print(
        f"keystroke to updated findings (median of {KEYSTROKES}): {statistics.median(latencies):.1f} ms, "
        f"slowest {max(latencies):.1f} ms  (target < 50 ms)"
    )


if __name__ == "__main__":
    main()
