"""Where the command line writes: a place that cannot hold the file is one line and exit 2, a link is written
through, a protected or special file is never replaced, and a reader that goes away ends the run quietly."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from recogniser.cli import main
from recogniser.errors import OutputFileError, UserInputError
from recogniser.files import StagedFile, output_target, write_bytes_atomically
from recogniser.model import Outcome
from recogniser.seminar import Verdict, build_exercise_pack, build_response
from recogniser.seminar.response import write_response

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "maritime-credit-transfer.json"


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_bytes_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def _fifo(folder: Path) -> Path:
    # A named pipe stands for every special file (a device such as /dev/full): one the test owns, so that a
    # regression replaces nothing outside the test's folder.
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    return fifo


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda folder: folder, "is a folder"),
        (lambda folder: folder / "missing" / "out.pdf", "the folder"),
        (_fifo, "is not a regular file"),
    ],
    ids=["folder", "missing-folder", "special-file"],
)
def test_a_place_that_cannot_hold_the_file_is_refused(tmp_path: Path, make: object, reason: str) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    before = sorted(tmp_path.iterdir())
    with pytest.raises(OutputFileError, match=reason) as refused:
        write_bytes_atomically(target, b"data")
    # Front ends that report any failed write by its OSError keep working.
    assert isinstance(refused.value, OSError) and reason in str(refused.value.strerror)
    assert sorted(tmp_path.iterdir()) == before
    assert not Path(target).is_file()


def test_a_read_only_file_is_never_replaced(tmp_path: Path) -> None:
    protected = tmp_path / "report.pdf"
    protected.write_bytes(b"signed copy")
    protected.chmod(0o444)
    with pytest.raises(OutputFileError, match="read-only"):
        write_bytes_atomically(protected, b"new")
    assert protected.read_bytes() == b"signed copy"
    assert [path.name for path in tmp_path.iterdir()] == ["report.pdf"]


def test_a_staged_file_appears_only_when_committed(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with StagedFile(target) as staged:
        staged.write(b"new")
        assert target.read_bytes() == b"old"
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["report.pdf"]
    assert output_target(target) == target


@pytest.mark.parametrize(
    ("place", "message"),
    [
        (lambda folder: folder / "missing" / "r.pdf", "(the folder {folder}/missing does not exist)"),
        (lambda folder: folder, "(is a folder; give a file name)"),
        (lambda _folder: "", None),
    ],
    ids=["missing-folder", "folder", "empty"],
)
def test_assess_pdf_to_an_unusable_place_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], place: object, message: str | None
) -> None:
    target = place(tmp_path)  # type: ignore[operator]
    assert main(["assess", str(EXAMPLE), "--pdf", str(target)]) == 2
    err = capsys.readouterr().err
    expected = "--pdf: no file name given" if message is None else f"--pdf: cannot write {target} " + message
    assert err == f"recogniser: {expected.format(folder=tmp_path)}\n"


def test_as_of_before_the_issue_date_warns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(EXAMPLE), "--as-of", "1900-01-01"]) == 0
    err = capsys.readouterr().err
    assert "warning: --as-of 1900-01-01 is before the credential was issued (2025-06-30)" in err


def test_compare_pdf_onto_a_folder_is_input_error_even_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, pack = build_exercise_pack()
    (tmp_path / "pack.zip").write_bytes(data)
    response = build_response(
        pack, "Group A", dict.fromkeys(pack.case_ids, Verdict(Outcome.NON_RECOGNITION, None, "reasons"))
    )
    write_response(tmp_path / "a.json", response)
    folder = tmp_path / "reports"
    folder.mkdir()
    arguments = ["seminar", "compare", str(tmp_path / "pack.zip"), str(tmp_path / "a.json"), "--pdf", str(folder)]
    assert main([*arguments, "--force"]) == 2
    assert capsys.readouterr().err == f"recogniser: {folder}: cannot write (is a folder; give a file name)\n"
    assert list(folder.iterdir()) == []


def test_a_pack_in_a_folder_that_refuses_writing_is_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder without write permission, whatever user runs the tests (the superuser may write anywhere).
    def refused(*_: object, **__: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    output = tmp_path / "exercises.zip"
    assert main(["seminar", "exercises", "-o", str(output)]) == 2
    assert capsys.readouterr().err == f"recogniser: {output}: cannot write (Permission denied)\n"
    assert not output.exists()


def test_an_output_error_is_a_user_input_error() -> None:
    error = OutputFileError("x.pdf", "the file is read-only")
    assert isinstance(error, UserInputError)
    assert error.lines() == ["x.pdf: cannot write (the file is read-only)"]


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    # `recogniser seminar show pack.zip | head -0`: the pipe is closed before anything is written.
    pack = tmp_path / "pack.zip"
    pack.write_bytes(build_exercise_pack()[0])
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "recogniser", "seminar", "show", str(pack), "--notes"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert err == b""


def test_migrations_do_not_fill_the_log() -> None:
    assert main(["cases", "list", "--limit", "1"]) == 0
    assert logging.getLogger("alembic").getEffectiveLevel() >= logging.WARNING
