"""Benchmark the assessment core: `python bench/assess_bench.py`.

Prints the median time of `assess` on a typical case in-process (target under 5 ms) and of loading all
framework and agency data from disk (target under 100 ms), and of a fuzzy agency look-up (target under 1 ms).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402  (bench/ is the script's folder, first on the path)

from recogniser.agencies import default_agencies, load_agencies  # noqa: E402
from recogniser.casefile import load_case  # noqa: E402
from recogniser.frameworks import default_frameworks, load_frameworks  # noqa: E402
from recogniser.resources import data_dir  # noqa: E402
from recogniser.rules import assess  # noqa: E402
from recogniser.rules.matching import normalise  # noqa: E402


def main() -> None:
    case = load_case(ROOT / "examples" / "maritime-credit-transfer.json")
    frameworks, agencies = default_frameworks(), default_agencies()
    assess(case, frameworks=frameworks, agencies=agencies)  # warm caches once, as the window does
    assess_ms = median_ms(lambda: assess(case, frameworks=frameworks, agencies=agencies), 500)

    def cold() -> None:
        normalise.cache_clear()
        assess(case, frameworks=frameworks, agencies=agencies)

    cold_ms = median_ms(cold, 500)
    load_ms = median_ms(lambda: (load_frameworks(data_dir() / "nqf_levels"), load_agencies()), 30)
    print(f"assess, typical case (median of 500): {assess_ms:.2f} ms  (target < 5 ms)")
    print(f"assess, typical case, outcome-text cache cleared each time: {cold_ms:.2f} ms")
    print(f"load all framework + agency data (median of 30): {load_ms:.1f} ms  (target < 100 ms)")
    lookups = ("Agency for Science and Higher Educaton", "Quality Assurance Agency", "University of Zadar")
    lookup_ms = median_ms(lambda: [agencies.lookup(text) for text in lookups], 200) / len(lookups)
    print(f"agency look-up by a misspelt or partial name (median of 200 x 3): {lookup_ms:.3f} ms  (target < 1 ms)")
    print(f"frameworks: {len(frameworks)}, agencies: {len(agencies.agencies)}")


if __name__ == "__main__":
    main()
