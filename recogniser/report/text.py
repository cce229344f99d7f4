"""User text into the report: escaped, one font per script, Arabic shaped and laid out right to left.

Everything that came from a case file passes through :func:`text_flowable`, so no value can inject markup,
break the layout or lose its letters. Left-to-right text becomes a reportlab ``Paragraph`` with a font switch
per script run. Text with right-to-left letters gets :class:`BidiParagraph`: reportlab's own bidi support
needs a library that is not on PyPI, so lines are broken here in logical order, each line is reordered with
the embedding levels ``python-bidi`` resolves (Unicode Bidirectional Algorithm, UAX #9, with the bracket pairs
of rule N0), and every Arabic word is shaped by HarfBuzz through reportlab's shaping support (joined letters,
lam-alef ligatures, marks). Directional isolates (U+2066-U+2069, see :mod:`recogniser.isolation`) take part
in that layout and are then dropped: they are invisible and no font draws them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from xml.sax.saxutils import escape

import bidi
from bidi.algorithm import MIRRORED
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus import Flowable, Paragraph

from recogniser.i18n import plural, shown
from recogniser.isolation import has_right_to_left_letters
from recogniser.report.fonts import BASE_BOLD_FONT, Run, Script, covered, font_name, is_arabic_letter, runs

# Control and format characters draw as boxes or move text around invisibly; lone surrogates cannot be encoded.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
_KEPT = frozenset({"\n", "\u200c", "\u200d"})
# LEFT-TO-RIGHT, RIGHT-TO-LEFT and FIRST STRONG ISOLATE, and POP DIRECTIONAL ISOLATE (UAX #9, 2.4-2.7). Unlike
# embeddings and overrides they cannot reorder text outside themselves, so a right-to-left paragraph honours them.
_ISOLATE_INITIATORS = "\u2066\u2067\u2068"
_POP_ISOLATE = "\u2069"
_ISOLATES = frozenset(_ISOLATE_INITIATORS + _POP_ISOLATE)
#: A word for line breaking: no-break spaces (French « », before : ; ? !) hold their neighbours together.
_WORD = re.compile(r"(?:[^\s]|[\u00a0\u2007\u202f])+")
_LEVEL = re.compile(r"Level\(\s*(\d+),\s*\)")


def clean(text: str, keep_isolates: bool = False) -> str:
    """``text`` without characters that cannot be printed; tabs become spaces, other line breaks become newlines.
    With ``keep_isolates`` the directional isolates stay, for the bidirectional layout to honour."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    kept = _KEPT | _ISOLATES if keep_isolates else _KEPT
    return "".join(c for c in text if c in kept or unicodedata.category(c) not in _DROPPED_CATEGORIES)


# Joiners and variation selectors belong to the emoji sequence they stand in; marks to the letter before them.
_PART_OF_SEQUENCE = frozenset({"\u200d", "\ufe0e", "\ufe0f"})
_NOT_COUNTED = frozenset({"Mn", "Me", "Cf"})
# Printed whatever the font: line breaks, and the isolates the layout consumes.
_DRAWN = frozenset({"\n"}) | _ISOLATES


def _unprintable_note(count: int) -> str:
    """What stands in the report for ``count`` characters no bundled font can draw."""
    return shown(plural("[{n} character not printable]", "[{n} characters not printable]", n=count))


def has_unprintable(text: str) -> bool:
    """Whether some character of ``text`` has no glyph in the font its script is drawn with."""
    return printable(text) != text


def printable(text: str) -> str:
    """``text`` with every stretch of characters the bundled fonts cannot draw (Chinese, Japanese, Korean, emoji
    ...) replaced by a note saying how many there are: a reader sees that something is missing, never a blank box.
    Words of one such script separated by spaces make one stretch."""
    pieces = list(runs(text))
    # Nearly always every character has its glyph: the text is returned as it is, found out at C speed.
    if all(_printed(piece.script).issuperset(piece.text) for piece in pieces):
        return text
    parts: list[str] = []
    missing: list[str] = []
    spaces: list[str] = []  # after a stretch: dropped if the stretch goes on, kept if it ends

    def end_stretch() -> None:
        if missing:
            parts.append(_unprintable_note(sum(unicodedata.category(c) not in _NOT_COUNTED for c in missing) or 1))
            missing.clear()
        parts.extend(spaces)
        spaces.clear()

    for piece in pieces:
        glyphs = _printed(piece.script)
        for character in piece.text:
            if (
                missing
                and not spaces
                and (character in _PART_OF_SEQUENCE or unicodedata.category(character) in _NOT_COUNTED)
            ):
                missing.append(character)
            elif character.isspace() and character != "\n":
                # A space the font lacks (the ideographic space) prints as a plain one.
                (spaces if missing else parts).append(character if character in glyphs else " ")
            elif character in glyphs:
                end_stretch()
                parts.append(character)
            else:
                spaces.clear()
                missing.append(character)
    end_stretch()
    return "".join(parts)


@cache
def _printed(script: Script) -> frozenset[str]:
    """The characters text in ``script`` keeps: those its font draws, line breaks and isolates."""
    return covered(script) | _DRAWN


def _without_isolates(text: str) -> str:
    return "".join(c for c in text if c not in _ISOLATES)


def _open_after(open_isolates: str, text: str) -> str:
    """The isolate initiators still open after ``text`` when ``open_isolates`` were open before it (UAX #9, BD9)."""
    stack = list(open_isolates)
    for character in text:
        if character in _ISOLATE_INITIATORS:
            stack.append(character)
        elif character == _POP_ISOLATE and stack:
            stack.pop()
    return "".join(stack)


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for plain ``text``: escaped, with a font switch for every script run."""
    parts = []
    for run in runs(printable(clean(text))):
        escaped = escape(run.text).replace("\n", "<br/>")
        if run.script is Script.BASE:
            parts.append(escaped)
        else:
            parts.append(f'<font face="{font_name(run.script, bold)}">{escaped}</font>')
    return "".join(parts)


def text_flowable(text: str, style: ParagraphStyle) -> Flowable:
    """The flowable that prints ``text`` (plain text from a case or decision) in ``style``."""
    if has_right_to_left_letters(text):
        return BidiParagraph(printable(clean(text, keep_isolates=True)), style)
    return _TextParagraph(markup(text, bold=style.fontName == BASE_BOLD_FONT), style)


class _TextParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph broken into lines once for a width, as :class:`BidiParagraph` is.

    reportlab breaks a paragraph again each time it is measured, and a table row is measured several times as it is
    placed and again for each page it breaks over: a justification of 20,000 characters was broken into lines
    about a hundred times. The lines depend on the width alone, so the last ones are kept for the next measure.
    """

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # A split that found no room drops the lines (``blPara``): they are made again then.
        last: tuple[float, tuple[float, float]] | None = getattr(self, "_last_wrap", None)
        if last is not None and last[0] == available_width and hasattr(self, "blPara"):
            return last[1]
        size: tuple[float, float] = super().wrap(available_width, available_height)
        self._last_wrap = (available_width, size)
        return size


@dataclass(frozen=True)
class _Segment:
    """A piece of a line drawn with one font; Arabic words arrive shaped (a reportlab ``ShapedStr``)."""

    text: str
    font: str
    width: float


class BidiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph holding right-to-left text, laid out by the Unicode Bidirectional Algorithm."""

    def __init__(self, text: str, style: ParagraphStyle, right_to_left: bool | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._bold = style.fontName == BASE_BOLD_FONT
        # The direction is the first strong letter's (UAX #9, P2); a part split off keeps its paragraph's.
        if right_to_left is None:
            right_to_left = bidi.get_base_level(text) == 1 if text.strip() else False
        self._right_to_left = right_to_left
        self._lines: list[str] = []
        self._paragraph_ends: list[bool] = []
        # The isolates open where each line starts: a line is laid out on its own, so it opens them again.
        self._open_isolates: list[str] = []
        self._wrapped_for: float | None = None

    # --- layout ---

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._wrapped_for != available_width:
            self._lines, self._paragraph_ends = self._break_lines(available_width)
            self._open_isolates = []
            still_open = ""
            for line, ends_paragraph in zip(self._lines, self._paragraph_ends, strict=True):
                self._open_isolates.append(still_open)
                still_open = "" if ends_paragraph else _open_after(still_open, line)
            self._wrapped_for = available_width
        self.width = available_width
        self.height = len(self._lines) * self.style.leading
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # A table asks for the split at its column width but lays cells out without their padding: the lines
        # from the last layout are the ones on the page.
        if self._wrapped_for is None:
            self.wrap(available_width, available_height)
        fitting = int(available_height // self.style.leading)
        if not 0 < fitting < len(self._lines):
            return []
        # The parts hold the text of their lines, not the lines, so they can flow again at any width.
        return [
            BidiParagraph(self._text_of(0, fitting), self.style, self._right_to_left),
            BidiParagraph(self._text_of(fitting, len(self._lines)), self.style, self._right_to_left),
        ]

    def _text_of(self, first: int, end: int) -> str:
        return (
            self._open_isolates[first]
            + "".join(
                line + ("\n" if ends_paragraph else " ")
                for line, ends_paragraph in zip(self._lines[first:end], self._paragraph_ends[first:end], strict=True)
            )[:-1]
        )

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's flowable interface
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's flowable interface
        return float(self.style.spaceAfter)

    def _break_lines(self, width: float) -> tuple[list[str], list[bool]]:
        """Greedy breaking in logical order, as the bidi algorithm requires (UAX #9, 3.4); the lines, and for
        each whether it ends a paragraph of the text."""
        space = stringWidth(" ", font_name(Script.BASE, self._bold), self.style.fontSize)
        lines: list[str] = []
        paragraph_ends: list[bool] = []
        for paragraph in self.text.split("\n"):
            current: list[str] = []
            current_width = 0.0
            for word in _WORD.findall(paragraph):
                word_width = self._measure(word)
                added = word_width + (space if current else 0.0)
                if current_width + added <= width:
                    current.append(word)
                    current_width += added
                    continue
                if current:
                    lines.append(" ".join(current))
                pieces = self._split_long_word(word, width) if word_width > width else [word]
                lines.extend(pieces[:-1])
                current = [pieces[-1]]
                current_width = self._measure(pieces[-1])
            lines.append(" ".join(current))
            paragraph_ends += [False] * (len(lines) - len(paragraph_ends) - 1) + [True]
        return lines, paragraph_ends

    def _split_long_word(self, word: str, width: float) -> list[str]:
        pieces = []
        piece = ""
        for character in word:
            if piece and self._measure(piece + character) > width:
                pieces.append(piece)
                piece = ""
            piece += character
        pieces.append(piece)
        return pieces

    def _measure(self, logical: str) -> float:
        return _width(logical, self._bold, self.style.fontSize)

    # --- drawing ---

    def draw(self) -> None:
        canvas = self.canv
        leading = self.style.leading
        size = self.style.fontSize
        alignment = TA_RIGHT if self._right_to_left else self.style.alignment
        canvas.setFillColor(self.style.textColor)
        for index, line in enumerate(self._lines):
            opened = self._open_isolates[index]
            visual = visual_order(opened + line, self._right_to_left)
            segments = _segments(_without_isolates(visual), True, self._bold, size)
            line_width = sum(segment.width for segment in segments)
            x = {TA_RIGHT: self.width - line_width, TA_CENTER: (self.width - line_width) / 2}.get(alignment, 0.0)
            y = self.height - index * leading - size
            text = canvas.beginText(x, y)
            for segment in segments:
                text.setFont(segment.font, size)
                text.textOut(segment.text)
            # The glyphs stand in visual order and in joined forms; ActualText (PDF 1.7, 14.9.4) gives copying
            # and search the line as it was written.
            canvas.addLiteral(f"/Span <</ActualText <{_utf16_hex(_without_isolates(line))}>>> BDC")
            canvas.drawText(text)
            canvas.addLiteral("EMC")


def _utf16_hex(text: str) -> str:
    """A PDF text string in hexadecimal: UTF-16BE with its byte-order mark."""
    return (b"\xfe\xff" + text.encode("utf-16-be")).hex().upper()


@lru_cache(maxsize=4096)
def _width(logical: str, bold: bool, size: float) -> float:
    # Widths do not depend on order, so the logical text is measured as it is.
    return sum(segment.width for segment in _segments(_without_isolates(logical), False, bold, size))


@lru_cache(maxsize=4096)
def _shape(word: str, font: str, size: float) -> str:
    shaped: str = shapeStr(word, font, size)
    return shaped


def _segments(line: str, visual: bool, bold: bool, size: float) -> list[_Segment]:
    """``line`` cut into single-font pieces. Arabic words of a visual line go back to logical order to be
    shaped: HarfBuzz joins the letters and returns the glyphs right to left."""
    segments = []
    for run in _arabic_word_runs(line):
        font = font_name(run.script, bold)
        if run.script is Script.ARABIC and is_arabic_letter(run.text[0]):
            shaped = _shape(run.text[::-1] if visual else run.text, font, size)
            if isinstance(shaped, ShapedStr):
                width = sum(data.x_advance for data in shaped.__shapeData__) * size / 1000
                segments.append(_Segment(shaped, font, width))
                continue
        segments.append(_Segment(run.text, font, stringWidth(run.text, font, size)))
    return segments


def _arabic_word_runs(line: str) -> list[Run]:
    """Font runs of ``line``, with each Arabic word apart from spaces, Arabic punctuation and digits."""
    result: list[Run] = []
    for run in runs(line):
        if run.script is not Script.ARABIC:
            result.append(run)
            continue
        for match in re.finditer(r"\s+|\S+", run.text):
            piece = match.group()
            start = 0
            for index in range(1, len(piece) + 1):
                if index == len(piece) or is_arabic_letter(piece[index]) != is_arabic_letter(piece[start]):
                    result.append(Run(piece[start:index], Script.ARABIC))
                    start = index
    return result


def embedding_levels(line: str, right_to_left: bool) -> list[int]:
    """The resolved embedding level of each character of ``line`` (one line, no paragraph breaks).

    ``python-bidi`` reports the levels only in its debug output, one per UTF-8 byte; its plain
    ``get_display`` does not mirror brackets and its older pure-Python algorithm lacks rule N0.
    """
    report = str(bidi.get_display(line, base_dir="R" if right_to_left else "L", debug=True))
    byte_levels = [int(level) for level in _LEVEL.findall(report.split("paragraphs:", 1)[0])]
    if len(byte_levels) != len(line.encode("utf-8")):
        raise RuntimeError("python-bidi reported levels in an unexpected form")
    levels = []
    offset = 0
    for character in line:
        levels.append(byte_levels[offset])
        offset += len(character.encode("utf-8"))
    return levels


def visual_order(line: str, right_to_left: bool) -> str:
    """``line`` as it is displayed from left to right: runs reversed by level (UAX #9 rule L2) and characters
    at right-to-left levels mirrored (rule L4), so an opening bracket faces its text in either direction."""
    levels = embedding_levels(line, right_to_left)
    order = list(range(len(line)))
    odd_levels = [level for level in levels if level % 2]
    for level in range(max(levels, default=0), min(odd_levels, default=1) - 1, -1):
        index = 0
        while index < len(order):
            if levels[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            index = end
    return "".join(MIRRORED.get(line[i], line[i]) if levels[i] % 2 else line[i] for i in order)
