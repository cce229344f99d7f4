"""Hand-made hostile files for every family the command line reads. Each is met with a clean refusal (exit 2,
lines that each name the file, no traceback), bounded time and memory, and nothing written."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from recogniser.cli import EXIT_INVALID, main
from recogniser.seminar.pack import PackError, read_pack_bytes
from recogniser.store import CaseStore
from tests.hostile import files
from tests.hostile.files import DEEP, VERY_DEEP, deep_json, write

#: Raw control characters a terminal would obey.
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def refused(
    capsys: pytest.CaptureFixture[str], arguments: list[str], *expected: str, folder: Path | None = None
) -> list[str]:
    """Run the command; it must refuse with exit 2 and one line per problem, each holding ``expected`` text
    somewhere, and leave ``folder`` as it was."""
    before = sorted(folder.iterdir()) if folder is not None else []
    assert main(arguments) == EXIT_INVALID
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert lines, "no reason given"
    assert all(line.startswith("recogniser: ") for line in lines), lines
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    assert not RAW_CONTROLS.search(captured.out + captured.err)
    text = "\n".join(lines)
    for part in expected:
        assert part in text, text
    if folder is not None:
        assert sorted(folder.iterdir()) == before, "a refused run wrote a file"
    return lines


# --- cases ---

CASES: list[tuple[str, Callable[[], bytes | str], str]] = [
    ("object-900-deep", lambda: files.case_with(("credential", "grade"), deep_json(DEEP)), "nested more than 64"),
    ("list-900-deep", lambda: files.case_with(("extra",), deep_json(DEEP, "list")), "nested more than 64"),
    ("list-100k-deep", lambda: deep_json(VERY_DEEP, "list"), "nested more than 64"),
    ("credits-1e400", lambda: files.case_with(("credential", "workload", "ects"), "1e400"), "is too large"),
    ("credits-10^400", lambda: files.case_with(("credential", "workload", "ects"), "1" + "0" * 400), "401 digits"),
    ("nan", lambda: files.case_with(("credential", "workload", "ects"), "NaN"), "NaN is not a JSON number"),
    ("lone-surrogate", lambda: files.case_with(("credential", "title"), '"Safety \\ud800"'), "lone surrogate"),
    ("nul", lambda: files.case_with(("credential", "title"), '"Safety\\u0000"'), "NUL character"),
    ("duplicate-key", lambda: b'{"format": "recogniser-case/1", "format": "x"}', 'the key "format" is given twice'),
]


@pytest.mark.parametrize(("name", "content", "reason"), CASES, ids=[case[0] for case in CASES])
@pytest.mark.parametrize("command", ["assess", "cases add"])
def test_a_hostile_case_file_is_refused_and_nothing_is_stored(
    *,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: Callable[[], bytes | str],
    reason: str,
    command: str,
) -> None:
    path = write(tmp_path / f"{name}.json", content())
    database = f"sqlite:///{tmp_path / 'cases.db'}"
    refused(capsys, ["--database-url", database, *command.split(), str(path)], f"{path}: ", reason)
    if command == "cases add":
        with CaseStore.open(database) as store:
            assert store.count_cases() == 0


# --- any input file: devices, pipes and folders are refused before a byte is read ---

INPUTS = {
    "case": lambda path: ["assess", path],
    "credential": lambda path: ["import", "--assessing-country", "HR", path, "-o", "out.case.json"],
    "pack": lambda path: ["seminar", "show", path],
    "response": lambda path: ["seminar", "compare", "PACK", path],
    "verdicts": lambda path: ["seminar", "respond", "PACK", "--verdicts", path, "-o", "out.json"],
}


def _run_apart(arguments: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own: one that waited on a pipe forever, or filled the memory, would be
    stopped here (and fail the test) instead of stopping the suite."""
    return subprocess.run(
        [sys.executable, "-m", "recogniser", *arguments],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
        check=False,
        env={**os.environ, "RECOGNISER_DATA_HOME": str(folder / "data")},
    )


@pytest.mark.parametrize("family", sorted(INPUTS))
def test_a_device_a_pipe_or_a_folder_is_refused_unread(tmp_path: Path, family: str) -> None:
    pack = write(tmp_path / "pack.zip", files.pack_bytes())
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for given, reason in (
        ("/dev/zero", "is not a regular file"),
        (str(fifo), "is not a regular file"),
        (str(tmp_path), "is a folder"),
    ):
        arguments = [str(pack) if word == "PACK" else word for word in INPUTS[family](given)]
        result = _run_apart(arguments, tmp_path)
        assert result.returncode == EXIT_INVALID, result.stderr
        assert given in result.stderr and reason in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "pack.zip", "pipe.json"]


# --- credentials ---

CREDENTIALS: list[tuple[str, Callable[[], bytes], str]] = [
    ("credits-1e400", lambda: files.badge_with(raw=("creditsAvailable", "1e400")), "is too large"),
    ("credits-10^400", lambda: files.badge_with(raw=("creditsAvailable", "1" + "0" * 400)), "401 digits"),
    ("nested-900", lambda: files.badge_with(raw=("fieldOfStudy", deep_json(DEEP))), "nested more than 64"),
    ("nested-100k", lambda: deep_json(VERY_DEEP, "list").encode(), "nested more than 64"),
    (
        "learner-lone-surrogate",
        lambda: files.badge_with_learner("Jonas \ud800").replace(b"\\ud800", b"\\ud800"),
        "a lone surrogate",
    ),
    (
        "600-outcomes",
        lambda: files.badge_with_outcomes(600),
        "learning_outcomes: has too many entries (600; at most 500)",
    ),
]


@pytest.mark.parametrize(("name", "content", "reason"), CREDENTIALS, ids=[c[0] for c in CREDENTIALS])
def test_a_hostile_credential_is_refused_and_no_case_file_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: Callable[[], bytes], reason: str
) -> None:
    path = write(tmp_path / f"{name}.json", content())
    refused(
        capsys,
        ["import", "--assessing-country", "HR", str(path), "-o", str(tmp_path / "out.case.json")],
        f"{path}: ",
        reason,
        folder=tmp_path,
    )


def test_a_jws_header_nested_deep_is_no_signature_and_the_credential_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "deep-header.jwt", files.vc_jwt(deep_json(DEEP)))
    assert main(["import", "--assessing-country", "HR", str(path), "-o", str(tmp_path / "out.case.json")]) == 0
    out = capsys.readouterr().out
    assert "Authenticity: failed - the signature's protected header is not base64url JSON" in out
    assert (tmp_path / "out.case.json").is_file()


def test_a_lone_surrogate_in_a_key_identifier_writes_nothing_unusable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = '{"alg": "EdDSA", "typ": "vc+jwt", "kid": "did:key:z6Mk\\ud800#x"}'
    path = write(tmp_path / "kid.jwt", files.vc_jwt(header))
    output = tmp_path / "out.case.json"
    assert main(["import", "--assessing-country", "HR", str(path), "-o", str(output)]) == 0
    captured = capsys.readouterr()
    assert "\ud800" not in captured.out + captured.err
    assert json.loads(output.read_text("utf-8"))["format"] == "recogniser-case/1"


def test_a_huge_did_key_is_read_at_once_and_not_taken_for_a_key(tmp_path: Path) -> None:
    """A did:key of a million characters, far beyond any key: refused before it is decoded (decoding is
    quadratic), so the import ends as quickly as any other."""
    path = write(tmp_path / "did.jwt", files.did_key_jwt(1_000_000))
    result = _run_apart(
        ["import", "--assessing-country", "HR", str(path), "-o", str(tmp_path / "out.case.json")], tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "is not a did:key this check can read" in " ".join(result.stdout.split())


# --- seminar packs ---

PACKS: list[tuple[str, Callable[[], bytes], str]] = [
    ("lying-size", files.pack_with_lying_entry, "cannot be read from the zip (Bad CRC-32"),
    ("encrypted", lambda: files.pack_with_flag(0x1), "is encrypted; a pack holds no encrypted files"),
    ("unknown-method", lambda: files.pack_with_method(93), "is compressed with a method a pack does not use (93)"),
    ("corrupt", files.pack_with_corrupt_entry, "cannot be read from the zip"),
    ("duplicate-entry", files.pack_with_duplicate_entry, "manifest.json: the zip holds it more than once"),
    ("duplicate-keys", files.pack_with_duplicate_manifest_keys, 'manifest.json: the key "title" is given twice'),
    (
        "manifest-100k-deep",
        lambda: files.pack_with_manifest(deep_json(VERY_DEEP, "list").encode()),
        "manifest.json: nested more than 64 levels deep",
    ),
    (
        "manifest-900-deep",
        lambda: files.pack_with_manifest(deep_json(DEEP).encode()),
        "manifest.json: nested more than 64 levels deep",
    ),
    ("manifest-1e400", lambda: files.pack_with_manifest(b'{"format": 1e400}'), "is too large"),
]


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize(("name", "content", "reason"), PACKS, ids=[p[0] for p in PACKS])
def test_a_hostile_pack_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: Callable[[], bytes], reason: str
) -> None:
    path = write(tmp_path / f"{name}.zip", content())
    refused(capsys, ["seminar", "show", str(path)], f"{path}: ", reason, folder=tmp_path)


def test_a_pack_inflating_to_200_megabytes_is_read_in_little_memory() -> None:
    data = files.pack_with_lying_entry()
    tracemalloc.start()
    try:
        with pytest.raises(PackError):
            read_pack_bytes(data, source="bomb.zip")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024, f"{peak:,} bytes"


# --- responses and verdicts ---

JSON_FILES: list[tuple[str, Callable[[], bytes], str]] = [
    ("nested-900", lambda: deep_json(DEEP).encode(), "nested more than 64"),
    ("nested-100k", lambda: deep_json(VERY_DEEP, "list").encode(), "nested more than 64"),
    ("number-1e400", lambda: b'{"format": "recogniser-seminar-response/1", "group": 1e400}', "is too large"),
]


@pytest.mark.parametrize(("name", "content", "reason"), JSON_FILES, ids=[j[0] for j in JSON_FILES])
def test_a_hostile_response_is_left_out_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: Callable[[], bytes], reason: str
) -> None:
    pack = write(tmp_path / "pack.zip", files.pack_bytes())
    path = write(tmp_path / f"{name}.json", content())
    refused(capsys, ["seminar", "compare", str(pack), str(path)], f"{path}", reason, folder=tmp_path)


@pytest.mark.parametrize(("name", "content", "reason"), JSON_FILES, ids=[j[0] for j in JSON_FILES])
def test_hostile_verdicts_are_refused_and_no_response_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: Callable[[], bytes], reason: str
) -> None:
    pack = write(tmp_path / "pack.zip", files.pack_bytes())
    path = write(tmp_path / f"{name}.json", content())
    arguments = ["seminar", "respond", str(pack), "--verdicts", str(path), "-o", str(tmp_path / "response.json")]
    refused(capsys, arguments, f"{path}: ", reason, folder=tmp_path)


# --- settings ---

SETTINGS = [
    ("array-5000-deep", "[office]\nassessing_country = " + "[" * 5000 + "]" * 5000 + "\n"),
    ("tables-100-deep", "[" + ".".join(["a"] * 100) + "]\nx = 1\n"),
    ("inline-900-deep", "x = " + "{a = " * 900 + "1" + "}" * 900 + "\n"),
]


@pytest.mark.parametrize(("name", "content"), SETTINGS, ids=[s[0] for s in SETTINGS])
def test_deeply_nested_settings_stop_every_command_with_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str, content: str
) -> None:
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path))
    settings = write(tmp_path / "settings.toml", content)
    case = write(tmp_path / "case.json", files.case_text())
    refused(capsys, ["assess", str(case)], f"{settings}: ", "nested more than 8 levels deep")


def test_a_settings_file_that_is_a_pipe_is_refused_unread(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "settings.toml")
    case = write(tmp_path / "case.json", files.case_text())
    result = subprocess.run(
        [sys.executable, "-m", "recogniser", "assess", str(case)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "RECOGNISER_CONFIG_HOME": str(tmp_path), "RECOGNISER_DATA_HOME": str(tmp_path / "d")},
    )
    assert result.returncode == EXIT_INVALID
    assert "settings.toml: is not a regular file" in result.stderr


# --- databases that keep nothing ---


@pytest.mark.parametrize("url", ["sqlite:///:memory:", "sqlite://"])
def test_an_in_memory_database_is_refused_for_it_would_keep_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    case = write(tmp_path / "case.json", files.case_text())
    refused(capsys, ["--database-url", url, "assess", str(case), "--save"], "in-memory database keeps nothing")
    refused(capsys, ["--database-url", url, "cases", "add", str(case)], "in-memory database keeps nothing")


# --- terminal escapes ---


def test_control_characters_from_files_are_shown_escaped_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attack = files.TERMINAL_ATTACK
    case = write(tmp_path / "case.json", files.case_text(title=attack, learner=f"Ana {attack}"))
    database = f"sqlite:///{tmp_path / 'cases.db'}"
    badge = write(tmp_path / "badge.json", files.badge_with({"name": attack}))
    runs = [
        ["assess", str(case)],
        ["assess", str(case), "--json"],
        ["--database-url", database, "cases", "add", str(case)],
        ["--database-url", database, "cases", "list"],
        ["--database-url", database, "cases", "list", "--json"],
        ["import", "--assessing-country", "HR", str(badge), "-o", str(tmp_path / "badge.case.json")],
    ]
    for arguments in runs:
        assert main(arguments) == 0, arguments
        captured = capsys.readouterr()
        output = captured.out + captured.err
        assert not RAW_CONTROLS.search(output), (arguments, output)
        if "add" not in arguments:  # the others show the title (a list cuts it short)
            assert "Safety\\u001b[2K" in output, (arguments, output)
            assert "\\u202eevil\\u009b31m" in output or arguments[0] != "assess"
        if "--json" in arguments:
            json.loads(captured.out)  # still JSON, meaning the same text
    (stored,) = json.loads(_listing(database, capsys))["cases"]
    assert stored["title"] == attack  # kept as given: only its display is escaped


def _listing(database: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--database-url", database, "cases", "list", "--json"]) == 0
    return capsys.readouterr().out
