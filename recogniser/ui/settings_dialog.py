"""The settings an office changes: who signs the reports, the default assessing country, the database.

They are written to settings.toml (recogniser.settings), the file the command line reads too; each value is
checked before anything is written, and a problem is shown beside the form naming the field.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
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

from recogniser.countries import is_alpha2
from recogniser.errors import UserInputError
from recogniser.i18n import LANGUAGES, SOURCE_LANGUAGE, available_languages
from recogniser.settings import Settings, parse_share, parse_years, save_settings
from recogniser.trust import TrustStore, add_trust_anchors, trust_folder
from recogniser.ui.look import ERROR_COLOUR, SECONDARY_TEXT_COLOUR
from recogniser.ui.tasks import TaskRunner


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.source = source
        self.initial = settings
        self.saved: Settings | None = None
        self.tasks = TaskRunner(self)
        self._closed = False
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(
            self.tr("Office"),
            self._edit(settings, "office_name", self.tr("Office name"), self.tr("e.g. ENIC-NARIC Croatia")),
        )
        form.addRow(
            self.tr("Office address"),
            self._edit(settings, "office_address", self.tr("Office address"), self.tr("a line under the office name")),
        )
        form.addRow(
            self.tr("Evaluator"),
            self._edit(settings, "evaluator_name", self.tr("Evaluator name"), self.tr("your name")),
        )
        logo = self._edit(settings, "logo", self.tr("Logo file"), self.tr("PNG or JPEG shown on reports"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose the logo file"))
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(logo, 1)
        logo_row.addWidget(browse)
        form.addRow(self.tr("Logo"), logo_row)
        country = self._edit(
            settings, "assessing_country", self.tr("Default assessing country"), self.tr("e.g. HR (ISO 3166-1)")
        )
        country.setMaxLength(2)
        country.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), country))
        country.textEdited.connect(lambda text: country.setText(text.upper()))
        form.addRow(self.tr("Assessing country"), country)
        cap = self._edit(
            settings, "rpl_credit_cap", self.tr("Cap on RPL credit"), self.tr("e.g. 15% of a programme's credits")
        )
        cap.setToolTip(
            self.tr(
                "The share of a programme's credits recognition of prior learning may give, as the institution's "
                "policy sets it; empty for none."
            )
        )
        form.addRow(self.tr("RPL credit cap"), cap)
        age = self._edit(
            settings,
            "stack_max_age_years",
            self.tr("Oldest credential in a stack"),
            self.tr("years, e.g. 5; empty for no limit"),
        )
        age.setToolTip(
            self.tr(
                "A credential of a stack issued more than this many years before the assessment is set aside, "
                "with that reason; the others still count. No European text sets a limit: empty for none."
            )
        )
        form.addRow(self.tr("Stack: oldest credential"), age)
        from recogniser.store.database import DATABASE_URL_VARIABLE, default_database_url  # loaded after first paint

        database = self._edit(settings, "database_url", self.tr("Database URL"), default_database_url())
        form.addRow(self.tr("Database"), database)
        self.trust_count = QLabel()
        self.trust_count.setWordWrap(True)
        self.trust_count.setAccessibleName(self.tr("Trusted certificates"))
        trust_button = QPushButton(self.tr("Add certificate…"))
        trust_button.setAccessibleName(self.tr("Trust a certificate or an EU trusted list"))
        trust_button.clicked.connect(self._add_trust_anchors)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.trust_count, 1)
        trust_row.addWidget(trust_button)
        form.addRow(self.tr("Trust"), trust_row)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code in available_languages():
            self.language.addItem(LANGUAGES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language or SOURCE_LANGUAGE)))
        self.language.setToolTip(
            self.tr(
                "The language of the window, the reports and the command line's messages. The window takes it "
                "the next time Recogniser starts."
            )
        )
        form.addRow(self.tr("Language"), self.language)
        self._show_trust()
        overriding = os.environ.get(DATABASE_URL_VARIABLE)
        if overriding:
            database.setEnabled(False)
            hint_text = self.tr("{variable} is set for this session, so the app uses that database.").format(
                variable=DATABASE_URL_VARIABLE
            )
        else:
            hint_text = self.tr(
                "Leave the database empty for the file on this computer; a shared office uses "
                "postgresql://user@server/recogniser."
            )
        hint = QLabel(hint_text + "\n" + self.tr("Saved in {file}, read by the command line too.").format(file=source))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {SECONDARY_TEXT_COLOUR};")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Settings problem"))
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, 0)

    def _edit(self, settings: Settings, attribute: str, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(getattr(settings, attribute))
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        self.edits[attribute] = edit
        return edit

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), self.edits["logo"].text(), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.edits["logo"].setText(path)

    def _show_trust(self, added: str = "") -> None:
        count = len(TrustStore.load())
        text = self.tr("%n certificate(s) trusted", "", count) if count else self.tr("No certificate trusted yet")
        self.trust_count.setText(self.tr("{added}; {trusted}").format(added=added, trusted=text) if added else text)
        self.trust_count.setToolTip(
            self.tr(
                "A credential is verified only when its signature is intact, its signer is its issuer, and the "
                "signer's certificate chains to a certificate trusted here. Added at once, in {folder}."
            ).format(folder=trust_folder())
        )

    def _add_trust_anchors(self) -> None:
        """Trust a certificate (PEM or DER) or an EU trusted list the office downloaded; kept at once, in the user
        data folder, whether or not the other settings are saved."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Trust a certificate"),
            "",
            self.tr("Certificates and trusted lists (*.pem *.crt *.cer *.der *.xml);;All files (*)"),
        )
        if not path:
            return
        try:
            anchors = add_trust_anchors(path)
        except UserInputError as error:
            self._show_trust("\n".join(error.shown_lines()))
            return
        names = ", ".join(anchor.name for anchor in anchors[:3]) + (" …" if len(anchors) > 3 else "")
        self._show_trust(self.tr("Trusted: {names}").format(names=names))

    def settings(self) -> Settings:
        """The settings as entered."""
        values = {
            field.name: self.edits[field.name].text().strip() for field in fields(Settings) if field.name in self.edits
        }
        code = str(self.language.currentData())
        return Settings(**values, language="" if code == SOURCE_LANGUAGE else code)

    def problem_with(self, settings: Settings) -> tuple[str, str] | None:
        """The first value that cannot be used, as (attribute, message), or None."""
        if settings.assessing_country and not is_alpha2(settings.assessing_country):
            return "assessing_country", self.tr("Assessing country: use the ISO two-letter code, e.g. HR.")
        if settings.rpl_credit_cap:
            try:
                parse_share(settings.rpl_credit_cap)
            except ValueError:
                return "rpl_credit_cap", self.tr("RPL credit cap: write a percentage such as 15%, or leave it empty.")
        if settings.stack_max_age_years:
            try:
                parse_years(settings.stack_max_age_years)
            except ValueError:
                return "stack_max_age_years", self.tr(
                    "Oldest credential in a stack: write a number of years such as 5, or leave it empty."
                )
        logo = settings.logo_path(self.source)
        if logo is not None:
            from recogniser.report.settings import check_logo

            try:
                check_logo(logo, self.tr("Logo"))
            except UserInputError as error:
                return "logo", "\n".join(error.shown_lines())
        if settings.database_url:
            from recogniser.store.database import resolve_url

            try:
                resolve_url(settings.database_url)
            except UserInputError as error:
                return "database_url", self.tr("Database: {problem}").format(problem="\n".join(error.shown_lines()))
        return None

    def accept(self) -> None:
        settings = self.settings()
        problem = self.problem_with(settings)
        if problem is not None:
            self._show_problem(*problem)
        elif settings.database_url and settings.database_url != self.initial.database_url:
            self._try_database(settings)
        else:
            self._save(settings)

    def _try_database(self, settings: Settings) -> None:
        """Connect to a new database address off the UI thread (a server may take seconds to answer) and save
        only once it answers."""
        from recogniser.store.database import check_database

        self.save_button.setEnabled(False)
        self.problem.setStyleSheet(f"color: {SECONDARY_TEXT_COLOUR};")
        self.problem.setText(self.tr("Trying the database…"))
        self.problem.show()

        def failed(error: BaseException) -> None:
            if self._closed:
                return
            self.save_button.setEnabled(True)
            message = (
                "\n".join(error.shown_lines())
                if isinstance(error, UserInputError)
                else f"{type(error).__name__}: {error}"
            )
            self._show_problem("database_url", self.tr("Database: {problem}").format(problem=message))

        def answered(_nothing: None) -> None:
            if self._closed:
                return  # cancelled while the database was being tried: nothing is saved
            self.save_button.setEnabled(True)
            self._save(settings)

        self.tasks.run(self.tr("Trying the database"), lambda: check_database(settings.database_url), answered, failed)

    def _save(self, settings: Settings) -> None:
        try:
            save_settings(settings, self.source)
        except UserInputError as error:
            self._show_problem("office_name", "\n".join(error.shown_lines()))
            return
        self.saved = settings
        super().accept()

    def _show_problem(self, attribute: str, message: str) -> None:
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.problem.setText(message)
        self.problem.show()
        self.edits[attribute].setFocus()

    def done(self, result: int) -> None:
        self._closed = True
        self.tasks.wait()  # a database still being tried reports to this dialog: it answers first
        super().done(result)
