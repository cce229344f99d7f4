"""``recogniser register export``: the office's decisions as a publishable register, without personal data."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from recogniser.commands.cases_command import open_store
from recogniser.errors import UserInputError, located
from recogniser.i18n import phrase, plural
from recogniser.joining import quoted


def day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problem = phrase("must be a date as YYYY-MM-DD (got {value})", value=quoted(text))
        raise UserInputError(located(option, problem)) from None


def _export(options: argparse.Namespace) -> int:
    from recogniser.files import StagedFile, writable_output

    first, last = day(options.first, "--from"), day(options.last, "--to")
    if first is not None and last is not None and last < first:
        problem = phrase("{last} is before {option} {first}", last=last, option="--from", first=first)
        raise UserInputError(located("--to", problem))
    if options.output is None:
        with open_store(options) as store:
            store.export_register(sys.stdout, options.kind, first, last)
        return 0
    # Checked before the database is opened: the file may be someone's work.
    target = writable_output(options.output, force=options.force)
    with open_store(options) as store, StagedFile(target) as output:
        count = output.write_text(lambda stream: store.export_register(stream, options.kind, first, last))
        output.commit()
    wrote = plural("wrote {n} decision to {path}", "wrote {n} decisions to {path}", n=count, path=str(options.output))
    print(wrote.text(), file=sys.stderr)
    return 0
