"""Fuzzing the command line with generated hostile files: whatever the bytes, each run ends with its result
(exit 0) or a clean refusal (exit 2, lines naming the file), never an internal error, a hang or a raw control
character on the terminal; a refused import writes nothing. Bounded: 80 examples per family, seconds in all."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recogniser.cli import main
from recogniser.seminar.pack import PackError, read_pack_bytes
from tests.hostile import files
from tests.hostile.test_hostile_files import RAW_CONTROLS

# capsys is read after every run, so it is safely shared by the examples.
FUZZ = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

#: JSON texts meant to break readers: deep nesting, numbers beyond any float, escapes of lone surrogates, NUL
#: and terminal controls, duplicate keys.
hostile_values = st.one_of(
    st.integers(min_value=1, max_value=2_000).map(files.deep_json),
    st.integers(min_value=1, max_value=2_000).map(lambda depth: files.deep_json(depth, "list")),
    st.integers(min_value=300, max_value=5_000).map(lambda digits: "9" * digits),
    st.sampled_from(["1e400", "-1e400", "1e-400", "NaN", "Infinity", '"\\ud800"', '"\\udfff x"', '"\\u0000"']),
    st.sampled_from(['{"a": 1, "a": 2}', '"\\u001b[2J\\u0007"', '"\\u202e"', "[" * 10 + "]" * 9]),
    st.text(max_size=40).map(json.dumps),
)


def _splice(document: str, value: str, at: int) -> str:
    """``document`` with one of its values (the ``at``-th, counted round) replaced by the raw JSON ``value``."""
    parsed: Any = json.loads(document)
    places: list[tuple[Any, Any]] = []
    pending = [parsed]
    while pending:
        node = pending.pop()
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, child in children:
            places.append((node, key))
            pending.append(child)
    node, key = places[at % len(places)]
    node[key] = _MARK
    return json.dumps(parsed, ensure_ascii=False).replace(json.dumps(_MARK), value)


_MARK = "@@hostile value@@"


def _run(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> int:
    code = main(arguments)
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    assert "Traceback" not in captured.err
    assert not RAW_CONTROLS.search(captured.out + captured.err)
    if code == 2:
        assert all(line.startswith("recogniser: ") for line in captured.err.splitlines())
    return code


CASE_TEXT = files.case_text().decode()
BADGE_TEXT = files.badge_with().decode()


@FUZZ
@given(value=hostile_values, at=st.integers(min_value=0, max_value=200))
def test_a_case_with_a_hostile_value_anywhere_is_assessed_or_refused(
    capsys: pytest.CaptureFixture[str], value: str, at: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.json"
        path.write_text(_splice(CASE_TEXT, value, at), "utf-8")
        _run(capsys, ["assess", str(path)])


@FUZZ
@given(value=hostile_values, at=st.integers(min_value=0, max_value=400))
def test_a_credential_with_a_hostile_value_anywhere_is_imported_or_refused_writing_nothing(
    capsys: pytest.CaptureFixture[str], value: str, at: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "badge.json"
        path.write_text(_splice(BADGE_TEXT, value, at), "utf-8")
        output = Path(folder) / "out.case.json"
        if _run(capsys, ["import", "--assessing-country", "HR", str(path), "-o", str(output)]) == 2:
            assert not output.exists()
        else:
            assert json.loads(output.read_text("utf-8"))["format"] == "recogniser-case/1"


@FUZZ
@given(data=st.binary(min_size=1, max_size=4_000), at=st.integers(min_value=0))
def test_case_bytes_damaged_anywhere_are_assessed_or_refused(
    capsys: pytest.CaptureFixture[str], data: bytes, at: int
) -> None:
    original = files.case_text()
    at %= len(original)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.json"
        path.write_bytes(original[:at] + data + original[at + len(data) :])
        _run(capsys, ["assess", str(path)])


PACK = files.pack_bytes()


@FUZZ
@given(damage=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=20))
def test_a_pack_damaged_anywhere_is_read_or_refused_with_reasons(damage: list[tuple[int, int]]) -> None:
    data = bytearray(PACK)
    for at, byte in damage:
        data[at % len(data)] = byte
    try:
        read_pack_bytes(bytes(data), source="pack.zip")
    except PackError as error:
        assert error.lines() and all(line.startswith("pack.zip: ") for line in error.lines())


@FUZZ
@given(value=hostile_values, at=st.integers(min_value=0, max_value=100))
def test_a_pack_manifest_with_a_hostile_value_is_read_or_refused(value: str, at: int) -> None:
    manifest = files.pack_entries()["manifest.json"].decode()
    try:
        read_pack_bytes(files.pack_with_manifest(_splice(manifest, value, at).encode()), source="pack.zip")
    except PackError as error:
        assert error.lines() and all(line.startswith("pack.zip: ") for line in error.lines())
