"""Any text prints: escaped, in the right font per script, right-to-left lines in display order."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from recogniser.report.fonts import Script, register_fonts, runs
from recogniser.report.styles import CELL
from recogniser.report.text import _width, markup, printable, text_flowable, visual_order

SCRIPTS = st.sampled_from(
    ["Ivana Horvatić", "Иван", "Γιώργος", "ნინო", "Արամ", "محمد علي", "(ISM)", "٢٠٢٤", "<b>", "&amp;", " ", "\n"]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(SCRIPTS, st.text(max_size=30)), max_size=12).map("".join))
def test_any_text_renders_in_a_paragraph_and_in_a_table_cell(text: str) -> None:
    register_fonts()
    buffer = io.BytesIO()
    story = [text_flowable(text, CELL), Table([[text_flowable(text, CELL), text_flowable(text, CELL)]], [80, 120])]
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    assert PdfReader(buffer).pages


def test_markup_escapes_and_switches_fonts_per_script() -> None:
    assert markup("a < b & ნინო") == 'a &lt; b &amp; <font face="NotoSansGeorgian">ნინო</font>'
    assert markup("ნინო", bold=True) == '<font face="NotoSansGeorgian-Bold">ნინო</font>'
    assert markup("one\ntwo\x00") == "one<br/>two"


def test_runs_keep_spaces_inside_a_script_run() -> None:
    assert [(r.text, r.script) for r in runs("Name: محمد علي, 2025")] == [
        ("Name: ", Script.BASE),
        ("محمد علي", Script.ARABIC),
        (", 2025", Script.BASE),
    ]


def test_visual_order_follows_the_bidirectional_algorithm() -> None:
    # Right-to-left paragraph: words from the right, a Latin run and its number kept left to right, the
    # brackets resolved with their context (rule N0) and mirrored (rule L4).
    assert visual_order("إدارة (ISM) 2025", right_to_left=True) == "2025 (ISM) ةرادإ"
    assert visual_order("Learner: علي محمد (Cairo)", right_to_left=False) == "Learner: دمحم يلع (Cairo)"
    assert visual_order("plain", right_to_left=False) == "plain"


def test_isolates_shape_the_layout_and_take_no_room() -> None:
    register_fonts()
    isolated = "'\u2068علي محمد\u2069', Cairo."
    # Isolated, the Arabic name stays inside its quotes in a left-to-right line (UAX #9, P2 and X5c).
    assert visual_order(isolated, right_to_left=False) == "'\u2068دمحم يلع\u2069', Cairo."
    paragraph = text_flowable(isolated, CELL)
    assert paragraph.wrap(400, 100) == text_flowable("'علي محمد', Cairo.", CELL).wrap(400, 100)
    assert _width(isolated, False, 9) == _width("'علي محمد', Cairo.", False, 9)


def test_a_line_broken_inside_an_isolate_opens_it_again() -> None:
    register_fonts()
    paragraph = text_flowable("Title: \u2068" + "إدارة السلامة " * 12 + "\u2069, EQF 6.", CELL)
    paragraph.wrap(120, 1000)
    _, rest = paragraph.split(120, 12)
    rest.wrap(120, 1000)
    # The part on the next page starts inside the isolate and says so; every line keeps left-to-right order.
    assert rest.text.startswith("\u2068")
    assert not paragraph._right_to_left and not rest._right_to_left


def test_characters_no_font_draws_are_replaced_by_a_note_saying_how_many() -> None:
    assert printable("王小明 (Wang Xiaoming)") == "[3 characters not printable] (Wang Xiaoming)"
    # Words of one unprinted script make one stretch; an emoji sequence counts its pictures, not its joiners.
    assert printable("船舶安全 管理 🚢 Safety") == "[7 characters not printable] Safety"
    assert printable("Family 👨\u200d👩\u200d👧\ufe0f ok") == "Family [3 characters not printable] ok"
    assert printable("こんにちは\n世界") == "[5 characters not printable]\n[2 characters not printable]"
    # What the bundled fonts draw is left alone, and the ideographic space becomes a plain one.
    for text in ("Ivana Horvatić", "محمد علي", "ნინო", "Արամ", "Γιώργος", "e\u0301", "'\u2068علي\u2069'"):
        assert printable(text) == text
    assert printable("Ana\u3000Horvat") == "Ana Horvat"


def test_a_line_with_right_to_left_text_never_breaks_at_a_no_break_space() -> None:
    from recogniser.report.styles import BODY
    from recogniser.report.text import text_flowable

    sentence = "مرحبا " + "mot " * 12 + "pour la finalité «\u00a0transfert de crédits\u00a0»\u00a0: fin."
    for width in range(80, 300, 6):
        flowable = text_flowable(sentence, BODY)
        lines, _ = flowable._break_lines(width)  # type: ignore[attr-defined]
        assert not any(line.endswith("«") or line.startswith(("»", ":")) for line in lines), width
