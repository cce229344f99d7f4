"""The command line's help and argparse's own words (usage, headings, its errors) in the reader's language."""

from __future__ import annotations

import argparse
import ast
import gettext
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from recogniser import catalogues, i18n
from recogniser.cli import build_parser, language_asked, main
from recogniser.commands import argparse_words

PACKAGE = Path(catalogues.__file__).resolve().parent
#: The files holding the words of the help.
HELP_SOURCES = [PACKAGE / "cli.py", PACKAGE / "commands" / "parsers.py", PACKAGE / "commands" / "argparse_words.py"]
#: What argparse says only to a programmer who declared a parser wrongly: never shown to a reader, left in English.
BUILDER_MESSAGES = {
    "'required' is an invalid argument for positionals",
    "%r is not callable",
    ".__call__() not defined",
    'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting option string: %s",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
}
FRENCH_HEADINGS = ("utilisation\u00a0: recogniser", "options\u00a0:\n", "afficher ce message d’aide et quitter")


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse wraps its help to the terminal's width: a wide one keeps a usage on one line here."""
    monkeypatch.setenv("COLUMNS", "200")


def command_paths() -> Iterator[list[str]]:
    """Every command and subcommand, as typed: [], ["assess"], ["cases", "list"]..."""
    pending: list[tuple[list[str], argparse.ArgumentParser]] = [([], build_parser())]
    while pending:
        path, parser = pending.pop()
        yield path
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending.extend(([*path, name], child) for name, child in action.choices.items())


def squeezed(text: str) -> str:
    """``text`` without its spaces: help is wrapped, and may be broken after a hyphen."""
    return re.sub(r"\s+", "", text)


def english_sentences() -> list[str]:
    """The help's sentences that French writes otherwise."""
    found = []
    for source in HELP_SOURCES:
        for marked in catalogues.marked_in(source):
            if " " in marked.text.strip() and i18n.translate(marked.text, "fr") != marked.text:
                found.append(marked.text)
    return found


def help_of(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 0
    return capsys.readouterr().out


def refusal(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What a command line argparse refuses prints: its usage, then one line saying why; the exit code is 2."""
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith(("usage: ", "utilisation\u00a0: ")) and lines[-1].startswith("recogniser")
    return [line for line in lines if line.startswith("recogniser")]


@pytest.mark.parametrize("path", list(command_paths()), ids=lambda path: " ".join(path) or "recogniser")
def test_every_command_s_help_speaks_french(path: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    french = help_of(["--language", "fr", *path, "--help"], capsys)
    assert all(heading in french for heading in FRENCH_HEADINGS), french
    left = [sentence for sentence in english_sentences() if squeezed(sentence) in squeezed(french)]
    assert left == [], french
    assert "usage:" not in french and "show this help" not in french
    english = help_of([*path, "--help"], capsys)
    assert english.startswith("usage: recogniser") and "options:\n" in english
    assert "  -h, --help" in english and "show this help message and exit" in english


def texts_of(parser: argparse.ArgumentParser) -> Iterator[object]:
    """Every text of a parser's help, and of its subcommands', in order: descriptions, group titles, each
    option's help and metavar."""
    yield parser.description
    yield parser.epilog
    for group in parser._action_groups:
        yield group.title
    for action in parser._actions:
        yield action.help
        yield action.metavar
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield choice.help
            for child in action.choices.values():
                yield from texts_of(child)


def test_no_text_of_the_help_is_left_in_english() -> None:
    """A text not marked for translation (or built with an f-string) is caught here, not only a marked one the
    catalogue lacks."""
    english = list(texts_of(build_parser()))
    with i18n.language_in_use("fr"), argparse_words.argparse_speaking():
        french = list(texts_of(build_parser()))
    same_in_french = {
        marked.text
        for source in HELP_SOURCES
        for marked in catalogues.marked_in(source)
        if i18n.translate(marked.text, "fr") == marked.text
    }
    codes = {None, argparse.SUPPRESS, "URL", "CC", "N", "ECTS", "LL", "ID"}  # no words: kept as they are
    assert len(english) == len(french) > 200
    left = [text for text, shown in zip(english, french, strict=True) if text == shown]
    assert [text for text in left if text not in same_in_french | codes] == []


def test_the_help_s_words_are_french_in_the_usage_and_the_headings(capsys: pytest.CaptureFixture[str]) -> None:
    french = help_of(["assess", "--help", "--language", "fr"], capsys)
    assert french.startswith("utilisation\u00a0: recogniser assess [-h] [--json] [--as-of DATE] [--pdf SORTIE.pdf]")
    assert "arguments positionnels\u00a0:\n  DOSSIER" in french
    top = help_of(["--language", "fr", "--help"], capsys)
    assert "COMMANDE ...\n" in top and "afficher le numéro de version du programme et quitter" in top
    grouped = help_of(["--language", "fr", "import", "--help"], capsys)
    assert "formation visée (obligatoire pour admission et credit_transfer)\u00a0:\n" in grouped
    assert "[--target-title TEXTE]" in grouped and "CERTIFICATION [CERTIFICATION ...]" in grouped


def test_the_english_help_is_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    english = help_of(["seminar", "respond", "--help"], capsys)
    assert english.startswith("usage: recogniser seminar respond [-h] --verdicts VERDICTS.json [--group NAME]")
    assert "\npositional arguments:\n  PACK.zip\n\noptions:\n" in english
    assert "  --verdicts VERDICTS.json\n                        the group's verdicts\n" in english
    # argparse is left with the standard library's gettext, for any other code in the process.
    help_of(["--language", "fr", "--help"], capsys)
    assert vars(argparse)["_"] is gettext.gettext and vars(argparse)["ngettext"] is gettext.ngettext


def test_the_settings_language_gives_the_help_and_a_flag_overrides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path))
    (tmp_path / "settings.toml").write_text('[general]\nlanguage = "fr"\n', encoding="utf-8")
    assert help_of(["trust", "--help"], capsys).startswith("utilisation\u00a0: recogniser trust")
    assert refusal(["trust"], capsys) == [
        "recogniser trust\u00a0: erreur\u00a0: les arguments suivants sont obligatoires\u00a0: ACTION"
    ]
    assert help_of(["trust", "--help", "--language", "en"], capsys).startswith("usage: recogniser trust")
    # A settings file Recogniser cannot follow still lets the help be read; the command itself says why.
    (tmp_path / "settings.toml").write_text('[general]\nlanguage = "tlh"\n', encoding="utf-8")
    assert help_of(["trust", "--help"], capsys).startswith("usage: recogniser trust")


@pytest.mark.parametrize(
    ("arguments", "english", "french"),
    [
        (
            ["seminar", "respond", "pack.zip"],
            "recogniser seminar respond: error: the following arguments are required: --verdicts, -o/--output",
            "recogniser seminar respond\u00a0: erreur\u00a0: les arguments suivants sont obligatoires\u00a0: "
            "--verdicts, -o/--output",
        ),
        (
            ["bogus"],
            "recogniser: error: argument COMMAND: invalid choice: 'bogus' (choose from 'assess', 'import', "
            "'seminar', 'cases', 'trust', 'register', 'data')",
            "recogniser\u00a0: erreur\u00a0: argument COMMANDE\u00a0: choix invalide\u00a0: 'bogus' (choisissez "
            "parmi 'assess', 'import', 'seminar', 'cases', 'trust', 'register', 'data')",
        ),
        (
            ["assess", "case.json", "--bogus"],
            "recogniser: error: unrecognized arguments: --bogus",
            "recogniser\u00a0: erreur\u00a0: arguments non reconnus\u00a0: --bogus",
        ),
        (
            ["seminar", "pack", "case.json", "--output"],
            "recogniser seminar pack: error: argument -o/--output: expected one argument",
            "recogniser seminar pack\u00a0: erreur\u00a0: argument -o/--output\u00a0: un argument attendu",
        ),
        (
            ["seminar", "pack", "case.json", "-o", "pack.zip", "--pack-version", "two"],
            "recogniser seminar pack: error: argument --pack-version: invalid int value: 'two'",
            "recogniser seminar pack\u00a0: erreur\u00a0: argument --pack-version\u00a0: valeur int invalide\u00a0: "
            "'two'",
        ),
        (
            ["cases", "list", "--status", "closed"],
            "recogniser cases list: error: argument --status: invalid choice: 'closed' (choose from 'open', "
            "'assessed', 'decided')",
            "recogniser cases list\u00a0: erreur\u00a0: argument --status\u00a0: choix invalide\u00a0: 'closed' "
            "(choisissez parmi 'open', 'assessed', 'decided')",
        ),
        (
            ["import", "badge.json", "--target-eqf-level", "9"],
            "recogniser import: error: argument --target-eqf-level: '9' is not an EQF level (1-8)",
            "recogniser import\u00a0: erreur\u00a0: argument --target-eqf-level\u00a0: '9' n’est pas un niveau CEC "
            "(1-8)",
        ),
        (
            ["import", "badge.json", "--target-ects", "none"],
            "recogniser import: error: argument --target-ects: 'none' is not a number of credits above 0",
            "recogniser import\u00a0: erreur\u00a0: argument --target-ects\u00a0: 'none' n’est pas un nombre de "
            "crédits supérieur à 0",
        ),
    ],
)
def test_argparse_refuses_in_the_reader_s_language_on_one_line(
    arguments: list[str], english: str, french: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert refusal(arguments, capsys) == [english]
    assert refusal(["--language", "fr", *arguments], capsys) == [french]


def test_the_language_is_known_before_the_parser_is_built() -> None:
    assert language_asked(["assess", "case.json", "--language", "fr"]) == "fr"
    assert language_asked(["--language=fr", "cases", "list"]) == "fr"
    assert language_asked(["--lang", "fr", "cases", "list", "--language", "en"]) == "en"
    # import's own --language is the credential's; the reader's is written before the command.
    assert language_asked(["import", "badge.json", "--language", "hr"]) is None
    assert language_asked(["--language", "fr", "import", "badge.json", "--language", "hr"]) == "fr"
    # A database named "import" is no command.
    assert language_asked(["--database-url", "import", "assess", "case.json", "--language", "fr"]) == "fr"
    assert language_asked(["assess", "--", "--language", "fr"]) is None
    assert language_asked(["assess", "--language"]) is None


def argparse_messages() -> set[str]:
    """Every message the installed argparse passes to gettext."""
    found: set[str] = set()
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "ngettext"}:
            found.update(
                argument.value
                for argument in node.args[:1]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            )
    return found


def test_every_message_argparse_may_show_has_french_keeping_its_placeholders() -> None:
    assert vars(argparse)["_"] is gettext.gettext, "argparse no longer says its words through gettext"
    marked = set(argparse_words.MESSAGES) | {singular for singular, _ in argparse_words.PLURAL_MESSAGES}
    assert argparse_messages() - BUILDER_MESSAGES - marked == set()
    placeholder = re.compile(r"%(?:\(\w+\))?[sr]")
    for english in marked:
        french = i18n.translate(english, "fr")
        assert french and sorted(placeholder.findall(french)) == sorted(placeholder.findall(english)), english
        assert french.endswith("\n") == english.endswith("\n"), english
    for singular, plural_form in argparse_words.PLURAL_MESSAGES:
        forms = [i18n.catalogue("fr").ngettext(singular, plural_form, n) for n in (1, 2)]
        assert all(form != english for form, english in zip(forms, (singular, plural_form), strict=True))
