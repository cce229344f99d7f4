"""The Help menu's windows: About (versions, the reference data in use and where it comes from, licences), the
keyboard shortcuts, and the user guide shipped with the app (read offline)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recogniser import __version__
from recogniser.errors import system_reason
from recogniser.i18n import shown, written_date
from recogniser.reference_data import Origin, ReferenceTable, reference_data_status
from recogniser.resources import data_dir, translated_names
from recogniser.rules.rulebook import DEFAULT_RULEBOOK
from recogniser.ui.translations import labelled, window_language
from recogniser.ui.translations import translate as _tr

#: The user guide, shipped inside the package beside this module; its translations beside it
#: (``user-guide.fr.md``).
USER_GUIDE = Path(__file__).resolve().parent / "help" / "user-guide.md"
#: The licence of the fonts the PDF report embeds, shipped beside them.
FONT_LICENCE = Path(__file__).resolve().parents[1] / "report" / "fonts" / "OFL.txt"
#: The application's own licence (pyproject.toml).
APP_LICENCE = "EUPL-1.2"


def _first_line(path: Path, fallback: str) -> str:
    try:
        with path.open(encoding="utf-8") as stream:
            return stream.readline().strip() or fallback
    except OSError:
        return fallback


def about_html() -> str:
    """What the About window says: the versions, each set of reference data with its date and source, and the
    licences of the app, its fonts and its data."""
    font_copyright = _first_line(FONT_LICENCE, "Noto fonts: Google")
    rows = [
        (
            _tr("Recogniser"),
            _tr("version {version}, licensed under the {licence}").format(version=__version__, licence=APP_LICENCE),
        ),
        (
            _tr("Rulebook"),
            _tr(
                "version {version}: the thresholds and policy choices every recommendation uses; "
                "each decision records it"
            ).format(version=DEFAULT_RULEBOOK.version),
        ),
        *((shown(table.short_title), _describe_table(table)) for table in reference_data_status()),
        (_tr("Country codes"), _first_paragraph(data_dir() / "countries" / "README.md")),
        (
            _tr("Fonts of the PDF report"),
            _tr(
                "Noto Sans, Noto Sans Georgian, Noto Sans Armenian and Noto Naskh Arabic ({copyright}), licensed "
                "under the SIL Open Font License, Version 1.1; the licence ships beside the fonts as {file}."
            ).format(copyright=font_copyright.rstrip("."), file=FONT_LICENCE.name),
        ),
    ]
    table = "".join(
        f"<tr><td valign='top' style='padding-right:12px'><b>{html.escape(name)}</b></td>"
        f"<td>{html.escape(text)}</td></tr>"
        for name, text in rows
    )
    name = _tr("Recogniser")
    purpose = _tr("Decision support for recognising micro-credentials. It recommends; a person decides.")
    return f"<h2>{html.escape(name)}</h2><p>{html.escape(purpose)}</p><table cellspacing='4'>{table}</table>"


def _describe_table(table: ReferenceTable) -> str:
    """A table of reference data as ``recogniser data status`` gives it: what it holds, its dates, its source and
    where it is read from."""
    parts = [labelled(shown(table.title), shown(table.summary))]
    if table.as_of is not None:
        parts.append(_tr("as of {date}").format(date=written_date(table.as_of)))
    if table.retrieved_on is not None:
        parts.append(_tr("retrieved {date}").format(date=written_date(table.retrieved_on)))
    where = (
        _tr("Read from an office copy, {location}")
        if table.origin is Origin.OFFICE
        else _tr("Shipped with Recogniser, {location}")
    ).format(location=table.location)
    notes = "".join(f" {shown(note)}." for note in table.notes)
    source = shown(table.source).rstrip(".")
    return "; ".join(parts) + ". " + _tr("Source: {source}.").format(source=source) + f" {where}.{notes}"


def _first_paragraph(path: Path) -> str:
    """The first paragraph after the title of a data folder's README, as one line."""
    try:
        text = path.read_text("utf-8")
    except OSError:
        return ""
    paragraphs = [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
    body = [paragraph for paragraph in paragraphs if not paragraph.startswith("#")]
    return " ".join(body[:2]).replace("`", "").replace("- ", "")


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action that has keys, in the order given, then the keys of the form."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()]
        if keys:
            rows.append((" / ".join(keys), action.text().replace("&", "").rstrip("…")))
    rows += [
        (_tr("Tab / Shift+Tab"), _tr("next / previous field")),
        (_tr("Enter"), _tr("in a list of learning outcomes: end the outcome and start the next")),
        (_tr("Shift+Enter"), _tr("in a learning outcome: a new line within it")),
        (_tr("F2 or double-click"), _tr("edit the selected learning outcome")),
        (_tr("Esc"), _tr("cancel the outcome being edited")),
        (_tr("Delete"), _tr("remove the selected learning outcome")),
        (_tr("1 … 8"), _tr("in an EQF level list: choose that level")),
        (_tr("Enter on a finding"), _tr("go to the field it is about")),
    ]
    return rows


class TextWindow(QDialog):
    """A window of rich text with links that open in the system's browser, closed with Close or Esc."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def about_window(parent: QWidget | None) -> TextWindow:
    window = TextWindow(_tr("About Recogniser"), parent)
    window.text.setHtml(about_html())
    window.resize(640, 520)
    return window


def shortcuts_window(actions: Iterable[QAction], parent: QWidget | None) -> TextWindow:
    window = TextWindow(_tr("Keyboard shortcuts"), parent)
    rows = "".join(
        f"<tr><td style='padding-right:16px'><b>{html.escape(keys)}</b></td><td>{html.escape(does)}</td></tr>"
        for keys, does in shortcut_rows(actions)
    )
    window.text.setHtml(f"<table cellspacing='3'>{rows}</table>")
    window.resize(560, 560)
    return window


def user_guide_path(language: str) -> Path:
    """The user guide in ``language`` (a code such as ``fr``), or the English one when it is not translated."""
    for name in translated_names(USER_GUIDE.name, language):
        path = USER_GUIDE.with_name(name)
        if path.is_file():
            return path
    return USER_GUIDE


def guide_window(parent: QWidget | None, language: str | None = None) -> TextWindow:
    """The user guide in ``language``; by default in the window's language, the one its catalogue is in."""
    guide = user_guide_path(language or window_language.language)
    window = TextWindow(_tr("Recogniser user guide"), parent)
    try:
        window.text.setMarkdown(guide.read_text("utf-8"))
    except OSError as error:
        window.text.setPlainText(
            _tr("The user guide cannot be read: {file}: {error}").format(file=guide, error=shown(system_reason(error)))
        )
    window.text.setSearchPaths([str(guide.parent)])
    window.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
    window.resize(760, 680)
    return window
