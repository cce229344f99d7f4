"""The fonts the report ships with, and which one draws each character.

No one font covers every script an evaluator meets, so text is cut into runs and each run gets the bundled
font that has its glyphs: Noto Sans for Latin, Greek and Cyrillic, and a Noto companion for Georgian, Armenian
and Arabic. System fonts are never used, so a report looks the same on every machine.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont


class Script(Enum):
    """The scripts that need a font of their own; everything else is drawn with the base font."""

    BASE = "NotoSans"
    GEORGIAN = "NotoSansGeorgian"
    ARMENIAN = "NotoSansArmenian"
    ARABIC = "NotoNaskhArabic"


@dataclass(frozen=True)
class Run:
    """A stretch of text drawn with one font."""

    text: str
    script: Script


BASE_FONT = Script.BASE.value
BASE_BOLD_FONT = f"{Script.BASE.value}-Bold"

# Unicode blocks per script. Arabic-Indic digits are drawn with the Arabic font but are not letters: they are
# numbers, laid out left to right, and stay unshaped.
_SCRIPT_CHARACTERS = {
    Script.ARMENIAN: "\u0530-\u058f\ufb13-\ufb17",
    Script.ARABIC: "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    Script.GEORGIAN: "\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f",
}
_SCRIPT_RUN = re.compile(
    "|".join(f"(?P<{script.name}>[{chars}](?:[{chars}]|\\s)*)" for script, chars in _SCRIPT_CHARACTERS.items())
)
_ARABIC_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def font_name(script: Script, bold: bool = False) -> str:
    return f"{script.value}-Bold" if bold else script.value


@cache
def register_fonts() -> None:
    """Register the bundled fonts with reportlab once per process."""
    folder = resources.files("recogniser.report").joinpath("fonts")
    for script in Script:
        for bold in (False, True):
            name = font_name(script, bold)
            with resources.as_file(folder.joinpath(f"{name if bold else name + '-Regular'}.ttf")) as path:
                pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> in a paragraph switches to the bold face of whichever family is current.
        addMapping(script.value, 0, 0, font_name(script))
        addMapping(script.value, 1, 0, font_name(script, bold=True))
        addMapping(script.value, 0, 1, font_name(script))
        addMapping(script.value, 1, 1, font_name(script, bold=True))


@cache
def covered(script: Script) -> frozenset[str]:
    """The characters the font of ``script`` draws, in its regular and its bold face."""
    register_fonts()
    regular, bold = (pdfmetrics.getFont(font_name(script, bold)).face.charToGlyph for bold in (False, True))
    return frozenset(map(chr, regular.keys() & bold.keys()))


def is_arabic_letter(character: str) -> bool:
    """Letters and marks that join and are shaped; Arabic-Indic digits and punctuation are not among them."""
    return (
        _SCRIPT_RUN.match(character) is not None
        and _ARABIC_DIGITS.match(character) is None
        and unicodedata.bidirectional(character) in {"AL", "NSM", "R"}
    )


def runs(text: str) -> Iterator[Run]:
    """Cut ``text`` into runs by font. White space inside a run stays with it, so words are not broken up."""
    position = 0
    for match in _SCRIPT_RUN.finditer(text):
        if match.start() > position:
            yield Run(text[position : match.start()], Script.BASE)
        yield Run(match.group(), Script[match.lastgroup or ""])
        position = match.end()
    if position < len(text):
        yield Run(text[position:], Script.BASE)
