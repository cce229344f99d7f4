"""Calibrates the agency look-up's candidate cut-offs on the labelled name variants (tests/agency_names.py).

For each cut-off it counts, over the variants, a wrong agency FOUND, a right agency missed, and unrelated
candidates offered (agencies of another country than the one given, or candidates for a text that names none).
Run: python -m bench.agency_lookup_calibration
"""

from __future__ import annotations

from recogniser import agencies
from recogniser.agencies import MatchStatus
from recogniser.agency_file import load_agencies
from tests.agency_names import NAME_VARIANTS


def errors(candidate_cutoff: float, found_cutoff: float) -> tuple[int, int, int]:
    saved = agencies.CANDIDATE_CUTOFF, agencies.FOUND_CUTOFF
    agencies.CANDIDATE_CUTOFF, agencies.FOUND_CUTOFF = candidate_cutoff, found_cutoff
    try:
        register = load_agencies()
        wrong = missed = unrelated = 0
        for variant in NAME_VARIANTS:
            match = register.lookup(variant.text, country=variant.country)
            named = match.agency.acronym if match.agency and match.status is MatchStatus.FOUND else None
            if named is not None and named != variant.agency:
                wrong += 1
            if variant.agency is not None and named != variant.agency:
                missed += 1
            for candidate in match.candidates:
                if variant.agency is None or (variant.country and candidate.country != variant.country):
                    unrelated += 1
        return wrong, missed, unrelated
    finally:
        agencies.CANDIDATE_CUTOFF, agencies.FOUND_CUTOFF = saved


def main() -> None:
    print(f"{len(NAME_VARIANTS)} labelled variants; errors as wrong / missed / unrelated candidates")
    print("found cut-off:  " + "".join(f"{found:>12.0f}" for found in (75, 80, 85, 90)))
    for candidate in (50, 60, 65, 70, 75, 80, 85):
        cells = "".join(f"{'/'.join(map(str, errors(candidate, found))):>12}" for found in (75, 80, 85, 90))
        print(f"candidates {candidate:>3}: {cells}")


if __name__ == "__main__":
    main()
