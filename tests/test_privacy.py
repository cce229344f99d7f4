"""Personal data stays private: files and folders only the user can read, made so without touching the process
umask, and a log that holds neither secrets nor case content."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from recogniser import cli, logs
from recogniser.casefile import save_case
from recogniser.files import create_private_file, private_folder, write_text_atomically
from recogniser.log_rotation import PrivateRotatingFileHandler
from recogniser.logs import log_file, redacted_command_line, without_passwords
from recogniser.settings import Settings, save_settings
from recogniser.ui.drafts import Draft, discard_drafts_of, read_draft, write_draft
from tests.store.cases import base_document


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def ordinary_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def fresh_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Logging set up anew in a data folder of the test's own, as at the start of a run."""
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(logs, "_configured", False)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        yield log_file()
    finally:
        for handler in root.handlers:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_an_internal_error_logs_neither_the_password_nor_the_file_names(
    monkeypatch: pytest.MonkeyPatch, fresh_log: Path
) -> None:
    def fail(*_arguments: object) -> None:
        # An error whose text carries a URL, as a driver's error may.
        raise RuntimeError("could not reach postgresql://clerk:S3cretPw@db.office.example/recognition")

    monkeypatch.setattr(cli, "load_settings", fail)
    code = cli.main(
        [
            "--database-url",
            "postgresql://clerk:S3cretPw@db.office.example/recognition",
            "assess",
            "maria-garcia-refugee.json",
            "--evaluator=Ana Kovač",
            "--save",
        ]
    )
    assert code == cli.EXIT_INTERNAL
    logged = fresh_log.read_text("utf-8")
    assert "internal error running recogniser --database-url … assess … --evaluator=… --save" in logged
    assert "RuntimeError: could not reach postgresql://clerk:***@db.office.example/recognition" in logged
    for secret in ("S3cretPw", "maria-garcia", "Ana Kovač"):
        assert secret not in logged
    assert _mode(fresh_log) == 0o600
    assert _mode(fresh_log.parent) == 0o700
    assert _mode(fresh_log.parent.parent) == 0o700


def test_the_log_file_is_made_with_the_first_record(fresh_log: Path) -> None:
    logs.setup_logging()
    assert not fresh_log.exists()  # a run that logs nothing writes no log
    assert _mode(fresh_log.parent) == 0o700  # but the log's folder is made private at every start
    logging.getLogger("recogniser.test").warning("first")
    logging.getLogger("recogniser.test").warning("second")
    lines = fresh_log.read_text("utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["first", "second"]
    assert _mode(fresh_log) == 0o600


def test_the_command_line_is_logged_with_its_values_left_out() -> None:
    words = cli.command_words(cli.build_parser())
    assert {"assess", "cases", "list", "show", "seminar", "import"} <= words
    assert redacted_command_line(["cases", "show", "HR-2026-000142", "--json"], words) == "cases show … --json"
    assert redacted_command_line(["cases", "list", "--search", "ivana horvat"], words) == "cases list --search …"


def test_passwords_are_cut_from_any_url_in_a_text() -> None:
    assert without_passwords("postgresql+psycopg://u:p%40ss@h:5432/d and sqlite:///x.db") == (
        "postgresql+psycopg://u:***@h:5432/d and sqlite:///x.db"
    )
    assert without_passwords("postgresql://u@h/d") == "postgresql://u@h/d"


def test_a_full_disk_drops_the_log_record_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    handler = PrivateRotatingFileHandler(tmp_path / "r.log", maxBytes=1000, backupCount=1, encoding="utf-8")
    try:
        assert handler.stream is not None
        handler.stream.close()
        handler.stream = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 - closed by the handler
        handler.emit(logging.LogRecord("recogniser", logging.ERROR, __file__, 1, "lost", None, None))
    finally:
        handler.close()
    assert capsys.readouterr().err == ""


def test_a_rotated_log_is_private_too(tmp_path: Path, ordinary_umask: None) -> None:
    handler = PrivateRotatingFileHandler(tmp_path / "r.log", maxBytes=40, backupCount=2, encoding="utf-8")
    try:
        for number in range(20):
            handler.emit(logging.LogRecord("recogniser", logging.INFO, __file__, 1, "line %d", (number,), None))
    finally:
        handler.close()
    logs = sorted(tmp_path.glob("r.log*"))
    assert [path.name for path in logs] == ["r.log", "r.log.1", "r.log.2"]
    assert {_mode(path) for path in logs} == {0o600}


def test_a_log_left_readable_by_an_earlier_version_is_made_private(tmp_path: Path) -> None:
    old = tmp_path / "r.log"
    old.write_text("earlier\n", encoding="utf-8")
    old.chmod(0o644)
    PrivateRotatingFileHandler(old, maxBytes=1000, backupCount=1, encoding="utf-8").close()
    assert _mode(old) == 0o600
    assert old.read_text("utf-8") == "earlier\n"


def test_drafts_are_private_and_go_with_their_deleted_case(ordinary_umask: None) -> None:
    write_draft(Draft(document=base_document(), reference="HR-2026-000007", version=3))
    [draft_file] = (Path(os.environ["RECOGNISER_DATA_HOME"]) / "drafts").iterdir()
    assert _mode(draft_file) == 0o600
    assert _mode(draft_file.parent) == 0o700
    discard_drafts_of("HR-2026-000008")  # another case's deletion leaves the draft
    assert read_draft() is not None
    discard_drafts_of("HR-2026-000007")
    assert read_draft() is None


def test_the_settings_file_which_may_hold_a_password_is_private(tmp_path: Path, ordinary_umask: None) -> None:
    target = tmp_path / "config" / "settings.toml"
    save_settings(Settings(database_url="postgresql://clerk:pw@db/recognition"), target)
    assert _mode(target) == 0o600
    assert _mode(target.parent) == 0o700


def test_a_private_folder_made_earlier_with_ordinary_permissions_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    private_folder(folder)
    assert _mode(folder) == 0o700
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    with pytest.raises(FileExistsError):
        private_folder(tmp_path / "a-file")


def test_private_files_from_many_threads_never_open_up_the_umask_for_others(
    tmp_path: Path, ordinary_umask: None
) -> None:
    """Threads writing case files, drafts, databases and logs at once as other threads create ordinary files:
    the ordinary ones keep the umask's 0644 (the umask was never set to 0 meanwhile), the private ones are 0600."""
    document = base_document()
    private: list[Path] = []
    ordinary: list[Path] = []
    failures: list[BaseException] = []

    def write_private(worker: int) -> None:
        for number in range(40):
            case_file = tmp_path / f"case-{worker}-{number}.json"
            save_case(case_file, document)
            created = tmp_path / f"database-{worker}-{number}.db"
            create_private_file(created)
            log = tmp_path / f"log-{worker}-{number}.log"
            PrivateRotatingFileHandler(log, maxBytes=100, backupCount=1, encoding="utf-8").close()
            private.extend((case_file, created, log))

    def write_ordinary(worker: int) -> None:
        for number in range(200):
            path = tmp_path / f"ordinary-{worker}-{number}.txt"
            with open(path, "w", encoding="utf-8") as stream:
                stream.write("x")
            ordinary.append(path)

    def guarded(work: object, worker: int) -> None:
        try:
            work(worker)  # type: ignore[operator]
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=guarded, args=(write_private, n)) for n in range(4)]
    threads += [threading.Thread(target=guarded, args=(write_ordinary, n)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert {_mode(path) for path in private} == {0o600}
    assert {_mode(path) for path in ordinary} == {0o644}


def test_a_new_file_is_private_and_its_rename_made_durable(tmp_path: Path, ordinary_umask: None) -> None:
    target = tmp_path / "report.json"
    write_text_atomically(target, json.dumps({"learner": "x"}))
    assert _mode(target) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == ["report.json"]  # no staged file left


def test_a_migration_backup_that_cannot_be_finished_is_removed_and_named(tmp_path: Path) -> None:
    """A full disk during the copy (here: a file size limit) leaves no empty or partial backup behind."""
    database = tmp_path / "cases.db"
    script = f"""
import resource, signal, sqlite3, sys
from pathlib import Path
from recogniser.store.database import backup_sqlite
from recogniser.errors import UserInputError
path = Path({str(database)!r})
with sqlite3.connect(path) as connection:
    connection.execute("CREATE TABLE t (x TEXT)")
    connection.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 2000)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
try:
    backup_sqlite(path, "0003")
except UserInputError as error:
    print(error)
    sys.exit(2)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    assert "cannot back up the database before updating its tables" in result.stdout
    assert "nothing was changed" in result.stdout
    assert list(tmp_path.glob("*.bak")) == []
