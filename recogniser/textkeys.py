"""Text as compared and sorted whatever its case, accents or script: one place for the store's search keys, the
precedents' fuzzy comparison and the register's blanking of names."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents, for comparing and sorting: "Ívana Horvát" → "ivana horvat"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def latin_key(text: str | None) -> str:
    """Text as compared across scripts: transliterated to Latin, folded, words joined by single spaces
    ("Управление безопасностью" → "upravlenie bezopasnostyu")."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(_WORD.findall(text.lower()))
    # Word by word, so that a letter transliterated as punctuation (ь → ') does not split a word.
    words = ("".join(_WORD.findall(fold(anyascii(word)))) for word in _WORD.findall(fold(text)))
    return " ".join(word for word in words if word)
