"""``recogniser import CREDENTIAL... [-o CASE.json] [--purpose P] [--assessing-country CC]``.

Turns a Europass (ELM v3) or Open Badges 3.0 credential into a case file and prints, per Annex I element,
where the value came from, what was guessed and what is missing, and the signature status. Several credential
files make one case of several credentials (a stack), each keeping the provenance of its own file. The case file
is written atomically and never replaces an existing file unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from recogniser.casefile import parse_case, save_case
from recogniser.errors import UserInputError, located, system_reason
from recogniser.files import keep_existing
from recogniser.i18n import _, phrase, plural, say
from recogniser.interchange import ImportResult, import_credential, stack_document
from recogniser.interchange.report import FROM_OPTION, FROM_SETTINGS, format_import
from recogniser.joining import quoted
from recogniser.model import Purpose, Target
from recogniser.settings import load_settings

#: An ISO 639 language code, as credentials tag their texts (``hr``, ``en``, ``fil``).
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}")


def run(options: argparse.Namespace) -> int:
    credentials = [Path(name) for name in options.credentials]
    output = Path(options.output) if options.output is not None else default_case_path(credentials[0])
    if options.output == "":
        raise UserInputError(located("-o", phrase("no file name given")))
    if options.language is not None and not _LANGUAGE_CODE.fullmatch(options.language):
        problem = phrase("{value} is not a language code such as hr or en", value=quoted(options.language))
        raise UserInputError(located("--language", problem))
    for credential in credentials:
        if output.exists() and credential.exists() and output.resolve() == credential.resolve():
            problem = phrase(
                "is the credential {credential} itself; choose another name with {option}",
                credential=str(credential),
                option="-o",
            )
            raise UserInputError(located(str(output), problem))
    keep_existing(output, force=options.force)
    country, origin = assessing_country(options.assessing_country)
    results = []
    for credential in credentials:
        results.append(
            import_credential(
                credential,
                purpose=Purpose(options.purpose),
                assessing_country=country,
                assessing_country_origin=origin,
                target=_target(options),
                language=options.language,
            )
        )
    document = stack_document(results)
    # The reports are composed before the case file is written: a run that fails leaves no file behind.
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    reports = [
        format_import(result, credential, width) for credential, result in zip(credentials, results, strict=True)
    ]
    if len(results) > 1:
        reports = [
            say("--- Credential {number} of {count} ---", number=number, count=len(results)) + "\n" + text
            for number, text in enumerate(reports, 1)
        ]
    # Stored before the file is written, so that a store that refuses leaves neither behind; with the original
    # file of each credential (the one its provenance names by SHA-256).
    originals = [(credential.name, result.original) for credential, result in zip(credentials, results, strict=True)]
    stored = _store(options, document, originals) if options.save else None
    try:
        save_case(output, document)
    except OSError as error:
        problem = phrase("cannot write the case file ({reason})", reason=system_reason(error))
        raise UserInputError(located(str(output), problem)) from None
    for result in results:
        _warn_language_absent(options.language, result.document)
    _warn_other_learners(results)
    sys.stdout.write("\n".join(reports))
    if len(results) > 1:
        wrote = phrase(
            "Wrote {path} (a stack of {count} credentials). Check it with: recogniser assess {path}",
            path=str(output),
            count=len(results),
        )
    else:
        wrote = phrase("Wrote {path}. Check it with: recogniser assess {path}", path=str(output))
    sys.stdout.write(f"\n{wrote.text()}\n")
    if stored is not None:
        reference, place = stored
        kept = plural(
            "Stored as {reference} in {place}, with the original credential file.",
            "Stored as {reference} in {place}, with the original credential files.",
            n=len(originals),
            reference=reference,
            place=place,
        )
        sys.stdout.write(f"{kept.text()}\n")
    return 0


def _store(
    options: argparse.Namespace, document: dict[str, Any], originals: list[tuple[str, bytes]]
) -> tuple[str, str]:
    """Keep the case and the original file of each of its credentials in the store: the reference it was stored
    under, and where."""
    from recogniser.commands.cases_command import open_store

    with open_store(options) as store:
        return store.add_case(parse_case(document), originals=originals).reference, store.place


def _warn_other_learners(results: list[ImportResult]) -> None:
    """A stack is one learner's: say (without the names) where the credentials name different learners."""
    names = [
        str((result.document["credential"].get("learner") or {}).get("name") or "").casefold() for result in results
    ]
    named = {name for name in names if name}
    if len(named) > 1:
        warning = _(
            "the credentials do not all name the same learner; a stack is one learner's learning: check the "
            "learner of each"
        )
        print(f"recogniser: {_('warning')}: {warning}", file=sys.stderr)


def assessing_country(given: str | None) -> tuple[str, str]:
    """The assessing country and where it came from: ``--assessing-country``, else the office's setting.

    A case file needs one (docs/formats/case-file.md), and the issuer's country is not the assessing country, so without
    either the import is refused before anything is read or written.
    """
    if given:
        return given, FROM_OPTION
    office = load_settings().assessing_country
    if office:
        return office, FROM_SETTINGS
    raise UserInputError(
        phrase(
            "no assessing country: give {option}, or set {setting} under [office] in settings.toml (in the window: "
            "Settings); the issuer's country is not taken for it",
            option="--assessing-country CC",
            setting="assessing_country",
        )
    )


def _warn_language_absent(wanted: str | None, document: dict[str, Any]) -> None:
    taken = document.get("credential", {}).get("language")
    # Compared by the primary subtag: texts tagged hr-HR answer --language hr.
    if wanted is not None and taken is not None and taken.lower().split("-")[0] != wanted.lower():
        warning = phrase(
            "--language {wanted}: the credential has no texts in that language; they are taken in {taken}",
            wanted=wanted,
            taken=taken,
        )
        print(f"recogniser: {_('warning')}: {warning.text()}", file=sys.stderr)


def default_case_path(credential: Path) -> Path:
    """``course.json`` → ``course.case.json`` in the same folder."""
    return credential.with_name(f"{credential.stem}.case.json")


def _target(options: argparse.Namespace) -> Target | None:
    values = (options.target_title, options.target_institution, options.target_eqf_level, options.target_ects)
    if all(value is None for value in values):
        return None
    return Target(
        title=options.target_title,
        institution=options.target_institution,
        eqf_level=options.target_eqf_level,
        ects=options.target_ects,
    )
