"""Coloured text stays readable: WCAG 2.1 AA asks for a contrast of 4.5:1 for normal text (criterion 1.4.3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from recogniser.ui.look import ERROR_COLOUR, OUTCOME_COLOURS, SECONDARY_TEXT_COLOUR, STATUS_COLOURS

UI = Path(__file__).resolve().parents[2] / "recogniser" / "ui"
TEXT_COLOURS = sorted({ERROR_COLOUR, SECONDARY_TEXT_COLOUR, *STATUS_COLOURS.values(), *OUTCOME_COLOURS.values()})


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG 2.1 defines it."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_ratio_is_computed_as_wcag_defines_it() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#808080"), QColor("#efefef")) == pytest.approx(3.43, abs=0.01)


@pytest.mark.parametrize("colour", TEXT_COLOURS)
@pytest.mark.parametrize("role", [QPalette.ColorRole.Window, QPalette.ColorRole.Base])
def test_text_colours_reach_aa_on_the_window_and_on_lists(qtbot: QtBot, colour: str, role: QPalette.ColorRole) -> None:
    background = QGuiApplication.palette().color(role)
    assert contrast(QColor(colour), background) >= 4.5, f"{colour} on {background.name()}"


def test_no_text_is_written_in_plain_grey() -> None:
    """Named grey (#808080) reads at 3.4:1 on the window: quieter text uses SECONDARY_TEXT_COLOUR."""
    grey = re.compile(r"color:\s*gr[ae]y|QColor\(\"gr[ae]y\"\)")
    offenders = [
        f"{path.name}: {line.strip()}"
        for path in UI.glob("*.py")
        for line in path.read_text().splitlines()
        if grey.search(line)
    ]
    assert offenders == []
