"""Garbage is collected on the UI thread: automatic collection is off and the UI thread's timer does it."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication

from recogniser.ui.collector import MainThreadCollector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_automatic_collection_is_off_and_the_check_collects_cycles(qapp: QApplication) -> None:
    assert not gc.isenabled()
    assert qapp.findChild(MainThreadCollector) is not None
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    del first, second
    filler = [[] for _ in range(gc.get_threshold()[0] + 10)]  # tracked allocations past the youngest threshold
    assert gone() is not None  # nothing collects it by itself
    collector = qapp.findChild(MainThreadCollector)
    assert collector is not None
    collector.check()  # collecting any generation collects the younger ones, where the new cycle is
    assert gone() is None
    del filler
