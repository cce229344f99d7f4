"""The comparison at the largest size the formats allow: 200 cases (the pack's limit) answered by 50 groups.

The justifications here are short, so that the test stays quick; the printed budget is lowered instead, so that
the shortening a pack of 20,000-character justifications meets is exercised all the same (the full size is
measured by ``bench/seminar_bench.py``).
"""

from __future__ import annotations

import importlib
import io
import json
import re
from itertools import pairwise

import pytest
from pypdf import PdfReader

from recogniser.commands.seminar_command import format_comparison
from recogniser.model import Outcome
from recogniser.rules import assess
from recogniser.seminar import (
    CaseSource,
    Comparison,
    Pack,
    ResponseError,
    ResponseSource,
    Verdict,
    build_pack,
    build_response,
    compare,
    exercise_sources,
)
from recogniser.seminar.compare import justification_limit, printed_justification
from recogniser.seminar.pdf import CASES_PER_CHART, render_comparison_pdf
from recogniser.seminar.response import dumps_json, parse_response

CASES = 200
GROUPS = 50
#: Lowered from millions for the test: 10,000 justifications of 60 to 400 characters do not fit in it.
BUDGET = 1_000_000

# The module, not the function `compare` the package exports under the same name.
seminar_compare = importlib.import_module("recogniser.seminar.compare")


def _justification(group: int, case: int) -> str:
    words = f"Group {group} weighed case {case} against the target's level and workload."
    return " ".join([words] * (1 + (group * 7 + case) % 6))


@pytest.fixture(scope="module")
def responses() -> tuple[Pack, list[ResponseSource]]:
    sources = exercise_sources(with_notes=False)
    pack_sources = [CaseSource(f"case-{n:03d}", sources[n % len(sources)].case) for n in range(CASES)]
    _, pack = build_pack(pack_sources, title="The largest seminar")
    first = build_response(
        pack, "Group 01", {case.id: Verdict(Outcome.INFORMATION_REQUIRED, None, "") for case in pack.cases}
    )
    tool = {case.id: assess(case.case).recommendation for case in pack.cases}
    shown = [case.decision.to_json() for case in first.cases]
    read = []
    for group in range(GROUPS):
        # Every group is shown the same decisions (assessed once above) and answers in its own way.
        cases = []
        for number, answered in enumerate(first.cases):
            agrees = (group + number) % 3 != 0
            recommendation = tool[answered.case_id]
            cases.append(
                {
                    "case_id": answered.case_id,
                    "case_sha256": answered.case_sha256,
                    "outcome": (recommendation.outcome if agrees else Outcome.INFORMATION_REQUIRED).value,
                    "ects": recommendation.ects_recognised if agrees else None,
                    "justification": _justification(group, number),
                    "decision": shown[number],
                }
            )
        source = f"response-{group:02d}.json"
        document = {**first.to_json(), "group": f"Group {group + 1:02d}", "cases": cases}
        read.append(ResponseSource(source, parse_response(document, source=source)))
    return pack, read


@pytest.fixture(scope="module")
def largest(responses: tuple[Pack, list[ResponseSource]]) -> Comparison:
    pack, read = responses
    return compare(pack, read)


@pytest.fixture(scope="module")
def largest_pdf(largest: Comparison) -> PdfReader:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(seminar_compare, "PRINTED_JUSTIFICATION_CHARACTERS", BUDGET)
        return PdfReader(io.BytesIO(render_comparison_pdf(largest)))


def _page_text(reader: PdfReader, index: int) -> str:
    return " ".join(reader.pages[index].extract_text().split())


def test_every_case_and_group_is_compared(largest: Comparison) -> None:
    assert len(largest.cases) == CASES
    assert len(largest.groups) == GROUPS
    assert not largest.rejected
    assert all(len(case.verdicts) == GROUPS for case in largest.cases)
    assert largest.kappa.value is not None


def test_responses_share_the_decisions_they_were_shown(responses: tuple[Pack, list[ResponseSource]]) -> None:
    # Fifty responses hold the same decision for each case: it is checked and read once, and held once.
    _, read = responses
    for number in range(CASES):
        decisions = {id(source.response.cases[number].decision) for source in read if source.response}
        assert len(decisions) == 1


def test_a_wrong_decision_is_found_in_every_response_that_holds_it(
    responses: tuple[Pack, list[ResponseSource]],
) -> None:
    _, read = responses
    good = read[0].response
    assert good is not None
    document = json.loads(dumps_json(good.to_json()))
    document["cases"][1]["decision"]["purpose"] = "none_of_these"
    for _ in range(2):
        with pytest.raises(ResponseError) as raised:
            parse_response(json.loads(json.dumps(document)), source="wrong.json")
        assert any(line.startswith("cases[1].decision.purpose") for line in raised.value.problems)


def test_the_json_is_written_a_case_at_a_time_as_the_whole_would_be(largest: Comparison) -> None:
    pieces = list(largest.json_text())
    assert len(pieces) == CASES + 2
    assert "".join(pieces) == dumps_json(largest.to_json())
    assert len(json.loads("".join(pieces))["cases"]) == CASES


def test_the_charts_go_over_several_pages_each_under_its_heading(largest_pdf: PdfReader) -> None:
    parts = -(-CASES // CASES_PER_CHART)
    chart_pages = []
    for index in range(min(len(largest_pdf.pages), parts + 3)):
        text = _page_text(largest_pdf, index)
        shown = re.search(r"Cases (\d+)–(\d+) of 200", text)
        if shown:
            assert "Outcomes per case" in text
            assert "number of groups" in text and "Tool" in text and "Information required" in text
            chart_pages.append((int(shown[1]), int(shown[2])))
    assert len(chart_pages) == parts
    assert chart_pages[0] == (1, CASES_PER_CHART)
    assert chart_pages[-1][1] == CASES
    # One after the other, none left out.
    assert all(after[0] == before[1] + 1 for before, after in pairwise(chart_pages))


def test_the_last_case_and_group_are_printed(largest_pdf: PdfReader) -> None:
    last = _page_text(largest_pdf, len(largest_pdf.pages) - 1)
    assert "Group 50" in last
    assert f"Page {len(largest_pdf.pages)} of {len(largest_pdf.pages)}" in last


def test_justifications_beyond_the_budget_are_shortened_and_say_so(largest: Comparison, largest_pdf: PdfReader) -> None:
    limit = justification_limit(largest, BUDGET)
    assert limit is not None
    printed = [printed_justification(v.justification, limit) for case in largest.cases for v in case.verdicts]
    assert sum(min(len(v.justification), limit) for case in largest.cases for v in case.verdicts) <= BUDGET
    assert any("more characters: the whole justification is in the group's response file" in p for p in printed)
    assert "are shortened to about that length here" in " ".join(_page_text(largest_pdf, i) for i in range(2))


def test_the_budget_shortens_only_the_longest(largest: Comparison) -> None:
    lengths = sorted(len(v.justification) for case in largest.cases for v in case.verdicts)
    assert justification_limit(largest, sum(lengths)) is None
    limit = justification_limit(largest, sum(lengths) - 1)
    # One character too many: the longest are cut by a character or so, every other one printed whole.
    assert limit is not None and lengths[-1] - 1 <= limit < lengths[-1]
    assert justification_limit(largest, len(lengths) * 10) == 10


def test_a_shortened_justification_ends_at_a_word_and_counts_what_is_left_out() -> None:
    text = "The group weighed the level. " * 100
    shown = printed_justification(text, 100)
    excerpt, note = shown.split(" … ")
    assert text.startswith(excerpt) and len(excerpt) <= 100 and text[len(excerpt)] == " "
    assert (
        note
        == f"[{len(text) - len(excerpt):,} more characters: the whole justification is in the group's response file]"
    )
    assert printed_justification("short", 100) == "short"
    assert printed_justification("x" * 300, 100).startswith("x" * 100 + " … [200 more")


def test_the_readable_comparison_shortens_as_the_pdf_does(largest: Comparison, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seminar_compare, "PRINTED_JUSTIFICATION_CHARACTERS", BUDGET)
    text = " ".join(format_comparison(largest).split())
    assert "[case-199]" in text
    assert "the whole text is in the groups' response files" in text
    assert "more characters: the whole justification is in the group's response file" in text


def test_a_justification_of_the_longest_allowed_names_its_group_on_every_page_it_goes_on() -> None:
    source = exercise_sources()[0]
    _, pack = build_pack([CaseSource("long", source.case)], title="Longest justification")
    # The response format's limit, all printed: one justification is far within the budget.
    justification = ("The group weighed the level of the credential against the target. " * 300)[:20_000]
    verdicts = {"long": Verdict(Outcome.NON_RECOGNITION, None, justification)}
    comparison = compare(pack, [ResponseSource("a.json", build_response(pack, "Группа Київ", verdicts))])
    reader = PdfReader(io.BytesIO(render_comparison_pdf(comparison)))
    pages = [_page_text(reader, index) for index in range(len(reader.pages))]
    holding = [index for index, page in enumerate(pages) if "The group weighed the level" in page]
    assert len(holding) >= 3
    for index in holding[1:]:
        assert "Group Outcome ECTS Justification" in pages[index]
        assert "Группа Київ (continued)" in pages[index]
    assert "more characters" not in " ".join(pages)
