"""The ``recogniser`` command line (docs/user/command-line.md).

The subcommands' options are declared in ``recogniser/commands/parsers.py``; each handler lives in its own
module under ``recogniser/commands/``, imported only when its command runs, and returns the exit code. Exit
codes: 0 done, 2 invalid input (one clear line per problem, no traceback), 1 internal error (a message and where
the log is).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO, cast

from recogniser import __version__
from recogniser.commands.parsers import add_commands
from recogniser.errors import UserInputError
from recogniser.i18n import SOURCE_LANGUAGE, UnknownLanguageError
from recogniser.i18n import use_language as _use
from recogniser.logs import log_file, redacted_command_line, setup_logging
from recogniser.settings import load_settings
from recogniser.terminal import EscapingWriter

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INVALID = 2
#: 128 + SIGPIPE, what a shell reports for a program stopped by a closed pipe.
EXIT_BROKEN_PIPE = 141

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recogniser",
        description="Decision support for recognising micro-credentials. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"recogniser {__version__}")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="database to use (default: RECOGNISER_DATABASE_URL, else database_url in settings.toml, else a SQLite "
        "file in the user data folder)",
    )
    _add_language(parser, default=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
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
        metavar="CODE",
        default=default,
        help="language of the report and the messages: en or fr (default: language in settings.toml, else en)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    parser = build_parser()
    if not arguments or (len(arguments) == 1 and arguments[0].endswith(".json")):
        return _open_window(arguments)
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


def _run(handler: Handler, options: argparse.Namespace, parser: argparse.ArgumentParser, arguments: list[str]) -> int:
    try:
        # A settings file with a problem stops every command, named, before any work is done.
        use_language(options.reader_language or load_settings().language or SOURCE_LANGUAGE)
        code = handler(options)
        # Flushed here, so that a reader gone away is met inside this handler rather than at exit.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _reader_gone()
    except UserInputError as error:
        for line in error.lines():
            print(f"recogniser: {line}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception:
        shown = redacted_command_line(arguments, command_words(parser))
        logging.getLogger(__name__).exception("internal error running recogniser %s", shown)
        print(f"recogniser: internal error; details are in {log_file()}", file=sys.stderr)
        return EXIT_INTERNAL


def use_language(code: str) -> None:
    """Speak ``code`` from now on; an unknown language is refused, named, like any bad option."""
    try:
        _use(code)
    except UnknownLanguageError as error:
        raise UserInputError(
            f"--language: {code!r} is not a language Recogniser speaks (known: {', '.join(error.known)})"
        ) from None


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
