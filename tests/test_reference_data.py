"""The reference data in use (``recogniser data status``) and refreshing the agency register from a DEQAR export
(``recogniser data import-agencies``). The export fixtures are written here, in the shape the DEQAR Web API's
``/webapi/v2/browse/agencies/`` serves (a page with ``results``)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from recogniser.agencies import RegistrationState
from recogniser.agency_file import AGENCY_FILE_NAME, default_agencies
from recogniser.cli import main
from recogniser.frameworks import default_frameworks
from recogniser.reference_data import Origin, reference_data_status


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "data"
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(home))
    default_agencies.cache_clear()
    default_frameworks.cache_clear()
    yield home
    default_agencies.cache_clear()
    default_frameworks.cache_clear()


def exported_agency(**overrides: Any) -> dict[str, Any]:
    agency: dict[str, Any] = {
        "id": 37,
        "url": "https://backend.deqar.eu/webapi/v2/browse/agencies/37/",
        "deqar_id": 16,
        "name_primary": "Accreditation Organisation of the Netherlands and Flanders",
        "acronym_primary": "NVAO",
        "logo": None,
        "country": {"id": 156, "name_english": "Netherlands", "iso_3166_alpha2": "NL", "iso_3166_alpha3": "NLD"},
        "activities": [],
        "registration_start": "2023-05-01",
        "registration_valid_to": "2028-04-30",
        "registration_note": "",
        "institution_count": 1,
        "report_count": 1,
    }
    return agency | overrides


def export_file(path: Path, *agencies: dict[str, Any]) -> Path:
    path.write_text(json.dumps({"count": len(agencies), "next": None, "previous": None, "results": list(agencies)}))
    return path


ASHE = exported_agency(
    id=12,
    deqar_id=43,
    name_primary="Agency for Science and Higher Education",
    acronym_primary="ASHE",
    country={"iso_3166_alpha2": "HR", "name_english": "Croatia"},
    registration_start="2022-03-01",
    registration_valid_to="2027-02-28",
)
NEWCOMER = exported_agency(
    id=140,
    deqar_id=None,
    name_primary="Example Quality Agency",
    acronym_primary="EXQA",
    country={"iso_3166_alpha2": "LU"},
    registration_start="2025-09-01T00:00:00Z",
    registration_valid_to=None,
)


def test_status_names_what_is_in_use_from_where_and_as_of_when(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frameworks, vocabulary, agencies = reference_data_status()
    assert frameworks.origin is Origin.SHIPPED and "56 frameworks" in frameworks.summary
    assert "not checked against the referencing report" in frameworks.summary
    assert vocabulary.as_of == date(2023, 3, 31) and "EUPL-1.2" in vocabulary.source
    assert agencies.origin is Origin.SHIPPED and agencies.as_of == date(2017, 6, 20)
    assert main(["data", "status"]) == 0
    out = capsys.readouterr().out
    assert "EQAR register of quality assurance agencies" in out and "as of:     2017-06-20" in out
    assert main(["data", "status", "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert [table["origin"] for table in tables] == ["shipped", "shipped", "shipped"]


def test_import_agencies_shows_the_changes_and_writes_the_office_register(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = export_file(tmp_path / "agencies.json", exported_agency(), ASHE, NEWCOMER)
    assert main(["data", "import-agencies", str(export), "--retrieved", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "retrieved on 2026-11-30 (as given)" in out
    assert "added: EXQA" in out
    assert "changed: ASHE, NVAO" in out
    assert "no longer listed (kept as former entries): A3ES" in out
    register = default_agencies()
    assert (register.as_of, register.retrieved_on) == (date(2026, 11, 30), date(2026, 11, 30))
    nvao = register.lookup("NVAO").agency
    assert nvao is not None and (nvao.deqar_id, nvao.register_id) == (37, 16)
    assert nvao.deqar_address() == "https://data.deqar.eu/agency/37"
    assert nvao.registration_on(date(2026, 6, 1)) is RegistrationState.REGISTERED
    # What the register knew before is kept: aliases, the earlier period, former entries.
    ashe = register.lookup("AZVO").agency
    assert ashe is not None and ashe.acronym == "ASHE" and len(ashe.periods) == 2
    a3es = register.lookup("A3ES").agency
    assert a3es is not None and a3es.registration_on(date(2026, 6, 1)) is RegistrationState.NO_LONGER_REGISTERED
    akkork = register.lookup("AKKORK").agency
    assert akkork is not None and akkork.status_reason and "rejected" in akkork.status_reason
    assert (office / AGENCY_FILE_NAME).is_file()
    assert main(["data", "status"]) == 0
    assert "an office copy" in capsys.readouterr().out


def test_a_dry_run_writes_nothing(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = export_file(tmp_path / "agencies.json", exported_agency())
    assert main(["data", "import-agencies", str(export), "--retrieved", "2026-11-30", "--dry-run"]) == 0
    assert "Nothing written" in capsys.readouterr().out
    assert not (office / AGENCY_FILE_NAME).exists()


def test_a_file_that_would_remove_every_agency_is_refused_with_the_reason(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = export_file(tmp_path / "agencies.json")
    assert main(["data", "import-agencies", str(export), "--retrieved", "2026-11-30"]) == 2
    error = capsys.readouterr().err
    assert "lists no agency; importing it would remove all" in error and "refused" in error
    assert not (office / AGENCY_FILE_NAME).exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"results": ', "not valid JSON"),
        ('{"count": 1}', "not an export of /webapi/v2/browse/agencies/"),
        (json.dumps({"results": [exported_agency(country={"iso_3166_alpha2": None})]}), "results[0].country"),
        (json.dumps({"results": [exported_agency(registration_start="soon")]}), "results[0].registration_start"),
        (json.dumps({"results": [exported_agency(id="NVAO")]}), "results[0].id"),
        (json.dumps({"results": [exported_agency(), exported_agency()]}), "lists NVAO twice"),
        (json.dumps({"count": 57, "results": [exported_agency()]}), "holds 1 of the 57 agencies"),
    ],
)
def test_a_bad_export_is_one_line_and_changes_nothing(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    export = tmp_path / "agencies.json"
    export.write_text(content)
    assert main(["data", "import-agencies", str(export), "--retrieved", "2026-11-30"]) == 2
    error = capsys.readouterr().err
    assert words in error and error.count("\n") == 1 and "Traceback" not in error
    assert not (office / AGENCY_FILE_NAME).exists()


def test_a_bad_retrieval_date_is_named(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = export_file(tmp_path / "agencies.json", exported_agency())
    assert main(["data", "import-agencies", str(export), "--retrieved", "30.11.2026"]) == 2
    assert "--retrieved: '30.11.2026' is not a date" in capsys.readouterr().err


# --- the reference data's own texts in the reader's language ---

NBSP = "\u00a0"


def test_a_framework_table_s_source_and_its_checked_mapping_read_in_french() -> None:
    from recogniser.i18n import shown
    from tests.rules.cases import cred, found, run

    unchecked = found(run(cred(level={"framework": "HR-CROQF", "nqf_level": "6"})), "qf.framework_level").message
    assert unchecked.endswith(
        "compiled from: Nuffic Croatia (4.2 = EQF 4, 5 = 5, 6 = 6, 7 = 7); Cedefop Croatia 2018 "
        "(sublevels at 4 and 8, a level-7 sublevel added in 2018); QDR level labels."
    )
    assert shown(unchecked, "fr").endswith(
        f"la table a été établie à partir de{NBSP}: Nuffic, Croatie (4.2 = CEC 4, 5 = 5, 6 = 6, 7 = 7){NBSP}; Cedefop, "
        f"Croatie 2018 (sous-niveaux aux niveaux 4 et 8, un sous-niveau du niveau 7 ajouté en 2018){NBSP}; intitulés "
        "des niveaux dans le QDR."
    )
    checked = found(run(cred(level={"framework": "IS-ISQF", "nqf_level": "1"})), "qf.framework_level").message
    assert checked.endswith('("ISQF level 1 covers EQF level 2"); read on 2026-12-04.')
    assert shown(checked, "fr").endswith(
        f"Correspondance vérifiée dans Cedefop, inventaire européen des cadres nationaux des certifications, "
        f"«{NBSP}Iceland – 2022{NBSP}» (2022), 1.2, base juridique du cadre national («{NBSP}ISQF level 1 covers EQF "
        f"level 2{NBSP}»){NBSP}; consulté le 4 décembre 2026."
    )


def test_the_reference_data_status_reads_in_french_and_its_json_keeps_english(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--language", "fr", "data", "status"]) == 0
    out = capsys.readouterr().out
    assert "Registre EQAR des agences d’assurance qualité" in out
    assert f"  source{NBSP}:      Jeu de données du registre de l’EQAR de mi-2017" in out
    assert "non vérifiées au regard du rapport de référencement" in out and "referencing report" not in out
    assert f"  à jour au{NBSP}:   2017-06-20" in out  # a date in a table stays ISO
    assert main(["--language", "fr", "data", "status", "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)
    assert tables[2]["source"].startswith("EQAR register data fixture of mid-2017")
    assert "not checked against the referencing report" in tables[0]["summary"]


def test_a_new_text_in_a_data_file_is_in_the_data_catalogue_and_the_check_names_it_until_translated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recogniser import catalogues

    data = tmp_path / "data"
    shutil.copytree(catalogues.data_dir(), data)
    framework = json.loads((data / "nqf_levels" / "HR-CROQF.json").read_text("utf-8"))
    framework["source"] = "The office's reading of the Croatian register, 2026."
    (data / "nqf_levels" / "HR-CROQF.json").write_text(json.dumps(framework, indent=2), "utf-8")
    monkeypatch.setattr(catalogues, "data_dir", lambda: data)
    locale = tmp_path / "locale"
    shutil.copytree(catalogues._locale_dir, locale)
    monkeypatch.setattr(catalogues, "_locale_dir", locale)

    assert any("The office's reading of the Croatian register" in str(problem) for problem in catalogues.problems())
    catalogues.update()
    assert [str(problem) for problem in catalogues.problems()] == [
        'locale/fr/data.po: "The office\'s reading of the Croatian register, 2026." is not translated'
    ]
    # The text the file no longer holds has left the catalogue.
    assert "Nuffic Croatia (4.2" not in (locale / "fr" / "data.po").read_text("utf-8")


def test_an_office_s_own_framework_source_is_shown_as_it_is_written() -> None:
    from recogniser.i18n import from_data

    own = from_data("Read from the office's own copy of the register.", unstopped=True)
    assert own == "Read from the office's own copy of the register"
    assert own.text("fr") == "Read from the office's own copy of the register"
    assert from_data("Braces {like} these are text.").text("fr") == "Braces {like} these are text."
