"""Cyrillic and Greek letters spelt in plain Latin letters, so that a name written in its own script and the same
name transliterated meet. One simple spelling per letter: the spellings people use differ by a letter or two,
which the fuzzy comparisons that read the result forgive."""

from __future__ import annotations

_CYRILLIC = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюяўәғқңөұүһ"
_CYRILLIC_LATIN = (
    "a",
    "b",
    "v",
    "g",
    "g",
    "d",
    "e",
    "ye",
    "e",
    "zh",
    "z",
    "i",
    "i",
    "yi",
    "y",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "r",
    "s",
    "t",
    "u",
    "f",
    "kh",
    "ts",
    "ch",
    "sh",
    "shch",
    "-",
    "y",
    "-",
    "e",
    "yu",
    "ya",
    "u",
    "a",
    "g",
    "k",
    "n",
    "o",
    "u",
    "u",
    "h",
)
_GREEK = "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ"
_GREEK_LATIN = (
    "a",
    "v",
    "g",
    "d",
    "e",
    "z",
    "i",
    "th",
    "i",
    "k",
    "l",
    "m",
    "n",
    "x",
    "o",
    "p",
    "r",
    "s",
    "s",
    "t",
    "y",
    "f",
    "ch",
    "ps",
    "o",
    "a",
    "e",
    "i",
    "i",
    "o",
    "y",
    "o",
    "i",
    "y",
    "i",
    "y",
)

_TABLE = str.maketrans(
    {
        **{letter: ("" if latin == "-" else latin) for letter, latin in zip(_CYRILLIC, _CYRILLIC_LATIN, strict=True)},
        **dict(zip(_GREEK, _GREEK_LATIN, strict=True)),
    }
)


def to_latin(text: str) -> str:
    """``text`` in lower case with its Cyrillic and Greek letters in Latin ones; other letters unchanged."""
    return text.casefold().translate(_TABLE)
