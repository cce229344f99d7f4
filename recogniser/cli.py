"""The ``recogniser`` command line (docs/user/command-line.md).

The subcommands' options are declared in ``recogniser/commands/parsers.py``; each handler lives in its own
module under ``recogniser/commands/``, imported only when its command runs, and returns the exit code. Exit
codes: 0 done, 2 invalid input (one clear line per problem, no traceback), 1 internal error (a message and where
the log is).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO, cast

from recogniser import __version__
from recogniser.commands.argparse_words import ReaderParser, argparse_speaking
from recogniser.commands.parsers import add_commands
from recogniser.errors import UserInputError
from recogniser.i18n import SOURCE_LANGUAGE, UnknownLanguageError, _
from recogniser.i18n import use_language as _use
from recogniser.logs import log_file, redacted_command_line, setup_logging
from recogniser.settings import load_settings, stated_language, unknown_language
from recogniser.terminal import EscapingWriter

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INVALID = 2
#: 128 + SIGPIPE, what a shell reports for a program stopped by a closed pipe.
EXIT_BROKEN_PIPE = 141

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = ReaderParser(
        prog="recogniser",
        description=_("Decision support for recognising micro-credentials. Without a command, opens the window."),
    )
    # Its help given here: argparse translates its own only from Python 3.13.
    parser.add_argument(
        "--version",
        action="version",
        version=f"recogniser {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=_(
            "database to use (default: RECOGNISER_DATABASE_URL, else database_url in settings.toml, else a SQLite "
            "file in the user data folder)"
        ),
    )
    _add_language(parser, default=None)
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    add_commands(subparsers)
    # Also accepted after the command (``recogniser assess CASE --language fr``), where people tend to write it,
    # except by ``import``, whose own --language picks the language read from a multilingual credential.
    pending = list(subparsers.choices.values())
    while pending:
        command = pending.pop()
        if "--language" not in command._option_string_actions:
            _add_language(command, default=argparse.SUPPRESS)
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending.extend(action.choices.values())
    return parser


def _add_language(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--language",
        dest="reader_language",
        metavar=_("CODE"),
        default=default,
        help=_("language of the report and the messages: en or fr (default: language in settings.toml, else en)"),
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    if not arguments or (len(arguments) == 1 and arguments[0].endswith(".json")):
        return _open_window(arguments)
    # The help and argparse's own errors speak the reader's language: it is settled before the parser is built.
    _speak_if_known(language_asked(arguments))
    with argparse_speaking():
        parser = build_parser()
        options = parser.parse_args(arguments)
        handler: Handler | None = getattr(options, "handler", None)
        if handler is None:
            parser.print_help()
            return EXIT_INVALID
    # Everything a command prints may quote a file: its control characters are shown escaped, never obeyed.
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (cast(TextIO, EscapingWriter(stream)) for stream in streams)
    try:
        return _run(handler, options, parser, arguments)
    finally:
        sys.stdout, sys.stderr = streams


def language_asked(arguments: Sequence[str]) -> str | None:
    """The ``--language`` given for the reader (the last one, as argparse keeps), found before the parser is built.

    Read after the command too, except after ``import``, whose own ``--language`` is the credential's.
    """
    asked = command = None
    tokens = iter(arguments)
    for argument in tokens:
        name, equals, value = argument.partition("=")
        if argument == "--":
            break
        if len(name) > 3 and "--language".startswith(name):  # argparse also takes it shortened: --lang
            asked = value if equals else next(tokens, None)
        elif name in _GLOBAL_VALUED and not equals and command is None:
            next(tokens, None)
        elif command is None and not argument.startswith("-"):
            command = argument
            if command == "import":
                break
    return asked


#: The options before the command that take a value (which is no command's name).
_GLOBAL_VALUED = ("--database-url",)


def _speak_if_known(asked: str | None) -> None:
    """Speak the language asked for, else the settings' one, if that can be known. Whatever keeps it from being
    known (an unknown language, a settings file with a problem, even an internal error) is met again and reported
    when the command runs (:func:`_run`), as before; a request for help, which runs nothing, is answered in English."""
    with contextlib.suppress(Exception):
        use_language(asked or load_settings().language or SOURCE_LANGUAGE)


def _run(handler: Handler, options: argparse.Namespace, parser: argparse.ArgumentParser, arguments: list[str]) -> int:
    try:
        # A settings file with a problem stops every command, named, before any work is done.
        use_language(options.reader_language or _settings_language())
        code = handler(options)
        # Flushed here, so that a reader gone away is met inside this handler rather than at exit.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _reader_gone()
    except UserInputError as error:
        for line in error.shown_lines():
            print(f"recogniser: {line}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception:
        shown = redacted_command_line(arguments, command_words(parser))
        logging.getLogger(__name__).exception("internal error running recogniser %s", shown)
        print(f"recogniser: internal error; details are in {log_file()}", file=sys.stderr)
        return EXIT_INTERNAL


def _settings_language() -> str:
    """The language settings.toml chooses; a settings file with a problem is refused in the language it asks
    for, where that much of it can be read."""
    try:
        return load_settings().language or SOURCE_LANGUAGE
    except UserInputError:
        use_language(stated_language() or SOURCE_LANGUAGE)
        raise


def use_language(code: str) -> None:
    """Speak ``code`` from now on; an unknown language is refused, named, like any bad option."""
    try:
        _use(code)
    except UnknownLanguageError as error:
        raise UserInputError(unknown_language("--language", code, error.known)) from None


def command_words(parser: argparse.ArgumentParser) -> set[str]:
    """The names of every command and subcommand (``cases``, ``list``...): words of the tool's, not the user's."""
    words: set[str] = set()
    pending = [parser]
    while pending:
        for action in pending.pop()._actions:
            if isinstance(action, argparse._SubParsersAction):
                words.update(action.choices)
                pending.extend(action.choices.values())
    return words


def _reader_gone() -> int:
    """The program reading the output stopped (``... | head``): end quietly, as Unix tools do.

    Output still buffered goes to the null device, so that Python's own flush at exit fails no more.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


def _open_window(arguments: list[str]) -> int:
    # Imported here so that the command line never loads Qt.
    from recogniser.ui.app import run_app

    return run_app(arguments)
