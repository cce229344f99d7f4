"""Benchmark the recommendation report: `python bench/report_bench.py`.

Prints the median time to render the PDF for a typical case (the maritime credit-transfer example: four target
outcomes, about fifty findings, the case file attached; target under 300 ms) and the size of the file. Only the
rendering is timed; the assessment is made once beforehand.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402  (bench/ is the script's folder, first on the path)

from recogniser.casefile import load_case  # noqa: E402
from recogniser.report import ReportSettings, render_report  # noqa: E402
from recogniser.rules import assess  # noqa: E402


def main() -> None:
    case = load_case(ROOT / "examples" / "maritime-credit-transfer.json")
    decision = assess(case)
    settings = ReportSettings(office_name="ENIC-NARIC Croatia", evaluator_name="Ana Horvat")
    size = len(render_report(case, decision, settings))  # the first report also loads the fonts
    report_ms = median_ms(lambda: render_report(case, decision, settings), 20)
    print(f"report, typical case (median of 20): {report_ms:.0f} ms  (target < 300 ms)")
    print(f"report size: {size / 1024:.0f} KiB, {len(decision.findings)} findings, case file attached")


if __name__ == "__main__":
    main()
