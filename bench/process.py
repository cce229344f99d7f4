"""Running a command as a process of its own and measuring it: wall-clock time, processor time (which a busy
machine disturbs less) and peak memory (its maximum resident set size, as the kernel counts it)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Measured:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    exit_code: int
    stderr: str

    def line(self, label: str) -> str:
        outcome = "" if self.exit_code == 0 else f"  (exit {self.exit_code}: {self.stderr.strip()[-200:]})"
        return (
            f"{label}: {self.seconds:.1f} s ({self.cpu_seconds:.1f} s of processor time), "
            f"peak memory {self.peak_mb:,.0f} MB{outcome}"
        )


def run_recogniser(arguments: list[str], *, cwd: Path, memory_limit_mb: int | None = None) -> Measured:
    """``recogniser ARGUMENTS`` in ``cwd``, its output thrown away; stopped by the kernel when it would use more
    than ``memory_limit_mb`` of address space."""
    limit = memory_limit_mb

    def limited() -> None:
        if limit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (limit * 1024 * 1024, limit * 1024 * 1024))

    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "recogniser", *arguments],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT), "RECOGNISER_DATA_HOME": str(cwd / "data")},
        preexec_fn=limited,  # noqa: PLW1509 - only setrlimit, in the child before exec
    )
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(time.perf_counter() - start, cpu, usage.ru_maxrss / 1024, process.returncode, stderr)
