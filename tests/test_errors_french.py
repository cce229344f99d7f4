"""Bad input is refused in the reader's language: under ``--language fr`` (or ``[general] language = "fr"``)
each refusal is one French line naming the file or the field, exit 2; the exception's own text, which the log
may hold, stays English."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from recogniser.case_checks import schema_problems, validation_problems
from recogniser.cli import main
from recogniser.i18n import language_in_use, shown
from recogniser.settings import settings_file

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "maritime-credit-transfer.json"
NBSP = "\u00a0"


def _french(line: str) -> str:
    """A line as written in the tests, with its no-break spaces where French typography puts them."""
    return line.replace(" :", f"{NBSP}:").replace(" ;", f"{NBSP};").replace("« ", f"«{NBSP}").replace(" »", f"{NBSP}»")


def _refused(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The lines ``recogniser ARGUMENTS`` writes on refusing them, which it must (exit 2, nothing on stdout)."""
    assert main(arguments) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines and all(line.startswith("recogniser: ") for line in lines)
    return [line.removeprefix("recogniser: ") for line in lines]


def _case(tmp_path: Path, change: dict[str, Any]) -> Path:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for dotted, value in change.items():
        *parents, key = dotted.split(".")
        place = document
        for parent in parents:
            place = place[parent]
        if value is None:
            del place[key]
        else:
            place[key] = value
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_schema_problems_of_a_case_file_are_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _case(
        tmp_path,
        {
            "purpose": "admision",
            "reference": 7,
            "credential.workload": {"ects": "five", "hours": -1},
            "credential.issue_date": "2025-02-30",
            "credential.issuer_country": "EL",
            "target.eqf_level": 9,
        },
    )
    assert _refused(["--language", "fr", "assess", str(path)], capsys) == [
        _french(f"{path} : {line}")
        for line in [
            "credential.issue_date : 2025-02-30 n’est pas une date du calendrier",
            "credential.issuer_country : doit être un code de pays ISO 3166-1 alpha-2 (reçu : « EL », l’abréviation "
            "de l’UE ; l’ISO 3166-1 écrit GR)",
            "credential.workload.ects : doit être un nombre, tel que 5 ou 2,5 (reçu : « five »)",
            "credential.workload.hours : doit valoir au moins 0 (reçu : -1)",
            "purpose : doit être l’une des valeurs admission, credit_transfer, employment, rpl (reçu : « admision »)",
            "reference : doit être du texte (reçu : 7)",
            "target.eqf_level : doit valoir au plus 8 (reçu : 9)",
        ]
    ]
    # The same file in English reads as it always has.
    assert _refused(["assess", str(path)], capsys)[4] == (
        f'{path}: purpose: must be one of admission, credit_transfer, employment, rpl (got "admision")'
    )


def test_each_kind_of_schema_check_has_its_french_phrase() -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    del document["purpose"]
    document["credential"]["further_information"] = "x" * 100_001
    document["credential"]["learning_outcomes"] = [True]
    with language_in_use("fr"):
        lines = [shown(problem.line()) for problem in validation_problems(document)]
    assert lines == [
        _french(line)
        for line in [
            "purpose est obligatoire ici",
            "credential.further_information : est trop long (100\u202f001 caractères ; au plus 100\u202f000)",
            "credential.learning_outcomes[0] : doit être du texte (reçu : un booléen)",
        ]
    ]
    pack = {
        "format": "recogniser-seminar-pack/1",
        "pack_id": "p-1",
        "title": "Pack",
        "version": 1,
        "tool_version": "1",
        "rulebook_version": "1",
        "cases": [],
        "surplus": 1,
        "spare": 2,
    }
    problems = schema_problems(pack, "seminar-pack-1.schema.json", "")
    assert [problem.line() for problem in problems] == [
        "'spare', 'surplus' are not fields of this format",
        "cases: needs at least 1 entry",
    ]
    with language_in_use("fr"):
        assert [shown(problem.line()) for problem in problems] == [
            _french("« spare », « surplus » ne sont pas des champs de ce format"),
            _french("cases : demande au moins 1 entrée"),
        ]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["assess", "{folder}"], "{folder} : est un dossier, pas un fichier"),
        (
            ["assess", "{folder}/missing.json"],
            "{folder}/missing.json : impossible de lire le fichier (aucun fichier ou dossier de ce nom)",
        ),
        (
            ["assess", "{folder}/not-json.json"],
            "{folder}/not-json.json : JSON non valide : valeur attendue à la ligne 1, colonne 1",
        ),
        (
            ["assess", str(EXAMPLE), "--as-of", "31/01/2026"],
            "--as-of : « 31/01/2026 » n’est pas une date au format AAAA-MM-JJ",
        ),
        (["cases", "list", "--limit", "0"], "--limit : doit être un nombre entier de 1 à 100\u202f000 (reçu : « 0 »)"),
        (["cases", "show", "NOPE"], "aucun dossier de référence « NOPE »"),
        (
            ["import", "{folder}/not-json.json", "--assessing-country", "HR", "-o", "{folder}/case.json"],
            "{folder}/not-json.json : le fichier n’est pas du JSON : valeur attendue à la ligne 1, colonne 1",
        ),
        (
            ["import", "{folder}/not-json.json", "-o", "{folder}/exists.json", "--assessing-country", "HR"],
            "{folder}/exists.json : existe déjà ; indiquez --force pour le remplacer, ou -o pour écrire ailleurs",
        ),
        (
            ["trust", "remove", "ab"],
            "« ab » : indiquez au moins 8 chiffres hexadécimaux de l’empreinte (recogniser trust list)",
        ),
        (
            ["--database-url", "mysql://x/y", "cases", "list"],
            "mysql://x/y : Recogniser enregistre les dossiers dans SQLite ou PostgreSQL, pas dans mysql",
        ),
        (
            ["--database-url", "sqlite:///{folder}/nowhere/cases.db", "cases", "list"],
            "sqlite:///{folder}/nowhere/cases.db : le dossier {folder}/nowhere n’existe pas",
        ),
    ],
)
def test_bad_input_is_refused_in_one_french_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], expected: str
) -> None:
    (tmp_path / "not-json.json").write_text("nope", encoding="utf-8")
    (tmp_path / "exists.json").write_text("{}", encoding="utf-8")
    database = f"sqlite:///{tmp_path / 'cases.db'}"
    given = [argument.replace("{folder}", str(tmp_path)) for argument in arguments]
    if "--database-url" not in given:
        given = ["--database-url", database, *given]
    assert _refused(["--language", "fr", *given], capsys) == [_french(expected.replace("{folder}", str(tmp_path)))]


def test_a_settings_file_asking_for_french_is_refused_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[general]\nlanguage = "fr"\n\n[office]\nassessing_country = "Croatia"\n', encoding="utf-8")
    try:
        assert _refused(["assess", str(EXAMPLE)], capsys) == [
            _french(
                f"{path} : office.assessing_country : « Croatia » n’est pas un code de pays ISO 3166-1 alpha-2 "
                "(par exemple HR)"
            )
        ]
    finally:
        path.unlink()


def test_the_error_itself_keeps_english_for_the_log(tmp_path: Path) -> None:
    from recogniser.case_checks import CaseFileError
    from recogniser.casefile import load_case

    path = tmp_path / "case.json"
    path.write_text("nope", encoding="utf-8")
    with language_in_use("fr"), pytest.raises(CaseFileError) as raised:
        load_case(path)
    assert str(raised.value) == f"{path}: not valid JSON: Expecting value at line 1, column 1"
    with language_in_use("fr"):
        assert raised.value.shown_lines() == [
            _french(f"{path} : JSON non valide : valeur attendue à la ligne 1, colonne 1")
        ]


def test_a_framework_file_is_refused_in_french_by_its_schema_words(tmp_path: Path) -> None:
    from recogniser.frameworks import FrameworkDataError, load_framework_file
    from recogniser.resources import data_dir

    document = json.loads((data_dir() / "nqf_levels" / "HR-CROQF.json").read_text(encoding="utf-8"))
    document["country"] = "Croatia"
    document["levels"][0]["uri"] = "c_123"
    path = tmp_path / "HR-CROQF.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(FrameworkDataError) as raised:
        load_framework_file(path)
    with language_in_use("fr"):
        lines = raised.value.shown_lines()
    assert lines == [
        _french(
            f"{path} : country : doit être un code ISO 3166-1 alpha-2 (GB pour les cadres du Royaume-Uni ; XK pour "
            "le Kosovo) (reçu : « Croatia »)"
        ),
        _french(f"{path} : levels[0].uri : n’a pas la forme que prend ce champ (reçu : « c_123 »)"),
    ]
