"""The report settings file: defaults when absent, every bad value named by its key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from recogniser.errors import UserInputError
from recogniser.report import ReportSettings, load_report_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, "utf-8")
    return path


def test_an_absent_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_report_settings(tmp_path / "missing.toml") == ReportSettings()


def test_the_default_file_is_in_the_user_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path))
    write(tmp_path, '[report]\noffice_name = "ENIC-NARIC Ireland"\n')
    assert load_report_settings().office_name == "ENIC-NARIC Ireland"


def test_all_keys_are_read_and_a_relative_logo_is_found_beside_the_file(tmp_path: Path) -> None:
    Image.new("RGB", (40, 20), "white").save(tmp_path / "logo.png")
    path = write(
        tmp_path,
        '[report]\noffice_name = " Ured "\noffice_address = "Zagreb"\nevaluator_name = "Ana Horvat"\n'
        'logo = "logo.png"\n',
    )
    assert load_report_settings(path) == ReportSettings(
        office_name="Ured", office_address="Zagreb", evaluator_name="Ana Horvat", logo_path=tmp_path / "logo.png"
    )


def test_an_empty_office_name_falls_back_to_the_default(tmp_path: Path) -> None:
    assert load_report_settings(write(tmp_path, '[report]\noffice_name = ""\n')).office_name == (
        ReportSettings().office_name
    )


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[report]\noffice_name = 3\n", "report.office_name: must be text"),
        ("[report]\nevaluator = 'x'\n", "report.evaluator: unknown setting"),
        ("report = 1\n", "report: must be a table"),
        ("[report]\nlogo = 'nowhere.png'\n", "report.logo: no such file"),
        ("[report\n", "not valid TOML"),
        (f"[report]\nevaluator_name = '{'x' * 201}'\n", "report.evaluator_name: is too long"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, named: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UserInputError, match=named) as caught:
        load_report_settings(path)
    assert str(caught.value).startswith(str(path))


def test_a_logo_that_is_not_an_image_is_refused_in_one_plain_line(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_text("not an image")
    with pytest.raises(
        UserInputError, match=r"report\.logo: .* is not a PNG or JPEG image that can be read$"
    ) as caught:
        load_report_settings(write(tmp_path, "[report]\nlogo = 'logo.png'\n"))
    assert "\n" not in str(caught.value) and "0x" not in str(caught.value)


def test_a_logo_that_is_a_folder_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "logos").mkdir()
    with pytest.raises(UserInputError, match=r"report\.logo: .*logos is a folder, not an image file"):
        load_report_settings(write(tmp_path, "[report]\nlogo = 'logos'\n"))


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"[report]\noffice_name = '\xff'\n")
    with pytest.raises(UserInputError, match="not UTF-8"):
        load_report_settings(path)
