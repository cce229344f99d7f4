"""`recogniser assess` as a user runs it: exit codes, one-line errors, the decision JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from recogniser.cli import main
from recogniser.schemas import load_schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
EXPECTED = {
    "maritime-credit-transfer.json": ("full_recognition", 5),
    # The platform states no quality assurance: for employment the provider's status is asked for.
    "online-course-employment.json": ("information_required", None),
    "incomplete-admission.json": ("information_required", None),
}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_each_example_gives_its_expected_decision(example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(example), "--json"]) == 0
    decision = json.loads(capsys.readouterr().out)
    Draft202012Validator(load_schema("decision-1.schema.json")).validate(decision)
    outcome, ects = EXPECTED[example.name]
    assert decision["recommendation"]["outcome"] == outcome
    assert decision["recommendation"]["ects_recognised"] == ects
    assert all(finding["citation"] for finding in decision["findings"])


def test_readable_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(ROOT / "examples" / "incomplete-admission.json")]) == 0
    out = capsys.readouterr().out
    assert "RECOMMENDATION: INFORMATION REQUIRED" in out
    assert "Information required before a decision:" in out
    assert "Annex I element 6: learning outcomes" in out
    assert "Appeal:" in out


def test_as_of_changes_only_what_depends_on_the_date(capsys: pytest.CaptureFixture[str]) -> None:
    example = str(ROOT / "examples" / "maritime-credit-transfer.json")
    main(["assess", example, "--json", "--as-of", "2030-01-01"])
    later = json.loads(capsys.readouterr().out)
    assert later["as_of"] == "2030-01-01"
    assert any(f["rule_id"] == "esg.external_qa" and f["status"] == "fail" for f in later["findings"])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "recogniser-case/1", "purpose": "adm', "not valid JSON"),
        (b'{"format": "recogniser-case/1", "purpose": "\xff"}', "not UTF-8 text"),
        (
            b'{"format": "recogniser-case/1", "purpose": "rpl", "assessing_country": "HR",'
            b' "credential": {"workload": {"ects": -1}}}',
            "credential.workload.ects: must be at least 0",
        ),
        (
            b'{"format": "recogniser-case/1", "purpose": "rpl", "assessing_country": "HR",'
            b' "credential": {"level": {"eqf_level": 11}}}',
            "credential.level.eqf_level: must be at most 8",
        ),
        (
            b'{"format": "recogniser-case/1", "purpose": "holiday", "assessing_country": "HR"}',
            "purpose: must be one of",
        ),
        (b'{"format": "case/7", "purpose": "rpl", "assessing_country": "HR"}', 'format: must be "recogniser-case/1"'),
    ],
    ids=["truncated", "not-utf8", "negative-ects", "eqf-11", "purpose", "format"],
)
def test_bad_input_is_one_line_naming_the_field_and_exit_2(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "recogniser", "assess", str(path)], check=False, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"recogniser: {path}: ")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_file_and_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(tmp_path / "absent.json")]) == 2
    assert "cannot read the file" in capsys.readouterr().err
    assert main(["assess", str(ROOT / "examples" / "maritime-credit-transfer.json"), "--as-of", "31/01/2026"]) == 2
    # One line, no usage text.
    assert capsys.readouterr().err == "recogniser: --as-of: '31/01/2026' is not a date as YYYY-MM-DD\n"


def test_an_internal_error_exits_1_and_names_the_log(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("rule bug")

    monkeypatch.setattr("recogniser.commands.assess_command.assess", broken)
    assert main(["assess", str(ROOT / "examples" / "maritime-credit-transfer.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("recogniser: internal error; details are in ")
    assert "recogniser.log" in err and "Traceback" not in err
