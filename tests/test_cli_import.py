"""``recogniser import``: writes the case atomically, reports each Annex I element, refuses bad files with exit 2."""

import json
import re
import shutil
from pathlib import Path

import pytest

from recogniser.casefile import load_case
from recogniser.cli import main
from recogniser.store import CaseStore

FIXTURES = Path(__file__).parent / "interchange" / "fixtures"


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(config))
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "data"))
    config.mkdir()
    (config / "settings.toml").write_text('[office]\nassessing_country = "IE"\n', "utf-8")
    return config


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / "inbox" / name
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(FIXTURES / name, target)
    return target


def test_import_writes_the_case_next_to_the_credential_and_reports_each_element(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    credential = _copy(tmp_path, "edc-participation.json")

    assert main(["import", str(credential)]) == 0

    case = load_case(tmp_path / "inbox" / "edc-participation.case.json")
    assert case.purpose.value == "employment"
    assert case.assessing_country == "IE"
    output = capsys.readouterr().out
    assert output.startswith(f"Imported Europass Digital Credential (ELM v3) from {credential}\n")
    assert (
        "Authenticity: no signature - the file carries no signature or proof\n"
        "Assessing country: IE (from assessing_country under [office] in settings.toml)\n"
    ) in output
    assert " 9. Type of assessment" in output
    assert re.search(r"\n  11\. Type of quality assurance +MISSING \(mandatory\)\n", output)
    assert "Certificate of participation" in output
    assert f"Wrote {tmp_path / 'inbox' / 'edc-participation.case.json'}." in output


def test_an_existing_case_file_is_not_replaced_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    credential = _copy(tmp_path, "ob3-badge.json")
    existing = tmp_path / "inbox" / "ob3-badge.case.json"
    existing.write_text("{}", "utf-8")

    assert main(["import", str(credential)]) == 2
    assert existing.read_text("utf-8") == "{}"
    assert capsys.readouterr().err == (
        f"recogniser: {existing}: already exists; give --force to replace it, or -o to write elsewhere\n"
    )

    assert main(["import", str(credential), "--force"]) == 0
    assert json.loads(existing.read_text("utf-8"))["credential"]["title"] == "Data Protection Law Essentials"


def test_the_output_may_not_be_the_credential_itself(tmp_path: Path) -> None:
    credential = _copy(tmp_path, "ob3-badge.json")
    before = credential.read_bytes()

    assert main(["import", str(credential), "-o", str(credential), "--force"]) == 2
    assert credential.read_bytes() == before


@pytest.mark.parametrize("name", ["not-json.json", "not-a-credential.json", "other-credential.json"])
def test_a_bad_file_gives_one_line_exit_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    credential = _copy(tmp_path, name)

    assert main(["import", str(credential), "-o", str(tmp_path / "out" / "case.json")]) == 2

    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith(f"recogniser: {credential}: ")
    assert sorted(path.name for path in (tmp_path / "inbox").iterdir()) == [name]
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_does_not_exist_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    credential = _copy(tmp_path, "ob3-badge.json")
    output = tmp_path / "missing" / "case.json"

    assert main(["import", str(credential), "-o", str(output)]) == 2
    assert capsys.readouterr().err == (
        f"recogniser: {output}: cannot write the case file (the folder {output.parent} does not exist)\n"
    )


def test_without_an_assessing_country_the_import_is_refused_in_one_line(
    tmp_path: Path, _private_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (_private_folders / "settings.toml").write_text("[office]\n", "utf-8")
    credential = _copy(tmp_path, "ob3-badge.json")

    assert main(["import", str(credential)]) == 2

    assert capsys.readouterr().err == (
        "recogniser: no assessing country: give --assessing-country CC, or set assessing_country under [office] "
        "in settings.toml (in the window: Settings); the issuer's country is not taken for it\n"
    )
    assert not (tmp_path / "inbox" / "ob3-badge.case.json").exists()


def test_the_office_default_assessing_country_comes_from_the_settings(tmp_path: Path, _private_folders: Path) -> None:
    (_private_folders / "settings.toml").write_text('[office]\nassessing_country = "HR"\n', "utf-8")
    credential = _copy(tmp_path, "ob3-badge.json")

    assert main(["import", str(credential), "-o", str(tmp_path / "a.json")]) == 0
    assert main(["import", str(credential), "-o", str(tmp_path / "b.json"), "--assessing-country", "SI"]) == 0

    assert load_case(tmp_path / "a.json").assessing_country == "HR"
    assert load_case(tmp_path / "b.json").assessing_country == "SI"


def test_unreadable_settings_are_named(
    tmp_path: Path, _private_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (_private_folders / "settings.toml").write_text("[office\n", "utf-8")

    assert main(["import", str(_copy(tmp_path, "ob3-badge.json"))]) == 2
    assert f"{_private_folders / 'settings.toml'}: not valid TOML" in capsys.readouterr().err


def test_credit_transfer_takes_the_target_from_the_options(tmp_path: Path) -> None:
    credential = _copy(tmp_path, "edc-microcredential.json")
    arguments = ["import", str(credential), "--purpose", "credit_transfer", "--target-eqf-level", "7"]

    assert main([*arguments, "--target-ects", "5", "--target-title", "Maritime Safety Management"]) == 0

    case = load_case(tmp_path / "inbox" / "edc-microcredential.case.json")
    assert case.target is not None
    assert (case.target.title, case.target.eqf_level, case.target.ects) == ("Maritime Safety Management", 7, 5)


def test_the_language_option_chooses_among_the_credentials_languages(tmp_path: Path) -> None:
    credential = _copy(tmp_path, "edc-microcredential.json")

    assert main(["import", str(credential), "--language", "hr"]) == 0

    case = load_case(tmp_path / "inbox" / "edc-microcredential.case.json")
    assert case.credential.title == "Pomorska sigurnost i zaštita"


def test_credit_transfer_without_a_target_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    credential = _copy(tmp_path, "edc-microcredential.json")

    assert main(["import", str(credential), "--purpose", "credit_transfer"]) == 2
    assert "needs the target programme" in capsys.readouterr().err
    assert not (tmp_path / "inbox" / "edc-microcredential.case.json").exists()


def test_an_empty_output_name_is_refused_not_replaced_by_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    credential = _copy(tmp_path, "ob3-badge.json")
    assert main(["import", str(credential), "-o", ""]) == 2
    assert capsys.readouterr().err == "recogniser: -o: no file name given\n"
    assert sorted(path.name for path in credential.parent.iterdir()) == ["ob3-badge.json"]


def test_a_language_the_credential_lacks_is_said_and_a_malformed_one_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    credential = _copy(tmp_path, "edc-microcredential.json")
    output = tmp_path / "case.json"
    assert main(["import", str(credential), "-o", str(output), "--language", "zz"]) == 0
    assert capsys.readouterr().err == (
        "recogniser: warning: --language zz: the credential has no texts in that language; they are taken in en\n"
    )
    assert main(["import", str(credential), "-o", str(output), "--force", "--language", "hr"]) == 0
    assert capsys.readouterr().err == ""
    assert load_case(output).credential.language == "hr"
    assert main(["import", str(credential), "-o", str(output), "--force", "--language", "Croatian"]) == 2
    assert capsys.readouterr().err == "recogniser: --language: 'Croatian' is not a language code such as hr or en\n"


def test_import_save_keeps_the_case_and_its_original_credential_in_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    credential = _copy(tmp_path, "edc-microcredential.json")
    url = f"sqlite:///{tmp_path / 'cases.db'}"

    assert main(["--database-url", url, "import", str(credential), "--save"]) == 0

    found = re.search(r"\nStored as (\S+) in (.+), with the original credential file\.\n", capsys.readouterr().out)
    assert found is not None and found.group(2) == str(tmp_path / "cases.db")
    with CaseStore.open(url) as store:
        assert store.original(found.group(1)) == ("edc-microcredential.json", credential.read_bytes())
        stored = store.get_case(found.group(1)).case
        assert stored.document["provenance"]["source"]["file_name"] == "edc-microcredential.json"


def test_several_credentials_make_one_stacked_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [_copy(tmp_path, name) for name in ("edc-microcredential.json", "ob3-badge.json", "ob3-edubadges.json")]
    output = tmp_path / "stack.case.json"

    code = main(
        [
            "import",
            *map(str, files),
            "-o",
            str(output),
            "--purpose",
            "credit_transfer",
            "--target-eqf-level",
            "6",
            "--target-ects",
            "6",
        ]
    )

    assert code == 0
    document = json.loads(output.read_text("utf-8"))
    assert "credential" not in document and "provenance" not in document
    assert len(document["credentials"]) == 3
    # Each credential keeps the provenance of its own file.
    assert [item["provenance"]["source"]["file_name"] for item in document["credentials"]] == [f.name for f in files]
    case = load_case(output)
    assert case.stacked and len(case.credentials) == 3
    printed = capsys.readouterr().out
    assert printed.count("--- Credential ") == 3
    assert f"Wrote {output} (a stack of 3 credentials)." in printed
    assert main(["assess", str(output)]) == 0
    assert "Stack of 3 credentials:" in capsys.readouterr().out


def test_one_credential_given_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _copy(tmp_path, "ob3-badge.json")
    second = tmp_path / "copy-of-badge.json"
    shutil.copyfile(first, second)

    assert main(["import", str(first), str(second), "-o", str(tmp_path / "stack.json")]) == 2

    assert "is the same credential as" in capsys.readouterr().err
    assert not (tmp_path / "stack.json").exists()


def test_a_bad_file_among_several_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [_copy(tmp_path, "ob3-badge.json"), _copy(tmp_path, "not-json.json")]

    assert main(["import", *map(str, files), "-o", str(tmp_path / "stack.json")]) == 2

    assert "not-json.json" in capsys.readouterr().err
    assert not (tmp_path / "stack.json").exists()


def test_a_stack_imported_with_save_is_stored_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [_copy(tmp_path, name) for name in ("edc-microcredential.json", "ob3-badge.json")]
    url = f"sqlite:///{tmp_path / 'cases.db'}"

    assert main(["--database-url", url, "import", *map(str, files), "-o", str(tmp_path / "s.json"), "--save"]) == 0

    found = re.search(r"\nStored as (\S+) in .+, with the original credential files\.\n", capsys.readouterr().out)
    assert found is not None
    with CaseStore.open(url) as store:
        stored = store.get_case(found.group(1)).case
        assert len(stored.credentials) == 2
        assert store.originals(found.group(1)) == [(file.name, file.read_bytes()) for file in files]
        assert store.list_cases()[0].credentials == 2
