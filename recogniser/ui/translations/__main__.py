"""Keep the window's translation catalogues current: ``python -m recogniser.ui.translations COMMAND``.

``update``  extract every ``tr()`` string of ``recogniser/ui`` into each ``recogniser_<language>.ts`` (new strings
            arrive unfinished; translations are kept by context and source text; strings gone are dropped).
``add LANG`` start a catalogue for another language (``de``, ``pt_BR``), then run ``update`` and translate it in
            Qt Linguist (``pyside6-linguist``) or any text editor.
``status``  how many strings each catalogue translates; exits 1 if any is unfinished.
``build DIR`` compile every catalogue to ``DIR/recogniser_<language>.qm`` (the window compiles its own on first use).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from recogniser.ui.translations import (
    CATALOGUE_PREFIX,
    EXTRACTOR_ALIASES,
    SHIPPED_DIR,
    SOURCE_LANGUAGE,
    compile_catalogue,
    language_of,
    qt_tool,
    shipped_catalogues,
)
from recogniser.ui.translations.catalogue import completeness, read_catalogue

_NOTE_FROM_CODE = re.compile(r"\n *<extracomment>.*?</extracomment>", re.DOTALL)
#: The window's sources: every module of recogniser/ui.
UI_DIR = SHIPPED_DIR.parent


def ui_sources() -> list[Path]:
    return sorted(UI_DIR.rglob("*.py"))


def extract(catalogue: Path) -> None:
    """Bring ``catalogue`` up to date with the sources (``pyside6-lupdate``), without line numbers so that a change
    elsewhere in a module does not touch it."""
    subprocess.run(
        [
            str(qt_tool("lupdate")),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-tr-function-alias",
            EXTRACTOR_ALIASES,
            "-target-language",
            language_of(catalogue),
            # English is the sources' own language: its catalogue holds only the plural forms of "%n case(s)".
            *(["-pluralonly"] if language_of(catalogue) == SOURCE_LANGUAGE else []),
            *map(str, ui_sources()),
            "-ts",
            str(catalogue),
        ],
        check=True,
        timeout=120,
    )
    # The extractor takes a "#:" comment above a line for a note to translators; here those comments document
    # the code (a module's constants), so they would only mislead a translator.
    text = catalogue.read_text("utf-8")
    catalogue.write_text(_NOTE_FROM_CODE.sub("", text), "utf-8")


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m recogniser.ui.translations", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract the window's strings into every catalogue")
    add = commands.add_parser("add", help="start a catalogue for another language")
    add.add_argument("language", help="ISO 639 code, optionally with a territory: de, pt_BR")
    commands.add_parser("status", help="how complete each catalogue is")
    build = commands.add_parser("build", help="compile every catalogue to .qm files in a folder")
    build.add_argument("folder", type=Path)
    options = parser.parse_args(arguments)

    if options.command == "add":
        catalogue = SHIPPED_DIR / f"{CATALOGUE_PREFIX}_{options.language}.ts"
        if catalogue.exists():
            print(f"{catalogue}: already there", file=sys.stderr)
            return 2
        extract(catalogue)
        print(f"{catalogue}: started; translate it, then check with: python -m recogniser.ui.translations status")
        return 0
    if options.command == "update":
        for catalogue in shipped_catalogues():
            extract(catalogue)
            print(f"{catalogue.name}: {completeness(read_catalogue(catalogue))}")
        return 0
    if options.command == "build":
        for catalogue in shipped_catalogues():
            target = options.folder / catalogue.with_suffix(".qm").name
            compile_catalogue(catalogue, target)
            print(target)
        return 0
    unfinished = False
    for catalogue in shipped_catalogues():
        messages = read_catalogue(catalogue)
        unfinished = unfinished or any(not message.finished for message in messages)
        print(f"{catalogue.name}: {completeness(messages)}")
    return 1 if unfinished else 0


if __name__ == "__main__":
    raise SystemExit(main())
