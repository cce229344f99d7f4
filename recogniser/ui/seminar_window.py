"""The seminar window: a breakout group records its verdicts on a pack, the facilitator compares the groups.

Everything comes from files (the pack, the groups' responses); the window only shows and collects. The work is
done by the Qt-free :mod:`recogniser.seminar`: the tool's verdict on each case, the response file, the
comparison and its PDF.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recogniser.errors import UserInputError, failed_on
from recogniser.i18n import number, shown, written_date
from recogniser.model import Case, Decision, Outcome
from recogniser.rules import assess
from recogniser.seminar import (
    OUTCOME_ORDER,
    Pack,
    Verdict,
    build_response,
    load_verdicts,
    write_response,
    write_verdicts,
)
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.fields import keep_values_from_the_wheel
from recogniser.ui.look import SECONDARY_TEXT_COLOUR
from recogniser.ui.recommendation_panel import RecommendationPanel
from recogniser.ui.screen import open_at
from recogniser.ui.seminar_compare import RESPONSE_FILTER, ComparePane
from recogniser.ui.session import Assessment
from recogniser.ui.tasks import TaskRunner
from recogniser.ui.translations import tr_noop
from recogniser.ui.translations import translate as _tr
from recogniser.vocabulary import (
    assessment_type_label,
    outcome_label,
    participation_label,
    provider_kind_label,
    purpose_label,
    qa_decision_label,
)

VERDICTS_FILTER = tr_noop("Group verdicts (*.json)")
#: The ECTS box shows this text at its minimum, meaning "no credits given" (admission, employment).
NO_CREDITS = "—"


def case_html(case: Case) -> str:
    """The case as a group reads it: what is sought, then the credential's Annex I elements as given."""
    credential = case.credential
    target = case.target
    learner = credential.learner
    body = credential.awarding_body
    level = credential.level
    workload = credential.workload
    assessment = credential.assessment
    qa = credential.quality_assurance
    rows: list[tuple[str, str | None]] = [
        (_tr("Title"), credential.title),
        (_tr("Learner"), learner.name if learner else None),
        (
            _tr("Awarding body"),
            None if body is None else _joined(body.name, body.kind and provider_kind_label(body.kind), body.country),
        ),
        (_tr("Issuer country"), credential.issuer_country),
        (_tr("Issued"), None if credential.issue_date is None else credential.issue_date.isoformat()),
        (
            _tr("Level"),
            None
            if level is None
            else _joined(
                level.framework and f"{level.framework} {level.nqf_level or ''}".strip(),
                level.eqf_level is not None and _tr("EQF {level}").format(level=level.eqf_level),
            ),
        ),
        (
            _tr("Workload"),
            None
            if workload is None
            else _joined(
                workload.ects is not None and f"{number(workload.ects)} ECTS",
                workload.hours is not None and f"{number(workload.hours)} h",
            ),
        ),
        (
            _tr("Assessment"),
            None
            if assessment is None
            else _joined(
                assessment.type and assessment_type_label(assessment.type),
                _yes_no(_tr("supervised"), assessment.supervised),
                _yes_no(_tr("identity verified"), assessment.identity_verified),
            ),
        ),
        (_tr("Participation"), credential.participation and participation_label(credential.participation)),
        (
            _tr("Quality assurance"),
            None
            if qa is None
            else _joined(
                _yes_no(_tr("internal QA"), qa.internal),
                qa.external_agency,
                qa.decision and qa_decision_label(qa.decision),
                None if qa.valid_until is None else _tr("valid until {date}").format(date=written_date(qa.valid_until)),
            ),
        ),
        (_tr("Prerequisites"), credential.prerequisites),
        (_tr("Grade"), credential.grade),
        (_tr("Stackability"), credential.stackability),
        (_tr("Further information"), credential.further_information),
    ]
    parts = [
        "<p>"
        + html.escape(
            _tr("{purpose}, assessed in {country}").format(
                purpose=purpose_label(case.purpose), country=case.assessing_country
            )
        )
        + "</p>"
    ]
    if case.applicant.refugee:
        parts.append("<p>" + html.escape(_tr("The applicant is a refugee.")) + "</p>")
    if case.applicant.documents_missing:
        parts.append("<p>" + html.escape(_tr("The applicant’s documents are missing.")) + "</p>")
    if target is not None:
        sought = [
            (_tr("Programme or component"), target.title),
            (_tr("Institution"), target.institution),
            (_tr("EQF level"), None if target.eqf_level is None else str(target.eqf_level)),
            (_tr("ECTS sought"), None if target.ects is None else number(target.ects)),
        ]
        parts.append(_definition_table(_tr("Sought"), sought))
        if target.learning_outcomes:
            parts.append(_outcome_list(_tr("Learning outcomes of the target"), target.learning_outcomes))
    parts.append(_definition_table(_tr("The micro-credential"), rows))
    if credential.learning_outcomes:
        parts.append(_outcome_list(_tr("Learning outcomes"), credential.learning_outcomes))
    return "".join(parts)


def _joined(*parts: str | bool | None) -> str | None:
    """The parts that are given, joined; None when none is (falsy parts stand for absent values)."""
    given = [part for part in parts if isinstance(part, str) and part]
    return ", ".join(given) or None


def _yes_no(what: str, value: bool | None) -> str | None:
    if value is None:
        return None
    return what if value else _tr("not {what}").format(what=what)


def _definition_table(title: str, rows: Sequence[tuple[str, str | None]]) -> str:
    not_given = "<i>" + html.escape(_tr("not given")) + "</i>"
    cells = "".join(
        f"<tr><td style='color:{SECONDARY_TEXT_COLOUR}; padding-right:12px'>{html.escape(label)}</td>"
        f"<td>{html.escape(value) if value else not_given}</td></tr>"
        for label, value in rows
    )
    return f"<h4>{html.escape(title)}</h4><table cellspacing='0' cellpadding='2'>{cells}</table>"


def _outcome_list(title: str, outcomes: Sequence[str]) -> str:
    items = "".join(f"<li>{html.escape(outcome)}</li>" for outcome in outcomes)
    return f"<h4>{html.escape(title)}</h4><ul>{items}</ul>"


class GroupPane(QWidget):
    """A breakout group's side: each case with the tool's verdict, the group's own verdict, and the export.

    The case comes first and the tool's recommendation on a tab of its own, so a group can form its view
    before it looks.
    """

    #: The group wants the case in the main window's editor (the case document).
    case_requested = Signal(dict)

    def __init__(self, pack: Pack, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.dialogs = dialogs
        self.verdicts: dict[str, Verdict] = {}
        #: Verdicts changed since they were last saved, exported or opened.
        self.unsaved = False
        self._decisions: dict[str, Decision] = {}
        self._loading = False

        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText(self.tr("e.g. Group A"))
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Cases of the pack"))
        for pack_case in pack.cases:
            item = QListWidgetItem(pack_case.id)
            item.setToolTip(pack_case.title)
            self.cases.addItem(item)
        self.cases.currentRowChanged.connect(self._show_case)
        self.case_title = QLabel()
        self.case_title.setObjectName("seminarCaseTitle")
        self.case_title.setWordWrap(True)
        self.case_view = QTextBrowser()
        self.case_view.setAccessibleName(self.tr("The case"))
        self.recommendation = RecommendationPanel()
        self.recommendation.decide_button.hide()
        self.case_tabs = QTabWidget()
        self.case_tabs.addTab(self.case_view, self.tr("Case"))
        self.case_tabs.addTab(self.recommendation, self.tr("The tool's recommendation"))
        self.editor_button = QPushButton(self.tr("Open in the case editor"))
        self.editor_button.setToolTip(self.tr("See every finding of the tool on this case in the main window"))
        self.editor_button.clicked.connect(self._request_case)

        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Not decided yet"), None)
        for outcome in OUTCOME_ORDER:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.ects = QDoubleSpinBox()
        self.ects.setRange(-0.5, 1000)
        self.ects.setSingleStep(0.5)
        self.ects.setDecimals(1)
        self.ects.setSpecialValueText(NO_CREDITS)
        self.ects.setToolTip(self.tr("Credits the group recognises; “—” where none are sought"))
        self.justification = QPlainTextEdit()
        self.justification.setPlaceholderText(self.tr("Why the group decided so: articles, differences, evidence"))
        for signal in (self.outcome.currentIndexChanged, self.ects.valueChanged, self.justification.textChanged):
            signal.connect(self._verdict_edited)

        self.open_button = QPushButton(self.tr("Open work…"))
        self.open_button.clicked.connect(self.open_work_dialog)
        self.save_button = QPushButton(self.tr("Save work…"))
        self.save_button.clicked.connect(self.save_work_dialog)
        self.export_button = QPushButton(self.tr("Export response…"))
        self.export_button.clicked.connect(self.export_response_dialog)

        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("ECTS"), self.ects)
        form.addRow(self.tr("Justification"), self.justification)
        verdict_box = QWidget()
        verdict_layout = QVBoxLayout(verdict_box)
        verdict_layout.addWidget(QLabel(self.tr("<b>The group's verdict</b>")))
        verdict_layout.addLayout(form)
        case_box = QWidget()
        case_layout = QVBoxLayout(case_box)
        case_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.case_title, 1)
        heading.addWidget(self.editor_button, 0, Qt.AlignmentFlag.AlignTop)
        case_layout.addLayout(heading)
        case_layout.addWidget(self.case_tabs, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(case_box)
        right.addWidget(verdict_box)
        right.setSizes([520, 260])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.cases)
        splitter.addWidget(right)
        splitter.setSizes([280, 800])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Group")))
        top.addWidget(self.group_edit, 1)
        for button in (self.open_button, self.save_button, self.export_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.cases.setCurrentRow(0)

    def decision(self, case_id: str) -> Decision:
        """The tool's decision on a case of the pack (a few milliseconds: computed when first shown)."""
        if case_id not in self._decisions:
            self._decisions[case_id] = assess(self.pack.case(case_id).case)
        return self._decisions[case_id]

    def current_case_id(self) -> str | None:
        row = self.cases.currentRow()
        return self.pack.cases[row].id if row >= 0 else None

    def chosen_outcome(self) -> Outcome | None:
        value = self.outcome.currentData()
        return Outcome(value) if value else None

    def _show_case(self, row: int) -> None:
        if row < 0:
            return
        pack_case = self.pack.cases[row]
        self.case_title.setText(f"<b>{html.escape(pack_case.id)}</b>: {html.escape(pack_case.title)}")
        self.case_view.setHtml(case_html(pack_case.case))
        decision = self.decision(pack_case.id)
        self.recommendation.show_assessment(Assessment(case=pack_case.case, decision=decision))
        verdict = self.verdicts.get(pack_case.id)
        self._loading = True
        try:
            self.outcome.setCurrentIndex(self.outcome.findData(verdict.outcome.value) if verdict else 0)
            ects = verdict.ects if verdict else None
            self.ects.setValue(self.ects.minimum() if ects is None else ects)
            self.justification.setPlainText(verdict.justification if verdict else "")
        finally:
            self._loading = False

    def _request_case(self) -> None:
        case_id = self.current_case_id()
        if case_id is not None:
            self.case_requested.emit(dict(self.pack.case(case_id).case.document))

    def _verdict_edited(self) -> None:
        case_id = self.current_case_id()
        if self._loading or case_id is None:
            return
        outcome = self.chosen_outcome()
        if outcome is None:
            self.verdicts.pop(case_id, None)
        else:
            ects = None if self.ects.value() == self.ects.minimum() else self.ects.value()
            self.verdicts[case_id] = Verdict(outcome, ects, self.justification.toPlainText().strip())
        self.unsaved = True
        self._mark(case_id)

    def _mark(self, case_id: str) -> None:
        row = self.pack.case_ids.index(case_id)
        item = self.cases.item(row)
        verdict = self.verdicts.get(case_id)
        item.setText(case_id if verdict is None else f"{case_id}  ✓")
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, outcome_label(verdict.outcome) if verdict else "")

    def set_verdicts(self, group: str | None, verdicts: dict[str, Verdict]) -> None:
        self.verdicts = {case_id: v for case_id, v in verdicts.items() if case_id in self.pack.case_ids}
        if group:
            self.group_edit.setText(group)
        for case_id in self.pack.case_ids:
            self._mark(case_id)
        self._show_case(self.cases.currentRow())

    def open_work_dialog(self) -> None:
        path = self.dialogs.open_path(self, self.tr("Open the group's saved verdicts"), _tr(VERDICTS_FILTER))
        if not path:
            return
        try:
            group, verdicts = load_verdicts(path)
        except UserInputError as error:
            self.dialogs.error(self, self.tr("Cannot open the verdicts"), "\n".join(error.shown_lines()))
            return
        self.set_verdicts(group, verdicts)
        self.unsaved = False

    def save_work_dialog(self) -> None:
        path = self.dialogs.save_path(self, self.tr("Save the group's verdicts"), "verdicts.json", _tr(VERDICTS_FILTER))
        if not path:
            return
        try:
            write_verdicts(path, self.pack, self.group_edit.text().strip() or None, self.verdicts)
        except OSError as error:
            self.dialogs.error(self, self.tr("Cannot save the verdicts"), shown(failed_on(path, error)))
            return
        self.unsaved = False

    def export_response_dialog(self) -> None:
        group = self.group_edit.text().strip()
        try:
            # Checked before asking where to save: the group learns what is missing first.
            response = build_response(self.pack, group, self.verdicts)
        except UserInputError as error:
            self.dialogs.error(self, self.tr("The response is not complete"), "\n".join(error.shown_lines()))
            return
        suggested = f"{''.join(c if c.isalnum() else '-' for c in group).strip('-') or 'group'}-response.json"
        path = self.dialogs.save_path(self, self.tr("Export the group's response"), suggested, _tr(RESPONSE_FILTER))
        if not path:
            return
        try:
            write_response(path, response)
        except OSError as error:
            self.dialogs.error(self, self.tr("Cannot write the response"), shown(failed_on(path, error)))
            return
        self.unsaved = False


class SeminarWindow(QMainWindow):
    """One pack: the group's work on one tab, the comparison of the groups on the other."""

    def __init__(self, pack: Pack, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.dialogs = dialogs
        self.tasks = TaskRunner(self)
        self.tasks.failed.connect(
            lambda title, error: dialogs.error(
                self, title, "\n".join(error.shown_lines()) if isinstance(error, UserInputError) else str(error)
            )
        )
        self.group = GroupPane(pack, dialogs)
        self.comparison = ComparePane(pack, dialogs, self.tasks)
        self.comparison.saved.connect(
            lambda path: self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.group, self.tr("Group verdicts"))
        self.tabs.addTab(self.comparison, self.tr("Compare groups"))
        self.setCentralWidget(self.tabs)
        self.setWindowTitle(self.tr("{title} — Seminar — Recogniser").format(title=pack.title))
        self.statusBar().showMessage(
            self.tr("Pack {id}, version {version}: %n case(s)", "", len(pack.cases)).format(
                id=pack.pack_id, version=pack.version
            )
        )
        keep_values_from_the_wheel(self)
        open_at(self, QSize(1280, 820))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.group.unsaved and not self.dialogs.confirm(
            self,
            self.tr("Unsaved verdicts"),
            self.tr("The group's verdicts have changed since they were last saved or exported. Close anyway?"),
            self.tr("Close without saving"),
        ):
            event.ignore()
            return
        # A comparison or PDF still being written finishes first; its result has nowhere else to go.
        self.tasks.wait()
        super().closeEvent(event)
