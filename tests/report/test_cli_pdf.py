"""`recogniser assess CASE --pdf OUT.pdf`: the report for every example, and nothing written on a failed run."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

import recogniser.report.render as render_module
from recogniser.casefile import load_case
from recogniser.cli import main
from recogniser.rules import assess
from recogniser.vocabulary import OUTCOME_LABELS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(config))
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "data"))
    return config


def squashed(text: str) -> str:
    """Text without white space: lines break after hyphens too, so spacing differs from the source."""
    return "".join(text.split())


FOOTER = re.compile(r"Rulebook \S+ · Case SHA-256 [0-9a-f]{64}\s*Page \d+ of \d+")


def text_of(path: Path) -> str:
    """The report's text with the page footers taken out, so that a row running over a page reads whole."""
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return squashed(" ".join(FOOTER.sub(" ", page.extract_text()) for page in pages))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_gets_its_report(example: Path, tmp_path: Path, own_folders: Path) -> None:
    (own_folders / "settings.toml").write_text('[report]\noffice_name = "ENIC-NARIC Example"\n', "utf-8")
    out = tmp_path / "report.pdf"
    assert main(["assess", str(example), "--pdf", str(out)]) == 0
    decision = assess(load_case(example))
    text = text_of(out)
    assert squashed("ENIC-NARIC Example") in text
    assert squashed(OUTCOME_LABELS[decision.recommendation.outcome]) in text
    assert squashed(f"Case SHA-256 {decision.case_sha256}") in squashed(PdfReader(out).pages[0].extract_text())
    for finding in decision.findings:
        assert squashed(finding.message) in text
        assert squashed(f"Basis: {finding.citation}") in text
    for difference in decision.recommendation.substantial_differences:
        assert squashed(difference.description) in text


def test_bad_settings_stop_the_run_before_anything_is_written(
    tmp_path: Path, own_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (own_folders / "settings.toml").write_text("[report]\noffice_name = 3\n", "utf-8")
    out = tmp_path / "report.pdf"
    assert main(["assess", str(EXAMPLES[0]), "--pdf", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "report.office_name: must be text" in captured.err
    assert not out.exists()


def test_an_unwritable_place_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no such folder" / "report.pdf"
    assert main(["assess", str(EXAMPLES[0]), "--pdf", str(out)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and f"--pdf: cannot write {out}" in error
    assert not out.parent.exists()


def test_an_internal_failure_is_exit_1_and_leaves_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> list[object]:
        raise RuntimeError("layout broke")

    monkeypatch.setattr(render_module, "build_story", broken)
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the old report")
    assert main(["assess", str(EXAMPLES[0]), "--pdf", str(out)]) == 1
    assert "internal error" in capsys.readouterr().err
    assert out.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []
