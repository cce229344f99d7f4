"""Small icons that render on every system: the platform theme's where it has one, else drawn here with plain
lines, so no button depends on a font having a symbol such as ⎘ (an empty box on many Linux systems)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap

#: The pixel sizes each drawn icon is made at; Qt picks the nearest for the screen's scaling.
_SIZES = (16, 24, 32, 48, 64)

Drawing = Callable[[QPainter, float], None]


def _add(painter: QPainter, unit: float) -> None:
    painter.drawLine(QPointF(8 * unit, 3 * unit), QPointF(8 * unit, 13 * unit))
    painter.drawLine(QPointF(3 * unit, 8 * unit), QPointF(13 * unit, 8 * unit))


def _remove(painter: QPainter, unit: float) -> None:
    painter.drawLine(QPointF(3 * unit, 8 * unit), QPointF(13 * unit, 8 * unit))


def _arrow(up: bool) -> Drawing:
    def draw(painter: QPainter, unit: float) -> None:
        tip, tail = (3, 13) if up else (13, 3)
        wing = tip + (4 if up else -4)
        painter.drawLine(QPointF(8 * unit, tip * unit), QPointF(8 * unit, tail * unit))
        path = QPainterPath(QPointF(4 * unit, wing * unit))
        path.lineTo(QPointF(8 * unit, tip * unit))
        path.lineTo(QPointF(12 * unit, wing * unit))
        painter.drawPath(path)

    return draw


def _paste(painter: QPainter, unit: float) -> None:
    # A clipboard with lines of text on it.
    painter.drawRoundedRect(QRectF(3 * unit, 3 * unit, 10 * unit, 11.5 * unit), 1.2 * unit, 1.2 * unit)
    painter.drawRect(QRectF(6 * unit, 1.8 * unit, 4 * unit, 2.4 * unit))
    for row in (7.0, 9.5, 12.0):
        painter.drawLine(QPointF(5.5 * unit, row * unit), QPointF(10.5 * unit, row * unit))


_DRAWINGS: dict[str, tuple[str, Drawing]] = {
    "add": ("list-add", _add),
    "remove": ("list-remove", _remove),
    "up": ("go-up", _arrow(up=True)),
    "down": ("go-down", _arrow(up=False)),
    "paste": ("edit-paste", _paste),
}


def drawn_icon(name: str) -> QIcon:
    """The icon ``name`` as drawn here, in the colour of the window's text."""
    _theme_name, drawing = _DRAWINGS[name]
    colour = QGuiApplication.palette().windowText().color()
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(Qt.GlobalColor.transparent))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(colour, max(1.0, size / 12), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        drawing(painter, size / 16)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    """The platform theme's icon for ``name`` where the theme has one, else the one drawn here."""
    theme_name, _drawing = _DRAWINGS[name]
    themed = QIcon.fromTheme(theme_name)
    return themed if not themed.isNull() else drawn_icon(name)
