"""Rendering the report to PDF bytes, and writing it to a file atomically."""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from recogniser import __version__, i18n
from recogniser.casefile import dumps_case
from recogniser.files import write_bytes_atomically
from recogniser.i18n import N_, _, phrase, shown, translate
from recogniser.model import Case, Decision
from recogniser.report.blocks import KeepWithStart
from recogniser.report.document import build_story
from recogniser.report.fonts import BASE_FONT, register_fonts
from recogniser.report.recorded import RecordedDecision
from recogniser.report.settings import ReportSettings
from recogniser.report.styles import FOOTER_SIZE, MUTED, PAGE_MARGIN, RULE, RUNNING_HEAD
from recogniser.report.text import clean, text_flowable
from recogniser.vocabulary import outcome_label, purpose_label


def render_report(
    case: Case,
    decision: Decision,
    settings: ReportSettings,
    *,
    attach_case: bool = True,
    today: date | None = None,
    recorded: Sequence[RecordedDecision] = (),
    original: Attachment | None = None,
    originals: Sequence[Attachment] = (),
) -> bytes:
    """The recommendation report for ``decision`` on ``case`` as PDF bytes (A4).

    With ``attach_case`` the case file is embedded in the PDF, so the decision can be re-checked from the report
    alone: its canonical SHA-256 is the one printed in the footer. ``today`` is the date the report is dated.
    ``recorded`` are the decisions the case store keeps for the case: the latest on this case text fills in the
    evaluator's decision block, which is otherwise left to be filled in by hand. ``original`` is the credential
    file the case was imported from (the case store keeps it): it is attached beside the case file, as are
    ``originals``, the files a stack's credentials were imported from.
    """
    kept = [*([original] if original is not None else []), *originals]
    register_fonts()
    buffer = io.BytesIO()
    reference = decision.reference or case.reference or ""
    title = shown(phrase("Recognition recommendation {reference}", reference=reference)).strip()
    document = a4_document(
        buffer,
        title=title,
        author=settings.evaluator_name or settings.office,
        subject=_subject(case, decision),
        keywords=_keywords(decision, reference),
    )
    story = build_story(
        case,
        decision,
        settings,
        document.width,
        today or date.today(),
        case_attached=attach_case,
        recorded=recorded,
        original_attached=original is not None,
        originals_attached=frozenset(hashlib.sha256(attachment.data).hexdigest() for attachment in kept),
    )
    footer = _Footer(decision, settings, reference)
    attachments = []
    if attach_case:
        data = dumps_case(case.document).encode("utf-8")
        attachments.append(Attachment(_attachment_name(reference), data, CASE_DESCRIPTION))
    attachments += kept
    build_numbered(document, story, footer.draw, attachments)
    return buffer.getvalue()


def write_report(
    case: Case, decision: Decision, path: Path, settings: ReportSettings, *, attach_case: bool = True
) -> None:
    """Render the report and write it to ``path``: readers see the old file or the whole new one, never a part."""
    write_bytes_atomically(path, render_report(case, decision, settings, attach_case=attach_case))


def a4_document(
    buffer: io.BytesIO, *, title: str, subject: str, author: str | None = None, keywords: str | None = None
) -> SimpleDocTemplate:
    """An A4 document with the project's margins and metadata (room for :func:`draw_footer` at the bottom)."""
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN + 6,
        title=clean(title),
        author=clean(author) if author else None,
        subject=clean(subject),
        keywords=clean(keywords) if keywords else None,
        creator=f"Recogniser {__version__}",
        lang=i18n.language(),
        keepTogetherClass=KeepWithStart,
    )


#: Draws on a page, given its number and how many pages there are.
PageDecoration = Callable[[Canvas, int, int], None]


#: What an attached file is, said in the reader's language in the PDF (see :class:`Attachment`).
ORIGINAL_DESCRIPTION = N_("The credential file the case was imported from")
CASE_DESCRIPTION = N_("The case file this report was made from")


@dataclass(frozen=True)
class Attachment:
    """A file embedded in the PDF: its name, its bytes and what it is (a marked constant, translated when the file
    is embedded)."""

    name: str
    data: bytes
    description: str
    media_type: str = "application/json"


def build_numbered(
    document: SimpleDocTemplate,
    story: list[Flowable],
    decorate: PageDecoration,
    attachments: Sequence[Attachment] = (),
) -> None:
    """Build ``story`` into ``document``, each page then decorated knowing the page count (for "Page X of Y");
    ``attachments`` are embedded in the PDF."""

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, decorate=decorate, attachments=attachments, **kwargs)

    document.build(story, canvasmaker=canvas_maker)


def build_streamed(document: SimpleDocTemplate, parts: Iterator[list[Flowable]], footer: str) -> None:
    """Build a long document from ``parts`` made one after another as the pages fill, each page written out as it
    is finished: the memory taken is that of a few parts and the finished pages, not of every flowable and page at
    once. The footer (as :func:`draw_footer`) gives "Page X of Y" all the same: Y is a form drawn at the end."""

    def canvas_maker(*args: Any, **kwargs: Any) -> Canvas:
        return _StreamedCanvas(*args, footer=footer, **kwargs)

    document.build(_LazyStory(parts), canvasmaker=canvas_maker)


class _LazyStory(list[Flowable]):
    """A story whose parts are made only as reportlab comes near them (it asks the story's length before taking
    each flowable, and looks a few flowables ahead to keep headings with what follows)."""

    _AHEAD = 64

    def __init__(self, parts: Iterator[list[Flowable]]) -> None:
        super().__init__()
        self._parts = parts

    def __len__(self) -> int:
        while super().__len__() < self._AHEAD:
            part = next(self._parts, None)
            if part is None:
                break
            self.extend(part)
        return super().__len__()


_PAGE_COUNT_FORM = "page-count"
#: Room kept for the page count after "Page X of ": five digits.
_PAGE_COUNT_DIGITS = "00000"


class _StreamedCanvas(Canvas):  # type: ignore[misc]
    """Each page's footer drawn as the page ends; the number of pages, unknown until then, is a form XObject
    every footer refers to and the last page defines."""

    def __init__(self, *args: Any, footer: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._page = 0

    def showPage(self) -> None:  # noqa: N802 - reportlab's canvas interface
        self._page += 1
        width, _ = A4
        count_at = width - PAGE_MARGIN - stringWidth(_PAGE_COUNT_DIGITS, BASE_FONT, FOOTER_SIZE)
        _draw_footer_rule_and_left(self, self._footer)
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(BASE_FONT, FOOTER_SIZE)
        # The page count is drawn after the words, so the sentence ends with it in every language.
        self.drawRightString(count_at, PAGE_MARGIN - 10, shown(phrase("Page {page} of ", page=self._page)))
        self.translate(count_at, PAGE_MARGIN - 10)
        self.doForm(_PAGE_COUNT_FORM)
        self.restoreState()
        super().showPage()
        _compress_now(self._doc.Pages.pages[-1])

    def save(self) -> None:
        self.beginForm(_PAGE_COUNT_FORM)
        self.setFillColor(MUTED)
        self.setFont(BASE_FONT, FOOTER_SIZE)
        self.drawString(0, 0, str(self._page))
        self.endForm()
        super().save()


def _compress_now(page: Any) -> None:
    """Compress a finished page's content as it is added rather than when the file is written (reportlab's way),
    so that a long document's pages wait for the end in their compressed size."""
    if not page.compression or page.Contents or not page.stream:
        return
    contents = PDFStream(content=zlib.compress(page.stream.encode("utf-8")))
    contents.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
    page.Contents = contents
    page.stream = None


def _draw_footer_rule_and_left(canvas: Canvas, left: str) -> None:
    width, _ = A4
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(PAGE_MARGIN, PAGE_MARGIN, width - PAGE_MARGIN, PAGE_MARGIN)
    canvas.setFillColor(MUTED)
    canvas.setFont(BASE_FONT, FOOTER_SIZE)
    canvas.drawString(PAGE_MARGIN, PAGE_MARGIN - 10, clean(left))
    canvas.restoreState()


def draw_footer(canvas: Canvas, left: str, page: int, pages: int) -> None:
    """A rule above the bottom margin, ``left`` under it on the left and "Page X of Y" on the right."""
    width, _ = A4
    _draw_footer_rule_and_left(canvas, left)
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(BASE_FONT, FOOTER_SIZE)
    canvas.drawRightString(
        width - PAGE_MARGIN, PAGE_MARGIN - 10, shown(phrase("Page {page} of {pages}", page=page, pages=pages))
    )
    canvas.restoreState()


def _subject(case: Case, decision: Decision) -> str:
    credential = case.credential.title or _("a micro-credential")
    return f"{credential}: {purpose_label(decision.purpose).lower()}"


def _keywords(decision: Decision, reference: str) -> str:
    words = [
        _("micro-credential"),
        _("recognition"),
        _("Lisbon Recognition Convention"),
        outcome_label(decision.recommendation.outcome),
    ]
    return ", ".join([*words, reference] if reference else words)


def _attachment_name(reference: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", reference).strip("-.") or "case"
    return f"{stem}.json"


class _Footer:
    """Page X of Y with the rulebook version and the case hash; from the second page on, a running head with the
    office and the reference, so that a loose page still says which case it belongs to."""

    def __init__(self, decision: Decision, settings: ReportSettings, reference: str) -> None:
        self.left = shown(
            phrase(
                "Rulebook {version} · Case SHA-256 {sha256}",
                version=decision.rulebook_version,
                sha256=decision.case_sha256,
            )
        )
        self.running_head = " · ".join(part for part in (settings.office, reference) if part)

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        draw_footer(canvas, self.left, page, pages)
        if page > 1:
            width, height = A4
            head = text_flowable(self.running_head, RUNNING_HEAD)
            head.wrapOn(canvas, width - 2 * PAGE_MARGIN, PAGE_MARGIN)
            head.drawOn(canvas, PAGE_MARGIN, height - PAGE_MARGIN + 4)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds the pages back until the end so that each page's decoration can say how many pages there are."""

    def __init__(self, *args: Any, decorate: PageDecoration, attachments: Sequence[Attachment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._attachments = attachments
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's canvas interface
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        if self._attachments:
            _embed(self, self._attachments)
        super().save()


def _embed(canvas: Canvas, attachments: Sequence[Attachment]) -> None:
    """Attach the files as embedded files (PDF 1.7, 7.11.4), listed in the document's name tree by name."""
    document = canvas._doc
    entries: list[Any] = []
    for attachment in sorted(attachments, key=lambda item: item.name):
        stream = PDFStream(
            PDFDictionary(
                {
                    "Type": PDFName("EmbeddedFile"),
                    # The MIME type as a PDF name, its slash escaped (PDF 1.7, 7.3.5); PDFName would escape the '#'.
                    "Subtype": "/" + attachment.media_type.replace("/", "#2F"),
                    "Params": PDFDictionary({"Size": len(attachment.data)}),
                }
            ),
            content=attachment.data,
        )
        specification = PDFDictionary(
            {
                "Type": PDFName("Filespec"),
                "F": PDFString(attachment.name),
                "UF": PDFString(attachment.name),
                "Desc": PDFString(translate(attachment.description)),
                "EF": PDFDictionary({"F": document.Reference(stream)}),
                "AFRelationship": PDFName("Source"),
            }
        )
        entries += [PDFString(attachment.name), document.Reference(specification)]
    document.Catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(entries)})})
