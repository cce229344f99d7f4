"""``recogniser data status``, ``recogniser data import-agencies FILE``, ``recogniser data import-levels FILE``:
the reference data in use, and refreshing the agency register from a DEQAR export and the framework levels'
labels from a newer national-framework vocabulary (docs/user/command-line.md).

An import validates the file, shows what changes and writes the user data folder's copy whole or not at all;
``--dry-run`` only shows. The retrieval date is the day the office took the export (``--retrieved``; by default
the file's own modification date, said as such).
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from pathlib import Path

from recogniser.agency_file import default_agencies
from recogniser.agency_import import plan_import, read_export, write_register
from recogniser.errors import UserInputError, cannot_read, located
from recogniser.frameworks import default_frameworks
from recogniser.i18n import _, phrase, say
from recogniser.joining import quoted
from recogniser.levels_import import plan_levels_import, write_levels_import
from recogniser.nqf_vocabulary import read_vocabulary
from recogniser.reference_data import format_status, reference_data_status


def _status(options: argparse.Namespace) -> int:
    tables = reference_data_status()
    if options.json:
        print(json.dumps([table.as_dict() for table in tables], ensure_ascii=False, indent=2))
    else:
        print(format_status(tables), end="")
    return 0


def _retrieved(options: argparse.Namespace, path: Path) -> tuple[date, str]:
    if options.retrieved:
        try:
            return date.fromisoformat(options.retrieved), _("as given")
        except ValueError:
            problem = phrase("{value} is not a date (YYYY-MM-DD)", value=quoted(options.retrieved))
            raise UserInputError(located("--retrieved", problem)) from None
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).date(), _("the file's modification date")
    except OSError as error:
        raise UserInputError(located(str(path), cannot_read(error))) from None


def _import_levels(options: argparse.Namespace) -> int:
    path = Path(options.file)
    retrieved_on, how = _retrieved(options, path)
    vocabulary = read_vocabulary(path)
    plan = plan_levels_import(default_frameworks(), vocabulary, path.name)
    print(
        say(
            "{path}: national-framework vocabulary retrieved on {day} ({how})",
            path=str(path),
            day=retrieved_on,
            how=how,
        )
    )
    for line in plan.lines():
        print(line)
    if options.dry_run:
        print(_("Nothing written (--dry-run)."))
        return 0
    written = write_levels_import(plan, path, retrieved_on, date.today())
    default_frameworks.cache_clear()
    print(say("Written: {files}.", files=", ".join(str(item) for item in written)))
    return 0


def _import_agencies(options: argparse.Namespace) -> int:
    path = Path(options.file)
    retrieved_on, how = _retrieved(options, path)
    plan = plan_import(default_agencies(), read_export(path), source=path.name, retrieved_on=retrieved_on)
    print(say("{path}: DEQAR agency export retrieved on {day} ({how})", path=str(path), day=retrieved_on, how=how))
    for line in plan.lines():
        print(line)
    if options.dry_run:
        print(_("Nothing written (--dry-run)."))
        return 0
    target = write_register(plan.document)
    default_agencies.cache_clear()
    print(say("Written to {path}.", path=str(target)))
    return 0
