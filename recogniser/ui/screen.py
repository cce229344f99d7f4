"""Windows sized and placed within the screen's free area (the desktop less its panels), whatever its size and
scaling: a first size that suits the screen, and a remembered or asked-for geometry brought within it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

#: The share of the screen's free area a window takes at most when it first opens, leaving room for its frame.
FIRST_SHARE = 0.92


def first_geometry(available: QRect, wanted: QSize) -> QRect:
    """A window's geometry when it first opens: ``wanted`` where the screen's free area ``available`` has room
    for it, else most of that area; centred in it."""
    size = QSize(
        min(wanted.width(), int(available.width() * FIRST_SHARE)),
        min(wanted.height(), int(available.height() * FIRST_SHARE)),
    )
    placed = QRect(QPoint(0, 0), size)
    placed.moveCenter(available.center())
    return placed


def within(geometry: QRect, available: QRect) -> QRect:
    """``geometry`` no larger than ``available`` and moved wholly into it."""
    size = geometry.size().boundedTo(available.size())
    left = min(max(geometry.left(), available.left()), available.right() - size.width() + 1)
    top = min(max(geometry.top(), available.top()), available.bottom() - size.height() + 1)
    return QRect(QPoint(left, top), size)


def open_at(window: QWidget, wanted: QSize) -> None:
    """Size ``window`` to ``wanted``, or to most of its screen's free area where that is smaller, centred."""
    window.setGeometry(first_geometry(window.screen().availableGeometry(), wanted))
