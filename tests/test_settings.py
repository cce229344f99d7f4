"""settings.toml: one file of office settings, read by every front end and written without losing comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from recogniser.cli import main
from recogniser.errors import UserInputError
from recogniser.settings import Settings, load_settings, save_settings, settings_file
from recogniser.store import CaseStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_no_file_means_nothing_is_set(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.toml") == Settings()


def test_every_key_round_trips_and_the_office_comments_survive(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "# Settings for the Tbilisi office; ask Nino before changing.\n"
        "[report]\n"
        'office_name = "ENIC-NARIC Georgia"  # as on the letterhead\n'
        'logo = "logo.png"\n',
        "utf-8",
    )
    changed = Settings(
        assessing_country="GE",
        office_name="ENIC-NARIC Georgia",
        office_address="Tbilisi",
        evaluator_name="ნინო ბერიძე",
        database_url="postgresql://recogniser@records/recogniser",
    )
    save_settings(changed, path)
    assert load_settings(path) == changed
    text = path.read_text("utf-8")
    assert text.startswith("# Settings for the Tbilisi office")
    assert "# as on the letterhead" in text
    assert "logo" not in text  # cleared, so removed rather than left empty
    save_settings(Settings(office_name="ENIC-NARIC Georgia"), path)
    assert "[store]" not in path.read_text("utf-8") and "[office]" not in path.read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[ofice]\nassessing_country = 'HR'\n", "[ofice]: unknown table"),
        ("[office]\ncountry = 'HR'\n", "office.country: unknown setting"),
        ("[office]\nassessing_country = 'Croatia'\n", "office.assessing_country: 'Croatia' is not an ISO 3166-1"),
        ("[office]\nassessing_country = 'ZZ'\n", "office.assessing_country: 'ZZ' is not an ISO 3166-1"),
        ("[store]\ndatabase_url = 5\n", "store.database_url: must be text"),
        ("office = 'HR'\n", "office: must be a table"),
        (
            "office_name = 'x'\n",
            "office_name: a setting outside a table; settings go under [general], [office], [report], [store]",
        ),
        ("[store]\ndatabase_url = 'mysql://db/cases'\n", "store.database_url: 'mysql' is not a database"),
    ],
)
def test_a_bad_value_is_named_by_file_and_key(tmp_path: Path, text: str, named: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(UserInputError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert named in str(caught.value)


def test_an_unreadable_file_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[report\noffice_name = 'x'\n", "utf-8")
    with pytest.raises(UserInputError, match="cannot read the settings file to update it"):
        save_settings(Settings(office_name="ENIC-NARIC Croatia"), path)
    assert path.read_text("utf-8") == "[report\noffice_name = 'x'\n"


def test_the_database_is_the_environment_s_then_the_settings_then_the_local_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("RECOGNISER_DATABASE_URL", raising=False)
    save_settings(Settings(database_url=f"sqlite:///{tmp_path / 'office.db'}"))
    assert settings_file() == tmp_path / "config" / "settings.toml"
    with CaseStore.open() as store:
        assert store.location.endswith("office.db")
    monkeypatch.setenv("RECOGNISER_DATABASE_URL", f"sqlite:///{tmp_path / 'session.db'}")
    with CaseStore.open() as store:
        assert store.location.endswith("session.db")
    with CaseStore.open(f"sqlite:///{tmp_path / 'given.db'}") as store:
        assert store.location.endswith("given.db")


def test_every_command_stops_on_a_settings_file_with_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path))
    (tmp_path / "settings.toml").mkdir()  # not a file at all
    assert main(["assess", str(EXAMPLES / "maritime-credit-transfer.json")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"recogniser: {tmp_path / 'settings.toml'}: is a folder, not a file\n"
