"""The command line's words: every subcommand, its options and their help, without the code that runs them.

Building the parser imports no command: each handler is named by module and function and imported only when its
command runs, so ``recogniser assess`` loads neither the case store nor the PDF report, and ``recogniser cases
list`` loads neither the rules nor the report. The implementations live beside this module
(``assess_command.py``...); a handler takes the parsed options and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import Any

from recogniser.model import Outcome, Purpose

#: The most cases one listing shows: more is no list a person reads, and keeps the number within every backend.
MAX_LIMIT = 100_000


class _Lazy:
    """A command's handler, imported from ``recogniser.commands.<module>`` when the command runs."""

    def __init__(self, module: str, function: str) -> None:
        self.module = f"{__package__}.{module}"
        self.function = function

    def resolve(self) -> Callable[[argparse.Namespace], int]:
        handler: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(self.module), self.function)
        return handler

    def __call__(self, options: argparse.Namespace) -> int:
        return self.resolve()(options)

    def __repr__(self) -> str:
        return f"{self.module}.{self.function}"


def add_commands(subparsers: Any) -> None:
    """Every subcommand, in the order ``recogniser --help`` lists them."""
    for add in (_assess, _import, _seminar, _cases, _trust, _register, _data):
        add(subparsers)


def _assess(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "assess",
        help="check one case file and recommend an outcome",
        description="Check a case file against Annex I, the Lisbon Recognition Convention, QF-EHEA/EQF and the "
        "ESG, and recommend an outcome for its purpose.",
    )
    parser.add_argument("case", metavar="CASE", help="a recogniser-case/1 JSON file")
    parser.add_argument("--json", action="store_true", help="print the decision as JSON (recogniser-decision/1)")
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="judge dates (QA validity, EQAR registration) as of this day instead of the issue date",
    )
    parser.add_argument(
        "--pdf",
        metavar="OUT.pdf",
        help="also write the recommendation report as a PDF (office and evaluator from settings.toml, see README); "
        "an existing report is replaced",
    )
    parser.add_argument("--all", action="store_true", help="also list the checks that passed or did not apply")
    parser.add_argument(
        "--save", action="store_true", help="keep the case and this decision in the case store (see --database-url)"
    )
    parser.add_argument(
        "--evaluator",
        metavar="NAME",
        help="with --save: who records the decision (default: evaluator_name in settings.toml, else your login name)",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="with --save: when the case's reference is stored with a different text, store this file as the "
        "case's new version (without it such a save is refused)",
    )
    parser.set_defaults(handler=_Lazy("assess_command", "run"))


def _import(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help="turn a Europass (ELM v3) or Open Badges 3.0 credential into a case file",
        description="Read a Europass Digital Credential (ELM v3 JSON-LD, signed or not) or an Open Badges 3.0 "
        "credential, write it as a case file and report, per Annex I element, where each value came from.",
    )
    parser.add_argument(
        "credentials",
        metavar="CREDENTIAL",
        nargs="+",
        help="the credential file (JSON-LD, JAdES or VC-JWT); several files of one learner make one case in which "
        "they are assessed together towards the target (a stack)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="CASE.json",
        help="where to write the case (default: the first CREDENTIAL's name with .case.json, next to it)",
    )
    parser.add_argument("--force", action="store_true", help="replace the case file if it exists")
    parser.add_argument(
        "--save",
        action="store_true",
        help="also keep the case in the case store, with the original credential file (the report attaches it)",
    )
    parser.add_argument(
        "--purpose",
        choices=[purpose.value for purpose in Purpose],
        default=Purpose.EMPLOYMENT.value,
        help="why recognition is sought (default: employment)",
    )
    parser.add_argument(
        "--assessing-country",
        metavar="CC",
        help="the assessing country (default: assessing_country under [office] in settings.toml; the issuer's "
        "country is never taken for it)",
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
    parser.set_defaults(handler=_Lazy("import_command", "run"))


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


def _seminar(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "seminar",
        help="exercise packs for recognition seminars: build, answer, compare",
        description="Seminar mode: build a pack of cases for breakout groups, record each group's verdicts as a "
        "response file, and compare the groups' verdicts with each other and with the tool.",
    )
    commands = parser.add_subparsers(dest="seminar_command", metavar="STEP", required=True)

    pack = commands.add_parser("pack", help="build a pack from case files", description="Build a seminar pack.")
    pack.add_argument("cases", metavar="CASE", nargs="+", help="recogniser-case/1 files; each is named by its file")
    _output(pack, "PACK.zip")
    pack.add_argument("--title", default="Recognition seminar", help="the pack's title")
    pack.add_argument("--notes", metavar="DIR", help="folder of facilitator notes, NAME.md beside each NAME.json")
    pack.add_argument("--id", dest="pack_id", metavar="ID", help="the pack id (default: from title and cases)")
    pack.add_argument("--pack-version", type=int, default=1, metavar="N", help="the pack's revision (default 1)")
    pack.set_defaults(handler=_Lazy("seminar_command", "run_pack"))

    exercises = commands.add_parser(
        "exercises",
        help="write the exercise cases shipped with Recogniser as a pack",
        description="Write the shipped exercise cases, with their facilitator notes, as a seminar pack.",
    )
    _output(exercises, "PACK.zip")
    exercises.add_argument("--without-notes", action="store_true", help="leave the facilitator notes out")
    exercises.set_defaults(handler=_Lazy("seminar_command", "run_exercises"))

    show = commands.add_parser("show", help="list a pack's cases", description="Check a pack and list its cases.")
    show.add_argument("pack", metavar="PACK.zip")
    show.add_argument("--notes", action="store_true", help="also print the facilitator notes")
    show.set_defaults(handler=_Lazy("seminar_command", "run_show"))

    assess_parser = commands.add_parser(
        "assess",
        help="print the tool's verdict on a pack's cases",
        description="Assess the cases of a pack (all, or those named) and print each readable verdict.",
    )
    assess_parser.add_argument("pack", metavar="PACK.zip")
    assess_parser.add_argument("case_ids", metavar="CASE_ID", nargs="*", help="cases to assess (default: all)")
    assess_parser.add_argument("--json", action="store_true", help="print the decisions as JSON")
    assess_parser.set_defaults(handler=_Lazy("seminar_command", "run_assess"))

    template = commands.add_parser(
        "template",
        help="write an empty verdicts file for a pack",
        description="Write a recogniser-seminar-verdicts/1 file listing every case of the pack, for a group to "
        "fill in (outcome, ECTS, justification).",
    )
    template.add_argument("pack", metavar="PACK.zip")
    _output(template, "VERDICTS.json")
    template.add_argument("--group", metavar="NAME", help="the group's name")
    template.set_defaults(handler=_Lazy("seminar_command", "run_template"))

    respond = commands.add_parser(
        "respond",
        help="turn a group's verdicts into a response file",
        description="Assess every case of the pack and write the group's response "
        "(recogniser-seminar-response/1): its verdicts beside the tool's decisions.",
    )
    respond.add_argument("pack", metavar="PACK.zip")
    respond.add_argument("--verdicts", required=True, metavar="VERDICTS.json", help="the group's verdicts")
    respond.add_argument("--group", metavar="NAME", help="the group's name (default: the verdicts file's)")
    _output(respond, "RESPONSE.json")
    respond.set_defaults(handler=_Lazy("seminar_command", "run_respond"))

    compare_parser = commands.add_parser(
        "compare",
        help="compare the groups' responses",
        description="Compare the groups' verdicts per case: distribution, agreement, the tool's recommendation "
        "beside them, and the justifications. Responses to another pack or from another tool version are "
        "listed with the reason and left out.",
    )
    compare_parser.add_argument("pack", metavar="PACK.zip")
    compare_parser.add_argument("responses", metavar="RESPONSE", nargs="+", help="the groups' response files")
    compare_parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare_parser.add_argument("--pdf", metavar="OUT.pdf", help="also write the comparison as a PDF, with a chart")
    compare_parser.add_argument("--force", action="store_true", help="replace the PDF if it exists")
    compare_parser.add_argument(
        "--allow-other-versions",
        action="store_true",
        help="compare responses made with another tool or rulebook version (with a warning) instead of leaving "
        "them out",
    )
    compare_parser.set_defaults(handler=_Lazy("seminar_command", "run_compare"))


def _output(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("-o", "--output", required=True, metavar=what, help="where to write it")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")


def _cases(subparsers: Any) -> None:
    cases = subparsers.add_parser("cases", help="add, list, show, compare and export stored cases")
    commands = cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)

    add = commands.add_parser("add", help="store case files (all of them, or none if one is refused)")
    add.add_argument("files", nargs="+", metavar="CASE.json")
    add.set_defaults(handler=_Lazy("cases_command", "_add"))

    listing = commands.add_parser("list", help="list stored cases, most recently changed first")
    listing.add_argument("--search", metavar="TEXT", default="", help="words starting reference, learner, title...")
    listing.add_argument("--purpose", choices=[p.value for p in Purpose])
    listing.add_argument("--outcome", choices=[o.value for o in Outcome], help="the latest decision's outcome")
    listing.add_argument("--status", choices=["open", "assessed", "decided"])
    listing.add_argument("--country", metavar="CC", help="the issuer's country (ISO 3166-1 alpha-2)")
    listing.add_argument(
        "--limit", default="50", metavar="N", help=f"at most N cases (default 50, at most {MAX_LIMIT:,})"
    )
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(handler=_Lazy("cases_command", "_list"))

    show = commands.add_parser("show", help="show a stored case and every decision recorded for it")
    show.add_argument("reference", metavar="REF")
    show.add_argument("--json", action="store_true", help="print the case, its state and decisions as JSON")
    show.set_defaults(handler=_Lazy("cases_command", "_show"))

    similar = commands.add_parser(
        "similar", help="the office's earlier decided cases like this one (equivalent cases first)"
    )
    similar.add_argument("reference", metavar="REF")
    similar.add_argument("--json", action="store_true", help="print the similar cases and their decisions as JSON")
    similar.set_defaults(handler=_Lazy("cases_command", "_similar"))

    export = commands.add_parser("export", help="write a stored case to a case file")
    export.add_argument("reference", metavar="REF")
    export.add_argument("-o", "--output", required=True, metavar="CASE.json")
    export.add_argument("--force", action="store_true", help="replace the case file if it exists")
    export.set_defaults(handler=_Lazy("cases_command", "_export"))


def _trust(subparsers: Any) -> None:
    trust = subparsers.add_parser(
        "trust",
        help="the certificates the office trusts to vouch for a credential's signer",
        description="Manage the office's trust anchors. A credential is 'verified' only when its signature is "
        "intact, its signer is bound to the issuer, and the signer's certificate chains to one of these.",
    )
    commands = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    add = commands.add_parser(
        "add", help="trust a certificate (PEM or DER) or every service certificate of an EU trusted list (XML)"
    )
    add.add_argument("file", metavar="CERT")
    add.set_defaults(handler=_Lazy("trust_command", "_add"))
    listing = commands.add_parser("list", help="list the trusted certificates")
    listing.set_defaults(handler=_Lazy("trust_command", "_list"))
    remove = commands.add_parser("remove", help="stop trusting a certificate")
    remove.add_argument("fingerprint", metavar="FINGERPRINT", help="its SHA-256 fingerprint, or its first 8+ digits")
    remove.set_defaults(handler=_Lazy("trust_command", "_remove"))


def _register(subparsers: Any) -> None:
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
    export.set_defaults(handler=_Lazy("register_command", "_export"))


def _data(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "data",
        help="show the reference data in use, or refresh it from an export",
        description="The reference data: national framework levels, the national-framework vocabulary and the "
        "EQAR register of quality assurance agencies.",
    )
    commands = parser.add_subparsers(dest="data_command", metavar="DATA_COMMAND", required=True)
    status = commands.add_parser("status", help="what reference data are in use, from where, as of when")
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(handler=_Lazy("data_command", "_status"))
    agencies = commands.add_parser(
        "import-agencies",
        help="refresh the agency register from an export of DEQAR's /webapi/v2/browse/agencies/",
        description="Read a saved response of DEQAR's Web API /webapi/v2/browse/agencies/, show what it changes "
        "and write the register to the user data folder.",
    )
    agencies.add_argument("file", metavar="FILE", help="the export (JSON)")
    _common(agencies)
    agencies.set_defaults(handler=_Lazy("data_command", "_import_agencies"))
    levels = commands.add_parser(
        "import-levels",
        help="refresh the framework levels' labels from a newer national-framework vocabulary (XSD or SKOS)",
        description="Read the national-framework vocabulary (the European Learning Model's nqf.xsd, or the SKOS "
        "RDF/XML file from EU Vocabularies), show what it changes and write the changed frameworks to the user "
        "data folder. Levels are matched by concept URI; new concepts are listed, not added.",
    )
    levels.add_argument("file", metavar="FILE", help="the vocabulary (XSD or SKOS RDF/XML)")
    _common(levels)
    levels.set_defaults(handler=_Lazy("data_command", "_import_levels"))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--retrieved",
        metavar="YYYY-MM-DD",
        help="the day the file was retrieved (default: the file's modification date)",
    )
    parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
