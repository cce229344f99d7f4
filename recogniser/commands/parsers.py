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

from recogniser.i18n import _, say
from recogniser.joining import grouped
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
        help=_("check one case file and recommend an outcome"),
        description=_(
            "Check a case file against Annex I, the Lisbon Recognition Convention, QF-EHEA/EQF and the "
            "ESG, and recommend an outcome for its purpose."
        ),
    )
    parser.add_argument("case", metavar=_("CASE"), help=_("a recogniser-case/1 JSON file"))
    parser.add_argument("--json", action="store_true", help=_("print the decision as JSON (recogniser-decision/1)"))
    parser.add_argument(
        "--as-of",
        metavar=_("DATE"),
        help=_("judge dates (QA validity, EQAR registration) as of this day instead of the issue date"),
    )
    parser.add_argument(
        "--pdf",
        metavar=_("OUT.pdf"),
        help=_(
            "also write the recommendation report as a PDF (office and evaluator from settings.toml, see README); "
            "an existing report is replaced"
        ),
    )
    parser.add_argument("--all", action="store_true", help=_("also list the checks that passed or did not apply"))
    parser.add_argument(
        "--save", action="store_true", help=_("keep the case and this decision in the case store (see --database-url)")
    )
    parser.add_argument(
        "--evaluator",
        metavar=_("NAME"),
        help=_(
            "with --save: who records the decision (default: evaluator_name in settings.toml, else your login name)"
        ),
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help=_(
            "with --save: when the case's reference is stored with a different text, store this file as the "
            "case's new version (without it such a save is refused)"
        ),
    )
    parser.set_defaults(handler=_Lazy("assess_command", "run"))


def _import(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help=_("turn a Europass (ELM v3) or Open Badges 3.0 credential into a case file"),
        description=_(
            "Read a Europass Digital Credential (ELM v3 JSON-LD, signed or not) or an Open Badges 3.0 "
            "credential, write it as a case file and report, per Annex I element, where each value came from."
        ),
    )
    parser.add_argument(
        "credentials",
        metavar=_("CREDENTIAL"),
        nargs="+",
        help=_(
            "the credential file (JSON-LD, JAdES or VC-JWT); several files of one learner make one case in which "
            "they are assessed together towards the target (a stack)"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar=_("CASE.json"),
        help=_("where to write the case (default: the first CREDENTIAL's name with .case.json, next to it)"),
    )
    parser.add_argument("--force", action="store_true", help=_("replace the case file if it exists"))
    parser.add_argument(
        "--save",
        action="store_true",
        help=_("also keep the case in the case store, with the original credential file (the report attaches it)"),
    )
    parser.add_argument(
        "--purpose",
        choices=[purpose.value for purpose in Purpose],
        default=Purpose.EMPLOYMENT.value,
        help=_("why recognition is sought (default: employment)"),
    )
    parser.add_argument(
        "--assessing-country",
        metavar="CC",
        help=_(
            "the assessing country (default: assessing_country under [office] in settings.toml; the issuer's "
            "country is never taken for it)"
        ),
    )
    parser.add_argument(
        "--language",
        metavar="LL",
        help=_(
            "language to take titles and outcomes in from multilingual credentials, e.g. hr "
            "(default: English where present, else the issuer's first)"
        ),
    )
    target = parser.add_argument_group(_("target (required for admission and credit_transfer)"))
    target.add_argument("--target-title", metavar=_("TEXT"), help=_("the programme or component sought"))
    target.add_argument("--target-institution", metavar=_("NAME"), help=_("the institution offering it"))
    target.add_argument("--target-eqf-level", metavar="N", type=_eqf_level, help=_("its EQF level (1-8)"))
    target.add_argument("--target-ects", metavar="ECTS", type=_credits, help=_("the credits sought"))
    parser.set_defaults(handler=_Lazy("import_command", "run"))


def _eqf_level(text: str) -> int:
    if text.strip() in {str(level) for level in range(1, 9)}:
        return int(text)
    raise argparse.ArgumentTypeError(say("{text} is not an EQF level (1-8)", text=repr(text)))


def _credits(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if 0 < value <= 1000:
        return value
    raise argparse.ArgumentTypeError(say("{text} is not a number of credits above 0", text=repr(text)))


def _seminar(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "seminar",
        help=_("exercise packs for recognition seminars: build, answer, compare"),
        description=_(
            "Seminar mode: build a pack of cases for breakout groups, record each group's verdicts as a "
            "response file, and compare the groups' verdicts with each other and with the tool."
        ),
    )
    commands = parser.add_subparsers(dest="seminar_command", metavar=_("STEP"), required=True)

    pack = commands.add_parser("pack", help=_("build a pack from case files"), description=_("Build a seminar pack."))
    pack.add_argument(
        "cases", metavar=_("CASE"), nargs="+", help=_("recogniser-case/1 files; each is named by its file")
    )
    _output(pack, _("PACK.zip"))
    pack.add_argument("--title", default="Recognition seminar", metavar=_("TITLE"), help=_("the pack's title"))
    pack.add_argument("--notes", metavar=_("DIR"), help=_("folder of facilitator notes, NAME.md beside each NAME.json"))
    pack.add_argument("--id", dest="pack_id", metavar="ID", help=_("the pack id (default: from title and cases)"))
    pack.add_argument("--pack-version", type=int, default=1, metavar="N", help=_("the pack's revision (default 1)"))
    pack.set_defaults(handler=_Lazy("seminar_command", "run_pack"))

    exercises = commands.add_parser(
        "exercises",
        help=_("write the exercise cases shipped with Recogniser as a pack"),
        description=_("Write the shipped exercise cases, with their facilitator notes, as a seminar pack."),
    )
    _output(exercises, _("PACK.zip"))
    exercises.add_argument("--without-notes", action="store_true", help=_("leave the facilitator notes out"))
    exercises.set_defaults(handler=_Lazy("seminar_command", "run_exercises"))

    show = commands.add_parser("show", help=_("list a pack's cases"), description=_("Check a pack and list its cases."))
    show.add_argument("pack", metavar=_("PACK.zip"))
    show.add_argument("--notes", action="store_true", help=_("also print the facilitator notes"))
    show.set_defaults(handler=_Lazy("seminar_command", "run_show"))

    assess_parser = commands.add_parser(
        "assess",
        help=_("print the tool's verdict on a pack's cases"),
        description=_("Assess the cases of a pack (all, or those named) and print each readable verdict."),
    )
    assess_parser.add_argument("pack", metavar=_("PACK.zip"))
    assess_parser.add_argument("case_ids", metavar=_("CASE_ID"), nargs="*", help=_("cases to assess (default: all)"))
    assess_parser.add_argument("--json", action="store_true", help=_("print the decisions as JSON"))
    assess_parser.set_defaults(handler=_Lazy("seminar_command", "run_assess"))

    template = commands.add_parser(
        "template",
        help=_("write an empty verdicts file for a pack"),
        description=_(
            "Write a recogniser-seminar-verdicts/1 file listing every case of the pack, for a group to "
            "fill in (outcome, ECTS, justification)."
        ),
    )
    template.add_argument("pack", metavar=_("PACK.zip"))
    _output(template, _("VERDICTS.json"))
    template.add_argument("--group", metavar=_("NAME"), help=_("the group's name"))
    template.set_defaults(handler=_Lazy("seminar_command", "run_template"))

    respond = commands.add_parser(
        "respond",
        help=_("turn a group's verdicts into a response file"),
        description=_(
            "Assess every case of the pack and write the group's response "
            "(recogniser-seminar-response/1): its verdicts beside the tool's decisions."
        ),
    )
    respond.add_argument("pack", metavar=_("PACK.zip"))
    respond.add_argument("--verdicts", required=True, metavar=_("VERDICTS.json"), help=_("the group's verdicts"))
    respond.add_argument("--group", metavar=_("NAME"), help=_("the group's name (default: the verdicts file's)"))
    _output(respond, _("RESPONSE.json"))
    respond.set_defaults(handler=_Lazy("seminar_command", "run_respond"))

    compare_parser = commands.add_parser(
        "compare",
        help=_("compare the groups' responses"),
        description=_(
            "Compare the groups' verdicts per case: distribution, agreement, the tool's recommendation "
            "beside them, and the justifications. Responses to another pack or from another tool version are "
            "listed with the reason and left out."
        ),
    )
    compare_parser.add_argument("pack", metavar=_("PACK.zip"))
    compare_parser.add_argument("responses", metavar=_("RESPONSE"), nargs="+", help=_("the groups' response files"))
    compare_parser.add_argument("--json", action="store_true", help=_("print the comparison as JSON"))
    compare_parser.add_argument(
        "--pdf", metavar=_("OUT.pdf"), help=_("also write the comparison as a PDF, with a chart")
    )
    compare_parser.add_argument("--force", action="store_true", help=_("replace the PDF if it exists"))
    compare_parser.add_argument(
        "--allow-other-versions",
        action="store_true",
        help=_(
            "compare responses made with another tool or rulebook version (with a warning) instead of leaving them out"
        ),
    )
    compare_parser.set_defaults(handler=_Lazy("seminar_command", "run_compare"))


def _output(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("-o", "--output", required=True, metavar=what, help=_("where to write it"))
    parser.add_argument("--force", action="store_true", help=_("replace the file if it exists"))


def _cases(subparsers: Any) -> None:
    cases = subparsers.add_parser("cases", help=_("add, list, show, compare and export stored cases"))
    commands = cases.add_subparsers(dest="cases_command", metavar=_("ACTION"), required=True)

    add = commands.add_parser("add", help=_("store case files (all of them, or none if one is refused)"))
    add.add_argument("files", nargs="+", metavar=_("CASE.json"))
    add.set_defaults(handler=_Lazy("cases_command", "_add"))

    listing = commands.add_parser("list", help=_("list stored cases, most recently changed first"))
    listing.add_argument(
        "--search", metavar=_("TEXT"), default="", help=_("words starting reference, learner, title...")
    )
    listing.add_argument("--purpose", choices=[p.value for p in Purpose])
    listing.add_argument("--outcome", choices=[o.value for o in Outcome], help=_("the latest decision's outcome"))
    listing.add_argument("--status", choices=["open", "assessed", "decided"])
    listing.add_argument("--country", metavar="CC", help=_("the issuer's country (ISO 3166-1 alpha-2)"))
    listing.add_argument(
        "--limit",
        default="50",
        metavar="N",
        help=say("at most N cases (default 50, at most {limit})", limit=grouped(MAX_LIMIT)),
    )
    listing.add_argument("--json", action="store_true", help=_("print the list as JSON"))
    listing.set_defaults(handler=_Lazy("cases_command", "_list"))

    show = commands.add_parser("show", help=_("show a stored case and every decision recorded for it"))
    show.add_argument("reference", metavar=_("REF"))
    show.add_argument("--json", action="store_true", help=_("print the case, its state and decisions as JSON"))
    show.set_defaults(handler=_Lazy("cases_command", "_show"))

    similar = commands.add_parser(
        "similar", help=_("the office's earlier decided cases like this one (equivalent cases first)")
    )
    similar.add_argument("reference", metavar=_("REF"))
    similar.add_argument("--json", action="store_true", help=_("print the similar cases and their decisions as JSON"))
    similar.set_defaults(handler=_Lazy("cases_command", "_similar"))

    export = commands.add_parser("export", help=_("write a stored case to a case file"))
    export.add_argument("reference", metavar=_("REF"))
    export.add_argument("-o", "--output", required=True, metavar=_("CASE.json"))
    export.add_argument("--force", action="store_true", help=_("replace the case file if it exists"))
    export.set_defaults(handler=_Lazy("cases_command", "_export"))


def _trust(subparsers: Any) -> None:
    trust = subparsers.add_parser(
        "trust",
        help=_("the certificates the office trusts to vouch for a credential's signer"),
        description=_(
            "Manage the office's trust anchors. A credential is 'verified' only when its signature is "
            "intact, its signer is bound to the issuer, and the signer's certificate chains to one of these."
        ),
    )
    commands = trust.add_subparsers(dest="trust_command", metavar=_("ACTION"), required=True)
    add = commands.add_parser(
        "add", help=_("trust a certificate (PEM or DER) or every service certificate of an EU trusted list (XML)")
    )
    add.add_argument("file", metavar=_("CERT"))
    add.set_defaults(handler=_Lazy("trust_command", "_add"))
    listing = commands.add_parser("list", help=_("list the trusted certificates"))
    listing.set_defaults(handler=_Lazy("trust_command", "_list"))
    remove = commands.add_parser("remove", help=_("stop trusting a certificate"))
    remove.add_argument(
        "fingerprint", metavar=_("FINGERPRINT"), help=_("its SHA-256 fingerprint, or its first 8+ digits")
    )
    remove.set_defaults(handler=_Lazy("trust_command", "_remove"))


def _register(subparsers: Any) -> None:
    record = subparsers.add_parser("register", help=_("the office's register of recognition decisions"))
    commands = record.add_subparsers(dest="register_command", metavar=_("ACTION"), required=True)
    export = commands.add_parser(
        "export",
        help=_(
            "every final decision with the credential, target, purpose, outcome, credits, date and basis; "
            "no learner's personal data"
        ),
    )
    export.add_argument("--from", dest="first", metavar=_("DATE"), help=_("decisions recorded on or after this day"))
    export.add_argument("--to", dest="last", metavar=_("DATE"), help=_("decisions recorded on or before this day"))
    export.add_argument("--format", required=True, choices=["csv", "json"], dest="kind")
    export.add_argument("-o", "--output", metavar=_("FILE"), help=_("write here instead of to the standard output"))
    export.add_argument("--force", action="store_true", help=_("replace the output file if it exists"))
    export.set_defaults(handler=_Lazy("register_command", "_export"))


def _data(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "data",
        help=_("show the reference data in use, or refresh it from an export"),
        description=_(
            "The reference data: national framework levels, the national-framework vocabulary and the "
            "EQAR register of quality assurance agencies."
        ),
    )
    commands = parser.add_subparsers(dest="data_command", metavar=_("DATA_COMMAND"), required=True)
    status = commands.add_parser("status", help=_("what reference data are in use, from where, as of when"))
    status.add_argument("--json", action="store_true", help=_("print the status as JSON"))
    status.set_defaults(handler=_Lazy("data_command", "_status"))
    agencies = commands.add_parser(
        "import-agencies",
        help=_("refresh the agency register from an export of DEQAR's /webapi/v2/browse/agencies/"),
        description=_(
            "Read a saved response of DEQAR's Web API /webapi/v2/browse/agencies/, show what it changes "
            "and write the register to the user data folder."
        ),
    )
    agencies.add_argument("file", metavar=_("FILE"), help=_("the export (JSON)"))
    _common(agencies)
    agencies.set_defaults(handler=_Lazy("data_command", "_import_agencies"))
    levels = commands.add_parser(
        "import-levels",
        help=_("refresh the framework levels' labels from a newer national-framework vocabulary (XSD or SKOS)"),
        description=_(
            "Read the national-framework vocabulary (the European Learning Model's nqf.xsd, or the SKOS "
            "RDF/XML file from EU Vocabularies), show what it changes and write the changed frameworks to the user "
            "data folder. Levels are matched by concept URI; new concepts are listed, not added."
        ),
    )
    levels.add_argument("file", metavar=_("FILE"), help=_("the vocabulary (XSD or SKOS RDF/XML)"))
    _common(levels)
    levels.set_defaults(handler=_Lazy("data_command", "_import_levels"))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--retrieved",
        metavar=_("YYYY-MM-DD"),
        help=_("the day the file was retrieved (default: the file's modification date)"),
    )
    parser.add_argument("--dry-run", action="store_true", help=_("show what would change; write nothing"))
