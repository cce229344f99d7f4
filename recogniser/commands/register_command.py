"""``recogniser register export``: the office's decisions as a publishable register, without personal data."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from recogniser.commands.cases_command import open_store
from recogniser.errors import UserInputError


def register(subparsers: Any) -> None:
    record = subparsers.add_parser("register", help="the office's register of recognition decisions")
    commands = record.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    export = commands.add_parser(
        "export",
        help="every final decision with the credential, target, purpose, outcome, credits, date and basis; "
        "no learner's personal data",
    )
    export.add_argument("--from", dest="first", metavar="DATE", help="decisions recorded on or after this day")
    export.add_argument("--to", dest="last", metavar="DATE", help="decisions recorded on or before this day")
    export.add_argument("--format", required=True, choices=["csv", "json"], dest="kind")
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of to the standard output")
    export.add_argument("--force", action="store_true", help="replace the output file if it exists")
    export.set_defaults(handler=_export)


def day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserInputError(f"{option}: must be a date as YYYY-MM-DD (got {text!r})") from None


def _export(options: argparse.Namespace) -> int:
    from recogniser.casefile import StagedFile, writable_output

    first, last = day(options.first, "--from"), day(options.last, "--to")
    if first is not None and last is not None and last < first:
        raise UserInputError(f"--to: {last} is before --from {first}")
    if options.output is None:
        with open_store(options) as store:
            store.export_register(sys.stdout, options.kind, first, last)
        return 0
    # Checked before the database is opened: the file may be someone's work.
    target = writable_output(options.output, force=options.force)
    with open_store(options) as store, StagedFile(target) as output:
        count = output.write_text(lambda stream: store.export_register(stream, options.kind, first, last))
        output.commit()
    print(f"wrote {count} decisions to {options.output}", file=sys.stderr)
    return 0
