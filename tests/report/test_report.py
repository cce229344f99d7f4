"""The recommendation report: every section, the citations, any script, hostile text, metadata, atomic writes."""

from __future__ import annotations

import copy
import dataclasses
import io
import json
import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

import recogniser.report.render as render_module
from recogniser.casefile import canonical_json, case_sha256
from recogniser.model import (
    Decision,
    Element,
    Finding,
    Outcome,
    OutcomeMatch,
    Recommendation,
    RuleSet,
    Status,
    SubstantialDifference,
)
from recogniser.report import ReportSettings, render_report, write_report
from recogniser.store import StoredDecision
from tests.report.factories import case_from, decision_for, example_document

SETTINGS = ReportSettings(office_name="ENIC-NARIC Croatia", evaluator_name="Ana Horvat", office_address="Zagreb")


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(pdf: bytes) -> str:
    """All text of the report on one line: table cells wrap, so phrases are checked with single spaces."""
    return " ".join(" ".join(pages_text(pdf)).split())


def maritime() -> tuple[dict[str, object], Decision]:
    document = example_document("maritime-credit-transfer.json")
    case = case_from(document)
    return document, decision_for(case)


def test_every_section_is_there_in_order() -> None:
    document, decision = maritime()
    text = flat(render_report(case_from(document), decision, SETTINGS, today=date(2026, 3, 1)))
    headings = [
        "Recognition recommendation",
        "1. The micro-credential, element by element",
        "2. What recognition is sought for",
        "3. The five elements",
        "4. Learning outcomes compared",
        "5. Findings by rule set",
        "6. Recommendation",
        "7. Substantial differences and appeal",
        "8. Decision of the evaluator",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    for value in ("ENIC-NARIC Croatia", "Ana Horvat", "EXAMPLE-01", "2026-03-01", "Credit transfer into a programme"):
        assert value in text


def test_the_header_credential_and_target_show_the_case() -> None:
    document, decision = maritime()
    text = flat(render_report(case_from(document), decision, SETTINGS))
    for value in (
        "Identification of the learner Ivana Example",
        "Safety Management on Merchant Vessels",
        "HR-CROQF level 6; EQF 6",
        "5 ECTS; 135 hours",
        "supervised, identity verified",
        "Example University of the Adriatic",
        "ECTS sought 5",
    ):
        assert value in text
    assert text.count("not stated") == 2  # prerequisites and further information
    assert "MISSING" not in text


def test_missing_mandatory_elements_are_marked() -> None:
    case = case_from(example_document("incomplete-admission.json"))
    text = flat(render_report(case, decision_for(case, Outcome.INFORMATION_REQUIRED), SETTINGS))
    # The example states no learning outcomes, assessment or quality assurance.
    assert text.count("MISSING") == 3
    assert "3 of the 11 mandatory elements are missing." in text


def test_five_elements_carry_the_worst_status_of_their_findings() -> None:
    document, decision = maritime()
    text = flat(render_report(case_from(document), decision, SETTINGS))
    section = text[text.index("3. The five elements") : text.index("4. Learning outcomes compared")]
    assert "Level Is the level stated and appropriate for the purpose? PASS" in section
    assert "Workload Is the workload stated, plausible and sufficient? WARNING" in section
    assert "FAIL One of four target outcomes is not matched." in section


def test_outcome_comparison_findings_citations_and_recommendation() -> None:
    document, decision = maritime()
    text = flat(render_report(case_from(document), decision, SETTINGS))
    assert "3 of 4 target outcomes are matched" in text
    assert "NOT MATCHED" in text
    for finding in decision.findings:
        assert f"Basis: {finding.citation}" in text
    for title in ("Annex I completeness", "Lisbon Recognition Convention (1997)", "Quality assurance (ESG 2015"):
        assert title in text
    assert "Partial recognition ECTS recognised: 4" in text
    assert "Pass an identity-verified oral examination on safety audits." in text
    assert "LRC Art. VI.1; Revised Recommendation 2010, §36" in text
    assert "within 15 days of notification" in text


def test_full_recognition_has_no_appeal_section() -> None:
    document, _ = maritime()
    case = case_from(document)
    text = flat(render_report(case, decision_for(case, Outcome.FULL_RECOGNITION), SETTINGS))
    assert "Substantial differences and appeal" not in text
    # The evaluator's decision takes the next number: the numbers run without a gap, and the title says where.
    assert "6. Recommendation" in text and "7. Decision of the evaluator" in text
    assert "the evaluator's decision is recorded in section 7." in text


_SECTION_HEADING = re.compile(r"(?<![\d.])(\d)\. (?=[A-Z])")


@pytest.mark.parametrize("outcome", list(Outcome))
def test_the_sections_are_numbered_without_a_gap_whatever_the_outcome(outcome: Outcome) -> None:
    document, _ = maritime()
    case = case_from(document)
    text = flat(render_report(case, decision_for(case, outcome), SETTINGS))
    numbers = [int(number) for number in _SECTION_HEADING.findall(text[text.index("1. The micro-credential") :])]
    last = 7 if outcome is Outcome.FULL_RECOGNITION else 8
    assert sorted(set(numbers)) == list(range(1, last + 1))
    assert f"{last}. Decision of the evaluator" in text
    assert f"the evaluator's decision is recorded in section {last}." in text


def test_the_header_gives_the_dates_of_receipt_and_completeness() -> None:
    document, _ = maritime()
    document["procedure"] = {"received_on": "2026-01-12", "complete_on": "2026-02-03"}
    case = case_from(document)
    text = flat(render_report(case, decision_for(case), SETTINGS))
    header = text[: text.index("1. The micro-credential")]
    assert "Assessing country HR File received on 2026-01-12 File complete on 2026-02-03 Evaluator" in header

    document["procedure"] = {"received_on": "2026-01-12"}
    text = flat(render_report(case_from(document), decision_for(case), SETTINGS))
    assert "File received on 2026-01-12 Evaluator" in text and "File complete on" not in text


def test_a_case_without_procedure_dates_has_no_rows_for_them() -> None:
    document, decision = maritime()
    text = flat(render_report(case_from(document), decision, SETTINGS))
    assert "File received on" not in text and "File complete on" not in text


def test_footer_numbers_pages_and_names_rulebook_and_hash() -> None:
    document, decision = maritime()
    pages = pages_text(render_report(case_from(document), decision, SETTINGS))
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert f"Rulebook 2026.1 · Case SHA-256 {decision.case_sha256}" in page
        assert ("ENIC-NARIC Croatia · EXAMPLE-01" in page) is (number > 1)


def test_metadata_is_set() -> None:
    document, decision = maritime()
    metadata = PdfReader(io.BytesIO(render_report(case_from(document), decision, SETTINGS))).metadata
    assert metadata is not None
    assert metadata.title == "Recognition recommendation EXAMPLE-01"
    assert metadata.author == "Ana Horvat"
    assert metadata.subject == "Safety Management on Merchant Vessels: credit transfer into a programme"
    assert metadata.get("/Keywords") == (
        "micro-credential, recognition, Lisbon Recognition Convention, Partial recognition, EXAMPLE-01"
    )


def test_the_case_file_is_attached_and_matches_the_hash() -> None:
    document, decision = maritime()
    reader = PdfReader(io.BytesIO(render_report(case_from(document), decision, SETTINGS)))
    (attached,) = reader.attachments["EXAMPLE-01.json"]
    assert case_sha256(json.loads(attached)) == decision.case_sha256
    specification = reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"][1].get_object()
    assert specification["/EF"]["/F"].get_object()["/Subtype"] == "/application/json"
    without = PdfReader(io.BytesIO(render_report(case_from(document), decision, SETTINGS, attach_case=False)))
    assert dict(without.attachments) == {}


NAMES = {
    "latin": "Łukasz Żółć-Ærøskøbing, Ângela Ñúñez",
    "cyrillic": "Иван Петрович Сидоров",
    "greek": "Γεώργιος Παπαδόπουλος",
    "georgian": "ნინო ბერიძე",
    "armenian": "Արամ Պետրոսյան",
}


def _with_learner(name: str, title: str | None = None) -> tuple[dict[str, object], Decision]:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    credential = document["credential"]
    assert isinstance(credential, dict)
    credential["learner"] = {"name": name}
    if title is not None:
        credential["title"] = title
    return document, decision_for(case_from(document))


@pytest.mark.parametrize("script", sorted(NAMES))
def test_names_in_every_left_to_right_script_come_out_intact(script: str) -> None:
    document, decision = _with_learner(NAMES[script])
    assert NAMES[script] in flat(render_report(case_from(document), decision, SETTINGS))


def test_arabic_is_joined_and_right_to_left() -> None:
    # فاطمة الزهراء: the report draws each word's letters in their joining forms, right to left.
    document, decision = _with_learner("فاطمة الزهراء", title="إدارة السلامة البحرية (ISM) 2025")
    pdf = render_report(case_from(document), decision, SETTINGS)
    text = flat(pdf)
    # Presentation forms are what a shaped glyph maps back to: initial feh, final alef, initial tah, medial
    # meem, final teh marbuta; text extraction lists the words left to right as they stand on the page.
    assert "\ufed3\ufe8e\ufec3\ufee4\ufe94" in text
    line = unicodedata.normalize("NFKC", text)
    assert "الزهراء فاطمة" in line
    # Bracket pairs take the direction of their context (UAX #9, N0) and are mirrored: "(ISM)", not ")ISM(".
    assert "2025 (ISM) البحرية" in line
    # Copying the line from a viewer gives it as written, in logical order (ActualText).
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].get_contents()
    assert first_page is not None
    written = (b"\xfe\xff" + "إدارة السلامة البحرية (ISM) 2025".encode("utf-16-be")).hex().upper()
    assert f"/ActualText <{written}>".encode() in first_page.get_data()


def _actual_texts(pdf: bytes) -> list[str]:
    """The ActualText of every right-to-left line, as copying from a viewer gives it."""
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        contents = page.get_contents()
        assert contents is not None
        for hexadecimal in re.findall(rb"/ActualText <([0-9A-F]+)>", contents.get_data()):
            found.append(bytes.fromhex(hexadecimal.decode())[2:].decode("utf-16-be"))
    return found


def test_a_sentence_quoting_an_arabic_title_reads_left_to_right() -> None:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    credential = document["credential"]
    assert isinstance(credential, dict) and isinstance(credential["awarding_body"], dict)
    credential["title"] = "إدارة السلامة"
    credential["awarding_body"]["name"] = "جامعة دمشق"
    case = case_from(document)
    summary = "'إدارة السلامة' (جامعة دمشق), for credit towards 'Nursing': partial recognition is recommended."
    pdf = render_report(case, decision_for(case, summary=summary), SETTINGS)
    # The English sentence keeps its direction: its words and its full stop in order after the Arabic values
    # (laid out right to left, the stop would stand at the start and the brackets face away from their text).
    assert "for credit towards 'Nursing': partial recognition is recommended." in flat(pdf)
    # The isolating controls lay the line out and are then dropped: not drawn, not copied.
    assert summary in _actual_texts(pdf)
    assert not any(c in text for text in [flat(pdf), *_actual_texts(pdf)] for c in "\u2068\u2069")


def test_georgian_and_armenian_in_bold_use_their_own_bold_face() -> None:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    target = document["target"]
    assert isinstance(target, dict)
    target["title"] = f"{NAMES['georgian']} / {NAMES['armenian']}"  # the target's title is printed in bold
    pdf = render_report(case_from(document), decision_for(case_from(document)), SETTINGS)
    fonts = {
        str(font["/BaseFont"]).split("+")[-1]
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"NotoSansGeorgian-Bold", "NotoSansArmenian-Bold", "NotoSans-Bold"} <= fonts
    assert f"{NAMES['georgian']} / {NAMES['armenian']}" in flat(pdf)


HOSTILE = [
    "<b>not bold</b> & <font size=40>big</font>",
    "</para><para>&amp; &nbsp; &#65; ]]> <br/> <img src='x'/>",
    'O\'Brien "quoted" <script>alert(1)</script>',
]


def test_markup_in_user_text_is_printed_not_obeyed() -> None:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    credential = document["credential"]
    target = document["target"]
    assert isinstance(credential, dict) and isinstance(target, dict)
    credential["title"] = HOSTILE[0]
    credential["learner"] = {"name": HOSTILE[1]}
    target["learning_outcomes"] = HOSTILE
    case = case_from(document)
    decision = decision_for(case, summary=HOSTILE[2])
    text = flat(render_report(case, decision, SETTINGS))
    for hostile in HOSTILE:
        assert " ".join(hostile.split()) in text


def test_control_and_format_characters_are_dropped() -> None:
    document, decision = _with_learner("Ana\x01\x07 Hor\u202evat\ufeff")
    assert "Ana Horvat" in flat(render_report(case_from(document), decision, SETTINGS))


def test_sixty_outcomes_of_five_thousand_characters_all_render() -> None:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    outcomes = [
        f"Outcome {i:02d} begins. " + "apply the regulations " * 230 + f"Outcome {i:02d} ends." for i in range(60)
    ]
    outcomes[7] = "x" * 5000  # one word longer than any line
    outcomes[8] = "تحليل تقارير الحوادث البحرية " * 170
    credential = document["credential"]
    target = document["target"]
    assert isinstance(credential, dict) and isinstance(target, dict)
    credential["learning_outcomes"] = outcomes
    target["learning_outcomes"] = outcomes
    case = case_from(document)
    matches = tuple(OutcomeMatch(target=o, credential=o, score=100.0, matched=True) for o in outcomes)
    pdf = render_report(case, decision_for(case, matches=matches), SETTINGS)
    text = flat(pdf)
    assert all(f"Outcome {i:02d} ends." in text for i in range(60) if i not in (7, 8))
    assert text.count("x") >= 2 * 5000  # in full among the credential's and the target's outcomes
    assert len(pages_text(pdf)) > 60


def test_empty_fields_and_an_empty_decision_render() -> None:
    case = case_from(
        {"format": "recogniser-case/1", "purpose": "rpl", "assessing_country": "IE", "credential": {"title": " "}}
    )
    decision = Decision(
        reference=None,
        purpose=case.purpose,
        rulebook_version="2026.1",
        case_sha256=case_sha256(case),
        recommendation=Recommendation(outcome=Outcome.INFORMATION_REQUIRED, ects_recognised=None, summary=""),
        findings=(),
    )
    text = flat(render_report(case, decision, ReportSettings()))
    assert "Credential evaluation office" in text
    assert "not assigned" in text
    assert text.count("MISSING") == 11
    assert "No finding speaks to this element: not judged." in text
    assert "The assessment recorded no findings." in text
    assert "There is no target programme, so no outcomes were compared." in text
    assert "The appeal route is not stated in the decision." in text


def test_a_logo_is_drawn(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), "navy").save(logo)
    document, decision = maritime()
    pdf = render_report(case_from(document), decision, ReportSettings(logo_path=logo))
    assert len(list(PdfReader(io.BytesIO(pdf)).pages[0].images)) == 1


class _Exploding(Flowable):  # type: ignore[misc]
    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, 10

    def draw(self) -> None:
        raise RuntimeError("disk on fire")


def test_a_failed_render_leaves_the_old_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document, decision = maritime()
    case = case_from(document)
    path = tmp_path / "report.pdf"
    path.write_bytes(b"the old report")
    real_build_story = render_module.build_story

    def exploding_story(*args: object, **keywords: object) -> list[Flowable]:
        story: list[Flowable] = real_build_story(*args, **keywords)  # type: ignore[arg-type]
        return [*story[:10], _Exploding(), *story[10:]]

    monkeypatch.setattr(render_module, "build_story", exploding_story)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_report(case, decision, path, SETTINGS)
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_report(case, decision, tmp_path / "new.pdf", SETTINGS)
    assert path.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_write_report_writes_the_rendered_pdf(tmp_path: Path) -> None:
    document, decision = maritime()
    path = tmp_path / "report.pdf"
    write_report(case_from(document), decision, path, SETTINGS)
    assert path.read_bytes().startswith(b"%PDF-")
    assert "8. Decision of the evaluator" in flat(path.read_bytes())


def test_the_report_does_not_change_the_decision_hash() -> None:
    document, decision = maritime()
    case = case_from(document)
    render_report(case, decision, SETTINGS)
    assert case_sha256(case) == decision.case_sha256
    assert canonical_json(case.document) == canonical_json(document)


def test_findings_outside_the_five_elements_are_still_listed() -> None:
    document, _ = maritime()
    case = case_from(document)
    identity = Finding(
        "esg.identity", RuleSet.ESG, Element.IDENTITY, Status.UNKNOWN, "ESG 2015 1.3", "Identity check not stated."
    )
    text = flat(render_report(case, decision_for(case, findings=(identity,)), SETTINGS))
    assert "UNKNOWN Identity Identity check not stated. Basis: ESG 2015 1.3" in text


def test_a_finding_broken_over_a_page_repeats_its_status_and_element() -> None:
    document, _ = maritime()
    case = case_from(document)
    long = Finding(
        "lisbon.assessment",
        RuleSet.LISBON,
        Element.ASSESSMENT,
        Status.WARNING,
        "LRC Art. VI.1",
        "Begin. " + "The assessment is described in words that leave its supervision open. " * 120 + "End.",
    )
    # Each page's text on one line: where the lines of the cell break depends on the column's width.
    pages = [
        " ".join(page.split())
        for page in pages_text(render_report(case, decision_for(case, findings=(long,)), SETTINGS))
    ]
    begin = next(i for i, page in enumerate(pages) if "Begin. The assessment" in page)
    end = next(i for i, page in enumerate(pages) if "supervision open. End." in page)
    assert end > begin
    for page in pages[begin + 1 : end + 1]:
        # The part on the next page starts, under the column headings, with its status and element, not with
        # empty cells.
        assert page.startswith("Status Element Finding and its basis WARNING continued Assessment")


@pytest.mark.parametrize("description_words", [12, 400], ids=["short row", "row taller than a third of a page"])
def test_a_heading_stays_with_the_start_of_its_section_wherever_the_page_breaks(description_words: int) -> None:
    document, _ = maritime()
    case = case_from(document)
    difference = SubstantialDifference(
        element=Element.LEARNING_OUTCOMES,
        description="Begin of the difference. " + "The outcome is not covered. " * (description_words // 5),
        citation="LRC Art. VI.1",
        rule_id="outcomes.coverage",
    )
    # A longer summary moves section 7 down a line or two at a time, past the foot of a page.
    for lines in range(0, 48, 2):
        decision = decision_for(case, summary="The summary goes on. " * (lines * 7))
        recommendation = dataclasses.replace(decision.recommendation, substantial_differences=(difference,))
        pages = pages_text(render_report(case, dataclasses.replace(decision, recommendation=recommendation), SETTINGS))
        page = next(" ".join(page.split()) for page in pages if "Substantial differences and appeal" in page)
        assert "Begin of the difference." in page, f"heading 7 alone at the foot of a page ({lines} lines)"


def test_text_no_bundled_font_draws_is_marked_and_the_report_says_where_the_original_is() -> None:
    document, decision = _with_learner("王小明 (Wang Xiaoming)", title="船舶安全管理 🚢 Safety Management")
    case = case_from(document)
    text = flat(render_report(case, decision, SETTINGS))
    assert "[3 characters not printable] (Wang Xiaoming)" in text
    assert "[7 characters not printable] Safety Management" in text
    assert "Some text could not be printed." in text
    assert "The original text is in the case file attached to this PDF" in text
    unattached = flat(render_report(case, decision, SETTINGS, attach_case=False))
    assert "The original text is in the case file this report was made from" in unattached
    # A report whose text all prints says nothing of the kind.
    document, decision = _with_learner("Ivana Horvatić", title="إدارة السلامة البحرية")
    assert "could not be printed" not in flat(render_report(case_from(document), decision, SETTINGS))


def test_a_numbered_row_broken_over_a_page_repeats_its_number_in_its_narrow_column() -> None:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    credential = document["credential"]
    assert isinstance(credential, dict)
    credential["learning_outcomes"] = ["Short outcome.", "Begin. " + "apply the regulations " * 400 + "End."]
    case = case_from(document)
    pages = pages_text(render_report(case, decision_for(case), SETTINGS))
    end = next(i for i, page in enumerate(pages) if "regulations End." in page)
    # "cont." fits the number column whole: "(continued)" would break into letters there.
    assert " ".join(pages[end].split()).startswith("2. cont. ")


def test_a_table_continued_on_the_next_page_repeats_its_column_headings() -> None:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    # Outcomes short enough to be compared in full, enough of them to fill pages.
    outcomes = [
        f"Outcome {i:02d} begins. " + "apply the regulations " * 15 + f"Outcome {i:02d} ends." for i in range(40)
    ]
    target = document["target"]
    assert isinstance(target, dict)
    target["learning_outcomes"] = outcomes
    case = case_from(document)
    matches = tuple(OutcomeMatch(target=o, credential=o, score=100.0, matched=True) for o in outcomes)
    pages = [
        " ".join(page.split())
        for page in pages_text(render_report(case, decision_for(case, matches=matches), SETTINGS))
    ]
    headings = "No. Target outcome Best match in the credential Score"
    first = next(i for i, page in enumerate(pages) if "4. Learning outcomes compared" in page)
    last = max(i for i, page in enumerate(pages) if "Outcome 39 ends." in page)
    assert last > first + 1
    for page in pages[first + 1 : last + 1]:
        # Below the running head (office and reference), the page opens with the table's column headings.
        assert headings in page
        assert page.index(headings) < page.index("Outcome")


def test_a_long_outcome_is_printed_in_full_once_and_compared_by_its_start() -> None:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    long = "Long outcome begins. " + "apply the regulations " * 200 + "Long outcome ends."
    credential, target = document["credential"], document["target"]
    assert isinstance(credential, dict) and isinstance(target, dict)
    credential["learning_outcomes"] = ["Short outcome.", long]
    target["learning_outcomes"] = [long]
    case = case_from(document)
    matches = (OutcomeMatch(target=long, credential=long, score=100.0, matched=True),)
    text = flat(render_report(case, decision_for(case, matches=matches), SETTINGS))
    comparison = text[text.index("4. Learning outcomes compared") : text.index("5. Findings by rule set")]
    assert "Long outcome begins. apply the regulations" in comparison
    assert "Long outcome ends." not in comparison
    assert "In full in section 2, target outcome 1." in comparison
    assert "In full in section 1, outcome 2." in comparison
    assert text.count("Long outcome ends.") == 2  # the credential's and the target's outcomes, in full


def kept_decision(
    decision: Decision,
    number: int,
    final_outcome: Outcome | None,
    *,
    final_ects: float | None = None,
    justification: str | None = None,
    case_sha256: str | None = None,
) -> StoredDecision:
    """A decision as the case store keeps it (the store's own tests cover how it gets there)."""
    return StoredDecision(
        id=number,
        reference=str(decision.reference),
        decision=decision,
        case_document={},
        case_sha256=case_sha256 or decision.case_sha256,
        rulebook_version=decision.rulebook_version,
        recommended_outcome=decision.recommendation.outcome,
        final_outcome=final_outcome,
        justification=justification,
        decided_by="Nino Beridze",
        recorded_at=datetime(2026, 2, 3, 10, 15 + number, tzinfo=UTC),
        final_ects=final_ects,
    )


def test_the_latest_decision_recorded_on_the_case_text_fills_in_the_evaluators_block() -> None:
    document, decision = maritime()
    recorded = [
        kept_decision(decision, 3, None),
        kept_decision(
            decision, 7, Outcome.PARTIAL_RECOGNITION, final_ects=2.5, justification="Port state control is not covered."
        ),
    ]
    text = flat(render_report(case_from(document), decision, SETTINGS, recorded=recorded))
    block = text[text.index("8. Decision of the evaluator") :]
    assert "Decision #7, recorded 2026-02-03 10:22 UTC, the latest of 2 on this case text" in block
    assert "[ ] as recommended [ X ] otherwise, as follows: Partial recognition" in block
    assert "ECTS recognised 2.5" in block
    assert "Justification Port state control is not covered." in block
    assert "Evaluator Nino Beridze" in block
    assert "Date 2026-02-03" in block


def test_a_decision_as_recommended_ticks_that_box() -> None:
    document, decision = maritime()
    recommendation = decision.recommendation
    kept = kept_decision(decision, 1, recommendation.outcome, final_ects=recommendation.ects_recognised)
    block = flat(render_report(case_from(document), decision, SETTINGS, recorded=[kept])).split("8. Decision")[1]
    assert "[ X ] as recommended [ ] otherwise, as follows:" in block
    assert f"ECTS recognised {recommendation.ects_recognised:g}" in block
    assert "Justification None given." in block


def test_the_reason_for_departing_from_precedent_is_shown() -> None:
    document, decision = maritime()
    kept = dataclasses.replace(
        kept_decision(decision, 4, Outcome.PARTIAL_RECOGNITION, final_ects=3, justification="Two outcomes missing."),
        divergence_reason="The target programme's outcomes changed in 2026.",
    )
    block = flat(render_report(case_from(document), decision, SETTINGS, recorded=[kept])).split("8. Decision")[1]
    assert "Justification Two outcomes missing. Departs from precedent The target programme's outcomes changed" in block
    without = flat(
        render_report(
            case_from(document), decision, SETTINGS, recorded=[dataclasses.replace(kept, divergence_reason=None)]
        )
    )
    assert "Departs from precedent" not in without


@pytest.mark.parametrize(
    ("kept", "said"),
    [
        (
            {"final_outcome": Outcome.FULL_RECOGNITION, "final_ects": 5, "case_sha256": "0" * 64},
            "The 1 decision recorded for this case judged an earlier text of it; none is shown",
        ),
        ({"final_outcome": None}, "records the recommendation only: the final decision is still to be made"),
    ],
)
def test_a_block_with_no_final_decision_on_this_text_is_left_to_fill_in(kept: dict[str, Any], said: str) -> None:
    document, decision = maritime()
    block = flat(
        render_report(case_from(document), decision, SETTINGS, recorded=[kept_decision(decision, 1, **kept)])
    ).split("8. Decision")[1]
    assert said in block
    assert "[ ] as recommended [ ] otherwise, as follows:" in block
    assert "Date 2026" not in block
