"""``recogniser assess --save`` and ``cases export/list`` where they write: a failed run stores nothing and
writes nothing, a stored case is replaced only when asked, and the report names who recorded the decision."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from recogniser.casefile import dumps_case, parse_case
from recogniser.cli import main
from recogniser.model import Outcome
from recogniser.store import CaseStore
from tests.store.cases import make_case


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(config))
    return config / "settings.toml"


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(dumps_case(make_case("ATOMIC-1").document), encoding="utf-8")
    return path


def stored_counts(database_url: str) -> tuple[int, int]:
    """Cases, and decisions on ATOMIC-1, in the store."""
    with CaseStore.open(database_url) as store:
        cases = store.count_cases()
        decisions = len(store.decisions_for("ATOMIC-1")) if cases else 0
    return cases, decisions


def assess_save(database_url: str, case_file: Path, *more: str) -> list[str]:
    return ["--database-url", database_url, "assess", str(case_file), "--save", *more]


@pytest.mark.parametrize("place", ["missing-folder", "folder"])
def test_a_report_that_cannot_be_written_stores_nothing(
    database_url: str, case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], place: str
) -> None:
    target = tmp_path / "missing" / "x.pdf" if place == "missing-folder" else tmp_path
    assert main(assess_save(database_url, case_file, "--pdf", str(target))) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"recogniser: --pdf: cannot write {target} (")
    assert stored_counts(database_url) == (0, 0)


def test_a_decision_that_cannot_be_recorded_leaves_no_report(
    database_url: str, case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The report is rendered inside the transaction; the decision then fails (no evaluator named).
    reports = tmp_path / "reports"
    reports.mkdir()
    assert main(assess_save(database_url, case_file, "--evaluator", " ", "--pdf", str(reports / "r.pdf"))) == 2
    assert "decided_by: name the evaluator" in capsys.readouterr().err
    assert stored_counts(database_url) == (0, 0)
    assert list(reports.iterdir()) == []


def test_the_report_names_the_evaluator_of_the_recorded_decision(
    database_url: str, case_file: Path, tmp_path: Path, own_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own_settings.write_text('[report]\nevaluator_name = "Ana Horvat"\n', "utf-8")
    report = tmp_path / "report.pdf"
    assert main(assess_save(database_url, case_file, "--evaluator", "Другой Оценщик", "--pdf", str(report))) == 0
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(report.read_bytes())).pages)
    assert "Другой Оценщик" in text and "Ana Horvat" not in text
    with CaseStore.open(database_url) as store:
        [recorded] = store.decisions_for("ATOMIC-1")
    assert recorded.decided_by == "Другой Оценщик"

    # Without --evaluator the decision is recorded by the evaluator the settings name, as the report says.
    assert main(assess_save(database_url, case_file, "--pdf", str(report))) == 0
    with CaseStore.open(database_url) as store:
        assert store.decisions_for("ATOMIC-1")[-1].decided_by == "Ana Horvat"
    capsys.readouterr()


def test_the_report_of_a_saved_assessment_names_the_decision_recorded(
    database_url: str, case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.pdf"
    assert main(assess_save(database_url, case_file, "--evaluator", "Ana Horvat", "--pdf", str(report))) == 0
    capsys.readouterr()
    with CaseStore.open(database_url) as store:
        [recorded] = store.decisions_for("ATOMIC-1")
    text = " ".join("".join(page.extract_text() for page in PdfReader(report).pages).split())
    # The evaluator's decision follows the appeal section, which full recognition has not.
    section = 7 if recorded.recommended_outcome is Outcome.FULL_RECOGNITION else 8
    block = text.split(f"{section}. Decision of the evaluator")[1]
    assert (
        f"Decision #{recorded.id}, recorded {recorded.recorded_at:%Y-%m-%d %H:%M} UTC, records the recommendation "
        "only: the final decision is still to be made." in block
    )
    assert "Evaluator Ana Horvat" in block
    assert "[ X ]" not in block  # the evaluator's final decision is not made by saving an assessment


def test_a_changed_file_replaces_the_stored_case_only_with_update(
    database_url: str, case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(assess_save(database_url, case_file, "--evaluator", "A")) == 0
    # The same text again: just another assessment.
    assert main(assess_save(database_url, case_file, "--evaluator", "A")) == 0
    capsys.readouterr()
    document = json.loads(case_file.read_text("utf-8"))
    document["credential"]["grade"] = "Pass"
    case_file.write_text(dumps_case(document), encoding="utf-8")

    assert main(assess_save(database_url, case_file, "--evaluator", "A")) == 2
    assert capsys.readouterr().err == (
        f"recogniser: {case_file}: case 'ATOMIC-1' is stored with a different text (version 1); give --update "
        "to store this file as its new version, or give the file another reference\n"
    )
    assert stored_counts(database_url) == (1, 2)

    assert main(assess_save(database_url, case_file, "--evaluator", "A", "--update")) == 0
    assert "saved case ATOMIC-1 (version 2) and decision #3" in capsys.readouterr().err
    with CaseStore.open(database_url) as store:
        assert store.get_case("ATOMIC-1").case.credential.grade == "Pass"


def test_update_goes_with_save(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(case_file), "--update"]) == 2
    assert capsys.readouterr().err == "recogniser: --update: goes with --save\n"


def test_export_to_an_unusable_place_or_over_a_file_is_input_error(
    database_url: str, case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", database_url, "cases", "add", str(case_file)]) == 0
    capsys.readouterr()
    export = ["--database-url", database_url, "cases", "export", "ATOMIC-1", "-o"]
    missing = tmp_path / "missing" / "x.json"
    for target, reason in [
        (missing, f"cannot write (the folder {missing.parent} does not exist)"),
        (tmp_path, "cannot write (is a folder; give a file name)"),
        (case_file, "already exists; give --force to replace it, or -o to write elsewhere"),
    ]:
        before = case_file.read_bytes()
        assert main([*export, str(target)]) == 2
        assert capsys.readouterr().err == f"recogniser: {target}: {reason}\n"
        assert case_file.read_bytes() == before
    assert main([*export, str(case_file), "--force"]) == 0


@pytest.mark.parametrize("limit", ["99999999999999999999", "-1", "0", "ten"])
def test_a_limit_out_of_range_is_input_error(database_url: str, capsys: pytest.CaptureFixture[str], limit: str) -> None:
    assert main(["--database-url", database_url, "cases", "list", "--limit", limit]) == 2
    assert capsys.readouterr().err == (
        f"recogniser: --limit: must be a whole number from 1 to 100,000 (got {limit!r})\n"
    )


def test_a_case_kept_before_country_codes_were_checked_stays_readable(database_url: str) -> None:
    document = dict(make_case("OLD-UK").document, assessing_country="UK")
    with CaseStore.open(database_url) as store:
        store.add_case(parse_case(document, accepted_earlier=True))
        assert store.get_case("OLD-UK").case.assessing_country == "UK"
