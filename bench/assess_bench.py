"""Benchmark the assessment core: `python bench/assess_bench.py`.

Prints the median time of `assess` on a typical case in-process (target under 5 ms) and on the largest cases the
case format accepts (500 outcomes a side; outcomes of 90,000 characters), of loading all framework and agency
data from disk (target under 100 ms), and of a fuzzy agency look-up (target under 1 ms).
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extreme_cases import long_outcomes, many_outcomes  # noqa: E402  (bench/ is the script's folder, first on the path)
from timing import median_ms  # noqa: E402

from recogniser.agency_file import default_agencies, load_agencies  # noqa: E402
from recogniser.casefile import load_case  # noqa: E402
from recogniser.frameworks import default_frameworks, load_frameworks  # noqa: E402
from recogniser.model import Case  # noqa: E402
from recogniser.resources import data_dir  # noqa: E402
from recogniser.rules import assess, matching  # noqa: E402


def main() -> None:
    case = load_case(ROOT / "examples" / "maritime-credit-transfer.json")
    frameworks, agencies = default_frameworks(), default_agencies()
    assess(case, frameworks=frameworks, agencies=agencies)  # warm caches once, as the window does
    assess_ms = median_ms(lambda: assess(case, frameworks=frameworks, agencies=agencies), 500)

    def cold(case: Case) -> None:
        matching.clear_cache()
        assess(case, frameworks=frameworks, agencies=agencies)

    cold_ms = median_ms(lambda: cold(case), 500)
    many, long = many_outcomes(), long_outcomes()
    many_ms = median_ms(lambda: cold(many), 5)
    long_ms = median_ms(lambda: cold(long), 5)
    # A keystroke in one of the 500 credential outcomes, as the window re-assesses after it.
    edits = itertools.cycle([many_outcomes(typed="s"), many])
    keystroke_ms = median_ms(lambda: assess(next(edits), frameworks=frameworks, agencies=agencies), 20)
    load_ms = median_ms(lambda: (load_frameworks(data_dir() / "nqf_levels"), load_agencies()), 30)
    print(f"assess, typical case (median of 500): {assess_ms:.2f} ms  (target < 5 ms)")
    print(f"assess, typical case, outcome-text cache cleared each time: {cold_ms:.2f} ms")
    print(
        f"assess, extreme input, outcome-text cache cleared each time (median of 5): 500 x 500 outcomes "
        f"{many_ms:.0f} ms; 5 x 5 outcomes of 90,000 characters {long_ms:.0f} ms"
    )
    print(f"assess, 500 x 500 outcomes, after a keystroke in one outcome (median of 20): {keystroke_ms:.0f} ms")
    print(f"load all framework + agency data (median of 30): {load_ms:.1f} ms  (target < 100 ms)")
    lookups = ("Agency for Science and Higher Educaton", "Quality Assurance Agency", "University of Zadar")
    lookup_ms = median_ms(lambda: [agencies.lookup(text) for text in lookups], 200) / len(lookups)
    print(f"agency look-up by a misspelt or partial name (median of 200 x 3): {lookup_ms:.3f} ms  (target < 1 ms)")
    print(f"frameworks: {len(frameworks)}, agencies: {len(agencies.agencies)}")


if __name__ == "__main__":
    main()
