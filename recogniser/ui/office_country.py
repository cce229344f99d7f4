"""The question put on first start: which country the office recognises credentials for.

The answer is the assessing country of every new and imported case (settings.toml ``[office] assessing_country``,
changed later in Settings). It is never guessed from a credential: the issuer's country is another country.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from recogniser.countries import countries


class OfficeCountryDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your office's country"))
        question = QLabel(
            self.tr(
                "<p><b>Which country does your office recognise credentials for?</b></p>"
                "<p>Recogniser takes it as the assessing country of every new and imported case: the country "
                "whose law, frameworks and ENIC-NARIC centre the recommendation and the appeal text name. It is "
                "never taken from the credential, whose issuer is usually abroad.</p>"
                "<p>You can change it at any time in File → Settings.</p>"
            )
        )
        question.setWordWrap(True)
        question.setTextFormat(Qt.TextFormat.RichText)
        # A dialog does not ask a wrapped label for the height its width needs: it is given that height here.
        width = question.fontMetrics().averageCharWidth() * 64
        question.setMinimumSize(width, question.heightForWidth(width))
        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Your office's country"))
        self.country.addItem(self.tr("Choose a country…"), None)
        for code, name in countries():
            self.country.addItem(f"{name} ({code})", code)
        # Typing a country's first letters picks it, as in any list of countries.
        self.country.setEditable(False)
        question.setBuddy(self.country)
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(self.tr("Use this country"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.use_button.setEnabled(False)
        self.country.currentIndexChanged.connect(
            lambda _index: self.use_button.setEnabled(self.country.currentData() is not None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.country)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        """The alpha-2 code chosen, None while none is."""
        code = self.country.currentData()
        return code if isinstance(code, str) else None
