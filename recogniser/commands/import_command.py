"""``recogniser import CREDENTIAL [-o CASE.json] [--purpose P] [--assessing-country CC]``.

Turns a Europass (ELM v3) or Open Badges 3.0 credential into a case file and prints, per Annex I element,
where the value came from, what was guessed and what is missing, and the signature status. The case file is
written atomically and never replaces an existing file unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

from recogniser.casefile import save_case
from recogniser.errors import UserInputError
from recogniser.interchange import (
    FORMAT_NAMES,
    ElementStatus,
    ImportResult,
    SignatureStatus,
    import_credential,
)
from recogniser.interchange.elements import MANDATORY_ELEMENTS
from recogniser.model import Purpose, Target
from recogniser.resources import user_config_path

SIGNATURE_WORDS = {
    SignatureStatus.VERIFIED: "verified",
    SignatureStatus.FAILED: "FAILED",
    SignatureStatus.NOT_VERIFIED: "not verified",
}


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help="turn a Europass (ELM v3) or Open Badges 3.0 credential into a case file",
        description="Read a Europass Digital Credential (ELM v3 JSON-LD, signed or not) or an Open Badges 3.0 "
        "credential, write it as a case file and report, per Annex I element, where each value came from.",
    )
    parser.add_argument("credential", metavar="CREDENTIAL", help="the credential file (JSON-LD, JAdES or VC-JWT)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="CASE.json",
        help="where to write the case (default: CREDENTIAL's name with .case.json, next to it)",
    )
    parser.add_argument("--force", action="store_true", help="replace the case file if it exists")
    parser.add_argument(
        "--purpose",
        choices=[purpose.value for purpose in Purpose],
        default=Purpose.EMPLOYMENT.value,
        help="why recognition is sought (default: employment)",
    )
    parser.add_argument(
        "--assessing-country",
        metavar="CC",
        help="the assessing country (default: assessing_country under [office] in settings.toml, "
        "else the issuer's country)",
    )
    parser.add_argument(
        "--language",
        metavar="LL",
        help="language to take titles and outcomes in from multilingual credentials, e.g. hr "
        "(default: English where present, else the issuer's first)",
    )
    target = parser.add_argument_group("target (required for admission and credit_transfer)")
    target.add_argument("--target-title", metavar="TEXT", help="the programme or component sought")
    target.add_argument("--target-institution", metavar="NAME", help="the institution offering it")
    target.add_argument("--target-eqf-level", metavar="N", type=_eqf_level, help="its EQF level (1-8)")
    target.add_argument("--target-ects", metavar="ECTS", type=_credits, help="the credits sought")
    parser.set_defaults(handler=run)


def _eqf_level(text: str) -> int:
    if text.strip() in {str(level) for level in range(1, 9)}:
        return int(text)
    raise argparse.ArgumentTypeError(f"{text!r} is not an EQF level (1-8)")


def _credits(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if 0 < value <= 1000:
        return value
    raise argparse.ArgumentTypeError(f"{text!r} is not a number of credits above 0")


def run(options: argparse.Namespace) -> int:
    credential = Path(options.credential)
    output = Path(options.output) if options.output else default_case_path(credential)
    if output.exists() and output.resolve() == credential.resolve():
        raise UserInputError(f"{output}: is the credential itself; choose another name with -o")
    if output.exists() and not options.force:
        raise UserInputError(f"{output}: already exists; give --force to replace it, or -o to write elsewhere")
    result = import_credential(
        credential,
        purpose=Purpose(options.purpose),
        assessing_country=options.assessing_country or office_assessing_country(),
        target=_target(options),
        language=options.language,
    )
    try:
        save_case(output, result.document)
    except OSError as error:
        raise UserInputError(f"{output}: cannot write the case file ({error.strerror or error})") from None
    sys.stdout.write(format_import(result, credential))
    sys.stdout.write(f"\nWrote {output}. Check it with: recogniser assess {output}\n")
    return 0


def default_case_path(credential: Path) -> Path:
    """``course.json`` → ``course.case.json`` in the same folder."""
    return credential.with_name(f"{credential.stem}.case.json")


def office_assessing_country() -> str | None:
    """The office's default assessing country: ``assessing_country`` under ``[office]`` in settings.toml."""
    path = user_config_path() / "settings.toml"
    try:
        settings = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UserInputError(f"{path}: cannot read the settings ({error})") from None
    office = settings.get("office")
    country = office.get("assessing_country") if isinstance(office, dict) else None
    return country.strip() if isinstance(country, str) and country.strip() else None


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


def format_import(result: ImportResult, source: Path) -> str:
    """The readable import report: format, signature, then each Annex I element with its value and origin."""
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    lines = [f"Imported {FORMAT_NAMES[result.format]} from {source}"]
    lines += textwrap.wrap(
        f"Signature: {SIGNATURE_WORDS[result.signature]} - {result.signature_reason}",
        width=width,
        subsequent_indent="    ",
    )
    lines.append("")
    lines.append("Annex I elements (Council Recommendation 2022/C 243/02):")
    for report in result.elements:
        status = report.status.value
        if report.status is ElementStatus.MISSING and report.number in MANDATORY_ELEMENTS:
            status = "MISSING (mandatory)"
        elif report.status is ElementStatus.GUESSED:
            status = "GUESSED"
        number, name = report.element.split(".", 1)
        lines.append(f"  {number:>2}.{name:<42} {status}")
        if report.value:
            first_line = report.value.splitlines()[0]
            shown = first_line + (" ..." if "\n" in report.value else "")
            lines += textwrap.wrap(shown, width=width, initial_indent="      ", subsequent_indent="      ")
        origin = "from " + report.source if report.status is not ElementStatus.MISSING else report.source
        lines += textwrap.wrap(origin, width=width, initial_indent="      ", subsequent_indent="        ")
    if result.warnings:
        lines.append("")
        lines.append("Warnings:")
        for warning in result.warnings:
            lines += textwrap.wrap(warning, width=width, initial_indent="  - ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"
