"""Seminar mode: exercise packs for breakout groups, their responses, and a comparison of their verdicts.

The Qt-free API every front end uses: :func:`open_pack` / :func:`build_pack` for packs, :func:`build_response`
and :func:`write_response` for a group's answer, :func:`read_responses` and :func:`compare` for the facilitator.
"""

from recogniser.seminar.compare import (
    CHART_COLOURS,
    OUTCOME_ORDER,
    CaseComparison,
    Comparison,
    GroupVerdict,
    Kappa,
    Rejection,
    ResponseSource,
    compare,
    fleiss_kappa,
    read_responses,
)
from recogniser.seminar.pack import (
    CaseSource,
    Pack,
    PackCase,
    PackError,
    build_exercise_pack,
    build_pack,
    exercise_sources,
    open_pack,
    read_pack_bytes,
    sources_from_files,
    write_pack,
)
from recogniser.seminar.response import (
    Response,
    ResponseError,
    Verdict,
    build_response,
    load_response,
    load_verdicts,
    mismatches,
    verdicts_document,
    write_response,
    write_verdicts,
)

__all__ = [
    "CHART_COLOURS",
    "OUTCOME_ORDER",
    "CaseComparison",
    "CaseSource",
    "Comparison",
    "GroupVerdict",
    "Kappa",
    "Pack",
    "PackCase",
    "PackError",
    "Rejection",
    "Response",
    "ResponseError",
    "ResponseSource",
    "Verdict",
    "build_exercise_pack",
    "build_pack",
    "build_response",
    "compare",
    "exercise_sources",
    "fleiss_kappa",
    "load_response",
    "load_verdicts",
    "mismatches",
    "open_pack",
    "read_pack_bytes",
    "read_responses",
    "sources_from_files",
    "verdicts_document",
    "write_pack",
    "write_response",
    "write_verdicts",
]
