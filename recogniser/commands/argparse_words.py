"""argparse's own words — ``usage:``, its headings, its error lines — in the reader's language.

argparse says them through the standard library's ``gettext.gettext`` and ``ngettext``, which it imports as its
module's globals ``_`` and ``ngettext`` and looks up at each call. :func:`argparse_speaking` points those two names
at the catalogue of the language in use while the command line builds and reads its parser, and puts them back
after: no gettext domain of the process is touched, and in English nothing is changed at all.

The messages argparse can show a person (Python 3.11 to 3.13) are marked below, so that the catalogue holds them
(``commands.po``). Those it raises only for a parser declared wrongly (a conflicting option, a missing ``dest``)
are a programmer's, never a reader's, and are left in English; ``tests/test_cli_help.py`` holds the installed
argparse to the two lists.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from recogniser.i18n import N_, SOURCE_LANGUAGE, N_plural, _, catalogue, language

#: What argparse may show a person: its help's headings and lines, its warnings and errors.
MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("%(heading)s:"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("unexpected option string: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("argument '%(argument_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
)
#: The same, with a singular and a plural form.
PLURAL_MESSAGES = (N_plural("expected %s argument", "expected %s arguments"),)

#: The names argparse calls gettext's functions by.
_NAMES = ("_", "ngettext")


@contextmanager
def argparse_speaking() -> Iterator[None]:
    """argparse speaks the language in use for the length of the ``with`` block (a parser built, read, its help
    printed or an error reported inside it), then as before."""
    code = language()
    names = vars(argparse)
    if code == SOURCE_LANGUAGE or not all(name in names for name in _NAMES):
        yield
        return
    translations = catalogue(code)
    before = {name: names[name] for name in _NAMES}

    def gettext(message: str) -> str:
        # argparse passes None for a missing description (Python 3.11, 3.12): given back as it came.
        return translations.gettext(message) if message else message

    names.update(_=gettext, ngettext=translations.ngettext)
    try:
        yield
    finally:
        names.update(before)


class ReaderParser(argparse.ArgumentParser):
    """An argument parser whose help is laid out by :class:`ReaderHelpFormatter`, as are its subcommands' (argparse
    makes them of the parser's own class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ReaderHelpFormatter)
        super().__init__(*args, **kwargs)


class ReaderHelpFormatter(argparse.HelpFormatter):
    """argparse's help, with a heading's colon as the reader's language writes it ("options :" in French).

    Python 3.13 asks the catalogue for it ("%(heading)s:"); earlier versions write the colon themselves, so a
    heading line still ending in a bare colon is given the catalogue's form here.
    """

    def format_help(self) -> str:
        return _HEADING.sub(lambda found: _("%(heading)s:") % {"heading": found["heading"]}, super().format_help())


#: A line of help that starts at the margin and ends with a colon straight after a word: a section's heading.
_HEADING = re.compile(r"^(?P<heading>\S[^\n]*[^\s\u00a0]):$", re.MULTILINE)
