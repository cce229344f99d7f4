"""Timing shared by the benchmarks."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable


def median_ms(action: Callable[[], object], repeats: int) -> float:
    """The median wall-clock time of ``action`` over ``repeats`` runs, in milliseconds."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def timed(action: Callable[[], object], repeats: int, server: int | None = None) -> tuple[float, float]:
    """The median wall-clock time of ``action`` over ``repeats`` runs and its mean processor time, in milliseconds.

    Processor time is this process's and, with ``server`` (a local database server's process id), that of the
    server and every process it started (read from /proc): on a shared machine it is disturbed far less than the
    wall-clock time by what else runs."""
    start = processor_ms(server)
    wall = median_ms(action, repeats)
    return wall, (processor_ms(server) - start) / repeats


def processor_ms(server: int | None = None) -> float:
    """The processor time used so far, in milliseconds, by this process and, with ``server`` (a local database
    server's process id), by the server and every process it started (read from /proc, Linux)."""
    return time.process_time() * 1000 + _server_ms(server)


def _server_ms(server: int | None) -> float:
    if server is None:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            fields = open(f"/proc/{entry.name}/stat", encoding="ascii").read().rsplit(")", 1)[1].split()  # noqa: SIM115
        except OSError:
            continue  # ended meanwhile
        # After the name: state, ppid, ... utime and stime are the 12th and 13th.
        if int(entry.name) == server or int(fields[1]) == server:
            total += int(fields[11]) + int(fields[12])
    return total * 1000 / ticks
