"""Benchmark a command as a whole process: `nice -n 19 python bench/startup_bench.py [--runs N]`.

Prints the median wall-clock and processor time of `recogniser assess CASE` (a case for employment, which
compares no learning outcomes, and one for credit transfer, which does; and the employment case as a file never
checked before, its bytes different on every run, as after each edit), of `recogniser cases list` on a store of
a few cases, and of a bare `python -c pass` beside them: what the command costs beyond starting Python. Goals on
the 2-core development machine: `assess` under 150 ms and `cases list` under 300 ms, whole process.

Each is measured twice: with the project's compiled bytecode kept between runs (as an installed Recogniser runs:
pip compiles it) and with every module compiled from source on each run (PYTHONDONTWRITEBYTECODE=1, as this
checkout runs when that variable is set). Every run uses a fresh user data and settings folder of its own, made
before the first run counted; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(command: list[str], environment: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and processor seconds of one run of ``command``, its output thrown away."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed: {errors.strip()[-300:]}")
    return wall, usage.ru_utime + usage.ru_stime


def _median_ms(
    command: list[str], environment: dict[str, str], cwd: Path, runs: int, before: Callable[[], None] | None = None
) -> tuple[float, float]:
    """``before``, when given, is called before each run, outside the time measured."""
    timings = []
    for run in range(runs + 1):
        if before is not None:
            before()
        timing = _run(command, environment, cwd)
        if run:  # the first is a warm-up: the file system cache, a new store's tables, the checked-data record
            timings.append(timing)
    return (
        statistics.median(wall for wall, _ in timings) * 1000,
        statistics.median(cpu for _, cpu in timings) * 1000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="counted runs of each command (default 15)")
    runs = parser.parse_args().runs
    recogniser = [sys.executable, "-m", "recogniser"]
    bare = [sys.executable, "-c", "pass"]
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        employment = ROOT / "examples" / "online-course-employment.json"
        edited = home / "edited-case.json"
        edits = iter(range(1_000_000))

        def edit() -> None:
            # The same case, its bytes new to the record of checked files (one more space at the end each time).
            edited.write_bytes(employment.read_bytes() + b" " * next(edits))

        commands: dict[str, tuple[list[str], Callable[[], None] | None]] = {
            "assess (employment)": ([*recogniser, "assess", str(employment)], None),
            "assess (new file)": ([*recogniser, "assess", str(edited)], edit),
            "assess (credit transfer)": (
                [*recogniser, "assess", str(ROOT / "examples" / "maritime-credit-transfer.json")],
                None,
            ),
            "cases list": ([*recogniser, "cases", "list"], None),
        }
        base = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "RECOGNISER_DATA_HOME": str(home / "data"),
            "RECOGNISER_CONFIG_HOME": str(home / "config"),
            "RECOGNISER_DATABASE_URL": f"sqlite:///{home / 'cases.db'}",
        }
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        cached = {**base, "PYTHONPYCACHEPREFIX": str(home / "bytecode")}
        from_source = {**base, "PYTHONDONTWRITEBYTECODE": "1"}
        examples = sorted(str(path) for path in (ROOT / "examples").glob("*.json"))
        _run([*recogniser, "cases", "add", *examples], cached, home)
        print(f"median of {runs} runs each, milliseconds (wall-clock / processor); + is beyond python -c pass")
        for label, environment in (("bytecode kept", cached), ("compiled from source", from_source)):
            print(f"\n{label}:")
            bare_wall, bare_cpu = _median_ms(bare, environment, home, runs)
            print(f"  {'python -c pass':26} {bare_wall:6.0f} / {bare_cpu:4.0f}")
            for name, (command, before) in commands.items():
                wall, cpu = _median_ms(command, environment, home, runs, before)
                print(f"  {name:26} {wall:6.0f} / {cpu:4.0f}   (+{wall - bare_wall:.0f} / +{cpu - bare_cpu:.0f})")


if __name__ == "__main__":
    main()
