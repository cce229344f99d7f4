"""The expert case set: cases written from an evaluator's standpoint, each with the verdict a careful evaluator
could defend (``tests/rules/expert/verdicts.json``), written from the texts before the tool was run on them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from recogniser.casefile import load_case
from recogniser.model import Case

EXPERT = Path(__file__).resolve().parent / "expert"


def expert_cases() -> list[tuple[str, Case]]:
    """Every expert case, by its file name."""
    return [(path.name, load_case(path)) for path in sorted((EXPERT / "cases").glob("*.json"))]


def expert_verdicts() -> dict[str, dict[str, Any]]:
    path = EXPERT / "verdicts.json"
    if not path.exists():
        return {}
    verdicts: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))["cases"]
    return verdicts
