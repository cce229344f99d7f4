"""Sentences and lists composed by nesting phrases, so each language places its own separators.

A paragraph or a list of several phrases stays translatable only if it is itself a phrase: each step nests the
text so far and the next part in a small template (``"{list}; {item}"``), which French writes with a no-break
space before the semicolon. Joining translated parts with ``"; ".join`` would give back plain English.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Self

from recogniser.i18n import SOURCE_LANGUAGE, Phrase, phrase, render
from recogniser.i18n import language as current_language


def joined(parts: Iterable[str], pair: Callable[[str, str], Phrase]) -> str:
    """``parts`` composed two by two with ``pair`` (a phrase of the text so far and the next part); "" for no
    part, the part itself for one."""
    text: str | None = None
    for part in parts:
        text = part if text is None else pair(text, part)
    return "" if text is None else text


def in_sentences(parts: Iterable[str]) -> str:
    """Sentences one after the other: "A. B."."""
    return joined(parts, lambda text, sentence: phrase("{text} {sentence}", text=text, sentence=sentence))


def in_list(parts: Iterable[str]) -> str:
    """Items separated by semicolons: "a; b"."""
    return joined(parts, lambda items, item: phrase("{items}; {item}", items=items, item=item))


def in_series(parts: Iterable[str]) -> str:
    """Short items separated by commas: "a, b"."""
    return joined(parts, lambda items, item: phrase("{items}, {item}", items=items, item=item))


class Derived(Phrase):
    """A phrase read from one value by a rule of its own in each language (:meth:`read`), not from a catalogue:
    a sentence without its full stop, a country's name."""

    def __new__(cls, value: str) -> Self:
        self = str.__new__(cls, cls.read(value, SOURCE_LANGUAGE))
        self.template, self.values, self.plural, self.number_field = "{value}", {"value": value}, None, None
        return self

    def __reduce__(self) -> tuple[type[Self], tuple[str]]:  # type: ignore[override]
        return (type(self), (self.value,))

    @property
    def value(self) -> str:
        value = self.values["value"]
        assert isinstance(value, str)
        return value

    def text(self, language: str | None = None) -> str:
        return self.read(self.value, language or current_language())

    @classmethod
    def read(cls, value: str, language: str) -> str:
        raise NotImplementedError


class _Unstopped(Derived):
    """A sentence shown without its final full stop, in every language: a sentence quoted inside another."""

    @classmethod
    def read(cls, value: str, language: str) -> str:
        return render(value, language).rstrip(".")


def alternatives(items: Iterable[str]) -> str:
    """Items offered as a choice: "a or b or c"."""
    return joined(items, lambda choices, item: phrase("{choices} or {item}", choices=choices, item=item))


def unstopped(sentence: str) -> str:
    """``sentence`` without its final full stop, as a part of a list ("a; b.")."""
    return _Unstopped(sentence)


def quoted(text: str) -> Phrase:
    """A name, a value or a text as given, in quotes: 'Agency' in English, « Agency » in French."""
    return phrase("'{text}'", text=text)


def as_given(value: object) -> str:
    """A value of a file as it was given: a text in the reader's quotation marks, anything else (a number, a
    list) as Python writes it."""
    return quoted(value) if isinstance(value, str) else repr(value)


class _Grouped(Derived):
    """A whole number with its thousands grouped as the reader's language groups them: 65,536 / 65 536."""

    @classmethod
    def read(cls, value: str, language: str) -> str:
        text = f"{int(value):,}"
        return text.replace(",", "\u202f").replace("-", "\u2212") if language == "fr" else text


def grouped(number: int) -> str:
    """``number`` with its thousands grouped: "1,048,576" in English, "1 048 576" in French."""
    return _Grouped(str(number))
