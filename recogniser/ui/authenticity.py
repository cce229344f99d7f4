"""The authenticity of an imported case, in the words and colours every part of the window uses."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from recogniser.i18n import shown
from recogniser.provenance import Authenticity, provenance_of
from recogniser.ui.translations import translate as _tr
from recogniser.vocabulary import label

#: Text and background per tier: green only for verified, red for a failed signature, amber where the evaluator
#: must establish the signer, grey where nothing was signed (the usual check of a paper document applies).
AUTHENTICITY_COLOURS: dict[Authenticity, tuple[str, str]] = {
    Authenticity.VERIFIED: ("#1b5e20", "#e3f1e4"),
    Authenticity.SIGNER_NOT_ESTABLISHED: ("#6d4c00", "#fff4d6"),
    Authenticity.OTHER_SIGNER: ("#6d4c00", "#fff4d6"),
    Authenticity.FAILED: ("#9b0017", "#fde2e1"),
    Authenticity.NOT_CHECKED: ("#6d4c00", "#fff4d6"),
    Authenticity.NO_SIGNATURE: ("#3c3c3c", "#eeeeee"),
}


def authenticity_html(status: Authenticity, reason: str) -> str:
    """``Authenticity: <b>failed</b> — reason``, the tier in its colour and the reason in the reader's language."""
    colour = AUTHENTICITY_COLOURS[status][0]
    return _tr("Authenticity: {status} — {reason}").format(
        status=f'<b style="color:{colour}">{escape(label(status))}</b>', reason=escape(shown(reason))
    )


class AuthenticityBanner(QLabel):
    """A band above an imported case saying how far its credential is shown to be authentic; hidden for a case
    entered by hand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authenticityBanner")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Authenticity of the imported credential"))
        self.status: Authenticity | None = None
        self.hide()

    def show_document(self, document: Mapping[str, Any]) -> None:
        provenance = provenance_of(document)
        self.status = provenance.authenticity if provenance else None
        if provenance is None:
            self.hide()
            return
        foreground, background = AUTHENTICITY_COLOURS[provenance.authenticity]
        self.setStyleSheet(
            f"QLabel#authenticityBanner {{ background: {background}; color: {foreground}; "
            f"border: 1px solid {foreground}; border-radius: 3px; padding: 6px; }}"
        )
        lines = [authenticity_html(provenance.authenticity, provenance.reason)]
        lines += [escape(shown(entry.words())) for entry in provenance.status_entries]
        if provenance.file_name:
            lines.append(
                escape(
                    self.tr("Imported from {file} (SHA-256 {digest}…)").format(
                        file=provenance.file_name, digest=(provenance.sha256 or "")[:16]
                    )
                )
            )
        self.setText("<br>".join(lines))
        self.setToolTip(shown(provenance.line))
        self.show()
