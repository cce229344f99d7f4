"""Median time to render the recommendation report for a typical case, and the size of the PDF.

Run from the project folder: ``python bench/report_bench.py [--runs N]``. The typical case is the maritime
credit-transfer example (four target outcomes, a dozen findings); the assessment is made with the same
pipeline the command line uses when it is available, else with a decision built from the case.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recogniser.casefile import load_case  # noqa: E402
from recogniser.model import Case, Decision  # noqa: E402
from recogniser.report import ReportSettings, render_report  # noqa: E402

TARGET_MS = 300.0


def typical_decision(case: Case) -> Decision:
    from recogniser.rules import assess

    return assess(case)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    case = load_case(ROOT / "examples" / "maritime-credit-transfer.json")
    decision = typical_decision(case)
    settings = ReportSettings(office_name="ENIC-NARIC Croatia", evaluator_name="Ana Horvat")
    render_report(case, decision, settings)  # fonts load once per process; the first run pays for that
    times = []
    size = 0
    for _ in range(options.runs):
        start = time.perf_counter()
        size = len(render_report(case, decision, settings))
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"report: median {median:.0f} ms per report over {options.runs} runs (target < {TARGET_MS:.0f} ms)")
    print(f"report: {size / 1024:.0f} KiB per PDF, case file attached")
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
