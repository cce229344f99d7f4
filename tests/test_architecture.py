"""The core stays Qt-free and clean: PySide6 only under recogniser/ui/, the layers' import contracts kept
(pyproject.toml, [tool.importlinter]), a command loading only what it uses, ruff and mypy clean."""

import argparse
import os
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


#: What a command that needs none of them must not load: the PDF report, signatures, the database, numpy, Qt.
HEAVY = ("reportlab", "cryptography", "sqlalchemy", "sqlmodel", "alembic", "numpy", "PySide6")


def _loaded_by(arguments: list[str], tmp_path: Path) -> set[str]:
    """The top-level packages (and the modules of recogniser and SQLAlchemy) a ``recogniser`` run loads, in a fresh
    process."""
    code = (
        "import sys\n"
        "from recogniser.cli import main\n"
        f"code = main({arguments!r})\n"
        "kept = ('recogniser', 'sqlalchemy')\n"
        "print(' '.join(sorted({m if m.startswith(kept) else m.split('.')[0] for m in sys.modules})))\n"
        "sys.exit(code)\n"
    )
    environment = {
        **os.environ,
        "HOME": str(tmp_path),
        "RECOGNISER_CONFIG_HOME": str(tmp_path / "config"),
        "RECOGNISER_DATA_HOME": str(tmp_path / "data"),
        "RECOGNISER_DATABASE_URL": f"sqlite:///{tmp_path / 'cases.sqlite'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT, env=environment
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split("\n")[-2].split())


def test_the_parser_imports_no_command() -> None:
    code = (
        "import sys, recogniser.cli; recogniser.cli.build_parser();"
        "print(sorted(m for m in sys.modules if m.endswith('_command')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_every_command_s_handler_can_be_imported() -> None:
    from recogniser.cli import build_parser

    pending = [build_parser()]
    handlers = []
    while pending:
        parser = pending.pop()
        handlers += [handler for handler in [parser.get_default("handler")] if handler is not None]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                pending.extend(action.choices.values())
    assert len(handlers) >= 20
    for handler in handlers:
        assert callable(handler.resolve()), handler


def test_assess_loads_neither_the_report_nor_the_store(tmp_path: Path) -> None:
    arguments = ["assess", str(ROOT / "examples" / "online-course-employment.json")]
    first = _loaded_by(arguments, tmp_path)
    assert "jsonschema" in first  # the case file and the reference data are checked against their schemas once
    loaded = _loaded_by(arguments, tmp_path)
    assert "recogniser.rules" in loaded  # it did assess
    # No learning outcomes to compare, no agency named by a text to look up: no fuzzy matching.
    assert sorted(loaded.intersection({*HEAVY, "jsonschema", "rapidfuzz"})) == []
    unused = ("recogniser.seminar", "recogniser.report", "recogniser.store", "recogniser.log_rotation")
    assert sorted(module for module in loaded if module.startswith(unused)) == []


def test_comparing_a_case_s_few_outcomes_loads_no_numpy(tmp_path: Path) -> None:
    arguments = ["assess", str(ROOT / "examples" / "maritime-credit-transfer.json")]
    _loaded_by(arguments, tmp_path)
    loaded = _loaded_by(arguments, tmp_path)
    assert "rapidfuzz" in loaded  # it did compare the outcomes
    assert sorted(loaded.intersection({*HEAVY, "jsonschema"})) == []


def test_listing_cases_loads_neither_the_rules_nor_the_report(tmp_path: Path) -> None:
    _loaded_by(["cases", "list"], tmp_path)  # the first run makes the store's tables
    loaded = _loaded_by(["cases", "list"], tmp_path)
    assert "recogniser.store" in loaded  # it did open the store
    unneeded = {"reportlab", "cryptography", "numpy", "PySide6", "jsonschema", "alembic", "rapidfuzz"}
    # The store's rows are SQLAlchemy's own mapped classes: no validation layer to load.
    unneeded |= {"sqlmodel", "pydantic"}
    # A page is read through the tables alone, without the ORM; PostgreSQL's dialect only for a PostgreSQL store.
    unneeded |= {"sqlalchemy.orm", "sqlalchemy.dialects.postgresql"}
    assert sorted(loaded.intersection(unneeded)) == []
    unused = ("recogniser.rules", "recogniser.report", "recogniser.seminar", "recogniser.log_rotation")
    # Nor what only reading or changing a case needs: the case's types, its rows as objects, the case file.
    unused += ("recogniser.model.case", "recogniser.model.decision", "recogniser.store.mapped_rows")
    unused += ("recogniser.store.rows", "recogniser.store.office_record", "recogniser.casefile")
    assert sorted(module for module in loaded if module.startswith(unused)) == []


def test_the_import_contracts_are_kept() -> None:
    result = subprocess.run([_tool("lint-imports")], check=False, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


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
