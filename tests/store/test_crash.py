"""A writer killed in the middle of a save leaves a SQLite database that opens intact, as last committed."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from recogniser.store import CaseQuery, CaseStore

ROOT = Path(__file__).resolve().parents[2]
KILLS = 5


def _run_and_kill(url: str, seed: int) -> int:
    """Start a writer, let it commit a few saves, SIGKILL it just after a save starts; the last version it saved."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_writer", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdout is not None
    saved: list[int] = []
    while True:
        line = writer.stdout.readline()
        assert line, writer.communicate(timeout=30)[1]
        action, version = line.split()
        if action == "saved":
            saved.append(int(version))
        elif len(saved) >= 3:
            break
    # A save of 300 KB takes milliseconds; the kill lands inside it (or, rarely, just after it).
    time.sleep(random.Random(seed).uniform(0.0, 0.004))
    writer.send_signal(signal.SIGKILL)
    rest, errors = writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL, errors
    saved += [int(line.split()[1]) for line in rest.splitlines() if line.startswith("saved ")]
    return saved[-1]


def test_a_killed_writer_leaves_the_last_committed_state(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    url = f"sqlite:///{path}"
    interrupted = 0
    for kill in range(KILLS):
        last_reported = _run_and_kill(url, seed=kill)

        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        with CaseStore.open(url) as store:
            case = store.get_case("CRASH-1")
            # The save in flight when the writer died either committed whole or not at all.
            assert case.version in (last_reported, last_reported + 1)
            interrupted += case.version == last_reported
            assert case.case.credential.grade == f"version {case.version}"
            # Every case the writer reported is there, in the list and in the search index.
            assert store.get_case(f"ADDED-{last_reported}").version == 1
            found = [s.reference for s in store.search_cases(f"added {last_reported}", limit=1000)]
            assert f"ADDED-{last_reported}" in found
            assert store.count_cases(CaseQuery(search="added")) <= case.version - 1
    # At least one kill caught a save before its commit, and the database rolled it back.
    assert interrupted > 0
