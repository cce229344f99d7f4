"""Benchmark the seminar comparison at the largest size the formats allow: `python bench/seminar_bench.py`.

Builds a pack of 200 cases (the pack format's limit) and 50 groups' responses whose justifications are 20,000
characters long (the response format's limit), then runs `recogniser seminar compare` on them as a user would,
with `--json` and with `--pdf`, and prints each run's time and peak memory beside the size of its input; then
the same for `recogniser import` of the largest credential accepted (as `bench/import_bench.py` ends).
Smaller sizes: `python bench/seminar_bench.py CASES GROUPS JUSTIFICATION_CHARACTERS`.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from import_bench import largest_import  # noqa: E402  (bench/ is the script's folder, first on the path)
from process import run_recogniser  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from recogniser.model import Outcome  # noqa: E402
from recogniser.rules import assess  # noqa: E402
from recogniser.seminar import CaseSource, Verdict, build_pack, build_response, exercise_sources  # noqa: E402
from recogniser.seminar.pack import write_pack  # noqa: E402
from recogniser.seminar.response import write_response  # noqa: E402

#: The kernel stops a run that would use more address space than this: the machine is shared.
MEMORY_LIMIT_MB = 8_000

_WORDS = ("the", "group", "weighed", "workload", "level", "outcomes", "and", "quality", "assurance", "against")


def justification(rng: random.Random, characters: int) -> str:
    words: list[str] = []
    length = 0
    while length < characters:
        word = rng.choice(_WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words)[:characters]


def build_inputs(folder: Path, cases: int, groups: int, characters: int) -> tuple[Path, list[Path]]:
    sources = exercise_sources(with_notes=False)
    pack_sources = [CaseSource(f"case-{n:03d}", sources[n % len(sources)].case) for n in range(cases)]
    data, pack = build_pack(pack_sources, title=f"Benchmark: {cases} cases, {groups} groups")
    pack_path = folder / "pack.zip"
    write_pack(pack_path, data)
    tool = {case.id: assess(case.case).recommendation for case in pack.cases}
    rng = random.Random(15)
    responses = []
    for group in range(groups):
        verdicts = {}
        for case in pack.cases:
            # Most groups follow the tool; the others ask for more information, which grants no credits.
            agrees = rng.random() < 0.6
            outcome = tool[case.id].outcome if agrees else Outcome.INFORMATION_REQUIRED
            ects = tool[case.id].ects_recognised if agrees else None
            verdicts[case.id] = Verdict(outcome, ects, justification(rng, characters))
        path = folder / f"response-{group:02d}.json"
        write_response(path, build_response(pack, f"Group {group + 1:02d}", verdicts))
        responses.append(path)
    return pack_path, responses


def main() -> None:
    cases, groups, characters = (int(value) for value in (sys.argv[1:] or ["200", "50", "20000"]))
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        pack, responses = build_inputs(folder, cases, groups, characters)
        size_mb = sum(path.stat().st_size for path in [pack, *responses]) / 1024 / 1024
        print(f"seminar comparison of {cases} cases x {groups} groups, justifications of {characters:,} characters")
        print(f"input: pack and {len(responses)} responses, {size_mb:,.0f} MB")
        files = [str(pack), *map(str, responses)]
        as_json = run_recogniser(["seminar", "compare", *files, "--json"], cwd=folder, memory_limit_mb=MEMORY_LIMIT_MB)
        print(as_json.line("compare --json"))
        pdf = folder / "comparison.pdf"
        as_pdf = run_recogniser(
            ["seminar", "compare", *files, "--pdf", str(pdf)], cwd=folder, memory_limit_mb=MEMORY_LIMIT_MB
        )
        pages = ""
        if pdf.exists():
            pages = f", {len(PdfReader(pdf).pages):,} pages, {pdf.stat().st_size / 1024 / 1024:,.1f} MB PDF"
        print(as_pdf.line("compare --pdf") + pages)
        # The other largest input a user can hand the command line, measured beside the seminar's.
        print(largest_import(folder))


if __name__ == "__main__":
    main()
