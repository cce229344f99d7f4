"""The comparison PDF: the numbers, the chart, every group's words in its own script."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

import recogniser.seminar.pdf as seminar_pdf
from recogniser.casefile import parse_case
from recogniser.cli import main
from recogniser.model import Outcome
from recogniser.rules import assess
from recogniser.seminar import (
    CaseComparison,
    CaseSource,
    Comparison,
    ResponseSource,
    Verdict,
    build_exercise_pack,
    build_pack,
    build_response,
    compare,
    exercise_sources,
)
from recogniser.seminar.pdf import render_comparison_pdf
from recogniser.seminar.response import write_response

GROUPS = ("Группа Київ", "ჯგუფი თბილისი", "Group Zadar")


def exercise_comparison(groups: tuple[str, ...]) -> Comparison:
    """The exercise pack compared over ``groups``' responses (the last group decides otherwise on every case) and
    a response that could not be read."""
    _data, pack = build_exercise_pack()
    responses = []
    for index, group in enumerate(groups):
        verdicts = {}
        for pack_case in pack.cases:
            tool = assess(pack_case.case).recommendation
            outcome = Outcome.NON_RECOGNITION if index == len(groups) - 1 else tool.outcome
            verdicts[pack_case.id] = Verdict(outcome, tool.ects_recognised, f"{group}: обоснование {index}")
        responses.append(ResponseSource(f"r{index}.json", build_response(pack, group, verdicts)))
    broken = ResponseSource("broken.json", None, ("not valid JSON",))
    return compare(pack, [*responses, broken])


@pytest.fixture(scope="module")
def comparison_pdf() -> bytes:
    return render_comparison_pdf(exercise_comparison(GROUPS))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_holds_the_numbers_and_the_groups(comparison_pdf: bytes) -> None:
    text = _text(comparison_pdf)
    assert "Seminar comparison" in text
    for group in GROUPS:
        assert group in text
    assert "обоснование 2" in text
    assert "Fleiss' kappa over 9 cases and 3 groups" in text
    assert "broken.json" in text and "malformed: not valid JSON" in text
    assert "Outcomes per case" in text
    assert "The tool's findings, to discuss where groups differ" in text
    # The chart's legend and the tool column are drawn text.
    assert "Information required" in text
    assert "number of groups" in text


def test_the_pdf_embeds_the_fonts_for_every_script(comparison_pdf: bytes) -> None:
    fonts: set[str] = set()
    for page in PdfReader(io.BytesIO(comparison_pdf)).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("NotoSans-" in name or name.endswith("NotoSans") for name in fonts)
    assert any("Georgian" in name for name in fonts)


def test_compare_writes_the_pdf_and_never_replaces_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, pack = build_exercise_pack()
    pack_file = tmp_path / "pack.zip"
    pack_file.write_bytes(data)
    response = tmp_path / "a.json"
    verdicts = {case.id: Verdict(Outcome.FULL_RECOGNITION, None, "") for case in pack.cases}
    write_response(response, build_response(pack, "Group A", verdicts))
    pdf = tmp_path / "comparison.pdf"
    assert main(["seminar", "compare", str(pack_file), str(response), "--pdf", str(pdf)]) == 0
    assert f"Wrote {pdf}." in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF")
    before = pdf.read_bytes()
    assert main(["seminar", "compare", str(pack_file), str(response), "--pdf", str(pdf)]) == 2
    assert "already exists; give --force" in capsys.readouterr().err
    assert pdf.read_bytes() == before


def test_the_tool_s_sentences_quoting_a_right_to_left_title_are_isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    source = next(s for s in exercise_sources() if s.id.startswith("07"))
    document = copy.deepcopy(dict(source.case.document))
    document["credential"]["title"] = "علم الأدوية السريري"
    _, pack = build_pack([CaseSource("arabic", parse_case(document))], title="Right to left")
    verdicts = {"arabic": Verdict(Outcome.NON_RECOGNITION, None, "")}
    comparison = compare(pack, [ResponseSource("a.json", build_response(pack, "Group A", verdicts))])
    shown: list[CaseComparison] = []
    real_section = seminar_pdf._case_section

    def recording_section(case: CaseComparison, width: float) -> list[Flowable]:
        shown.append(case)
        return real_section(case, width)

    monkeypatch.setattr(seminar_pdf, "_case_section", recording_section)
    render_comparison_pdf(comparison)
    # The comparison keeps the decision as the tool gave it; the page shows the title isolated (UAX #9).
    assert "\u2068" not in comparison.cases[0].tool.recommendation.summary
    assert "'\u2068علم الأدوية السريري\u2069'" in shown[0].tool.recommendation.summary


def test_every_page_says_which_of_how_many_it_is(comparison_pdf: bytes) -> None:
    pages = PdfReader(io.BytesIO(comparison_pdf)).pages
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        # The count is a form drawn after "Page X of ": text extraction puts it on a line of its own.
        assert f"Page {number} of {len(pages)}" in " ".join(page.extract_text().split())


def test_a_group_name_no_bundled_font_draws_is_marked_and_the_pdf_says_where_the_original_is(
    comparison_pdf: bytes,
) -> None:
    _data, pack = build_exercise_pack()
    verdicts = {case.id: Verdict(Outcome.FULL_RECOGNITION, None, "学习成果 🚢 covered") for case in pack.cases}
    response = ResponseSource("a.json", build_response(pack, "小组 丙", verdicts))
    text = " ".join(_text(render_comparison_pdf(compare(pack, [response]))).split())
    assert "[3 characters not printable]" in text
    assert "[5 characters not printable] covered" in text
    assert "Some text could not be printed." in text
    assert "The original text is in the groups' response files and in the pack's case files" in text
    # A comparison whose text all prints says nothing of the kind.
    assert "could not be printed" not in _text(comparison_pdf)


def test_a_justification_longer_than_a_page_goes_on_over_the_next_under_the_column_headings() -> None:
    source = exercise_sources()[0]
    _, pack = build_pack([CaseSource("long", source.case)], title="Long justification")
    justification = "Begin. " + "The group weighed the level of the credential against the target. " * 150 + "End."
    verdicts = {"long": Verdict(Outcome.NON_RECOGNITION, None, justification)}
    comparison = compare(pack, [ResponseSource("a.json", build_response(pack, "Group A", verdicts))])
    pdf = render_comparison_pdf(comparison)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    begin = next(i for i, page in enumerate(pages) if "Begin. The group weighed" in page)
    end = next(i for i, page in enumerate(pages) if "against the target. End." in page)
    assert end > begin
    for page in pages[begin + 1 : end + 1]:
        assert page.startswith("Group Outcome ECTS Justification")


def test_a_pack_of_more_cases_than_a_page_holds_gets_its_chart_over_several_pages() -> None:
    sources = exercise_sources(with_notes=False)
    cases = [CaseSource(f"case-{n:03d}", sources[n % len(sources)].case) for n in range(70)]
    _, pack = build_pack(cases, title="A large seminar")
    responses = []
    for group in ("Group A", "Group B"):
        verdicts = {case.id: Verdict(Outcome.PARTIAL_RECOGNITION, None, f"{group} on {case.id}") for case in pack.cases}
        responses.append(ResponseSource(f"{group}.json", build_response(pack, group, verdicts)))
    pdf = render_comparison_pdf(compare(pack, responses))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    charts = [index for index, text in enumerate(pages) if "number of groups" in text]
    assert len(charts) == 3  # 30 + 30 + 10 cases, each part on a page of its own
    assert len(set(charts)) == 3
    assert all(f"case-{n:03d}" in "\n".join(pages[: charts[-1] + 1]) for n in range(70))
