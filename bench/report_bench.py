"""Benchmark the recommendation report: `python bench/report_bench.py`.

Prints the median time to render the PDF for a typical case (the maritime credit-transfer example: four target
outcomes, about fifty findings, the case file attached; target under 300 ms) and the size of the file. Only the
rendering is timed; the assessment is made once beforehand. Then, once, the report for the largest outcomes the
case format accepts (five a side of 90,000 characters), with its page count.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extreme_cases import long_outcomes  # noqa: E402  (bench/ is the script's folder, first on the path)
from timing import median_ms  # noqa: E402

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
    extreme = long_outcomes()
    extreme_decision = assess(extreme)
    start = time.perf_counter()
    pdf = render_report(extreme, extreme_decision, settings)
    seconds = time.perf_counter() - start
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    print(f"report, 5 x 5 outcomes of 90,000 characters: {seconds:.1f} s, {pages} pages, {len(pdf) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
