"""Python's cyclic garbage collector, run on the UI thread only.

Automatic collection runs in whichever thread happens to allocate when a threshold is crossed. When that is the
background task thread (recogniser.ui.tasks) and the garbage holds Qt objects (a closed dialog caught in a
reference cycle with its slots), their C++ destructors run off the UI thread and the process can crash. So
automatic collection is switched off and the same thresholds are checked by a timer on the UI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the thresholds are checked; a collection of the youngest generation takes well under a millisecond.
CHECK_INTERVAL_MS = 250


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose threshold has been crossed, as the automatic collector would."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return
