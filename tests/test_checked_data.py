"""Reference data and case files found valid are not checked against their schema again until their bytes or the
schema change."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from recogniser import agency_file, case_checks, checked_data, frameworks
from recogniser.agency_file import AgencyDataError, load_agencies
from recogniser.casefile import CaseFileError, load_case
from recogniser.frameworks import FrameworkDataError, load_frameworks
from recogniser.resources import data_dir


@pytest.fixture
def schema_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A fresh data folder and record; yields the schemas checked against, one entry per file checked."""
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(checked_data.REFERENCE_DATA, "known", None)
    monkeypatch.setattr(checked_data.CASE_FILES, "known", None)
    checked: list[str] = []

    def counting(module: Any) -> None:
        real = module.schema_validator

        def validator(name: str) -> Any:
            checked.append(name)
            return real(name)

        monkeypatch.setattr(module, "schema_validator", validator)

    counting(frameworks)
    counting(agency_file)
    counting(case_checks)
    yield checked
    checked_data.REFERENCE_DATA.known = None
    checked_data.CASE_FILES.known = None


def _frameworks(folder: Path, *names: str) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy(data_dir() / "nqf_levels" / name, folder / name)
    return folder


def test_framework_files_that_passed_are_not_checked_again(tmp_path: Path, schema_checks: list[str]) -> None:
    folder = _frameworks(tmp_path / "frameworks", "AL-AQF.json", "AT-NQR.json")
    first = load_frameworks(folder)
    assert len(schema_checks) == 2
    checked_data.REFERENCE_DATA.known = None  # as a new process: read from the record
    again = load_frameworks(folder)
    assert len(schema_checks) == 2
    assert [f.id for f in again] == [f.id for f in first]
    record = json.loads((tmp_path / "data" / "cache" / "checked-data.json").read_text("utf-8"))
    assert len(record["valid"]) == 2


def test_a_file_changed_after_it_passed_is_checked_in_full(tmp_path: Path, schema_checks: list[str]) -> None:
    folder = _frameworks(tmp_path / "frameworks", "AT-NQR.json")
    load_frameworks(folder)
    path = folder / "AT-NQR.json"
    document = json.loads(path.read_text("utf-8"))
    document["levels"][0]["eqf_level"] = 11
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(FrameworkDataError, match="eqf_level"):
        load_frameworks(folder)
    with pytest.raises(FrameworkDataError, match="eqf_level"):
        load_frameworks(folder)  # a file with a problem is never remembered
    assert len(schema_checks) == 3


def test_the_agency_register_that_passed_is_not_checked_again(schema_checks: list[str]) -> None:
    first = load_agencies()
    checked_data.REFERENCE_DATA.known = None
    again = load_agencies()
    assert schema_checks == ["qa-agencies-1.schema.json"]
    assert len(again.agencies) == len(first.agencies)


def test_a_changed_agency_register_is_checked_in_full(tmp_path: Path, schema_checks: list[str]) -> None:
    load_agencies()
    document = json.loads((data_dir() / "qa_agencies.json").read_text("utf-8"))
    document["as_of"] = "not a date"
    changed = tmp_path / "qa_agencies.json"
    changed.write_text(json.dumps(document), "utf-8")
    with pytest.raises(AgencyDataError, match="as_of"):
        load_agencies(changed)


@pytest.mark.parametrize("record", ["", "{", '{"format": "other", "valid": []}', '{"format": 1}', "[1, 2]"])
def test_an_unreadable_record_means_checking_again(tmp_path: Path, schema_checks: list[str], record: str) -> None:
    folder = _frameworks(tmp_path / "frameworks", "AL-AQF.json")
    (tmp_path / "data" / "cache").mkdir(parents=True)
    (tmp_path / "data" / "cache" / "checked-data.json").write_text(record, "utf-8")
    load_frameworks(folder)
    assert len(schema_checks) == 1


EXAMPLE_CASE = Path(__file__).resolve().parents[1] / "examples" / "online-course-employment.json"


def test_a_case_file_that_passed_is_not_checked_against_the_schema_again(
    tmp_path: Path, schema_checks: list[str]
) -> None:
    path = tmp_path / "case.json"
    shutil.copy(EXAMPLE_CASE, path)
    first = load_case(path)
    checked_data.CASE_FILES.known = None  # as a new process: read from the record
    assert load_case(path) == first
    assert schema_checks == ["case-1.schema.json"]
    record = json.loads((tmp_path / "data" / "cache" / "checked-cases.json").read_text("utf-8"))
    assert record["valid"] == [checked_data.digest("case-1.schema.json", path.read_bytes())]
    assert "Erik" not in json.dumps(record)  # digests only, none of the case


def test_a_changed_case_file_is_checked_in_full_every_time(tmp_path: Path, schema_checks: list[str]) -> None:
    path = tmp_path / "case.json"
    shutil.copy(EXAMPLE_CASE, path)
    load_case(path)
    document = json.loads(path.read_text("utf-8"))
    document["credential"]["workload"] = {"hours": "forty"}
    path.write_text(json.dumps(document), "utf-8")
    for _ in range(2):  # a file with a problem is never remembered
        with pytest.raises(CaseFileError, match=r"credential\.workload\.hours"):
            load_case(path)
    assert len(schema_checks) == 3


def test_the_checks_written_in_code_run_on_a_case_file_that_passed(tmp_path: Path, schema_checks: list[str]) -> None:
    path = tmp_path / "case.json"
    shutil.copy(EXAMPLE_CASE, path)
    load_case(path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(case_checks, "is_alpha2", lambda code: False)  # as if an update withdrew the country code
        with pytest.raises(CaseFileError, match="ISO 3166-1"):
            load_case(path)
    assert len(schema_checks) == 1
