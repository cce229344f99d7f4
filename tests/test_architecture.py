"""The core stays Qt-free and clean: PySide6 only under recogniser/ui/, ruff and mypy clean."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_IMPORT = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)


def test_pyside6_is_imported_only_under_ui() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "recogniser").rglob("*.py")
        if "ui" not in path.relative_to(ROOT / "recogniser").parts[:1] and QT_IMPORT.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_command_line_does_not_load_qt() -> None:
    code = (
        "import sys, recogniser.cli; recogniser.cli.build_parser();"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install the test extras: pip install -e '.[test]'")
    return found


def test_ruff_is_clean() -> None:
    for arguments in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run([_tool("ruff"), *arguments], check=False, capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], check=False, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
