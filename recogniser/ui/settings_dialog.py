"""The settings an office changes: who signs the reports, the default assessing country, the database."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recogniser.ui.settings import (
    ASSESSING_COUNTRY,
    DATABASE_URL,
    EVALUATOR_NAME,
    LOGO_PATH,
    OFFICE_NAME,
    AppSettings,
    TextSetting,
)


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.edits: dict[TextSetting, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(
            self.tr("Office"), self._edit(OFFICE_NAME, self.tr("Office name"), self.tr("e.g. ENIC-NARIC Croatia"))
        )
        form.addRow(self.tr("Evaluator"), self._edit(EVALUATOR_NAME, self.tr("Evaluator name"), self.tr("your name")))
        logo = self._edit(LOGO_PATH, self.tr("Logo file"), self.tr("PNG or JPEG shown on reports"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose the logo file"))
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(logo, 1)
        logo_row.addWidget(browse)
        form.addRow(self.tr("Logo"), logo_row)
        country = self._edit(ASSESSING_COUNTRY, self.tr("Default assessing country"), self.tr("e.g. HR"))
        country.setMaxLength(2)
        country.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), country))
        country.textEdited.connect(lambda text: country.setText(text.upper()))
        form.addRow(self.tr("Assessing country"), country)
        from recogniser.store.database import default_database_url  # the store is loaded after the first paint

        database = self._edit(DATABASE_URL, self.tr("Database URL"), default_database_url())
        form.addRow(self.tr("Database"), database)
        hint = QLabel(
            self.tr(
                "Leave the database empty for the file on this computer; a shared office uses "
                "postgresql://user@server/recogniser."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: gray;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _edit(self, setting: TextSetting, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self.settings.text(setting))
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        self.edits[setting] = edit
        return edit

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), self.edits[LOGO_PATH].text(), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.edits[LOGO_PATH].setText(path)

    def accept(self) -> None:
        for setting, edit in self.edits.items():
            self.settings.set_text(setting, edit.text())
        self.settings.sync()
        super().accept()
