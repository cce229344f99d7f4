"""Benchmark stacking: `python bench/stack_bench.py`.

Prints the median time of `assess` on a stack of 10 credentials of 50 learning outcomes each against 50 target
outcomes, re-assessed after a keystroke in one outcome as the window does (target under 50 ms, the window's
keystroke budget), and with the outcome-text cache cleared each time.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extreme_cases import stacked  # noqa: E402  (bench/ is the script's folder, first on the path)
from timing import median_ms  # noqa: E402

from recogniser.agency_file import default_agencies  # noqa: E402
from recogniser.frameworks import default_frameworks  # noqa: E402
from recogniser.rules import assess, languages, matching, stacking  # noqa: E402


def main() -> None:
    frameworks, agencies = default_frameworks(), default_agencies()
    case = stacked()
    decision = assess(case, frameworks=frameworks, agencies=agencies)  # warm caches once, as the window does
    assert decision.stack is not None and len(decision.stack.credentials) == 10
    # Each keystroke adds a letter to the last outcome of the last credential: a text never assessed before.
    edits = iter([stacked(typed="s" * count) for count in range(1, 31)])
    keystroke_ms = median_ms(lambda: assess(next(edits), frameworks=frameworks, agencies=agencies), 30)

    def cold() -> None:
        matching.clear_cache()
        stacking.clear_cache()
        languages.clear_cache()
        assess(case, frameworks=frameworks, agencies=agencies)

    cold_ms = median_ms(cold, 10)
    print(
        "assess, stack of 10 credentials x 50 outcomes against 50 target outcomes, after a keystroke in one outcome "
        f"(median of 30): {keystroke_ms:.1f} ms  (target < 50 ms)"
    )
    print(f"assess, the same stack, outcome-text cache cleared each time (median of 10): {cold_ms:.1f} ms")


if __name__ == "__main__":
    main()
