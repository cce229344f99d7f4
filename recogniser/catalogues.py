"""Keeping the core's gettext catalogues: extracting the marked strings with Babel and checking the translations.

``python -m recogniser.catalogues update`` reads every string marked for translation (:data:`i18n.KEYWORDS`)
in the code, part by part (:data:`i18n.PARTS`), and brings each language's ``<part>.po`` up to date: new strings
are added untranslated, strings no longer in the code are dropped, translations are kept. ``check`` lists what is
not ready to show: a string without a translation, a translation that loses one of its ``{fields}``, a catalogue
behind the code. A new language is started with ``update --add CODE``. docs/dev/translations.md says more.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from recogniser.i18n import CONTEXT_KEYWORDS, CORE_PART, KEYWORDS, LOCALE_DIR, PARTS, SOURCE_LANGUAGE, fields_of
from recogniser.resources import data_dir

PACKAGE_DIR = Path(__file__).resolve().parent
#: Said in every catalogue's header.
PROJECT = "Recogniser"
#: The catalogue of the shipped reference data's texts, and the fields of each kind of data file a reader is shown
#: (``i18n.from_data``), by their path in the file (a list is gone through item by item): a framework table's
#: source and where its EQF mappings were checked; the agency register's source and why an agency left it.
DATA_PART = "data"
_DATA_FIELDS: Mapping[str, tuple[str, ...]] = {
    "nqf_levels/*.json": (
        "source",
        "eqf_checked_in.document",
        "eqf_checked_in.section",
        "levels.eqf_checked_in.document",
        "levels.eqf_checked_in.section",
    ),
    "qa_agencies.json": ("source", "agencies.status_reason"),
}
#: Where the language folders are; tests point it elsewhere.
_locale_dir = LOCALE_DIR


@dataclass(frozen=True)
class Marked:
    """A string marked for translation where the code says it."""

    text: str
    plural: str | None
    where: str
    #: What tells this text apart from the same English meant otherwise (gettext's ``msgctxt``).
    context: str | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.text, self.context)


def part_of(path: Path) -> str:
    """The catalogue a source file's strings belong to."""
    top = path.relative_to(PACKAGE_DIR).parts[0]
    return next((part for part, tops in PARTS.items() if top in tops), CORE_PART)


def sources() -> list[Path]:
    """The Python files of the package outside the window (which keeps its words with Qt's tools)."""
    return sorted(path for path in PACKAGE_DIR.rglob("*.py") if "ui" not in path.relative_to(PACKAGE_DIR).parts)


def marked_in(path: Path) -> Iterator[Marked]:
    """The strings ``path`` marks for translation. A marker given anything but a literal string is an error:
    the catalogue could not hold it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS):
            continue
        shown = path.relative_to(PACKAGE_DIR.parent) if path.is_relative_to(PACKAGE_DIR.parent) else path
        where = f"{shown}:{node.lineno}"
        contextual = node.func.id in CONTEXT_KEYWORDS
        wanted = (2 if KEYWORDS[node.func.id] else 1) + contextual
        texts = []
        for argument in node.args[:wanted]:
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                raise ValueError(f"{where}: {node.func.id}() is given something other than a literal string")
            texts.append(argument.value)
        if len(texts) < wanted:
            raise ValueError(f"{where}: {node.func.id}() is given too few strings")
        context = texts.pop(0) if contextual else None
        yield Marked(texts[0], texts[1] if len(texts) == 2 else None, where, context)


def data_texts() -> Iterator[Marked]:
    """The texts of the shipped reference data a reader is shown, as the catalogue's ``data`` part holds them."""
    folder = data_dir()
    for pattern, names in _DATA_FIELDS.items():
        for path in sorted(folder.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            lines = text.splitlines()
            document = json.loads(text)
            for value in (found for name in names for found in _texts_at(document, name.split("."))):
                quoted = json.dumps(value, ensure_ascii=False)[:60]
                line = next((number for number, found in enumerate(lines, 1) if quoted in found), 1)
                yield Marked(value, None, f"data/{path.relative_to(folder).as_posix()}:{line}")


def _texts_at(document: object, path: list[str]) -> Iterator[str]:
    if isinstance(document, list):
        for item in document:
            yield from _texts_at(item, path)
    elif not path:
        if isinstance(document, str) and document.strip():
            yield document
    elif isinstance(document, dict) and path[0] in document:
        yield from _texts_at(document[path[0]], path[1:])


def marked_by_part() -> dict[str, dict[tuple[str, str | None], Marked]]:
    found: dict[str, dict[tuple[str, str | None], Marked]] = {part: {} for part in PARTS}
    for marked in data_texts():
        found[DATA_PART].setdefault(marked.key, marked)
    for path in sources():
        # The i18n module itself only names the markers.
        if path.name in {"i18n.py", "catalogues.py"}:
            continue
        part = found[part_of(path)]
        for marked in marked_in(path):
            part.setdefault(marked.key, marked)
    return found


def languages() -> list[str]:
    return sorted(child.name for child in _locale_dir.iterdir() if child.is_dir()) if _locale_dir.is_dir() else []


def update(add: str | None = None) -> list[str]:
    """Bring every language's catalogues up to date with the code; returns what was written."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    codes = sorted({*languages(), *([add] if add else [])} - {SOURCE_LANGUAGE})
    written = []
    for part, messages in marked_by_part().items():
        for code in codes:
            path = _locale_dir / code / f"{part}.po"
            old = Catalog(locale=code)
            if path.is_file():
                with path.open("rb") as handle:
                    old = read_po(handle, locale=code)
            if not messages and not path.is_file():
                continue
            new = Catalog(locale=code, project=PROJECT, domain=part, fuzzy=False)
            for (text, context), marked in sorted(messages.items(), key=lambda item: (item[0][0], item[0][1] or "")):
                key: str | tuple[str, str] = (text, marked.plural) if marked.plural else text
                previous = old.get(text, context=context)
                string = _strings(previous.string) if previous is not None else ""
                if marked.plural and not isinstance(string, tuple):
                    string = ("",) * new.num_plurals
                if not marked.plural and isinstance(string, tuple):
                    string = ""
                new.add(
                    key,
                    string,
                    locations=[(marked.where.rsplit(":", 1)[0], int(marked.where.rsplit(":", 1)[1]))],
                    context=context,
                )
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                write_po(handle, new, width=120, sort_output=True, omit_header=False, include_lineno=False)
            written.append(str(path))
    return written


@dataclass(frozen=True)
class Problem:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def problems() -> list[Problem]:
    """Everything that keeps a language's catalogues from being shown whole, for every shipped language."""
    from babel.messages.pofile import read_po

    found: list[Problem] = []
    marked = marked_by_part()
    for code in languages():
        for part, messages in marked.items():
            path = _locale_dir / code / f"{part}.po"
            where = str(path.relative_to(_locale_dir.parent))
            if not path.is_file():
                if messages:
                    found.append(Problem(where, "missing: run python -m recogniser.catalogues update"))
                continue
            with path.open("rb") as handle:
                catalogue = read_po(handle, locale=code)
            ids = {
                (message.id if isinstance(message.id, str) else message.id[0], message.context)
                for message in catalogue
                if message.id
            }
            for text, context in sorted(set(messages) - ids, key=lambda key: (key[0], key[1] or "")):
                named = f"{text!r} (context {context!r})" if context else repr(text)
                found.append(Problem(where, f"{named} is in the code but not in the catalogue: update it"))
            for message in catalogue:
                if not message.id:
                    continue
                found.extend(_message_problems(where, message))
    return found


def _message_problems(where: str, message: object) -> list[Problem]:
    from babel.messages.catalog import Message

    assert isinstance(message, Message)
    source = message.id if isinstance(message.id, str) else message.id[0]
    named = f"{source!r} (context {message.context!r})" if message.context else repr(source)
    translated = _strings(message.string)
    strings = translated if isinstance(translated, tuple) else (translated,)
    if message.fuzzy or not all(text.strip() for text in strings):
        return [Problem(where, f"{named} is not translated")]
    fields = sorted(set(fields_of(source)))
    return [
        Problem(where, f"{named}: the translation {text!r} does not keep the fields {fields}")
        for text in strings
        if sorted(set(fields_of(text))) != fields
    ]


def _strings(value: object) -> str | tuple[str, ...]:
    """A message's translation as Babel may hold it (text, a list or tuple of plural forms, None), as text or a
    tuple of texts."""
    if isinstance(value, list | tuple):
        return tuple(str(text or "") for text in value)
    return str(value or "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m recogniser.catalogues", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    updating = commands.add_parser("update", help="bring the catalogues up to date with the code")
    updating.add_argument("--add", metavar="CODE", help="start catalogues for a new language (e.g. de)")
    commands.add_parser("check", help="list strings not ready to show")
    options = parser.parse_args(argv)
    if options.command == "update":
        for path in update(options.add):
            print(path)
        return 0
    found = problems()
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
